//! Every sentence custseg says to a person, in Chinese and English, in one place.
//!
//! Each stage has its own section below; add a stage's sentences inside its section only.

use crate::model::Lang;

/// Formats one sentence in the run's language.
#[macro_export]
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::model::Lang::Zh => format!($zh $(, $arg)*),
            $crate::model::Lang::En => format!($en $(, $arg)*),
        }
    };
}

// ───────────────────────────── command line and run (lib.rs, main.rs) ─────────────────────────────

/// The short usage shown when custseg is started with no argument (a double-click).
pub fn usage_no_args(lang: Lang) -> &'static str {
    lang.pick(
        "custseg 客户分类与管理报告\n\n用法：把客户档案（.xlsx/.xls/.csv）拖到 custseg 上，或在命令行运行：\n  custseg 客户档案.xlsx\n  custseg 客户档案.xlsx 销售明细.xlsx --previous 上季度_客户分类.xlsx\n  custseg sample 示例    （生成示例数据）\n  custseg --help         （全部选项）\n\n结果（客户分类.xlsx 和 管理报告.pdf）会写在输入文件旁边。",
        "custseg — customer segmentation and management report\n\nUsage: drag a customer workbook (.xlsx/.xls/.csv) onto custseg, or run:\n  custseg customers.xlsx --lang en\n  custseg customers.xlsx sales.xlsx --previous last_quarter_segments.xlsx --lang en\n  custseg sample samples    (write sample data)\n  custseg --help            (all options)\n\nThe outputs (segments .xlsx and report .pdf) are written next to the input.",
    )
}

/// Shown before waiting for Enter in a console window that custseg has to itself (Explorer).
pub fn press_enter_to_close(lang: Lang) -> &'static str {
    lang.pick("按回车键关闭窗口……", "Press Enter to close this window…")
}

// ───────────────────────────── reading (read.rs, extract.rs, values.rs, aggregate.rs) ─────────────────────────────

/// A file that cannot be opened at all.
pub fn read_cannot_open(lang: Lang, file: &str, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    // The system's own words are English whatever the language; the common cases are said here.
    let why = match err.kind() {
        ErrorKind::NotFound => lang
            .pick("文件不存在", "the file does not exist")
            .to_string(),
        ErrorKind::PermissionDenied => lang
            .pick("没有读取该文件的权限", "permission to read it is denied")
            .to_string(),
        ErrorKind::IsADirectory => lang
            .pick("这是一个文件夹，不是文件", "it is a folder, not a file")
            .to_string(),
        _ => err.to_string(),
    };
    crate::say!(
        lang,
        "无法打开文件 {}：{}。",
        "Cannot open the file {}: {}.",
        file,
        why
    )
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

/// A truncated or damaged workbook.
pub fn read_corrupt(lang: Lang, file: &str, detail: &str) -> String {
    if detail.is_empty() {
        crate::say!(
            lang,
            "文件 {} 已损坏或不完整（可能没有下载或保存完整），无法读取。",
            "The file {} is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read.",
            file
        )
    } else {
        crate::say!(
            lang,
            "文件 {} 已损坏或不完整，无法读取（{}）。",
            "The file {} is truncated or corrupt and cannot be read ({}).",
            file,
            detail
        )
    }
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

// ───────────────────────────── classification (classify.rs, size_standard.rs, industry.rs, recommend.rs) ─────────────────────────────

/// A bad profile: the file, the line and key when known, and the problem.
pub fn profile_error(
    lang: Lang,
    file: &str,
    line: Option<usize>,
    key: Option<&str>,
    problem: &str,
) -> String {
    let place = match (line, key) {
        (Some(l), Some(k)) => say!(lang, "第 {} 行（{}）", "line {} ({})", l, k),
        (Some(l), None) => say!(lang, "第 {} 行", "line {}", l),
        (None, Some(k)) => say!(lang, "设置项 {}", "key {}", k),
        (None, None) => String::new(),
    };
    if place.is_empty() {
        say!(
            lang,
            "评分方案 {} 有误：{}。",
            "The profile {} is invalid: {}.",
            file,
            problem
        )
    } else {
        say!(
            lang,
            "评分方案 {} {}有误：{}。",
            "The profile {} is invalid at {}: {}.",
            file,
            place,
            problem
        )
    }
}

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

/// How the clustering matrix was built, one sentence for `Clustering::imputation`: which
/// features had gaps filled with their median (feature short name, customers imputed), which
/// were left out because nobody had them or everybody had the same value, and the scaling.
pub fn cluster_method(
    lang: Lang,
    imputed: &[(&str, usize)],
    missing: &[&str],
    constant: &[&str],
    any_feature: bool,
) -> String {
    let list_sep = lang.pick("、", ", ");
    let mut parts = Vec::new();
    if !any_feature {
        parts.push(say!(
            lang,
            "没有可用于聚类的特征，全部客户归为一类",
            "no feature could be clustered on, so every customer is in one cluster"
        ));
    } else if imputed.is_empty() {
        parts.push(say!(
            lang,
            "聚类特征均无缺失，无需填补",
            "no clustering feature had missing values, so nothing was imputed"
        ));
    } else {
        let items: Vec<String> = imputed
            .iter()
            .map(|(name, count)| say!(lang, "{} {} 人", "{}: {} customers", name, count))
            .collect();
        parts.push(say!(
            lang,
            "缺失值按该特征的中位数填补（{}）",
            "missing values were filled with the feature's median ({})",
            items.join(list_sep)
        ));
    }
    if any_feature {
        parts.push(say!(
            lang,
            "金额与次数取对数，各特征标准化（z 分数）后聚类",
            "money and counts were log-transformed and every feature standardised (z-score)"
        ));
    }
    if !missing.is_empty() {
        parts.push(say!(
            lang,
            "{}全部缺失，未参与聚类",
            "{} missing for everyone, left out",
            missing.join(list_sep)
        ));
    }
    if !constant.is_empty() {
        parts.push(say!(
            lang,
            "{}所有客户相同，未参与聚类",
            "{} the same for everyone, left out",
            constant.join(list_sep)
        ));
    }
    let sentence = parts.join(lang.pick("；", "; "));
    match lang {
        Lang::Zh => format!("{sentence}。"),
        Lang::En => {
            let mut chars = sentence.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

/// The name of the one cluster when there is nothing to split (fewer than two customers or
/// no two different ones).
pub fn cluster_everyone(lang: Lang) -> &'static str {
    lang.pick("全部客户", "All customers")
}

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

/// The result workbook could not be built (a rust_xlsxwriter error, e.g. no writable temp
/// folder); the library's words go to `--verbose`, the cause is said when the system gave one.
pub fn workbook_failed(lang: Lang, err: &rust_xlsxwriter::XlsxError) -> String {
    match crate::output::io_error_in(err) {
        Some(io) => crate::say!(
            lang,
            "无法在临时文件夹中生成结果工作簿：{}。请检查临时文件夹是否可写、磁盘空间是否充足。",
            "Could not build the result workbook in the temporary folder: {}. Check that the temporary folder is writable and the disk is not full.",
            folder_cause(lang, io)
        ),
        None => crate::say!(
            lang,
            "无法生成结果工作簿（内部错误，加 --verbose 可查看详情）。",
            "Could not build the result workbook (an internal error; --verbose shows the details)."
        ),
    }
}

/// A previous result workbook could not be opened at all (the reader's own words go to
/// `--verbose`).
pub fn snapshot_unreadable(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "无法打开上期结果工作簿 {}：文件不存在、已损坏或不是 .xlsx 工作簿。",
        "Could not open the previous result workbook {}: it is missing, damaged or not an .xlsx workbook.",
        file
    )
}

/// A workbook without the customers sheet of a result workbook.
pub fn snapshot_no_sheet(lang: Lang, file: &str) -> String {
    crate::say!(
        lang,
        "{} 不是 custseg 的结果工作簿：找不到“客户明细”（或 Customers）工作表。请选择 custseg 生成的“…_客户分类.xlsx”。",
        "{} is not a custseg result workbook: it has no 客户明细 (Customers) sheet. Choose a “…_segments.xlsx” written by custseg.",
        file
    )
}

/// The customers sheet lacks a column needed to read tiers back.
pub fn snapshot_missing_column(lang: Lang, file: &str, sheet: &str, column: &str) -> String {
    crate::say!(
        lang,
        "{} 不是完整的 custseg 结果工作簿：“{}”工作表第 1 行没有“{}”列。",
        "{} is not a complete custseg result workbook: sheet “{}” has no “{}” column in row 1.",
        file,
        sheet,
        column
    )
}

/// A tier cell that reads as no tier.
pub fn snapshot_bad_tier(
    lang: Lang,
    file: &str,
    sheet: &str,
    row: usize,
    column: &str,
    value: &str,
) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表第 {} 行“{}”列的值“{}”不是客户等级（应为 核心客户 / 潜力客户 / 一般客户）。",
        "{}, sheet “{}”, row {}, column “{}”: “{}” is not a tier (expected Core / Potential / General).",
        file,
        sheet,
        row,
        column,
        value
    )
}

/// A 综合得分 cell that is not a number.
pub fn snapshot_bad_score(
    lang: Lang,
    file: &str,
    sheet: &str,
    row: usize,
    column: &str,
    value: &str,
) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表第 {} 行“{}”列的值“{}”不是数字。",
        "{}, sheet “{}”, row {}, column “{}”: “{}” is not a number.",
        file,
        sheet,
        row,
        column,
        value
    )
}

