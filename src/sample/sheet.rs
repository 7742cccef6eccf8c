//! Sample stage: what every sample sheet shares — the formats, the title rows an ERP export puts
//! above the header, and cell formatting helpers (full-width digits, thousands separators).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The formats of the sample workbooks.
pub(crate) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub date: Format,
    pub datetime: Format,
    pub money: Format,
    pub total_label: Format,
    pub total_money: Format,
}

impl Styles {
    /// The formats, once per workbook.
    pub(crate) fn new() -> Styles {
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center),
            subtitle: Format::new().set_align(FormatAlign::Left),
            header: Format::new()
                .set_bold()
                .set_background_color("D9E1F2")
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            money: Format::new().set_num_format("#,##0.00"),
            total_label: Format::new().set_bold(),
            total_money: Format::new().set_bold().set_num_format("#,##0.00"),
        }
    }
}

/// How a sheet stores its text: both keep one row in memory at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strings {
    /// A shared string table, as Excel writes it: smaller files, the table is kept in memory.
    Shared,
    /// Text inline in each cell: memory stays flat however many distinct strings there are.
    Inline,
}

/// Adds a worksheet named `name` that is written row by row.
pub(crate) fn add_sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    strings: Strings,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = match strings {
        Strings::Shared => wb.add_worksheet_with_low_memory()?,
        Strings::Inline => wb.add_worksheet_with_constant_memory()?,
    };
    ws.set_name(name)?;
    Ok(ws)
}

/// Writes the title row (merged across the columns), an optional subtitle row and the header
/// row; sets the column widths and freezes the header. Returns the first data row.
pub(crate) fn begin(
    ws: &mut Worksheet,
    styles: &Styles,
    title: Option<&str>,
    subtitle: Option<&str>,
    headers: &[(&str, f64)],
) -> Result<u32, XlsxError> {
    let last_col = headers.len().saturating_sub(1) as u16;
    for (col, (_, width)) in headers.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    let mut row = 0;
    if let Some(title) = title {
        ws.set_row_height(row, 24)?;
        ws.merge_range(row, 0, row, last_col, title, &styles.title)?;
        row += 1;
    }
    if let Some(subtitle) = subtitle {
        ws.merge_range(row, 0, row, last_col.min(5), subtitle, &styles.subtitle)?;
        row += 1;
    }
    for (col, (name, _)) in headers.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *name, &styles.header)?;
    }
    ws.set_freeze_panes(row + 1, 0)?;
    Ok(row + 1)
}

/// Rounds a sum of money to cents, as a ledger shows it.
pub(crate) fn cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// 12345.6 → "12,345.60": a ledger's amount, to the cent (`values::thousands`).
pub(crate) fn thousands(value: f64) -> String {
    crate::values::thousands(cents(value), 2)
}

/// "120" → "１２０": the full-width digits some people type with a Chinese input method.
pub(crate) fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// 5.0 → "5", 2.5 → "2.5".
pub(crate) fn short_number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_messy_values_as_people_type_them() {
        let cases = [
            (thousands(12000.0), "12,000.00"),
            (thousands(1234567.891), "1,234,567.89"),
            (thousands(999.5), "999.50"),
            (thousands(-4500.0), "-4,500.00"),
            (full_width("120"), "１２０"),
            (short_number(5.0), "5"),
            (short_number(2.5), "2.5"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
