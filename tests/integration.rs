//! End-to-end tests: the real binary on the committed samples and on small real files, every
//! output read back (the workbook with calamine, the PDF with pdftotext / pdffonts / qpdf).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use calamine::{open_workbook_auto, Data, Reader};

mod comparing;
mod dates;
mod decoration19;
mod fell20;
mod findings;
mod forecast20;
mod joining;
mod messages15;
mod owners19;
mod parties;
mod print19;
mod reading;
mod reading15;
mod reporting;
mod shown;
mod sources;

const DERIVED_ZH: [&str; 23] = [
    "企业规模",
    "行业大类",
    "规模得分",
    "价值得分",
    "活跃得分",
    "满意得分",
    "潜力得分",
    "综合得分",
    "客户等级",
    "RFM分类",
    "最近消费天数",
    "消费频次",
    "消费金额",
    "聚类",
    "聚类名称",
    "生命周期",
    "流失风险",
    "风险等级",
    "建议信用额度",
    "建议结算方式",
    "推荐产品",
    "推荐服务",
    "评分说明",
];

const DERIVED_EN: [&str; 23] = [
    "Size Class",
    "Industry Group",
    "Size Score",
    "Value Score",
    "Activity Score",
    "Satisfaction Score",
    "Potential Score",
    "Total Score",
    "Tier",
    "RFM Segment",
    "Recency (days)",
    "Frequency",
    "Monetary",
    "Cluster",
    "Cluster Name",
    "Lifecycle",
    "Churn Risk",
    "Risk Level",
    "Suggested Credit Limit",
    "Suggested Settlement",
    "Recommended Product",
    "Recommended Services",
    "Score Explanation",
];

const SAMPLE_FILES: [&str; 3] = ["客户档案.xlsx", "销售明细.xlsx", "使用与满意度.xlsx"];

fn custseg() -> Command {
    Command::cargo_bin("custseg").expect("binary built")
}

