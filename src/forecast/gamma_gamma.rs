//! Stage forecast — Gamma-Gamma spend model (Fader & Hardie 2013): the mean spend per purchase
//! day of repeat buyers, its maximum-likelihood fit, each customer's expected spend, and the
//! check of its assumption (spend independent of frequency).

use super::optimize::minimise;
use super::special::ln_gamma;

/// One repeat buyer: repeat purchase days and the mean spend of those days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spend {
    /// Repeat purchase days (x ≥ 1).
    pub x: f64,
    /// Mean spend per repeat purchase day (> 0).
    pub mean: f64,
}

/// The fitted parameters: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, v).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Shape of each purchase's spend.
    pub p: f64,
    /// Shape of the scale's distribution.
    pub q: f64,
    /// Scale of the scale's distribution.
    pub v: f64,
}

/// A fit: the parameters, the log-likelihood and whether it converged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The estimates.
    pub params: Params,
    /// The log-likelihood at them.
    pub log_likelihood: f64,
    /// Whether the optimiser converged to finite estimates with q > 1 (a finite mean).
    pub converged: bool,
}

/// The log-likelihood of the repeat buyers' mean spends at the parameters.
pub fn log_likelihood(data: &[Spend], g: &Params) -> f64 {
    let Params { p, q, v } = *g;
    let base = -ln_gamma(q) + q * v.ln();
    data.iter()
        .map(|s| {
            let px = p * s.x;
            ln_gamma(px + q) - ln_gamma(px) + base + (px - 1.0) * s.mean.ln() + px * s.x.ln()
                - (px + q) * (s.x * s.mean + v).ln()
        })
        .sum()
}

/// Fits the Gamma-Gamma model by maximum likelihood, deterministically.
pub fn fit(data: &[Spend]) -> Fit {
    let mean = data.iter().map(|s| s.mean).sum::<f64>() / data.len().max(1) as f64;
    let unpack = |w: &[f64]| Params {
        p: w[0].exp(),
        q: w[1].exp(),
        v: w[2].exp(),
    };
    let start = [0.0, 1.0, mean.max(1e-9).ln()];
    let m = minimise(|w| -log_likelihood(data, &unpack(w)), &start);
    let params = unpack(&m.x);
    let sane = [params.p, params.q, params.v]
        .iter()
        .all(|v| v.is_finite() && *v > 1e-8 && *v < 1e12);
    Fit {
        params,
        log_likelihood: -m.value,
        converged: m.converged && sane && params.q > 1.0,
    }
}

/// The expected spend per purchase day of a customer with `x` repeat days of mean `mean`
/// (x = 0: the population mean p·v/(q − 1)).
pub fn expected_spend(g: &Params, x: f64, mean: f64) -> f64 {
    let Params { p, q, v } = *g;
    (p * (v + x * mean)) / (p * x + q - 1.0)
}

/// Pearson's correlation between repeat purchase days and mean spend; None with fewer than
/// three buyers or no spread.
pub fn frequency_spend_correlation(data: &[Spend]) -> Option<f64> {
    let n = data.len() as f64;
    if data.len() < 3 {
        return None;
    }
    let mx = data.iter().map(|s| s.x).sum::<f64>() / n;
    let mm = data.iter().map(|s| s.mean).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for s in data {
        let (dx, dy) = (s.x - mx, s.mean - mm);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r)
}
