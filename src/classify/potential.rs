//! Stage 4, classify — potential (潜力): what more the customer could buy — budget, unmet needs,
//! growth, headroom against its size, house area, the stage of the deal and, where the BG/NBD
//! fit is valid and the profile weighs it, the forecast 12-month value (else the old rule).

use crate::classify::distribution::Distributions;
use crate::classify::facts::Facts;
use crate::classify::industry::normalise;
use crate::classify::score::blend;
use crate::model::CustomerRecord;
use crate::profile::Profile;

/// 潜力 score: budget and house area by rank, unmet needs, the yearly growth, the headroom of a
/// large firm that spends little, the sales stage and the forecast 12-month value by rank (absent
/// without a valid fit, so the other parts carry the score as before).
pub(super) fn potential_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    size: Option<f64>,
    m_rank: Option<f64>,
    profile: &Profile,
) -> Option<f64> {
    let p = &profile.potential;
    let unmet = f.unmet_needs.map(|n| {
        if p.full_unmet_needs > 0.0 {
            (n as f64 / p.full_unmet_needs).min(1.0) * 100.0
        } else {
            0.0
        }
    });
    let growth = f.growth.map(|g| {
        if p.full_growth > 0.0 {
            (50.0 + 50.0 * g / p.full_growth).clamp(0.0, 100.0)
        } else {
            50.0
        }
    });
    // A large firm that spends little has room to buy more.
    let headroom = match (size, m_rank) {
        (Some(s), Some(m)) => Some(s * (100.0 - m) / 100.0),
        _ => None,
    };
    let stage = c.stage.as_deref().and_then(|text| {
        let t = normalise(text);
        p.stages
            .iter()
            .find(|s| {
                s.keywords
                    .iter()
                    .any(|k| !k.is_empty() && t.contains(&normalise(k)))
            })
            .map(|s| s.score)
    });
    blend(&[
        (p.budget, c.budget.and_then(|v| d.budget.rank(v))),
        (p.unmet_needs, unmet),
        (p.growth, growth),
        (p.headroom, headroom),
        (p.area, c.house_area.and_then(|v| d.area.rank(v))),
        (p.stage, stage),
        (
            p.value_12m,
            c.forecast
                .as_ref()
                .and_then(|fc| fc.value_12m)
                .and_then(|v| d.value_12m.rank(v)),
        ),
    ])
}
