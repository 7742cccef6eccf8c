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
    let method: String = method.split_whitespace().collect();
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

#[test]
fn pareto_sentence_states_the_real_shares_not_fixed_ones() {
    let (dir, _) = run_sample(&[]);
    let text = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    assert!(
        text.contains("A 类 71 家（占客户 14.2%）贡献 80.2% 的销售额"),
        "{text}"
    );
    assert!(!text.contains("合计仅占 5%"), "a fixed 5 % share");
}

/// Words on page 2 with their height in pt, as pdftotext -bbox gives them.
fn page_two_words(pdf: &std::path::Path) -> Vec<(String, f64)> {
    let out = std::process::Command::new("pdftotext")
        .args(["-f", "2", "-l", "2", "-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = line.find(&key).map(|i| i + key.len()).unwrap_or(0);
        line[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let word = l
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            (word.to_string(), attr(l, "yMax") - attr(l, "yMin"))
        })
        .collect()
}

#[test]
fn page_two_reads_on_a_phone_kpis_and_findings_at_14_pt() {
    let (dir, _) = run_sample(&[]);
    let words = page_two_words(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    let at = |from: usize, what: &dyn Fn(&str) -> bool| {
        from + words[from..]
            .iter()
            .position(|(w, _)| what(w))
            .unwrap_or(words.len() - from)
    };
    let kpis = at(0, &|w| w == "客户总数");
    let findings = at(kpis, &|w| w == "主要发现");
    assert!(findings < words.len(), "no findings on page 2");
    // The thin-data caution between them and the closing note may stay small.
    let kpis_end = at(kpis, &|w| w.starts_with("数据提示")).min(findings);
    let findings_end = at(findings, &|w| w.starts_with("注："));
    let big: Vec<&(String, f64)> = words[kpis..kpis_end]
        .iter()
        .chain(&words[findings..findings_end])
        .collect();
    assert!(big.len() > 30, "{big:?}");
    // The embedded font's box is about 1.45 × its size: 14 pt text is about 20 pt high.
    for (w, h) in big {
        assert!(
            *h >= 19.5,
            "{w} on page 2 is {:.1} pt high (under 14 pt)",
            h / 1.45
        );
    }
}
