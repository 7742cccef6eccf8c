//! Extract, finishing: joins detail rows to customers (exactly, else by one stated
//! normalisation, and stops when most rows of a sheet still join nothing), flags credit codes
//! shared by two codes, pads the input columns and finds the latest date.

use std::collections::HashMap;

use crate::error::{Cause, Error, Result};
use crate::fields::header_key;
use crate::model::{
    Cell, CustomerPart, CustomerRecord, Finding, FindingKind, Issue, JoinHealth, JoinRule,
    SheetRole,
};
use crate::values::fold_width;

use super::builder::{Builder, RowPlace};
use super::{DetailCode, Extracted, Place};

/// Joins detail rows to customers, flags shared credit codes, pads `original`, finds the
/// latest date.
///
/// # Errors
/// An input error (one paragraph) when more than half of a detail sheet's rows, or all of
/// them, join no customer even after a normalisation.
pub(super) fn finish(b: &mut Builder) -> Result<()> {
    // Every date read counts for the as-of date, also those of rows whose code joins nothing.
    let latest = latest_date(&b.out);
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
    flag_unrelated_customer_sheets(b);
    b.out.dataset.latest_date = latest;
    match b.out.dataset.joins.iter().find(|j| too_few_join(j)) {
        Some(j) => Err(Error::input(join_stop(b, j))),
        None => Ok(()),
    }
}

/// More than half of the sheet's rows (or all of them) join no customer.
fn too_few_join(j: &JoinHealth) -> bool {
    j.rows > 0 && (j.unjoined * 2 > j.rows || j.unjoined == j.rows)
}

/// What stops a run whose detail sheet mostly joins nothing: the sheet, the share, three codes
/// from each side and whether both sides' codes have the same form.
fn join_stop(b: &Builder, j: &JoinHealth) -> Cause {
    // The events of unjoined codes were taken out; their findings keep the codes.
    let mut detail: Vec<&str> = Vec::new();
    for f in &b.out.dataset.findings {
        let here =
            f.kind() == FindingKind::UnknownCustomer && f.file == j.file && f.sheet == j.sheet;
        if here && !detail.contains(&f.value.as_str()) {
            detail.push(&f.value);
            if detail.len() == 3 {
                break;
            }
        }
    }
    let customers: Vec<&str> = b
        .out
        .dataset
        .customers
        .iter()
        .take(3)
        .map(|c| c.code.as_str())
        .collect();
    let shapes = |codes: &[&str]| -> Vec<String> { codes.iter().map(|c| shape(c)).collect() };
    let (ds, cs) = (shapes(&detail), shapes(&customers));
    let owned = |codes: Vec<&str>| codes.into_iter().map(str::to_string).collect();
    Cause::DetailsUnjoined {
        file: j.file.clone(),
        sheet: j.sheet.clone(),
        unjoined: j.unjoined,
        rows: j.rows,
        same_form: ds.iter().any(|d| cs.contains(d)),
        detail_codes: owned(detail),
        customer_codes: owned(customers),
    }
}

