//! `custseg sample [DIR]`: realistic sample workbooks.

use crate::cli::SampleArgs;
use crate::config::parse_lang;
use crate::error::Result;
use crate::sample::{skipped_note, write_samples, SampleOptions};
use crate::say;

/// Writes the sample workbooks.
pub fn sample(args: &SampleArgs) -> Result<()> {
    let lang = parse_lang(&args.lang)?;
    let options = SampleOptions {
        customers: args.customers,
        transactions: args.transactions,
        seed: args.seed,
    };
    let written = write_samples(&args.dir, &options, lang)?;
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    println!(
        "{}",
        say!(
            lang,
            "已写出示例数据：{}",
            "Sample data written: {}",
            names.join(", ")
        )
    );
    if let Some(note) = skipped_note(&options, lang) {
        println!("{note}");
    }
    Ok(())
}
