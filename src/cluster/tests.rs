//! Tests of the clustering stage as a whole: planted segments are recovered (adjusted Rand
//! index), the planted k is chosen, results are reproducible, and tiny or degenerate inputs
//! give sensible clusters and never NaN.

use std::collections::{HashMap, HashSet};

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::*;
use crate::messages::{cluster_method, cluster_name, feature_label};
use crate::model::{Lang, Level, Lifecycle};
use crate::testdata;

/// Adjusted Rand index of two labelings (Hubert & Arabie 1985): 1 for identical partitions,
/// about 0 for independent ones.
fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    assert_eq!(a.len(), b.len());
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let mut table: HashMap<(usize, usize), f64> = HashMap::new();
    let mut rows: HashMap<usize, f64> = HashMap::new();
    let mut cols: HashMap<usize, f64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1.0;
        *rows.entry(x).or_default() += 1.0;
        *cols.entry(y).or_default() += 1.0;
    }
    let index: f64 = table.values().map(|&c| pairs(c)).sum();
    let sum_rows: f64 = rows.values().map(|&c| pairs(c)).sum();
    let sum_cols: f64 = cols.values().map(|&c| pairs(c)).sum();
    let expected = sum_rows * sum_cols / pairs(a.len() as f64);
    let max = (sum_rows + sum_cols) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[test]
fn adjusted_rand_index_of_known_partitions() {
    let cases: &[(&[usize], &[usize], f64)] = &[
        (&[0, 0, 1, 1], &[5, 5, 7, 7], 1.0),
        // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
        (&[0, 0, 1, 1], &[0, 0, 1, 2], 4.0 / 7.0),
        // scikit-learn: adjusted_rand_score([0,0,1,1],[0,1,0,1]) = -0.5
        (&[0, 0, 1, 1], &[0, 1, 0, 1], -0.5),
    ];
    for (a, b, want) in cases {
        let got = adjusted_rand_index(a, b);
        assert!(
            (got - want).abs() < 1e-12,
            "ARI({a:?}, {b:?}): expected {want}, got {got}"
        );
    }
}

/// A planted segment: typical values of the clustered measures, and 综合得分.
struct Segment {
    money: f64,
    freq: f64,
    recency: f64,
    logins: f64,
    satisfaction: f64,
    total: f64,
    churn: Level,
    lifecycle: Lifecycle,
}

const SEGMENTS: [Segment; 4] = [
    Segment {
        money: 800_000.0,
        freq: 40.0,
        recency: 10.0,
        logins: 90.0,
        satisfaction: 90.0,
        total: 85.0,
        churn: Level::Low,
        lifecycle: Lifecycle::Mature,
    },
    Segment {
        money: 60_000.0,
        freq: 10.0,
        recency: 60.0,
        logins: 20.0,
        satisfaction: 25.0,
        total: 55.0,
        churn: Level::Medium,
        lifecycle: Lifecycle::Growing,
    },
    Segment {
        money: 5_000.0,
        freq: 1.0,
        recency: 15.0,
        logins: 35.0,
        satisfaction: 75.0,
        total: 40.0,
        churn: Level::Low,
        lifecycle: Lifecycle::New,
    },
    Segment {
        money: 20_000.0,
        freq: 3.0,
        recency: 500.0,
        logins: 1.0,
        satisfaction: 60.0,
        total: 25.0,
        churn: Level::High,
        lifecycle: Lifecycle::Declining,
    },
];

