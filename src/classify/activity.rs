//! Stage 4, classify — activity (活跃) and churn (流失风险): how much and how lately the customer
//! uses what it bought, and the risk of losing it from inactivity (or P(alive)) and a falling
//! yearly amount.

use crate::classify::distribution::Distributions;
use crate::classify::facts::Facts;
use crate::classify::score::blend;
use crate::forecast;
use crate::model::{CustomerRecord, Level, PaymentModel};
use crate::profile::Profile;

/// 活跃 score: logins by rank, how recent the last login is, the breadth of modules in use and
/// usage hours by rank.
pub(super) fn activity_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    profile: &Profile,
) -> Option<f64> {
    let a = &profile.activity;
    let login_recency = f.login_days.map(|days| {
        let days = days as f64;
        if days <= a.fresh_login_days {
            100.0
        } else if days >= a.stale_login_days || a.stale_login_days <= a.fresh_login_days {
            0.0
        } else {
            100.0 * (a.stale_login_days - days) / (a.stale_login_days - a.fresh_login_days)
        }
    });
    let breadth = (!c.modules.is_empty() && a.full_modules > 0.0)
        .then(|| (c.modules.len() as f64 / a.full_modules).min(1.0) * 100.0);
    blend(&[
        (a.logins, c.login_count.and_then(|v| d.logins.rank(v))),
        (a.recency, login_recency),
        (a.breadth, breadth),
        (a.hours, c.usage_hours.and_then(|v| d.hours.rank(v))),
    ])
}

/// 流失风险 from inactivity (logins, else purchases) and a falling yearly amount. Without login
/// data, a non-subscription customer with a BG/NBD forecast is judged by P(alive) instead of the
/// fixed days since the last purchase (the stated fallback when the model was not fitted).
pub(super) fn churn(c: &CustomerRecord, f: &Facts, profile: &Profile) -> Level {
    let a = &profile.activity;
    let mut level = Level::Low;
    let mut known = false;
    let raise = |to: Level, level: &mut Level| {
        // Level orders High < Medium < Low.
        if to < *level {
            *level = to;
        }
    };
    if let Some(days) = f.login_days {
        known = true;
        let d = days as f64;
        if d >= a.churn_high_login_days {
            raise(Level::High, &mut level);
        } else if d >= a.churn_medium_login_days {
            raise(Level::Medium, &mut level);
        }
    } else if let Some(n) = c.login_count {
        known = true;
        if n <= 0.0 {
            raise(Level::High, &mut level);
        }
    } else if let Some(p) = c
        .forecast
        .filter(|_| f.payment != Some(PaymentModel::Subscription))
        .map(|fc| fc.p_alive)
    {
        known = true;
        if p < forecast::P_ALIVE_HIGH_RISK {
            raise(Level::High, &mut level);
        } else if p < forecast::P_ALIVE_MEDIUM_RISK {
            raise(Level::Medium, &mut level);
        }
    } else if let Some(days) = f.recency_days {
        known = true;
        let d = days as f64;
        if d >= a.churn_high_purchase_days {
            raise(Level::High, &mut level);
        } else if d >= a.churn_medium_purchase_days {
            raise(Level::Medium, &mut level);
        }
    }
    if let Some(g) = f.growth {
        // A steep fall alone is 中; with signs of inactivity too (or nothing else to go on) 高.
        let inactive_or_unknown = level != Level::Low || !known;
        known = true;
        if g <= -a.churn_high_decline && inactive_or_unknown {
            raise(Level::High, &mut level);
        } else if g <= -a.churn_medium_decline {
            raise(Level::Medium, &mut level);
        }
    }
    if !known {
        // Nothing says the customer is active: watch, do not alarm.
        level = Level::Medium;
    }
    level
}
