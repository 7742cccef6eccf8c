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

// ───────────────────────────── end of sections ─────────────────────────────
