//! Stage 3, aggregate: fold transaction, usage and survey rows into each customer's R/F/M,
//! first and last purchase, amount per year, logins in the last 90 days, last login, modules,
//! mean satisfaction and complaints (SPEC §3), in one pass over each kind of detail row.
//!
//! Rules:
//! - rows dated after the as-of date are left out and each gets one `FutureDate` finding
//!   (rejected, so `rows_read = used + rejected` still holds);
//! - F counts distinct document numbers where a row has one, else rows; rows with an amount ≤ 0
//!   (红字发票, returns) reduce M and are not purchases (not in F, first or last purchase);
//! - `amount_by_year` is the net amount per calendar year;
//! - login_count and usage_hours cover the 90 days up to and including the as-of date; modules
//!   seen in usage rows are added to the customer's modules;
//! - satisfaction is the mean of the survey scores, complaints their sum;
//! - where a customers sheet also has the summary column, a customer's detail rows win, and one
//!   `SourceChoice` finding per sheet says so; customers without detail rows keep the column.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::extract::{
    DetailCode, Extracted, Place, SummaryColumns, SurveyEvent, Transaction, UsageEvent,
};
use crate::model::{CustomerRecord, Dataset, Finding, Issue, SheetRole};
use crate::values::{split_list, year_of};

/// Days counted as "recent" for logins and usage hours.
pub const ACTIVITY_WINDOW_DAYS: i64 = 90;

#[derive(Default)]
struct Purchases<'a> {
    docs: Vec<&'a str>,
    rows_without_doc: f64,
    amount: f64,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    by_year: Vec<(i32, f64)>,
}

#[derive(Default)]
struct Activity {
    logins: f64,
    hours: f64,
    any_hours: bool,
    last: Option<NaiveDate>,
    modules: Vec<String>,
}

#[derive(Default)]
struct Survey {
    sum: f64,
    scored: usize,
    complaints: f64,
}

/// What aggregation gives: the read summary and the customers, apart.
#[derive(Debug, Clone, Default)]
pub struct Aggregated {
    /// The inputs, columns, row counts and the findings ledger (its `customers` are moved out
    /// into [`Aggregated::customers`]).
    pub dataset: Dataset,
    /// One record per customer, with the detail rows folded in, in order of first appearance.
    pub customers: Vec<CustomerRecord>,
}

/// The detail rows' lookups, and the rows left out for being dated after the as-of date.
struct Detail<'a> {
    as_of: NaiveDate,
    places: &'a [(String, String)],
    codes: &'a [DetailCode],
    date_columns: &'a HashMap<(String, String), String>,
    /// One `FutureDate` finding per row left out, in the order met.
    future: Vec<Finding>,
}

impl Detail<'_> {
    /// The customer a detail row's code belongs to, as a position in the customers.
    fn customer(&self, code: u32) -> Option<usize> {
        self.codes.get(code as usize).and_then(|c| c.customer)
    }

    /// True when `date` is after the as-of date; the row then gets its finding.
    fn left_out(&mut self, at: Place, date: NaiveDate) -> bool {
        if date <= self.as_of {
            return false;
        }
        let src = at.source(self.places);
        self.future.push(Finding {
            column: self
                .date_columns
                .get(&(src.file.clone(), src.sheet.clone()))
                .cloned(),
            file: src.file,
            sheet: src.sheet,
            row: Some(src.row),
            value: date.format("%Y-%m-%d").to_string(),
            issue: Issue::FutureDate { as_of: self.as_of },
            rejected: true,
        });
        true
    }
}

