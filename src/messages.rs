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

/// A file that cannot be opened at all.
pub fn read_cannot_open(lang: Lang, file: &str, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    // The system's own words are English whatever the language; the common cases are said here.
    let why = match err.kind() {
        ErrorKind::NotFound => lang
            .pick("文件不存在", "the file does not exist")
            .to_string(),
        ErrorKind::PermissionDenied => lang
            .pick("没有读取该文件的权限", "permission to read it is denied")
            .to_string(),
        ErrorKind::IsADirectory => lang
            .pick("这是一个文件夹，不是文件", "it is a folder, not a file")
            .to_string(),
        _ => err.to_string(),
    };
    crate::say!(
        lang,
        "无法打开文件 {}：{}。",
        "Cannot open the file {}: {}.",
        file,
        why
    )
}

/// A file with nothing in it.
pub fn read_empty(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 是空的，没有可读取的数据。",
        "The file {} is empty: there is no data to read.",
        file
    )
}

/// A file that is not a spreadsheet or delimited text.
pub fn read_not_spreadsheet(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 不是电子表格（支持 .xlsx .xlsm .xlsb .xls .ods .csv .txt）。",
        "The file {} is not a spreadsheet (supported: .xlsx .xlsm .xlsb .xls .ods .csv .txt).",
        file
    )
}

/// A password-protected workbook.
pub fn read_encrypted(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存再试。",
        "The file {} is password-protected (encrypted) and cannot be read; remove the password in Excel, save it again and retry.",
        file
    )
}

/// A truncated or damaged workbook.
pub fn read_corrupt(lang: Lang, file: &str, detail: &str) -> String {
    if detail.is_empty() {
        crate::say!(
            lang,
            "文件 {} 已损坏或不完整（可能没有下载或保存完整），无法读取。",
            "The file {} is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read.",
            file
        )
    } else {
        crate::say!(
            lang,
            "文件 {} 已损坏或不完整，无法读取（{}）。",
            "The file {} is truncated or corrupt and cannot be read ({}).",
            file,
            detail
        )
    }
}

/// A workbook beyond the memory limits.
pub fn read_too_large(lang: Lang, file: &str, bytes: u64, cells: u64) -> String {
    crate::say!(
        lang,
        "文件 {} 太大，无法安全读入内存（上限：解压后 {} GB，或单个工作表 {} 万个单元格）。",
        "The file {} is too large to read safely into memory (limits: {} GB uncompressed, or {} million cells in one sheet).",
        file,
        bytes >> 30,
        match lang { Lang::Zh => cells / 10_000, Lang::En => cells / 1_000_000 }
    )
}

/// No sheet of any input has a customer-code column.
pub fn read_no_code_column(lang: Lang, files: &str, columns: &str) -> String {
    crate::say!(
        lang,
        "在 {} 的所有工作表中都没有找到客户编码列（如“客户编码”“客户编号”）；找到的列有：{}。",
        "No customer-code column (such as 客户编码 or \"customer code\") was found in any sheet of {}; the columns found are: {}.",
        files,
        columns
    )
}

/// The name of a value type, for "cannot be read as …".
pub fn read_value_kind(lang: Lang, kind: &str) -> &'static str {
    match (kind, lang) {
        ("money", Lang::Zh) => "金额",
        ("money", Lang::En) => "an amount",
        ("date", Lang::Zh) => "日期",
        ("date", Lang::En) => "a date",
        ("percent", Lang::Zh) => "百分比",
        ("percent", Lang::En) => "a percentage",
        ("satisfaction", Lang::Zh) => "满意度",
        ("satisfaction", Lang::En) => "a satisfaction score",
        ("payment", Lang::Zh) => "付费模式（订阅/一次性/定制）",
        ("payment", Lang::En) => "a payment model (subscription/one-time/custom)",
        (_, Lang::Zh) => "数字",
        (_, Lang::En) => "a number",
    }
}

