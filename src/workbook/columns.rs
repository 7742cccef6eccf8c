//! Write workbook: the derived columns of 客户明细 and the tier sheets as one table.
//!
//! Promises: each column's header (zh, en), header note, number format and value come from its
//! one entry here; [`COLUMNS`] lists them in the order SPEC §5 fixes (企业规模 … 评分说明), then
//! the reasons behind them (规模依据 … 信用说明), so the fixed columns keep their positions from
//! quarter to quarter — users' formulas and lookups, and `compare`, rely on them.

use std::borrow::Cow;

use crate::messages;
use crate::model::{Classified, Lang, Tier};

/// How a derived column's cells are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, as written.
    Text,
    /// The tier, each cell on its tier's fill.
    Tier,
    /// A 0–100 score: one decimal, on a fixed colour scale.
    Score,
    /// A whole number with thousands separators.
    Count,
    /// Money in 元, no decimals, with data bars.
    Money,
    /// A fraction shown as a percentage with one decimal (0.834 → 83.4%).
    Percent,
    /// A number with up to two decimals.
    Decimal,
}

impl Kind {
    /// Decimals shown, for the column width.
    pub fn decimals(self) -> usize {
        match self {
            Kind::Score | Kind::Percent => 1,
            Kind::Decimal => 2,
            _ => 0,
        }
    }
}

/// Which part of the derived columns a column belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The columns SPEC §5 fixes, right after the input's own columns.
    Fixed,
    /// The reasons behind the fixed columns (the standard's industry row and indicators behind
    /// 企业规模, the needs and payment model used, the credit reason), after the fixed ones.
    Basis,
}

impl Part {
    /// Height of the header notes (points).
    pub fn note_height(self) -> u32 {
        match self {
            Part::Fixed => 120,
            Part::Basis => 100,
        }
    }
}

/// One derived cell of a customer.
pub enum Value<'a> {
    /// Text; empty text leaves the cell blank.
    Text(Cow<'a, str>),
    /// The tier.
    Tier(Tier),
    /// A number; None leaves the cell blank.
    Number(Option<f64>),
}

/// One derived column.
pub struct Column {
    /// The header, as (zh, en).
    pub header: (&'static str, &'static str),
    /// The note on the header: how the column is computed, as (zh, en).
    pub note: (&'static str, &'static str),
    /// How its cells are shown.
    pub kind: Kind,
    /// Widest the column grows (Excel units), when not the sheet's usual cap.
    pub widest: Option<usize>,
    /// Fixed by SPEC §5, or a reason behind the fixed ones.
    pub part: Part,
    /// The cell of a classified customer.
    pub value: for<'a> fn(&'a Classified, Lang) -> Value<'a>,
}

