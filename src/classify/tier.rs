//! Stage 4, classify — tiers (核心 / 潜力 / 一般客户): the cut-offs on 综合得分, by quantile of the
//! base or by fixed scores, and the rule that was applied in one sentence, fallbacks stated.

use crate::classify::score::round1;
use crate::model::{Tier, TierHow, TierRule};
use crate::profile::{TierMethod, TierSettings};

/// The tier a total falls in: core ⇔ total ≥ cut.0; potential ⇔ cut.1 ≤ total < cut.0.
pub fn tier_of(total: f64, cut: (f64, f64)) -> Tier {
    if total >= cut.0 {
        Tier::Core
    } else if total >= cut.1 {
        Tier::Potential
    } else {
        Tier::General
    }
}

/// The cut-offs actually applied and the rule (worded in one sentence by
/// `messages::tier_rule`), with any fallback stated.
///
/// By quantile, each cut-off is a score that some customer has, chosen so the tier's head count
/// comes closest to its share; where ties make that impossible the rule says how many each
/// tier got instead. With three or more distinct scores every tier gets someone; with two, the
/// higher score is core and the rest general; with one (or no customers) the absolute cut-offs
/// apply.
pub fn cut_tiers(totals: &[f64], t: &TierSettings) -> ((f64, f64), TierRule) {
    let absolute = (t.core_score, t.potential_score.min(t.core_score));
    let mut distinct: Vec<f64> = totals.iter().copied().filter(|v| v.is_finite()).collect();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup();
    let (cut, how) = if t.method == TierMethod::Absolute {
        (absolute, TierHow::Absolute(absolute))
    } else {
        match distinct.len() {
            0 | 1 if totals.is_empty() => (absolute, TierHow::NoCustomers(absolute)),
            0 | 1 => (
                absolute,
                TierHow::AllSame {
                    total: distinct.first().copied().unwrap_or(0.0),
                    cut: absolute,
                },
            ),
            2 => ((distinct[0], distinct[0]), TierHow::TwoTotals(distinct[0])),
            _ => by_quantile(totals, &distinct, t),
        }
    };
    let counts = tier_counts(totals, cut);
    (cut, TierRule { how, counts })
}

/// How many totals fall in each tier, in the order of `Tier::ALL`.
fn tier_counts(totals: &[f64], cut: (f64, f64)) -> [usize; 3] {
    let mut c = [0usize; 3];
    for &v in totals {
        c[Tier::ALL
            .iter()
            .position(|x| *x == tier_of(v, cut))
            .unwrap_or(2)] += 1;
    }
    c
}

/// Three or more distinct totals (`distinct`, highest first): each cut-off is the total whose head
/// count above it comes closest to the tier's share.
fn by_quantile(totals: &[f64], distinct: &[f64], t: &TierSettings) -> ((f64, f64), TierHow) {
    let n = totals.len();
    let k = distinct.len();
    // cum[i] = how many customers score ≥ distinct[i].
    let mut cum = Vec::with_capacity(k);
    let mut sorted: Vec<f64> = totals.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    for d in distinct {
        cum.push(sorted.partition_point(|x| *x >= *d));
    }
    let target_core = ((n as f64 * t.core_share).round() as usize).max(1);
    let target_cum = ((n as f64 * (t.core_share + t.potential_share)).round() as usize)
        .max(target_core + usize::from(t.potential_share > 0.0));
    let closest = |range: std::ops::RangeInclusive<usize>, target: usize| {
        range
            .min_by_key(|&i| (cum[i].abs_diff(target), i))
            .unwrap_or(0)
    };
    let no_potential = t.potential_share <= 0.0;
    let core_last = if no_potential { k - 2 } else { k - 3 };
    let i = closest(0..=core_last, target_core);
    let cut = if no_potential {
        (distinct[i], distinct[i])
    } else {
        let pot_last = if target_cum >= n { k - 1 } else { k - 2 };
        let j = closest(i + 1..=pot_last.max(i + 1), target_cum);
        (distinct[i], distinct[j])
    };
    let c = tier_counts(totals, cut);
    let want = [target_core, target_cum.saturating_sub(target_core)];
    let ties = (c[0] != want[0] || (!no_potential && c[1] != want[1]))
        .then_some((want[0], if no_potential { 0 } else { want[1] }));
    let how = TierHow::Quantile {
        core_pct: round1(t.core_share * 100.0),
        potential_pct: round1(t.potential_share * 100.0),
        cut,
        ties,
    };
    (cut, how)
}
