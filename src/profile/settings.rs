//! A profile's settings as (key, value) lines, for the 参数 sheet and the report's appendix.

use crate::say;

use super::{Dimension, Profile, RfmMethod, TierMethod};

impl Profile {
    /// The profile's settings as (key, value) lines, for the 参数 sheet and the report's appendix.
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut lines: Vec<(String, String)> = Vec::new();
        self.scoring_settings(&mut lines);
        self.reference_settings(&mut lines);
        self.risk_settings(&mut lines);
        lines
    }

    /// Settings lines: the name, the weights and how tiers are cut.
    fn scoring_settings(&self, lines: &mut Vec<(String, String)>) {
        let lang = self.lang;
        let mut add = |k: String, v: String| lines.push((k, v));
        add(say!(lang, "评分方案", "Profile"), self.name.clone());
        if !self.description.is_empty() {
            add(
                say!(lang, "方案说明", "Description"),
                self.description.clone(),
            );
        }
        let w = &self.weights;
        let total = w.size + w.value + w.activity + w.satisfaction + w.potential;
        for (dim, weight) in [
            (Dimension::Size, w.size),
            (Dimension::Value, w.value),
            (Dimension::Activity, w.activity),
            (Dimension::Satisfaction, w.satisfaction),
            (Dimension::Potential, w.potential),
        ] {
            add(
                say!(lang, "权重：{}", "Weight: {}", dim.label(lang)),
                format!("{:.0}%", weight / total * 100.0),
            );
        }
        let t = &self.tiers;
        match t.method {
            TierMethod::Quantile => add(
                say!(lang, "客户等级划分", "Tier method"),
                say!(
                    lang,
                    "按分位数：前 {}% 为核心客户，其后 {}% 为潜力客户，其余为一般客户",
                    "By quantile: top {}% core, next {}% potential, the rest general",
                    pct(t.core_share),
                    pct(t.potential_share)
                ),
            ),
            TierMethod::Absolute => add(
                say!(lang, "客户等级划分", "Tier method"),
                say!(
                    lang,
                    "按绝对分数：{} 分及以上为核心客户，{} 分及以上为潜力客户",
                    "By score: {} and above core, {} and above potential",
                    t.core_score,
                    t.potential_score
                ),
            ),
        }
        add(
            say!(lang, "备用分数线", "Fallback cut-offs"),
            say!(
                lang,
                "核心 {} 分，潜力 {} 分（得分全部相同时使用）",
                "core {}, potential {} (used when all scores are equal)",
                t.core_score,
                t.potential_score
            ),
        );
    }

    /// Settings lines: the RFM reference, the size scores and the value score's mix.
    fn reference_settings(&self, lines: &mut Vec<(String, String)>) {
        let lang = self.lang;
        let mut add = |k: String, v: String| lines.push((k, v));
        let r = &self.rfm;
        add(
            say!(lang, "RFM 参照值", "RFM reference"),
            match r.method {
                RfmMethod::Mean => say!(lang, "均值", "mean"),
                RfmMethod::Median => say!(lang, "中位数", "median"),
                RfmMethod::Fixed => say!(
                    lang,
                    "固定值：R ≤ {} 天、F ≥ {} 次、M ≥ {} 元为高",
                    "fixed: R ≤ {} days, F ≥ {}, M ≥ {} CNY count as high",
                    r.recency_days,
                    r.frequency,
                    r.monetary
                ),
            },
        );
        let s = &self.size_scores;
        add(
            say!(lang, "规模得分", "Size scores"),
            say!(
                lang,
                "大型 {}，中型 {}，小型 {}，微型 {}",
                "Large {}, Medium {}, Small {}, Micro {}",
                s.large,
                s.medium,
                s.small,
                s.micro
            ),
        );
        for (model, mix) in [
            (say!(lang, "订阅", "subscription"), &self.value.subscription),
            (say!(lang, "一次性购买", "one-time"), &self.value.one_time),
            (say!(lang, "定制开发", "custom"), &self.value.custom),
            (
                say!(lang, "付费模式未知", "unknown model"),
                &self.value.unknown,
            ),
        ] {
            add(
                say!(lang, "价值得分构成（{}）", "Value score mix ({})", model),
                say!(
                    lang,
                    "金额 {}，频次 {}，近度 {}，续费率 {}，使用 {}",
                    "amount {}, frequency {}, recency {}, renewal {}, usage {}",
                    mix.monetary,
                    mix.frequency,
                    mix.recency,
                    mix.renewal,
                    mix.usage
                ),
            );
        }
    }

    /// Settings lines: churn, satisfaction, lifecycle, risk and credit thresholds, rule counts.
    fn risk_settings(&self, lines: &mut Vec<(String, String)>) {
        let lang = self.lang;
        let mut add = |k: String, v: String| lines.push((k, v));
        let a = &self.activity;
        add(
            say!(lang, "流失风险", "Churn risk"),
            say!(
                lang,
                "未登录 ≥{} 天或年度金额下降 ≥{}% 为高；≥{} 天或下降 ≥{}% 为中；无登录数据时按未购买 {}/{} 天",
                "no login for ≥{} days or yearly amount down ≥{}% is high; ≥{} days or down ≥{}% medium; without logins, no purchase for {}/{} days",
                a.churn_high_login_days,
                pct(a.churn_high_decline),
                a.churn_medium_login_days,
                pct(a.churn_medium_decline),
                a.churn_high_purchase_days,
                a.churn_medium_purchase_days
            ),
        );
        let sat = &self.satisfaction;
        add(
            say!(lang, "满意度调整", "Satisfaction adjustments"),
            say!(
                lang,
                "每次投诉扣 {} 分（最多 {}），每个工单扣 {} 分（最多 {}），推荐意愿占 {}%",
                "{} points off per complaint (at most {}), {} per ticket (at most {}), NPS weighs {}%",
                sat.complaint_penalty,
                sat.complaint_cap,
                sat.ticket_penalty,
                sat.ticket_cap,
                pct(sat.nps_weight)
            ),
        );
        let l = &self.lifecycle;
        add(
            say!(lang, "生命周期", "Lifecycle"),
            say!(
                lang,
                "首购 {} 天内为新客户；{} 天内或同比增长 ≥{}% 为成长期；{} 天无活动或同比下降 ≥{}% 为衰退期；{} 天无活动为流失",
                "first purchase within {} days is new; within {} days or growth ≥{}% growing; {} days inactive or down ≥{}% declining; {} days inactive lost",
                l.new_days,
                l.growing_days,
                pct(l.growth),
                l.declining_days,
                pct(l.decline),
                l.lost_days
            ),
        );
        let c = &self.credit;
        add(
            say!(lang, "风险等级", "Risk levels"),
            say!(
                lang,
                "逾期 ≥{}/{}/{} 天为 B/C/D；应收/累计金额 ≥{}/{} 为 C/D；投诉 ≥{}/{} 次为 B/C；取最高者",
                "overdue ≥{}/{}/{} days gives B/C/D; receivable/amount ≥{}/{} gives C/D; complaints ≥{}/{} give B/C; the worst applies",
                c.overdue_b,
                c.overdue_c,
                c.overdue_d,
                c.receivable_c,
                c.receivable_d,
                c.complaints_b,
                c.complaints_c
            ),
        );
        add(
            say!(lang, "建议信用额度", "Credit limit"),
            say!(
                lang,
                "累计金额 × 等级比例（核心 {}%、潜力 {}%、一般 {}%）× 风险系数（A {}、B {}、C {}、D {}），取整到 {} 元",
                "amount × tier share (core {}%, potential {}%, general {}%) × risk factor (A {}, B {}, C {}, D {}), rounded down to {} CNY",
                pct(c.limit_core),
                pct(c.limit_potential),
                pct(c.limit_general),
                c.factor_a,
                c.factor_b,
                c.factor_c,
                c.factor_d,
                c.round_to
            ),
        );
        add(
            say!(lang, "行业关键词", "Industry keywords"),
            say!(lang, "{} 条", "{} rules", self.industry.len()),
        );
        add(
            say!(lang, "需求关键词", "Needs keywords"),
            say!(lang, "{} 条", "{} rules", self.needs.len()),
        );
        add(
            say!(lang, "推荐规则", "Recommendation rules"),
            say!(lang, "{} 条", "{} rules", self.recommend.len()),
        );
    }
}

fn pct(share: f64) -> String {
    let v = share * 100.0;
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}
