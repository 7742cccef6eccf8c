//! Stage 1, read, .xls only: before calamine opens an Excel 97–2003 workbook, walk the file the
//! way calamine will — compound-file sectors, then the BIFF records of the Workbook stream — and
//! work out how much memory it would ask for, so that a damaged file ends in one clear sentence.
//! A failed allocation aborts the process, and `catch_unwind` cannot catch an abort.
//!
//! calamine reads every sheet of an .xls as soon as the file is opened and keeps each sheet as
//! one dense grid from the smallest to the largest row and column of its cells, so a single cell
//! record whose position was damaged (row 65 535, column 65 535) asks for billions of cells. It
//! also follows sector chains without noticing loops. This guard refuses
//! - a compound file whose sector chains loop, leave the file or cannot be followed (corrupt);
//! - a sheet whose cells span, or whose Dimensions record declares, more cells than an .xls
//!   sheet can hold, 65 536 rows × 256 columns: only a damaged file does (corrupt);
//! - a workbook whose sheets together would take more than [`MAX_UNCOMPRESSED`] bytes once
//!   expanded (too large).
//!
//! Where calamine would give up with an error anyway the guard may over-estimate; it never
//! under-estimates. Every size read from the file is bounds-checked, and nothing is allocated
//! beyond the size of the file itself.

use super::{MAX_CELLS, MAX_UNCOMPRESSED};
use crate::error::{Error, Result};
use crate::messages as msg;
use crate::model::Lang;

/// Refuses an .xls that calamine could not open without reserving too much memory.
///
/// # Errors
/// The corrupt-file message when the file is damaged in a way that would make calamine allocate
/// without bound; the too-large message when its sheets together are too large to hold.
pub(super) fn check(bytes: &[u8], name: &str, lang: Lang) -> Result<()> {
    match refusal(bytes) {
        None => Ok(()),
        Some(Refusal::Corrupt) => Err(Error::input(msg::read_corrupt(lang, name, ""))),
        Some(Refusal::TooLarge) => Err(Error::input(msg::read_too_large(
            lang,
            name,
            MAX_UNCOMPRESSED,
            MAX_CELLS,
        ))),
    }
}

/// Why a file is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Corrupt,
    TooLarge,
}

use Refusal::*;

fn refusal(bytes: &[u8]) -> Option<Refusal> {
    let stream = match workbook_stream(bytes) {
        Ok(Some(stream)) => stream,
        // calamine fails cleanly before it reads a sheet.
        Ok(None) => return None,
        Err(refusal) => return Some(refusal),
    };
    memory_needed(&stream).err()
}

// ---------------------------------------------------------------------------------------------
// The compound file (MS-CFB), read as calamine 0.38's `cfb.rs` reads it.

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// calamine follows the DIFAT chain while the next sector number is below this.
const FIRST_RESERVED: u32 = 0xFFFF_FFFA;
/// DIFAT entries at or above this name no FAT sector.
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
const MINI_SECTOR: usize = 64;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: usize = 4096;

/// How following a chain of sectors went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChainError {
    /// calamine returns an error here (a sector number past the end of the file).
    Fails,
    /// calamine would loop, allocate without bound, panic or read bytes we cannot predict.
    Refused,
}

impl From<ChainError> for Refusal {
    fn from(_: ChainError) -> Refusal {
        Corrupt
    }
}

/// The sectors and the FAT of a compound file.
struct Compound<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    /// The highest sector number calamine accepts: the file length over the sector size.
    max_id: u32,
    fat: Vec<u32>,
}

impl Compound<'_> {
    /// The bytes of sector `id` that are inside the file (all of them, or a short tail).
    fn sector(&self, id: u32) -> std::result::Result<&[u8], ChainError> {
        if id > self.max_id {
            return Err(ChainError::Fails);
        }
        // Sector 0 follows the header, which takes one sector.
        let start = (id as usize + 1).saturating_mul(self.sector_size);
        let end = start.saturating_add(self.sector_size);
        let len = self.bytes.len();
        Ok(&self.bytes[start.min(len)..end.min(len)])
    }

    fn whole_sector(&self, id: u32) -> std::result::Result<&[u8], ChainError> {
        let sector = self.sector(id)?;
        if sector.len() < self.sector_size {
            return Err(ChainError::Refused);
        }
        Ok(sector)
    }

    /// Follows a chain from `start` until the end-of-chain mark or `limit` bytes, as calamine
    /// does, but refuses a chain that comes back to a sector (calamine would go round until
    /// `limit`, which a damaged directory entry can make 4 GB or unbounded). A sector cut short
    /// by the end of the file is accepted only as the last one when `short_tail` is set, and is
    /// then read as padded with zeros: calamine sees either its bytes or those and zeros, so
    /// what is read here covers both.
    fn chain(
        &self,
        start: u32,
        limit: usize,
        short_tail: bool,
    ) -> std::result::Result<Vec<u8>, ChainError> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.max_id as usize + 1];
        let mut id = start;
        while id != END_OF_CHAIN {
            let sector = self.sector(id)?;
            if std::mem::replace(&mut seen[id as usize], true) {
                return Err(ChainError::Refused);
            }
            let take = self.sector_size.min(limit - out.len());
            let have = sector.len().min(take);
            out.extend_from_slice(&sector[..have]);
            if out.len() >= limit {
                break;
            }
            // calamine indexes the FAT without a check: a panic, which ends the read.
            let next = *self.fat.get(id as usize).ok_or(ChainError::Refused)?;
            if have < take {
                if next != END_OF_CHAIN || !short_tail {
                    return Err(ChainError::Refused);
                }
                out.resize(out.len() + (take - have), 0);
            }
            id = next;
        }
        Ok(out)
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// One directory entry, as calamine reads it.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

