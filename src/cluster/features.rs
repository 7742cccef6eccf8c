//! Clustering features: which customer measures k-means sees, how they are transformed
//! (signed log for money and counts), imputed (median) and standardised (z-score), and how a
//! centroid goes back to the user's units.

use crate::model::{Classified, Level, Lifecycle};

pub use crate::model::FeatureKind;

/// Candidate features in the order they appear in `Clustering::features`; each with the
/// measure it stands in for (a fallback is tried only when that one was left out).
const CANDIDATES: [(FeatureKind, Option<FeatureKind>); 10] = [
    (FeatureKind::Monetary, None),
    (FeatureKind::Frequency, None),
    (FeatureKind::Recency, None),
    (FeatureKind::Logins, None),
    (FeatureKind::Satisfaction, None),
    (FeatureKind::SizeScore, None),
    (FeatureKind::PotentialScore, None),
    (FeatureKind::ValueScore, Some(FeatureKind::Monetary)),
    (FeatureKind::ActivityScore, Some(FeatureKind::Logins)),
    (
        FeatureKind::SatisfactionScore,
        Some(FeatureKind::Satisfaction),
    ),
];

impl FeatureKind {
    /// The customer's value of this measure; non-finite values count as missing.
    pub fn value(self, c: &Classified) -> Option<f64> {
        let v = match self {
            FeatureKind::Monetary => c.monetary,
            FeatureKind::Frequency => c.frequency,
            FeatureKind::Recency => c.recency_days.map(|d| d as f64),
            FeatureKind::Logins => c.record.login_count,
            FeatureKind::Satisfaction => c.record.satisfaction,
            FeatureKind::SizeScore => c.scores.size,
            FeatureKind::PotentialScore => c.scores.potential,
            FeatureKind::ValueScore => c.scores.value,
            FeatureKind::ActivityScore => c.scores.activity,
            FeatureKind::SatisfactionScore => c.scores.satisfaction,
        };
        v.filter(|x| x.is_finite())
    }

    /// Money and counts are heavy-tailed: a few large customers would otherwise decide
    /// every cluster, so they are clustered on a log scale.
    pub fn is_log(self) -> bool {
        matches!(
            self,
            FeatureKind::Monetary | FeatureKind::Frequency | FeatureKind::Logins
        )
    }
}

/// Signed log: keeps net returns (negative 消费金额) finite and ordered.
fn forward(kind: FeatureKind, x: f64) -> f64 {
    if kind.is_log() {
        x.signum() * x.abs().ln_1p()
    } else {
        x
    }
}

/// Inverse of [`forward`], back to the user's units.
pub fn inverse(kind: FeatureKind, y: f64) -> f64 {
    if kind.is_log() {
        y.signum() * y.abs().exp_m1()
    } else {
        y
    }
}

/// Why a candidate feature was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// No customer has a value.
    Missing,
    /// Every customer has the same value (after imputation).
    Constant,
}

/// The standardised feature matrix and everything needed to explain it.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Features used, in column order.
    pub kinds: Vec<FeatureKind>,
    /// Row-major n × d matrix of z-scores.
    pub z: Vec<f64>,
    /// Per feature: mean of the transformed values.
    pub mean: Vec<f64>,
    /// Per feature: population standard deviation of the transformed values.
    pub std: Vec<f64>,
    /// Per used feature with gaps: how many customers were imputed.
    pub imputed: Vec<(FeatureKind, usize)>,
    /// Candidate features left out, with the reason (fallbacks never tried are not listed).
    pub dropped: Vec<(FeatureKind, Dropped)>,
}

impl Prepared {
    /// Number of features.
    pub fn dims(&self) -> usize {
        self.kinds.len()
    }

    /// The z-scored row of customer `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        let d = self.dims();
        &self.z[i * d..(i + 1) * d]
    }
}

/// Median of finite values (sorted copy; mean of the middle two for an even count).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// One transformed, imputed column, or why it cannot be used.
fn column(customers: &[Classified], kind: FeatureKind) -> Result<(Vec<f64>, usize), Dropped> {
    let raw: Vec<Option<f64>> = customers
        .iter()
        .map(|c| kind.value(c).map(|x| forward(kind, x)))
        .collect();
    let mut present: Vec<f64> = raw.iter().flatten().copied().collect();
    if present.is_empty() {
        return Err(Dropped::Missing);
    }
    let missing = raw.len() - present.len();
    // The median is unchanged by the monotone log, so imputing in either scale is the same.
    let fill = median(&mut present);
    let col: Vec<f64> = raw.into_iter().map(|v| v.unwrap_or(fill)).collect();
    let first = col[0];
    if col.iter().all(|&x| x == first) {
        return Err(Dropped::Constant);
    }
    Ok((col, missing))
}

