//! Stage forecast (after aggregate): customer-base models fitted per run — BG/NBD for repeat
//! purchases and P(alive), Gamma-Gamma for spend — from each customer's purchase days up to the
//! as-of date, in days, deterministic, with stated fallbacks where the data do not allow a fit.
//!
//! Rules: a purchase day is a day with a transaction line of amount ≥ 0 (returns are not
//! purchases, as in aggregate); x = purchase days after the first, t_x and T are days from the
//! first purchase day to the last one and to the as-of date. Customers with no transaction line
//! get no forecast (blank cells), and so does everyone when a fallback says the fit is not valid.

mod backtest;
pub mod bgnbd;
pub mod describe;
pub mod gamma_gamma;
mod optimize;
mod special;

pub use backtest::Backtest;

use chrono::NaiveDate;

use crate::extract::Extracted;
use crate::model::{CustomerForecast, CustomerRecord};
use bgnbd::Rfm;
use gamma_gamma::Spend;

/// The next quarter, in days (预计下季度购买次数; the backtest's held-out period).
pub const QUARTER_DAYS: f64 = 91.0;
/// The next twelve months, in days (预计未来12个月价值).
pub const YEAR_DAYS: f64 = 365.0;
/// Fewest customers with a purchase history for a BG/NBD fit.
pub const MIN_CUSTOMERS: usize = 30;
/// Fewest repeat buyers for either fit.
pub const MIN_REPEAT_BUYERS: usize = 10;
/// |correlation| between repeat purchase days and mean spend above which Gamma-Gamma's
/// assumption (spend independent of frequency) is taken as broken.
pub const CORRELATION_LIMIT: f64 = 0.3;
/// P(alive) below which 流失风险 is 高 (and 生命周期 衰退期).
pub const P_ALIVE_HIGH_RISK: f64 = 0.5;
/// P(alive) below which 流失风险 is 中.
pub const P_ALIVE_MEDIUM_RISK: f64 = 0.8;
/// P(alive) below which 生命周期 is 流失.
pub const P_ALIVE_LOST: f64 = 0.15;

/// Each customer's purchase days (date, amount that day), oldest first, indexed like the
/// customers; empty for a customer without transaction lines.
#[derive(Debug, Clone, Default)]
pub struct Histories {
    /// Purchase days per customer.
    pub days: Vec<Vec<(NaiveDate, f64)>>,
}

/// Why the models were not used, or only in part: each is one sentence in 参数 and the appendix.
#[derive(Debug, Clone, PartialEq)]
pub enum Fallback {
    /// No transaction lines with dates: nothing to fit.
    NoDates,
    /// Every purchase is on one date: no repeat behaviour to learn from.
    SingleDate,
    /// Too few customers with a purchase history.
    TooFewCustomers {
        /// Customers with a history.
        have: usize,
    },
    /// Too few repeat buyers (for BG/NBD, or for the spend model when `spend`).
    TooFewRepeatBuyers {
        /// Repeat buyers usable.
        have: usize,
        /// For the spend model.
        spend: bool,
    },
    /// The BG/NBD fit did not converge to finite estimates.
    NotConverged,
    /// The Gamma-Gamma fit did not converge (or gave no finite mean spend).
    SpendNotConverged,
    /// Spend per purchase is correlated with frequency (ρ): Gamma-Gamma not used.
    SpendCorrelated(f64),
    /// Repeat buyers whose mean spend is zero or negative, left out of the spend fit.
    NonPositiveSpend(usize),
    /// The span of the data is too short for the backtest (days from first purchase to as-of).
    NoBacktest(i64),
}

/// What the models found, for 参数 and the appendix.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Customers with at least one purchase day.
    pub customers: usize,
    /// Of them, customers with a repeat purchase day.
    pub repeat_buyers: usize,
    /// The BG/NBD fit, when valid.
    pub bgnbd: Option<bgnbd::Fit>,
    /// The Gamma-Gamma fit, when valid and used.
    pub spend: Option<gamma_gamma::Fit>,
    /// Repeat buyers the spend model was fitted on.
    pub spend_buyers: usize,
    /// Correlation between repeat purchase days and mean spend, when computed.
    pub correlation: Option<f64>,
    /// The fallbacks in force, in the order met.
    pub fallbacks: Vec<Fallback>,
    /// The backtest, when the span allowed it.
    pub backtest: Option<Backtest>,
    /// How 潜力 and 生命周期 use the history (set after the fit, from the profile).
    pub uses: describe::Uses,
}

