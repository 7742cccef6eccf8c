//! Extract, detail sheets: transaction, usage and survey rows become events, or are rejected with
//! exactly one finding.

use crate::model::{Cell, Issue, RawSheet, SheetInfo, SheetRole, SourceRow};
use crate::values::{
    cell_money, cell_number, cell_text, code_text, parse_complaint, HeaderUnit, Parsed,
};

use super::builder::{join, Builder, CodeKey, RowPlace};
use super::cells::{satisfaction_scale, satisfaction_value};
use super::layout::{Column, Layout};
use super::sink::Streamed;
use super::{Place, SurveyEvent, Transaction, UsageEvent};

impl Builder<'_> {
    /// Takes in a sheet that was turned into events while it was read, as if its rows were
    /// read here: events, findings, counts and the codes first seen in it, in that order.
    pub(super) fn absorb(&mut self, streamed: Streamed, info: &mut SheetInfo) {
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
    /// Reads one required or optional value of a detail row; a bad optional value is a finding
    /// on a used row, a bad required value rejects the row (returns Err(())).
    pub(super) fn detail_value<T>(
        &mut self,
        at: &RowPlace,
        col: &Column,
        cell: Option<&Cell>,
        kind: &'static str,
        required: bool,
        parse: impl Fn(&Cell) -> Parsed<T>,
    ) -> std::result::Result<Option<T>, ()> {
        let cell = cell.unwrap_or(&Cell::Empty);
        let what = kind;
        match parse(cell) {
            Parsed::Value(v) => Ok(Some(v)),
            Parsed::Blank if !required => Ok(None),
            Parsed::Blank => {
                let issue = Issue::MissingValue { what };
                self.reject(at, Some(&col.header), cell.display(), issue);
                Err(())
            }
            Parsed::Unreadable if required => {
                let issue = Issue::BadValue { what };
                self.reject(at, Some(&col.header), cell.display(), issue);
                Err(())
            }
            Parsed::Unreadable => {
                let issue = Issue::BadValue { what };
                self.note(at, Some(&col.header), cell.display(), issue);
                Ok(None)
            }
        }
    }

    /// The position of a detail row's code in `detail_codes`, noting the code (with the name
    /// and row) the first time it is seen.
    pub(super) fn note_detail_code(
        &mut self,
        code: String,
        row: &[Cell],
        cols: &DetailColumns,
        at: &RowPlace,
    ) -> u32 {
        if let Some(&id) = self.detail_ids.get(&CodeKey::of(&code)) {
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
    pub(super) fn detail_id(
        &mut self,
        code: String,
        name: Option<String>,
        source: SourceRow,
    ) -> u32 {
        let next = self.detail_codes.len() as u32;
        match self.detail_ids.entry(CodeKey::of(&code)) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                self.detail_codes.push((code, name, source));
                e.insert(next);
                next
            }
        }
    }

    /// Looks up a detail sheet's columns once, before its rows.
    pub(super) fn begin_detail(
        &mut self,
        file: &str,
        sheet: &str,
        lay: &Layout,
        scale: u32,
    ) -> DetailColumns {
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

    pub(super) fn detail_sheet(&mut self, sheet: &RawSheet, lay: &Layout, info: &mut SheetInfo) {
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
        self.settle_dates(&cols);
    }

    /// Reads one row of a detail sheet into an event, or rejects it with one finding. False for
    /// a blank row (not a data row).
    pub(super) fn detail_row(&mut self, cols: &DetailColumns, number: u32, row: &[Cell]) -> bool {
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
        // A row left out (with its finding) is a data row all the same.
        match cols.role {
            SheetRole::Transactions => self.transaction_row(cols, row, code, &at, place),
            SheetRole::Usage => self.usage_row(cols, row, code, &at, place),
            SheetRole::Surveys => self.survey_row(cols, code_col, row, code, &at, place),
            _ => {}
        }
        true
    }

    /// A transaction line: a date and an amount (or quantity × unit price) are required.
    fn transaction_row(
        &mut self,
        cols: &DetailColumns,
        row: &[Cell],
        code: String,
        at: &RowPlace,
        place: Place,
    ) {
        let Some(dc) = &cols.date else { return };
        let Ok(Some((date, either))) = self.detail_date(at, dc, row, true) else {
            return;
        };
        let Some(amount) = self.transaction_amount(cols, row, at) else {
            return;
        };
        let doc_no = cols
            .doc
            .as_ref()
            .and_then(|c| row.get(c.index))
            .and_then(code_text);
        let code = self.note_detail_code(code, row, cols, at);
        self.out.transactions.push(Transaction {
            code,
            date,
            amount,
            doc_no: doc_no.map(String::into_boxed_str),
            at: place,
        });
        if either {
            self.either_order(SheetRole::Transactions);
        }
    }

    /// A transaction line's amount in 元: the amount column, else quantity × unit price; None
    /// when the row was rejected (or the sheet has neither).
    fn transaction_amount(
        &mut self,
        cols: &DetailColumns,
        row: &[Cell],
        at: &RowPlace,
    ) -> Option<f64> {
        let money_default = |c: &Column| match c.unit {
            Some(HeaderUnit::Money(u)) => u,
            _ => 1.0,
        };
        if let Some(ac) = &cols.amount {
            let default = money_default(ac);
            return self
                .detail_value(at, ac, row.get(ac.index), "money", true, |c| {
                    cell_money(c, default, 1.0)
                })
                .ok()
                .flatten();
        }
        let (Some(qc), Some(pc)) = (&cols.quantity, &cols.price) else {
            return None;
        };
        let default = money_default(pc);
        let Ok(Some(q)) = self.detail_value(at, qc, row.get(qc.index), "number", true, cell_number)
        else {
            return None;
        };
        let Ok(Some(p)) = self.detail_value(at, pc, row.get(pc.index), "money", true, |c| {
            cell_money(c, default, 1.0)
        }) else {
            return None;
        };
        Some(q * p)
    }

    /// A usage record: a date is required; the module and the hours are optional.
    fn usage_row(
        &mut self,
        cols: &DetailColumns,
        row: &[Cell],
        code: String,
        at: &RowPlace,
        place: Place,
    ) {
        let Some(dc) = &cols.date else { return };
        let Ok(Some((date, either))) = self.detail_date(at, dc, row, true) else {
            return;
        };
        let module = cols
            .module
            .as_ref()
            .and_then(|c| row.get(c.index))
            .and_then(cell_text)
            .map(|t| t.into_owned());
        let hours =
            match &cols.hours {
                Some(hc) => {
                    let factor = if hc.unit == Some(HeaderUnit::Minutes) {
                        1.0 / 60.0
                    } else {
                        1.0
                    };
                    self.detail_value(at, hc, row.get(hc.index), "number", false, |c| {
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
        let code = self.note_detail_code(code, row, cols, at);
        self.out.usage.push(UsageEvent {
            code,
            date,
            module,
            hours,
            at: place,
        });
        if either {
            self.either_order(SheetRole::Usage);
        }
    }

    /// A survey or service record: a score or a complaint count is required (either when the
    /// sheet has both columns); the date is optional.
    fn survey_row(
        &mut self,
        cols: &DetailColumns,
        code_col: &Column,
        row: &[Cell],
        code: String,
        at: &RowPlace,
        place: Place,
    ) {
        let (date, either) = match &cols.date {
            Some(dc) => match self.detail_date(at, dc, row, false) {
                Ok(Some((d, either))) => (Some(d), either),
                _ => (None, false),
            },
            None => (None, false),
        };
        let (score_col, complaint_col) = (&cols.score, &cols.complaint);
        let scale = cols.scale;
        let score = match score_col {
            Some(sc) => self.detail_value(
                at,
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
        let Ok(score) = score else { return };
        let complaints = match complaint_col {
            Some(cc) => self.detail_value(
                at,
                cc,
                row.get(cc.index),
                "number",
                score.is_none(),
                complaint_count,
            ),
            None => Ok(None),
        };
        let Ok(complaints) = complaints else {
            return;
        };
        if score.is_none() && complaints.is_none() {
            // Neither value given (both blank): the row says nothing.
            let col = score_col
                .as_ref()
                .or(complaint_col.as_ref())
                .unwrap_or(code_col);
            let issue = Issue::MissingValue {
                what: "satisfaction",
            };
            self.reject(at, Some(&col.header), String::new(), issue);
            return;
        }
        let code = self.note_detail_code(code, row, cols, at);
        self.out.surveys.push(SurveyEvent {
            code,
            score,
            complaints: complaints.unwrap_or(0.0),
            date,
            at: place,
        });
        if either {
            self.either_order(SheetRole::Surveys);
        }
    }
}

/// The columns of one detail sheet, looked up once.
pub(super) struct DetailColumns {
    pub(super) place: u32,
    pub(super) file: String,
    pub(super) sheet: String,
    pub(super) role: SheetRole,
    pub(super) code: Option<Column>,
    pub(super) name: Option<Column>,
    pub(super) date: Option<Column>,
    pub(super) amount: Option<Column>,
    pub(super) quantity: Option<Column>,
    pub(super) price: Option<Column>,
    pub(super) doc: Option<Column>,
    pub(super) module: Option<Column>,
    pub(super) hours: Option<Column>,
    pub(super) score: Option<Column>,
    pub(super) complaint: Option<Column>,
    /// The satisfaction column's scale (5, 10 or 100).
    pub(super) scale: u32,
}

/// A survey row's complaint count: a number ≥ 0, true/false, or a text `parse_complaint` reads.
fn complaint_count(c: &Cell) -> Parsed<f64> {
    match c {
        Cell::Number(n) if *n >= 0.0 => Parsed::Value(*n),
        Cell::Bool(b) => Parsed::Value(if *b { 1.0 } else { 0.0 }),
        _ => match cell_text(c) {
            None => Parsed::Blank,
            Some(t) => parse_complaint(&t)
                .filter(|v| *v >= 0.0)
                .map_or(Parsed::Unreadable, Parsed::Value),
        },
    }
}
