//! Tests of the extract stage: fixtures in every format, merged customers sheets, detail sheets
//! and the row accounting (rows read = used + rejected).

use super::builder::{is_footer_row, is_totals_row};
use super::cells::FieldValue;
use super::customers::{merge_customer, set_field};
use super::layout::role_of;
use super::*;
use std::collections::HashSet;

use crate::error::Cause;
use crate::fields::FieldType;
use crate::model::{
    Cell, CustomerRecord, Dataset, FindingKind, Issue, Lang, PaymentModel, SheetRole,
};
use crate::read;

/// Aggregates, the customers kept in the dataset for these tests' look-ups.
fn aggregate(e: Extracted, as_of: NaiveDate) -> Dataset {
    let a = crate::aggregate::aggregate(e, as_of);
    Dataset {
        customers: a.customers,
        ..a.dataset
    }
}

fn fixture(name: &str) -> PathBuf {
    crate::read::fixtures::dir().join(name)
}

fn profile() -> Profile {
    Profile::builtin("software", Lang::Zh).unwrap().unwrap()
}

fn load_fixtures(names: &[&str]) -> Extracted {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    load(&paths, &profile()).unwrap_or_else(|e| panic!("{names:?}: {e}"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// rows_read = used + rejected, where used rows are counted from what was built, and every
/// rejected row has exactly one rejecting finding.
fn assert_accounting(d: &Dataset, used: usize) {
    let rejecting: Vec<_> = d.findings.iter().filter(|f| f.rejected).collect();
    assert_eq!(
        d.rows_rejected,
        rejecting.len(),
        "rejected rows vs rejecting findings"
    );
    let mut rows: Vec<_> = rejecting
        .iter()
        .map(|f| (&f.file, &f.sheet, f.row))
        .collect();
    rows.sort();
    rows.dedup();
    assert_eq!(
        rows.len(),
        rejecting.len(),
        "a row rejected twice: {rejecting:?}"
    );
    assert!(rejecting.iter().all(|f| f.row.is_some()));
    assert_eq!(
        d.rows_read,
        used + d.rows_rejected,
        "rows_read = used + rejected"
    );
}

fn customer<'a>(d: &'a Dataset, code: &str) -> &'a CustomerRecord {
    d.customers
        .iter()
        .find(|c| c.code == code)
        .unwrap_or_else(|| panic!("no customer {code}"))
}

fn used_customer_rows(e: &Extracted) -> usize {
    let merged = e
        .dataset
        .findings
        .iter()
        .filter(|f| f.kind() == FindingKind::DuplicateCode)
        .count();
    e.dataset.customers.len() + merged
}

#[test]
fn every_format_reads_the_same_customers() {
    for name in [
        "basic.xlsx",
        "basic.xlsb",
        "basic.xls",
        "basic.ods",
        "basic.csv",
        "basic_bom.csv",
        "basic_gbk.csv",
        "basic_tab.txt",
        "basic_utf16.txt",
        "really_xlsx.csv",
    ] {
        let e = load_fixtures(&[name]);
        let d = &e.dataset;
        assert_eq!(d.customers.len(), 5, "{name}: customers");
        assert_accounting(d, used_customer_rows(&e));
        assert_eq!(d.rows_read, 5, "{name}");
        assert!(d.findings.is_empty(), "{name}: {:?}", d.findings);
        assert_eq!(d.input_columns.len(), 11, "{name}: {:?}", d.input_columns);
        assert_eq!(d.input_columns[5], "营业收入（万元）", "{name}");
        assert_eq!((d.code_column, d.name_column), (Some(0), Some(1)), "{name}");
        assert_eq!(d.inputs[0].sha256.len(), 64, "{name}");
        assert_eq!(d.inputs[0].sheets[0].role, SheetRole::Customers, "{name}");
        let c1 = customer(d, "C001");
        assert_eq!(
            c1.name.as_deref(),
            Some("华东精密机械制造有限公司"),
            "{name}"
        );
        assert_eq!(
            c1.original[1].display(),
            "华东精密机械制造有限公司",
            "{name}"
        );
        assert_eq!(c1.source.row, 2, "{name}");
        assert_eq!(c1.employees, Some(350.0), "{name}");
        assert_eq!(c1.revenue, Some(25000.0), "{name}: revenue in 万元");
        assert_eq!(c1.payment_model, Some(PaymentModel::Subscription), "{name}");
        assert_eq!(c1.modules, vec!["总账", "报表"], "{name}");
        assert_eq!(c1.satisfaction, Some(80.0), "{name}: 4 of 5");
        assert_eq!(c1.last_purchase, Some(date(2026, 8, 15)), "{name}");
        assert_eq!(c1.renewal_rate, Some(0.85), "{name}");
        let c2 = customer(d, "C002");
        assert_eq!(c2.renewal_rate, Some(0.6), "{name}");
        assert_eq!(c2.satisfaction, Some(100.0), "{name}");
        assert_eq!(c2.payment_model, Some(PaymentModel::OneTime), "{name}");
        let c3 = customer(d, "C003");
        assert_eq!(c3.modules, vec!["供应链", "库存"], "{name}");
        assert_eq!(c3.payment_model, Some(PaymentModel::Custom), "{name}");
        assert_eq!(c3.renewal_rate, None, "{name}");
        let c5 = customer(d, "C005");
        assert_eq!(
            (c5.payment_model, c5.satisfaction, c5.last_purchase),
            (None, None, None),
            "{name}"
        );
        assert_eq!(d.latest_date, Some(date(2026, 9, 20)), "{name}");
    }
}

#[test]
fn title_rows_blank_column_totals_and_leading_zeros() {
    for name in ["messy.xlsx", "messy.xls"] {
        let e = load_fixtures(&[name]);
        let d = &e.dataset;
        assert_eq!(d.inputs[0].sheets[0].header_row, 5, "{name}");
        let codes: Vec<&str> = d.customers.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["000123", "1001", "000124", "123"], "{name}");
        assert_eq!(d.rows_read, 7, "{name}");
        assert_eq!(d.rows_rejected, 3, "{name}");
        assert_accounting(d, used_customer_rows(&e));
        assert_eq!(
            d.input_columns,
            [
                "序号",
                "客户编码",
                "客户名称",
                "行业",
                "员工人数",
                "营业收入(万元)",
                "累计购买金额(元)"
            ],
            "{name}"
        );
        let c = customer(d, "000124");
        assert_eq!(c.revenue, Some(12000.0), "{name}: 1.2亿 in 万元");
        assert_eq!(c.purchase_amount, Some(30000.0), "{name}");
        assert_eq!(c.employees, None, "{name}");
        assert_eq!(
            customer(d, "000123").purchase_amount,
            Some(120000.0),
            "{name}"
        );
        assert_eq!(
            customer(d, "123").employees,
            None,
            "{name}: -5 is out of range"
        );
        let found: Vec<(Option<u32>, FindingKind, bool)> = d
            .findings
            .iter()
            .map(|f| (f.row, f.kind(), f.rejected))
            .collect();
        assert_eq!(
            found,
            [
                (Some(9), FindingKind::BadValue, false),
                (Some(10), FindingKind::MissingCode, true),
                (Some(11), FindingKind::OutOfRange, false),
                (Some(12), FindingKind::TotalsRow, true),
                (Some(13), FindingKind::FooterRow, true),
            ],
            "{name}"
        );
        assert_eq!(d.findings[0].column.as_deref(), Some("员工人数"));
        assert_eq!(d.findings[0].value, "约五十人");
    }
}