/// Requires a run to have succeeded, showing what it said on stderr when it did not.
fn assert_ok(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "custseg failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh work directory holding copies of the given sample files (relative to samples/).
fn work_with_samples(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in files {
        let from = repo().join("samples").join(f);
        let to = dir.path().join(f);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
    dir
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => {
            if f.fract() == 0.0 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

/// A sheet as rows of text.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb =
        open_workbook_auto(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names().to_vec()
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("column {name} not in {header:?}"))
}

fn sha(path: &Path) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    Sha256::digest(fs::read(path).unwrap()).to_vec()
}

pub fn pdftotext(pdf: &Path) -> String {
    let out = Process::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (scripts/test.sh installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs custseg on the three Q3 sample files in a fresh directory; returns (dir, json summary).
fn run_sample(extra: &[&str]) -> (tempfile::TempDir, serde_json::Value) {
    let dir = work_with_samples(&SAMPLE_FILES);
    let mut cmd = custseg();
    cmd.current_dir(dir.path())
        .args(SAMPLE_FILES)
        .args(["--as-of", "2026-09-30", "--json", "-q"]);
    cmd.args(extra);
    let out = cmd.output().unwrap();
    assert_ok(&out);
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is exactly one JSON object");
    (dir, json)
}

#[test]
fn no_argument_prints_chinese_usage_and_exits_2() {
    let out = custseg().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("用法"), "{err}");
}

#[test]
fn sample_run_writes_a_complete_workbook_and_report() {
    let inputs_before: Vec<Vec<u8>> = SAMPLE_FILES
        .iter()
        .map(|f| sha(&repo().join("samples").join(f)))
        .collect();
    let (dir, json) = run_sample(&[]);

    // The --json summary (SPEC §2).
    for key in [
        "customers",
        "rows_read",
        "rows_rejected",
        "issues",
        "tiers",
        "clusters",
        "as_of",
        "outputs",
        "elapsed_ms",
    ] {
        assert!(json.get(key).is_some(), "--json lacks {key}: {json}");
    }
    assert_eq!(json["as_of"], "2026-09-30");
    let customers = json["customers"].as_u64().unwrap() as usize;
    assert!(customers >= 400, "{json}");
    let tiers = &json["tiers"];
    let tier_sum: u64 = ["core", "potential", "general"]
        .iter()
        .map(|t| tiers[t].as_u64().unwrap())
        .sum();
    assert_eq!(tier_sum as usize, customers);
    assert!(json["rows_rejected"].as_u64().unwrap() <= json["rows_read"].as_u64().unwrap());

    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    let pdf = dir.path().join("客户档案_2026Q3_管理报告.pdf");
    assert!(
        json["outputs"]["xlsx"]
            .as_str()
            .unwrap_or("")
            .ends_with("客户档案_2026Q3_客户分类.xlsx"),
        "{json}"
    );
    assert!(
        json["outputs"]["pdf"]
            .as_str()
            .unwrap_or("")
            .ends_with("客户档案_2026Q3_管理报告.pdf"),
        "{json}"
    );
    assert!(xlsx.exists() && pdf.exists());

    // Sheets in SPEC §5 order.
    assert_eq!(
        sheet_names(&xlsx),
        [
            "概览",
            "客户明细",
            "核心客户",
            "潜力客户",
            "一般客户",
            "聚类分析",
            "读取记录",
            "数据质量",
            "参数",
            "跟进清单"
        ]
    );

    // 客户明细: the fixed derived headers, in order, after the input's own columns.
    let rows = sheet(&xlsx, "客户明细");
    let header = &rows[0];
    let first_derived = col(header, DERIVED_ZH[0]);
    assert_eq!(
        &header[first_derived..first_derived + DERIVED_ZH.len()],
        DERIVED_ZH
    );

    // Every input customer exactly once.
    let code_col = col(header, "客户编码");
    let mut seen = BTreeMap::new();
    for r in &rows[1..] {
        *seen.entry(r[code_col].clone()).or_insert(0) += 1;
    }
    assert!(seen.values().all(|&n| n == 1), "a customer appears twice");
    assert_eq!(seen.len(), customers);
    let input = sheet(
        &dir.path().join("客户档案.xlsx"),
        &sheet_names(&dir.path().join("客户档案.xlsx"))[0],
    );
    let input_header_row = input
        .iter()
        .position(|r| r.iter().any(|c| c == "客户编码"))
        .unwrap();
    let input_code_col = col(&input[input_header_row], "客户编码");
    let input_codes: BTreeSet<String> = input[input_header_row + 1..]
        .iter()
        .map(|r| r[input_code_col].clone())
        .filter(|c| !c.is_empty() && !c.contains("合计"))
        .collect();
    for code in &input_codes {
        assert!(
            seen.contains_key(code),
            "input customer {code} is missing from 客户明细"
        );
    }
    assert!(
        seen.keys().any(|c| c.starts_with('0')),
        "leading zeros of codes were lost"
    );

    // Tiers consistent with scores: every core score above every potential above every general.
    let score_col = col(header, "综合得分");
    let tier_col = col(header, "客户等级");
    let mut by_tier: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for r in &rows[1..] {
        let score: f64 = r[score_col]
            .parse()
            .unwrap_or_else(|_| panic!("score {:?}", r[score_col]));
        assert!((0.0..=100.0).contains(&score));
        by_tier.entry(r[tier_col].clone()).or_default().push(score);
    }
    let min = |t: &str| {
        by_tier
            .get(t)
            .map(|v| v.iter().cloned().fold(f64::INFINITY, f64::min))
    };
    let max = |t: &str| {
        by_tier
            .get(t)
            .map(|v| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max))
    };
    assert!(by_tier
        .keys()
        .all(|t| ["核心客户", "潜力客户", "一般客户"].contains(&t.as_str())));
    if let (Some(lo), Some(hi)) = (min("核心客户"), max("潜力客户")) {
        assert!(
            lo > hi,
            "a potential customer scores {hi}, above the lowest core {lo}"
        );
    }
    if let (Some(lo), Some(hi)) = (min("潜力客户"), max("一般客户")) {
        assert!(
            lo > hi,
            "a general customer scores {hi}, above the lowest potential {lo}"
        );
    }
    for (tier, count) in [
        ("核心客户", "core"),
        ("潜力客户", "potential"),
        ("一般客户", "general"),
    ] {
        let n = by_tier.get(tier).map(Vec::len).unwrap_or(0) as u64;
        assert_eq!(n, tiers[count].as_u64().unwrap(), "{tier}");
        // The tier sheet holds exactly that tier, sorted by score descending.
        let t = sheet(&xlsx, tier);
        assert_eq!(t.len() as u64 - 1, n, "{tier} sheet");
        let s = col(&t[0], "综合得分");
        let scores: Vec<f64> = t[1..].iter().map(|r| r[s].parse().unwrap()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{tier} not sorted by score"
        );
    }
    // Every derived column is filled for every customer (未知 counts as filled).
    for name in [
        "企业规模",
        "行业大类",
        "综合得分",
        "客户等级",
        "聚类",
        "聚类名称",
        "生命周期",
        "流失风险",
        "风险等级",
        "建议结算方式",
        "推荐产品",
        "评分说明",
    ] {
        let c = col(header, name);
        let empty = rows[1..]
            .iter()
            .filter(|r| r.get(c).map(|v| v.is_empty()).unwrap_or(true))
            .count();
        assert_eq!(empty, 0, "{empty} customers have no {name}");
    }

    // The data-quality ledger accounts for every rejected row.
    let dq = sheet(&xlsx, "数据质量");
    assert!(
        dq.len() > 1,
        "the sample has deliberate problems; 数据质量 is empty"
    );

    // The report: Chinese text comes back, sections present, fonts embedded, structure sound.
    let text = pdftotext(&pdf);
    for title in ["摘要", "客户等级分布", "核心客户名单", "数据质量"] {
        assert!(text.contains(title), "report lacks section {title}");
    }
    assert!(text.contains("第 1 页"), "no page footer");
    let fonts = Process::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "a font is not embedded:\n{fonts}"
    );
    let qpdf = Process::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        qpdf.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&qpdf.stdout)
    );

    // Inputs are never changed.
    for (f, before) in SAMPLE_FILES.iter().zip(inputs_before) {
        assert_eq!(sha(&dir.path().join(f)), before, "{f} was changed");
    }
}

