//! Report appendix, customer-base models: the BG/NBD and Gamma-Gamma fit (sample, parameters,
//! log-likelihood), the fallbacks in force, and the backtest — predicted against actual purchase
//! days in the held-out quarter, in total and by decile, as a chart with the error in percent.

use super::{note, para, subheading, TABLE};
use crate::forecast::{describe, Backtest};
use crate::model::{Analysis, Lang};
use crate::report::layout::{Layout, ACCENT, GREY, INK, MARGIN, RULE};
use crate::say;

/// The predicted bars' colour (the actual ones are the accent).
const PREDICTED: crate::report::layout::Rgb8 = crate::report::layout::Rgb8(160, 190, 220);

/// The model's subsection of the appendix: what was fitted, on what, and how well it did.
pub(super) fn forecast(doc: &mut Layout, a: &Analysis) {
    let l = a.run.lang;
    let s = &a.forecast;
    subheading(
        doc,
        &say!(
            l,
            "客户存续与价值模型（BG/NBD + Gamma-Gamma）",
            "Customer-base models (BG/NBD + Gamma-Gamma)"
        ),
    );
    para(
        doc,
        &say!(
            l,
            "按本次数据拟合：BG/NBD 模型由每个客户的重复购买天数、首次与最近一次购买的间隔和客户年龄（天）估计其仍是客户的概率（存活概率）和未来的购买次数；Gamma-Gamma 模型估计每次购买金额。两者相乘得到“预计未来12个月价值”。",
            "Fitted on this run's data: the BG/NBD model estimates, from each customer's repeat purchase days, the gap between first and last purchase and the customer's age (days), the probability that it is still a customer (P(alive)) and its future purchases; the Gamma-Gamma model estimates the spend per purchase. Their product is the expected 12-month value."
        ),
    );
    // The values are wrapped, not cut: the appendix is where the method is read in full.
    let rows: Vec<(String, String)> = describe::lines(s, l)
        .into_iter()
        .filter(|(key, _)| key != l.pick("说明", "Note"))
        .collect();
    doc.wrapped_table(
        [&say!(l, "项目", "Item"), &say!(l, "值", "Value")],
        &rows,
        0.26,
        TABLE,
    );
    for f in &s.fallbacks {
        note(doc, &crate::messages::forecast_fallback(l, f));
    }
    if let Some(b) = &s.backtest {
        backtest(doc, b, l);
    }
}

/// The backtest: a sentence with the error, and predicted against actual by decile as bars.
fn backtest(doc: &mut Layout, b: &Backtest, l: Lang) {
    subheading(doc, &say!(l, "模型回测", "Backtest"));
    let error = b
        .error_percent()
        .map(|e| say!(l, "误差 {:+.1}%", "error {:+.1}%", e))
        .unwrap_or_else(|| say!(l, "期间无实际购买", "no actual purchases in the period"));
    para(
        doc,
        &say!(
            l,
            "用 {} 及以前的数据重新拟合，预测随后 91 天（到基准日）{} 家客户的购买天数：预测合计 {:.1}，实际 {:.0}，{}。下图按预测值把客户分为十组（从低到高），比较每组的预测与实际。",
            "Refitted on the data up to {}, predicting {} customers' purchase days in the following 91 days (to the as-of date): predicted {:.1} in total, actual {:.0}, {}. The chart splits the customers into ten groups by prediction (low to high) and compares predicted with actual in each.",
            b.calibration_end.format("%Y-%m-%d"),
            b.customers,
            b.predicted,
            b.actual,
            error
        ),
    );
    decile_chart(doc, b, l);
}

/// Ten pairs of bars (predicted, actual) with a value axis and a legend, drawn as vectors.
fn decile_chart(doc: &mut Layout, b: &Backtest, l: Lang) {
    let height = 55.0;
    doc.ensure(height + 18.0);
    let top = doc.y + 4.0;
    let left = MARGIN + 14.0;
    let width = super::CONTENT_W - 16.0;
    let top_value = b
        .deciles
        .iter()
        .map(|d| d.0.max(d.1))
        .fold(0.0, f64::max)
        .max(1.0);
    let scale = nice_ceiling(top_value);
    let base = top + height;
    for k in 0..=4 {
        let v = scale * k as f64 / 4.0;
        let y = base - height * (k as f32 / 4.0);
        doc.line(left, y, left + width, y, RULE, 0.4);
        let label = format!("{v:.0}");
        let w = doc.text_width(&label, 7.0, false);
        doc.text(left - 1.5 - w, y + 1.2, 7.0, false, GREY, &label);
    }
    let slot = width / b.deciles.len().max(1) as f32;
    for (i, (predicted, actual)) in b.deciles.iter().enumerate() {
        let x = left + slot * i as f32;
        let bar = slot * 0.36;
        for (j, (value, color)) in [(*predicted, PREDICTED), (*actual, ACCENT)]
            .iter()
            .enumerate()
        {
            let h = (height as f64 * value / scale) as f32;
            doc.rect(
                x + slot * 0.12 + bar * j as f32,
                base - h,
                bar,
                h,
                Some(*color),
                None,
            );
        }
        let label = (i + 1).to_string();
        let w = doc.text_width(&label, 7.0, false);
        doc.text(
            x + slot / 2.0 - w / 2.0,
            base + 4.0,
            7.0,
            false,
            INK,
            &label,
        );
    }
    let legend_y = base + 9.0;
    let mut x = left;
    let items = [
        (
            PREDICTED,
            say!(l, "预测购买天数", "Predicted purchase days"),
        ),
        (ACCENT, say!(l, "实际购买天数", "Actual purchase days")),
        (
            GREY,
            say!(
                l,
                "横轴：按预测值分的十组（1 = 最低）",
                "Across: ten groups by prediction (1 = lowest)"
            ),
        ),
    ];
    for (color, text) in items {
        if color != GREY {
            doc.rect(x, legend_y - 2.5, 3.0, 3.0, Some(color), None);
            x += 4.0;
        }
        doc.text(x, legend_y, 7.5, false, INK, &text);
        x += doc.text_width(&text, 7.5, false) + 6.0;
    }
    doc.y = legend_y + 4.0;
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`.
fn nice_ceiling(v: f64) -> f64 {
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|c| *c >= v)
        .unwrap_or(10.0 * p)
}
