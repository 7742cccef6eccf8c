//! Stage 1, read, SpreadsheetML 2003: the XML workbook ("XML 电子表格 2003") many ERP web
//! exports save as ".xls". Each `<Worksheet>` is a sheet; `ss:Index` on rows and cells and
//! `ss:MergeAcross` are honoured; `ss:Type` gives numbers, dates and booleans their type. The
//! file's `<?xml encoding?>` is honoured (GBK or UTF-8 in practice).

use super::markup::{attr, declared_encoding, tokens, unescape, Token};
use super::text::{decode, Decoded};
use super::{iso_cell, trim_blank_end, RowSink, MAX_CELLS};
use crate::error::{Cause, Error, Result};
use crate::model::Cell;

/// The most columns or rows an `ss:Index` may jump to (Excel's own limits).
const MAX_COLUMN: usize = 16_384;
const MAX_ROW: u32 = 1_048_576;

/// Whether decoded text is a SpreadsheetML workbook.
pub(super) fn is_spreadsheetml(head: &str) -> bool {
    head.contains("urn:schemas-microsoft-com:office:spreadsheet")
        && (head.contains("<Workbook") || head.contains(":Workbook"))
}

/// The cell being read: its column, type, text, and how many columns it spans.
struct Pending {
    col: usize,
    typ: String,
    text: String,
    across: usize,
}

/// Reads every worksheet into `sink`; returns the encoding it was read in.
///
/// # Errors
/// The not-a-spreadsheet message when no worksheet is found; the too-large message when a
/// sheet spans more than [`MAX_CELLS`] cells.
pub(super) fn read(bytes: &[u8], name: &str, sink: &mut dyn RowSink) -> Result<&'static str> {
    let Decoded { text, encoding } = decode(bytes, declared_encoding(bytes));
    let too_large = || crate::read::too_large(name);
    let mut sheets = 0usize;
    let mut row_number = 0u32;
    let mut first_row: Option<u32> = None;
    let mut widest = 0usize;
    let mut cells: Vec<Cell> = Vec::new();
    let mut in_row = false;
    let mut cell: Option<Pending> = None;
    let mut in_data = false;
    let flush_cell = |cells: &mut Vec<Cell>, p: Pending| {
        if cells.len() < p.col {
            cells.resize(p.col, Cell::Empty);
        }
        cells.push(typed(&p.typ, &p.text));
        cells.extend(std::iter::repeat_n(Cell::Empty, p.across));
    };
    for token in tokens(&text) {
        match token {
            Token::Start {
                name: tag,
                attrs,
                empty,
            } => match tag.as_str() {
                "worksheet" => {
                    sheets += 1;
                    let title = attr(attrs, "Name").unwrap_or_else(|| format!("Sheet{sheets}"));
                    sink.sheet(&title);
                    row_number = 0;
                    first_row = None;
                    widest = 0;
                }
                "row" => {
                    row_number = index(attrs)
                        .map_or(row_number.saturating_add(1), |i| i as u32)
                        .min(MAX_ROW);
                    first_row.get_or_insert(row_number);
                    cells.clear();
                    in_row = !empty;
                    if empty {
                        sink.row(row_number, &[]);
                    }
                }
                "cell" if in_row => {
                    let col = index(attrs).map_or(cells.len(), |i| i - 1);
                    let across = attr(attrs, "MergeAcross")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(0)
                        .min(MAX_COLUMN);
                    let p = Pending {
                        col: col.min(MAX_COLUMN),
                        typ: String::new(),
                        text: String::new(),
                        across,
                    };
                    if empty {
                        flush_cell(&mut cells, p);
                    } else {
                        cell = Some(p);
                    }
                }
                "data" if cell.is_some() => {
                    if let Some(p) = &mut cell {
                        p.typ = attr(attrs, "Type").unwrap_or_default();
                    }
                    in_data = !empty;
                }
                "br" if in_data => {
                    if let Some(p) = &mut cell {
                        p.text.push('\n');
                    }
                }
                _ => {}
            },
            Token::End(tag) => match tag.as_str() {
                "data" => in_data = false,
                "cell" => {
                    if let Some(p) = cell.take() {
                        flush_cell(&mut cells, p);
                    }
                }
                "row" if in_row => {
                    if let Some(p) = cell.take() {
                        flush_cell(&mut cells, p);
                    }
                    in_row = false;
                    trim_blank_end(&mut cells);
                    widest = widest.max(cells.len());
                    let span = u64::from(row_number - first_row.unwrap_or(row_number)) + 1;
                    if span.saturating_mul(widest as u64) > MAX_CELLS {
                        return Err(too_large());
                    }
                    sink.row(row_number, &cells);
                }
                _ => {}
            },
            Token::Text(s) => {
                if in_data {
                    if let Some(p) = &mut cell {
                        p.text.push_str(&unescape(s));
                    }
                }
            }
        }
    }
    if sheets == 0 {
        return Err(Error::input(Cause::NotSpreadsheet {
            file: name.to_string(),
        }));
    }
    Ok(encoding)
}

/// `ss:Index` (1-based), when present and sane.
fn index(attrs: &str) -> Option<usize> {
    attr(attrs, "Index")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| (1..=MAX_ROW as usize).contains(&i))
}

/// A value by its `ss:Type`.
fn typed(typ: &str, text: &str) -> Cell {
    if text.trim().is_empty() {
        return Cell::Empty;
    }
    match typ {
        "Number" => text
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map_or_else(|| Cell::Text(text.to_string()), Cell::Number),
        "DateTime" => iso_cell(text.trim()),
        "Boolean" => match text.trim() {
            "1" | "true" | "TRUE" => Cell::Bool(true),
            "0" | "false" | "FALSE" => Cell::Bool(false),
            _ => Cell::Text(text.to_string()),
        },
        "Error" => Cell::Error(text.trim().to_string()),
        _ => Cell::Text(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Grids;

    #[test]
    fn indexes_types_and_merges() {
        let xml = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="客户"><Table>
<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">标题</Data></Cell><Cell><Data ss:Type="String">x</Data></Cell></Row>
<Row ss:Index="3"><Cell ss:Index="2"><Data ss:Type="Number">12.5</Data></Cell><Cell><Data ss:Type="DateTime">2026-08-15T00:00:00.000</Data></Cell><Cell><ss:Data ss:Type="String"><B>A</B>&amp;B</ss:Data></Cell></Row>
</Table></Worksheet></Workbook>"#;
        assert!(is_spreadsheetml(xml));
        let mut g = Grids::new("t.xls");
        read(xml.as_bytes(), "t.xls", &mut g).unwrap();
        let s = &g.sheets[0];
        assert_eq!(s.sheet, "客户");
        assert_eq!(s.rows[0][0], Cell::Text("标题".into()));
        assert_eq!(s.rows[0][2], Cell::Text("x".into()));
        assert!(s.rows[1].is_empty());
        assert_eq!(s.rows[2][1], Cell::Number(12.5));
        assert_eq!(s.rows[2][2].display(), "2026-08-15");
        assert_eq!(s.rows[2][3], Cell::Text("A&B".into()));
    }
}
