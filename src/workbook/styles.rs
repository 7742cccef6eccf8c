//! Cell formats, column widths and safe cell writers shared by every sheet of the workbook.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::model::{Cell, Tier};

/// Excel's limit for one cell's text (UTF-16 units).
const MAX_CELL_CHARS: usize = 32_767;

pub use crate::figures::{TIER_COLORS, TIER_FILLS};

/// The formats of the workbook, made once and shared by all sheets.
pub struct Styles {
    /// Header of an input column.
    pub header: Format,
    /// Header of a derived column (a different fill tells them apart).
    pub header_derived: Format,
    /// Sheet title.
    pub title: Format,
    /// Section heading inside a sheet.
    pub section: Format,
    /// A label in a key/value list.
    pub label: Format,
    /// Whole numbers with thousands separators.
    pub int: Format,
    /// A number with up to two decimals.
    pub number: Format,
    /// Money in 元, no decimals.
    pub money: Format,
    /// Money in 万元, one decimal.
    pub wan: Format,
    /// A share, as a percentage with one decimal.
    pub percent: Format,
    /// A 0–100 score, one decimal.
    pub score: Format,
    /// A change of score, always signed.
    pub change: Format,
    /// A silhouette or other ratio, three decimals.
    pub ratio: Format,
    /// A date.
    pub date: Format,
    /// A date with a time.
    pub datetime: Format,
    /// 客户等级 cells, in `Tier::ALL` order.
    pub tier: [Format; 3],
    /// A totals row/column label.
    pub total_label: Format,
    /// A totals row/column number.
    pub total_int: Format,
    /// A row total at the right of a table.
    pub total_col: Format,
    /// A total beside or below the transition matrix.
    pub matrix_total: Format,
    /// A whole number, centred (ids, k).
    pub centered: Format,
    /// Matrix cells of customers who moved up.
    pub matrix_up: Format,
    /// Matrix cells of customers who moved down.
    pub matrix_down: Format,
    /// Matrix cells of customers who stayed.
    pub matrix_same: Format,
    /// A smaller grey note line.
    pub note: Format,
}

impl Styles {
    /// The formats the customer sheets use, in a fixed order: registered with the workbook
    /// before those sheets are written on two threads, so that each format's index does not
    /// depend on which thread used it first.
    /// (rust_xlsxwriter gives a format its index when a constant-memory sheet first uses it: two
    /// threads meeting a new format at once made the indices, and so the formats cells showed,
    /// differ from run to run.)
    pub fn customer_sheet_formats(&self) -> Vec<Format> {
        let mut all = vec![
            self.header.clone(),
            self.header_derived.clone(),
            self.int.clone(),
            self.money.clone(),
            self.score.clone(),
            self.number.clone(),
            self.percent.clone(),
            self.date.clone(),
            self.datetime.clone(),
        ];
        all.extend(self.tier.iter().cloned());
        all.extend(
            super::typed::COLUMN_FORMAT_CODES
                .iter()
                .map(|code| Format::new().set_num_format(*code)),
        );
        all
    }

    /// The format of a derived column of the customer sheets, by its kind (None: per cell).
    pub fn derived_column_format(&self, kind: super::columns::Kind) -> Option<&Format> {
        use super::columns::Kind;
        match kind {
            Kind::Score => Some(&self.score),
            Kind::Count => Some(&self.int),
            Kind::Money => Some(&self.money),
            Kind::Percent => Some(&self.percent),
            Kind::Decimal => Some(&self.number),
            Kind::Text | Kind::Tier => None,
        }
    }

