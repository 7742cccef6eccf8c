//! Stage 5, cluster: k-means (linfa-clustering) on standardised customer features, k chosen by
//! an exact silhouette on a fixed-seed sample, clusters numbered by mean 综合得分 (1 = best) and
//! named from their centroids. The same customers and seed always give the same clusters.
//!
//! The steps, one submodule each: [`features`] (which measures, log scale, median imputation,
//! z-scores) → [`kmeans`] (linfa-clustering's k-means++ with restarts, computed to the same bits
//! by `lloyd` on flat slices) and [`silhouette`] (choosing k) →
//! [`naming`] (names from the centroid's standout traits).

pub mod features;
pub mod kmeans;
mod lloyd;
pub mod naming;
pub mod silhouette;

use ndarray::ArrayView2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

use crate::model::{Classified, ClusterInfo, ClusterMethod, ClusterName, Clustering};
use features::{Dropped, FeatureKind, Indicator, Prepared};
use kmeans::{Effort, Fit};
use naming::{Profile, Trait};

/// The k tried when `--k` is not given.
pub const K_MIN: usize = 2;
/// The largest k tried when `--k` is not given: more segments than a manager can act on is
/// not a segmentation.
pub const K_MAX: usize = 8;
/// Customers per cluster, on average, below which a larger k is not tried when k is chosen: a
/// small base is not cut into segments of a handful of customers each.
pub const MIN_PER_CLUSTER: usize = 30;

/// The largest k tried for `n` customers: [`K_MAX`], and for a small base at most one cluster
/// per [`MIN_PER_CLUSTER`] customers (n/30), but never fewer than [`K_MIN`].
///
/// ```
/// use custseg::cluster::k_cap;
///
/// assert_eq!((k_cap(50), k_cap(90), k_cap(150), k_cap(300)), (2, 3, 5, 8));
/// ```
pub fn k_cap(n: usize) -> usize {
    K_MAX.min((n / MIN_PER_CLUSTER).max(K_MIN))
}

/// Rows the silhouette is computed on. The silhouette is exact but quadratic; 5 000 rows keep
/// the k search well under a second while estimating it to about ±0.01.
pub const SAMPLE_SIZE: usize = 5_000;

/// Effort of each fit on the sample during the k search: cheaper than the final fit because
/// only the ranking of k matters there.
pub const SEARCH_EFFORT: Effort = Effort {
    runs: 3,
    max_iterations: 100,
    tolerance: 1e-2,
};

/// Keeps the sample's random stream apart from the k-means seeding stream of the same seed.
const SAMPLE_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

/// Clusters the classified customers; `k` given with `--k`, else chosen in 2..=8 (at most
/// [`k_cap`]) by silhouette.
///
/// Labels are aligned with `customers` and 1-based; cluster 1 has the highest mean 综合得分.
/// Fewer clusters than asked are made when there are fewer distinct customers; fewer than two
/// customers, or no usable feature, give one cluster.
///
/// # Examples
///
/// ```
/// use custseg::{cluster, model::Lang, testdata};
///
/// let customers = testdata::analysis(300, Lang::Zh).classification.customers;
/// let clustering = cluster::cluster(&customers, Some(3), 1);
/// assert_eq!(clustering.k, 3);
/// assert_eq!(clustering.labels.len(), 300);
/// assert!(clustering.clusters[0].mean_total >= clustering.clusters[2].mean_total);
/// ```
pub fn cluster(customers: &[Classified], k: Option<usize>, seed: u64) -> Clustering {
    cluster_sampled(customers, k, seed, SAMPLE_SIZE)
}

/// The cluster stage of a run: clusters the customers as [`cluster`] does and writes each
/// one's cluster number and name into it (classify leaves them 0 and empty).
pub fn assign(customers: &mut [Classified], k: Option<usize>, seed: u64) -> Clustering {
    let clustering = cluster(customers, k, seed);
    for (c, &label) in customers.iter_mut().zip(&clustering.labels) {
        c.cluster = label;
        if let Some(info) = clustering.clusters.iter().find(|i| i.id == label) {
            c.cluster_name = info.name.clone();
        }
    }
    clustering
}

