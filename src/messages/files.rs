//! Sentences about files and folders: samples, templates, outputs, quarters, writing causes, the console.

#[allow(unused_imports)]
use super::*;

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
    write_cause_said(lang, write_cause(err))
}

/// A writing cause, in a few words.
pub fn write_cause_said(lang: Lang, why: WriteCause) -> &'static str {
    match why {
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
        WriteCause::IsFolder => {
            lang.pick("同名的是一个文件夹", "a folder of that name is in the way")
        }
        WriteCause::Other => lang.pick("无法在其中写入文件", "files cannot be written there"),
    }
}

/// The output folder cannot be created or written: names the folder and the cause, says that
/// no output was written, suggests `-o` (or closing the file, when another program holds it).
pub fn output_folder_failed(lang: Lang, dir: &std::path::Path, why: WriteCause) -> String {
    if why == WriteCause::InUse {
        return crate::say!(
            lang,
            "无法写入输出文件夹 {}：{}，未写出任何文件。请关闭该文件，或用 -o 指定另一个文件夹。",
            "Cannot write into the output folder {}: {}; nothing was written. Close that file, or choose another folder with -o DIR.",
            crate::console::display_path(dir),
            write_cause_said(lang, why)
        );
    }
    crate::say!(
        lang,
        "无法写入输出文件夹 {}：{}，未写出任何文件。请用 -o 指定另一个可以写入的文件夹。",
        "Cannot write into the output folder {}: {}; nothing was written. Choose another folder with -o DIR.",
        crate::console::display_path(dir),
        write_cause_said(lang, why)
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
pub use crate::error::IoCause as WriteCause;

/// The cause of a write error, from its kind and its system number (see
/// [`crate::error::IoCause::of`]).
pub fn write_cause(err: &std::io::Error) -> WriteCause {
    WriteCause::of(err)
}
