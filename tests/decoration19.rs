//! Issue 19, the decoration report: sections declared by the profile (a stage funnel, 客户来源 /
//! 设计师 / 装修风格 / 预算 tables, no 规模与行业 page for homeowners), F = projects (at least 1
//! for an owner who spent), owners' actions; a third trade's report written in TOML alone.

use super::*;

const DECORATION: &str = "装饰业主档案.xlsx";

/// Runs custseg on the decoration sample with `args`; gives (dir, PDF text, workbook path).
fn run_decoration(args: &[&str]) -> (tempfile::TempDir, String, PathBuf) {
    let dir = work_with_samples(&[DECORATION]);
    let out = custseg()
        .current_dir(dir.path())
        .arg(DECORATION)
        .args(["--as-of", "2026-09-30", "-q"])
        .args(args)
        .output()
        .unwrap();
    assert_ok(&out);
    let find = |end: &str| {
        fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(end))
            .unwrap_or_else(|| panic!("no *{end}"))
    };
    let text = pdftotext(&find("_管理报告.pdf"));
    let xlsx = find("_客户分类.xlsx");
    (dir, text, xlsx)
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of a section: from its numbered title to the next page's header or section.
fn section_text<'t>(text: &'t str, title: &str) -> &'t str {
    let start = text
        .find(title)
        .unwrap_or_else(|| panic!("{title} not in the report"));
    let rest = &text[start..];
    let end = rest[title.len()..]
        .find("第")
        .map_or(rest.len(), |i| i + title.len());
    &rest[..end]
}

#[test]
fn decoration_report_has_funnel_sources_and_designers_and_no_empty_size_page() {
    let (_dir, text, _) = run_decoration(&["-p", "decoration"]);
    let flat = squash(&text);
    for needle in [
        "客户阶段漏斗",
        "较上一阶段转化率",
        "客户来源",
        "设计师",
        "装修风格",
        "预算区间",
        "转介绍（老客户介绍）",
        "签约率",
    ] {
        assert!(
            flat.contains(needle),
            "{needle:?} not in the decoration report"
        );
    }
    for stage in ["量房", "意向", "签约", "施工", "竣工"] {
        assert!(flat.contains(stage), "funnel stage {stage} missing");
    }
    assert!(
        !flat.contains("规模与行业"),
        "no size/industry page for homeowners"
    );
    assert!(
        !flat.contains("客户以建筑业为主"),
        "no industry finding without industries"
    );
    assert!(
        !flat.contains("增购高级模块"),
        "actions worded for owners, not software"
    );
    assert!(
        flat.contains("转介绍亲友"),
        "the profile's owner actions are used"
    );
    assert!(
        !flat.contains("F≥0.0次"),
        "an F reference that splits nobody"
    );
    // A finding about the whole run (no activity data) has no place: its example is the
    // problem alone, not "：所有客户…".
    assert!(
        flat.contains("其他10所有客户都没有活跃维度的数据"),
        "the example of a finding without a place: {flat}"
    );
    let core = section_text(&text, "核心客户名单");
    assert!(
        !core.contains("规模"),
        "no 规模 column in the core list: {core}"
    );
    assert!(
        !core.contains("行业"),
        "no 行业 column in the core list: {core}"
    );
}

#[test]
fn every_owner_who_spent_has_at_least_one_project_and_the_trade_sheet_is_written() {
    let (_dir, _, xlsx) = run_decoration(&["-p", "decoration"]);
    let trade = sheet(&xlsx, "阶段与来源");
    assert_eq!(
        trade[0][0], "客户阶段漏斗",
        "the funnel heads the trade sheet"
    );
    assert!(
        trade.iter().any(|r| r[0] == "老客户介绍"),
        "the sources table is there"
    );
    let rows = sheet(&xlsx, "客户明细");
    let header = &rows[0];
    let (f, m) = (col(header, "消费频次"), col(header, "消费金额"));
    let mut spent = 0;
    for r in &rows[1..] {
        let money: f64 = r[m].parse().unwrap_or(0.0);
        if money > 0.0 {
            spent += 1;
            let n: f64 = r[f].parse().unwrap_or(0.0);
            assert!(n >= 1.0, "{r:?}: spent {money} with 消费频次 {n}");
        }
    }
    assert!(spent > 100, "{spent} owners with money");
}

#[test]
fn a_third_trade_writes_its_report_in_toml_alone() {
    let dir = work_with_samples(&[DECORATION]);
    let template = fs::read_to_string(repo().join("templates/decoration.toml")).unwrap();
    let start = template.find("\nsections = [").expect("a sections list") + 1;
    let end = start + template[start..].find(']').unwrap() + 1;
    let own = format!(
        "{}sections = [\"cover\", \"summary\", \"designers\", \"funnel\"]{}",
        &template[..start],
        &template[end..]
    )
    .replace("name = \"decoration\"", "name = \"showroom\"");
    fs::write(dir.path().join("showroom.toml"), own).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args([
            DECORATION,
            "-p",
            "showroom.toml",
            "--as-of",
            "2026-09-30",
            "-q",
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let pdf = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_管理报告.pdf"))
        .expect("a report");
    let flat = squash(&pdftotext(&pdf));
    let designers = flat.find("2.设计师").expect("designers second");
    let funnel = flat.find("3.客户阶段漏斗").expect("funnel third");
    assert!(designers < funnel);
    for absent in ["客户来源", "价值分析", "附录", "核心客户名单"] {
        assert!(!flat.contains(absent), "{absent} was not asked for");
    }
}

#[test]
fn an_unknown_section_is_named_with_its_line() {
    let dir = work_with_samples(&[DECORATION]);
    let template = fs::read_to_string(repo().join("templates/decoration.toml")).unwrap();
    let own = template.replacen("\"funnel\", \"sources\"", "\"funnel\", \"sauces\"", 1);
    assert_ne!(own, template);
    fs::write(dir.path().join("bad.toml"), own).unwrap();
    let out = custseg()
        .current_dir(dir.path())
        .args([DECORATION, "-p", "bad.toml"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sauces") && err.contains("report.sections"),
        "{err}"
    );
}
