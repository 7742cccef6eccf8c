//! `custseg check`: read and validate only; print the data-quality findings.

use crate::aggregate::Aggregated;
use crate::cli::CheckArgs;
use crate::config::{parse_cli_date, parse_lang, resolve_as_of};
use crate::error::Result;
use crate::profile::Profile;
use crate::{aggregate, extract, say};

/// Reads the inputs and prints what was found.
pub fn check(args: &CheckArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let profile = Profile::load(&args.profile, lang)?;
    let as_of = args
        .as_of
        .as_deref()
        .map(|d| parse_cli_date(d, lang))
        .transpose()?;
    let extracted = extract::load_with(&args.inputs, &profile, lang, args.include_hidden)?;
    let as_of = resolve_as_of(as_of, &extracted.dataset, lang);
    let Aggregated { dataset, customers } = aggregate::aggregate(extracted, as_of.date, lang);
    if args.json {
        let value = serde_json::json!({
            "customers": customers.len(),
            "rows_read": dataset.rows_read,
            "rows_rejected": dataset.rows_rejected,
            "issues": dataset.findings.len(),
            "findings": dataset.findings,
        });
        println!("{value}");
        return Ok(());
    }
    super::shown::print_stdout(&dataset, lang);
    for f in &dataset.findings {
        let mut place = format!("{} / {}", f.file, f.sheet);
        if let Some(row) = f.row {
            place += &say!(lang, " 第 {} 行", " row {}", row);
        }
        if let Some(col) = &f.column {
            place += &say!(lang, "「{}」列", ", column {}", col);
        }
        let value = if f.value.is_empty() {
            String::new()
        } else {
            format!("“{}” ", f.value)
        };
        let sep = lang.pick("：", ": ");
        let semi = lang.pick("；", "; ");
        println!("{place}{sep}{value}{}{semi}{}", f.problem, f.action);
    }
    println!(
        "{}",
        say!(
            lang,
            "共 {} 个客户；读取 {} 行，使用 {} 行，剔除 {} 行；数据质量问题 {} 条。",
            "{} customers; {} rows read, {} used, {} rejected; {} data-quality findings.",
            customers.len(),
            dataset.rows_read,
            dataset.rows_read - dataset.rows_rejected,
            dataset.rows_rejected,
            dataset.findings.len()
        )
    );
    Ok(())
}