/// A result workbook whose customers sheet holds no customer.
pub fn snapshot_empty(lang: Lang, file: &str, sheet: &str) -> String {
    crate::say!(
        lang,
        "{} 的“{}”工作表中没有客户，无法与之对比。",
        "Sheet “{1}” of {0} holds no customer to compare with.",
        file,
        sheet
    )
}

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

/// The report's sections in order (SPEC §6), as (zh, en) titles; the outline uses the same.
pub const REPORT_SECTIONS: [(&str, &str); 13] = [
    ("封面", "Cover"),
    ("摘要", "Summary"),
    ("客户等级分布", "Customer tiers"),
    ("规模与行业", "Size and industry"),
    ("价值分析", "Value analysis"),
    ("活跃与流失", "Activity and churn"),
    ("满意度", "Satisfaction"),
    ("聚类画像", "Cluster profiles"),
    ("季度变动", "Quarter-on-quarter changes"),
    ("行动建议", "Recommended actions"),
    ("核心客户名单", "Top core customers"),
    ("数据质量", "Data quality"),
    ("附录：方法与参数", "Appendix: method and settings"),
];

/// The title of report section `index` (0 = cover) in the run's language.
pub fn report_section(index: usize, lang: Lang) -> &'static str {
    let (zh, en) = REPORT_SECTIONS[index.min(REPORT_SECTIONS.len() - 1)];
    lang.pick(zh, en)
}

/// The report's title.
pub fn report_title(lang: Lang) -> &'static str {
    lang.pick("客户分类与管理报告", "Customer Segmentation Report")
}

/// The one line shown instead of a chart or table when a section has no data.
pub fn report_no_data(what: &str, lang: Lang) -> String {
    say!(
        lang,
        "输入数据中没有{}，本节从略。",
        "The input has no {}, so this section is left out.",
        what
    )
}

// ───────────────────────────── samples and templates (sample.rs, init.rs) ─────────────────────────────

/// `custseg sample`: the folder for the samples cannot be created.
pub fn sample_folder_failed(lang: Lang, dir: &std::path::Path, err: &std::io::Error) -> String {
    crate::say!(
        lang,
        "无法创建示例数据目录 {}：{}。请换一个目录：custseg sample 其他目录",
        "Cannot create the sample folder {}: {}. Choose another folder: custseg sample OTHER_DIR",
        crate::console::display_path(dir),
        folder_cause(lang, err)
    )
}

/// `custseg sample`: a sample file exists and may not be replaced.
pub fn sample_not_replaceable(lang: Lang, path: &std::path::Path) -> String {
    crate::say!(
        lang,
        "无法覆盖 {}：该文件是只读的或是一个文件夹，请先关闭或移走它再生成示例数据。",
        "Cannot replace {}: it is read-only or a folder; close or move it, then write the samples again.",
        crate::console::file_shown(path)
    )
}

/// `custseg sample`: writing one sample file failed; `err` is the system's error when there was
/// one (else the writer's own failure).
pub fn sample_write_failed(
    lang: Lang,
    path: &std::path::Path,
    err: Option<&std::io::Error>,
) -> String {
    let dir = crate::config::parent_dir(path);
    match err {
        Some(err) => crate::say!(
            lang,
            "无法在文件夹 {} 中写入示例文件 {}：{}。请换一个目录：custseg sample 其他目录",
            "In the folder {}, the sample file {} cannot be written: {}. Choose another folder: custseg sample OTHER_DIR",
            crate::console::display_path(&dir),
            crate::console::file_shown(path),
            folder_cause(lang, err)
        ),
        None => crate::say!(
            lang,
            "无法生成示例文件 {}（内部错误，加 --verbose 可查看详情）。",
            "Could not build the sample file {} (an internal error; --verbose shows the details).",
            crate::console::file_shown(path)
        ),
    }
}

