//! 客户明细 and the three tier sheets: the input's own columns, then the derived columns of
//! SPEC §5, written row by row in constant-memory mode.

use rust_xlsxwriter::{
    Color, ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, Format,
    Note, Worksheet, XlsxError,
};

use super::styles::{
    number_width, put_cell, put_plain_number, put_plain_text, text_width, tier_index, Styles,
    Widths, TIER_CHART_COLORS,
};
use super::{pick, BASIS_HEADERS, DERIVED_HEADERS, OWN_CODE_HEADER, OWN_NAME_HEADER};
use crate::messages::{self, DERIVED_COLUMN_NOTES};
use crate::model::{Analysis, Cell, Classified, Dataset, Tier};

/// Canonical fields whose input columns hold money and get a `#,##0` format.
const MONEY_FIELDS: [&str; 7] = [
    "purchase_amount",
    "receivable",
    "budget",
    "amount",
    "revenue",
    "total_assets",
    "credit_limit",
];

/// Where things are on a customer sheet; the same for 客户明细 and the tier sheets.
pub struct Layout {
    /// True when custseg writes its own 客户编码 and 客户名称 first.
    pub own_code_name: bool,
    /// Headers of the input's own columns.
    pub input_headers: Vec<String>,
    /// Per input column: true when it holds money.
    pub input_money: Vec<bool>,
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
        let input_money = input_headers
            .iter()
            .map(|h| {
                dataset.inputs.iter().any(|f| {
                    f.sheets.iter().any(|s| {
                        s.columns
                            .iter()
                            .any(|(header, field)| header == h && MONEY_FIELDS.contains(&&**field))
                    })
                })
            })
            .collect();
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
            input_money,
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
        self.derived_start + (DERIVED_HEADERS.len() + BASIS_HEADERS.len()) as u16
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
        ws.set_tab_color(Color::RGB(TIER_CHART_COLORS[tier_index(tier)]));
    }
    // Printed, the sheet is A4 landscape with the header row on every page.
    ws.set_paper_size(9).set_landscape();
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer(lang.pick("&L&A&R第 &P 页 / 共 &N 页", "&L&A&RPage &P of &N"));
    let ncols = usize::from(layout.width());
    let mut widths = Widths::new(ncols, 40);
    let d = layout.derived_start;
    widths.cap(usize::from(d) + 22, 60);
    let b = d + DERIVED_HEADERS.len() as u16;
    widths.cap(usize::from(b), 50);
    widths.cap(usize::from(b) + 4, 50);

    // Header row, with its notes, before any data row: in constant-memory mode a row is
    // flushed once the next one is started.
    let mut col: u16 = 0;
    if layout.own_code_name {
        for h in [OWN_CODE_HEADER, OWN_NAME_HEADER] {
            header(ws, &mut widths, col, pick(h, lang), &st.header)?;
            col += 1;
        }
    }
    for h in &layout.input_headers {
        header(ws, &mut widths, col, h, &st.header)?;
        col += 1;
    }
    for (i, h) in DERIVED_HEADERS.iter().enumerate() {
        let text = pick(*h, lang);
        header(ws, &mut widths, d + i as u16, text, &st.header_derived)?;
        let note = Note::new(pick(DERIVED_COLUMN_NOTES[i], lang))
            .add_author_prefix(false)
            .set_width(320)
            .set_height(120);
        ws.insert_note(0, d + i as u16, &note)?;
    }
    for (i, h) in BASIS_HEADERS.iter().enumerate() {
        header(
            ws,
            &mut widths,
            b + i as u16,
            pick(*h, lang),
            &st.header_derived,
        )?;
        let note = Note::new(pick(messages::BASIS_COLUMN_NOTES[i], lang))
            .add_author_prefix(false)
            .set_width(320)
            .set_height(100);
        ws.insert_note(0, b + i as u16, &note)?;
    }
    ws.set_row_height(0, 20)?;

    // Number formats go on the columns, and cells are written without a format of their own:
    // with 100 000 rows, looking a format up for every cell costs more than writing it.
    let input_offset: u16 = if layout.own_code_name { 2 } else { 0 };
    for (j, &money) in layout.input_money.iter().enumerate() {
        if money {
            ws.set_column_format(input_offset + j as u16, &st.money)?;
        }
    }
    for (i, format) in [
        (2u16, &st.score),
        (3, &st.score),
        (4, &st.score),
        (5, &st.score),
        (6, &st.score),
        (7, &st.score),
        (10, &st.int),
        (11, &st.int),
        (12, &st.money),
        (13, &st.int),
        (18, &st.money),
    ] {
        ws.set_column_format(d + i, format)?;
    }
    let input_count = layout.input_headers.len();
    let customers = &analysis.classification.customers;
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
            let w = put_cell(ws, row, col, cell, st)?;
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
        for i in 2..=7u16 {
            ws.add_conditional_format(1, d + i, last, d + i, &score_scale)?;
        }
        let bars = ConditionalFormatDataBar::new();
        ws.add_conditional_format(1, d + 12, last, d + 12, &bars)?;
        ws.add_conditional_format(1, d + 18, last, d + 18, &bars)?;
    }
    ws.autofilter(0, 0, last, layout.width() - 1)?;
    ws.set_freeze_panes(1, layout.freeze_cols)?;
    if layout.freeze_cols > 0 {
        ws.set_repeat_columns(0, layout.freeze_cols - 1)?;
    }
    widths.apply(ws)?;
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

