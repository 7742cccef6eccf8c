//! Stage 1, read: open one input file of any supported format and return its sheets as grids
//! of cells (`RawSheet`), plus the file's SHA-256. The format is decided by the file's bytes, not
//! its extension, so the rest of the pipeline never asks which format a file was. The file is
//! opened read-only and read once; a file that cannot be read ends in one clear sentence.
//!
//! Limits: a zip-based workbook (xlsx/xlsm/xlsb/ods) whose zip directory declares more than
//! [`MAX_UNCOMPRESSED`] bytes, or a sheet of more than [`MAX_CELLS`] cells, is refused before
//! calamine expands it, so a decompression bomb cannot exhaust memory; an .xls is first walked
//! record by record (`read/xls_guard.rs`) for what calamine would allocate.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{DataRef, DataType, Reader};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::messages as msg;
use crate::model::{Cell, InputFile, Lang, RawSheet};

mod xls_guard;
// Where the test fixtures live; the mutation smoke test.
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
pub fn read_file(path: &Path, lang: Lang) -> Result<(InputFile, Vec<RawSheet>)> {
    let mut grids = Grids::new(&display_name(path));
    let input = read_file_into(path, lang, &mut grids)?;
    Ok((input, grids.sheets))
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
pub fn read_file_into(path: &Path, lang: Lang, sink: &mut dyn RowSink) -> Result<InputFile> {
    let name = display_name(path);
    let bytes =
        std::fs::read(path).map_err(|e| Error::input(msg::read_cannot_open(lang, &name, &e)))?;
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    read_bytes_into(&bytes, &name, &stem, lang, sink)?;
    Ok(InputFile {
        path: path.display().to_string(),
        sha256,
        sheets: Vec::new(),
    })
}

/// Reads every sheet of a file already in memory; `name` names it in messages and `stem` names
/// the one sheet of a text file.
///
/// # Errors
/// As [`read_file_into`].
pub fn read_bytes(bytes: &[u8], name: &str, stem: &str, lang: Lang) -> Result<Vec<RawSheet>> {
    let mut grids = Grids::new(name);
    read_bytes_into(bytes, name, stem, lang, &mut grids)?;
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
pub fn read_bytes_into(
    bytes: &[u8],
    name: &str,
    stem: &str,
    lang: Lang,
    sink: &mut dyn RowSink,
) -> Result<()> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(msg::read_empty(lang, name)));
    }
    let format = sniff(bytes, name, lang)?;
    let mut watch = Watch {
        inner: sink,
        content: false,
    };
    match format {
        Format::Text => read_text(bytes, name, stem, lang, &mut watch)?,
        _ => {
            let outcome = quietly(|| read_workbook(bytes, format, name, lang, &mut watch));
            match outcome {
                Ok(result) => result?,
                Err(_) => return Err(Error::input(msg::read_corrupt(lang, name, ""))),
            }
        }
    }
    if !watch.content {
        return Err(Error::input(msg::read_empty(lang, name)));
    }
    Ok(())
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
pub fn sniff(bytes: &[u8], name: &str, lang: Lang) -> Result<Format> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let names = zip_directory(bytes, name, lang)?;
        let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
        return if has("xl/workbook.xml") {
            Ok(Format::Xlsx)
        } else if has("xl/workbook.bin") {
            Ok(Format::Xlsb)
        } else if has("content.xml")
            && bytes[..bytes.len().min(400)]
                .windows(24)
                .any(|w| w == b"opendocument.spreadsheet")
        {
            Ok(Format::Ods)
        } else {
            Err(Error::input(msg::read_not_spreadsheet(lang, name)))
        };
    }
    if bytes.starts_with(&OLE_MAGIC) {
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(Error::input(msg::read_encrypted(lang, name)));
        }
        if contains_utf16(bytes, "Workbook") || contains_utf16(bytes, "Book") {
            xls_guard::check(bytes, name, lang)?;
            return Ok(Format::Xls);
        }
        return Err(Error::input(msg::read_not_spreadsheet(lang, name)));
    }
    if looks_binary(bytes) {
        return Err(Error::input(msg::read_not_spreadsheet(lang, name)));
    }
    Ok(Format::Text)
}

fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// True when the start of the file is not text in any encoding we read.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || utf16_without_bom(bytes).is_some()
    {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

/// Little- or big-endian UTF-16 without a byte-order mark, judged from NULs in alternate bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Chinese text has no NUL bytes in UTF-16, but delimiters, digits and line ends do; text in
    // any 8-bit encoding has none at all.
    if odd_nul * 5 >= pairs && even_nul * 100 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 5 >= pairs && odd_nul * 100 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Reads the zip central directory (with the `zip` crate calamine opens the workbook with): the
/// entry names, after checking that the declared uncompressed sizes stay under
/// [`MAX_UNCOMPRESSED`]. A missing or broken directory means a truncated or corrupt file.
fn zip_directory(bytes: &[u8], name: &str, lang: Lang) -> Result<Vec<String>> {
    let corrupt = || Error::input(msg::read_corrupt(lang, name, ""));
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| corrupt())?;
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|_| corrupt())?;
        // A ZIP64 size (0xFFFFFFFF here) is over 4 GiB, far beyond any sane workbook.
        total = total.saturating_add(entry.size());
        if total > MAX_UNCOMPRESSED {
            return Err(Error::input(msg::read_too_large(
                lang,
                name,
                MAX_UNCOMPRESSED,
                MAX_CELLS,
            )));
        }
        names.push(String::from_utf8_lossy(entry.name_raw()).into_owned());
    }
    Ok(names)
}

fn read_workbook(
    bytes: &[u8],
    format: Format,
    name: &str,
    lang: Lang,
    sink: &mut dyn RowSink,
) -> Result<()> {
    let cursor = Cursor::new(bytes);
    let corrupt =
        |e: &dyn std::fmt::Display| Error::input(msg::read_corrupt(lang, name, &e.to_string()));
    let too_large = || Error::input(msg::read_too_large(lang, name, MAX_UNCOMPRESSED, MAX_CELLS));
    let stopped = |e: Stop| match e {
        Stop::TooLarge => too_large(),
        Stop::Reader(e) => corrupt(&e),
    };
    let mut book: calamine::Sheets<Cursor<&[u8]>> = match format {
        Format::Xlsx => calamine::Sheets::Xlsx(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e: calamine::XlsxError| corrupt(&e))?,
        ),
        Format::Xlsb => calamine::Sheets::Xlsb(
            calamine::open_workbook_from_rs(cursor)
                .map_err(|e: calamine::XlsbError| corrupt(&e))?,
        ),
        Format::Ods => calamine::Sheets::Ods(
            calamine::open_workbook_from_rs(cursor).map_err(|e: calamine::OdsError| corrupt(&e))?,
        ),
        Format::Xls => calamine::Sheets::Xls(calamine::open_workbook_from_rs(cursor).map_err(
            |e: calamine::XlsError| match e {
                calamine::XlsError::Password => Error::input(msg::read_encrypted(lang, name)),
                other => corrupt(&other),
            },
        )?),
        Format::Text => return Ok(()),
    };
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(Error::input(msg::read_empty(lang, name)));
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
    if !failures.is_empty() && failures.len() + skipped == names.len() {
        return Err(corrupt(&failures.join("; ")));
    }
    Ok(())
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

fn trim_blank_end(cells: &mut Vec<Cell>) {
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

fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn iso_cell(s: &str) -> Cell {
    if let Ok(x) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        Cell::DateTime(x)
    } else if let Ok(x) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Cell::DateTime(x.and_time(chrono::NaiveTime::MIN))
    } else {
        Cell::Text(s.to_string())
    }
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 (BOM, or NULs in alternate bytes),
/// otherwise GB18030 (a superset of GBK).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Picks the delimiter that splits the first lines most consistently (tab, comma, semicolon, |).
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (b',', 0usize);
    for delim in [b'\t', b',', b';', b'|'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, delim as char))
            .collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        // Lines that split into the widest shape, weighted by how wide it is.
        let agreeing = counts.iter().filter(|&&c| c == max).count();
        let score = agreeing * max + counts.iter().filter(|&&c| c > 0).count();
        if score > best.1 {
            best = (delim, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delim: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            n += 1;
        }
    }
    n
}

