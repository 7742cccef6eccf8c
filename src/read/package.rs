//! Stage 1, read, zip-based workbooks: which workbook a zip package is (from its parts and
//! relationships, not from where one writer happens to put them), its size checked before
//! anything is expanded, and a repaired copy for the harmless quirks of real writers that make
//! calamine give up on the whole file (`\` path separators, a `state="show"` sheet, an Excel 4
//! macro sheet, white space between spreadsheet cells).

use std::io::{Cursor, Read, Write};

use super::{Format, MAX_UNCOMPRESSED};
use crate::error::{Cause, Error, Result};

/// The most bytes of one package part read for sniffing or repair outside calamine (64 MiB).
const MAX_PART: u64 = 64 << 20;

/// What a zip package holds, as far as deciding its format and repairing it needs.
pub(super) struct Package {
    /// Entry names as stored (a few writers use `\` between folders).
    pub names: Vec<String>,
}

impl Package {
    /// Whether an entry exists, whatever separator and letter case it was stored with.
    fn has(&self, wanted: &str) -> bool {
        self.names.iter().any(|n| same_part(n, wanted))
    }

    /// Whether any entry is stored with `\` separators.
    pub fn backslashes(&self) -> bool {
        self.names.iter().any(|n| n.contains('\\'))
    }
}

/// `stored` names the part `wanted` (separators `\` and `/` alike, letter case ignored).
fn same_part(stored: &str, wanted: &str) -> bool {
    let stored = stored.trim_start_matches(['/', '\\']);
    stored.len() == wanted.len()
        && stored
            .bytes()
            .zip(wanted.bytes())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b) || (a == b'\\' && b == b'/'))
}

/// Reads the zip central directory (with the `zip` crate calamine opens the workbook with): the
/// entry names, after checking that the declared uncompressed sizes stay under
/// [`MAX_UNCOMPRESSED`]. A missing or broken directory means a truncated or corrupt file.
pub(super) fn directory(bytes: &[u8], name: &str) -> Result<Package> {
    let corrupt = |e: &dyn std::fmt::Display| {
        Error::input(Cause::Corrupt {
            file: name.to_string(),
        })
        .with_detail(e.to_string())
    };
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    let mut total: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|e| corrupt(&e))?;
        // A ZIP64 size (0xFFFFFFFF here) is over 4 GiB, far beyond any sane workbook.
        total = total.saturating_add(entry.size());
        if total > MAX_UNCOMPRESSED {
            return Err(crate::read::too_large(name));
        }
        names.push(String::from_utf8_lossy(entry.name_raw()).into_owned());
    }
    Ok(Package { names })
}

/// One part of the package as bytes, looked up as [`same_part`] does; `None` when it is missing,
/// unreadable or larger than [`MAX_PART`].
pub(super) fn part(bytes: &[u8], package: &Package, wanted: &str) -> Option<Vec<u8>> {
    let stored = package.names.iter().find(|n| same_part(n, wanted))?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let entry = archive.by_name(stored).ok()?;
    let mut out = Vec::new();
    entry.take(MAX_PART + 1).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= MAX_PART).then_some(out)
}

/// The format of a zip package: an Office workbook wherever its relationships put the workbook
/// part (.xlsx/.xlsm or .xlsb), or an OpenDocument spreadsheet whatever the order of its entries;
/// `None` for any other zip.
pub(super) fn format(bytes: &[u8], package: &Package) -> Option<Format> {
    if package.has("xl/workbook.xml") {
        return Some(Format::Xlsx);
    }
    if package.has("xl/workbook.bin") {
        return Some(Format::Xlsb);
    }
    if let Some(target) = workbook_target(bytes, package) {
        if target.to_ascii_lowercase().ends_with(".bin") {
            return Some(Format::Xlsb);
        }
        return Some(Format::Xlsx);
    }
    if package.has("content.xml") {
        let says = |part_name: &str| {
            part(bytes, package, part_name).is_some_and(|b| {
                b.windows(24).any(|w| w == b"opendocument.spreadsheet")
                    && !b.windows(27).any(|w| w == b"opendocument.spreadsheet-te")
            })
        };
        if says("mimetype") || says("META-INF/manifest.xml") {
            return Some(Format::Ods);
        }
    }
    None
}

