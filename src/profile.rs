//! Scoring profiles (SPEC §4): extra column aliases, weights, tier cut-offs, RFM references, the
//! industry and needs keyword tables, value/activity/satisfaction/potential/lifecycle settings,
//! credit rules and recommendation rules. Built-in profiles live in `templates/*.toml` and are
//! compiled into the binary; a user's TOML file overrides them. A bad profile gets one sentence
//! naming the file, the line and the key.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::fields::FieldMatcher;
use crate::model::{IndustryGroup, Lang, Level, Lifecycle, RiskLevel, Settlement, SizeClass, Tier};
use crate::{messages, say, size_standard};

/// The built-in profiles: (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("software", include_str!("../templates/software.toml")),
    ("decoration", include_str!("../templates/decoration.toml")),
];

/// A scoring profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Profile name ("software", "decoration", …).
    pub name: String,
    /// One line saying what the profile is for.
    #[serde(default)]
    pub description: String,
    /// Extra column aliases: canonical field name → header texts.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Weight of each dimension in 综合得分.
    pub weights: Weights,
    /// How tiers are cut.
    #[serde(default)]
    pub tiers: TierSettings,
    /// RFM reference values.
    #[serde(default)]
    pub rfm: RfmSettings,
    /// Size class → 规模得分.
    #[serde(default)]
    pub size_scores: SizeScores,
    /// The mix of the value score per payment model.
    #[serde(default)]
    pub value: ValueSettings,
    /// Activity score and churn risk.
    #[serde(default)]
    pub activity: ActivitySettings,
    /// Satisfaction adjustments.
    #[serde(default)]
    pub satisfaction: SatisfactionSettings,
    /// Potential score.
    #[serde(default)]
    pub potential: PotentialSettings,
    /// Lifecycle thresholds.
    #[serde(default)]
    pub lifecycle: LifecycleSettings,
    /// Risk levels, credit limits and settlement.
    #[serde(default)]
    pub credit: CreditSettings,
    /// Keywords that reveal a payment model in 付费模式/产品版本 texts.
    #[serde(default)]
    pub payment: PaymentKeywords,
    /// Free-text industry → standard industry and group, by keyword (longest keyword wins).
    #[serde(default)]
    pub industry: Vec<IndustryRule>,
    /// Module / needs texts → canonical need names, by keyword.
    #[serde(default)]
    pub needs: Vec<NeedRule>,
    /// Recommendation rules, in order.
    #[serde(default)]
    pub recommend: Vec<RecommendRule>,
    /// The language messages and settings are written in (set by `parse`).
    #[serde(skip)]
    pub lang: Lang,
}

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
}

// ───────────── validation during deserialisation (toml attaches the value's span) ─────────────

/// A problem found in a value; `parse` turns it into a sentence in the run's language.
const TAG: &str = "custseg:";

fn tagged<E: serde::de::Error>(code: &str, detail: impl std::fmt::Display) -> E {
    E::custom(format!("{TAG}{code}:{detail}"))
}

fn non_negative<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !v.is_finite() || v < 0.0 {
        return Err(tagged("negative", v));
    }
    Ok(v)
}

fn share<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(tagged("share", v));
    }
    Ok(v)
}

fn score<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !(0.0..=100.0).contains(&v) {
        return Err(tagged("score", v));
    }
    Ok(v)
}

fn std_industry<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let v = String::deserialize(d)?;
    match size_standard::find(&v) {
        Some(row) => Ok(row.name.to_string()),
        None => Err(tagged("standard", v)),
    }
}

/// A value written as one of its labels (zh or en).
pub trait FromLabel: Sized + Copy + 'static {
    /// Every value.
    fn all() -> &'static [Self];
    /// The value's label.
    fn label_in(self, lang: Lang) -> &'static str;
    /// Reads a label in either language.
    fn from_label(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::all()
            .iter()
            .copied()
            .find(|v| v.label_in(Lang::Zh) == t || v.label_in(Lang::En).eq_ignore_ascii_case(t))
    }
    /// The zh labels, for messages.
    fn choices() -> String {
        let all: Vec<&str> = Self::all().iter().map(|v| v.label_in(Lang::Zh)).collect();
        all.join("/")
    }
}

