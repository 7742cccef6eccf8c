//! The one error type of custseg: a sentence for a person, and the exit status it leads to.
//!
//! Messages are written in the run's language when the error is made (every stage knows the
//! `Lang`); `main` prints `message` as it is and exits with `exit_code()`.

use std::fmt;

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

/// An error with one clear sentence naming the file, sheet, row and column where they apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// The sentence shown to the user, already in the run's language.
    pub message: String,
    /// The original text of the library error behind the sentence (for `--verbose`), if any.
    pub detail: Option<String>,
}

impl Error {
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Usage,
            message: message.into(),
            detail: None,
        }
    }

    /// An input error (exit 1).
    pub fn input(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Input,
            message: message.into(),
            detail: None,
        }
    }

    /// A profile error (exit 1).
    pub fn profile(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Profile,
            message: message.into(),
            detail: None,
        }
    }

    /// An output error (exit 1).
    pub fn output(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Output,
            message: message.into(),
            detail: None,
        }
    }

    /// The same error, keeping `detail` (a library's own words) for `--verbose`.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Error {
        self.detail = Some(detail.into());
        self
    }

    /// The process exit status for this error: 2 for usage, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            ErrorKind::Usage => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The result type of every stage.
pub type Result<T> = std::result::Result<T, Error>;
