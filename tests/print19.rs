//! End-to-end tests of issue 19's clean values and plain words: 客户明细 read back with calamine
//! holds numbers and dates where the input's values were read as such, and the PDF's manager
//! pages speak without method terms.

use calamine::{open_workbook_auto, Data, Reader};

use super::{pdftotext, run_sample};

/// 客户明细 of the Q3 sample run, as calamine reads it.
fn customers_sheet() -> (tempfile::TempDir, Vec<Vec<Data>>) {
    let (dir, _) = run_sample(&[]);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let range = wb.worksheet_range("客户明细").unwrap();
    let rows = range.rows().map(|r| r.to_vec()).collect();
    (dir, rows)
}

#[test]
fn customers_sheet_holds_numbers_and_dates_not_text_so_it_sorts_and_sums() {
    let (_dir, rows) = customers_sheet();
    let header: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    let mut seen = std::collections::BTreeSet::new();
    for h in &header {
        assert!(seen.insert(h), "header {h} appears twice in 客户明细");
    }
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name} not in {header:?}"))
    };
    for name in [
        "营业收入(万元)",
        "资产总额(万元)",
        "员工人数",
        "应收余额",
        "续费率",
    ] {
        let c = at(name);
        for (i, row) in rows.iter().enumerate().skip(1) {
            assert!(
                matches!(row[c], Data::Float(_) | Data::Int(_) | Data::Empty),
                "row {}, column {name}: expected a number, got {:?}",
                i + 1,
                row[c]
            );
        }
    }
    // 成立日期 is written as dates; the sample writes some as "2012年6月4日".
    let c = at("成立日期");
    for (i, row) in rows.iter().enumerate().skip(1) {
        assert!(
            matches!(row[c], Data::DateTime(_) | Data::Empty),
            "row {}, column 成立日期: expected a date, got {:?}",
            i + 1,
            row[c]
        );
    }
    // A budget range such as "10-15万" stays the text written; single amounts are numbers.
    let c = at("预算");
    assert!(rows
        .iter()
        .skip(1)
        .any(|r| matches!(&r[c], Data::String(s) if s.contains('-'))));
    assert!(rows.iter().skip(1).any(|r| matches!(r[c], Data::Float(_))));
}

#[test]
fn manager_pages_speak_plain_words_and_the_method_is_in_the_appendix() {
    let (dir, _) = run_sample(&[]);
    let text = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    let appendix = text.find("附录：方法与参数").expect("an appendix");
    let (manager, method) = text.split_at(appendix);
    for term in ["k-means", "轮廓系数", "z 分数", "中位数填补"] {
        assert!(!manager.contains(term), "{term} on a manager page");
    }
    assert!(
        method.contains("轮廓系数"),
        "the appendix names the silhouette"
    );
    assert!(
        manager.contains("各客户群区分"),
        "cluster quality said in words"
    );
    assert!(
        !manager.contains("software"),
        "the profile's file name on a Chinese page"
    );
    // The method rules are wrapped in full (only the checksums of the inputs are shortened).
    let rules = &method[..method.find("输入文件").unwrap_or(method.len())];
    assert!(!rules.contains('…'), "the appendix cuts its text with …");
}
