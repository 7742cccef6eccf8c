//! Stage 7, workbook: the input's own columns of 客户明细 written typed — a value custseg read
//! as money, a number, a rate or a date is written as a number or a date with one format per
//! unit, so that the sheet sorts and sums; where the text written differed, it is kept in a note.

use chrono::NaiveDate;
use rust_xlsxwriter::Format;

use crate::fields::{field, header_key, FieldType};
use crate::model::{Cell, Dataset};
use crate::values::{
    cell_date, is_placeholder, is_range, parse_date, parse_money, parse_number, parse_percent,
    trim, HeaderUnit, Parsed,
};

/// How an input column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputKind {
    /// As read (text, codes, lists, columns that mean no field).
    AsRead,
    /// Money in the column's own unit (元 per unit: the header's unit, else the field's default).
    Money(f64),
    /// A count or measure, in the column's own unit.
    Number,
    /// A rate, written as a fraction under a percent format.
    Percent {
        /// The header says "%", so a bare number is always percent.
        header_percent: bool,
    },
    /// A date.
    Date,
    /// Satisfaction or complaints: a number written as text becomes a number, words stay.
    Loose,
}

impl InputKind {
    /// The kind of the input column `header`, from the field it was read as.
    pub fn of(header: &str, field_name: Option<&str>) -> InputKind {
        let Some(f) = field_name.and_then(field) else {
            return InputKind::AsRead;
        };
        let unit = header_key(header).1;
        match f.kind {
            FieldType::Money { stored } => match unit {
                Some(HeaderUnit::Money(u)) => InputKind::Money(u),
                _ => InputKind::Money(f64::from(stored)),
            },
            FieldType::Number => InputKind::Number,
            FieldType::Percent => InputKind::Percent {
                header_percent: unit == Some(HeaderUnit::Percent),
            },
            FieldType::Date => InputKind::Date,
            FieldType::Satisfaction | FieldType::Complaint => InputKind::Loose,
            _ => InputKind::AsRead,
        }
    }

    /// The kind of every input column of `dataset`, aligned with `Dataset::input_columns`.
    pub fn of_dataset(dataset: &Dataset) -> Vec<InputKind> {
        dataset
            .input_columns
            .iter()
            .map(|h| {
                let name = dataset.inputs.iter().find_map(|f| {
                    f.sheets.iter().find_map(|s| {
                        s.columns
                            .iter()
                            .find(|(header, _)| header == h)
                            .map(|(_, field)| field.as_str())
                    })
                });
                InputKind::of(h, name)
            })
            .collect()
    }
}

/// What one input cell is written as.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// The cell as read.
    AsRead,
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
}

/// The value to write for `cell` in a column of `kind`, and the original text when it differs
/// from what the typed cell shows ("1,234.50", "2003年4月4日", an Excel serial number).
pub fn typed(cell: &Cell, kind: InputKind) -> (Shown, Option<String>) {
    let text = match cell {
        Cell::Text(s) if !is_placeholder(s) => Some(s.as_str()),
        _ => None,
    };
    let unless_plain = |s: &str, plain: bool| (!plain).then(|| s.to_string());
    match (kind, cell) {
        (InputKind::AsRead, _) => (Shown::AsRead, None),
        (InputKind::Money(_) | InputKind::Number | InputKind::Loose, Cell::Number(n)) => {
            (Shown::Number(*n), None)
        }
        (InputKind::Percent { header_percent }, Cell::Number(n)) => {
            let v = if header_percent || n.abs() > 1.0 {
                n / 100.0
            } else {
                *n
            };
            (Shown::Number(v), None)
        }
        (InputKind::Date, Cell::Number(_)) => match cell_date(cell) {
            Parsed::Value(d) => (Shown::Date(d), Some(cell.display())),
            _ => (Shown::AsRead, None),
        },
        (_, Cell::Text(_)) => {
            let Some(s) = text else {
                return (Shown::AsRead, None);
            };
            // A range ("10-15万") is two values, not one: it stays as written.
            let ranged = matches!(kind, InputKind::Money(_) | InputKind::Number) && is_range(s);
            let parsed = match kind {
                _ if ranged => None,
                InputKind::Money(unit) => {
                    parse_money(s, unit, unit).map(|v| (Shown::Number(v), plain_number(s)))
                }
                InputKind::Number | InputKind::Loose => {
                    parse_number(s).map(|v| (Shown::Number(v), plain_number(s)))
                }
                InputKind::Percent { header_percent } => {
                    let plain = trim(s)
                        .strip_suffix('%')
                        .is_some_and(|n| trim(n) == n && plain_number(n));
                    parse_percent(s, header_percent)
                        .map(|v| (Shown::Number(v), plain && s == trim(s)))
                }
                InputKind::Date => parse_date(s).map(|d| {
                    let plain = d.format("%Y-%m-%d").to_string() == s;
                    (Shown::Date(d), plain)
                }),
                InputKind::AsRead => None,
            };
            match parsed {
                Some((shown, plain)) => (shown, unless_plain(s, plain)),
                None => (Shown::AsRead, None),
            }
        }
        _ => (Shown::AsRead, None),
    }
}

