//! Every sentence custseg says to a person, in Chinese and English, in one place.
//!
//! Each stage has its own section below; add a stage's sentences inside its section only.

use crate::model::Lang;

/// Formats one sentence in the run's language.
#[macro_export]
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::model::Lang::Zh => format!($zh $(, $arg)*),
            $crate::model::Lang::En => format!($en $(, $arg)*),
        }
    };
}

// ───────────────────────────── command line and run (lib.rs, main.rs) ─────────────────────────────

/// The short usage shown when custseg is started with no argument (a double-click).
pub fn usage_no_args(lang: Lang) -> &'static str {
    lang.pick(
        "custseg 客户分类与管理报告\n\n用法：把客户档案（.xlsx/.xls/.csv）拖到 custseg 上，或在命令行运行：\n  custseg 客户档案.xlsx\n  custseg 客户档案.xlsx 销售明细.xlsx --previous 上季度_客户分类.xlsx\n  custseg sample 示例    （生成示例数据）\n  custseg --help         （全部选项）\n\n结果（客户分类.xlsx 和 管理报告.pdf）会写在输入文件旁边。",
        "custseg — customer segmentation and management report\n\nUsage: drag a customer workbook (.xlsx/.xls/.csv) onto custseg, or run:\n  custseg customers.xlsx --lang en\n  custseg customers.xlsx sales.xlsx --previous last_quarter_segments.xlsx --lang en\n  custseg sample samples    (write sample data)\n  custseg --help            (all options)\n\nThe outputs (segments .xlsx and report .pdf) are written next to the input.",
    )
}

// ───────────────────────────── reading (read.rs, extract.rs, values.rs, aggregate.rs) ─────────────────────────────

// ───────────────────────────── classification (classify.rs, size_standard.rs, industry.rs, recommend.rs) ─────────────────────────────

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

/// The note on each derived header of 客户明细, in the order of SPEC §5 (企业规模 … 评分说明):
/// how the column is computed, as (zh, en).
pub const DERIVED_COLUMN_NOTES: [(&str, &str); 23] = [
    (
        "按《统计上大中小微型企业划分办法(2017)》，由所属行业、从业人员(X)、营业收入(Y)、资产总额(Z)判定：须同时满足所列指标的下限，否则下划一档；两项指标缺一项时按现有一项判定，都缺时为“未知”。",
        "By China's 2017 SME classification standard, from industry, employees (X), revenue (Y) and total assets (Z): every listed lower bound must be met, else one class lower; with one indicator missing the other decides; with both missing, Unknown.",
    ),
    (
        "所属行业文本先对应到国家标准行业，再归入 制造业 / 服务业 / 零售业 / 建筑业 / 其他 五大类。",
        "The industry text is mapped to the standard's industries, then to five groups: Manufacturing / Services / Retail / Construction / Other.",
    ),
    (
        "0–100：企业规模越大得分越高；规模未知时不计入综合得分。",
        "0–100: the larger the firm, the higher; left out of the total score when the size is unknown.",
    ),
    (
        "0–100：由最近消费天数(R)、消费频次(F)、消费金额(M)和续费率计算，权重随付费模式而变：订阅重续费与使用，一次性购买重单笔金额与频次，定制开发重合同金额。",
        "0–100: from recency (R), frequency (F), monetary (M) and renewal rate, weighted by payment model: renewals and usage for subscriptions, deal size and frequency for one-time purchases, contract amount for custom work.",
    ),
    (
        "0–100：由近90天登录次数、最近登录距基准日天数、使用模块数和使用时长计算。",
        "0–100: from logins in the last 90 days, days since the last login, modules used and usage hours.",
    ),
    (
        "0–100：满意度按原量表（1–5、1–10、0–100 或文字）折算为百分制，投诉次数扣分。",
        "0–100: satisfaction converted from its scale (1–5, 1–10, 0–100 or words) to 0–100, lowered by complaints.",
    ),
    (
        "0–100：由预算、尚未购买的需求模块和消费金额的同比增长计算。",
        "0–100: from budget, needs not yet bought and year-on-year growth of purchases.",
    ),
    (
        "0–100：五项得分按“参数”表中的权重加权求和；缺少的维度不计，其余权重重新归一（评分说明会写明）。",
        "0–100: the five scores weighted as in the Settings sheet; missing dimensions are left out and the other weights renormalised (the explanation says which).",
    ),
    (
        "按综合得分和“参数”表中的分数线划分：核心客户 / 潜力客户 / 一般客户。",
        "From the total score and the cut-offs in the Settings sheet: Core / Potential / General.",
    ),
    (
        "R、F、M 各与参考值（见“参数”表）比较，高于或等于参考值为“高”（R 以近为高），组合为 8 类。",
        "R, F and M are each compared with a reference value (see Settings); equal or above counts as high (for R, recent is high); the combination gives 8 classes.",
    ),
    (
        "最近一次消费日期到基准日的天数。",
        "Days from the last purchase to the as-of date.",
    ),
    (
        "消费次数：有单据号时为不同单据号数，否则为交易行数；红字发票和退货不计。",
        "Purchases: distinct document numbers where there are any, else transaction rows; credit notes and returns are not counted.",
    ),
    (
        "累计消费金额，单位：元；红字发票和退货冲减，基准日之后的交易不计。",
        "Total amount spent, in yuan; credit notes and returns reduce it; transactions after the as-of date are left out.",
    ),
    (
        "k-means 聚类的编号，按成员平均综合得分排序，1 为最高；各类画像见“聚类分析”表。",
        "The k-means cluster, numbered by the members' mean total score, 1 = highest; profiles in the Clusters sheet.",
    ),
    (
        "按聚类中心的突出特征命名。",
        "Named from the standout features of the cluster's centre.",
    ),
    (
        "新客户 / 成长期 / 成熟期 / 衰退期 / 流失：由首次与最近消费时间和消费趋势判定。",
        "New / Growing / Mature / Declining / Lost: from the first and last purchase and the trend of purchases.",
    ),
    (
        "高 / 中 / 低：由不活跃时长和活跃度下降程度判定。",
        "High / Medium / Low: from how long the customer has been inactive and how far activity fell.",
    ),
    (
        "A（最好）至 D（最差）：由逾期天数、应收余额与消费金额之比和投诉次数判定。",
        "A (best) to D (worst): from overdue days, receivable against amount spent, and complaints.",
    ),
    (
        "按客户等级和风险等级给出的信用额度，单位：元。",
        "A credit limit from tier and risk level, in yuan.",
    ),
    (
        "预付款 / 货到付款 / 月结30天 / 月结60天：按客户等级和风险等级给出。",
        "Prepayment / cash on delivery / net 30 / net 60: from tier and risk level.",
    ),
    (
        "按企业规模、成立年限、行业和评分方案的规则推荐的产品版本。",
        "The product edition recommended by the profile's rules from size, age and industry.",
    ),
    (
        "按行业、需求、客户等级和流失风险推荐的模块与服务。",
        "Modules and services recommended from industry, needs, tier and churn risk.",
    ),
    (
        "一句话说明综合得分的主要来源，以及缺少哪些数据。",
        "One line on what drove the total score and which data were missing.",
    ),
];

