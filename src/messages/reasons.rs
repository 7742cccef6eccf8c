//! The reasons classify and cluster give (model/reasons.rs), worded in zh or en: 规模依据,
//! 标准行业, 需求, 信用说明, 推荐产品, 推荐服务, 评分说明, the tier rule, cluster names and features.

#[allow(unused_imports)]
use super::*;
use crate::model::{
    ClusterName, ClusterWord, CreditLimit, CreditReason, Edition, Explanation, FeatureKind, Need,
    PaymentReason, Product, ProfileText, RiskWhy, Service, SizeBasis, StdIndustryName, TierHow,
    TierRule,
};
use crate::profile::Dimension;
use crate::size_standard::{self, Indicators};

// ───────────────────────────── classification (classify/) ─────────────────────────────

/// A profile text in the language: the English one when the profile gives a non-blank one,
/// else the Chinese.
pub fn profile_text(lang: Lang, t: &ProfileText) -> &str {
    match (lang, &t.en) {
        (Lang::En, Some(en)) if !en.trim().is_empty() => en,
        _ => &t.zh,
    }
}

/// 规模依据: "工业：X=350人，Y=2500万元 → 中型", or why the standard does not apply.
pub fn size_basis(lang: Lang, b: &SizeBasis) -> String {
    match b {
        SizeBasis::NotCovered { zh, en } => say!(
            lang,
            "{}：《统计上大中小微型企业划分办法(2017)》不适用于该行业",
            "{}: outside China's 2017 SME classification standard, size not applicable",
            lang.pick(zh, en)
        ),
        SizeBasis::Standard {
            row,
            employees,
            revenue,
            assets,
        } => match size_standard::find(row) {
            Some(standard) => {
                let indicators = Indicators {
                    employees: *employees,
                    revenue: *revenue,
                    assets: *assets,
                };
                size_standard::classify(standard, &indicators, lang).1
            }
            None => String::new(),
        },
    }
}

/// 标准行业: the standard's row, or "不适用（金融业）" when the standard does not cover it.
pub fn std_industry(lang: Lang, n: &StdIndustryName) -> String {
    match n {
        StdIndustryName::Row { zh, en } => lang.pick(zh, en).to_string(),
        StdIndustryName::NotCovered { zh, en } => say!(
            lang,
            "不适用（{}）",
            "Not applicable ({})",
            lang.pick(zh, en)
        ),
    }
}

