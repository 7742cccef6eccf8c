//! Stage 4, classify — lifecycle (生命周期): new, growing, mature, declining or lost, from the
//! age of the first purchase, inactivity (or P(alive) where the BG/NBD model was fitted), the
//! yearly trend and the churn risk.

use crate::classify::facts::Facts;
use crate::forecast::{P_ALIVE_HIGH_RISK, P_ALIVE_LOST};
use crate::model::{CustomerForecast, Level, Lifecycle, PaymentModel};
use crate::profile::Profile;

/// 生命周期 from the age of the first purchase, inactivity and the yearly trend. A
/// non-subscription customer with a forecast is 流失 / 衰退期 by P(alive) rather than by the fixed
/// days without activity (the stated fallback when the model was not fitted).
pub(super) fn lifecycle(
    f: &Facts,
    churn: Level,
    forecast: Option<&CustomerForecast>,
    profile: &Profile,
) -> Lifecycle {
    let l = &profile.lifecycle;
    let inactivity = f.inactive_days;
    let age = f.age_days.map(|d| d as f64);
    // A prospect who has never bought (a decoration lead at 意向/量房, a trial account) is new,
    // whatever the other signals say.
    let never_bought =
        f.monetary.is_some_and(|m| m <= 0.0) || f.frequency.is_some_and(|n| n <= 0.0);
    if never_bought && f.age_days.is_none() {
        return Lifecycle::New;
    }
    let p_alive = forecast
        .filter(|_| f.payment != Some(PaymentModel::Subscription))
        .map(|fc| fc.p_alive);
    let lost = match p_alive {
        Some(p) => p < P_ALIVE_LOST,
        None => inactivity.is_some_and(|d| d >= l.lost_days),
    };
    if lost {
        return Lifecycle::Lost;
    }
    if age.is_some_and(|a| a <= l.new_days) {
        return Lifecycle::New;
    }
    let inactive = match p_alive {
        Some(p) => p < P_ALIVE_HIGH_RISK,
        None => inactivity.is_some_and(|d| d >= l.declining_days),
    };
    if inactive || f.growth.is_some_and(|g| g <= -l.decline) || churn == Level::High {
        return Lifecycle::Declining;
    }
    if f.growth.is_some_and(|g| g >= l.growth) || age.is_some_and(|a| a < l.growing_days) {
        return Lifecycle::Growing;
    }
    Lifecycle::Mature
}
