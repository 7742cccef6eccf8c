//! Extract, party types: in a 往来单位 export (金蝶, 用友) a type column (往来单位类型, 单位类型 …)
//! tells customers from suppliers; a row whose type names a supplier only is no customer.

use crate::model::{Cell, Finding, Issue};
use crate::values::{fold_width, trim};

use super::builder::{Builder, RowPlace};
use super::layout::Column;

/// What a type cell says a 往来单位 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Party {
    /// A customer (客户, Customer, Client).
    Customer,
    /// A supplier only (供应商, Supplier, Vendor): not a customer.
    Supplier,
    /// Both (客户及供应商, 既是客户又是供应商, 客商, Both): a customer.
    Both,
    /// A blank cell: nothing said.
    Blank,
    /// Anything else (其他往来单位, 员工 …): kept as a customer.
    Unknown,
}

/// Words that name a supplier, as folded and lower-cased.
const SUPPLIER_WORDS: [&str; 6] = [
    "供应商",
    "供货商",
    "供货单位",
    "供应单位",
    "supplier",
    "vendor",
];
/// Words that name a customer, as folded and lower-cased.
const CUSTOMER_WORDS: [&str; 4] = ["客户", "购货单位", "customer", "client"];
/// Whole values that mean both.
const BOTH_VALUES: [&str; 2] = ["both", "客商"];

/// What a type cell says; a number or date is [`Party::Unknown`].
pub(super) fn party_of(cell: &Cell) -> Party {
    let Cell::Text(s) = cell else {
        return if cell.is_blank() {
            Party::Blank
        } else {
            Party::Unknown
        };
    };
    let folded = fold_width(s);
    let t: String = folded
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if t.is_empty() {
        return Party::Blank;
    }
    if BOTH_VALUES.contains(&t.as_str()) {
        return Party::Both;
    }
    let supplier = SUPPLIER_WORDS.iter().any(|w| t.contains(w));
    let customer = CUSTOMER_WORDS.iter().any(|w| t.contains(w));
    match (customer, supplier) {
        (true, true) => Party::Both,
        (true, false) => Party::Customer,
        (false, true) => Party::Supplier,
        (false, false) => Party::Unknown,
    }
}

/// What a sheet's type column said, row by row.
#[derive(Debug, Default)]
pub(super) struct PartyCounts {
    /// Whether some row named a customer or a supplier (so the column is a 往来单位 type).
    recognised: bool,
    /// Each value that named neither, in the order first seen, with its rows.
    unknown: Vec<(String, usize)>,
}

impl Builder<'_> {
    /// Rejects a row whose type column names a supplier only (true: the row is no customer),
    /// and counts the values that name neither.
    pub(super) fn supplier_row(
        &mut self,
        row: &[Cell],
        col: &Column,
        at: &RowPlace,
        counts: &mut PartyCounts,
    ) -> bool {
        let Some(cell) = row.get(col.index) else {
            return false;
        };
        match party_of(cell) {
            Party::Supplier => {
                counts.recognised = true;
                let value = trim(&cell.display()).to_string();
                self.reject(at, Some(&col.header), value, Issue::SupplierRow);
                return true;
            }
            Party::Customer | Party::Both => counts.recognised = true,
            Party::Unknown => {
                let value = trim(&cell.display()).to_string();
                match counts.unknown.iter_mut().find(|(v, _)| *v == value) {
                    Some((_, n)) => *n += 1,
                    None => counts.unknown.push((value, 1)),
                }
            }
            Party::Blank => {}
        }
        false
    }

    /// One finding per type value that names neither a customer nor a supplier (the rows stay
    /// customers), when the column named some; a column of other values (单位性质: 国有企业 …)
    /// says nothing about suppliers and gives none. They go at `at`, before the sheet's row
    /// findings (where findings about a whole sheet stand once sheets are joined).
    pub(super) fn party_findings(
        &mut self,
        place: (&str, &str),
        col: &Column,
        counts: PartyCounts,
        at: usize,
    ) {
        if !counts.recognised {
            return;
        }
        let (file, sheet) = place;
        let findings = counts.unknown.into_iter().map(|(value, rows)| Finding {
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: None,
            column: Some(col.header.clone()),
            value,
            issue: Issue::PartyTypeUnclear { rows },
            rejected: false,
        });
        let all = &mut self.out.dataset.findings;
        let at = at.min(all.len());
        all.splice(at..at, findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Party {
        party_of(&Cell::Text(s.into()))
    }

    #[test]
    fn type_values_are_read() {
        for s in ["客户", " 客户 ", "Customer", "CLIENT", "购货单位"] {
            assert_eq!(of(s), Party::Customer, "{s}");
        }
        for s in [
            "供应商",
            "供货商",
            "Supplier",
            "Vendor",
            "ｖｅｎｄｏｒ",
            "供应商（停用）",
        ] {
            assert_eq!(of(s), Party::Supplier, "{s}");
        }
        for s in [
            "客户/供应商",
            "客户及供应商",
            "既是客户又是供应商",
            "客商",
            "Both",
            "Customer & Supplier",
            "Customer and Supplier",
            "Customer/Vendor",
        ] {
            assert_eq!(of(s), Party::Both, "{s}");
        }
        for s in ["其他往来单位", "员工", "国有企业", "1"] {
            assert_eq!(of(s), Party::Unknown, "{s}");
        }
        assert_eq!(party_of(&Cell::Number(2.0)), Party::Unknown);
        assert_eq!(party_of(&Cell::Empty), Party::Blank);
        assert_eq!(of("  "), Party::Blank);
    }
}
