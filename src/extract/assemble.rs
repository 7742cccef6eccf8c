//! Extract, assembly: lays out every file's sheets and reads them customers sheets first, so
//! that the detail rows' codes can be checked against the customers.

use crate::error::{Error, Result};
use crate::messages as msg;
use crate::model::{Cell, FindingKind, InputFile, Lang, RawSheet, SheetInfo, SheetRole};
use crate::profile::Profile;

use super::builder::*;
use super::finish::*;
use super::layout::*;
use super::sink::*;
use super::Extracted;

/// A file's sheets with their layouts.
pub(super) type LaidOut<'p> = (
    InputFile,
    Vec<(RawSheet, Option<Layout>, Option<Ready<'p>>)>,
);

/// A sheet's rows already made into customers or events on the reading thread.
pub(super) enum Ready<'p> {
    Customers(Box<ReadCustomers<'p>>),
    Events(Box<Streamed<'p>>),
}

pub(super) fn assemble(files: Vec<FileRead>, profile: &Profile, lang: Lang) -> Result<Extracted> {
    let mut b = Builder::new(profile, lang);
    // Lay out every sheet first: customers sheets are read before detail sheets whatever the
    // file order, so that detail codes can be checked against them.
    let mut laid: Vec<LaidOut> = files
        .into_iter()
        .map(|(input, sheets)| {
            let sheets = sheets
                .into_iter()
                .map(|read| match read {
                    SheetRead::Whole(s) => {
                        let lay = layout(&s, b.profile);
                        (s, lay, None)
                    }
                    SheetRead::Customers(mut read) => {
                        let head = std::mem::take(&mut read.head);
                        let lay = Some(read.lay.clone());
                        (head, lay, Some(Ready::Customers(read)))
                    }
                    SheetRead::Streamed(mut st) => {
                        let head = std::mem::take(&mut st.head);
                        let lay = Some(st.lay.clone());
                        (head, lay, Some(Ready::Events(st)))
                    }
                })
                .collect();
            (input, sheets)
        })
        .collect();
    b.out.dataset.period_end = laid
        .iter()
        .flat_map(|(_, sheets)| sheets.iter())
        .filter_map(|(s, l, _)| {
            let l = l.as_ref()?;
            crate::extract::period::stated_period_end(s, l.header_start)
        })
        .max();
    let any_code = laid.iter().any(|(_, sheets)| {
        sheets
            .iter()
            .any(|(_, l, _)| l.as_ref().is_some_and(|l| l.has("code")))
    });
    if !any_code {
        let names: Vec<String> = laid
            .iter()
            .map(|(i, _)| {
                std::path::Path::new(&i.path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        let mut columns: Vec<String> = Vec::new();
        for (_, sheets) in &laid {
            for (s, l, _) in sheets {
                let found = columns_found(s, l.as_ref());
                for c in found {
                    // One list over all sheets, each header once.
                    if !columns.contains(&c) {
                        columns.push(c);
                    }
                }
            }
        }
        columns.truncate(30);
        let sep = lang.pick("、", ", ");
        let shown = if columns.is_empty() {
            lang.pick("（无）", "(none)").to_string()
        } else {
            columns.join(sep)
        };
        return Err(Error::input(msg::read_no_code_column(
            lang,
            &names.join(sep),
            &shown,
        )));
    }
    for pass in [true, false] {
        for (input, sheets) in laid.iter_mut() {
            for (sheet, lay, ready) in sheets.iter_mut() {
                let is_customers = lay.as_ref().is_some_and(|l| l.role == SheetRole::Customers);
                if is_customers != pass {
                    continue;
                }
                let mut info = SheetInfo {
                    name: sheet.sheet.clone(),
                    role: lay.as_ref().map_or(SheetRole::Ignored, |l| l.role),
                    header_row: lay
                        .as_ref()
                        .map_or(0, |l| sheet.first_row.saturating_add(l.header_start as u32)),
                    data_rows: 0,
                    columns: lay
                        .as_ref()
                        .map(|l| {
                            l.columns
                                .iter()
                                .filter_map(|c| {
                                    c.field.map(|f| (c.header.clone(), f.name.to_string()))
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                match (lay.as_ref(), ready.take()) {
                    (_, Some(Ready::Customers(read))) => {
                        b.absorb_customers(sheet, *read, &mut info)
                    }
                    (_, Some(Ready::Events(st))) => b.absorb(*st, &mut info),
                    (Some(l), None) if l.role == SheetRole::Customers => {
                        info.data_rows += b.customers_sheet(sheet, l);
                    }
                    (Some(l), None) if l.role != SheetRole::Ignored => {
                        b.detail_sheet(sheet, l, &mut info)
                    }
                    _ => {
                        let empty = sheet.rows.iter().all(|r| r.iter().all(Cell::is_blank));
                        let problem = if empty {
                            msg::read_sheet_empty(lang)
                        } else {
                            let cols = columns_found(sheet, lay.as_ref());
                            msg::read_sheet_no_code(lang, &cols.join(lang.pick("、", ", ")))
                        };
                        let action = msg::read_action_sheet_skipped(lang);
                        b.sheet_finding(
                            &sheet.file,
                            &sheet.sheet,
                            FindingKind::SheetSkipped,
                            problem,
                            action,
                        );
                    }
                }
                input.sheets.push(info);
            }
        }
    }
    // Sheet infos were pushed customers-first; put them back in workbook order.
    for (input, sheets) in laid.iter_mut() {
        let order: Vec<&str> = sheets.iter().map(|(s, _, _)| s.sheet.as_str()).collect();
        input.sheets.sort_by_key(|i| {
            order
                .iter()
                .position(|n| *n == i.name)
                .unwrap_or(usize::MAX)
        });
    }
    b.out.dataset.inputs = laid.into_iter().map(|(i, _)| i).collect();
    finish(&mut b);
    Ok(b.out)
}