/// `custseg sample`: a writer stopped unexpectedly.
pub fn sample_failed(lang: Lang) -> String {
    crate::say!(
        lang,
        "生成示例数据时发生内部错误，未完成全部文件。",
        "An internal error stopped the sample writer; not every file was written."
    )
}

/// `custseg sample`: `--customers 0`.
pub fn sample_no_customers(lang: Lang) -> String {
    crate::say!(
        lang,
        "示例数据至少需要 1 个客户（--customers 1 或更多）。",
        "Sample data needs at least one customer (--customers 1 or more)."
    )
}

/// `custseg sample`: the previous-quarter and decoration files are left out of large samples.
pub fn sample_large_skipped(lang: Lang, limit: usize) -> String {
    crate::say!(
        lang,
        "客户数超过 {}：为节省时间，未生成上季度（2026Q2）和装饰业主示例文件。",
        "More than {} customers: the previous-quarter (2026Q2) and decoration sample files were left out to save time.",
        limit
    )
}

// ───────────────────────────── outputs, quarters and folders (output.rs, config.rs, commands/) ─────────────────────────────

/// Why a folder cannot be written, from the error's kind and the system's number (never the
/// OS's English): a full disk, no permission, a read-only medium, a file held by another
/// program (only for Windows' sharing and lock violations), a path too long.
pub fn folder_cause(lang: Lang, err: &std::io::Error) -> &'static str {
    match write_cause(err) {
        WriteCause::TooLong => lang.pick("路径过长", "the path is too long"),
        WriteCause::Permission => lang.pick("没有写入权限", "no permission to write there"),
        WriteCause::Full => lang.pick("磁盘已满", "the disk is full"),
        WriteCause::Quota => lang.pick("已超出磁盘配额", "the disk quota is used up"),
        WriteCause::ReadOnly => lang.pick("这是只读的介质", "the medium is read-only"),
        WriteCause::InUse => lang.pick(
            "同名文件正在被其他程序（如 Excel）打开",
            "a file of that name is open in another program (such as Excel)",
        ),
        WriteCause::NotFound => lang.pick(
            "文件夹不存在或无法创建",
            "the folder does not exist and cannot be made",
        ),
        WriteCause::Other => lang.pick("无法在其中写入文件", "files cannot be written there"),
    }
}

/// The output folder cannot be created or written: names the folder and the cause, says that
/// no output was written, suggests `-o` (or closing the file, when another program holds it).
pub fn output_folder_failed(lang: Lang, dir: &std::path::Path, err: &std::io::Error) -> String {
    if write_cause(err) == WriteCause::InUse {
        return crate::say!(
            lang,
            "无法写入输出文件夹 {}：{}，未写出任何文件。请关闭该文件，或用 -o 指定另一个文件夹。",
            "Cannot write into the output folder {}: {}; nothing was written. Close that file, or choose another folder with -o DIR.",
            crate::console::display_path(dir),
            folder_cause(lang, err)
        );
    }
    crate::say!(
        lang,
        "无法写入输出文件夹 {}：{}，未写出任何文件。请用 -o 指定另一个可以写入的文件夹。",
        "Cannot write into the output folder {}: {}; nothing was written. Choose another folder with -o DIR.",
        crate::console::display_path(dir),
        folder_cause(lang, err)
    )
}

/// An output that could not be put under any name.
pub fn output_no_name(lang: Lang, target: &std::path::Path) -> String {
    crate::say!(
        lang,
        "无法写入 {}（文件夹 {}）：同名文件及其编号副本都无法使用。请移走这些文件，或用 -o 指定另一个文件夹。",
        "Cannot write {} (folder {}): that name and its numbered copies are all taken. Move those files, or choose another folder with -o DIR.",
        crate::console::file_shown(target),
        crate::console::display_path(&crate::config::parent_dir(target))
    )
}

/// A file held open by another program (Excel holds an open workbook).
pub fn file_in_use(lang: Lang) -> &'static str {
    lang.pick(
        "文件正在被其他程序使用",
        "the file is in use by another program",
    )
}

/// Why an existing file of the output's name was kept: one phrase.
pub fn kept_reason(lang: Lang, reason: crate::output::Kept) -> &'static str {
    use crate::output::Kept;
    match reason {
        Kept::NotOurs => lang.pick("不是 custseg 的结果", "is not a custseg result"),
        Kept::ReadOnly => lang.pick("是只读的", "is read-only"),
        Kept::InUse => file_in_use(lang),
        Kept::Input => lang.pick("是本次的输入文件", "is one of the inputs"),
        Kept::Folder => lang.pick("是一个文件夹", "is a folder"),
    }
}

/// The done line's note when an output went to a numbered name.
pub fn output_kept(
    lang: Lang,
    existing: &std::path::Path,
    reason: crate::output::Kept,
    written: &std::path::Path,
) -> String {
    let name = crate::console::file_shown;
    crate::say!(
        lang,
        "（同名文件 {}：{}，未覆盖；本次结果另存为 {}）",
        " (the existing {} {}, so it was kept; this result is {})",
        name(existing),
        kept_reason(lang, reason),
        name(written)
    )
}

/// The previous quarter's result was found in the output folder and used.
pub fn previous_found(lang: Lang, period: &str, file: &str) -> String {
    crate::say!(
        lang,
        "已与 {} 的结果对比（{}）；如不需要对比，请加 --no-previous。",
        "Compared with the {} result ({}); add --no-previous to leave the comparison out.",
        period,
        file
    )
}

/// A previous result was found but could not be read; the run goes on without it.
pub fn previous_unusable(lang: Lang, file: &str, why: &str) -> String {
    crate::say!(
        lang,
        "未与上期对比：{} 无法使用（{}）。",
        "No quarter comparison: {} cannot be used ({}).",
        file,
        why
    )
}

/// `--previous` names a result whose as-of date is not earlier than this run's.
pub fn previous_not_earlier(lang: Lang, file: &str, previous: &str, current: &str) -> String {
    crate::say!(
        lang,
        "{} 的基准日是 {}，不早于本次的 {}，不能作为上期结果；请换成更早一期的结果，或去掉 --previous。",
        "{} is as of {}, not earlier than this run's {}, so it cannot be the previous result; give an earlier result, or leave out --previous.",
        file,
        previous,
        current
    )
}

/// `compare A B` with B not later than A: the files are likely swapped.
pub fn compare_swapped(
    lang: Lang,
    previous: &str,
    p_period: &str,
    current: &str,
    c_period: &str,
) -> String {
    crate::say!(
        lang,
        "上期文件 {}（{}）不早于本期文件 {}（{}）：两个文件的顺序可能颠倒了。请先写上一期，再写本期：custseg compare {} {}",
        "The previous file {} ({}) is not earlier than the current file {} ({}): the two may be swapped. Give the earlier one first: custseg compare {} {}",
        previous,
        p_period,
        current,
        c_period,
        current,
        previous
    )
}

