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

#[test]
fn predictions_on_cdnow_are_sane_and_the_holdout_is_close() {
    let rows = cdnow();
    let data: Vec<Rfm> = rows.iter().map(|c| c.rfm).collect();
    let fit = bgnbd::fit(&data);
    let p = fit.params;
    // Weeks 40–78 are 273 days: predicted and actual purchase days within 15 % (1 653 against
    // 1 882; the model under-predicts this period a little, as Fader, Hardie & Lee show).
    let predicted: f64 = data
        .iter()
        .map(|h| bgnbd::expected_purchases(&p, h, 273.0).unwrap())
        .sum();
    let actual: f64 = rows.iter().map(|c| c.holdout).sum();
    assert!(
        ((predicted - actual) / actual).abs() < 0.15,
        "{predicted} vs {actual}"
    );
    for h in &data {
        let a = bgnbd::p_alive(&p, h);
        assert!((0.0..=1.0).contains(&a));
        if h.x == 0.0 {
            assert_eq!(a, 1.0);
        }
    }
}

use super::{forecast, Fallback, Histories};
use crate::model::CustomerRecord;
use chrono::{Duration, NaiveDate};

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(n)
}

/// `n` customers, customer i buying every (7 + i % 40) days from day i % 60, some stopping.
fn synthetic(n: usize) -> Histories {
    let days = (0..n)
        .map(|i| {
            let gap = 7 + (i % 40) as i64;
            let stop = if i % 3 == 0 { 200 } else { 600 };
            (0..)
                .map(|k| (i % 60) as i64 + k * gap)
                .take_while(|d| *d <= stop)
                .map(|d| (day(d), 100.0 + (i % 7) as f64 * 10.0 + (d % 5) as f64))
                .collect()
        })
        .collect();
    Histories { days }
}

#[test]
fn the_stage_fills_every_customer_with_finite_numbers_and_backtests() {
    let h = synthetic(200);
    let mut customers = vec![CustomerRecord::default(); 200];
    let s = forecast(&h, &mut customers, day(600));
    assert!(s.fitted(), "{:?}", s.fallbacks);
    for c in &customers {
        let f = c.forecast.expect("every customer has purchases");
        assert!(f.p_alive.is_finite() && (0.0..=1.0).contains(&f.p_alive));
        assert!(f.quarter_purchases.is_finite() && f.quarter_purchases >= 0.0);
        assert!(f.value_12m.is_some_and(|v| v.is_finite() && v >= 0.0));
    }
    // Those who stopped at day 200 are less likely alive than those still buying.
    let mean = |r: usize| {
        let v: Vec<f64> = (0..200)
            .filter(|i| (i % 3 == 0) == (r == 0))
            .map(|i| customers[i].forecast.unwrap().p_alive)
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(mean(0) < mean(1) - 0.2, "{} vs {}", mean(0), mean(1));
    let b = s.backtest.expect("600 days allow a backtest");
    assert_eq!(b.deciles.len(), 10);
    assert!(b.error_percent().is_some_and(f64::is_finite));
}

#[test]
fn fallbacks_are_stated_and_leave_blanks() {
    let as_of = day(600);
    // No purchases at all.
    let h = Histories {
        days: vec![Vec::new(); 50],
    };
    let mut customers = vec![CustomerRecord::default(); 50];
    let s = forecast(&h, &mut customers, as_of);
    assert_eq!(s.fallbacks, vec![Fallback::NoDates]);
    assert!(customers.iter().all(|c| c.forecast.is_none()));
    // Everything on one date.
    let h = Histories {
        days: vec![vec![(as_of, 10.0)]; 50],
    };
    let s = forecast(&h, &mut customers, as_of);
    assert_eq!(s.fallbacks, vec![Fallback::SingleDate]);
    // Too few customers.
    let s = forecast(&synthetic(12), &mut customers[..12], as_of);
    assert_eq!(s.fallbacks, vec![Fallback::TooFewCustomers { have: 12 }]);
    assert!(customers.iter().all(|c| c.forecast.is_none()));
    // Too few repeat buyers: 40 one-time buyers, 3 repeat.
    let mut days: Vec<Vec<(NaiveDate, f64)>> = (0..40).map(|i| vec![(day(i * 10), 5.0)]).collect();
    days.extend((0..3).map(|i| vec![(day(i), 5.0), (day(i + 30), 5.0)]));
    let mut customers = vec![CustomerRecord::default(); 43];
    let s = forecast(&Histories { days }, &mut customers, as_of);
    assert_eq!(
        s.fallbacks,
        vec![Fallback::TooFewRepeatBuyers {
            have: 3,
            spend: false
        }]
    );
    // Zero spend everywhere: BG/NBD still fits; the spend model says why it is not used, and
    // no value is NaN.
    let mut h = synthetic(100);
    for d in &mut h.days {
        for p in d.iter_mut() {
            p.1 = 0.0;
        }
    }
    let mut customers = vec![CustomerRecord::default(); 100];
    let s = forecast(&h, &mut customers, as_of);
    assert!(s.fitted());
    assert!(s
        .fallbacks
        .contains(&Fallback::NonPositiveSpend(s.repeat_buyers)));
    assert!(customers
        .iter()
        .all(|c| c.forecast.unwrap().value_12m.is_none_or(|v| v.is_finite())));
}

#[test]
fn every_fallback_is_a_sentence_in_both_languages() {
    use crate::model::Lang;
    let all = [
        Fallback::NoDates,
        Fallback::SingleDate,
        Fallback::TooFewCustomers { have: 3 },
        Fallback::TooFewRepeatBuyers {
            have: 2,
            spend: true,
        },
        Fallback::NotConverged,
        Fallback::SpendNotConverged,
        Fallback::SpendCorrelated(0.41),
        Fallback::NonPositiveSpend(4),
        Fallback::NoBacktest(120),
    ];
    for f in &all {
        for lang in [Lang::Zh, Lang::En] {
            let s = crate::messages::forecast_fallback(lang, f);
            assert!(s.ends_with('。') || s.ends_with('.'), "{s}");
        }
    }
}
