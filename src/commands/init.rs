//! `custseg init [DIR]`: a profile to edit and a blank input template.

use crate::cli::InitArgs;
use crate::config::parse_lang;
use crate::error::Result;
use crate::{init, say};

/// Writes the templates.
pub fn init(args: &InitArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let written = init::write_templates(&args.dir, &args.profile, lang)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    println!(
        "{}",
        say!(
            lang,
            "已写出模板：{}",
            "Templates written: {}",
            names.join(", ")
        )
    );
    Ok(())
}
