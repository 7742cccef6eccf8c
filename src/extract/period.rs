//! The reporting period an export states in its title rows ("期间：2025-01-01 至 2026-09-30",
//! "截止日期：2026-09-30", "统计期间：2026年7月1日-2026年9月30日"): its end is the as-of date a
//! finance user means, even when the export also holds a line keyed in early for next quarter.
//! A 制表日期 (the day the export was made) is not a period and is ignored.

use chrono::NaiveDate;

use crate::model::{Cell, RawSheet};
use crate::values::parse_date;

/// Words that introduce a period or its end.
const PERIOD_WORDS: [&str; 6] = ["期间", "截止", "截至", "日期范围", "统计区间", "报告期"];

/// The end of the period stated in the rows above a sheet's header (`rows[..header_start]`).
pub fn stated_period_end(sheet: &RawSheet, header_start: usize) -> Option<NaiveDate> {
    sheet
        .rows
        .iter()
        .take(header_start)
        .flatten()
        .filter_map(|cell| match cell {
            Cell::Text(t) => period_end_in(t),
            _ => None,
        })
        .max()
}

/// The period end stated in one title text, if any.
pub fn period_end_in(text: &str) -> Option<NaiveDate> {
    // Look only at what follows the first period word, and never at a 制表日期.
    let start = PERIOD_WORDS.iter().filter_map(|w| text.find(w)).min()?;
    let mut rest = &text[start..];
    if let Some(cut) = rest.find("制表") {
        rest = &rest[..cut];
    }
    dates_in(rest).into_iter().max()
}

/// Every date written in a text: 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日, 20260930,
/// also as the two ends of a range ("2026年7月1日-2026年9月30日", "20260101-20260331").
fn dates_in(text: &str) -> Vec<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // The longest run of digits and date separators from here.
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || "-/.~年月日".contains(chars[j])) {
            j += 1;
        }
        let run: String = chars[i..j].iter().collect();
        let run = run.trim_end_matches(['-', '/', '.', '~']);
        if let Some(d) = full_date(run) {
            found.push(d);
        } else {
            // A range: both sides of one of its '-' or '~' are full dates.
            for (k, c) in run.char_indices().filter(|(_, c)| *c == '-' || *c == '~') {
                let (left, right) = (&run[..k], &run[k + c.len_utf8()..]);
                if let (Some(a), Some(b)) = (full_date(left), full_date(right)) {
                    found.extend([a, b]);
                    break;
                }
            }
        }
        i = j.max(i + 1);
    }
    found
}

/// A full date only: a year alone ("2026年第3期") or an Excel serial is no period end.
fn full_date(candidate: &str) -> Option<NaiveDate> {
    let separators = candidate.chars().filter(|c| !c.is_ascii_digit()).count();
    let full = (2..=3).contains(&separators) || (separators == 0 && candidate.len() == 8);
    full.then(|| parse_date(candidate)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn period_ends_in_the_ways_exports_write_them() {
        let cases = [
            ("期间：2025-01-01 至 2026-09-30    单位：元", d(2026, 9, 30)),
            ("截止日期：2026-09-30", d(2026, 9, 30)),
            ("统计期间：2026年7月1日-2026年9月30日", d(2026, 9, 30)),
            ("截至2026/6/30", d(2026, 6, 30)),
            ("期间：20260101-20260331", d(2026, 3, 31)),
            ("制表日期：2026-10-09", None),
            (
                "制表日期：2026-10-09  期间：2026-07-01 至 2026-09-30",
                d(2026, 9, 30),
            ),
            (
                "期间：2026-07-01 至 2026-09-30  制表日期：2026-10-09",
                d(2026, 9, 30),
            ),
            ("客户档案列表", None),
            ("期间：第三季度", None),
            ("会计期间：2026年第3期", None),
            ("截止：46295", None),
        ];
        for (text, want) in cases {
            assert_eq!(period_end_in(text), want, "{text}");
        }
    }

    #[test]
    fn only_rows_above_the_header_count() {
        let sheet = RawSheet {
            rows: vec![
                vec![Cell::Text("销售明细表".into())],
                vec![Cell::Text("期间：2025-01-01 至 2026-09-30".into())],
                vec![Cell::Text("单据日期".into())],
                vec![Cell::Text("期间：2027-01-01 至 2027-03-31".into())],
            ],
            ..RawSheet::default()
        };
        assert_eq!(stated_period_end(&sheet, 2), d(2026, 9, 30));
        assert_eq!(stated_period_end(&sheet, 0), None);
    }
}
