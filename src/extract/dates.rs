//! Extract, date order: a detail sheet's dates written with the year last (3/4/2026) are read
//! day first or month first as the sheet's own unambiguous dates show (9/30/2026 can only be
//! month first, 30/9/2026 only day first); whenever the order was not plain, what was read is
//! said, once per sheet.

use chrono::{Datelike, NaiveDate};

use crate::model::{Cell, DateOrderRead, Finding, Issue, SheetRole};
use crate::values::{cell_date_as, parse_date_as, year_last, YearLast};

use super::builder::{Builder, RowPlace};
use super::detail::DetailColumns;
use super::layout::Column;

/// A detail sheet's dates written with the year last, counted as its rows are read.
#[derive(Debug, Default)]
pub(super) struct YearLastDates {
    /// Dates that can only be day first (30/9/2026).
    day_first: usize,
    /// Dates that can only be month first (9/30/2026).
    month_first: usize,
    /// Events whose date could be either (3/4/2026), read day first until the sheet ends:
    /// (their kind, their position in its list).
    either: Vec<(SheetRole, usize)>,
    /// The first date with the year last, as written.
    example: Option<String>,
}

impl Builder<'_> {
    /// A detail row's date (None when blank and not `required`; Err when the row was rejected)
    /// and whether it was written with the year last and could be either order. A date that
    /// can only be month first is read so; the others day first, until [`Builder::settle_dates`].
    pub(super) fn detail_date(
        &mut self,
        at: &RowPlace,
        col: &Column,
        row: &[Cell],
        required: bool,
    ) -> Result<Option<(NaiveDate, bool)>, ()> {
        let cell = row.get(col.index);
        let order = match cell {
            Some(Cell::Text(s)) => year_last(s),
            _ => None,
        };
        if let (Some(_), Some(Cell::Text(s))) = (order, cell) {
            let seen = &mut self.year_last;
            match order {
                Some(YearLast::DayFirst) => seen.day_first += 1,
                Some(YearLast::MonthFirst) => seen.month_first += 1,
                _ => {}
            }
            if seen.example.is_none() {
                seen.example = Some(s.trim().to_string());
            }
        }
        let read_as = order.unwrap_or(YearLast::DayFirst);
        let date = self.detail_value(at, col, cell, "date", required, |c| {
            cell_date_as(c, read_as)
        })?;
        Ok(date.map(|d| (d, order == Some(YearLast::Either))))
    }

    /// Notes that the event just added (the last of its kind) has a date that could be either.
    pub(super) fn either_order(&mut self, role: SheetRole) {
        let len = match role {
            SheetRole::Transactions => self.out.transactions.len(),
            SheetRole::Usage => self.out.usage.len(),
            SheetRole::Surveys => self.out.surveys.len(),
            _ => return,
        };
        if let Some(last) = len.checked_sub(1) {
            self.year_last.either.push((role, last));
        }
    }

    /// At the end of a detail sheet: when its dates with the year last showed only month first
    /// (9/30/2026), the ones that could be either (3/4/2026) are read month first too; when they
    /// showed both orders, or none (every one could be either), they stay day first. Each case
    /// but a plain day first is said once, with an example as written and as read.
    pub(super) fn settle_dates(&mut self, cols: &DetailColumns) {
        let seen = std::mem::take(&mut self.year_last);
        let Some(col) = &cols.date else { return };
        let read = match (seen.day_first > 0, seen.month_first > 0) {
            (false, true) => DateOrderRead::MonthFirst,
            (true, true) => DateOrderRead::Mixed,
            (false, false) if !seen.either.is_empty() => DateOrderRead::DayFirstAssumed,
            _ => return,
        };
        if read == DateOrderRead::MonthFirst {
            for &(role, i) in &seen.either {
                let swapped = |d: NaiveDate| {
                    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()).unwrap_or(d)
                };
                match role {
                    SheetRole::Transactions => {
                        let t = &mut self.out.transactions[i];
                        t.date = swapped(t.date);
                    }
                    SheetRole::Usage => {
                        let u = &mut self.out.usage[i];
                        u.date = swapped(u.date);
                    }
                    _ => {
                        let s = &mut self.out.surveys[i];
                        s.date = s.date.map(swapped);
                    }
                }
            }
        }
        let example = seen.example.unwrap_or_default();
        let order = match read {
            DateOrderRead::MonthFirst => YearLast::MonthFirst,
            _ => YearLast::DayFirst,
        };
        self.out.dataset.findings.push(Finding {
            file: cols.file.clone(),
            sheet: cols.sheet.clone(),
            row: None,
            column: Some(col.header.clone()),
            value: example.clone(),
            issue: Issue::DateOrder {
                read,
                read_as: parse_date_as(&example, order),
                day_first: seen.day_first,
                month_first: seen.month_first,
                either: seen.either.len(),
            },
            rejected: false,
        });
    }
}