#[test]
fn same_input_gives_the_same_clusters_and_tiers() {
    let pick = |dir: &Path| {
        let rows = sheet(&dir.join("客户档案_2026Q3_客户分类.xlsx"), "客户明细");
        let h = rows[0].clone();
        let cols = [
            col(&h, "客户编码"),
            col(&h, "客户等级"),
            col(&h, "综合得分"),
            col(&h, "聚类"),
            col(&h, "聚类名称"),
        ];
        rows[1..]
            .iter()
            .map(|r| cols.map(|c| r[c].clone()))
            .collect::<Vec<_>>()
    };
    let (a, _) = run_sample(&["--no-pdf"]);
    let (b, _) = run_sample(&["--no-pdf"]);
    assert_eq!(pick(a.path()), pick(b.path()));
}

#[test]
fn english_run_uses_the_english_sheet_names_and_headers() {
    let (dir, _) = run_sample(&["--lang", "en", "--no-pdf"]);
    let xlsx = dir.path().join("客户档案_2026Q3_segments.xlsx");
    assert_eq!(
        sheet_names(&xlsx),
        [
            "Summary",
            "Customers",
            "Core",
            "Potential",
            "General",
            "Clusters",
            "Reading",
            "Data Quality",
            "Settings",
            "Follow-up"
        ]
    );
    let rows = sheet(&xlsx, "Customers");
    let first = col(&rows[0], DERIVED_EN[0]);
    assert_eq!(&rows[0][first..first + DERIVED_EN.len()], DERIVED_EN);
    let tier = col(&rows[0], "Tier");
    assert!(rows[1..]
        .iter()
        .all(|r| ["Core", "Potential", "General"].contains(&r[tier].as_str())));
}

