//! Report section 客户阶段漏斗 (a profile's `[report.funnel]`): how many customers reached each
//! stage, the conversion from one stage to the next, as bars and a table.

use super::{lang, money_header, note, para, section_titled, TABLE};
use crate::figures::decoration::Funnel;
use crate::figures::Figures;
use crate::model::{Analysis, Lang};
use crate::profile::pick_text;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout, Rgb8, ACCENT, CONTENT_W, INK, MARGIN};
use crate::say;

/// Stages before the signed one: a lighter blue.
const BEFORE_SIGNED: Rgb8 = Rgb8(143, 174, 205);

/// The funnel section; nothing when the profile has no funnel or no customer has a stage.
pub(super) fn funnel(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let l = lang(a);
    let (Some(settings), Some(fun)) = (&a.report.funnel, &f.funnel) else {
        return;
    };
    let title = pick_text(&settings.title, settings.title_en.as_deref(), l);
    section_titled(doc, title, 60.0 + 9.0 * fun.rows.len() as f32);
    let signed = fun.signed();
    let signed_name = fun
        .rows
        .get(fun.signed_index)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    para(
        doc,
        &say!(
            l,
            "{} 位客户中，{} 位已到{}或之后的阶段，签约率 {}。处于后面阶段的客户视为已经过前面各阶段；转化率为到达本阶段的客户占到达上一阶段客户的比例。",
            "Of {} customers with a stage, {} have reached {} or later: a signing rate of {}. A customer at a later stage has passed the earlier ones; conversion is the share of those who reached the previous stage that reached this one.",
            format::count(fun.staged),
            format::count(signed),
            signed_name,
            format::percent(format::share(signed as f64, fun.staged as f64))
        ),
    );
    if let Some((from, to, rate)) = fun.weakest_step() {
        para(
            doc,
            &say!(
                l,
                "转化最低的一步是 {} → {}（{}）：跟进这一步的客户最能提高签约。",
                "The weakest step is {} → {} ({}): following up customers there raises signings most.",
                from,
                to,
                format::percent(rate)
            ),
        );
    }
    bars(doc, fun, l);
    table(doc, fun, l);
    if fun.unstaged > 0 {
        note(
            doc,
            &say!(
                l,
                "另有 {} 位客户的客户阶段为空或不属于以上阶段（如流失、放弃），未计入漏斗。",
                "{} more customers have no stage or one outside these (lost, dropped …) and are not in the funnel.",
                format::count(fun.unstaged)
            ),
        );
    }
}

/// One centred bar per stage, its width the customers who reached it.
fn bars(doc: &mut Layout, fun: &Funnel, l: Lang) {
    let height = 7.0;
    let gap = 2.0;
    doc.ensure(fun.rows.len() as f32 * (height + gap) + 4.0);
    let label_w: f32 = match l {
        Lang::Zh => 28.0,
        Lang::En => 40.0,
    };
    let info_w = 46.0;
    let bar_area = CONTENT_W - label_w - info_w;
    let centre = MARGIN + label_w + bar_area / 2.0;
    let most = fun.rows.iter().map(|r| r.reached).max().unwrap_or(0).max(1);
    doc.y += 2.0;
    for (i, r) in fun.rows.iter().enumerate() {
        let top = doc.y;
        let w = (bar_area * r.reached as f32 / most as f32).max(1.0);
        let fill = if i >= fun.signed_index {
            ACCENT
        } else {
            BEFORE_SIGNED
        };
        doc.rect(centre - w / 2.0, top, w, height, Some(fill), None);
        let baseline = top + height * 0.7;
        doc.text_in(
            MARGIN,
            label_w - 2.0,
            baseline,
            9.5,
            true,
            INK,
            Align::Left,
            &r.name,
        );
        let count = format::count(r.reached);
        if doc.text_width(&count, 8.5, true) + 2.0 < w {
            let white = Rgb8(255, 255, 255);
            doc.text_in(
                centre - w / 2.0,
                w,
                baseline,
                8.5,
                true,
                white,
                Align::Center,
                &count,
            );
        }
        let info = match r.conversion {
            Some(c) => say!(
                l,
                "到达 {} 位 · 转化 {}",
                "{} reached, {}",
                count,
                format::percent(c)
            ),
            None => say!(l, "到达 {} 位", "{} reached", count),
        };
        let x = MARGIN + label_w + bar_area + 2.0;
        doc.text_in(
            x,
            info_w - 2.0,
            baseline,
            8.5,
            false,
            INK,
            Align::Left,
            &info,
        );
        doc.y = top + height + gap;
    }
    doc.y += 2.0;
}

/// The funnel as a table: at the stage now, reached, conversion, amount.
fn table(doc: &mut Layout, fun: &Funnel, l: Lang) {
    let unit = MoneyUnit::for_max(fun.rows.iter().map(|r| r.amount).fold(0.0, f64::max));
    let columns = [
        Column::new(say!(l, "阶段", "Stage"), 1.2, Align::Left),
        Column::new(
            say!(l, "当前处于该阶段", "At this stage"),
            1.3,
            Align::Right,
        ),
        Column::new(say!(l, "累计到达", "Reached"), 1.1, Align::Right),
        Column::new(
            say!(l, "较上一阶段转化率", "Conversion from previous"),
            1.5,
            Align::Right,
        ),
        Column::new(
            money_header(&say!(l, "金额", "Amount"), unit, l),
            1.3,
            Align::Right,
        ),
    ];
    let rows: Vec<Vec<String>> = fun
        .rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                format::count(r.at),
                format::count(r.reached),
                format::percent_or_dash(r.conversion),
                unit.format(r.amount),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}