macro_rules! from_label {
    ($t:ty, $all:expr) => {
        impl FromLabel for $t {
            fn all() -> &'static [Self] {
                &$all
            }
            fn label_in(self, lang: Lang) -> &'static str {
                self.label(lang)
            }
        }
    };
}
from_label!(SizeClass, SizeClass::ALL);
from_label!(IndustryGroup, IndustryGroup::ALL);
from_label!(Tier, Tier::ALL);
from_label!(Level, [Level::High, Level::Medium, Level::Low]);
from_label!(Lifecycle, Lifecycle::ALL);
from_label!(
    Settlement,
    [
        Settlement::Prepay,
        Settlement::OnDelivery,
        Settlement::Net30,
        Settlement::Net60
    ]
);

fn label<'de, D: Deserializer<'de>, T: FromLabel>(d: D) -> std::result::Result<T, D::Error> {
    let v = String::deserialize(d)?;
    T::from_label(&v).ok_or_else(|| tagged("label", format!("{v}:{}", T::choices())))
}

fn labels<'de, D: Deserializer<'de>, T: FromLabel>(d: D) -> std::result::Result<Vec<T>, D::Error> {
    let v = Vec::<String>::deserialize(d)?;
    v.iter()
        .map(|s| T::from_label(s).ok_or_else(|| tagged("label", format!("{s}:{}", T::choices()))))
        .collect()
}

fn settlements<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<[Settlement; 3], D::Error> {
    let v: Vec<Settlement> = labels(d)?;
    match v.as_slice() {
        [a, b, c] => Ok([*a, *b, *c]),
        _ => Err(tagged("three", v.len())),
    }
}

impl Profile {
    /// The header matcher of this profile: its extra aliases first, then the built-in ones.
    pub fn field_matcher(&self) -> FieldMatcher {
        FieldMatcher::with_aliases(
            self.aliases
                .iter()
                .map(|(name, texts)| (name.as_str(), texts.as_slice())),
        )
    }