/// [`cluster`] with the silhouette sample size as a parameter (tests use a small one).
fn cluster_sampled(
    customers: &[Classified],
    k: Option<usize>,
    seed: u64,
    sample_size: usize,
) -> Clustering {
    let prepared = features::prepare(customers);
    let imputation = method(&prepared);
    let feature_names = prepared.kinds.clone();
    let n = customers.len();
    if n == 0 {
        return Clustering {
            k_chosen: k.is_none(),
            features: feature_names,
            imputation,
            ..Clustering::default()
        };
    }
    let d = prepared.dims();
    let (fit, silhouettes) = match ArrayView2::from_shape((n, d), &prepared.z) {
        Ok(matrix) if d > 0 => {
            let sample = sample_rows(n, seed, sample_size);
            match k {
                Some(k) => fixed_k(&prepared, matrix, &sample, k, seed),
                None => search_k(&prepared, matrix, &sample, seed),
            }
        }
        _ => (
            Fit {
                labels: vec![0; n],
                k: 1,
            },
            Vec::new(),
        ),
    };
    let (labels, clusters) = describe(customers, &prepared, &fit);
    Clustering {
        k: clusters.len(),
        k_chosen: k.is_none(),
        silhouettes,
        features: feature_names,
        clusters,
        labels,
        imputation,
    }
}

/// `Clustering::imputation`: the features imputed and those left out.
fn method(p: &Prepared) -> ClusterMethod {
    let left_out = |why: Dropped| -> Vec<FeatureKind> {
        p.dropped
            .iter()
            .filter(|(_, w)| *w == why)
            .map(|(f, _)| *f)
            .collect()
    };
    ClusterMethod {
        imputed: p.imputed.clone(),
        missing: left_out(Dropped::Missing),
        constant: left_out(Dropped::Constant),
        any_feature: p.dims() > 0,
    }
}

/// Sorted indices of a fixed-seed sample of at most `size` rows (all rows when fewer).
fn sample_rows(n: usize, seed: u64, size: usize) -> Vec<usize> {
    if n <= size {
        return (0..n).collect();
    }
    let mut rng = Xoshiro256Plus::seed_from_u64(seed ^ SAMPLE_STREAM);
    let mut idx = rand::seq::index::sample(&mut rng, n, size).into_vec();
    idx.sort_unstable();
    idx
}

/// The sampled rows as one row-major matrix.
fn gather(p: &Prepared, rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .flat_map(|&i| p.row(i).iter().copied())
        .collect()
}

/// `--k` given: at most that many clusters (no more than distinct customers); its silhouette on
/// the sample is still reported, so the user can judge the choice.
fn fixed_k(
    p: &Prepared,
    matrix: ArrayView2<f64>,
    sample: &[usize],
    k: usize,
    seed: u64,
) -> (Fit, Vec<(usize, f64)>) {
    let k = k.max(1).min(kmeans::distinct_rows(&p.z, p.dims(), k));
    let points = gather(p, sample);
    let fit = final_fit(matrix, &points, p.dims(), k, seed);
    let mut silhouettes = Vec::new();
    if fit.k >= 2 {
        let labels: Vec<usize> = sample.iter().map(|&i| fit.labels[i]).collect();
        let s = silhouette::mean_silhouettes(&points, p.dims(), &[&labels]);
        silhouettes.push((fit.k, s[0]));
    }
    (fit, silhouettes)
}

/// The fit every customer's label comes from: k-means++ restarts on the sample (`points`; all
/// customers when there are at most [`SAMPLE_SIZE`]), whose best centroids are then refined on
/// all customers. Restarting on 100 000 rows costs seconds; from sample centroids the full fit
/// converges in a few iterations to the same partition.
fn final_fit(matrix: ArrayView2<f64>, points: &[f64], d: usize, k: usize, seed: u64) -> Fit {
    let n = matrix.nrows();
    let m = points.len() / d.max(1);
    if m >= n {
        return kmeans::fit(matrix, k, seed, Effort::default());
    }
    let view = match ArrayView2::from_shape((m, d), points) {
        Ok(v) => v,
        Err(_) => return kmeans::fit(matrix, k, seed, Effort::default()),
    };
    let seeds = kmeans::fit(view, k, seed, Effort::default());
    kmeans::refine(matrix, kmeans::centroids(points, d, &seeds), Effort::REFINE)
}

