//! Workbook stage, sheet 读取记录 / Reading: what was read, per file and sheet — its role, header
//! row, data rows, each column and the field it was read as, the columns not recognised and the
//! sheets skipped with why. The helpers here are shared with `check`'s map and the PDF.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::styles::{
    print_one_page_wide, put_plain_number, put_plain_text, text_width, write_headers, Room, Styles,
    Widths,
};
use crate::messages as msg;
use crate::model::{Analysis, Dataset, FindingKind, InputFile, Lang, SheetInfo, SheetRole};

/// Sheet 读取记录 / Reading (placed right before 数据质量).
pub const READING_SHEET: (&str, &str) = ("读取记录", "Reading");

/// The file name of an input path, as findings name it.
pub fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// A header on one line: line breaks and runs of spaces become one space.
pub fn one_line(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a sheet was not read, or `None` for a sheet that was: the reader's reason (a hidden
/// sheet), else the sheet's `SheetSkipped` finding, else (an unused sheet without one) notes.
pub fn why_skipped(
    dataset: &Dataset,
    input: &InputFile,
    info: &SheetInfo,
    lang: Lang,
) -> Option<String> {
    if let Some(why) = &info.skipped {
        return Some(msg::reader_skipped(lang, why));
    }
    if info.role != SheetRole::Ignored {
        return None;
    }
    let file = file_name(&input.path);
    let finding = dataset
        .findings
        .iter()
        .find(|f| f.kind() == FindingKind::SheetSkipped && f.sheet == info.name && f.file == file);
    Some(finding.map_or_else(
        || msg::shown_no_data(lang),
        |f| msg::finding_problem(lang, f),
    ))
}

/// A field's name as the map shows it: the Chinese name (its first alias) or the canonical one.
pub fn field_label(field: &str, lang: Lang) -> String {
    match (lang, crate::fields::field(field)) {
        (Lang::Zh, Some(f)) if !f.aliases.is_empty() => f.aliases[0].to_string(),
        _ => field.to_string(),
    }
}

/// A report group's title in the run's language.
fn group_title(g: &crate::profile::GroupSettings, lang: Lang) -> &str {
    crate::profile::pick_text(&g.title, g.title_en.as_deref(), lang)
}

/// Writes 读取记录: one row per sheet (its role, header row, data rows, or why it was skipped),
/// then one row per column under it (the field it was read as, or "not recognised").
pub fn write_reading(wb: &mut Workbook, analysis: &Analysis, st: &Styles) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let ws = wb.add_worksheet();
    ws.set_name(super::pick(READING_SHEET, lang))?;
    print_one_page_wide(ws);
    let heads = [
        lang.pick("文件", "File"),
        lang.pick("工作表", "Sheet"),
        lang.pick("用途", "Role"),
        lang.pick("表头行", "Header Row"),
        lang.pick("数据行数", "Data Rows"),
        lang.pick("列", "Column"),
        lang.pick("字段", "Field"),
        lang.pick("说明", "Note"),
    ];
    let mut widths = Widths::new(heads.len(), 50);
    write_headers(ws, 0, &heads, st, Some((&mut widths, Room::Filter)))?;
    let mut row = 0u32;
    let d = &analysis.dataset;
    for input in &d.inputs {
        let file = file_name(&input.path);
        for info in &input.sheets {
            row += 1;
            let why = why_skipped(d, input, info, lang).unwrap_or_default();
            for (col, text) in [
                (0u16, file.as_str()),
                (1, &info.name),
                (2, info.role.label(lang)),
                (7, &why),
            ] {
                put_plain_text(ws, row, col, text)?;
                widths.see(usize::from(col), text_width(text));
            }
            if info.skipped.is_none() && info.role != SheetRole::Ignored {
                put_plain_number(
                    ws,
                    row,
                    3,
                    (info.header_row > 0).then_some(f64::from(info.header_row)),
                )?;
                put_plain_number(ws, row, 4, Some(info.data_rows as f64))?;
            }
            let used = info
                .columns
                .iter()
                .map(|(h, f)| (h.as_str(), field_label(f, lang), String::new()));
            let unused =
                info.unrecognised
                    .iter()
                    .map(|h| match analysis.report.group_by_column(h) {
                        Some(g) => (
                            h.as_str(),
                            msg::shown_column_grouping(lang),
                            msg::shown_column_grouped(lang, group_title(g, lang)),
                        ),
                        None => (h.as_str(), String::new(), msg::shown_column_unused(lang)),
                    });
            for (header, field, note) in used.chain(unused) {
                row += 1;
                for (col, text) in [
                    (0u16, file.as_str()),
                    (1, &info.name),
                    (5, header),
                    (6, &field),
                    (7, &note),
                ] {
                    put_plain_text(ws, row, col, text)?;
                    widths.see(usize::from(col), text_width(text));
                }
            }
        }
    }
    ws.autofilter(0, 0, row, heads.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    widths.apply(ws)?;
    Ok(())
}
