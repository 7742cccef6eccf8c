//! Extract, the builder: the state carried while sheets become customers and events, and the
//! checks every data row goes through (blank, totals row, code present).

use std::collections::HashMap;

use crate::fields::FieldMatcher;
use crate::model::{Cell, Finding, InputFile, Issue, SourceRow};
use crate::values::{code_text, fold_width, has_code_text, trim};

use super::layout::{Column, Layout};
use super::Extracted;

/// The run-wide state while sheets are turned into customers and events.
pub(super) struct Builder<'a> {
    pub(super) fields: &'a FieldMatcher,
    pub(super) out: Extracted,
    pub(super) index: HashMap<String, usize>,
    /// Union of the customers sheets' headers.
    pub(super) column_index: HashMap<String, usize>,
    pub(super) has_customers_sheet: bool,
    /// The detail rows' codes in the order first seen, with the name and row where each was
    /// first seen (the customers when there is no customers sheet); events hold positions in it.
    pub(super) detail_codes: Vec<(String, Option<String>, SourceRow)>,
    /// The position of each code in `detail_codes`.
    pub(super) detail_ids: HashMap<CodeKey, u32>,
    /// The code column's header of each detail sheet, by (file, sheet).
    pub(super) code_headers: HashMap<(String, String), String>,
    /// The current detail sheet's dates written with the year last (3/4/2026).
    pub(super) year_last: super::dates::YearLastDates,
}

/// A customer code as a key of `detail_ids`: a code of up to 15 bytes is packed, with its
/// length, into the key itself, so that a lookup (one per detail line) compares in place instead
/// of following a pointer to the text; a longer code is kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum CodeKey {
    /// The code's bytes, then zeros, and its length in the last byte.
    Short(u128),
    /// A code of 16 bytes or more.
    Long(String),
}

impl CodeKey {
    /// The key of `code`.
    pub(super) fn of(code: &str) -> CodeKey {
        let bytes = code.as_bytes();
        if bytes.len() < 16 {
            let mut packed = [0u8; 16];
            packed[..bytes.len()].copy_from_slice(bytes);
            packed[15] = bytes.len() as u8;
            CodeKey::Short(u128::from_le_bytes(packed))
        } else {
            CodeKey::Long(code.to_string())
        }
    }
}

/// The file, sheet and row (as Excel shows it) of the row being read, for its findings.
pub(super) struct RowPlace<'s> {
    pub(super) file: &'s str,
    pub(super) sheet: &'s str,
    pub(super) row: u32,
}