/// Finding: a value that cannot be read.
pub fn read_bad_value(lang: Lang, kind: &str) -> String {
    crate::say!(
        lang,
        "无法识别为{}",
        "cannot be read as {}",
        read_value_kind(lang, kind)
    )
}

/// Finding: a value outside its plausible range.
pub fn read_out_of_range(lang: Lang, range: &str) -> String {
    crate::say!(
        lang,
        "超出合理范围（{}）",
        "outside the plausible range ({})",
        range
    )
}

/// Action: the value was left blank, the row kept.
pub fn read_action_value_blank(lang: Lang) -> String {
    crate::say!(
        lang,
        "该值按空值处理，其余数据照常使用",
        "value treated as blank; the rest of the row is used"
    )
}

/// Action: the whole row was left out.
pub fn read_action_row_left_out(lang: Lang) -> String {
    crate::say!(lang, "整行未使用", "row left out")
}

/// Finding: a row without a customer code.
pub fn read_missing_code(lang: Lang) -> String {
    crate::say!(lang, "缺少客户编码", "no customer code")
}

/// Finding: a row of a detail sheet without the value it needs.
pub fn read_missing_value(lang: Lang, kind: &str) -> String {
    crate::say!(lang, "缺少{}", "no {}", read_value_kind(lang, kind))
}

/// Finding: a totals row.
pub fn read_totals_row(lang: Lang) -> String {
    crate::say!(lang, "合计行，不是客户", "a totals row, not a customer")
}

/// Finding: the same code a second time.
pub fn read_duplicate_code(lang: Lang, code: &str, first_row: u32) -> String {
    crate::say!(
        lang,
        "客户编码 {} 重复（第一次出现在第 {} 行）",
        "customer code {} appears again (first on row {})",
        code,
        first_row
    )
}

/// Action: a duplicate row merged into the first.
pub fn read_action_merged(lang: Lang) -> String {
    crate::say!(
        lang,
        "已合并：各字段取第一个非空值，本行只补充前面为空的字段",
        "merged: each field keeps its first non-empty value; this row only fills fields left empty"
    )
}

/// Finding: the same credit code under two customer codes.
pub fn read_duplicate_credit(lang: Lang, other_code: &str) -> String {
    crate::say!(
        lang,
        "统一社会信用代码与客户 {} 相同，可能是同一家企业",
        "the credit code is the same as customer {}'s: possibly the same company",
        other_code
    )
}

/// Action: both customers kept.
pub fn read_action_both_kept(lang: Lang) -> String {
    crate::say!(
        lang,
        "两个客户都保留，请核对",
        "both customers kept; please check"
    )
}

/// Finding: a detail row whose code is not in any customers sheet.
pub fn read_unknown_customer(lang: Lang) -> String {
    crate::say!(
        lang,
        "客户档案中没有这个客户编码",
        "this customer code is in no customers sheet"
    )
}

/// Finding: a detail row dated after the as-of date.
pub fn read_future_date(lang: Lang, as_of: &str) -> String {
    crate::say!(
        lang,
        "日期晚于基准日 {}",
        "dated after the as-of date {}",
        as_of
    )
}

/// Action: left out of the figures computed against the as-of date.
pub fn read_action_future(lang: Lang) -> String {
    crate::say!(
        lang,
        "不计入 RFM、活跃度和满意度",
        "left out of R/F/M, activity and satisfaction"
    )
}

/// Finding: a sheet without a customer-code column.
pub fn read_sheet_no_code(lang: Lang, columns: &str) -> String {
    crate::say!(
        lang,
        "没有客户编码列（列：{}）",
        "no customer-code column (columns: {})",
        columns
    )
}

/// Finding: an empty sheet.
pub fn read_sheet_empty(lang: Lang) -> String {
    crate::say!(lang, "工作表为空", "the sheet is empty")
}

/// Action: the sheet was not used.
pub fn read_action_sheet_skipped(lang: Lang) -> String {
    crate::say!(lang, "整张工作表未使用", "sheet not used")
}

