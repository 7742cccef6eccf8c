//! Profile sections: the settings a profile's TOML tables hold, each with its defaults.

use serde::Deserialize;

use crate::model::{IndustryGroup, Level, Lifecycle, RiskLevel, Settlement, SizeClass, Tier};

use super::validate::{label, labels, non_negative, score, settlements, share, std_industry};

/// Weight of each dimension (≥ 0, not all 0; renormalised over the dimensions present).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// 规模
    #[serde(deserialize_with = "non_negative")]
    pub size: f64,
    /// 价值
    #[serde(deserialize_with = "non_negative")]
    pub value: f64,
    /// 活跃
    #[serde(deserialize_with = "non_negative")]
    pub activity: f64,
    /// 满意
    #[serde(deserialize_with = "non_negative")]
    pub satisfaction: f64,
    /// 潜力
    #[serde(deserialize_with = "non_negative")]
    pub potential: f64,
}

/// How tiers are cut from 综合得分.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TierMethod {
    /// By share of customers (top 20 % core …).
    Quantile,
    /// By fixed scores.
    Absolute,
}

/// Tier cut-offs.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TierSettings {
    /// quantile or absolute.
    pub method: TierMethod,
    /// quantile: share of customers that are core (0–1).
    #[serde(deserialize_with = "share")]
    pub core_share: f64,
    /// quantile: share of customers that are potential, after the core ones (0–1).
    #[serde(deserialize_with = "share")]
    pub potential_share: f64,
    /// absolute (and the fallback when all scores are equal): core from this score.
    #[serde(deserialize_with = "score")]
    pub core_score: f64,
    /// absolute: potential from this score.
    #[serde(deserialize_with = "score")]
    pub potential_score: f64,
}

impl Default for TierSettings {
    fn default() -> Self {
        TierSettings {
            method: TierMethod::Quantile,
            core_share: 0.2,
            potential_share: 0.3,
            core_score: 70.0,
            potential_score: 50.0,
        }
    }
}

/// How the RFM reference values are set.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RfmMethod {
    /// Mean of the customer base.
    Mean,
    /// Median of the customer base.
    Median,
    /// The fixed values of the profile.
    Fixed,
}

impl RfmMethod {
    /// The method's key as written in `RfmReferences::method`.
    pub fn key(self) -> &'static str {
        match self {
            RfmMethod::Mean => "mean",
            RfmMethod::Median => "median",
            RfmMethod::Fixed => "fixed",
        }
    }
}

/// RFM references.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RfmSettings {
    /// mean, median or fixed.
    pub method: RfmMethod,
    /// fixed: recency reference (days).
    #[serde(deserialize_with = "non_negative")]
    pub recency_days: f64,
    /// fixed: frequency reference.
    #[serde(deserialize_with = "non_negative")]
    pub frequency: f64,
    /// fixed: monetary reference (元).
    #[serde(deserialize_with = "non_negative")]
    pub monetary: f64,
}

impl Default for RfmSettings {
    fn default() -> Self {
        RfmSettings {
            method: RfmMethod::Mean,
            recency_days: 180.0,
            frequency: 3.0,
            monetary: 50_000.0,
        }
    }
}

/// 规模得分 per size class (0–100).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SizeScores {
    /// 大型
    #[serde(deserialize_with = "score")]
    pub large: f64,
    /// 中型
    #[serde(deserialize_with = "score")]
    pub medium: f64,
    /// 小型
    #[serde(deserialize_with = "score")]
    pub small: f64,
    /// 微型
    #[serde(deserialize_with = "score")]
    pub micro: f64,
}

impl Default for SizeScores {
    fn default() -> Self {
        SizeScores {
            large: 100.0,
            medium: 75.0,
            small: 50.0,
            micro: 25.0,
        }
    }
}