impl Summary {
    /// Whether per-customer P(alive) and expected purchases are given.
    pub fn fitted(&self) -> bool {
        self.bgnbd.is_some()
    }
}

/// Collects each customer's purchase days from the transaction lines up to `as_of`.
pub fn histories(extracted: &Extracted, as_of: NaiveDate) -> Histories {
    let n = extracted.dataset.customers.len();
    let mut days: Vec<Vec<(NaiveDate, f64)>> = vec![Vec::new(); n];
    for t in &extracted.transactions {
        let Some(i) = extracted
            .codes
            .get(t.code as usize)
            .and_then(|c| c.customer)
        else {
            continue;
        };
        if t.date > as_of || t.amount < 0.0 || !t.amount.is_finite() || i >= n {
            continue;
        }
        days[i].push((t.date, t.amount));
    }
    for d in &mut days {
        d.sort_by_key(|(date, _)| *date);
        d.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
    }
    Histories { days }
}

/// One customer's history in the models' terms: (x, t_x, T), the mean spend of its repeat
/// purchase days and the mean spend of all its purchase days.
type Row = (Rfm, f64, f64);

/// One customer's history in the models' terms, up to `end`; None without a purchase by then.
fn summarise(days: &[(NaiveDate, f64)], end: NaiveDate) -> Option<Row> {
    let upto: Vec<&(NaiveDate, f64)> = days.iter().filter(|(d, _)| *d <= end).collect();
    let first = upto.first()?.0;
    let last = upto.last()?.0;
    let x = (upto.len() - 1) as f64;
    let repeat_spend: f64 = upto.iter().skip(1).map(|(_, a)| a).sum();
    let all_spend: f64 = upto.iter().map(|(_, a)| a).sum();
    let rfm = Rfm {
        x,
        t_x: (last - first).num_days() as f64,
        t: (end - first).num_days() as f64,
    };
    let mean_repeat = if x > 0.0 { repeat_spend / x } else { 0.0 };
    Some((rfm, mean_repeat, all_spend / upto.len() as f64))
}

/// Fits BG/NBD on the histories up to `end`, with the fallbacks that stop it; the summaries
/// by customer come back with the fit.
fn fit_upto(
    h: &Histories,
    end: NaiveDate,
    fallbacks: &mut Vec<Fallback>,
) -> (Vec<Option<Row>>, Option<bgnbd::Fit>) {
    let rows: Vec<Option<Row>> = h.days.iter().map(|d| summarise(d, end)).collect();
    let data: Vec<Rfm> = rows.iter().flatten().map(|r| r.0).collect();
    let repeat = data.iter().filter(|r| r.x > 0.0).count();
    let dates: std::collections::BTreeSet<NaiveDate> = h
        .days
        .iter()
        .flatten()
        .map(|(d, _)| *d)
        .filter(|d| *d <= end)
        .take(2)
        .collect();
    if data.is_empty() {
        fallbacks.push(Fallback::NoDates);
    } else if dates.len() < 2 && data.iter().all(|r| r.t == 0.0) {
        fallbacks.push(Fallback::SingleDate);
    } else if data.len() < MIN_CUSTOMERS {
        fallbacks.push(Fallback::TooFewCustomers { have: data.len() });
    } else if repeat < MIN_REPEAT_BUYERS {
        fallbacks.push(Fallback::TooFewRepeatBuyers {
            have: repeat,
            spend: false,
        });
    } else {
        let fit = bgnbd::fit(&data);
        if fit.converged {
            return (rows, Some(fit));
        }
        fallbacks.push(Fallback::NotConverged);
    }
    (rows, None)
}

/// Fits the models on the histories up to `as_of`, puts each customer's forecast in its record
/// and returns the summary (with the backtest when the span allows it).
pub fn forecast(h: &Histories, customers: &mut [CustomerRecord], as_of: NaiveDate) -> Summary {
    fit(h, as_of).apply(customers)
}

/// The models fitted up to the as-of date (and the backtest), not yet applied to the customers:
/// the fit needs only the histories, so it can run while the customers are being aggregated.
#[derive(Debug, Clone, Default)]
pub struct Fitted {
    summary: Summary,
    rows: Vec<Option<Row>>,
    spend: Option<gamma_gamma::Fit>,
}