/// Finding: pre-aggregated columns and detail rows both exist.
pub fn read_source_choice(lang: Lang, columns: &str, detail: &str) -> String {
    crate::say!(
        lang,
        "客户表中有汇总列（{}），同时有{}明细",
        "the customers sheet has summary columns ({}) and there are {} detail rows",
        columns,
        detail
    )
}

/// Action: detail rows win where a customer has some.
pub fn read_action_detail_wins(lang: Lang) -> String {
    crate::say!(
        lang,
        "有明细的客户按明细重新计算，没有明细的客户沿用汇总列",
        "customers with detail rows are recomputed from them; the others keep the summary columns"
    )
}

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

/// The problem of an industry text that maps to no standard industry.
pub fn unmapped_industry_problem(lang: Lang, customers: usize) -> String {
    say!(
        lang,
        "该行业无法对应国家标准中的行业（涉及 {} 个客户）",
        "The industry maps to no industry of the standard (customers: {})",
        customers
    )
}

/// A weighted dimension that no customer has any data for.
pub fn dimension_absent_problem(lang: Lang, dimension: &str, fields: &str) -> String {
    say!(
        lang,
        "所有客户都没有{}维度的数据（{}）",
        "No customer has any data for the {} dimension ({})",
        dimension,
        fields
    )
}

/// What was done about a dimension without data.
pub fn dimension_absent_action(lang: Lang) -> String {
    say!(
        lang,
        "该维度不参与综合得分，权重按其余维度重新分配",
        "Left out of the total score; its weight was spread over the other dimensions"
    )
}

/// What was done about an unmapped industry.
pub fn unmapped_industry_action(lang: Lang) -> String {
    say!(
        lang,
        "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
        "Sized as \"other industries\" and grouped as Other; add a keyword under [[industry]] in the profile"
    )
}

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

/// How the clustering matrix was built, one sentence for `Clustering::imputation`: which
/// features had gaps filled with their median (feature short name, customers imputed), which
/// were left out because nobody had them or everybody had the same value, and the scaling.
pub fn cluster_method(
    lang: Lang,
    imputed: &[(&str, usize)],
    missing: &[&str],
    constant: &[&str],
    any_feature: bool,
) -> String {
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

/// The name of the one cluster when there is nothing to split (fewer than two customers or
/// no two different ones).
pub fn cluster_everyone(lang: Lang) -> &'static str {
    lang.pick("全部客户", "All customers")
}

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

/// Notes on the reason columns after the fixed ones (规模依据 … 信用说明), as (zh, en).
pub const BASIS_COLUMN_NOTES: [(&str, &str); 5] = [
    (
        "判定企业规模所用的国家标准行业和指标数值，缺少的指标在此注明。",
        "The standard's industry and the indicator values behind the size class; missing indicators are named.",
    ),
    (
        "所属行业对应到《统计上大中小微型企业划分办法(2017)》中的行业（按评分方案的关键词表）。",
        "The industry of the 2017 size standard that the customer's industry text maps to (by the profile's keyword table).",
    ),
    (
        "客户已用或提出的需求（由已购模块、需求模块归并到标准需求名称）。",
        "Needs the customer uses or asks for (modules and needs mapped to standard names).",
    ),
    (
        "输入中的付费模式；缺少时按续费率等推断，评分说明中注明。",
        "The payment model from the input; inferred (e.g. from renewal rate) when missing, as the explanation says.",
    ),
    (
        "风险等级、建议信用额度和结算方式的依据。",
        "Why this risk level, credit limit and settlement.",
    ),
];

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

