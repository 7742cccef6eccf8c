//! Tests of the forecast stage: the published CDNOW-sample estimates, predictions, fallbacks.

use super::bgnbd::{self, Rfm};
use super::gamma_gamma::{self, Spend};

/// One row of tests/data/cdnow/summary.csv.
struct Cdnow {
    rfm: Rfm,
    mean_spend: f64,
    holdout: f64,
}

fn cdnow() -> Vec<Cdnow> {
    let text = include_str!("../../tests/data/cdnow/summary.csv");
    text.lines()
        .skip(1)
        .map(|line| {
            let v: Vec<f64> = line.split(',').map(|s| s.parse().unwrap()).collect();
            Cdnow {
                rfm: Rfm {
                    x: v[1],
                    t_x: v[2],
                    t: v[3],
                },
                mean_spend: v[4],
                holdout: v[5],
            }
        })
        .collect()
}

/// Equal to `sig` significant figures.
fn same(got: f64, want: f64, sig: i32) -> bool {
    let scale = 10f64.powi(want.abs().log10().floor() as i32 - sig + 1);
    (got / scale).round() == (want / scale).round()
}

#[test]
fn bgnbd_reproduces_the_published_cdnow_estimates() {
    let data: Vec<Rfm> = cdnow().iter().map(|c| c.rfm).collect();
    assert_eq!(data.len(), 2357);
    let fit = bgnbd::fit(&data);
    assert!(fit.converged);
    let p = fit.params;
    // Fitted in days; α in weeks is α / 7, and the log-likelihood in weeks adds Σx·ln 7 back.
    let alpha_weeks = p.alpha / 7.0;
    let sum_x: f64 = data.iter().map(|h| h.x).sum();
    let ll_weeks = fit.log_likelihood + sum_x * 7f64.ln();
    eprintln!(
        "r {} α {} a {} b {} LL {}",
        p.r, alpha_weeks, p.a, p.b, ll_weeks
    );
    assert!(same(p.r, 0.243, 3), "r {}", p.r);
    assert!(same(alpha_weeks, 4.414, 4), "α {alpha_weeks}");
    assert!(same(p.a, 0.793, 3), "a {}", p.a);
    assert!(same(p.b, 2.426, 4), "b {}", p.b);
    assert!((ll_weeks - -9582.4).abs() < 0.05, "LL {ll_weeks}");
}

#[test]
fn gamma_gamma_reproduces_the_published_cdnow_estimates() {
    let data: Vec<Spend> = cdnow()
        .iter()
        .filter(|c| c.rfm.x > 0.0)
        .map(|c| Spend {
            x: c.rfm.x,
            mean: c.mean_spend,
        })
        .collect();
    assert_eq!(data.len(), 946);
    let fit = gamma_gamma::fit(&data);
    assert!(fit.converged);
    let g = fit.params;
    eprintln!("p {} q {} v {}", g.p, g.q, g.v);
    assert!(same(g.p, 6.25, 3), "p {}", g.p);
    assert!(same(g.q, 3.74, 3), "q {}", g.q);
    assert!(same(g.v, 15.44, 3), "v {}", g.v);
}
