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

// ───────────────────────────── end of sections ─────────────────────────────
