//! Stage 2, extract: find each sheet's header row, match its columns to canonical fields through
//! aliases, decide the sheet's role, and turn rows into customer records and events, recording a
//! finding for every row not used.
//!
//! Promises (SPEC §3):
//! - every data row (a non-blank row below a header, in a used sheet) is counted in `rows_read`
//!   and is either used or has exactly one finding with `rejected = true`;
//! - a totals row (合计/总计/小计) is read and rejected, never a customer;
//! - the same code twice in customers sheets is merged: each field keeps its first non-empty
//!   value, the later row only fills fields still empty, and gets one `DuplicateCode` finding
//!   (not rejected: its values are used);
//! - the same 统一社会信用代码 under two codes keeps both and flags the later one;
//! - satisfaction columns are put on 0–100 by their own values: largest value ≤ 5 → 5-point
//!   scale (×20), ≤ 10 → 10-point scale (×10), otherwise 0–100 as is; words are 5-point.

pub mod period;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::fields::{field_for_key, header_key, Field, FieldType};
use crate::messages as msg;
use crate::model::{
    Cell, CustomerRecord, Dataset, Finding, FindingKind, InputFile, Lang, RawSheet, SheetInfo,
    SheetRole, SourceRow,
};
use crate::profile::Profile;
use crate::read;
use crate::values::{
    cell_date, cell_money, cell_number, cell_percent, cell_text, code_text, fold_width,
    parse_complaint, parse_number, parse_payment_model, satisfaction_word, split_list, trim,
    HeaderUnit, Parsed,
};

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

/// Reads every input file (several files are one dataset, joined by customer code).
///
/// # Errors
/// An input error when a file cannot be read (see [`read::read_file`]) or when no sheet of any
/// file has a customer-code column.
///
/// # Examples
/// ```no_run
/// use custseg::{extract, model::Lang, profile::Profile};
/// let profile = Profile::builtin("software", Lang::Zh).unwrap()?;
/// let extracted = extract::load(&["客户档案.xlsx".into()], &profile, Lang::Zh)?;
/// println!("{} customers", extracted.dataset.customers.len());
/// # Ok::<(), custseg::Error>(())
/// ```
pub fn load(paths: &[PathBuf], profile: &Profile, lang: Lang) -> Result<Extracted> {
    let files = read_all(paths, profile, lang)?;
    assemble(files, profile, lang)
}

/// Reads the files on two threads (each takes the next file when it is free, so one long file
/// does not hold the others up); the first error in path order wins.
fn read_all<'p>(paths: &[PathBuf], profile: &'p Profile, lang: Lang) -> Result<Vec<FileRead<'p>>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(path) = paths.get(i) else {
                return done;
            };
            let mut sink = FileSink::new(path, profile, lang);
            let result = read::read_file_into(path, lang, &mut sink).map(|input| {
                sink.settle();
                sink.read_customers();
                (input, sink.sheets)
            });
            let failed = result.is_err();
            done.push((i, result));
            if failed {
                // Later files would be read for nothing.
                next.store(paths.len(), std::sync::atomic::Ordering::Relaxed);
            }
        }
    };
    let mut results: Vec<(usize, Result<FileRead>)> = std::thread::scope(|s| {
        let other = (paths.len() > 1).then(|| s.spawn(work));
        let mut mine = work();
        if let Some(h) = other {
            match h.join() {
                Ok(theirs) => mine.extend(theirs),
                Err(_) => {
                    let name = paths.first().map(|p| p.display().to_string());
                    mine.push((
                        0,
                        Err(Error::input(msg::read_corrupt(
                            lang,
                            &name.unwrap_or_default(),
                            "panic",
                        ))),
                    ));
                }
            }
        }
        mine
    });
    results.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(paths.len());
    for (_, r) in results {
        out.push(r?);
    }
    Ok(out)
}

/// A file as the reader left it.
type FileRead<'p> = (InputFile, Vec<SheetRead<'p>>);

/// A sheet as the reader left it: whole; or a customers sheet turned into customers once its
/// file was read; or a sheet of transaction or usage lines turned into events row by row as it
/// was read. The last two keep only their rows down to the header.
enum SheetRead<'p> {
    Whole(RawSheet),
    /// A customers sheet already turned into customers on the reading thread.
    Customers(Box<ReadCustomers<'p>>),
    Streamed(Box<Streamed<'p>>),
}

/// A customers sheet turned into customers by itself (its codes not yet checked against the
/// other customers sheets): reading the values is the costly part and needs nothing else.
struct ReadCustomers<'p> {
    /// The rows down to the header.
    head: RawSheet,
    lay: Layout,
    /// The customers, findings and counts of the sheet's rows.
    part: Builder<'p>,
    data_rows: usize,
}

struct Streamed<'p> {
    /// The rows down to the header.
    head: RawSheet,
    lay: Layout,
    cols: DetailColumns,
    /// The events, findings and counts of the sheet's rows.
    part: Builder<'p>,
    data_rows: usize,
}

/// Receives one file's rows from the reader. A sheet's first rows are held until its header is
/// known; a sheet of transaction or usage lines is then read into events as the rows come, so
/// that a million lines are never held as cells. Other sheets are kept whole, and once the file
/// is read its customers sheets are turned into customers (`read_customers`).
struct FileSink<'p> {
    profile: &'p Profile,
    lang: Lang,
    file: String,
    sheets: Vec<SheetRead<'p>>,
    /// The current sheet's top rows while its header is not yet known.
    pending: Option<RawSheet>,
}

impl<'p> FileSink<'p> {
    fn new(path: &std::path::Path, profile: &'p Profile, lang: Lang) -> FileSink<'p> {
        let file = read::display_name(path);
        FileSink {
            profile,
            lang,
            file,
            sheets: Vec::new(),
            pending: None,
        }
    }

    /// Decides how the current sheet is read, once its top rows are in.
    fn settle(&mut self) {
        let Some(mut head) = self.pending.take() else {
            return;
        };
        let lay = layout(&head, self.profile)
            .filter(|l| matches!(l.role, SheetRole::Transactions | SheetRole::Usage));
        let Some(lay) = lay else {
            self.sheets.push(SheetRead::Whole(head));
            return;
        };
        let mut part = Builder::new(self.profile, self.lang);
        let cols = part.begin_detail(&head.file, &head.sheet, &lay, 100);
        let data = head
            .rows
            .split_off((lay.header_end + 1).min(head.rows.len()));
        let mut data_rows = 0;
        for (i, row) in data.iter().enumerate() {
            let number = head
                .first_row
                .saturating_add((lay.header_end + 1 + i) as u32);
            data_rows += usize::from(part.detail_row(&cols, number, row));
        }
        self.sheets.push(SheetRead::Streamed(Box::new(Streamed {
            head,
            lay,
            cols,
            part,
            data_rows,
        })));
    }
}

impl FileSink<'_> {
    /// Turns the customers sheets into customers, here on the reading thread while the other
    /// thread may still be reading a long file.
    fn read_customers(&mut self) {
        for read in &mut self.sheets {
            let SheetRead::Whole(sheet) = read else {
                continue;
            };
            let Some(lay) = layout(sheet, self.profile).filter(|l| l.role == SheetRole::Customers)
            else {
                continue;
            };
            let mut head = std::mem::take(sheet);
            let mut part = Builder::new(self.profile, self.lang);
            let data_rows = part.customers_sheet(&mut head, &lay);
            *read = SheetRead::Customers(Box::new(ReadCustomers {
                head,
                lay,
                part,
                data_rows,
            }));
        }
    }
}

impl read::RowSink for FileSink<'_> {
    fn sheet(&mut self, name: &str) {
        self.settle();
        self.pending = Some(RawSheet {
            file: self.file.clone(),
            sheet: name.to_string(),
            ..RawSheet::default()
        });
    }

    fn row(&mut self, number: u32, cells: &[Cell]) {
        if let Some(head) = &mut self.pending {
            head.push_row(number, cells.to_vec());
            if head.rows.len() >= HEADER_SCAN_ROWS {
                self.settle();
            }
            return;
        }
        match self.sheets.last_mut() {
            Some(SheetRead::Whole(sheet)) => sheet.push_row(number, cells.to_vec()),
            Some(SheetRead::Streamed(st)) => {
                st.data_rows += usize::from(st.part.detail_row(&st.cols, number, cells));
            }
            // Made only once the file is read.
            Some(SheetRead::Customers(_)) | None => {}
        }
    }
}

/// One recognised column of a sheet.
#[derive(Debug, Clone)]
struct Column {
    /// Index into the sheet's row vectors.
    index: usize,
    /// Header as written (trimmed).
    header: String,
    /// Canonical field, when the header means one.
    field: Option<&'static Field>,
    /// Unit given in the header.
    unit: Option<HeaderUnit>,
}

/// What was made of a sheet's top: header rows, columns, role.
#[derive(Debug, Clone)]
struct Layout {
    /// Index (into `rows`) of the last header row; data starts below it.
    header_end: usize,
    /// Index of the (first) header row.
    header_start: usize,
    columns: Vec<Column>,
    role: SheetRole,
}

impl Layout {
    fn col(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.field.is_some_and(|f| f.name == name))
    }

    fn has(&self, name: &str) -> bool {
        self.col(name).is_some()
    }
}

/// A header cell's text: numbers and dates count too (a column headed 2025 is kept).
fn header_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(s) => {
            let t = trim(s);
            (!t.is_empty()).then(|| t.to_string())
        }
        Cell::Empty | Cell::Error(_) => None,
        other => Some(other.display()),
    }
}

/// Distinct fields matched by a candidate header (one text per column).
fn score(texts: &[Option<String>], profile: &Profile) -> (bool, usize) {
    let mut seen = HashSet::new();
    for t in texts.iter().flatten() {
        if let Some(f) = field_for_key(&header_key(t).0, profile) {
            seen.insert(f.name);
        }
    }
    (seen.contains("code"), seen.len())
}

const HEADER_SCAN_ROWS: usize = 40;

/// A header candidate: its score (has a code column, fields matched), first and last row, texts.
type Candidate = ((bool, usize), usize, usize, Vec<Option<String>>);

/// A file's sheets with their layouts.
type LaidOut<'p> = (
    InputFile,
    Vec<(RawSheet, Option<Layout>, Option<Ready<'p>>)>,
);

