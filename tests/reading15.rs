//! End-to-end tests of issue 15, the reading half: every real spreadsheet opens. Packages our
//! own format check used to refuse, one odd sheet among good ones, other formats saved as
//! ".xls" by ERP web clients, text encodings, a password-protected .ods, a small damaged .xls
//! that used to cost a gigabyte, and library errors said in one sentence of ours. The fixtures
//! (tests/fixtures/r15_*) are made by scripts/make-fixtures-15.py.

use super::reading::check;
use super::{custseg, repo};

/// The five customers of basic.csv are read from `fixture`.
fn reads_the_five(fixture: &str) -> serde_json::Value {
    let (code, json, stderr) = check(fixture);
    assert_eq!(code, 0, "{fixture}: {stderr}");
    assert_eq!(json["customers"], 5, "{fixture}: {json}");
    json
}

/// The sheets reported as skipped (kind SheetSkipped).
fn skipped(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "SheetSkipped")
        .map(|f| f["sheet"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A refusal: exit 1 and one line of ours naming the file (no path), with no library English.
fn refused(fixture: &str) -> String {
    let (code, _, stderr) = check(fixture);
    assert_eq!(code, 1, "{fixture}: {stderr}");
    let said = stderr.trim_end();
    assert_eq!(said.lines().count(), 1, "{fixture}: {said}");
    assert!(said.chars().count() <= 200, "{fixture}: {said}");
    assert!(
        said.contains(fixture) && !said.contains("tests/fixtures"),
        "{said}"
    );
    for leak in [
        "error",
        "Error",
        "Expecting",
        "Unrecognized",
        "os error",
        "{",
        "::",
    ] {
        assert!(!said.contains(leak), "{fixture}: library text in {said}");
    }
    said.to_string()
}

#[test]
fn packages_calamine_opens_are_not_refused_by_our_format_check() {
    for fixture in [
        "r15_caps_stream.xls",
        "r15_odd_length.xls",
        "r15_backslash.xlsx",
        "r15_workbook_elsewhere.xlsx",
        "r15_mimetype_late.ods",
    ] {
        reads_the_five(fixture);
    }
}

#[test]
fn one_odd_sheet_does_not_refuse_the_file() {
    let json = reads_the_five("r15_macro_sheet.xlsm");
    assert!(skipped(&json).contains(&"Macro1".to_string()), "{json}");
    reads_the_five("r15_spaces.ods");
    let json = reads_the_five("r15_dimension_rows.xlsx");
    assert!(skipped(&json).contains(&"备注".to_string()), "{json}");
    let json = reads_the_five("r15_state_show.xlsx");
    assert!(skipped(&json).contains(&"备注".to_string()), "{json}");
}

#[test]
fn html_tables_and_spreadsheetml_saved_as_xls_are_read() {
    for fixture in [
        "r15_html_gbk.xls",
        "r15_html_utf8.xls",
        "r15_spreadsheetml.xls",
        "r15_spreadsheetml_gbk.xls",
    ] {
        reads_the_five(fixture);
    }
    // The empty second worksheet of the SpreadsheetML file is reported, not fatal.
    let json = reads_the_five("r15_spreadsheetml.xls");
    assert!(skipped(&json).contains(&"空白".to_string()), "{json}");
}

#[test]
fn sylk_and_dif_are_named_with_a_re_save_hint_never_read_as_garbage() {
    for (fixture, format) in [("r15_sylk.xls", "SYLK"), ("r15_dif.xls", "DIF")] {
        let said = refused(fixture);
        assert!(said.contains(format) && said.contains(".xlsx"), "{said}");
    }
}

#[test]
fn text_in_any_encoding_is_read() {
    reads_the_five("r15_utf16le_nobom.csv");
    reads_the_five("r15_utf32.csv");
    // Big5 from a Taiwan branch: decoded as Big5 (not GBK mojibake); its traditional headers
    // are then named in the no-code-column message.
    let (code, _, stderr) = check("r15_big5.csv");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("客戶編碼") && stderr.contains("客戶名稱"),
        "{stderr}"
    );
}

/// The encoding a text input was read in is shown in 参数's input table.
#[test]
fn the_encoding_read_is_shown_in_the_settings_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .arg(repo().join("tests/fixtures/r15_utf16le_nobom.csv"))
        .args(["--as-of", "2026-09-30", "-q", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xlsx = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let settings = super::sheet(&xlsx, "参数");
    let header = settings
        .iter()
        .find(|r| r.iter().any(|c| c == "SHA-256"))
        .expect("the input table");
    let col = header
        .iter()
        .position(|c| c == "文本编码")
        .expect("an encoding column");
    assert!(
        settings
            .iter()
            .any(|r| r.get(col).is_some_and(|c| c == "UTF-16LE")),
        "{settings:?}"
    );
}

#[test]
fn a_password_protected_ods_is_called_so() {
    let said = refused("r15_password.ods");
    assert!(said.contains("设有打开密码"), "{said}");
}

#[test]
fn a_small_damaged_xls_is_refused_without_a_gigabyte() {
    let started = std::time::Instant::now();
    let said = refused("r15_far_cell.xls");
    assert!(said.contains("已损坏"), "{said}");
    assert!(
        started.elapsed().as_secs() < 3,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn library_errors_become_one_sentence_of_ours() {
    let said = refused("r15_bad_xml.xlsx");
    assert!(said.contains("已损坏"), "{said}");
    assert!(!said.contains("bogus"), "{said}");
}

#[test]
fn an_xlsb_with_an_excel_4_macro_sheet_reads_the_other_sheets() {
    let json = reads_the_five("r15_macro_sheet.xlsb");
    assert!(skipped(&json).contains(&"宏表1".to_string()), "{json}");
}
