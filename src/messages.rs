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

/// What was done about an unmapped industry.
pub fn unmapped_industry_action(lang: Lang) -> String {
    say!(
        lang,
        "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
        "Sized as \"other industries\" and grouped as Other; add a keyword under [[industry]] in the profile"
    )
}

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

// ───────────────────────────── samples and templates (sample.rs, init.rs) ─────────────────────────────

// ───────────────────────────── end of sections ─────────────────────────────
