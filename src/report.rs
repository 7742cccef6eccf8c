//! Stage 7, write report: the PDF management report of SPEC §6, built as bytes.
//! OWNER: report helper (stub).

use crate::error::Result;
use crate::font::Font;
use crate::model::Analysis;

/// Builds the PDF report.
pub fn build(analysis: &Analysis, font: &Font) -> Result<Vec<u8>> {
    let _ = (analysis, font);
    Ok(Vec::new())
}