/// Aggregates the detail rows into the customers, against the as-of date; the customers come
/// back apart from the read summary, whose findings ledger gets the rows left out and the
/// summary columns overruled.
///
/// # Examples
/// ```no_run
/// use custseg::{aggregate, extract, model::Lang, profile::Profile};
/// let profile = Profile::builtin("software", Lang::Zh).unwrap()?;
/// let extracted = extract::load(&["客户档案.xlsx".into(), "销售明细.xlsx".into()], &profile)?;
/// let as_of = extracted.dataset.latest_date.unwrap_or_default();
/// let aggregated = aggregate::aggregate(extracted, as_of);
/// println!("{} customers, {} rows rejected", aggregated.customers.len(), aggregated.dataset.rows_rejected);
/// # Ok::<(), custseg::Error>(())
/// ```
pub fn aggregate(extracted: Extracted, as_of: NaiveDate) -> Aggregated {
    let Extracted {
        mut dataset,
        transactions,
        usage,
        surveys,
        summaries,
        date_columns,
        places,
        codes,
    } = extracted;
    let mut customers = std::mem::take(&mut dataset.customers);
    let mut detail = Detail {
        as_of,
        places: &places,
        codes: &codes,
        date_columns: &date_columns,
        future: Vec::new(),
    };
    let n = customers.len();
    let mut purchases = fold_transactions(&transactions, n, &mut detail);
    let mut activity = fold_usage(&usage, n, &mut detail);
    let mut survey = fold_surveys(&surveys, n, &mut detail);

    let mut future = detail.future;
    dataset.rows_rejected += future.len();
    future.sort_by(|a, b| (&a.file, &a.sheet, a.row).cmp(&(&b.file, &b.sheet, b.row)));
    dataset.findings.extend(future);

    let future_dates = future_customer_dates(&mut customers, as_of);
    dataset.findings.extend(future_dates);

    let present = Present {
        transactions: !transactions.is_empty(),
        usage: !usage.is_empty(),
        surveys: !surveys.is_empty(),
    };
    for (i, c) in customers.iter_mut().enumerate() {
        put_purchases(c, purchases[i].take(), present.transactions);
        put_activity(c, activity[i].take(), present.usage);
        put_survey(c, survey[i].take());
    }
    dataset.findings.extend(source_choices(&summaries, present));
    Aggregated { dataset, customers }
}

/// A date in a customers sheet later than the as-of date cannot be true of the period: each is
/// a finding and is not used, so the customer's recency is unknown rather than 0 days and it
/// counts nowhere as recent. The customer stays.
fn future_customer_dates(customers: &mut [CustomerRecord], as_of: NaiveDate) -> Vec<Finding> {
    let mut found = Vec::new();
    for c in customers.iter_mut() {
        let dates = [
            ("founded", &mut c.founded),
            ("first_purchase", &mut c.first_purchase),
            ("last_purchase", &mut c.last_purchase),
            ("last_login", &mut c.last_login),
        ];
        for (field, date) in dates {
            let Some(d) = date.filter(|d| *d > as_of) else {
                continue;
            };
            *date = None;
            found.push(Finding {
                file: c.source.file.clone(),
                sheet: c.source.sheet.clone(),
                row: Some(c.source.row),
                column: None,
                value: d.format("%Y-%m-%d").to_string(),
                issue: Issue::FutureCustomerDate { as_of, field },
                rejected: false,
            });
        }
    }
    found
}

/// Each customer's purchases, from the transaction lines up to the as-of date.
fn fold_transactions<'a>(
    transactions: &'a [Transaction],
    n: usize,
    detail: &mut Detail,
) -> Vec<Option<Purchases<'a>>> {
    let mut purchases: Vec<Option<Purchases>> = (0..n).map(|_| None).collect();
    for t in transactions {
        let Some(i) = detail.customer(t.code) else {
            continue;
        };
        if detail.left_out(t.at, t.date) {
            continue;
        }
        let p = purchases[i].get_or_insert_with(Purchases::default);
        p.amount += t.amount;
        let year = year_of(t.date);
        match p.by_year.iter_mut().find(|(y, _)| *y == year) {
            Some((_, a)) => *a += t.amount,
            None => p.by_year.push((year, t.amount)),
        }
        // A zero-amount line (赠品, a free sample) is a purchase; only negative lines (红字,
        // returns) are not.
        if t.amount >= 0.0 {
            match &t.doc_no {
                // The lines of one document usually follow each other: kept once here, the
                // sort and dedup below have less to do.
                Some(d) if p.docs.last() == Some(&&**d) => {}
                Some(d) => p.docs.push(d),
                None => p.rows_without_doc += 1.0,
            }
            p.first = Some(p.first.map_or(t.date, |f| f.min(t.date)));
            p.last = Some(p.last.map_or(t.date, |l| l.max(t.date)));
        }
    }
    purchases
}

