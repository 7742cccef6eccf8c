//! Stage 4, classify — satisfaction (满意): the 0–100 satisfaction blended with NPS, less capped
//! penalties for complaints and tickets.

use crate::classify::score::round1;
use crate::model::CustomerRecord;
use crate::profile::Profile;

/// The 0–100 satisfaction blended with NPS (×10), less complaints and tickets (each capped).
pub(super) fn satisfaction_score(c: &CustomerRecord, profile: &Profile) -> Option<f64> {
    let s = &profile.satisfaction;
    let sat = c
        .satisfaction
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(0.0, 100.0));
    let nps = c
        .nps
        .filter(|v| v.is_finite())
        .map(|v| (v * 10.0).clamp(0.0, 100.0));
    let base = match (sat, nps) {
        (Some(a), Some(b)) => a * (1.0 - s.nps_weight) + b * s.nps_weight,
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    let complaints = c
        .complaints
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0);
    let tickets = c
        .tickets
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0);
    let off = (complaints * s.complaint_penalty).min(s.complaint_cap)
        + (tickets * s.ticket_penalty).min(s.ticket_cap);
    Some(round1((base - off).clamp(0.0, 100.0)))
}