/// `compare A B` with both results of the same as-of date.
pub fn compare_same_period(lang: Lang, previous: &str, current: &str, period: &str) -> String {
    crate::say!(
        lang,
        "{} 和 {} 的基准日相同（{}），无法比较季度变动；请给出两个不同季度的结果，先写上一期。",
        "{} and {} have the same as-of date ({}), so there is no change between quarters to show; give two quarters' results, the earlier one first.",
        previous,
        current,
        period
    )
}

/// A folder given as input: which spreadsheets were taken.
pub fn folder_taken(lang: Lang, dir: &std::path::Path, files: &str, skipped: usize) -> String {
    if skipped == 0 {
        crate::say!(
            lang,
            "读取文件夹 {}：{}",
            "Reading the folder {}: {}",
            crate::console::display_path(dir),
            files
        )
    } else {
        crate::say!(
            lang,
            "读取文件夹 {}：{}（跳过 {} 个 custseg 的结果文件）",
            "Reading the folder {}: {} ({} custseg results skipped)",
            crate::console::display_path(dir),
            files,
            skipped
        )
    }
}

/// A folder given as input holds no spreadsheet.
pub fn folder_empty(lang: Lang, dir: &std::path::Path) -> String {
    crate::say!(
        lang,
        "文件夹 {} 中没有可读取的表格文件（.xlsx .xls .xlsb .xlsm .ods .csv .txt；custseg 的结果文件不计）。",
        "The folder {} holds no spreadsheet to read (.xlsx .xls .xlsb .xlsm .ods .csv .txt; custseg's own results do not count).",
        crate::console::display_path(dir)
    )
}

/// A folder given as input cannot be listed.
pub fn folder_unreadable(lang: Lang, dir: &std::path::Path) -> String {
    crate::say!(
        lang,
        "无法读取文件夹 {} 的内容（没有权限或文件夹已不存在）。",
        "Cannot list the folder {} (no permission, or it is gone).",
        crate::console::display_path(dir)
    )
}

/// `custseg sample` refuses: files of the sample names exist in `dir` (`files` relative to it;
/// the first three are named, then how many more).
pub fn sample_exists(lang: Lang, dir: &std::path::Path, files: &[String]) -> String {
    let mut named = files
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    if files.len() > 3 {
        named += &crate::say!(lang, " 等 {} 个文件", " and {} more", files.len() - 3);
    }
    crate::say!(
        lang,
        "文件夹 {0} 中的 {1} 已存在，未做任何改动。请先移走或改名，或换一个目录：custseg sample 其他目录",
        "{1} already exists in the folder {0}; nothing was changed. Move or rename it, or choose another folder: custseg sample OTHER_DIR",
        crate::console::display_path(dir),
        named
    )
}

/// After `sample` or `init`: the command to run next.
pub fn next_command(lang: Lang, command: &str) -> String {
    crate::say!(lang, "下一步：{}", "Next: {}", command)
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

// ───────────────────────────── joining and findings by cause (extract/finish.rs, commands) ─────────────────────────────

/// The likely cause when codes of another shape do not join.
pub fn join_cause_other_format(lang: Lang) -> String {
    crate::say!(
        lang,
        "两边编码的格式不同，明细可能来自另一套系统或另一家公司，或选错了编码列",
        "the codes on the two sides have different forms: the details may come from another system or another company, or the wrong code column was used"
    )
}

/// The likely cause when codes of the same shape do not join.
pub fn join_cause_other_customers(lang: Lang) -> String {
    crate::say!(
        lang,
        "两边编码格式相同却对不上，明细可能属于另一家公司、另一个账套或另一期的客户档案",
        "the codes look alike but do not match: the details may belong to another company, another ledger or another period's customer list"
    )
}

/// Exit 1: most rows of a detail sheet join no customer. One paragraph.
#[allow(clippy::too_many_arguments)]
pub fn join_stop(
    lang: Lang,
    file: &str,
    sheet: &str,
    unjoined: usize,
    rows: usize,
    detail_examples: &str,
    customer_examples: &str,
    cause: &str,
) -> String {
    let pct = percent(unjoined, rows);
    crate::say!(
        lang,
        "{} / {}：{} 行中有 {} 行（{}%）的客户编码在客户档案中找不到，结果不可信，未写出任何文件。明细中的编码如 {}；客户档案中的编码如 {}。可能的原因：{}。请核对编码后重试，或只用客户档案运行。",
        "{} / {}: {} of {} rows ({}%) carry a customer code that is in no customers sheet, so the result could not be right and nothing was written. Codes in the details: {}; codes in the customers sheet: {}. Likely cause: {}. Check the codes and try again, or run with the customers file alone.",
        file,
        sheet,
        if lang == Lang::Zh { rows } else { unjoined },
        if lang == Lang::Zh { unjoined } else { rows },
        pct,
        detail_examples,
        customer_examples,
        cause
    )
}

/// stderr warning: a smaller share of a detail sheet's rows joins no customer.
pub fn join_warning(lang: Lang, file: &str, sheet: &str, unjoined: usize, rows: usize) -> String {
    let pct = percent(unjoined, rows);
    crate::say!(
        lang,
        "警告：{} / {}：{} 行中有 {} 行（{}%）的客户编码在客户档案中找不到，这些行未计入结果",
        "Warning: {} / {}: {} of {} rows ({}%) carry a customer code that is in no customers sheet and were left out",
        file,
        sheet,
        if lang == Lang::Zh { rows } else { unjoined },
        if lang == Lang::Zh { unjoined } else { rows },
        pct
    )
}

/// stderr: a finding's place in an example list.
pub fn findings_example(lang: Lang, file: &str, sheet: &str, row: Option<u32>) -> String {
    match row {
        Some(r) => crate::say!(lang, "{} / {} 第 {} 行", "{} / {} row {}", file, sheet, r),
        None => format!("{file} / {sheet}"),
    }
}

/// A share as a percentage with the digits it needs: 20, 4.5, 0.02 (never 0 when any).
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0".to_string();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if p >= 10.0 || p == 0.0 {
        format!("{p:.0}")
    } else if p >= 1.0 {
        format!("{p:.1}")
    } else {
        format!("{:.2}", p.max(0.01))
    }
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

// ─────────────────── quarter comparison: periods, cut-offs, names ───────────────────

/// One quarter of a comparison as printed: "2026Q3（基准日 2026-09-30）"; the file's name when
/// its as-of date is unknown.
pub fn quarter_named(lang: Lang, facts: Option<&crate::model::PeriodFacts>, file: &str) -> String {
    match facts {
        Some(f) => crate::say!(
            lang,
            "{}（基准日 {}）",
            "{} (as of {})",
            f.period,
            f.as_of.format("%Y-%m-%d")
        ),
        None => crate::say!(lang, "{}（基准日未知）", "{} (as-of date unknown)", file),
    }
}

