//! The types that carry data between the pipeline's stages:
//! read (`RawSheet`) → extract (`Dataset` of `CustomerRecord`s) → aggregate (the `Dataset` and
//! the `CustomerRecord`s apart) → classify (`Classified`) → cluster (`Clustering`) →
//! `Analysis`, which the workbook and report writers render.
//!
//! Every stage takes its inputs and returns its outputs; the one thing they share is the
//! findings ledger, `Dataset::findings`, which each appends to. Nothing here holds global state.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

mod findings;
pub use findings::*;

mod reasons;
pub use reasons::*;

/// The language of everything the user sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English (`--lang en`).
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One cell as a spreadsheet or CSV gave it, before any interpretation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub enum Cell {
    /// Nothing in the cell (also the non-anchor cells of a merged region).
    #[default]
    Empty,
    /// Text, as written.
    Text(String),
    /// A number (Excel stores integers as floats too).
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date or date-time cell.
    DateTime(NaiveDateTime),
    /// An error cell such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// True for an empty cell or one holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user would read it in Excel (numbers without a needless `.0`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => b.to_string(),
            Cell::DateTime(d) => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.date().format("%Y-%m-%d").to_string()
                } else {
                    d.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            Cell::Error(e) => e.clone(),
        }
    }
}

/// One sheet of one input file, as a grid of cells, with where it came from.
#[derive(Debug, Clone, Default)]
pub struct RawSheet {
    /// The input file's name as the user knows it (file name, not the full path).
    pub file: String,
    /// The sheet's name (for CSV/text files, the file stem).
    pub sheet: String,
    /// The cells, row by row. Rows may have different lengths.
    pub rows: Vec<Vec<Cell>>,
    /// Excel's 1-based row number of `rows[0]` (calamine ranges may start below row 1).
    pub first_row: u32,
    /// 0-based column index of `rows[..][0]`.
    pub first_col: u32,
}

/// What a sheet holds, judged from its columns (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum SheetRole {
    /// 客户档案: one row per customer with attributes.
    Customers,
    /// 销售明细/收款/合同: code + date + amount, many rows per customer.
    Transactions,
    /// 登录/使用记录: code + date (+ module, duration).
    Usage,
    /// 满意度/服务记录: code + score (+ complaint).
    Surveys,
    /// Nothing custseg can use (no customer-code column, or empty).
    Ignored,
}

impl SheetRole {
    /// The role's name in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SheetRole::Customers => lang.pick("客户档案", "customers"),
            SheetRole::Transactions => lang.pick("交易明细", "transactions"),
            SheetRole::Usage => lang.pick("使用记录", "usage"),
            SheetRole::Surveys => lang.pick("满意度调查", "surveys"),
            SheetRole::Ignored => lang.pick("未使用", "not used"),
        }
    }
}

/// 付费模式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PaymentModel {
    /// 订阅 (SaaS, annual licence renewals).
    Subscription,
    /// 一次性购买 (perpetual licence).
    OneTime,
    /// 定制开发 (project / custom development).
    Custom,
}

impl PaymentModel {
    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PaymentModel::Subscription => lang.pick("订阅", "Subscription"),
            PaymentModel::OneTime => lang.pick("一次性购买", "One-time"),
            PaymentModel::Custom => lang.pick("定制开发", "Custom"),
        }
    }
}

/// Where a customer's row came from, for findings and for the migration view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SourceRow {
    /// Input file name.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// Row number as Excel shows it.
    pub row: u32,
}

