//! Extract, finishing: joins detail rows to customers, flags credit codes shared by two codes,
//! pads the input columns and finds the latest date.

use std::collections::HashMap;

use crate::fields::header_key;
use crate::messages as msg;
use crate::model::{Cell, CustomerRecord, FindingKind};
use crate::values::fold_width;

use super::builder::{Builder, RowPlace};
use super::{DetailCode, Extracted, Place};

/// Joins detail rows to customers, flags shared credit codes, pads `original`, finds the
/// latest date.
pub(super) fn finish(b: &mut Builder) {
    if b.has_customers_sheet {
        join_detail_rows(b);
    } else {
        customers_from_detail_codes(b);
    }
    let width = b.out.dataset.input_columns.len();
    for c in &mut b.out.dataset.customers {
        c.original.resize(width, Cell::Empty);
    }
    flag_shared_credit_codes(b);
    b.out.dataset.latest_date = latest_date(&b.out);
}

/// Points each detail code at its customer; the rows of a code no customer has are rejected.
fn join_detail_rows(b: &mut Builder) {
    let lang = b.lang;
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
}

/// Without a customers sheet, the detail rows' codes are the customers (with the name where
/// each was first seen).
fn customers_from_detail_codes(b: &mut Builder) {
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

/// The same 统一社会信用代码 (width, spaces and case aside) under a second code: both are kept,
/// the later one gets a finding.
fn flag_shared_credit_codes(b: &mut Builder) {
    let lang = b.lang;
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
            b.fields
                .field_for_key(&header_key(h).0)
                .is_some_and(|f| f.name == "credit_code")
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
}

/// The latest date in the data that is not in the future.
fn latest_date(d: &Extracted) -> Option<chrono::NaiveDate> {
    let today = chrono::Local::now().date_naive();
    d.transactions
        .iter()
        .map(|t| t.date)
        .chain(d.usage.iter().map(|u| u.date))
        .chain(d.surveys.iter().filter_map(|s| s.date))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_purchase))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_login))
        .filter(|d| *d <= today)
        .max()
}
