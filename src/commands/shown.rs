//! Commands stage, what was read, shown: the read map — per file and sheet its role, header
//! row, data rows, column → field pairs, the columns not recognised, and the sheets skipped with
//! why — as a few compact lines for `check`'s output and the start of a run on stderr.

use crate::messages as msg;
use crate::model::{Dataset, Lang, SheetRole};
use crate::profile::ReportSettings;
use crate::workbook::reading::{field_label, file_name, one_line, why_skipped};

/// The read map as lines: per sheet read, one line (role, header row, data rows), one of its
/// column → field pairs and one of the columns not recognised; per sheet skipped, one line.
pub fn lines(dataset: &Dataset, report: &ReportSettings, lang: Lang) -> Vec<String> {
    let sep = lang.pick("、", ", ");
    let mut out = Vec::new();
    for input in &dataset.inputs {
        let file = file_name(&input.path);
        for info in &input.sheets {
            if let Some(why) = why_skipped(dataset, input, info, lang) {
                out.push(msg::shown_skipped(lang, &file, &info.name, &why));
                continue;
            }
            let role = info.role.label(lang);
            out.push(msg::shown_sheet(
                lang,
                &file,
                &info.name,
                role,
                info.header_row,
                info.data_rows,
            ));
            // A column a report table groups by is shown as used, though it means no field.
            let (grouped, unused): (Vec<&String>, Vec<&String>) = info
                .unrecognised
                .iter()
                .partition(|h| report.group_by_column(h).is_some());
            let grouping = msg::shown_column_grouping(lang);
            let pairs: Vec<String> = info
                .columns
                .iter()
                .map(|(header, field)| pair(header, &field_label(field, lang)))
                .chain(grouped.iter().map(|header| pair(header, &grouping)))
                .collect();
            if !pairs.is_empty() {
                out.push(msg::shown_columns(lang, &pairs.join(sep)));
            }
            if !unused.is_empty() && info.role != SheetRole::Ignored {
                let names: Vec<String> = unused.iter().map(|h| one_line(h)).collect();
                out.push(msg::shown_unrecognised(lang, &names.join(sep)));
            }
        }
    }
    out
}

/// "列→字段", or the header alone when it is the field's own name.
fn pair(header: &str, field: &str) -> String {
    let header = one_line(header);
    if header == field {
        header
    } else {
        format!("{header}→{field}")
    }
}

/// Prints the read map on stderr (a closed stderr is not an error).
pub fn print_stderr(dataset: &Dataset, report: &ReportSettings, lang: Lang) {
    for line in lines(dataset, report, lang) {
        crate::console::errln(&line);
    }
}