#[test]
fn two_row_header_with_units() {
    let e = load_fixtures(&["two_row_header.xlsx"]);
    let d = &e.dataset;
    assert_eq!(d.inputs[0].sheets[0].header_row, 2);
    assert_eq!(d.customers.len(), 2);
    assert_accounting(d, used_customer_rows(&e));
    let k1 = customer(d, "K01");
    assert_eq!(k1.name.as_deref(), Some("一号公司"));
    assert_eq!(k1.employees, Some(30.0));
    assert_eq!(k1.revenue, Some(5000.0), "50000 千元 = 5000 万元");
    assert_eq!(k1.total_assets, Some(15000.0), "1.5 亿元 = 15000 万元");
    assert_eq!(k1.payment_model, Some(PaymentModel::Subscription));
    assert_eq!(
        customer(d, "K02").payment_model,
        Some(PaymentModel::OneTime)
    );
    assert_eq!(k1.source.row, 4);
}

#[test]
fn duplicate_codes_merge_and_credit_codes_flag() {
    let e = load_fixtures(&["duplicates.xlsx"]);
    let d = &e.dataset;
    assert_eq!(d.customers.len(), 3);
    assert_eq!(d.rows_read, 4);
    assert_eq!(d.rows_rejected, 0);
    assert_accounting(d, used_customer_rows(&e));
    let d01 = customer(d, "D01");
    assert_eq!(
        d01.name.as_deref(),
        Some("甲"),
        "first non-empty value wins"
    );
    assert_eq!(d01.employees, Some(100.0));
    assert_eq!(
        d01.region.as_deref(),
        Some("江苏"),
        "later row fills an empty field"
    );
    let kinds: Vec<(Option<u32>, FindingKind)> =
        d.findings.iter().map(|f| (f.row, f.kind())).collect();
    assert_eq!(
        kinds,
        [
            (Some(4), FindingKind::DuplicateCode),
            (Some(5), FindingKind::DuplicateCreditCode)
        ]
    );
    assert_eq!(
        d.findings[1].issue,
        Issue::DuplicateCreditCode {
            other: "D02".into()
        }
    );
}

