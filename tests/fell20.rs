//! Issue 20, "P(alive) fell most": with a previous result, 季度变动 and the PDF list the customers
//! in both quarters whose 存活概率 fell by ten points or more (largest first, at most ten), say so
//! when none did, and show nothing (and no error) when the previous result has no 存活概率.

use super::*;

/// Runs the Q2 sample into `dir/q2`, then the Q3 sample into `dir/q3` with that result as
/// --previous; returns both result workbooks and the Q3 report.
fn q2_then_q3(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let q2: Vec<String> = SAMPLE_FILES.iter().map(|f| format!("2026Q2/{f}")).collect();
    let mut args: Vec<&str> = q2.iter().map(String::as_str).collect();
    args.extend(["--as-of", "2026-06-30", "-q", "--no-pdf", "-o", "q2"]);
    let (code, _, stderr) = run_in(dir, &args);
    assert_eq!(code, Some(0), "{stderr}");
    let previous = dir.join("q2/客户档案_2026Q2_客户分类.xlsx");
    let mut args: Vec<&str> = SAMPLE_FILES.to_vec();
    let prev = previous.to_str().unwrap();
    args.extend([
        "--as-of",
        "2026-09-30",
        "-q",
        "-o",
        "q3",
        "--previous",
        prev,
    ]);
    let (code, _, stderr) = run_in(dir, &args);
    assert_eq!(code, Some(0), "{stderr}");
    (
        previous,
        dir.join("q3/客户档案_2026Q3_客户分类.xlsx"),
        dir.join("q3/客户档案_2026Q3_管理报告.pdf"),
    )
}

/// A fresh work directory with the Q3 samples and, under 2026Q2/, the Q2 ones.
fn both_quarters_samples() -> tempfile::TempDir {
    let q2 = SAMPLE_FILES.map(|f| format!("2026Q2/{f}"));
    let mut files = SAMPLE_FILES.to_vec();
    files.extend(q2.iter().map(String::as_str));
    work_with_samples(&files)
}

/// Code → (P(alive), tier, 消费金额) of a result's 客户明细.
fn p_alive(path: &Path) -> BTreeMap<String, (f64, String, f64)> {
    let rows = sheet(path, "客户明细");
    let h = &rows[0];
    let (c, p, t, m) = (
        col(h, "客户编码"),
        col(h, "存活概率"),
        col(h, "客户等级"),
        col(h, "消费金额"),
    );
    rows[1..]
        .iter()
        .filter_map(|r| {
            let alive = r[p].parse().ok()?;
            let amount = r[m].parse().unwrap_or(0.0);
            Some((r[c].clone(), (alive, r[t].clone(), amount)))
        })
        .collect()
}