    /// Makes the formats.
    pub fn new() -> Styles {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        let header_derived = header.clone().set_background_color(Color::RGB(0xFCE4D6));
        let matrix = Format::new()
            .set_num_format("#,##0")
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center);
        Styles {
            header,
            header_derived,
            title: Format::new().set_bold().set_font_size(14),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_font_color(Color::RGB(0x1F4E79)),
            label: Format::new().set_font_color(Color::RGB(0x404040)),
            int: Format::new().set_num_format("#,##0"),
            number: Format::new().set_num_format("#,##0.##"),
            money: Format::new().set_num_format("#,##0"),
            wan: Format::new().set_num_format("#,##0.0"),
            percent: Format::new().set_num_format("0.0%"),
            score: Format::new().set_num_format("0.0"),
            ratio: Format::new().set_num_format("0.000"),
            change: Format::new().set_num_format("+0.0;-0.0;0.0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            tier: TIER_FILLS.map(|c| Format::new().set_background_color(Color::RGB(c))),
            total_label: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_int: Format::new()
                .set_bold()
                .set_num_format("#,##0")
                .set_border_top(FormatBorder::Thin),
            total_col: Format::new().set_bold().set_num_format("#,##0"),
            matrix_total: matrix.clone().set_bold(),
            centered: Format::new().set_align(FormatAlign::Center),
            matrix_up: matrix
                .clone()
                .set_background_color(Color::RGB(TIER_FILLS[0])),
            matrix_down: matrix
                .clone()
                .set_background_color(Color::RGB(TIER_FILLS[1])),
            matrix_same: matrix,
            note: Format::new().set_font_color(Color::RGB(0x7F7F7F)),
        }
    }

    /// The 客户等级 cell format of a tier.
    pub fn tier(&self, tier: Tier) -> &Format {
        &self.tier[tier_index(tier)]
    }
}

/// Position of a tier in `Tier::ALL` (0 = core).
pub fn tier_index(tier: Tier) -> usize {
    match tier {
        Tier::Core => 0,
        Tier::Potential => 1,
        Tier::General => 2,
    }
}

/// Width of text in Excel's column units: a Han character or other wide form counts as two
/// (Unicode East Asian Width, via unicode-width).
pub fn text_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Width of a number as shown with `decimals` decimals and thousands separators.
pub fn number_width(value: f64, decimals: usize) -> usize {
    let whole = value.abs().trunc();
    let digits = if whole < 1.0 {
        1
    } else {
        (whole.log10().floor() as usize) + 1
    };
    let sign = usize::from(value < 0.0);
    let point = if decimals > 0 { decimals + 1 } else { 0 };
    sign + digits + (digits - 1) / 3 + point
}

/// The widest content seen per column, turned into column widths at the end.
pub struct Widths {
    widths: Vec<usize>,
    caps: Vec<usize>,
}

impl Widths {
    /// Widths for `columns` columns, each capped at `cap` units unless changed with `cap`.
    pub fn new(columns: usize, cap: usize) -> Widths {
        Widths {
            widths: vec![0; columns],
            caps: vec![cap; columns],
        }
    }

    /// Caps one column at `cap` units (long free text such as 评分说明).
    pub fn cap(&mut self, col: usize, cap: usize) {
        if let Some(c) = self.caps.get_mut(col) {
            *c = cap;
        }
    }

    /// Records content `width` units wide in `col`.
    pub fn see(&mut self, col: usize, width: usize) {
        if let Some(w) = self.widths.get_mut(col) {
            *w = (*w).max(width);
        }
    }

    /// Records a header: its text plus room for the autofilter button.
    pub fn see_header(&mut self, col: usize, text: &str) {
        self.see(col, text_width(text) + 3);
    }

    /// Sets every column's width on the sheet.
    pub fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, (&w, &cap)) in self.widths.iter().zip(&self.caps).enumerate() {
            let width = (w + 2).clamp(6, cap.max(6));
            ws.set_column_width(col as u16, width as f64)?;
        }
        Ok(())
    }
}

/// How much room a header row's titles are given in their columns' widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// The title and one character: a table without an autofilter.
    Title,
    /// The title and an autofilter button ([`Widths::see_header`]).
    Filter,
}

