//! Tests of `custseg sample`: generate small samples into a temporary folder and read them back
//! with calamine, as the reader will.

use std::collections::HashSet;
use std::path::Path;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};

use super::software::{CUSTOMER_HEADERS, LOGIN_HEADERS, SALES_HEADERS, SURVEY_HEADERS};
use super::*;

fn options(customers: usize, transactions: Option<usize>, seed: u64) -> SampleOptions {
    SampleOptions {
        customers,
        transactions,
        seed,
    }
}

fn sheets(path: &Path) -> Vec<(String, Range<Data>)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            (name, range)
        })
        .collect()
}

fn text(range: &Range<Data>, row: usize, col: usize) -> String {
    match range.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn header(range: &Range<Data>, row: usize) -> Vec<String> {
    (0..range.width()).map(|c| text(range, row, c)).collect()
}

fn names(headers: &[(&str, f64)]) -> Vec<String> {
    headers.iter().map(|(n, _)| n.to_string()).collect()
}

/// Data rows of a sheet with title rows: between the header (row 2) and the 合计 row.
fn data_rows(range: &Range<Data>) -> Vec<usize> {
    (3..range.height())
        .filter(|&r| text(range, r, 0) != "合计")
        .collect()
}

#[test]
fn writes_every_file_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_samples(dir.path(), &options(60, Some(500), 5), Lang::Zh).unwrap();
    let expected: Vec<PathBuf> = [
        CUSTOMERS_FILE.to_string(),
        SALES_FILE.to_string(),
        USAGE_FILE.to_string(),
        format!("{PREVIOUS_DIR}/{CUSTOMERS_FILE}"),
        format!("{PREVIOUS_DIR}/{SALES_FILE}"),
        format!("{PREVIOUS_DIR}/{USAGE_FILE}"),
        DECORATION_FILE.to_string(),
    ]
    .iter()
    .map(|n| dir.path().join(n))
    .collect();
    assert_eq!(written, expected);
    for path in &written {
        assert!(path.is_file(), "{} is missing", path.display());
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_customer_list_looks_like_a_u8_export() {
    let dir = tempfile::tempdir().unwrap();
    write_samples(dir.path(), &options(120, None, 9), Lang::Zh).unwrap();
    let sheets = sheets(&dir.path().join(CUSTOMERS_FILE));
    assert_eq!(sheets.len(), 1);
    let (name, range) = &sheets[0];
    assert_eq!(name, "客户档案");
    assert_eq!(text(range, 0, 0), "客户档案列表", "row 1: the title");
    assert!(
        text(range, 1, 0).starts_with("制表日期：2026-09-30"),
        "row 2: {}",
        text(range, 1, 0)
    );
    assert_eq!(
        header(range, 2),
        names(CUSTOMER_HEADERS),
        "row 3: the header"
    );
    let last = range.height() - 1;
    assert_eq!(
        text(range, last, 0),
        "合计",
        "row {}: the totals row",
        last + 1
    );
    let rows = data_rows(range);
    assert_eq!(rows.len(), 120, "one row per customer");
    let mut codes = HashSet::new();
    for &r in &rows {
        match range.get((r, 0)) {
            Some(Data::String(code)) => {
                assert_eq!(code.len(), 6, "row {}, 客户编码: {code}", r + 1);
                assert!(code.starts_with('0'), "row {}, 客户编码: {code}", r + 1);
                codes.insert(code.clone());
            }
            other => panic!("row {}, 客户编码: expected text, got {other:?}", r + 1),
        }
        assert!(
            !text(range, r, 1).is_empty(),
            "row {}, 客户名称 is empty",
            r + 1
        );
    }
    assert_eq!(codes.len(), 119, "exactly one deliberately duplicated code");
    let budgets: Vec<String> = rows.iter().map(|&r| text(range, r, 13)).collect();
    assert!(budgets.iter().any(|b| b.contains('-') && b.ends_with('万')));
    let rates: Vec<String> = rows.iter().map(|&r| text(range, r, 14)).collect();
    assert!(rates.iter().any(|r| r.ends_with('%')));
}

#[test]
fn the_sales_ledger_has_exactly_the_lines_asked_for() {
    for (customers, lines) in [(40, 0), (40, 333), (80, 2_000)] {
        let dir = tempfile::tempdir().unwrap();
        write_samples(dir.path(), &options(customers, Some(lines), 1), Lang::Zh).unwrap();
        let sheets = sheets(&dir.path().join(SALES_FILE));
        let (name, range) = &sheets[0];
        assert_eq!(name, "销售明细");
        assert_eq!(text(range, 0, 0), "销售明细表");
        assert_eq!(header(range, 2), names(SALES_HEADERS));
        assert_eq!(
            data_rows(range).len(),
            lines,
            "--customers {customers} --transactions {lines}"
        );
    }
}

#[test]
fn the_default_ledger_has_twelve_lines_per_customer_and_its_special_rows() {
    let dir = tempfile::tempdir().unwrap();
    write_samples(dir.path(), &options(50, None, 3), Lang::Zh).unwrap();
    let sheets = sheets(&dir.path().join(SALES_FILE));
    let range = &sheets[0].1;
    let rows = data_rows(range);
    assert_eq!(rows.len(), 600);
    let as_of = population::excel_serial(Period::Q3.as_of());
    let late = rows
        .iter()
        .filter(|&&r| matches!(range.get((r, 1)), Some(Data::DateTime(d)) if d.as_f64() > as_of))
        .count();
    assert_eq!(late, 1, "one line after 2026-09-30");
    assert_eq!(
        rows.iter()
            .filter(|&&r| text(range, r, 2) == ledger::UNKNOWN_CODE)
            .count(),
        1,
        "one line of a customer in no list"
    );
    assert!(
        rows.iter()
            .any(|&r| matches!(range.get((r, 5)), Some(Data::Float(v)) if *v < 0.0)),
        "红字 lines are negative"
    );
    let docs: Vec<String> = rows.iter().map(|&r| text(range, r, 0)).collect();
    let distinct: HashSet<&String> = docs.iter().collect();
    assert!(
        distinct.len() < docs.len(),
        "some invoices have several lines"
    );
}

#[test]
fn the_usage_workbook_has_logins_and_surveys() {
    let dir = tempfile::tempdir().unwrap();
    write_samples(dir.path(), &options(50, None, 3), Lang::Zh).unwrap();
    let sheets = sheets(&dir.path().join(USAGE_FILE));
    let names_found: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names_found, ["登录记录", "满意度调查"]);
    assert_eq!(header(&sheets[0].1, 0), names(LOGIN_HEADERS));
    assert_eq!(header(&sheets[1].1, 0), names(SURVEY_HEADERS));
    assert!(
        sheets[0].1.height() > 50,
        "logins: {}",
        sheets[0].1.height()
    );
    assert!(
        sheets[1].1.height() > 10,
        "surveys: {}",
        sheets[1].1.height()
    );
}

#[test]
fn the_previous_quarter_has_new_and_lost_customers() {
    let dir = tempfile::tempdir().unwrap();
    write_samples(dir.path(), &options(300, None, 8), Lang::Zh).unwrap();
    let codes = |path: &Path| -> HashSet<String> {
        let sheets = sheets(path);
        let range = &sheets[0].1;
        data_rows(range)
            .iter()
            .map(|&r| text(range, r, 0))
            .collect()
    };
    let q3 = codes(&dir.path().join(CUSTOMERS_FILE));
    let q2 = codes(&dir.path().join(PREVIOUS_DIR).join(CUSTOMERS_FILE));
    let new = q3.difference(&q2).count();
    let lost = q2.difference(&q3).count();
    assert!((5..=30).contains(&new), "new in Q3: {new}");
    assert_eq!(lost, 6, "lost in Q3");
    let sheets = sheets(&dir.path().join(PREVIOUS_DIR).join(CUSTOMERS_FILE));
    assert!(text(&sheets[0].1, 1, 0).starts_with("制表日期：2026-06-30"));
}

#[test]
fn the_decoration_file_has_owners_and_stages() {
    let dir = tempfile::tempdir().unwrap();
    write_samples(dir.path(), &options(100, Some(100), 2), Lang::Zh).unwrap();
    let sheets = sheets(&dir.path().join(DECORATION_FILE));
    let (name, range) = &sheets[0];
    assert_eq!(name, "业主档案");
    assert_eq!(header(range, 2), names(decoration::OWNER_HEADERS));
    let rows = data_rows(range);
    assert_eq!(rows.len(), 60);
    for &r in &rows {
        let owner = text(range, r, 1);
        assert!(
            owner.contains("先生（") || owner.contains("女士（"),
            "row {}, 客户名称: {owner}",
            r + 1
        );
        assert!(
            words::STAGES.contains(&text(range, r, 9).as_str()),
            "row {}, 客户阶段",
            r + 1
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_cells_and_another_seed_does_not() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let first = write_samples(a.path(), &options(80, None, 21), Lang::Zh).unwrap();
    let second = write_samples(b.path(), &options(80, None, 21), Lang::En).unwrap();
    let other = write_samples(c.path(), &options(80, None, 22), Lang::Zh).unwrap();
    for ((x, y), z) in first.iter().zip(&second).zip(&other) {
        let (sx, sy, sz) = (sheets(x), sheets(y), sheets(z));
        assert_eq!(
            sx,
            sy,
            "{} differs between two runs of seed 21",
            x.display()
        );
        assert_ne!(sx, sz, "{} is the same for seeds 21 and 22", x.display());
        assert_eq!(
            fs::read(x).unwrap(),
            fs::read(y).unwrap(),
            "{} is not byte-identical",
            x.display()
        );
    }
}

#[test]
fn overwrites_old_samples_and_refuses_a_read_only_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(CUSTOMERS_FILE), b"old").unwrap();
    write_samples(dir.path(), &options(30, Some(50), 4), Lang::Zh).unwrap();
    assert_ne!(fs::read(dir.path().join(CUSTOMERS_FILE)).unwrap(), b"old");

    let locked = dir.path().join(SALES_FILE);
    let mut permissions = fs::metadata(&locked).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&locked, permissions).unwrap();
    let before = fs::read(dir.path().join(CUSTOMERS_FILE)).unwrap();
    let err = write_samples(dir.path(), &options(30, Some(50), 99), Lang::En).unwrap_err();
    assert!(err.to_string().contains(SALES_FILE), "{}", err.to_string());
    assert_eq!(err.exit_code(), 1);
    assert_eq!(
        fs::read(dir.path().join(CUSTOMERS_FILE)).unwrap(),
        before,
        "a refused run replaces nothing"
    );
}