/// True for text that a spreadsheet shows as written once it is a number: "129.31", "-7".
fn plain_number(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && s.parse::<f64>().is_ok()
}

/// Every number format [`column_format`] can choose: registered with the workbook before the
/// customer sheets are written on two threads (see `Styles::customer_sheet_formats`).
pub const COLUMN_FORMAT_CODES: [&str; 6] = [
    "yyyy-mm-dd",
    "#,##0.0000",
    "#,##0.00",
    "#,##0",
    "0%",
    "0.0%",
];

/// One number format per unit, chosen for a column from the values it holds.
pub fn column_format(kind: InputKind, values: impl Iterator<Item = f64>) -> Option<Format> {
    let mut values = values;
    let mut whole = |scale: f64| values.all(|v| ((v * scale).round() - v * scale).abs() < 1e-9);
    let code = match kind {
        InputKind::AsRead | InputKind::Loose => return None,
        InputKind::Date => "yyyy-mm-dd",
        // Money in 元 and in 万元 alike keeps two decimals: 129.31 万元 must not show as 129.
        InputKind::Money(unit) if unit >= 1e8 => "#,##0.0000",
        InputKind::Money(_) => "#,##0.00",
        InputKind::Number if whole(1.0) => "#,##0",
        InputKind::Number => "#,##0.00",
        InputKind::Percent { .. } if whole(100.0) => "0%",
        InputKind::Percent { .. } => "0.0%",
    };
    debug_assert!(COLUMN_FORMAT_CODES.contains(&code), "{code} not registered");
    Some(Format::new().set_num_format(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn values_read_are_written_typed_with_the_text_in_a_note_where_it_differed() {
        let wan = InputKind::Money(1e4);
        let yuan = InputKind::Money(1.0);
        let cases: Vec<(Cell, InputKind, Shown, Option<&str>)> = vec![
            (text("129.31"), wan, Shown::Number(129.31), None),
            (
                text("4,460.61"),
                wan,
                Shown::Number(4460.61),
                Some("4,460.61"),
            ),
            (
                text("¥2,186.23"),
                yuan,
                Shown::Number(2186.23),
                Some("¥2,186.23"),
            ),
            (text("15万"), yuan, Shown::Number(150_000.0), Some("15万")),
            (text("10-15万"), yuan, Shown::AsRead, None),
            (text("-"), yuan, Shown::AsRead, None),
            (
                text("１７"),
                InputKind::Number,
                Shown::Number(17.0),
                Some("１７"),
            ),
            (
                Cell::Number(7.0),
                InputKind::Number,
                Shown::Number(7.0),
                None,
            ),
            (
                text("89%"),
                InputKind::Percent {
                    header_percent: false,
                },
                Shown::Number(0.89),
                None,
            ),
            (
                text("2003年4月4日"),
                InputKind::Date,
                Shown::Date(NaiveDate::from_ymd_opt(2003, 4, 4).unwrap()),
                Some("2003年4月4日"),
            ),
            (
                text("2003-04-04"),
                InputKind::Date,
                Shown::Date(NaiveDate::from_ymd_opt(2003, 4, 4).unwrap()),
                None,
            ),
            (
                Cell::Number(37715.0),
                InputKind::Date,
                Shown::Date(NaiveDate::from_ymd_opt(2003, 4, 4).unwrap()),
                Some("37715"),
            ),
            (text("满意"), InputKind::Loose, Shown::AsRead, None),
            (text("4"), InputKind::Loose, Shown::Number(4.0), None),
            (text("000123"), InputKind::AsRead, Shown::AsRead, None),
        ];
        for (cell, kind, shown, note) in cases {
            let (s, n) = typed(&cell, kind);
            assert_eq!(s, shown, "{cell:?} as {kind:?}");
            assert_eq!(n.as_deref(), note, "{cell:?} as {kind:?}");
        }
    }

    #[test]
    fn a_column_is_read_by_its_field_and_header_unit() {
        assert_eq!(
            InputKind::of("营业收入(万元)", Some("revenue")),
            InputKind::Money(1e4)
        );
        assert_eq!(InputKind::of("预算", Some("budget")), InputKind::Money(1.0));
        assert_eq!(InputKind::of("成立日期", Some("founded")), InputKind::Date);
        assert_eq!(InputKind::of("联系人", None), InputKind::AsRead);
    }
}