/// `n` customers, customer i in segment `i % segments`, each measure within ±12% of its
/// segment's value; the other scores are the same for everyone (so left out as constant).
fn planted(n: usize, segments: usize, seed: u64) -> (Vec<Classified>, Vec<usize>) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut customers = testdata::analysis(n, Lang::Zh).classification.customers;
    let mut truth = Vec::with_capacity(n);
    for (i, c) in customers.iter_mut().enumerate() {
        let g = i % segments;
        let s = &SEGMENTS[g];
        let mut j = || rng.gen_range(0.88..1.12);
        c.monetary = Some(s.money * j());
        c.frequency = Some((s.freq * j()).max(1.0));
        c.recency_days = Some((s.recency * j()).round() as i64);
        c.record.login_count = Some((s.logins * j()).round());
        c.record.satisfaction = Some((s.satisfaction * j()).min(100.0));
        c.total_score = s.total + j();
        c.churn_risk = s.churn;
        c.lifecycle = s.lifecycle;
        c.scores.size = Some(50.0);
        c.scores.potential = Some(50.0);
        truth.push(g);
    }
    (customers, truth)
}

#[test]
fn planted_segments_are_recovered_and_their_number_chosen() {
    for segments in [2, 3, 4] {
        let (customers, truth) = planted(900, segments, 3);
        let c = cluster(&customers, None, 1);
        assert_eq!(
            c.k, segments,
            "planted {segments}: silhouettes {:?}",
            c.silhouettes
        );
        assert!(c.k_chosen);
        let ari = adjusted_rand_index(&c.labels, &truth);
        assert!(ari >= 0.95, "planted {segments}: ARI {ari}");
        let tried: Vec<usize> = c.silhouettes.iter().map(|(k, _)| *k).collect();
        assert_eq!(tried, (2..=8).collect::<Vec<_>>(), "k tried");
        assert!(c.silhouettes.iter().all(|(_, s)| s.is_finite()));
    }
}

#[test]
fn a_small_base_tries_at_most_one_cluster_per_thirty_customers() {
    for (n, top) in [(90, 3), (150, 5), (239, 7), (240, 8), (300, 8)] {
        let (customers, _) = planted(n, 4, 9);
        let c = cluster(&customers, None, 1);
        let tried: Vec<usize> = c.silhouettes.iter().map(|(k, _)| *k).collect();
        assert_eq!(tried, (2..=top).collect::<Vec<_>>(), "{n} customers");
        assert!(c.k <= top, "{n} customers: k {}", c.k);
    }
    // A k given with --k is not capped.
    let (customers, _) = planted(90, 4, 9);
    assert_eq!(cluster(&customers, Some(4), 1).k, 4);
}

#[test]
fn planted_segments_are_recovered_on_a_sampled_search() {
    // More customers than the silhouette sample: the search runs on 500 of them.
    let (customers, truth) = planted(3_000, 4, 5);
    let c = cluster_sampled(&customers, None, 7, 500);
    assert_eq!(c.k, 4, "silhouettes {:?}", c.silhouettes);
    let ari = adjusted_rand_index(&c.labels, &truth);
    assert!(ari >= 0.95, "ARI {ari}");
}

#[test]
fn clusters_are_numbered_by_mean_total_score_and_named_from_centroids() {
    let (customers, truth) = planted(800, 4, 9);
    let c = cluster(&customers, None, 1);
    assert_eq!(c.k, 4);
    // Segments were planted with falling 综合得分, so cluster id = segment + 1.
    for (i, (&label, &g)) in c.labels.iter().zip(&truth).enumerate() {
        assert_eq!(label, g + 1, "customer {i} of segment {g}");
    }
    for pair in c.clusters.windows(2) {
        assert!(pair[0].mean_total >= pair[1].mean_total, "{:?}", c.clusters);
    }
    let ids: Vec<usize> = c.clusters.iter().map(|x| x.id).collect();
    assert_eq!(ids, vec![1, 2, 3, 4]);
    assert_eq!(c.clusters.iter().map(|x| x.size).sum::<usize>(), 800);
    let w = shown(&c, Lang::Zh);
    let names: Vec<&str> = w.names.iter().map(String::as_str).collect();
    assert_eq!(names.iter().collect::<HashSet<_>>().len(), 4, "{names:?}");
    assert!(names[0].contains("高价值"), "{names:?}");
    assert!(names[2].contains("新客户"), "{names:?}");
    assert!(
        names[3].contains("久未购买") || names[3].contains("低活跃"),
        "{names:?}"
    );
    // Centroids in original units: the planted segment-1 spend is ~800 000 元 (geometric
    // centre of ±12% noise), recency ~10 days.
    let money = w
        .features
        .iter()
        .position(|f| f == "消费金额(元)")
        .expect("monetary used");
    let recency = w
        .features
        .iter()
        .position(|f| f == "最近消费天数(天)")
        .expect("recency");
    let top = &c.clusters[0].centroid;
    assert_eq!(top.len(), c.features.len());
    assert!(
        (top[money] / 800_000.0 - 1.0).abs() < 0.05,
        "monetary {}",
        top[money]
    );
    assert!(
        (top[recency] - 10.0).abs() < 1.0,
        "recency {}",
        top[recency]
    );
    // Constant scores were left out and said so.
    assert!(
        !w.features.iter().any(|f| f.starts_with("规模得分")),
        "{:?}",
        w.features
    );
    assert!(w.imputation.contains("规模得分"), "{}", w.imputation);
}