/// The heading of 季度变动 and of the report's page: both quarters, earlier first.
pub fn migration_title(lang: Lang, previous: &str, current: &str) -> String {
    crate::say!(
        lang,
        "季度变动：{} → {}",
        "Migration: {} → {}",
        previous,
        current
    )
}

/// The previous result whose quarter is compared.
pub fn migration_source(lang: Lang, file: &str) -> String {
    crate::say!(lang, "上期结果文件：{}", "Previous result file: {}", file)
}

/// A quarter whose result does not state its tier cut-offs.
pub fn cutoffs_unknown(lang: Lang) -> &'static str {
    lang.pick(
        "该期结果的参数表未记载分数线",
        "that result's settings sheet does not state its cut-offs",
    )
}

/// The tail of a name list cut short: "等 12 家".
pub fn and_more(lang: Lang, n: usize) -> String {
    crate::say!(lang, "等 {} 家", "and {} more", n)
}

/// Why a customer moved: the dimension that changed most and by how much.
pub fn moved_because(lang: Lang, dimension: &str, change: f64) -> String {
    crate::say!(lang, "{} {:+.1}", "{} {:+.1}", dimension, change)
}

// ─────────────────── thin data, said on the summary page (issue 14) ───────────────────

/// The as-of date came from the day of the run (the data hold no date).
pub fn thin_as_of_today(lang: Lang, date: &str) -> String {
    crate::say!(
        lang,
        "数据中没有任何日期，基准日取运行当天（{}）；最近消费天数、活跃度和季度都按这一天计算，请用 --as-of 指定统计截止日。",
        "The data hold no date, so the as-of date is the day of the run ({}); recency, activity and the quarter are counted from it. Give the period's end with --as-of.",
        date
    )
}

/// Some detail rows joined no customer and are not in the figures.
pub fn thin_unjoined(lang: Lang, file: &str, sheet: &str, unjoined: usize, rows: usize) -> String {
    crate::say!(
        lang,
        "{} / {} 的 {} 行中有 {} 行（{}%）客户编码在客户档案中找不到，未计入销售额等数字（明细见数据质量表）。",
        "{0} / {1}: {3} of {2} rows ({4}%) have a customer code that is in no customers sheet and are not in these figures (see Data Quality).",
        file,
        sheet,
        rows,
        unjoined,
        percent(unjoined, rows)
    )
}

/// Most rows read were rejected.
pub fn thin_most_rejected(lang: Lang, rejected: usize, read: usize) -> String {
    crate::say!(
        lang,
        "读取的 {} 行中有 {} 行被剔除，以下数字只反映其余的行；原因见数据质量表。",
        "{1} of the {0} rows read were rejected; the figures reflect the rest only. The Data Quality sheet says why.",
        read,
        rejected
    )
}

/// No customer has any amount: sales figures are 0 for want of data, not of sales.
pub fn thin_no_amount(lang: Lang) -> String {
    crate::say!(
        lang,
        "所有客户的消费金额都是 0 或空：输入中没有可用的交易明细或累计金额列，销售额、价值和 RFM 不能说明实际销售。",
        "Every customer's amount is 0 or blank: the inputs hold no usable transactions or cumulative-amount column, so sales, value and RFM say nothing about real sales."
    )
}

// ─────────────────── findings, worded from their data (issue 13) ───────────────────

/// The name of a value type, for "cannot be read as …" and "no …".
pub fn read_value_kind(lang: Lang, kind: &str) -> &'static str {
    match (kind, lang) {
        ("money", Lang::Zh) => "金额",
        ("money", Lang::En) => "an amount",
        ("date", Lang::Zh) => "日期",
        ("date", Lang::En) => "a date",
        ("percent", Lang::Zh) => "百分比",
        ("percent", Lang::En) => "a percentage",
        ("satisfaction", Lang::Zh) => "满意度",
        ("satisfaction", Lang::En) => "a satisfaction score",
        ("payment", Lang::Zh) => "付费模式（订阅/一次性/定制）",
        ("payment", Lang::En) => "a payment model (subscription/one-time/custom)",
        (_, Lang::Zh) => "数字",
        (_, Lang::En) => "a number",
    }
}

/// The column a finding is about, as the 数据质量 sheet shows it: the input's header, or the
/// name of the field custseg checked (a customer's date, the industry).
pub fn finding_column(lang: Lang, f: &crate::model::Finding) -> Option<&str> {
    use crate::model::Issue;
    match &f.issue {
        Issue::FutureCustomerDate { field, .. } => Some(match *field {
            "founded" => lang.pick("成立日期", "Founded"),
            "first_purchase" => lang.pick("首次购买日期", "First purchase"),
            "last_purchase" => lang.pick("最近购买日期", "Last purchase"),
            "last_login" => lang.pick("最近登录", "Last login"),
            _ => lang.pick("日期", "Date"),
        }),
        Issue::UnmappedIndustry { .. } => Some(lang.pick("所属行业", "industry")),
        _ => f.column.as_deref(),
    }
}

/// A finding's problem, one sentence in the run's language.
pub fn finding_problem(lang: Lang, f: &crate::model::Finding) -> String {
    use crate::model::Issue;
    let date = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match &f.issue {
        Issue::MissingCode => say!(lang, "缺少客户编码", "no customer code"),
        Issue::DuplicateCode { first_row } => say!(
            lang,
            "客户编码 {} 重复（第一次出现在第 {} 行）",
            "customer code {} appears again (first on row {})",
            f.value,
            first_row
        ),
        Issue::DuplicateCreditCode { other } => say!(
            lang,
            "统一社会信用代码与客户 {} 相同，可能是同一家企业",
            "the credit code is the same as customer {}'s: possibly the same company",
            other
        ),
        Issue::MissingValue { what } => {
            // "no amount", not "no an amount": the English type without its article.
            let kind = read_value_kind(lang, what);
            let kind = kind.strip_prefix("an ").or(kind.strip_prefix("a ")).unwrap_or(kind);
            say!(lang, "缺少{}", "no {}", kind)
        }
        Issue::BadValue { what } => say!(
            lang,
            "无法识别为{}",
            "cannot be read as {}",
            read_value_kind(lang, what)
        ),
        Issue::OutOfRange { range } => say!(
            lang,
            "超出合理范围（{}）",
            "outside the plausible range ({})",
            range
        ),
        Issue::TotalsRow => say!(lang, "合计行，不是客户", "a totals row, not a customer"),
        Issue::FooterRow => say!(
            lang,
            "表尾行（制表/审核/页码），不是客户",
            "a footer line (prepared by, approved by, page number), not a customer"
        ),
        Issue::Placeholder => say!(
            lang,
            "占位词，按缺失值处理",
            "a placeholder word, read as a missing value"
        ),
        Issue::OddCode { typical: None } => say!(
            lang,
            "编码是一段文字，不像本列其他客户编码，不是客户",
            "the code is a sentence, unlike the column's other codes: not a customer"
        ),
        Issue::OddCode {
            typical: Some(typical),
        } => say!(
            lang,
            "编码长度远超本列其他客户编码（多数不超过 {} 个字符），不是客户",
            "the code is far longer than the column's other codes (most are at most {} characters): not a customer",
            typical
        ),
        Issue::FutureDate { as_of } | Issue::FutureCustomerDate { as_of, .. } => say!(
            lang,
            "日期晚于基准日 {}",
            "dated after the as-of date {}",
            date(as_of)
        ),
        Issue::UnknownCustomer => say!(
            lang,
            "客户档案中没有这个客户编码",
            "this customer code is in no customers sheet"
        ),
        Issue::ColumnClaimedTwice { first, field } => say!(
            lang,
            "“{}”和“{}”两列都表示字段 {}",
            "columns “{}” and “{}” both mean the field {}",
            first,
            f.column.as_deref().unwrap_or(""),
            field
        ),
        whole @ (Issue::SheetSkipped { .. }
        | Issue::UnmappedIndustry { .. }
        | Issue::SourceChoice { .. }
        | Issue::JoinRule { .. }
        | Issue::DimensionAbsent { .. }) => whole_problem(lang, whole),
    }
}

