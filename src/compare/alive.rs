//! Quarter comparison, P(alive): the customers in both quarters whose 存活概率 fell most.
//!
//! Promises: only customers with a P(alive) in both quarters count, only drops of at least
//! `FELL_POINTS` percentage points are listed, largest drop first (ties by code); no P(alive) on
//! either side gives no list at all rather than an empty one.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{Tier, TierSnapshot};

/// The smallest fall, in percentage points of P(alive), that puts a customer on the list.
pub const FELL_POINTS: f64 = 10.0;

/// At most this many customers are listed.
pub const FELL_LISTED: usize = 10;

/// Room for rounding when a fall sits exactly on `FELL_POINTS` (0.30 → 0.20 is ten points).
const EPSILON: f64 = 1e-9;

/// One customer whose P(alive) fell between the two quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AliveDrop {
    /// 客户编码.
    pub code: String,
    /// 客户名称 (the current quarter's, else the previous one's).
    pub name: String,
    /// 客户等级 in the current quarter.
    pub tier: Tier,
    /// P(alive) in the previous quarter, 0–1.
    pub before: f64,
    /// P(alive) in the current quarter, 0–1.
    pub after: f64,
    /// 消费金额 (yuan) in the current quarter, when the result has it.
    pub amount: Option<f64>,
}

impl AliveDrop {
    /// The change in percentage points (negative: a fall).
    pub fn points(&self) -> f64 {
        (self.after - self.before) * 100.0
    }
}

/// 存活概率下降最多的客户: the largest falls, and how many fell at least `FELL_POINTS` points.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AliveFell {
    /// At most `FELL_LISTED` customers, largest fall first, ties by code.
    pub listed: Vec<AliveDrop>,
    /// How many customers fell at least `FELL_POINTS` points in all (≥ `listed.len()`).
    pub total: usize,
}

/// The customers of `current` found in `before` (the previous quarter by code, first row of
/// each) whose P(alive) fell at least `FELL_POINTS` points; None when no customer in both has a
/// P(alive) in both quarters. A code listed twice in `current` counts once, at its first row.
pub fn fell(before: &HashMap<&str, &TierSnapshot>, current: &[TierSnapshot]) -> Option<AliveFell> {
    let mut compared = false;
    let mut seen: HashSet<&str> = HashSet::with_capacity(current.len());
    let mut drops = Vec::new();
    for c in current {
        if !seen.insert(c.code.as_str()) {
            continue;
        }
        let Some(p) = before.get(c.code.as_str()) else {
            continue;
        };
        let (Some(was), Some(now)) = (p.p_alive, c.p_alive) else {
            continue;
        };
        compared = true;
        if (was - now) * 100.0 >= FELL_POINTS - EPSILON {
            drops.push(AliveDrop {
                code: c.code.clone(),
                name: if c.name.is_empty() {
                    p.name.clone()
                } else {
                    c.name.clone()
                },
                tier: c.tier,
                before: was,
                after: now,
                amount: c.amount,
            });
        }
    }
    if !compared {
        return None;
    }
    drops.sort_by(|a, b| {
        a.points()
            .total_cmp(&b.points())
            .then_with(|| a.code.cmp(&b.code))
    });
    let total = drops.len();
    drops.truncate(FELL_LISTED);
    Some(AliveFell {
        listed: drops,
        total,
    })
}
