//! Extract, date order: dates written with the year last (3/4/2026) are read day first or month
//! first as their own column's unambiguous dates show (9/30/2026 can only be month first,
//! 30/9/2026 only day first) — a detail sheet's as its rows stream in, then set right at its end;
//! a customers sheet's column by column before its rows. Whenever the order was not plain, what
//! was read is said, once per column.

use chrono::{Datelike, NaiveDate};

use crate::model::{Cell, DateOrderRead, Finding, Issue, SheetRole};
use crate::values::{cell_date_as, parse_date_as, year_last, YearLast};

use super::builder::{Builder, RowPlace};
use super::detail::DetailColumns;
use super::layout::Column;

/// Dates written with the year last in one column, counted.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Dates that can only be day first (30/9/2026).
    day_first: usize,
    /// Dates that can only be month first (9/30/2026).
    month_first: usize,
    /// Dates that could be either (3/4/2026).
    either: usize,
    /// The first date with the year last, as written.
    example: Option<String>,
}

impl Tally {
    /// Counts a cell; gives its order when it is a date text with the year last.
    fn see(&mut self, cell: Option<&Cell>) -> Option<YearLast> {
        let Some(Cell::Text(s)) = cell else {
            return None;
        };
        let order = year_last(s)?;
        match order {
            YearLast::DayFirst => self.day_first += 1,
            YearLast::MonthFirst => self.month_first += 1,
            YearLast::Either => self.either += 1,
        }
        if self.example.is_none() {
            self.example = Some(s.trim().to_string());
        }
        Some(order)
    }

    /// How the column's dates are read when that is worth saying: month first when some can
    /// only be month first and none only day first; day first, said, when all could be either
    /// or the column mixes the orders; None when day first is plain (or there is no such date).
    fn read(&self) -> Option<DateOrderRead> {
        match (self.day_first > 0, self.month_first > 0) {
            (false, true) => Some(DateOrderRead::MonthFirst),
            (true, true) => Some(DateOrderRead::Mixed),
            (false, false) if self.either > 0 => Some(DateOrderRead::DayFirstAssumed),
            _ => None,
        }
    }

    /// The order the column's dates that could be either are read in.
    fn order(&self) -> YearLast {
        match self.read() {
            Some(DateOrderRead::MonthFirst) => YearLast::MonthFirst,
            _ => YearLast::DayFirst,
        }
    }

    /// The finding that says how the column was read, when [`Tally::read`] has something to say.
    fn finding(self, file: &str, sheet: &str, header: &str) -> Option<Finding> {
        let read = self.read()?;
        let order = self.order();
        let example = self.example.unwrap_or_default();
        let read_as = parse_date_as(&example, order);
        Some(Finding {
            file: file.to_string(),
            sheet: sheet.to_string(),
            row: None,
            column: Some(header.to_string()),
            value: example,
            issue: Issue::DateOrder {
                read,
                read_as,
                day_first: self.day_first,
                month_first: self.month_first,
                either: self.either,
            },
            rejected: false,
        })
    }
}

/// The order a customers sheet's date column is read in, from all its values, and the finding
/// that says so when that is not plain.
pub(super) fn column_order(
    rows: &[Vec<Cell>],
    col: &Column,
    file: &str,
    sheet: &str,
) -> (YearLast, Option<Finding>) {
    let mut tally = Tally::default();
    for row in rows {
        tally.see(row.get(col.index));
    }
    let order = tally.order();
    (order, tally.finding(file, sheet, &col.header))
}

/// A detail sheet's dates written with the year last, counted as its rows are read.
#[derive(Debug, Default)]
pub(super) struct YearLastDates {
    tally: Tally,
    /// Events whose date could be either (3/4/2026), read day first until the sheet ends:
    /// (their kind, their position in its list).
    either: Vec<(SheetRole, usize)>,
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
        let order = self.year_last.tally.see(cell);
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
        let Some(read) = seen.tally.read() else {
            return;
        };
        if read == DateOrderRead::MonthFirst {
            // Day and month are both 12 or less in these: swapped, they are still a date.
            let swapped =
                |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()).unwrap_or(d);
            for &(role, i) in &seen.either {
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
        let finding = seen.tally.finding(&cols.file, &cols.sheet, &col.header);
        self.out.dataset.findings.extend(finding);
    }
}