/// 企业规模 / Size Class.
pub const SIZE_CLASS: Column = Column {
    header: ("企业规模", "Size Class"),
    note: (
        "按《统计上大中小微型企业划分办法(2017)》，由所属行业、从业人员(X)、营业收入(Y)、资产总额(Z)判定：须同时满足所列指标的下限，否则下划一档；两项指标缺一项时按现有一项判定，都缺时为“未知”。",
        "By China's 2017 SME classification standard, from industry, employees (X), revenue (Y) and total assets (Z): every listed lower bound must be met, else one class lower; with one indicator missing the other decides; with both missing, Unknown.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.size_class.label(lang).into()),
};

/// 行业大类 / Industry Group.
pub const INDUSTRY_GROUP: Column = Column {
    header: ("行业大类", "Industry Group"),
    note: (
        "所属行业文本先对应到国家标准行业，再归入 制造业 / 服务业 / 零售业 / 建筑业 / 其他 五大类。",
        "The industry text is mapped to the standard's industries, then to five groups: Manufacturing / Services / Retail / Construction / Other.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.industry_group.label(lang).into()),
};

/// 规模得分 / Size Score.
pub const SIZE_SCORE: Column = Column {
    header: ("规模得分", "Size Score"),
    note: (
        "0–100：企业规模越大得分越高；规模未知时不计入综合得分。",
        "0–100: the larger the firm, the higher; left out of the total score when the size is unknown.",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.scores.size),
};

/// 价值得分 / Value Score.
pub const VALUE_SCORE: Column = Column {
    header: ("价值得分", "Value Score"),
    note: (
        "0–100：由最近消费天数(R)、消费频次(F)、消费金额(M)和续费率计算，权重随付费模式而变：订阅重续费与使用，一次性购买重单笔金额与频次，定制开发重合同金额。",
        "0–100: from recency (R), frequency (F), monetary (M) and renewal rate, weighted by payment model: renewals and usage for subscriptions, deal size and frequency for one-time purchases, contract amount for custom work.",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.scores.value),
};

/// 活跃得分 / Activity Score.
pub const ACTIVITY_SCORE: Column = Column {
    header: ("活跃得分", "Activity Score"),
    note: (
        "0–100：由近90天登录次数、最近登录距基准日天数、使用模块数和使用时长计算。",
        "0–100: from logins in the last 90 days, days since the last login, modules used and usage hours.",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.scores.activity),
};

/// 满意得分 / Satisfaction Score.
pub const SATISFACTION_SCORE: Column = Column {
    header: ("满意得分", "Satisfaction Score"),
    note: (
        "0–100：满意度按原量表（1–5、1–10、0–100 或文字）折算为百分制，投诉次数扣分。",
        "0–100: satisfaction converted from its scale (1–5, 1–10, 0–100 or words) to 0–100, lowered by complaints.",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.scores.satisfaction),
};

/// 潜力得分 / Potential Score.
pub const POTENTIAL_SCORE: Column = Column {
    header: ("潜力得分", "Potential Score"),
    note: (
        "0–100：由预算、尚未购买的需求模块和消费金额的同比增长计算。",
        "0–100: from budget, needs not yet bought and year-on-year growth of purchases.",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.scores.potential),
};

/// 综合得分 / Total Score.
pub const TOTAL_SCORE: Column = Column {
    header: ("综合得分", "Total Score"),
    note: (
        "0–100：五项得分按“参数”表中的权重加权求和；缺少的维度不计，其余权重重新归一（评分说明会写明）。",
        "0–100: the five scores weighted as in the Settings sheet; missing dimensions are left out and the other weights renormalised (the explanation says which).",
    ),
    kind: Kind::Score,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(Some(c.total_score)),
};

/// 客户等级 / Tier.
pub const TIER: Column = Column {
    header: ("客户等级", "Tier"),
    note: (
        "按综合得分和“参数”表中的分数线划分：核心客户 / 潜力客户 / 一般客户。",
        "From the total score and the cut-offs in the Settings sheet: Core / Potential / General.",
    ),
    kind: Kind::Tier,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Tier(c.tier),
};

/// RFM分类 / RFM Segment.
pub const RFM: Column = Column {
    header: ("RFM分类", "RFM Segment"),
    note: (
        "R、F、M 各与参考值（见“参数”表）比较，高于或等于参考值为“高”（R 以近为高），组合为 8 类。",
        "R, F and M are each compared with a reference value (see Settings); equal or above counts as high (for R, recent is high); the combination gives 8 classes.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.rfm.map(|r| r.label(lang)).unwrap_or("").into()),
};

/// 最近消费天数 / Recency (days).
pub const RECENCY: Column = Column {
    header: ("最近消费天数", "Recency (days)"),
    note: (
        "最近一次消费日期到基准日的天数。",
        "Days from the last purchase to the as-of date.",
    ),
    kind: Kind::Count,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.recency_days.map(|r| r as f64)),
};

/// 消费频次 / Frequency.
pub const FREQUENCY: Column = Column {
    header: ("消费频次", "Frequency"),
    note: (
        "消费次数：有单据号时为不同单据号数，否则为交易行数；红字发票和退货不计。",
        "Purchases: distinct document numbers where there are any, else transaction rows; credit notes and returns are not counted.",
    ),
    kind: Kind::Count,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.frequency),
};

/// 消费金额 / Monetary.
pub const MONETARY: Column = Column {
    header: ("消费金额", "Monetary"),
    note: (
        "累计消费金额，单位：元；红字发票和退货冲减，基准日之后的交易不计。",
        "Total amount spent, in yuan; credit notes and returns reduce it; transactions after the as-of date are left out.",
    ),
    kind: Kind::Money,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(c.monetary),
};

/// 聚类 / Cluster.
pub const CLUSTER: Column = Column {
    header: ("聚类", "Cluster"),
    note: (
        "k-means 聚类的编号，按成员平均综合得分排序，1 为最高；各类画像见“聚类分析”表。",
        "The k-means cluster, numbered by the members' mean total score, 1 = highest; profiles in the Clusters sheet.",
    ),
    kind: Kind::Count,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number((c.cluster > 0).then_some(c.cluster as f64)),
};

/// 聚类名称 / Cluster Name.
pub const CLUSTER_NAME: Column = Column {
    header: ("聚类名称", "Cluster Name"),
    note: (
        "按聚类中心的突出特征命名。",
        "Named from the standout features of the cluster's centre.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, l| Value::Text(messages::cluster_name(l, &c.cluster_name).into()),
};

/// 生命周期 / Lifecycle.
pub const LIFECYCLE: Column = Column {
    header: ("生命周期", "Lifecycle"),
    note: (
        "新客户 / 成长期 / 成熟期 / 衰退期 / 流失：由首次与最近消费时间和消费趋势判定。",
        "New / Growing / Mature / Declining / Lost: from the first and last purchase and the trend of purchases.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.lifecycle.label(lang).into()),
};

/// 流失风险 / Churn Risk.
pub const CHURN_RISK: Column = Column {
    header: ("流失风险", "Churn Risk"),
    note: (
        "高 / 中 / 低：由不活跃时长和活跃度下降程度判定。",
        "High / Medium / Low: from how long the customer has been inactive and how far activity fell.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.churn_risk.label(lang).into()),
};

/// 风险等级 / Risk Level.
pub const RISK_LEVEL: Column = Column {
    header: ("风险等级", "Risk Level"),
    note: (
        "A（最好）至 D（最差）：由逾期天数、应收余额与消费金额之比和投诉次数判定。",
        "A (best) to D (worst): from overdue days, receivable against amount spent, and complaints.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Text(c.risk_level.label().into()),
};

/// 建议信用额度 / Suggested Credit Limit.
pub const CREDIT_LIMIT: Column = Column {
    header: ("建议信用额度", "Suggested Credit Limit"),
    note: (
        "按客户等级和风险等级给出的信用额度，单位：元。",
        "A credit limit from tier and risk level, in yuan.",
    ),
    kind: Kind::Money,
    widest: None,
    part: Part::Fixed,
    value: |c, _| Value::Number(Some(c.credit_limit)),
};

/// 建议结算方式 / Suggested Settlement.
pub const SETTLEMENT: Column = Column {
    header: ("建议结算方式", "Suggested Settlement"),
    note: (
        "预付款 / 货到付款 / 月结30天 / 月结60天：按客户等级和风险等级给出。",
        "Prepayment / cash on delivery / net 30 / net 60: from tier and risk level.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, lang| Value::Text(c.settlement.label(lang).into()),
};

/// 推荐产品 / Recommended Product.
pub const PRODUCT: Column = Column {
    header: ("推荐产品", "Recommended Product"),
    note: (
        "按企业规模、成立年限、行业和评分方案的规则推荐的产品版本。",
        "The product edition recommended by the profile's rules from size, age and industry.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, l| Value::Text(messages::recommended_product(l, &c.recommended_product).into()),
};

/// 推荐服务 / Recommended Services.
pub const SERVICES: Column = Column {
    header: ("推荐服务", "Recommended Services"),
    note: (
        "按行业、需求、客户等级和流失风险推荐的模块与服务。",
        "Modules and services recommended from industry, needs, tier and churn risk.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Fixed,
    value: |c, l| Value::Text(messages::recommended_services(l, &c.recommended_services).into()),
};

/// 评分说明 / Score Explanation.
pub const EXPLANATION: Column = Column {
    header: ("评分说明", "Score Explanation"),
    note: (
        "一句话说明综合得分的主要来源，以及缺少哪些数据。",
        "One line on what drove the total score and which data were missing.",
    ),
    kind: Kind::Text,
    widest: Some(60),
    part: Part::Fixed,
    value: |c, l| Value::Text(messages::explanation(l, &c.explanation).into()),
};

/// 规模依据 / Size Basis.
pub const SIZE_BASIS: Column = Column {
    header: ("规模依据", "Size Basis"),
    note: (
        "判定企业规模所用的国家标准行业和指标数值，缺少的指标在此注明。",
        "The standard's industry and the indicator values behind the size class; missing indicators are named.",
    ),
    kind: Kind::Text,
    widest: Some(50),
    part: Part::Basis,
    value: |c, l| Value::Text(messages::size_basis(l, &c.size_basis).into()),
};

/// 标准行业 / Standard Industry.
pub const STD_INDUSTRY: Column = Column {
    header: ("标准行业", "Standard Industry"),
    note: (
        "所属行业按国民经济行业分类 GB/T 4754-2017（代码、类别名称，再按评分方案的常用词）对应到《统计上大中小微型企业划分办法(2017)》中的行业；标准不适用的行业注明原因。",
        "The industry of the 2017 size standard that the customer's industry text maps to, through GB/T 4754-2017 (class codes, class names, then the profile's everyday words); industries the standard does not cover say why.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Basis,
    value: |c, l| Value::Text(messages::std_industry(l, &c.std_industry).into()),
};

/// 行业代码 / Industry Code.
pub const INDUSTRY_CODE: Column = Column {
    header: ("行业代码", "Industry Code"),
    note: (
        "所属行业对应的国民经济行业分类 GB/T 4754-2017 代码（门类字母加数字，如 C3311）；无法归类时为空。",
        "The GB/T 4754-2017 class code the industry text maps to (section letter and digits, e.g. C3311); blank when it maps to no class.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Basis,
    value: |c, _| Value::Text((&c.industry_code).into()),
};

/// 需求 / Needs.
pub const NEEDS: Column = Column {
    header: ("需求", "Needs"),
    note: (
        "客户已用或提出的需求（由已购模块、需求模块归并到标准需求名称）。",
        "Needs the customer uses or asks for (modules and needs mapped to standard names).",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Basis,
    value: |c, l| Value::Text(messages::needs(l, &c.needs).join("、").into()),
};

/// 付费模式 / Payment Model.
pub const PAYMENT_MODEL: Column = Column {
    header: ("付费模式", "Payment Model"),
    note: (
        "输入中的付费模式；缺少时按续费率等推断，评分说明中注明。",
        "The payment model from the input; inferred (e.g. from renewal rate) when missing, as the explanation says.",
    ),
    kind: Kind::Text,
    widest: None,
    part: Part::Basis,
    value: |c, lang| Value::Text(c.payment_model.map(|p| p.label(lang)).unwrap_or("").into()),
};

/// 信用说明 / Credit Reason.
pub const CREDIT_REASON: Column = Column {
    header: ("信用说明", "Credit Reason"),
    note: (
        "风险等级、建议信用额度和结算方式的依据。",
        "Why this risk level, credit limit and settlement.",
    ),
    kind: Kind::Text,
    widest: Some(50),
    part: Part::Basis,
    value: |c, l| Value::Text(messages::credit_reason(l, &c.credit_reason).into()),
};

/// What a derived header gets when an input column already has its text, as (zh, en).
pub const CLASH_SUFFIX: (&str, &str) = ("(判定)", " (derived)");

/// The derived headers of a sheet whose other headers (the input's, and the code and name
/// custseg adds) are `taken`, in [`COLUMNS`] order: a derived header equal to one of them gets
/// [`CLASH_SUFFIX`] (付费模式 → 付费模式(判定)), so no two columns share a header and lookups
/// (VLOOKUP, XLOOKUP, pandas) find the column they mean.
pub fn headers(taken: &[&str], lang: Lang) -> Vec<Cow<'static, str>> {
    let pick = |pair: (&'static str, &'static str)| match lang {
        Lang::Zh => pair.0,
        Lang::En => pair.1,
    };
    let clashes = |h: &str| taken.iter().any(|t| t.trim() == h);
    COLUMNS
        .iter()
        .map(|c| {
            let h = pick(c.header);
            if clashes(h) {
                let mut named = format!("{h}{}", pick(CLASH_SUFFIX));
                while clashes(&named) {
                    named.push('*');
                }
                Cow::Owned(named)
            } else {
                Cow::Borrowed(h)
            }
        })
        .collect()
}

/// Every derived column, in its place on the sheet.
/// 存活概率 / P(Alive).
pub const P_ALIVE: Column = Column {
    header: ("存活概率", "P(Alive)"),
    note: (
        "BG/NBD 模型（Fader、Hardie、Lee 2005）按本次数据拟合：由客户的重复购买天数、首次到最近一次购买的天数和首次购买到基准日的天数，估计客户仍是客户（未流失）的概率。参数、样本与回测见“参数”表；数据不足以拟合时为空，原因写在“参数”表。",
        "BG/NBD model (Fader, Hardie & Lee 2005) fitted to this run's data: from the customer's repeat purchase days, the days from first to last purchase and from first purchase to the as-of date, the probability that the customer is still a customer. Parameters, sample and backtest in Settings; blank where the data do not allow a fit, with the reason in Settings.",
    ),
    kind: Kind::Percent,
    widest: None,
    part: Part::Basis,
    value: |c, _| Value::Number(c.record.forecast.map(|f| f.p_alive)),
};

/// 预计下季度购买次数 / Expected Purchases Next Quarter.
pub const EXPECTED_QUARTER: Column = Column {
    header: ("预计下季度购买次数", "Expected Purchases Next Quarter"),
    note: (
        "BG/NBD 模型预计未来 91 天内的购买天数（同一天多笔算一次）。",
        "Purchase days expected in the next 91 days by the BG/NBD model (several purchases on one day count once).",
    ),
    kind: Kind::Decimal,
    widest: None,
    part: Part::Basis,
    value: |c, _| Value::Number(c.record.forecast.map(|f| f.quarter_purchases)),
};

/// 预计未来12个月价值 / Expected 12-Month Value.
pub const VALUE_12M: Column = Column {
    header: ("预计未来12个月价值", "Expected 12-Month Value"),
    note: (
        "元：BG/NBD 预计未来 365 天的购买天数 × Gamma-Gamma 模型估计的每次购买金额（未折现）；消费金额与购买频次相关、或重复购买客户太少时改用客户自己的平均每次金额，“参数”表写明。",
        "元: purchase days expected in the next 365 days (BG/NBD) × spend per purchase from the Gamma-Gamma model (not discounted); where spend is correlated with frequency or there are too few repeat buyers, the customer's own mean spend per purchase, as Settings says.",
    ),
    kind: Kind::Money,
    widest: None,
    part: Part::Basis,
    value: |c, _| Value::Number(c.record.forecast.and_then(|f| f.value_12m)),
};

pub const COLUMNS: [Column; 32] = [
    SIZE_CLASS,
    INDUSTRY_GROUP,
    SIZE_SCORE,
    VALUE_SCORE,
    ACTIVITY_SCORE,
    SATISFACTION_SCORE,
    POTENTIAL_SCORE,
    TOTAL_SCORE,
    TIER,
    RFM,
    RECENCY,
    FREQUENCY,
    MONETARY,
    CLUSTER,
    CLUSTER_NAME,
    LIFECYCLE,
    CHURN_RISK,
    RISK_LEVEL,
    CREDIT_LIMIT,
    SETTLEMENT,
    PRODUCT,
    SERVICES,
    EXPLANATION,
    SIZE_BASIS,
    STD_INDUSTRY,
    INDUSTRY_CODE,
    NEEDS,
    PAYMENT_MODEL,
    CREDIT_REASON,
    P_ALIVE,
    EXPECTED_QUARTER,
    VALUE_12M,
];