/// One customer after reading and joining every sheet, with values in canonical units:
/// money in 元, employees in 人, revenue and total assets in 万元, rates as fractions (0.35),
/// satisfaction normalised to 0–100. `None` means the input did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CustomerRecord {
    /// 客户编码: text, leading zeros kept.
    pub code: String,
    /// 客户名称.
    pub name: Option<String>,
    /// Where the customer's row came from (for customers built from other sheets, the first row seen).
    pub source: SourceRow,
    /// The input's own columns of the customers sheet, aligned with `Dataset::input_columns`.
    pub original: Vec<Cell>,
    /// 统一社会信用代码.
    pub credit_code: Option<String>,
    /// 所属行业, as written.
    pub industry: Option<String>,
    /// 地区.
    pub region: Option<String>,
    /// 成立日期 (a year alone becomes 1 January of that year).
    pub founded: Option<NaiveDate>,
    /// 员工人数 (人).
    pub employees: Option<f64>,
    /// 营业收入 (万元).
    pub revenue: Option<f64>,
    /// 资产总额 (万元).
    pub total_assets: Option<f64>,
    /// 付费模式.
    pub payment_model: Option<PaymentModel>,
    /// 产品版本, as written.
    pub product: Option<String>,
    /// 使用模块 / 已购模块.
    pub modules: Vec<String>,
    /// 需求模块 / 关注功能.
    pub needs: Vec<String>,
    /// 预算 (元); a range becomes its midpoint.
    pub budget: Option<f64>,
    /// 累计购买金额 (元).
    pub purchase_amount: Option<f64>,
    /// 成交次数.
    pub deal_count: Option<f64>,
    /// 首次购买日期.
    pub first_purchase: Option<NaiveDate>,
    /// 最近购买日期.
    pub last_purchase: Option<NaiveDate>,
    /// 续费率 as a fraction (0.85).
    pub renewal_rate: Option<f64>,
    /// 近90天登录次数.
    pub login_count: Option<f64>,
    /// 最近登录.
    pub last_login: Option<NaiveDate>,
    /// 使用时长 (hours).
    pub usage_hours: Option<f64>,
    /// 工单数.
    pub tickets: Option<f64>,
    /// 满意度 normalised to 0–100.
    pub satisfaction: Option<f64>,
    /// 推荐意愿 0–10.
    pub nps: Option<f64>,
    /// 投诉次数.
    pub complaints: Option<f64>,
    /// 应收余额 (元).
    pub receivable: Option<f64>,
    /// 逾期天数.
    pub overdue_days: Option<f64>,
    /// 装修风格 (decoration).
    pub style: Option<String>,
    /// 房屋面积 m² (decoration).
    pub house_area: Option<f64>,
    /// 历史项目数 (decoration).
    pub projects: Option<f64>,
    /// 客户阶段 (decoration).
    pub stage: Option<String>,
    /// 业务员 / 客户经理 / 设计师: who follows the customer up, as written.
    pub owner: Option<String>,
    /// Transaction amount per calendar year (元), from transaction sheets.
    pub amount_by_year: BTreeMap<i32, f64>,
    /// What the customer-base models say of the customer (stage forecast); None where they
    /// were not fitted or the customer has no purchase day.
    pub forecast: Option<CustomerForecast>,
}

/// One customer's BG/NBD and Gamma-Gamma forecast.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CustomerForecast {
    /// 存活概率: the probability the customer has not dropped out, 0–1.
    pub p_alive: f64,
    /// 预计下季度购买次数: expected purchase days in the next 91 days.
    pub quarter_purchases: f64,
    /// 预计未来12个月价值 (元): expected purchase days in the next 365 days × expected spend.
    pub value_12m: Option<f64>,
}

