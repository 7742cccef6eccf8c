//! The reasons classify and cluster give, as data: why a size class, which standard row, the
//! needs, the credit advice, the recommendations, the 评分说明, the tier rule, the cluster names
//! and how the clustering matrix was built. The stages fill these in without a language;
//! `messages` words them in Chinese or English when a writer shows them.

use serde::Serialize;

use crate::model::{PaymentModel, RiskLevel, Settlement, Tier};
use crate::profile::Dimension;

/// A text the profile gives in Chinese and, optionally, in English (a need's name, a rule's
/// advice); the language is picked when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ProfileText {
    /// The Chinese text, as written in the profile.
    pub zh: String,
    /// The English text, when the profile gives one.
    pub en: Option<String>,
}

/// 规模依据: what a size class rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum SizeBasis {
    /// The size standard does not cover the customer's industry (金融业 …): its name (zh, en).
    NotCovered {
        /// The excluded industry in Chinese.
        zh: &'static str,
        /// The excluded industry in English.
        en: &'static str,
    },
    /// Judged in a row of the standard from the customer's indicators.
    Standard {
        /// The standard's row, by its (Chinese) name (`size_standard::find`).
        row: &'static str,
        /// 从业人员 (人).
        employees: Option<f64>,
        /// 营业收入 (万元).
        revenue: Option<f64>,
        /// 资产总额 (万元).
        assets: Option<f64>,
    },
}

impl Default for SizeBasis {
    fn default() -> Self {
        SizeBasis::NotCovered { zh: "", en: "" }
    }
}

/// 标准行业: the size standard's row a customer was mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StdIndustryName {
    /// A row of the standard, named (zh, en).
    Row {
        /// The row's Chinese name.
        zh: &'static str,
        /// The row's English name.
        en: &'static str,
    },
    /// The standard does not cover the industry: the excluded industry (zh, en).
    NotCovered {
        /// The excluded industry in Chinese.
        zh: &'static str,
        /// The excluded industry in English.
        en: &'static str,
    },
}

/// One of a customer's needs: a canonical need of the profile, or a text no keyword matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Need {
    /// The profile's need, named in both languages.
    Named(ProfileText),
    /// A module or need text as written.
    AsWritten(String),
}

/// Why the payment model was inferred (None in 评分说明 when it was given).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum PaymentReason {
    /// A renewal rate makes it a subscription.
    RenewalRate,
    /// The product's name holds one of the profile's keywords.
    Product {
        /// The product text, trimmed.
        product: String,
        /// The model inferred.
        model: PaymentModel,
    },
}

/// One thing that raised a customer's 风险等级 above A.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum RiskWhy {
    /// 逾期天数.
    Overdue(f64),
    /// 应收余额 as a percentage of 累计金额, rounded.
    Receivable(f64),
    /// 投诉次数.
    Complaints(f64),
}

/// How 建议信用额度 was computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum CreditLimit {
    /// No amount on record: the limit is 0.
    NoAmount,
    /// 累计金额 × the tier's share × the risk factor, capped and rounded.
    Computed {
        /// 累计金额 (元).
        amount: f64,
        /// The tier's share.
        share: f64,
        /// The risk level's factor.
        factor: f64,
        /// The limit (元).
        limit: f64,
        /// The profile's maximum applied.
        capped: bool,
    },
}

/// 信用说明: why that risk level, limit and settlement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditReason {
    /// 风险等级.
    pub risk: RiskLevel,
    /// What raised it (empty: nothing overdue, no complaints).
    pub why: Vec<RiskWhy>,
    /// How the limit was computed.
    pub limit: CreditLimit,
    /// 客户等级.
    pub tier: Tier,
    /// 建议结算方式.
    pub settlement: Settlement,
}

/// A software edition, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Edition {
    /// 轻量版
    Lite,
    /// 标准版
    Standard,
    /// 专业版
    Professional,
    /// 旗舰版/定制版
    Flagship,
}

impl Edition {
    /// All editions, lowest first.
    pub const ALL: [Edition; 4] = [
        Edition::Lite,
        Edition::Standard,
        Edition::Professional,
        Edition::Flagship,
    ];
}

/// 推荐产品.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub enum Product {
    /// No product rule matched.
    #[default]
    NoRule,
    /// The rule's product as the profile gives it.
    Give(ProfileText),
    /// One step up from the edition owned, towards the one the rule advises.
    Up {
        /// The owned edition as written, trimmed.
        owned: String,
        /// The owned edition.
        have: Edition,
        /// The edition the rule advises.
        want: Edition,
    },
    /// Already the highest edition.
    KeepHighest {
        /// The owned edition as written, trimmed.
        owned: String,
    },
    /// The owned edition is the one the rule advises.
    KeepFits {
        /// The owned edition as written, trimmed.
        owned: String,
        /// The owned edition.
        have: Edition,
    },
    /// The owned edition is above the rule's: no downgrade.
    KeepAbove {
        /// The owned edition as written, trimmed.
        owned: String,
        /// The owned edition.
        have: Edition,
        /// The edition the rule advises.
        want: Edition,
    },
    /// A step-up rule: the next edition above the one owned, with the rule's reason.
    StepUp {
        /// The owned edition as written, trimmed.
        owned: String,
        /// The owned edition.
        have: Edition,
        /// The rule's reason in Chinese, trimmed.
        why: String,
        /// The rule's reason in English, when given.
        why_en: Option<String>,
    },
}