/// Whether an OpenDocument package is encrypted (its manifest holds encryption data).
pub(super) fn encrypted_ods(bytes: &[u8], package: &Package) -> bool {
    part(bytes, package, "META-INF/manifest.xml")
        .is_some_and(|m| m.windows(15).any(|w| w == b"encryption-data"))
}

/// Where `_rels/.rels` says the workbook part is, when that part exists.
fn workbook_target(bytes: &[u8], package: &Package) -> Option<String> {
    let rels = part(bytes, package, "_rels/.rels")?;
    let rels = String::from_utf8_lossy(&rels);
    for tag in rels.split('<').filter(|t| t.starts_with("Relationship ")) {
        let typ = attribute(tag, "Type").unwrap_or_default();
        if !typ.ends_with("/officeDocument") {
            continue;
        }
        let target = attribute(tag, "Target")?;
        let target = target.trim_start_matches('/').to_string();
        if package.has(&target) {
            return Some(target);
        }
    }
    None
}

/// The value of attribute `key` in the text of one start tag.
fn attribute<'t>(tag: &'t str, key: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(key) {
        let before = rest[..at].chars().last();
        let after = &rest[at + key.len()..];
        let after_trim = after.trim_start();
        if before.is_some_and(char::is_whitespace) && after_trim.starts_with('=') {
            let value = after_trim[1..].trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let end = value[1..].find(quote)?;
                return Some(&value[1..1 + end]);
            }
        }
        rest = after;
    }
    None
}

/// What a repair changed, for the sink: the sheets left out of the copy.
#[derive(Debug, Default)]
pub(super) struct Repair {
    /// The repaired package, ready for calamine.
    pub bytes: Vec<u8>,
    /// Sheets taken out of the workbook because calamine cannot read them (Excel 4 macro
    /// sheets), by name.
    pub left_out: Vec<String>,
}

/// A copy of the package with `/` separators and the quirks calamine refuses smoothed away, or
/// `None` when nothing needed changing (or the package cannot be read part by part).
pub(super) fn repair(bytes: &[u8], package: &Package, format: Format) -> Option<Repair> {
    let mut changed = package.backslashes();
    let mut parts = parts_of(bytes)?;
    let mut left_out = Vec::new();
    match format {
        Format::Xlsx => {
            let macro_ids = macro_sheet_ids(&parts);
            for (name, data) in &mut parts {
                // The workbook part: the one that lists the sheets.
                if name.ends_with(".xml") && !name.contains("worksheets/") {
                    if let Some(fixed) = fix_workbook_xml(data, &macro_ids, &mut left_out) {
                        *data = fixed;
                        changed = true;
                    }
                }
            }
        }
        Format::Ods => {
            for (name, data) in &mut parts {
                if name == "content.xml" {
                    if let Some(fixed) = squeeze_cells(data) {
                        *data = fixed;
                        changed = true;
                    }
                }
            }
        }
        _ => {}
    }
    if !changed {
        return None;
    }
    let bytes = packed(parts)?;
    Some(Repair { bytes, left_out })
}

/// Every file part of a zip package with its name (`\\` read as `/`), in the package's order;
/// `None` when a part cannot be read.
pub(super) fn parts_of(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index(i).ok()?;
        if entry.is_dir() {
            continue;
        }
        let name = String::from_utf8_lossy(entry.name_raw()).replace('\\', "/");
        let mut data = Vec::new();
        entry.take(MAX_UNCOMPRESSED).read_to_end(&mut data).ok()?;
        parts.push((name, data));
    }
    Some(parts)
}

