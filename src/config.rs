//! The resolved configuration of a run: what the stages receive, built from the command line.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::RunArgs;
use crate::error::{Error, Result};
use crate::model::{Dataset, Lang};
use crate::profile::Profile;
use crate::say;

/// The seed of every random choice (clustering, sampling): same input, same output.
pub const SEED: u64 = 20_260_930;

/// Everything a `run` needs, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// Input files, in the order given (a folder given stands for the spreadsheets in it).
    pub inputs: Vec<PathBuf>,
    /// Where the outputs go, when given; else the folder of the customers file.
    pub out_dir: Option<PathBuf>,
    /// One line per folder given as input, naming the files taken from it.
    pub folder_notes: Vec<String>,
    /// The scoring profile.
    pub profile: Profile,
    /// An earlier result workbook, for the quarter comparison.
    pub previous: Option<PathBuf>,
    /// Look for the previous quarter's result in the output folder when none is given.
    pub find_previous: bool,
    /// Reference date, when given.
    pub as_of: Option<NaiveDate>,
    /// Number of clusters, when given.
    pub k: Option<usize>,
    /// Output language.
    pub lang: Lang,
    /// Company name for the cover.
    pub company: Option<String>,
    /// Write the workbook.
    pub write_xlsx: bool,
    /// Write the PDF.
    pub write_pdf: bool,
    /// Print the JSON summary on stdout.
    pub json: bool,
    /// Show progress on stderr.
    pub progress: bool,
    /// A font file to use instead of the embedded one.
    pub font: Option<PathBuf>,
    /// Seed for clustering.
    pub seed: u64,
    /// Read hidden and very-hidden sheets too (`--include-hidden`).
    pub include_hidden: bool,
}

/// Reads `--lang`.
pub fn parse_lang(text: &str) -> Result<Lang> {
    match text.trim().to_ascii_lowercase().as_str() {
        "zh" | "zh-cn" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
        "en" | "english" => Ok(Lang::En),
        other => Err(Error::usage(format!(
            "--lang 只能是 zh 或 en，而不是“{other}”。 (--lang takes zh or en, not \"{other}\".)"
        ))),
    }
}

/// Reads a date typed on the command line: 2026-09-30, 2026/9/30, 20260930 or 2026年9月30日.
pub fn parse_cli_date(text: &str, lang: Lang) -> Result<NaiveDate> {
    let t = text.trim();
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt) {
            return Ok(d);
        }
    }
    Err(Error::usage(say!(
        lang,
        "无法识别日期“{}”，请写成 2026-09-30 的形式。",
        "Cannot read the date \"{}\"; write it as 2026-09-30.",
        t
    )))
}

/// The reference date of a run, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct AsOf {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from, one phrase in the run's language (for 参数 and the appendix).
    pub source: String,
    /// True when the data held no date and the run's own day was taken.
    pub today: bool,
}

/// The as-of date of `run` and `check`: the one given on the command line, else the end of the
/// period stated in an export's title rows, else the latest date in the data, else today.
pub fn resolve_as_of(given: Option<NaiveDate>, dataset: &Dataset, lang: Lang) -> AsOf {
    let (date, source) = match (given, dataset.period_end, dataset.latest_date) {
        (Some(d), _, _) => (d, say!(lang, "命令行指定", "given on the command line")),
        (None, Some(d), _) => (
            d,
            say!(
                lang,
                "导出文件标题行中统计期间的截止日",
                "the end of the period stated in the export's title rows"
            ),
        ),
        (None, None, Some(d)) => (
            d,
            say!(lang, "数据中最晚的日期", "the latest date in the data"),
        ),
        (None, None, None) => (
            chrono::Local::now().date_naive(),
            say!(
                lang,
                "数据中没有日期，取运行当天",
                "no date in the data; today"
            ),
        ),
    };
    let today = given.is_none() && dataset.period_end.is_none() && dataset.latest_date.is_none();
    AsOf {
        date,
        source,
        today,
    }
}

impl Config {
    /// Resolves the typed options of `run`.
    pub fn from_args(args: &RunArgs) -> Result<Config> {
        let lang = parse_lang(&args.lang)?;
        if args.inputs.is_empty() {
            return Err(Error::usage(crate::messages::usage_no_args(lang)));
        }
        let as_of = args
            .as_of
            .as_deref()
            .map(|d| parse_cli_date(d, lang))
            .transpose()?;
        if let Some(k) = args.k {
            if !(2..=12).contains(&k) {
                return Err(Error::usage(say!(
                    lang,
                    "--k 是聚类个数，应在 2 到 12 之间，而不是 {}。",
                    "--k is the number of clusters, from 2 to 12, not {}.",
                    k
                )));
            }
        }
        if args.no_pdf && args.no_xlsx {
            return Err(Error::usage(say!(
                lang,
                "同时使用 --no-pdf 和 --no-xlsx 将不生成任何结果；如只想校验数据，请用 custseg check。",
                "--no-pdf together with --no-xlsx would write nothing; to validate only, use custseg check."
            )));
        }
        let (inputs, folder_notes) = expand_folders(&args.inputs, lang)?;
        let profile = Profile::load(&args.profile, lang)?;
        Ok(Config {
            inputs,
            out_dir: args.out_dir.clone(),
            folder_notes,
            profile,
            previous: args.previous.clone(),
            find_previous: !args.no_previous,
            as_of,
            k: args.k,
            lang,
            company: args.company.clone().filter(|c| !c.trim().is_empty()),
            write_xlsx: !args.no_xlsx,
            write_pdf: !args.no_pdf,
            json: args.json,
            progress: !args.quiet,
            font: args.font.clone(),
            seed: SEED,
            include_hidden: args.include_hidden,
        })
    }

