//! End-to-end tests of 往来单位 exports (金蝶 / 用友): their code headers are read, and a row
//! whose type names a supplier only is no customer — rejected, counted and said in stderr and
//! 数据质量; a file of suppliers only stops the run with one sentence and writes nothing.

use std::path::Path;

use super::{assert_ok, col, custseg, sheet};

/// A 往来单位 export: 20 customers, 5 suppliers (rows 22–26), 3 customers that are suppliers too.
fn partner_csv() -> String {
    let mut s = String::from("单位编号,单位名称,往来单位类型,员工人数,营业收入（万元）,所属行业\n");
    let industries = ["软件和信息技术服务业", "批发业", "制造业", "零售业"];
    for i in 0..20 {
        let n = i + 1;
        let industry = industries[i % 4];
        s += &format!(
            "WL{n:04},客户{n}有限公司,客户,{},{},{industry}\n",
            20 + i * 7,
            500 + i * 90
        );
    }
    for i in 0..5 {
        let n = i + 21;
        s += &format!(
            "WL{n:04},供应商{n}有限公司,供应商,{},{},制造业\n",
            30 + i,
            800 + i
        );
    }
    for i in 0..3 {
        let n = i + 26;
        s += &format!(
            "WL{n:04},双向{n}有限公司,客户及供应商,{},{},批发业\n",
            50 + i,
            900 + i
        );
    }
    s
}

/// The counts of a `--json` output: (customers, rows read, rows rejected).
fn counts(stdout: &[u8]) -> (u64, u64, u64) {
    let json: serde_json::Value = serde_json::from_slice(stdout).expect("JSON on stdout");
    let n = |k: &str| json[k].as_u64().unwrap_or_else(|| panic!("{k} in {json}"));
    (n("customers"), n("rows_read"), n("rows_rejected"))
}

#[test]
fn suppliers_of_a_partner_export_are_rejected_counted_and_said() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("往来单位.csv"), partner_csv()).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args([
            "往来单位.csv",
            "--as-of",
            "2026-09-30",
            "--json",
            "--no-pdf",
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let (customers, read, rejected) = counts(&out.stdout);
    assert_eq!((customers, read, rejected), (23, 28, 5));
    assert_eq!(read, customers + rejected, "rows read = used + rejected");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("供应商（5 条）：往来单位类型为供应商，不是客户"),
        "{stderr}"
    );
    assert!(
        stderr.contains("往来单位.csv / 往来单位 第 22 行"),
        "{stderr}"
    );

    // check --json agrees with the run, and lists the five rows it rejected.
    let check = custseg()
        .current_dir(dir.path())
        .args(["check", "往来单位.csv", "--as-of", "2026-09-30", "--json"])
        .output()
        .unwrap();
    assert_ok(&check);
    assert_eq!(counts(&check.stdout), (customers, read, rejected));
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let suppliers: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "Supplier")
        .collect();
    let rows: Vec<u64> = suppliers
        .iter()
        .map(|f| f["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [22, 23, 24, 25, 26]);
    assert!(suppliers.iter().all(|f| f["rejected"] == true));

    // 数据质量 has the five rows, 客户明细 none of the suppliers, 读取记录 the type column used.
    let xlsx = dir.path().join("往来单位_2026Q3_客户分类.xlsx");
    let quality = sheet(&xlsx, "数据质量");
    let (kind, value, row) = (
        col(&quality[0], "问题类型"),
        col(&quality[0], "值"),
        col(&quality[0], "行号"),
    );
    let rejected_rows: Vec<(&str, &str)> = quality[1..]
        .iter()
        .filter(|r| r[kind] == "供应商")
        .map(|r| (r[row].as_str(), r[value].as_str()))
        .collect();
    assert_eq!(
        rejected_rows,
        [
            ("22", "供应商"),
            ("23", "供应商"),
            ("24", "供应商"),
            ("25", "供应商"),
            ("26", "供应商")
        ]
    );
    let details = sheet(&xlsx, "客户明细");
    let all: String = details.iter().flatten().cloned().collect();
    assert!(!all.contains("供应商21有限公司") && all.contains("双向28有限公司"));
    let reading = sheet(&xlsx, "读取记录");
    let (column, field) = (col(&reading[0], "列"), col(&reading[0], "字段"));
    let type_row = reading
        .iter()
        .find(|r| r[column] == "往来单位类型")
        .expect("the type column in 读取记录");
    assert_eq!(type_row[field], "往来单位类型");
}

#[test]
fn a_file_of_suppliers_only_stops_with_one_sentence_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("往来单位代码,往来单位名称,单位类型,员工人数\n");
    for i in 1..=6 {
        csv += &format!("G{i:03},供应商{i},供应商,{}\n", 10 + i);
    }
    std::fs::write(dir.path().join("供应商.csv"), csv).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args(["供应商.csv", "--as-of", "2026-09-30", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("供应商.csv 中的 6 行都是供应商（往来单位类型为供应商），没有客户，无法分类"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

/// An English-worded 往来单位 workbook: Vendor and Supplier rows go, Both and Customer rows stay,
/// and a type naming neither (其他往来单位) stays a customer, said once with its row count.
#[test]
fn an_english_worded_partner_workbook_keeps_customers_and_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partners.xlsx");
    write_partners(&path);
    let out = custseg()
        .current_dir(dir.path())
        .args(["check", "partners.xlsx", "--as-of", "2026-09-30", "--json"])
        .output()
        .unwrap();
    assert_ok(&out);
    // 12 customers, 2 both, 2 of 其他往来单位 (kept); 3 suppliers and 1 vendor left out.
    assert_eq!(counts(&out.stdout), (16, 20, 4));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let unclear: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["kind"] == "PartyTypeUnclear")
        .collect();
    assert_eq!(unclear.len(), 1, "{findings:?}");
    assert_eq!(
        unclear[0]["problem"],
        "往来单位类型“其他往来单位”既不是客户也不是供应商（2 行）"
    );
    assert_eq!(unclear[0]["rejected"], false);
}

/// Writes a workbook of 20 往来单位 (往来单位编号, Party Type in English words).
fn write_partners(to: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("往来单位").unwrap();
    let header = ["往来单位编号", "往来单位名称", "Party Type", "员工人数"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..20u32 {
        let kind = match i {
            0..=11 => "Customer",
            12 | 13 => "Both",
            14 | 15 => "其他往来单位",
            16..=18 => "Supplier",
            _ => "Vendor",
        };
        let row = i + 1;
        ws.write_string(row, 0, format!("P{row:03}")).unwrap();
        ws.write_string(row, 1, format!("Partner {row} Ltd"))
            .unwrap();
        ws.write_string(row, 2, kind).unwrap();
        ws.write_number(row, 3, f64::from(10 + row)).unwrap();
    }
    wb.save(to).unwrap();
}