/// One input file as read: enough to reproduce the run (参数 sheet).
#[derive(Debug, Clone, Default, Serialize)]
pub struct InputFile {
    /// The path as given on the command line.
    pub path: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// The sheets looked at.
    pub sheets: Vec<SheetInfo>,
    /// The text encoding a text-based input was read in ("UTF-8", "GBK", "Big5" …); `None`
    /// for a binary workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// What custseg made of one sheet.
#[derive(Debug, Clone, Serialize)]
pub struct SheetInfo {
    /// Sheet name.
    pub name: String,
    /// Its role.
    pub role: SheetRole,
    /// Excel row number of the header row (0 when none was found).
    pub header_row: u32,
    /// Data rows below the header (counted in `rows_read`).
    pub data_rows: usize,
    /// Canonical fields recognised, as (input header, canonical field name).
    pub columns: Vec<(String, String)>,
    /// Headers of the columns that mean no field (or a field another column took first).
    pub unrecognised: Vec<String>,
    /// Why the sheet was not read, when it was skipped before its rows were looked at (a
    /// hidden sheet); `None` for a sheet that was read.
    pub skipped: Option<SkipWhy>,
}

/// Everything read from the inputs, joined by customer code.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The files read.
    pub inputs: Vec<InputFile>,
    /// Headers of the customers sheet's own columns, in input order (written first in 客户明细).
    pub input_columns: Vec<String>,
    /// Index in `input_columns` of the customer-code column (None: no customers sheet, so the
    /// writer adds its own 客户编码 column).
    pub code_column: Option<usize>,
    /// Index in `input_columns` of the customer-name column, when there is one.
    pub name_column: Option<usize>,
    /// One record per distinct customer code, in order of first appearance, while extract
    /// builds them; aggregate moves them out (see `aggregate::Aggregated`).
    pub customers: Vec<CustomerRecord>,
    /// The run's findings ledger: every stage appends what it finds (reading, aggregation,
    /// classification, in that order); the writers list it as it is.
    pub findings: Vec<Finding>,
    /// Data rows read over all used sheets (header, title and blank rows excluded).
    pub rows_read: usize,
    /// Data rows left out (each has a finding with `rejected = true`).
    pub rows_rejected: usize,
    /// The latest date found in the data (for the default as-of date).
    pub latest_date: Option<NaiveDate>,
    /// The end of the reporting period stated in the title rows of an export ("期间：… 至
    /// 2026-09-30"), the preferred default as-of date.
    pub period_end: Option<NaiveDate>,
    /// How each detail sheet's codes joined the customers (only sheets read against a
    /// customers sheet), for the warning on stderr and the note on the summary page.
    pub joins: Vec<JoinHealth>,
}

/// How one detail sheet's rows joined the customers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinHealth {
    /// Input file name.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// Rows of the sheet with a customer code (after their own value checks).
    pub rows: usize,
    /// Of those, rows whose code joined no customer.
    pub unjoined: usize,
    /// The normalisation applied when exact codes did not all match.
    pub rule: Option<JoinRule>,
}

impl JoinHealth {
    /// The share of the sheet's rows that joined no customer, 0–1.
    pub fn unjoined_share(&self) -> f64 {
        if self.rows == 0 {
            0.0
        } else {
            self.unjoined as f64 / self.rows as f64
        }
    }
}

/// 企业规模 per 《统计上大中小微型企业划分办法(2017)》.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum SizeClass {
    /// 大型
    Large,
    /// 中型
    Medium,
    /// 小型
    Small,
    /// 微型
    Micro,
    /// 未知: no indicator given.
    Unknown,
    /// 不适用: the standard does not cover the industry (金融, 教育, 卫生, 公共管理 …).
    NotApplicable,
}

impl SizeClass {
    /// All classes, largest first, then 未知 and 不适用 (tables show 不适用 only when used).
    pub const ALL: [SizeClass; 6] = [
        SizeClass::Large,
        SizeClass::Medium,
        SizeClass::Small,
        SizeClass::Micro,
        SizeClass::Unknown,
        SizeClass::NotApplicable,
    ];

    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SizeClass::Large => lang.pick("大型", "Large"),
            SizeClass::Medium => lang.pick("中型", "Medium"),
            SizeClass::Small => lang.pick("小型", "Small"),
            SizeClass::Micro => lang.pick("微型", "Micro"),
            SizeClass::Unknown => lang.pick("未知", "Unknown"),
            SizeClass::NotApplicable => lang.pick("不适用", "Not applicable"),
        }
    }
}

