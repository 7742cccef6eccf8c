//! Sentences of the workbook and the quarter comparison: sheet texts, notes, periods and names.

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

/// The result workbook could not be built (a rust_xlsxwriter error, e.g. no writable temp
/// folder); the library's words go to `--verbose`, the cause is said when the system gave one.
pub fn workbook_failed(lang: Lang, err: &rust_xlsxwriter::XlsxError) -> String {
    match crate::output::io_error_in(err) {
        Some(io) => crate::say!(
            lang,
            "无法在临时文件夹中生成结果工作簿：{}。请检查临时文件夹是否可写、磁盘空间是否充足。",
            "Could not build the result workbook in the temporary folder: {}. Check that the temporary folder is writable and the disk is not full.",
            folder_cause(lang, io)
        ),
        None => workbook_internal_error(lang),
    }
}

/// A previous result workbook could not be opened at all (the reader's own words go to
/// `--verbose`).
pub fn snapshot_unreadable(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "无法打开上期结果工作簿 {}：文件不存在、已损坏或不是 .xlsx 工作簿。",
        "Could not open the previous result workbook {}: it is missing, damaged or not an .xlsx workbook.",
        file
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

// ─────────────────── quarter comparison: periods, cut-offs, names ───────────────────

/// One quarter of a comparison as printed: "2026Q3（基准日 2026-09-30）"; the file's name when
/// its as-of date is unknown.
pub fn quarter_named(lang: Lang, facts: Option<&crate::model::PeriodFacts>, file: &str) -> String {
    match facts {
        Some(f) => crate::say!(
            lang,
            "{}（基准日 {}）",
            "{} (as of {})",
            f.period,
            f.as_of.format("%Y-%m-%d")
        ),
        None => crate::say!(lang, "{}（基准日未知）", "{} (as-of date unknown)", file),
    }
}

/// The heading of 季度变动 and of the report's page: both quarters, earlier first.
pub fn migration_title(lang: Lang, previous: &str, current: &str) -> String {
    crate::say!(
        lang,
        "季度变动：{} → {}",
        "Migration: {} → {}",
        previous,
        current
    )
}

/// The previous result whose quarter is compared.
pub fn migration_source(lang: Lang, file: &str) -> String {
    crate::say!(lang, "上期结果文件：{}", "Previous result file: {}", file)
}

/// A quarter whose result does not state its tier cut-offs.
pub fn cutoffs_unknown(lang: Lang) -> &'static str {
    lang.pick(
        "该期结果的参数表未记载分数线",
        "that result's settings sheet does not state its cut-offs",
    )
}

/// The tail of a name list cut short: "等 12 家".
pub fn and_more(lang: Lang, n: usize) -> String {
    crate::say!(lang, "等 {} 家", "and {} more", n)
}

/// Why a customer moved: the dimension that changed most and by how much.
pub fn moved_because(lang: Lang, dimension: &str, change: f64) -> String {
    crate::say!(lang, "{} {:+.1}", "{} {:+.1}", dimension, change)
}

// ───────────────────────────── clean values, plain words, the phone page (issue 19) ─────────────────────────────

/// The note on a 客户明细 cell written as a number or date whose input text differed.
pub fn workbook_as_written(lang: Lang, text: &str) -> String {
    crate::say!(lang, "原文：{}", "As written: {}", text)
}

// ─────────────────── P(alive) fell most, in 季度变动 (issue 20) ───────────────────

/// The heading of the list of customers whose P(alive) fell most: who counts and how many are
/// listed at most.
pub fn alive_fell_heading(lang: Lang, points: f64, listed: usize) -> String {
    crate::say!(
        lang,
        "存活概率下降最多的客户（两期都有、下降 ≥ {:.0} 个百分点，前 {} 名）",
        "Customers whose P(alive) fell most (in both quarters, down ≥ {:.0} points, top {})",
        points,
        listed
    )
}

/// How many customers' P(alive) fell that much, and how many of them the list shows.
pub fn alive_fell_count(lang: Lang, total: usize, points: f64, listed: usize) -> String {
    crate::say!(
        lang,
        "两期都有的客户中，{} 家的存活概率下降了 {:.0} 个百分点或更多；列出下降最多的 {} 家。",
        "{} customers in both quarters saw their P(alive) fall by {:.0} points or more; the {} largest falls are listed.",
        total,
        points,
        listed
    )
}

/// No customer in both quarters saw P(alive) fall that much.
pub fn alive_fell_none(lang: Lang, points: f64) -> String {
    crate::say!(
        lang,
        "两期都有的客户中，没有存活概率下降 {:.0} 个百分点或更多的客户。",
        "No customer in both quarters saw their P(alive) fall by {:.0} points or more.",
        points
    )
}

/// P(alive) before → now, in percent: "79.4% → 12.3%".
pub fn alive_before_now(before: f64, after: f64) -> String {
    format!("{:.1}% → {:.1}%", before * 100.0, after * 100.0)
}