    /// The output folder: the one given, else the folder of `customers_file`.
    pub fn out_dir(&self, customers_file: &Path) -> PathBuf {
        self.out_dir
            .clone()
            .unwrap_or_else(|| parent_dir(customers_file))
    }

    /// The output paths (workbook, report): named after the customers file and the as-of
    /// date's quarter, `<stem>_2026Q3_客户分类.xlsx` (SPEC §2).
    pub fn output_paths(&self, customers_file: &Path, as_of: NaiveDate) -> (PathBuf, PathBuf) {
        let stem = stem(customers_file);
        let period = period(as_of);
        let (xlsx, pdf) = match self.lang {
            Lang::Zh => (
                format!("{stem}_{period}_客户分类.xlsx"),
                format!("{stem}_{period}_管理报告.pdf"),
            ),
            Lang::En => (
                format!("{stem}_{period}_segments.xlsx"),
                format!("{stem}_{period}_report.pdf"),
            ),
        };
        let dir = self.out_dir(customers_file);
        (dir.join(xlsx), dir.join(pdf))
    }
}

/// A file's name without its extension ("custseg" when it has none).
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "custseg".to_string())
}

/// The calendar quarter of a date, as outputs are named: `2026Q3`.
pub fn period(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}Q{}", date.year(), date.month0() / 3 + 1)
}

/// The input recognised as holding the customers sheet, else the first input.
pub fn customers_file(dataset: &Dataset, inputs: &[PathBuf]) -> PathBuf {
    dataset
        .inputs
        .iter()
        .find(|i| {
            i.sheets
                .iter()
                .any(|s| s.role == crate::model::SheetRole::Customers)
        })
        .map(|i| PathBuf::from(&i.path))
        .unwrap_or_else(|| inputs[0].clone())
}

/// The extensions read as spreadsheets when a folder is given as input.
const SPREADSHEETS: [&str; 7] = ["xlsx", "xls", "xlsb", "xlsm", "ods", "csv", "txt"];

/// Replaces each folder among `inputs` by the spreadsheets in it (not recursive, by name,
/// skipping custseg's own results, Excel's `~$` lock files and hidden files); returns the inputs
/// and one line per folder naming the files taken.
///
/// # Errors
/// An input error when a folder cannot be listed or holds no spreadsheet.
pub fn expand_folders(inputs: &[PathBuf], lang: Lang) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let entries = std::fs::read_dir(input).map_err(|e| {
            let folder = input.clone();
            Error::input(crate::error::Cause::FolderUnreadable { folder })
                .with_detail(e.to_string())
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_spreadsheet_name(p))
            .collect();
        files.sort();
        let before = files.len();
        files.retain(|p| !crate::output::is_custseg_result(p));
        if files.is_empty() {
            let folder = input.clone();
            return Err(Error::input(crate::error::Cause::FolderEmpty { folder }));
        }
        let names: Vec<String> = files
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        notes.push(crate::messages::folder_taken(
            lang,
            input,
            &names.join(lang.pick("、", ", ")),
            before - files.len(),
        ));
        out.extend(files);
    }
    Ok((out, notes))
}

fn is_spreadsheet_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    !name.starts_with('.') && !name.starts_with("~$") && SPREADSHEETS.contains(&ext.as_str())
}

/// The folder a file is in ("." for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_dates_in_every_common_form() {
        let want = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
        assert_eq!(period(want), "2026Q3");
        assert_eq!(
            period(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            "2026Q1"
        );
        assert_eq!(
            period(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()),
            "2025Q4"
        );
        for text in [
            "2026-09-30",
            "2026/9/30",
            "20260930",
            "2026年9月30日",
            " 2026-09-30 ",
        ] {
            assert_eq!(parse_cli_date(text, Lang::Zh).unwrap(), want, "{text}");
        }
        assert!(parse_cli_date("30/09/2026x", Lang::Zh).is_err());
    }

    #[test]
    fn as_of_given_then_stated_period_then_latest_date_then_today() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 9, d);
        let dataset = |period_end, latest_date| Dataset {
            period_end,
            latest_date,
            ..Dataset::default()
        };
        let cases = [
            (day(1), day(2), day(3), day(1), "given on the command line"),
            (None, day(2), day(3), day(2), "the end of the period stated"),
            (None, None, day(3), day(3), "the latest date in the data"),
        ];
        for (given, period_end, latest, want, source) in cases {
            let got = resolve_as_of(given, &dataset(period_end, latest), Lang::En);
            assert_eq!(Some(got.date), want, "{source}");
            assert!(got.source.starts_with(source), "{}", got.source);
        }
        let today = resolve_as_of(None, &dataset(None, None), Lang::Zh);
        assert_eq!(today.source, "数据中没有日期，取运行当天");
    }

    #[test]
    fn lang_words() {
        assert_eq!(parse_lang("EN").unwrap(), Lang::En);
        assert_eq!(parse_lang("zh").unwrap(), Lang::Zh);
        assert_eq!(parse_lang("fr").unwrap_err().exit_code(), 2);
    }
}