/// A sheet's rows already made into customers or events on the reading thread.
enum Ready<'p> {
    Customers(Box<ReadCustomers<'p>>),
    Events(Box<Streamed<'p>>),
}

/// Finds the header: the row (or a group row plus its sub-header row) matching the most fields,
/// preferring one with a customer-code column. Title rows, 制表日期 and 单位 lines match none.
fn find_header(sheet: &RawSheet, profile: &Profile) -> Option<(usize, usize, Vec<Option<String>>)> {
    let scan = sheet.rows.len().min(HEADER_SCAN_ROWS);
    let texts: Vec<Vec<Option<String>>> = sheet.rows[..scan]
        .iter()
        .map(|r| r.iter().map(header_text).collect())
        .collect();
    let scores: Vec<(bool, usize)> = texts.iter().map(|t| score(t, profile)).collect();
    let mut best: Option<Candidate> = None;
    let mut consider = |s: (bool, usize), start: usize, end: usize, t: Vec<Option<String>>| {
        if s.1 == 0 {
            return;
        }
        if best.as_ref().is_none_or(|b| s > b.0) {
            best = Some((s, start, end, t));
        }
    };
    for r in 0..scan {
        consider(scores[r], r, r, texts[r].clone());
        if r + 1 < scan && scores[r].1 > 0 && scores[r + 1].1 > 0 {
            if let Some(merged) = merge_two_rows(&texts[r], &texts[r + 1], profile) {
                let s = score(&merged, profile);
                if s.1 > scores[r].1.max(scores[r + 1].1) {
                    consider(s, r, r + 1, merged);
                }
            }
        }
    }
    best.map(|(_, start, end, t)| (start, end, t))
}

/// A group row above sub-headers: the top row's fields stand over blank cells below (they were
/// merged vertically), the sub-header row fills the rest; the group texts over sub-headers are
/// dropped.
fn merge_two_rows(
    top: &[Option<String>],
    sub: &[Option<String>],
    profile: &Profile,
) -> Option<Vec<Option<String>>> {
    let width = top.len().max(sub.len());
    let mut merged = Vec::with_capacity(width);
    for i in 0..width {
        let t = top.get(i).cloned().flatten();
        let s = sub.get(i).cloned().flatten();
        let top_is_field = t
            .as_deref()
            .is_some_and(|t| field_for_key(&header_key(t).0, profile).is_some());
        if top_is_field && s.is_some() && s != t {
            return None;
        }
        merged.push(s.or(t));
    }
    Some(merged)
}

/// Decides the sheet's role from its fields.
fn role_of(layout_fields: &HashSet<&'static str>) -> SheetRole {
    let has = |n: &str| layout_fields.contains(n);
    if !has("code") {
        return SheetRole::Ignored;
    }
    const ATTRIBUTES: [&str; 24] = [
        "credit_code",
        "industry",
        "region",
        "founded",
        "employees",
        "revenue",
        "total_assets",
        "payment_model",
        "product",
        "needs",
        "budget",
        "purchase_amount",
        "deal_count",
        "first_purchase",
        "last_purchase",
        "renewal_rate",
        "login_count",
        "last_login",
        "tickets",
        "receivable",
        "overdue_days",
        "style",
        "house_area",
        "stage",
    ];
    let attributes = ATTRIBUTES.iter().filter(|a| has(a)).count();
    let money = has("amount") || (has("quantity") && has("unit_price"));
    if has("date") && money {
        SheetRole::Transactions
    } else if has("date") && (has("satisfaction") || has("complaints")) && attributes == 0 {
        SheetRole::Surveys
    } else if has("date") && attributes == 0 {
        SheetRole::Usage
    } else if attributes == 0 && !has("name") && (has("satisfaction") || has("complaints")) {
        SheetRole::Surveys
    } else {
        SheetRole::Customers
    }
}

fn layout(sheet: &RawSheet, profile: &Profile) -> Option<Layout> {
    let (start, end, texts) = find_header(sheet, profile)?;
    let mut columns = Vec::new();
    let mut fields = HashSet::new();
    for (index, t) in texts.into_iter().enumerate() {
        let Some(header) = t else { continue };
        let (key, unit) = header_key(&header);
        // The first column meaning a field takes it; a later one is kept as a plain column.
        let field = field_for_key(&key, profile).filter(|f| fields.insert(f.name));
        columns.push(Column {
            index,
            header,
            field,
            unit,
        });
    }
    Some(Layout {
        header_end: end,
        header_start: start,
        role: role_of(&fields),
        columns,
    })
}

/// True for a row that totals the ones above it (合计/总计/小计/共计, Total).
fn is_totals_row(row: &[Cell], code_index: usize) -> bool {
    let is_word = |c: &Cell| match c {
        Cell::Text(s) => {
            // Most cells start with something else: decide those without allocating.
            let first = trim(s).chars().next().unwrap_or(' ');
            if !"合总小共本累tTsS".contains(first) {
                return false;
            }
            let folded = fold_width(s);
            let t: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
            let t = t.to_lowercase();
            [
                "合计",
                "总计",
                "小计",
                "共计",
                "总合计",
                "本页合计",
                "本月合计",
                "本期合计",
                "本年累计",
                "累计",
            ]
            .iter()
            .any(|w| t.starts_with(w) && t.chars().count() <= w.chars().count() + 4)
                || matches!(
                    t.as_str(),
                    "total" | "grandtotal" | "subtotal" | "sum" | "totals"
                )
                || t.starts_with("total:")
        }
        _ => false,
    };
    match row.get(code_index) {
        Some(code) if !code.is_blank() && code_text(code).is_some() => is_word(code),
        _ => row.iter().any(is_word),
    }
}

/// How a satisfaction column's numbers are scaled to 0–100, from the largest number in it.
fn satisfaction_scale(rows: &[Vec<Cell>], index: usize) -> (u32, f64) {
    let mut max = f64::MIN;
    for row in rows {
        let v = match row.get(index) {
            Some(Cell::Number(n)) => Some(*n),
            Some(Cell::Text(s)) if satisfaction_word(s).is_none() => parse_number(s),
            _ => None,
        };
        if let Some(v) = v.filter(|v| v.is_finite()) {
            max = max.max(v);
        }
    }
    let scale = if max <= 5.0 {
        5
    } else if max <= 10.0 {
        10
    } else {
        100
    };
    (scale, if max == f64::MIN { 0.0 } else { max })
}

/// A satisfaction cell on 0–100.
fn satisfaction_value(cell: &Cell, scale: u32) -> Parsed<f64> {
    if let Cell::Text(s) = cell {
        if let Some(w) = satisfaction_word(s) {
            return Parsed::Value(w * 20.0);
        }
    }
    match cell_number(cell) {
        Parsed::Value(v) => Parsed::Value(v * 100.0 / scale as f64),
        other => other,
    }
}

/// A value read from one cell for one field.
#[derive(Debug, Clone)]
enum FieldValue {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    List(Vec<String>),
    Payment(crate::model::PaymentModel),
}

/// Why a value was not used.
enum Problem {
    Unreadable(&'static str),
    OutOfRange(&'static str),
}

fn kind_name(kind: FieldType) -> &'static str {
    match kind {
        FieldType::Money { .. } => "money",
        FieldType::Date => "date",
        FieldType::Percent => "percent",
        FieldType::Satisfaction => "satisfaction",
        FieldType::Payment => "payment",
        _ => "number",
    }
}

/// The plausible range of a numeric field, for the findings; `None` when any value is fine.
fn plausible(name: &str) -> Option<(f64, f64, &'static str)> {
    Some(match name {
        "employees" | "deal_count" | "login_count" | "tickets" | "complaints" | "projects"
        | "house_area" | "usage_hours" | "overdue_days" | "quantity" => (0.0, f64::MAX, "≥ 0"),
        "renewal_rate" => (0.0, 5.0, "0–500%"),
        "satisfaction" => (0.0, 100.0, "0–100"),
        "nps" => (0.0, 10.0, "0–10"),
        _ => return None,
    })
}

/// Reads one cell for a column's field. `sat_scale` is the column's satisfaction scale.
fn read_value(
    cell: &Cell,
    col: &Column,
    f: &Field,
    sat_scale: u32,
) -> std::result::Result<Option<FieldValue>, Problem> {
    let unreadable = Problem::Unreadable(kind_name(f.kind));
    let num = |p: Parsed<f64>| -> std::result::Result<Option<FieldValue>, Problem> {
        match p {
            Parsed::Blank => Ok(None),
            Parsed::Unreadable => Err(Problem::Unreadable(kind_name(f.kind))),
            Parsed::Value(v) => {
                if let Some((lo, hi, shown)) = plausible(f.name) {
                    if v < lo || v > hi {
                        return Err(Problem::OutOfRange(shown));
                    }
                }
                Ok(Some(FieldValue::Number(v)))
            }
        }
    };
    match f.kind {
        FieldType::Text | FieldType::Code => {
            Ok(cell_text(cell).map(|t| FieldValue::Text(t.into_owned())))
        }
        FieldType::List => Ok(cell_text(cell)
            .map(|t| split_list(&t))
            .filter(|l| !l.is_empty())
            .map(FieldValue::List)),
        FieldType::Number => {
            let factor = match col.unit {
                Some(HeaderUnit::Months) => 30.0,
                Some(HeaderUnit::Years) => 365.0,
                Some(HeaderUnit::Minutes) => 1.0 / 60.0,
                _ => 1.0,
            };
            num(match cell_number(cell) {
                Parsed::Value(v) => Parsed::Value(v * factor),
                other => other,
            })
        }
        FieldType::Money { stored } => {
            let stored = stored as f64;
            let default = match col.unit {
                Some(HeaderUnit::Money(u)) => u,
                _ => stored,
            };
            num(cell_money(cell, default, stored))
        }
        FieldType::Percent => num(cell_percent(cell, col.unit == Some(HeaderUnit::Percent))),
        FieldType::Date => match cell_date(cell) {
            Parsed::Blank => Ok(None),
            Parsed::Value(d) => Ok(Some(FieldValue::Date(d))),
            Parsed::Unreadable => Err(unreadable),
        },
        FieldType::Satisfaction => num(satisfaction_value(cell, sat_scale)),
        FieldType::Payment => match cell_text(cell) {
            None => Ok(None),
            Some(t) => parse_payment_model(&t)
                .map(|p| Some(FieldValue::Payment(p)))
                .ok_or(unreadable),
        },
        FieldType::Complaint => match cell {
            Cell::Number(n) => num(Parsed::Value(*n)),
            Cell::Bool(b) => Ok(Some(FieldValue::Number(if *b { 1.0 } else { 0.0 }))),
            _ => match cell_text(cell) {
                None => Ok(None),
                Some(t) => match parse_complaint(&t) {
                    Some(v) => num(Parsed::Value(v)),
                    None => Err(unreadable),
                },
            },
        },
    }
}

fn fill<T>(slot: &mut Option<T>, v: T) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

/// Sets a customer's field unless it already has a value (the first non-empty value wins).
fn set_field(rec: &mut CustomerRecord, name: &str, value: FieldValue) {
    use FieldValue as V;
    match (name, value) {
        ("name", V::Text(t)) => fill(&mut rec.name, t),
        ("credit_code", V::Text(t)) => fill(&mut rec.credit_code, t),
        ("industry", V::Text(t)) => fill(&mut rec.industry, t),
        ("region", V::Text(t)) => fill(&mut rec.region, t),
        ("product", V::Text(t)) => fill(&mut rec.product, t),
        ("style", V::Text(t)) => fill(&mut rec.style, t),
        ("stage", V::Text(t)) => fill(&mut rec.stage, t),
        ("founded", V::Date(d)) => fill(&mut rec.founded, d),
        ("first_purchase", V::Date(d)) => fill(&mut rec.first_purchase, d),
        ("last_purchase", V::Date(d)) => fill(&mut rec.last_purchase, d),
        ("last_login", V::Date(d)) => fill(&mut rec.last_login, d),
        ("payment_model", V::Payment(p)) => fill(&mut rec.payment_model, p),
        ("modules", V::List(l)) if rec.modules.is_empty() => rec.modules = l,
        ("needs", V::List(l)) if rec.needs.is_empty() => rec.needs = l,
        (name, V::Number(v)) => {
            let slot = match name {
                "employees" => &mut rec.employees,
                "revenue" => &mut rec.revenue,
                "total_assets" => &mut rec.total_assets,
                "budget" => &mut rec.budget,
                "purchase_amount" => &mut rec.purchase_amount,
                "deal_count" => &mut rec.deal_count,
                "renewal_rate" => &mut rec.renewal_rate,
                "login_count" => &mut rec.login_count,
                "usage_hours" => &mut rec.usage_hours,
                "tickets" => &mut rec.tickets,
                "satisfaction" => &mut rec.satisfaction,
                "nps" => &mut rec.nps,
                "complaints" => &mut rec.complaints,
                "receivable" => &mut rec.receivable,
                "overdue_days" => &mut rec.overdue_days,
                "house_area" => &mut rec.house_area,
                "projects" => &mut rec.projects,
                _ => return,
            };
            fill(slot, v);
        }
        _ => {}
    }
}

/// Merges a customer read again (the same code in another customers sheet) into the first one:
/// a field, or an input column, takes the later value only where it has none, as
/// [`set_field`] does row by row (of two blank cells, the first is kept).
fn merge_customer(into: &mut CustomerRecord, from: CustomerRecord) {
    let CustomerRecord {
        code: _,
        source: _,
        name,
        original,
        credit_code,
        industry,
        region,
        founded,
        employees,
        revenue,
        total_assets,
        payment_model,
        product,
        modules,
        needs,
        budget,
        purchase_amount,
        deal_count,
        first_purchase,
        last_purchase,
        renewal_rate,
        login_count,
        last_login,
        usage_hours,
        tickets,
        satisfaction,
        nps,
        complaints,
        receivable,
        overdue_days,
        style,
        house_area,
        projects,
        stage,
        amount_by_year: _,
    } = from;
    fn keep<T>(slot: &mut Option<T>, v: Option<T>) {
        if slot.is_none() {
            *slot = v;
        }
    }
    keep(&mut into.name, name);
    keep(&mut into.credit_code, credit_code);
    keep(&mut into.industry, industry);
    keep(&mut into.region, region);
    keep(&mut into.founded, founded);
    keep(&mut into.employees, employees);
    keep(&mut into.revenue, revenue);
    keep(&mut into.total_assets, total_assets);
    keep(&mut into.payment_model, payment_model);
    keep(&mut into.product, product);
    keep(&mut into.budget, budget);
    keep(&mut into.purchase_amount, purchase_amount);
    keep(&mut into.deal_count, deal_count);
    keep(&mut into.first_purchase, first_purchase);
    keep(&mut into.last_purchase, last_purchase);
    keep(&mut into.renewal_rate, renewal_rate);
    keep(&mut into.login_count, login_count);
    keep(&mut into.last_login, last_login);
    keep(&mut into.usage_hours, usage_hours);
    keep(&mut into.tickets, tickets);
    keep(&mut into.satisfaction, satisfaction);
    keep(&mut into.nps, nps);
    keep(&mut into.complaints, complaints);
    keep(&mut into.receivable, receivable);
    keep(&mut into.overdue_days, overdue_days);
    keep(&mut into.style, style);
    keep(&mut into.house_area, house_area);
    keep(&mut into.projects, projects);
    keep(&mut into.stage, stage);
    if into.modules.is_empty() {
        into.modules = modules;
    }
    if into.needs.is_empty() {
        into.needs = needs;
    }
    if into.original.len() < original.len() {
        into.original.resize(original.len(), Cell::Empty);
    }
    // Between two blanks (an empty cell, a cell of spaces) the first stays: the later sheet may
    // not have the column at all.
    for (mine, theirs) in into.original.iter_mut().zip(original) {
        if mine.is_blank() && !theirs.is_blank() {
            *mine = theirs;
        }
    }
}

/// Fields in a customers sheet that detail sheets of a role recompute.
const SUMMARY_FIELDS: [&str; 9] = [
    "purchase_amount",
    "deal_count",
    "first_purchase",
    "last_purchase",
    "login_count",
    "last_login",
    "usage_hours",
    "satisfaction",
    "complaints",
];

/// The run-wide state while sheets are turned into customers and events.
struct Builder<'a> {
    profile: &'a Profile,
    lang: Lang,
    out: Extracted,
    index: HashMap<String, usize>,
    /// Union of the customers sheets' headers.
    column_index: HashMap<String, usize>,
    has_customers_sheet: bool,
    /// The detail rows' codes in the order first seen, with the name and row where each was
    /// first seen (the customers when there is no customers sheet); events hold positions in it.
    detail_codes: Vec<(String, Option<String>, SourceRow)>,
    /// The position of each code in `detail_codes`.
    detail_ids: HashMap<String, u32>,
    /// The code column's header of each detail sheet, by (file, sheet).
    code_headers: HashMap<(String, String), String>,
}

struct RowPlace<'s> {
    file: &'s str,
    sheet: &'s str,
    row: u32,
}

