//! `custseg compare OLD NEW`: the migration between two result workbooks, as its own workbook.

use crate::cli::CompareArgs;
use crate::config::{parent_dir, parse_lang, period};
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::{compare, messages, output, say, workbook};

/// Compares two result workbooks and writes `<NEW stem>_季度变动.xlsx`.
pub fn compare(args: &CompareArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    refuse_swapped(args, lang)?;
    let previous = compare::read_snapshot(&args.previous, lang)?;
    let current = compare::read_snapshot(&args.current, lang)?;
    let name = args
        .previous
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let migration = compare::migrate(&previous, &current, &name);
    let bytes = workbook::build_migration(&migration, lang)?;
    let stem = args
        .current
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = args
        .out_dir
        .clone()
        .unwrap_or_else(|| parent_dir(&args.current));
    let file = dir.join(match lang {
        crate::model::Lang::Zh => format!("{stem}_季度变动.xlsx"),
        crate::model::Lang::En => format!("{stem}_migration.xlsx"),
    });
    let inputs = [args.previous.clone(), args.current.clone()];
    let placed = output::write_placed(&file, &bytes, &inputs, lang)?;
    let kept = placed
        .kept
        .map(|(existing, why)| messages::output_kept(lang, &existing, why, &placed.path))
        .unwrap_or_default();
    println!(
        "{}{kept}",
        say!(
            lang,
            "升级 {} 个，降级 {} 个，新增 {} 个，流失 {} 个。结果已写入：{}",
            "{} upgraded, {} downgraded, {} new, {} lost. Written: {}",
            migration.upgraded.len(),
            migration.downgraded.len(),
            migration.new.len(),
            migration.lost.len(),
            placed.path.display()
        )
    );
    Ok(())
}

/// An input error when the previous workbook's as-of date is not earlier than the current one's
/// (the two files given the wrong way round); nothing is said when either date cannot be read.
fn refuse_swapped(args: &CompareArgs, lang: Lang) -> Result<()> {
    let (Some(then), Some(now)) = (
        compare::result_as_of(&args.previous),
        compare::result_as_of(&args.current),
    ) else {
        return Ok(());
    };
    if then < now {
        return Ok(());
    }
    let name = |p: &std::path::Path| {
        p.file_name()
            .unwrap_or(p.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    if then == now {
        return Err(Error::input(messages::compare_same_period(
            lang,
            &name(&args.previous),
            &name(&args.current),
            &format!("{}, {}", period(then), then.format("%Y-%m-%d")),
        )));
    }
    Err(Error::input(messages::compare_swapped(
        lang,
        &name(&args.previous),
        &format!("{}, {}", period(then), then.format("%Y-%m-%d")),
        &name(&args.current),
        &format!("{}, {}", period(now), now.format("%Y-%m-%d")),
    )))
}
