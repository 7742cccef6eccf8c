//! Workbook tests: build from `testdata`, read the bytes back with calamine, compare meaning.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, DataType, Range, Reader, Sheets};

use super::*;
use crate::compare;
use crate::model::{Cell, Tier};
use crate::testdata;

/// The workbook of `a`, its figures computed as `custseg run` does.
fn built(a: &Analysis) -> crate::error::Result<Vec<u8>> {
    build(a, &crate::figures::Figures::of(a))
}

type Book = Sheets<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_auto_from_rs(Cursor::new(bytes)).expect("calamine opens the workbook")
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default()
}

fn col(range: &Range<Data>, name: &str) -> usize {
    header(range)
        .iter()
        .rposition(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", header(range)))
}

fn with_migration(lang: Lang) -> crate::model::Analysis {
    let mut a = testdata::analysis(60, lang);
    let current = compare::snapshot(&a.classification.customers);
    // The previous quarter: the first 10 customers gone, everyone else one tier better,
    // plus 5 customers that are no longer there.
    let mut previous: Vec<_> = current[10..]
        .iter()
        .map(|s| {
            let mut p = s.clone();
            p.tier = match s.tier {
                Tier::General => Tier::Potential,
                _ => Tier::Core,
            };
            p.total_score -= 3.0;
            p
        })
        .collect();
    for i in 0..5 {
        previous.push(crate::model::TierSnapshot {
            code: format!("X{i:03}"),
            name: format!("旧客户{i}"),
            tier: Tier::General,
            total_score: 20.0 + i as f64,
            amount: None,
            dimensions: [None; 5],
            p_alive: None,
        });
    }
    a.migration = Some(compare::migrate(
        &previous,
        &current,
        "上季度_客户分类.xlsx",
    ));
    a
}

#[test]
fn sheets_are_in_spec_order_in_both_languages() {
    let cases: [(Lang, bool, &[&str]); 4] = [
        (
            Lang::Zh,
            false,
            &[
                "概览",
                "客户明细",
                "核心客户",
                "潜力客户",
                "一般客户",
                "聚类分析",
                "读取记录",
                "数据质量",
                "参数",
            ],
        ),
        (
            Lang::Zh,
            true,
            &[
                "概览",
                "客户明细",
                "核心客户",
                "潜力客户",
                "一般客户",
                "聚类分析",
                "季度变动",
                "读取记录",
                "数据质量",
                "参数",
            ],
        ),
        (
            Lang::En,
            false,
            &[
                "Summary",
                "Customers",
                "Core",
                "Potential",
                "General",
                "Clusters",
                "Reading",
                "Data Quality",
                "Settings",
            ],
        ),
        (
            Lang::En,
            true,
            &[
                "Summary",
                "Customers",
                "Core",
                "Potential",
                "General",
                "Clusters",
                "Migration",
                "Reading",
                "Data Quality",
                "Settings",
            ],
        ),
    ];
    for (lang, migrated, want) in cases {
        let analysis = if migrated {
            with_migration(lang)
        } else {
            testdata::analysis(30, lang)
        };
        let book = open(built(&analysis).expect("workbook builds"));
        assert_eq!(book.sheet_names(), want, "{lang:?}, migration: {migrated}");
    }
}

#[test]
fn customer_headers_are_input_columns_then_the_fixed_derived_ones_then_their_reasons() {
    for lang in [Lang::Zh, Lang::En] {
        let analysis = testdata::analysis(12, lang);
        let mut book = open(built(&analysis).unwrap());
        let mut want: Vec<String> = analysis.dataset.input_columns.clone();
        want.extend(
            columns::COLUMNS
                .iter()
                .map(|c| pick(c.header, lang).to_string()),
        );
        for name in [pick(CUSTOMERS_SHEET, lang), Tier::Core.label(lang)] {
            let got = header(&sheet(&mut book, name));
            assert_eq!(got, want, "{lang:?} sheet {name}: header row");
        }
    }
}

#[test]
fn every_customer_is_in_the_customers_sheet_exactly_once() {
    let analysis = testdata::analysis(500, Lang::Zh);
    let mut book = open(built(&analysis).unwrap());
    let range = sheet(&mut book, "客户明细");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in range.rows().skip(1) {
        *seen.entry(row[0].to_string()).or_default() += 1;
    }
    assert_eq!(seen.len(), 500, "distinct codes in 客户明细");
    for c in &analysis.classification.customers {
        assert_eq!(
            seen.get(&c.record.code),
            Some(&1),
            "customer {} in 客户明细",
            c.record.code
        );
    }
}

#[test]
fn tier_sheets_hold_their_tier_sorted_by_total_score() {
    let analysis = testdata::analysis(300, Lang::Zh);
    let mut book = open(built(&analysis).unwrap());
    let mut total = 0;
    for tier in Tier::ALL {
        let range = sheet(&mut book, tier.label(Lang::Zh));
        let (score_col, tier_col) = (col(&range, "综合得分"), col(&range, "客户等级"));
        let rows: Vec<(f64, String)> = range
            .rows()
            .skip(1)
            .enumerate()
            .map(|(i, r)| {
                assert_eq!(
                    r[tier_col].to_string(),
                    tier.label(Lang::Zh),
                    "sheet {}, row {}, column 客户等级",
                    tier.label(Lang::Zh),
                    i + 2
                );
                (r[score_col].as_f64().unwrap_or(f64::NAN), r[0].to_string())
            })
            .collect();
        for (i, pair) in rows.windows(2).enumerate() {
            let ((s1, c1), (s2, c2)) = (&pair[0], &pair[1]);
            assert!(
                s1 > s2 || (s1 == s2 && c1 < c2),
                "sheet {}, rows {} and {}: {s1} {c1} before {s2} {c2}",
                tier.label(Lang::Zh),
                i + 2,
                i + 3
            );
        }
        let want = analysis
            .classification
            .customers
            .iter()
            .filter(|c| c.tier == tier)
            .count();
        assert_eq!(rows.len(), want, "rows in sheet {}", tier.label(Lang::Zh));
        total += rows.len();
    }
    assert_eq!(total, 300, "customers over the three tier sheets");
}

#[test]
fn input_text_is_never_a_formula_and_numbers_and_dates_keep_their_type() {
    let mut analysis = testdata::analysis(6, Lang::Zh);
    analysis.dataset.input_columns.push("成立日期".into());
    analysis.dataset.input_columns.push("员工人数".into());
    let date = chrono::NaiveDate::from_ymd_opt(2015, 3, 2)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let nasty = ["=SUM(A1)", "+86 123", "-1+2", "@here"];
    for (i, c) in analysis.classification.customers.iter_mut().enumerate() {
        let name = nasty[i % nasty.len()].to_string();
        c.record.original[1] = Cell::Text(name.clone());
        c.record.name = Some(name);
        c.record.original.push(Cell::DateTime(date));
        c.record.original.push(Cell::Number(350.0));
        c.recommended_product = crate::model::Product::Give(crate::model::ProfileText {
            zh: "=1+1".into(),
            en: None,
        });
    }
    let mut book = open(built(&analysis).unwrap());
    for name in ["客户明细", "核心客户", "潜力客户", "一般客户"] {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "sheet {name} has a formula"
        );
    }
    let range = sheet(&mut book, "客户明细");
    for (i, row) in range.rows().skip(1).enumerate() {
        let want = nasty[i % nasty.len()];
        assert_eq!(
            row[1],
            Data::String(want.into()),
            "row {}, column 客户名称",
            i + 2
        );
        assert!(
            row[3].as_date() == Some(date.date()),
            "row {}, column 成立日期: {:?}",
            i + 2,
            row[3]
        );
        assert_eq!(row[4], Data::Float(350.0), "row {}, column 员工人数", i + 2);
    }
}

