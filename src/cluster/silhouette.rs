//! Exact mean silhouette of several labelings of the same points at once: every pairwise
//! distance is computed once and shared by all candidate k, split over the available cores.

/// Mean silhouette coefficient (Euclidean) of each labeling of the rows of `points` (n × d,
/// row-major). Labels of a labeling must be compact (`0..k`). A point alone in its cluster
/// scores 0, as in scikit-learn; a labeling with fewer than two clusters scores 0.
pub fn mean_silhouettes(points: &[f64], d: usize, labelings: &[&[usize]]) -> Vec<f64> {
    let n = points.len().checked_div(d).unwrap_or(0);
    if n == 0 || labelings.is_empty() {
        return vec![0.0; labelings.len()];
    }
    let ks: Vec<usize> = labelings
        .iter()
        .map(|l| l.iter().max().map_or(0, |m| m + 1))
        .collect();
    let mut offsets = Vec::with_capacity(ks.len());
    let mut width = 0;
    for k in &ks {
        offsets.push(width);
        width += k;
    }
    let m = ks.len();
    // Labels per point for all labelings side by side, so that the inner loop reads one line.
    let mut labels = vec![0u32; n * m];
    for (c, l) in labelings.iter().enumerate() {
        for (i, &label) in l.iter().enumerate().take(n) {
            labels[i * m + c] = (offsets[c] + label) as u32;
        }
    }
    let mut sizes = vec![0usize; width];
    for &slot in &labels {
        sizes[slot as usize] += 1;
    }
    // Rows padded to whole blocks of LANES so that the distance loop has a fixed width and
    // vectorises; this is where all the time goes (n² distances).
    let blocks = d.div_ceil(LANES);
    let mut padded = vec![[0.0f64; LANES]; n * blocks];
    for (i, row) in points.chunks_exact(d).enumerate() {
        for (j, &x) in row.iter().enumerate() {
            padded[i * blocks + j / LANES][j % LANES] = x;
        }
    }

    // Per point and labeling: its silhouette, computed from its distance sums to each cluster.
    let per_point = |i: usize, sums: &mut [f64], out: &mut [f64]| {
        sums.iter_mut().for_each(|s| *s = 0.0);
        let xi = &padded[i * blocks..(i + 1) * blocks];
        for (j, (xj, slots)) in padded
            .chunks_exact(blocks)
            .zip(labels.chunks_exact(m))
            .enumerate()
        {
            if j == i {
                continue;
            }
            let mut sq = 0.0;
            for (a, b) in xi.iter().zip(xj) {
                let mut acc = [0.0f64; LANES];
                for l in 0..LANES {
                    let diff = a[l] - b[l];
                    acc[l] = diff * diff;
                }
                sq += acc.iter().sum::<f64>();
            }
            let dist = sq.sqrt();
            for &slot in slots {
                if let Some(s) = sums.get_mut(slot as usize) {
                    *s += dist;
                }
            }
        }
        for (c, &k) in ks.iter().enumerate() {
            let own = labels[i * m + c] as usize;
            let own_size = sizes[own];
            out[c] = if k < 2 || own_size <= 1 {
                0.0
            } else {
                let a = sums[own] / (own_size - 1) as f64;
                let b = (offsets[c]..offsets[c] + k)
                    .filter(|&slot| slot != own && sizes[slot] > 0)
                    .map(|slot| sums[slot] / sizes[slot] as f64)
                    .fold(f64::INFINITY, f64::min);
                let denom = a.max(b);
                if denom > 0.0 && b.is_finite() {
                    (b - a) / denom
                } else {
                    0.0
                }
            };
        }
    };

    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .clamp(1, 8)
        .min(n);
    let chunk = n.div_ceil(threads);
    let mut scores = vec![0.0; n * m];
    std::thread::scope(|scope| {
        for (t, part) in scores.chunks_mut(chunk * m).enumerate() {
            let per_point = &per_point;
            scope.spawn(move || {
                let mut sums = vec![0.0; width];
                for (r, out) in part.chunks_mut(m).enumerate() {
                    per_point(t * chunk + r, &mut sums, out);
                }
            });
        }
    });
    // Summed in point order whatever the thread count, so the result is reproducible.
    (0..m)
        .map(|c| (0..n).map(|i| scores[i * m + c]).sum::<f64>() / n as f64)
        .collect()
}

/// Width of the fixed-size blocks rows are padded to.
const LANES: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_silhouettes() {
        // Points on a line: 0, 1, 10, 11.
        let points = [0.0, 1.0, 10.0, 11.0];
        // Two tight pairs: s = (1 - 1/10.5, 1 - 1/9.5, 1 - 1/9.5, 1 - 1/10.5), mean below.
        let good = (2.0 * (1.0 - 1.0 / 10.5) + 2.0 * (1.0 - 1.0 / 9.5)) / 4.0;
        // {0} {1,10,11}: point 0 alone → 0; point 1: a = (9+10)/2 = 9.5, b = 1 → (1-9.5)/9.5;
        // point 10: a = (9+1)/2 = 5, b = 10 → 0.5; point 11: a = (10+1)/2 = 5.5, b = 11 → 0.5.
        let odd = (0.0 + (1.0 - 9.5) / 9.5 + 0.5 + 0.5) / 4.0;
        let cases: &[(&[usize], f64)] = &[
            (&[0, 0, 1, 1], good),
            (&[0, 1, 1, 1], odd),
            (&[0, 0, 0, 0], 0.0),
            (&[0, 1, 2, 3], 0.0),
        ];
        let labelings: Vec<&[usize]> = cases.iter().map(|(l, _)| *l).collect();
        let got = mean_silhouettes(&points, 1, &labelings);
        for ((labels, want), got) in cases.iter().zip(got) {
            assert!(
                (got - want).abs() < 1e-12,
                "labels {labels:?}: expected {want}, got {got}"
            );
        }
    }

    #[test]
    fn identical_points_score_zero_not_nan() {
        let points = [1.0; 10];
        let got = mean_silhouettes(&points, 2, &[&[0, 0, 1, 1, 1]]);
        assert_eq!(got, vec![0.0]);
    }
}
