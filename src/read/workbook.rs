//! Stage 1, read, workbooks: an .xlsx/.xlsm/.xlsb/.ods/.xls opened with calamine, its sheets
//! streamed row by row into a [`RowSink`]. A package calamine gives up on is repaired once
//! (read/package.rs) and tried again; a library's own error text never reaches the user's
//! sentence, it is kept as the error's `detail`.

use std::io::Cursor;

use calamine::{DataRef, DataType, Reader};

use super::package::{self, Package, Repair};
use super::{Format, RowSink, MAX_CELLS};
use crate::error::{Cause, Error, Result};
use crate::model::Cell;

type Book<'b> = calamine::Sheets<Cursor<&'b [u8]>>;

/// Why calamine could not open a workbook.
enum Unopened {
    /// The workbook is encrypted.
    Password,
    /// Anything else, in the library's words.
    Failed(String),
}

fn open(bytes: &[u8], format: Format) -> std::result::Result<Book<'_>, Unopened> {
    let cursor = Cursor::new(bytes);
    let failed = |e: &dyn std::fmt::Display| Unopened::Failed(e.to_string());
    Ok(match format {
        Format::Xlsx => calamine::Sheets::Xlsx(calamine::open_workbook_from_rs(cursor).map_err(
            |e: calamine::XlsxError| match e {
                calamine::XlsxError::Password => Unopened::Password,
                other => failed(&other),
            },
        )?),
        Format::Xlsb => calamine::Sheets::Xlsb(calamine::open_workbook_from_rs(cursor).map_err(
            |e: calamine::XlsbError| match e {
                calamine::XlsbError::Password => Unopened::Password,
                other => failed(&other),
            },
        )?),
        Format::Ods => calamine::Sheets::Ods(calamine::open_workbook_from_rs(cursor).map_err(
            |e: calamine::OdsError| match e {
                calamine::OdsError::Password => Unopened::Password,
                other => failed(&other),
            },
        )?),
        Format::Xls => calamine::Sheets::Xls(calamine::open_workbook_from_rs(cursor).map_err(
            |e: calamine::XlsError| match e {
                calamine::XlsError::Password => Unopened::Password,
                other => failed(&other),
            },
        )?),
        _ => return Err(Unopened::Failed(String::new())),
    })
}

/// Reads every sheet of a workbook into `sink`. `package` is the zip directory of a zip-based
/// workbook, for the one repair attempt.
pub(super) fn read_workbook(
    bytes: &[u8],
    format: Format,
    package: Option<&Package>,
    name: &str,
    sink: &mut dyn RowSink,
) -> Result<()> {
    let corrupt = |e: &dyn std::fmt::Display| {
        Error::input(Cause::Corrupt {
            file: name.to_string(),
        })
        .with_detail(e.to_string())
    };
    let too_large = || crate::read::too_large(name);
    let stopped = |e: Stop| match e {
        Stop::TooLarge => too_large(),
        Stop::Reader(e) => corrupt(&e),
    };
    let unopened = |e: Unopened| match e {
        Unopened::Password => Error::input(Cause::Encrypted {
            file: name.to_string(),
        }),
        Unopened::Failed(e) => corrupt(&e),
    };
    let repaired: Repair;
    let (mut book, left_out) = match open(bytes, format) {
        Ok(book) => (book, Vec::new()),
        Err(Unopened::Password) => return Err(unopened(Unopened::Password)),
        Err(first) => match package
            .and_then(|p| package::repair(bytes, p, format))
            .or_else(|| xlsb_without_macro_sheets(bytes, format))
        {
            Some(r) => {
                repaired = r;
                match open(&repaired.bytes, format) {
                    Ok(book) => (book, repaired.left_out.clone()),
                    Err(Unopened::Password) => return Err(unopened(Unopened::Password)),
                    Err(_) => return Err(unopened(first)),
                }
            }
            None => return Err(unopened(first)),
        },
    };
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(Error::input(Cause::Empty {
            file: name.to_string(),
        }));
    }
    let hidden: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| {
            let very = s.visible == calamine::SheetVisible::VeryHidden;
            (s.name.clone(), very)
        })
        .collect();
    let mut failures = Vec::new();
    let mut skipped = 0;
    for sheet_name in &names {
        if let Some((_, very)) = hidden.iter().find(|(n, _)| n == sheet_name) {
            if !sink.include_hidden() {
                sink.hidden_sheet(sheet_name, *very);
                skipped += 1;
                continue;
            }
        }
        // A sheet that cannot be opened is announced without rows, so that extract reports it
        // as not used; a sheet that breaks off while being read makes the file corrupt.
        sink.sheet(sheet_name);
        let mut rows = RowAssembler::new(sink);
        let streamed = match &mut book {
            calamine::Sheets::Xlsx(x) => match x.worksheet_cells_reader(sheet_name) {
                Ok(mut cells) => Some(rows.stream(|| cells.next_cell()).map_err(stopped)),
                Err(calamine::XlsxError::NotAWorksheet(_)) => Some(Ok(())),
                Err(e) => {
                    failures.push(e.to_string());
                    None
                }
            },
            calamine::Sheets::Xlsb(x) => match x.worksheet_cells_reader(sheet_name) {
                Ok(mut cells) => Some(rows.stream(|| cells.next_cell()).map_err(stopped)),
                Err(e) => {
                    failures.push(e.to_string());
                    None
                }
            },
            other => match other.worksheet_range(sheet_name) {
                Ok(range) => {
                    let (h, w) = range.get_size();
                    if (h as u64).saturating_mul(w as u64) > MAX_CELLS {
                        return Err(too_large());
                    }
                    let (first_row, first_col) = range.start().unwrap_or((0, 0));
                    let mut cells = Vec::new();
                    for (i, row) in range.rows().enumerate() {
                        cells.clear();
                        cells.resize(first_col as usize, Cell::Empty);
                        cells.extend(row.iter().map(convert));
                        trim_blank_end(&mut cells);
                        sink.row(first_row.saturating_add(1 + i as u32), &cells);
                    }
                    Some(Ok(()))
                }
                Err(e) => {
                    failures.push(e.to_string());
                    None
                }
            },
        };
        if let Some(result) = streamed {
            result?;
        }
    }
    // Sheets taken out by the repair (Excel 4 macro sheets) are announced without rows.
    for sheet_name in &left_out {
        sink.sheet(sheet_name);
    }
    if !failures.is_empty() && failures.len() + skipped == names.len() {
        return Err(corrupt(&failures.join("; ")));
    }
    Ok(())
}