/// Customers sheets that share no customer code with the sheets before them and differ from the
/// first in their columns (fewer than half of the fields in common) or in the usual form of their
/// codes are likely two systems' or two companies' lists dropped together: they are still read as
/// one base, and a finding about the whole base names each sheet with its customers.
fn flag_unrelated_customer_sheets(b: &mut Builder) {
    struct Part {
        file: String,
        sheet: String,
        customers: usize,
        shapes: HashMap<String, usize>,
        shared: bool,
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for c in &b.out.dataset.customers {
        let key = (c.source.file.as_str(), c.source.sheet.as_str());
        let i = *at.entry(key).or_insert_with(|| {
            parts.push(Part {
                file: c.source.file.clone(),
                sheet: c.source.sheet.clone(),
                customers: 0,
                shapes: HashMap::new(),
                shared: false,
            });
            parts.len() - 1
        });
        parts[i].customers += 1;
        *parts[i].shapes.entry(shape(&c.code)).or_default() += 1;
    }
    if parts.len() < 2 {
        return;
    }
    // A code met again on a later sheet (a duplicate whose first row is on another sheet) ties
    // that sheet to the base.
    for f in &b.out.dataset.findings {
        if f.kind() != FindingKind::DuplicateCode {
            continue;
        }
        let Some(&p) = b.index.get(&f.value) else {
            continue;
        };
        let first = &b.out.dataset.customers[p].source;
        if (first.file.as_str(), first.sheet.as_str()) != (f.file.as_str(), f.sheet.as_str()) {
            if let Some(&i) = at.get(&(f.file.as_str(), f.sheet.as_str())) {
                parts[i].shared = true;
            }
        }
    }
    let fields_of = |file: &str, sheet: &str| -> Vec<String> {
        let sheets = b.out.dataset.inputs.iter().filter(|i| {
            std::path::Path::new(&i.path)
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == file)
        });
        sheets
            .flat_map(|i| i.sheets.iter())
            .filter(|s| s.name == sheet && s.role == SheetRole::Customers)
            .flat_map(|s| s.columns.iter().map(|(_, f)| f.clone()))
            .filter(|f| f != "code" && f != "name")
            .collect()
    };
    let usual = |p: &Part| {
        p.shapes
            .iter()
            .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
            .map(|(s, _)| s.clone())
    };
    let first_fields = fields_of(&parts[0].file, &parts[0].sheet);
    let first_shape = usual(&parts[0]);
    let apart = parts[1..].iter().any(|p| {
        let fields = fields_of(&p.file, &p.sheet);
        let common = fields.iter().filter(|f| first_fields.contains(f)).count();
        let all = first_fields.len() + fields.len() - common;
        let unlike_columns = common * 2 < all;
        !p.shared && (unlike_columns || usual(p) != first_shape)
    });
    if !apart {
        return;
    }
    let parts = parts
        .into_iter()
        .map(|p| CustomerPart {
            file: p.file,
            sheet: p.sheet,
            customers: p.customers,
        })
        .collect();
    b.out.dataset.findings.push(Finding {
        file: String::new(),
        sheet: String::new(),
        row: None,
        column: None,
        value: String::new(),
        issue: Issue::UnrelatedCustomers { parts },
        rejected: false,
    });
}

/// A code's form: each digit as 9, each letter as A, the rest as it is.
fn shape(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            '0'..='9' => '9',
            c if c.is_alphabetic() && c.is_ascii() => 'A',
            c => c,
        })
        .collect()
}

/// One normalisation a detail sheet's codes may need to join the customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Rule {
    LeadingZeros,
    Spaces,
    Width,
    Case,
    Prefix,
}

impl Rule {
    const ALL: [Rule; 5] = [
        Rule::LeadingZeros,
        Rule::Spaces,
        Rule::Width,
        Rule::Case,
        Rule::Prefix,
    ];

    /// The code as this rule compares it; `prefix` is the side's constant prefix (Prefix only).
    fn key(self, code: &str, prefix: &str) -> String {
        match self {
            Rule::LeadingZeros => {
                let t = code.trim_start_matches('0');
                if t.is_empty() && !code.is_empty() {
                    "0".to_string()
                } else {
                    t.to_string()
                }
            }
            Rule::Spaces => code.chars().filter(|c| !c.is_whitespace()).collect(),
            Rule::Width => fold_width(code).into_owned(),
            Rule::Case => code.to_uppercase(),
            Rule::Prefix => code.strip_prefix(prefix).unwrap_or(code).to_string(),
        }
    }

    /// The rule as the findings state it.
    fn stated(self, detail_prefix: &str, customer_prefix: &str) -> JoinRule {
        match self {
            Rule::LeadingZeros => JoinRule::LeadingZeros,
            Rule::Spaces => JoinRule::Spaces,
            Rule::Width => JoinRule::Width,
            Rule::Case => JoinRule::Case,
            Rule::Prefix => JoinRule::Prefix {
                detail: detail_prefix.to_string(),
                customers: customer_prefix.to_string(),
            },
        }
    }
}

