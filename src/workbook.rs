//! Stage 6, write workbook: the annotated result workbook of SPEC §5, built as bytes.
//! OWNER: workbook helper (stub).

use crate::error::Result;
use crate::model::{Analysis, Lang, Migration};

/// Builds the result workbook.
pub fn build(analysis: &Analysis) -> Result<Vec<u8>> {
    let _ = analysis;
    Ok(Vec::new())
}

/// Builds the workbook of `custseg compare`: the 季度变动 sheet alone.
pub fn build_migration(migration: &Migration, lang: Lang) -> Result<Vec<u8>> {
    let _ = (migration, lang);
    Ok(Vec::new())
}