impl<'p> Builder<'p> {
    pub(super) fn new(fields: &'p FieldMatcher) -> Builder<'p> {
        Builder {
            fields,
            out: Extracted::default(),
            index: HashMap::new(),
            column_index: HashMap::new(),
            has_customers_sheet: false,
            detail_codes: Vec::new(),
            detail_ids: HashMap::new(),
            code_headers: HashMap::new(),
            year_last: Default::default(),
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
        issue: Issue,
    ) {
        self.out.dataset.findings.push(Finding {
            file: at.file.to_string(),
            sheet: at.sheet.to_string(),
            row: Some(at.row),
            column: column.map(str::to_string),
            value,
            issue,
            rejected: false,
        });
    }

    /// The one rejecting finding of a row left out.
    pub(super) fn reject(
        &mut self,
        at: &RowPlace,
        column: Option<&str>,
        value: String,
        issue: Issue,
    ) {
        self.note(at, column, value, issue);
        self.out.dataset.rows_rejected += 1;
        if let Some(f) = self.out.dataset.findings.last_mut() {
            f.rejected = true;
        }
    }

    /// A finding about a whole sheet.
    pub(super) fn sheet_finding(&mut self, file: &str, sheet: &str, issue: Issue) {
        self.out.dataset.findings.push(Finding {
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: None,
            column: None,
            value: String::new(),
            issue,
            rejected: false,
        });
    }

    /// The findings a sheet's layout gives before its rows are read: each column claiming a
    /// field another column took first (the first is used).
    pub(super) fn layout_findings(&mut self, file: &str, sheet: &str, lay: &Layout) {
        for (first, second, field) in &lay.claimed_twice {
            self.out.dataset.findings.push(Finding {
                file: file.to_string(),
                sheet: sheet.to_string(),
                row: None,
                column: Some(second.clone()),
                value: second.clone(),
                issue: Issue::ColumnClaimedTwice {
                    first: first.clone(),
                    field,
                },
                rejected: false,
            });
        }
    }

    /// A `SheetSkipped` finding for each sheet the reader left out (hidden sheets), with why.
    pub(super) fn hidden_sheet_findings<'i>(
        &mut self,
        inputs: impl Iterator<Item = &'i InputFile>,
    ) {
        for input in inputs {
            let file = std::path::Path::new(&input.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for info in &input.sheets {
                let Some(why) = info.skipped.clone() else {
                    continue;
                };
                self.sheet_finding(&file, &info.name, Issue::SheetSkipped { why });
            }
        }
    }

    /// Common row checks: blank rows are skipped (None), totals rows and rows without a code
    /// are rejected (None); otherwise the code.
    pub(super) fn row_code(
        &mut self,
        row: &[Cell],
        at: &RowPlace,
        code_col: &Column,
    ) -> Option<String> {
        // A totals or footer line is no customer: rejected with its first written cell.
        let not_a_customer = if is_totals_row(row, code_col.index) {
            Some(Issue::TotalsRow)
        } else if is_footer_row(row, code_col.index) {
            Some(Issue::FooterRow)
        } else {
            None
        };
        if let Some(issue) = not_a_customer {
            let value = row
                .iter()
                .find(|c| !c.is_blank())
                .map(Cell::display)
                .unwrap_or_default();
            self.reject(at, None, value, issue);
            return None;
        }
        match row.get(code_col.index).and_then(code_text) {
            Some(code) => Some(code),
            None => {
                let value = row
                    .get(code_col.index)
                    .map(Cell::display)
                    .unwrap_or_default();
                self.reject(at, Some(&code_col.header), value, Issue::MissingCode);
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
        Some(code) if !code.is_blank() && has_code_text(code) => is_word(code),
        _ => row.iter().any(is_word),
    }
}

/// True for a footer line under the data: 打印人/制表人/审核/复核/主管/单位负责人 … followed by
/// a colon or a name, or a page number ("第 1 页 共 3 页", "Page 1 of 3"), in the code cell or,
/// when the code cell is blank, in any cell.
pub(super) fn is_footer_row(row: &[Cell], code_index: usize) -> bool {
    match row.get(code_index) {
        Some(code) if !code.is_blank() && has_code_text(code) => is_footer_text(code),
        _ => row.iter().any(is_footer_text),
    }
}

/// A cell that is a footer's text (see [`is_footer_row`]).
fn is_footer_text(cell: &Cell) -> bool {
    const WORDS: [&str; 18] = [
        "打印人",
        "打印日期",
        "打印时间",
        "制表人",
        "制单人",
        "制单",
        "制表",
        "审核人",
        "审核",
        "复核人",
        "复核",
        "会计主管",
        "财务主管",
        "主管",
        "单位负责人",
        "负责人",
        "经办人",
        "记账",
    ];
    let Cell::Text(s) = cell else { return false };
    let first = trim(s).chars().next().unwrap_or(' ');
    if !"打制审复会财主单负经记第页pP".contains(first) {
        return false;
    }
    let folded = fold_width(s);
    let t: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.to_lowercase();
    if is_page_number(&t) {
        return true;
    }
    WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
    })
}

/// "第1页共3页", "第1页", "page1of3", "page1/3" (folded, without spaces, lower case).
fn is_page_number(t: &str) -> bool {
    fn lit<'a>(t: &'a str, p: &str) -> Option<&'a str> {
        t.strip_prefix(p)
    }
    fn num(t: &str) -> Option<&str> {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
        (rest.len() < t.len()).then_some(rest)
    }
    let zh = || {
        let r = lit(t, "第").and_then(num).and_then(|r| lit(r, "页"))?;
        if r.is_empty() {
            return Some(());
        }
        let r = lit(r, "共").and_then(num).and_then(|r| lit(r, "页"))?;
        r.is_empty().then_some(())
    };
    let en = || {
        let r = lit(t, "page").and_then(num)?;
        if r.is_empty() {
            return Some(());
        }
        let r = lit(r, "of").or_else(|| lit(r, "/")).and_then(num)?;
        r.is_empty().then_some(())
    };
    zh().is_some() || en().is_some()
}

/// Appends `more` to `all`, without copying when `all` is still empty (a million lines).
pub(super) fn join<T>(all: &mut Vec<T>, mut more: Vec<T>) {
    if all.is_empty() {
        *all = more;
    } else {
        all.append(&mut more);
    }
}