/// Writes `heads` across `row` in the header format, from column A; with `widths`, records
/// each title's width as `room` says. The one header row of every table the sheets write.
pub fn write_headers<H: AsRef<str>>(
    ws: &mut Worksheet,
    row: u32,
    heads: &[H],
    st: &Styles,
    mut widths: Option<(&mut Widths, Room)>,
) -> Result<(), XlsxError> {
    for (col, h) in heads.iter().enumerate() {
        let h = h.as_ref();
        ws.write_string_with_format(row, col as u16, h, &st.header)?;
        match &mut widths {
            Some((w, Room::Title)) => w.see(col, text_width(h) + 1),
            Some((w, Room::Filter)) => w.see_header(col, h),
            None => {}
        }
    }
    Ok(())
}

/// Printed, the sheet is A4 landscape, one page wide.
pub fn print_one_page_wide(ws: &mut Worksheet) {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
}

/// Cuts text to what one Excel cell can hold, so that user data never makes the write fail.
pub fn fit(text: &str) -> &str {
    if text.len() <= MAX_CELL_CHARS {
        return text;
    }
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_CHARS {
            return &text[..i];
        }
    }
    text
}

/// Writes text as a string (never a formula); empty text leaves the cell blank.
pub fn put_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if !text.is_empty() {
        ws.write_string_with_format(row, col, fit(text), format)?;
    }
    Ok(())
}

/// Writes a number; a missing or non-finite number leaves the cell blank.
pub fn put_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        ws.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}

/// Writes one input cell as its own type: text stays text, numbers numbers, dates dates.
/// Text and numbers are written without a format of their own, so that the column's format
/// applies (and rust_xlsxwriter need not look a format up for every cell of a big sheet).
/// Returns the width the cell shows at.
pub fn put_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    st: &Styles,
) -> Result<usize, XlsxError> {
    Ok(match cell {
        Cell::Empty => 0,
        Cell::Text(s) | Cell::Error(s) => {
            put_plain_text(ws, row, col, s)?;
            text_width(s)
        }
        Cell::Number(n) => {
            put_plain_number(ws, row, col, Some(*n))?;
            number_width(*n, if n.fract() == 0.0 { 0 } else { 2 })
        }
        Cell::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
            5
        }
        Cell::DateTime(d) => {
            if d.time() == chrono::NaiveTime::MIN {
                ws.write_datetime_with_format(row, col, d, &st.date)?;
                10
            } else {
                ws.write_datetime_with_format(row, col, d, &st.datetime)?;
                16
            }
        }
    })
}

/// Writes text as a string without a format of its own; empty text leaves the cell blank.
pub fn put_plain_text(ws: &mut Worksheet, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
    if !text.is_empty() {
        ws.write_string(row, col, fit(text))?;
    }
    Ok(())
}

/// Writes a number without a format of its own (the column's applies); a missing or
/// non-finite number leaves the cell blank.
pub fn put_plain_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        ws.write_number(row, col, v)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_han_as_two() {
        for (text, want) in [
            ("", 0),
            ("ABC", 3),
            ("客户名称", 8),
            ("A客", 3),
            ("（有限）", 8),
        ] {
            assert_eq!(text_width(text), want, "text_width({text:?})");
        }
    }

    #[test]
    fn number_widths_include_separators() {
        for (v, d, want) in [
            (0.0, 0, 1),
            (999.0, 0, 3),
            (1000.0, 0, 5),
            (1234567.0, 0, 9),
            (-1234.5, 1, 8),
            (81.5, 1, 4),
        ] {
            assert_eq!(number_width(v, d), want, "number_width({v}, {d})");
        }
    }

    #[test]
    fn fit_cuts_only_overlong_text() {
        assert_eq!(fit("短"), "短");
        let long = "客".repeat(MAX_CELL_CHARS + 10);
        assert_eq!(fit(&long).chars().count(), MAX_CELL_CHARS);
    }
}