/// 行业大类: the report's five groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum IndustryGroup {
    /// 制造业
    Manufacturing,
    /// 服务业
    Services,
    /// 零售业
    Retail,
    /// 建筑业
    Construction,
    /// 其他
    Other,
}

impl IndustryGroup {
    /// All groups in report order.
    pub const ALL: [IndustryGroup; 5] = [
        IndustryGroup::Manufacturing,
        IndustryGroup::Services,
        IndustryGroup::Retail,
        IndustryGroup::Construction,
        IndustryGroup::Other,
    ];

    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            IndustryGroup::Manufacturing => lang.pick("制造业", "Manufacturing"),
            IndustryGroup::Services => lang.pick("服务业", "Services"),
            IndustryGroup::Retail => lang.pick("零售业", "Retail"),
            IndustryGroup::Construction => lang.pick("建筑业", "Construction"),
            IndustryGroup::Other => lang.pick("其他", "Other"),
        }
    }
}

/// 客户等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Tier {
    /// 核心客户
    Core,
    /// 潜力客户
    Potential,
    /// 一般客户
    General,
}

impl Tier {
    /// All tiers, best first.
    pub const ALL: [Tier; 3] = [Tier::Core, Tier::Potential, Tier::General];

    /// The label in the given language (also the tier sheet's name).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tier::Core => lang.pick("核心客户", "Core"),
            Tier::Potential => lang.pick("潜力客户", "Potential"),
            Tier::General => lang.pick("一般客户", "General"),
        }
    }

    /// Reads a tier label back (either language), e.g. from a previous result workbook.
    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|t| t.label(Lang::Zh) == text.trim() || t.label(Lang::En) == text.trim())
    }
}

/// A three-step level (流失风险 高/中/低).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// 高
    High,
    /// 中
    Medium,
    /// 低
    Low,
}

impl Level {
    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::High => lang.pick("高", "High"),
            Level::Medium => lang.pick("中", "Medium"),
            Level::Low => lang.pick("低", "Low"),
        }
    }
}

/// 生命周期.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Lifecycle {
    /// 新客户
    New,
    /// 成长期
    Growing,
    /// 成熟期
    Mature,
    /// 衰退期
    Declining,
    /// 流失
    Lost,
}

impl Lifecycle {
    /// All stages in order.
    pub const ALL: [Lifecycle; 5] = [
        Lifecycle::New,
        Lifecycle::Growing,
        Lifecycle::Mature,
        Lifecycle::Declining,
        Lifecycle::Lost,
    ];

    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Lifecycle::New => lang.pick("新客户", "New"),
            Lifecycle::Growing => lang.pick("成长期", "Growing"),
            Lifecycle::Mature => lang.pick("成熟期", "Mature"),
            Lifecycle::Declining => lang.pick("衰退期", "Declining"),
            Lifecycle::Lost => lang.pick("流失", "Lost"),
        }
    }
}

/// The 8 RFM classes; R, F, M each 高 or 低 against a reference value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RfmClass {
    /// 重要价值 高高高
    ImportantValue,
    /// 重要发展 高低高
    ImportantDevelop,
    /// 重要保持 低高高
    ImportantKeep,
    /// 重要挽留 低低高
    ImportantRetain,
    /// 一般价值 高高低
    GeneralValue,
    /// 一般发展 高低低
    GeneralDevelop,
    /// 一般保持 低高低
    GeneralKeep,
    /// 一般挽留 低低低
    GeneralRetain,
}

impl RfmClass {
    /// All classes in the SPEC's order.
    pub const ALL: [RfmClass; 8] = [
        RfmClass::ImportantValue,
        RfmClass::ImportantDevelop,
        RfmClass::ImportantKeep,
        RfmClass::ImportantRetain,
        RfmClass::GeneralValue,
        RfmClass::GeneralDevelop,
        RfmClass::GeneralKeep,
        RfmClass::GeneralRetain,
    ];

