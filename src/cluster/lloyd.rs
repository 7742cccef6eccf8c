//! Stage 5, cluster: linfa-clustering 0.8's k-means — k-means++ seeding from the same random
//! stream, Lloyd iterations with its update (the old centroid counts as one more member), its
//! stopping rule and restarts kept by inertia — redone on flat row-major slices with the same
//! floating-point operations in the same order, so it gives linfa's labels bit for bit (the tests
//! compare the two) without linfa's per-row array views and per-iteration allocations.

use ndarray::ArrayView1;
use rand::distributions::{Distribution, WeightedIndex};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

/// Where each restart's centroids come from.
pub enum Init<'a> {
    /// k-means++ (linfa's `KMeansInit::KMeansPlusPlus`) from a generator seeded with this seed.
    PlusPlus(u64),
    /// These centroids (k × d, row-major; linfa's `KMeansInit::Precomputed`).
    Given(&'a [f64]),
}

/// Settings of one fit (linfa's `n_runs`, `max_n_iterations`, `tolerance`), all at least 1 / > 0.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Number of clusters asked for.
    pub k: usize,
    /// Restarts; the one with the lowest inertia (the first on a tie) is kept.
    pub runs: usize,
    /// Iterations per restart at most.
    pub max_iterations: u64,
    /// Stop once the centroids moved less than this (Euclidean, all centroids together).
    pub tolerance: f64,
}

/// The closest centroid of the row and its squared distance, as linfa's `closest_centroid`:
/// the first of equally close centroids wins.
#[inline]
fn closest(row: &[f64], centroids: &[f64], d: usize) -> (usize, f64) {
    let mut best = (0, sq_dist(&centroids[..d], row));
    for (c, centroid) in centroids.chunks_exact(d).enumerate() {
        let dist = sq_dist(centroid, row);
        if dist < best.1 {
            best = (c, dist);
        }
    }
    best
}

/// ndarray-stats' `sq_l2_dist`: squares of `a - b` summed from zero, in order.
#[inline]
fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (x, y) in a.iter().zip(b) {
        let diff = x - y;
        sum += diff * diff;
    }
    sum
}

/// k-means on the rows of `data` (n × d): each row's cluster in `0..k` (clusters may be empty),
/// or `None` where linfa returns an error (no restart had a comparable inertia).
pub fn fit(data: &[f64], d: usize, init: Init, s: Settings) -> Option<Vec<usize>> {
    let n = data.len().checked_div(d)?;
    let k = s.k;
    // linfa refuses these parameters.
    if n == 0 || k == 0 || s.tolerance.is_nan() || s.tolerance <= 0.0 {
        return None;
    }
    // The restarts' starting centroids are drawn one after the other from the one random
    // stream, as linfa draws them; the restarts themselves use no randomness, so they run side
    // by side and are then compared in order (the first of equal inertias is kept).
    let runs = s.runs.max(1);
    let starts: Vec<Vec<f64>> = match init {
        Init::Given(c) => vec![c.to_vec(); runs],
        Init::PlusPlus(seed) => {
            let mut rng = Xoshiro256Plus::seed_from_u64(seed);
            let mut dists = vec![0.0f64; n];
            (0..runs)
                .map(|_| plus_plus(data, d, k, &mut rng, &mut dists))
                .collect()
        }
    };
    let restarts: Vec<(f64, Vec<f64>)> = starts
        .into_par_iter()
        .map(|centroids| restart(data, d, centroids, s))
        .collect();
    let mut min_inertia = f64::INFINITY;
    let mut best: Option<Vec<f64>> = None;
    for (inertia, centroids) in restarts {
        if inertia < min_inertia {
            min_inertia = inertia;
            best = Some(centroids);
        }
    }
    let best = best?;
    Some(
        data.chunks_exact(d)
            .map(|row| closest(row, &best, d).0)
            .collect(),
    )
}

/// One restart from the given centroids: Lloyd iterations until the centroids move less than
/// the tolerance or the iterations run out; its inertia (from the last assignment, before the
/// last update, as linfa computes it) and its final centroids.
fn restart(data: &[f64], d: usize, mut centroids: Vec<f64>, s: Settings) -> (f64, Vec<f64>) {
    let n = data.len() / d;
    let mut memberships = vec![0usize; n];
    let mut dists = vec![0.0f64; n];
    let mut next = vec![0.0f64; centroids.len()];
    let mut counts = vec![0usize; s.k];
    let mut iterations = 0;
    loop {
        for ((row, m), dist) in data.chunks_exact(d).zip(&mut memberships).zip(&mut dists) {
            (*m, *dist) = closest(row, &centroids, d);
        }
        update(&centroids, data, d, &memberships, &mut next, &mut counts);
        let moved = sq_dist(&centroids, &next).sqrt();
        std::mem::swap(&mut centroids, &mut next);
        iterations += 1;
        if moved < s.tolerance || iterations == s.max_iterations.max(1) {
            return (ArrayView1::from(&dists[..]).sum(), centroids);
        }
    }
}

/// linfa's `compute_centroids`: per cluster, its members summed in row order, plus the old
/// centroid, divided by members + 1.
fn update(
    old: &[f64],
    data: &[f64],
    d: usize,
    memberships: &[usize],
    out: &mut [f64],
    counts: &mut [usize],
) {
    out.iter_mut().for_each(|x| *x = 0.0);
    counts.iter_mut().for_each(|c| *c = 1);
    for (row, &m) in data.chunks_exact(d).zip(memberships) {
        for (s, x) in out[m * d..(m + 1) * d].iter_mut().zip(row) {
            *s += x;
        }
        counts[m] += 1;
    }
    for (s, o) in out.iter_mut().zip(old) {
        *s += o;
    }
    for (centroid, &c) in out.chunks_exact_mut(d).zip(counts.iter()) {
        let c = c as f64;
        centroid.iter_mut().for_each(|x| *x /= c);
    }
}

/// linfa's k-means++ with unit weights: the first centroid drawn uniformly by a weighted index
/// over ones, each next one with probability proportional to the squared distance to the
/// closest centroid so far (row 0 when every distance is zero).
fn plus_plus(
    data: &[f64],
    d: usize,
    k: usize,
    rng: &mut Xoshiro256Plus,
    dists: &mut [f64],
) -> Vec<f64> {
    let n = dists.len();
    let mut centroids = vec![0.0; k * d];
    let first = WeightedIndex::new(std::iter::repeat_n(1.0f64, n))
        .map(|w| w.sample(rng))
        .unwrap_or(0);
    centroids[..d].copy_from_slice(&data[first * d..(first + 1) * d]);
    for c in 1..k {
        for (row, dist) in data.chunks_exact(d).zip(dists.iter_mut()) {
            // linfa multiplies by the unit weights here: x * 1.0 is x.
            *dist = closest(row, &centroids[..c * d], d).1;
        }
        let idx = WeightedIndex::new(dists.iter())
            .map(|w| w.sample(rng))
            .unwrap_or(0);
        centroids[c * d..(c + 1) * d].copy_from_slice(&data[idx * d..(idx + 1) * d]);
    }
    centroids
}
