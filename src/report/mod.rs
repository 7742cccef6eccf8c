//! Stage 7, write report: the PDF management report of SPEC §6, built as bytes.
//!
//! Promises: A4 portrait, the sections of SPEC §6 in order (季度变动 only with a migration), each
//! in the outline; a running header with title and as-of date; "第 N 页 / 共 M 页" footers;
//! charts raster at ≥ 200 dpi; the font embedded and subset so the text can be searched and
//! copied; money stated with its unit. The same analysis gives the same pages.
//!
//! ```no_run
//! # use custseg::{font::Font, model::Lang, report, testdata};
//! let analysis = testdata::analysis(500, Lang::Zh);
//! let pdf = report::build(&analysis, &Font::embedded())?;
//! std::fs::write("管理报告.pdf", pdf).ok();
//! # Ok::<(), custseg::Error>(())
//! ```

pub mod format;
pub mod layout;
mod sections;

use crate::charts;
use crate::error::Result;
use crate::font::Font;
use crate::messages;
use crate::model::Analysis;
use crate::say;

use layout::Layout;

/// Builds the PDF report.
///
/// # Errors
/// An output error when the font cannot be used (or lacks a glyph the report needs) or a chart
/// cannot be drawn.
pub fn build(analysis: &Analysis, font: &Font) -> Result<Vec<u8>> {
    let lang = analysis.run.lang;
    charts::use_font(font, lang)?;
    let title = messages::report_title(lang);
    let mut doc = Layout::new(title, font, lang)?;
    let period = format::quarter(analysis.run.as_of, lang);
    let author = analysis
        .run
        .company
        .clone()
        .unwrap_or_else(|| "custseg".to_string());
    doc.set_info(
        &match &analysis.run.company {
            Some(c) => format!("{c} {title}（{period}）"),
            None => format!("{title}（{period}）"),
        },
        &author,
        &say!(
            lang,
            "客户分类、价值与流失风险分析，截至{}",
            "Customer tiers, value and churn risk as of {}",
            format::date(analysis.run.as_of, lang)
        ),
        &[title.to_string(), period.clone()],
    );
    sections::write_all(&mut doc, analysis)?;
    let header_left = match &analysis.run.company {
        Some(c) => format!("{c} · {title}"),
        None => title.to_string(),
    };
    let header_right = say!(
        lang,
        "{} · 截至 {}",
        "{} · as of {}",
        period,
        format::date(analysis.run.as_of, lang)
    );
    doc.finish(&header_left, &header_right)
}