/// The Workbook (or, failing that, Book) stream calamine will parse; `None` where calamine
/// fails cleanly before reading any sheet.
fn workbook_stream(bytes: &[u8]) -> std::result::Result<Option<Vec<u8>>, Refusal> {
    let Some(header) = bytes.get(..512) else {
        return Ok(None);
    };
    let sector_size = match u16_at(header, 30) {
        Some(0x0009) => 512,
        Some(0x000C) => 4096,
        _ => return Ok(None),
    };
    if u16_at(header, 32) != Some(6) || bytes.len() < sector_size {
        return Ok(None);
    }
    let field = |at| u32_at(header, at).unwrap_or(0);
    let version = u16_at(header, 26).unwrap_or(0);
    let max_id = u32::try_from(bytes.len() / sector_size).map_err(|_| Corrupt)?;
    let mut file = Compound {
        bytes,
        sector_size,
        max_id,
        fat: Vec::new(),
    };

    // The DIFAT: 109 entries in the header, then a chain of sectors whose last entry points to
    // the next one. calamine stops after `max_id + 1` sectors; a file cannot have more FAT
    // sectors than sectors, which also bounds the FAT built below by the file's size.
    let mut difat: Vec<u32> = u32s(&header[76..512]).collect();
    let mut id = field(68);
    let mut hops = 0u64;
    while id < FIRST_RESERVED {
        hops += 1;
        if hops > u64::from(max_id) + 1 {
            return Err(Corrupt);
        }
        difat.extend(u32s(file.whole_sector(id)?));
        id = difat.pop().ok_or(Corrupt)?;
    }
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|&i| i < DIFAT_SECTOR).collect();
    if fat_sectors.len() as u64 > u64::from(max_id) + 1 {
        return Err(Corrupt);
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        fat.extend(u32s(file.whole_sector(id)?));
    }
    file.fat = fat;

    let directory = file.chain(field(48), usize::MAX, false)?;
    let entries: Vec<Entry> = directory
        .chunks_exact(128)
        .map(|e| {
            let mut name = encoding_rs::UTF_16LE.decode(&e[..64]).0.into_owned();
            if let Some(nul) = name.bytes().position(|b| b == 0) {
                name.truncate(nul);
            }
            let len = if sector_size == 512 {
                u64::from(u32_at(e, 120).unwrap_or(0))
            } else {
                u64_at(e, 120).unwrap_or(0)
            };
            Entry {
                name,
                start: u32_at(e, 116).unwrap_or(0),
                len: usize::try_from(len).unwrap_or(usize::MAX),
            }
        })
        .collect();
    let Some(root) = entries.first() else {
        return Ok(None);
    };
    if version != 3 && root.start == END_OF_CHAIN {
        return Ok(None);
    }

    // calamine reads the mini stream and the mini FAT when the header counts mini-FAT sectors.
    let mini_fat_sectors = field(64) as usize;
    let (mini_fat, mini_stream) = if mini_fat_sectors > 0 {
        let mini_stream = file.chain(root.start, root.len, false)?;
        let mini_fat = file.chain(field(60), mini_fat_sectors * sector_size, false)?;
        (u32s(&mini_fat).collect::<Vec<_>>(), mini_stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mini_max_id = u64::from(max_id) * 8;

    let stream = |wanted: &str| -> std::result::Result<Vec<u8>, ChainError> {
        let entry = entries
            .iter()
            .find(|e| e.name.as_bytes().eq_ignore_ascii_case(wanted.as_bytes()))
            .ok_or(ChainError::Fails)?;
        if entry.len >= MINI_CUTOFF {
            return file.chain(entry.start, entry.len, true);
        }
        // A short stream is a chain of 64-byte mini sectors in the mini stream. calamine fetches
        // a mini sector beyond the mini stream from wherever its reader stands: refuse that.
        // The length bounds the walk (at most 4 096 steps), so a loop does no harm here.
        let mut out = Vec::new();
        let mut id = entry.start;
        while id != END_OF_CHAIN {
            if u64::from(id) > mini_max_id {
                return Err(ChainError::Fails);
            }
            let take = MINI_SECTOR.min(entry.len - out.len());
            let at = id as usize * MINI_SECTOR;
            let part = mini_stream.get(at..at + take).ok_or(ChainError::Refused)?;
            out.extend_from_slice(part);
            if out.len() >= entry.len {
                break;
            }
            id = *mini_fat.get(id as usize).ok_or(ChainError::Refused)?;
        }
        Ok(out)
    };
    // calamine falls back to "Book" (Excel 5) whenever "Workbook" gives an error.
    match stream("Workbook") {
        Ok(s) => Ok(Some(s)),
        Err(ChainError::Refused) => Err(Corrupt),
        Err(ChainError::Fails) => match stream("Book") {
            Ok(s) => Ok(Some(s)),
            Err(ChainError::Refused) => Err(Corrupt),
            Err(ChainError::Fails) => Ok(None),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The BIFF records of the Workbook stream, read as calamine 0.38's `xls.rs` reads them.

/// One record and the Continue records (type 0x003C) calamine appends to it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    /// The Continue records that follow, headers included.
    continues: &'a [u8],
}

impl<'a> Record<'a> {
    /// The data of each Continue record.
    fn continue_data(&self) -> impl Iterator<Item = &'a [u8]> {
        let mut rest = self.continues;
        std::iter::from_fn(move || {
            let len = u16_at(rest, 2)? as usize;
            let data = rest.get(4..4 + len)?;
            rest = &rest[4 + len..];
            Some(data)
        })
    }
}

/// calamine's record iterator; it yields `None` where calamine yields an error, which ends the
/// read of the workbook.
struct Records<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        let typ = u16_at(self.rest, 0)?;
        let len = u16_at(self.rest, 2)? as usize;
        let data = self.rest.get(4..4 + len)?;
        let after = &self.rest[4 + len..];
        let mut rest = after;
        // calamine looks for Continue records only while more than 4 bytes remain.
        while rest.len() > 4 && u16_at(rest, 0) == Some(0x003C) {
            let len = u16_at(rest, 2)? as usize;
            rest = rest.get(4 + len..)?;
        }
        self.rest = rest;
        Some(Record {
            typ,
            data,
            continues: &after[..after.len() - rest.len()],
        })
    }
}

