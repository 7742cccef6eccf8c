//! `custseg sample`: realistic sample workbooks as ERP software exports them.
//! OWNER: samples helper (stub).

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::model::Lang;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SampleOptions {
    /// Number of customers.
    pub customers: usize,
    /// Number of transaction lines (None: about 12 per customer).
    pub transactions: Option<usize>,
    /// Random seed.
    pub seed: u64,
}

/// Writes the sample workbooks into `dir`; returns the paths written.
pub fn write_samples(dir: &Path, options: &SampleOptions, lang: Lang) -> Result<Vec<PathBuf>> {
    let _ = (dir, options, lang);
    Ok(Vec::new())
}
