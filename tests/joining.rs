//! End-to-end tests of joining and of what the user is told (issue 14): codes joined by one
//! stated normalisation, a sheet that joins nothing stops the run, findings by cause on stderr,
//! zero-amount lines are purchases, the as-of date comes from the data, a closed pipe is quiet.
//! The fixtures are made by scripts/make-fixtures-join.py.

use std::path::Path;
use std::process::Stdio;

use super::{assert_ok, col, custseg, pdftotext, repo, sheet};

/// A fresh work directory holding copies of the given fixtures (relative to tests/fixtures/).
fn work_with_fixtures(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in files {
        let from = repo().join("tests/fixtures").join(f);
        std::fs::copy(&from, dir.path().join(f))
            .unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
    dir
}

/// Runs custseg in `dir` on the files with `--json -q --no-pdf` and the extra arguments.
fn run_in(dir: &Path, files: &[&str], extra: &[&str]) -> std::process::Output {
    custseg()
        .current_dir(dir)
        .args(files)
        .args(["--json", "-q", "--no-pdf"])
        .args(extra)
        .output()
        .unwrap()
}

/// The one result workbook in `dir`.
fn result_workbook(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_客户分类.xlsx"))
        .expect("a result workbook")
}

#[test]
fn sales_codes_that_lost_their_leading_zeros_join_with_the_rule_stated() {
    let files = ["join_zeros_customers.xlsx", "join_zeros_sales.xlsx"];
    let dir = work_with_fixtures(&files);
    let out = run_in(dir.path(), &files, &[]);
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("忽略编码的前导零"),
        "rule on stderr: {stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows_rejected"], 0, "every sales line joins");
    let wb = result_workbook(dir.path());
    let dq = sheet(&wb, "数据质量").concat().join(" ");
    assert!(dq.contains("忽略编码的前导零"), "rule in 数据质量: {dq}");
    // Customer 000003 has three lines, one of them a zero-amount 赠品: F is 3.
    let rows = sheet(&wb, "客户明细");
    let (code, f) = (col(&rows[0], "客户编码"), col(&rows[0], "消费频次"));
    let c3 = rows.iter().find(|r| r[code] == "000003").expect("000003");
    assert_eq!(c3[f], "3", "a zero-amount line is a purchase");
}

#[test]
fn a_sales_file_of_another_companys_codes_stops_with_exit_1_and_one_paragraph() {
    let files = ["join_zeros_customers.xlsx", "join_other_sales.xlsx"];
    let dir = work_with_fixtures(&files);
    let out = run_in(dir.path(), &files, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for part in [
        "join_other_sales.xlsx",
        "销售明细",
        "100%",
        "KH-1001",
        "000001",
        "可能的原因",
    ] {
        assert!(stderr.contains(part), "{part} in: {stderr}");
    }
    assert_eq!(stderr.trim().lines().count(), 1, "one paragraph: {stderr}");
    assert!(!stderr.contains("panicked"));
    let written = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(written, files.len(), "nothing written");
    // `check` stops the same way.
    let out = custseg()
        .current_dir(dir.path())
        .arg("check")
        .args(files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = run_in(dir.path(), &files, &["--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Likely cause"), "{stderr}");
}

#[test]
fn a_few_unknown_codes_are_a_warning_and_one_line_per_cause() {
    let files = ["join_zeros_customers.xlsx", "join_partial_sales.xlsx"];
    let dir = work_with_fixtures(&files);
    let out = run_in(dir.path(), &files, &[]);
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("警告") && stderr.contains("20%"),
        "{stderr}"
    );
    let unknown: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("客户档案中无此编码"))
        .collect();
    assert_eq!(unknown.len(), 1, "one line for six rows: {stderr}");
    assert!(unknown[0].contains("6 条"), "{}", unknown[0]);
    // `check` counts the findings as `run` does and exits the same way.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let check = custseg()
        .current_dir(dir.path())
        .arg("check")
        .args(files)
        .arg("--json")
        .output()
        .unwrap();
    assert_ok(&check);
    let cj: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(cj["issues"], json["issues"]);
    assert_eq!(cj["rows_rejected"], json["rows_rejected"]);
}

#[test]
fn the_as_of_date_comes_from_the_customers_sheet_dates_not_today() {
    let files = ["join_zeros_customers.xlsx"];
    let dir = work_with_fixtures(&files);
    let out = run_in(dir.path(), &files, &[]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["as_of"], "2020-01-10", "the latest 签约日期");
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    let files = ["join_zeros_customers.xlsx", "join_partial_sales.xlsx"];
    let dir = work_with_fixtures(&files);
    let bin = assert_cmd::cargo::cargo_bin("custseg");
    let mut child = std::process::Command::new(&bin)
        .current_dir(dir.path())
        .arg("check")
        .args(files)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .arg("check")
            .args(files)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn thin_data_is_said_on_the_summary_page() {
    // A sales file some of whose codes join no customer, and no usage or survey data: the
    // summary page says both next to the KPIs, before any finding.
    let files = ["join_zeros_customers.xlsx", "join_partial_sales.xlsx"];
    let dir = work_with_fixtures(&files);
    let out = custseg()
        .current_dir(dir.path())
        .args(files)
        .args(["-q", "--no-xlsx"])
        .output()
        .unwrap();
    assert_ok(&out);
    let pdf = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_管理报告.pdf"))
        .expect("a report");
    let text = pdftotext(&pdf);
    let summary = &text[text
        .find("主要发现")
        .expect("the summary page")
        .saturating_sub(2000)..];
    let notes = &summary[summary.find("数据提示").expect("a note block")..];
    let notes = &notes[..notes.find("主要发现").unwrap()];
    let flat: String = notes.split_whitespace().collect();
    assert!(flat.contains("（20%）"), "{notes}");
    assert!(flat.contains("客户档案中找不到"), "{notes}");
    assert!(flat.contains("活跃维度"), "{notes}");
}

#[test]
fn codes_of_another_prefix_beside_codes_that_join_are_not_joined_by_a_prefix_rule() {
    // 30 customers DW0001…DW0030; the sales sheet has 5 of them as they are and 25 lines of
    // ZZ0006…ZZ0030 — another company's codes, not DW's under another prefix.
    let dir = tempfile::tempdir().unwrap();
    let mut customers = String::from("客户编码,客户名称,员工人数,营业收入（万元）,所属行业\n");
    for i in 1..=30 {
        customers += &format!(
            "DW{i:04},客户{i}有限公司,{},500,软件和信息技术服务业\n",
            10 + i
        );
    }
    let mut sales = String::from("日期,客户编码,金额\n");
    for i in 1..=5 {
        sales += &format!("2026-0{}-15,DW{i:04},1000\n", 1 + i % 8);
    }
    for i in 6..=30 {
        sales += &format!("2026-0{}-15,ZZ{i:04},1000\n", 1 + i % 8);
    }
    std::fs::write(dir.path().join("客户档案.csv"), customers).unwrap();
    std::fs::write(dir.path().join("销售明细.csv"), sales).unwrap();
    let files = ["客户档案.csv", "销售明细.csv"];
    let out = run_in(dir.path(), &files, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 25 of 30 lines unknown: the run stops, naming both sides' codes, and writes nothing.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("前缀"), "no prefix rule: {stderr}");
    for part in ["83%", "ZZ0006", "DW0001"] {
        assert!(stderr.contains(part), "{part} in: {stderr}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing written"
    );
}
