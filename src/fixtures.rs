//! Test support for the reading stages: writes the .xlsx and UTF-8 .csv fixtures under
//! `tests/fixtures/` (run by `scripts/make-fixtures.sh`, which then makes the .xls/.ods, GBK,
//! UTF-16, encrypted and truncated variants). The generated files are committed; this only runs
//! on request (`cargo test --lib fixtures -- --ignored`).

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// One cell of a fixture grid.
#[derive(Debug, Clone, Copy)]
pub enum V {
    /// Nothing.
    E,
    /// Text.
    S(&'static str),
    /// A number.
    N(f64),
    /// A date cell.
    D(u16, u8, u8),
    /// A date-time cell (y, m, d, h, min).
    T(u16, u8, u8, u16, u8),
}

use V::*;

/// Where the fixtures live.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// The small customers table written in every format.
pub fn basic() -> Vec<Vec<V>> {
    vec![
        vec![
            S("客户编码"),
            S("客户名称"),
            S("所属行业"),
            S("地区"),
            S("员工人数"),
            S("营业收入（万元）"),
            S("付费模式"),
            S("使用模块"),
            S("满意度"),
            S("最近购买日期"),
            S("续费率"),
        ],
        vec![
            S("C001"),
            S("华东精密机械制造有限公司"),
            S("制造业"),
            S("江苏"),
            N(350.0),
            N(25000.0),
            S("订阅"),
            S("总账、报表"),
            N(4.0),
            D(2026, 8, 15),
            S("85%"),
        ],
        vec![
            S("C002"),
            S("北京云帆软件科技有限公司"),
            S("软件和信息技术服务业"),
            S("北京"),
            N(120.0),
            N(8000.0),
            S("一次性"),
            S("总账"),
            N(5.0),
            D(2026, 6, 30),
            S("0.6"),
        ],
        vec![
            S("C003"),
            S("广州百货零售有限公司"),
            S("零售业"),
            S("广东"),
            N(45.0),
            N(3000.0),
            S("定制开发"),
            S("供应链;库存"),
            N(3.0),
            D(2025, 12, 1),
            E,
        ],
        vec![
            S("C004"),
            S("成都蓉城建筑工程有限公司"),
            S("建筑业"),
            S("四川"),
            N(800.0),
            N(120000.0),
            S("订阅"),
            S("项目管理"),
            N(2.0),
            D(2026, 9, 20),
            S("90%"),
        ],
        vec![
            S("C005"),
            S("杭州小微贸易商行"),
            S("批发业"),
            S("浙江"),
            N(8.0),
            N(300.0),
            E,
            E,
            E,
            E,
            E,
        ],
    ]
}

fn write_grid(ws: &mut Worksheet, top: u32, grid: &[Vec<V>]) {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, row) in grid.iter().enumerate() {
        let r = top + r as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match *v {
                E => {}
                S(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, n).unwrap();
                }
                D(y, m, d) => {
                    let dt = ExcelDateTime::from_ymd(y, m, d).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                }
                T(y, m, d, h, min) => {
                    let dt = ExcelDateTime::from_ymd(y, m, d)
                        .unwrap()
                        .and_hms(h, min, 0)
                        .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &datetime).unwrap();
                }
            }
        }
    }
}

fn csv_text(grid: &[Vec<V>], delim: char) -> String {
    let mut out = String::new();
    for row in grid {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match *v {
                E => String::new(),
                S(s) if s.contains(delim) || s.contains('"') => {
                    format!("\"{}\"", s.replace('"', "\"\""))
                }
                S(s) => s.to_string(),
                N(n) => format!("{n}"),
                D(y, m, d) => format!("{y}-{m:02}-{d:02}"),
                T(y, m, d, h, min) => format!("{y}-{m:02}-{d:02} {h:02}:{min:02}"),
            })
            .collect();
        out.push_str(&cells.join(&delim.to_string()));
        out.push_str("\r\n");
    }
    out
}

fn book(sheets: &[(&str, u32, Vec<Vec<V>>)]) -> Workbook {
    let mut wb = Workbook::new();
    for (name, top, grid) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        write_grid(ws, *top, grid);
    }
    wb
}

