//! Sentences of the errors: every [`Cause`] an [`crate::Error`] carries, worded at the edge in
//! the run's language.

#[allow(unused_imports)]
use super::*;
use crate::error::Cause;

/// The one sentence for an error's cause, in `lang`.
pub fn error_sentence(lang: Lang, cause: &Cause) -> String {
    match cause {
        Cause::Said(sentence) => sentence.clone(),
        Cause::CannotOpen { file, why } => read_cannot_open(lang, file, *why),
        Cause::Empty { file } => read_empty(lang, file),
        Cause::NotSpreadsheet { file } => read_not_spreadsheet(lang, file),
        Cause::Encrypted { file } => read_encrypted(lang, file),
        Cause::Corrupt { file } => read_corrupt(lang, file),
        Cause::TooLarge { file, bytes, cells } => read_too_large(lang, file, *bytes, *cells),
        Cause::OtherFormat { file, format } => read_other_format(lang, file, format),
        Cause::OwnResult { file } => read_own_result(lang, file),
        Cause::NoCodeColumn { files, columns } => {
            read_no_code_column(lang, &files.join(lang.pick("、", ", ")), columns)
        }
        Cause::DetailsUnjoined { .. } => details_unjoined(lang, cause),
        Cause::ProfileUnreadable { file, why } => crate::say!(
            lang,
            "无法读取评分方案文件 {}：{}。内置方案有 software、decoration。",
            "Cannot read the profile file {}: {}. Built-in profiles: software, decoration.",
            file,
            open_cause(lang, *why)
        ),
        Cause::FolderUnreadable { folder } => folder_unreadable(lang, folder),
        Cause::FolderEmpty { folder } => folder_empty(lang, folder),
        Cause::OutputFolder { folder, why } => output_folder_failed(lang, folder, *why),
        Cause::OutputNoName { target } => output_no_name(lang, target),
        Cause::WorkbookFailed => workbook_internal_error(lang),
        Cause::FontUnreadable { file, why } => crate::say!(
            lang,
            "无法读取字体文件“{}”：{}。",
            "Cannot read the font file \"{}\": {}.",
            file,
            open_cause(lang, *why)
        ),
        Cause::SnapshotUnreadable { file } => snapshot_unreadable(lang, file),
        Cause::SnapshotNoSheet { file } => snapshot_no_sheet(lang, file),
        Cause::SnapshotMissingColumn {
            file,
            sheet,
            column,
        } => snapshot_missing_column(lang, file, sheet, lang.pick(column.0, column.1)),
        Cause::SnapshotBadTier {
            file,
            sheet,
            row,
            column,
            value,
        } => snapshot_bad_tier(lang, file, sheet, *row, column, value),
        Cause::SnapshotBadScore {
            file,
            sheet,
            row,
            column,
            value,
        } => snapshot_bad_score(lang, file, sheet, *row, column, value),
        Cause::SnapshotEmpty { file, sheet } => snapshot_empty(lang, file, sheet),
        Cause::NoCustomerRows { files } => no_customer_rows(lang, files),
        Cause::OnlySuppliers { files, suppliers } => only_suppliers(lang, files, *suppliers),
        Cause::PreviousNotEarlier {
            file,
            previous,
            current,
        } => previous_not_earlier(
            lang,
            file,
            &previous.format("%Y-%m-%d").to_string(),
            &current.format("%Y-%m-%d").to_string(),
        ),
        Cause::CompareSwapped {
            previous,
            previous_period,
            current,
            current_period,
        } => compare_swapped(lang, previous, previous_period, current, current_period),
        Cause::CompareSamePeriod {
            previous,
            current,
            period,
        } => compare_same_period(lang, previous, current, period),
    }
}

/// The paragraph that stops a run whose detail sheet mostly joins nothing: the sheet, the
/// share, three codes from each side and the likely cause.
fn details_unjoined(lang: Lang, cause: &Cause) -> String {
    let Cause::DetailsUnjoined {
        file,
        sheet,
        unjoined,
        rows,
        detail_codes,
        customer_codes,
        same_form,
    } = cause
    else {
        return String::new();
    };
    let likely = if *same_form {
        join_cause_other_customers(lang)
    } else {
        join_cause_other_format(lang)
    };
    let sep = lang.pick("、", ", ");
    join_stop(
        lang,
        file,
        sheet,
        *unjoined,
        *rows,
        &detail_codes.join(sep),
        &customer_codes.join(sep),
        &likely,
    )
}