    /// The class for R, F, M each high (`true`) or low; for R, high means recent.
    pub fn from_flags(r_high: bool, f_high: bool, m_high: bool) -> RfmClass {
        use RfmClass::*;
        match (r_high, f_high, m_high) {
            (true, true, true) => ImportantValue,
            (true, false, true) => ImportantDevelop,
            (false, true, true) => ImportantKeep,
            (false, false, true) => ImportantRetain,
            (true, true, false) => GeneralValue,
            (true, false, false) => GeneralDevelop,
            (false, true, false) => GeneralKeep,
            (false, false, false) => GeneralRetain,
        }
    }

    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        use RfmClass::*;
        match self {
            ImportantValue => lang.pick("重要价值", "Champions"),
            ImportantDevelop => lang.pick("重要发展", "Develop (high value)"),
            ImportantKeep => lang.pick("重要保持", "Keep (high value)"),
            ImportantRetain => lang.pick("重要挽留", "Win back (high value)"),
            GeneralValue => lang.pick("一般价值", "Loyal (low value)"),
            GeneralDevelop => lang.pick("一般发展", "Develop"),
            GeneralKeep => lang.pick("一般保持", "Keep"),
            GeneralRetain => lang.pick("一般挽留", "Win back"),
        }
    }
}

/// 风险等级 A (best) … D (worst).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RiskLevel {
    /// A: no overdue, no complaints.
    A,
    /// B
    B,
    /// C
    C,
    /// D: long overdue or large receivable against value.
    D,
}

impl RiskLevel {
    /// The label ("A" … "D").
    pub fn label(self) -> &'static str {
        match self {
            RiskLevel::A => "A",
            RiskLevel::B => "B",
            RiskLevel::C => "C",
            RiskLevel::D => "D",
        }
    }
}

/// 建议结算方式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Settlement {
    /// 预付款
    Prepay,
    /// 货到付款
    OnDelivery,
    /// 月结30天
    Net30,
    /// 月结60天
    Net60,
}

impl Settlement {
    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Settlement::Prepay => lang.pick("预付款", "Prepayment"),
            Settlement::OnDelivery => lang.pick("货到付款", "Cash on delivery"),
            Settlement::Net30 => lang.pick("月结30天", "Net 30"),
            Settlement::Net60 => lang.pick("月结60天", "Net 60"),
        }
    }
}

/// The five dimension scores, 0–100; `None` where the input had nothing to score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// 规模得分
    pub size: Option<f64>,
    /// 价值得分
    pub value: Option<f64>,
    /// 活跃得分
    pub activity: Option<f64>,
    /// 满意得分
    pub satisfaction: Option<f64>,
    /// 潜力得分
    pub potential: Option<f64>,
}

/// One customer with every derived column of SPEC §5.
#[derive(Debug, Clone, Serialize)]
pub struct Classified {
    /// The customer as read.
    pub record: CustomerRecord,
    /// 企业规模.
    pub size_class: SizeClass,
    /// Why that size class: indicators used, the standard's industry ("工业：X=350人，Y=2500万元").
    pub size_basis: SizeBasis,
    /// The standard's industry row the customer was mapped to (e.g. "工业", "软件和信息技术服务业").
    pub std_industry: StdIndustryName,
    /// The GB/T 4754-2017 class code found in the industry text (行业代码, e.g. "C3311"; empty
    /// when a keyword or nothing decided).
    pub industry_code: String,
    /// 行业大类.
    pub industry_group: IndustryGroup,
    /// 需求: canonical needs used or asked for, then texts no keyword matched (a name may
    /// repeat in one language; `messages::needs` shows each once).
    pub needs: Vec<Need>,
    /// 付费模式 (from the input, or inferred; `None` when unknown).
    pub payment_model: Option<PaymentModel>,
    /// The five dimension scores.
    pub scores: Scores,
    /// 综合得分 0–100.
    pub total_score: f64,
    /// 客户等级.
    pub tier: Tier,
    /// RFM分类 (None when R, F or M is unknown).
    pub rfm: Option<RfmClass>,
    /// 最近消费天数.
    pub recency_days: Option<i64>,
    /// 消费频次.
    pub frequency: Option<f64>,
    /// 消费金额 (元).
    pub monetary: Option<f64>,
    /// 生命周期.
    pub lifecycle: Lifecycle,
    /// 流失风险.
    pub churn_risk: Level,
    /// 风险等级.
    pub risk_level: RiskLevel,
    /// 建议信用额度 (元).
    pub credit_limit: f64,
    /// 建议结算方式.
    pub settlement: Settlement,
    /// Why that risk level, limit and settlement (one short sentence when worded).
    pub credit_reason: CreditReason,
    /// 推荐产品.
    pub recommended_product: Product,
    /// 推荐服务 (modules and services, in order; shown once each, joined with "、").
    pub recommended_services: Vec<Service>,
    /// 评分说明: what the total rests on (one line when worded).
    pub explanation: Explanation,
    /// 聚类: 1-based cluster number, ordered by mean 综合得分 (1 = best); 0 before clustering.
    pub cluster: usize,
    /// 聚类名称 (`Unnamed` before clustering).
    pub cluster_name: ClusterName,
}