#[test]
#[ignore = "writes tests/fixtures; run by scripts/make-fixtures.sh"]
fn make_fixtures() {
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();

    book(&[("客户档案", 0, basic())])
        .save(dir.join("basic.xlsx"))
        .unwrap();
    std::fs::write(dir.join("basic.csv"), csv_text(&basic(), ',')).unwrap();
    std::fs::write(dir.join("basic_tab.txt"), csv_text(&basic(), '\t')).unwrap();

    // Title rows, a merged title, a blank column, leading-zero codes, a blank row, a bad value,
    // a missing code, a totals row and a footer.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("客户档案").unwrap();
    ws.merge_range(0, 0, 0, 7, "客户档案列表", &Format::new())
        .unwrap();
    write_grid(
        ws,
        1,
        &[
            vec![S("制表日期：2026-09-30")],
            vec![S("单位：元")],
            vec![],
            vec![
                S("序号"),
                S("客户编码"),
                E,
                S("客户名称"),
                S("行业"),
                S("员工人数"),
                S("营业收入(万元)"),
                S("累计购买金额(元)"),
            ],
            vec![
                N(1.0),
                S("000123"),
                E,
                S("甲公司"),
                S("制造业"),
                N(200.0),
                N(5000.0),
                S("120,000"),
            ],
            vec![
                N(2.0),
                N(1001.0),
                E,
                S("乙公司"),
                S("服务业"),
                N(50.0),
                N(800.0),
                N(56000.0),
            ],
            vec![],
            vec![
                N(3.0),
                S("000124"),
                E,
                S("丙公司"),
                S("零售业"),
                S("约五十人"),
                S("1.2亿"),
                S("¥30,000"),
            ],
            vec![
                N(4.0),
                E,
                E,
                S("丁公司"),
                S("制造业"),
                N(10.0),
                N(100.0),
                N(100.0),
            ],
            vec![
                N(5.0),
                S("123"),
                E,
                S("戊公司"),
                S("制造业"),
                N(-5.0),
                N(300.0),
                N(0.0),
            ],
            vec![S("合计"), E, E, E, E, N(255.0), N(18200.0), N(206100.0)],
            vec![S("制表人：张三")],
        ],
    );
    wb.save(dir.join("messy.xlsx")).unwrap();

    // A group header merged over sub-headers; codes and names merged down two rows.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("客户信息").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 5, "客户信息表", &f).unwrap();
    ws.merge_range(1, 0, 2, 0, "客户编码", &f).unwrap();
    ws.merge_range(1, 1, 2, 1, "客户名称", &f).unwrap();
    ws.merge_range(1, 2, 1, 4, "经营情况", &f).unwrap();
    ws.merge_range(1, 5, 2, 5, "付费模式", &f).unwrap();
    write_grid(
        ws,
        2,
        &[
            vec![
                E,
                E,
                S("员工人数"),
                S("营业收入（千元）"),
                S("资产总额（亿元）"),
            ],
            vec![
                S("K01"),
                S("一号公司"),
                N(30.0),
                N(50000.0),
                N(1.5),
                S("SaaS"),
            ],
            vec![
                S("K02"),
                S("二号公司"),
                N(500.0),
                N(200000.0),
                N(3.0),
                S("买断"),
            ],
        ],
    );
    wb.save(dir.join("two_row_header.xlsx")).unwrap();

    book(&[(
        "客户档案",
        0,
        vec![
            vec![
                S("客户编码"),
                S("客户名称"),
                S("统一社会信用代码"),
                S("员工人数"),
                S("地区"),
            ],
            vec![S("D01"), S("甲"), S("91310000MA1FL0001X"), N(100.0), E],
            vec![
                S("D02"),
                S("乙"),
                S("91310000MA1FL0002X"),
                N(20.0),
                S("上海"),
            ],
            vec![S("D01"), S("甲（重复）"), E, N(120.0), S("江苏")],
            vec![
                S("D03"),
                S("丙"),
                S("91310000MA1FL0002X"),
                N(5.0),
                S("上海"),
            ],
        ],
    )])
    .save(dir.join("duplicates.xlsx"))
    .unwrap();

    book(&[
        (
            "客户档案",
            0,
            vec![
                vec![
                    S("客户编码"),
                    S("客户名称"),
                    S("所属行业"),
                    S("累计购买金额"),
                    S("满意度"),
                ],
                vec![S("S01"), S("一号"), S("制造业"), N(99999.0), N(4.0)],
                vec![S("S02"), S("二号"), S("服务业"), N(5000.0), E],
                vec![S("S03"), S("三号"), S("零售业"), E, E],
            ],
        ),
        (
            "销售明细",
            0,
            vec![
                vec![
                    S("单据日期"),
                    S("单据号"),
                    S("客户编码"),
                    S("客户名称"),
                    S("金额"),
                ],
                vec![D(2026, 1, 10), S("X001"), S("S01"), S("一号"), N(10000.0)],
                vec![D(2026, 1, 10), S("X001"), S("S01"), S("一号"), N(5000.0)],
                vec![D(2026, 5, 20), S("X002"), S("S01"), S("一号"), N(20000.0)],
                vec![D(2026, 6, 1), S("X003"), S("S01"), S("一号"), N(-3000.0)],
                vec![D(2025, 11, 11), S("X004"), S("S02"), S("二号"), N(8000.0)],
                vec![D(2062, 1, 1), S("X005"), S("S02"), S("二号"), N(1000.0)],
                vec![D(2026, 9, 15), S("X006"), S("S09"), S("未知"), N(500.0)],
                vec![S("合计"), E, E, E, N(41500.0)],
            ],
        ),
        (
            "登录记录",
            0,
            vec![
                vec![
                    S("客户编码"),
                    S("登录时间"),
                    S("功能模块"),
                    S("时长（分钟）"),
                ],
                vec![S("S01"), T(2026, 9, 1, 10, 0), S("总账"), N(30.0)],
                vec![S("S01"), D(2026, 9, 20), S("报表"), N(60.0)],
                vec![S("S01"), D(2026, 3, 1), S("总账"), N(30.0)],
                vec![S("S02"), D(2026, 8, 15), S("供应链"), E],
            ],
        ),
        (
            "满意度调查",
            0,
            vec![
                vec![S("客户编码"), S("调查日期"), S("满意度"), S("是否投诉")],
                vec![S("S01"), D(2026, 7, 1), S("非常满意"), S("否")],
                vec![S("S01"), D(2026, 8, 1), N(4.0), S("否")],
                vec![S("S02"), D(2026, 8, 1), N(2.0), S("是")],
                vec![S("S03"), E, S("一般"), E],
            ],
        ),
        ("说明", 0, vec![vec![S("本文件由 ERP 导出，仅供测试。")]]),
    ])
    .save(dir.join("software_set.xlsx"))
    .unwrap();

    // Two files dropped together: customers with leading-zero codes, sales as GBK-free CSV.
    book(&[(
        "客户档案",
        0,
        vec![
            vec![S("客户编号"), S("客户全称"), S("员工人数")],
            vec![S("0001"), S("零零一公司"), N(10.0)],
            vec![S("0002"), S("零零二公司"), N(20.0)],
        ],
    )])
    .save(dir.join("join_customers.xlsx"))
    .unwrap();
    std::fs::write(
        dir.join("join_sales.csv"),
        csv_text(
            &[
                vec![S("开票日期"), S("客户编码"), S("数量"), S("单价")],
                vec![S("2026/3/1"), S("0001"), N(2.0), S("1,500")],
                vec![S("2026年4月2日"), S("0001"), N(1.0), S("¥800")],
                vec![S("20260505"), S("0002"), N(3.0), N(100.0)],
                vec![S("2026-05-06"), S("1"), N(3.0), N(100.0)],
            ],
            ',',
        ),
    )
    .unwrap();

    book(&[(
        "Sheet1",
        0,
        vec![
            vec![S("名称"), S("金额"), S("备注")],
            vec![S("甲"), N(1.0), S("x")],
        ],
    )])
    .save(dir.join("no_code.xlsx"))
    .unwrap();
}

