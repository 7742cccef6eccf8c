//! `custseg compare OLD NEW`: the migration between two result workbooks, as its own workbook.

use crate::cli::CompareArgs;
use crate::config::{parent_dir, parse_lang};
use crate::error::Result;
use crate::{compare, output, say, workbook};

/// Compares two result workbooks and writes `<NEW stem>_季度变动.xlsx`.
pub fn compare(args: &CompareArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
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
    let written = output::write_atomic(&file, &bytes, &inputs, lang)?;
    println!(
        "{}",
        say!(
            lang,
            "升级 {} 个，降级 {} 个，新增 {} 个，流失 {} 个。结果已写入：{}",
            "{} upgraded, {} downgraded, {} new, {} lost. Written: {}",
            migration.upgraded.len(),
            migration.downgraded.len(),
            migration.new.len(),
            migration.lost.len(),
            written.display()
        )
    );
    Ok(())
}
