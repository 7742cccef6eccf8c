//! Stage 7, write workbook — sheet 阶段与来源: the trade tables a profile's `[report]` declares
//! (the stage funnel, 客户来源 / 设计师 / 装修风格 / 预算区间 …), from the same figures as the PDF.
//! No sheet when the profile declares none or the data has none of their columns.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::pick;
use super::styles::{
    print_one_page_wide, put_number, put_plain_text, text_width, write_headers, Room, Styles,
    Widths,
};
use crate::figures::decoration::{Funnel, GroupTable};
use crate::figures::Figures;
use crate::model::{Analysis, Lang};
use crate::profile::pick_text;

/// The sheet's name.
pub const TRADE_SHEET: (&str, &str) = ("阶段与来源", "Stages and Sources");

/// Writes 阶段与来源 when the profile's funnel or a group table has data.
pub fn write(wb: &mut Workbook, a: &Analysis, f: &Figures, st: &Styles) -> Result<(), XlsxError> {
    let lang = a.run.lang;
    let plan = &a.report;
    let funnel = plan.funnel.as_ref().zip(f.funnel.as_ref());
    let groups: Vec<(&str, &GroupTable)> = (f.groups.iter())
        .filter_map(|(id, t)| {
            let g = plan.group(id)?;
            Some((pick_text(&g.title, g.title_en.as_deref(), lang), t))
        })
        .collect();
    if funnel.is_none() && groups.is_empty() {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(pick(TRADE_SHEET, lang))?;
    print_one_page_wide(ws);
    let mut widths = Widths::new(7, 40);
    let mut row = 0u32;
    if let Some((s, fun)) = funnel {
        let title = pick_text(&s.title, s.title_en.as_deref(), lang);
        row = write_funnel(ws, st, &mut widths, row, title, fun, lang)?;
    }
    for (title, t) in groups {
        row = write_group(ws, st, &mut widths, row, title, t, lang)?;
    }
    widths.apply(ws)
}

fn write_funnel(
    ws: &mut Worksheet,
    st: &Styles,
    widths: &mut Widths,
    mut row: u32,
    title: &str,
    f: &Funnel,
    l: Lang,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, title, &st.title)?;
    row += 1;
    let heads = [
        l.pick("阶段", "Stage"),
        l.pick("当前处于该阶段", "At this stage"),
        l.pick("累计到达", "Reached"),
        l.pick("较上一阶段转化率", "Conversion from previous"),
        l.pick("金额（万元）", "Amount (CNY 10k)"),
    ];
    write_headers(ws, row, &heads, st, Some((widths, Room::Title)))?;
    row += 1;
    for r in &f.rows {
        put_plain_text(ws, row, 0, &r.name)?;
        widths.see(0, text_width(&r.name));
        ws.write_number_with_format(row, 1, r.at as f64, &st.int)?;
        ws.write_number_with_format(row, 2, r.reached as f64, &st.int)?;
        put_number(ws, row, 3, r.conversion, &st.percent)?;
        put_number(ws, row, 4, Some(r.amount / 10_000.0), &st.wan)?;
        row += 1;
    }
    if f.unstaged > 0 {
        let text = match l {
            Lang::Zh => format!("另有 {} 位客户阶段为空或不属于以上阶段。", f.unstaged),
            Lang::En => format!(
                "{} more customers have no stage or another one.",
                f.unstaged
            ),
        };
        ws.write_string_with_format(row, 0, &text, &st.note)?;
        row += 1;
    }
    Ok(row + 1)
}

fn write_group(
    ws: &mut Worksheet,
    st: &Styles,
    widths: &mut Widths,
    mut row: u32,
    title: &str,
    t: &GroupTable,
    l: Lang,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, title, &st.title)?;
    row += 1;
    let heads = [
        title,
        l.pick("客户数", "Customers"),
        l.pick("客户占比", "Share"),
        l.pick("已签约", "Signed"),
        l.pick("签约率", "Signing rate"),
        l.pick("金额（万元）", "Amount (CNY 10k)"),
        l.pick("金额占比", "Amount share"),
    ];
    write_headers(ws, row, &heads, st, Some((widths, Room::Title)))?;
    row += 1;
    let share = |part: f64, whole: f64| (whole.abs() > f64::EPSILON).then(|| part / whole);
    let all = t
        .rows
        .iter()
        .chain((t.missing.count > 0).then_some(&t.missing))
        .chain(std::iter::once(&t.total));
    for r in all {
        put_plain_text(ws, row, 0, &r.name)?;
        widths.see(0, text_width(&r.name));
        ws.write_number_with_format(row, 1, r.count as f64, &st.int)?;
        put_number(
            ws,
            row,
            2,
            share(r.count as f64, t.total.count as f64),
            &st.percent,
        )?;
        ws.write_number_with_format(row, 3, r.signed as f64, &st.int)?;
        put_number(ws, row, 4, r.conversion(), &st.percent)?;
        put_number(ws, row, 5, Some(r.amount / 10_000.0), &st.wan)?;
        put_number(ws, row, 6, share(r.amount, t.total.amount), &st.percent)?;
        row += 1;
    }
    Ok(row + 1)
}
