//! Stage 1, read: open one input file of any supported format and return its sheets as grids
//! of cells (`RawSheet`), plus the file's SHA-256. The format is decided by the file's bytes, not
//! its extension, so the rest of the pipeline never asks which format a file was. The file is
//! opened read-only and read once; a file that cannot be read ends in one clear sentence.
//!
//! Limits: a zip-based workbook (xlsx/xlsm/xlsb/ods) whose zip directory declares more than
//! [`MAX_UNCOMPRESSED`] bytes, or a sheet of more than [`MAX_CELLS`] cells, is refused before
//! calamine expands it, so a decompression bomb cannot exhaust memory; an .xls is first walked
//! record by record (`read/xls_guard.rs`) for what calamine would allocate.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Cause, Error, Result};
use crate::model::{Cell, InputFile, RawSheet};

mod html;
mod markup;
mod package;
mod spreadsheetml;
mod text;
mod workbook;
mod xls_guard;

pub use text::{decode_text, sniff_delimiter};
use workbook::{iso_cell, trim_blank_end};
// Where the test fixtures live.
#[cfg(test)]
pub(crate) mod fixtures;

/// The most uncompressed bytes a zip-based workbook may declare (2 GiB).
pub const MAX_UNCOMPRESSED: u64 = 2 << 30;

/// The most cells one sheet may span (50 million).
pub const MAX_CELLS: u64 = 50_000_000;

/// What the bytes of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook (.xlsx/.xlsm).
    Xlsx,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// Excel 97–2003 workbook (.xls).
    Xls,
    /// Delimited text (.csv/.txt), any supported encoding.
    Text,
    /// An HTML page holding tables (what web "export to Excel" buttons save as .xls).
    Html,
    /// SpreadsheetML 2003, Excel's XML workbook (also saved as .xls by web exports).
    SpreadsheetMl,
}

/// Receives the rows of one file's sheets as they are read, so that a sheet of a million lines
/// never has to be held in memory at once: the reader hands over one row at a time and keeps
/// nothing.
pub trait RowSink {
    /// A sheet begins; its rows follow.
    fn sheet(&mut self, name: &str);
    /// One row of the current sheet. `number` is the row number as Excel shows it; `cells`
    /// start at column A and end at the row's last non-empty cell. Rows come in order; rows
    /// without any cell may be skipped.
    fn row(&mut self, number: u32, cells: &[Cell]);
    /// Whether hidden and very-hidden sheets are read too (by default they are not).
    fn include_hidden(&self) -> bool {
        false
    }
    /// A hidden (or, with `very`, very-hidden) sheet that was not read.
    fn hidden_sheet(&mut self, name: &str, very: bool) {
        let _ = (name, very);
    }
}

/// A [`RowSink`] that keeps every sheet whole, as a grid.
#[derive(Debug, Default)]
pub struct Grids {
    file: String,
    /// The sheets read so far, in workbook order.
    pub sheets: Vec<RawSheet>,
}

impl Grids {
    /// An empty collection for the file called `file` (the name shown in messages).
    pub fn new(file: &str) -> Grids {
        Grids {
            file: file.to_string(),
            sheets: Vec::new(),
        }
    }
}

impl RowSink for Grids {
    fn sheet(&mut self, name: &str) {
        self.sheets.push(RawSheet {
            file: self.file.clone(),
            sheet: name.to_string(),
            rows: Vec::new(),
            first_row: 1,
            first_col: 0,
        });
    }

    fn row(&mut self, number: u32, cells: &[Cell]) {
        let Some(sheet) = self.sheets.last_mut() else {
            return;
        };
        sheet.push_row(number, cells.to_vec());
    }
}

impl RawSheet {
    /// Appends row `number` (as Excel shows it), with blank rows for any skipped ones.
    pub fn push_row(&mut self, number: u32, cells: Vec<Cell>) {
        if self.rows.is_empty() {
            self.first_row = number;
        }
        let index = number.saturating_sub(self.first_row) as usize;
        if index > self.rows.len() {
            self.rows.resize(index, Vec::new());
        }
        self.rows.push(cells);
    }
}

/// Reads every sheet of one file, keeping each sheet whole.
///
/// # Errors
/// As [`read_file_into`].
pub fn read_file(path: &Path) -> Result<(InputFile, Vec<RawSheet>)> {
    let mut grids = Grids::new(&display_name(path));
    let input = read_file_into(path, &mut grids)?;
    Ok((input, grids.sheets))
}

/// The error for a file beyond the memory limits ([`MAX_UNCOMPRESSED`], [`MAX_CELLS`]).
pub(crate) fn too_large(file: &str) -> Error {
    Error::input(Cause::TooLarge {
        file: file.to_string(),
        bytes: MAX_UNCOMPRESSED,
        cells: MAX_CELLS,
    })
}

/// The file's name as the user knows it (not the full path), for messages.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads every sheet of one file into `sink`, row by row.
///
/// # Errors
/// An input error naming the file when it cannot be opened, is empty, encrypted, truncated or
/// corrupt, is not a spreadsheet, or is too large. The sink may then hold part of the file.
pub fn read_file_into(path: &Path, sink: &mut dyn RowSink) -> Result<InputFile> {
    let name = display_name(path);
    let bytes = std::fs::read(path).map_err(|e| {
        let why = crate::error::IoCause::of(&e);
        Error::input(Cause::CannotOpen {
            file: name.clone(),
            why,
        })
        .with_detail(e.to_string())
    })?;
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let encoding = read_into(&bytes, &name, &stem, sink)?;
    Ok(InputFile {
        path: path.display().to_string(),
        sha256,
        sheets: Vec::new(),
        encoding: encoding.map(str::to_string),
    })
}

