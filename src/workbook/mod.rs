//! Stage 6, write workbook: the annotated result workbook of SPEC §5, built as bytes.
//!
//! Promises: the sheets of SPEC §5 in their order with their fixed names and derived headers
//! (zh or en); every customer exactly once in 客户明细; text from the input written as text,
//! never as a formula; the big sheets written row by row in constant-memory mode, so 100 000
//! customers take seconds and little memory; a workbook that custseg can read back
//! (`compare::read_snapshot`).

pub mod columns;
mod customers;
mod owners;
pub mod reading;
mod sheets;
mod styles;
mod summary;
mod trade;
mod typed;

use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::figures::Figures;
use crate::messages;
use crate::model::{Analysis, Lang, Migration};

/// Sheet 概览 / Summary.
pub const SUMMARY_SHEET: (&str, &str) = ("概览", "Summary");
/// Sheet 客户明细 / Customers.
pub const CUSTOMERS_SHEET: (&str, &str) = ("客户明细", "Customers");
/// Sheet 聚类分析 / Clusters.
pub const CLUSTERS_SHEET: (&str, &str) = ("聚类分析", "Clusters");
/// Sheet 季度变动 / Migration.
pub const MIGRATION_SHEET: (&str, &str) = ("季度变动", "Migration");
/// Sheet 数据质量 / Data Quality.
pub const QUALITY_SHEET: (&str, &str) = ("数据质量", "Data Quality");
/// Sheet 参数 / Settings.
pub const SETTINGS_SHEET: (&str, &str) = ("参数", "Settings");

/// Headers of the code and name columns custseg adds itself when the input had no customers
/// sheet (`Dataset::code_column` is None).
pub const OWN_CODE_HEADER: (&str, &str) = ("客户编码", "Customer Code");
/// See [`OWN_CODE_HEADER`].
pub const OWN_NAME_HEADER: (&str, &str) = ("客户名称", "Customer Name");

/// Label (column A of 参数) of the row naming the customer-code column of 客户明细; `compare`
/// reads column B of that row to find the codes again.
pub const CODE_COLUMN_KEY: (&str, &str) = ("客户明细的客户编码列", "Customer code column");
/// Label of the row naming the customer-name column of 客户明细.
pub const NAME_COLUMN_KEY: (&str, &str) = ("客户明细的客户名称列", "Customer name column");

/// Picks one of the (zh, en) pairs above.
pub fn pick(pair: (&'static str, &'static str), lang: Lang) -> &'static str {
    lang.pick(pair.0, pair.1)
}

/// Builds the result workbook from the analysis and its figures (`Figures::of(analysis)`,
/// computed once by the caller and shared with the report).
///
/// # Errors
/// An output error when rust_xlsxwriter fails (e.g. the temporary folder that constant-memory
/// sheets use is not writable).
///
/// # Examples
/// ```
/// let analysis = custseg::testdata::analysis(20, custseg::model::Lang::Zh);
/// let figures = custseg::figures::Figures::of(&analysis);
/// let bytes = custseg::workbook::build(&analysis, &figures).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn build(analysis: &Analysis, figures: &Figures) -> Result<Vec<u8>> {
    let mut wb = fill(analysis, figures)?;
    wb.save_to_buffer()
        .map_err(|e| failed(analysis.run.lang, e))
}

/// Writes every sheet (客户明细 and the tier sheets on both cores), leaving the packing into a
/// file — deflate, on one core — to [`Written::save`], so that the caller can use the other
/// core meanwhile.
///
/// # Errors
/// An output error when rust_xlsxwriter fails.
pub fn written(analysis: &Analysis, figures: &Figures) -> Result<Written> {
    Ok(Written {
        wb: fill(analysis, figures)?,
    })
}

/// A workbook whose sheets are written (to rust_xlsxwriter's temporary files), not yet packed.
pub struct Written {
    wb: Workbook,
}

impl Written {
    /// Packs the workbook into the file at `path`, without holding it in memory.
    ///
    /// # Errors
    /// An output error when rust_xlsxwriter fails or the file cannot be written.
    pub fn save(mut self, path: &std::path::Path) -> Result<()> {
        self.wb
            .save(path)
            .map_err(|e| crate::output::save_failed(path, &e))
    }
}

fn failed(lang: Lang, e: XlsxError) -> Error {
    Error::output(messages::workbook_failed(lang, &e)).with_detail(e.to_string())
}

