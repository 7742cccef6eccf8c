//! Figures tests: the figures themselves, and the two outputs agreeing on every figure they
//! share (概览 read back with calamine, the report read with `pdftotext`).

use std::collections::HashMap;
use std::io::Cursor;
use std::process::Command;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::*;
use crate::model::{Lang, Migration, Move};
use crate::report::font::Font;
use crate::report::format::{self, MoneyUnit};
use crate::testdata;

#[test]
fn tier_stats_add_up_to_the_customer_base() {
    let a = testdata::analysis(300, Lang::Zh);
    let f = Figures::of(&a);
    assert_eq!(f.tiers.iter().map(|s| s.count).sum::<usize>(), 300);
    let total: f64 = a.classification.customers.iter().map(amount_of).sum();
    let summed: f64 = f.tiers.iter().map(|s| s.amount).sum();
    assert!(
        (total - summed).abs() < 1e-6 * total.max(1.0),
        "{total} vs {summed}"
    );
    assert_eq!(f.tiers.map(|s| s.tier).to_vec(), Tier::ALL.to_vec());
    let by_size: usize = f.size_by_tier.iter().flat_map(|r| r.tiers).sum();
    let by_group: usize = f.industry_by_tier.iter().flat_map(|r| r.1).sum();
    let by_group_size: usize = f.industry_by_size.iter().flat_map(|r| r.1).sum();
    let rfm: usize = f.rfm.iter().map(|r| r.count).sum();
    assert_eq!(
        (by_size, by_group, by_group_size, rfm),
        (300, 300, 300, 300)
    );
}

/// Returns and 红字发票 make a customer's net amount negative: it counts as it is, so the tier
/// amounts still add up to the total of the 消费金额 column (the report used to clamp it at 0).
#[test]
fn negative_amounts_are_netted_not_clamped() {
    let mut a = testdata::analysis(50, Lang::Zh);
    let core = a
        .classification
        .customers
        .iter()
        .position(|c| c.tier == Tier::Core)
        .expect("a core customer");
    a.classification.customers[core].monetary = Some(-5_000.0);
    let f = Figures::of(&a);
    let column: f64 = a
        .classification
        .customers
        .iter()
        .filter_map(|c| c.monetary)
        .sum();
    assert!((f.amount_total - column).abs() < 1e-6, "total is net");
    let core_sum: f64 = a
        .classification
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Core)
        .map(|c| c.monetary.unwrap_or(0.0))
        .sum();
    assert!((f.core().amount - core_sum).abs() < 1e-6, "core is net");
    let shares: f64 = f
        .tiers
        .iter()
        .filter_map(|t| f.amount_share(t.amount))
        .sum();
    assert!((shares - 1.0).abs() < 1e-9, "shares add up to 100%");
}

/// The mean satisfaction is over 满意度 (what customers said), not 满意得分 (less complaints).
#[test]
fn mean_satisfaction_is_over_the_rated_customers() {
    let mut a = testdata::analysis(40, Lang::Zh);
    for (i, c) in a.classification.customers.iter_mut().enumerate() {
        c.record.satisfaction = (i % 4 != 0).then_some(80.0);
        c.scores.satisfaction = Some(50.0);
    }
    let f = Figures::of(&a);
    assert_eq!(f.satisfaction.rated, 30);
    assert_eq!(f.satisfaction.mean, Some(80.0));
    for c in &mut a.classification.customers {
        c.record.satisfaction = None;
    }
    let f = Figures::of(&a);
    assert_eq!((f.satisfaction.mean, f.satisfaction.rated), (None, 0));
    assert!(f.satisfaction_histogram.is_none());
}

#[test]
fn pareto_classes_cut_at_80_and_95_percent() {
    let mut a = testdata::analysis(10, Lang::Zh);
    let amounts = [500.0, 200.0, 100.0, 80.0, 50.0, 30.0, 20.0, 10.0, 6.0, 4.0];
    for (c, m) in a.classification.customers.iter_mut().zip(amounts) {
        c.monetary = Some(m);
    }
    let p = Figures::of(&a).pareto;
    // 500 (0→50%), 200 (50→70%), 100 (70→80%): A; 80 (80→88%), 50 (→93%), 30 (→96%): B.
    assert_eq!((p.a_count, p.b_count, p.c_count), (3, 3, 4));
    assert_eq!(p.points.first(), Some(&(0.0, 0.0)));
    let last = p.points.last().copied().expect("points");
    assert!(
        (last.0 - 1.0).abs() < 1e-9 && (last.1 - 1.0).abs() < 1e-9,
        "{last:?}"
    );
    assert!(
        p.points.windows(2).all(|w| w[1].1 >= w[0].1),
        "curve must rise"
    );
}

