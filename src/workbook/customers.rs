//! 客户明细 and the three tier sheets: the input's own columns, then the derived columns of
//! SPEC §5, written row by row in constant-memory mode.

use rust_xlsxwriter::{
    Color, ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, Format,
    Note, Worksheet, XlsxError,
};

use super::columns::{headers, Kind, Value, COLUMNS};
use super::styles::{
    number_width, print_one_page_wide, put_cell, put_plain_number, put_plain_text, text_width,
    tier_index, Styles, Widths, TIER_COLORS,
};
use super::typed::{column_format, typed, InputKind, Shown};
use super::{pick, OWN_CODE_HEADER, OWN_NAME_HEADER};
use crate::model::{Analysis, Cell, Classified, Dataset, Tier};

/// Where things are on a customer sheet; the same for 客户明细 and the tier sheets.
pub struct Layout {
    /// True when custseg writes its own 客户编码 and 客户名称 first.
    pub own_code_name: bool,
    /// Headers of the input's own columns.
    pub input_headers: Vec<String>,
    /// Per input column: how its cells are written (typed by the field read from it).
    pub input_kinds: Vec<InputKind>,
    /// First derived column.
    pub derived_start: u16,
    /// Columns frozen left of the data (code and name).
    pub freeze_cols: u16,
    /// Index of the customer-code column.
    pub code_col: u16,
    /// Index of the customer-name column, when there is one.
    pub name_col: Option<u16>,
}

impl Layout {
    /// The layout for a dataset.
    pub fn of(dataset: &Dataset) -> Layout {
        let own = dataset.code_column.is_none();
        let input_headers = dataset.input_columns.clone();
        let input_kinds = InputKind::of_dataset(dataset);
        let offset: u16 = if own { 2 } else { 0 };
        let derived_start = offset + input_headers.len() as u16;
        let (code_col, name_col) = match dataset.code_column {
            None => (0, Some(1)),
            Some(c) => (c as u16, dataset.name_column.map(|n| n as u16)),
        };
        // Freeze code and name only when they sit at the left; freezing a wide block of
        // columns would leave no room to scroll on a laptop screen.
        let rightmost = name_col.unwrap_or(code_col).max(code_col);
        let freeze_cols = if rightmost <= 3 { rightmost + 1 } else { 0 };
        Layout {
            own_code_name: own,
            input_headers,
            input_kinds,
            derived_start,
            freeze_cols,
            code_col,
            name_col,
        }
    }

    /// The header text of the customer-code column (written into 参数 for `compare`).
    pub fn code_header(&self, lang: crate::model::Lang) -> String {
        self.header(self.code_col, lang)
    }

    /// The header text of the customer-name column, when there is one.
    pub fn name_header(&self, lang: crate::model::Lang) -> Option<String> {
        self.name_col.map(|c| self.header(c, lang))
    }

    fn header(&self, col: u16, lang: crate::model::Lang) -> String {
        if self.own_code_name {
            match col {
                0 => return pick(OWN_CODE_HEADER, lang).to_string(),
                1 => return pick(OWN_NAME_HEADER, lang).to_string(),
                _ => {}
            }
        }
        let offset = if self.own_code_name { 2 } else { 0 };
        self.input_headers
            .get(usize::from(col).saturating_sub(offset))
            .cloned()
            .unwrap_or_default()
    }

    /// Number of columns in all.
    pub fn width(&self) -> u16 {
        self.derived_start + COLUMNS.len() as u16
    }
}

/// Indices of the customers of one tier, by 综合得分 descending, ties by code.
pub fn tier_order(customers: &[Classified], tier: Tier) -> Vec<usize> {
    let mut order: Vec<usize> = (0..customers.len())
        .filter(|&i| customers[i].tier == tier)
        .collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&customers[a], &customers[b]);
        b.total_score
            .total_cmp(&a.total_score)
            .then_with(|| a.record.code.cmp(&b.record.code))
    });
    order
}