#[test]
fn detail_sheets_aggregate_against_the_as_of_date() {
    let e = load_fixtures(&["software_set.xlsx"]);
    assert_eq!(
        e.dataset.latest_date,
        Some(date(2026, 9, 20)),
        "2062 is a typo, not the as-of"
    );
    let roles: Vec<SheetRole> = e.dataset.inputs[0].sheets.iter().map(|s| s.role).collect();
    assert_eq!(
        roles,
        [
            SheetRole::Customers,
            SheetRole::Transactions,
            SheetRole::Usage,
            SheetRole::Surveys,
            SheetRole::Ignored
        ]
    );
    let d = aggregate(e.clone(), date(2026, 9, 30));
    let used =
        e.dataset.customers.len() + e.transactions.len() + e.usage.len() + e.surveys.len() - 1;
    assert_eq!(d.rows_read, 19);
    assert_eq!(d.rows_rejected, 3);
    assert_accounting(&d, used);
    let s1 = customer(&d, "S01");
    assert_eq!(s1.purchase_amount, Some(32000.0), "detail wins over 99999");
    assert_eq!(
        s1.deal_count,
        Some(2.0),
        "X001 twice counts once; the red-letter X003 not"
    );
    assert_eq!(s1.first_purchase, Some(date(2026, 1, 10)));
    assert_eq!(s1.last_purchase, Some(date(2026, 5, 20)));
    assert_eq!(s1.amount_by_year.get(&2026), Some(&32000.0));
    assert_eq!(
        s1.login_count,
        Some(2.0),
        "the March login is outside 90 days"
    );
    assert_eq!(s1.last_login, Some(date(2026, 9, 20)));
    assert_eq!(s1.usage_hours, Some(1.5), "90 minutes");
    assert_eq!(s1.modules, vec!["总账", "报表"]);
    assert_eq!(s1.satisfaction, Some(90.0), "非常满意 100 and 4/5 80");
    assert_eq!(s1.complaints, Some(0.0));
    let s2 = customer(&d, "S02");
    assert_eq!(
        (s2.purchase_amount, s2.deal_count),
        (Some(8000.0), Some(1.0))
    );
    assert_eq!(s2.amount_by_year.get(&2025), Some(&8000.0));
    assert_eq!((s2.login_count, s2.usage_hours), (Some(1.0), None));
    assert_eq!((s2.satisfaction, s2.complaints), (Some(40.0), Some(1.0)));
    let s3 = customer(&d, "S03");
    assert_eq!((s3.purchase_amount, s3.deal_count), (Some(0.0), Some(0.0)));
    assert_eq!((s3.satisfaction, s3.complaints), (Some(60.0), Some(0.0)));
    let kinds: Vec<(FindingKind, Option<u32>, bool)> = d
        .findings
        .iter()
        .map(|f| (f.kind(), f.row, f.rejected))
        .collect();
    for want in [
        (FindingKind::TotalsRow, Some(9), true),
        (FindingKind::UnknownCustomer, Some(8), true),
        (FindingKind::FutureDate, Some(7), true),
        (FindingKind::SheetSkipped, None, false),
        (FindingKind::SourceChoice, None, false),
    ] {
        assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
    }
    assert_eq!(d.findings.len(), 5, "{:?}", d.findings);
    let future = d
        .findings
        .iter()
        .find(|f| f.kind() == FindingKind::FutureDate)
        .unwrap();
    assert_eq!(future.column.as_deref(), Some("单据日期"));
    assert_eq!(future.value, "2062-01-01");
}