/// The parts packed again as a zip, stored (the copy calamine opens in memory).
pub(super) fn packed(parts: Vec<(String, Vec<u8>)>) -> Option<Vec<u8>> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        out.start_file(name, stored).ok()?;
        out.write_all(&data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

/// The relationship ids of Excel 4 macro sheets (and dialog sheets of the same kind) in the
/// workbook's relationships.
pub(super) fn macro_sheet_ids(parts: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut ids = Vec::new();
    for (name, data) in parts {
        if !(name.starts_with("xl/_rels/") && name.ends_with(".rels")) {
            continue;
        }
        let text = String::from_utf8_lossy(data);
        for tag in text.split('<').filter(|t| t.starts_with("Relationship ")) {
            let typ = attribute(tag, "Type").unwrap_or_default();
            if typ.ends_with("/xlMacrosheet") || typ.ends_with("/xlIntlMacrosheet") {
                ids.extend(attribute(tag, "Id").map(str::to_string));
            }
        }
    }
    ids
}

/// In a workbook part: `state="show"` read as visible, and the `<sheet>` elements of macro
/// sheets taken out (their names go to `left_out`). `None` when there was nothing to change or
/// the part is not a workbook.
fn fix_workbook_xml(
    data: &[u8],
    macro_ids: &[String],
    left_out: &mut Vec<String>,
) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(data).ok()?;
    let start = text.find("<sheets")?;
    let end = start + text[start..].find("</sheets>")?;
    let mut sheets = String::new();
    let mut changed = false;
    for (i, piece) in text[start..end].split('<').enumerate() {
        if i == 0 {
            sheets.push_str(piece);
            continue;
        }
        let local = piece.split_once(':').map_or(
            piece,
            |(p, rest)| {
                if p.contains(' ') {
                    piece
                } else {
                    rest
                }
            },
        );
        if local.starts_with("sheet ") || local.starts_with("sheet\t") {
            let id = attribute(piece, "r:id").unwrap_or_default();
            if macro_ids.iter().any(|m| m == id) {
                left_out.push(unescape_attr(attribute(piece, "name").unwrap_or_default()));
                changed = true;
                continue;
            }
            if let Some(state) = attribute(piece, "state") {
                if state == "show" {
                    sheets.push('<');
                    sheets.push_str(&piece.replacen("\"show\"", "\"visible\"", 1));
                    changed = true;
                    continue;
                }
            }
        }
        sheets.push('<');
        sheets.push_str(piece);
    }
    if !changed {
        return None;
    }
    Some(
        [&text[..start], &sheets, &text[end..]]
            .concat()
            .into_bytes(),
    )
}

/// An attribute value with the five XML entities decoded.
fn unescape_attr(value: &str) -> String {
    super::markup::unescape(value)
}

/// In an OpenDocument content part: the white space some writers put between the cells of a
/// row (calamine expects one cell element right after another) taken out. `None` when there was
/// none.
fn squeeze_cells(data: &[u8]) -> Option<Vec<u8>> {
    const NEXT: [&[u8]; 3] = [
        b"<table:table-cell",
        b"<table:covered-table-cell",
        b"</table:table-row",
    ];
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    let mut changed = false;
    while i < data.len() {
        let b = data[i];
        out.push(b);
        i += 1;
        if b != b'>' {
            continue;
        }
        let gap = data[i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        if gap > 0 && NEXT.iter().any(|n| data[i + gap..].starts_with(n)) {
            // Only between cells: the element just closed is a cell or a row start.
            let closed = out.iter().rposition(|&c| c == b'<').map(|s| &out[s..]);
            let between = closed.is_some_and(|t| {
                t.starts_with(b"</table:table-cell")
                    || t.starts_with(b"</table:covered-table-cell")
                    || t.starts_with(b"<table:table-cell")
                    || t.starts_with(b"<table:covered-table-cell")
                    || t.starts_with(b"<table:table-row")
            });
            if between {
                i += gap;
                changed = true;
            }
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_match_whatever_the_separator() {
        assert!(same_part("xl\\workbook.xml", "xl/workbook.xml"));
        assert!(same_part("/XL/Workbook.xml", "xl/workbook.xml"));
        assert!(!same_part("xl/workbook.xml.rels", "xl/workbook.xml"));
    }

    #[test]
    fn attributes_are_found_by_whole_name() {
        let tag = r#"sheet name="A&amp;B" sheetId="2" state="show" r:id="rId2"/>"#;
        assert_eq!(attribute(tag, "name"), Some("A&amp;B"));
        assert_eq!(attribute(tag, "state"), Some("show"));
        assert_eq!(attribute(tag, "r:id"), Some("rId2"));
        assert_eq!(attribute(tag, "id"), None);
    }

    #[test]
    fn white_space_between_cells_is_squeezed_and_text_kept() {
        let xml = b"<table:table-row>\n <table:table-cell><text:p> a b </text:p></table:table-cell>\n <table:table-cell/>\n</table:table-row>";
        let out = squeeze_cells(xml).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<table:table-row><table:table-cell><text:p> a b </text:p></table:table-cell><table:table-cell/></table:table-row>"
        );
        assert!(squeeze_cells(b"<a> <b/></a>").is_none());
    }
}