/// Writes one customer sheet named `name` with the customers at `order`, in that order.
pub fn write(
    ws: &mut Worksheet,
    name: &str,
    analysis: &Analysis,
    order: &[usize],
    tab: Option<Tier>,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let layout = Layout::of(&analysis.dataset);
    ws.set_name(name)?;
    if let Some(tier) = tab {
        ws.set_tab_color(Color::RGB(TIER_COLORS[tier_index(tier)]));
    }
    // Printed, the sheet is A4 landscape, one page wide, with the header row on every page.
    print_one_page_wide(ws);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer(lang.pick("&L&A&R第 &P 页 / 共 &N 页", "&L&A&RPage &P of &N"));
    let ncols = usize::from(layout.width());
    let mut widths = Widths::new(ncols, 40);
    let d = layout.derived_start;
    for (i, column) in COLUMNS.iter().enumerate() {
        if let Some(widest) = column.widest {
            widths.cap(usize::from(d) + i, widest);
        }
    }

    // Header row, with its notes, before any data row: in constant-memory mode a row is
    // flushed once the next one is started.
    write_header_row(ws, &mut widths, &layout, lang, st)?;
    ws.set_row_height(0, 20)?;

    // Number formats go on the columns, and cells are written without a format of their own:
    // with 100 000 rows, looking a format up for every cell costs more than writing it.
    let input_offset: u16 = if layout.own_code_name { 2 } else { 0 };
    let customers = &analysis.classification.customers;
    let input_formats = input_formats(&layout, customers, order);
    for (j, format) in input_formats.iter().enumerate() {
        if let Some(format) = format {
            ws.set_column_format(input_offset + j as u16, format)?;
        }
    }
    for (i, column) in COLUMNS.iter().enumerate() {
        if let Some(format) = st.derived_column_format(column.kind) {
            ws.set_column_format(d + i as u16, format)?;
        }
    }
    let input_count = layout.input_headers.len();
    for (i, &index) in order.iter().enumerate() {
        let Some(c) = customers.get(index) else {
            continue;
        };
        let row = i as u32 + 1;
        let mut col: u16 = 0;
        if layout.own_code_name {
            put_plain_text(ws, row, 0, &c.record.code)?;
            widths.see(0, text_width(&c.record.code));
            let name = c.record.name.as_deref().unwrap_or("");
            put_plain_text(ws, row, 1, name)?;
            widths.see(1, text_width(name));
            col = 2;
        }
        for j in 0..input_count {
            let cell = c.record.original.get(j).unwrap_or(&Cell::Empty);
            let kind = layout
                .input_kinds
                .get(j)
                .copied()
                .unwrap_or(InputKind::AsRead);
            let w = put_input_cell(ws, row, col, cell, kind, lang, st)?;
            widths.see(usize::from(col), w);
            col += 1;
        }
        write_derived(ws, &mut widths, row, d, c, lang, st)?;
    }

    let last = order.len() as u32;
    if last > 0 {
        // Soft colours on a fixed 0–100 scale, so that the same score has the same colour on
        // every sheet and in every quarter, and the numbers stay readable in print.
        let score_scale = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, 0)
            .set_midpoint(ConditionalFormatType::Number, 50)
            .set_maximum(ConditionalFormatType::Number, 100)
            .set_minimum_color(Color::RGB(0xF8CBAD))
            .set_midpoint_color(Color::RGB(0xFFF2CC))
            .set_maximum_color(Color::RGB(0xA9D18E));
        let bars = ConditionalFormatDataBar::new();
        let columns_of = |kind: Kind| {
            (0..COLUMNS.len())
                .filter(move |&i| COLUMNS[i].kind == kind)
                .map(move |i| d + i as u16)
        };
        for col in columns_of(Kind::Score) {
            ws.add_conditional_format(1, col, last, col, &score_scale)?;
        }
        for col in columns_of(Kind::Money) {
            ws.add_conditional_format(1, col, last, col, &bars)?;
        }
    }
    ws.autofilter(0, 0, last, layout.width() - 1)?;
    ws.set_freeze_panes(1, layout.freeze_cols)?;
    if layout.freeze_cols > 0 {
        ws.set_repeat_columns(0, layout.freeze_cols - 1)?;
    }
    widths.apply(ws)?;
    Ok(())
}

