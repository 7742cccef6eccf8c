//! Stage 1, read, text: delimited text files (.csv/.txt) and the text encodings every text-based
//! input is decoded from — UTF-8, UTF-16 and UTF-32 (with a byte-order mark, or UTF-16 without
//! one judged from its NUL bytes), GBK/GB18030 or Big5 (whichever decodes cleanly into the words
//! a customer export's headers use). The encoding used is passed on for the reading record.

use encoding_rs::Encoding;

use super::{trim_blank_end, RowSink, MAX_CELLS};
use crate::error::{Cause, Error, Result};
use crate::model::Cell;

/// True when the start of the file is not text in any encoding we read.
pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0, 0, 0xFE, 0xFF])
        || utf16_without_bom(bytes).is_some()
        || utf32_without_bom(bytes).is_some()
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
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Chinese text has no NUL bytes in UTF-16, but delimiters, digits and line ends do; text in
    // any 8-bit encoding has none at all.
    // (A rare character outside the BMP has a NUL in the other half: allow one in twenty, or
    // three in a short file.)
    if odd_nul * 5 >= pairs && even_nul * 20 <= pairs.max(60) {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 5 >= pairs && odd_nul * 20 <= pairs.max(60) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Little- (`true`) or big-endian UTF-32 without a byte-order mark: in nearly every four bytes the
/// two high ones are NUL (every character of the Basic Multilingual Plane).
fn utf32_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !3];
    let units = head.len() / 4;
    if units < 2 {
        return None;
    }
    let high_nul = |a: usize, b: usize| {
        head.chunks(4).filter(|u| u[a] == 0 && u[b] == 0).count() * 20 >= units * 19
    };
    let low_set = |a: usize| head.chunks(4).filter(|u| u[a] != 0).count() * 2 >= units;
    if high_nul(2, 3) && low_set(0) {
        Some(true)
    } else if high_nul(0, 1) && low_set(3) {
        Some(false)
    } else {
        None
    }
}

/// A text file decoded, and the name of the encoding it was decoded from.
pub(super) struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding, as people know it ("UTF-8", "GBK", "Big5", "UTF-16LE" …).
    pub encoding: &'static str,
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 (BOM, or NULs in alternate bytes),
/// UTF-32 (BOM), otherwise GB18030 (a superset of GBK) or Big5.
pub fn decode_text(bytes: &[u8]) -> String {
    decode(bytes, None).text
}

/// Decodes as [`decode_text`] does; `declared` is the encoding a markup file names for itself,
/// trusted when the bytes are not UTF-8 and carry no byte-order mark.
pub(super) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    if let Some(decoded) = utf32(bytes) {
        return decoded;
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: label(enc),
        };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Decoded {
            text: enc.decode_without_bom_handling(bytes).0.into_owned(),
            encoding: label(enc),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
        };
    }
    let declared = declared.filter(|e| {
        *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
    });
    let enc = match declared {
        // GB2312 and GBK are both read as their superset.
        Some(e) if e == encoding_rs::GBK => encoding_rs::GB18030,
        Some(e) => e,
        None => chinese_encoding(bytes),
    };
    Decoded {
        text: enc.decode_without_bom_handling(bytes).0.into_owned(),
        encoding: label(enc),
    }
}

fn label(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "gb18030" | "GBK" => "GBK",
        other => other,
    }
}

/// UTF-32, with a byte-order mark or judged from its NULs (encoding_rs does not decode it).
fn utf32(bytes: &[u8]) -> Option<Decoded> {
    let (little, bom) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        (true, 4)
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        (false, 4)
    } else {
        (utf32_without_bom(bytes)?, 0)
    };
    let encoding = if little { "UTF-32LE" } else { "UTF-32BE" };
    let text = bytes[bom..]
        .chunks(4)
        .map(|c| {
            let mut b = [0u8; 4];
            b[..c.len()].copy_from_slice(c);
            let n = if little {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    Some(Decoded { text, encoding })
}

/// Characters of the headers of customer exports, simplified and traditional: Big5 bytes read as
/// GBK (or the other way round) give other characters, rarely these.
const HEADER_CHARS: &str = "客户戶编編码碼名称稱行业業地区區员員工人数數营營收入金额額日期电電话話联聯系繫销銷售产產品单單价價量合计計备備注註省市类類型状狀态態号號联址址邮郵箱购購买買最近等级級";

/// GB18030 or Big5 for a file in neither UTF: whichever decodes without errors into more of the
/// characters headers are made of (GB18030 when in doubt).
fn chinese_encoding(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(1 << 16)];
    // A cut in the middle of a character at the end of the head is no error.
    let score = |enc: &'static Encoding| -> Option<usize> {
        let (text, _, errors) = enc.decode(head);
        let text = text.trim_end_matches(char::REPLACEMENT_CHARACTER);
        if errors && text.contains(char::REPLACEMENT_CHARACTER) {
            return None;
        }
        Some(text.chars().filter(|c| HEADER_CHARS.contains(*c)).count())
    };
    match (score(encoding_rs::GB18030), score(encoding_rs::BIG5)) {
        (Some(g), Some(b)) if b > g => encoding_rs::BIG5,
        (None, Some(_)) => encoding_rs::BIG5,
        _ => encoding_rs::GB18030,
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

/// Reads a delimited text file as one sheet named `stem`; returns the encoding it was read in.
pub(super) fn read_text(
    bytes: &[u8],
    name: &str,
    stem: &str,
    sink: &mut dyn RowSink,
) -> Result<&'static str> {
    let Decoded { text, encoding } = decode(bytes, None);
    if text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .count()
        * 100
        > text.chars().count().max(1)
    {
        return Err(Error::input(Cause::NotSpreadsheet {
            file: name.to_string(),
        }));
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
                    return Err(crate::read::too_large(name));
                }
                sink.row(number, &cells);
            }
            Ok(false) => break,
            Err(e) => {
                return Err(Error::input(Cause::Corrupt {
                    file: name.to_string(),
                })
                .with_detail(e.to_string()))
            }
        }
    }
    Ok(encoding)
}
