//! Stage forecast — BG/NBD (Fader, Hardie & Lee 2005): the likelihood of each customer's repeat
//! purchase days, its maximum-likelihood fit, P(alive) and the expected purchases ahead.
//! Time is in days throughout; the same code in weeks gives the published weekly estimates.

use super::optimize::minimise;
use super::special::{hyp2f1, ln_gamma};

/// One customer's purchase history in the model's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rfm {
    /// Repeat purchase days (purchase days after the first).
    pub x: f64,
    /// Days from the first to the last purchase day.
    pub t_x: f64,
    /// Days from the first purchase day to the end of the period.
    pub t: f64,
}

/// The fitted BG/NBD parameters: purchase rate ~ Gamma(r, α), dropout p ~ Beta(a, b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Shape of the purchase-rate distribution.
    pub r: f64,
    /// Scale (in days) of the purchase-rate distribution.
    pub alpha: f64,
    /// First shape of the dropout distribution.
    pub a: f64,
    /// Second shape of the dropout distribution.
    pub b: f64,
}

/// A fit: the parameters, the log-likelihood at them and whether the optimiser settled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The estimates.
    pub params: Params,
    /// The log-likelihood (in the time unit of the data).
    pub log_likelihood: f64,
    /// Whether the optimiser converged to finite, sensible estimates.
    pub converged: bool,
}

/// The histories grouped: identical (x, t_x, T) once with a count, and the distinct x values,
/// so one likelihood evaluation computes each ln Γ term once per distinct x. When every t_x and
/// T is a whole number of days (always, from dates), ln(α + d) is tabled once per evaluation
/// for d = 0 … the longest T, so no row takes a logarithm of its own for it.
struct Prepared {
    /// Distinct x values.
    xs: Vec<f64>,
    /// (index into xs, t_x, T, how many customers).
    rows: Vec<(usize, f64, f64, f64)>,
    /// The longest T, when every t_x and T is a whole number of days up to a limit.
    whole_days: Option<usize>,
}

