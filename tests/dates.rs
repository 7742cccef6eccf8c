//! Dates written with the year last (3/4/2026): a sales sheet from a US-English system
//! (9/30/2026) is read month first, its ambiguous dates too, and said; a day-first sheet is
//! read as before without a word; a sheet whose dates could all be either is read day first
//! and said.

use super::{custseg, pdftotext};

/// A folder holding 30 customers and their sales lines, the date text by `date(month, day)`.
fn inputs(lines: &[(u32, u32)], date: impl Fn(u32, u32) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut customers = String::from("客户编码,客户名称,员工人数,营业收入（万元）,所属行业\n");
    for i in 1..=30 {
        customers += &format!("C{i:03},客户{i}有限公司,{},800,制造业\n", 10 + i);
    }
    let mut sales = String::from("日期,客户编码,金额\n");
    for (k, &(m, d)) in lines.iter().enumerate() {
        sales += &format!("{},C{:03},1000\n", date(m, d), 1 + k % 30);
    }
    std::fs::write(dir.path().join("客户档案.csv"), customers).unwrap();
    std::fs::write(dir.path().join("销售明细.csv"), sales).unwrap();
    dir
}

/// Runs custseg on [`inputs`] with `--json` and no report; gives (exit code, stderr, JSON).
fn run(
    lines: &[(u32, u32)],
    date: impl Fn(u32, u32) -> String,
) -> (i32, String, serde_json::Value) {
    let dir = inputs(lines, date);
    let out = custseg()
        .current_dir(dir.path())
        .args(["客户档案.csv", "销售明细.csv", "--as-of", "2026-09-30"])
        .args(["--json", "-q", "--no-pdf"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), stderr, json)
}

/// 120 lines over January–September, days 1–28: some days over 12, so the order shows.
fn lines() -> Vec<(u32, u32)> {
    (0..120u32).map(|k| (1 + k % 9, 1 + (k * 7) % 28)).collect()
}

#[test]
fn month_first_dates_are_read_month_first_and_said() {
    let (code, stderr, json) = run(&lines(), |m, d| format!("{m}/{d}/2026"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["rows_rejected"], 0, "no line lost: {stderr}");
    assert!(stderr.contains("全部按“月/日/年”读取"), "{stderr}");
    // Read month first, no date is after the as-of date (2026-09-30): none left out as future.
    assert!(!stderr.contains("日期晚于基准日"), "{stderr}");
}

#[test]
fn day_first_dates_are_read_as_before_without_a_word() {
    let (code, stderr, json) = run(&lines(), |m, d| format!("{d}/{m}/2026"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["rows_rejected"], 0, "{stderr}");
    assert!(!stderr.contains("日期的日月顺序"), "{stderr}");
}

#[test]
fn dates_that_could_be_either_are_read_day_first_and_said_on_the_summary_page() {
    // 60 lines whose day and month are all 12 or less.
    let ambiguous: Vec<(u32, u32)> = (0..60u32).map(|k| (1 + k % 9, 1 + k % 12)).collect();
    let dir = inputs(&ambiguous, |m, d| format!("{d}/{m}/2026"));
    let out = custseg()
        .current_dir(dir.path())
        .args([
            "客户档案.csv",
            "销售明细.csv",
            "--as-of",
            "2026-09-30",
            "-q",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("数据本身无法判断顺序"), "{stderr}");
    let pdf = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_管理报告.pdf"))
        .expect("a report");
    let text: String = pdftotext(&pdf).split_whitespace().collect();
    let hint = text.find("数据提示").expect("数据提示 on the summary page");
    let said = text
        .find("的“日期”列：该列日期的年份在后")
        .expect("the date order in 数据提示");
    assert!(
        said > hint && said - hint < 600,
        "said among the hints: {text}"
    );
}

#[test]
fn a_customers_sheets_month_first_dates_are_read_month_first_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut customers =
        String::from("客户编码,客户名称,员工人数,营业收入（万元）,所属行业,最近购买日期\n");
    for i in 1..=40u32 {
        let (m, d) = (1 + i % 9, 1 + (i * 5) % 28);
        customers += &format!(
            "C{i:03},客户{i}有限公司,{},800,制造业,{m}/{d}/2026\n",
            10 + i
        );
    }
    std::fs::write(dir.path().join("客户档案.csv"), customers).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args([
            "客户档案.csv",
            "--as-of",
            "2026-09-30",
            "--json",
            "-q",
            "--no-pdf",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("全部按“月/日/年”读取"), "{stderr}");
    assert!(
        !stderr.contains("无法识别为日期"),
        "no date unreadable: {stderr}"
    );
    assert!(
        !stderr.contains("日期晚于基准日"),
        "none after the as-of date: {stderr}"
    );
}
