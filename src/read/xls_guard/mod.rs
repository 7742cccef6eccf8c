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

use super::MAX_UNCOMPRESSED;
use crate::error::{Cause, Error, Result};

/// Refuses an .xls that calamine could not open without reserving too much memory.
///
/// # Errors
/// The corrupt-file message when the file is damaged in a way that would make calamine allocate
/// without bound; the too-large message when its sheets together are too large to hold.
pub(super) fn check(bytes: &[u8], name: &str) -> Result<()> {
    // A file whose last sector is cut short (some writers do not pad it) is read by calamine
    // as if padded with zeros: walk it so.
    let sector = match u16_at(bytes, 30) {
        Some(0x000C) => 4096,
        _ => 512,
    };
    let padded;
    let bytes = if bytes.len() > 512 && !bytes.len().is_multiple_of(sector) {
        padded = [bytes, &vec![0; sector - bytes.len() % sector]].concat();
        &padded[..]
    } else {
        bytes
    };
    match refusal(bytes) {
        None => Ok(()),
        Some(Refusal::Corrupt) => Err(Error::input(Cause::Corrupt {
            file: name.to_string(),
        })),
        Some(Refusal::TooLarge) => Err(crate::read::too_large(name)),
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

/// The FAT, from the sectors the DIFAT lists: 109 entries in the header, then a chain of
/// sectors whose last entry points to the next one.
fn fat_of(file: &Compound, header: &[u8]) -> std::result::Result<Vec<u32>, Refusal> {
    let max_id = file.max_id;
    let field = |at| u32_at(header, at).unwrap_or(0);
    // calamine stops after `max_id + 1` DIFAT sectors; a file cannot have more FAT
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
    Ok(fat)
}

/// The directory's entries: name, first sector and length of each stream.
fn directory_entries(directory: &[u8], sector_size: usize) -> Vec<Entry> {
    directory
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
        .collect()
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

    file.fat = fat_of(&file, header)?;

    let directory = file.chain(field(48), usize::MAX, false)?;
    let entries = directory_entries(&directory, sector_size);
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

/// A sheet's grid may span this many cells (32 MB of calamine values) whatever it holds.
const SPARSE_SPAN: u64 = 1 << 20;

/// Beyond [`SPARSE_SPAN`], the most grid cells per cell the sheet really holds: a small damaged
/// file with one cell at the sheet's last row and column would otherwise cost a gigabyte.
const CELLS_PER_HELD: u64 = 1_000;

/// Whether a grid of `span` cells is absurd for a sheet holding `held` cell records.
fn absurd(span: u64, held: u64) -> bool {
    span > SPARSE_SPAN && span / CELLS_PER_HELD > held
}

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
    /// Cell records (blank ones included) the sheet really holds.
    held: u64,
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
        if [values, formulas, cost.reserved]
            .iter()
            .any(|&span| absurd(span, cost.held))
        {
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
        cost.held += match r.typ {
            // MulRk, MulBlank: a run of cells.
            0x00BD | 0x00BE => r.data.len().saturating_sub(6).div_ceil(6) as u64,
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x0201 => 1,
            _ => 0,
        };
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
mod tests;