/// An .xlsb whose workbook lists Excel 4 macro sheets (calamine refuses the whole file): a
/// copy whose `xl/workbook.bin` leaves their BrtBundleSh records out, and their names. `None`
/// for any other file, or when the package cannot be read part by part.
fn xlsb_without_macro_sheets(bytes: &[u8], format: Format) -> Option<Repair> {
    if format != Format::Xlsb {
        return None;
    }
    let mut parts = package::parts_of(bytes)?;
    let macro_ids = package::macro_sheet_ids(&parts);
    if macro_ids.is_empty() {
        return None;
    }
    let mut left_out = Vec::new();
    let book = parts.iter_mut().find(|(n, _)| n == "xl/workbook.bin")?;
    book.1 = drop_bundles(&book.1, &macro_ids, &mut left_out)?;
    if left_out.is_empty() {
        return None;
    }
    let bytes = package::packed(parts)?;
    Some(Repair { bytes, left_out })
}

/// The records of an .xlsb workbook part without the BrtBundleSh (sheet) records whose
/// relationship id is in `ids`; their sheet names go to `left_out`. `None` if a record runs
/// past the end.
fn drop_bundles(book: &[u8], ids: &[String], left_out: &mut Vec<String>) -> Option<Vec<u8>> {
    // A record: type (1–2 bytes) and length (1–4 bytes), 7 bits a byte, high bit = more.
    fn varint(data: &[u8], at: &mut usize, limit: usize) -> Option<usize> {
        let mut value = 0usize;
        for i in 0..limit {
            let b = *data.get(*at)?;
            *at += 1;
            value |= usize::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                break;
            }
        }
        Some(value)
    }
    // XLWideString: a u32 count of UTF-16 units, then the units.
    fn wide(data: &[u8], at: &mut usize) -> Option<String> {
        let count = u32::from_le_bytes(data.get(*at..*at + 4)?.try_into().ok()?) as usize;
        *at += 4;
        let raw = data.get(*at..(*at).checked_add(count.checked_mul(2)?)?)?;
        *at += raw.len();
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    }
    let mut out = Vec::with_capacity(book.len());
    let mut at = 0;
    while at < book.len() {
        let start = at;
        let typ = varint(book, &mut at, 2)?;
        let len = varint(book, &mut at, 4)?;
        let body = book.get(at..at.checked_add(len)?)?;
        at += len;
        if typ == 0x9C {
            // hsState, iTabID, strRelID, strName.
            let mut pos = 8;
            if wide(body, &mut pos).is_some_and(|id| ids.contains(&id)) {
                left_out.push(wide(body, &mut pos).unwrap_or_default());
                continue;
            }
        }
        out.extend_from_slice(&book[start..at]);
    }
    Some(out)
}