#[test]
fn two_files_join_by_text_code() {
    let e = load_fixtures(&["join_customers.xlsx", "join_sales.csv"]);
    let d = aggregate(e.clone(), date(2026, 9, 30));
    assert_eq!(d.inputs.len(), 2);
    assert_eq!(d.rows_read, 6);
    assert_accounting(&d, e.dataset.customers.len() + e.transactions.len());
    let c = customer(&d, "0001");
    assert_eq!(c.purchase_amount, Some(3800.0), "2 × 1,500 + 1 × ¥800");
    assert_eq!(c.deal_count, Some(2.0));
    assert_eq!(c.first_purchase, Some(date(2026, 3, 1)));
    assert_eq!(c.last_purchase, Some(date(2026, 4, 2)));
    assert_eq!(customer(&d, "0002").purchase_amount, Some(300.0));
    let unknown: Vec<_> = d
        .findings
        .iter()
        .filter(|f| f.kind() == FindingKind::UnknownCustomer)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        (unknown[0].row, unknown[0].value.as_str()),
        (Some(5), "1"),
        "\"1\" is not \"0001\""
    );
    assert_eq!(unknown[0].column.as_deref(), Some("客户编码"));
}

#[test]
fn without_customers_sheet_the_codes_come_from_the_details() {
    let e = load_fixtures(&["join_sales.csv"]);
    let codes: Vec<&str> = e
        .dataset
        .customers
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["0001", "0002", "1"]);
    assert_eq!(e.dataset.code_column, None);
    assert!(e.dataset.input_columns.is_empty());
    let d = aggregate(e.clone(), date(2026, 9, 30));
    assert_accounting(&d, e.transactions.len());
    assert_eq!(d.rows_read, 4);
}

#[test]
fn bad_files_end_with_one_clear_sentence() {
    let cases: &[(&str, &str, &str)] = &[
        ("encrypted.xlsx", "加密", "password"),
        ("truncated.xlsx", "损坏", "truncated"),
        ("not_spreadsheet.xlsx", "不是电子表格", "not a spreadsheet"),
        ("empty.csv", "是空的", "empty"),
        (
            "no_code.xlsx",
            "没有找到客户编码列",
            "No customer-code column",
        ),
        ("does_not_exist.xlsx", "无法打开", "Cannot open"),
    ];
    for (name, zh, en) in cases {
        for (lang, want) in [(Lang::Zh, zh), (Lang::En, en)] {
            let err = load(&[fixture(name)], &profile()).expect_err(name);
            assert_eq!(err.exit_code(), 1, "{name}");
            let said = err.message(lang);
            assert!(said.contains(name), "{name}: {said}");
            assert!(said.contains(want), "{name}: {said}");
        }
    }
    let err = load(&[fixture("no_code.xlsx")], &profile()).unwrap_err();
    let said = err.message(Lang::Zh);
    assert!(said.contains("名称、金额、备注"), "{said}");
}

#[test]
fn one_bad_file_among_good_ones_names_the_bad_one() {
    let err = load(
        &[fixture("basic.xlsx"), fixture("encrypted.xlsx")],
        &profile(),
    )
    .unwrap_err();
    assert!(
        matches!(&*err.cause, Cause::Encrypted { file } if file == "encrypted.xlsx"),
        "{err:?}"
    );
}