#[test]
fn histogram_buckets_cover_0_to_100() {
    let cases: [(&[f64], [usize; 10]); 3] = [
        (&[0.0, 9.99, 10.0], [2, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
        (&[100.0, 95.0, -3.0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 2]),
        (&[f64::NAN, 55.0], [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
    ];
    for (values, expected) in cases {
        assert_eq!(histogram(values.iter().copied()), expected, "{values:?}");
    }
}

// ───────────── the workbook and the report agree ─────────────

/// 概览 as (column A text → the row's cells), first occurrence of each label.
fn summary_sheet(a: &Analysis, f: &Figures) -> HashMap<String, Vec<Data>> {
    let bytes = crate::workbook::build(a, f).expect("workbook builds");
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).expect("calamine opens it");
    let range = book.worksheet_range("概览").expect("概览");
    let mut rows = HashMap::new();
    for row in range.rows() {
        if let Some(Data::String(label)) = row.first() {
            rows.entry(label.clone()).or_insert_with(|| row.to_vec());
        }
    }
    rows
}

/// The number in column `col` of the row labelled `label`.
fn number(sheet: &HashMap<String, Vec<Data>>, label: &str, col: usize) -> f64 {
    match sheet.get(label).and_then(|r| r.get(col)) {
        Some(Data::Float(v)) => *v,
        Some(Data::Int(v)) => *v as f64,
        other => panic!("概览 {label} column {col}: expected a number, got {other:?}"),
    }
}

/// The report's text as pdftotext lays it out, one token list per line.
fn report_text(a: &Analysis, f: &Figures) -> (String, Vec<Vec<String>>) {
    let pdf = crate::report::build(a, f, &Font::embedded()).expect("report builds");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines = text
        .lines()
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect();
    (text.chars().filter(|c| !c.is_whitespace()).collect(), lines)
}

/// The report's table row starting with `label` and having `tokens` cells.
fn report_row<'a>(lines: &'a [Vec<String>], label: &str, tokens: usize) -> &'a [String] {
    lines
        .iter()
        .find(|l| l.len() == tokens && l[0] == label)
        .unwrap_or_else(|| panic!("no report row {label} with {tokens} cells"))
}

fn parse(text: &str) -> f64 {
    let t = text.replace(',', "");
    match t.strip_suffix('%') {
        Some(p) => p.parse::<f64>().expect("a percentage") / 100.0,
        None => t.parse().unwrap_or_else(|_| panic!("not a number: {text}")),
    }
}

fn assert_close(what: &str, workbook: f64, report: &str, tolerance: f64) {
    let r = parse(report);
    assert!(
        (workbook - r).abs() <= tolerance + 1e-9,
        "{what}: 概览 has {workbook}, the report {report}"
    );
}

/// An analysis where the old separate computations disagreed: a core customer with a negative
/// net amount, 满意得分 below 满意度 (complaints), and a quarter comparison.
fn disagreeing_analysis() -> Analysis {
    let mut a = testdata::analysis(400, Lang::Zh);
    let customers = &mut a.classification.customers;
    let core = customers
        .iter()
        .position(|c| c.tier == Tier::Core)
        .expect("a core customer");
    customers[core].monetary = Some(-300_000.0);
    for c in customers.iter_mut() {
        c.scores.satisfaction = c.record.satisfaction.map(|s| (s - 12.0).max(0.0));
    }
    // Some customers in industries the size standard does not cover.
    for c in customers.iter_mut().step_by(40) {
        c.size_class = SizeClass::NotApplicable;
    }
    let mv = |code: &str, before, after| Move {
        code: code.into(),
        name: format!("客户{code}"),
        before,
        after,
        score_before: Some(50.0),
        score_after: Some(60.0),
        ..Move::default()
    };
    a.migration = Some(Migration {
        previous_file: "上季度_客户分类.xlsx".into(),
        matrix: [[30, 4, 1], [6, 40, 3], [0, 5, 20]],
        upgraded: vec![mv("000777", Some(Tier::Potential), Some(Tier::Core))],
        downgraded: vec![
            mv("000888", Some(Tier::Core), Some(Tier::General)),
            mv("000889", Some(Tier::Core), Some(Tier::Potential)),
        ],
        new: vec![mv("000999", None, Some(Tier::Potential))],
        lost: vec![mv("000111", Some(Tier::General), None)],
        ..Migration::default()
    });
    a
}

/// 概览 shows the figures as computed.
fn summary_shows(wb: &HashMap<String, Vec<Data>>, f: &Figures) {
    assert_eq!(number(wb, "客户总数", 1), f.customers as f64);
    assert_eq!(number(wb, "高流失风险客户数", 1), f.churn[0] as f64);
    assert_eq!(number(wb, "数据质量问题(条)", 1), f.findings as f64);
    assert_eq!(
        number(wb, "升级", 1),
        f.migration.map_or(0, |m| m.upgraded) as f64
    );
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b.abs().max(1.0);
    assert!(close(
        number(wb, "消费金额合计(万元)", 1),
        f.amount_total / 10_000.0
    ));
    assert!(close(
        number(wb, "平均满意度", 1),
        f.satisfaction.mean.expect("rated")
    ));
    for (t, stat) in Tier::ALL.iter().zip(f.tiers) {
        assert_eq!(number(wb, t.label(Lang::Zh), 1), stat.count as f64, "{t:?}");
    }
}

#[test]
fn workbook_summary_and_report_show_the_same_figures() {
    let a = disagreeing_analysis();
    // Computed once, as `custseg run` does, and handed to both writers.
    let f = Figures::of(&a);
    let wb = summary_sheet(&a, &f);
    let (text, lines) = report_text(&a, &f);
    // 概览 shows the figures as computed, and the report the same numbers.
    summary_shows(&wb, &f);
    let pct = |v: f64| format::percent(v);
    let tier_counts: Vec<usize> = Tier::ALL
        .iter()
        .map(|t| number(&wb, t.label(Lang::Zh), 1) as usize)
        .collect();
    // The summary page: KPI boxes and findings.
    let total_yuan = number(&wb, "消费金额合计(万元)", 1) * 10_000.0;
    let kpis = [
        format!(
            "客户数{}",
            format::count(number(&wb, "客户总数", 1) as usize)
        ),
        format!("销售额{}", format::money(total_yuan, Lang::Zh)),
        format!(
            "核心客户{}家，占客户总数{}，贡献销售额{}；潜力客户{}家，一般客户{}家",
            format::count(number(&wb, "核心客户数", 1) as usize),
            pct(number(&wb, "核心客户占比", 1)),
            pct(number(&wb, "核心客户金额占比", 1)),
            format::count(tier_counts[1]),
            format::count(tier_counts[2])
        ),
        format!(
            "流失风险高的客户{}家",
            format::count(number(&wb, "高流失风险客户数", 1) as usize)
        ),
        format!(
            "平均满意度{}（满分100）",
            format::score(number(&wb, "平均满意度", 1))
        ),
        format!(
            "升级{}家，降级{}家，新增{}家，流失{}家",
            format::count(number(&wb, "升级", 1) as usize),
            format::count(number(&wb, "降级", 1) as usize),
            format::count(number(&wb, "新增", 1) as usize),
            format::count(number(&wb, "流失", 1) as usize)
        ),
        format!(
            "发现问题{}条",
            format::count(number(&wb, "数据质量问题(条)", 1) as usize)
        ),
    ];
    for kpi in kpis {
        let kpi: String = kpi.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(&kpi), "{kpi:?} is not in the report");
    }
    // The tier table: count, share, amount, amount share; the mean score on the total row.
    let unit = MoneyUnit::for_max(
        Tier::ALL
            .iter()
            .map(|t| number(&wb, t.label(Lang::Zh), 3) * 10_000.0)
            .fold(0.0, f64::max),
    );
    let in_unit = 10_000.0 / unit.divisor();
    for t in Tier::ALL {
        let label = t.label(Lang::Zh);
        let row = report_row(&lines, label, 7);
        assert_close(label, number(&wb, label, 1), &row[1], 0.0);
        assert_close(label, number(&wb, label, 2), &row[2], 0.0005);
        assert_close(label, number(&wb, label, 3) * in_unit, &row[3], 0.05);
        assert_close(label, number(&wb, label, 4), &row[4], 0.0005);
    }
    let total = report_row(&lines, "合计", 7);
    assert_close("合计", total_yuan / unit.divisor(), &total[3], 0.05);
    assert_close(
        "平均综合得分",
        number(&wb, "平均综合得分", 1),
        &total[6],
        0.05,
    );
    // Size × tier (the report leaves out empty size classes) and the industry groups' totals.
    let sizes = f.size_columns();
    assert!(sizes.contains(&(SIZES - 1)), "不适用 shown");
    for s in sizes.into_iter().map(|i| SizeClass::ALL[i]) {
        let label = s.label(Lang::Zh);
        if number(&wb, label, 4) == 0.0 {
            continue;
        }
        let row = report_row(&lines, label, 6);
        for (col, cell) in row.iter().enumerate().take(4).skip(1) {
            assert_close(label, number(&wb, label, col), cell, 0.0);
        }
    }
    for g in IndustryGroup::ALL {
        let label = g.label(Lang::Zh);
        let row = report_row(&lines, label, 9);
        assert_close(label, number(&wb, label, 4), &row[7], 0.0);
    }
}

