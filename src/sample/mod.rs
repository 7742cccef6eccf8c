//! `custseg sample`: realistic sample workbooks as Chinese ERP software exports them —
//! deterministic for a seed, written row by row in constant memory, each file replaced
//! atomically (temporary name, then rename).
//!
//! What is written, in this order:
//! 1. `客户档案.xlsx` — a 用友 U8-style customer list (title rows, header, one row per customer,
//!    a 合计 row), with the blanks and messy values real ledgers have;
//! 2. `销售明细.xlsx` — invoice lines 2025-01-01 … 2026-09-30 (multi-line invoices, 红字 returns,
//!    one line after the as-of date, one line of a customer in no list);
//! 3. `使用与满意度.xlsx` — sheets 登录记录 and 满意度调查;
//! 4. `2026Q2/` — the same three files one quarter earlier (new and lost customers, upgrades and
//!    downgrades between the quarters);
//! 5. `装饰业主档案.xlsx` — a 大禹装饰ERP-style owner list for the `decoration` profile.
//!
//! Items 4 and 5 are left out when more than `LARGE` customers are asked for.

mod decoration;
mod ledger;
mod population;
mod sheet;
mod software;
mod words;

use std::fs;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::messages;
use crate::model::Lang;
use population::Period;

/// Above this many customers, only the three main files are written.
pub const LARGE: usize = 10_000;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SampleOptions {
    /// Number of customers in the current quarter's customer list.
    pub customers: usize,
    /// Number of transaction lines in 销售明细.xlsx (None: 12 per customer).
    pub transactions: Option<usize>,
    /// Random seed: the same seed gives the same cells.
    pub seed: u64,
}

/// File names, in the order they are written and returned.
pub const CUSTOMERS_FILE: &str = "客户档案.xlsx";
/// See `CUSTOMERS_FILE`.
pub const SALES_FILE: &str = "销售明细.xlsx";
/// See `CUSTOMERS_FILE`.
pub const USAGE_FILE: &str = "使用与满意度.xlsx";
/// The folder of the previous quarter's files.
pub const PREVIOUS_DIR: &str = "2026Q2";
/// See `CUSTOMERS_FILE`.
pub const DECORATION_FILE: &str = "装饰业主档案.xlsx";