#[test]
fn profile_aliases_and_role_rules() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("会员.csv");
    std::fs::write(
        &path,
        "会员卡号,姓名,年产值（亿元）\n0007,张三,1.5\n0008,李四,\n",
    )
    .unwrap();
    let mut p = profile();
    p.aliases.insert("code".into(), vec!["会员卡号".into()]);
    p.aliases.insert("name".into(), vec!["姓名".into()]);
    p.aliases.insert("revenue".into(), vec!["年产值".into()]);
    let e = load(&[path], &p).unwrap();
    assert_eq!(e.dataset.customers.len(), 2);
    assert_eq!(e.dataset.customers[0].code, "0007");
    assert_eq!(e.dataset.customers[0].name.as_deref(), Some("张三"));
    assert_eq!(e.dataset.customers[0].revenue, Some(15000.0));

    let fields = |names: &[&'static str]| names.iter().copied().collect::<HashSet<_>>();
    let cases: &[(&[&'static str], SheetRole)] = &[
        (&["code", "name", "industry"], SheetRole::Customers),
        (&["code", "date", "amount"], SheetRole::Transactions),
        (
            &["code", "date", "quantity", "unit_price"],
            SheetRole::Transactions,
        ),
        (&["code", "date", "modules"], SheetRole::Usage),
        (&["code", "date", "satisfaction"], SheetRole::Surveys),
        (&["code", "satisfaction"], SheetRole::Surveys),
        (&["code", "name", "satisfaction"], SheetRole::Customers),
        (&["name", "amount"], SheetRole::Ignored),
    ];
    for (f, want) in cases {
        assert_eq!(role_of(&fields(f)), *want, "{f:?}");
    }
}

#[test]
fn totals_rows_are_recognised() {
    let t = |s: &str| Cell::Text(s.into());
    let cases: &[(Vec<Cell>, usize, bool)] = &[
        (vec![t("合计"), Cell::Empty, Cell::Number(5.0)], 1, true),
        (vec![t("总 计"), Cell::Empty], 1, true),
        (vec![Cell::Empty, t("小计："), Cell::Number(1.0)], 0, true),
        (vec![t("Total"), Cell::Empty], 0, true),
        (vec![t("合计"), Cell::Number(3.0)], 0, true),
        (vec![t("C001"), t("合计科技有限公司")], 0, false),
        (vec![t("C001"), t("合计")], 0, false),
        (vec![Cell::Empty, t("制表人：张三")], 0, false),
    ];
    for (row, code_index, want) in cases {
        assert_eq!(is_totals_row(row, *code_index), *want, "{row:?}");
    }
}

#[test]
fn footer_rows_are_recognised() {
    let t = |s: &str| Cell::Text(s.into());
    let cases: &[(Vec<Cell>, usize, bool)] = &[
        (vec![t("打印人：张会计   审核："), Cell::Empty], 0, true),
        (vec![Cell::Empty, t("制表人：张三")], 0, true),
        (vec![t("单位负责人:"), t("会计主管：李")], 0, true),
        (vec![t("第 1 页 共 3 页")], 0, true),
        (vec![Cell::Empty, t("第2页")], 0, true),
        (vec![t("Page 1 of 3")], 0, true),
        (vec![t("C001"), t("审核科技有限公司")], 0, false),
        (vec![t("C001"), t("复核")], 0, false),
        (vec![t("制表日期：2026-09-30")], 0, false),
        (vec![t("第一建筑公司")], 0, false),
    ];
    for (row, code_index, want) in cases {
        assert_eq!(is_footer_row(row, *code_index), *want, "{row:?}");
    }
}

fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> RawSheet {
    RawSheet {
        file: format!("{name}.xlsx"),
        sheet: name.to_string(),
        rows,
        first_row: 1,
        first_col: 0,
    }
}

#[test]
fn several_customers_sheets_union_their_columns() {
    let t = |s: &str| Cell::Text(s.into());
    let a = sheet(
        "甲",
        vec![
            vec![t("客户编码"), t("客户名称"), t("地区")],
            vec![t("A1"), t("甲一"), t("北京")],
        ],
    );
    let b = sheet(
        "乙",
        vec![
            vec![t("客户名称"), t("员工人数"), t("客户编码")],
            vec![t("乙一"), Cell::Number(5.0), t("B1")],
        ],
    );
    let e = from_sheets(vec![(InputFile::default(), vec![a, b])], &profile()).unwrap();
    let d = &e.dataset;
    assert_eq!(
        d.input_columns,
        ["客户编码", "客户名称", "地区", "员工人数"]
    );
    assert_eq!((d.code_column, d.name_column), (Some(0), Some(1)));
    let b1 = customer(d, "B1");
    let shown: Vec<String> = b1.original.iter().map(Cell::display).collect();
    assert_eq!(shown, ["B1", "乙一", "", "5"]);
    assert_eq!(customer(d, "A1").original.len(), 4);
}

/// Customers sheets are turned into customers on the reading threads, each by itself, and
/// joined after: the result must be what reading them one after the other gives — the same
/// code in two sheets merged into the first customer (its blank fields and columns filled
/// from the later sheet), the columns' union, the findings in order.
#[test]
fn customers_sheets_read_apart_join_as_if_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "甲.csv",
            "客户编码,客户名称,地区,员工人数\n\
             A1,甲一,北京,12\n\
             A2,甲二,,abc\n\
             A1,甲一重复,上海,\n\
             合计,,,\n\
             ,,,\n\
             A3,甲三,广州,-5\n",
        ),
        (
            "乙.csv",
            "客户名称,营业收入(万元),客户编码,地区,行业\n\
             乙一,100,B1,深圳,软件\n\
             甲二补充,200,A2,杭州,制造\n\
             ,300,A1,天津,\n\
             ,,,,\n\
             乙二,x,B2,,零售\n\
             ,y,A3,,\n",
        ),
        (
            "丙.csv",
            "客户编码,客户名称\nC1,丙一\nB1,乙一又见\nB1,乙一三见\n",
        ),
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let apart = load(&paths, &profile()).unwrap();
    let sheets = paths.iter().map(|p| read::read_file(p).unwrap()).collect();
    let in_order = from_sheets(sheets, &profile()).unwrap();
    assert_eq!(
        format!("{:?}", apart.dataset),
        format!("{:?}", in_order.dataset)
    );
    let d = &apart.dataset;
    let codes: Vec<&str> = d.customers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["A1", "A2", "A3", "B1", "B2", "C1"]);
    let a2 = customer(d, "A2");
    assert_eq!(a2.name.as_deref(), Some("甲二"));
    assert_eq!(
        a2.region.as_deref(),
        Some("杭州"),
        "blank in 甲, filled from 乙"
    );
    assert_eq!(a2.revenue, Some(200.0), "万元");
    let duplicates = d
        .findings
        .iter()
        .filter(|f| f.kind() == FindingKind::DuplicateCode)
        .count();
    assert_eq!(duplicates, 6);
    assert_accounting(d, d.customers.len() + duplicates);
}