/// 需求: each need's name in the language, each name once, in order.
pub fn needs(lang: Lang, needs: &[Need]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in needs {
        let name = match n {
            Need::Named(t) => profile_text(lang, t),
            Need::AsWritten(s) => s.as_str(),
        };
        if !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// Why the payment model was inferred, as a note of 评分说明.
pub fn payment_reason(lang: Lang, r: &PaymentReason) -> String {
    match r {
        PaymentReason::RenewalRate => say!(
            lang,
            "付费模式按续费率推断为订阅",
            "payment model inferred as subscription from the renewal rate"
        ),
        PaymentReason::Product { product, model } => say!(
            lang,
            "付费模式按产品“{}”推断为{}",
            "payment model inferred as {1} from the product \"{0}\"",
            product,
            model.label(lang)
        ),
    }
}

/// One thing that raised the risk level ("逾期45天").
pub fn risk_why(lang: Lang, w: &RiskWhy) -> String {
    match w {
        RiskWhy::Overdue(d) => say!(lang, "逾期{}天", "{} days overdue", plain_number(*d)),
        RiskWhy::Receivable(pct) => say!(
            lang,
            "应收余额占累计金额{}%",
            "receivable is {}% of the amount",
            pct
        ),
        RiskWhy::Complaints(c) => say!(lang, "投诉{}次", "{} complaints", plain_number(*c)),
    }
}

/// 信用说明: "风险B：逾期45天；额度=累计金额…；潜力客户，建议月结30天".
pub fn credit_reason(lang: Lang, r: &CreditReason) -> String {
    let risk_part = if r.why.is_empty() {
        say!(
            lang,
            "风险{}：无逾期、无投诉",
            "Risk {}: nothing overdue, no complaints",
            r.risk.label()
        )
    } else {
        let why: Vec<String> = r.why.iter().map(|w| risk_why(lang, w)).collect();
        say!(
            lang,
            "风险{}：{}",
            "Risk {}: {}",
            r.risk.label(),
            why.join(lang.pick("、", ", "))
        )
    };
    let limit_part = match r.limit {
        CreditLimit::NoAmount => say!(lang, "无累计金额，额度为0", "no amount on record, limit 0"),
        CreditLimit::Computed {
            amount,
            share,
            factor,
            limit,
            capped,
        } => {
            let mut text = say!(
                lang,
                "额度=累计金额{}元×{}×{}={}元",
                "limit = amount {} × {} × {} = {}",
                grouped(amount),
                format!("{}%", plain_number((share * 1000.0).round() / 10.0)),
                plain_number(factor),
                grouped(limit)
            );
            if capped {
                text.push_str(&say!(lang, "（已封顶）", " (capped)"));
            }
            text
        }
    };
    let sep = lang.pick("；", "; ");
    format!(
        "{risk_part}{sep}{limit_part}{sep}{}",
        say!(
            lang,
            "{}，建议{}",
            "{}: {}",
            r.tier.label(lang),
            r.settlement.label(lang)
        )
    )
}

/// An edition's name ("专业版", "Professional").
pub fn edition_name(lang: Lang, e: Edition) -> &'static str {
    match e {
        Edition::Lite => lang.pick("轻量版", "Lite"),
        Edition::Standard => lang.pick("标准版", "Standard"),
        Edition::Professional => lang.pick("专业版", "Professional"),
        Edition::Flagship => lang.pick("旗舰版/定制版", "Flagship / custom"),
    }
}

/// The edition after `e` (the highest stays).
fn next_edition(e: Edition) -> Edition {
    let i = Edition::ALL.iter().position(|x| *x == e).unwrap_or(0);
    Edition::ALL[(i + 1).min(Edition::ALL.len() - 1)]
}

/// 推荐产品: "标准版 → 专业版（按规模与需要宜用专业版）", "维持现有版本（…）" or the rule's product.
pub fn recommended_product(lang: Lang, p: &Product) -> String {
    // The owned edition as written in Chinese; its name in English.
    let owned_name = |owned: &str, have: Edition| match lang {
        Lang::Zh => owned.to_string(),
        Lang::En => edition_name(lang, have).to_string(),
    };
    match p {
        Product::NoRule => say!(lang, "无匹配规则", "no rule matched"),
        Product::Give(t) => profile_text(lang, t).to_string(),
        Product::Up { owned, have, want } => say!(
            lang,
            "{} → {}（按规模与需要宜用{}）",
            "{} → {} (the size and needs call for {})",
            owned_name(owned, *have),
            edition_name(lang, next_edition(*have)),
            edition_name(lang, *want)
        ),
        Product::KeepHighest { owned } => say!(
            lang,
            "维持现有版本（已是最高版本{}）",
            "Keep current edition (already the highest, {})",
            owned_name(owned, Edition::Flagship)
        ),
        Product::KeepFits { owned, have } => say!(
            lang,
            "维持现有版本（{}符合规模与需要）",
            "Keep current edition ({} fits the size and needs)",
            owned_name(owned, *have)
        ),
        Product::KeepAbove { owned, have, want } => say!(
            lang,
            "维持现有版本（已用{}，高于按规则推荐的{}，不降级）",
            "Keep current edition ({} is above the rule's {}; no downgrade)",
            owned_name(owned, *have),
            edition_name(lang, *want)
        ),
        Product::StepUp {
            owned,
            have,
            why,
            why_en,
        } => {
            let why = match lang {
                Lang::Zh => why.as_str(),
                Lang::En => why_en.as_deref().map(str::trim).unwrap_or(""),
            };
            let (owned, next) = (
                owned_name(owned, *have),
                edition_name(lang, next_edition(*have)),
            );
            if why.is_empty() {
                format!("{owned} → {next}")
            } else {
                say!(lang, "{} → {}（{}）", "{} → {} ({})", owned, next, why)
            }
        }
    }
}

/// 推荐服务: each item once, in order, joined with "、" (", " in English).
pub fn recommended_services(lang: Lang, services: &[Service]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for s in services {
        let text = match s {
            Service::Need(n) => n.as_str(),
            Service::Rule(t) => profile_text(lang, t),
        };
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out.join(lang.pick("、", ", "))
}

/// A dimension's score name ("价值得分", "Value score").
fn score_name(lang: Lang, d: Dimension) -> String {
    say!(lang, "{}得分", "{} score", d.label(lang))
}

/// 评分说明: the largest contributions, the dimensions missing, and notes on inferred data.
pub fn explanation(lang: Lang, e: &Explanation) -> String {
    let mut text = match e.first {
        None => say!(
            lang,
            "综合得分 {}：没有可评分的数据",
            "Total {}: nothing could be scored",
            e.total
        ),
        Some((d0, v0, pct)) => {
            let mut t = say!(
                lang,
                "综合得分 {}：{} {}（权重{}%）贡献最大",
                "Total {}: {} {} (weight {}%) contributes most",
                e.total,
                score_name(lang, d0),
                v0,
                pct
            );
            if let Some((d1, v1)) = e.second {
                t.push_str(&say!(
                    lang,
                    "，其次{} {}",
                    ", then {} {}",
                    score_name(lang, d1),
                    v1
                ));
            }
            t
        }
    };
    let mut notes: Vec<String> = Vec::new();
    if !e.missing.is_empty() {
        let missing: Vec<&str> = e.missing.iter().map(|d| d.label(lang)).collect();
        notes.push(say!(
            lang,
            "缺少{}数据，权重已按其余维度重新分配",
            "no data for {}, so the weights were spread over the other dimensions",
            missing.join(lang.pick("、", ", "))
        ));
    }
    if let Some(basis) = &e.size_partial {
        let basis = size_basis(lang, basis);
        if let Some(pos) = basis.find(lang.pick("（缺少", " (no ")) {
            let note = basis[pos..]
                .trim_matches(|c| c == '（' || c == '）' || c == '(' || c == ')' || c == ' ');
            notes.push(say!(lang, "企业规模{}", "size: {}", note));
        }
    }
    if let Some(why) = &e.payment {
        notes.push(payment_reason(lang, why));
    }
    if let Some(t) = &e.unmapped_industry {
        notes.push(say!(
            lang,
            "行业“{}”未能归类，按其他未列明行业判定",
            "industry \"{}\" not mapped, sized as other industries",
            t
        ));
    }
    if !notes.is_empty() {
        text.push_str(lang.pick("；", "; "));
        text.push_str(&notes.join(lang.pick("；", "; ")));
    }
    text.push_str(lang.pick("。", "."));
    text
}

/// The fixed cut-offs in words.
fn absolute_text(lang: Lang, cut: (f64, f64)) -> String {
    say!(
        lang,
        "{} 分及以上为核心客户，{} 分及以上为潜力客户，其余为一般客户",
        "{} and above core, {} and above potential, the rest general",
        cut.0,
        cut.1
    )
}

/// The tier rule in one sentence, fallbacks stated, ending with the head count of each tier.
pub fn tier_rule(lang: Lang, r: &TierRule) -> String {
    let rule = match r.how {
        TierHow::Absolute(cut) => say!(
            lang,
            "按绝对分数线：{}",
            "Absolute cut-offs: {}",
            absolute_text(lang, cut)
        ),
        TierHow::NoCustomers(cut) => say!(
            lang,
            "{}，改用分数线：{}",
            "{}, so the fixed cut-offs apply: {}",
            say!(lang, "没有客户", "no customers"),
            absolute_text(lang, cut)
        ),
        TierHow::AllSame { total, cut } => say!(
            lang,
            "{}，改用分数线：{}",
            "{}, so the fixed cut-offs apply: {}",
            say!(
                lang,
                "所有客户综合得分相同（{} 分），无法按名次划分",
                "every customer has the same total ({})",
                total
            ),
            absolute_text(lang, cut)
        ),
        TierHow::TwoTotals(top) => say!(
            lang,
            "综合得分只有两个不同值，无法按比例分三档：{} 分为核心客户，其余为一般客户",
            "only two distinct totals, too few for three tiers: {} is core, the rest general",
            top
        ),
        TierHow::Quantile {
            core_pct,
            potential_pct,
            cut,
            ties,
        } => {
            let mut rule = say!(
                lang,
                "按分位数：前 {}% 为核心客户（综合得分 ≥ {}），其后 {}% 为潜力客户（≥ {}），其余为一般客户",
                "By quantile: top {}% core (total ≥ {}), next {}% potential (≥ {}), the rest general",
                core_pct,
                cut.0,
                potential_pct,
                cut.1
            );
            if let Some((core, potential)) = ties {
                rule.push_str(&say!(
                    lang,
                    "；因同分无法精确按比例划分，同分客户归入同一等级（按比例应为核心 {} 个、潜力 {} 个）",
                    "; ties make exact shares impossible, so equal totals share a tier (the shares would give {} core, {} potential)",
                    core,
                    potential
                ));
            }
            rule
        }
    };
    let c = r.counts;
    rule + &say!(
        lang,
        "（核心客户 {} 个、潜力客户 {} 个、一般客户 {} 个）",
        " ({} core, {} potential, {} general)",
        c[0],
        c[1],
        c[2]
    )
}

/// A figure without a needless ".0" (one decimal otherwise).
fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Whole yuan with thousands separators: 1234567.8 → "1,234,568".
pub fn grouped(v: f64) -> String {
    let neg = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

// ───────────────────────────── clustering (cluster/) ─────────────────────────────

/// A clustering feature with its unit, as 聚类分析 heads its centre column ("消费金额(元)").
pub fn feature_label(lang: Lang, f: FeatureKind) -> &'static str {
    match f {
        FeatureKind::Monetary => lang.pick("消费金额(元)", "Monetary (CNY)"),
        FeatureKind::Frequency => lang.pick("消费频次(次)", "Frequency (orders)"),
        FeatureKind::Recency => lang.pick("最近消费天数(天)", "Recency (days)"),
        FeatureKind::Logins => lang.pick("近90天登录次数(次)", "Logins, last 90 days"),
        FeatureKind::Satisfaction => lang.pick("满意度(0-100)", "Satisfaction (0-100)"),
        FeatureKind::SizeScore => lang.pick("规模得分(0-100)", "Size Score (0-100)"),
        FeatureKind::PotentialScore => lang.pick("潜力得分(0-100)", "Potential Score (0-100)"),
        FeatureKind::ValueScore => lang.pick("价值得分(0-100)", "Value Score (0-100)"),
        FeatureKind::ActivityScore => lang.pick("活跃得分(0-100)", "Activity Score (0-100)"),
        FeatureKind::SatisfactionScore => {
            lang.pick("满意得分(0-100)", "Satisfaction Score (0-100)")
        }
    }
}

/// A clustering feature's short name, as the imputation sentence lists it.
pub fn feature_short(lang: Lang, f: FeatureKind) -> &'static str {
    match f {
        FeatureKind::Monetary => lang.pick("消费金额", "monetary"),
        FeatureKind::Frequency => lang.pick("消费频次", "frequency"),
        FeatureKind::Recency => lang.pick("最近消费天数", "recency"),
        FeatureKind::Logins => lang.pick("近90天登录次数", "logins"),
        FeatureKind::Satisfaction => lang.pick("满意度", "satisfaction"),
        FeatureKind::SizeScore => lang.pick("规模得分", "size score"),
        FeatureKind::PotentialScore => lang.pick("潜力得分", "potential score"),
        FeatureKind::ValueScore => lang.pick("价值得分", "value score"),
        FeatureKind::ActivityScore => lang.pick("活跃得分", "activity score"),
        FeatureKind::SatisfactionScore => lang.pick("满意得分", "satisfaction score"),
    }
}

/// A word of a cluster's name.
pub fn cluster_word(lang: Lang, w: ClusterWord) -> &'static str {
    use ClusterWord as W;
    match w {
        W::HighValue => lang.pick("高价值", "High value"),
        W::LowValue => lang.pick("低价值", "Low value"),
        W::Frequent => lang.pick("高频购买", "Frequent buyers"),
        W::Rare => lang.pick("低频购买", "Rare buyers"),
        W::Lapsed => lang.pick("久未购买", "Lapsed"),
        W::Recent => lang.pick("近期购买", "Recent buyers"),
        W::Active => lang.pick("高活跃", "Highly active"),
        W::Inactive => lang.pick("低活跃", "Inactive"),
        W::Satisfied => lang.pick("高满意", "Satisfied"),
        W::Dissatisfied => lang.pick("低满意", "Dissatisfied"),
        W::Larger => lang.pick("大中型企业", "Larger firms"),
        W::Small => lang.pick("小微企业", "Small firms"),
        W::HighPotential => lang.pick("高潜力", "High potential"),
        W::LowPotential => lang.pick("低潜力", "Low potential"),
        W::HighChurn => lang.pick("高流失风险", "High churn risk"),
        W::New => lang.pick("新客户", "New customers"),
        W::ToNurture => lang.pick("待培育", "to nurture"),
    }
}

/// 聚类名称: "高价值·高活跃", "中等·平稳", "全部客户", with "（第3类）" when numbered.
pub fn cluster_name(lang: Lang, n: &ClusterName) -> String {
    match n {
        ClusterName::Unnamed => String::new(),
        ClusterName::Everyone => lang.pick("全部客户", "All customers").to_string(),
        ClusterName::Traits { words, number } => {
            let mut name = if words.is_empty() {
                lang.pick("中等·平稳", "Average · steady").to_string()
            } else {
                let words: Vec<&str> = words.iter().map(|w| cluster_word(lang, *w)).collect();
                words.join(lang.pick("·", " · "))
            };
            if let Some(i) = number {
                name.push_str(&say!(lang, "（第{}类）", " (cluster {})", i));
            }
            name
        }
    }
}

// ───────────────────────────── end of sections ─────────────────────────────

#[cfg(test)]
#[path = "reasons_tests.rs"]
mod tests;