/// 不适用 (industries the size standard does not cover) is a size class like the others: the
/// size × tier and industry × size tables still add up to the base, and it shows only when used.
#[test]
fn not_applicable_size_class_is_counted_and_shown_only_when_used() {
    let mut a = testdata::analysis(120, Lang::Zh);
    let f = Figures::of(&a);
    assert!(f
        .size_by_tier
        .iter()
        .all(|r| r.size != SizeClass::NotApplicable));
    assert_eq!(f.size_columns(), vec![0, 1, 2, 3, 4]);
    for c in a.classification.customers.iter_mut().take(7) {
        c.size_class = SizeClass::NotApplicable;
    }
    let f = Figures::of(&a);
    let by_size: usize = f.size_by_tier.iter().flat_map(|r| r.tiers).sum();
    let by_group_size: usize = f.industry_by_size.iter().flat_map(|r| r.1).sum();
    assert_eq!((by_size, by_group_size), (120, 120));
    let na = f
        .size_by_tier
        .iter()
        .find(|r| r.size == SizeClass::NotApplicable)
        .expect("a 不适用 row");
    assert_eq!(na.tiers.iter().sum::<usize>(), 7);
    assert_eq!(f.size_columns(), (0..SIZES).collect::<Vec<_>>());
}

/// One tier palette: the PDF's tier colours are the workbook's (`TIER_COLORS`).
#[test]
fn the_report_uses_the_workbook_tier_palette() {
    for (i, tier) in Tier::ALL.into_iter().enumerate() {
        let c = crate::report::charts::tier_color(tier);
        let rgb = (u32::from(c.0) << 16) | (u32::from(c.1) << 8) | u32::from(c.2);
        assert_eq!(rgb, TIER_COLORS[i], "{tier:?}");
    }
}

