//! Extract, reading: the files are read on two threads; each file's rows go to a sink that
//! finds each sheet's header from its top rows and reads sheets of detail lines as they stream in.

use std::path::PathBuf;

use crate::error::{Cause, Error, Result};
use crate::fields::FieldMatcher;
use crate::model::{Cell, InputFile, RawSheet, SheetInfo, SheetRole, SkipWhy};
use crate::read;

use super::builder::Builder;
use super::detail::DetailColumns;
use super::layout::{layout, Layout, HEADER_SCAN_ROWS};

/// Reads the files on two threads (each takes the next file when it is free, largest file
/// first, so that one long file does not start last and hold the run up); the results are kept
/// in path order, and the first error in path order wins.
pub(super) fn read_all<'p>(
    paths: &[PathBuf],
    fields: &'p FieldMatcher,
    include_hidden: bool,
) -> Result<Vec<FileRead<'p>>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let order = largest_first(paths);
    let next = AtomicUsize::new(0);
    // The smallest path index that failed: files after it in path order are not read.
    let failed_at = AtomicUsize::new(usize::MAX);
    let work = || {
        let mut done = Vec::new();
        loop {
            let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) else {
                return done;
            };
            if i > failed_at.load(Ordering::Relaxed) {
                continue;
            }
            let path = &paths[i];
            let mut sink = FileSink::new(path, fields);
            sink.include_hidden = include_hidden;
            let result = read::read_file_into(path, &mut sink).and_then(|mut input| {
                if is_own_result(&sink.names) {
                    let file = read::display_name(path);
                    return Err(Error::input(Cause::OwnResult { file }));
                }
                sink.settle();
                sink.read_customers();
                input.sheets = sink.hidden_infos();
                Ok((input, sink.sheets))
            });
            if result.is_err() {
                // Files after it in path order would be read for nothing.
                failed_at.fetch_min(i, Ordering::Relaxed);
            }
            done.push((i, result));
        }
    };
    let mut results: Vec<(usize, Result<FileRead>)> = std::thread::scope(|s| {
        let other = (paths.len() > 1).then(|| s.spawn(work));
        let mut mine = work();
        if let Some(h) = other {
            match h.join() {
                Ok(theirs) => mine.extend(theirs),
                Err(_) => {
                    // The reader's panic is no sentence for a person: it goes to --verbose.
                    let file = paths.first().map(|p| read::display_name(p));
                    let file = file.unwrap_or_default();
                    let err = Error::input(Cause::Corrupt { file }).with_detail("panic");
                    mine.push((0, Err(err)));
                }
            }
        }
        mine
    });
    results.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(paths.len());
    for (_, r) in results {
        out.push(r?);
    }
    Ok(out)
}

/// Path indices, largest file first (ties and unreadable sizes in path order): reading time
/// grows with the size, so the longest file starts at once and the others fill the second core.
fn largest_first(paths: &[PathBuf]) -> Vec<usize> {
    let size = |p: &PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(&paths[i])));
    order
}

/// A file as the reader left it.
pub(super) type FileRead<'p> = (InputFile, Vec<SheetRead<'p>>);

/// A sheet as the reader left it: whole; or a customers sheet turned into customers once its
/// file was read; or a sheet of transaction or usage lines turned into events row by row as it
/// was read. The last two keep only their rows down to the header.
pub(super) enum SheetRead<'p> {
    Whole(RawSheet),
    /// A customers sheet already turned into customers on the reading thread.
    Customers(Box<ReadCustomers<'p>>),
    Streamed(Box<Streamed<'p>>),
}

/// A customers sheet turned into customers by itself (its codes not yet checked against the
/// other customers sheets): reading the values is the costly part and needs nothing else.
pub(super) struct ReadCustomers<'p> {
    /// The rows down to the header.
    pub(super) head: RawSheet,
    pub(super) lay: Layout,
    /// The customers, findings and counts of the sheet's rows.
    pub(super) part: Builder<'p>,
    pub(super) data_rows: usize,
}

/// A sheet of detail lines turned into events while it was read.
pub(super) struct Streamed<'p> {
    /// The rows down to the header.
    pub(super) head: RawSheet,
    pub(super) lay: Layout,
    pub(super) cols: DetailColumns,
    /// The events, findings and counts of the sheet's rows.
    pub(super) part: Builder<'p>,
    pub(super) data_rows: usize,
}