/// The most cells an .xls sheet holds (65 536 rows × 256 columns). Below [`MAX_CELLS`]: a grid
/// that spans more is damaged, and refusing it keeps a small damaged file from making calamine
/// fill and copy hundreds of megabytes.
const SHEET_CELLS: u64 = 65_536 * 256;

/// The most UTF-8 bytes one stored character of a shared string decodes to: a UTF-16 unit
/// gives at most 3, but under a legacy code page a damaged byte pair gives two U+FFFD.
const UTF8_PER_CHAR: u64 = 6;

/// The smallest box holding some cell positions.
#[derive(Debug, Default, Clone, Copy)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |r: Option<(u32, u32)>, x: u32| {
            Some(r.map_or((x, x), |(lo, hi)| (lo.min(x), hi.max(x))))
        };
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
    }

    /// The cells calamine's `Range::from_sparse` allocates for this box.
    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1)
            }
            _ => 0,
        }
    }
}

/// What reading one sheet costs calamine.
#[derive(Debug, Default, Clone, Copy)]
struct SheetCost {
    /// The grid of values.
    values: Span,
    /// The grid of formula texts, built beside it.
    formulas: Span,
    /// The most cells a Dimensions record makes calamine reserve.
    reserved: u64,
    /// Bytes of shared strings copied into the sheet's cells.
    text: u64,
}

