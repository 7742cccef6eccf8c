//! `custseg check`: read and validate only; print what was read and the data-quality findings,
//! counted as `run` counts them (by cause, never one line per row).

use crate::aggregate::Aggregated;
use crate::cli::CheckArgs;
use crate::config::{expand_folders, parse_cli_date, parse_lang, resolve_as_of};
use crate::error::Result;
use crate::messages as msg;
use crate::model::{Dataset, Finding, Issue, Lang};
use crate::profile::Profile;
use crate::{aggregate, classify, extract, say};

/// Reads the inputs and prints what was found. Fails (exit 1) where `run` would fail on the
/// same input before writing: nothing readable, a sheet that mostly joins nothing, no customer.
pub fn check(args: &CheckArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let profile = Profile::load(&args.profile, lang)?;
    let as_of = args
        .as_of
        .as_deref()
        .map(|d| parse_cli_date(d, lang))
        .transpose()?;
    let (inputs, folder_notes) = expand_folders(&args.inputs, lang)?;
    print_err(&folder_notes);
    let extracted = extract::load_with(&inputs, &profile, args.include_hidden)?;
    let as_of = resolve_as_of(as_of, &extracted.dataset, lang);
    let Aggregated {
        mut dataset,
        customers,
    } = aggregate::aggregate(extracted, as_of.date);
    // The same stop as `run`'s, after the findings that say why are printed.
    let outcome = super::run::require_customers(&dataset, &customers);
    // Classifying adds its own findings (industries not mapped …): counted as `run` counts them.
    let n = customers.len();
    classify::classify(customers, &profile, as_of.date, &mut dataset.findings);
    if args.json {
        let value = serde_json::json!({
            "customers": n,
            "rows_read": dataset.rows_read,
            "rows_rejected": dataset.rows_rejected,
            "issues": dataset.findings.len(),
            "findings": findings_json(&dataset.findings, lang),
        });
        print_out(&value.to_string());
        return outcome;
    }
    // What was read (files, sheets, roles, columns), then what it said.
    let mut lines = super::shown::lines(&dataset, &profile.report, lang);
    lines.extend(join_warnings(&dataset, lang));
    lines.extend(findings_by_cause(&dataset.findings, lang));
    lines.push(say!(
        lang,
        "共 {} 个客户；读取 {} 行，使用 {} 行，剔除 {} 行；数据质量问题 {} 条。",
        "{} customers; {} rows read, {} used, {} rejected; {} data-quality findings.",
        n,
        dataset.rows_read,
        dataset.rows_read - dataset.rows_rejected,
        dataset.rows_rejected,
        dataset.findings.len()
    ));
    print_out(&lines.join("\n"));
    outcome
}

/// One warning per detail sheet some of whose rows (not most: that stops the run) join no
/// customer.
pub(super) fn join_warnings(dataset: &Dataset, lang: Lang) -> Vec<String> {
    dataset
        .joins
        .iter()
        .filter(|j| j.unjoined > 0)
        .map(|j| msg::join_warning(lang, &j.file, &j.sheet, j.unjoined, j.rows))
        .collect()
}

/// One line per cause, in the order first seen, with its count and up to three examples
/// (file, sheet, row). A cause is the finding's issue with the data of its own row set aside
/// (the code, the other row, the count), so 100 duplicated codes are one cause; its sentence is
/// shown when every finding of the cause says the same. The 数据质量 sheet keeps every row.
pub(super) fn findings_by_cause(findings: &[Finding], lang: Lang) -> Vec<String> {
    struct Cause<'a> {
        first: &'a Finding,
        sentence: Option<String>,
        count: usize,
        examples: Vec<&'a Finding>,
    }
    let mut causes: Vec<Cause> = Vec::new();
    for f in findings {
        let sentence = msg::finding_problem(lang, f);
        match causes
            .iter_mut()
            .find(|c| same_cause(&c.first.issue, &f.issue))
        {
            Some(c) => {
                c.count += 1;
                if c.sentence.as_ref() != Some(&sentence) {
                    c.sentence = None;
                }
                if c.examples.len() < 3 && !f.file.is_empty() {
                    c.examples.push(f);
                }
            }
            None => causes.push(Cause {
                first: f,
                sentence: Some(sentence),
                count: 1,
                examples: if f.file.is_empty() { vec![] } else { vec![f] },
            }),
        }
    }
    causes
        .into_iter()
        .map(|c| {
            let examples: Vec<String> = c
                .examples
                .iter()
                .map(|f| msg::findings_example(lang, &f.file, &f.sheet, f.row))
                .collect();
            let examples = examples.join(lang.pick("；", "; "));
            let label = c.first.kind().label(lang);
            msg::findings_cause_line(lang, label, c.sentence.as_deref(), c.count, &examples)
        })
        .collect()
}

