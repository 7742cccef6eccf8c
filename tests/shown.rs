//! End-to-end tests of what was read, shown (issue 14, part C): the read map in `check`'s output
//! and on stderr at the start of a run, the workbook's 读取记录 sheet, the PDF's 数据质量 summary,
//! and `--include-hidden`.

use super::{custseg, pdftotext, repo, sheet, sheet_names};

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// `custseg check` with the given arguments: (exit code, stdout).
fn check(args: &[&str]) -> (i32, String) {
    let out = custseg()
        .arg("check")
        .arg(fixture("kingdee_bilingual.xlsx"))
        .args(["--as-of", "2026-09-30"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), stdout)
}

#[test]
fn check_shows_each_sheet_its_columns_and_the_sheets_skipped() {
    let (code, out) = check(&[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("读取 kingdee_bilingual.xlsx / 客户档案：客户档案，表头第 4 行，数据 8 行"),
        "{out}"
    );
    // Bilingual headers are named as written, each with its field; a line break is a space.
    assert!(out.contains("列 → 字段：客户编码 Code→客户编码、"), "{out}");
    assert!(out.contains("员工人数 Employees→员工人数"), "{out}");
    assert!(
        out.contains("跳过 kingdee_bilingual.xlsx / 数据字典：隐藏的工作表，未读取（如需读取，请加 --include-hidden）"),
        "{out}"
    );
    assert!(
        out.contains("跳过 kingdee_bilingual.xlsx / 填表说明："),
        "{out}"
    );
}

#[test]
fn check_names_the_columns_not_recognised_in_english_too() {
    let out = custseg()
        .arg("check")
        .arg(repo().join("samples/客户档案.xlsx"))
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("Read 客户档案.xlsx / 客户档案: customers, header on row 3"),
        "{out}"
    );
    assert!(out.contains("  columns not recognised: 联系人\n"), "{out}");
}

#[test]
fn include_hidden_reads_the_hidden_sheet_in_check_and_run() {
    let (_, out) = check(&["--include-hidden"]);
    assert!(!out.contains("隐藏的工作表"), "{out}");
    assert!(out.contains("kingdee_bilingual.xlsx / 数据字典"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .arg(fixture("kingdee_bilingual.xlsx"))
        .args([
            "--as-of",
            "2026-09-30",
            "--no-pdf",
            "--include-hidden",
            "-o",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("隐藏的工作表"), "{err}");
}

#[test]
fn a_run_shows_the_map_on_stderr_and_records_it_in_the_workbook_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .arg(fixture("kingdee_bilingual.xlsx"))
        .args(["--as-of", "2026-09-30", "--json", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    // stderr carries the map even with --json on stdout, a few lines per sheet.
    assert!(
        err.contains("读取 kingdee_bilingual.xlsx / 客户档案：客户档案，表头第 4 行"),
        "{err}"
    );
    assert!(
        err.contains("跳过 kingdee_bilingual.xlsx / 数据字典"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["customers"], 5);

    let xlsx = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .expect("a workbook");
    let names = sheet_names(&xlsx);
    let at = names
        .iter()
        .position(|n| n == "读取记录")
        .expect("读取记录");
    assert_eq!(names[at + 1], "数据质量");
    let rows = sheet(&xlsx, "读取记录");
    assert_eq!(
        rows[0],
        [
            "文件",
            "工作表",
            "用途",
            "表头行",
            "数据行数",
            "列",
            "字段",
            "说明"
        ]
    );
    let row = |sheet: &str, column: &str| {
        rows.iter()
            .find(|r| r[1] == sheet && r[5] == column)
            .unwrap_or_else(|| panic!("{sheet}/{column} in {rows:?}"))
            .clone()
    };
    assert_eq!(row("客户档案", "")[2..5], ["客户档案", "4", "8"]);
    assert_eq!(row("客户档案", "客户编码 Code")[6], "客户编码");
    assert!(row("数据字典", "")[7].contains("隐藏的工作表"), "{rows:?}");

    let pdf = xlsx.with_file_name(
        xlsx.file_name()
            .unwrap()
            .to_string_lossy()
            .replace("客户分类.xlsx", "管理报告.pdf"),
    );
    let text = pdftotext(&pdf);
    let quality = &text[text.rfind("数据质量").unwrap_or(0)..];
    assert!(quality.contains("读取文件 1 个、工作表 1 张"), "{quality}");
    assert!(quality.contains("跳过的工作表 2 张"), "{quality}");
}

#[test]
fn quiet_runs_say_nothing_of_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .arg(fixture("kingdee_bilingual.xlsx"))
        .args(["--as-of", "2026-09-30", "--no-pdf", "-q", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("读取 kingdee"), "{err}");
}
