//! The report's sections, in SPEC §6 order, one file per section (or pair): headings, charts,
//! tables and sentences. Every figure the workbook also shows comes from `figures`.

mod actions;
mod activity;
mod clusters;
mod cover;
mod migration;
mod owners;

pub use migration::report as migration_report;
mod quality;
mod summary;
mod tiers;
mod value;

use super::format::MoneyUnit;
use super::layout::{Layout, ACCENT, CONTENT_W, GREY, INK, MARGIN, RULE};
use crate::error::Result;
use crate::figures::{amount_of, Figures};
use crate::messages::report_section;
use crate::model::{Analysis, Classified, Lang};

/// Body text size, pt.
const BODY: f32 = 9.5;
/// Table text size, pt.
const TABLE: f32 = 8.5;

/// Writes every section in order, with the figures computed from `a`.
pub fn write_all(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    cover::cover(doc, a);
    summary::summary(doc, a, f);
    tiers::tiers(doc, a, f)?;
    tiers::size_industry(doc, a, f)?;
    value::value(doc, a, f)?;
    activity::activity(doc, a, f)?;
    activity::satisfaction(doc, a, f)?;
    clusters::clusters(doc, a)?;
    if a.migration.is_some() {
        migration::migration(doc, a, f);
    }
    actions::actions(doc, a, f);
    actions::core_list(doc, a);
    owners::owners(doc, a);
    quality::data_quality(doc, a, f);
    quality::appendix(doc, a);
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

/// Starts a section with its own title (one the profile does not number in `REPORT_SECTIONS`).
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

fn unit_for<'a>(list: impl Iterator<Item = &'a Classified>) -> MoneyUnit {
    MoneyUnit::for_max(list.map(amount_of).fold(0.0, f64::max))
}

fn money_header(what: &str, unit: MoneyUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{what}（{}）", unit.name(lang)),
        Lang::En => format!("{what} ({})", unit.name(lang)),
    }
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
