//! Sentences of the reading stages: read/, extract/, values, aggregate — what was read and what was doubtful.

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── reading (read.rs, extract.rs, values.rs, aggregate.rs) ─────────────────────────────

/// A file that cannot be opened at all, and why in our words (the system's own words, English
/// whatever the language, go to `--verbose`).
pub fn read_cannot_open(lang: Lang, file: &str, why: crate::error::IoCause) -> String {
    crate::say!(
        lang,
        "无法打开文件 {}：{}。",
        "Cannot open the file {}: {}.",
        file,
        open_cause(lang, why)
    )
}

/// Why the system could not open a file for reading, in a few words of ours.
pub fn open_cause(lang: Lang, why: crate::error::IoCause) -> &'static str {
    use crate::error::IoCause;
    match why {
        IoCause::NotFound => lang.pick("文件不存在", "the file does not exist"),
        IoCause::Permission => lang.pick("没有读取该文件的权限", "permission to read it is denied"),
        IoCause::IsFolder => lang.pick("这是一个文件夹，不是文件", "it is a folder, not a file"),
        IoCause::InUse => lang.pick(
            "文件正被其他程序占用或锁定，请关闭该程序后重试",
            "another program holds or locks it; close that program and retry",
        ),
        IoCause::Full => lang.pick("磁盘已满", "the disk is full"),
        IoCause::TooLong => lang.pick(
            "文件名或路径无效或过长",
            "its name or path is not valid or too long",
        ),
        IoCause::Quota | IoCause::ReadOnly | IoCause::Other => lang.pick(
            "系统无法打开该文件（加 --verbose 可查看系统给出的原因）",
            "the system cannot open it (--verbose shows the system's reason)",
        ),
    }
}

/// A file with nothing in it.
pub fn read_empty(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 是空的，没有可读取的数据。",
        "The file {} is empty: there is no data to read.",
        file
    )
}

/// A file that is not a spreadsheet or delimited text.
pub fn read_not_spreadsheet(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 不是电子表格（支持 .xlsx .xlsm .xlsb .xls .ods .csv .txt）。",
        "The file {} is not a spreadsheet (supported: .xlsx .xlsm .xlsb .xls .ods .csv .txt).",
        file
    )
}

/// A password-protected workbook.
pub fn read_encrypted(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存再试。",
        "The file {} is password-protected (encrypted) and cannot be read; remove the password in Excel, save it again and retry.",
        file
    )
}

/// A truncated or damaged workbook (the reader's words go to `--verbose`).
pub fn read_corrupt(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 已损坏或不完整（可能没有下载或保存完整），无法读取。",
        "The file {} is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read.",
        file
    )
}

/// A workbook beyond the memory limits.
pub fn read_too_large(lang: Lang, file: &str, bytes: u64, cells: u64) -> String {
    crate::say!(
        lang,
        "文件 {} 太大，无法安全读入内存（上限：解压后 {} GB，或单个工作表 {} 万个单元格）。",
        "The file {} is too large to read safely into memory (limits: {} GB uncompressed, or {} million cells in one sheet).",
        file,
        bytes >> 30,
        match lang { Lang::Zh => cells / 10_000, Lang::En => cells / 1_000_000 }
    )
}

/// No sheet of any input has a customer-code column: the files, and the headers found (at most
/// ten, each on one line and cut to twenty characters, so that the message stays one line).
pub fn read_no_code_column(lang: Lang, files: &str, columns: &[String]) -> String {
    crate::say!(
        lang,
        "在 {} 的所有工作表中都没有找到客户编码列（如“客户编码”“客户编号”）；找到的列有：{}。",
        "No customer-code column (such as 客户编码 or \"customer code\") was found in any sheet of {}; the columns found are: {}.",
        files,
        headers_shown(lang, columns)
    )
}

// ─────────────────── reading: doubtful input said (issue 14, part A) ───────────────────

/// Finding: a hidden sheet was not read.
pub fn read_sheet_hidden(lang: Lang) -> String {
    crate::say!(
        lang,
        "隐藏的工作表，未读取（如需读取，请加 --include-hidden）",
        "a hidden sheet, not read (add --include-hidden to read it)"
    )
}

