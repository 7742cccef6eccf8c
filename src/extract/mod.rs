//! Stage 2, extract: find each sheet's header row, match its columns to canonical fields through
//! aliases, decide the sheet's role, and turn rows into customer records and events, recording a
//! finding for every row not used.
//!
//! Promises (SPEC §3):
//! - every data row (a non-blank row below a header, in a used sheet) is counted in `rows_read`
//!   and is either used or has exactly one finding with `rejected = true`;
//! - a totals row (合计/总计/小计) is read and rejected, never a customer;
//! - in a 往来单位 export, a row whose type (往来单位类型 …) names a supplier only is read and
//!   rejected, never a customer; 客户及供应商 and 客户 rows are customers;
//! - the same code twice in customers sheets is merged: each field keeps its first non-empty
//!   value, the later row only fills fields still empty, and gets one `DuplicateCode` finding
//!   (not rejected: its values are used);
//! - the same 统一社会信用代码 under two codes keeps both and flags the later one;
//! - satisfaction columns are put on 0–100 by their own values: largest value ≤ 5 → 5-point
//!   scale (×20), ≤ 10 → 10-point scale (×10), otherwise 0–100 as is; words are 5-point.
//!
//! The files, in the order the data goes through them: `sink` (files read on two threads, rows
//! taken as they come), `layout` (header, columns, role), `cells` (one cell for one field),
//! `builder` (the state and the row checks), `customers` and `detail` (rows by sheet role;
//! `party` tells a 往来单位 export's suppliers from its customers),
//! `assemble` (customers sheets first, then detail sheets), `finish` (join, credit codes, dates).

mod assemble;
mod builder;
mod cells;
mod customers;
mod dates;
mod detail;
mod finish;
mod layout;
mod party;
pub mod period;
mod sink;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Dataset, InputFile, RawSheet, SourceRow};
use crate::profile::Profile;

use assemble::assemble;
use sink::{read_all, SheetRead};

/// Where a detail row came from, in eight bytes (a year of sales is a million rows): the
/// sheet as an index into [`Extracted::places`] and the row number as Excel shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index into [`Extracted::places`].
    pub sheet: u32,
    /// Row number as Excel shows it.
    pub row: u32,
}

impl Place {
    /// The file, sheet and row, given the (file, sheet) table the sheet index points into.
    pub fn source(self, places: &[(String, String)]) -> SourceRow {
        let (file, sheet) = places.get(self.sheet as usize).cloned().unwrap_or_default();
        SourceRow {
            file,
            sheet,
            row: self.row,
        }
    }
}

/// One transaction line (销售明细/收款/合同).
#[derive(Debug, Clone)]
pub struct Transaction {
    /// The customer code, as its position in [`Extracted::codes`].
    pub code: u32,
    /// Document date.
    pub date: NaiveDate,
    /// Amount in 元 (negative for 红字/returns).
    pub amount: f64,
    /// Document number, when the sheet has one.
    pub doc_no: Option<Box<str>>,
    /// Where it came from.
    pub at: Place,
}

/// One usage record (登录/使用记录).
#[derive(Debug, Clone)]
pub struct UsageEvent {
    /// The customer code, as its position in [`Extracted::codes`].
    pub code: u32,
    /// Date of the login or use.
    pub date: NaiveDate,
    /// Module used, if given.
    pub module: Option<String>,
    /// Duration in hours, if given.
    pub hours: Option<f64>,
    /// Where it came from.
    pub at: Place,
}

/// One survey or service record (满意度/服务记录).
#[derive(Debug, Clone)]
pub struct SurveyEvent {
    /// The customer code, as its position in [`Extracted::codes`].
    pub code: u32,
    /// Score normalised to 0–100, if given.
    pub score: Option<f64>,
    /// Complaints counted by this row.
    pub complaints: f64,
    /// Date, if given.
    pub date: Option<NaiveDate>,
    /// Where it came from.
    pub at: Place,
}

/// A customers sheet holding pre-aggregated columns that detail rows may replace.
#[derive(Debug, Clone, Default)]
pub struct SummaryColumns {
    /// Input file name.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// (input header, canonical field) of each summary column.
    pub columns: Vec<(String, &'static str)>,
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
    /// Customers sheets with summary columns (累计金额, 登录次数, 满意度 …).
    pub summaries: Vec<SummaryColumns>,
    /// The date column's header of each detail sheet, by (file, sheet), for findings.
    pub date_columns: HashMap<(String, String), String>,
    /// (file, sheet) of each detail sheet, indexed by [`Place::sheet`].
    pub places: Vec<(String, String)>,
    /// The customer codes of the detail rows, each once in the order first seen (a million
    /// lines share a hundred thousand codes); the events refer to them by position.
    pub codes: Vec<DetailCode>,
}

/// A customer code as the detail rows give it.
#[derive(Debug, Clone, Default)]
pub struct DetailCode {
    /// The code as read.
    pub text: Box<str>,
    /// The customer it belongs to, as a position in the customers; None until the sheets
    /// are joined, and for a code no customer has (its rows are then rejected).
    pub customer: Option<usize>,
}

impl Extracted {
    /// The file, sheet and row of a detail row.
    pub fn source(&self, at: Place) -> SourceRow {
        at.source(&self.places)
    }

    /// Registers a detail sheet and gives its index for [`Place::sheet`].
    fn place(&mut self, file: &str, sheet: &str) -> u32 {
        self.places.push((file.to_string(), sheet.to_string()));
        (self.places.len() - 1) as u32
    }
}

/// Reads every input file (several files are one dataset, joined by customer code). The
/// findings and the errors carry their data and are worded where they are shown.
///
/// # Errors
/// An input error when a file cannot be read (see [`read::read_file`]) or when no sheet of any
/// file has a customer-code column.
///
/// # Examples
/// ```no_run
/// use custseg::{extract, model::Lang, profile::Profile};
/// let profile = Profile::builtin("software", Lang::Zh).unwrap()?;
/// let extracted = extract::load(&["客户档案.xlsx".into()], &profile)?;
/// println!("{} customers", extracted.dataset.customers.len());
/// # Ok::<(), custseg::Error>(())
/// ```
pub fn load(paths: &[PathBuf], profile: &Profile) -> Result<Extracted> {
    load_with(paths, profile, false)
}

/// As [`load`]; with `include_hidden`, hidden and very-hidden sheets are read too (by default
/// they are left out and listed).
///
/// # Errors
/// As [`load`].
pub fn load_with(paths: &[PathBuf], profile: &Profile, include_hidden: bool) -> Result<Extracted> {
    let fields = profile.field_matcher();
    let files = read_all(paths, &fields, include_hidden)?;
    assemble(files, &fields)
}

/// Turns the sheets of every file (as [`read::read_file`] gives them) into one dataset.
///
/// # Errors
/// An input error when no sheet of any file has a customer-code column.
pub fn from_sheets(files: Vec<(InputFile, Vec<RawSheet>)>, profile: &Profile) -> Result<Extracted> {
    let files = files
        .into_iter()
        .map(|(input, sheets)| (input, sheets.into_iter().map(SheetRead::Whole).collect()))
        .collect();
    assemble(files, &profile.field_matcher())
}