#[test]
fn without_a_customers_sheet_custseg_writes_its_own_code_and_name() {
    let mut analysis = testdata::analysis(8, Lang::En);
    analysis.dataset.input_columns.clear();
    analysis.dataset.code_column = None;
    analysis.dataset.name_column = None;
    for c in &mut analysis.classification.customers {
        c.record.original.clear();
    }
    let bytes = built(&analysis).unwrap();
    let mut book = open(bytes.clone());
    let range = sheet(&mut book, "Customers");
    let head = header(&range);
    assert_eq!(&head[..3], ["Customer Code", "Customer Name", "Size Class"]);
    let first = &analysis.classification.customers[0];
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::String(first.record.code.clone()))
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old_segments.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let back = compare::read_snapshot(&path).unwrap();
    assert_eq!(back, compare::snapshot(&analysis.classification.customers));
}

#[test]
fn read_snapshot_round_trips_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let analysis = with_migration(lang);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("上季度_客户分类.xlsx");
        std::fs::write(&path, built(&analysis).unwrap()).unwrap();
        let back = compare::read_snapshot(&path).expect("reads back");
        let want = compare::snapshot(&analysis.classification.customers);
        assert_eq!(back.len(), want.len(), "{lang:?}: customers read back");
        for (i, (b, w)) in back.iter().zip(&want).enumerate() {
            assert_eq!(b, w, "{lang:?}: customer {i} ({})", w.code);
        }
    }
}