/// The weights of the value score's parts for one payment model (a part not written is 0).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ValueMix {
    /// M: amount (percentile rank).
    #[serde(default, deserialize_with = "non_negative")]
    pub monetary: f64,
    /// F: purchases (percentile rank).
    #[serde(default, deserialize_with = "non_negative")]
    pub frequency: f64,
    /// R: recency (percentile rank, recent is high).
    #[serde(default, deserialize_with = "non_negative")]
    pub recency: f64,
    /// Renewal rate.
    #[serde(default, deserialize_with = "non_negative")]
    pub renewal: f64,
    /// Usage (logins, percentile rank).
    #[serde(default, deserialize_with = "non_negative")]
    pub usage: f64,
}

impl Default for ValueMix {
    fn default() -> Self {
        ValueMix {
            monetary: 0.5,
            frequency: 0.25,
            recency: 0.25,
            renewal: 0.0,
            usage: 0.0,
        }
    }
}

/// Value score mix per payment model.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ValueSettings {
    /// 订阅
    pub subscription: ValueMix,
    /// 一次性购买
    pub one_time: ValueMix,
    /// 定制开发
    pub custom: ValueMix,
    /// Payment model unknown.
    pub unknown: ValueMix,
}

/// Activity score parts and churn thresholds.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ActivitySettings {
    /// Weight of logins in the last 90 days (percentile rank).
    #[serde(deserialize_with = "non_negative")]
    pub logins: f64,
    /// Weight of the recency of the last login.
    #[serde(deserialize_with = "non_negative")]
    pub recency: f64,
    /// Weight of the breadth of modules used.
    #[serde(deserialize_with = "non_negative")]
    pub breadth: f64,
    /// Weight of usage hours (percentile rank).
    #[serde(deserialize_with = "non_negative")]
    pub hours: f64,
    /// A login within this many days scores 100 for recency.
    #[serde(deserialize_with = "non_negative")]
    pub fresh_login_days: f64,
    /// A login this many days ago or older scores 0.
    #[serde(deserialize_with = "non_negative")]
    pub stale_login_days: f64,
    /// This many modules in use is full breadth.
    #[serde(deserialize_with = "non_negative")]
    pub full_modules: f64,
    /// 流失风险 高: no login for this many days.
    #[serde(deserialize_with = "non_negative")]
    pub churn_high_login_days: f64,
    /// 流失风险 中: no login for this many days.
    #[serde(deserialize_with = "non_negative")]
    pub churn_medium_login_days: f64,
    /// 流失风险 高 (without login data): no purchase for this many days.
    #[serde(deserialize_with = "non_negative")]
    pub churn_high_purchase_days: f64,
    /// 流失风险 中 (without login data): no purchase for this many days.
    #[serde(deserialize_with = "non_negative")]
    pub churn_medium_purchase_days: f64,
    /// 流失风险 高: yearly amount fell by this share or more.
    #[serde(deserialize_with = "share")]
    pub churn_high_decline: f64,
    /// 流失风险 中: yearly amount fell by this share or more.
    #[serde(deserialize_with = "share")]
    pub churn_medium_decline: f64,
}

impl Default for ActivitySettings {
    fn default() -> Self {
        ActivitySettings {
            logins: 0.4,
            recency: 0.3,
            breadth: 0.15,
            hours: 0.15,
            fresh_login_days: 7.0,
            stale_login_days: 180.0,
            full_modules: 5.0,
            churn_high_login_days: 90.0,
            churn_medium_login_days: 30.0,
            churn_high_purchase_days: 365.0,
            churn_medium_purchase_days: 180.0,
            churn_high_decline: 0.5,
            churn_medium_decline: 0.2,
        }
    }
}

/// Satisfaction: the 0–100 score, blended with NPS, lowered by complaints and tickets.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SatisfactionSettings {
    /// Share of NPS (×10) in the base when both are present.
    #[serde(deserialize_with = "share")]
    pub nps_weight: f64,
    /// Points off per complaint.
    #[serde(deserialize_with = "non_negative")]
    pub complaint_penalty: f64,
    /// At most this many points off for complaints.
    #[serde(deserialize_with = "non_negative")]
    pub complaint_cap: f64,
    /// Points off per ticket.
    #[serde(deserialize_with = "non_negative")]
    pub ticket_penalty: f64,
    /// At most this many points off for tickets.
    #[serde(deserialize_with = "non_negative")]
    pub ticket_cap: f64,
}