impl<'p> Builder<'p> {
    fn new(profile: &'p Profile, lang: Lang) -> Builder<'p> {
        Builder {
            profile,
            lang,
            out: Extracted::default(),
            index: HashMap::new(),
            column_index: HashMap::new(),
            has_customers_sheet: false,
            detail_codes: Vec::new(),
            detail_ids: HashMap::new(),
            code_headers: HashMap::new(),
        }
    }

    /// Takes in a sheet that was turned into events while it was read, as if its rows were
    /// read here: events, findings, counts and the codes first seen in it, in that order.
    fn absorb(&mut self, streamed: Streamed, info: &mut SheetInfo) {
        let Builder {
            out,
            detail_codes,
            code_headers,
            ..
        } = streamed.part;
        let offset = self.out.places.len() as u32;
        let shift = |at: Place| Place {
            sheet: at.sheet + offset,
            row: at.row,
        };
        self.out.places.extend(out.places);
        // The part numbered its codes on its own: renumber them into this builder's list.
        let ids: Vec<u32> = detail_codes
            .into_iter()
            .map(|(code, name, source)| self.detail_id(code, name, source))
            .collect();
        let (mut transactions, mut usage, mut surveys) = (out.transactions, out.usage, out.surveys);
        let fix = |code: &mut u32, at: &mut Place| {
            *code = ids[*code as usize];
            *at = shift(*at);
        };
        transactions
            .iter_mut()
            .for_each(|t| fix(&mut t.code, &mut t.at));
        usage.iter_mut().for_each(|u| fix(&mut u.code, &mut u.at));
        surveys.iter_mut().for_each(|s| fix(&mut s.code, &mut s.at));
        join(&mut self.out.transactions, transactions);
        join(&mut self.out.usage, usage);
        join(&mut self.out.surveys, surveys);
        self.out.date_columns.extend(out.date_columns);
        self.out.dataset.findings.extend(out.dataset.findings);
        self.out.dataset.rows_read += out.dataset.rows_read;
        self.out.dataset.rows_rejected += out.dataset.rows_rejected;
        self.code_headers.extend(code_headers);
        info.data_rows += streamed.data_rows;
    }

    /// Takes in a customers sheet that was turned into customers by itself, as if its rows
    /// were read here: a code already known is a duplicate, merged into the first customer
    /// with it, and the sheet's findings come in row order with a row's duplicate finding first
    /// (tested against reading in order).
    fn absorb_customers(&mut self, sheet: &RawSheet, read: ReadCustomers, info: &mut SheetInfo) {
        info.data_rows += read.data_rows;
        let part = read.part;
        let Builder {
            out,
            index,
            column_index,
            ..
        } = part;
        if !self.has_customers_sheet {
            // The first customers sheet: what it made is what reading it here would make.
            self.out.dataset.findings.extend(out.dataset.findings);
            self.out.dataset.customers = out.dataset.customers;
            self.out.dataset.input_columns = out.dataset.input_columns;
            self.out.dataset.code_column = out.dataset.code_column;
            self.out.dataset.name_column = out.dataset.name_column;
            self.out.dataset.rows_read += out.dataset.rows_read;
            self.out.dataset.rows_rejected += out.dataset.rows_rejected;
            self.out.summaries.extend(out.summaries);
            self.index = index;
            self.column_index = column_index;
            self.has_customers_sheet = true;
            return;
        }
        let lang = self.lang;
        // Where each of the part's columns goes in the union of customers-sheet headers.
        let slots: Vec<usize> = out
            .dataset
            .input_columns
            .iter()
            .map(|h| {
                let next = self.column_index.len();
                let slot = *self.column_index.entry(h.clone()).or_insert(next);
                if slot == next {
                    self.out.dataset.input_columns.push(h.clone());
                }
                slot
            })
            .collect();
        let dataset = &mut self.out.dataset;
        if dataset.code_column.is_none() {
            dataset.code_column = out.dataset.code_column.map(|c| slots[c]);
        }
        if dataset.name_column.is_none() {
            dataset.name_column = out.dataset.name_column.map(|c| slots[c]);
        }
        dataset.rows_read += out.dataset.rows_read;
        dataset.rows_rejected += out.dataset.rows_rejected;
        self.out.summaries.extend(out.summaries);
        let code_header = read.lay.col("code").map(|c| c.header.clone());
        let before = self.out.dataset.findings.len();
        // A code the sheet repeats names the row where the sheet first had it; reading in order
        // names the earlier sheet's row where that sheet had the code too.
        let mut own = out.dataset.findings;
        for f in own
            .iter_mut()
            .filter(|f| f.kind == FindingKind::DuplicateCode)
        {
            if let Some(&p) = self.index.get(&f.value) {
                let first_row = self.out.dataset.customers[p].source.row;
                f.problem = msg::read_duplicate_code(lang, &f.value, first_row);
            }
        }
        let own_end = before + own.len();
        self.out.dataset.findings.extend(own);
        for mut rec in out.dataset.customers {
            let mut original = vec![Cell::Empty; self.column_index.len()];
            for (cell, &slot) in rec.original.iter_mut().zip(&slots) {
                original[slot] = std::mem::take(cell);
            }
            rec.original = original;
            let Some(&p) = self.index.get(&rec.code) else {
                self.index
                    .insert(rec.code.clone(), self.out.dataset.customers.len());
                self.out.dataset.customers.push(rec);
                continue;
            };
            let at = RowPlace {
                file: &sheet.file,
                sheet: &sheet.sheet,
                row: rec.source.row,
            };
            let first_row = self.out.dataset.customers[p].source.row;
            let problem = msg::read_duplicate_code(lang, &rec.code, first_row);
            let action = msg::read_action_merged(lang);
            let code = rec.code.clone();
            self.note(
                &at,
                code_header.as_deref(),
                code,
                FindingKind::DuplicateCode,
                problem,
                action,
            );
            merge_customer(&mut self.out.dataset.customers[p], rec);
        }
        // The sheet's findings by row, as reading its rows here in order gives them: a row's
        // duplicate-code finding first, then what was found in its cells.
        let mut sheet_findings: Vec<(bool, Finding)> = self
            .out
            .dataset
            .findings
            .drain(before..)
            .enumerate()
            .map(|(i, f)| (before + i < own_end, f))
            .collect();
        sheet_findings.sort_by_key(|(own, f)| (f.row, *own));
        self.out
            .dataset
            .findings
            .extend(sheet_findings.into_iter().map(|(_, f)| f));
    }

    /// A finding about a row that is still used.
    fn note(
        &mut self,
        at: &RowPlace,
        column: Option<&str>,
        value: String,
        kind: FindingKind,
        problem: String,
        action: String,
    ) {
        self.out.dataset.findings.push(Finding {
            file: at.file.to_string(),
            sheet: at.sheet.to_string(),
            row: Some(at.row),
            column: column.map(str::to_string),
            value,
            kind,
            problem,
            action,
            rejected: false,
        });
    }

    /// The one rejecting finding of a row left out.
    fn reject(
        &mut self,
        at: &RowPlace,
        column: Option<&str>,
        value: String,
        kind: FindingKind,
        problem: String,
    ) {
        let action = msg::read_action_row_left_out(self.lang);
        self.note(at, column, value, kind, problem, action);
        self.out.dataset.rows_rejected += 1;
        if let Some(f) = self.out.dataset.findings.last_mut() {
            f.rejected = true;
        }
    }

    fn sheet_finding(
        &mut self,
        file: &str,
        sheet: &str,
        kind: FindingKind,
        problem: String,
        action: String,
    ) {
        self.out.dataset.findings.push(Finding {
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: None,
            column: None,
            value: String::new(),
            kind,
            problem,
            action,
            rejected: false,
        });
    }

    /// Common row checks: blank rows are skipped (None), totals rows and rows without a code
    /// are rejected (None); otherwise the code.
    fn row_code(&mut self, row: &[Cell], at: &RowPlace, code_col: &Column) -> Option<String> {
        if is_totals_row(row, code_col.index) {
            let value = row
                .iter()
                .find(|c| !c.is_blank())
                .map(Cell::display)
                .unwrap_or_default();
            let problem = msg::read_totals_row(self.lang);
            self.reject(at, None, value, FindingKind::TotalsRow, problem);
            return None;
        }
        match row.get(code_col.index).and_then(code_text) {
            Some(code) => Some(code),
            None => {
                let value = row
                    .get(code_col.index)
                    .map(Cell::display)
                    .unwrap_or_default();
                let problem = msg::read_missing_code(self.lang);
                self.reject(
                    at,
                    Some(&code_col.header),
                    value,
                    FindingKind::MissingCode,
                    problem,
                );
                None
            }
        }
    }

    /// Reads a customers sheet into records. The data rows' cells move into the records'
    /// `original` (a sheet of 100 000 customers is not held twice); the rows down to the
    /// header stay in the sheet.
    /// Gives the number of data rows.
    fn customers_sheet(&mut self, sheet: &mut RawSheet, lay: &Layout) -> usize {
        self.has_customers_sheet = true;
        let lang = self.lang;
        let Some(code_col) = lay.col("code").cloned() else {
            return 0;
        };
        // Where each of this sheet's columns goes in the union of customers-sheet headers.
        let mut slots = Vec::with_capacity(lay.columns.len());
        for c in &lay.columns {
            let next = self.column_index.len();
            let slot = *self.column_index.entry(c.header.clone()).or_insert(next);
            if slot == next {
                self.out.dataset.input_columns.push(c.header.clone());
            }
            if c.field.is_some_and(|f| f.name == "code") && self.out.dataset.code_column.is_none() {
                self.out.dataset.code_column = Some(slot);
            }
            if c.field.is_some_and(|f| f.name == "name") && self.out.dataset.name_column.is_none() {
                self.out.dataset.name_column = Some(slot);
            }
            slots.push(slot);
        }
        let data = &sheet.rows[lay.header_end + 1..];
        let scales: HashMap<usize, u32> = lay
            .columns
            .iter()
            .filter(|c| c.field.is_some_and(|f| f.kind == FieldType::Satisfaction))
            .map(|c| (c.index, satisfaction_scale(data, c.index).0))
            .collect();
        let summary: Vec<(String, &'static str)> = lay
            .columns
            .iter()
            .filter_map(|c| {
                c.field
                    .filter(|f| SUMMARY_FIELDS.contains(&f.name))
                    .map(|f| (c.header.clone(), f.name))
            })
            .collect();
        if !summary.is_empty() {
            self.out.summaries.push(SummaryColumns {
                file: sheet.file.clone(),
                sheet: sheet.sheet.clone(),
                columns: summary,
            });
        }
        // The data rows move out; the rows down to the header stay.
        let first = (lay.header_end + 1).min(sheet.rows.len());
        let rows = sheet.rows.split_off(first);
        let mut data_rows = 0;
        for (i, mut row) in rows.into_iter().enumerate() {
            if row.iter().all(Cell::is_blank) {
                continue;
            }
            let at = RowPlace {
                file: &sheet.file,
                sheet: &sheet.sheet,
                row: sheet.first_row.saturating_add((first + i) as u32),
            };
            self.out.dataset.rows_read += 1;
            data_rows += 1;
            let Some(code) = self.row_code(&row, &at, &code_col) else {
                continue;
            };
            let existing = self.index.get(&code).copied();
            let pos = match existing {
                Some(p) => {
                    let first_row = self.out.dataset.customers[p].source.row;
                    let problem = msg::read_duplicate_code(lang, &code, first_row);
                    let action = msg::read_action_merged(lang);
                    self.note(
                        &at,
                        Some(&code_col.header),
                        code.clone(),
                        FindingKind::DuplicateCode,
                        problem,
                        action,
                    );
                    p
                }
                None => {
                    let p = self.out.dataset.customers.len();
                    self.index.insert(code.clone(), p);
                    self.out.dataset.customers.push(CustomerRecord {
                        code,
                        source: SourceRow {
                            file: sheet.file.clone(),
                            sheet: sheet.sheet.clone(),
                            row: at.row,
                        },
                        ..CustomerRecord::default()
                    });
                    p
                }
            };
            for (c, &slot) in lay.columns.iter().zip(&slots) {
                let Some(cell) = row.get_mut(c.index) else {
                    continue;
                };
                if let Some(f) = c.field.filter(|f| f.name != "code") {
                    let scale = scales.get(&c.index).copied().unwrap_or(100);
                    match read_value(cell, c, f, scale) {
                        Ok(Some(v)) => set_field(&mut self.out.dataset.customers[pos], f.name, v),
                        Ok(None) => {}
                        Err(p) => {
                            let (kind, problem) = match p {
                                Problem::Unreadable(k) => {
                                    (FindingKind::BadValue, msg::read_bad_value(lang, k))
                                }
                                Problem::OutOfRange(r) => {
                                    (FindingKind::OutOfRange, msg::read_out_of_range(lang, r))
                                }
                            };
                            let action = msg::read_action_value_blank(lang);
                            let value = cell.display();
                            self.note(&at, Some(&c.header), value, kind, problem, action);
                        }
                    }
                }
                let rec = &mut self.out.dataset.customers[pos];
                if rec.original.len() <= slot {
                    rec.original.resize(slot + 1, Cell::Empty);
                }
                if rec.original[slot].is_blank() {
                    rec.original[slot] = std::mem::take(cell);
                }
            }
        }
        data_rows
    }

    /// Reads one required or optional value of a detail row; a bad optional value is a finding
    /// on a used row, a bad required value rejects the row (returns Err(())).
    fn detail_value<T>(
        &mut self,
        at: &RowPlace,
        col: &Column,
        cell: Option<&Cell>,
        kind: &'static str,
        required: bool,
        parse: impl Fn(&Cell) -> Parsed<T>,
    ) -> std::result::Result<Option<T>, ()> {
        let lang = self.lang;
        let cell = cell.unwrap_or(&Cell::Empty);
        match parse(cell) {
            Parsed::Value(v) => Ok(Some(v)),
            Parsed::Blank if !required => Ok(None),
            Parsed::Blank => {
                let problem = msg::read_missing_value(lang, kind);
                self.reject(
                    at,
                    Some(&col.header),
                    cell.display(),
                    FindingKind::BadValue,
                    problem,
                );
                Err(())
            }
            Parsed::Unreadable if required => {
                let problem = msg::read_bad_value(lang, kind);
                self.reject(
                    at,
                    Some(&col.header),
                    cell.display(),
                    FindingKind::BadValue,
                    problem,
                );
                Err(())
            }
            Parsed::Unreadable => {
                let problem = msg::read_bad_value(lang, kind);
                let action = msg::read_action_value_blank(lang);
                self.note(
                    at,
                    Some(&col.header),
                    cell.display(),
                    FindingKind::BadValue,
                    problem,
                    action,
                );
                Ok(None)
            }
        }
    }

    /// The position of a detail row's code in `detail_codes`, noting the code (with the name
    /// and row) the first time it is seen.
    fn note_detail_code(
        &mut self,
        code: String,
        row: &[Cell],
        cols: &DetailColumns,
        at: &RowPlace,
    ) -> u32 {
        if let Some(&id) = self.detail_ids.get(&code) {
            return id;
        }
        let name = cols
            .name
            .as_ref()
            .and_then(|c| row.get(c.index))
            .and_then(cell_text)
            .map(|t| t.into_owned());
        let source = SourceRow {
            file: at.file.to_string(),
            sheet: at.sheet.to_string(),
            row: at.row,
        };
        self.detail_id(code, name, source)
    }

    /// The position of a code in `detail_codes`, added at the end when new.
    fn detail_id(&mut self, code: String, name: Option<String>, source: SourceRow) -> u32 {
        let next = self.detail_codes.len() as u32;
        match self.detail_ids.entry(code) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                self.detail_codes.push((e.key().clone(), name, source));
                e.insert(next);
                next
            }
        }
    }