/// Writes `n` customers and `m` transactions as two .xlsx files in `dir`, for timing.
pub fn write_big(dir: &Path, n: usize, m: usize) -> (PathBuf, PathBuf) {
    let customers = dir.join("big_customers.xlsx");
    let sales = dir.join("big_sales.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    let header = [
        "客户编码",
        "客户名称",
        "所属行业",
        "地区",
        "员工人数",
        "营业收入（万元）",
        "付费模式",
        "使用模块",
        "满意度",
        "应收余额",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let industries = [
        "制造业",
        "软件和信息技术服务业",
        "零售业",
        "建筑业",
        "批发业",
    ];
    for i in 0..n {
        let r = i as u32 + 1;
        ws.write_string(r, 0, format!("C{i:06}")).unwrap();
        ws.write_string(r, 1, format!("测试客户{i}有限公司"))
            .unwrap();
        ws.write_string(r, 2, industries[i % 5]).unwrap();
        ws.write_string(r, 3, "江苏").unwrap();
        ws.write_number(r, 4, (i % 900) as f64 + 5.0).unwrap();
        ws.write_number(r, 5, (i % 5000) as f64 * 10.0).unwrap();
        ws.write_string(r, 6, if i % 2 == 0 { "订阅" } else { "一次性" })
            .unwrap();
        ws.write_string(r, 7, "总账、报表").unwrap();
        ws.write_number(r, 8, (i % 5) as f64 + 1.0).unwrap();
        ws.write_number(r, 9, (i % 1000) as f64 * 12.5).unwrap();
    }
    wb.save(&customers).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["单据日期", "单据号", "客户编码", "金额"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for j in 0..m {
        let r = j as u32 + 1;
        let dt = ExcelDateTime::from_serial_datetime(45000.0 + (j % 1000) as f64).unwrap();
        ws.write_datetime_with_format(r, 0, &dt, &date).unwrap();
        ws.write_string(r, 1, format!("XS{:07}", j / 2)).unwrap();
        ws.write_string(r, 2, format!("C{:06}", (j * 7919) % n.max(1)))
            .unwrap();
        ws.write_number(r, 3, ((j % 97) as f64 - 5.0) * 100.0)
            .unwrap();
    }
    wb.save(&sales).unwrap();
    (customers, sales)
}

#[test]
#[ignore = "timing: CUSTSEG_BIG_N customers and 10× transactions; prints the time taken"]
fn time_big_inputs() {
    let n: usize = std::env::var("CUSTSEG_BIG_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::var("CUSTSEG_BIG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let (c, s) = if dir.join("big_customers.xlsx").exists() {
        (dir.join("big_customers.xlsx"), dir.join("big_sales.xlsx"))
    } else {
        let t = std::time::Instant::now();
        let out = write_big(&dir, n, n * 10);
        eprintln!("wrote inputs in {:?}", t.elapsed());
        out
    };
    let profile = crate::profile::Profile::builtin("software", crate::model::Lang::Zh)
        .unwrap()
        .unwrap();
    let t = std::time::Instant::now();
    let e = crate::extract::load(&[c, s], &profile, crate::model::Lang::Zh).unwrap();
    let loaded = t.elapsed();
    let as_of = e.dataset.latest_date.unwrap();
    let d = crate::aggregate::aggregate(e, as_of, crate::model::Lang::Zh);
    eprintln!(
        "load {:?}, load+aggregate {:?}: {} customers, {} rows read, {} rejected",
        loaded,
        t.elapsed(),
        d.customers.len(),
        d.dataset.rows_read,
        d.dataset.rows_rejected
    );
    assert_eq!(d.dataset.rows_read, n + n * 10);
}

#[test]
#[ignore = "timing of the read stage alone on CUSTSEG_BIG_DIR/big_sales.xlsx"]
fn time_big_read() {
    let dir = std::env::var("CUSTSEG_BIG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let t = std::time::Instant::now();
    let (_, sheets) =
        crate::read::read_file(&dir.join("big_sales.xlsx"), crate::model::Lang::Zh).unwrap();
    eprintln!("read {:?}: {} rows", t.elapsed(), sheets[0].rows.len());
}

#[test]
#[ignore = "mutation smoke test: CUSTSEG_MUTATIONS random byte mutations of each fixture"]
fn mutated_fixtures_never_panic() {
    use rand::{Rng, SeedableRng};
    let n: usize = std::env::var("CUSTSEG_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let profile = crate::profile::Profile::builtin("software", crate::model::Lang::Zh)
        .unwrap()
        .unwrap();
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(1);
    let mut ok = 0;
    for name in [
        "basic.xlsx",
        "basic.xls",
        "basic.ods",
        "basic.csv",
        "basic_utf16.txt",
        "messy.xlsx",
        "software_set.xlsx",
    ] {
        let original = std::fs::read(dir().join(name)).unwrap();
        for _ in 0..n {
            let mut bytes = original.clone();
            for _ in 0..rng.gen_range(1..8) {
                let i = rng.gen_range(0..bytes.len());
                bytes[i] = rng.gen();
            }
            if let Ok(sheets) = crate::read::read_bytes(&bytes, name, "m", crate::model::Lang::Zh) {
                let files = vec![(crate::model::InputFile::default(), sheets)];
                if let Ok(e) = crate::extract::from_sheets(files, &profile, crate::model::Lang::Zh)
                {
                    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
                    let d = crate::aggregate::aggregate(e, as_of, crate::model::Lang::Zh);
                    assert_eq!(
                        d.dataset.rows_rejected,
                        d.dataset.findings.iter().filter(|f| f.rejected).count()
                    );
                    ok += 1;
                }
            }
        }
    }
    eprintln!(
        "{} mutated files per fixture, {ok} read through to a dataset",
        n
    );
}