/// True when two issues have one cause: the same variant and the same data about the cause
/// (the value's type, the range, the rule), whatever the data about their own rows.
fn same_cause(a: &Issue, b: &Issue) -> bool {
    use std::mem::discriminant;
    match (a, b) {
        (Issue::MissingValue { what: x }, Issue::MissingValue { what: y })
        | (Issue::BadValue { what: x }, Issue::BadValue { what: y }) => x == y,
        (Issue::OutOfRange { range: x }, Issue::OutOfRange { range: y }) => x == y,
        (Issue::OddCode { typical: x }, Issue::OddCode { typical: y }) => {
            x.is_some() == y.is_some()
        }
        (Issue::SheetSkipped { why: x }, Issue::SheetSkipped { why: y }) => {
            discriminant(x) == discriminant(y)
        }
        (Issue::JoinRule { rule: x, .. }, Issue::JoinRule { rule: y, .. }) => {
            discriminant(x) == discriminant(y)
        }
        _ => discriminant(a) == discriminant(b),
    }
}

/// The findings as `check --json` lists them: the place, the kind, and the problem and action
/// worded in the run's language.
fn findings_json(findings: &[Finding], lang: Lang) -> serde_json::Value {
    findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "file": f.file,
                "sheet": f.sheet,
                "row": f.row,
                "column": msg::finding_column(lang, f),
                "value": f.value,
                "kind": format!("{:?}", f.kind()),
                "problem": msg::finding_problem(lang, f),
                "action": msg::finding_action(lang, f),
                "rejected": f.rejected,
            })
        })
        .collect()
}

/// Writes a text and a line end to stdout. A closed or full stdout (`| head`, `> /dev/full`)
/// is not an error: the rest of the output is dropped quietly.
pub(super) fn print_out(text: &str) {
    crate::console::outln(text);
}

/// Writes lines to stderr; a closed stderr drops them quietly.
pub(super) fn print_err(lines: &[String]) {
    for line in lines {
        crate::console::errln(line);
    }
}

#[cfg(test)]
mod tests {
    use super::findings_by_cause;
    use crate::model::{Finding, Issue, Lang};

    fn finding(issue: Issue, row: u32, value: &str) -> Finding {
        Finding {
            file: "a.xlsx".into(),
            sheet: "S".into(),
            row: Some(row),
            column: None,
            value: value.into(),
            issue,
            rejected: false,
        }
    }

    #[test]
    fn findings_are_counted_by_cause_with_three_examples() {
        let mut findings: Vec<Finding> = (2..8)
            .map(|r| finding(Issue::UnknownCustomer, r, "X9"))
            .collect();
        findings.push(finding(Issue::DuplicateCode { first_row: 3 }, 9, "A1"));
        findings.push(finding(Issue::DuplicateCode { first_row: 4 }, 10, "A2"));
        let lines = findings_by_cause(&findings, Lang::Zh);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[0],
            "客户档案中无此编码（6 条）：客户档案中没有这个客户编码。如 a.xlsx / S 第 2 行；a.xlsx / S 第 3 行；a.xlsx / S 第 4 行"
        );
        assert_eq!(
            lines[1],
            "客户编码重复（2 条），如 a.xlsx / S 第 9 行；a.xlsx / S 第 10 行"
        );
        let en = findings_by_cause(&findings[6..7], Lang::En);
        assert_eq!(
            en,
            ["Duplicate customer code (1): customer code A1 appears again (first on row 3). E.g. a.xlsx / S row 9"]
        );
    }

    #[test]
    fn a_finding_about_the_whole_base_has_no_example() {
        let f = Finding {
            file: String::new(),
            sheet: String::new(),
            row: None,
            column: None,
            value: String::new(),
            issue: Issue::DimensionAbsent {
                dimension: crate::profile::Dimension::Activity,
            },
            rejected: false,
        };
        let lines = findings_by_cause(&[f], Lang::Zh);
        assert_eq!(
            lines,
            ["其他（1 条）：所有客户都没有活跃维度的数据（近90天登录次数、最近登录、使用模块、使用时长或登录记录）"]
        );
    }
}