/// Why streaming a sheet stopped early.
enum Stop {
    TooLarge,
    /// The reader's own error, as text.
    Reader(String),
}

/// Turns calamine's stream of cells (row by row, left to right) into rows for a [`RowSink`],
/// converting each cell once and keeping only the current row.
struct RowAssembler<'s> {
    sink: &'s mut dyn RowSink,
    /// Row (0-based) of the cells in `cells`, if any.
    current: Option<u32>,
    cells: Vec<Cell>,
    first: Option<u32>,
    widest: u64,
}

impl<'s> RowAssembler<'s> {
    fn new(sink: &'s mut dyn RowSink) -> RowAssembler<'s> {
        RowAssembler {
            sink,
            current: None,
            cells: Vec::new(),
            first: None,
            widest: 0,
        }
    }

    fn stream<'a, E: std::fmt::Display>(
        &mut self,
        mut next: impl FnMut() -> std::result::Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    ) -> std::result::Result<(), Stop> {
        while let Some(cell) = next().map_err(|e| Stop::Reader(e.to_string()))? {
            let value = cell.get_value();
            if matches!(value, DataRef::Empty) {
                continue;
            }
            let (row, col) = cell.get_position();
            if self.current != Some(row) {
                self.flush()?;
                self.current = Some(row);
                self.first.get_or_insert(row);
            }
            let col = col as usize;
            if col >= self.cells.len() {
                self.widest = self.widest.max(col as u64 + 1);
                self.check(row)?;
                self.cells.resize(col + 1, Cell::Empty);
            }
            self.cells[col] = convert(value);
        }
        self.flush()
    }

    /// Refuses a sheet spanning more than [`MAX_CELLS`] cells (a sheet is held whole when it
    /// is a customers sheet, so its span must stay within memory).
    fn check(&self, row: u32) -> std::result::Result<(), Stop> {
        let first = self.first.unwrap_or(row);
        let span = u64::from(row.saturating_sub(first)) + 1;
        if span.saturating_mul(self.widest) > MAX_CELLS {
            return Err(Stop::TooLarge);
        }
        Ok(())
    }

    fn flush(&mut self) -> std::result::Result<(), Stop> {
        if let Some(row) = self.current.take() {
            self.check(row)?;
            trim_blank_end(&mut self.cells);
            self.sink.row(row.saturating_add(1), &self.cells);
            self.cells.clear();
        }
        Ok(())
    }
}

pub(super) fn trim_blank_end(cells: &mut Vec<Cell>) {
    let used = cells
        .iter()
        .rposition(|c| !matches!(c, Cell::Empty))
        .map_or(0, |i| i + 1);
    cells.truncate(used);
}

/// One calamine cell (owned `Data` or borrowed `DataRef`) as our cell.
fn convert<D: DataType>(d: &D) -> Cell {
    if let Some(s) = d.get_string() {
        text_cell(s)
    } else if let Some(f) = d.get_float() {
        Cell::Number(f)
    } else if let Some(i) = d.get_int() {
        Cell::Number(i as f64)
    } else if let Some(dt) = d.get_datetime() {
        match dt.as_datetime() {
            Some(x) => Cell::DateTime(x),
            None => Cell::Number(dt.as_f64()),
        }
    } else if let Some(b) = d.get_bool() {
        Cell::Bool(b)
    } else if let Some(s) = d.get_datetime_iso() {
        iso_cell(s)
    } else if let Some(s) = d.get_duration_iso() {
        Cell::Text(s.to_string())
    } else if let Some(e) = d.get_error() {
        Cell::Error(e.to_string())
    } else {
        Cell::Empty
    }
}

/// A text cell, or Empty for "". A NUL is never part of a cell's text: some .xls files' strings
/// come out of calamine with one after every letter (`m\0p\0g\0`, UTF-16 read as 8-bit), which
/// would hide a 客户编码 header and print NULs in messages; they are dropped.
pub(super) fn text_cell(s: &str) -> Cell {
    if s.contains('\0') {
        let kept: String = s.chars().filter(|&c| c != '\0').collect();
        return text_cell(&kept);
    }
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

pub(super) fn iso_cell(s: &str) -> Cell {
    if let Ok(x) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        Cell::DateTime(x)
    } else if let Ok(x) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Cell::DateTime(x.and_time(chrono::NaiveTime::MIN))
    } else {
        Cell::Text(s.to_string())
    }
}