/// The report's sections in order (SPEC §6), as (zh, en) titles; the outline uses the same.
pub const REPORT_SECTIONS: [(&str, &str); 13] = [
    ("封面", "Cover"),
    ("摘要", "Summary"),
    ("客户等级分布", "Customer tiers"),
    ("规模与行业", "Size and industry"),
    ("价值分析", "Value analysis"),
    ("活跃与流失", "Activity and churn"),
    ("满意度", "Satisfaction"),
    ("聚类画像", "Cluster profiles"),
    ("季度变动", "Quarter-on-quarter changes"),
    ("行动建议", "Recommended actions"),
    ("核心客户名单", "Top core customers"),
    ("数据质量", "Data quality"),
    ("附录：方法与参数", "Appendix: method and settings"),
];

/// The title of report section `index` (0 = cover) in the run's language.
pub fn report_section(index: usize, lang: Lang) -> &'static str {
    let (zh, en) = REPORT_SECTIONS[index.min(REPORT_SECTIONS.len() - 1)];
    lang.pick(zh, en)
}

/// The report's title.
pub fn report_title(lang: Lang) -> &'static str {
    lang.pick("客户分类与管理报告", "Customer Segmentation Report")
}

/// The one line shown instead of a chart or table when a section has no data.
pub fn report_no_data(what: &str, lang: Lang) -> String {
    say!(
        lang,
        "输入数据中没有{}，本节从略。",
        "The input has no {}, so this section is left out.",
        what
    )
}

// ───────────────────────────── samples and templates (sample.rs, init.rs) ─────────────────────────────

/// `custseg sample`: the folder for the samples cannot be created.
pub fn sample_folder_failed(
    lang: Lang,
    dir: &std::path::Path,
    err: &dyn std::fmt::Display,
) -> String {
    crate::say!(
        lang,
        "无法创建示例数据目录 {}：{}。",
        "Cannot create the sample folder {}: {}.",
        dir.display(),
        err
    )
}

/// `custseg sample`: a sample file exists and may not be replaced.
pub fn sample_not_replaceable(lang: Lang, path: &std::path::Path) -> String {
    crate::say!(
        lang,
        "无法覆盖 {}：该文件是只读的或是一个文件夹，请先关闭或移走它再生成示例数据。",
        "Cannot replace {}: it is read-only or a folder; close or move it, then write the samples again.",
        path.display()
    )
}

/// `custseg sample`: writing one sample file failed.
pub fn sample_write_failed(
    lang: Lang,
    path: &std::path::Path,
    err: &dyn std::fmt::Display,
) -> String {
    crate::say!(
        lang,
        "无法写入示例文件 {}（文件可能正在 Excel 中打开，或目录不可写）：{}。",
        "Cannot write the sample file {} (it may be open in Excel, or the folder is read-only): {}.",
        path.display(),
        err
    )
}

/// `custseg sample`: a writer stopped unexpectedly.
pub fn sample_failed(lang: Lang) -> String {
    crate::say!(
        lang,
        "生成示例数据时发生内部错误，未完成全部文件。",
        "An internal error stopped the sample writer; not every file was written."
    )
}

/// `custseg sample`: `--customers 0`.
pub fn sample_no_customers(lang: Lang) -> String {
    crate::say!(
        lang,
        "示例数据至少需要 1 个客户（--customers 1 或更多）。",
        "Sample data needs at least one customer (--customers 1 or more)."
    )
}

/// `custseg sample`: the previous-quarter and decoration files are left out of large samples.
pub fn sample_large_skipped(lang: Lang, limit: usize) -> String {
    crate::say!(
        lang,
        "客户数超过 {}：为节省时间，未生成上季度（2026Q2）和装饰业主示例文件。",
        "More than {} customers: the previous-quarter (2026Q2) and decoration sample files were left out to save time.",
        limit
    )
}

// ─────────────────── reading: doubtful input said (issue 14, part A) ───────────────────

/// Finding: two columns claim one field; the first is used.
pub fn read_field_claimed_twice(lang: Lang, first: &str, second: &str, field: &str) -> String {
    crate::say!(
        lang,
        "“{}”和“{}”两列都表示字段 {}",
        "columns “{}” and “{}” both mean the field {}",
        first,
        second,
        field
    )
}

