//! Extract, cell values: reads one cell for one field (units, scales, plausible ranges), giving a
//! value or the problem that makes it unusable.

use chrono::NaiveDate;

use crate::fields::{Field, FieldType};
use crate::model::Cell;
use crate::values::{
    cell_date_as, cell_money, cell_number, cell_percent, cell_text, parse_complaint, parse_number,
    parse_payment_model, satisfaction_fixed, satisfaction_points, split_list, HeaderUnit, Parsed,
    YearLast,
};

use super::layout::Column;

/// How a satisfaction column's numbers are scaled to 0–100, from the largest number in it.
pub(super) fn satisfaction_scale(rows: &[Vec<Cell>], index: usize) -> (u32, f64) {
    let mut max = f64::MIN;
    for row in rows {
        let v = match row.get(index) {
            Some(Cell::Number(n)) => Some(*n),
            Some(Cell::Text(s)) if satisfaction_fixed(s).is_none() => {
                parse_number(s).or_else(|| satisfaction_points(s))
            }
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
pub(super) fn satisfaction_value(cell: &Cell, scale: u32) -> Parsed<f64> {
    if let Cell::Text(s) = cell {
        if let Some(v) = satisfaction_fixed(s) {
            return Parsed::Value(v);
        }
        if let Some(p) = satisfaction_points(s) {
            return Parsed::Value(p * 100.0 / scale as f64);
        }
    }
    match cell_number(cell) {
        Parsed::Value(v) => Parsed::Value(v * 100.0 / scale as f64),
        other => other,
    }
}

/// A value read from one cell for one field.
#[derive(Debug, Clone)]
pub(super) enum FieldValue {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    List(Vec<String>),
    Payment(crate::model::PaymentModel),
}

/// Why a value was not used.
pub(super) enum Problem {
    Unreadable(&'static str),
    OutOfRange(&'static str),
}

pub(super) fn kind_name(kind: FieldType) -> &'static str {
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
pub(super) fn plausible(name: &str) -> Option<(f64, f64, &'static str)> {
    Some(match name {
        "employees" | "deal_count" | "login_count" | "tickets" | "complaints" | "projects"
        | "house_area" | "usage_hours" | "overdue_days" | "quantity" | "revenue"
        | "total_assets" | "purchase_amount" => (0.0, f64::MAX, "≥ 0"),
        "renewal_rate" => (0.0, 5.0, "0–500%"),
        "satisfaction" => (0.0, 100.0, "0–100"),
        "nps" => (0.0, 10.0, "0–10"),
        _ => return None,
    })
}

/// Reads one cell for a column's field. `sat_scale` is the column's satisfaction scale.
pub(super) fn read_value(
    cell: &Cell,
    col: &Column,
    f: &Field,
    sat_scale: u32,
    order: YearLast,
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
        FieldType::Date => match cell_date_as(cell, order) {
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