/// The RFM reference values a run used (written into 参数 and the appendix).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RfmReferences {
    /// "mean", "median" or "fixed".
    pub method: &'static str,
    /// Recency reference in days (R ≤ this counts as 高).
    pub recency_days: f64,
    /// Frequency reference (F ≥ this counts as 高).
    pub frequency: f64,
    /// Monetary reference in 元 (M ≥ this counts as 高).
    pub monetary: f64,
}

/// The outcome of the classification stage for the whole customer base.
#[derive(Debug, Clone)]
pub struct Classification {
    /// One per customer, in input order.
    pub customers: Vec<Classified>,
    /// RFM references used.
    pub rfm_refs: RfmReferences,
    /// The tier cut-offs actually applied, in 综合得分 (core ≥ .0, potential ≥ .1).
    pub tier_cutoffs: (f64, f64),
    /// How the cut-offs were set ("按分位数：前20%为核心客户…" when worded), incl. any fallback.
    pub tier_rule: TierRule,
    /// The weights actually used, as (dimension, weight).
    pub weights: Vec<(crate::profile::Dimension, f64)>,
}

/// One cluster's profile.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterInfo {
    /// 1-based number, 1 = highest mean 综合得分.
    pub id: usize,
    /// Name from the centroid's standout features, unique within the run.
    pub name: ClusterName,
    /// Number of customers.
    pub size: usize,
    /// Mean 综合得分 of its members.
    pub mean_total: f64,
    /// Centroid in original units, aligned with `Clustering::features`.
    pub centroid: Vec<f64>,
}

/// The outcome of the clustering stage.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Clustering {
    /// k used.
    pub k: usize,
    /// True when k was chosen by silhouette (false when given with --k).
    pub k_chosen: bool,
    /// Silhouette of every k tried, (k, silhouette).
    pub silhouettes: Vec<(usize, f64)>,
    /// The features clustered on (shown with their unit, e.g. "消费金额(元)").
    pub features: Vec<FeatureKind>,
    /// Clusters ordered by id.
    pub clusters: Vec<ClusterInfo>,
    /// Cluster id (1-based) per customer, aligned with `Classification::customers`.
    pub labels: Vec<usize>,
    /// How missing features were imputed (one sentence when worded).
    pub imputation: ClusterMethod,
}

/// A customer's tier and score in one quarter, as read back from a result workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierSnapshot {
    /// 客户编码.
    pub code: String,
    /// 客户名称.
    pub name: String,
    /// 客户等级.
    pub tier: Tier,
    /// 综合得分.
    pub total_score: f64,
    /// 消费金额 (yuan), when the workbook has it.
    pub amount: Option<f64>,
    /// The five dimension scores in 客户明细's order (规模, 价值, 活跃, 满意, 潜力得分).
    pub dimensions: [Option<f64>; 5],
    /// 存活概率 (0–1), when the result has that column and the customer a value in it.
    pub p_alive: Option<f64>,
}

