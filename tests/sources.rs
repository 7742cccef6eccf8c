//! End-to-end tests of what the base is made of: customers lists from two unrelated sources are
//! said (stderr, 数据质量, the summary page), two halves of one list are not; a small base is
//! said next to the figures; a column a report table groups by is shown as used.

use std::path::Path;

use super::{assert_ok, col, custseg, pdftotext, sheet, work_with_samples};

/// The rows of the sample's 客户档案 from its header row on, every cell as text.
fn customers_table() -> Vec<Vec<String>> {
    let rows = sheet(&super::repo().join("samples/客户档案.xlsx"), "客户档案");
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "客户编码"))
        .expect("a header row");
    rows[header..].to_vec()
}

/// Writes `header` and `rows` as the only sheet (客户档案) of a new workbook at `to`.
fn write_customers(to: &Path, header: &[String], rows: &[Vec<String>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("客户档案").unwrap();
    for (r, row) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, text).unwrap();
        }
    }
    wb.save(to).unwrap();
}

/// The 问题类型 column of 数据质量.
fn finding_kinds(xlsx: &Path) -> Vec<String> {
    let rows = sheet(xlsx, "数据质量");
    let k = col(&rows[0], "问题类型");
    rows[1..].iter().map(|r| r[k].clone()).collect()
}

#[test]
fn customers_lists_of_two_unrelated_sources_are_said_where_the_user_looks() {
    let dir = work_with_samples(&["客户档案.xlsx", "销售明细.xlsx", "装饰业主档案.xlsx"]);
    let out = custseg()
        .current_dir(dir.path())
        .args(["客户档案.xlsx", "销售明细.xlsx", "装饰业主档案.xlsx"])
        .args(["--as-of", "2026-09-30", "-q", "--json"])
        .output()
        .unwrap();
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("客户档案来源不一"))
        .unwrap_or_else(|| panic!("no line on the sources in:\n{stderr}"));
    assert!(
        line.contains("客户档案.xlsx / 客户档案（")
            && line.contains("装饰业主档案.xlsx / 业主档案（"),
        "{line}"
    );
    assert!(line.contains("请分开运行"), "{line}");
    // The two counts it names add up to the customers classified.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let total = json["customers"]
        .as_u64()
        .expect("customers in the summary");
    let counts: u64 = line
        .split('（')
        .skip(1)
        .filter_map(|s| s.split_once(" 个客户")?.0.parse::<u64>().ok())
        .sum();
    assert_eq!(counts, total, "{line}");

    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    assert!(finding_kinds(&xlsx).iter().any(|k| k == "客户档案来源不一"));
    let pdf = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    let summary = pdf
        .split("主要发现")
        .next()
        .unwrap()
        .replace(['\n', ' '], "");
    assert!(summary.contains("互不相关的客户表"), "{summary}");
}

#[test]
fn two_halves_of_one_list_are_one_base_and_a_small_base_is_said() {
    let table = customers_table();
    let (header, rows) = (&table[0], &table[1..]);
    let code = col(header, "客户编码");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r[code].chars().all(|c| c.is_ascii_digit()) && !r[code].is_empty())
        .take(40)
        .cloned()
        .collect();
    let dir = tempfile::tempdir().unwrap();
    write_customers(&dir.path().join("北京.xlsx"), header, &rows[..20]);
    write_customers(&dir.path().join("上海.xlsx"), header, &rows[20..]);
    let out = custseg()
        .current_dir(dir.path())
        .args(["北京.xlsx", "上海.xlsx", "--as-of", "2026-09-30", "-q"])
        .output()
        .unwrap();
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("来源不一"), "{stderr}");
    let xlsx = dir.path().join("北京_2026Q3_客户分类.xlsx");
    assert!(!finding_kinds(&xlsx).iter().any(|k| k == "客户档案来源不一"));
    // 40 customers: the summary page says the figures rest on few customers.
    let pdf = pdftotext(&dir.path().join("北京_2026Q3_管理报告.pdf"));
    let summary = pdf
        .split("主要发现")
        .next()
        .unwrap()
        .replace(['\n', ' '], "");
    assert!(summary.contains("只有40个客户"), "{summary}");
}

#[test]
fn the_sample_base_has_no_small_base_note() {
    let (dir, _) = super::run_sample(&[]);
    let pdf = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    assert!(
        !pdf.contains("只有"),
        "the 499-customer sample is not a small base"
    );
}

#[test]
fn a_column_a_report_table_groups_by_is_shown_as_used() {
    let dir = work_with_samples(&["装饰业主档案.xlsx"]);
    let out = custseg()
        .current_dir(dir.path())
        .args([
            "装饰业主档案.xlsx",
            "-p",
            "decoration",
            "--as-of",
            "2026-09-30",
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("客户来源→报告分组"), "{stderr}");
    let unused = stderr
        .lines()
        .find(|l| l.contains("未识别的列"))
        .unwrap_or_default();
    assert!(!unused.contains("客户来源"), "{unused}");
    let rows = sheet(
        &dir.path().join("装饰业主档案_2026Q3_客户分类.xlsx"),
        "读取记录",
    );
    let (c, f, n) = (
        col(&rows[0], "列"),
        col(&rows[0], "字段"),
        col(&rows[0], "说明"),
    );
    let source = rows
        .iter()
        .find(|r| r[c] == "客户来源")
        .expect("客户来源 listed");
    assert_eq!(source[f], "报告分组");
    assert_eq!(source[n], "报告“客户来源”表按此列分组");
}
