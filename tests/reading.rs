//! End-to-end tests of reading exports as they come (issue 14, part A): bilingual headers,
//! footer lines, hidden and prose sheets, two columns for one field, a result workbook given
//! as input. The fixtures are made by scripts/make-fixtures-14.py.

use super::{custseg, repo};

/// `custseg check <fixture> --json` with a fixed as-of date: (exit code, JSON, stderr).
pub(super) fn check(fixture: &str) -> (i32, serde_json::Value, String) {
    let out = custseg()
        .arg("check")
        .arg(repo().join("tests/fixtures").join(fixture))
        .args(["--as-of", "2026-09-30", "--json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), json, stderr)
}

/// The findings of a check about the input's rows and sheets, as (kind, sheet, value); those
/// about the whole base (a dimension no customer has data for) name no file and are left out.
fn findings(json: &serde_json::Value) -> Vec<(String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["file"].as_str().unwrap_or_default().is_empty())
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("kind"), s("sheet"), s("value"))
        })
        .collect()
}

#[test]
fn a_kingdee_export_reads_to_exactly_its_customers() {
    let (code, json, stderr) = check("kingdee_bilingual.xlsx");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["customers"], 5, "{json}");
    let read = json["rows_read"].as_u64().unwrap();
    let rejected = json["rows_rejected"].as_u64().unwrap();
    assert_eq!((read, rejected), (8, 3), "{json}");
    let found = findings(&json);
    let kinds: Vec<&str> = found.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["SheetSkipped", "TotalsRow", "FooterRow", "FooterRow"],
        "{json}"
    );
    // The hidden dictionary is listed as skipped; the prose sheet has no finding.
    assert_eq!(found[0].1, "数据字典");
    assert!(!found.iter().any(|(_, s, _)| s == "填表说明"), "{json}");
}

#[test]
fn an_english_only_export_reads_without_lang_en() {
    let (code, json, stderr) = check("english_only.xlsx");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["customers"], 2, "{json}");
    assert_eq!(json["rows_read"], 4, "{json}");
    assert_eq!(json["rows_rejected"], 0, "{json}");
}

#[test]
fn two_columns_for_one_field_are_named_in_a_finding() {
    let (code, json, stderr) = check("two_code_columns.xlsx");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["customers"], 2, "{json}");
    let f = &json["findings"][0];
    assert_eq!(f["kind"], "ColumnClaimedTwice", "{json}");
    let problem = f["problem"].as_str().unwrap();
    assert!(
        problem.contains("客户编码") && problem.contains("客户编号"),
        "{problem}"
    );
}

#[test]
fn a_custseg_result_workbook_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let input = repo().join("tests/fixtures/kingdee_bilingual.xlsx");
    let copy = dir.path().join("客户档案.xlsx");
    std::fs::copy(&input, &copy).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .arg(&copy)
        .args(["--as-of", "2026-09-30", "-q", "--no-pdf"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p != &copy && p.extension().is_some_and(|e| e == "xlsx"))
        .expect("a result workbook");
    let out = custseg().arg("check").arg(&result).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--previous"), "{stderr}");
}

#[test]
fn values_as_written_are_read_or_said() {
    let (code, json, stderr) = check("values_as_written.xlsx");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["customers"], 5, "{json}");
    let found = findings(&json);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(k, _, v)| (k.as_str(), v.as_str()))
        .collect();
    // Every satisfaction form is read (no BadValue); placeholders and negatives are said.
    assert_eq!(
        got,
        [
            ("Placeholder", "不详"),
            ("OutOfRange", "-200"),
            ("Placeholder", "待补充"),
            ("OutOfRange", "-500"),
        ],
        "{json}"
    );
}

#[test]
fn a_code_unlike_the_columns_codes_is_no_customer() {
    let (code, json, stderr) = check("odd_codes.xlsx");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["customers"], 20, "{json}");
    let read = json["rows_read"].as_u64().unwrap();
    let rejected = json["rows_rejected"].as_u64().unwrap();
    assert_eq!((read, rejected), (24, 4), "{json}");
    let odd: Vec<String> = findings(&json)
        .into_iter()
        .filter(|(k, _, _)| k == "OddCode")
        .map(|(_, _, v)| v)
        .collect();
    assert_eq!(
        odd,
        [
            "以上客户资料仅供内部使用，请勿外传。",
            "Please see the attached list",
            "见附表",
            "KH-0017-2026-09-30-REVISED-COPY-FINAL",
        ],
        "{json}"
    );
    // Each names its row and the code column, and the row is left out.
    let all = json["findings"].as_array().unwrap();
    let first = all.iter().find(|f| f["kind"] == "OddCode").unwrap();
    assert_eq!(first["row"], 6, "{first}");
    assert_eq!(first["column"], "客户编码", "{first}");
    assert_eq!(first["rejected"], true, "{first}");
}
