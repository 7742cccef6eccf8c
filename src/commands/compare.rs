//! `custseg compare OLD NEW`: the migration between two result workbooks, as its own workbook
//! and PDF report, both named after NEW's customers file and both quarters.

use std::path::Path;

use crate::cli::CompareArgs;
use crate::config::{parent_dir, parse_lang, period};
use crate::error::{Cause, Error, Result};
use crate::model::{Lang, Migration};
use crate::report::font::Font;
use crate::{compare, messages, output, report, say, workbook};

/// Compares two result workbooks and writes `<stem>_<2026Q2>-<2026Q3>_季度变动.xlsx` and `.pdf`
/// (`<NEW stem>_季度变动.…` when a quarter cannot be read); both are built before either is
/// written.
pub fn compare(args: &CompareArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    refuse_swapped(args)?;
    let previous = compare::read_snapshot(&args.previous)?;
    let current = compare::read_snapshot(&args.current)?;
    let mut migration = compare::migrate(&previous, &current, &file_name(&args.previous));
    migration.previous_period = compare::result_facts(&args.previous);
    migration.current_period = compare::result_facts(&args.current);
    let generated_at = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
    let xlsx = workbook::build_migration(&migration, lang)?;
    let pdf = report::migration_report(&migration, lang, &Font::embedded(), &generated_at)?;
    let dir = args
        .out_dir
        .clone()
        .unwrap_or_else(|| parent_dir(&args.current));
    let stem = output_stem(&args.current, &migration, lang);
    let inputs = [args.previous.clone(), args.current.clone()];
    // Both or neither: each is written beside its target first, then both are renamed.
    let book = dir.join(format!("{stem}.xlsx"));
    let paper = dir.join(format!("{stem}.pdf"));
    let staged = vec![
        (output::Staged::with_bytes(&book, &xlsx)?, book),
        (output::Staged::with_bytes(&paper, &pdf)?, paper),
    ];
    let mut kept = String::new();
    let mut written = Vec::new();
    for placed in output::commit_all(staged, &inputs)? {
        if let Some((existing, why)) = placed.kept {
            kept.push_str(&messages::output_kept(lang, &existing, why, &placed.path));
        }
        written.push(placed.path.display().to_string());
    }
    crate::console::outln(&format!(
        "{}{kept}",
        say!(
            lang,
            "升级 {} 个，降级 {} 个，新增 {} 个，流失 {} 个。结果已写入：{}",
            "{} upgraded, {} downgraded, {} new, {} lost. Written: {}",
            migration.upgraded.len(),
            migration.downgraded.len(),
            migration.new.len(),
            migration.lost.len(),
            written.join(lang.pick("、", ", "))
        )
    ));
    Ok(())
}

/// The outputs' name without extension: the customers file's stem (NEW's name before its
/// `_<period>_`) and both quarters, else NEW's own stem.
fn output_stem(current: &Path, m: &Migration, lang: Lang) -> String {
    let own = current
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let what = lang.pick("季度变动", "migration");
    match (&m.previous_period, &m.current_period) {
        (Some(p), Some(c)) => {
            let marker = format!("_{}_", c.period);
            let stem = own.find(&marker).map_or(own.as_str(), |i| &own[..i]);
            format!("{stem}_{}-{}_{what}", p.period, c.period)
        }
        _ => format!("{own}_{what}"),
    }
}

fn file_name(p: &Path) -> String {
    crate::console::file_shown(p)
}

/// An input error when the previous workbook's as-of date is not earlier than the current one's
/// (the two files given the wrong way round); nothing is said when either date cannot be read.
fn refuse_swapped(args: &CompareArgs) -> Result<()> {
    let (Some(then), Some(now)) = (
        compare::result_as_of(&args.previous),
        compare::result_as_of(&args.current),
    ) else {
        return Ok(());
    };
    if then < now {
        return Ok(());
    }
    if then == now {
        return Err(Error::input(Cause::CompareSamePeriod {
            previous: file_name(&args.previous),
            current: file_name(&args.current),
            period: format!("{}, {}", period(then), then.format("%Y-%m-%d")),
        }));
    }
    Err(Error::input(Cause::CompareSwapped {
        previous: file_name(&args.previous),
        previous_period: format!("{}, {}", period(then), then.format("%Y-%m-%d")),
        current: file_name(&args.current),
        current_period: format!("{}, {}", period(now), now.format("%Y-%m-%d")),
    }))
}