fn fill(analysis: &Analysis, figures: &Figures) -> Result<Workbook> {
    let lang = analysis.run.lang;
    prepare(lang, |wb| {
        let st = styles::Styles::new();
        wb.set_properties(
            &DocProperties::new()
                .set_title(lang.pick("客户分类结果", "Customer segments"))
                .set_comment(format!("custseg {}", analysis.run.version)),
        );
        summary::write(wb, analysis, figures, &st)?;
        customer_sheets(wb, analysis, &st)?;
        sheets::write_clusters(wb, analysis, &st)?;
        trade::write(wb, analysis, figures, &st)?;
        if let Some(migration) = &analysis.migration {
            sheets::write_migration(wb, migration, lang, &st)?;
        }
        reading::write_reading(wb, analysis, &st)?;
        sheets::write_quality(wb, analysis, &st)?;
        sheets::write_settings(wb, analysis, &st)?;
        owners::write(wb, analysis, figures, &st)?;
        Ok(())
    })
}

/// Writes 客户明细 and the three tier sheets — the bulk of the workbook — two at a time:
/// 客户明细 (every customer) on one thread, the tier sheets (every customer once more) on the
/// other. The sheets are added first, in their SPEC order, and the formats they use are
/// registered in a fixed order, so the workbook is the same whichever thread runs first.
fn customer_sheets(
    wb: &mut Workbook,
    analysis: &Analysis,
    st: &styles::Styles,
) -> std::result::Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let customers = &analysis.classification.customers;
    for format in &st.customer_sheet_formats() {
        wb.register_format(format);
    }
    let first = wb.worksheets().len();
    for _ in 0..=crate::model::Tier::ALL.len() {
        wb.add_worksheet_with_constant_memory()?;
    }
    let all: Vec<usize> = (0..customers.len()).collect();
    let tiers: Vec<(crate::model::Tier, Vec<usize>)> = crate::model::Tier::ALL
        .into_iter()
        .map(|tier| (tier, customers::tier_order(customers, tier)))
        .collect();
    let (whole, by_tier) = wb.worksheets_mut()[first..].split_at_mut(1);
    std::thread::scope(|scope| {
        let sheet = &mut whole[0];
        let list = scope.spawn(|| {
            customers::write(sheet, pick(CUSTOMERS_SHEET, lang), analysis, &all, None, st)
        });
        let mut result = Ok(());
        for (ws, (tier, order)) in by_tier.iter_mut().zip(&tiers) {
            result = result.and_then(|()| {
                customers::write(ws, tier.label(lang), analysis, order, Some(*tier), st)
            });
        }
        let listed = list.join().unwrap_or_else(|_| {
            Err(XlsxError::ParameterError(
                "the customer sheet could not be written".to_string(),
            ))
        });
        listed.and(result)
    })
}

/// Builds the workbook of `custseg compare`: the 季度变动 sheet alone, laid out as in the main
/// workbook.
///
/// # Errors
/// An output error when rust_xlsxwriter fails.
pub fn build_migration(migration: &Migration, lang: Lang) -> Result<Vec<u8>> {
    let mut wb = prepare(lang, |wb| {
        let st = styles::Styles::new();
        wb.set_properties(
            &DocProperties::new()
                .set_title(pick(MIGRATION_SHEET, lang))
                .set_comment(format!("custseg {}", env!("CARGO_PKG_VERSION"))),
        );
        sheets::write_migration(wb, migration, lang, &st)
    })?;
    wb.save_to_buffer().map_err(|e| failed(lang, e))
}

/// The workbook's deflate level (1–9; rust_xlsxwriter's default is 6). Packing is the one part
/// of the run on a single core: level 2 packs the 5 000-customer workbook ~30 ms sooner than
/// level 3 for a file 10 % larger (5.1 MB instead of 4.7 MB); level 1 would be 35 ms sooner still
/// but 38 % larger (docs/performance.md).
const ZIP_LEVEL: u8 = 2;

fn prepare(
    lang: Lang,
    fill: impl FnOnce(&mut Workbook) -> std::result::Result<(), XlsxError>,
) -> Result<Workbook> {
    let mut wb = Workbook::new();
    // A low deflate level instead of 6: for 100 000 customers level 3 saved the workbook in
    // 11 s instead of 15 s, at 76 MB instead of 64 MB (scripts/bench.sh; docs/performance.md).
    wb.set_zip_compression_level(ZIP_LEVEL);
    fill(&mut wb).map_err(|e| failed(lang, e))?;
    Ok(wb)
}

#[cfg(test)]
mod tests;