/// Builds the clustering matrix: candidate features in order, fallbacks where their raw
/// measure is unusable, gaps filled with the median, then z-scored.
pub fn prepare(customers: &[Classified]) -> Prepared {
    let n = customers.len();
    let mut kinds = Vec::new();
    let mut cols: Vec<Vec<f64>> = Vec::new();
    let mut imputed = Vec::new();
    let mut dropped = Vec::new();
    for (kind, stands_in_for) in CANDIDATES {
        if let Some(primary) = stands_in_for {
            if kinds.contains(&primary) {
                continue;
            }
        }
        match column(customers, kind) {
            Ok((col, missing)) => {
                kinds.push(kind);
                cols.push(col);
                if missing > 0 {
                    imputed.push((kind, missing));
                }
            }
            Err(why) => dropped.push((kind, why)),
        }
    }
    let d = kinds.len();
    let mut mean = Vec::with_capacity(d);
    let mut std = Vec::with_capacity(d);
    for col in &cols {
        let m = col.iter().sum::<f64>() / n as f64;
        let var = col.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n as f64;
        mean.push(m);
        // A non-constant column has a positive variance; the floor only guards rounding.
        std.push(var.sqrt().max(f64::MIN_POSITIVE));
    }
    let mut z = vec![0.0; n * d];
    for (j, col) in cols.iter().enumerate() {
        for (i, x) in col.iter().enumerate() {
            z[i * d + j] = (x - mean[j]) / std[j];
        }
    }
    Prepared {
        kinds,
        z,
        mean,
        std,
        imputed,
        dropped,
    }
}

/// A yes/no trait of a customer that names clusters but is not clustered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    /// 流失风险 = 高.
    HighChurn,
    /// 生命周期 = 新客户.
    NewCustomer,
}

impl Indicator {
    /// Both indicators.
    pub const ALL: [Indicator; 2] = [Indicator::HighChurn, Indicator::NewCustomer];

    /// Whether the customer has the trait.
    pub fn holds(self, c: &Classified) -> bool {
        match self {
            Indicator::HighChurn => c.churn_risk == Level::High,
            Indicator::NewCustomer => c.lifecycle == Lifecycle::New,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::testdata;

    fn customers(n: usize) -> Vec<Classified> {
        testdata::analysis(n, Lang::Zh).classification.customers
    }

    #[test]
    fn log_round_trips_including_negative_money() {
        for x in [0.0, 1.0, 12_345.67, -500.0, 1e9] {
            let back = inverse(FeatureKind::Monetary, forward(FeatureKind::Monetary, x));
            assert!(
                (back - x).abs() <= 1e-9 * x.abs().max(1.0),
                "monetary {x}: got {back} back"
            );
            assert_eq!(inverse(FeatureKind::Recency, x), x, "recency {x}");
        }
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        let cases: &[(&[f64], f64)] = &[
            (&[3.0], 3.0),
            (&[5.0, 1.0, 3.0], 3.0),
            (&[4.0, 1.0, 3.0, 2.0], 2.5),
        ];
        for (values, want) in cases {
            let mut v = values.to_vec();
            assert_eq!(median(&mut v), *want, "median of {values:?}");
        }
    }

    #[test]
    fn columns_are_standardised() {
        let p = prepare(&customers(200));
        assert!(p.dims() >= 5, "features {:?}", p.kinds);
        for j in 0..p.dims() {
            let col: Vec<f64> = (0..200).map(|i| p.row(i)[j]).collect();
            let m = col.iter().sum::<f64>() / 200.0;
            let v = col.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / 200.0;
            assert!(m.abs() < 1e-9, "feature {:?}: mean {m}", p.kinds[j]);
            assert!(
                (v - 1.0).abs() < 1e-9,
                "feature {:?}: variance {v}",
                p.kinds[j]
            );
        }
    }

    #[test]
    fn missing_values_take_the_median_and_are_counted() {
        let mut cs = customers(5);
        let sat = [10.0, 20.0, 30.0, 40.0, 50.0];
        for (c, s) in cs.iter_mut().zip(sat) {
            c.record.satisfaction = Some(s);
        }
        cs[1].record.satisfaction = None;
        cs[3].record.satisfaction = Some(f64::NAN);
        let p = prepare(&cs);
        let j = p
            .kinds
            .iter()
            .position(|k| *k == FeatureKind::Satisfaction)
            .expect("satisfaction used");
        assert!(p.imputed.contains(&(FeatureKind::Satisfaction, 2)));
        // present: 10, 30, 50 → median 30; customers 1 and 3 get 30.
        let raw = |i: usize| p.row(i)[j] * p.std[j] + p.mean[j];
        for (i, want) in [(0, 10.0), (1, 30.0), (2, 30.0), (3, 30.0), (4, 50.0)] {
            assert!((raw(i) - want).abs() < 1e-9, "customer {i}: got {}", raw(i));
        }
    }

    #[test]
    fn missing_and_constant_features_are_dropped_and_fallbacks_used() {
        let mut cs = customers(20);
        for c in cs.iter_mut() {
            c.record.login_count = None;
            c.scores.potential = Some(50.0);
        }
        let p = prepare(&cs);
        assert!(p.dropped.contains(&(FeatureKind::Logins, Dropped::Missing)));
        assert!(p
            .dropped
            .contains(&(FeatureKind::PotentialScore, Dropped::Constant)));
        assert!(
            p.kinds.contains(&FeatureKind::ActivityScore),
            "{:?}",
            p.kinds
        );
        assert!(!p.kinds.contains(&FeatureKind::ValueScore), "{:?}", p.kinds);
        assert!(p.z.iter().all(|x| x.is_finite()));
    }
}