/// Every field a customers sheet can set is carried over when the same customer is read
/// again from another sheet, and none overwrites a value the first sheet gave.
#[test]
fn merging_a_customer_read_again_covers_every_field() {
    let value = |kind: FieldType, second: bool| match kind {
        FieldType::Text | FieldType::Code => {
            FieldValue::Text(if second { "y" } else { "x" }.into())
        }
        FieldType::Date => FieldValue::Date(date(2026, 1, if second { 3 } else { 2 })),
        FieldType::List => FieldValue::List(vec![if second { "y" } else { "x" }.into()]),
        FieldType::Payment => FieldValue::Payment(if second {
            PaymentModel::OneTime
        } else {
            PaymentModel::Subscription
        }),
        _ => FieldValue::Number(if second { 8.0 } else { 7.0 }),
    };
    let mut later = CustomerRecord::default();
    for f in crate::fields::FIELDS {
        set_field(&mut later, f.name, value(f.kind, false));
    }
    later.original = vec![Cell::Text("x".into())];
    let mut first = CustomerRecord::default();
    merge_customer(&mut first, later.clone());
    assert_eq!(format!("{first:?}"), format!("{later:?}"));
    let mut other = CustomerRecord::default();
    for f in crate::fields::FIELDS {
        set_field(&mut other, f.name, value(f.kind, true));
    }
    other.original = vec![Cell::Text("y".into())];
    let mut first = later.clone();
    merge_customer(&mut first, other);
    assert_eq!(format!("{first:?}"), format!("{later:?}"));
}