#[test]
fn english_run_has_english_features_and_names() {
    let (customers, _) = planted(400, 4, 9);
    let c = shown(&cluster(&customers, None, 1), Lang::En);
    assert!(
        c.features.contains(&"Monetary (CNY)".to_string()),
        "{:?}",
        c.features
    );
    let han = |s: &str| s.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
    for name in &c.names {
        assert!(!han(name), "cluster {name}");
    }
    assert!(!han(&c.imputation), "{}", c.imputation);
}

#[test]
fn same_input_and_seed_give_the_same_clustering() {
    let customers = testdata::analysis(600, Lang::Zh).classification.customers;
    let a = cluster(&customers, None, 42);
    let b = cluster(&customers, None, 42);
    assert_eq!(a.labels, b.labels);
    assert_eq!(a.silhouettes, b.silhouettes);
    assert_eq!(
        serde_json::to_string(&a).expect("json"),
        serde_json::to_string(&b).expect("json")
    );
}

#[test]
fn given_k_is_used_and_its_silhouette_reported() {
    let (customers, _) = planted(600, 4, 2);
    let c = cluster(&customers, Some(3), 1);
    assert_eq!(c.k, 3);
    assert!(!c.k_chosen);
    assert_eq!(c.silhouettes.len(), 1);
    assert_eq!(c.silhouettes[0].0, 3);
    assert_eq!(c.labels.iter().collect::<HashSet<_>>().len(), 3);
}

#[test]
fn tiny_and_degenerate_inputs() {
    let base = testdata::analysis(10, Lang::Zh).classification.customers;
    let same = |n: usize| -> Vec<Classified> { vec![base[0].clone(); n] };
    let two_points = {
        let mut v = same(6);
        for c in v.iter_mut().skip(3) {
            c.monetary = Some(1.0e6);
        }
        v
    };
    // (case, customers, k, expected clusters)
    let cases: Vec<(&str, Vec<Classified>, Option<usize>, usize)> = vec![
        ("no customers", Vec::new(), None, 0),
        ("one customer", same(1), None, 1),
        ("one customer, k=3", same(1), Some(3), 1),
        ("two different customers", base[..2].to_vec(), None, 1),
        ("all identical", same(50), None, 1),
        ("all identical, k=4", same(50), Some(4), 1),
        ("two distinct points, k=8", two_points.clone(), Some(8), 2),
        ("two distinct points, chosen", two_points, None, 2),
        ("k=0 means one", base.clone(), Some(0), 1),
        ("ten customers, chosen", base.clone(), None, 0),
    ];
    for (what, customers, k, want) in cases {
        let c = cluster(&customers, k, 1);
        if want > 0 {
            assert_eq!(c.k, want, "{what}: {:?}", c.silhouettes);
        }
        assert_eq!(c.labels.len(), customers.len(), "{what}");
        assert_eq!(c.clusters.len(), c.k, "{what}");
        assert_eq!(
            c.clusters.iter().map(|x| x.size).sum::<usize>(),
            customers.len(),
            "{what}"
        );
        assert!(
            c.labels.iter().all(|&l| l >= 1 && l <= c.k),
            "{what}: {:?}",
            c.labels
        );
        for info in &c.clusters {
            assert!(info.size > 0, "{what}: empty cluster {}", info.id);
            assert!(info.mean_total.is_finite(), "{what}");
            assert!(
                info.centroid.iter().all(|x| x.is_finite()),
                "{what}: {:?}",
                info.centroid
            );
            assert!(!cluster_name(Lang::Zh, &info.name).is_empty(), "{what}");
        }
        assert!(c.silhouettes.iter().all(|(_, s)| s.is_finite()), "{what}");
        assert!(!shown(&c, Lang::Zh).imputation.is_empty(), "{what}");
    }
}