/// Each customer's logins, hours, last login and modules, from the usage records.
fn fold_usage(usage: &[UsageEvent], n: usize, detail: &mut Detail) -> Vec<Option<Activity>> {
    let window_start = detail
        .as_of
        .checked_sub_signed(Duration::days(ACTIVITY_WINDOW_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut activity: Vec<Option<Activity>> = (0..n).map(|_| None).collect();
    // A module cell repeats on many lines (usage logs name a few modules): split once.
    let mut parts_of: HashMap<&str, Vec<String>> = HashMap::new();
    for u in usage {
        let Some(i) = detail.customer(u.code) else {
            continue;
        };
        if detail.left_out(u.at, u.date) {
            continue;
        }
        let a = activity[i].get_or_insert_with(Activity::default);
        if u.date > window_start {
            a.logins += 1.0;
            if let Some(h) = u.hours {
                a.hours += h;
                a.any_hours = true;
            }
        }
        a.last = Some(a.last.map_or(u.date, |l| l.max(u.date)));
        if let Some(m) = &u.module {
            for part in parts_of.entry(m).or_insert_with(|| split_list(m)).iter() {
                if !a.modules.contains(part) {
                    a.modules.push(part.clone());
                }
            }
        }
    }
    activity
}

/// Each customer's scores and complaints, from the survey records.
fn fold_surveys(surveys: &[SurveyEvent], n: usize, detail: &mut Detail) -> Vec<Option<Survey>> {
    let mut survey: Vec<Option<Survey>> = (0..n).map(|_| None).collect();
    for s in surveys {
        let Some(i) = detail.customer(s.code) else {
            continue;
        };
        if let Some(d) = s.date {
            if detail.left_out(s.at, d) {
                continue;
            }
        }
        let acc = survey[i].get_or_insert_with(Survey::default);
        if let Some(v) = s.score {
            acc.sum += v;
            acc.scored += 1;
        }
        acc.complaints += s.complaints;
    }
    survey
}

/// Which kinds of detail rows the inputs had.
#[derive(Clone, Copy)]
struct Present {
    transactions: bool,
    usage: bool,
    surveys: bool,
}

/// Puts a customer's purchases in its record.
fn put_purchases(c: &mut CustomerRecord, purchases: Option<Purchases>, has_tx: bool) {
    match purchases {
        Some(mut p) => {
            p.docs.sort_unstable();
            p.docs.dedup();
            c.purchase_amount = Some(p.amount);
            c.deal_count = Some(p.docs.len() as f64 + p.rows_without_doc);
            // The earliest known start: a 首次购买/签约日期 in the customers sheet may predate the export.
            c.first_purchase = c.first_purchase.into_iter().chain(p.first).min();
            c.last_purchase = p.last;
            c.amount_by_year = p.by_year.into_iter().collect();
        }
        // In no detail row: no purchases, unless a summary column said otherwise.
        None if has_tx && c.purchase_amount.is_none() && c.deal_count.is_none() => {
            c.purchase_amount = Some(0.0);
            c.deal_count = Some(0.0);
        }
        None => {}
    }
}

/// Puts a customer's activity in its record.
fn put_activity(c: &mut CustomerRecord, activity: Option<Activity>, has_usage: bool) {
    match activity {
        Some(a) => {
            c.login_count = Some(a.logins);
            c.last_login = a.last;
            if a.any_hours {
                c.usage_hours = Some(a.hours);
            }
            for m in a.modules {
                if !c.modules.contains(&m) {
                    c.modules.push(m);
                }
            }
        }
        None if has_usage && c.login_count.is_none() => c.login_count = Some(0.0),
        None => {}
    }
}

/// Puts a customer's survey results in its record.
fn put_survey(c: &mut CustomerRecord, survey: Option<Survey>) {
    if let Some(s) = survey {
        if s.scored > 0 {
            c.satisfaction = Some(s.sum / s.scored as f64);
        }
        c.complaints = Some(s.complaints);
    }
}

/// One `SourceChoice` finding per customers sheet whose summary columns the detail rows overrule.
fn source_choices(summaries: &[SummaryColumns], present: Present) -> Vec<Finding> {
    let detail_groups: [(bool, &[&str], SheetRole); 3] = [
        (
            present.transactions,
            &[
                "purchase_amount",
                "deal_count",
                // first_purchase is not replaced: the earlier of the sheet's and the detail's.
                "last_purchase",
            ],
            SheetRole::Transactions,
        ),
        (
            present.usage,
            &["login_count", "last_login", "usage_hours"],
            SheetRole::Usage,
        ),
        (
            present.surveys,
            &["satisfaction", "complaints"],
            SheetRole::Surveys,
        ),
    ];
    let mut findings = Vec::new();
    for sheet in summaries {
        let mut columns: Vec<String> = Vec::new();
        let mut detail: Vec<SheetRole> = Vec::new();
        for (present, fields, role) in detail_groups {
            if !present {
                continue;
            }
            let before = columns.len();
            columns.extend(
                sheet
                    .columns
                    .iter()
                    .filter(|(_, f)| fields.contains(f))
                    .map(|(h, _)| h.clone()),
            );
            if columns.len() > before {
                detail.push(role);
            }
        }
        if detail.is_empty() {
            continue;
        }
        findings.push(Finding {
            file: sheet.file.clone(),
            sheet: sheet.sheet.clone(),
            row: None,
            column: None,
            value: String::new(),
            issue: Issue::SourceChoice { columns, detail },
            rejected: false,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn src(row: u32) -> Place {
        Place { sheet: 0, row }
    }

    fn with_customers(codes: &[&str]) -> Extracted {
        let mut e = Extracted {
            places: vec![("f.xlsx".into(), "明细".into())],
            ..Extracted::default()
        };
        for (i, c) in codes.iter().enumerate() {
            e.dataset.customers.push(CustomerRecord {
                code: c.to_string(),
                ..CustomerRecord::default()
            });
            e.codes.push(DetailCode {
                text: (*c).into(),
                customer: Some(i),
            });
        }
        e
    }

    /// The position of a code given to [`with_customers`] as "A", "B", … in that order.
    fn id(code: &str) -> u32 {
        u32::from(code.as_bytes()[0] - b'A')
    }

    fn tx(row: u32, code: &str, date: &str, amount: f64, doc: Option<&str>) -> Transaction {
        Transaction {
            code: id(code),
            date: day(date),
            amount,
            doc_no: doc.map(Into::into),
            at: src(row),
        }
    }

    #[test]
    fn rfm_from_transactions() {
        // (rows, M, F, first, last)
        type Case = (
            Vec<Transaction>,
            Option<f64>,
            Option<f64>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                vec![tx(2, "A", "2026-01-01", 100.0, None)],
                Some(100.0),
                Some(1.0),
                Some("2026-01-01"),
                Some("2026-01-01"),
            ),
            (
                vec![
                    tx(2, "A", "2026-01-01", 100.0, Some("D1")),
                    tx(3, "A", "2026-01-01", 50.0, Some("D1")),
                    tx(4, "A", "2026-02-01", 10.0, Some("D2")),
                ],
                Some(160.0),
                Some(2.0),
                Some("2026-01-01"),
                Some("2026-02-01"),
            ),
            (
                vec![
                    tx(2, "A", "2026-01-01", 100.0, None),
                    tx(3, "A", "2026-03-01", -40.0, None),
                ],
                Some(60.0),
                Some(1.0),
                Some("2026-01-01"),
                Some("2026-01-01"),
            ),
            (
                vec![
                    tx(2, "A", "2026-01-01", 100.0, None),
                    tx(3, "A", "2026-10-01", 999.0, None),
                ],
                Some(100.0),
                Some(1.0),
                Some("2026-01-01"),
                Some("2026-01-01"),
            ),
            (
                // A zero-amount line (赠品) is a purchase: it counts in F and in the dates.
                vec![
                    tx(2, "A", "2026-01-01", 100.0, None),
                    tx(3, "A", "2026-05-01", 0.0, None),
                ],
                Some(100.0),
                Some(2.0),
                Some("2026-01-01"),
                Some("2026-05-01"),
            ),
            (
                vec![tx(2, "B", "2026-01-01", 100.0, None)],
                Some(0.0),
                Some(0.0),
                None,
                None,
            ),
        ];
        for (i, (rows, m, f, first, last)) in cases.into_iter().enumerate() {
            let mut e = with_customers(&["A", "B"]);
            e.dataset.rows_read = rows.len();
            e.transactions = rows;
            let d = aggregate(e, day("2026-09-30"));
            let a = &d.customers[0];
            assert_eq!(a.purchase_amount, m, "case {i}: M");
            assert_eq!(a.deal_count, f, "case {i}: F");
            assert_eq!(a.first_purchase, first.map(day), "case {i}: first");
            assert_eq!(a.last_purchase, last.map(day), "case {i}: last");
        }
    }

    #[test]
    fn a_customers_sheet_date_after_as_of_is_a_finding_and_not_used() {
        let mut e = with_customers(&["A", "B"]);
        e.dataset.customers[0].last_purchase = Some(day("2031-05-01"));
        e.dataset.customers[0].founded = Some(day("2010-01-01"));
        e.dataset.customers[1].last_purchase = Some(day("2026-09-30"));
        let d = aggregate(e, day("2026-09-30"));
        assert_eq!(
            d.customers[0].last_purchase, None,
            "recency unknown, not 0 days"
        );
        assert_eq!(d.customers[0].founded, Some(day("2010-01-01")));
        assert_eq!(d.customers[1].last_purchase, Some(day("2026-09-30")));
        let future: Vec<_> = d
            .dataset
            .findings
            .iter()
            .filter(|f| f.kind() == crate::model::FindingKind::FutureDate)
            .collect();
        assert_eq!(future.len(), 1, "{future:?}");
        assert_eq!(future[0].value, "2031-05-01");
        assert_eq!(
            future[0].issue,
            Issue::FutureCustomerDate {
                as_of: day("2026-09-30"),
                field: "last_purchase"
            }
        );
        assert!(!future[0].rejected, "the customer stays");
        assert_eq!(d.dataset.rows_rejected, 0);
    }

    #[test]
    fn future_rows_are_rejected_once_each() {
        let mut e = with_customers(&["A"]);
        e.transactions = vec![
            tx(2, "A", "2026-10-01", 5.0, None),
            tx(3, "A", "2026-09-30", 7.0, None),
        ];
        e.usage = vec![UsageEvent {
            code: id("A"),
            date: day("2026-12-01"),
            module: None,
            hours: None,
            at: src(4),
        }];
        e.surveys = vec![SurveyEvent {
            code: id("A"),
            score: Some(50.0),
            complaints: 0.0,
            date: Some(day("2027-01-01")),
            at: src(5),
        }];
        e.dataset.rows_read = 4;
        let d = aggregate(e, day("2026-09-30"));
        assert_eq!(d.dataset.rows_rejected, 3);
        let rows: Vec<Option<u32>> = d.dataset.findings.iter().map(|f| f.row).collect();
        assert_eq!(rows, [Some(2), Some(4), Some(5)]);
        assert!(d
            .dataset
            .findings
            .iter()
            .all(|f| f.kind() == crate::model::FindingKind::FutureDate && f.rejected));
        assert_eq!(
            d.customers[0].purchase_amount,
            Some(7.0),
            "the as-of day itself counts"
        );
        assert_eq!(d.customers[0].satisfaction, None);
        assert_eq!(
            d.dataset.findings[0].issue,
            Issue::FutureDate {
                as_of: day("2026-09-30")
            }
        );
    }

    #[test]
    fn logins_count_in_the_90_days_up_to_as_of() {
        let as_of = day("2026-09-30");
        // (login date, counted)
        let cases = [
            ("2026-09-30", true),
            ("2026-07-03", true),
            ("2026-07-02", false),
            ("2025-01-01", false),
        ];
        for (date, counted) in cases {
            let mut e = with_customers(&["A"]);
            e.usage = vec![UsageEvent {
                code: id("A"),
                date: day(date),
                module: Some("总账、报表".into()),
                hours: Some(2.0),
                at: src(2),
            }];
            let d = aggregate(e, as_of);
            let a = &d.customers[0];
            assert_eq!(
                a.login_count,
                Some(if counted { 1.0 } else { 0.0 }),
                "{date}"
            );
            assert_eq!(a.usage_hours, counted.then_some(2.0), "{date}");
            assert_eq!(a.last_login, Some(day(date)), "{date}");
            assert_eq!(a.modules, ["总账", "报表"], "{date}");
        }
    }

    #[test]
    fn surveys_average_and_count_complaints() {
        let mut e = with_customers(&["A", "B"]);
        let s = |score: Option<f64>, complaints: f64| SurveyEvent {
            code: id("A"),
            score,
            complaints,
            date: None,
            at: src(2),
        };
        e.surveys = vec![s(Some(80.0), 0.0), s(Some(60.0), 1.0), s(None, 2.0)];
        let d = aggregate(e, day("2026-09-30"));
        assert_eq!(d.customers[0].satisfaction, Some(70.0));
        assert_eq!(d.customers[0].complaints, Some(3.0));
        assert_eq!(
            (d.customers[1].satisfaction, d.customers[1].complaints),
            (None, None)
        );
    }
}
