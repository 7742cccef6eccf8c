//! Sentences of the analysis stages: classify (size, industry, recommendations), cluster and forecast.

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── classification (classify.rs, size_standard.rs, industry.rs, recommend.rs) ─────────────────────────────

/// A bad profile: the file, the line and key when known, and the problem.
pub fn profile_error(
    lang: Lang,
    file: &str,
    line: Option<usize>,
    key: Option<&str>,
    problem: &str,
) -> String {
    let place = match (line, key) {
        (Some(l), Some(k)) => say!(lang, "第 {} 行（{}）", "line {} ({})", l, k),
        (Some(l), None) => say!(lang, "第 {} 行", "line {}", l),
        (None, Some(k)) => say!(lang, "设置项 {}", "key {}", k),
        (None, None) => String::new(),
    };
    if place.is_empty() {
        say!(
            lang,
            "评分方案 {} 有误：{}。",
            "The profile {} is invalid: {}.",
            file,
            problem
        )
    } else {
        say!(
            lang,
            "评分方案 {} {}有误：{}。",
            "The profile {} is invalid at {}: {}.",
            file,
            place,
            problem
        )
    }
}

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

/// How the clustering matrix was built, one sentence for `Clustering::imputation`: which
/// features had gaps filled with their median (feature short name, customers imputed), which
/// were left out because nobody had them or everybody had the same value, and the scaling.
pub fn cluster_method(lang: Lang, m: &crate::model::ClusterMethod) -> String {
    let short = |f: &crate::model::FeatureKind| feature_short(lang, *f);
    let imputed: Vec<(&str, usize)> = m.imputed.iter().map(|(f, n)| (short(f), *n)).collect();
    let missing: Vec<&str> = m.missing.iter().map(short).collect();
    let constant: Vec<&str> = m.constant.iter().map(short).collect();
    let any_feature = m.any_feature;
    let list_sep = lang.pick("、", ", ");
    let mut parts = Vec::new();
    if !any_feature {
        parts.push(say!(
            lang,
            "没有可用于聚类的特征，全部客户归为一类",
            "no feature could be clustered on, so every customer is in one cluster"
        ));
    } else if imputed.is_empty() {
        parts.push(say!(
            lang,
            "聚类特征均无缺失，无需填补",
            "no clustering feature had missing values, so nothing was imputed"
        ));
    } else {
        let items: Vec<String> = imputed
            .iter()
            .map(|(name, count)| say!(lang, "{} {} 人", "{}: {} customers", name, count))
            .collect();
        parts.push(say!(
            lang,
            "缺失值按该特征的中位数填补（{}）",
            "missing values were filled with the feature's median ({})",
            items.join(list_sep)
        ));
    }
    if any_feature {
        parts.push(say!(
            lang,
            "金额与次数取对数，各特征标准化（z 分数）后聚类",
            "money and counts were log-transformed and every feature standardised (z-score)"
        ));
    }
    if !missing.is_empty() {
        parts.push(say!(
            lang,
            "{}全部缺失，未参与聚类",
            "{} missing for everyone, left out",
            missing.join(list_sep)
        ));
    }
    if !constant.is_empty() {
        parts.push(say!(
            lang,
            "{}所有客户相同，未参与聚类",
            "{} the same for everyone, left out",
            constant.join(list_sep)
        ));
    }
    let sentence = parts.join(lang.pick("；", "; "));
    match lang {
        Lang::Zh => format!("{sentence}。"),
        Lang::En => {
            let mut chars = sentence.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

// ─────────────────── customer-base models (issue 20) ───────────────────

/// Forecast (BG/NBD, Gamma-Gamma): one fallback as a sentence for 参数 and the appendix.
pub fn forecast_fallback(lang: Lang, f: &crate::forecast::Fallback) -> String {
    use crate::forecast::{Fallback, MIN_CUSTOMERS, MIN_REPEAT_BUYERS};
    match f {
        Fallback::NoDates => crate::say!(
            lang,
            "没有带日期的交易明细：未拟合 BG/NBD 模型，存活概率、预计购买次数和 12 个月价值为空，流失风险和生命周期按固定天数规则判定。",
            "No dated transaction lines: the BG/NBD model was not fitted; P(alive), expected purchases and 12-month value are blank, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::SingleDate => crate::say!(
            lang,
            "所有购买都在同一天：看不出重复购买规律，未拟合模型，流失风险和生命周期按固定天数规则判定。",
            "Every purchase is on one date: there is no repeat behaviour to learn from; the models were not fitted, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::TooFewCustomers { have } => crate::say!(
            lang,
            "有购买记录的客户只有 {} 家（至少需要 {} 家）：未拟合模型，流失风险和生命周期按固定天数规则判定。",
            "Only {} customers have purchases (at least {} are needed): the models were not fitted, and churn risk and lifecycle follow the fixed-day rules.",
            have,
            MIN_CUSTOMERS
        ),
        Fallback::TooFewRepeatBuyers { have, spend: false } => crate::say!(
            lang,
            "重复购买的客户只有 {} 家（至少需要 {} 家）：未拟合 BG/NBD 模型，流失风险和生命周期按固定天数规则判定。",
            "Only {} customers bought again (at least {} are needed): the BG/NBD model was not fitted, and churn risk and lifecycle follow the fixed-day rules.",
            have,
            MIN_REPEAT_BUYERS
        ),
        Fallback::TooFewRepeatBuyers { have, spend: true } => crate::say!(
            lang,
            "金额为正的重复购买客户只有 {} 家（至少需要 {} 家）：未拟合 Gamma-Gamma 金额模型，12 个月价值按客户自己的平均每次金额计算。",
            "Only {} repeat buyers have a positive spend (at least {} are needed): the Gamma-Gamma spend model was not fitted; the 12-month value uses each customer's own mean spend per purchase.",
            have,
            MIN_REPEAT_BUYERS
        ),
        Fallback::NotConverged => crate::say!(
            lang,
            "BG/NBD 模型拟合未收敛：未使用其结果，流失风险和生命周期按固定天数规则判定。",
            "The BG/NBD fit did not converge: its results are not used, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::SpendNotConverged => crate::say!(
            lang,
            "Gamma-Gamma 金额模型拟合未收敛或没有有限的平均金额：12 个月价值按客户自己的平均每次金额计算。",
            "The Gamma-Gamma fit did not converge or has no finite mean spend: the 12-month value uses each customer's own mean spend per purchase."
        ),
        Fallback::SpendCorrelated(rho) => crate::say!(
            lang,
            "每次购买金额与购买频次相关（相关系数 {:.2}，超过 ±0.3）：Gamma-Gamma 模型的前提不成立，未使用；12 个月价值按客户自己的平均每次金额计算。",
            "Spend per purchase is correlated with purchase frequency (correlation {:.2}, beyond ±0.3): the Gamma-Gamma model's assumption fails and it is not used; the 12-month value uses each customer's own mean spend per purchase.",
            rho
        ),
        Fallback::NonPositiveSpend(n) => crate::say!(
            lang,
            "{} 家重复购买客户的平均每次金额为 0 或负数，未参与金额模型拟合（其 12 个月价值按总体平均金额）。",
            "{} repeat buyers have a zero or negative mean spend and were left out of the spend fit (their 12-month value uses the overall mean spend).",
            n
        ),
        Fallback::NoBacktest(days) => crate::say!(
            lang,
            "数据只覆盖 {} 天，不足以留出最后一个季度做回测（需要至少两个季度的历史并能在前一季度末拟合模型）。",
            "The data cover only {} days: too short to hold out the last quarter for a backtest (at least two quarters of history, with a valid fit at the end of the earlier one, are needed).",
            days
        ),
    }
}

// ── forecast feeds 潜力 and 生命周期 (issues 20, 19) ──
// Each fits on one line of the appendix table.

/// 参数 / appendix: how 潜力 uses 预计未来12个月价值 (weight 0 = not used; without a valid fit,
/// the old rule).
pub fn forecast_potential_use(lang: Lang, weight: f64, fitted: bool) -> String {
    if weight <= 0.0 {
        crate::say!(
            lang,
            "不计预计未来12个月价值（模板 [potential] value_12m = 0）",
            "12-month value not weighed (template [potential] value_12m = 0)"
        )
    } else if fitted {
        crate::say!(
            lang,
            "含预计未来12个月价值（百分位，权重 {}）；无预测值者按其余各项",
            "Weighs the 12-month value (percentile, weight {}); without a forecast, the rest",
            weight
        )
    } else {
        crate::say!(
            lang,
            "模型未拟合：不计12个月价值，按原规则（预算、需求、增长等）计算",
            "Model not fitted: no 12-month value, the old rule (budget, needs, growth …)"
        )
    }
}

/// 参数 / appendix: where 生命周期 counts a customer's age from.
pub fn forecast_lifecycle_start(lang: Lang) -> &'static str {
    lang.pick(
        "客户表的首次购买/签约日期与明细中的首次购买，取较早者",
        "The sheet's first purchase / signing date or the detail's first one, the earlier",
    )
}

/// 参数 / appendix: whether the history (`days` since the earliest known start) is long enough
/// to tell 成熟期 (`mature` days needed).
pub fn forecast_lifecycle_history(lang: Lang, days: i64, mature: f64) -> String {
    if (days as f64) < mature {
        crate::say!(
            lang,
            "历史仅 {} 天，不足成熟期所需 {} 天：无法判断成熟期，未满者列为成长期",
            "History of {} days, under the {} needed: maturity cannot be told (shown as growing)",
            days,
            mature
        )
    } else {
        crate::say!(
            lang,
            "成为客户满 {} 天且无增长、衰退信号为成熟期",
            "A customer of {} days or more with no growth or decline is mature",
            mature
        )
    }
}
