//! End-to-end tests of actions with owners (issue 19): the 业务员 column read, the follow-up lists
//! per owner in the workbook (跟进清单) and the PDF (按负责人跟进), the actions section naming the
//! customers it counts, and recommendations that move customers up.

use std::collections::BTreeMap;

use super::{assert_ok, col, custseg, pdftotext, repo, run_sample, sheet, sheet_names};

const XLSX: &str = "客户档案_2026Q3_客户分类.xlsx";
const PDF: &str = "客户档案_2026Q3_管理报告.pdf";

/// Amounts as written in 跟进清单 (元, a number).
fn amount(text: &str) -> f64 {
    text.parse().unwrap_or_else(|_| panic!("amount {text:?}"))
}

/// With 业务员 in the customers sheet: 客户明细 keeps it, 跟进清单 lists per owner their customers
/// to act on (owners by amount at stake, 未分配 last), and the PDF has the section by owner.
#[test]
fn owner_lists_when_the_input_has_an_owner_column() {
    let (dir, _) = run_sample(&[]);
    let xlsx = dir.path().join(XLSX);
    let details = sheet(&xlsx, "客户明细");
    let owner_col = col(&details[0], "业务员");
    let code_col = col(&details[0], "客户编码");
    let owner_of: BTreeMap<&str, &str> = details[1..]
        .iter()
        .map(|r| (r[code_col].as_str(), r[owner_col].as_str()))
        .collect();
    assert!(sheet_names(&xlsx).iter().any(|n| n == "跟进清单"));
    let rows = sheet(&xlsx, "跟进清单");
    let h = &rows[0];
    let (o, k, c, n, t, a, act) = (
        col(h, "负责人"),
        col(h, "跟进事项"),
        col(h, "客户编码"),
        col(h, "客户名称"),
        col(h, "客户等级"),
        col(h, "消费金额(元)"),
        col(h, "建议行动"),
    );
    assert!(rows.len() > 50, "{} rows", rows.len());
    let mut stake: Vec<(String, f64)> = Vec::new();
    for r in &rows[1..] {
        let written = owner_of[r[c].as_str()];
        let want = if written.is_empty() {
            "未分配"
        } else {
            written
        };
        assert_eq!(r[o], want, "row {r:?}");
        assert!(!r[n].is_empty() && !r[act].is_empty(), "{r:?}");
        match r[k].as_str() {
            "核心客户流失风险" => assert_eq!(r[t], "核心客户"),
            "潜力客户待开发" => assert_eq!(r[t], "潜力客户"),
            "流失大客户" => {}
            other => panic!("list {other}"),
        }
        match stake.last_mut() {
            Some((owner, sum)) if *owner == r[o] => *sum += amount(&r[a]),
            _ => {
                assert!(
                    stake.iter().all(|(owner, _)| *owner != r[o]),
                    "{} in two groups",
                    r[o]
                );
                stake.push((r[o].clone(), amount(&r[a])));
            }
        }
    }
    assert!(stake.len() >= 10, "{stake:?}");
    let named: Vec<&(String, f64)> = stake.iter().filter(|(o, _)| o != "未分配").collect();
    assert!(
        named.windows(2).all(|w| w[0].1 >= w[1].1),
        "owners by amount at stake: {stake:?}"
    );
    if let Some(i) = stake.iter().position(|(o, _)| o == "未分配") {
        assert_eq!(i, stake.len() - 1, "未分配 last");
    }
    let text = pdftotext(&dir.path().join(PDF));
    assert!(text.contains("按负责人跟进"), "section by owner");
    for (owner, _) in &named {
        assert!(text.contains(&format!("{owner}：")), "{owner} in the PDF");
    }
    assert!(text.contains("潜力客户待开发"));
    assert!(text.contains("（万元）"), "amounts in 万元");
}

/// Without an owner column: no 跟进清单 and no section by owner.
#[test]
fn no_owner_column_no_follow_up_sheet_or_section() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/basic.xlsx"),
        dir.path().join("basic.xlsx"),
    )
    .unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args(["basic.xlsx", "--as-of", "2026-09-30", "-q"])
        .output()
        .unwrap();
    assert_ok(&out);
    let xlsx = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_客户分类.xlsx"))
        .expect("a result workbook");
    assert!(!sheet_names(&xlsx).iter().any(|n| n == "跟进清单"));
    let pdf = xlsx.with_file_name(
        xlsx.file_name()
            .unwrap()
            .to_string_lossy()
            .replace("_客户分类.xlsx", "_管理报告.pdf"),
    );
    assert!(!pdftotext(&pdf).contains("按负责人跟进"));
}

