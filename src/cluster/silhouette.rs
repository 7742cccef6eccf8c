//! Exact mean silhouette of several labelings of the same points at once: every pairwise
//! distance is computed once and shared by all candidate k, split over the available cores.

/// Mean silhouette coefficient (Euclidean) of each labeling of the rows of `points` (n × d,
/// row-major). Labels of a labeling must be compact (`0..k`). A point alone in its cluster
/// scores 0, as in scikit-learn; a labeling with fewer than two clusters scores 0.
pub fn mean_silhouettes(points: &[f64], d: usize, labelings: &[&[usize]]) -> Vec<f64> {
    silhouettes(points, d, labelings, wide_lanes())
}

/// [`mean_silhouettes`], the distances four lanes wide (AVX2) when `wide`, else two.
fn silhouettes(points: &[f64], d: usize, labelings: &[&[usize]], wide: bool) -> Vec<f64> {
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
    let blocks = d.div_ceil(LANES);
    let tiles = n.div_ceil(TILE);
    let (padded, across) = layout(points, d);

    let shared = Tiles {
        across: &across,
        padded: &padded,
        labels: &labels,
        blocks,
        m,
        ks: &ks,
        sizes: &sizes,
        offsets: &offsets,
    };
    let per_tile = |t: usize, sums: &mut [[f64; TILE]], out: &mut [f64]| {
        #[cfg(target_arch = "x86_64")]
        if wide {
            // SAFETY: only when `wide_lanes` found AVX2 on this processor.
            return unsafe { shared.tile_avx2(t, sums, out) };
        }
        shared.tile(t, sums, out);
    };

    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .clamp(1, 8)
        .min(tiles);
    let per_thread = tiles.div_ceil(threads);
    let mut scores = vec![0.0; n * m];
    std::thread::scope(|scope| {
        for (p, part) in scores.chunks_mut(per_thread * TILE * m).enumerate() {
            let per_tile = &per_tile;
            scope.spawn(move || {
                let mut sums = vec![[0.0; TILE]; width];
                for (q, out) in part.chunks_mut(TILE * m).enumerate() {
                    per_tile(p * per_thread + q, &mut sums, out);
                }
            });
        }
    });
    // Summed in point order whatever the thread count, so the result is reproducible.
    (0..m)
        .map(|c| (0..n).map(|i| scores[i * m + c]).sum::<f64>() / n as f64)
        .collect()
}

/// What every tile reads: the two layouts of the points, each point's slots (its cluster under
/// each labeling), the number of labelings, and each labeling's k, cluster sizes and first slot.
struct Tiles<'a> {
    across: &'a [[f64; TILE]],
    padded: &'a [[f64; LANES]],
    labels: &'a [u32],
    blocks: usize,
    m: usize,
    ks: &'a [usize],
    sizes: &'a [usize],
    offsets: &'a [usize],
}

impl Tiles<'_> {
    /// [`Tiles::tile`] compiled for AVX2: the same operations in the same order four lanes at a
    /// time instead of two, so the same bits (no fused multiply-add is enabled).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn tile_avx2(&self, t: usize, sums: &mut [[f64; TILE]], out: &mut [f64]) {
        self.tile(t, sums, out);
    }

    /// Each point of tile `t`'s silhouette under every labeling (into `out`, point by point),
    /// from its distance sums to each cluster. Every sum adds the distances in order of the
    /// other point, as one point at a time would; a point's distance to itself is +0.0, which
    /// leaves a sum unchanged.
    #[inline(always)]
    fn tile(&self, t: usize, sums: &mut [[f64; TILE]], out: &mut [f64]) {
        let (blocks, m) = (self.blocks, self.m);
        sums.iter_mut().for_each(|s| *s = [0.0; TILE]);
        let xt = &self.across[t * blocks * LANES..(t + 1) * blocks * LANES];
        for (xj, slots) in self
            .padded
            .chunks_exact(blocks)
            .zip(self.labels.chunks_exact(m))
        {
            let mut sq = [0.0f64; TILE];
            for (b, lanes) in xj.iter().enumerate() {
                let mut block = [-0.0f64; TILE];
                for (l, &y) in lanes.iter().enumerate() {
                    let xs = &xt[b * LANES + l];
                    for r in 0..TILE {
                        let diff = xs[r] - y;
                        block[r] += diff * diff;
                    }
                }
                for r in 0..TILE {
                    sq[r] += block[r];
                }
            }
            let mut dist = [0.0f64; TILE];
            for r in 0..TILE {
                dist[r] = sq[r].sqrt();
            }
            for &slot in slots {
                if let Some(s) = sums.get_mut(slot as usize) {
                    for r in 0..TILE {
                        s[r] += dist[r];
                    }
                }
            }
        }
        for (r, out) in out.chunks_mut(m).enumerate() {
            let i = t * TILE + r;
            for (c, &k) in self.ks.iter().enumerate() {
                let own = self.labels[i * m + c] as usize;
                let own_size = self.sizes[own];
                out[c] = if k < 2 || own_size <= 1 {
                    0.0
                } else {
                    let a = sums[own][r] / (own_size - 1) as f64;
                    let b = (self.offsets[c]..self.offsets[c] + k)
                        .filter(|&slot| slot != own && self.sizes[slot] > 0)
                        .map(|slot| sums[slot][r] / self.sizes[slot] as f64)
                        .fold(f64::INFINITY, f64::min);
                    score(a, b)
                };
            }
        }
    }
}