/// Why a customer moved: the dimension score that changed most between the two quarters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Driver {
    /// Index into the five dimensions (规模, 价值, 活跃, 满意, 潜力得分).
    pub dimension: usize,
    /// Current minus previous score of that dimension.
    pub change: f64,
}

/// One quarter of a comparison: its period, as-of date and tier cut-offs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFacts {
    /// Calendar quarter, "2026Q3".
    pub period: String,
    /// As-of date of that run.
    pub as_of: NaiveDate,
    /// (核心客户 ≥, 潜力客户 ≥), None when the result does not state them.
    pub cutoffs: Option<(f64, f64)>,
}

/// One customer's move between two quarters.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Move {
    /// 客户编码.
    pub code: String,
    /// 客户名称.
    pub name: String,
    /// Tier before (None for a new customer).
    pub before: Option<Tier>,
    /// Tier after (None for a lost customer).
    pub after: Option<Tier>,
    /// Score before.
    pub score_before: Option<f64>,
    /// Score after.
    pub score_after: Option<f64>,
    /// 消费金额 (yuan) of the later quarter the customer is in.
    pub amount: Option<f64>,
    /// The dimension that changed most (customers in both quarters with dimension scores).
    pub driver: Option<Driver>,
}

/// 季度变动: the comparison of two result workbooks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Migration {
    /// The previous workbook's file name.
    pub previous_file: String,
    /// The previous quarter, when its result states its as-of date.
    pub previous_period: Option<PeriodFacts>,
    /// The current quarter, when known.
    pub current_period: Option<PeriodFacts>,
    /// counts[before][after] over Tier::ALL order (customers present in both).
    pub matrix: [[usize; 3]; 3],
    /// Moved to a better tier.
    pub upgraded: Vec<Move>,
    /// Moved to a worse tier.
    pub downgraded: Vec<Move>,
    /// Only in the current run.
    pub new: Vec<Move>,
    /// Only in the previous run.
    pub lost: Vec<Move>,
    /// 存活概率下降最多的客户; None when the two quarters share no customer with a P(alive)
    /// in both (e.g. a result written before the forecast stage): the list is then not shown.
    pub alive_fell: Option<crate::compare::AliveFell>,
}

/// Facts about the run itself (概览, 参数, the report's cover and appendix).
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    /// Profile name ("software", "decoration", or the file's stem).
    pub profile: String,
    /// Reference date.
    pub as_of: NaiveDate,
    /// Where the as-of date came from (given / latest date in data / today), one sentence.
    pub as_of_source: String,
    /// True when the data held no date and the as-of date is the day of the run.
    pub as_of_from_today: bool,
    /// Company name for the cover, if given.
    pub company: Option<String>,
    /// Tool version.
    pub version: String,
    /// Local time of the run, "2026-11-29 13:05".
    pub generated_at: String,
    /// Language of the outputs.
    pub lang: Lang,
    /// Seed used for clustering.
    pub seed: u64,
}

/// Everything the writers render: the one value passed to the workbook, report and JSON.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Run facts.
    pub run: RunInfo,
    /// What was read.
    pub dataset: Dataset,
    /// What was derived.
    pub classification: Classification,
    /// Clusters.
    pub clustering: Clustering,
    /// Quarter comparison, with --previous.
    pub migration: Option<Migration>,
    /// The profile as used (for 参数 and the appendix): (key, value) lines.
    pub profile_settings: Vec<(String, String)>,
    /// The profile's report plan: sections in order, the funnel, group tables, tier actions.
    pub report: crate::profile::ReportSettings,
    /// The customer-base models' fit, fallbacks and backtest.
    pub forecast: crate::forecast::Summary,
}