/// The problem of a finding about a whole sheet or the whole base, from its issue.
fn whole_problem(lang: Lang, issue: &crate::model::Issue) -> String {
    use crate::model::{Issue, SkipWhy};
    let list = |items: &[String]| items.join(lang.pick("、", ", "));
    match issue {
        Issue::SheetSkipped {
            why: SkipWhy::Empty,
        } => say!(lang, "工作表为空", "the sheet is empty"),
        Issue::SheetSkipped {
            why: SkipWhy::NoCodeColumn { columns },
        } => say!(
            lang,
            "没有客户编码列（列：{}）",
            "no customer-code column (columns: {})",
            headers_shown(lang, columns)
        ),
        Issue::SheetSkipped {
            why: SkipWhy::Reader { why },
        } => why.clone(),
        Issue::UnmappedIndustry { customers } => say!(
            lang,
            "该行业无法对应国家标准中的行业（涉及 {} 个客户）",
            "The industry maps to no industry of the standard (customers: {})",
            customers
        ),
        Issue::SourceChoice { columns, detail } => {
            let detail: Vec<String> = detail
                .iter()
                .map(|role| source_detail_word(lang, *role).to_string())
                .collect();
            say!(
                lang,
                "客户表中有汇总列（{}），同时有{}明细",
                "the customers sheet has summary columns ({}) and there are {} detail rows",
                list(columns),
                list(&detail)
            )
        }
        Issue::JoinRule { rule, joined, rows } => say!(
            lang,
            "该表的客户编码与客户档案不能直接对上；按规则“{0}”匹配后，{2} 行中 {1} 行关联到客户",
            "this sheet's customer codes do not match the customers sheet as they are; with the rule “{}”, {} of {} rows join a customer",
            join_rule(lang, rule),
            joined,
            rows
        ),
        Issue::DimensionAbsent { dimension } => say!(
            lang,
            "所有客户都没有{}维度的数据（{}）",
            "No customer has any data for the {} dimension ({})",
            dimension.label(lang),
            dimension_fields(lang, *dimension)
        ),
        row => unreachable!("a row's issue is worded by finding_problem: {row:?}"),
    }
}

/// What custseg did about a finding, one sentence in the run's language.
pub fn finding_action(lang: Lang, f: &crate::model::Finding) -> String {
    use crate::model::Issue;
    match &f.issue {
        Issue::MissingCode
        | Issue::MissingValue { .. }
        | Issue::TotalsRow
        | Issue::FooterRow
        | Issue::OddCode { .. }
        | Issue::UnknownCustomer => say!(lang, "整行未使用", "row left out"),
        Issue::BadValue { .. } if f.rejected => say!(lang, "整行未使用", "row left out"),
        Issue::BadValue { .. } | Issue::OutOfRange { .. } | Issue::Placeholder => say!(
            lang,
            "该值按空值处理，其余数据照常使用",
            "value treated as blank; the rest of the row is used"
        ),
        Issue::DuplicateCode { .. } => say!(
            lang,
            "已合并：各字段取第一个非空值，本行只补充前面为空的字段",
            "merged: each field keeps its first non-empty value; this row only fills fields left empty"
        ),
        Issue::DuplicateCreditCode { .. } => say!(
            lang,
            "两个客户都保留，请核对",
            "both customers kept; please check"
        ),
        Issue::FutureDate { .. } => say!(
            lang,
            "不计入 RFM、活跃度和满意度",
            "left out of R/F/M, activity and satisfaction"
        ),
        Issue::FutureCustomerDate { .. } => say!(
            lang,
            "该日期不使用：与之相关的天数视为未知，不算作近期；客户保留",
            "the date is not used: the days since it are unknown, not recent; the customer is kept"
        ),
        Issue::SheetSkipped { .. } => say!(lang, "整张工作表未使用", "sheet not used"),
        Issue::UnmappedIndustry { .. } => say!(
            lang,
            "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
            "Sized as \"other industries\" and grouped as Other; add a keyword under [[industry]] in the profile"
        ),
        Issue::SourceChoice { .. } => say!(
            lang,
            "有明细的客户按明细重新计算，没有明细的客户沿用汇总列",
            "customers with detail rows are recomputed from them; the others keep the summary columns"
        ),
        Issue::JoinRule { .. } => say!(
            lang,
            "已按此规则关联；请确认两份文件来自同一套系统",
            "joined by this rule; check that both files come from the same system"
        ),
        Issue::DimensionAbsent { .. } => say!(
            lang,
            "该维度不参与综合得分，权重按其余维度重新分配",
            "Left out of the total score; its weight was spread over the other dimensions"
        ),
        Issue::ColumnClaimedTwice { first, .. } => say!(
            lang,
            "使用“{}”列，另一列未使用",
            "column “{}” is used, the other is not",
            first
        ),
    }
}