/// Reads every sheet of a file already in memory; `name` names it in messages and `stem` names
/// the one sheet of a text file.
///
/// # Errors
/// As [`read_file_into`].
pub fn read_bytes(bytes: &[u8], name: &str, stem: &str) -> Result<Vec<RawSheet>> {
    let mut grids = Grids::new(name);
    read_bytes_into(bytes, name, stem, &mut grids)?;
    Ok(grids.sheets)
}

/// Passes rows on and notes whether any cell held something.
struct Watch<'a> {
    inner: &'a mut dyn RowSink,
    content: bool,
}

impl RowSink for Watch<'_> {
    fn sheet(&mut self, name: &str) {
        self.inner.sheet(name);
    }

    fn row(&mut self, number: u32, cells: &[Cell]) {
        if !self.content && cells.iter().any(|c| !c.is_blank()) {
            self.content = true;
        }
        self.inner.row(number, cells);
    }

    fn include_hidden(&self) -> bool {
        self.inner.include_hidden()
    }

    fn hidden_sheet(&mut self, name: &str, very: bool) {
        self.inner.hidden_sheet(name, very);
    }
}

/// Reads every sheet of a file already in memory into `sink`.
///
/// # Errors
/// As [`read_file_into`].
pub fn read_bytes_into(bytes: &[u8], name: &str, stem: &str, sink: &mut dyn RowSink) -> Result<()> {
    read_into(bytes, name, stem, sink).map(|_| ())
}

/// As [`read_bytes_into`]; returns the text encoding of a text-based file (text, HTML,
/// SpreadsheetML), `None` for a binary workbook.
fn read_into(
    bytes: &[u8],
    name: &str,
    stem: &str,
    sink: &mut dyn RowSink,
) -> Result<Option<&'static str>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(Cause::Empty {
            file: name.to_string(),
        }));
    }
    let (format, package) = sniff_package(bytes, name)?;
    let mut watch = Watch {
        inner: sink,
        content: false,
    };
    let encoding = match format {
        Format::Text => Some(text::read_text(bytes, name, stem, &mut watch)?),
        Format::Html => Some(html::read(bytes, name, stem, &mut watch)?),
        Format::SpreadsheetMl => Some(spreadsheetml::read(bytes, name, &mut watch)?),
        _ => {
            let outcome = quietly(|| {
                workbook::read_workbook(bytes, format, package.as_ref(), name, &mut watch)
            });
            match outcome {
                Ok(result) => result?,
                Err(_) => {
                    return Err(Error::input(Cause::Corrupt {
                        file: name.to_string(),
                    }))
                }
            }
            None
        }
    };
    if !watch.content {
        return Err(Error::input(Cause::Empty {
            file: name.to_string(),
        }));
    }
    Ok(encoding)
}

thread_local! {
    /// Set while this thread runs a reader crate whose panics become input errors.
    static QUIET_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it into `Err` without printing the panic message: a
/// malformed workbook can make a reader crate panic (seen in calamine's .xls parser under
/// mutation testing), and the user must get one clear sentence instead. Panics on other
/// threads, or outside `f`, still print as usual.
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET_PANICS.with(|q| q.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(false));
    outcome
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides the format from the bytes (the extension may lie), refusing encrypted workbooks,
/// zip bombs and files that are no spreadsheet.
///
/// # Errors
/// The encrypted, too-large, corrupt or not-a-spreadsheet message, or the "re-save as .xlsx"
/// message for a format custseg knows but does not read (SYLK, DIF).
pub fn sniff(bytes: &[u8], name: &str) -> Result<Format> {
    sniff_package(bytes, name).map(|(format, _)| format)
}

/// As [`sniff`], with the zip directory of a zip-based workbook.
fn sniff_package(bytes: &[u8], name: &str) -> Result<(Format, Option<package::Package>)> {
    let not_spreadsheet = || {
        Error::input(Cause::NotSpreadsheet {
            file: name.to_string(),
        })
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let found = package::directory(bytes, name)?;
        let format = package::format(bytes, &found);
        if format == Some(Format::Ods) && package::encrypted_ods(bytes, &found) {
            return Err(Error::input(Cause::Encrypted {
                file: name.to_string(),
            }));
        }
        return format.map(|f| (f, Some(found))).ok_or_else(not_spreadsheet);
    }
    if bytes.starts_with(&OLE_MAGIC) {
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(Error::input(Cause::Encrypted {
                file: name.to_string(),
            }));
        }
        // calamine finds the stream whatever its letter case (some writers use WORKBOOK/BOOK).
        if contains_utf16(bytes, "Workbook") || contains_utf16(bytes, "Book") {
            xls_guard::check(bytes, name)?;
            return Ok((Format::Xls, None));
        }
        return Err(not_spreadsheet());
    }
    if text::looks_binary(bytes) {
        return Err(not_spreadsheet());
    }
    let head = text::decode(&bytes[..bytes.len().min(8192)], None).text;
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with("ID;P") || start.starts_with("ID;N") {
        return Err(Error::input(Cause::OtherFormat {
            file: name.to_string(),
            format: "SYLK",
        }));
    }
    if start.starts_with("TABLE") && start[5..].trim_start().starts_with("0,1") {
        return Err(Error::input(Cause::OtherFormat {
            file: name.to_string(),
            format: "DIF",
        }));
    }
    if start.starts_with('<') {
        if spreadsheetml::is_spreadsheetml(&head) {
            return Ok((Format::SpreadsheetMl, None));
        }
        if html::is_html_table(&head) || html::is_html_table(&text::decode_text(bytes)) {
            return Ok((Format::Html, None));
        }
        return Err(not_spreadsheet());
    }
    Ok((Format::Text, None))
}

/// Whether `text` occurs in UTF-16LE, ASCII letters in any case.
fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_slice()))
}

#[cfg(test)]
mod tests;