#[test]
fn quarter_comparison_counts_equal_a_join_of_the_two_workbooks() {
    let q2: Vec<String> = SAMPLE_FILES.iter().map(|f| format!("2026Q2/{f}")).collect();
    let mut files: Vec<&str> = SAMPLE_FILES.to_vec();
    files.extend(q2.iter().map(String::as_str));
    let dir = work_with_samples(&files);
    let run = |inputs: &[String], as_of: &str, extra: &[&str]| {
        let out = custseg()
            .current_dir(dir.path())
            .args(inputs)
            .args(["--as-of", as_of, "-q", "--no-pdf"])
            .args(extra)
            .output()
            .unwrap();
        assert_ok(&out);
    };
    run(&q2, "2026-06-30", &[]);
    let previous = dir.path().join("2026Q2/客户档案_2026Q2_客户分类.xlsx");
    let q3: Vec<String> = SAMPLE_FILES.iter().map(|s| s.to_string()).collect();
    run(
        &q3,
        "2026-09-30",
        &["--previous", previous.to_str().unwrap()],
    );
    let current = dir.path().join("客户档案_2026Q3_客户分类.xlsx");

    let tiers = |path: &Path| -> BTreeMap<String, String> {
        let rows = sheet(path, "客户明细");
        let (c, t) = (col(&rows[0], "客户编码"), col(&rows[0], "客户等级"));
        rows[1..]
            .iter()
            .map(|r| (r[c].clone(), r[t].clone()))
            .collect()
    };
    let (before, after) = (tiers(&previous), tiers(&current));
    let rank = |t: &str| {
        ["核心客户", "潜力客户", "一般客户"]
            .iter()
            .position(|x| *x == t)
            .unwrap()
    };
    let mut up = 0;
    let mut down = 0;
    for (code, t1) in &after {
        if let Some(t0) = before.get(code) {
            match rank(t1).cmp(&rank(t0)) {
                std::cmp::Ordering::Less => up += 1,
                std::cmp::Ordering::Greater => down += 1,
                _ => {}
            }
        }
    }
    let new = after.keys().filter(|c| !before.contains_key(*c)).count();
    let lost = before.keys().filter(|c| !after.contains_key(*c)).count();
    assert!(
        new > 0 && lost > 0 && up + down > 0,
        "the Q2/Q3 samples should show movement"
    );

    let names = sheet_names(&current);
    assert!(names.contains(&"季度变动".to_string()), "{names:?}");
    let text = sheet(&current, "季度变动").concat().join(" ");
    for n in [up, down, new, lost] {
        assert!(
            text.contains(&n.to_string()),
            "季度变动 lacks the count {n}"
        );
    }

    // `custseg compare` says the same.
    let out = custseg()
        .current_dir(dir.path())
        .args([
            "compare",
            previous.to_str().unwrap(),
            current.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    let expected = format!("升级 {up} 个，降级 {down} 个，新增 {new} 个，流失 {lost} 个");
    assert!(
        said.contains(&expected),
        "compare said {said}, a join gives {expected}"
    );
}

#[test]
fn a_file_that_is_not_a_spreadsheet_ends_with_exit_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("客户档案.xlsx");
    fs::write(&bad, b"%PDF-1.4 this is not a workbook").unwrap();
    let out = custseg().arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("客户档案.xlsx"),
        "the message should name the file: {err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing may be written");
    assert_eq!(fs::read(&bad).unwrap(), b"%PDF-1.4 this is not a workbook");
}