#[test]
fn nan_and_missing_features_never_reach_the_output() {
    let mut customers = testdata::analysis(300, Lang::Zh).classification.customers;
    for (i, c) in customers.iter_mut().enumerate() {
        if i % 3 == 0 {
            c.monetary = Some(f64::NAN);
            c.record.satisfaction = None;
        }
        if i % 5 == 0 {
            c.record.login_count = Some(f64::INFINITY);
        }
        c.scores.potential = None;
    }
    let c = cluster(&customers, None, 1);
    assert!(c.k >= 2);
    for info in &c.clusters {
        assert!(
            info.centroid.iter().all(|x| x.is_finite()),
            "{:?}",
            info.centroid
        );
    }
    assert!(c.silhouettes.iter().all(|(_, s)| s.is_finite()));
    let c = shown(&c, Lang::Zh);
    assert!(c.imputation.contains("中位数"), "{}", c.imputation);
    assert!(c.imputation.contains("消费金额 100 人"), "{}", c.imputation);
    assert!(
        c.imputation.contains("潜力得分全部缺失"),
        "{}",
        c.imputation
    );
}

#[test]
fn no_usable_feature_gives_one_cluster() {
    let mut customers = testdata::analysis(20, Lang::Zh).classification.customers;
    for c in customers.iter_mut() {
        c.monetary = None;
        c.frequency = None;
        c.recency_days = None;
        c.record.login_count = None;
        c.record.satisfaction = None;
        c.scores = crate::model::Scores::default();
    }
    let c = cluster(&customers, None, 1);
    assert_eq!(c.k, 1);
    assert!(c.features.is_empty());
    let c = shown(&c, Lang::En);
    assert_eq!(c.names[0], "All customers");
    assert!(
        c.imputation.starts_with("No feature could be clustered on"),
        "{}",
        c.imputation
    );
}

#[test]
fn assign_writes_each_customers_cluster_number_and_name() {
    let (mut customers, _) = planted(300, 3, 5);
    for c in &mut customers {
        (c.cluster, c.cluster_name) = (0, ClusterName::Unnamed);
    }
    let c = assign(&mut customers, Some(3), 1);
    assert_eq!(c.labels, cluster(&customers, Some(3), 1).labels);
    for (customer, &label) in customers.iter().zip(&c.labels) {
        assert_eq!(customer.cluster, label);
        let info = c
            .clusters
            .iter()
            .find(|i| i.id == label)
            .expect("its cluster");
        assert_eq!(customer.cluster_name, info.name);
    }
}

/// A clustering as a reader sees it in one language.
struct Shown {
    features: Vec<String>,
    names: Vec<String>,
    imputation: String,
}

fn shown(c: &Clustering, lang: Lang) -> Shown {
    Shown {
        features: (c.features.iter())
            .map(|f| feature_label(lang, *f).to_string())
            .collect(),
        names: c
            .clusters
            .iter()
            .map(|k| cluster_name(lang, &k.name))
            .collect(),
        imputation: cluster_method(lang, &c.imputation),
    }
}
