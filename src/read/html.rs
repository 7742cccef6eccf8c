//! Stage 1, read, HTML: the web page an ERP web client's "export to Excel" button saves as
//! ".xls". Every `<table>` with rows becomes a sheet (the file's stem, or "stem 表N" when there
//! are several); cells are text as shown (tags dropped, `<br>` a line break, entities decoded,
//! `colspan` and `rowspan` leave the covered cells blank), in the encoding the page declares.

use super::markup::{attr, tokens, unescape, Token};
use super::text::{decode, Decoded};
use super::{trim_blank_end, RowSink, MAX_CELLS};
use crate::error::{Cause, Error, Result};
use crate::model::Cell;

/// The most columns one `colspan` may cover (Excel's own limit).
const MAX_SPAN: usize = 16_384;

/// One table being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Option<Vec<Cell>>,
    cell: Option<(String, usize)>,
    /// Columns still covered by a `rowspan` above: (column, rows left).
    covered: Vec<(usize, usize)>,
    cells: u64,
}

impl Table {
    fn start_row(&mut self) {
        self.end_row();
        self.row = Some(Vec::new());
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(mut row) = self.row.take() {
            trim_blank_end(&mut row);
            self.rows.push(row);
            for c in &mut self.covered {
                c.1 = c.1.saturating_sub(1);
            }
            self.covered.retain(|c| c.1 > 0);
        }
    }

    fn start_cell(&mut self, attrs: &str) {
        self.end_cell();
        if self.row.is_none() {
            self.row = Some(Vec::new());
        }
        let span = |key| {
            attr(attrs, key)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_SPAN)
        };
        let (cols, rows) = (span("colspan"), span("rowspan"));
        let row = self.row.get_or_insert_with(Vec::new);
        while self.covered.iter().any(|c| c.0 == row.len()) {
            row.push(Cell::Empty);
        }
        let at = row.len();
        if rows > 1 {
            for c in at..at + cols {
                self.covered.push((c, rows));
            }
        }
        self.cell = Some((String::new(), cols));
    }

    fn end_cell(&mut self) {
        let Some((text, cols)) = self.cell.take() else {
            return;
        };
        let row = self.row.get_or_insert_with(Vec::new);
        let text = tidy(&text);
        row.push(if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        });
        row.extend(std::iter::repeat_n(Cell::Empty, cols - 1));
        self.cells += cols as u64;
    }

    fn text(&mut self, s: &str) {
        if let Some((text, _)) = &mut self.cell {
            text.push_str(s);
        }
    }
}

/// Cell text as a browser shows it: runs of white space made one space, `<br>` kept as a line
/// break, ends trimmed.
fn tidy(raw: &str) -> String {
    raw.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether decoded text is an HTML page holding a table.
pub(super) fn is_html_table(head: &str) -> bool {
    let lower = head.to_ascii_lowercase();
    lower.contains("<table") || (lower.contains("<html") && lower.contains("<tr"))
}

/// Reads every table of an HTML page into `sink`; returns the encoding it was read in.
///
/// # Errors
/// The not-a-spreadsheet message when the page holds no table with a cell; the too-large
/// message beyond [`MAX_CELLS`].
pub(super) fn read(
    bytes: &[u8],
    name: &str,
    stem: &str,
    sink: &mut dyn RowSink,
) -> Result<&'static str> {
    let Decoded { text, encoding } = decode(bytes, super::markup::declared_encoding(bytes));
    let too_large = || crate::read::too_large(name);
    let mut open: Vec<Table> = Vec::new();
    let mut done: Vec<Vec<Vec<Cell>>> = Vec::new();
    let mut total: u64 = 0;
    for token in tokens(&text) {
        match token {
            Token::Start { name, attrs, .. } => match name.as_str() {
                "table" => open.push(Table::default()),
                "tr" => open.last_mut().into_iter().for_each(Table::start_row),
                "td" | "th" => {
                    if let Some(t) = open.last_mut() {
                        t.start_cell(attrs);
                        total = total.saturating_add(1);
                    }
                }
                "br" | "p" | "div" => open.last_mut().into_iter().for_each(|t| t.text("\n")),
                _ => {}
            },
            Token::End(name) => match name.as_str() {
                "table" => {
                    if let Some(mut t) = open.pop() {
                        t.end_row();
                        if t.rows.iter().any(|r| !r.is_empty()) {
                            done.push(t.rows);
                        }
                    }
                }
                "tr" => open.last_mut().into_iter().for_each(Table::end_row),
                "td" | "th" => open.last_mut().into_iter().for_each(Table::end_cell),
                "p" | "div" => open.last_mut().into_iter().for_each(|t| t.text("\n")),
                _ => {}
            },
            Token::Text(s) => {
                if let Some(t) = open.last_mut() {
                    t.text(&unescape(s));
                    if t.cells > MAX_CELLS {
                        return Err(too_large());
                    }
                }
            }
        }
        if total > MAX_CELLS {
            return Err(too_large());
        }
    }
    // A table left open at the end of the file still counts.
    while let Some(mut t) = open.pop() {
        t.end_row();
        if t.rows.iter().any(|r| !r.is_empty()) {
            done.push(t.rows);
        }
    }
    if done.is_empty() {
        return Err(Error::input(Cause::NotSpreadsheet {
            file: name.to_string(),
        }));
    }
    let several = done.len() > 1;
    for (i, rows) in done.iter().enumerate() {
        if several {
            // A name of the data, the same whatever --lang (Chinese, like the ERP web
            // exports that hold several tables).
            sink.sheet(&format!("{stem} 表{}", i + 1));
        } else {
            sink.sheet(stem);
        }
        for (r, cells) in rows.iter().enumerate() {
            sink.row(u32::try_from(r + 1).unwrap_or(u32::MAX), cells);
        }
    }
    Ok(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Grids;

    fn read_str(html: &str) -> Vec<crate::model::RawSheet> {
        let mut g = Grids::new("t.xls");
        read(html.as_bytes(), "t.xls", "t", &mut g).unwrap();
        g.sheets
    }

    #[test]
    fn spans_line_breaks_and_entities() {
        let sheets = read_str(
            "<table><tr><th colspan=2>A&amp;B</th><td rowspan=2>x</td><td>y</td></tr>\
             <tr><td>1<br>2</td><td> </td><td>z</td></tr></table>",
        );
        assert_eq!(sheets.len(), 1);
        let text =
            |r: usize| -> Vec<String> { sheets[0].rows[r].iter().map(|c| c.display()).collect() };
        assert_eq!(text(0), ["A&B", "", "x", "y"]);
        assert_eq!(text(1), ["1\n2", "", "", "z"]);
    }

    #[test]
    fn a_page_without_a_table_is_not_a_spreadsheet() {
        let mut g = Grids::new("t.xls");
        assert!(read(b"<html><body>hello</body></html>", "t.xls", "t", &mut g).is_err());
    }
}