#[test]
fn large_samples_leave_out_the_previous_quarter_and_decoration() {
    let dir = tempfile::tempdir().unwrap();
    let opts = options(LARGE + 1, Some(1_000), 6);
    let written = write_samples(dir.path(), &opts, Lang::Zh).unwrap();
    assert_eq!(
        written,
        [CUSTOMERS_FILE, SALES_FILE, USAGE_FILE]
            .iter()
            .map(|n| dir.path().join(n))
            .collect::<Vec<_>>()
    );
    assert!(skipped_note(&opts, Lang::Zh).is_some());
    assert!(skipped_note(&options(500, None, 1), Lang::Zh).is_none());
    let sheets = sheets(&dir.path().join(SALES_FILE));
    assert_eq!(data_rows(&sheets[0].1).len(), 1_000);
}

#[test]
fn refuses_zero_customers_and_copes_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_samples(dir.path(), &options(0, None, 1), Lang::Zh).unwrap_err();
    assert_eq!(err.exit_code(), 2, "{}", err);
    assert!(!dir.path().join(CUSTOMERS_FILE).exists());
    for seed in 0..4 {
        write_samples(dir.path(), &options(1, Some(30), seed), Lang::Zh).unwrap();
        let sheets = sheets(&dir.path().join(SALES_FILE));
        assert_eq!(data_rows(&sheets[0].1).len(), 30, "seed {seed}");
    }
}

#[test]
fn messages_exist_in_both_languages() {
    let path = Path::new("客户档案.xlsx");
    let cases = [
        (
            messages::sample_no_customers(Lang::Zh),
            "示例数据至少需要 1 个客户（--customers 1 或更多）。",
        ),
        (
            messages::sample_no_customers(Lang::En),
            "Sample data needs at least one customer (--customers 1 or more).",
        ),
        (
            messages::sample_not_replaceable(Lang::Zh, path),
            "无法覆盖 客户档案.xlsx：该文件是只读的或是一个文件夹，请先关闭或移走它再生成示例数据。",
        ),
        (
            messages::sample_not_replaceable(Lang::En, path),
            "Cannot replace 客户档案.xlsx: it is read-only or a folder; close or move it, then write the samples again.",
        ),
        (
            messages::sample_large_skipped(Lang::Zh, 10_000),
            "客户数超过 10000：为节省时间，未生成上季度（2026Q2）和装饰业主示例文件。",
        ),
        (
            messages::sample_large_skipped(Lang::En, 10_000),
            "More than 10000 customers: the previous-quarter (2026Q2) and decoration sample files were left out to save time.",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}