/// Action: the first of two columns claiming one field is used.
pub fn read_action_first_column_used(lang: Lang, first: &str) -> String {
    crate::say!(
        lang,
        "使用“{}”列，另一列未使用",
        "column “{}” is used, the other is not",
        first
    )
}

/// Finding: a footer line (打印人, 审核, 第 1 页 共 3 页 …).
pub fn read_footer_row(lang: Lang) -> String {
    crate::say!(
        lang,
        "表尾行（制表/审核/页码），不是客户",
        "a footer line (prepared by, approved by, page number), not a customer"
    )
}

/// Finding: a hidden sheet was not read.
pub fn read_sheet_hidden(lang: Lang) -> String {
    crate::say!(
        lang,
        "隐藏的工作表，未读取（如需读取，请加 --include-hidden）",
        "a hidden sheet, not read (add --include-hidden to read it)"
    )
}

/// Error: a custseg result workbook was given as input.
pub fn read_own_result(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "{} 是 custseg 生成的结果工作簿，不是 ERP 导出数据。如需与上期结果对比，请用 --previous {} 指定它。",
        "{} is a result workbook written by custseg, not an ERP export. To compare with an earlier result, give it with --previous {}.",
        file,
        file
    )
}

/// Finding: a placeholder word (不详, 待补充, N/A …) read as a missing value.
pub fn read_placeholder(lang: Lang) -> String {
    crate::say!(
        lang,
        "占位词，按缺失值处理",
        "a placeholder word, read as a missing value"
    )
}

// ─────────────────── what was read, shown (issue 14, part C) ───────────────────

/// The read map: a sheet that was read, its role, header row and data rows.
pub fn shown_sheet(
    lang: Lang,
    file: &str,
    sheet: &str,
    role: &str,
    header: u32,
    rows: usize,
) -> String {
    crate::say!(
        lang,
        "读取 {} / {}：{}，表头第 {} 行，数据 {} 行",
        "Read {} / {}: {}, header on row {}, {} data rows",
        file,
        sheet,
        role,
        header,
        rows
    )
}

/// The read map: the column → field pairs of a sheet.
pub fn shown_columns(lang: Lang, pairs: &str) -> String {
    crate::say!(lang, "  列 → 字段：{}", "  column → field: {}", pairs)
}

/// The read map: the columns of a sheet that mean no field.
pub fn shown_unrecognised(lang: Lang, columns: &str) -> String {
    crate::say!(
        lang,
        "  未识别的列：{}",
        "  columns not recognised: {}",
        columns
    )
}

/// The read map: a sheet that was not read, and why.
pub fn shown_skipped(lang: Lang, file: &str, sheet: &str, why: &str) -> String {
    crate::say!(
        lang,
        "跳过 {} / {}：{}",
        "Skipped {} / {}: {}",
        file,
        sheet,
        why
    )
}

/// The read map: why a sheet without a finding was not read (说明 text, no data columns).
pub fn shown_no_data(lang: Lang) -> String {
    crate::say!(lang, "说明文字，没有数据列", "notes, no data columns")
}

/// The read map: the note on a column that means no field.
pub fn shown_column_unused(lang: Lang) -> String {
    crate::say!(lang, "未识别，未使用", "not recognised, not used")
}

/// The PDF's 数据质量 summary of the read map: files, sheets and rows.
pub fn shown_pdf_summary(
    lang: Lang,
    files: usize,
    sheets: usize,
    unrecognised: usize,
    skipped: usize,
) -> String {
    crate::say!(
        lang,
        "读取文件 {} 个、工作表 {} 张；未识别的列 {} 个，跳过的工作表 {} 张。每列对应的字段见工作簿“读取记录”表。",
        "Files read: {}, sheets read: {}; columns not recognised: {}, sheets skipped: {}. The workbook's Reading sheet gives each column's field.",
        files,
        sheets,
        unrecognised,
        skipped
    )
}

// ───────────────────────────── end of sections ─────────────────────────────
