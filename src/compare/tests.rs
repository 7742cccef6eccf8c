//! Comparison tests: migrate against an independent join; read_snapshot's messages.

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::*;
use crate::messages;
use crate::model::Lang;

fn snap(code: &str, tier: Tier, score: f64) -> TierSnapshot {
    TierSnapshot {
        code: code.into(),
        name: format!("客户{code}"),
        tier,
        total_score: score,
        amount: None,
        dimensions: [None; 5],
        p_alive: None,
    }
}

/// Random snapshots with overlapping code ranges.
fn random_pair(seed: u64) -> (Vec<TierSnapshot>, Vec<TierSnapshot>) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut make = |from: usize, to: usize| -> Vec<TierSnapshot> {
        let mut out = Vec::new();
        for i in from..to {
            if rng.gen_bool(0.9) {
                let tier = Tier::ALL[rng.gen_range(0..3)];
                let score = rng.gen_range(0.0..100.0_f64).round();
                out.push(snap(&format!("{i:05}"), tier, score));
            }
        }
        out
    };
    let previous = make(0, 400);
    let current = make(100, 520);
    (previous, current)
}

#[test]
fn migrate_counts_equal_an_independent_join() {
    for seed in 0..5 {
        let (previous, current) = random_pair(seed);
        let m = migrate(&previous, &current, "prev.xlsx");
        let before: BTreeMap<&str, Tier> =
            previous.iter().map(|s| (s.code.as_str(), s.tier)).collect();
        let after: BTreeMap<&str, Tier> =
            current.iter().map(|s| (s.code.as_str(), s.tier)).collect();
        let mut want = [[0usize; 3]; 3];
        let (mut up, mut down) = (0, 0);
        for (code, &b) in &before {
            if let Some(&a) = after.get(code) {
                let bi = Tier::ALL.iter().position(|t| *t == b).unwrap();
                let ai = Tier::ALL.iter().position(|t| *t == a).unwrap();
                want[bi][ai] += 1;
                up += usize::from(ai < bi);
                down += usize::from(ai > bi);
            }
        }
        let new = after.keys().filter(|c| !before.contains_key(*c)).count();
        let lost = before.keys().filter(|c| !after.contains_key(*c)).count();
        assert_eq!(m.matrix, want, "seed {seed}: matrix");
        assert_eq!(m.upgraded.len(), up, "seed {seed}: upgraded");
        assert_eq!(m.downgraded.len(), down, "seed {seed}: downgraded");
        assert_eq!(m.new.len(), new, "seed {seed}: new");
        assert_eq!(m.lost.len(), lost, "seed {seed}: lost");
        assert_eq!(m.previous_file, "prev.xlsx");
    }
}

#[test]
fn moves_are_sorted_by_size_of_change() {
    let previous = vec![
        snap("A", Tier::General, 30.0),
        snap("B", Tier::General, 40.0),
        snap("C", Tier::Core, 90.0),
        snap("D", Tier::Core, 70.0),
        snap("L1", Tier::General, 10.0),
        snap("L2", Tier::Core, 80.0),
    ];
    let current = vec![
        snap("A", Tier::Core, 75.0),
        snap("B", Tier::Potential, 50.0),
        snap("C", Tier::General, 20.0),
        snap("D", Tier::Potential, 55.0),
        snap("N1", Tier::Potential, 50.0),
        snap("N2", Tier::Core, 85.0),
    ];
    let m = migrate(&previous, &current, "p.xlsx");
    let codes = |list: &[Move]| list.iter().map(|m| m.code.clone()).collect::<Vec<_>>();
    assert_eq!(
        codes(&m.upgraded),
        ["A", "B"],
        "upgraded, largest rise first"
    );
    assert_eq!(
        codes(&m.downgraded),
        ["C", "D"],
        "downgraded, largest fall first"
    );
    assert_eq!(codes(&m.new), ["N2", "N1"], "new, highest score first");
    assert_eq!(codes(&m.lost), ["L2", "L1"], "lost, highest score first");
    assert_eq!(m.upgraded[0].before, Some(Tier::General));
    assert_eq!(m.upgraded[0].after, Some(Tier::Core));
    assert_eq!(m.lost[0].after, None);
    assert_eq!(m.new[0].score_before, None);
}