/// The run of non-digits every code starts with, when each code has more after it.
fn constant_prefix<'a>(mut codes: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = codes.next() else {
        return String::new();
    };
    let prefix: String = first.chars().take_while(|c| !c.is_ascii_digit()).collect();
    if prefix.is_empty() || prefix.len() == first.len() {
        return String::new();
    }
    if codes.all(|c| c.len() > prefix.len() && c.starts_with(&prefix)) {
        prefix
    } else {
        String::new()
    }
}

/// The customers by a rule's key; a key two customers share leads nowhere.
fn keyed(b: &Builder, rule: Rule, prefix: &str) -> HashMap<String, Option<usize>> {
    let mut map: HashMap<String, Option<usize>> = HashMap::new();
    for (i, c) in b.out.dataset.customers.iter().enumerate() {
        map.entry(rule.key(&c.code, prefix))
            .and_modify(|v| *v = None)
            .or_insert(Some(i));
    }
    map
}

/// Points each detail code at its customer: exactly first; a sheet most of whose rows do not
/// match exactly is joined by the one normalisation that joins most of its rows (stated as a
/// finding). The rows of a code no customer has are rejected; each sheet's join is recorded.
fn join_detail_rows(b: &mut Builder) {
    b.out.codes = std::mem::take(&mut b.detail_codes)
        .into_iter()
        .map(|(code, _, _)| DetailCode {
            customer: b.index.get(&code).copied(),
            text: code.into_boxed_str(),
        })
        .collect();
    // Rows per code in each detail sheet.
    let mut per_sheet: Vec<HashMap<u32, usize>> = vec![HashMap::new(); b.out.places.len()];
    let events = (b.out.transactions.iter().map(|t| (t.code, t.at)))
        .chain(b.out.usage.iter().map(|u| (u.code, u.at)))
        .chain(b.out.surveys.iter().map(|s| (s.code, s.at)));
    for (code, at) in events {
        *per_sheet[at.sheet as usize].entry(code).or_default() += 1;
    }
    let customer_prefix = constant_prefix(b.out.dataset.customers.iter().map(|c| c.code.as_str()));
    let mut keyed_by: KeyedBy = HashMap::new();
    for (sheet, counts) in per_sheet.iter().enumerate() {
        let rows: usize = counts.values().sum();
        let unmatched = |codes: &[DetailCode]| -> Vec<(u32, usize)> {
            let mut v: Vec<(u32, usize)> = counts
                .iter()
                .filter(|(c, _)| codes[**c as usize].customer.is_none())
                .map(|(c, n)| (*c, *n))
                .collect();
            v.sort_unstable();
            v
        };
        let missing = unmatched(&b.out.codes);
        let missed: usize = missing.iter().map(|(_, n)| n).sum();
        let mut stated = None;
        if rows > 0 && missed * 2 > rows {
            // The prefix must be the whole sheet's: when some codes join as they are and others
            // carry another prefix (DW0001 beside ZZ0006), those others are not this company's
            // customers under another name, and no rule may say so.
            let detail_prefix =
                constant_prefix(counts.keys().map(|c| &*b.out.codes[*c as usize].text));
            let best = best_rule(
                b,
                &missing,
                counts,
                &detail_prefix,
                &customer_prefix,
                &mut keyed_by,
            );
            if let Some(Found { rule, codes, .. }) = best {
                for (c, i) in codes {
                    b.out.codes[c as usize].customer = Some(i);
                }
                stated = Some(rule.stated(&detail_prefix, &customer_prefix));
            }
        }
        let unjoined: usize = unmatched(&b.out.codes).iter().map(|(_, n)| n).sum();
        let (file, name) = b.out.places[sheet].clone();
        if let Some(rule) = &stated {
            let issue = Issue::JoinRule {
                rule: rule.clone(),
                joined: rows - unjoined,
                rows,
            };
            b.sheet_finding(&file, &name, issue);
        }
        if rows > 0 {
            b.out.dataset.joins.push(JoinHealth {
                file,
                sheet: name,
                rows,
                unjoined,
                rule: stated,
            });
        }
    }
    reject_unjoined(b);
}

/// A rule and what it joins: (detail code, customer) pairs and the rows they carry.
struct Found {
    rule: Rule,
    joined: usize,
    codes: Vec<(u32, usize)>,
}

