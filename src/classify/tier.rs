//! Stage 4, classify — tiers (核心 / 潜力 / 一般客户): the cut-offs on 综合得分, by quantile of the
//! base or by fixed scores, and the rule that was applied in one sentence, fallbacks stated.

use crate::classify::score::round1;
use crate::model::{Lang, Tier};
use crate::profile::{TierMethod, TierSettings};
use crate::say;

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

/// The cut-offs actually applied and the rule in one sentence, with any fallback stated.
///
/// By quantile, each cut-off is a score that some customer has, chosen so the tier's head count
/// comes closest to its share; where ties make that impossible the sentence says how many each
/// tier got instead. With three or more distinct scores every tier gets someone; with two, the
/// higher score is core and the rest general; with one (or no customers) the absolute cut-offs
/// apply.
pub fn cut_tiers(totals: &[f64], t: &TierSettings, lang: Lang) -> ((f64, f64), String) {
    let absolute = (t.core_score, t.potential_score.min(t.core_score));
    if t.method == TierMethod::Absolute {
        let rule = say!(
            lang,
            "按绝对分数线：{}",
            "Absolute cut-offs: {}",
            absolute_text(absolute, lang)
        );
        return (absolute, rule + &count_text(totals, absolute, lang));
    }
    let mut distinct: Vec<f64> = totals.iter().copied().filter(|v| v.is_finite()).collect();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup();
    match distinct.len() {
        0 | 1 => one_distinct_total(totals, &distinct, absolute, lang),
        2 => {
            let cut = (distinct[0], distinct[0]);
            let rule = say!(
                lang,
                "综合得分只有两个不同值，无法按比例分三档：{} 分为核心客户，其余为一般客户",
                "only two distinct totals, too few for three tiers: {} is core, the rest general",
                distinct[0]
            );
            (cut, rule + &count_text(totals, cut, lang))
        }
        _ => by_quantile(totals, &distinct, t, lang),
    }
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

/// The head count of each tier, in brackets, as it ends the rule.
fn count_text(totals: &[f64], cut: (f64, f64), lang: Lang) -> String {
    let c = tier_counts(totals, cut);
    say!(
        lang,
        "（核心客户 {} 个、潜力客户 {} 个、一般客户 {} 个）",
        " ({} core, {} potential, {} general)",
        c[0],
        c[1],
        c[2]
    )
}

/// The fixed cut-offs in words.
fn absolute_text(cut: (f64, f64), lang: Lang) -> String {
    say!(
        lang,
        "{} 分及以上为核心客户，{} 分及以上为潜力客户，其余为一般客户",
        "{} and above core, {} and above potential, the rest general",
        cut.0,
        cut.1
    )
}

/// No customers, or all on the same total: nothing to rank, so the fixed cut-offs apply.
fn one_distinct_total(
    totals: &[f64],
    distinct: &[f64],
    absolute: (f64, f64),
    lang: Lang,
) -> ((f64, f64), String) {
    let why = if totals.is_empty() {
        say!(lang, "没有客户", "no customers")
    } else {
        say!(
            lang,
            "所有客户综合得分相同（{} 分），无法按名次划分",
            "every customer has the same total ({})",
            distinct.first().copied().unwrap_or(0.0)
        )
    };
    let rule = say!(
        lang,
        "{}，改用分数线：{}",
        "{}, so the fixed cut-offs apply: {}",
        why,
        absolute_text(absolute, lang)
    );
    (absolute, rule + &count_text(totals, absolute, lang))
}

/// Three or more distinct totals (`distinct`, highest first): each cut-off is the total whose head
/// count above it comes closest to the tier's share.
fn by_quantile(
    totals: &[f64],
    distinct: &[f64],
    t: &TierSettings,
    lang: Lang,
) -> ((f64, f64), String) {
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
    let mut rule = say!(
        lang,
        "按分位数：前 {}% 为核心客户（综合得分 ≥ {}），其后 {}% 为潜力客户（≥ {}），其余为一般客户",
        "By quantile: top {}% core (total ≥ {}), next {}% potential (≥ {}), the rest general",
        round1(t.core_share * 100.0),
        cut.0,
        round1(t.potential_share * 100.0),
        cut.1
    );
    if c[0] != want[0] || (!no_potential && c[1] != want[1]) {
        rule.push_str(&say!(
            lang,
            "；因同分无法精确按比例划分，同分客户归入同一等级（按比例应为核心 {} 个、潜力 {} 个）",
            "; ties make exact shares impossible, so equal totals share a tier (the shares would give {} core, {} potential)",
            want[0],
            if no_potential { 0 } else { want[1] }
        ));
    }
    (cut, rule + &count_text(totals, cut, lang))
}