/// The number format of each input column, from the values its cells are written as.
fn input_formats(
    layout: &Layout,
    customers: &[Classified],
    order: &[usize],
) -> Vec<Option<Format>> {
    layout
        .input_kinds
        .iter()
        .enumerate()
        .map(|(j, &kind)| {
            let values = order.iter().filter_map(|&i| {
                let cell = customers.get(i)?.record.original.get(j)?;
                match typed(cell, kind).0 {
                    Shown::Number(v) => Some(v),
                    _ => None,
                }
            });
            column_format(kind, values)
        })
        .collect()
}

/// Writes one input cell typed (see [`typed`]), with the text as written in a note where it
/// differed; returns the width it shows at.
fn put_input_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kind: InputKind,
    lang: crate::model::Lang,
    st: &Styles,
) -> Result<usize, XlsxError> {
    let (shown, original) = typed(cell, kind);
    let width = match shown {
        Shown::AsRead => return put_cell(ws, row, col, cell, st),
        Shown::Number(v) => {
            put_plain_number(ws, row, col, Some(v))?;
            let decimals = match kind {
                InputKind::Number if v.fract() == 0.0 => 0,
                InputKind::Percent { .. } => 1,
                _ => 2,
            };
            number_width(v, decimals)
        }
        Shown::Date(d) => {
            ws.write_date_with_format(row, col, d, &st.date)?;
            10
        }
    };
    if let Some(text) = original {
        let note =
            Note::new(crate::messages::workbook_as_written(lang, &text)).add_author_prefix(false);
        ws.insert_note(row, col, &note)?;
    }
    Ok(width)
}

/// The header row: the code and name custseg adds, the input's own headers, then the derived
/// headers with their notes.
fn write_header_row(
    ws: &mut Worksheet,
    widths: &mut Widths,
    layout: &Layout,
    lang: crate::model::Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let d = layout.derived_start;
    let mut col: u16 = 0;
    let mut taken: Vec<&str> = Vec::new();
    if layout.own_code_name {
        for h in [OWN_CODE_HEADER, OWN_NAME_HEADER] {
            header(ws, widths, col, pick(h, lang), &st.header)?;
            taken.push(pick(h, lang));
            col += 1;
        }
    }
    for h in &layout.input_headers {
        header(ws, widths, col, h, &st.header)?;
        taken.push(h);
        col += 1;
    }
    let derived = headers(&taken, lang);
    for (i, (column, text)) in COLUMNS.iter().zip(&derived).enumerate() {
        let col = d + i as u16;
        header(ws, widths, col, text, &st.header_derived)?;
        let note = Note::new(pick(column.note, lang))
            .add_author_prefix(false)
            .set_width(320)
            .set_height(column.part.note_height());
        ws.insert_note(0, col, &note)?;
    }
    Ok(())
}

fn header(
    ws: &mut Worksheet,
    widths: &mut Widths,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, col, super::styles::fit(text), format)?;
    widths.see_header(usize::from(col), text);
    Ok(())
}

/// Writes the derived cells of customer `c` on `row`, from [`COLUMNS`]; the number formats are
/// the columns' (see `write`).
fn write_derived(
    ws: &mut Worksheet,
    widths: &mut Widths,
    row: u32,
    d: u16,
    c: &Classified,
    lang: crate::model::Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (i, column) in COLUMNS.iter().enumerate() {
        let col = d + i as u16;
        match (column.value)(c, lang) {
            Value::Text(s) => {
                put_plain_text(ws, row, col, &s)?;
                widths.see(usize::from(col), text_width(&s));
            }
            Value::Tier(tier) => {
                let label = tier.label(lang);
                ws.write_string_with_format(row, col, label, st.tier(tier))?;
                widths.see(usize::from(col), text_width(label));
            }
            Value::Number(v) => {
                put_plain_number(ws, row, col, v)?;
                if let Some(v) = v {
                    widths.see(usize::from(col), number_width(v, column.kind.decimals()));
                }
            }
        }
    }
    Ok(())
}