/// No customer row in any input: nothing can be classified.
pub fn no_customer_rows(lang: Lang, files: &[String]) -> String {
    crate::say!(
        lang,
        "{} 中没有任何客户数据行（只有表头或全部被剔除），无法分类；可先用 custseg check 查看原因。",
        "{} holds no customer rows (only headers, or every row was rejected), so nothing can be classified; custseg check shows why.",
        files.join(lang.pick("、", ", "))
    )
}

/// Exit 1: every row of the inputs is a supplier (往来单位类型), so there is no customer.
pub fn only_suppliers(lang: Lang, files: &[String], suppliers: usize) -> String {
    crate::say!(
        lang,
        "{} 中的 {} 行都是供应商（往来单位类型为供应商），没有客户，无法分类；请导出客户档案，或导出包含客户的往来单位后重试。",
        "{}: all {} rows are suppliers (their party type is supplier), so there is no customer to classify; export the customer list, or the 往来单位 list with its customers, and try again.",
        files.join(lang.pick("、", ", ")),
        suppliers
    )
}

/// The result workbook could not be built and the system gave no cause.
pub fn workbook_internal_error(lang: Lang) -> String {
    crate::say!(
        lang,
        "无法生成结果工作簿（内部错误，加 --verbose 可查看详情）。",
        "Could not build the result workbook (an internal error; --verbose shows the details)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, IoCause};
    use std::path::PathBuf;

    fn file(name: &str) -> String {
        name.to_string()
    }

    /// Every variant's sentence, word for word in both languages.
    fn cases() -> Vec<(Cause, &'static str, &'static str)> {
        vec![
            (
                Cause::Said("原话。".into()),
                "原话。",
                "原话。",
            ),
            (
                Cause::CannotOpen { file: file("a.xlsx"), why: IoCause::NotFound },
                "无法打开文件 a.xlsx：文件不存在。",
                "Cannot open the file a.xlsx: the file does not exist.",
            ),
            (
                Cause::Empty { file: file("a.csv") },
                "文件 a.csv 是空的，没有可读取的数据。",
                "The file a.csv is empty: there is no data to read.",
            ),
            (
                Cause::NotSpreadsheet { file: file("a.xlsx") },
                "文件 a.xlsx 不是电子表格（支持 .xlsx .xlsm .xlsb .xls .ods .csv .txt）。",
                "The file a.xlsx is not a spreadsheet (supported: .xlsx .xlsm .xlsb .xls .ods .csv .txt).",
            ),
            (
                Cause::Encrypted { file: file("a.xlsx") },
                "文件 a.xlsx 设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存再试。",
                "The file a.xlsx is password-protected (encrypted) and cannot be read; remove the password in Excel, save it again and retry.",
            ),
            (
                Cause::Corrupt { file: file("a.xlsx") },
                "文件 a.xlsx 已损坏或不完整（可能没有下载或保存完整），无法读取。",
                "The file a.xlsx is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read.",
            ),
            (
                Cause::TooLarge { file: file("a.xlsx"), bytes: 2 << 30, cells: 50_000_000 },
                "文件 a.xlsx 太大，无法安全读入内存（上限：解压后 2 GB，或单个工作表 5000 万个单元格）。",
                "The file a.xlsx is too large to read safely into memory (limits: 2 GB uncompressed, or 50 million cells in one sheet).",
            ),
            (
                Cause::OtherFormat { file: file("a.xls"), format: "SYLK" },
                "文件 a.xls 实际是 SYLK 格式（不是 Excel 工作簿），custseg 无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。",
                "The file a.xls is really in SYLK format (not an Excel workbook), which custseg cannot read; open it in Excel or WPS, save it as .xlsx and retry.",
            ),
            (
                Cause::OwnResult { file: file("a_客户分类.xlsx") },
                "a_客户分类.xlsx 是 custseg 生成的结果工作簿，不是 ERP 导出数据。如需与上期结果对比，请用 --previous a_客户分类.xlsx 指定它。",
                "a_客户分类.xlsx is a result workbook written by custseg, not an ERP export. To compare with an earlier result, give it with --previous a_客户分类.xlsx.",
            ),
            (
                Cause::NoCodeColumn {
                    files: vec![file("a.xlsx"), file("b.xlsx")],
                    columns: vec!["名称".into(), "金额".into()],
                },
                "在 a.xlsx、b.xlsx 的所有工作表中都没有找到客户编码列（如“客户编码”“客户编号”）；找到的列有：名称、金额。",
                "No customer-code column (such as 客户编码 or \"customer code\") was found in any sheet of a.xlsx, b.xlsx; the columns found are: 名称, 金额.",
            ),
            (
                Cause::DetailsUnjoined {
                    file: file("b.xlsx"),
                    sheet: "明细".into(),
                    unjoined: 3,
                    rows: 4,
                    detail_codes: vec!["X1".into(), "X2".into()],
                    customer_codes: vec!["C1".into()],
                    same_form: true,
                },
                "b.xlsx / 明细：4 行中有 3 行（75%）的客户编码在客户档案中找不到，结果不可信，未写出任何文件。明细中的编码如 X1、X2；客户档案中的编码如 C1。可能的原因：两边编码格式相同却对不上，明细可能属于另一家公司、另一个账套或另一期的客户档案。请核对编码后重试，或只用客户档案运行。",
                "b.xlsx / 明细: 3 of 4 rows (75%) carry a customer code that is in no customers sheet, so the result could not be right and nothing was written. Codes in the details: X1, X2; codes in the customers sheet: C1. Likely cause: the codes look alike but do not match: the details may belong to another company, another ledger or another period's customer list. Check the codes and try again, or run with the customers file alone.",
            ),
            (
                Cause::ProfileUnreadable { file: file("my.toml"), why: IoCause::NotFound },
                "无法读取评分方案文件 my.toml：文件不存在。内置方案有 software、decoration。",
                "Cannot read the profile file my.toml: the file does not exist. Built-in profiles: software, decoration.",
            ),
            (
                Cause::FolderUnreadable { folder: PathBuf::from("in") },
                "无法读取文件夹 in 的内容（没有权限或文件夹已不存在）。",
                "Cannot list the folder in (no permission, or it is gone).",
            ),
            (
                Cause::FolderEmpty { folder: PathBuf::from("in") },
                "文件夹 in 中没有可读取的表格文件（.xlsx .xls .xlsb .xlsm .ods .csv .txt；custseg 的结果文件不计）。",
                "The folder in holds no spreadsheet to read (.xlsx .xls .xlsb .xlsm .ods .csv .txt; custseg's own results do not count).",
            ),
            (
                Cause::OutputFolder { folder: PathBuf::from("out"), why: IoCause::Full },
                "无法写入输出文件夹 out：磁盘已满，未写出任何文件。请用 -o 指定另一个可以写入的文件夹。",
                "Cannot write into the output folder out: the disk is full; nothing was written. Choose another folder with -o DIR.",
            ),
            (
                Cause::OutputNoName { target: PathBuf::from("out/r.pdf") },
                "无法写入 r.pdf（文件夹 out）：同名文件及其编号副本都无法使用。请移走这些文件，或用 -o 指定另一个文件夹。",
                "Cannot write r.pdf (folder out): that name and its numbered copies are all taken. Move those files, or choose another folder with -o DIR.",
            ),
            (
                Cause::WorkbookFailed,
                "无法生成结果工作簿（内部错误，加 --verbose 可查看详情）。",
                "Could not build the result workbook (an internal error; --verbose shows the details).",
            ),
            (
                Cause::FontUnreadable { file: "fonts/simhei.ttf".into(), why: IoCause::NotFound },
                "无法读取字体文件“fonts/simhei.ttf”：文件不存在。",
                "Cannot read the font file \"fonts/simhei.ttf\": the file does not exist.",
            ),
            (
                Cause::SnapshotUnreadable { file: file("p.xlsx") },
                "无法打开上期结果工作簿 p.xlsx：文件不存在、已损坏或不是 .xlsx 工作簿。",
                "Could not open the previous result workbook p.xlsx: it is missing, damaged or not an .xlsx workbook.",
            ),
            (
                Cause::SnapshotNoSheet { file: file("p.xlsx") },
                "p.xlsx 不是 custseg 的结果工作簿：找不到“客户明细”（或 Customers）工作表。请选择 custseg 生成的“…_客户分类.xlsx”。",
                "p.xlsx is not a custseg result workbook: it has no 客户明细 (Customers) sheet. Choose a “…_segments.xlsx” written by custseg.",
            ),
            (
                Cause::SnapshotMissingColumn {
                    file: file("p.xlsx"),
                    sheet: "客户明细".into(),
                    column: ("客户等级", "Tier"),
                },
                "p.xlsx 不是完整的 custseg 结果工作簿：“客户明细”工作表第 1 行没有“客户等级”列。",
                "p.xlsx is not a complete custseg result workbook: sheet “客户明细” has no “Tier” column in row 1.",
            ),
            (
                Cause::SnapshotBadTier {
                    file: file("p.xlsx"),
                    sheet: "客户明细".into(),
                    row: 7,
                    column: "客户等级".into(),
                    value: "VIP".into(),
                },
                "p.xlsx 的“客户明细”工作表第 7 行“客户等级”列的值“VIP”不是客户等级（应为 核心客户 / 潜力客户 / 一般客户）。",
                "p.xlsx, sheet “客户明细”, row 7, column “客户等级”: “VIP” is not a tier (expected Core / Potential / General).",
            ),
            (
                Cause::SnapshotBadScore {
                    file: file("p.xlsx"),
                    sheet: "客户明细".into(),
                    row: 7,
                    column: "综合得分".into(),
                    value: "高".into(),
                },
                "p.xlsx 的“客户明细”工作表第 7 行“综合得分”列的值“高”不是数字。",
                "p.xlsx, sheet “客户明细”, row 7, column “综合得分”: “高” is not a number.",
            ),
            (
                Cause::NoCustomerRows { files: vec![file("a.xlsx"), file("b.xlsx")] },
                "a.xlsx、b.xlsx 中没有任何客户数据行（只有表头或全部被剔除），无法分类；可先用 custseg check 查看原因。",
                "a.xlsx, b.xlsx holds no customer rows (only headers, or every row was rejected), so nothing can be classified; custseg check shows why.",
            ),
            (
                Cause::OnlySuppliers { files: vec![file("往来单位.xlsx")], suppliers: 6 },
                "往来单位.xlsx 中的 6 行都是供应商（往来单位类型为供应商），没有客户，无法分类；请导出客户档案，或导出包含客户的往来单位后重试。",
                "往来单位.xlsx: all 6 rows are suppliers (their party type is supplier), so there is no customer to classify; export the customer list, or the 往来单位 list with its customers, and try again.",
            ),
            (
                Cause::PreviousNotEarlier {
                    file: file("p.xlsx"),
                    previous: chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                    current: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
                },
                "p.xlsx 的基准日是 2026-09-30，不早于本次的 2026-06-30，不能作为上期结果；请换成更早一期的结果，或去掉 --previous。",
                "p.xlsx is as of 2026-09-30, not earlier than this run's 2026-06-30, so it cannot be the previous result; give an earlier result, or leave out --previous.",
            ),
            (
                Cause::CompareSwapped {
                    previous: file("q3.xlsx"),
                    previous_period: "2026Q3, 2026-09-30".into(),
                    current: file("q2.xlsx"),
                    current_period: "2026Q2, 2026-06-30".into(),
                },
                "上期文件 q3.xlsx（2026Q3, 2026-09-30）不早于本期文件 q2.xlsx（2026Q2, 2026-06-30）：两个文件的顺序可能颠倒了。请先写上一期，再写本期：custseg compare q2.xlsx q3.xlsx",
                "The previous file q3.xlsx (2026Q3, 2026-09-30) is not earlier than the current file q2.xlsx (2026Q2, 2026-06-30): the two may be swapped. Give the earlier one first: custseg compare q2.xlsx q3.xlsx",
            ),
            (
                Cause::CompareSamePeriod {
                    previous: file("a.xlsx"),
                    current: file("b.xlsx"),
                    period: "2026Q3, 2026-09-30".into(),
                },
                "a.xlsx 和 b.xlsx 的基准日相同（2026Q3, 2026-09-30），无法比较季度变动；请给出两个不同季度的结果，先写上一期。",
                "a.xlsx and b.xlsx have the same as-of date (2026Q3, 2026-09-30), so there is no change between quarters to show; give two quarters' results, the earlier one first.",
            ),
            (
                Cause::SnapshotEmpty { file: file("p.xlsx"), sheet: "Customers".into() },
                "p.xlsx 的“Customers”工作表中没有客户，无法与之对比。",
                "Sheet “Customers” of p.xlsx holds no customer to compare with.",
            ),
        ]
    }

    #[test]
    fn every_cause_is_one_sentence_in_both_languages() {
        for (cause, zh, en) in cases() {
            assert_eq!(error_sentence(Lang::Zh, &cause), zh, "{cause:?}");
            assert_eq!(error_sentence(Lang::En, &cause), en, "{cause:?}");
            let err = Error::input(cause);
            assert_eq!(err.message(Lang::Zh), zh);
            assert_eq!(err.to_string(), zh, "Display is the Chinese sentence");
        }
    }

    #[test]
    fn every_reading_cause_of_the_system_is_said_in_our_words() {
        let cases = [
            (IoCause::NotFound, "文件不存在", "the file does not exist"),
            (
                IoCause::Permission,
                "没有读取该文件的权限",
                "permission to read it is denied",
            ),
            (
                IoCause::IsFolder,
                "这是一个文件夹，不是文件",
                "it is a folder, not a file",
            ),
            (
                IoCause::InUse,
                "文件正被其他程序占用或锁定，请关闭该程序后重试",
                "another program holds or locks it; close that program and retry",
            ),
            (IoCause::Full, "磁盘已满", "the disk is full"),
            (
                IoCause::TooLong,
                "文件名或路径无效或过长",
                "its name or path is not valid or too long",
            ),
            (
                IoCause::Other,
                "系统无法打开该文件（加 --verbose 可查看系统给出的原因）",
                "the system cannot open it (--verbose shows the system's reason)",
            ),
            (
                IoCause::Quota,
                "系统无法打开该文件（加 --verbose 可查看系统给出的原因）",
                "the system cannot open it (--verbose shows the system's reason)",
            ),
            (
                IoCause::ReadOnly,
                "系统无法打开该文件（加 --verbose 可查看系统给出的原因）",
                "the system cannot open it (--verbose shows the system's reason)",
            ),
        ];
        for (why, zh, en) in cases {
            let cause = Cause::CannotOpen {
                file: file("a.xlsx"),
                why,
            };
            assert_eq!(
                error_sentence(Lang::Zh, &cause),
                format!("无法打开文件 a.xlsx：{zh}。")
            );
            assert_eq!(
                error_sentence(Lang::En, &cause),
                format!("Cannot open the file a.xlsx: {en}.")
            );
        }
    }

    #[test]
    fn every_system_error_kind_maps_to_a_cause_of_ours() {
        use std::io::{Error as IoError, ErrorKind as K};
        let cases = [
            (K::NotFound, IoCause::NotFound),
            (K::PermissionDenied, IoCause::Permission),
            (K::IsADirectory, IoCause::IsFolder),
            (K::ResourceBusy, IoCause::InUse),
            (K::StorageFull, IoCause::Full),
            (K::InvalidFilename, IoCause::TooLong),
            (K::ReadOnlyFilesystem, IoCause::ReadOnly),
            (K::QuotaExceeded, IoCause::Quota),
            (K::InvalidData, IoCause::Other),
            (K::Other, IoCause::Other),
        ];
        for (kind, want) in cases {
            assert_eq!(IoCause::of(&IoError::from(kind)), want, "{kind:?}");
        }
        // The system's numbers, where the kind alone would not say it.
        if !cfg!(windows) {
            assert_eq!(IoCause::of(&IoError::from_raw_os_error(28)), IoCause::Full);
            assert_eq!(
                IoCause::of(&IoError::from_raw_os_error(2)),
                IoCause::NotFound
            );
            assert_eq!(
                IoCause::of(&IoError::from_raw_os_error(13)),
                IoCause::Permission
            );
            assert_eq!(
                IoCause::of(&IoError::from_raw_os_error(21)),
                IoCause::IsFolder
            );
            assert_eq!(IoCause::of(&IoError::from_raw_os_error(16)), IoCause::InUse);
        }
    }
}