    /// Looks up a detail sheet's columns once, before its rows.
    fn begin_detail(&mut self, file: &str, sheet: &str, lay: &Layout, scale: u32) -> DetailColumns {
        let code = lay.col("code").cloned();
        let key = (file.to_string(), sheet.to_string());
        if let Some(c) = &code {
            self.code_headers.insert(key.clone(), c.header.clone());
        }
        if let Some(dc) = lay.col("date") {
            self.out.date_columns.insert(key, dc.header.clone());
        }
        DetailColumns {
            place: self.out.place(file, sheet),
            file: file.to_string(),
            sheet: sheet.to_string(),
            role: lay.role,
            code,
            name: lay.col("name").cloned(),
            date: lay.col("date").cloned(),
            amount: lay.col("amount").cloned(),
            quantity: lay.col("quantity").cloned(),
            price: lay.col("unit_price").cloned(),
            doc: lay.col("doc_no").cloned(),
            module: lay.col("modules").cloned(),
            hours: lay.col("usage_hours").cloned(),
            score: lay.col("satisfaction").cloned(),
            complaint: lay.col("complaints").cloned(),
            scale,
        }
    }

    fn detail_sheet(&mut self, sheet: &RawSheet, lay: &Layout, info: &mut SheetInfo) {
        let data = &sheet.rows[lay.header_end + 1..];
        let scale = lay
            .col("satisfaction")
            .map_or(100, |c| satisfaction_scale(data, c.index).0);
        let cols = self.begin_detail(&sheet.file, &sheet.sheet, lay, scale);
        for (i, row) in data.iter().enumerate() {
            let number = sheet
                .first_row
                .saturating_add((lay.header_end + 1 + i) as u32);
            if self.detail_row(&cols, number, row) {
                info.data_rows += 1;
            }
        }
    }

