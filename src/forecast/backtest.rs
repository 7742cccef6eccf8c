//! Stage forecast — the backtest: fit on the history up to one quarter before the as-of date,
//! predict each customer's purchase days in the held-out quarter, and compare with what happened,
//! in total and by decile of the prediction.

use chrono::{Duration, NaiveDate};

use super::{bgnbd, fit_upto, Fallback, Histories, QUARTER_DAYS};

/// Predicted against actual purchase days in the held-out quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// The last day of the calibration period.
    pub calibration_end: NaiveDate,
    /// Customers predicted (with a purchase by the calibration end).
    pub customers: usize,
    /// Predicted purchase days in the held-out quarter, all customers.
    pub predicted: f64,
    /// Actual purchase days in it.
    pub actual: f64,
    /// (predicted, actual) by decile of the prediction, lowest first.
    pub deciles: Vec<(f64, f64)>,
}

impl Backtest {
    /// (predicted − actual) / actual in percent; None when nothing was bought.
    pub fn error_percent(&self) -> Option<f64> {
        (self.actual > 0.0).then(|| (self.predicted - self.actual) / self.actual * 100.0)
    }
}

/// The backtest, when the data reach at least two quarters before the as-of date and the
/// calibration fit is valid; else None with the fallback said.
pub(super) fn run(
    h: &Histories,
    as_of: NaiveDate,
    fallbacks: &mut Vec<Fallback>,
) -> Option<Backtest> {
    let quarter = Duration::days(QUARTER_DAYS as i64);
    let end = as_of - quarter;
    let first = h
        .days
        .iter()
        .filter_map(|d| d.first())
        .map(|(d, _)| *d)
        .min()?;
    if first > end - quarter {
        fallbacks.push(Fallback::NoBacktest((as_of - first).num_days()));
        return None;
    }
    let mut quiet = Vec::new();
    let (rows, fit) = fit_upto(h, end, &mut quiet);
    let Some(fit) = fit else {
        fallbacks.push(Fallback::NoBacktest((as_of - first).num_days()));
        return None;
    };
    let mut pairs: Vec<(f64, f64)> = Vec::new();
    for (days, row) in h.days.iter().zip(&rows) {
        let Some((rfm, _, _)) = row else {
            continue;
        };
        let predicted = bgnbd::expected_purchases(&fit.params, rfm, QUARTER_DAYS)?;
        let actual = days.iter().filter(|(d, _)| *d > end && *d <= as_of).count() as f64;
        pairs.push((predicted, actual));
    }
    pairs.sort_by(|p, q| p.0.total_cmp(&q.0));
    let n = pairs.len();
    let deciles = (0..10)
        .map(|k| {
            let part = &pairs[k * n / 10..(k + 1) * n / 10];
            (
                part.iter().map(|p| p.0).sum(),
                part.iter().map(|p| p.1).sum(),
            )
        })
        .collect();
    Some(Backtest {
        calibration_end: end,
        customers: n,
        predicted: pairs.iter().map(|p| p.0).sum(),
        actual: pairs.iter().map(|p| p.1).sum(),
        deciles,
    })
}