/// The actions section names the high-churn customers it counts: up to ten names, then
/// "等 N 家"; the product advice is counted by move, never "最常推荐的产品：专业版".
#[test]
fn actions_name_the_customers_they_count() {
    let (dir, _) = run_sample(&[]);
    let text = pdftotext(&dir.path().join(PDF));
    let flat: String = text.split_whitespace().collect();
    let details = sheet(&dir.path().join(XLSX), "客户明细");
    let name_col = col(&details[0], "客户名称");
    let mut lists = Vec::new();
    for (at, _) in flat.match_indices("家流失风险高（") {
        let rest = &flat[at..];
        let names = &rest[rest.find('（').unwrap() + '（'.len_utf8()..rest.find('）').unwrap()];
        let first = names.split('、').next().unwrap();
        assert!(
            details[1..].iter().any(|r| r[name_col] == first),
            "{first} is a customer"
        );
        lists.push(names.to_string());
    }
    // One list per tier that has high-churn customers (the tiers come from the workbook).
    let (tier_col, churn_col) = (col(&details[0], "客户等级"), col(&details[0], "流失风险"));
    let mut tiers_at_risk: Vec<&str> = details[1..]
        .iter()
        .filter(|r| r[churn_col] == "高")
        .map(|r| r[tier_col].as_str())
        .collect();
    tiers_at_risk.sort();
    tiers_at_risk.dedup();
    assert!(tiers_at_risk.len() >= 2, "{tiers_at_risk:?}");
    assert_eq!(lists.len(), tiers_at_risk.len(), "one per tier: {lists:?}");
    assert!(lists.iter().any(|n| n.contains('、')), "{lists:?}");
    let long = lists
        .iter()
        .find(|n| n.contains('等'))
        .expect("more than ten: 等 N 家");
    assert_eq!(long.matches('、').count(), 9, "ten names: {long}");
    assert!(long.ends_with("等86家"), "{long}");
    assert!(!flat.contains("最常推荐的产品"), "counted by move");
}

/// On the sample, a sensible share of core and potential customers is advised a step up
/// (现有 → 推荐 with the reason), general customers seldom; the rest keep their edition with a
/// reason; none is a downgrade.
#[test]
fn a_sensible_share_of_customers_is_advised_an_upgrade() {
    let (dir, _) = run_sample(&[]);
    let rows = sheet(&dir.path().join(XLSX), "客户明细");
    let h = &rows[0];
    let (tier, product) = (col(h, "客户等级"), col(h, "推荐产品"));
    let mut by_tier: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in &rows[1..] {
        let e = by_tier.entry(r[tier].as_str()).or_default();
        e.0 += 1;
        if r[product].contains(" → ") {
            e.1 += 1;
            assert!(r[product].ends_with('）'), "reason shown: {}", r[product]);
        } else {
            assert!(r[product].starts_with("维持现有版本（"), "{}", r[product]);
        }
    }
    let share = |t: &str| {
        let (n, up) = by_tier[t];
        up as f64 / n as f64
    };
    assert!(
        (0.3..0.9).contains(&share("核心客户")),
        "core {:?}",
        by_tier
    );
    assert!(
        (0.3..0.9).contains(&share("潜力客户")),
        "potential {:?}",
        by_tier
    );
    assert!(share("一般客户") < 0.2, "general {by_tier:?}");
}

/// The decoration sample's 设计师 is an owner: its run has the follow-up sheet.
#[test]
fn designers_are_owners_in_the_decoration_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = "装饰业主档案.xlsx";
    std::fs::copy(repo().join("samples").join(file), dir.path().join(file)).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args([
            file,
            "-p",
            "decoration",
            "--as-of",
            "2026-09-30",
            "-q",
            "--no-pdf",
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let xlsx = dir.path().join("装饰业主档案_2026Q3_客户分类.xlsx");
    let rows = sheet(&xlsx, "跟进清单");
    assert!(
        rows[1..].iter().any(|r| r[0] == "沈一凡"),
        "{:?}",
        &rows[..3]
    );
}