/// Fits the models on the histories up to `as_of`, and the backtest's own fit on the second
/// core meanwhile; [`Fitted::apply`] then gives each customer its forecast.
pub fn fit(h: &Histories, as_of: NaiveDate) -> Fitted {
    let (mut fitted, backtest) = std::thread::scope(|scope| {
        let backtest = scope.spawn(|| {
            let mut said = Vec::new();
            let b = backtest::run(h, as_of, &mut said);
            (b, said)
        });
        let fitted = fit_models(h, as_of);
        (fitted, backtest.join().unwrap_or_default())
    });
    if fitted.summary.fitted() {
        fitted.summary.backtest = backtest.0;
        fitted.summary.fallbacks.extend(backtest.1);
    }
    fitted
}

/// The fits up to `as_of`, without the backtest.
fn fit_models(h: &Histories, as_of: NaiveDate) -> Fitted {
    let mut s = Summary::default();
    let (rows, fit) = fit_upto(h, as_of, &mut s.fallbacks);
    s.customers = rows.iter().flatten().count();
    s.repeat_buyers = rows.iter().flatten().filter(|r| r.0.x > 0.0).count();
    let spend = fit.and_then(|fit| {
        s.bgnbd = Some(fit);
        fit_spend(&rows, &mut s)
    });
    Fitted {
        summary: s,
        rows,
        spend,
    }
}

impl Fitted {
    /// Puts each customer's forecast in its record (`customers` indexed like the histories the
    /// models were fitted on) and returns the summary.
    pub fn apply(self, customers: &mut [CustomerRecord]) -> Summary {
        let Fitted {
            summary: s,
            rows,
            spend,
        } = self;
        let Some(fit) = s.bgnbd else {
            return s;
        };
        // Customers' own mean spend per purchase day, where the spend model is not used; for a
        // customer who spent nothing, the mean over those who did.
        let spenders: Vec<f64> = rows
            .iter()
            .flatten()
            .map(|r| r.2)
            .filter(|v| *v > 0.0)
            .collect();
        let overall = spenders.iter().sum::<f64>() / spenders.len().max(1) as f64;
        for (c, row) in customers.iter_mut().zip(&rows) {
            let Some((rfm, mean_repeat, mean_all)) = *row else {
                continue;
            };
            let p = &fit.params;
            let quarter = bgnbd::expected_purchases(p, &rfm, QUARTER_DAYS);
            let year = bgnbd::expected_purchases(p, &rfm, YEAR_DAYS);
            let per_day = match &spend {
                Some(g) if mean_repeat > 0.0 => {
                    gamma_gamma::expected_spend(&g.params, rfm.x, mean_repeat)
                }
                Some(g) => gamma_gamma::expected_spend(&g.params, 0.0, 0.0),
                None if mean_all > 0.0 => mean_all,
                None => overall,
            };
            let value = year
                .map(|n| n * per_day)
                .filter(|v| v.is_finite() && *v >= 0.0);
            let p_alive = bgnbd::p_alive(p, &rfm);
            if let (Some(quarter), true) = (quarter, p_alive.is_finite()) {
                c.forecast = Some(CustomerForecast {
                    p_alive,
                    quarter_purchases: quarter,
                    value_12m: value,
                });
            }
        }
        s
    }
}

/// Fits Gamma-Gamma on the repeat buyers with a positive mean spend, unless too few, not
/// converging, or spend correlated with frequency (each said in the fallbacks).
fn fit_spend(rows: &[Option<Row>], s: &mut Summary) -> Option<gamma_gamma::Fit> {
    let repeat: Vec<(Rfm, f64)> = rows
        .iter()
        .flatten()
        .filter(|r| r.0.x > 0.0)
        .map(|r| (r.0, r.1))
        .collect();
    let data: Vec<Spend> = repeat
        .iter()
        .filter(|(_, m)| *m > 0.0 && m.is_finite())
        .map(|(r, m)| Spend { x: r.x, mean: *m })
        .collect();
    if data.len() < repeat.len() {
        s.fallbacks
            .push(Fallback::NonPositiveSpend(repeat.len() - data.len()));
    }
    s.spend_buyers = data.len();
    if data.len() < MIN_REPEAT_BUYERS {
        s.fallbacks.push(Fallback::TooFewRepeatBuyers {
            have: data.len(),
            spend: true,
        });
        return None;
    }
    s.correlation = gamma_gamma::frequency_spend_correlation(&data);
    if let Some(rho) = s.correlation.filter(|r| r.abs() > CORRELATION_LIMIT) {
        s.fallbacks.push(Fallback::SpendCorrelated(rho));
        return None;
    }
    let fit = gamma_gamma::fit(&data);
    if !fit.converged {
        s.fallbacks.push(Fallback::SpendNotConverged);
        return None;
    }
    s.spend = Some(fit);
    Some(fit)
}

#[cfg(test)]
mod tests;