#[test]
fn funnel_counts_later_stages_as_having_passed_the_earlier_ones() {
    use crate::figures::decoration;
    use crate::profile::Profile;
    let mut a = testdata::analysis(50, Lang::Zh);
    let profile = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
    let stages = ["量房", "设计", "签约", "施工", "竣工", "流失"];
    for (i, c) in a.classification.customers.iter_mut().enumerate() {
        c.record.stage = Some(stages[i % stages.len()].to_string());
        c.record.budget = Some(100_000.0 * (i % 8) as f64);
    }
    let settings = profile.report.funnel.as_ref().unwrap();
    let f = decoration::funnel(&a, settings).expect("a funnel");
    let reached: Vec<usize> = f.rows.iter().map(|r| r.reached).collect();
    let at: Vec<usize> = f.rows.iter().map(|r| r.at).collect();
    assert_eq!(f.unstaged + at.iter().sum::<usize>(), 50);
    assert_eq!(reached[0], at.iter().sum::<usize>());
    assert!(reached.windows(2).all(|w| w[0] >= w[1]), "{reached:?}");
    assert_eq!(f.signed(), at[2] + at[3] + at[4]);
    let budgets = profile.report.group("budgets").unwrap();
    let t = decoration::group_table(&a, budgets, Some(settings)).expect("a budget table");
    assert_eq!(t.rows.first().map(|r| r.name.as_str()), Some("10万以下"));
    assert_eq!(t.rows.last().map(|r| r.name.as_str()), Some("50万及以上"));
    assert_eq!(
        t.rows.iter().map(|r| r.count).sum::<usize>() + t.missing.count,
        50
    );
    // The sources column is not in the test data: no table, so no section.
    assert!(decoration::group_table(&a, profile.report.group("sources").unwrap(), None).is_none());
}