    /// Reads one row of a detail sheet into an event, or rejects it with one finding. False for
    /// a blank row (not a data row).
    fn detail_row(&mut self, cols: &DetailColumns, number: u32, row: &[Cell]) -> bool {
        if row.iter().all(Cell::is_blank) {
            return false;
        }
        let Some(code_col) = &cols.code else {
            return false;
        };
        let at = RowPlace {
            file: &cols.file,
            sheet: &cols.sheet,
            row: number,
        };
        self.out.dataset.rows_read += 1;
        let Some(code) = self.row_code(row, &at, code_col) else {
            return true;
        };
        let place = Place {
            sheet: cols.place,
            row: number,
        };
        let (date_col, amount_col, qty_col, price_col, doc_col) = (
            &cols.date,
            &cols.amount,
            &cols.quantity,
            &cols.price,
            &cols.doc,
        );
        let (module_col, hours_col, score_col, complaint_col) =
            (&cols.module, &cols.hours, &cols.score, &cols.complaint);
        let scale = cols.scale;
        // A row left out (with its finding) returns early: it was a data row all the same.
        match cols.role {
            SheetRole::Transactions => {
                let Some(dc) = &date_col else { return true };
                let Ok(Some(date)) =
                    self.detail_value(&at, dc, row.get(dc.index), "date", true, cell_date)
                else {
                    return true;
                };
                let amount = if let Some(ac) = &amount_col {
                    let default = match ac.unit {
                        Some(HeaderUnit::Money(u)) => u,
                        _ => 1.0,
                    };
                    match self.detail_value(&at, ac, row.get(ac.index), "money", true, |c| {
                        cell_money(c, default, 1.0)
                    }) {
                        Ok(Some(v)) => v,
                        _ => return true,
                    }
                } else if let (Some(qc), Some(pc)) = (&qty_col, &price_col) {
                    let default = match pc.unit {
                        Some(HeaderUnit::Money(u)) => u,
                        _ => 1.0,
                    };
                    let Ok(Some(q)) =
                        self.detail_value(&at, qc, row.get(qc.index), "number", true, cell_number)
                    else {
                        return true;
                    };
                    let Ok(Some(p)) =
                        self.detail_value(&at, pc, row.get(pc.index), "money", true, |c| {
                            cell_money(c, default, 1.0)
                        })
                    else {
                        return true;
                    };
                    q * p
                } else {
                    return true;
                };
                let doc_no = doc_col
                    .as_ref()
                    .and_then(|c| row.get(c.index))
                    .and_then(code_text);
                let code = self.note_detail_code(code, row, cols, &at);
                self.out.transactions.push(Transaction {
                    code,
                    date,
                    amount,
                    doc_no: doc_no.map(String::into_boxed_str),
                    at: place,
                });
            }
            SheetRole::Usage => {
                let Some(dc) = &date_col else { return true };
                let Ok(Some(date)) =
                    self.detail_value(&at, dc, row.get(dc.index), "date", true, cell_date)
                else {
                    return true;
                };
                let module = module_col
                    .as_ref()
                    .and_then(|c| row.get(c.index))
                    .and_then(cell_text)
                    .map(|t| t.into_owned());
                let hours = match &hours_col {
                    Some(hc) => {
                        let factor = if hc.unit == Some(HeaderUnit::Minutes) {
                            1.0 / 60.0
                        } else {
                            1.0
                        };
                        self.detail_value(&at, hc, row.get(hc.index), "number", false, |c| {
                            match cell_number(c) {
                                Parsed::Value(v) if v >= 0.0 => Parsed::Value(v * factor),
                                Parsed::Value(_) => Parsed::Unreadable,
                                other => other,
                            }
                        })
                        .ok()
                        .flatten()
                    }
                    None => None,
                };
                let code = self.note_detail_code(code, row, cols, &at);
                self.out.usage.push(UsageEvent {
                    code,
                    date,
                    module,
                    hours,
                    at: place,
                });
            }
            SheetRole::Surveys => {
                let date = match &date_col {
                    Some(dc) => self
                        .detail_value(&at, dc, row.get(dc.index), "date", false, cell_date)
                        .ok()
                        .flatten(),
                    None => None,
                };
                let score = match &score_col {
                    Some(sc) => self.detail_value(
                        &at,
                        sc,
                        row.get(sc.index),
                        "satisfaction",
                        complaint_col.is_none(),
                        |c| match satisfaction_value(c, scale) {
                            Parsed::Value(v) if !(0.0..=100.0).contains(&v) => Parsed::Unreadable,
                            other => other,
                        },
                    ),
                    None => Ok(None),
                };
                let Ok(score) = score else { return true };
                let complaints = match &complaint_col {
                    Some(cc) => self.detail_value(
                        &at,
                        cc,
                        row.get(cc.index),
                        "number",
                        score.is_none(),
                        |c| match c {
                            Cell::Number(n) if *n >= 0.0 => Parsed::Value(*n),
                            Cell::Bool(b) => Parsed::Value(if *b { 1.0 } else { 0.0 }),
                            _ => match cell_text(c) {
                                None => Parsed::Blank,
                                Some(t) => parse_complaint(&t)
                                    .filter(|v| *v >= 0.0)
                                    .map_or(Parsed::Unreadable, Parsed::Value),
                            },
                        },
                    ),
                    None => Ok(None),
                };
                let Ok(complaints) = complaints else {
                    return true;
                };
                if score.is_none() && complaints.is_none() {
                    // Neither value given (both blank): the row says nothing.
                    let col = score_col
                        .as_ref()
                        .or(complaint_col.as_ref())
                        .unwrap_or(code_col);
                    let problem = msg::read_missing_value(self.lang, "satisfaction");
                    self.reject(
                        &at,
                        Some(&col.header),
                        String::new(),
                        FindingKind::BadValue,
                        problem,
                    );
                    return true;
                }
                let code = self.note_detail_code(code, row, cols, &at);
                self.out.surveys.push(SurveyEvent {
                    code,
                    score,
                    complaints: complaints.unwrap_or(0.0),
                    date,
                    at: place,
                });
            }
            _ => {}
        }
        true
    }
}

/// Appends `more` to `all`, without copying when `all` is still empty (a million lines).
fn join<T>(all: &mut Vec<T>, mut more: Vec<T>) {
    if all.is_empty() {
        *all = more;
    } else {
        all.append(&mut more);
    }
}

/// The columns of one detail sheet, looked up once.
struct DetailColumns {
    place: u32,
    file: String,
    sheet: String,
    role: SheetRole,
    code: Option<Column>,
    name: Option<Column>,
    date: Option<Column>,
    amount: Option<Column>,
    quantity: Option<Column>,
    price: Option<Column>,
    doc: Option<Column>,
    module: Option<Column>,
    hours: Option<Column>,
    score: Option<Column>,
    complaint: Option<Column>,
    /// The satisfaction column's scale (5, 10 or 100).
    scale: u32,
}

/// The headers of a sheet, or when no header was recognised, the texts of its first row with
/// two or more cells (else its first non-blank row).
fn columns_found(sheet: &RawSheet, lay: Option<&Layout>) -> Vec<String> {
    if let Some(l) = lay {
        return l.columns.iter().map(|c| c.header.clone()).collect();
    }
    let texts = |r: &Vec<Cell>| -> Vec<String> {
        r.iter()
            .filter(|c| !c.is_blank())
            .map(Cell::display)
            .collect()
    };
    sheet
        .rows
        .iter()
        .find(|r| r.iter().filter(|c| !c.is_blank()).count() >= 2)
        .or_else(|| sheet.rows.iter().find(|r| !r.iter().all(Cell::is_blank)))
        .map(texts)
        .unwrap_or_default()
}

/// Turns the sheets of every file (as [`read::read_file`] gives them) into one dataset.
///
/// # Errors
/// An input error when no sheet of any file has a customer-code column.
pub fn from_sheets(
    files: Vec<(InputFile, Vec<RawSheet>)>,
    profile: &Profile,
    lang: Lang,
) -> Result<Extracted> {
    let files = files
        .into_iter()
        .map(|(input, sheets)| (input, sheets.into_iter().map(SheetRead::Whole).collect()))
        .collect();
    assemble(files, profile, lang)
}