#[test]
fn settings_name_the_code_column_even_when_it_is_renamed() {
    let mut analysis = testdata::analysis(10, Lang::Zh);
    analysis.dataset.input_columns = vec!["编号".into(), "单位名称".into(), "行业".into()];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q3.xlsx");
    std::fs::write(&path, built(&analysis).unwrap()).unwrap();
    let mut book = open(std::fs::read(&path).unwrap());
    let settings = sheet(&mut book, "参数");
    let row = settings
        .rows()
        .find(|r| r[0] == CODE_COLUMN_KEY.0)
        .expect("参数 names the code column");
    assert_eq!(row[1].to_string(), "编号");
    let back = compare::read_snapshot(&path).unwrap();
    assert_eq!(back, compare::snapshot(&analysis.classification.customers));
}

#[test]
fn migration_sheet_shows_the_matrix_and_every_move() {
    for lang in [Lang::Zh, Lang::En] {
        let analysis = with_migration(lang);
        let migration = analysis.migration.clone().unwrap();
        for bytes in [
            built(&analysis).unwrap(),
            build_migration(&migration, lang).unwrap(),
        ] {
            let mut book = open(bytes);
            let range = sheet(&mut book, pick(MIGRATION_SHEET, lang));
            let rows: Vec<&[Data]> = range.rows().collect();
            let matrix_row = rows
                .iter()
                .position(|r| r[0] == Tier::Core.label(lang))
                .expect("matrix row of the core tier");
            for i in 0..3 {
                for j in 0..3 {
                    assert_eq!(
                        rows[matrix_row + i][1 + j].as_f64(),
                        Some(migration.matrix[i][j] as f64),
                        "{lang:?}: matrix cell ({i}, {j})"
                    );
                }
            }
            let code_header = lang.pick("客户编码", "Customer Code");
            let list_start = rows
                .iter()
                .position(|r| r.get(1).map(|c| c.to_string()).as_deref() == Some(code_header))
                .expect("list header");
            let listed = rows.len() - list_start - 1;
            let want = migration.upgraded.len()
                + migration.downgraded.len()
                + migration.new.len()
                + migration.lost.len();
            assert_eq!(listed, want, "{lang:?}: moves listed");
        }
    }
    let only = open(build_migration(&crate::model::Migration::default(), Lang::Zh).unwrap());
    assert_eq!(only.sheet_names(), ["季度变动"]);
}

#[test]
fn data_quality_has_one_row_per_finding() {
    let analysis = testdata::analysis(20, Lang::Zh);
    let mut book = open(built(&analysis).unwrap());
    let range = sheet(&mut book, "数据质量");
    assert_eq!(range.rows().count() - 1, analysis.dataset.findings.len());
    let f = &analysis.dataset.findings[0];
    let row = range.rows().nth(1).unwrap();
    assert_eq!(row[0].to_string(), f.file, "column 文件");
    assert_eq!(row[2].as_f64(), f.row.map(f64::from), "column 行号");
    assert_eq!(
        row[5].to_string(),
        f.kind().label(Lang::Zh),
        "column 问题类型"
    );
}

#[test]
fn summary_counts_match_the_customers() {
    let analysis = testdata::analysis(200, Lang::Zh);
    let mut book = open(built(&analysis).unwrap());
    let range = sheet(&mut book, "概览");
    let rows: Vec<&[Data]> = range.rows().collect();
    for tier in Tier::ALL {
        let want = analysis
            .classification
            .customers
            .iter()
            .filter(|c| c.tier == tier)
            .count();
        let row = rows
            .iter()
            .find(|r| r[0] == tier.label(Lang::Zh))
            .unwrap_or_else(|| panic!("tier row {}", tier.label(Lang::Zh)));
        assert_eq!(
            row[1].as_f64(),
            Some(want as f64),
            "概览: {}",
            tier.label(Lang::Zh)
        );
    }
}

