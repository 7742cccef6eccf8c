//! Issue 16, the comparison people can trust: both quarters named with their cut-offs, the new
//! and lost 核心/潜力 customers named in the PDF, why each mover moved, and `compare` writing a
//! PDF beside its workbook.

use super::*;

/// Runs the Q2 sample, then the Q3 sample in the same folder (which finds Q2 by itself);
/// returns the folder and the two result workbooks.
fn two_quarters(q3_extra: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let q2: Vec<String> = SAMPLE_FILES.iter().map(|f| format!("2026Q2/{f}")).collect();
    let mut files: Vec<&str> = SAMPLE_FILES.to_vec();
    files.extend(q2.iter().map(String::as_str));
    let dir = work_with_samples(&files);
    let here = dir.path().to_str().unwrap().to_string();
    let mut args: Vec<&str> = q2.iter().map(String::as_str).collect();
    args.extend(["--as-of", "2026-06-30", "-q", "--no-pdf", "-o", &here]);
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    let mut q3: Vec<&str> = SAMPLE_FILES.to_vec();
    q3.extend(["--as-of", "2026-09-30", "-q"]);
    q3.extend(q3_extra);
    let (code, _, stderr) = run_in(dir.path(), &q3);
    assert_eq!(code, Some(0), "{stderr}");
    let previous = dir.path().join("客户档案_2026Q2_客户分类.xlsx");
    let current = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    (dir, previous, current)
}

/// The value of a 参数 row.
fn setting(path: &Path, key: &str) -> String {
    let rows = sheet(path, "参数");
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(key))
        .and_then(|r| r.get(1).cloned())
        .unwrap_or_else(|| panic!("参数 lacks {key}"))
}

/// Code → (tier, name, total score) of a result's 客户明细.
fn customers(path: &Path) -> BTreeMap<String, (String, String, f64)> {
    let rows = sheet(path, "客户明细");
    let h = &rows[0];
    let (c, n, t, s) = (
        col(h, "客户编码"),
        col(h, "客户名称"),
        col(h, "客户等级"),
        col(h, "综合得分"),
    );
    rows[1..]
        .iter()
        .map(|r| {
            let score = r[s].parse().unwrap_or(0.0);
            (r[c].clone(), (r[t].clone(), r[n].clone(), score))
        })
        .collect()
}

#[test]
fn both_quarters_are_named_with_their_cut_offs_and_the_movers_say_why() {
    let (dir, previous, current) = two_quarters(&[]);
    let rows = sheet(&current, "季度变动");
    let title = &rows[0][0];
    assert!(
        title.contains("2026Q2（基准日 2026-06-30）")
            && title.contains("→ 2026Q3（基准日 2026-09-30）"),
        "{title}"
    );
    for (label, path) in [("上期", &previous), ("本期", &current)] {
        let row = rows
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no {label} row"));
        let core: f64 = setting(path, "核心客户 ≥").parse().unwrap();
        let potential: f64 = setting(path, "潜力客户 ≥").parse().unwrap();
        assert_eq!(row[3].parse::<f64>().unwrap(), core, "{label} core cut-off");
        assert_eq!(row[4].parse::<f64>().unwrap(), potential, "{label}");
    }

    // Every customer in both quarters that changed tier says which dimension changed most.
    let head = rows
        .iter()
        .position(|r| r.get(1).map(String::as_str) == Some("客户编码"))
        .expect("list header");
    let why = col(&rows[head], "变化最大的维度");
    let dims = ["规模得分", "价值得分", "活跃得分", "满意得分", "潜力得分"];
    let moved: Vec<&Vec<String>> = rows[head + 1..]
        .iter()
        .filter(|r| r[0] == "升级" || r[0] == "降级")
        .collect();
    assert!(!moved.is_empty());
    for r in moved {
        assert!(dims.iter().any(|d| r[why].starts_with(d)), "{r:?}");
    }

    // The PDF names both quarters and the new and lost 核心/潜力 customers.
    let pdf = pdftotext(&dir.path().join("客户档案_2026Q3_管理报告.pdf"));
    assert!(pdf.contains("2026Q2") && pdf.contains("2026Q3"), "{pdf}");
    assert!(pdf.contains("新增的核心/潜力客户") && pdf.contains("流失的核心/潜力客户"));
    assert!(pdf.contains("主要原因"));
    let (before, after) = (customers(&previous), customers(&current));
    let best = |list: Vec<(&String, &(String, String, f64))>| {
        list.into_iter()
            .filter(|(_, v)| v.0 == "核心客户" || v.0 == "潜力客户")
            .max_by(|a, b| a.1 .2.total_cmp(&b.1 .2).then_with(|| b.0.cmp(a.0)))
            .map(|(code, _)| code.clone())
    };
    let new = best(
        after
            .iter()
            .filter(|(c, _)| !before.contains_key(*c))
            .collect(),
    );
    let lost = best(
        before
            .iter()
            .filter(|(c, _)| !after.contains_key(*c))
            .collect(),
    );
    for code in [new, lost].into_iter().flatten() {
        assert!(pdf.contains(&code), "{code} not named in the PDF");
    }
}

#[test]
fn compare_writes_a_workbook_and_a_pdf_named_after_both_quarters() {
    let (dir, previous, current) = two_quarters(&["--no-pdf", "--no-previous"]);
    let (p, c) = (previous.to_str().unwrap(), current.to_str().unwrap());
    let (code, said, stderr) = run_in(dir.path(), &["compare", p, c]);
    assert_eq!(code, Some(0), "{stderr}");
    let xlsx = dir.path().join("客户档案_2026Q2-2026Q3_季度变动.xlsx");
    let pdf = dir.path().join("客户档案_2026Q2-2026Q3_季度变动.pdf");
    assert!(xlsx.exists() && pdf.exists(), "{said}");
    assert!(
        said.contains("季度变动.xlsx") && said.contains("季度变动.pdf"),
        "{said}"
    );
    let text = pdftotext(&pdf);
    assert!(
        text.contains("2026Q2（基准日 2026-06-30）")
            && text.contains("2026Q3（基准日 2026-09-30）"),
        "{text}"
    );
    assert!(text.contains("等级迁移矩阵"), "{text}");
    let title = &sheet(&xlsx, "季度变动")[0][0];
    assert!(
        title.contains("2026Q2") && title.contains("2026Q3"),
        "{title}"
    );
}
