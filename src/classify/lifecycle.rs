//! Stage 4, classify — lifecycle (生命周期): new, growing, mature, declining or lost, from the
//! age of the first purchase, inactivity, the yearly trend and the churn risk.

use crate::classify::facts::Facts;
use crate::model::{Level, Lifecycle};
use crate::profile::Profile;

/// 生命周期 from the age of the first purchase, inactivity and the yearly trend.
pub(super) fn lifecycle(f: &Facts, churn: Level, profile: &Profile) -> Lifecycle {
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
    if inactivity.is_some_and(|d| d >= l.lost_days) {
        return Lifecycle::Lost;
    }
    if age.is_some_and(|a| a <= l.new_days) {
        return Lifecycle::New;
    }
    if inactivity.is_some_and(|d| d >= l.declining_days)
        || f.growth.is_some_and(|g| g <= -l.decline)
        || churn == Level::High
    {
        return Lifecycle::Declining;
    }
    if f.growth.is_some_and(|g| g >= l.growth) || age.is_some_and(|a| a < l.growing_days) {
        return Lifecycle::Growing;
    }
    Lifecycle::Mature
}
