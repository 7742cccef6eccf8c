//! Stage 4, classify — value (价值) and RFM: the value score, weighted by payment model, and the
//! RFM class against references taken from the base (mean or median) or fixed by the profile.

use crate::classify::distribution::{Distributions, Percentile};
use crate::classify::facts::Facts;
use crate::classify::score::blend;
use crate::model::{CustomerRecord, PaymentModel, RfmClass, RfmReferences};
use crate::profile::{Profile, RfmMethod, ValueMix};

/// The RFM references (R in days, F, M) by the profile's method: the base's mean or median, or
/// the fixed figures (also the fallback when the base has no such values). A taken F reference
/// that no RFM-classified customer falls below (most owners have one project, so the median is
/// the least F) is raised to the next F present — "high" then means a repeat customer — so that
/// the F split says something.
pub(super) fn rfm_references(
    d: &Distributions,
    facts: &[Facts],
    profile: &Profile,
) -> RfmReferences {
    let s = &profile.rfm;
    let pick = |p: &Percentile, fixed: f64| match s.method {
        RfmMethod::Mean => p.mean().unwrap_or(fixed),
        RfmMethod::Median => p.median().unwrap_or(fixed),
        RfmMethod::Fixed => fixed,
    };
    let mut frequency = pick(&d.frequency, s.frequency);
    if s.method != RfmMethod::Fixed {
        let classified: Vec<f64> = facts
            .iter()
            .filter(|f| f.recency_days.is_some() && f.monetary.is_some())
            .filter_map(|f| f.frequency)
            .collect();
        if !classified.is_empty() && classified.iter().all(|v| *v >= frequency) {
            if let Some(next) = classified
                .iter()
                .copied()
                .filter(|v| *v > frequency)
                .min_by(f64::total_cmp)
            {
                frequency = next;
            }
        }
    }
    RfmReferences {
        method: s.method.key(),
        recency_days: pick(&d.recency, s.recency_days),
        frequency,
        monetary: pick(&d.monetary, s.monetary),
    }
}

/// The RFM class against the references (None unless R, F and M are all known). Equal to the
/// reference counts as 高; for R 高 means recent (R ≤ reference).
pub(super) fn rfm_class(f: &Facts, refs: &RfmReferences) -> Option<RfmClass> {
    match (f.recency_days, f.frequency, f.monetary) {
        (Some(r), Some(fr), Some(m)) => Some(RfmClass::from_flags(
            r as f64 <= refs.recency_days,
            fr >= refs.frequency,
            m >= refs.monetary,
        )),
        _ => None,
    }
}

/// The value parts' weights for a payment model.
fn value_mix(p: Option<PaymentModel>, profile: &Profile) -> &ValueMix {
    match p {
        Some(PaymentModel::Subscription) => &profile.value.subscription,
        Some(PaymentModel::OneTime) => &profile.value.one_time,
        Some(PaymentModel::Custom) => &profile.value.custom,
        None => &profile.value.unknown,
    }
}

/// 价值 score: spend, frequency, recency, renewal and usage, weighted by the payment model.
pub(super) fn value_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    m_rank: Option<f64>,
    profile: &Profile,
) -> Option<f64> {
    let mix = value_mix(f.payment, profile);
    blend(&[
        (mix.monetary, m_rank),
        (mix.frequency, f.frequency.and_then(|v| d.frequency.rank(v))),
        (
            mix.recency,
            f.recency_days
                .and_then(|r| d.recency.rank(r as f64))
                .map(|p| 100.0 - p),
        ),
        (
            mix.renewal,
            c.renewal_rate.map(|r| (r * 100.0).clamp(0.0, 100.0)),
        ),
        (mix.usage, c.login_count.and_then(|v| d.logins.rank(v))),
    ])
}