/// Whether the distance loop can run four lanes wide (AVX2, present on x86-64 processors since
/// 2013); elsewhere it runs two wide, with the same results.
fn wide_lanes() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The points in the two layouts the distance loop reads: each row padded to whole blocks of
/// LANES (a fixed width), and each tile of TILE points stored feature by feature so that the
/// loop runs across the tile's points at once and vectorises. This is where all the time goes
/// (n² distances).
fn layout(points: &[f64], d: usize) -> (Vec<[f64; LANES]>, Vec<[f64; TILE]>) {
    let n = points.len() / d;
    let blocks = d.div_ceil(LANES);
    let mut padded = vec![[0.0f64; LANES]; n * blocks];
    for (i, row) in points.chunks_exact(d).enumerate() {
        for (j, &x) in row.iter().enumerate() {
            padded[i * blocks + j / LANES][j % LANES] = x;
        }
    }
    let mut across = vec![[0.0f64; TILE]; n.div_ceil(TILE) * blocks * LANES];
    for (i, row) in padded.chunks_exact(blocks).enumerate() {
        for (f, &x) in row.iter().flatten().enumerate() {
            across[(i / TILE) * blocks * LANES + f][i % TILE] = x;
        }
    }
    (padded, across)
}

/// Points whose distances are computed together (one vectorised pass over the other points).
const TILE: usize = 8;

/// Width of the fixed-size blocks rows are padded to.
const LANES: usize = 8;

/// One point's silhouette from its mean distance to its own cluster (`a`) and to the nearest
/// other one (`b`); 0 when both are 0 or there is no other cluster.
fn score(a: f64, b: f64) -> f64 {
    let denom = a.max(b);
    if denom > 0.0 && b.is_finite() {
        (b - a) / denom
    } else {
        0.0
    }
}

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

    /// The silhouette one point at a time, as this module computed it before points were taken
    /// a tile at a time: the tiled version must give the same bits.
    fn one_at_a_time(points: &[f64], d: usize, labels: &[usize]) -> f64 {
        let n = points.len() / d;
        let k = labels.iter().max().map_or(0, |m| m + 1);
        let mut sizes = vec![0usize; k];
        labels.iter().for_each(|&l| sizes[l] += 1);
        let blocks = d.div_ceil(LANES);
        let pad = |i: usize| {
            let mut p = vec![[0.0f64; LANES]; blocks];
            for (j, &x) in points[i * d..(i + 1) * d].iter().enumerate() {
                p[j / LANES][j % LANES] = x;
            }
            p
        };
        let mut total = 0.0;
        for i in 0..n {
            let xi = pad(i);
            let mut sums = vec![0.0; k];
            for j in (0..n).filter(|&j| j != i) {
                let mut sq = 0.0;
                for (a, b) in xi.iter().zip(pad(j).iter()) {
                    let mut acc = [0.0f64; LANES];
                    for l in 0..LANES {
                        let diff = a[l] - b[l];
                        acc[l] = diff * diff;
                    }
                    sq += acc.iter().sum::<f64>();
                }
                sums[labels[j]] += sq.sqrt();
            }
            let own = labels[i];
            total += if k < 2 || sizes[own] <= 1 {
                0.0
            } else {
                let a = sums[own] / (sizes[own] - 1) as f64;
                let b = (0..k)
                    .filter(|&l| l != own && sizes[l] > 0)
                    .map(|l| sums[l] / sizes[l] as f64)
                    .fold(f64::INFINITY, f64::min);
                score(a, b)
            };
        }
        total / n as f64
    }

    #[test]
    fn tiles_give_the_same_bits_as_one_point_at_a_time() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..12 {
            let d = 1 + case % 11;
            let n = 3 + (next() % 90) as usize;
            let points: Vec<f64> = (0..n * d)
                .map(|_| (next() % 2000) as f64 / 300.0 - 3.0)
                .collect();
            let labelings: Vec<Vec<usize>> = (2..6)
                .map(|k| (0..n).map(|i| (i * 7 + i / 3) % k.min(n)).collect())
                .collect();
            let refs: Vec<&[usize]> = labelings.iter().map(|l| l.as_slice()).collect();
            // Both widths, whichever this processor would take.
            let wide = wide_lanes();
            for got in [
                silhouettes(&points, d, &refs, false),
                silhouettes(&points, d, &refs, wide),
            ] {
                for (labels, got) in labelings.iter().zip(got) {
                    let want = one_at_a_time(&points, d, labels);
                    assert_eq!(got.to_bits(), want.to_bits(), "case {case}: n {n}, d {d}");
                }
            }
        }
    }

    #[test]
    fn identical_points_score_zero_not_nan() {
        let points = [1.0; 10];
        let got = mean_silhouettes(&points, 2, &[&[0, 0, 1, 1, 1]]);
        assert_eq!(got, vec![0.0]);
    }
}