#[test]
fn a_code_listed_twice_counts_once() {
    let previous = vec![snap("A", Tier::General, 30.0), snap("A", Tier::Core, 90.0)];
    let current = vec![snap("A", Tier::Core, 80.0), snap("A", Tier::Core, 80.0)];
    let m = migrate(&previous, &current, "p.xlsx");
    assert_eq!(m.matrix.iter().flatten().sum::<usize>(), 1);
    assert_eq!(m.upgraded.len(), 1);
    assert!(m.new.is_empty() && m.lost.is_empty());
}

/// Writes a plain workbook with one sheet and the given rows.
fn plain_workbook(dir: &Path, file: &str, sheet: &str, rows: &[&[&str]]) -> std::path::PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    let path = dir.join(file);
    wb.save(&path).unwrap();
    path
}

#[test]
fn read_snapshot_says_what_is_wrong_with_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let not_result = plain_workbook(dir.path(), "客户档案.xlsx", "Sheet1", &[&["客户编码"]]);
    let no_tier = plain_workbook(
        dir.path(),
        "半成品.xlsx",
        "客户明细",
        &[&["客户编码", "综合得分"], &["001", "80"]],
    );
    let bad_tier = plain_workbook(
        dir.path(),
        "改过的.xlsx",
        "客户明细",
        &[
            &["客户编码", "客户等级", "综合得分"],
            &["001", "核心客户", "80"],
            &["002", "VIP", "70"],
        ],
    );
    let empty = plain_workbook(
        dir.path(),
        "空的.xlsx",
        "Customers",
        &[&["Customer Code", "Tier", "Total Score"]],
    );
    let cases: [(&Path, Lang, &[&str]); 6] = [
        (&not_result, Lang::Zh, &["客户档案.xlsx", "客户明细"]),
        (&not_result, Lang::En, &["客户档案.xlsx", "Customers"]),
        (&no_tier, Lang::Zh, &["半成品.xlsx", "客户等级"]),
        (
            &bad_tier,
            Lang::Zh,
            &["改过的.xlsx", "第 3 行", "客户等级", "VIP"],
        ),
        (&empty, Lang::En, &["空的.xlsx", "no customer"]),
        (
            Path::new("/nonexistent/上季度.xlsx"),
            Lang::Zh,
            &["上季度.xlsx", "无法打开"],
        ),
    ];
    for (path, lang, words) in cases {
        let err = read_snapshot(path).expect_err("not a result workbook");
        let said = err.message(lang);
        assert_eq!(err.exit_code(), 1, "{said}");
        for w in words {
            assert!(said.contains(w), "{path:?}: {w:?} not in {said}");
        }
    }
}

#[test]
fn read_snapshot_skips_rows_without_code_or_tier() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_workbook(
        dir.path(),
        "手工.xlsx",
        "客户明细",
        &[
            &["客户编码", "客户名称", "客户等级", "综合得分"],
            &["000123", "甲公司", "核心客户", "81.5"],
            &["", "", "", ""],
            &["合计", "", "", "100"],
            &["000124", "乙公司", "General", "12"],
        ],
    );
    let got = read_snapshot(&path).unwrap();
    assert_eq!(
        got,
        vec![
            TierSnapshot {
                code: "000123".into(),
                name: "甲公司".into(),
                tier: Tier::Core,
                total_score: 81.5,
                amount: None,
                dimensions: [None; 5],
                p_alive: None,
            },
            TierSnapshot {
                code: "000124".into(),
                name: "乙公司".into(),
                tier: Tier::General,
                total_score: 12.0,
                amount: None,
                dimensions: [None; 5],
                p_alive: None,
            },
        ]
    );
}