/// A result's 客户明细 alone, every cell as text, into `to` (an "older" result when the
/// 存活概率 column is left out).
fn copy_customers(from: &Path, to: &Path, keep_p_alive: bool) {
    let rows = sheet(from, "客户明细");
    let skip = (!keep_p_alive).then(|| col(&rows[0], "存活概率"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("客户明细").unwrap();
    for (r, row) in rows.iter().enumerate() {
        let kept = row.iter().enumerate().filter(|(c, _)| Some(*c) != skip);
        for (c, text) in kept.map(|(_, t)| t).enumerate() {
            ws.write_string(r as u32, c as u16, text).unwrap();
        }
    }
    wb.save(to).unwrap();
}

const HEADING_ZH: &str = "存活概率下降最多的客户";
const HEADING_EN: &str = "Customers whose P(alive) fell most";

#[test]
fn p_alive_fell_most_lists_the_largest_falls_of_ten_points_in_the_sheet_and_the_pdf() {
    let dir = both_quarters_samples();
    let (previous, current, pdf) = q2_then_q3(dir.path());

    // The list, worked out from the two 客户明细 sheets alone.
    let (before, after) = (p_alive(&previous), p_alive(&current));
    let mut want: Vec<(f64, String)> = after
        .iter()
        .filter_map(|(code, (now, _, _))| {
            let (was, _, _) = before.get(code)?;
            let points = (now - was) * 100.0;
            (points <= -10.0 + 1e-9).then(|| (points, code.clone()))
        })
        .collect();
    want.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    assert!(
        want.len() > 10,
        "the samples have more than ten large falls"
    );
    let total = want.len();
    want.truncate(10);

    let rows = sheet(&current, "季度变动");
    let at = rows
        .iter()
        .position(|r| r[0].starts_with(HEADING_ZH))
        .expect("季度变动 has the P(alive) list");
    assert!(
        rows[at + 1][0].contains(&format!("{total} 家的存活概率下降了 10 个百分点或更多")),
        "{:?}",
        rows[at + 1][0]
    );
    let h = &rows[at + 2];
    assert_eq!(h[..2], ["客户编码", "客户名称"]);
    for (i, (points, code)) in want.iter().enumerate() {
        let r = &rows[at + 3 + i];
        let (was, _, _) = &before[code];
        let (now, tier, amount) = &after[code];
        let cell = |c: usize| -> f64 { r[c].parse().unwrap() };
        assert_eq!(&r[0], code, "row {}, column 客户编码", at + 4 + i);
        assert_eq!(&r[2], tier, "{code}: 本期等级");
        assert!((cell(3) - was).abs() < 1e-9, "{code}: 上期存活概率");
        assert!((cell(4) - now).abs() < 1e-9, "{code}: 本期存活概率");
        assert!((cell(5) - points).abs() < 1e-6, "{code}: 变化（百分点）");
        assert!(
            (cell(6) - amount / 1e4).abs() < 1e-6,
            "{code}: 消费金额（万元）"
        );
    }

    let text = pdftotext(&pdf);
    let at = text
        .find(HEADING_ZH)
        .expect("the PDF has the P(alive) list");
    let section = &text[at..];
    for (_, code) in &want {
        let (was, _, _) = &before[code];
        let (now, _, _) = &after[code];
        let shown = format!("{:.1}% → {:.1}%", was * 100.0, now * 100.0);
        assert!(
            section.contains(code.as_str()),
            "{code} not in the PDF list"
        );
        assert!(section.contains(&shown), "{shown} not in the PDF list");
    }

    // The same quarter as "previous": nothing fell, and both outputs say so.
    let same = dir.path().join("same.xlsx");
    copy_customers(&current, &same, true);
    let mut args: Vec<&str> = SAMPLE_FILES.to_vec();
    args.extend(["--as-of", "2026-09-30", "-q", "-o", "same", "--previous"]);
    args.push(same.to_str().unwrap());
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    let none = "两期都有的客户中，没有存活概率下降 10 个百分点或更多的客户。";
    let out = dir.path().join("same");
    let rows = sheet(&out.join("客户档案_2026Q3_客户分类.xlsx"), "季度变动");
    let at = rows.iter().position(|r| r[0].starts_with(HEADING_ZH));
    assert_eq!(rows[at.expect("heading") + 1][0], none);
    let text = pdftotext(&out.join("客户档案_2026Q3_管理报告.pdf"));
    assert!(text.contains(none), "the PDF says no P(alive) fell");
}

#[test]
fn an_older_previous_result_without_p_alive_shows_no_list_and_no_error() {
    let dir = both_quarters_samples();
    let q2: Vec<String> = SAMPLE_FILES.iter().map(|f| format!("2026Q2/{f}")).collect();
    let mut args: Vec<&str> = q2.iter().map(String::as_str).collect();
    args.extend(["--as-of", "2026-06-30", "-q", "--no-pdf", "-o", "q2"]);
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    let older = dir.path().join("older.xlsx");
    copy_customers(
        &dir.path().join("q2/客户档案_2026Q2_客户分类.xlsx"),
        &older,
        false,
    );
    let mut args: Vec<&str> = SAMPLE_FILES.to_vec();
    args.extend([
        "--as-of",
        "2026-09-30",
        "-o",
        "q3",
        "--lang",
        "en",
        "--previous",
    ]);
    args.push(older.to_str().unwrap());
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !stderr.contains("P(alive)") && !stderr.contains("存活概率"),
        "{stderr}"
    );
    let out = dir.path().join("q3");
    let rows = sheet(&out.join("客户档案_2026Q3_segments.xlsx"), "Migration");
    assert!(
        rows.iter().any(|r| r[0] == "Customers who moved"),
        "the rest is there"
    );
    assert!(!rows.iter().any(|r| r[0].starts_with(HEADING_EN)));
    let text = pdftotext(&out.join("客户档案_2026Q3_report.pdf"));
    assert!(text.contains("Largest movers"), "the section is there");
    assert!(
        !text.contains(HEADING_EN),
        "no P(alive) list without P(alive)"
    );
}