/// Error: a custseg result workbook was given as input.
pub fn read_own_result(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "{} 是 custseg 生成的结果工作簿，不是 ERP 导出数据。如需与上期结果对比，请用 --previous {} 指定它。",
        "{} is a result workbook written by custseg, not an ERP export. To compare with an earlier result, give it with --previous {}.",
        file,
        file
    )
}

// ─────────────────── what was read, shown (issue 14, part C) ───────────────────

/// The read map: a sheet that was read, its role, header row and data rows.
pub fn shown_sheet(
    lang: Lang,
    file: &str,
    sheet: &str,
    role: &str,
    header: u32,
    rows: usize,
) -> String {
    crate::say!(
        lang,
        "读取 {} / {}：{}，表头第 {} 行，数据 {} 行",
        "Read {} / {}: {}, header on row {}, {} data rows",
        file,
        sheet,
        role,
        header,
        rows
    )
}

/// The read map: the column → field pairs of a sheet.
pub fn shown_columns(lang: Lang, pairs: &str) -> String {
    crate::say!(lang, "  列 → 字段：{}", "  column → field: {}", pairs)
}

/// The read map: the columns of a sheet that mean no field.
pub fn shown_unrecognised(lang: Lang, columns: &str) -> String {
    crate::say!(
        lang,
        "  未识别的列：{}",
        "  columns not recognised: {}",
        columns
    )
}

/// The read map: a sheet that was not read, and why.
pub fn shown_skipped(lang: Lang, file: &str, sheet: &str, why: &str) -> String {
    crate::say!(
        lang,
        "跳过 {} / {}：{}",
        "Skipped {} / {}: {}",
        file,
        sheet,
        why
    )
}

/// The read map: why a sheet without a finding was not read (说明 text, no data columns).
pub fn shown_no_data(lang: Lang) -> String {
    crate::say!(lang, "说明文字，没有数据列", "notes, no data columns")
}

/// The read map: the "field" of a column that means no field but that a report table groups
/// customers by.
pub fn shown_column_grouping(lang: Lang) -> String {
    crate::say!(lang, "报告分组", "report grouping")
}

/// The read map: the note on such a column, naming the report's table.
pub fn shown_column_grouped(lang: Lang, table: &str) -> String {
    crate::say!(
        lang,
        "报告“{}”表按此列分组",
        "the report's “{}” table groups customers by it",
        table
    )
}

/// The read map: the note on a column that means no field.
pub fn shown_column_unused(lang: Lang) -> String {
    crate::say!(lang, "未识别，未使用", "not recognised, not used")
}

/// The PDF's 数据质量 summary of the read map: files, sheets and rows.
pub fn shown_pdf_summary(
    lang: Lang,
    files: usize,
    sheets: usize,
    unrecognised: usize,
    skipped: usize,
) -> String {
    crate::say!(
        lang,
        "读取文件 {} 个、工作表 {} 张；未识别的列 {} 个，跳过的工作表 {} 张。每列对应的字段见工作簿“读取记录”表。",
        "Files read: {}, sheets read: {}; columns not recognised: {}, sheets skipped: {}. The workbook's Reading sheet gives each column's field.",
        files,
        sheets,
        unrecognised,
        skipped
    )
}

// ───────────────────────────── issue 15: every real spreadsheet opens (read/) ─────────────────────────────

/// A file in a spreadsheet format custseg recognises but does not read (SYLK, DIF), often
/// saved with an .xls name.
pub fn read_other_format(lang: Lang, file: &str, format: &str) -> String {
    crate::say!(
        lang,
        "文件 {} 实际是 {} 格式（不是 Excel 工作簿），custseg 无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。",
        "The file {} is really in {} format (not an Excel workbook), which custseg cannot read; open it in Excel or WPS, save it as .xlsx and retry.",
        file,
        format
    )
}

/// Why the reader left a sheet out (a hidden sheet), as the read map says it: the words of the
/// sheet's `SheetSkipped` finding.
pub fn reader_skipped(lang: Lang, why: &crate::model::SkipWhy) -> String {
    let finding = crate::model::Finding {
        file: String::new(),
        sheet: String::new(),
        row: None,
        column: None,
        value: String::new(),
        issue: crate::model::Issue::SheetSkipped { why: why.clone() },
        rejected: false,
    };
    finding_problem(lang, &finding)
}
