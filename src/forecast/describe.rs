//! Stage forecast — the fit in words: the (label, value) lines that 参数 and the report's
//! appendix both show, so the two never disagree; with how 潜力 and 生命周期 use the history.

use chrono::NaiveDate;

use super::{
    backtest, bgnbd, gamma_gamma, Summary, P_ALIVE_HIGH_RISK, P_ALIVE_LOST, P_ALIVE_MEDIUM_RISK,
};
use crate::messages::{
    forecast_fallback, forecast_lifecycle_history, forecast_lifecycle_start, forecast_potential_use,
};
use crate::model::{CustomerRecord, Lang};
use crate::profile::Profile;
use crate::say;

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
    let mut out = Lines {
        lang,
        out: Vec::new(),
    };
    out.put(
        "模型",
        "Model",
        lang.pick(
            "BG/NBD（购买次数与存活概率）+ Gamma-Gamma（每次金额），按天拟合",
            "BG/NBD (purchases and P(alive)) + Gamma-Gamma (spend per purchase), fitted in days",
        )
        .into(),
    );
    out.put(
        "有购买记录的客户",
        "Customers with purchases",
        s.customers.to_string(),
    );
    out.put("重复购买客户", "Repeat buyers", s.repeat_buyers.to_string());
    if let Some(f) = &s.bgnbd {
        out.bgnbd(f);
    }
    if let Some(g) = &s.spend {
        out.spend(g, s.spend_buyers);
    }
    if let Some(rho) = s.correlation {
        out.put(
            "金额与频次相关系数",
            "Spend–frequency correlation",
            format!("{rho:.3}"),
        );
    }
    if let Some(b) = &s.backtest {
        out.put("回测", "Backtest", backtest(b, lang));
    }
    out.uses(s);
    for f in &s.fallbacks {
        out.put("说明", "Note", forecast_fallback(lang, f));
    }
    out.out
}

/// The (label, value) lines being written, labelled in `lang`.
struct Lines {
    lang: Lang,
    out: Vec<(String, String)>,
}

impl Lines {
    fn put(&mut self, zh: &str, en: &str, value: String) {
        self.out.push((self.lang.pick(zh, en).into(), value));
    }

    /// BG/NBD: its parameters, log-likelihood, and the rules its P(alive) feeds.
    fn bgnbd(&mut self, f: &bgnbd::Fit) {
        let p = &f.params;
        self.put("BG/NBD r", "BG/NBD r", format!("{:.4}", p.r));
        self.put(
            "BG/NBD alpha（天）",
            "BG/NBD alpha (days)",
            format!("{:.4}", p.alpha),
        );
        self.put("BG/NBD a", "BG/NBD a", format!("{:.4}", p.a));
        self.put("BG/NBD b", "BG/NBD b", format!("{:.4}", p.b));
        self.put(
            "BG/NBD 对数似然",
            "BG/NBD log-likelihood",
            format!("{:.2}", f.log_likelihood),
        );
        let used = say!(
            self.lang,
            "非订阅客户：无登录数据时，存活概率 < {:.0}% 为高流失风险、< {:.0}% 为中（代替最近购买天数规则）；生命周期：存活概率 < {:.0}% 为“流失”，< {:.0}% 为“衰退期”；订阅客户仍按续费规则",
            "Non-subscription customers: without login data, P(alive) below {:.0}% is high churn risk, below {:.0}% medium (instead of the days since the last purchase); lifecycle: below {:.0}% Lost, below {:.0}% Declining; subscriptions keep the renewal rules",
            P_ALIVE_HIGH_RISK * 100.0,
            P_ALIVE_MEDIUM_RISK * 100.0,
            P_ALIVE_LOST * 100.0,
            P_ALIVE_HIGH_RISK * 100.0
        );
        self.put("使用方式", "Used for", used);
    }

    /// Gamma-Gamma: the customers fitted, its parameters and log-likelihood.
    fn spend(&mut self, g: &gamma_gamma::Fit, buyers: usize) {
        let p = &g.params;
        self.put(
            "Gamma-Gamma 拟合客户",
            "Gamma-Gamma customers fitted",
            buyers.to_string(),
        );
        self.put("Gamma-Gamma p", "Gamma-Gamma p", format!("{:.4}", p.p));
        self.put("Gamma-Gamma q", "Gamma-Gamma q", format!("{:.4}", p.q));
        self.put("Gamma-Gamma v", "Gamma-Gamma v", format!("{:.2}", p.v));
        self.put(
            "Gamma-Gamma 对数似然",
            "Gamma-Gamma log-likelihood",
            format!("{:.2}", g.log_likelihood),
        );
    }

    /// How 潜力 and 生命周期 use the history.
    fn uses(&mut self, s: &Summary) {
        self.put(
            "潜力（12个月价值）",
            "Potential: 12-month value",
            forecast_potential_use(self.lang, s.uses.potential_value_weight, s.fitted()),
        );
        if let Some(days) = s.uses.history_days {
            self.put(
                "客户年龄起点",
                "Customer age from",
                forecast_lifecycle_start(self.lang).into(),
            );
            self.put(
                "成熟期",
                "Mature stage",
                forecast_lifecycle_history(self.lang, days, s.uses.mature_days),
            );
        }
    }
}

/// The backtest in a sentence: fitted up to when, predicted against actual purchase days.
fn backtest(b: &backtest::Backtest, lang: Lang) -> String {
    let error = (b.error_percent())
        .map(|e| say!(lang, "，误差 {:+.1}%", ", error {:+.1}%", e))
        .unwrap_or_default();
    say!(
        lang,
        "以 {} 前的数据拟合，预测其后 91 天 {} 家客户的购买天数：预测 {:.1}，实际 {:.0}{}",
        "Fitted on the data up to {}, predicting {} customers' purchase days in the next 91 days: predicted {:.1}, actual {:.0}{}",
        b.calibration_end.format("%Y-%m-%d"),
        b.customers,
        b.predicted,
        b.actual,
        error
    )
}