/// A join rule in words.
pub fn join_rule(lang: Lang, rule: &crate::model::JoinRule) -> String {
    use crate::model::JoinRule;
    match rule {
        JoinRule::LeadingZeros => say!(
            lang,
            "忽略编码的前导零（1 = 000001）",
            "leading zeros of the codes ignored (1 = 000001)"
        ),
        JoinRule::Spaces => say!(lang, "忽略编码中的空格", "white space in the codes ignored"),
        JoinRule::Width => say!(
            lang,
            "全角字符按半角比较（Ａ１ = A1）",
            "full-width characters read as half-width (Ａ１ = A1)"
        ),
        JoinRule::Case => say!(
            lang,
            "不区分字母大小写（a1 = A1）",
            "letter case ignored (a1 = A1)"
        ),
        JoinRule::Prefix { detail, customers } => match (detail.is_empty(), customers.is_empty()) {
            (false, true) => say!(
                lang,
                "去掉明细编码的固定前缀「{}」",
                "the constant prefix “{}” of the detail codes set aside",
                detail
            ),
            (true, false) => say!(
                lang,
                "去掉客户档案编码的固定前缀「{}」",
                "the constant prefix “{}” of the customer codes set aside",
                customers
            ),
            _ => say!(
                lang,
                "明细编码的前缀「{}」当作客户档案编码的前缀「{}」",
                "the detail codes' prefix “{}” read as the customer codes' prefix “{}”",
                detail,
                customers
            ),
        },
    }
}

/// The kind of detail rows that overrule summary columns, for a source-choice finding.
fn source_detail_word(lang: Lang, role: crate::model::SheetRole) -> &'static str {
    use crate::model::SheetRole;
    match role {
        SheetRole::Transactions => lang.pick("交易", "transaction"),
        SheetRole::Usage => lang.pick("使用记录", "usage"),
        SheetRole::Surveys => lang.pick("满意度调查", "survey"),
        SheetRole::Customers | SheetRole::Ignored => "",
    }
}

/// The fields that give a dimension its data, for a dimension-absent finding.
fn dimension_fields(lang: Lang, d: crate::profile::Dimension) -> &'static str {
    use crate::profile::Dimension;
    match d {
        Dimension::Size => lang.pick(
            "员工人数、营业收入、资产总额",
            "employees, revenue, total assets",
        ),
        Dimension::Value => lang.pick(
            "累计购买金额、成交次数、最近购买日期、续费率或销售明细",
            "total spend, orders, last purchase, renewal rate or sales lines",
        ),
        Dimension::Activity => lang.pick(
            "近90天登录次数、最近登录、使用模块、使用时长或登录记录",
            "logins, last login, modules, usage hours or login records",
        ),
        Dimension::Satisfaction => lang.pick(
            "满意度、推荐意愿或满意度调查",
            "satisfaction, NPS or survey answers",
        ),
        Dimension::Potential => lang.pick(
            "预算、需求模块、逐年消费金额、企业规模、房屋面积、跟进阶段",
            "budget, needs, yearly amounts, size, house area, stage",
        ),
    }
}

/// stderr: one line per cause of findings: its label, then the sentence when every finding of
/// the cause says the same, its count and up to three examples.
pub fn findings_cause_line(
    lang: Lang,
    label: &str,
    sentence: Option<&str>,
    count: usize,
    examples: &str,
) -> String {
    let head = match sentence {
        Some(s) => say!(lang, "{}（{} 条）：{}", "{} ({}): {}", label, count, s),
        None => say!(lang, "{}（{} 条）", "{} ({})", label, count),
    };
    match (examples.is_empty(), sentence.is_some()) {
        (true, _) => head,
        (false, true) => say!(lang, "{}。如 {}", "{}. E.g. {}", head, examples),
        (false, false) => say!(lang, "{}，如 {}", "{}, e.g. {}", head, examples),
    }
}

// ───────────────────────────── clean values, plain words, the phone page (issue 19) ─────────────────────────────

/// The note on a 客户明细 cell written as a number or date whose input text differed.
pub fn workbook_as_written(lang: Lang, text: &str) -> String {
    crate::say!(lang, "原文：{}", "As written: {}", text)
}

// ─────────────────── messages, writing and the console (issue 15, the other half) ───────────────────

/// At most this many headers are listed in a message.
const HEADERS_LISTED: usize = 10;
/// Each listed header is cut to this many characters.
const HEADER_CHARS: usize = 20;

/// Headers found, for a one-line message: each once, on one line (line breaks and runs of
/// spaces become one space), cut to twenty characters, at most ten, then how many more.
pub fn headers_shown(lang: Lang, headers: &[String]) -> String {
    let mut shown: Vec<String> = Vec::new();
    for header in headers {
        let one_line = header.split_whitespace().collect::<Vec<_>>().join(" ");
        let cut = if one_line.chars().count() > HEADER_CHARS {
            one_line.chars().take(HEADER_CHARS).collect::<String>() + "…"
        } else {
            one_line
        };
        if !cut.is_empty() && !shown.contains(&cut) {
            shown.push(cut);
        }
    }
    if shown.is_empty() {
        return lang.pick("（无）", "(none)").to_string();
    }
    let more = shown.len().saturating_sub(HEADERS_LISTED);
    shown.truncate(HEADERS_LISTED);
    let list = shown.join(lang.pick("、", ", "));
    if more == 0 {
        list
    } else {
        crate::say!(lang, "{} 等（另有 {} 列）", "{} and {} more", list, more)
    }
}

/// Why a file could not be written, as the system said it (see [`folder_cause`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteCause {
    /// The disk (or the medium) is full.
    Full,
    /// The user's disk quota is used up.
    Quota,
    /// No permission to write there.
    Permission,
    /// A read-only medium (a locked USB stick, a CD, a read-only mount).
    ReadOnly,
    /// Another program holds the file (Windows' sharing or lock violation).
    InUse,
    /// The path is too long.
    TooLong,
    /// The folder does not exist and cannot be made.
    NotFound,
    /// Anything else.
    Other,
}