/// No `--k`: fits every k in 2..=[`k_cap`] on the sample, keeps the k with the highest silhouette
/// (the smaller k on a tie), then fits the whole customer base with it.
fn search_k(
    p: &Prepared,
    matrix: ArrayView2<f64>,
    sample: &[usize],
    seed: u64,
) -> (Fit, Vec<(usize, f64)>) {
    let d = p.dims();
    let points = gather(p, sample);
    let m = sample.len();
    let distinct = kmeans::distinct_rows(&points, d, K_MAX);
    // A silhouette needs at least two clusters and one point more than clusters.
    let k_top = k_cap(matrix.nrows()).min(distinct).min(m.saturating_sub(1));
    let view = match ArrayView2::from_shape((m, d), &points) {
        Ok(v) => v,
        Err(_) => return (one_cluster(matrix.nrows()), Vec::new()),
    };
    // Each k is fitted on its own (same seed, own random stream), so fitting them side by side
    // gives the same fits; they are then taken in order of k.
    let fits: Vec<Fit> = (K_MIN..=k_top)
        .into_par_iter()
        .map(|k| kmeans::fit(view, k, seed, SEARCH_EFFORT))
        .collect();
    let mut tried: Vec<Fit> = Vec::new();
    for fit in fits {
        // A k that collapsed onto an already tried one says nothing new.
        if fit.k >= K_MIN && tried.iter().all(|t| t.k != fit.k) {
            tried.push(fit);
        }
    }
    let labelings: Vec<&[usize]> = tried.iter().map(|f| f.labels.as_slice()).collect();
    let scores = silhouette::mean_silhouettes(&points, d, &labelings);
    let silhouettes: Vec<(usize, f64)> = tried.iter().map(|f| f.k).zip(scores).collect();
    let best = silhouettes
        .iter()
        .fold(None, |best: Option<(usize, f64)>, &(k, s)| match best {
            Some((_, bs)) if bs >= s => best,
            _ => Some((k, s)),
        });
    let fit = match best {
        Some((k, _)) => final_fit(matrix, &points, d, k, seed),
        None => one_cluster(matrix.nrows()),
    };
    (fit, silhouettes)
}

fn one_cluster(n: usize) -> Fit {
    Fit {
        labels: vec![0; n],
        k: usize::from(n > 0),
    }
}

/// Numbers the clusters by mean 综合得分 (then size, then first member, so ties are stable),
/// and builds each cluster's profile: size, centroid in original units and name.
fn describe(customers: &[Classified], p: &Prepared, fit: &Fit) -> (Vec<usize>, Vec<ClusterInfo>) {
    let d = p.dims();
    let k = fit.k;
    let mut size = vec![0usize; k];
    let mut total = vec![0.0; k];
    let mut first = vec![usize::MAX; k];
    let mut z_sum = vec![0.0; k * d];
    let mut hits = vec![[0usize; 2]; k];
    let mut all_hits = [0usize; 2];
    for (i, (c, &l)) in customers.iter().zip(&fit.labels).enumerate() {
        size[l] += 1;
        total[l] += c.total_score;
        first[l] = first[l].min(i);
        for (s, z) in z_sum[l * d..(l + 1) * d].iter_mut().zip(p.row(i)) {
            *s += z;
        }
        for (h, ind) in Indicator::ALL.iter().enumerate() {
            if ind.holds(c) {
                hits[l][h] += 1;
                all_hits[h] += 1;
            }
        }
    }
    let mean_total: Vec<f64> = (0..k).map(|l| total[l] / size[l].max(1) as f64).collect();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        mean_total[b]
            .total_cmp(&mean_total[a])
            .then(size[b].cmp(&size[a]))
            .then(first[a].cmp(&first[b]))
    });
    let mut id_of = vec![0usize; k];
    for (rank, &l) in order.iter().enumerate() {
        id_of[l] = rank + 1;
    }

    let n = customers.len() as f64;
    let profiles: Vec<Profile> = order
        .iter()
        .map(|&l| {
            let count = size[l].max(1) as f64;
            let mut traits: Vec<(Trait, f64)> = p
                .kinds
                .iter()
                .enumerate()
                .map(|(j, f)| (Trait::Feature(*f), z_sum[l * d + j] / count))
                .collect();
            for (h, ind) in Indicator::ALL.iter().enumerate() {
                let base = all_hits[h] as f64 / n;
                if base > 0.0 && base < 1.0 {
                    let share = hits[l][h] as f64 / count;
                    let z = (share - base) / (base * (1.0 - base)).sqrt();
                    traits.push((Trait::Indicator(*ind), z));
                }
            }
            Profile { traits }
        })
        .collect();
    let names = if k == 1 {
        vec![ClusterName::Everyone]
    } else {
        naming::names(&profiles)
    };
    let clusters = order
        .iter()
        .zip(names)
        .enumerate()
        .map(|(rank, (&l, name))| {
            let count = size[l].max(1) as f64;
            let centroid = p
                .kinds
                .iter()
                .enumerate()
                .map(|(j, f)| {
                    let z = z_sum[l * d + j] / count;
                    features::inverse(*f, z * p.std[j] + p.mean[j])
                })
                .collect();
            ClusterInfo {
                id: rank + 1,
                name,
                size: size[l],
                mean_total: mean_total[l],
                centroid,
            }
        })
        .collect();
    let labels = fit.labels.iter().map(|&l| id_of[l]).collect();
    (labels, clusters)
}

#[cfg(test)]
mod tests;