/// Found by mutation testing: calamine would build a grid of four billion cells for this file
/// and the allocation failure aborted the process.
#[test]
fn a_damaged_xls_ends_with_exit_1_and_one_sentence_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("damaged_cell.xls");
    fs::copy(repo().join("tests/fixtures/damaged_cell.xls"), &bad).unwrap();
    let before = fs::read(&bad).unwrap();
    for (lang, want) in [
        ("zh", "文件 damaged_cell.xls 已损坏或不完整（可能没有下载或保存完整），无法读取。"),
        ("en", "The file damaged_cell.xls is truncated or corrupt (perhaps not fully downloaded or saved) and cannot be read."),
    ] {
        let out = custseg().arg(&bad).args(["--lang", lang]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{lang}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
    assert_eq!(fs::read(&bad).unwrap(), before);
}

/// The system says "No such file or directory (os error 2)" in English whatever the language;
/// the user reads one sentence in theirs.
#[test]
fn a_missing_file_is_named_in_one_sentence_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, want) in [
        ("zh", "无法打开文件 客户档案.xlsx：文件不存在。"),
        (
            "en",
            "Cannot open the file 客户档案.xlsx: the file does not exist.",
        ),
    ] {
        let out = custseg()
            .arg(dir.path().join("客户档案.xlsx"))
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{lang}: {err}");
        assert!(!err.contains("os error"), "{lang}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = custseg().args(["x.xlsx", "--k", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = custseg().args(["x.xlsx", "--lang", "fr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_prints_findings_and_the_row_balance() {
    let dir = work_with_samples(&SAMPLE_FILES);
    let out = custseg()
        .current_dir(dir.path())
        .arg("check")
        .args(SAMPLE_FILES)
        .args(["--as-of", "2026-09-30", "--json"])
        .output()
        .unwrap();
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let rejected = findings.iter().filter(|f| f["rejected"] == true).count() as u64;
    assert_eq!(
        rejected,
        json["rows_rejected"].as_u64().unwrap(),
        "one rejecting finding per rejected row"
    );
    assert!(
        !dir.path().join("客户档案_2026Q3_客户分类.xlsx").exists(),
        "check writes no output"
    );
}

#[test]
fn sample_subcommand_writes_readable_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .args([
            "sample",
            dir.path().to_str().unwrap(),
            "--customers",
            "60",
            "--seed",
            "3",
        ])
        .output()
        .unwrap();
    assert_ok(&out);
    let customers = dir.path().join("客户档案.xlsx");
    assert!(customers.exists());
    let out = custseg()
        .arg(&customers)
        .args(["-q", "--json", "--no-pdf"])
        .output()
        .unwrap();
    assert_ok(&out);
}

#[test]
fn a_workbook_with_headers_but_no_customers_ends_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = custseg()
        .args(["init", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_ok(&out);
    let template = dir.path().join("客户信息模板.xlsx");
    assert!(template.exists());
    let out = custseg().arg(&template).arg("-q").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("客户信息模板.xlsx"));
    let written: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with("_客户分类.xlsx"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn the_period_stated_in_the_title_rows_is_the_default_as_of_date() {
    // 销售明细.xlsx says "期间：2025-01-01 至 2026-09-30" and also holds one line keyed in early
    // for 2026-10-09: the as-of date is the period's end, and that line is reported.
    let dir = work_with_samples(&SAMPLE_FILES);
    let out = custseg()
        .current_dir(dir.path())
        .args(SAMPLE_FILES)
        .args(["--json", "-q", "--no-pdf"])
        .output()
        .unwrap();
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["as_of"], "2026-09-30");
    let dq = sheet(
        &dir.path().join("客户档案_2026Q3_客户分类.xlsx"),
        "数据质量",
    )
    .concat()
    .join(" ");
    assert!(dq.contains("2026-10-09"), "the early line is not reported");
}

// ───────────────────────────── issue 16: outputs named by period; writes that never destroy; the previous quarter found ─────────────────────────────

/// Runs custseg in `dir` with `args`; returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = custseg().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn outputs_are_named_after_the_customers_file_whatever_the_order() {
    let dir = work_with_samples(&SAMPLE_FILES);
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &[
            "使用与满意度.xlsx",
            "销售明细.xlsx",
            "客户档案.xlsx",
            "--as-of",
            "2026-09-30",
            "--json",
            "-q",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let xlsx = json["outputs"]["xlsx"].as_str().unwrap();
    let pdf = json["outputs"]["pdf"].as_str().unwrap();
    assert!(xlsx.ends_with("客户档案_2026Q3_客户分类.xlsx"), "{xlsx}");
    assert!(pdf.ends_with("客户档案_2026Q3_管理报告.pdf"), "{pdf}");
    assert!(Path::new(xlsx).exists() && Path::new(pdf).exists());
}

#[test]
fn a_quarter_run_finds_the_previous_result_by_itself_and_keeps_both() {
    let q2: Vec<String> = SAMPLE_FILES.iter().map(|f| format!("2026Q2/{f}")).collect();
    let mut files: Vec<&str> = SAMPLE_FILES.to_vec();
    files.extend(q2.iter().map(String::as_str));
    let dir = work_with_samples(&files);
    let here = dir.path().to_str().unwrap();
    let mut args: Vec<&str> = q2.iter().map(String::as_str).collect();
    args.extend(["--as-of", "2026-06-30", "-q", "--no-pdf", "-o", here]);
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    let previous = dir.path().join("客户档案_2026Q2_客户分类.xlsx");
    assert!(previous.exists());
    let before = sha(&previous);

    // This quarter, in the same folder, without --previous.
    let mut q3: Vec<&str> = SAMPLE_FILES.to_vec();
    q3.extend(["--as-of", "2026-09-30", "-q", "--no-pdf"]);
    let (code, stdout, stderr) = run_in(dir.path(), &q3);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("已与 2026Q2 的结果对比"), "{stderr}");
    let current = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    assert!(stdout.contains("客户档案_2026Q3_客户分类.xlsx"), "{stdout}");
    assert_eq!(
        sha(&previous),
        before,
        "last quarter's result is kept as it was"
    );
    assert!(sheet_names(&current).contains(&"季度变动".to_string()));

    // The automatic comparison is the one `compare` makes of the two workbooks (issue 6).
    let text = sheet(&current, "季度变动").concat().join(" ");
    let p = previous.to_str().unwrap();
    let c = current.to_str().unwrap();
    let (code, said, stderr) = run_in(dir.path(), &["compare", p, c]);
    assert_eq!(code, Some(0), "{stderr}");
    let counts: Vec<String> = said
        .split(['，', '。'])
        .take(4)
        .filter_map(|part| part.split_whitespace().nth(1).map(str::to_string))
        .collect();
    assert_eq!(counts.len(), 4, "{said}");
    for n in &counts {
        assert!(text.contains(n.as_str()), "季度变动 lacks {n}: {said}");
    }

    // Swapped periods are refused, naming both.
    let (code, _, stderr) = run_in(dir.path(), &["compare", c, p]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("2026Q3") && stderr.contains("2026Q2"),
        "{stderr}"
    );

    // A --previous that is not earlier is refused; --no-previous leaves the comparison out.
    let mut args: Vec<&str> = q2.iter().map(String::as_str).collect();
    args.extend(["--as-of", "2026-06-30", "-q", "--no-pdf", "--previous", c]);
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("不早于"), "{stderr}");
    q3.push("--no-previous");
    let (code, _, stderr) = run_in(dir.path(), &q3);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("已与"), "{stderr}");
    assert!(!sheet_names(&current).contains(&"季度变动".to_string()));
}