/// Refuses a stream whose sheets would make calamine allocate too much.
fn memory_needed(stream: &[u8]) -> std::result::Result<(), Refusal> {
    let mut sheets = Vec::new();
    let mut strings = Vec::new();
    for record in (Records { rest: stream }) {
        match record.typ {
            // FilePass: calamine reports the workbook as encrypted (or panics on a short
            // record) before reading a sheet; only type 0, XOR obfuscation, reads on.
            0x002F if u16_at(record.data, 0) != Some(0) => return Ok(()),
            // BoundSheet8: where a sheet's records start.
            0x0085 => sheets.extend(u32_at(record.data, 0)),
            // SST: calamine keeps the last one.
            0x00FC => strings = shared_string_lengths(&record),
            // EOF of the workbook globals.
            0x000A => break,
            _ => {}
        }
    }
    // Real sheets are disjoint parts of the stream; a damaged file can point many sheets at
    // the same records, which would take calamine (and this walk) time without end.
    let mut budget = stream.len().saturating_mul(2).saturating_add(4096);
    let mut total: u64 = 0;
    for at in sheets {
        let Some(records) = stream.get(at as usize..) else {
            // calamine panics on a sheet that starts past the end: nothing more is read.
            break;
        };
        let cost = sheet_cost(records, &strings, &mut budget).ok_or(Corrupt)?;
        let (values, formulas) = (cost.values.cells(), cost.formulas.cells());
        if values > SHEET_CELLS || formulas > SHEET_CELLS || cost.reserved > SHEET_CELLS {
            return Err(Corrupt);
        }
        total = total
            .saturating_add(values.saturating_mul(std::mem::size_of::<calamine::Data>() as u64))
            .saturating_add(formulas.saturating_mul(std::mem::size_of::<String>() as u64))
            .saturating_add(cost.text);
    }
    if total > MAX_UNCOMPRESSED {
        return Err(TooLarge);
    }
    Ok(())
}

/// The cost of the sheet whose records start `records`, or `None` when the walk runs over
/// `budget` bytes.
fn sheet_cost(records: &[u8], strings: &[u16], budget: &mut usize) -> Option<SheetCost> {
    let mut cost = SheetCost::default();
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut walked = Records { rest: records };
    loop {
        let before = walked.rest.len();
        let Some(r) = walked.next() else { break };
        *budget = budget.checked_sub(before - walked.rest.len())?;
        let pos = || Some((u32::from(u16_at(r.data, 0)?), u32::from(u16_at(r.data, 2)?)));
        if depth > 0 {
            // Inside an embedded chart or other nested substream, which calamine skips.
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match r.typ {
            // BOF: the sheet's own, then nested ones.
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => cost.reserved = cost.reserved.max(dimensions_reserve(r.data)),
            // Number, Label, RString, BoolErr, RK.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                if let Some((row, col)) = pos() {
                    cost.values.add(row, col);
                }
            }
            // LabelSst: a cell only when the index names a shared string.
            0x00FD => {
                let cch = u32_at(r.data, 6).and_then(|i| strings.get(i as usize));
                if let (Some((row, col)), Some(&cch)) = (pos(), cch) {
                    cost.values.add(row, col);
                    cost.text = cost.text.saturating_add(u64::from(cch) * UTF8_PER_CHAR);
                }
            }
            // String: the text value of the formula before it (calamine starts at A1).
            0x0207 => cost.values.add(formula_at.0, formula_at.1),
            // MulRk: a run of numbers along one row.
            0x00BD => {
                if let Some((row, first)) = pos() {
                    let count = r.data.len().saturating_sub(6).div_ceil(6) as u32;
                    if count > 0 {
                        cost.values.add(row, first);
                        cost.values.add(row, first + (count - 1));
                    }
                }
            }
            // Formula: a value cell and a formula cell.
            0x0006 if r.data.len() >= 20 => {
                if let Some((row, col)) = pos() {
                    formula_at = (row, col);
                    cost.values.add(row, col);
                    cost.formulas.add(row, col);
                }
            }
            // EOF of the sheet.
            0x000A => break,
            _ => {}
        }
    }
    Some(cost)
}