    /// A built-in profile by name.
    pub fn builtin(name: &str, lang: Lang) -> Option<Result<Profile>> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Profile::parse(text, &format!("{n}.toml"), lang))
    }

    /// The TOML text of a built-in profile.
    pub fn builtin_text(name: &str) -> Option<&'static str> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// A built-in name or a TOML file path.
    pub fn load(name_or_path: &str, lang: Lang) -> Result<Profile> {
        if let Some(p) = Profile::builtin(name_or_path, lang) {
            return p;
        }
        let path = Path::new(name_or_path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::profile(say!(
                lang,
                "无法读取评分方案文件 {}：{}。内置方案有 software、decoration。",
                "Cannot read the profile file {}: {}. Built-in profiles: software, decoration.",
                name_or_path,
                e
            ))
        })?;
        let shown = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Profile::parse(&text, &shown, lang)
    }

    /// Parses a profile's TOML text; `shown` names it in messages.
    ///
    /// # Errors
    /// One sentence naming `shown`, the line and the key: a syntax error, an unknown key, a
    /// negative weight, all weights 0, a share outside 0–1, a cut-off outside 0–100, an unknown
    /// standard industry or label.
    pub fn parse(text: &str, shown: &str, lang: Lang) -> Result<Profile> {
        let mut profile: Profile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of_offset(text, s.start));
            let key = line.and_then(|l| key_on_line(text, l));
            Error::profile(messages::profile_error(
                lang,
                shown,
                line,
                key.as_deref(),
                &explain_toml_error(e.message(), lang),
            ))
        })?;
        profile.lang = lang;
        profile.check(text, shown, lang)?;
        Ok(profile)
    }

    /// Checks that need more than one value at a time.
    fn check(&self, text: &str, shown: &str, lang: Lang) -> Result<()> {
        let at = Where {
            lines: KeyLines::new(text),
            shown,
            lang,
        };
        self.check_aliases(&at)?;
        self.check_weights(&at)?;
        self.check_tiers(&at)?;
        self.check_thresholds(&at)?;
        self.check_recommend(&at)
    }

    /// Every alias names a canonical field.
    fn check_aliases(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        for key in self.aliases.keys() {
            if crate::fields::field(key).is_none() {
                return Err(at.fail(
                    "aliases",
                    key,
                    say!(
                        lang,
                        "“{}”不是标准字段名，可用：{}",
                        "\"{}\" is not a canonical field; use one of: {}",
                        key,
                        crate::fields::FIELDS
                            .iter()
                            .map(|f| f.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The weights, and the parts of each value-score mix, are not all 0.
    fn check_weights(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let w = &self.weights;
        if w.size + w.value + w.activity + w.satisfaction + w.potential <= 0.0 {
            return Err(at.fail(
                "weights",
                "size",
                say!(lang, "权重不能全部为 0", "the weights cannot all be 0"),
            ));
        }
        for (key, mix) in [
            ("subscription", &self.value.subscription),
            ("one_time", &self.value.one_time),
            ("custom", &self.value.custom),
            ("unknown", &self.value.unknown),
        ] {
            if mix.monetary + mix.frequency + mix.recency + mix.renewal + mix.usage <= 0.0 {
                let section = format!("value.{key}");
                return Err(at.fail(
                    &section,
                    "monetary",
                    say!(
                        lang,
                        "价值得分构成的各项不能全部为 0",
                        "the parts of the value score cannot all be 0"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Tier shares and cut-offs that fit together.
    fn check_tiers(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let t = &self.tiers;
        if t.method == TierMethod::Quantile {
            if t.core_share <= 0.0 {
                return Err(at.fail(
                    "tiers",
                    "core_share",
                    say!(
                        lang,
                        "核心客户比例须大于 0",
                        "the core share must be above 0"
                    ),
                ));
            }
            if t.core_share + t.potential_share > 1.0 {
                return Err(at.fail(
                    "tiers",
                    "potential_share",
                    say!(
                        lang,
                        "核心与潜力客户比例之和不能超过 1（现为 {}）",
                        "core and potential shares add up to more than 1 ({})",
                        t.core_share + t.potential_share
                    ),
                ));
            }
        }
        if t.potential_score > t.core_score {
            return Err(at.fail(
                "tiers",
                "potential_score",
                say!(
                    lang,
                    "潜力客户分数线 {} 不能高于核心客户分数线 {}",
                    "the potential cut-off {} cannot be above the core cut-off {}",
                    t.potential_score,
                    t.core_score
                ),
            ));
        }
        Ok(())
    }

    /// Churn days, overdue days and receivable shares in rising order.
    fn check_thresholds(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let a = &self.activity;
        if a.churn_medium_login_days > a.churn_high_login_days {
            return Err(at.fail(
                "activity",
                "churn_medium_login_days",
                say!(
                    lang,
                    "中风险天数不能大于高风险天数",
                    "the medium-risk days cannot exceed the high-risk days"
                ),
            ));
        }
        let c = &self.credit;
        if !(c.overdue_b <= c.overdue_c && c.overdue_c <= c.overdue_d) {
            return Err(at.fail(
                "credit",
                "overdue_c",
                say!(
                    lang,
                    "逾期天数阈值须满足 overdue_b ≤ overdue_c ≤ overdue_d",
                    "overdue thresholds must satisfy overdue_b ≤ overdue_c ≤ overdue_d"
                ),
            ));
        }
        if c.receivable_c > c.receivable_d {
            return Err(at.fail(
                "credit",
                "receivable_c",
                say!(
                    lang,
                    "receivable_c 不能大于 receivable_d",
                    "receivable_c cannot exceed receivable_d"
                ),
            ));
        }
        Ok(())
    }

    /// Each recommendation rule has a kind and something to give.
    fn check_recommend(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        for (i, rule) in self.recommend.iter().enumerate() {
            if rule.kind.is_none() || rule.give.trim().is_empty() {
                let line = at.lines.of_array_item("recommend", i);
                return Err(Error::profile(messages::profile_error(
                    lang,
                    at.shown,
                    line,
                    Some("recommend"),
                    &say!(
                        lang,
                        "第 {} 条推荐规则须有 kind（product/module/service）和 give",
                        "recommendation rule {} needs kind (product/module/service) and give",
                        i + 1
                    ),
                )));
            }
        }
        Ok(())
    }

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

/// The five scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// 规模
    Size,
    /// 价值
    Value,
    /// 活跃
    Activity,
    /// 满意
    Satisfaction,
    /// 潜力
    Potential,
}

impl Dimension {
    /// All dimensions in column order.
    pub const ALL: [Dimension; 5] = [
        Dimension::Size,
        Dimension::Value,
        Dimension::Activity,
        Dimension::Satisfaction,
        Dimension::Potential,
    ];

    /// The short label (规模 …).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Dimension::Size => lang.pick("规模", "Size"),
            Dimension::Value => lang.pick("价值", "Value"),
            Dimension::Activity => lang.pick("活跃", "Activity"),
            Dimension::Satisfaction => lang.pick("满意", "Satisfaction"),
            Dimension::Potential => lang.pick("潜力", "Potential"),
        }
    }

    /// The profile's weight of this dimension.
    pub fn weight(self, w: &Weights) -> f64 {
        match self {
            Dimension::Size => w.size,
            Dimension::Value => w.value,
            Dimension::Activity => w.activity,
            Dimension::Satisfaction => w.satisfaction,
            Dimension::Potential => w.potential,
        }
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

/// 1-based line of a byte offset.
fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The key written on a line (`key = …`, or a `[table]` header), if any.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?.trim();
    if l.starts_with('[') {
        return Some(l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    }
    let (key, _) = l.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_string())
}

/// A profile being checked: where its keys are written, its name in messages, the language.
struct Where<'t> {
    lines: KeyLines<'t>,
    shown: &'t str,
    lang: Lang,
}

impl Where<'_> {
    /// The error for `section.key`, naming the line where it is written.
    fn fail(&self, section: &str, key: &str, problem: String) -> Error {
        let line = self.lines.of_key(section, key);
        Error::profile(messages::profile_error(
            self.lang,
            self.shown,
            line,
            Some(&format!("{section}.{key}")),
            &problem,
        ))
    }
}

/// The lines where a profile's keys are written, from the TOML parser's spans.
struct KeyLines<'t> {
    text: &'t str,
    /// The parsed document; None only if it does not parse (it did, to get here).
    doc: Option<toml::Spanned<toml::de::DeTable<'t>>>,
}

impl<'t> KeyLines<'t> {
    fn new(text: &'t str) -> KeyLines<'t> {
        KeyLines {
            text,
            doc: toml::de::DeTable::parse(text).ok(),
        }
    }

    /// The table at a dotted path (`value.subscription`).
    fn table(&self, path: &str) -> Option<&toml::Spanned<toml::de::DeValue<'t>>> {
        let mut parts = path.split('.');
        let mut value = self.doc.as_ref()?.get_ref().get(parts.next()?)?;
        for part in parts {
            let toml::de::DeValue::Table(t) = value.get_ref() else {
                return None;
            };
            value = t.get(part)?;
        }
        Some(value)
    }

    /// The line of `key` inside the table `section` (or of the table when the key is not
    /// written); None when the table is not written.
    fn of_key(&self, section: &str, key: &str) -> Option<usize> {
        let table = self.table(section)?;
        let key_at = match table.get_ref() {
            toml::de::DeValue::Table(t) => t.get_key_value(key).map(|(k, _)| k.span().start),
            _ => None,
        };
        Some(line_of_offset(
            self.text,
            key_at.unwrap_or(table.span().start),
        ))
    }

    /// The line of the `index`-th table of the array of tables `name` (`[[name]]`).
    fn of_array_item(&self, name: &str, index: usize) -> Option<usize> {
        let toml::de::DeValue::Array(items) = self.table(name)?.get_ref() else {
            return None;
        };
        let item = items.iter().nth(index)?;
        Some(line_of_offset(self.text, item.span().start))
    }
}

/// toml's message (English, or our tag) as a sentence in the run's language.
fn explain_toml_error(message: &str, lang: Lang) -> String {
    let message = message.trim();
    if let Some(pos) = message.find(TAG) {
        let rest = &message[pos + TAG.len()..];
        let (code, detail) = rest.split_once(':').unwrap_or((rest, ""));
        return match code {
            "negative" => say!(
                lang,
                "值 {} 不能为负数",
                "the value {} cannot be negative",
                detail
            ),
            "share" => say!(
                lang,
                "值 {} 应为 0 到 1 之间的比例（如 0.2 表示 20%）",
                "the value {} must be a share from 0 to 1 (0.2 means 20%)",
                detail
            ),
            "score" => say!(
                lang,
                "值 {} 应在 0 到 100 之间",
                "the value {} must be from 0 to 100",
                detail
            ),
            "standard" => say!(
                lang,
                "“{}”不是国家标准中的行业，可选：{}",
                "\"{}\" is not an industry of the standard; choose one of: {}",
                detail,
                size_standard::TABLE
                    .iter()
                    .map(|r| r.name)
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            "label" => {
                let (value, choices) = detail.split_once(':').unwrap_or((detail, ""));
                say!(
                    lang,
                    "无法识别“{}”，可选：{}",
                    "cannot read \"{}\"; choose one of: {}",
                    value,
                    choices
                )
            }
            "three" => say!(
                lang,
                "应写三种结算方式（核心、潜力、一般客户各一），而不是 {} 种",
                "needs three settlements (core, potential, general), not {}",
                detail
            ),
            _ => message.to_string(),
        };
    }
    if lang == Lang::En {
        return message.to_string();
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        return format!("未知的设置项“{field}”（请检查拼写）");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return format!("缺少设置项“{field}”");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or("");
        let expected = rest.split_once("expected ").map(|(_, e)| e).unwrap_or("");
        return format!(
            "无法识别的取值“{value}”，可选：{}",
            expected.replace('`', "")
        );
    }
    if message.starts_with("invalid type") {
        return format!("类型不对（{message}）");
    }
    format!("格式错误（{message}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn software_text() -> &'static str {
        Profile::builtin_text("software").unwrap()
    }

    #[test]
    fn builtins_parse_in_both_languages() {
        for (name, _) in BUILTIN {
            for lang in [Lang::Zh, Lang::En] {
                let p = Profile::builtin(name, lang).unwrap();
                let p = p.unwrap_or_else(|e| panic!("{name}: {}", e.message));
                assert_eq!(&p.name, name);
                assert!(!p.industry.is_empty(), "{name}: industry table");
                assert!(!p.recommend.is_empty(), "{name}: recommendation rules");
                assert!(p.settings().len() > 10, "{name}: settings");
            }
        }
    }

    #[test]
    fn decoration_may_weigh_size_zero() {
        let p = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
        assert_eq!(p.weights.size, 0.0);
    }

    /// Each broken profile: (what is changed, replacement, expected line, expected words).
    #[test]
    fn bad_profiles_name_the_line_and_key() {
        let base = software_text();
        let line_of = |needle: &str| {
            base.lines()
                .position(|l| l.trim_start().starts_with(needle))
                .map(|i| i + 1)
                .unwrap_or_else(|| panic!("{needle} not in software.toml"))
        };
        let cases: Vec<(&str, &str, usize, &str)> = vec![
            (
                "value = 0.35",
                "value = -0.35",
                line_of("value = 0.35"),
                "不能为负数",
            ),
            (
                "core_share = 0.2",
                "core_share = 20",
                line_of("core_share"),
                "0 到 1",
            ),
            (
                "size = 0.2",
                "size = 0.2\nsizes = 1",
                line_of("size = 0.2") + 1,
                "未知的设置项“sizes”",
            ),
            (
                "core_score = 70",
                "core_score = 170",
                line_of("core_score"),
                "0 到 100",
            ),
            (
                "\nmethod = \"quantile\"",
                "\nmethod = \"top\"",
                line_of("method = \"quantile\""),
                "无法识别的取值“top”",
            ),
            (
                "standard = \"工业\"",
                "standard = \"制造\"",
                line_of("standard = \"工业\""),
                "不是国家标准中的行业",
            ),
        ];
        for (from, to, line, words) in cases {
            assert!(base.contains(from), "software.toml lacks {from}");
            let text = base.replacen(from, to, 1);
            let err = Profile::parse(&text, "x.toml", Lang::Zh)
                .err()
                .unwrap_or_else(|| panic!("{from} → {to}: accepted"));
            assert!(
                err.message.contains(&format!("第 {line} 行")),
                "{from} → {to}: expected line {line}: {}",
                err.message
            );
            assert!(
                err.message.contains(words),
                "{from} → {to}: {}",
                err.message
            );
            assert!(err.message.contains("x.toml"), "{}", err.message);
        }
    }

    #[test]
    fn weights_all_zero_and_crossed_cutoffs_are_rejected() {
        let text = r#"
name = "t"
[weights]
size = 0
value = 0
activity = 0
satisfaction = 0
potential = 0
"#;
        let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
        assert!(
            err.message.contains("第 4 行（weights.size）"),
            "{}",
            err.message
        );
        assert!(err.message.contains("不能全部为 0"), "{}", err.message);
        let text = r#"
name = "t"
[weights]
size = 1
value = 1
activity = 1
satisfaction = 1
potential = 1
[tiers]
method = "absolute"
core_score = 50
potential_score = 60
"#;
        let err = Profile::parse(text, "t.toml", Lang::En).unwrap_err();
        assert!(err.message.contains("line 12"), "{}", err.message);
        assert!(
            err.message.contains("tiers.potential_score"),
            "{}",
            err.message
        );
    }

    #[test]
    fn alias_for_an_unknown_field_is_rejected_at_its_line() {
        let text = "name = \"t\"\n[aliases]\ncode = [\"编号\"]\npurchse_amount = [\"合同额\"]\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
        let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
        assert!(
            err.message.contains("第 4 行（aliases.purchse_amount）"),
            "{}",
            err.message
        );
        assert!(err.message.contains("不是标准字段名"), "{}", err.message);
    }

    #[test]
    fn value_mix_parts_not_written_are_zero_but_not_all() {
        let head = "name = \"t\"\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
        let p = Profile::parse(
            &format!("{head}[value.custom]\nmonetary = 1\n"),
            "t.toml",
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(p.value.custom.frequency, 0.0);
        assert_eq!(p.value.one_time, ValueMix::default());
        let err = Profile::parse(
            &format!("{head}[value.custom]\nrenewal = 0\n"),
            "t.toml",
            Lang::Zh,
        )
        .unwrap_err();
        assert!(
            err.message.contains("第 8 行（value.custom.monetary）"),
            "{}",
            err.message
        );
    }

    #[test]
    fn key_lines_come_from_the_parser() {
        let text = "name = \"t\"\n[tiers]\ncore_score = 50\n\n[value.subscription]\nmonetary = 0\n[[recommend]]\ngive = \"a\"\n[[recommend]]\ngive = \"b\"\n";
        let lines = KeyLines::new(text);
        assert_eq!(lines.of_key("tiers", "core_score"), Some(3));
        assert_eq!(lines.of_key("tiers", "potential_score"), Some(2));
        assert_eq!(lines.of_key("value.subscription", "monetary"), Some(6));
        assert_eq!(lines.of_key("value.subscription", "usage"), Some(5));
        assert_eq!(lines.of_key("credit", "overdue_c"), None);
        assert_eq!(lines.of_array_item("recommend", 0), Some(7));
        assert_eq!(lines.of_array_item("recommend", 1), Some(9));
        assert_eq!(lines.of_array_item("recommend", 2), None);
    }

    #[test]
    fn syntax_error_gives_the_line() {
        let text = "name = \"t\"\n[weights]\nsize = \n";
        let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
        assert!(err.message.contains("第 3 行"), "{}", err.message);
    }

    #[test]
    fn minimal_profile_takes_defaults() {
        let text = "name = \"t\"\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
        let p = Profile::parse(text, "t.toml", Lang::Zh).unwrap();
        assert_eq!(p.tiers, TierSettings::default());
        assert_eq!(
            p.credit.settlement(RiskLevel::A, Tier::Core),
            Settlement::Net60
        );
        assert_eq!(
            p.credit.settlement(RiskLevel::D, Tier::Core),
            Settlement::Prepay
        );
    }

    #[test]
    fn labels_read_in_either_language() {
        assert_eq!(SizeClass::from_label("大型"), Some(SizeClass::Large));
        assert_eq!(SizeClass::from_label("large"), Some(SizeClass::Large));
        assert_eq!(Settlement::from_label("月结30天"), Some(Settlement::Net30));
        assert_eq!(
            IndustryGroup::from_label("其他"),
            Some(IndustryGroup::Other)
        );
        assert_eq!(Tier::from_label("VIP"), None);
    }
}
