//! `custseg init`: write a profile for editing and a blank input template workbook.
//! OWNER: classification helper (stub).

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::model::Lang;

/// Writes the templates into `dir`; returns the paths written.
pub fn write_templates(dir: &Path, profile: &str, lang: Lang) -> Result<Vec<PathBuf>> {
    let _ = (dir, profile, lang);
    Ok(Vec::new())
}