/// The cells calamine reserves for a Dimensions record, computed as it does (including the
/// wrap-around of its unsigned subtraction in a release build).
fn dimensions_reserve(d: &[u8]) -> u64 {
    let (first_row, last_row, mut first_col, last_col) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0).unwrap_or(0)),
            u32::from(u16_at(d, 2).unwrap_or(0)),
            u32::from(u16_at(d, 4).unwrap_or(0)),
            u32::from(u16_at(d, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(d, 0).unwrap_or(0),
            u32_at(d, 4).unwrap_or(0),
            u32::from(u16_at(d, 8).unwrap_or(0)),
            u32::from(u16_at(d, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    let (start, end) = if last_row >= 1 && last_col >= 1 {
        ((first_row, first_col), (last_row - 1, last_col - 1))
    } else {
        ((first_row, first_col), (first_row, first_col))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1);
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1);
    u64::from(rows).saturating_mul(u64::from(cols))
}

/// The length in characters of each string of a shared-string table, walked as calamine's
/// `parse_sst` walks it; where calamine would stop with an error (which ends the whole read)
/// the strings read so far are returned.
fn shared_string_lengths(record: &Record<'_>) -> Vec<u16> {
    let mut segments = record.continue_data();
    let mut data = match record.data.get(8..) {
        Some(d) => d,
        None => return Vec::new(),
    };
    let mut lengths = Vec::new();
    loop {
        if data.is_empty() {
            match segments.next() {
                Some(next) => data = next,
                None => break,
            }
            if data.is_empty() {
                // An empty Continue record is read as an empty string.
                lengths.push(0);
                continue;
            }
        }
        match one_shared_string(&mut data, &mut segments) {
            Some(cch) => lengths.push(cch),
            None => break,
        }
    }
    lengths
}

/// Reads past one XLUnicodeRichExtendedString, returning its length in characters.
fn one_shared_string<'a>(
    data: &mut &'a [u8],
    segments: &mut impl Iterator<Item = &'a [u8]>,
) -> Option<u16> {
    let cch = u16_at(data, 0)?;
    let flags = *data.get(2)?;
    *data = &data[3..];
    let mut wide = flags & 0x1 != 0;
    let mut runs = 0usize;
    if flags & 0x8 != 0 {
        runs = u16_at(data, 0)? as usize;
        *data = &data[2..];
    }
    let mut ext = 0usize;
    if flags & 0x4 != 0 {
        // calamine reads a signed count and casts it: a negative one skips past the end.
        ext = usize::try_from(i32::from_le_bytes(data.get(..4)?.try_into().ok()?)).ok()?;
        *data = &data[4..];
    }
    // The characters, which may go on in Continue records, each starting with a flags byte.
    let mut left = cch as usize;
    while left > 0 {
        let chars = if wide { data.len() / 2 } else { data.len() };
        let taken = chars.min(left);
        *data = &data[if wide { 2 * taken } else { taken }..];
        left -= taken;
        if left > 0 {
            let next = segments.next()?;
            wide = *next.first()? & 0x1 != 0;
            *data = &next[1..];
        }
    }
    for mut skip in [runs.checked_mul(4)?, ext] {
        while skip > 0 {
            if data.is_empty() {
                *data = segments.next()?;
            }
            let n = skip.min(data.len());
            *data = &data[n..];
            skip -= n;
        }
    }
    Some(cch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(crate::read::fixtures::dir().join(name)).unwrap()
    }

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0u8; 2]);
        d.extend(1.5f64.to_le_bytes());
        record(0x0203, &d)
    }

    /// A Workbook stream: globals with one BoundSheet8 per sheet, then the sheets' records.
    fn stream(sheets: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0]);
        let eof = record(0x000A, &[]);
        let bound_len = 4 + 10;
        let globals_len = bof.len() + bound_len * sheets.len() + eof.len();
        let mut out = bof.clone();
        let mut at = globals_len;
        for (i, body) in sheets.iter().enumerate() {
            let mut d = (at as u32).to_le_bytes().to_vec();
            d.extend([0, 0, 2, 0, b'S', b'0' + i as u8]);
            out.extend(record(0x0085, &d));
            at += bof.len() + body.len() + eof.len();
        }
        out.extend(&eof);
        for body in sheets {
            out.extend(&bof);
            out.extend(body);
            out.extend(&eof);
        }
        out
    }

    /// A compound file holding `workbook` as its Workbook stream (at least 4 096 bytes, so in
    /// ordinary sectors), whose sectors are laid out in reverse order: consecutive bytes of the
    /// stream are not consecutive in the file.
    fn compound(workbook: &[u8]) -> Vec<u8> {
        // calamine never reads past the last EOF record, so zeros after it are not seen.
        let mut workbook = workbook.to_vec();
        workbook.resize(workbook.len().max(MINI_CUTOFF + 100), 0);
        let n = workbook.len().div_ceil(512);
        assert!(n + 2 <= 128, "one FAT sector");
        // Sector 0 is the FAT, sector 1 the directory, the stream's k-th sector is n + 1 - k.
        let stream_sector = |k: usize| (n + 1 - k) as u32;
        let mut fat = vec![0xFFFF_FFFFu32; 128];
        fat[0] = 0xFFFF_FFFD;
        fat[1] = END_OF_CHAIN;
        for k in 0..n {
            fat[stream_sector(k) as usize] = if k + 1 < n {
                stream_sector(k + 1)
            } else {
                END_OF_CHAIN
            };
        }
        let mut header = vec![0u8; 512];
        header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
        header[26..28].copy_from_slice(&3u16.to_le_bytes());
        header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
        header[30..32].copy_from_slice(&9u16.to_le_bytes());
        header[32..34].copy_from_slice(&6u16.to_le_bytes());
        header[44..48].copy_from_slice(&1u32.to_le_bytes());
        header[48..52].copy_from_slice(&1u32.to_le_bytes());
        header[56..60].copy_from_slice(&4096u32.to_le_bytes());
        header[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        header[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        for i in 0..109 {
            let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
            header[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        let entry = |name: &str, typ: u8, start: u32, len: u32| {
            let mut e = vec![0u8; 128];
            let units: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            e[..units.len()].copy_from_slice(&units);
            e[64..66].copy_from_slice(&((units.len() + 2) as u16).to_le_bytes());
            e[66] = typ;
            for at in [68, 72, 76] {
                e[at..at + 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
            }
            e[116..120].copy_from_slice(&start.to_le_bytes());
            e[120..124].copy_from_slice(&len.to_le_bytes());
            e
        };
        let mut root = entry("Root Entry", 5, END_OF_CHAIN, 0);
        root[76..80].copy_from_slice(&1u32.to_le_bytes());
        let mut directory = root;
        directory.extend(entry(
            "Workbook",
            2,
            stream_sector(0),
            workbook.len() as u32,
        ));
        directory.resize(512, 0);
        let mut file = header;
        file.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
        file.extend(directory);
        let mut sectors = vec![vec![0u8; 512]; n];
        for (k, chunk) in workbook.chunks(512).enumerate() {
            sectors[n - 1 - k][..chunk.len()].copy_from_slice(chunk);
        }
        file.extend(sectors.concat());
        file
    }

    /// The fixture's Workbook stream, as the guard reads it.
    fn fixture_stream(name: &str) -> Vec<u8> {
        workbook_stream(&fixture(name)).unwrap().unwrap()
    }

    /// Offset in `stream` of the first record of type `typ` in the first sheet.
    fn first_cell_record(stream: &[u8], typ: u16) -> Option<usize> {
        let sheet = Records { rest: stream }
            .find(|r| r.typ == 0x0085)
            .map(|r| u32_at(r.data, 0).unwrap() as usize)
            .unwrap();
        let mut at = sheet;
        for r in (Records {
            rest: &stream[sheet..],
        }) {
            if r.typ == typ {
                return Some(at);
            }
            at += 4 + r.data.len() + r.continues.len();
        }
        None
    }

    fn read_err(bytes: &[u8]) -> String {
        crate::read::read_bytes(bytes, "坏.xls", "坏", Lang::Zh)
            .unwrap_err()
            .message
    }

    #[test]
    fn real_xls_files_pass() {
        for name in ["basic.xls", "messy.xls"] {
            let bytes = fixture(name);
            assert_eq!(refusal(&bytes), None, "{name}");
            let rebuilt = compound(&fixture_stream(name));
            assert_eq!(refusal(&rebuilt), None, "{name} rebuilt");
            // The rebuilt file is a valid .xls that calamine reads like the original.
            let a = crate::read::read_bytes(&bytes, name, "x", Lang::Zh).unwrap();
            let b = crate::read::read_bytes(&rebuilt, name, "x", Lang::Zh).unwrap();
            assert_eq!(a.len(), b.len(), "{name}");
            for (a, b) in a.iter().zip(&b) {
                assert_eq!((&a.sheet, &a.rows), (&b.sheet, &b.rows), "{name}");
            }
        }
    }

    #[test]
    fn a_cell_moved_far_away_is_refused_before_calamine_allocates() {
        // In the fixture as LibreOffice wrote it (a short stream, in the mini stream)...
        let mut bytes = fixture("basic.xls");
        let at = bytes
            .windows(4)
            .position(|w| w == [0xFD, 0x00, 0x0A, 0x00])
            .expect("a LabelSst record");
        bytes[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
        assert_eq!(refusal(&bytes), Some(Corrupt));
        assert_eq!(
            read_err(&bytes),
            "文件 坏.xls 已损坏或不完整（可能没有下载或保存完整），无法读取。"
        );
        // ...and in a stream whose damaged position is split over two sectors that are far
        // apart in the file, where no scan of the raw bytes would see it.
        let mut kinds = 0;
        for typ in [0x00FD, 0x0203, 0x027E, 0x00BD] {
            let s = fixture_stream("messy.xls");
            let Some(at) = first_cell_record(&s, typ) else {
                continue;
            };
            kinds += 1;
            // A record calamine ignores, sized so that the cell's row and column straddle the
            // next 512-byte boundary.
            let pad = (510 + 512 - (at + 8) % 512) % 512;
            let mut s = insert_into_globals(&s, &record(0x0000, &vec![0; pad]));
            let at = at + 4 + pad;
            assert_ne!((at + 4) / 512, (at + 7) / 512);
            s[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
            let bytes = compound(&s);
            assert_eq!(refusal(&bytes), Some(Corrupt), "{typ:#x}");
            assert!(read_err(&bytes).contains("已损坏"), "{typ:#x}");
        }
        assert!(
            kinds >= 2,
            "LibreOffice writes text and numbers as these records"
        );
    }

    #[test]
    fn a_damaged_dimensions_record_is_refused() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(0x0100_0000u32.to_le_bytes());
        dims.extend([0, 0, 0xFF, 0, 0, 0]);
        let s = stream(&[[number(0, 0), record(0x0200, &dims)].concat()]);
        assert_eq!(memory_needed(&s), Err(Corrupt));
        // A first row past the last one wraps around in calamine's arithmetic.
        let mut dims = 9u32.to_le_bytes().to_vec();
        dims.extend(2u32.to_le_bytes());
        dims.extend([0, 0, 2, 0, 0, 0]);
        assert_eq!(dimensions_reserve(&dims), 0xFFFF_FFF9 * 2);
        // A BIFF5 record declaring a real size passes.
        let dims: Vec<u8> = [0u16, 100, 0, 10, 0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        assert_eq!(dimensions_reserve(&dims), 1000);
    }

    #[test]
    fn the_span_counts_every_kind_of_cell() {
        let far = |rec: Vec<u8>| stream(&[[number(0, 0), rec].concat()]);
        let pos = |row: u16, col: u16, rest: &[u8]| -> Vec<u8> {
            [&row.to_le_bytes()[..], &col.to_le_bytes(), rest].concat()
        };
        let mut mulrk = pos(60_000, 900, &[]);
        mulrk.extend([0u8; 12]);
        mulrk.extend(901u16.to_le_bytes());
        let mut formula = pos(60_000, 2000, &[0u8; 16]);
        formula.extend([0u8; 4]);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("number", far(number(60_000, 1000))),
            ("rk", far(record(0x027E, &pos(60_000, 1000, &[0; 6])))),
            ("label", far(record(0x0204, &pos(60_000, 1000, &[0; 5])))),
            ("boolerr", far(record(0x0205, &pos(60_000, 1000, &[0; 4])))),
            ("mulrk", far(record(0x00BD, &mulrk))),
            ("formula", far(record(0x0006, &formula))),
        ];
        for (what, s) in cases {
            assert_eq!(memory_needed(&s), Err(Corrupt), "{what}");
        }
        // One column past what an .xls holds.
        let s = stream(&[[number(0, 0), number(65_535, 256)].concat()]);
        assert_eq!(memory_needed(&s), Err(Corrupt), "257 columns");
        // A String record lands at the last formula's cell, A1 before any formula.
        let s = stream(&[[number(60_000, 1000), record(0x0207, &[0, 0, 0])].concat()]);
        assert_eq!(memory_needed(&s), Err(Corrupt), "string");
        // Blank cells and cells inside an embedded chart are not read by calamine.
        let bof = record(0x0809, &[0x00, 0x06, 0x20, 0x00, 0, 0, 0, 0]);
        let chart = [bof, number(60_000, 1000), record(0x000A, &[])].concat();
        let blank = record(0x0201, &pos(60_000, 1000, &[0; 2]));
        let s = stream(&[[number(0, 0), chart, blank, number(65_535, 255)].concat()]);
        assert_eq!(memory_needed(&s), Ok(()));
    }

    #[test]
    fn shared_strings_are_found_across_continue_records() {
        // Three strings: "ab" (compressed), one of 3 UTF-16 units split by a Continue record
        // that switches to compressed characters, and one with a rich-text run.
        let mut sst = vec![0u8; 8];
        sst.extend([2, 0, 0, b'a', b'b']);
        sst.extend([3, 0, 1, 0x2D, 0x4E]);
        let mut cont = vec![0u8, b'x', b'y'];
        cont.extend([1, 0, 0x08, 1, 0, b'z', 0, 0, 0, 0]);
        let globals = [record(0x00FC, &sst), record(0x003C, &cont)].concat();
        let r = (Records { rest: &globals }).next().unwrap();
        assert_eq!(shared_string_lengths(&r), vec![2, 3, 1]);
        // A LabelSst naming a string past the table is no cell in calamine.
        let label = |row: u16, col: u16, isst: u32| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0u8; 2]);
            d.extend(isst.to_le_bytes());
            record(0x00FD, &d)
        };
        let body = [number(0, 0), label(60_000, 1000, 3)].concat();
        let with_sst = insert_into_globals(&stream(&[body]), &globals);
        assert_eq!(memory_needed(&with_sst), Ok(()));
        let body = [number(0, 0), label(60_000, 1000, 2)].concat();
        let with_sst = insert_into_globals(&stream(&[body]), &globals);
        assert_eq!(memory_needed(&with_sst), Err(Corrupt));
    }

    /// Inserts records after the globals' BOF and moves every BoundSheet8 offset to match.
    fn insert_into_globals(s: &[u8], extra: &[u8]) -> Vec<u8> {
        let bof_len = 4 + u16_at(s, 2).unwrap() as usize;
        let mut out = s[..bof_len].to_vec();
        out.extend(extra);
        let mut at = bof_len;
        for r in (Records {
            rest: &s[bof_len..],
        }) {
            let len = 4 + r.data.len() + r.continues.len();
            let mut raw = s[at..at + len].to_vec();
            if r.typ == 0x0085 {
                let moved = u32_at(&raw, 4).unwrap() + extra.len() as u32;
                raw[4..8].copy_from_slice(&moved.to_le_bytes());
            }
            out.extend(raw);
            at += len;
            if r.typ == 0x000A {
                break;
            }
        }
        out.extend(&s[at..]);
        out
    }

    #[test]
    fn sheets_that_together_are_too_large_are_refused() {
        // Each sheet spans 65 536 × 256 cells, as a full BIFF8 sheet may; nine of them need
        // more than the limit once expanded.
        let full = [number(0, 0), number(65_535, 255)].concat();
        assert_eq!(memory_needed(&stream(&vec![full.clone(); 3])), Ok(()));
        assert_eq!(
            memory_needed(&stream(&vec![full.clone(); 9])),
            Err(TooLarge)
        );
        let err =
            crate::read::read_bytes(&compound(&stream(&vec![full; 9])), "大.xls", "大", Lang::En)
                .unwrap_err();
        assert!(
            err.message.contains("大.xls is too large"),
            "{}",
            err.message
        );
    }

    #[test]
    fn many_sheets_over_the_same_records_are_refused() {
        let s = stream(&[number(0, 0)]);
        let copies = 5000;
        let sheet = u32_at(&s, 4 + 8 + 4).unwrap() + 14 * copies;
        let mut bound = sheet.to_le_bytes().to_vec();
        bound.extend([0, 0, 2, 0, b'S', b'x']);
        let extra = record(0x0085, &bound).repeat(copies as usize);
        assert_eq!(
            memory_needed(&insert_into_globals(&s, &extra)),
            Err(Corrupt)
        );
    }

    #[test]
    fn an_encrypted_workbook_is_left_to_calamine() {
        // FilePass: the cells are encrypted, their positions are noise.
        let s = stream(&[[number(0, 0), number(65_535, 65_535)].concat()]);
        let with_pass = insert_into_globals(&s, &record(0x002F, &[1, 0, 0, 0]));
        assert_eq!(memory_needed(&with_pass), Ok(()));
        assert!(read_err(&compound(&with_pass)).contains("加密"));
    }

    #[test]
    fn looping_sector_chains_are_refused() {
        let bytes = compound(&fixture_stream("basic.xls"));
        // The directory's chain points back at itself: calamine would read it forever.
        let mut looped = bytes.clone();
        looped[512 + 4..512 + 8].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(refusal(&looped), Some(Corrupt));
        assert!(read_err(&looped).contains("已损坏"));
        // The stream's first sector points to itself.
        let first = bytes.len() / 512 - 2;
        let entry = 512 + 4 * first..512 + 4 * first + 4;
        let mut looped = bytes.clone();
        looped[entry.clone()].copy_from_slice(&(first as u32).to_le_bytes());
        assert_eq!(refusal(&looped), Some(Corrupt));
        // A chain into a sector past the end of the file: calamine says so itself.
        let mut beyond = bytes.clone();
        beyond[entry].copy_from_slice(&9999u32.to_le_bytes());
        assert_eq!(refusal(&beyond), None);
        assert!(read_err(&beyond).contains("已损坏"));
    }

    #[test]
    fn truncated_and_garbage_files_end_in_an_error() {
        let bytes = fixture("basic.xls");
        for cut in [0, 100, 511, 512, 1000, 4000, bytes.len() - 1] {
            let _ = refusal(&bytes[..cut]);
            assert!(
                crate::read::read_bytes(&bytes[..cut], "t.xls", "t", Lang::Zh).is_err()
                    || cut == bytes.len() - 1,
                "{cut}"
            );
        }
        let mut odd = bytes.clone();
        odd[30] = 0x0C;
        let _ = refusal(&odd);
    }
}
