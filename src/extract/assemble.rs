//! Extract, assembly: lays out every file's sheets and reads them customers sheets first, so
//! that the detail rows' codes can be checked against the customers.

use crate::error::{Cause, Error, Result};
use crate::fields::FieldMatcher;
use crate::model::{Cell, InputFile, Issue, RawSheet, SheetInfo, SheetRole, SkipWhy};

use super::builder::Builder;
use super::finish::finish;
use super::layout::{columns_found, is_prose, layout, Layout};
use super::sink::{FileRead, ReadCustomers, SheetRead, Streamed};
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

/// Turns every file's sheets into one dataset: customers sheets first, then detail sheets,
/// each sheet's info in its workbook's order.
pub(super) fn assemble(files: Vec<FileRead>, fields: &FieldMatcher) -> Result<Extracted> {
    let mut b = Builder::new(fields);
    // Lay out every sheet first: customers sheets are read before detail sheets whatever the
    // file order, so that detail codes can be checked against them.
    let mut laid = lay_out(files, fields);
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
        return Err(no_code_column(&laid));
    }
    b.hidden_sheet_findings(laid.iter().map(|(i, _)| i));
    for pass in [true, false] {
        for (input, sheets) in laid.iter_mut() {
            for (sheet, lay, ready) in sheets.iter_mut() {
                let is_customers = lay.as_ref().is_some_and(|l| l.role == SheetRole::Customers);
                if is_customers != pass {
                    continue;
                }
                let mut info = sheet_info(sheet, lay.as_ref());
                read_sheet(&mut b, sheet, lay.as_ref(), ready.take(), &mut info);
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
    finish(&mut b)?;
    Ok(b.out)
}

/// Every sheet with its layout, and its rows when the reading thread already made them into
/// customers or events.
fn lay_out<'p>(files: Vec<FileRead<'p>>, fields: &FieldMatcher) -> Vec<LaidOut<'p>> {
    files
        .into_iter()
        .map(|(input, sheets)| {
            let sheets = sheets
                .into_iter()
                .map(|read| match read {
                    SheetRead::Whole(s) => {
                        let lay = layout(&s, fields);
                        (s, lay, None)
                    }
                    SheetRead::Customers(mut read) => {
                        let head = std::mem::take(&mut read.head);
                        let lay = Some(read.lay.clone());
                        (head, lay, Some(Ready::Customers(read)))
                    }
                    SheetRead::Streamed(mut st) => {
                        st.part.settle_dates(&st.cols);
                        let head = std::mem::take(&mut st.head);
                        let lay = Some(st.lay.clone());
                        (head, lay, Some(Ready::Events(st)))
                    }
                })
                .collect();
            (input, sheets)
        })
        .collect()
}

/// The error when no sheet of any file has a customer-code column: the files and the columns
/// found (each once; the message lists at most ten).
fn no_code_column(laid: &[LaidOut]) -> Error {
    let files: Vec<String> = laid
        .iter()
        .map(|(i, _)| {
            std::path::Path::new(&i.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut columns: Vec<String> = Vec::new();
    for (_, sheets) in laid {
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
    Error::input(Cause::NoCodeColumn { files, columns })
}

/// A sheet's info before its rows are read: role, header row and recognised columns.
fn sheet_info(sheet: &RawSheet, lay: Option<&Layout>) -> SheetInfo {
    SheetInfo {
        name: sheet.sheet.clone(),
        role: lay.map_or(SheetRole::Ignored, |l| l.role),
        header_row: lay.map_or(0, |l| sheet.first_row.saturating_add(l.header_start as u32)),
        data_rows: 0,
        columns: lay
            .map(|l| {
                l.columns
                    .iter()
                    .filter_map(|c| c.field.map(|f| (c.header.clone(), f.name.to_string())))
                    .collect()
            })
            .unwrap_or_default(),
        unrecognised: lay.map(Layout::unrecognised).unwrap_or_default(),
        skipped: None,
    }
}

/// Reads one sheet into the builder by its role (or takes in what the reading thread made of
/// it); a sheet without a role is skipped with a finding.
fn read_sheet(
    b: &mut Builder,
    sheet: &mut RawSheet,
    lay: Option<&Layout>,
    ready: Option<Ready>,
    info: &mut SheetInfo,
) {
    if let Some(l) = lay {
        b.layout_findings(&sheet.file, &sheet.sheet, l);
    }
    match (lay, ready) {
        (_, Some(Ready::Customers(read))) => b.absorb_customers(sheet, *read, info),
        (_, Some(Ready::Events(st))) => b.absorb(*st, info),
        (Some(l), None) if l.role == SheetRole::Customers => {
            info.data_rows += b.customers_sheet(sheet, l);
        }
        (Some(l), None) if l.role != SheetRole::Ignored => b.detail_sheet(sheet, l, info),
        _ if is_prose(sheet, lay) => {}
        _ => {
            let empty = sheet.rows.iter().all(|r| r.iter().all(Cell::is_blank));
            let why = if empty {
                SkipWhy::Empty
            } else {
                let columns = columns_found(sheet, lay);
                SkipWhy::NoCodeColumn { columns }
            };
            b.sheet_finding(&sheet.file, &sheet.sheet, Issue::SheetSkipped { why });
        }
    }
}
