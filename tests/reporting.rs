//! End-to-end tests of what managers and clerks act on (issue 19): headers that lookups can
//! use, recommendations a salesperson would make, print settings and the PDF's catalog.

use std::collections::BTreeSet;

use super::{assert_ok, col, custseg, pdftotext, run_sample, sheet, sheet_names};

/// 客户明细 and the tier sheets: no two columns share a header; the derived 付费模式 that clashes
/// with the input's is 付费模式(判定) (en "Payment Model (derived)" does not clash).
#[test]
fn no_two_columns_of_the_customer_sheets_share_a_header() {
    let (dir, _) = run_sample(&[]);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    for name in ["客户明细", "核心客户"] {
        let rows = sheet(&xlsx, name);
        let header = &rows[0];
        let mut seen = BTreeSet::new();
        for h in header.iter().filter(|h| !h.is_empty()) {
            assert!(
                seen.insert(h.as_str()),
                "{name}: header {h} twice in {header:?}"
            );
        }
        assert!(header.iter().any(|h| h == "付费模式"), "input column kept");
        assert!(header.iter().any(|h| h == "付费模式(判定)"), "{header:?}");
    }
}

/// The step of an edition text: 轻量 < 标准 < 专业 < 旗舰/定制.
fn edition(text: &str) -> Option<usize> {
    [&["轻量"][..], &["标准"], &["专业"], &["旗舰", "定制"]]
        .iter()
        .position(|words| words.iter().any(|w| text.contains(w)))
}

/// Every 推荐产品 of a 客户明细 is a step up from 产品版本, or 维持现有版本 with its reason in
/// brackets: never a lower edition without a reason.
fn assert_no_silent_downgrade(xlsx: &std::path::Path) -> usize {
    let rows = sheet(xlsx, "客户明细");
    let header = &rows[0];
    let (owned_col, advice_col) = (col(header, "产品版本"), col(header, "推荐产品"));
    let mut checked = 0;
    for row in &rows[1..] {
        let (owned, advice) = (&row[owned_col], &row[advice_col]);
        let Some(have) = edition(owned) else { continue };
        if advice.starts_with("维持现有版本") {
            assert!(
                advice.contains('（') && advice.ends_with('）'),
                "no reason: {advice}"
            );
        } else {
            let (from, to) = advice
                .split_once(" → ")
                .unwrap_or_else(|| panic!("{owned}: {advice} is not a move"));
            assert_eq!(from, owned, "{advice}");
            let want = edition(to).expect("an edition");
            assert!(want > have, "{owned} → {advice} is not a step up");
        }
        checked += 1;
    }
    checked
}

#[test]
fn no_recommendation_is_a_downgrade_without_a_reason() {
    let (dir, _) = run_sample(&[]);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    assert!(assert_no_silent_downgrade(&xlsx) > 300);
    let text = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    assert!(
        text.contains("产品建议（现有 → 推荐）"),
        "actions count by move"
    );
    // A synthetic base from `custseg sample`.
    let base = tempfile::tempdir().unwrap();
    let out = custseg()
        .args(["sample", base.path().to_str().unwrap()])
        .args(["--customers", "300", "--seed", "11"])
        .output()
        .unwrap();
    assert_ok(&out);
    let out = custseg()
        .current_dir(base.path())
        .args(["客户档案.xlsx", "-q", "--no-pdf"])
        .output()
        .unwrap();
    assert_ok(&out);
    let xlsx = std::fs::read_dir(base.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_客户分类.xlsx"))
        .expect("a result workbook");
    assert!(assert_no_silent_downgrade(&xlsx) > 100);
}

/// Printing: 客户明细 and the tier sheets print landscape, one page wide, the header row on
/// every page; the PDF opens with its outline (`/PageMode /UseOutlines` as a name) and does not
/// claim PDF/X with an empty key.
#[test]
fn wide_sheets_print_one_page_wide_and_the_pdf_catalog_is_well_formed() {
    let (dir, _) = run_sample(&["--lang", "zh"]);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    let names = sheet_names(&xlsx);
    let wb = std::process::Command::new("unzip")
        .arg("-p")
        .arg(&xlsx)
        .arg("xl/workbook.xml")
        .output()
        .expect("unzip is installed");
    let workbook = String::from_utf8_lossy(&wb.stdout).into_owned();
    for name in ["客户明细", "核心客户", "潜力客户", "一般客户"] {
        let index = names.iter().position(|n| n == name).expect(name) + 1;
        let out = std::process::Command::new("unzip")
            .arg("-p")
            .arg(&xlsx)
            .arg(format!("xl/worksheets/sheet{index}.xml"))
            .output()
            .unwrap();
        let xml = String::from_utf8_lossy(&out.stdout);
        assert!(
            xml.contains("orientation=\"landscape\""),
            "{name} landscape"
        );
        assert!(xml.contains("fitToPage=\"1\""), "{name} fit to page");
        assert!(xml.contains("fitToHeight=\"0\""), "{name} one page wide");
        let titles = format!("{name}!$1:$1</definedName>");
        assert!(workbook.contains(&titles), "{name}: header row repeated");
    }
    let pdf = dir.path().join("客户档案_2026Q3_管理报告.pdf");
    let qdf = dir.path().join("qdf.pdf");
    let out = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&pdf)
        .arg(&qdf)
        .output()
        .expect("qpdf is installed");
    assert!(out.status.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.contains("/PageMode /UseOutlines"), "PageMode is a name");
    assert!(!raw.contains("/GTS_PDFXVersion ()"), "no empty PDF/X key");
}
