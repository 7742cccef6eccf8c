//! Extract, customers sheets: rows become customer records; the same code twice is merged (the
//! first non-empty value of each field wins) with one finding.

use std::collections::HashMap;

use crate::fields::FieldType;
use crate::model::{Cell, CustomerRecord, Finding, Issue, RawSheet, SheetInfo, SourceRow};
use crate::values::{code_text, is_placeholder_word, trim, YearLast};

use super::builder::{is_footer_row, is_totals_row, Builder, RowPlace};
use super::cells::{read_value, satisfaction_scale, FieldValue, Problem};
use super::dates::column_order;
use super::layout::{Column, Layout};
use super::party::PartyCounts;
use super::sink::ReadCustomers;
use super::SummaryColumns;

pub(super) fn fill<T>(slot: &mut Option<T>, v: T) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

/// Sets a customer's field unless it already has a value (the first non-empty value wins).
pub(super) fn set_field(rec: &mut CustomerRecord, name: &str, value: FieldValue) {
    use FieldValue as V;
    match (name, value) {
        ("name", V::Text(t)) => fill(&mut rec.name, t),
        ("credit_code", V::Text(t)) => fill(&mut rec.credit_code, t),
        ("industry", V::Text(t)) => fill(&mut rec.industry, t),
        ("region", V::Text(t)) => fill(&mut rec.region, t),
        ("product", V::Text(t)) => fill(&mut rec.product, t),
        ("style", V::Text(t)) => fill(&mut rec.style, t),
        ("stage", V::Text(t)) => fill(&mut rec.stage, t),
        ("owner", V::Text(t)) => fill(&mut rec.owner, t),
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
pub(super) fn merge_customer(into: &mut CustomerRecord, from: CustomerRecord) {
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
        owner,
        amount_by_year: _,
        forecast: _,
    } = from;
    pub(super) fn keep<T>(slot: &mut Option<T>, v: Option<T>) {
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
    keep(&mut into.owner, owner);
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
pub(super) const SUMMARY_FIELDS: [&str; 9] = [
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

impl Builder<'_> {
    /// Takes in a customers sheet that was turned into customers by itself, as if its rows
    /// were read here: a code already known is a duplicate, merged into the first customer
    /// with it, and the sheet's findings come in row order with a row's duplicate finding first
    /// (tested against reading in order).
    pub(super) fn absorb_customers(
        &mut self,
        sheet: &RawSheet,
        read: ReadCustomers,
        info: &mut SheetInfo,
    ) {
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
        for f in own.iter_mut() {
            if let Issue::DuplicateCode { first_row } = &mut f.issue {
                if let Some(&p) = self.index.get(&f.value) {
                    *first_row = self.out.dataset.customers[p].source.row;
                }
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
            let code = rec.code.clone();
            let issue = Issue::DuplicateCode { first_row };
            self.note(&at, code_header.as_deref(), code, issue);
            merge_customer(&mut self.out.dataset.customers[p], rec);
        }
        self.order_sheet_findings(before, own_end);
    }

    /// Puts the sheet's findings (from `before` on; the part's own up to `own_end`, then the
    /// duplicates found on joining) by row, as reading its rows here in order gives them: a
    /// row's duplicate-code finding first, then what was found in its cells.
    fn order_sheet_findings(&mut self, before: usize, own_end: usize) {
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

    /// Reads a customers sheet into records. The data rows' cells move into the records'
    /// `original` (a sheet of 100 000 customers is not held twice); the rows down to the
    /// header stay in the sheet.
    /// Gives the number of data rows.
    pub(super) fn customers_sheet(&mut self, sheet: &mut RawSheet, lay: &Layout) -> usize {
        self.has_customers_sheet = true;
        let Some(code_col) = lay.col("code").cloned() else {
            return 0;
        };
        let slots = self.customer_slots(lay);
        let data = &sheet.rows[lay.header_end + 1..];
        let scales: HashMap<usize, u32> = lay
            .columns
            .iter()
            .filter(|c| c.field.is_some_and(|f| f.kind == FieldType::Satisfaction))
            .map(|c| (c.index, satisfaction_scale(data, c.index).0))
            .collect();
        // Dates written with the year last (3/4/2026): each column read in the order its own
        // dates show, said when that is not plain day first.
        let mut orders: HashMap<usize, YearLast> = HashMap::new();
        for c in (lay.columns.iter()).filter(|c| c.field.is_some_and(|f| f.kind == FieldType::Date))
        {
            let (order, finding) = column_order(data, c, &sheet.file, &sheet.sheet);
            orders.insert(c.index, order);
            self.out.dataset.findings.extend(finding);
        }
        self.note_summary_columns(sheet, lay);
        let shapes = CodeShapes::of(data, code_col.index);
        let party_col = lay.col("party_type").cloned();
        let mut parties = PartyCounts::default();
        let findings_before = self.out.dataset.findings.len();
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
            if let Some(col) = &party_col {
                if self.supplier_row(&row, col, &at, &mut parties) {
                    continue;
                }
            }
            if let Some(odd) = shapes.odd(&code) {
                let typical = match odd {
                    Odd::Sentence => None,
                    Odd::Long(typical) => Some(typical),
                };
                let header = Some(code_col.header.as_str());
                // The value as the cell has it (the code is read with full-width forms folded).
                let value = row.get(code_col.index).map(Cell::display).unwrap_or(code);
                self.reject(&at, header, value, Issue::OddCode { typical });
                continue;
            }
            let pos = self.customer_for_row(code, &at, &code_col);
            let cells = RowCells {
                lay,
                slots: &slots,
                scales: &scales,
                orders: &orders,
            };
            self.customer_cells(pos, &mut row, &cells, &at);
        }
        if let Some(col) = &party_col {
            let place = (sheet.file.as_str(), sheet.sheet.as_str());
            self.party_findings(place, col, parties, findings_before);
        }
        data_rows
    }

    /// Where each of a sheet's columns goes in the union of customers-sheet headers, adding the
    /// new headers (and noting the first code and name columns).
    fn customer_slots(&mut self, lay: &Layout) -> Vec<usize> {
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
        slots
    }

    /// Notes the sheet's summary columns (累计金额, 登录次数 …), which detail rows may replace.
    fn note_summary_columns(&mut self, sheet: &RawSheet, lay: &Layout) {
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
    }

    /// The position of the row's customer: a new one, or the one that had the code first (the
    /// row is then a duplicate, with a finding).
    fn customer_for_row(&mut self, code: String, at: &RowPlace, code_col: &Column) -> usize {
        if let Some(&p) = self.index.get(&code) {
            let first_row = self.out.dataset.customers[p].source.row;
            let issue = Issue::DuplicateCode { first_row };
            self.note(at, Some(&code_col.header), code, issue);
            return p;
        }
        let p = self.out.dataset.customers.len();
        self.index.insert(code.clone(), p);
        self.out.dataset.customers.push(CustomerRecord {
            code,
            source: SourceRow {
                file: at.file.to_string(),
                sheet: at.sheet.to_string(),
                row: at.row,
            },
            ..CustomerRecord::default()
        });
        p
    }

    /// Reads a row's cells into the customer at `pos`: each field's value (a bad one is a
    /// finding, the field left blank) and every cell into `original`.
    fn customer_cells(&mut self, pos: usize, row: &mut [Cell], cells: &RowCells, at: &RowPlace) {
        for (c, &slot) in cells.lay.columns.iter().zip(cells.slots) {
            let Some(cell) = row.get_mut(c.index) else {
                continue;
            };
            if let Some(f) = c.field.filter(|f| f.name != "code") {
                if let Cell::Text(s) = &*cell {
                    if is_placeholder_word(s) {
                        let value = trim(s).to_string();
                        self.note(at, Some(&c.header), value, Issue::Placeholder);
                    }
                }
                let scale = cells.scales.get(&c.index).copied().unwrap_or(100);
                let order = cells.orders.get(&c.index).copied();
                match read_value(cell, c, f, scale, order.unwrap_or(YearLast::DayFirst)) {
                    Ok(Some(v)) => set_field(&mut self.out.dataset.customers[pos], f.name, v),
                    Ok(None) => {}
                    Err(p) => {
                        let issue = match p {
                            Problem::Unreadable(what) => Issue::BadValue { what },
                            Problem::OutOfRange(range) => Issue::OutOfRange { range },
                        };
                        let value = cell.display();
                        self.note(at, Some(&c.header), value, issue);
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
}

/// What a customers sheet's rows are read with: its columns, where each goes among the input
/// columns, and the satisfaction columns' scales.
struct RowCells<'a> {
    lay: &'a Layout,
    slots: &'a [usize],
    scales: &'a HashMap<usize, u32>,
    /// The order of each date column's dates written with the year last.
    orders: &'a HashMap<usize, YearLast>,
}

/// Why a code is not a customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Odd {
    /// A sentence: sentence punctuation, words between spaces, or Chinese text without a digit
    /// among codes of letters and digits.
    Sentence,
    /// Far longer than the column's other codes; the length most of them stay within.
    Long(usize),
}

/// What a customers sheet's codes look like, to tell a code that is unlike the others.
/// Every rule compares a code with the column's other codes, so a column of codes that all
/// look one way (all "北京01", all "KH 0001") keeps them.
struct CodeShapes {
    /// How many codes the column has.
    count: usize,
    /// How many have sentence punctuation (，。；：！？、).
    punctuated: usize,
    /// How many are words between spaces.
    spaced: usize,
    /// How many have Chinese (CJK) characters.
    cjk: usize,
    /// Every code's length in characters, ascending.
    lengths: Vec<usize>,
}

/// A share of the other codes (90 %) above which a code that differs is unlike them.
const ODD_SHARE: f64 = 0.9;
/// The fewest other codes for the rules that compare with the column (Chinese text, length).
const ODD_MIN_OTHERS: usize = 5;
/// A code is never too long at this many characters or fewer.
const ODD_MAX_PLAIN_LEN: usize = 20;

impl CodeShapes {
    /// The shapes of the codes in the code column of `data` (the rows under the header).
    fn of(data: &[Vec<Cell>], code_index: usize) -> CodeShapes {
        // Totals and footer rows are left out before a code is looked at: they are no codes.
        let codes: Vec<String> = data
            .iter()
            .filter(|r| !is_totals_row(r, code_index) && !is_footer_row(r, code_index))
            .filter_map(|r| r.get(code_index))
            .filter_map(code_text)
            .collect();
        let count_of = |has: fn(&str) -> bool| codes.iter().filter(|c| has(c)).count();
        let mut shapes = CodeShapes {
            count: codes.len(),
            punctuated: count_of(has_sentence_punctuation),
            spaced: count_of(is_spaced_words),
            cjk: count_of(has_cjk),
            lengths: Vec::new(),
        };
        // The lengths are those of the codes that are no sentence: a note in the column does
        // not make a long code look ordinary.
        shapes.lengths = codes
            .iter()
            .filter(|c| shapes.sentence(c).is_none())
            .map(|c| c.chars().count())
            .collect();
        shapes.lengths.sort_unstable();
        shapes
    }

    /// Why `code` (one of the column's codes) is not a customer's, if it is unlike the others.
    fn odd(&self, code: &str) -> Option<Odd> {
        if let Some(odd) = self.sentence(code) {
            return Some(odd);
        }
        if self.lengths.len() <= ODD_MIN_OTHERS {
            return None;
        }
        let len = code.chars().count();
        let typical = self.others_p95(len);
        (len > ODD_MAX_PLAIN_LEN && len > 2 * typical).then_some(Odd::Long(typical))
    }

    /// [`Odd::Sentence`] when the code is a sentence the column's other codes are not.
    fn sentence(&self, code: &str) -> Option<Odd> {
        let others = self.count.saturating_sub(1);
        if others == 0 {
            return None;
        }
        // True when at least 90 % of the other codes lack a feature the code has.
        let most_lack = |has: bool, with: usize| {
            has && (others - with.saturating_sub(1)) as f64 >= ODD_SHARE * others as f64
        };
        if most_lack(has_sentence_punctuation(code), self.punctuated)
            || most_lack(is_spaced_words(code), self.spaced)
        {
            return Some(Odd::Sentence);
        }
        // Chinese text without a digit among codes of letters and digits ("见附表"); "北京01"
        // has its number and stays.
        let cjk_text = has_cjk(code) && !code.chars().any(|c| c.is_ascii_digit());
        (others >= ODD_MIN_OTHERS && most_lack(cjk_text, self.cjk)).then_some(Odd::Sentence)
    }

    /// The 95th percentile (nearest rank) of the other codes' lengths, the code's own length
    /// `len` set aside.
    fn others_p95(&self, len: usize) -> usize {
        let others = self.lengths.len().saturating_sub(1);
        if others == 0 {
            return 0;
        }
        let rank = (others * 95).div_ceil(100).max(1) - 1;
        let own = self.lengths.partition_point(|&l| l < len);
        let at = if rank < own { rank } else { rank + 1 };
        self.lengths.get(at).copied().unwrap_or(0)
    }
}

/// Sentence punctuation: 。、 or quotes, or a comma, semicolon, colon, ! or ? beside Chinese text
/// (codes are read with full-width forms folded, so "，" is ","). A code never has it.
fn has_sentence_punctuation(code: &str) -> bool {
    code.chars().any(|c| "。、“”「」".contains(c))
        || (has_cjk(code) && code.chars().any(|c| ",;:!?".contains(c)))
}

/// Words between spaces: at least two parts of two or more letters and no digit ("ABC
/// Trading Co", "请 联系 客服"); "KH 0001" and "KH A01" are not.
fn is_spaced_words(code: &str) -> bool {
    let is_word = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_numeric)
    };
    code.split_whitespace().filter(is_word).count() >= 2
}

/// Chinese (CJK) characters.
fn has_cjk(code: &str) -> bool {
    code.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

#[cfg(test)]
mod odd_code_tests {
    use super::*;

    fn shapes(codes: &[&str]) -> CodeShapes {
        let rows: Vec<Vec<Cell>> = codes
            .iter()
            .map(|c| vec![Cell::Text(c.to_string())])
            .collect();
        CodeShapes::of(&rows, 0)
    }

    /// Every code of the column that is not a customer's.
    fn odd<'a>(codes: &[&'a str]) -> Vec<&'a str> {
        let s = shapes(codes);
        codes
            .iter()
            .copied()
            .filter(|c| {
                s.odd(&code_text(&Cell::Text(c.to_string())).unwrap())
                    .is_some()
            })
            .collect()
    }

    #[test]
    fn real_codes_stay() {
        let mixed = [
            "KH-0001", "000123", "C00012", "北京01", "上海02", "KH-0002", "KH-0003", "KH-0004",
        ];
        assert!(odd(&mixed).is_empty());
        let cities: Vec<String> = (1..30).map(|i| format!("北京{i:02}")).collect();
        let cities: Vec<&str> = cities.iter().map(String::as_str).collect();
        assert!(odd(&cities).is_empty());
        let spaced = [
            "KH 0001", "KH A02", "KH 0003", "KH 0004", "KH 0005", "KH 0006",
        ];
        assert!(odd(&spaced).is_empty());
        // Long codes all of one length (GUIDs), and a short column with one longer code.
        let guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        assert!(odd(&[guid, guid, guid, guid, guid, guid, guid]).is_empty());
        assert!(odd(&["A1", "A2", "A3", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]).is_empty());
        // A column of company names used as codes.
        let names = [
            "Acme Trading Co",
            "Beta Foods Ltd",
            "Gamma Tools Inc",
            "Delta Corp",
        ];
        assert!(odd(&names).is_empty());
    }

    #[test]
    fn sentences_and_far_longer_codes_go() {
        let mut codes: Vec<String> = (1..=20).map(|i| format!("KH-{i:04}")).collect();
        codes.push("备注：以下客户已停用".into());
        codes.push("Total of active customers".into());
        codes.push("见附表".into());
        codes.push("KH-0001-0002-0003-0004-0005".into());
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert_eq!(
            odd(&codes),
            [
                "备注：以下客户已停用",
                "Total of active customers",
                "见附表",
                "KH-0001-0002-0003-0004-0005"
            ]
        );
    }
}
