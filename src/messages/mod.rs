//! Every sentence custseg says to a person, in Chinese and English, in one place.
//!
//! One file per stage group (reading, errors, findings, analysis, reasons, workbook, report,
//! owners, files), all re-exported here so callers write `messages::x`; add a sentence to its
//! stage's file. An error's sentence is chosen from its typed cause in errors.rs.

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

mod analysis;
mod errors;
mod files;
mod findings;
mod owners;
mod reading;
mod reasons;
mod report;
mod workbook;

pub use analysis::*;
pub use errors::*;
pub use files::*;
pub use findings::*;
pub use owners::*;
pub use reading::*;
pub use reasons::*;
pub use report::*;
pub use workbook::*;

// ───────────────────────────── command line and run (lib.rs, main.rs) ─────────────────────────────

/// The short usage shown when custseg is started with no argument (a double-click).
pub fn usage_no_args(lang: Lang) -> &'static str {
    lang.pick(
        "custseg 客户分类与管理报告\n\n用法：把客户档案（.xlsx/.xls/.csv）拖到 custseg 上，或在命令行运行：\n  custseg 客户档案.xlsx\n  custseg 客户档案.xlsx 销售明细.xlsx --previous 上季度_客户分类.xlsx\n  custseg sample 示例    （生成示例数据）\n  custseg --help         （全部选项）\n\n结果（客户分类.xlsx 和 管理报告.pdf）会写在输入文件旁边。",
        "custseg — customer segmentation and management report\n\nUsage: drag a customer workbook (.xlsx/.xls/.csv) onto custseg, or run:\n  custseg customers.xlsx --lang en\n  custseg customers.xlsx sales.xlsx --previous last_quarter_segments.xlsx --lang en\n  custseg sample samples    (write sample data)\n  custseg --help            (all options)\n\nThe outputs (segments .xlsx and report .pdf) are written next to the input.",
    )
}

/// Shown before waiting for Enter in a console window that custseg has to itself (Explorer).
pub fn press_enter_to_close(lang: Lang) -> &'static str {
    lang.pick("按回车键关闭窗口……", "Press Enter to close this window…")
}

// ───────────────────────────── end of sections ─────────────────────────────