/// One item of 推荐服务.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Service {
    /// A module the customer asks for and does not use yet, as written.
    Need(String),
    /// A module or service rule's advice.
    Rule(ProfileText),
}

/// 评分说明: what the 综合得分 rests on and the notes on inferred data.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Explanation {
    /// 综合得分.
    pub total: f64,
    /// The largest contribution: (dimension, score, weight share in % rounded); None when
    /// nothing could be scored.
    pub first: Option<(Dimension, f64, f64)>,
    /// The second largest: (dimension, score).
    pub second: Option<(Dimension, f64)>,
    /// Weighted dimensions without data (listed only when some other dimension has data).
    pub missing: Vec<Dimension>,
    /// The size basis, when only part of the standard's indicators was given.
    pub size_partial: Option<SizeBasis>,
    /// Why the payment model was inferred.
    pub payment: Option<PaymentReason>,
    /// The industry text no class or keyword mapped.
    pub unmapped_industry: Option<String>,
}

/// How the tier cut-offs were set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum TierHow {
    /// The profile's fixed cut-offs (core ≥ .0, potential ≥ .1).
    Absolute((f64, f64)),
    /// No customers: the fixed cut-offs apply.
    NoCustomers((f64, f64)),
    /// Every customer on the same total: the fixed cut-offs apply.
    AllSame {
        /// The one total.
        total: f64,
        /// The fixed cut-offs.
        cut: (f64, f64),
    },
    /// Only two distinct totals: the higher is core, the rest general.
    TwoTotals(f64),
    /// By quantile.
    Quantile {
        /// The core share in %, one decimal.
        core_pct: f64,
        /// The potential share in %, one decimal.
        potential_pct: f64,
        /// The cut-offs applied.
        cut: (f64, f64),
        /// When ties made the shares impossible: the head counts the shares would give
        /// (core, potential).
        ties: Option<(usize, usize)>,
    },
}

/// The tier rule of a run: how the cut-offs were set and how many customers each tier got.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierRule {
    /// How the cut-offs were set.
    pub how: TierHow,
    /// Customers per tier, in `Tier::ALL` order.
    pub counts: [usize; 3],
}

impl Default for TierRule {
    fn default() -> Self {
        TierRule {
            how: TierHow::NoCustomers((0.0, 0.0)),
            counts: [0; 3],
        }
    }
}

/// One measure k-means can use. The raw measures come first; a dimension score stands in for
/// its raw measure only when the input has nothing usable for that measure, so that no
/// behaviour is counted twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum FeatureKind {
    /// 消费金额 (元), log-transformed.
    Monetary,
    /// 消费频次, log-transformed.
    Frequency,
    /// 最近消费天数.
    Recency,
    /// 近90天登录次数, log-transformed.
    Logins,
    /// 满意度 0–100.
    Satisfaction,
    /// 规模得分.
    SizeScore,
    /// 潜力得分.
    PotentialScore,
    /// 价值得分, used when 消费金额 is not usable.
    ValueScore,
    /// 活跃得分, used when 登录次数 is not usable.
    ActivityScore,
    /// 满意得分, used when 满意度 is not usable.
    SatisfactionScore,
}

/// A word of a cluster's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ClusterWord {
    /// 高价值
    HighValue,
    /// 低价值
    LowValue,
    /// 高频购买
    Frequent,
    /// 低频购买
    Rare,
    /// 久未购买
    Lapsed,
    /// 近期购买
    Recent,
    /// 高活跃
    Active,
    /// 低活跃
    Inactive,
    /// 高满意
    Satisfied,
    /// 低满意
    Dissatisfied,
    /// 大中型企业
    Larger,
    /// 小微企业
    Small,
    /// 高潜力
    HighPotential,
    /// 低潜力
    LowPotential,
    /// 高流失风险
    HighChurn,
    /// 新客户
    New,
    /// 待培育 (after 新客户 alone)
    ToNurture,
}

/// 聚类名称.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub enum ClusterName {
    /// Not clustered yet (classify leaves every customer so).
    #[default]
    Unnamed,
    /// The one cluster when there is nothing to split.
    Everyone,
    /// The standout traits in name order (none: 中等·平稳), and the cluster's number when the
    /// words alone would repeat an earlier cluster's name.
    Traits {
        /// The words, in name order.
        words: Vec<ClusterWord>,
        /// The cluster's number, added to tell it apart.
        number: Option<usize>,
    },
}

/// How the clustering matrix was built: median imputation per feature, features left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ClusterMethod {
    /// Features with gaps filled by their median, and how many customers were filled.
    pub imputed: Vec<(FeatureKind, usize)>,
    /// Features left out because nobody had them.
    pub missing: Vec<FeatureKind>,
    /// Features left out because everybody had the same value.
    pub constant: Vec<FeatureKind>,
    /// Any feature was clustered on.
    pub any_feature: bool,
}