fn assemble(files: Vec<FileRead>, profile: &Profile, lang: Lang) -> Result<Extracted> {
    let mut b = Builder::new(profile, lang);
    // Lay out every sheet first: customers sheets are read before detail sheets whatever the
    // file order, so that detail codes can be checked against them.
    let mut laid: Vec<LaidOut> = files
        .into_iter()
        .map(|(input, sheets)| {
            let sheets = sheets
                .into_iter()
                .map(|read| match read {
                    SheetRead::Whole(s) => {
                        let lay = layout(&s, b.profile);
                        (s, lay, None)
                    }
                    SheetRead::Customers(mut read) => {
                        let head = std::mem::take(&mut read.head);
                        let lay = Some(read.lay.clone());
                        (head, lay, Some(Ready::Customers(read)))
                    }
                    SheetRead::Streamed(mut st) => {
                        let head = std::mem::take(&mut st.head);
                        let lay = Some(st.lay.clone());
                        (head, lay, Some(Ready::Events(st)))
                    }
                })
                .collect();
            (input, sheets)
        })
        .collect();
    b.out.dataset.period_end = laid
        .iter()
        .flat_map(|(_, sheets)| sheets.iter())
        .filter_map(|(s, l, _)| {
            let l = l.as_ref()?;
            crate::extract::period::stated_period_end(s, l.header_start)
        })
        .max();
    let any_code = laid.iter().any(|(_, sheets)| {
        sheets
            .iter()
            .any(|(_, l, _)| l.as_ref().is_some_and(|l| l.has("code")))
    });
    if !any_code {
        let names: Vec<String> = laid
            .iter()
            .map(|(i, _)| {
                std::path::Path::new(&i.path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        let mut columns: Vec<String> = Vec::new();
        for (_, sheets) in &laid {
            for (s, l, _) in sheets {
                let found = columns_found(s, l.as_ref());
                for c in found {
                    // One list over all sheets, each header once.
                    if !columns.contains(&c) {
                        columns.push(c);
                    }
                }
            }
        }
        columns.truncate(30);
        let sep = lang.pick("、", ", ");
        let shown = if columns.is_empty() {
            lang.pick("（无）", "(none)").to_string()
        } else {
            columns.join(sep)
        };
        return Err(Error::input(msg::read_no_code_column(
            lang,
            &names.join(sep),
            &shown,
        )));
    }
    for pass in [true, false] {
        for (input, sheets) in laid.iter_mut() {
            for (sheet, lay, ready) in sheets.iter_mut() {
                let is_customers = lay.as_ref().is_some_and(|l| l.role == SheetRole::Customers);
                if is_customers != pass {
                    continue;
                }
                let mut info = SheetInfo {
                    name: sheet.sheet.clone(),
                    role: lay.as_ref().map_or(SheetRole::Ignored, |l| l.role),
                    header_row: lay
                        .as_ref()
                        .map_or(0, |l| sheet.first_row.saturating_add(l.header_start as u32)),
                    data_rows: 0,
                    columns: lay
                        .as_ref()
                        .map(|l| {
                            l.columns
                                .iter()
                                .filter_map(|c| {
                                    c.field.map(|f| (c.header.clone(), f.name.to_string()))
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                match (lay.as_ref(), ready.take()) {
                    (_, Some(Ready::Customers(read))) => {
                        b.absorb_customers(sheet, *read, &mut info)
                    }
                    (_, Some(Ready::Events(st))) => b.absorb(*st, &mut info),
                    (Some(l), None) if l.role == SheetRole::Customers => {
                        info.data_rows += b.customers_sheet(sheet, l);
                    }
                    (Some(l), None) if l.role != SheetRole::Ignored => {
                        b.detail_sheet(sheet, l, &mut info)
                    }
                    _ => {
                        let empty = sheet.rows.iter().all(|r| r.iter().all(Cell::is_blank));
                        let problem = if empty {
                            msg::read_sheet_empty(lang)
                        } else {
                            let cols = columns_found(sheet, lay.as_ref());
                            msg::read_sheet_no_code(lang, &cols.join(lang.pick("、", ", ")))
                        };
                        let action = msg::read_action_sheet_skipped(lang);
                        b.sheet_finding(
                            &sheet.file,
                            &sheet.sheet,
                            FindingKind::SheetSkipped,
                            problem,
                            action,
                        );
                    }
                }
                input.sheets.push(info);
            }
        }
    }
    // Sheet infos were pushed customers-first; put them back in workbook order.
    for (input, sheets) in laid.iter_mut() {
        let order: Vec<&str> = sheets.iter().map(|(s, _, _)| s.sheet.as_str()).collect();
        input.sheets.sort_by_key(|i| {
            order
                .iter()
                .position(|n| *n == i.name)
                .unwrap_or(usize::MAX)
        });
    }
    b.out.dataset.inputs = laid.into_iter().map(|(i, _)| i).collect();
    finish(&mut b);
    Ok(b.out)
}

/// Joins detail rows to customers, flags shared credit codes, pads `original`, finds the
/// latest date.
fn finish(b: &mut Builder) {
    let lang = b.lang;
    if b.has_customers_sheet {
        b.out.codes = std::mem::take(&mut b.detail_codes)
            .into_iter()
            .map(|(code, _, _)| DetailCode {
                customer: b.index.get(&code).copied(),
                text: code.into_boxed_str(),
            })
            .collect();
        let codes = &b.out.codes;
        let mut unknown: Vec<(Place, u32)> = Vec::new();
        let mut known = |code: u32, at: Place| {
            codes[code as usize].customer.is_some() || {
                unknown.push((at, code));
                false
            }
        };
        b.out.transactions.retain(|t| known(t.code, t.at));
        b.out.usage.retain(|u| known(u.code, u.at));
        b.out.surveys.retain(|s| known(s.code, s.at));
        for (place, code) in unknown {
            let src = b.out.source(place);
            let at = RowPlace {
                file: &src.file,
                sheet: &src.sheet,
                row: src.row,
            };
            let problem = msg::read_unknown_customer(lang);
            let header = b
                .code_headers
                .get(&(src.file.clone(), src.sheet.clone()))
                .cloned();
            let value = b.out.codes[code as usize].text.to_string();
            b.reject(
                &at,
                header.as_deref(),
                value,
                FindingKind::UnknownCustomer,
                problem,
            );
        }
    } else {
        for (code, name, source) in std::mem::take(&mut b.detail_codes) {
            let customer = b.out.dataset.customers.len();
            b.out.codes.push(DetailCode {
                text: code.as_str().into(),
                customer: Some(customer),
            });
            b.index.insert(code.clone(), customer);
            b.out.dataset.customers.push(CustomerRecord {
                code,
                name,
                source,
                ..CustomerRecord::default()
            });
        }
    }
    let width = b.out.dataset.input_columns.len();
    for c in &mut b.out.dataset.customers {
        c.original.resize(width, Cell::Empty);
    }
    let mut credit: HashMap<String, String> = HashMap::new();
    let mut shared = Vec::new();
    for c in &b.out.dataset.customers {
        let Some(cc) = c.credit_code.as_deref() else {
            continue;
        };
        let key: String = fold_width(cc)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        match credit.get(&key) {
            Some(first) if *first != c.code => {
                shared.push((c.source.clone(), cc.to_string(), first.clone()))
            }
            Some(_) => {}
            None => {
                credit.insert(key, c.code.clone());
            }
        }
    }
    let credit_header = b
        .out
        .dataset
        .input_columns
        .iter()
        .find(|h| {
            field_for_key(&header_key(h).0, b.profile).is_some_and(|f| f.name == "credit_code")
        })
        .cloned();
    for (src, value, first) in shared {
        let at = RowPlace {
            file: &src.file,
            sheet: &src.sheet,
            row: src.row,
        };
        let problem = msg::read_duplicate_credit(lang, &first);
        let action = msg::read_action_both_kept(lang);
        b.note(
            &at,
            credit_header.as_deref(),
            value,
            FindingKind::DuplicateCreditCode,
            problem,
            action,
        );
    }
    let today = chrono::Local::now().date_naive();
    let d = &b.out;
    let latest = d
        .transactions
        .iter()
        .map(|t| t.date)
        .chain(d.usage.iter().map(|u| u.date))
        .chain(d.surveys.iter().filter_map(|s| s.date))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_purchase))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_login))
        .filter(|d| *d <= today)
        .max();
    b.out.dataset.latest_date = latest;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, PaymentModel};

    /// Aggregates, the customers kept in the dataset for these tests' look-ups.
    fn aggregate(e: Extracted, as_of: NaiveDate, lang: Lang) -> Dataset {
        let a = crate::aggregate::aggregate(e, as_of, lang);
        Dataset {
            customers: a.customers,
            ..a.dataset
        }
    }

    fn fixture(name: &str) -> PathBuf {
        crate::read::fixtures::dir().join(name)
    }

    fn profile() -> Profile {
        Profile::builtin("software", Lang::Zh).unwrap().unwrap()
    }

    fn load_fixtures(names: &[&str]) -> Extracted {
        let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
        load(&paths, &profile(), Lang::Zh).unwrap_or_else(|e| panic!("{names:?}: {e}"))
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// rows_read = used + rejected, where used rows are counted from what was built, and every
    /// rejected row has exactly one rejecting finding.
    fn assert_accounting(d: &Dataset, used: usize) {
        let rejecting: Vec<_> = d.findings.iter().filter(|f| f.rejected).collect();
        assert_eq!(
            d.rows_rejected,
            rejecting.len(),
            "rejected rows vs rejecting findings"
        );
        let mut rows: Vec<_> = rejecting
            .iter()
            .map(|f| (&f.file, &f.sheet, f.row))
            .collect();
        rows.sort();
        rows.dedup();
        assert_eq!(
            rows.len(),
            rejecting.len(),
            "a row rejected twice: {rejecting:?}"
        );
        assert!(rejecting.iter().all(|f| f.row.is_some()));
        assert_eq!(
            d.rows_read,
            used + d.rows_rejected,
            "rows_read = used + rejected"
        );
    }

    fn customer<'a>(d: &'a Dataset, code: &str) -> &'a CustomerRecord {
        d.customers
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("no customer {code}"))
    }

    fn used_customer_rows(e: &Extracted) -> usize {
        let merged = e
            .dataset
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::DuplicateCode)
            .count();
        e.dataset.customers.len() + merged
    }

    #[test]
    fn every_format_reads_the_same_customers() {
        for name in [
            "basic.xlsx",
            "basic.xlsb",
            "basic.xls",
            "basic.ods",
            "basic.csv",
            "basic_bom.csv",
            "basic_gbk.csv",
            "basic_tab.txt",
            "basic_utf16.txt",
            "really_xlsx.csv",
        ] {
            let e = load_fixtures(&[name]);
            let d = &e.dataset;
            assert_eq!(d.customers.len(), 5, "{name}: customers");
            assert_accounting(d, used_customer_rows(&e));
            assert_eq!(d.rows_read, 5, "{name}");
            assert!(d.findings.is_empty(), "{name}: {:?}", d.findings);
            assert_eq!(d.input_columns.len(), 11, "{name}: {:?}", d.input_columns);
            assert_eq!(d.input_columns[5], "营业收入（万元）", "{name}");
            assert_eq!((d.code_column, d.name_column), (Some(0), Some(1)), "{name}");
            assert_eq!(d.inputs[0].sha256.len(), 64, "{name}");
            assert_eq!(d.inputs[0].sheets[0].role, SheetRole::Customers, "{name}");
            let c1 = customer(d, "C001");
            assert_eq!(
                c1.name.as_deref(),
                Some("华东精密机械制造有限公司"),
                "{name}"
            );
            assert_eq!(
                c1.original[1].display(),
                "华东精密机械制造有限公司",
                "{name}"
            );
            assert_eq!(c1.source.row, 2, "{name}");
            assert_eq!(c1.employees, Some(350.0), "{name}");
            assert_eq!(c1.revenue, Some(25000.0), "{name}: revenue in 万元");
            assert_eq!(c1.payment_model, Some(PaymentModel::Subscription), "{name}");
            assert_eq!(c1.modules, vec!["总账", "报表"], "{name}");
            assert_eq!(c1.satisfaction, Some(80.0), "{name}: 4 of 5");
            assert_eq!(c1.last_purchase, Some(date(2026, 8, 15)), "{name}");
            assert_eq!(c1.renewal_rate, Some(0.85), "{name}");
            let c2 = customer(d, "C002");
            assert_eq!(c2.renewal_rate, Some(0.6), "{name}");
            assert_eq!(c2.satisfaction, Some(100.0), "{name}");
            assert_eq!(c2.payment_model, Some(PaymentModel::OneTime), "{name}");
            let c3 = customer(d, "C003");
            assert_eq!(c3.modules, vec!["供应链", "库存"], "{name}");
            assert_eq!(c3.payment_model, Some(PaymentModel::Custom), "{name}");
            assert_eq!(c3.renewal_rate, None, "{name}");
            let c5 = customer(d, "C005");
            assert_eq!(
                (c5.payment_model, c5.satisfaction, c5.last_purchase),
                (None, None, None),
                "{name}"
            );
            assert_eq!(d.latest_date, Some(date(2026, 9, 20)), "{name}");
        }
    }

    #[test]
    fn title_rows_blank_column_totals_and_leading_zeros() {
        for name in ["messy.xlsx", "messy.xls"] {
            let e = load_fixtures(&[name]);
            let d = &e.dataset;
            assert_eq!(d.inputs[0].sheets[0].header_row, 5, "{name}");
            let codes: Vec<&str> = d.customers.iter().map(|c| c.code.as_str()).collect();
            assert_eq!(codes, ["000123", "1001", "000124", "123"], "{name}");
            assert_eq!(d.rows_read, 7, "{name}");
            assert_eq!(d.rows_rejected, 3, "{name}");
            assert_accounting(d, used_customer_rows(&e));
            assert_eq!(
                d.input_columns,
                [
                    "序号",
                    "客户编码",
                    "客户名称",
                    "行业",
                    "员工人数",
                    "营业收入(万元)",
                    "累计购买金额(元)"
                ],
                "{name}"
            );
            let c = customer(d, "000124");
            assert_eq!(c.revenue, Some(12000.0), "{name}: 1.2亿 in 万元");
            assert_eq!(c.purchase_amount, Some(30000.0), "{name}");
            assert_eq!(c.employees, None, "{name}");
            assert_eq!(
                customer(d, "000123").purchase_amount,
                Some(120000.0),
                "{name}"
            );
            assert_eq!(
                customer(d, "123").employees,
                None,
                "{name}: -5 is out of range"
            );
            let found: Vec<(Option<u32>, FindingKind, bool)> = d
                .findings
                .iter()
                .map(|f| (f.row, f.kind, f.rejected))
                .collect();
            assert_eq!(
                found,
                [
                    (Some(9), FindingKind::BadValue, false),
                    (Some(10), FindingKind::MissingCode, true),
                    (Some(11), FindingKind::OutOfRange, false),
                    (Some(12), FindingKind::TotalsRow, true),
                    (Some(13), FindingKind::MissingCode, true),
                ],
                "{name}"
            );
            assert_eq!(d.findings[0].column.as_deref(), Some("员工人数"));
            assert_eq!(d.findings[0].value, "约五十人");
        }
    }

    #[test]
    fn two_row_header_with_units() {
        let e = load_fixtures(&["two_row_header.xlsx"]);
        let d = &e.dataset;
        assert_eq!(d.inputs[0].sheets[0].header_row, 2);
        assert_eq!(d.customers.len(), 2);
        assert_accounting(d, used_customer_rows(&e));
        let k1 = customer(d, "K01");
        assert_eq!(k1.name.as_deref(), Some("一号公司"));
        assert_eq!(k1.employees, Some(30.0));
        assert_eq!(k1.revenue, Some(5000.0), "50000 千元 = 5000 万元");
        assert_eq!(k1.total_assets, Some(15000.0), "1.5 亿元 = 15000 万元");
        assert_eq!(k1.payment_model, Some(PaymentModel::Subscription));
        assert_eq!(
            customer(d, "K02").payment_model,
            Some(PaymentModel::OneTime)
        );
        assert_eq!(k1.source.row, 4);
    }

    #[test]
    fn duplicate_codes_merge_and_credit_codes_flag() {
        let e = load_fixtures(&["duplicates.xlsx"]);
        let d = &e.dataset;
        assert_eq!(d.customers.len(), 3);
        assert_eq!(d.rows_read, 4);
        assert_eq!(d.rows_rejected, 0);
        assert_accounting(d, used_customer_rows(&e));
        let d01 = customer(d, "D01");
        assert_eq!(
            d01.name.as_deref(),
            Some("甲"),
            "first non-empty value wins"
        );
        assert_eq!(d01.employees, Some(100.0));
        assert_eq!(
            d01.region.as_deref(),
            Some("江苏"),
            "later row fills an empty field"
        );
        let kinds: Vec<(Option<u32>, FindingKind)> =
            d.findings.iter().map(|f| (f.row, f.kind)).collect();
        assert_eq!(
            kinds,
            [
                (Some(4), FindingKind::DuplicateCode),
                (Some(5), FindingKind::DuplicateCreditCode)
            ]
        );
        assert!(d.findings[1].problem.contains("D02"));
    }

    #[test]
    fn detail_sheets_aggregate_against_the_as_of_date() {
        let e = load_fixtures(&["software_set.xlsx"]);
        assert_eq!(
            e.dataset.latest_date,
            Some(date(2026, 9, 20)),
            "2062 is a typo, not the as-of"
        );
        let roles: Vec<SheetRole> = e.dataset.inputs[0].sheets.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                SheetRole::Customers,
                SheetRole::Transactions,
                SheetRole::Usage,
                SheetRole::Surveys,
                SheetRole::Ignored
            ]
        );
        let d = aggregate(e.clone(), date(2026, 9, 30), Lang::Zh);
        let used =
            e.dataset.customers.len() + e.transactions.len() + e.usage.len() + e.surveys.len() - 1;
        assert_eq!(d.rows_read, 19);
        assert_eq!(d.rows_rejected, 3);
        assert_accounting(&d, used);
        let s1 = customer(&d, "S01");
        assert_eq!(s1.purchase_amount, Some(32000.0), "detail wins over 99999");
        assert_eq!(
            s1.deal_count,
            Some(2.0),
            "X001 twice counts once; the red-letter X003 not"
        );
        assert_eq!(s1.first_purchase, Some(date(2026, 1, 10)));
        assert_eq!(s1.last_purchase, Some(date(2026, 5, 20)));
        assert_eq!(s1.amount_by_year.get(&2026), Some(&32000.0));
        assert_eq!(
            s1.login_count,
            Some(2.0),
            "the March login is outside 90 days"
        );
        assert_eq!(s1.last_login, Some(date(2026, 9, 20)));
        assert_eq!(s1.usage_hours, Some(1.5), "90 minutes");
        assert_eq!(s1.modules, vec!["总账", "报表"]);
        assert_eq!(s1.satisfaction, Some(90.0), "非常满意 100 and 4/5 80");
        assert_eq!(s1.complaints, Some(0.0));
        let s2 = customer(&d, "S02");
        assert_eq!(
            (s2.purchase_amount, s2.deal_count),
            (Some(8000.0), Some(1.0))
        );
        assert_eq!(s2.amount_by_year.get(&2025), Some(&8000.0));
        assert_eq!((s2.login_count, s2.usage_hours), (Some(1.0), None));
        assert_eq!((s2.satisfaction, s2.complaints), (Some(40.0), Some(1.0)));
        let s3 = customer(&d, "S03");
        assert_eq!((s3.purchase_amount, s3.deal_count), (Some(0.0), Some(0.0)));
        assert_eq!((s3.satisfaction, s3.complaints), (Some(60.0), Some(0.0)));
        let kinds: Vec<(FindingKind, Option<u32>, bool)> = d
            .findings
            .iter()
            .map(|f| (f.kind, f.row, f.rejected))
            .collect();
        for want in [
            (FindingKind::TotalsRow, Some(9), true),
            (FindingKind::UnknownCustomer, Some(8), true),
            (FindingKind::FutureDate, Some(7), true),
            (FindingKind::SheetSkipped, None, false),
            (FindingKind::SourceChoice, None, false),
        ] {
            assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
        }
        assert_eq!(d.findings.len(), 5, "{:?}", d.findings);
        let future = d
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::FutureDate)
            .unwrap();
        assert_eq!(future.column.as_deref(), Some("单据日期"));
        assert_eq!(future.value, "2062-01-01");
    }

    #[test]
    fn two_files_join_by_text_code() {
        let e = load_fixtures(&["join_customers.xlsx", "join_sales.csv"]);
        let d = aggregate(e.clone(), date(2026, 9, 30), Lang::Zh);
        assert_eq!(d.inputs.len(), 2);
        assert_eq!(d.rows_read, 6);
        assert_accounting(&d, e.dataset.customers.len() + e.transactions.len());
        let c = customer(&d, "0001");
        assert_eq!(c.purchase_amount, Some(3800.0), "2 × 1,500 + 1 × ¥800");
        assert_eq!(c.deal_count, Some(2.0));
        assert_eq!(c.first_purchase, Some(date(2026, 3, 1)));
        assert_eq!(c.last_purchase, Some(date(2026, 4, 2)));
        assert_eq!(customer(&d, "0002").purchase_amount, Some(300.0));
        let unknown: Vec<_> = d
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::UnknownCustomer)
            .collect();
        assert_eq!(unknown.len(), 1);
        assert_eq!(
            (unknown[0].row, unknown[0].value.as_str()),
            (Some(5), "1"),
            "\"1\" is not \"0001\""
        );
        assert_eq!(unknown[0].column.as_deref(), Some("客户编码"));
    }

    #[test]
    fn without_customers_sheet_the_codes_come_from_the_details() {
        let e = load_fixtures(&["join_sales.csv"]);
        let codes: Vec<&str> = e
            .dataset
            .customers
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(codes, ["0001", "0002", "1"]);
        assert_eq!(e.dataset.code_column, None);
        assert!(e.dataset.input_columns.is_empty());
        let d = aggregate(e.clone(), date(2026, 9, 30), Lang::Zh);
        assert_accounting(&d, e.transactions.len());
        assert_eq!(d.rows_read, 4);
    }

    #[test]
    fn bad_files_end_with_one_clear_sentence() {
        let cases: &[(&str, &str, &str)] = &[
            ("encrypted.xlsx", "加密", "password"),
            ("truncated.xlsx", "损坏", "truncated"),
            ("not_spreadsheet.xlsx", "不是电子表格", "not a spreadsheet"),
            ("empty.csv", "是空的", "empty"),
            (
                "no_code.xlsx",
                "没有找到客户编码列",
                "No customer-code column",
            ),
            ("does_not_exist.xlsx", "无法打开", "Cannot open"),
        ];
        for (name, zh, en) in cases {
            for (lang, want) in [(Lang::Zh, zh), (Lang::En, en)] {
                let err = load(&[fixture(name)], &profile(), lang).expect_err(name);
                assert_eq!(err.exit_code(), 1, "{name}");
                assert!(err.message.contains(name), "{name}: {}", err.message);
                assert!(err.message.contains(want), "{name}: {}", err.message);
            }
        }
        let err = load(&[fixture("no_code.xlsx")], &profile(), Lang::Zh).unwrap_err();
        assert!(err.message.contains("名称、金额、备注"), "{}", err.message);
    }

    #[test]
    fn one_bad_file_among_good_ones_names_the_bad_one() {
        let err = load(
            &[fixture("basic.xlsx"), fixture("encrypted.xlsx")],
            &profile(),
            Lang::Zh,
        )
        .unwrap_err();
        assert!(err.message.contains("encrypted.xlsx"), "{}", err.message);
    }

    #[test]
    fn profile_aliases_and_role_rules() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("会员.csv");
        std::fs::write(
            &path,
            "会员卡号,姓名,年产值（亿元）\n0007,张三,1.5\n0008,李四,\n",
        )
        .unwrap();
        let mut p = profile();
        p.aliases.insert("code".into(), vec!["会员卡号".into()]);
        p.aliases.insert("name".into(), vec!["姓名".into()]);
        p.aliases.insert("revenue".into(), vec!["年产值".into()]);
        let e = load(&[path], &p, Lang::Zh).unwrap();
        assert_eq!(e.dataset.customers.len(), 2);
        assert_eq!(e.dataset.customers[0].code, "0007");
        assert_eq!(e.dataset.customers[0].name.as_deref(), Some("张三"));
        assert_eq!(e.dataset.customers[0].revenue, Some(15000.0));

        let fields = |names: &[&'static str]| names.iter().copied().collect::<HashSet<_>>();
        let cases: &[(&[&'static str], SheetRole)] = &[
            (&["code", "name", "industry"], SheetRole::Customers),
            (&["code", "date", "amount"], SheetRole::Transactions),
            (
                &["code", "date", "quantity", "unit_price"],
                SheetRole::Transactions,
            ),
            (&["code", "date", "modules"], SheetRole::Usage),
            (&["code", "date", "satisfaction"], SheetRole::Surveys),
            (&["code", "satisfaction"], SheetRole::Surveys),
            (&["code", "name", "satisfaction"], SheetRole::Customers),
            (&["name", "amount"], SheetRole::Ignored),
        ];
        for (f, want) in cases {
            assert_eq!(role_of(&fields(f)), *want, "{f:?}");
        }
    }

    #[test]
    fn totals_rows_are_recognised() {
        let t = |s: &str| Cell::Text(s.into());
        let cases: &[(Vec<Cell>, usize, bool)] = &[
            (vec![t("合计"), Cell::Empty, Cell::Number(5.0)], 1, true),
            (vec![t("总 计"), Cell::Empty], 1, true),
            (vec![Cell::Empty, t("小计："), Cell::Number(1.0)], 0, true),
            (vec![t("Total"), Cell::Empty], 0, true),
            (vec![t("合计"), Cell::Number(3.0)], 0, true),
            (vec![t("C001"), t("合计科技有限公司")], 0, false),
            (vec![t("C001"), t("合计")], 0, false),
            (vec![Cell::Empty, t("制表人：张三")], 0, false),
        ];
        for (row, code_index, want) in cases {
            assert_eq!(is_totals_row(row, *code_index), *want, "{row:?}");
        }
    }

    fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> RawSheet {
        RawSheet {
            file: format!("{name}.xlsx"),
            sheet: name.to_string(),
            rows,
            first_row: 1,
            first_col: 0,
        }
    }

    #[test]
    fn several_customers_sheets_union_their_columns() {
        let t = |s: &str| Cell::Text(s.into());
        let a = sheet(
            "甲",
            vec![
                vec![t("客户编码"), t("客户名称"), t("地区")],
                vec![t("A1"), t("甲一"), t("北京")],
            ],
        );
        let b = sheet(
            "乙",
            vec![
                vec![t("客户名称"), t("员工人数"), t("客户编码")],
                vec![t("乙一"), Cell::Number(5.0), t("B1")],
            ],
        );
        let e = from_sheets(
            vec![(InputFile::default(), vec![a, b])],
            &profile(),
            Lang::Zh,
        )
        .unwrap();
        let d = &e.dataset;
        assert_eq!(
            d.input_columns,
            ["客户编码", "客户名称", "地区", "员工人数"]
        );
        assert_eq!((d.code_column, d.name_column), (Some(0), Some(1)));
        let b1 = customer(d, "B1");
        let shown: Vec<String> = b1.original.iter().map(Cell::display).collect();
        assert_eq!(shown, ["B1", "乙一", "", "5"]);
        assert_eq!(customer(d, "A1").original.len(), 4);
    }

    /// Customers sheets are turned into customers on the reading threads, each by itself, and
    /// joined after: the result must be what reading them one after the other gives — the same
    /// code in two sheets merged into the first customer (its blank fields and columns filled
    /// from the later sheet), the columns' union, the findings in order.
    #[test]
    fn customers_sheets_read_apart_join_as_if_read_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "甲.csv",
                "客户编码,客户名称,地区,员工人数\n\
                 A1,甲一,北京,12\n\
                 A2,甲二,,abc\n\
                 A1,甲一重复,上海,\n\
                 合计,,,\n\
                 ,,,\n\
                 A3,甲三,广州,-5\n",
            ),
            (
                "乙.csv",
                "客户名称,营业收入(万元),客户编码,地区,行业\n\
                 乙一,100,B1,深圳,软件\n\
                 甲二补充,200,A2,杭州,制造\n\
                 ,300,A1,天津,\n\
                 ,,,,\n\
                 乙二,x,B2,,零售\n\
                 ,y,A3,,\n",
            ),
            (
                "丙.csv",
                "客户编码,客户名称\nC1,丙一\nB1,乙一又见\nB1,乙一三见\n",
            ),
        ];
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|(name, text)| {
                let path = dir.path().join(name);
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect();
        let apart = load(&paths, &profile(), Lang::Zh).unwrap();
        let sheets = paths
            .iter()
            .map(|p| read::read_file(p, Lang::Zh).unwrap())
            .collect();
        let in_order = from_sheets(sheets, &profile(), Lang::Zh).unwrap();
        assert_eq!(
            format!("{:?}", apart.dataset),
            format!("{:?}", in_order.dataset)
        );
        let d = &apart.dataset;
        let codes: Vec<&str> = d.customers.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["A1", "A2", "A3", "B1", "B2", "C1"]);
        let a2 = customer(d, "A2");
        assert_eq!(a2.name.as_deref(), Some("甲二"));
        assert_eq!(
            a2.region.as_deref(),
            Some("杭州"),
            "blank in 甲, filled from 乙"
        );
        assert_eq!(a2.revenue, Some(200.0), "万元");
        let duplicates = d
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::DuplicateCode)
            .count();
        assert_eq!(duplicates, 6);
        assert_accounting(d, d.customers.len() + duplicates);
    }

    /// Every field a customers sheet can set is carried over when the same customer is read
    /// again from another sheet, and none overwrites a value the first sheet gave.
    #[test]
    fn merging_a_customer_read_again_covers_every_field() {
        let value = |kind: FieldType, second: bool| match kind {
            FieldType::Text | FieldType::Code => {
                FieldValue::Text(if second { "y" } else { "x" }.into())
            }
            FieldType::Date => FieldValue::Date(date(2026, 1, if second { 3 } else { 2 })),
            FieldType::List => FieldValue::List(vec![if second { "y" } else { "x" }.into()]),
            FieldType::Payment => FieldValue::Payment(if second {
                PaymentModel::OneTime
            } else {
                PaymentModel::Subscription
            }),
            _ => FieldValue::Number(if second { 8.0 } else { 7.0 }),
        };
        let mut later = CustomerRecord::default();
        for f in crate::fields::FIELDS {
            set_field(&mut later, f.name, value(f.kind, false));
        }
        later.original = vec![Cell::Text("x".into())];
        let mut first = CustomerRecord::default();
        merge_customer(&mut first, later.clone());
        assert_eq!(format!("{first:?}"), format!("{later:?}"));
        let mut other = CustomerRecord::default();
        for f in crate::fields::FIELDS {
            set_field(&mut other, f.name, value(f.kind, true));
        }
        other.original = vec![Cell::Text("y".into())];
        let mut first = later.clone();
        merge_customer(&mut first, other);
        assert_eq!(format!("{first:?}"), format!("{later:?}"));
    }

    #[test]
    fn random_sheets_keep_rows_read_equal_used_plus_rejected() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let pool = |rng: &mut rand_xoshiro::Xoshiro256PlusPlus, col: usize| -> Cell {
            match rng.gen_range(0..12) {
                0 => Cell::Empty,
                1 => Cell::Text("合计".into()),
                2 => Cell::Text("-".into()),
                3 => Cell::Text("abc".into()),
                4 => Cell::Number(-3.0),
                5 => Cell::Text("2026年13月1日".into()),
                6 => Cell::Text(format!("C{}", rng.gen_range(0..20))),
                7 => Cell::Number(rng.gen_range(1..20) as f64),
                8 => Cell::Text("2026-05-01".into()),
                9 => Cell::Text("2062-05-01".into()),
                10 => Cell::Text("非常满意".into()),
                _ => Cell::Text(format!(
                    "{}",
                    rng.gen_range(0..100_000) as f64 / (col + 1) as f64
                )),
            }
        };
        let headers: &[&[&str]] = &[
            &[
                "客户编码",
                "客户名称",
                "员工人数",
                "营业收入",
                "满意度",
                "统一社会信用代码",
            ],
            &["单据日期", "单据号", "客户编码", "金额"],
            &["客户编码", "登录时间", "功能模块", "使用时长"],
            &["客户编码", "调查日期", "满意度", "是否投诉"],
        ];
        for round in 0..40 {
            let mut sheets = Vec::new();
            for (k, h) in headers.iter().enumerate() {
                if k > 0 && rng.gen_bool(0.3) {
                    continue;
                }
                let mut rows: Vec<Vec<Cell>> = (0..rng.gen_range(0..3))
                    .map(|_| vec![Cell::Text("客户档案列表".into())])
                    .collect();
                rows.push(h.iter().map(|t| Cell::Text(t.to_string())).collect());
                for _ in 0..rng.gen_range(0..30) {
                    let width = rng.gen_range(0..=h.len() + 1);
                    rows.push((0..width).map(|c| pool(&mut rng, c)).collect());
                }
                sheets.push(sheet(&format!("s{round}_{k}"), rows));
            }
            let e =
                from_sheets(vec![(InputFile::default(), sheets)], &profile(), Lang::Zh).unwrap();
            let d = aggregate(e.clone(), date(2026, 9, 30), Lang::Zh);
            let future = d
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::FutureDate)
                .count();
            let detail = e.transactions.len() + e.usage.len() + e.surveys.len() - future;
            let customer_rows = if e.dataset.code_column.is_some() {
                used_customer_rows(&e)
            } else {
                0
            };
            assert_accounting(&d, customer_rows + detail);
        }
    }
}