impl Default for SatisfactionSettings {
    fn default() -> Self {
        SatisfactionSettings {
            nps_weight: 0.3,
            complaint_penalty: 10.0,
            complaint_cap: 40.0,
            ticket_penalty: 1.0,
            ticket_cap: 10.0,
        }
    }
}

/// One 跟进阶段 keyword rule of the potential score.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StageScore {
    /// Texts that mark the stage.
    pub keywords: Vec<String>,
    /// The stage's potential (0–100).
    #[serde(deserialize_with = "score")]
    pub score: f64,
}

/// Potential score parts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PotentialSettings {
    /// Weight of the budget (percentile rank).
    #[serde(deserialize_with = "non_negative")]
    pub budget: f64,
    /// Weight of needs asked for but not yet bought.
    #[serde(deserialize_with = "non_negative")]
    pub unmet_needs: f64,
    /// Weight of year-on-year growth of the amount.
    #[serde(deserialize_with = "non_negative")]
    pub growth: f64,
    /// Weight of size headroom (a large firm that spends little).
    #[serde(deserialize_with = "non_negative")]
    pub headroom: f64,
    /// Weight of the house area (percentile rank; decoration).
    #[serde(deserialize_with = "non_negative")]
    pub area: f64,
    /// Weight of the follow-up stage (decoration).
    #[serde(deserialize_with = "non_negative")]
    pub stage: f64,
    /// This many unmet needs is full potential.
    #[serde(deserialize_with = "non_negative")]
    pub full_unmet_needs: f64,
    /// Growth (as a share) that scores 100; its negative scores 0.
    #[serde(deserialize_with = "non_negative")]
    pub full_growth: f64,
    /// 跟进阶段 → score.
    pub stages: Vec<StageScore>,
}

impl Default for PotentialSettings {
    fn default() -> Self {
        PotentialSettings {
            budget: 0.3,
            unmet_needs: 0.25,
            growth: 0.3,
            headroom: 0.15,
            area: 0.0,
            stage: 0.0,
            full_unmet_needs: 3.0,
            full_growth: 0.5,
            stages: Vec::new(),
        }
    }
}

/// Lifecycle thresholds.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LifecycleSettings {
    /// 新客户: first purchase within this many days.
    #[serde(deserialize_with = "non_negative")]
    pub new_days: f64,
    /// 成长期: customer for less than this many days (or growing).
    #[serde(deserialize_with = "non_negative")]
    pub growing_days: f64,
    /// 衰退期: inactive for this many days (or falling).
    #[serde(deserialize_with = "non_negative")]
    pub declining_days: f64,
    /// 流失: inactive for this many days.
    #[serde(deserialize_with = "non_negative")]
    pub lost_days: f64,
    /// Year-on-year growth at or above this share counts as growing.
    #[serde(deserialize_with = "non_negative")]
    pub growth: f64,
    /// Year-on-year fall at or beyond this share counts as declining.
    #[serde(deserialize_with = "share")]
    pub decline: f64,
}

impl Default for LifecycleSettings {
    fn default() -> Self {
        LifecycleSettings {
            new_days: 180.0,
            growing_days: 730.0,
            declining_days: 180.0,
            lost_days: 365.0,
            growth: 0.2,
            decline: 0.2,
        }
    }
}

