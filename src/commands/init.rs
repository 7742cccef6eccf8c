//! `custseg init [DIR]`: a profile to edit and a blank input template.

use crate::cli::InitArgs;
use crate::config::parse_lang;
use crate::error::Result;
use crate::{init, say};

/// Writes the templates, then prints the command to run next.
pub fn init(args: &InitArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let written = init::write_templates(&args.dir, &args.profile, lang)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    crate::console::outln(&say!(
        lang,
        "已写出模板：{}",
        "Templates written: {}",
        names.join(", ")
    ));
    if let [profile, workbook] = written.as_slice() {
        let mut command = say!(
            lang,
            "在 {} 中填好客户后运行 custseg {} -p {}",
            "fill in the customers in {}, then run custseg {} -p {}",
            workbook.display(),
            super::sample::quoted(workbook),
            super::sample::quoted(profile)
        );
        if lang == crate::model::Lang::En {
            command += " --lang en";
        }
        crate::console::outln(&crate::messages::next_command(lang, &command));
    }
    Ok(())
}