/// The cause of a write error, from its kind and its system number: ENOSPC (28), EDQUOT,
/// EACCES (13) / EPERM, EROFS (30), ENAMETOOLONG (36, 63 on macOS); on Windows also
/// ERROR_DISK_FULL (112) / ERROR_HANDLE_DISK_FULL (39), ERROR_WRITE_PROTECT (19), the sharing
/// and lock violations (32, 33) and ERROR_FILENAME_EXCED_RANGE (206).
pub fn write_cause(err: &std::io::Error) -> WriteCause {
    use std::io::ErrorKind;
    let raw = err.raw_os_error();
    if cfg!(windows) {
        match raw {
            Some(112 | 39) => return WriteCause::Full,
            Some(19) => return WriteCause::ReadOnly,
            Some(32 | 33) => return WriteCause::InUse,
            Some(206) => return WriteCause::TooLong,
            _ => {}
        }
    } else {
        match raw {
            Some(28) => return WriteCause::Full,
            Some(30) => return WriteCause::ReadOnly,
            Some(36 | 63) => return WriteCause::TooLong,
            _ => {}
        }
    }
    match err.kind() {
        ErrorKind::StorageFull => WriteCause::Full,
        ErrorKind::QuotaExceeded => WriteCause::Quota,
        ErrorKind::PermissionDenied => WriteCause::Permission,
        ErrorKind::ReadOnlyFilesystem => WriteCause::ReadOnly,
        ErrorKind::InvalidFilename => WriteCause::TooLong,
        ErrorKind::NotFound => WriteCause::NotFound,
        _ => WriteCause::Other,
    }
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

/// The sheet name of the `n`-th table of an HTML page with several tables.
pub fn read_html_table_name(lang: Lang, stem: &str, n: usize) -> String {
    crate::say!(lang, "{} 表{}", "{} table {}", stem, n)
}

// ─────────────────── customer-base models (issue 20) ───────────────────

/// Forecast (BG/NBD, Gamma-Gamma): one fallback as a sentence for 参数 and the appendix.
pub fn forecast_fallback(lang: Lang, f: &crate::forecast::Fallback) -> String {
    use crate::forecast::{Fallback, MIN_CUSTOMERS, MIN_REPEAT_BUYERS};
    match f {
        Fallback::NoDates => crate::say!(
            lang,
            "没有带日期的交易明细：未拟合 BG/NBD 模型，存活概率、预计购买次数和 12 个月价值为空，流失风险和生命周期按固定天数规则判定。",
            "No dated transaction lines: the BG/NBD model was not fitted; P(alive), expected purchases and 12-month value are blank, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::SingleDate => crate::say!(
            lang,
            "所有购买都在同一天：看不出重复购买规律，未拟合模型，流失风险和生命周期按固定天数规则判定。",
            "Every purchase is on one date: there is no repeat behaviour to learn from; the models were not fitted, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::TooFewCustomers { have } => crate::say!(
            lang,
            "有购买记录的客户只有 {} 家（至少需要 {} 家）：未拟合模型，流失风险和生命周期按固定天数规则判定。",
            "Only {} customers have purchases (at least {} are needed): the models were not fitted, and churn risk and lifecycle follow the fixed-day rules.",
            have,
            MIN_CUSTOMERS
        ),
        Fallback::TooFewRepeatBuyers { have, spend: false } => crate::say!(
            lang,
            "重复购买的客户只有 {} 家（至少需要 {} 家）：未拟合 BG/NBD 模型，流失风险和生命周期按固定天数规则判定。",
            "Only {} customers bought again (at least {} are needed): the BG/NBD model was not fitted, and churn risk and lifecycle follow the fixed-day rules.",
            have,
            MIN_REPEAT_BUYERS
        ),
        Fallback::TooFewRepeatBuyers { have, spend: true } => crate::say!(
            lang,
            "金额为正的重复购买客户只有 {} 家（至少需要 {} 家）：未拟合 Gamma-Gamma 金额模型，12 个月价值按客户自己的平均每次金额计算。",
            "Only {} repeat buyers have a positive spend (at least {} are needed): the Gamma-Gamma spend model was not fitted; the 12-month value uses each customer's own mean spend per purchase.",
            have,
            MIN_REPEAT_BUYERS
        ),
        Fallback::NotConverged => crate::say!(
            lang,
            "BG/NBD 模型拟合未收敛：未使用其结果，流失风险和生命周期按固定天数规则判定。",
            "The BG/NBD fit did not converge: its results are not used, and churn risk and lifecycle follow the fixed-day rules."
        ),
        Fallback::SpendNotConverged => crate::say!(
            lang,
            "Gamma-Gamma 金额模型拟合未收敛或没有有限的平均金额：12 个月价值按客户自己的平均每次金额计算。",
            "The Gamma-Gamma fit did not converge or has no finite mean spend: the 12-month value uses each customer's own mean spend per purchase."
        ),
        Fallback::SpendCorrelated(rho) => crate::say!(
            lang,
            "每次购买金额与购买频次相关（相关系数 {:.2}，超过 ±0.3）：Gamma-Gamma 模型的前提不成立，未使用；12 个月价值按客户自己的平均每次金额计算。",
            "Spend per purchase is correlated with purchase frequency (correlation {:.2}, beyond ±0.3): the Gamma-Gamma model's assumption fails and it is not used; the 12-month value uses each customer's own mean spend per purchase.",
            rho
        ),
        Fallback::NonPositiveSpend(n) => crate::say!(
            lang,
            "{} 家重复购买客户的平均每次金额为 0 或负数，未参与金额模型拟合（其 12 个月价值按总体平均金额）。",
            "{} repeat buyers have a zero or negative mean spend and were left out of the spend fit (their 12-month value uses the overall mean spend).",
            n
        ),
        Fallback::NoBacktest(days) => crate::say!(
            lang,
            "数据只覆盖 {} 天，不足以留出最后一个季度做回测（需要至少两个季度的历史并能在前一季度末拟合模型）。",
            "The data cover only {} days: too short to hold out the last quarter for a backtest (at least two quarters of history, with a valid fit at the end of the earlier one, are needed).",
            days
        ),
    }
}

// ─────────────────── P(alive) fell most, in 季度变动 (issue 20) ───────────────────

/// The heading of the list of customers whose P(alive) fell most: who counts and how many are
/// listed at most.
pub fn alive_fell_heading(lang: Lang, points: f64, listed: usize) -> String {
    crate::say!(
        lang,
        "存活概率下降最多的客户（两期都有、下降 ≥ {:.0} 个百分点，前 {} 名）",
        "Customers whose P(alive) fell most (in both quarters, down ≥ {:.0} points, top {})",
        points,
        listed
    )
}

/// How many customers' P(alive) fell that much, and how many of them the list shows.
pub fn alive_fell_count(lang: Lang, total: usize, points: f64, listed: usize) -> String {
    crate::say!(
        lang,
        "两期都有的客户中，{} 家的存活概率下降了 {:.0} 个百分点或更多；列出下降最多的 {} 家。",
        "{} customers in both quarters saw their P(alive) fall by {:.0} points or more; the {} largest falls are listed.",
        total,
        points,
        listed
    )
}

/// No customer in both quarters saw P(alive) fall that much.
pub fn alive_fell_none(lang: Lang, points: f64) -> String {
    crate::say!(
        lang,
        "两期都有的客户中，没有存活概率下降 {:.0} 个百分点或更多的客户。",
        "No customer in both quarters saw their P(alive) fall by {:.0} points or more.",
        points
    )
}

/// P(alive) before → now, in percent: "79.4% → 12.3%".
pub fn alive_before_now(before: f64, after: f64) -> String {
    format!("{:.1}% → {:.1}%", before * 100.0, after * 100.0)
}

// ───────────────────────────── end of sections ─────────────────────────────
