//! Stage 2, extract: find each sheet's header row, match its columns to canonical fields through
//! aliases, decide the sheet's role, and turn rows into customer records and events, recording a
//! finding for every row not used. OWNER: reading helper (stub).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Dataset, Lang, SourceRow};
use crate::profile::Profile;

/// One transaction line (销售明细/收款/合同).
#[derive(Debug, Clone)]
pub struct Transaction {
    /// Customer code.
    pub code: String,
    /// Document date.
    pub date: NaiveDate,
    /// Amount in 元 (negative for 红字/returns).
    pub amount: f64,
    /// Document number, when the sheet has one.
    pub doc_no: Option<String>,
    /// Where it came from.
    pub source: SourceRow,
}

/// One usage record (登录/使用记录).
#[derive(Debug, Clone)]
pub struct UsageEvent {
    /// Customer code.
    pub code: String,
    /// Date of the login or use.
    pub date: NaiveDate,
    /// Module used, if given.
    pub module: Option<String>,
    /// Duration in hours, if given.
    pub hours: Option<f64>,
    /// Where it came from.
    pub source: SourceRow,
}

/// One survey or service record (满意度/服务记录).
#[derive(Debug, Clone)]
pub struct SurveyEvent {
    /// Customer code.
    pub code: String,
    /// Score normalised to 0–100, if given.
    pub score: Option<f64>,
    /// Complaints counted by this row.
    pub complaints: f64,
    /// Date, if given.
    pub date: Option<NaiveDate>,
    /// Where it came from.
    pub source: SourceRow,
}

/// What the read and extract stages give: the customers with their own attributes, and the
/// detail rows still to be aggregated once the as-of date is known.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Customers, inputs, findings and row counts.
    pub dataset: Dataset,
    /// Transaction lines.
    pub transactions: Vec<Transaction>,
    /// Usage records.
    pub usage: Vec<UsageEvent>,
    /// Survey records.
    pub surveys: Vec<SurveyEvent>,
}

/// Reads every input file (several files are one dataset, joined by customer code).
pub fn load(paths: &[PathBuf], profile: &Profile, lang: Lang) -> Result<Extracted> {
    let _ = (paths, profile, lang);
    Ok(Extracted::default())
}
