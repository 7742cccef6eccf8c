//! The one error type of custseg: what went wrong as data (file, sheet, row, column, value,
//! cause), and the exit status it leads to.
//!
//! Stages build an [`Error`] from a [`Cause`] and never word it; the edge (`main`, a command
//! that prints a note) renders it in the run's language with [`Error::message`], through
//! `messages::error_sentence`. A library's or the system's own words, when there are any,
//! travel in `detail` and are shown only with `--verbose`.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::Lang;

/// What went wrong, for the exit status (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The command line was wrong (exit 2).
    Usage,
    /// An input could not be read or holds nothing to classify (exit 1).
    Input,
    /// A profile could not be loaded (exit 1).
    Profile,
    /// An output could not be written (exit 1).
    Output,
}

/// Why the system refused to open, read or write a file, from the error's kind and its
/// system number (never the OS's English words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoCause {
    /// The disk (or the medium) is full.
    Full,
    /// The user's disk quota is used up.
    Quota,
    /// No permission.
    Permission,
    /// A read-only medium (a locked USB stick, a CD, a read-only mount).
    ReadOnly,
    /// Another program holds the file (Windows' sharing or lock violation, a busy file).
    InUse,
    /// The path is too long, or a name in it is not allowed.
    TooLong,
    /// The file (or the folder) does not exist.
    NotFound,
    /// The path names a folder where a file was expected.
    IsFolder,
    /// Anything else (the system's words go to `detail`).
    Other,
}

impl IoCause {
    /// The cause of a system error, from its system number and kind: ENOSPC (28), EROFS (30),
    /// ENAMETOOLONG (36, 63 on macOS); on Windows ERROR_DISK_FULL (112) /
    /// ERROR_HANDLE_DISK_FULL (39), ERROR_WRITE_PROTECT (19), the sharing and lock violations
    /// (32, 33) and ERROR_FILENAME_EXCED_RANGE (206); then the portable kinds.
    pub fn of(err: &std::io::Error) -> IoCause {
        use std::io::ErrorKind as K;
        let raw = err.raw_os_error();
        if cfg!(windows) {
            match raw {
                Some(112 | 39) => return IoCause::Full,
                Some(19) => return IoCause::ReadOnly,
                Some(32 | 33) => return IoCause::InUse,
                Some(206) => return IoCause::TooLong,
                _ => {}
            }
        } else {
            match raw {
                Some(28) => return IoCause::Full,
                Some(30) => return IoCause::ReadOnly,
                Some(36 | 63) => return IoCause::TooLong,
                _ => {}
            }
        }
        match err.kind() {
            K::StorageFull => IoCause::Full,
            K::QuotaExceeded => IoCause::Quota,
            K::PermissionDenied => IoCause::Permission,
            K::ReadOnlyFilesystem => IoCause::ReadOnly,
            K::ResourceBusy | K::ExecutableFileBusy => IoCause::InUse,
            K::InvalidFilename => IoCause::TooLong,
            K::NotFound => IoCause::NotFound,
            K::IsADirectory => IoCause::IsFolder,
            _ => IoCause::Other,
        }
    }
}

/// A column of a custseg result workbook, by its header in both languages (zh, en).
pub type Header = (&'static str, &'static str);

