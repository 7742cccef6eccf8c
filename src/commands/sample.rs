//! `custseg sample [DIR]`: realistic sample workbooks; never writes over an existing file.

use std::path::{Path, PathBuf};

use crate::cli::SampleArgs;
use crate::config::parse_lang;
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::sample::{
    skipped_note, write_samples, SampleOptions, CUSTOMERS_FILE, DECORATION_FILE, LARGE,
    PREVIOUS_DIR, SALES_FILE, USAGE_FILE,
};
use crate::say;
use crate::{console, messages};

/// Writes the sample workbooks, then prints the command to run on them.
///
/// # Errors
/// An output error naming the files that exist already: nothing is written then.
pub fn sample(args: &SampleArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let options = SampleOptions {
        customers: args.customers,
        transactions: args.transactions,
        seed: args.seed,
    };
    let existing: Vec<String> = sample_paths(&args.dir, options.customers > LARGE)
        .into_iter()
        .filter(|p| p.exists())
        .map(|p| {
            let inside = p.strip_prefix(&args.dir).unwrap_or(&p);
            inside.display().to_string()
        })
        .collect();
    if !existing.is_empty() {
        return Err(Error::output(messages::sample_exists(
            lang, &args.dir, &existing,
        )));
    }
    let written = write_samples(&args.dir, &options, lang)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    console::outln(&say!(
        lang,
        "已写出示例数据：{}",
        "Sample data written: {}",
        names.join(", ")
    ));
    if let Some(note) = skipped_note(&options, lang) {
        console::outln(&note);
    }
    console::outln(&messages::next_command(lang, &next(&args.dir, lang)));
    Ok(())
}

/// Every file `write_samples` writes into `dir` (large samples leave out the previous quarter
/// and the decoration file).
fn sample_paths(dir: &Path, large: bool) -> Vec<PathBuf> {
    let mut folders = vec![dir.to_path_buf()];
    if !large {
        folders.push(dir.join(PREVIOUS_DIR));
    }
    let mut paths: Vec<PathBuf> = folders
        .iter()
        .flat_map(|f| [CUSTOMERS_FILE, SALES_FILE, USAGE_FILE].map(|n| f.join(n)))
        .collect();
    if !large {
        paths.push(dir.join(DECORATION_FILE));
    }
    paths
}

/// The command that classifies this quarter's sample files.
fn next(dir: &Path, lang: Lang) -> String {
    let mut words = vec!["custseg".to_string()];
    words.extend([CUSTOMERS_FILE, SALES_FILE, USAGE_FILE].map(|n| quoted(&dir.join(n))));
    if lang == Lang::En {
        words.push("--lang en".to_string());
    }
    words.join(" ")
}

/// A path as typed on a command line: in quotes when it holds a space.
pub fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text.contains(' ') {
        format!("\"{text}\"")
    } else {
        text
    }
}
