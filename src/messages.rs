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

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

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

// ───────────────────────────── end of sections ─────────────────────────────