/// What went wrong, with the data a sentence needs. Files are named by their file name (never
/// the full path); folders by their path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// A sentence already worded in the run's language: the command line's errors (worded
    /// where the language is parsed) and stages not yet typed.
    Said(String),

    // ── reading an input (read/, extract/) ──
    /// The system could not open the file.
    CannotOpen {
        /// The file.
        file: String,
        /// Why.
        why: IoCause,
    },
    /// The file holds nothing.
    Empty {
        /// The file.
        file: String,
    },
    /// The file is no spreadsheet or delimited text.
    NotSpreadsheet {
        /// The file.
        file: String,
    },
    /// The workbook is password-protected.
    Encrypted {
        /// The file.
        file: String,
    },
    /// The file is truncated or damaged (the reader's words go to `detail`).
    Corrupt {
        /// The file.
        file: String,
    },
    /// The file is beyond the memory limits.
    TooLarge {
        /// The file.
        file: String,
        /// The uncompressed size limit, in bytes.
        bytes: u64,
        /// The cell limit of one sheet.
        cells: u64,
    },
    /// The file is in a spreadsheet format custseg recognises but does not read.
    OtherFormat {
        /// The file.
        file: String,
        /// The format's name (SYLK, DIF).
        format: &'static str,
    },
    /// A custseg result workbook was given as input.
    OwnResult {
        /// The file.
        file: String,
    },
    /// No sheet of any input has a customer-code column.
    NoCodeColumn {
        /// The files read.
        files: Vec<String>,
        /// The headers found (the message lists ten, each cut short).
        columns: Vec<String>,
    },
    /// Most rows of a detail sheet join no customer.
    DetailsUnjoined {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// Rows whose code joins no customer.
        unjoined: usize,
        /// Data rows of the sheet.
        rows: usize,
        /// Up to three of the sheet's unjoined codes.
        detail_codes: Vec<String>,
        /// Up to three of the customers' codes.
        customer_codes: Vec<String>,
        /// Both sides' codes have the same form (so they likely belong to other customers,
        /// rather than another format).
        same_form: bool,
    },

    /// Nothing is left to classify: no customer row in any input.
    NoCustomerRows {
        /// The files read.
        files: Vec<String>,
    },
    /// Nothing is left to classify: every row of the inputs is a supplier (a 往来单位 export
    /// whose type column names a supplier only on each row).
    OnlySuppliers {
        /// The files read.
        files: Vec<String>,
        /// The supplier rows.
        suppliers: usize,
    },

    // ── input folders (config.rs) ──
    /// A folder given as input cannot be listed.
    FolderUnreadable {
        /// The folder.
        folder: PathBuf,
    },
    /// A folder given as input holds no spreadsheet.
    FolderEmpty {
        /// The folder.
        folder: PathBuf,
    },

    // ── a profile (profile/) ──
    /// A profile file cannot be read.
    ProfileUnreadable {
        /// The file, as given with `-p`.
        file: String,
        /// Why.
        why: IoCause,
    },

    // ── writing the outputs (output.rs) ──
    /// The output folder cannot be created or written.
    OutputFolder {
        /// The folder.
        folder: PathBuf,
        /// Why.
        why: IoCause,
    },
    /// An output could not be put under its name nor any numbered copy.
    OutputNoName {
        /// The output's intended path.
        target: PathBuf,
    },
    /// The result workbook could not be built, without a system cause (the writer's words go
    /// to `detail`).
    WorkbookFailed,

    // ── the report's font (report/font.rs) ──
    /// The font file given with `--font` cannot be read.
    FontUnreadable {
        /// The file, as given.
        file: String,
        /// Why.
        why: IoCause,
    },

    // ── a previous result (compare/) ──
    /// A previous result workbook cannot be opened.
    SnapshotUnreadable {
        /// The file.
        file: String,
    },
    /// A previous result has no customers sheet.
    SnapshotNoSheet {
        /// The file.
        file: String,
    },
    /// A previous result's customers sheet lacks a derived column.
    SnapshotMissingColumn {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// The column's header (zh, en).
        column: Header,
    },
    /// A previous result holds a cell that is no tier.
    SnapshotBadTier {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// The Excel row.
        row: usize,
        /// The column's header.
        column: String,
        /// The cell's text.
        value: String,
    },
    /// A previous result holds a cell that is no score.
    SnapshotBadScore {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// The Excel row.
        row: usize,
        /// The column's header.
        column: String,
        /// The cell's text.
        value: String,
    },
    /// `--previous` names a result whose as-of date is not earlier than this run's.
    PreviousNotEarlier {
        /// The previous result.
        file: String,
        /// Its as-of date.
        previous: NaiveDate,
        /// This run's as-of date.
        current: NaiveDate,
    },
    /// `compare A B` with B not later than A: the files are likely swapped.
    CompareSwapped {
        /// The file given first, as previous.
        previous: String,
        /// Its period and as-of date ("2026Q3, 2026-09-30").
        previous_period: String,
        /// The file given second, as current.
        current: String,
        /// Its period and as-of date.
        current_period: String,
    },
    /// `compare A B` with both results of the same as-of date.
    CompareSamePeriod {
        /// The file given first.
        previous: String,
        /// The file given second.
        current: String,
        /// Their period and as-of date ("2026Q3, 2026-09-30").
        period: String,
    },
    /// A previous result's customers sheet holds no customer.
    SnapshotEmpty {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
    },
}

impl From<String> for Cause {
    fn from(sentence: String) -> Cause {
        Cause::Said(sentence)
    }
}

impl From<&str> for Cause {
    fn from(sentence: &str) -> Cause {
        Cause::Said(sentence.to_string())
    }
}

/// An error: its kind (for the exit status), its cause (worded at the edge) and the library's
/// or the system's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What went wrong, as data (boxed, so that a `Result` stays small).
    pub cause: Box<Cause>,
    /// The original text of the library or system error behind it (English, often), printed on
    /// a second line only with `--verbose`.
    pub detail: Option<String>,
}

impl Error {
    /// An error of `kind` for `cause`.
    pub fn new(kind: ErrorKind, cause: impl Into<Cause>) -> Error {
        Error {
            kind,
            cause: Box::new(cause.into()),
            detail: None,
        }
    }

    /// A usage error (exit 2).
    pub fn usage(cause: impl Into<Cause>) -> Error {
        Error::new(ErrorKind::Usage, cause)
    }

    /// An input error (exit 1).
    pub fn input(cause: impl Into<Cause>) -> Error {
        Error::new(ErrorKind::Input, cause)
    }

    /// A profile error (exit 1).
    pub fn profile(cause: impl Into<Cause>) -> Error {
        Error::new(ErrorKind::Profile, cause)
    }

    /// An output error (exit 1).
    pub fn output(cause: impl Into<Cause>) -> Error {
        Error::new(ErrorKind::Output, cause)
    }

    /// The same error carrying the original library or system text, for `--verbose`.
    pub fn with_detail(self, detail: impl Into<String>) -> Error {
        Error {
            detail: Some(detail.into()),
            ..self
        }
    }

    /// The sentence for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::messages::error_sentence(lang, &self.cause)
    }

    /// The process exit status for this error: 2 for usage, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            ErrorKind::Usage => 2,
            _ => 1,
        }
    }
}

/// The sentence in Chinese, the product's language; the edge uses [`Error::message`].
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for Error {}

/// The result type of every stage.
pub type Result<T> = std::result::Result<T, Error>;
