//! Issues 20 + 19: 生命周期 counts a customer's age from the earliest known start of the
//! relationship — the customers sheet's 签约日期 / 首次购买日期 or the first purchase in the
//! detail rows — and 参数 says when the history is too short to tell 成熟期.

use super::*;

/// Runs custseg on a customers CSV (with `signed` as 签约日期 per customer) and a sales CSV;
/// gives (code → 生命周期, 参数 rows).
fn run_with_signing(signed: [&str; 3]) -> (BTreeMap<String, String>, Vec<Vec<String>>) {
    let dir = tempfile::tempdir().unwrap();
    let customers = format!(
        "客户编码,客户名称,行业,签约日期\n0001,甲公司,软件开发,{}\n0002,乙公司,软件开发,{}\n0003,丙公司,软件开发,{}\n",
        signed[0], signed[1], signed[2]
    );
    fs::write(dir.path().join("客户档案.csv"), customers).unwrap();
    let sales = "开票日期,客户编码,金额\n2026-03-01,0001,1000\n2026-09-01,0001,1200\n\
                 2026-03-05,0002,800\n2026-09-10,0002,900\n2026-03-10,0003,500\n2026-09-12,0003,600\n";
    fs::write(dir.path().join("销售明细.csv"), sales).unwrap();
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
    assert_ok(&out);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    let rows = sheet(&xlsx, "客户明细");
    let (code, life) = (col(&rows[0], "客户编码"), col(&rows[0], "生命周期"));
    let lifecycle = rows[1..]
        .iter()
        .map(|r| (r[code].clone(), r[life].clone()))
        .collect();
    (lifecycle, sheet(&xlsx, "参数"))
}

fn said(params: &[Vec<String>], key: &str) -> String {
    params
        .iter()
        .find(|r| r.first().is_some_and(|k| k == key))
        .map(|r| r[1].clone())
        .unwrap_or_else(|| panic!("{key} not in 参数"))
}

#[test]
fn the_signing_date_in_the_customers_sheet_is_the_start_of_the_relationship() {
    let (lifecycle, params) = run_with_signing(["2020-01-15", "", "2026-04-01"]);
    // Signed in 2020: mature, though the export starts in 2026.
    assert_eq!(lifecycle["0001"], "成熟期");
    // No signing date: the export's first purchase (2026-03-05), so growing.
    assert_eq!(lifecycle["0002"], "成长期");
    // Signed after its first purchase in the export: the earlier date counts.
    assert_eq!(lifecycle["0003"], "成长期");
    assert!(said(&params, "客户年龄起点").contains("取较早者"));
    let mature = said(&params, "成熟期");
    assert!(!mature.contains("无法判断成熟期"), "{mature}");
    // Three customers: no fit, so 潜力 keeps the old rule and says so.
    assert!(said(&params, "潜力（12个月价值）").starts_with("模型未拟合"));
}

#[test]
fn a_history_too_short_for_maturity_is_said_not_silently_growing() {
    let (lifecycle, params) = run_with_signing(["", "", ""]);
    assert!(lifecycle.values().all(|l| l != "成熟期"), "{lifecycle:?}");
    let mature = said(&params, "成熟期");
    assert!(
        mature.contains("不足成熟期所需 730 天：无法判断成熟期"),
        "{mature}"
    );
}