/// The result workbook could not be built (a rust_xlsxwriter error, e.g. no writable temp folder).
pub fn workbook_failed(lang: Lang, detail: &str) -> String {
    crate::say!(
        lang,
        "无法生成结果工作簿：{}。请检查临时文件夹是否可写、磁盘空间是否充足。",
        "Could not build the result workbook: {}. Check that the temporary folder is writable and the disk is not full.",
        detail
    )
}

/// A previous result workbook could not be opened at all.
pub fn snapshot_unreadable(lang: Lang, file: &str, detail: &str) -> String {
    crate::say!(
        lang,
        "无法打开上期结果工作簿 {}：{}",
        "Could not open the previous result workbook {}: {}",
        file,
        detail
    )
}

/// A workbook without the customers sheet of a result workbook.
pub fn snapshot_no_sheet(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "{} 不是 custseg 的结果工作簿：找不到“客户明细”（或 Customers）工作表。请选择 custseg 生成的“…_客户分类.xlsx”。",
        "{} is not a custseg result workbook: it has no 客户明细 (Customers) sheet. Choose a “…_segments.xlsx” written by custseg.",
        file
    )
}

/// The customers sheet lacks a column needed to read tiers back.
pub fn snapshot_missing_column(lang: Lang, file: &str, sheet: &str, column: &str) -> String {
    crate::say!(
        lang,
        "{} 不是完整的 custseg 结果工作簿：“{}”工作表第 1 行没有“{}”列。",
        "{} is not a complete custseg result workbook: sheet “{}” has no “{}” column in row 1.",
        file,
        sheet,
        column
    )
}

/// A tier cell that reads as no tier.
pub fn snapshot_bad_tier(
    lang: Lang,
    file: &str,
    sheet: &str,
    row: usize,
    column: &str,
    value: &str,
) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表第 {} 行“{}”列的值“{}”不是客户等级（应为 核心客户 / 潜力客户 / 一般客户）。",
        "{}, sheet “{}”, row {}, column “{}”: “{}” is not a tier (expected Core / Potential / General).",
        file,
        sheet,
        row,
        column,
        value
    )
}

/// A 综合得分 cell that is not a number.
pub fn snapshot_bad_score(
    lang: Lang,
    file: &str,
    sheet: &str,
    row: usize,
    column: &str,
    value: &str,
) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表第 {} 行“{}”列的值“{}”不是数字。",
        "{}, sheet “{}”, row {}, column “{}”: “{}” is not a number.",
        file,
        sheet,
        row,
        column,
        value
    )
}

/// A result workbook whose customers sheet holds no customer.
pub fn snapshot_empty(lang: Lang, file: &str, sheet: &str) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表中没有客户，无法与之对比。",
        "Sheet “{1}” of {0} holds no customer to compare with.",
        file,
        sheet
    )
}

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

// ───────────────────────────── samples and templates (sample.rs, init.rs) ─────────────────────────────

// ───────────────────────────── end of sections ─────────────────────────────
