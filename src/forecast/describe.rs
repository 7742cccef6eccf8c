//! Stage forecast — the fit in words: the (label, value) lines that 参数 and the report's
//! appendix both show, so the two never disagree; with how 潜力 and 生命周期 use the history.

use chrono::NaiveDate;

use super::{Summary, P_ALIVE_HIGH_RISK, P_ALIVE_LOST, P_ALIVE_MEDIUM_RISK};
use crate::messages::{
    forecast_fallback, forecast_lifecycle_history, forecast_lifecycle_start, forecast_potential_use,
};
use crate::model::{CustomerRecord, Lang};
use crate::profile::Profile;

/// How the run's profile lets 潜力 and 生命周期 use the history, for 参数 and the appendix.
#[derive(Debug, Clone, Default)]
pub struct Uses {
    /// Weight of 预计未来12个月价值 in 潜力 (0: not weighed).
    pub potential_value_weight: f64,
    /// Days from the earliest known start of any relationship to the as-of date, when known.
    pub history_days: Option<i64>,
    /// Days as a customer that 成熟期 needs (the profile's `lifecycle.growing_days`).
    pub mature_days: f64,
}

impl Uses {
    /// From the profile and the customers as aggregated (whose first purchase is the earliest
    /// known start: the customers sheet's date or the export's first purchase).
    pub fn of(profile: &Profile, customers: &[CustomerRecord], as_of: NaiveDate) -> Uses {
        let earliest = customers.iter().filter_map(|c| c.first_purchase).min();
        Uses {
            potential_value_weight: profile.potential.value_12m,
            history_days: earliest.map(|d| (as_of - d).num_days().max(0)),
            mature_days: profile.lifecycle.growing_days,
        }
    }
}

/// The model's lines: sample, parameters, log-likelihood, the rules fed, the backtest and every
/// fallback as a sentence (label 说明 / Note).
pub fn lines(s: &Summary, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |zh: &str, en: &str, value: String| out.push((lang.pick(zh, en).into(), value));
    put(
        "模型",
        "Model",
        lang.pick(
            "BG/NBD（购买次数与存活概率）+ Gamma-Gamma（每次金额），按天拟合",
            "BG/NBD (purchases and P(alive)) + Gamma-Gamma (spend per purchase), fitted in days",
        )
        .into(),
    );
    put(
        "有购买记录的客户",
        "Customers with purchases",
        s.customers.to_string(),
    );
    put("重复购买客户", "Repeat buyers", s.repeat_buyers.to_string());
    if let Some(f) = &s.bgnbd {
        let p = &f.params;
        put("BG/NBD r", "BG/NBD r", format!("{:.4}", p.r));
        put(
            "BG/NBD alpha（天）",
            "BG/NBD alpha (days)",
            format!("{:.4}", p.alpha),
        );
        put("BG/NBD a", "BG/NBD a", format!("{:.4}", p.a));
        put("BG/NBD b", "BG/NBD b", format!("{:.4}", p.b));
        put(
            "BG/NBD 对数似然",
            "BG/NBD log-likelihood",
            format!("{:.2}", f.log_likelihood),
        );
        put(
            "使用方式",
            "Used for",
            match lang {
                Lang::Zh => format!(
                    "非订阅客户：无登录数据时，存活概率 < {:.0}% 为高流失风险、< {:.0}% 为中（代替最近购买天数规则）；生命周期：存活概率 < {:.0}% 为“流失”，< {:.0}% 为“衰退期”；订阅客户仍按续费规则",
                    P_ALIVE_HIGH_RISK * 100.0,
                    P_ALIVE_MEDIUM_RISK * 100.0,
                    P_ALIVE_LOST * 100.0,
                    P_ALIVE_HIGH_RISK * 100.0
                ),
                Lang::En => format!(
                    "Non-subscription customers: without login data, P(alive) below {:.0}% is high churn risk, below {:.0}% medium (instead of the days since the last purchase); lifecycle: below {:.0}% Lost, below {:.0}% Declining; subscriptions keep the renewal rules",
                    P_ALIVE_HIGH_RISK * 100.0,
                    P_ALIVE_MEDIUM_RISK * 100.0,
                    P_ALIVE_LOST * 100.0,
                    P_ALIVE_HIGH_RISK * 100.0
                ),
            },
        );
    }
    if let Some(g) = &s.spend {
        let p = &g.params;
        put(
            "Gamma-Gamma 拟合客户",
            "Gamma-Gamma customers fitted",
            s.spend_buyers.to_string(),
        );
        put("Gamma-Gamma p", "Gamma-Gamma p", format!("{:.4}", p.p));
        put("Gamma-Gamma q", "Gamma-Gamma q", format!("{:.4}", p.q));
        put("Gamma-Gamma v", "Gamma-Gamma v", format!("{:.2}", p.v));
        put(
            "Gamma-Gamma 对数似然",
            "Gamma-Gamma log-likelihood",
            format!("{:.2}", g.log_likelihood),
        );
    }
    if let Some(rho) = s.correlation {
        put(
            "金额与频次相关系数",
            "Spend–frequency correlation",
            format!("{rho:.3}"),
        );
    }
    if let Some(b) = &s.backtest {
        put(
            "回测",
            "Backtest",
            match lang {
                Lang::Zh => format!(
                    "以 {} 前的数据拟合，预测其后 91 天 {} 家客户的购买天数：预测 {:.1}，实际 {:.0}{}",
                    b.calibration_end.format("%Y-%m-%d"),
                    b.customers,
                    b.predicted,
                    b.actual,
                    b.error_percent()
                        .map(|e| format!("，误差 {e:+.1}%"))
                        .unwrap_or_default()
                ),
                Lang::En => format!(
                    "Fitted on the data up to {}, predicting {} customers' purchase days in the next 91 days: predicted {:.1}, actual {:.0}{}",
                    b.calibration_end.format("%Y-%m-%d"),
                    b.customers,
                    b.predicted,
                    b.actual,
                    b.error_percent()
                        .map(|e| format!(", error {e:+.1}%"))
                        .unwrap_or_default()
                ),
            },
        );
    }
    put(
        "潜力（12个月价值）",
        "Potential: 12-month value",
        forecast_potential_use(lang, s.uses.potential_value_weight, s.fitted()),
    );
    if let Some(days) = s.uses.history_days {
        put(
            "客户年龄起点",
            "Customer age from",
            forecast_lifecycle_start(lang).into(),
        );
        put(
            "成熟期",
            "Mature stage",
            forecast_lifecycle_history(lang, days, s.uses.mature_days),
        );
    }
    for f in &s.fallbacks {
        put("说明", "Note", forecast_fallback(lang, f));
    }
    out
}