#[test]
fn random_sheets_keep_rows_read_equal_used_plus_rejected() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
    let pool = |rng: &mut rand_xoshiro::Xoshiro256PlusPlus, col: usize| -> Cell {
        match rng.gen_range(0..12) {
            0 => Cell::Empty,
            1 => Cell::Text("合计".into()),
            2 => Cell::Text("-".into()),
            3 => Cell::Text("abc".into()),
            4 => Cell::Number(-3.0),
            5 => Cell::Text("2026年13月1日".into()),
            6 => Cell::Text(format!("C{}", rng.gen_range(0..20))),
            7 => Cell::Number(rng.gen_range(1..20) as f64),
            8 => Cell::Text("2026-05-01".into()),
            9 => Cell::Text("2062-05-01".into()),
            10 => Cell::Text("非常满意".into()),
            _ => Cell::Text(format!(
                "{}",
                rng.gen_range(0..100_000) as f64 / (col + 1) as f64
            )),
        }
    };
    let headers: &[&[&str]] = &[
        &[
            "客户编码",
            "客户名称",
            "员工人数",
            "营业收入",
            "满意度",
            "统一社会信用代码",
        ],
        &["单据日期", "单据号", "客户编码", "金额"],
        &["客户编码", "登录时间", "功能模块", "使用时长"],
        &["客户编码", "调查日期", "满意度", "是否投诉"],
    ];
    // About half the rounds stop on a detail sheet that mostly joins nothing: 80 rounds keep
    // some forty checked.
    for round in 0..80 {
        let mut sheets = Vec::new();
        for (k, h) in headers.iter().enumerate() {
            if k > 0 && rng.gen_bool(0.3) {
                continue;
            }
            let mut rows: Vec<Vec<Cell>> = (0..rng.gen_range(0..3))
                .map(|_| vec![Cell::Text("客户档案列表".into())])
                .collect();
            rows.push(h.iter().map(|t| Cell::Text(t.to_string())).collect());
            for _ in 0..rng.gen_range(0..30) {
                let width = rng.gen_range(0..=h.len() + 1);
                rows.push((0..width).map(|c| pool(&mut rng, c)).collect());
            }
            sheets.push(sheet(&format!("s{round}_{k}"), rows));
        }
        let e = match from_sheets(vec![(InputFile::default(), sheets)], &profile()) {
            Ok(e) => e,
            // A detail sheet most of whose rows join no customer stops the run (issue 14).
            Err(err) if err.to_string().contains("客户档案中找不到") => continue,
            Err(err) => panic!("{err}"),
        };
        let d = aggregate(e.clone(), date(2026, 9, 30));
        let future = d
            .findings
            .iter()
            .filter(|f| f.kind() == FindingKind::FutureDate)
            .count();
        let detail = e.transactions.len() + e.usage.len() + e.surveys.len() - future;
        let customer_rows = if e.dataset.code_column.is_some() {
            used_customer_rows(&e)
        } else {
            0
        };
        assert_accounting(&d, customer_rows + detail);
    }
}

/// A 往来单位 sheet: supplier rows are rejected (one finding each, even with a customer's code:
/// no duplicate), 客户及供应商 and blank types stay customers, and the accounting holds.
#[test]
fn supplier_rows_of_a_partner_sheet_are_rejected_and_counted() {
    let t = |s: &str| Cell::Text(s.into());
    let row = |code: &str, kind: &str| vec![t(code), t(&format!("{code}公司")), t(kind)];
    let s = sheet(
        "往来单位",
        vec![
            vec![t("往来单位编号"), t("单位名称"), t("往来单位类型")],
            row("W1", "客户"),
            row("W2", "供应商"),
            row("W3", "客户及供应商"),
            row("W1", "Supplier"),
            row("W4", ""),
            row("W5", "其他往来单位"),
            vec![t("合计"), t(""), t("")],
        ],
    );
    let e = from_sheets(vec![(InputFile::default(), vec![s])], &profile()).unwrap();
    let d = &e.dataset;
    let codes: Vec<&str> = d.customers.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["W1", "W3", "W4", "W5"]);
    assert_eq!((d.rows_read, d.rows_rejected), (7, 3));
    assert_accounting(d, used_customer_rows(&e));
    let found: Vec<(Option<u32>, FindingKind, &str)> = d
        .findings
        .iter()
        .map(|f| (f.row, f.kind(), f.value.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (None, FindingKind::PartyTypeUnclear, "其他往来单位"),
            (Some(3), FindingKind::Supplier, "供应商"),
            (Some(5), FindingKind::Supplier, "Supplier"),
            (Some(8), FindingKind::TotalsRow, "合计"),
        ]
    );
    assert_eq!(d.findings[1].column.as_deref(), Some("往来单位类型"));
}
