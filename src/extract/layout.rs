//! Extract, layout: finds a sheet's header row(s) among its top rows, matches the columns to
//! canonical fields and decides the sheet's role.

use std::collections::HashSet;

use crate::fields::{Field, FieldMatcher};
use crate::model::{Cell, RawSheet, SheetRole};
use crate::values::{trim, HeaderUnit};

/// One recognised column of a sheet.
#[derive(Debug, Clone)]
pub(super) struct Column {
    /// Index into the sheet's row vectors.
    pub(super) index: usize,
    /// Header as written (trimmed).
    pub(super) header: String,
    /// Canonical field, when the header means one.
    pub(super) field: Option<&'static Field>,
    /// Unit given in the header.
    pub(super) unit: Option<HeaderUnit>,
}

/// What was made of a sheet's top: header rows, columns, role.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// Index (into `rows`) of the last header row; data starts below it.
    pub(super) header_end: usize,
    /// Index of the (first) header row.
    pub(super) header_start: usize,
    pub(super) columns: Vec<Column>,
    pub(super) role: SheetRole,
    /// Columns claiming a field another column took first: (the first's header, this one's,
    /// the field).
    pub(super) claimed_twice: Vec<(String, String, &'static str)>,
}

impl Layout {
    pub(super) fn col(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.field.is_some_and(|f| f.name == name))
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.col(name).is_some()
    }

    /// Headers of the columns that mean no field (or one another column took first).
    pub(super) fn unrecognised(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.clone())
            .collect()
    }
}

/// A header cell's text: numbers and dates count too (a column headed 2025 is kept).
pub(super) fn header_text(cell: &Cell) -> Option<String> {
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
pub(super) fn score(texts: &[Option<String>], fields: &FieldMatcher) -> (bool, usize) {
    let mut seen = HashSet::new();
    for t in texts.iter().flatten() {
        if let Some(f) = fields.field_for_header(t).0 {
            seen.insert(f.name);
        }
    }
    (seen.contains("code"), seen.len())
}

pub(super) const HEADER_SCAN_ROWS: usize = 40;

/// A header candidate: its score (has a code column, fields matched), first and last row, texts.
pub(super) type Candidate = ((bool, usize), usize, usize, Vec<Option<String>>);

/// Finds the header: the row (or a group row plus its sub-header row) matching the most fields,
/// preferring one with a customer-code column. Title rows, 制表日期 and 单位 lines match none.
pub(super) fn find_header(
    sheet: &RawSheet,
    fields: &FieldMatcher,
) -> Option<(usize, usize, Vec<Option<String>>)> {
    let scan = sheet.rows.len().min(HEADER_SCAN_ROWS);
    let texts: Vec<Vec<Option<String>>> = sheet.rows[..scan]
        .iter()
        .map(|r| r.iter().map(header_text).collect())
        .collect();
    let scores: Vec<(bool, usize)> = texts.iter().map(|t| score(t, fields)).collect();
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
            if let Some(merged) = merge_two_rows(&texts[r], &texts[r + 1], fields) {
                let s = score(&merged, fields);
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
pub(super) fn merge_two_rows(
    top: &[Option<String>],
    sub: &[Option<String>],
    fields: &FieldMatcher,
) -> Option<Vec<Option<String>>> {
    let width = top.len().max(sub.len());
    let mut merged = Vec::with_capacity(width);
    for i in 0..width {
        let t = top.get(i).cloned().flatten();
        let s = sub.get(i).cloned().flatten();
        let top_is_field = t
            .as_deref()
            .is_some_and(|t| fields.field_for_header(t).0.is_some());
        if top_is_field && s.is_some() && s != t {
            return None;
        }
        merged.push(s.or(t));
    }
    Some(merged)
}

/// Decides the sheet's role from its fields.
pub(super) fn role_of(layout_fields: &HashSet<&'static str>) -> SheetRole {
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

pub(super) fn layout(sheet: &RawSheet, fields: &FieldMatcher) -> Option<Layout> {
    let (start, end, texts) = find_header(sheet, fields)?;
    let mut columns: Vec<Column> = Vec::new();
    let mut taken = HashSet::new();
    let mut claimed_twice = Vec::new();
    for (index, t) in texts.into_iter().enumerate() {
        let Some(header) = t else { continue };
        let (field, unit) = fields.field_for_header(&header);
        // The first column meaning a field takes it; a later one is kept as a plain column,
        // and said (a finding naming both).
        let field = match field {
            Some(f) if !taken.insert(f.name) => {
                let first = columns
                    .iter()
                    .find(|c| c.field.is_some_and(|k| k.name == f.name))
                    .map(|c| c.header.clone())
                    .unwrap_or_default();
                claimed_twice.push((first, header.clone(), f.name));
                None
            }
            other => other,
        };
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
        role: role_of(&taken),
        columns,
        claimed_twice,
    })
}

/// True for a sheet of prose (说明, 填表说明): text in at most two columns, some of it long, and
/// no header recognised. Such a sheet is skipped without a finding.
pub(super) fn is_prose(sheet: &RawSheet, lay: Option<&Layout>) -> bool {
    if lay.is_some() {
        return false;
    }
    let mut columns = HashSet::new();
    let mut long = false;
    for row in &sheet.rows {
        for (i, c) in row.iter().enumerate() {
            if c.is_blank() {
                continue;
            }
            columns.insert(i);
            if let Cell::Text(s) = c {
                long |= s.chars().count() >= 20;
            }
        }
    }
    long && columns.len() <= 2
}

/// The headers of a sheet, or when no header was recognised, the texts of its first row with
/// two or more cells (else its first non-blank row).
pub(super) fn columns_found(sheet: &RawSheet, lay: Option<&Layout>) -> Vec<String> {
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