/// Risk levels, credit limits and settlement.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CreditSettings {
    /// Overdue days from which the risk is at least B.
    #[serde(deserialize_with = "non_negative")]
    pub overdue_b: f64,
    /// … at least C.
    #[serde(deserialize_with = "non_negative")]
    pub overdue_c: f64,
    /// … D.
    #[serde(deserialize_with = "non_negative")]
    pub overdue_d: f64,
    /// 应收余额 / 累计金额 from which the risk is at least C.
    #[serde(deserialize_with = "non_negative")]
    pub receivable_c: f64,
    /// … D.
    #[serde(deserialize_with = "non_negative")]
    pub receivable_d: f64,
    /// Complaints from which the risk is at least B.
    #[serde(deserialize_with = "non_negative")]
    pub complaints_b: f64,
    /// … at least C.
    #[serde(deserialize_with = "non_negative")]
    pub complaints_c: f64,
    /// Limit = 累计金额 × this share for core customers …
    #[serde(deserialize_with = "non_negative")]
    pub limit_core: f64,
    /// … for potential customers …
    #[serde(deserialize_with = "non_negative")]
    pub limit_potential: f64,
    /// … for general customers, …
    #[serde(deserialize_with = "non_negative")]
    pub limit_general: f64,
    /// … × this factor for risk A …
    #[serde(deserialize_with = "non_negative")]
    pub factor_a: f64,
    /// … B …
    #[serde(deserialize_with = "non_negative")]
    pub factor_b: f64,
    /// … C …
    #[serde(deserialize_with = "non_negative")]
    pub factor_c: f64,
    /// … D.
    #[serde(deserialize_with = "non_negative")]
    pub factor_d: f64,
    /// Limits are rounded down to a multiple of this (元).
    #[serde(deserialize_with = "non_negative")]
    pub round_to: f64,
    /// No limit above this (元; 0 = no cap).
    #[serde(deserialize_with = "non_negative")]
    pub max_limit: f64,
    /// Settlement for risk A: [核心, 潜力, 一般].
    #[serde(deserialize_with = "settlements")]
    pub settlement_a: [Settlement; 3],
    /// Settlement for risk B.
    #[serde(deserialize_with = "settlements")]
    pub settlement_b: [Settlement; 3],
    /// Settlement for risk C.
    #[serde(deserialize_with = "settlements")]
    pub settlement_c: [Settlement; 3],
    /// Settlement for risk D.
    #[serde(deserialize_with = "settlements")]
    pub settlement_d: [Settlement; 3],
}

impl Default for CreditSettings {
    fn default() -> Self {
        use Settlement::*;
        CreditSettings {
            overdue_b: 1.0,
            overdue_c: 30.0,
            overdue_d: 90.0,
            receivable_c: 0.3,
            receivable_d: 0.6,
            complaints_b: 1.0,
            complaints_c: 3.0,
            limit_core: 0.3,
            limit_potential: 0.2,
            limit_general: 0.1,
            factor_a: 1.0,
            factor_b: 0.7,
            factor_c: 0.4,
            factor_d: 0.0,
            round_to: 1000.0,
            max_limit: 0.0,
            settlement_a: [Net60, Net30, OnDelivery],
            settlement_b: [Net30, OnDelivery, OnDelivery],
            settlement_c: [OnDelivery, Prepay, Prepay],
            settlement_d: [Prepay, Prepay, Prepay],
        }
    }
}

impl CreditSettings {
    /// The limit share for a tier.
    pub fn limit_share(&self, tier: Tier) -> f64 {
        match tier {
            Tier::Core => self.limit_core,
            Tier::Potential => self.limit_potential,
            Tier::General => self.limit_general,
        }
    }

    /// The risk factor for a level.
    pub fn factor(&self, risk: RiskLevel) -> f64 {
        match risk {
            RiskLevel::A => self.factor_a,
            RiskLevel::B => self.factor_b,
            RiskLevel::C => self.factor_c,
            RiskLevel::D => self.factor_d,
        }
    }

    /// The settlement for a risk level and tier.
    pub fn settlement(&self, risk: RiskLevel, tier: Tier) -> Settlement {
        let row = match risk {
            RiskLevel::A => self.settlement_a,
            RiskLevel::B => self.settlement_b,
            RiskLevel::C => self.settlement_c,
            RiskLevel::D => self.settlement_d,
        };
        let i = Tier::ALL.iter().position(|t| *t == tier).unwrap_or(2);
        row[i]
    }
}

