//! Stage 4, classify — scores: the five dimension scores (each 0–100, one decimal, None without
//! data), the weights that count, the weighted 综合得分 and the 评分说明 that explains it.

use crate::classify::activity::activity_score;
use crate::classify::distribution::Distributions;
use crate::classify::facts::Facts;
use crate::classify::findings::absent_dimension_finding;
use crate::classify::potential::potential_score;
use crate::classify::satisfaction::satisfaction_score;
use crate::classify::size::size_score;
use crate::classify::value::value_score;
use crate::model::{CustomerRecord, Explanation, Finding, Scores};
use crate::profile::{Dimension, Profile, Weights};

/// Rounded to one decimal, as every score is shown.
pub(super) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Weighted mean of the parts present (weight > 0); None when none is present.
pub(super) fn blend(parts: &[(f64, Option<f64>)]) -> Option<f64> {
    let (sum, weight) = parts
        .iter()
        .filter(|(w, v)| *w > 0.0 && v.is_some_and(f64::is_finite))
        .fold((0.0, 0.0), |(s, tw), (w, v)| {
            (s + w * v.unwrap_or(0.0), tw + w)
        });
    (weight > 0.0).then(|| round1((sum / weight).clamp(0.0, 100.0)))
}

/// The five dimension scores of one customer (None where it has no data for a dimension).
pub(super) fn scores(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    profile: &Profile,
) -> Scores {
    let size = size_score(f.size_class, profile);
    let m_rank = f.monetary.and_then(|m| d.monetary.rank(m));
    // Rounded to one decimal, as shown: 综合得分 is then computed from the scores the user sees.
    Scores {
        size,
        value: value_score(c, f, d, m_rank, profile).map(round1),
        activity: activity_score(c, f, d, profile).map(round1),
        satisfaction: satisfaction_score(c, profile).map(round1),
        potential: potential_score(c, f, d, size, m_rank, profile).map(round1),
    }
}

/// The score of one dimension.
fn dimension_score(s: &Scores, d: Dimension) -> Option<f64> {
    match d {
        Dimension::Size => s.size,
        Dimension::Value => s.value,
        Dimension::Activity => s.activity,
        Dimension::Satisfaction => s.satisfaction,
        Dimension::Potential => s.potential,
    }
}

/// The weights as shares summing to 1.
pub(super) fn normalised_weights(w: &Weights) -> Vec<(Dimension, f64)> {
    let total: f64 = Dimension::ALL.iter().map(|d| d.weight(w)).sum();
    Dimension::ALL
        .iter()
        .map(|d| (*d, d.weight(w) / total.max(f64::MIN_POSITIVE)))
        .collect()
}

/// Sets the weight of one dimension.
fn set_weight(w: &mut Weights, d: Dimension, value: f64) {
    match d {
        Dimension::Size => w.size = value,
        Dimension::Value => w.value = value,
        Dimension::Activity => w.activity = value,
        Dimension::Satisfaction => w.satisfaction = value,
        Dimension::Potential => w.potential = value,
    }
}

/// The weights that count: a dimension no customer has data for takes no part at all (saying
/// "missing" on every row would be noise), so its weight is 0 and it is said once, as a finding.
/// When that leaves no weight at all, the profile's weights stand.
pub(super) fn used_weights(
    dimension_scores: &[Scores],
    profile: &Profile,
) -> (Weights, Vec<Finding>) {
    let mut used = profile.weights;
    let mut findings = Vec::new();
    if dimension_scores.is_empty() {
        return (used, findings);
    }
    for d in Dimension::ALL {
        let absent = d.weight(&profile.weights) > 0.0
            && dimension_scores
                .iter()
                .all(|s| dimension_score(s, d).is_none());
        if absent {
            set_weight(&mut used, d, 0.0);
            findings.push(absent_dimension_finding(d));
        }
    }
    if Dimension::ALL.iter().all(|d| d.weight(&used) <= 0.0) {
        used = profile.weights;
    }
    (used, findings)
}

/// 综合得分: weighted mean over the dimensions present, rounded to one decimal (0 when nothing
/// could be scored).
pub(super) fn total_score(s: &Scores, w: &Weights) -> f64 {
    let parts: Vec<(f64, Option<f64>)> = Dimension::ALL
        .iter()
        .map(|d| (d.weight(w), dimension_score(s, *d)))
        .collect();
    blend(&parts).unwrap_or(0.0)
}

/// 评分说明: the largest contributions, the dimensions missing, and notes on inferred data.
pub(super) fn explain(s: &Scores, total: f64, f: &Facts, w: &Weights) -> Explanation {
    let present: Vec<(Dimension, f64, f64)> = Dimension::ALL
        .iter()
        .filter(|d| d.weight(w) > 0.0)
        .filter_map(|d| dimension_score(s, *d).map(|v| (*d, d.weight(w), v)))
        .collect();
    let missing: Vec<Dimension> = Dimension::ALL
        .into_iter()
        .filter(|d| d.weight(w) > 0.0 && dimension_score(s, *d).is_none())
        .collect();
    let sum_w: f64 = present.iter().map(|(_, w, _)| w).sum();
    let mut by_contribution = present.clone();
    by_contribution.sort_by(|a, b| (b.1 * b.2).total_cmp(&(a.1 * a.2)));
    let unmapped_industry = match f.industry_text.as_deref() {
        Some(t) if !f.industry.mapped() && !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    };
    Explanation {
        total,
        first: (by_contribution.first()).map(|&(d, w0, v)| (d, v, (w0 / sum_w * 100.0).round())),
        second: by_contribution.get(1).map(|&(d, _, v)| (d, v)),
        missing: if present.is_empty() {
            Vec::new()
        } else {
            missing
        },
        size_partial: f.size_partial.then(|| f.size_basis.clone()),
        payment: f.payment_inferred.clone(),
        unmapped_industry,
    }
}