#[test]
fn a_read_only_earlier_result_and_a_foreign_file_are_kept() {
    let dir = work_with_samples(&SAMPLE_FILES);
    let mut args: Vec<&str> = SAMPLE_FILES.to_vec();
    args.extend(["--as-of", "2026-09-30", "-q"]);
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    let pdf = dir.path().join("客户档案_2026Q3_管理报告.pdf");
    let mut perms = fs::metadata(&xlsx).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&xlsx, perms).unwrap();
    let kept = sha(&xlsx);
    fs::write(&pdf, b"someone else's report").unwrap();

    let (code, stdout, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("客户档案_2026Q3_客户分类 (2).xlsx"),
        "{stdout}"
    );
    assert!(
        stdout.contains("客户档案_2026Q3_管理报告 (2).pdf"),
        "{stdout}"
    );
    assert!(
        stdout.contains("是只读的") && stdout.contains("不是 custseg 的结果"),
        "{stdout}"
    );
    assert_eq!(sha(&xlsx), kept);
    assert!(fs::metadata(&xlsx).unwrap().permissions().readonly());
    assert_eq!(fs::read(&pdf).unwrap(), b"someone else's report");

    // A third run replaces its own numbered results rather than piling up copies.
    let (code, stdout, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("客户档案_2026Q3_客户分类 (2).xlsx"),
        "{stdout}"
    );
    assert!(!dir
        .path()
        .join("客户档案_2026Q3_客户分类 (3).xlsx")
        .exists());
}

