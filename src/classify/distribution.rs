//! Stage 4, classify — distributions: money-like values (amount, frequency, budget, logins,
//! hours, area) are scored by their percentile rank within the customer base, so a single
//! outlier cannot squash everyone else to 0.

use crate::classify::facts::Facts;
use crate::model::CustomerRecord;

/// A sorted sample for percentile ranks.
#[derive(Debug, Default)]
pub(super) struct Percentile {
    sorted: Vec<f64>,
}

impl Percentile {
    /// The finite values among those given, sorted.
    pub(super) fn new(values: impl Iterator<Item = Option<f64>>) -> Percentile {
        let mut sorted: Vec<f64> = values.flatten().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        Percentile { sorted }
    }

    /// Mid-rank percentile 0–100: ties share the middle of their ranks, so equal values score
    /// the same and a single customer scores 50.
    pub(super) fn rank(&self, v: f64) -> Option<f64> {
        if self.sorted.is_empty() || !v.is_finite() {
            return None;
        }
        let below = self.sorted.partition_point(|x| *x < v);
        let upto = self.sorted.partition_point(|x| *x <= v);
        let n = self.sorted.len() as f64;
        Some((below as f64 + (upto - below) as f64 / 2.0) / n * 100.0)
    }

    /// The mean (None for an empty sample).
    pub(super) fn mean(&self) -> Option<f64> {
        (!self.sorted.is_empty())
            .then(|| self.sorted.iter().sum::<f64>() / self.sorted.len() as f64)
    }

    /// The median (None for an empty sample).
    pub(super) fn median(&self) -> Option<f64> {
        let n = self.sorted.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(self.sorted[n / 2]),
            _ => Some((self.sorted[n / 2 - 1] + self.sorted[n / 2]) / 2.0),
        }
    }
}

/// The base's distribution of every value scored by rank.
pub(super) struct Distributions {
    pub(super) monetary: Percentile,
    pub(super) frequency: Percentile,
    pub(super) recency: Percentile,
    pub(super) logins: Percentile,
    pub(super) hours: Percentile,
    pub(super) budget: Percentile,
    pub(super) area: Percentile,
    pub(super) value_12m: Percentile,
}

impl Distributions {
    /// The distributions of the whole base.
    pub(super) fn new(customers: &[CustomerRecord], facts: &[Facts]) -> Distributions {
        Distributions {
            monetary: Percentile::new(facts.iter().map(|f| f.monetary)),
            frequency: Percentile::new(facts.iter().map(|f| f.frequency)),
            recency: Percentile::new(facts.iter().map(|f| f.recency_days.map(|d| d as f64))),
            logins: Percentile::new(customers.iter().map(|c| c.login_count)),
            hours: Percentile::new(customers.iter().map(|c| c.usage_hours)),
            budget: Percentile::new(customers.iter().map(|c| c.budget)),
            area: Percentile::new(customers.iter().map(|c| c.house_area)),
            value_12m: Percentile::new(
                customers
                    .iter()
                    .map(|c| c.forecast.as_ref().and_then(|f| f.value_12m)),
            ),
        }
    }
}