/// Receives one file's rows from the reader. A sheet's first rows are held until its header is
/// known; a sheet of transaction or usage lines is then read into events as the rows come, so
/// that a million lines are never held as cells. Other sheets are kept whole, and once the file
/// is read its customers sheets are turned into customers (`read_customers`).
struct FileSink<'p> {
    fields: &'p FieldMatcher,
    file: String,
    sheets: Vec<SheetRead<'p>>,
    /// The current sheet's top rows while its header is not yet known.
    pending: Option<RawSheet>,
    /// Every sheet's name, read or not, in workbook order.
    names: Vec<String>,
    /// Hidden sheets left out: (name, very hidden).
    hidden: Vec<(String, bool)>,
    /// Whether hidden sheets are read too.
    include_hidden: bool,
}

impl<'p> FileSink<'p> {
    fn new(path: &std::path::Path, fields: &'p FieldMatcher) -> FileSink<'p> {
        let file = read::display_name(path);
        FileSink {
            fields,
            file,
            sheets: Vec::new(),
            pending: None,
            names: Vec::new(),
            hidden: Vec::new(),
            include_hidden: false,
        }
    }

    /// The infos of the hidden sheets left out, each with why.
    fn hidden_infos(&self) -> Vec<SheetInfo> {
        self.hidden
            .iter()
            .map(|(name, _)| SheetInfo {
                name: name.clone(),
                role: SheetRole::Ignored,
                header_row: 0,
                data_rows: 0,
                columns: Vec::new(),
                unrecognised: Vec::new(),
                skipped: Some(SkipWhy::Hidden),
            })
            .collect()
    }

    /// Decides how the current sheet is read, once its top rows are in.
    fn settle(&mut self) {
        let Some(mut head) = self.pending.take() else {
            return;
        };
        let lay = layout(&head, self.fields)
            .filter(|l| matches!(l.role, SheetRole::Transactions | SheetRole::Usage));
        let Some(lay) = lay else {
            self.sheets.push(SheetRead::Whole(head));
            return;
        };
        let mut part = Builder::new(self.fields);
        let cols = part.begin_detail(&head.file, &head.sheet, &lay, 100);
        let data = head
            .rows
            .split_off((lay.header_end + 1).min(head.rows.len()));
        let mut data_rows = 0;
        for (i, row) in data.iter().enumerate() {
            let number = head
                .first_row
                .saturating_add((lay.header_end + 1 + i) as u32);
            data_rows += usize::from(part.detail_row(&cols, number, row));
        }
        self.sheets.push(SheetRead::Streamed(Box::new(Streamed {
            head,
            lay,
            cols,
            part,
            data_rows,
        })));
    }
}

impl FileSink<'_> {
    /// Turns the customers sheets into customers, here on the reading thread while the other
    /// thread may still be reading a long file.
    fn read_customers(&mut self) {
        for read in &mut self.sheets {
            let SheetRead::Whole(sheet) = read else {
                continue;
            };
            let Some(lay) = layout(sheet, self.fields).filter(|l| l.role == SheetRole::Customers)
            else {
                continue;
            };
            let mut head = std::mem::take(sheet);
            let mut part = Builder::new(self.fields);
            let data_rows = part.customers_sheet(&mut head, &lay);
            *read = SheetRead::Customers(Box::new(ReadCustomers {
                head,
                lay,
                part,
                data_rows,
            }));
        }
    }
}

/// True when a workbook's sheet names are those custseg writes in its result (客户明细, 数据质量,
/// 参数, or their English names): such a file is an earlier result, to be given with --previous.
fn is_own_result(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|s| s == n);
    (has("客户明细") && has("数据质量") && has("参数"))
        || (has("Customers") && has("Data Quality") && has("Settings"))
}

impl read::RowSink for FileSink<'_> {
    fn include_hidden(&self) -> bool {
        self.include_hidden
    }

    fn hidden_sheet(&mut self, name: &str, very: bool) {
        self.names.push(name.to_string());
        self.hidden.push((name.to_string(), very));
    }

    fn sheet(&mut self, name: &str) {
        self.names.push(name.to_string());
        self.settle();
        self.pending = Some(RawSheet {
            file: self.file.clone(),
            sheet: name.to_string(),
            ..RawSheet::default()
        });
    }

    fn row(&mut self, number: u32, cells: &[Cell]) {
        if let Some(head) = &mut self.pending {
            head.push_row(number, cells.to_vec());
            if head.rows.len() >= HEADER_SCAN_ROWS {
                self.settle();
            }
            return;
        }
        match self.sheets.last_mut() {
            Some(SheetRead::Whole(sheet)) => sheet.push_row(number, cells.to_vec()),
            Some(SheetRead::Streamed(st)) => {
                st.data_rows += usize::from(st.part.detail_row(&st.cols, number, cells));
            }
            // Made only once the file is read.
            Some(SheetRead::Customers(_)) | None => {}
        }
    }
}