#[test]
fn sample_refuses_to_write_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("客户档案.xlsx");
    fs::write(&real, b"the user's real customers").unwrap();
    let here = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["sample", here, "--customers", "30"]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stderr.contains("客户档案.xlsx") && stderr.contains("已存在"),
        "{stderr}"
    );
    assert!(stderr.contains("custseg sample"), "{stderr}");
    assert_eq!(fs::read(&real).unwrap(), b"the user's real customers");
    assert!(!dir.path().join("销售明细.xlsx").exists());

    let fresh = dir.path().join("示例");
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["sample", fresh.to_str().unwrap(), "--customers", "30"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("下一步：custseg "), "{stdout}");
}

#[test]
fn an_output_folder_that_cannot_be_written_is_named_with_its_cause() {
    let dir = work_with_samples(&SAMPLE_FILES[..1]);
    // A folder name longer than any file system takes: "path too long", on every machine.
    let long = dir.path().join("长".repeat(120));
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "客户档案.xlsx",
            "-q",
            "--no-pdf",
            "-o",
            long.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("路径过长") && stderr.contains("-o"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");

    // A read-only folder. Root writes anywhere, so for root (CI) the folder is made immutable
    // with chattr instead; only where neither works is this part skipped, and it says so.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("只读");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let immutable = fs::write(locked.join("probe"), b"").is_ok()
            && fs::remove_file(locked.join("probe")).is_ok()
            && Process::new("chattr")
                .arg("+i")
                .arg(&locked)
                .status()
                .is_ok_and(|s| s.success());
        if fs::write(locked.join("probe"), b"").is_err() {
            let (code, _, stderr) = run_in(
                dir.path(),
                &[
                    "客户档案.xlsx",
                    "-q",
                    "--no-pdf",
                    "-o",
                    locked.to_str().unwrap(),
                ],
            );
            assert_eq!(code, Some(1), "{stderr}");
            assert!(stderr.contains("没有写入权限"), "{stderr}");
            assert!(stderr.contains("-o"), "{stderr}");
        } else {
            eprintln!("skipped: no way to make a read-only folder here");
        }
        if immutable {
            let _ = Process::new("chattr").arg("-i").arg(&locked).status();
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_folder_as_input_reads_its_spreadsheets_and_skips_custseg_results() {
    let dir = work_with_samples(&SAMPLE_FILES);
    let here = dir.path().to_str().unwrap();
    let args = [here, "--as-of", "2026-09-30", "-q", "--no-pdf"];
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("读取文件夹"), "{stderr}");
    for f in SAMPLE_FILES {
        assert!(stderr.contains(f), "{f} not named: {stderr}");
    }
    assert!(dir.path().join("客户档案_2026Q3_客户分类.xlsx").exists());
    // The second time the folder holds a result as well: it is skipped, not refused.
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("跳过 1 个"), "{stderr}");
}
