//! The report's sections, in SPEC §6 order, one file per section (or pair): headings, charts,
//! tables and sentences. Every figure the workbook also shows comes from `figures`.

mod actions;
mod activity;
mod clusters;
mod cover;
mod forecast;
mod funnel;
mod groups;
mod migration;
mod owners;

pub use migration::report as migration_report;
mod quality;
mod summary;
mod tiers;
mod value;

use super::format::MoneyUnit;
use super::layout::{Align, Column, Layout, ACCENT, CONTENT_W, GREY, INK, MARGIN, RULE};
use crate::error::Result;
use crate::figures::{amount_of, Figures};
use crate::messages::report_section;
use crate::model::{Analysis, Classified, Lang, SizeClass};
use crate::say;

/// Body text size, pt.
const BODY: f32 = 9.5;
/// Table text size, pt.
const TABLE: f32 = 8.5;

/// Writes the sections the profile lists (`[report] sections`), in its order, with the figures
/// computed from `a`. 季度变动 is written only with a migration; a group table or the funnel
/// without data is left out.
pub fn write_all(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    for name in &a.report.sections {
        match name.as_str() {
            "cover" => cover::cover(doc, a),
            "summary" => summary::summary(doc, a, f),
            "tiers" => tiers::tiers(doc, a, f)?,
            "size_industry" if has_size_or_industry(a) => tiers::size_industry(doc, a, f)?,
            "value" => value::value(doc, a, f)?,
            "activity" => activity::activity(doc, a, f)?,
            "satisfaction" => activity::satisfaction(doc, a, f)?,
            "clusters" => clusters::clusters(doc, a)?,
            "migration" if a.migration.is_some() => migration::migration(doc, a, f),
            "actions" => actions::actions(doc, a, f),
            "core_list" => actions::core_list(doc, a),
            "owners" => owners::owners(doc, a, f),
            "quality" => quality::data_quality(doc, a, f),
            "appendix" => {
                quality::appendix(doc, a);
                forecast::forecast(doc, a);
            }
            "funnel" => funnel::funnel(doc, a, f),
            other => {
                if let Some(g) = a.report.group(other) {
                    groups::group(doc, a, f, g);
                }
            }
        }
    }
    Ok(())
}

fn lang(a: &Analysis) -> Lang {
    a.run.lang
}

fn customers(a: &Analysis) -> &[Classified] {
    &a.classification.customers
}

/// Starts section `index` of `REPORT_SECTIONS` (cover = 0) on a page with `room` mm left.
fn section(doc: &mut Layout, a: &Analysis, index: usize, room: f32) {
    section_in(doc, lang(a), index, room);
}

/// As [`section`], for a document without an analysis (the comparison's own report).
fn section_in(doc: &mut Layout, l: Lang, index: usize, room: f32) {
    section_titled(doc, report_section(index, l), room);
}

/// Starts a section titled `title` (a profile's own section) on a page with `room` mm left.
fn section_titled(doc: &mut Layout, title: &str, room: f32) {
    doc.ensure(room + 16.0);
    // Numbered as printed: 季度变动 is left out without a migration.
    doc.sections += 1;
    let numbered = format!("{}. {title}", doc.sections);
    doc.bookmark(&numbered);
    // bookmark() may have started a page.
    let top = doc.y;
    doc.rect(MARGIN, top + 1.0, 1.6, 7.0, Some(ACCENT), None);
    doc.text(MARGIN + 4.0, top + 7.2, 15.0, true, ACCENT, &numbered);
    doc.line(
        MARGIN,
        top + 11.0,
        MARGIN + CONTENT_W,
        top + 11.0,
        RULE,
        0.6,
    );
    doc.y = top + 15.0;
}

fn subheading(doc: &mut Layout, text: &str) {
    doc.ensure(24.0);
    doc.y += 2.0;
    doc.text(MARGIN, doc.y + 4.2, 11.0, true, INK, text);
    doc.y += 7.5;
}

fn para(doc: &mut Layout, text: &str) {
    doc.paragraph(MARGIN, CONTENT_W, BODY, false, INK, text);
    doc.y += 1.5;
}

fn note(doc: &mut Layout, text: &str) {
    doc.paragraph(MARGIN, CONTENT_W, 8.0, false, GREY, text);
    doc.y += 1.0;
}

fn bullet(doc: &mut Layout, text: &str) {
    doc.ensure(6.0);
    let y = doc.y;
    doc.rect(MARGIN + 1.2, y + 2.0, 1.6, 1.6, Some(ACCENT), None);
    doc.paragraph(MARGIN + 5.0, CONTENT_W - 5.0, BODY, false, INK, text);
    doc.y += 1.2;
}

/// `text` ending with a full stop (texts from other stages may come without one).
fn sentence(text: &str, l: Lang) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['。', '.', '！', '？', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}{}", l.pick("。", "."))
    }
}

fn name_of(c: &Classified) -> String {
    c.record.name.clone().unwrap_or_default()
}

/// Customers by amount, largest first; ties by code, so the order is stable.
fn by_amount<'a>(list: impl Iterator<Item = &'a Classified>) -> Vec<&'a Classified> {
    let mut v: Vec<&Classified> = list.collect();
    v.sort_by(|x, y| {
        amount_of(y)
            .total_cmp(&amount_of(x))
            .then_with(|| x.record.code.cmp(&y.record.code))
    });
    v
}

/// A numbered table of customers in the order given: #, 客户编码 and 客户名称 (with the width
/// shares `shares`), then the columns `more`, whose cells `cells` gives for each customer.
fn customer_table(
    l: Lang,
    shares: [f32; 2],
    more: Vec<Column>,
    list: &[&Classified],
    cells: impl Fn(&Classified) -> Vec<String>,
) -> (Vec<Column>, Vec<Vec<String>>) {
    let mut columns = vec![
        Column::new("#", 0.4, Align::Right),
        Column::new(say!(l, "客户编码", "Code"), shares[0], Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), shares[1], Align::Left),
    ];
    columns.extend(more);
    let rows = (list.iter().enumerate())
        .map(|(i, c)| {
            let mut row = vec![(i + 1).to_string(), c.record.code.clone(), name_of(c)];
            row.extend(cells(c));
            row
        })
        .collect();
    (columns, rows)
}

fn unit_for<'a>(list: impl Iterator<Item = &'a Classified>) -> MoneyUnit {
    MoneyUnit::for_max(list.map(amount_of).fold(0.0, f64::max))
}

fn money_header(what: &str, unit: MoneyUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{what}（{}）", unit.name(lang)),
        Lang::En => format!("{what} ({})", unit.name(lang)),
    }
}

/// True when some customer has a size class or an industry (a homeowner base has neither).
fn has_size_or_industry(a: &Analysis) -> bool {
    customers(a).iter().any(|c| {
        c.size_class != SizeClass::Unknown
            || c.record
                .industry
                .as_deref()
                .is_some_and(|i| !i.trim().is_empty())
    })
}

/// The table without its 规模 and 行业 columns (`at`) when no customer has either.
fn without_size_industry(
    a: &Analysis,
    columns: &[Column],
    rows: Vec<Vec<String>>,
    at: [usize; 2],
) -> (Vec<Column>, Vec<Vec<String>>) {
    if has_size_or_industry(a) {
        return (columns.to_vec(), rows);
    }
    let keep = |i: &usize| !at.contains(i);
    let columns = (0..columns.len())
        .filter(keep)
        .map(|i| columns[i].clone())
        .collect();
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .enumerate()
                .filter(|(i, _)| keep(i))
                .map(|(_, v)| v)
                .collect()
        })
        .collect();
    (columns, rows)
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
