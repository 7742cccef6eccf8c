//! Extract, the builder: the state carried while sheets become customers and events, and the
//! checks every data row goes through (blank, totals row, code present).

use std::collections::HashMap;

use crate::fields::FieldMatcher;
use crate::messages as msg;
use crate::model::{Cell, Finding, FindingKind, Lang, SourceRow};
use crate::values::{code_text, fold_width, trim};

use super::layout::Column;
use super::Extracted;

/// The run-wide state while sheets are turned into customers and events.
pub(super) struct Builder<'a> {
    pub(super) fields: &'a FieldMatcher,
    pub(super) lang: Lang,
    pub(super) out: Extracted,
    pub(super) index: HashMap<String, usize>,
    /// Union of the customers sheets' headers.
    pub(super) column_index: HashMap<String, usize>,
    pub(super) has_customers_sheet: bool,
    /// The detail rows' codes in the order first seen, with the name and row where each was
    /// first seen (the customers when there is no customers sheet); events hold positions in it.
    pub(super) detail_codes: Vec<(String, Option<String>, SourceRow)>,
    /// The position of each code in `detail_codes`.
    pub(super) detail_ids: HashMap<String, u32>,
    /// The code column's header of each detail sheet, by (file, sheet).
    pub(super) code_headers: HashMap<(String, String), String>,
}

/// The file, sheet and row (as Excel shows it) of the row being read, for its findings.
pub(super) struct RowPlace<'s> {
    pub(super) file: &'s str,
    pub(super) sheet: &'s str,
    pub(super) row: u32,
}

impl<'p> Builder<'p> {
    pub(super) fn new(fields: &'p FieldMatcher, lang: Lang) -> Builder<'p> {
        Builder {
            fields,
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
}

impl Builder<'_> {
    /// A finding about a row that is still used.
    pub(super) fn note(
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
    pub(super) fn reject(
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

    pub(super) fn sheet_finding(
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
    pub(super) fn row_code(
        &mut self,
        row: &[Cell],
        at: &RowPlace,
        code_col: &Column,
    ) -> Option<String> {
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
}

/// True for a row that totals the ones above it (合计/总计/小计/共计, Total).
pub(super) fn is_totals_row(row: &[Cell], code_index: usize) -> bool {
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

/// Appends `more` to `all`, without copying when `all` is still empty (a million lines).
pub(super) fn join<T>(all: &mut Vec<T>, mut more: Vec<T>) {
    if all.is_empty() {
        *all = more;
    } else {
        all.append(&mut more);
    }
}