/// The customers by each rule's key, made once per rule when first needed.
type KeyedBy = HashMap<Rule, HashMap<String, Option<usize>>>;

/// The rule that joins most of a sheet's unmatched rows (`missing`: code and rows), if any.
fn best_rule(
    b: &Builder,
    missing: &[(u32, usize)],
    counts: &HashMap<u32, usize>,
    detail_prefix: &str,
    customer_prefix: &str,
    keyed_by: &mut KeyedBy,
) -> Option<Found> {
    let mut best: Option<Found> = None;
    for rule in Rule::ALL {
        if rule == Rule::Prefix && detail_prefix == customer_prefix {
            continue;
        }
        let map = keyed_by
            .entry(rule)
            .or_insert_with(|| keyed(b, rule, customer_prefix));
        let codes: Vec<(u32, usize)> = missing
            .iter()
            .filter_map(|(c, _)| {
                let key = rule.key(&b.out.codes[*c as usize].text, detail_prefix);
                map.get(&key).copied().flatten().map(|i| (*c, i))
            })
            .collect();
        let joined: usize = codes
            .iter()
            .map(|(c, _)| counts.get(c).copied().unwrap_or(0))
            .sum();
        if joined > 0 && best.as_ref().is_none_or(|f| joined > f.joined) {
            best = Some(Found {
                rule,
                joined,
                codes,
            });
        }
    }
    best
}

/// Rejects the rows of codes no customer has, each with its finding.
fn reject_unjoined(b: &mut Builder) {
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
        let header = b
            .code_headers
            .get(&(src.file.clone(), src.sheet.clone()))
            .cloned();
        let value = b.out.codes[code as usize].text.to_string();
        b.reject(&at, header.as_deref(), value, Issue::UnknownCustomer);
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
        let issue = Issue::DuplicateCreditCode { other: first };
        b.note(&at, credit_header.as_deref(), value, issue);
    }
}

/// The latest date in the data that is not in the future: every detail row read (joined or
/// not) and the customers sheets' purchase and login dates.
fn latest_date(d: &Extracted) -> Option<chrono::NaiveDate> {
    let today = chrono::Local::now().date_naive();
    d.transactions
        .iter()
        .map(|t| t.date)
        .chain(d.usage.iter().map(|u| u.date))
        .chain(d.surveys.iter().filter_map(|s| s.date))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_purchase))
        .chain(d.dataset.customers.iter().filter_map(|c| c.last_login))
        .chain(d.dataset.customers.iter().filter_map(|c| c.first_purchase))
        .filter(|d| *d <= today)
        .max()
}

#[cfg(test)]
mod tests {
    use super::{constant_prefix, shape, Rule};

    #[test]
    fn each_rule_compares_codes_its_own_way() {
        let cases = [
            (Rule::LeadingZeros, "000001", "1"),
            (Rule::LeadingZeros, "000", "0"),
            (Rule::Spaces, " A 01\u{3000}", "A01"),
            (Rule::Width, "Ａ０１", "A01"),
            (Rule::Case, "ab01", "AB01"),
        ];
        for (rule, code, key) in cases {
            assert_eq!(rule.key(code, ""), key, "{rule:?} {code}");
        }
        assert_eq!(Rule::Prefix.key("KH-0001", "KH-"), "0001");
        assert_eq!(Rule::Prefix.key("0001", ""), "0001");
    }

    #[test]
    fn a_constant_prefix_is_the_non_digits_every_code_starts_with() {
        assert_eq!(constant_prefix(["C001", "C002"].into_iter()), "C");
        assert_eq!(constant_prefix(["KH-1", "KH-22"].into_iter()), "KH-");
        assert_eq!(constant_prefix(["C001", "D002"].into_iter()), "");
        assert_eq!(constant_prefix(["001", "002"].into_iter()), "");
        assert_eq!(
            constant_prefix(["ABC", "ABD"].into_iter()),
            "",
            "no digits after"
        );
    }

    #[test]
    fn a_codes_shape_keeps_its_form() {
        assert_eq!(shape("KH-1001"), "AA-9999");
        assert_eq!(shape("000001"), "999999");
    }
}