fn read_text(
    bytes: &[u8],
    name: &str,
    stem: &str,
    lang: Lang,
    sink: &mut dyn RowSink,
) -> Result<()> {
    let text = decode_text(bytes);
    if text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .count()
        * 100
        > text.chars().count().max(1)
    {
        return Err(Error::input(msg::read_not_spreadsheet(lang, name)));
    }
    let delim = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    sink.sheet(stem);
    let mut record = csv::StringRecord::new();
    let mut cells = Vec::new();
    let (mut number, mut widest) = (0u32, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                number = number.saturating_add(1);
                cells.clear();
                cells.extend(record.iter().map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                }));
                trim_blank_end(&mut cells);
                widest = widest.max(cells.len() as u64);
                if u64::from(number) * widest > MAX_CELLS {
                    return Err(Error::input(msg::read_too_large(
                        lang,
                        name,
                        MAX_UNCOMPRESSED,
                        MAX_CELLS,
                    )));
                }
                sink.row(number, &cells);
            }
            Ok(false) => break,
            Err(e) => return Err(Error::input(msg::read_corrupt(lang, name, &e.to_string()))),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        crate::read::fixtures::dir().join(name)
    }

    /// A zip holding one entry whose directory declares `size` uncompressed bytes.
    fn zip_declaring(size: u32) -> Vec<u8> {
        let name = b"xl/workbook.xml";
        let mut z = b"PK\x03\x04".to_vec();
        z.extend([0u8; 26]);
        let cd_offset = z.len() as u32;
        let mut cd = b"PK\x01\x02".to_vec();
        cd.extend([0u8; 20]);
        cd.extend(size.to_le_bytes()); // uncompressed size at offset 24
        cd.extend((name.len() as u16).to_le_bytes());
        cd.extend([0u8; 16]);
        cd.extend(name);
        let cd_size = cd.len() as u32;
        z.extend(cd);
        z.extend(b"PK\x05\x06");
        z.extend([0u8; 4]);
        z.extend(1u16.to_le_bytes());
        z.extend(1u16.to_le_bytes());
        z.extend(cd_size.to_le_bytes());
        z.extend(cd_offset.to_le_bytes());
        z.extend([0u8; 2]);
        z
    }

    #[test]
    fn a_zip_bomb_is_refused_before_expanding() {
        let err =
            read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb", Lang::Zh).unwrap_err();
        assert!(
            err.message.contains("bomb.xlsx") && err.message.contains("太大"),
            "{}",
            err.message
        );
        let err = read_bytes(&zip_declaring(0xFFFF_FFFF), "z64.xlsx", "z64", Lang::En).unwrap_err();
        assert!(err.message.contains("too large"), "{}", err.message);
        // A small declared size passes the check and fails later as corrupt, not as too large.
        let err = read_bytes(&zip_declaring(100), "small.xlsx", "small", Lang::En).unwrap_err();
        assert!(err.message.contains("corrupt"), "{}", err.message);
    }

    #[test]
    fn formats_are_sniffed_from_the_bytes() {
        let cases: &[(&str, Format)] = &[
            ("basic.xlsx", Format::Xlsx),
            ("really_xlsx.csv", Format::Xlsx),
            ("basic.xls", Format::Xls),
            ("basic.ods", Format::Ods),
            ("basic.csv", Format::Text),
            ("basic_gbk.csv", Format::Text),
            ("basic_utf16.txt", Format::Text),
        ];
        for (name, want) in cases {
            let bytes = std::fs::read(fixture(name)).unwrap();
            assert_eq!(sniff(&bytes, name, Lang::Zh).unwrap(), *want, "{name}");
        }
    }

    #[test]
    fn text_encodings_decode_alike() {
        let want = "客户编码,客户名称\r\n0001,甲公司\r\n";
        let utf16le: Vec<u8> = want.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let utf16be: Vec<u8> = want.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let (gbk, _, _) = encoding_rs::GBK.encode(want);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("utf-8", want.as_bytes().to_vec()),
            (
                "utf-8 bom",
                [b"\xef\xbb\xbf".as_slice(), want.as_bytes()].concat(),
            ),
            ("gbk", gbk.into_owned()),
            ("utf-16le bom", [[0xFF, 0xFE].as_slice(), &utf16le].concat()),
            ("utf-16be bom", [[0xFE, 0xFF].as_slice(), &utf16be].concat()),
            ("utf-16le no bom", utf16le),
        ];
        for (what, bytes) in cases {
            assert_eq!(decode_text(&bytes), want, "{what}");
        }
    }

    #[test]
    fn delimiters_are_sniffed() {
        let cases: &[(&str, u8)] = &[
            ("a,b,c\n1,2,3\n", b','),
            ("a\tb\tc\n1\t2\t3\n", b'\t'),
            ("a;b;c\n1;2;3\n", b';'),
            ("a|b|c\n1|2|3\n", b'|'),
            ("名称\t金额\n\"甲,乙\"\t1,000\n", b'\t'),
            ("客户档案列表\n客户编码,名称,金额\n1,甲,\"1,000\"\n", b','),
            ("single\n", b','),
        ];
        for (text, want) in cases {
            assert_eq!(sniff_delimiter(text) as char, *want as char, "{text:?}");
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let cases: &[&[u8]] = &[
            b"",
            b"   \n",
            b"PK\x03\x04garbage",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            b"\x00\x01\x02\x03\x04",
        ];
        for bytes in cases {
            assert!(
                read_bytes(bytes, "x.xlsx", "x", Lang::Zh).is_err(),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn reading_never_changes_the_file() {
        let path = fixture("basic.xlsx");
        let before = std::fs::read(&path).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let (input, sheets) = read_file(&path, Lang::Zh).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
        let want: String = Sha256::digest(&before)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(input.sha256, want);
    }

    #[test]
    fn cells_keep_their_types() {
        let (_, sheets) = read_file(&fixture("software_set.xlsx"), Lang::Zh).unwrap();
        let usage = &sheets[2];
        assert_eq!(usage.sheet, "登录记录");
        assert_eq!(usage.first_row, 1);
        assert!(
            matches!(usage.rows[1][1], Cell::DateTime(_)),
            "{:?}",
            usage.rows[1][1]
        );
        assert_eq!(usage.rows[1][1].display(), "2026-09-01 10:00:00");
        assert_eq!(usage.rows[1][3], Cell::Number(30.0));
        let (_, sheets) = read_file(&fixture("basic.ods"), Lang::Zh).unwrap();
        assert_eq!(sheets[0].rows[1][9].display(), "2026-08-15", "ods dates");
    }

    #[test]
    fn bad_file_messages_word_for_word() {
        let cases: &[(&str, Lang, &str)] = &[
            ("encrypted.xlsx", Lang::Zh, "文件 encrypted.xlsx 设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存再试。"),
            ("encrypted.xlsx", Lang::En, "The file encrypted.xlsx is password-protected (encrypted) and cannot be read; remove the password in Excel, save it again and retry."),
            ("truncated.xlsx", Lang::Zh, "文件 truncated.xlsx 已损坏或不完整（可能没有下载或保存完整），无法读取。"),
            ("truncated.xlsx", Lang::En, "The file truncated.xlsx is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read."),
            ("not_spreadsheet.xlsx", Lang::Zh, "文件 not_spreadsheet.xlsx 不是电子表格（支持 .xlsx .xlsm .xlsb .xls .ods .csv .txt）。"),
            ("not_spreadsheet.xlsx", Lang::En, "The file not_spreadsheet.xlsx is not a spreadsheet (supported: .xlsx .xlsm .xlsb .xls .ods .csv .txt)."),
            ("empty.csv", Lang::Zh, "文件 empty.csv 是空的，没有可读取的数据。"),
            ("empty.csv", Lang::En, "The file empty.csv is empty: there is no data to read."),
        ];
        for (name, lang, want) in cases {
            let err = read_file(&fixture(name), *lang).unwrap_err();
            assert_eq!(err.message, *want, "{name} {lang:?}");
        }
        let bomb =
            read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb", Lang::Zh).unwrap_err();
        assert_eq!(
            bomb.message,
            "文件 bomb.xlsx 太大，无法安全读入内存（上限：解压后 2 GB，或单个工作表 5000 万个单元格）。"
        );
        let bomb =
            read_bytes(&zip_declaring(0xC000_0000), "bomb.xlsx", "bomb", Lang::En).unwrap_err();
        assert_eq!(
            bomb.message,
            "The file bomb.xlsx is too large to read safely into memory (limits: 2 GB uncompressed, or 50 million cells in one sheet)."
        );
    }
}