/// Keywords in 付费模式 / 产品版本 texts that reveal the payment model.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PaymentKeywords {
    /// 订阅
    pub subscription: Vec<String>,
    /// 一次性购买
    pub one_time: Vec<String>,
    /// 定制开发
    pub custom: Vec<String>,
}

impl Default for PaymentKeywords {
    fn default() -> Self {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect();
        PaymentKeywords {
            subscription: v(&["订阅", "年费", "云", "SaaS", "租用", "subscription"]),
            one_time: v(&["一次性", "买断", "永久", "one-time", "perpetual"]),
            custom: v(&["定制", "项目制", "二次开发", "custom"]),
        }
    }
}

/// One row of the industry keyword table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IndustryRule {
    /// Texts found in the customer's industry ("制造", "五金" …).
    pub keywords: Vec<String>,
    /// The standard's industry row (one of the 16 names of the table).
    #[serde(deserialize_with = "std_industry")]
    pub standard: String,
    /// The report group: 制造业 / 服务业 / 零售业 / 建筑业 / 其他.
    #[serde(deserialize_with = "label")]
    pub group: IndustryGroup,
}

/// One canonical need and the texts that mean it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NeedRule {
    /// Canonical name (基础财务核算 …).
    pub name: String,
    /// English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Texts in 使用模块 / 需求模块 that mean it.
    pub keywords: Vec<String>,
}

/// What a recommendation rule gives.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// 推荐产品 (the first matching rule wins).
    Product,
    /// A module for 推荐服务 (every matching rule adds one).
    Module,
    /// A service for 推荐服务 (every matching rule adds one).
    Service,
}

/// One recommendation rule: every condition given must hold.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct RecommendRule {
    /// product, module or service.
    pub kind: Option<RuleKind>,
    /// What is recommended.
    pub give: String,
    /// English text of `give`.
    #[serde(default)]
    pub give_en: Option<String>,
    /// Why, shown nowhere yet but kept for the reader of the profile.
    #[serde(default)]
    pub why: String,
    /// 企业规模 in this list.
    #[serde(default, deserialize_with = "labels")]
    pub size: Vec<SizeClass>,
    /// 行业大类 in this list.
    #[serde(default, deserialize_with = "labels")]
    pub group: Vec<IndustryGroup>,
    /// 客户等级 in this list.
    #[serde(default, deserialize_with = "labels")]
    pub tier: Vec<Tier>,
    /// 流失风险 in this list.
    #[serde(default, deserialize_with = "labels")]
    pub churn: Vec<Level>,
    /// 生命周期 in this list.
    #[serde(default, deserialize_with = "labels")]
    pub lifecycle: Vec<Lifecycle>,
    /// Founded less than this many years ago.
    #[serde(default)]
    pub max_age_years: Option<f64>,
    /// 消费频次 at least this multiple of the RFM frequency reference (fast cash flow).
    #[serde(default)]
    pub min_frequency_ratio: Option<f64>,
    /// 装修风格 contains one of these.
    #[serde(default)]
    pub style: Vec<String>,
    /// 预算 at least this (元).
    #[serde(default)]
    pub min_budget: Option<f64>,
    /// 历史项目数 at least this.
    #[serde(default)]
    pub min_projects: Option<f64>,
    /// 房屋面积 at least this (m²).
    #[serde(default)]
    pub min_area: Option<f64>,
    /// Skip when a module already in use contains one of these (default: `give` itself).
    #[serde(default)]
    pub unless_bought: Vec<String>,
    /// English text of `why`.
    #[serde(default)]
    pub why_en: Option<String>,
    /// 活跃得分 at least this (logins, usage).
    #[serde(default)]
    pub min_activity: Option<f64>,
    /// The customer asks (需求模块) for a module not yet in use.
    #[serde(default)]
    pub open_needs: bool,
    /// Product rule: only for a customer whose 产品版本 is below `give`; advises the next edition
    /// up, with `why` as the reason.
    #[serde(default)]
    pub step_up: bool,
    /// Module rule: gives each module the customer asks for (需求模块) and does not use yet.
    #[serde(default)]
    pub from_needs: bool,
}