#[test]
fn notes_explain_every_derived_header() {
    for column in &columns::COLUMNS {
        let (zh, en) = column.note;
        assert!(
            zh.chars().count() > 8 && en.len() > 20,
            "note of {}",
            column.header.0
        );
    }
    // The notes are stored in the file: one comment per derived header on each customer sheet.
    let bytes = built(&testdata::analysis(5, Lang::Zh)).unwrap();
    let mut zip = zip_entries(&bytes);
    zip.retain(|n| n.starts_with("xl/comments"));
    assert_eq!(zip.len(), 4, "comment parts: {zip:?}");
}

/// The names of the parts in an xlsx zip, from its central directory.
fn zip_entries(bytes: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    let sig = [0x50, 0x4b, 0x01, 0x02];
    let mut i = 0;
    while i + 46 <= bytes.len() {
        if bytes[i..i + 4] == sig {
            let len = u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]) as usize;
            if let Some(name) = bytes.get(i + 46..i + 46 + len) {
                names.push(String::from_utf8_lossy(name).into_owned());
            }
            i += 46 + len;
        } else {
            i += 1;
        }
    }
    names
}

#[test]
fn an_empty_run_still_gives_a_complete_workbook() {
    let analysis = testdata::analysis(0, Lang::Zh);
    let mut book = open(built(&analysis).expect("builds with no customer"));
    assert_eq!(book.sheet_names().len(), 9);
    let range = sheet(&mut book, "客户明细");
    assert_eq!(range.rows().count(), 1, "header row only");
}

#[test]
fn fixed_headers_match_spec_section_5() {
    use columns::{Part, COLUMNS, TIER, TOTAL_SCORE};
    let cases = [
        (0, "企业规模", "Size Class"),
        (1, "行业大类", "Industry Group"),
        (7, "综合得分", "Total Score"),
        (8, "客户等级", "Tier"),
        (12, "消费金额", "Monetary"),
        (18, "建议信用额度", "Suggested Credit Limit"),
        (22, "评分说明", "Score Explanation"),
    ];
    for (i, zh, en) in cases {
        assert_eq!(COLUMNS[i].header, (zh, en), "derived column {i}");
    }
    assert_eq!(TOTAL_SCORE.header, COLUMNS[7].header);
    assert_eq!(TIER.header, COLUMNS[8].header);
    // The 23 fixed columns first, then the reasons behind them.
    let fixed = COLUMNS.iter().filter(|c| c.part == Part::Fixed).count();
    assert_eq!(fixed, 23);
    assert!(COLUMNS[..fixed].iter().all(|c| c.part == Part::Fixed));
}

#[test]
fn summary_counts_the_moves_when_there_is_a_migration() {
    let analysis = with_migration(Lang::Zh);
    let m = analysis.migration.clone().unwrap();
    let mut book = open(built(&analysis).unwrap());
    let range = sheet(&mut book, "概览");
    for (label, want) in [
        ("升级", m.upgraded.len()),
        ("降级", m.downgraded.len()),
        ("新增", m.new.len()),
        ("流失", m.lost.len()),
    ] {
        let row = range
            .rows()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("概览 has no row {label}"));
        assert_eq!(row[1].as_f64(), Some(want as f64), "概览, row {label}");
    }
    let without = open(built(&testdata::analysis(20, Lang::Zh)).unwrap())
        .worksheet_range("概览")
        .unwrap();
    assert!(
        without.rows().all(|r| r[0] != "升级"),
        "no moves without a migration"
    );
}

/// Every format the customer sheets can set is registered before they are written on two
/// threads: rust_xlsxwriter gives a new format its index under a lock taken twice, so two
/// threads meeting the same new format at once left cells showing another format.
#[test]
fn every_customer_sheet_format_is_registered_before_the_threads() {
    use super::columns::{Kind, COLUMNS};
    use super::typed::{column_format, InputKind};
    let st = styles::Styles::new();
    let registered = st.customer_sheet_formats();
    let kinds: Vec<Kind> = COLUMNS.iter().map(|c| c.kind).collect();
    for kind in kinds {
        if let Some(f) = st.derived_column_format(kind) {
            assert!(registered.contains(f), "{kind:?}");
        }
    }
    let inputs = [
        InputKind::Money(1.0),
        InputKind::Money(1e8),
        InputKind::Number,
        InputKind::Percent {
            header_percent: true,
        },
        InputKind::Date,
    ];
    for kind in inputs {
        for values in [vec![1.0, 2.0], vec![0.125, 2.5]] {
            if let Some(f) = column_format(kind, values.into_iter()) {
                assert!(registered.contains(&f), "{kind:?}");
            }
        }
    }
    assert!(registered.contains(&st.date));
    assert!(st.tier.iter().all(|t| registered.contains(t)));
}