impl Prepared {
    fn new(data: &[Rfm]) -> Prepared {
        let mut sorted: Vec<Rfm> = data.to_vec();
        sorted.sort_by(|p, q| {
            (p.x, p.t_x, p.t)
                .partial_cmp(&(q.x, q.t_x, q.t))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut xs: Vec<f64> = Vec::new();
        let mut rows: Vec<(usize, f64, f64, f64)> = Vec::new();
        for h in sorted {
            if xs.last() != Some(&h.x) {
                xs.push(h.x);
            }
            let xi = xs.len() - 1;
            match rows.last_mut() {
                Some(last) if last.0 == xi && last.1 == h.t_x && last.2 == h.t => last.3 += 1.0,
                _ => rows.push((xi, h.t_x, h.t, 1.0)),
            }
        }
        let longest = rows.iter().map(|r| r.2).fold(0.0, f64::max);
        let whole = rows
            .iter()
            .all(|r| r.1.fract() == 0.0 && r.2.fract() == 0.0 && r.1 >= 0.0 && r.2 >= 0.0);
        let whole_days = (whole && longest <= 200_000.0).then_some(longest as usize);
        Prepared {
            xs,
            rows,
            whole_days,
        }
    }

    /// The log-likelihood of all customers at the parameters.
    fn log_likelihood(&self, p: &Params) -> f64 {
        let Params { r, alpha, a, b } = *p;
        let common = -ln_gamma(r) + r * alpha.ln() + ln_gamma(a + b) - ln_gamma(b);
        let by_x: Vec<(f64, f64)> = self
            .xs
            .iter()
            .map(|&x| {
                let c = ln_gamma(r + x) + ln_gamma(b + x) - ln_gamma(a + b + x) + common;
                let d = if x > 0.0 {
                    a.ln() - (b + x - 1.0).ln()
                } else {
                    f64::NEG_INFINITY
                };
                (c, d)
            })
            .collect();
        let table: Vec<f64> = match self.whole_days {
            Some(longest) => (0..=longest).map(|d| (alpha + d as f64).ln()).collect(),
            None => Vec::new(),
        };
        let ln_at = |days: f64| match table.get(days as usize) {
            Some(v) if self.whole_days.is_some() => *v,
            _ => (alpha + days).ln(),
        };
        let mut total = 0.0;
        for &(xi, t_x, t, n) in &self.rows {
            let x = self.xs[xi];
            let (c, d) = by_x[xi];
            let ln_t = ln_at(t);
            // ln[(α+T)^-(r+x) + a/(b+x−1)·(α+t_x)^-(r+x)]
            //   = −(r+x)·ln(α+T) + ln(1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)).
            let mut ll = c - (r + x) * ln_t;
            if x > 0.0 {
                let log_odds = d + (r + x) * (ln_t - ln_at(t_x));
                ll += if log_odds > 30.0 {
                    log_odds + (-log_odds).exp().ln_1p()
                } else {
                    log_odds.exp().ln_1p()
                };
            }
            total += n * ll;
        }
        total
    }
}

/// The log-likelihood of the histories at the parameters.
pub fn log_likelihood(data: &[Rfm], p: &Params) -> f64 {
    Prepared::new(data).log_likelihood(p)
}

/// Fits BG/NBD by maximum likelihood (Nelder–Mead on the log parameters, from a fixed start, so
/// the same data give the same estimates).
pub fn fit(data: &[Rfm]) -> Fit {
    let prepared = Prepared::new(data);
    let mean_t = data.iter().map(|h| h.t).sum::<f64>() / data.len().max(1) as f64;
    let unpack = |v: &[f64]| Params {
        r: v[0].exp(),
        alpha: v[1].exp(),
        a: v[2].exp(),
        b: v[3].exp(),
    };
    let start = [0.0, mean_t.max(1.0).ln() - 2.0, 0.0, 0.0];
    let m = minimise(|v| -prepared.log_likelihood(&unpack(v)), &start);
    let params = unpack(&m.x);
    let sane = [params.r, params.alpha, params.a, params.b]
        .iter()
        .all(|v| v.is_finite() && *v > 1e-8 && *v < 1e8);
    Fit {
        params,
        log_likelihood: -m.value,
        converged: m.converged && sane && m.value.is_finite(),
    }
}

/// The factor a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x) that both P(alive) and the expected
/// purchases divide by (plus one); 0 for a customer with no repeat purchase.
fn dropout_odds(p: &Params, h: &Rfm) -> f64 {
    if h.x <= 0.0 {
        return 0.0;
    }
    let log = p.a.ln() - (p.b + h.x - 1.0).ln()
        + (p.r + h.x) * ((p.alpha + h.t).ln() - (p.alpha + h.t_x).ln());
    log.exp()
}

/// P(alive): the probability that the customer has not dropped out by the end of the period.
pub fn p_alive(p: &Params, h: &Rfm) -> f64 {
    1.0 / (1.0 + dropout_odds(p, h))
}

/// The expected number of purchase days in the next `days` days, given the history; None when
/// it cannot be computed (a < 1 makes no difference; a hypergeometric series that does not
/// settle does).
pub fn expected_purchases(p: &Params, h: &Rfm, days: f64) -> Option<f64> {
    let Params { r, alpha, a, b } = *p;
    if (a - 1.0).abs() < 1e-9 {
        return None;
    }
    let x = h.x;
    let z = days / (alpha + h.t + days);
    let f = hyp2f1(r + x, b + x, a + b + x - 1.0, z)?;
    let head = (a + b + x - 1.0) / (a - 1.0);
    let tail = 1.0 - ((alpha + h.t) / (alpha + h.t + days)).powf(r + x) * f;
    let e = head * tail / (1.0 + dropout_odds(p, h));
    (e.is_finite() && e >= 0.0).then_some(e)
}
