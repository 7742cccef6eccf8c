//! `custseg check`: read and validate only; print what was read and the data-quality findings,
//! counted as `run` counts them (by cause, never one line per row).

use crate::aggregate::Aggregated;
use crate::cli::CheckArgs;
use crate::config::{expand_folders, parse_cli_date, parse_lang, resolve_as_of};
use crate::error::Result;
use crate::messages as msg;
use crate::model::{Dataset, Finding, FindingKind, Lang};
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
    let extracted = extract::load_with(&inputs, &profile, lang, args.include_hidden)?;
    let as_of = resolve_as_of(as_of, &extracted.dataset, lang);
    let Aggregated {
        mut dataset,
        customers,
    } = aggregate::aggregate(extracted, as_of.date, lang);
    // The same stop as `run`'s, after the findings that say why are printed.
    let outcome = super::run::require_customers(&dataset, &customers, lang);
    // Classifying adds its own findings (industries not mapped …): counted as `run` counts them.
    let n = customers.len();
    classify::classify(customers, &profile, as_of.date, lang, &mut dataset.findings);
    if args.json {
        let value = serde_json::json!({
            "customers": n,
            "rows_read": dataset.rows_read,
            "rows_rejected": dataset.rows_rejected,
            "issues": dataset.findings.len(),
            "findings": dataset.findings,
        });
        print_out(&value.to_string());
        return outcome;
    }
    // What was read (files, sheets, roles, columns), then what it said.
    let mut lines = super::shown::lines(&dataset, lang);
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
/// (file, sheet, row). A cause is the finding's kind and its problem text with the codes, row
/// numbers and other figures in it set aside (so 100 duplicated codes are one cause); the text
/// is shown when every finding of the cause says the same. The 数据质量 sheet keeps every row.
pub(super) fn findings_by_cause(findings: &[Finding], lang: Lang) -> Vec<String> {
    struct Cause<'a> {
        kind: FindingKind,
        key: String,
        problem: Option<&'a str>,
        count: usize,
        examples: Vec<&'a Finding>,
    }
    let mut causes: Vec<Cause> = Vec::new();
    for f in findings {
        let key = cause_key(&f.problem);
        match causes.iter_mut().find(|c| c.kind == f.kind && c.key == key) {
            Some(c) => {
                c.count += 1;
                if c.problem != Some(f.problem.as_str()) {
                    c.problem = None;
                }
                if c.examples.len() < 3 && !f.file.is_empty() {
                    c.examples.push(f);
                }
            }
            None => causes.push(Cause {
                kind: f.kind,
                key,
                problem: Some(&f.problem),
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
            msg::findings_cause_line(lang, c.kind.label(lang), c.problem, c.count, &examples)
        })
        .collect()
}

/// A problem text with every run of letters, digits and `-_./:` that holds a digit replaced by
/// `#`: "客户编码 000170 重复（第一次出现在第 160 行）" → "客户编码 # 重复（第一次出现在第 # 行）".
fn cause_key(problem: &str) -> String {
    let mut key = String::with_capacity(problem.len());
    let mut word = String::new();
    let flush = |word: &mut String, key: &mut String| {
        if word.chars().any(|c| c.is_ascii_digit()) {
            key.push('#');
        } else {
            key.push_str(word);
        }
        word.clear();
    };
    for c in problem.chars() {
        if c.is_ascii_alphanumeric() || "-_./:".contains(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut key);
            key.push(c);
        }
    }
    flush(&mut word, &mut key);
    key
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
    use super::{cause_key, findings_by_cause};
    use crate::model::{Finding, FindingKind, Lang};

    fn finding(kind: FindingKind, row: u32, problem: &str) -> Finding {
        Finding {
            file: "a.xlsx".into(),
            sheet: "S".into(),
            row: Some(row),
            column: None,
            value: String::new(),
            problem: problem.into(),
            action: String::new(),
            rejected: false,
            kind,
        }
    }

    #[test]
    fn figures_in_a_problem_are_set_aside() {
        assert_eq!(
            cause_key("客户编码 000170 重复（第一次出现在第 160 行）"),
            "客户编码 # 重复（第一次出现在第 # 行）"
        );
        assert_eq!(cause_key("日期晚于基准日 2026-09-30"), "日期晚于基准日 #");
        assert_eq!(cause_key("无法识别的金额"), "无法识别的金额");
    }

    #[test]
    fn findings_are_counted_by_cause_with_three_examples() {
        let mut findings: Vec<Finding> = (2..8)
            .map(|r| finding(FindingKind::UnknownCustomer, r, "没有这个编码"))
            .collect();
        findings.push(finding(FindingKind::DuplicateCode, 9, "编码 A1 重复"));
        findings.push(finding(FindingKind::DuplicateCode, 10, "编码 A2 重复"));
        let lines = findings_by_cause(&findings, Lang::Zh);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("6 条"), "{}", lines[0]);
        assert!(lines[0].contains("第 4 行") && !lines[0].contains("第 5 行"));
        assert!(lines[1].starts_with("客户编码重复：2 条"), "{}", lines[1]);
    }
}