#[test]
fn messages_read_word_for_word() {
    let cases = [
        (
            messages::snapshot_no_sheet(Lang::Zh, "a.xlsx"),
            "a.xlsx 不是 custseg 的结果工作簿：找不到“客户明细”（或 Customers）工作表。请选择 custseg 生成的“…_客户分类.xlsx”。",
        ),
        (
            messages::snapshot_no_sheet(Lang::En, "a.xlsx"),
            "a.xlsx is not a custseg result workbook: it has no 客户明细 (Customers) sheet. Choose a “…_segments.xlsx” written by custseg.",
        ),
        (
            messages::snapshot_missing_column(Lang::Zh, "a.xlsx", "客户明细", "客户等级"),
            "a.xlsx 不是完整的 custseg 结果工作簿：“客户明细”工作表第 1 行没有“客户等级”列。",
        ),
        (
            messages::snapshot_bad_tier(Lang::En, "a.xlsx", "Customers", 7, "Tier", "VIP"),
            "a.xlsx, sheet “Customers”, row 7, column “Tier”: “VIP” is not a tier (expected Core / Potential / General).",
        ),
        (
            messages::snapshot_bad_score(Lang::Zh, "a.xlsx", "客户明细", 7, "综合得分", "高"),
            "a.xlsx 的“客户明细”工作表第 7 行“综合得分”列的值“高”不是数字。",
        ),
        (
            messages::snapshot_empty(Lang::En, "a.xlsx", "Customers"),
            "Sheet “Customers” of a.xlsx holds no customer to compare with.",
        ),
        (
            messages::snapshot_unreadable(Lang::Zh, "a.xlsx"),
            "无法打开上期结果工作簿 a.xlsx：文件不存在、已损坏或不是 .xlsx 工作簿。",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn the_dimension_that_changed_most_is_why_a_customer_moved() {
    let mut before = snap("001", Tier::Potential, 60.0);
    let mut after = snap("001", Tier::Core, 75.0);
    before.dimensions = [Some(50.0), Some(40.0), Some(70.0), None, Some(30.0)];
    after.dimensions = [Some(52.0), Some(65.0), Some(50.0), Some(90.0), None];
    // 满意 and 潜力 are scored in one quarter only; 价值 +25 beats 活跃 −20.
    let d = driver(&before, &after).unwrap();
    assert_eq!((d.dimension, d.change), (1, 25.0));
    after.dimensions[2] = Some(30.0);
    let d = driver(&before, &after).unwrap();
    assert_eq!((d.dimension, d.change), (2, -40.0));
    after.dimensions = [None; 5];
    assert_eq!(driver(&before, &after), None);
    let m = migrate(&[before], &[after.clone()], "上季度.xlsx");
    assert_eq!(m.upgraded.len(), 1);
    assert_eq!(m.upgraded[0].driver, None);
}

#[test]
fn amounts_and_dimension_scores_read_back_from_the_customers_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_workbook(
        dir.path(),
        "上季度.xlsx",
        "客户明细",
        &[
            &[
                "客户编码",
                "客户名称",
                "价值得分",
                "规模得分",
                "综合得分",
                "客户等级",
                "消费金额",
            ],
            &["000123", "甲公司", "81", "40.5", "70", "核心客户", "120000"],
            &["000124", "乙公司", "", "10", "12", "一般客户", ""],
        ],
    );
    let got = read_snapshot(&path).unwrap();
    assert_eq!(got[0].amount, Some(120_000.0));
    assert_eq!(
        got[0].dimensions,
        [Some(40.5), Some(81.0), None, None, None]
    );
    assert_eq!(got[1].amount, None);
    assert_eq!(got[1].dimensions[1], None);
}

#[test]
fn a_result_states_its_quarter_and_cut_offs_or_says_nothing_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let with = plain_workbook(
        dir.path(),
        "有分数线.xlsx",
        "参数",
        &[
            &["基准日", "2026-06-30"],
            &["核心客户 ≥", "68.5"],
            &["潜力客户 ≥", "41"],
        ],
    );
    let facts = result_facts(&with).unwrap();
    assert_eq!(facts.period, "2026Q2");
    assert_eq!(facts.cutoffs, Some((68.5, 41.0)));
    let without = plain_workbook(
        dir.path(),
        "无分数线.xlsx",
        "参数",
        &[&["基准日", "2026-09-30"]],
    );
    let facts = result_facts(&without).unwrap();
    assert_eq!((facts.period.as_str(), facts.cutoffs), ("2026Q3", None));
    let undated = plain_workbook(dir.path(), "无日期.xlsx", "参数", &[&["核心客户 ≥", "60"]]);
    assert_eq!(result_facts(&undated), None);
}

/// A snapshot with a P(alive) (None: the result has none for it).
fn alive(code: &str, tier: Tier, p_alive: Option<f64>) -> TierSnapshot {
    TierSnapshot {
        p_alive,
        amount: Some(12_345.0),
        ..snap(code, tier, 50.0)
    }
}

#[test]
fn p_alive_fell_lists_falls_of_ten_points_or_more_largest_first() {
    let mut previous = vec![
        alive("A", Tier::Core, Some(0.30)),
        alive("B", Tier::Core, Some(0.90)),
        alive("C", Tier::Potential, Some(0.80)),
        alive("D", Tier::General, Some(0.50)),
        alive("E", Tier::General, Some(0.90)),
        alive("F", Tier::General, None),
        alive("LOST", Tier::Core, Some(0.99)),
    ];
    let mut current = vec![
        alive("A", Tier::Potential, Some(0.20)), // exactly ten points: listed
        alive("B", Tier::Core, Some(0.40)),
        alive("C", Tier::Potential, Some(0.40)), // same fall as E: by code
        alive("D", Tier::General, Some(0.401)),  // 9.9 points: not listed
        alive("E", Tier::General, Some(0.50)),
        alive("F", Tier::General, Some(0.01)), // no P(alive) last quarter
        alive("NEW", Tier::Core, Some(0.01)),
    ];
    let fell = migrate(&previous, &current, "上期.xlsx")
        .alive_fell
        .unwrap();
    let listed: Vec<(&str, Tier, f64)> = fell
        .listed
        .iter()
        .map(|d| (d.code.as_str(), d.tier, (d.points() * 10.0).round() / 10.0))
        .collect();
    assert_eq!(
        listed,
        [
            ("B", Tier::Core, -50.0),
            ("C", Tier::Potential, -40.0),
            ("E", Tier::General, -40.0),
            ("A", Tier::Potential, -10.0),
        ]
    );
    assert_eq!(fell.total, 4);
    assert_eq!(fell.listed[0].amount, Some(12_345.0));

    // Past ten, the largest ten are listed and all are counted.
    for i in 0..12 {
        let code = format!("X{i:02}");
        previous.push(alive(&code, Tier::General, Some(0.95)));
        current.push(alive(&code, Tier::General, Some(0.30 + i as f64 / 100.0)));
    }
    let fell = migrate(&previous, &current, "上期.xlsx")
        .alive_fell
        .unwrap();
    assert_eq!(fell.total, 16);
    assert_eq!(fell.listed.len(), FELL_LISTED);
    let codes: Vec<&str> = fell.listed.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes,
        ["X00", "X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "X09"]
    );
}

#[test]
fn p_alive_fell_is_absent_without_p_alive_and_empty_without_a_large_fall() {
    let previous = [snap("A", Tier::Core, 80.0), snap("B", Tier::Core, 70.0)];
    let current = [
        alive("A", Tier::Core, Some(0.2)),
        alive("B", Tier::Core, Some(0.1)),
    ];
    assert_eq!(migrate(&previous, &current, "旧版.xlsx").alive_fell, None);
    let previous = [
        alive("A", Tier::Core, Some(0.25)),
        alive("B", Tier::Core, Some(0.1)),
    ];
    let fell = migrate(&previous, &current, "上期.xlsx")
        .alive_fell
        .unwrap();
    assert_eq!(fell, AliveFell::default());
}

#[test]
fn read_snapshot_reads_p_alive_by_its_zh_or_en_header_and_leaves_it_out_when_absent() {
    let dir = tempfile::tempdir().unwrap();
    for (file, header) in [("zh.xlsx", "存活概率"), ("en.xlsx", "P(Alive)")] {
        let path = plain_workbook(
            dir.path(),
            file,
            "客户明细",
            &[
                &["客户编码", "客户等级", "综合得分", header],
                &["001", "核心客户", "80", "0.75"],
                &["002", "一般客户", "30", ""],
            ],
        );
        let back = read_snapshot(&path).unwrap();
        let p: Vec<Option<f64>> = back.iter().map(|s| s.p_alive).collect();
        assert_eq!(p, [Some(0.75), None], "{header}");
    }
    let older = plain_workbook(
        dir.path(),
        "older.xlsx",
        "客户明细",
        &[
            &["客户编码", "客户等级", "综合得分"],
            &["001", "核心客户", "80"],
        ],
    );
    assert_eq!(read_snapshot(&older).unwrap()[0].p_alive, None);
}