fn write_derived(
    ws: &mut Worksheet,
    widths: &mut Widths,
    row: u32,
    d: u16,
    c: &Classified,
    lang: crate::model::Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut text = |ws: &mut Worksheet, i: u16, s: &str| -> Result<(), XlsxError> {
        put_plain_text(ws, row, d + i, s)?;
        widths.see(usize::from(d + i), text_width(s));
        Ok(())
    };
    text(ws, 0, c.size_class.label(lang))?;
    text(ws, 1, c.industry_group.label(lang))?;
    text(ws, 9, c.rfm.map(|r| r.label(lang)).unwrap_or(""))?;
    text(ws, 14, &c.cluster_name)?;
    text(ws, 15, c.lifecycle.label(lang))?;
    text(ws, 16, c.churn_risk.label(lang))?;
    text(ws, 17, c.risk_level.label())?;
    text(ws, 19, c.settlement.label(lang))?;
    text(ws, 20, &c.recommended_product)?;
    text(ws, 21, &c.recommended_services)?;
    text(ws, 22, &c.explanation)?;
    let needs = c.needs.join("、");
    let payment = c.payment_model.map(|p| p.label(lang)).unwrap_or("");
    for (i, s) in [
        &c.size_basis,
        &c.std_industry,
        &needs,
        payment,
        &c.credit_reason,
    ]
    .into_iter()
    .enumerate()
    {
        text(ws, 23 + i as u16, s)?;
    }

    let tier = c.tier.label(lang);
    ws.write_string_with_format(row, d + 8, tier, st.tier(c.tier))?;
    widths.see(usize::from(d) + 8, text_width(tier));

    // The number formats are the columns' (see `write`).
    let mut number =
        |ws: &mut Worksheet, i: u16, v: Option<f64>, decimals: usize| -> Result<(), XlsxError> {
            put_plain_number(ws, row, d + i, v)?;
            if let Some(v) = v {
                widths.see(usize::from(d + i), number_width(v, decimals));
            }
            Ok(())
        };
    let s = &c.scores;
    for (i, v) in [s.size, s.value, s.activity, s.satisfaction, s.potential]
        .into_iter()
        .enumerate()
    {
        number(ws, 2 + i as u16, v, 1)?;
    }
    number(ws, 7, Some(c.total_score), 1)?;
    number(ws, 10, c.recency_days.map(|r| r as f64), 0)?;
    number(ws, 11, c.frequency, 0)?;
    number(ws, 12, c.monetary, 0)?;
    let cluster = (c.cluster > 0).then_some(c.cluster as f64);
    number(ws, 13, cluster, 0)?;
    number(ws, 18, Some(c.credit_limit), 0)?;
    Ok(())
}