/// Writes the sample workbooks into `dir` (created if needed); returns the paths written, in
/// a stable order. At least one customer is needed (else a usage error). Existing sample files
/// are replaced; a file that cannot be replaced (read-only,
/// or open in Excel on Windows) stops the run with a message naming it.
///
/// The data is Chinese whatever `lang` is — it imitates Chinese ERP exports; `lang` chooses
/// the language of the messages.
///
/// # Examples
///
/// ```no_run
/// use custseg::model::Lang;
/// use custseg::sample::{write_samples, SampleOptions};
///
/// let options = SampleOptions { customers: 500, transactions: None, seed: 42 };
/// let written = write_samples(std::path::Path::new("samples"), &options, Lang::Zh)?;
/// assert_eq!(written.len(), 7);
/// # Ok::<(), custseg::Error>(())
/// ```
pub fn write_samples(dir: &Path, options: &SampleOptions, lang: Lang) -> Result<Vec<PathBuf>> {
    if options.customers == 0 {
        return Err(Error::usage(messages::sample_no_customers(lang)));
    }
    let large = options.customers > LARGE;
    let previous_dir = dir.join(PREVIOUS_DIR);
    for d in if large {
        vec![dir]
    } else {
        vec![dir, previous_dir.as_path()]
    } {
        fs::create_dir_all(d).map_err(|e| {
            Error::output(messages::sample_folder_failed(lang, d, &e)).with_detail(e.to_string())
        })?;
    }

    let customers = population::population(options.customers, options.seed);
    let ledger = ledger::ledger(&customers, options.transactions);
    let logins = ledger::logins(&customers, if large { 0.05 } else { 0.35 });
    let surveys = ledger::surveys(&customers);
    let (customers, ledger, logins, surveys) = (&customers, &ledger, &logins, &surveys);
    // Large samples hold hundreds of thousands of distinct document numbers: keep them inline.
    let strings = if large {
        sheet::Strings::Inline
    } else {
        sheet::Strings::Shared
    };

    type Job<'a> = Box<dyn FnOnce(&mut Workbook) -> std::result::Result<(), XlsxError> + Send + 'a>;
    let mut jobs: Vec<(PathBuf, Period, Job)> = Vec::new();
    let mut periods = vec![(dir.to_path_buf(), Period::Q3)];
    if !large {
        periods.push((previous_dir.clone(), Period::Q2));
    }
    for (folder, period) in periods {
        jobs.push((
            folder.join(CUSTOMERS_FILE),
            period,
            Box::new(move |wb| software::customers_workbook(wb, customers, period, strings)),
        ));
        jobs.push((
            folder.join(SALES_FILE),
            period,
            Box::new(move |wb| software::sales_workbook(wb, customers, ledger, period, strings)),
        ));
        jobs.push((
            folder.join(USAGE_FILE),
            period,
            Box::new(move |wb| {
                software::usage_workbook(wb, customers, logins, surveys, period, strings)
            }),
        ));
    }
    if !large {
        let owners = (options.customers * 3 / 5).max(1);
        let seed = options.seed;
        jobs.push((
            dir.join(DECORATION_FILE),
            Period::Q3,
            Box::new(move |wb| decoration::owners_workbook(wb, owners, seed, strings)),
        ));
    }

    // Refuse before anything is replaced, so a refused run leaves the old set whole.
    for (path, _, _) in &jobs {
        check_replaceable(path, lang)?;
    }

    // Files are independent: write them side by side, then report in the fixed order.
    let results: Vec<Result<PathBuf>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .into_iter()
            .map(|(path, period, job)| {
                scope.spawn(move || write_workbook(&path, period, job, lang).map(|()| path))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::output(messages::sample_failed(lang))))
            })
            .collect()
    });
    results.into_iter().collect()
}

/// The note to show after writing when some files were left out, if any.
pub fn skipped_note(options: &SampleOptions, lang: Lang) -> Option<String> {
    (options.customers > LARGE).then(|| messages::sample_large_skipped(lang, LARGE))
}

/// An existing file may be replaced unless it is read-only or a folder.
fn check_replaceable(target: &Path, lang: Lang) -> Result<()> {
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() || meta.permissions().readonly() => Err(Error::output(
            messages::sample_not_replaceable(lang, target),
        )),
        _ => Ok(()),
    }
}

/// Builds one workbook and puts it at `target`: saved under a temporary name in the same
/// folder, then renamed over the old file.
fn write_workbook(
    target: &Path,
    period: Period,
    fill: impl FnOnce(&mut Workbook) -> std::result::Result<(), XlsxError>,
    lang: Lang,
) -> Result<()> {
    check_replaceable(target, lang)?;
    let failed = |e: &XlsxError| {
        let io = crate::output::io_error_in(e);
        Error::output(messages::sample_write_failed(lang, target, io)).with_detail(e.to_string())
    };
    let mut wb = Workbook::new();
    // A fixed creation time keeps the same seed's files identical, byte for byte.
    let (y, m, d) = match period {
        Period::Q2 => (2026, 6, 30),
        Period::Q3 => (2026, 9, 30),
    };
    let created = ExcelDateTime::from_ymd(y, m, d).map_err(|e| failed(&e))?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("custseg 示例数据")
            .set_author("custseg")
            .set_creation_datetime(&created),
    );
    // Excel's own level: a third faster to save than the default, files ~5 % larger.
    wb.set_zip_compression_level(3);
    fill(&mut wb).map_err(|e| failed(&e))?;

    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let saved = wb.save(&tmp).map_err(|e| failed(&e)).and_then(|()| {
        fs::rename(&tmp, target).map_err(|e| {
            Error::output(messages::sample_write_failed(lang, target, Some(&e)))
                .with_detail(e.to_string())
        })
    });
    if saved.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    saved
}

#[cfg(test)]
mod tests;
