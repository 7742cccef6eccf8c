//! Writes the .xlsx and UTF-8 .csv reading fixtures under `tests/fixtures/` (one quirk each):
//! `cargo run --example make_fixtures [-- DIR]`. Run by `scripts/make-fixtures.sh`, which then
//! makes the .xls/.ods, GBK, UTF-16, encrypted and truncated variants. The generated files are
//! committed; this only runs on request.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// One cell of a fixture grid.
#[derive(Debug, Clone, Copy)]
enum V {
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

/// The small customers table written in every format.
fn basic() -> Vec<Vec<V>> {
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

fn main() {
    // The fixtures' folder, or another one given on the command line (to compare a new run
    // with the committed files).
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests")
                .join("fixtures")
        });
    std::fs::create_dir_all(&dir).unwrap();

    basic_files(&dir);
    messy(&dir);
    two_row_header(&dir);
    duplicates(&dir);
    software_set(&dir);
    join(&dir);
    no_code(&dir);
}

/// The small customers table as .xlsx, .csv and tab-separated text.
fn basic_files(dir: &Path) {
    book(&[("客户档案", 0, basic())])
        .save(dir.join("basic.xlsx"))
        .unwrap();
    std::fs::write(dir.join("basic.csv"), csv_text(&basic(), ',')).unwrap();
    std::fs::write(dir.join("basic_tab.txt"), csv_text(&basic(), '\t')).unwrap();
}

/// Title rows, a merged title, a blank column, leading-zero codes, a blank row, a bad value, a
/// missing code, a totals row and a footer.
fn messy(dir: &Path) {
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
}

/// A group header merged over sub-headers; codes and names merged down two rows.
fn two_row_header(dir: &Path) {
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
}

/// A repeated code and a credit code shared by two customers.
fn duplicates(dir: &Path) {
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
}

/// One workbook of the software profile's four sheets: customers, sales (a split document, a
/// credit note, a future date, an unknown code, a totals row), logins and surveys, and a note.
fn software_set(dir: &Path) {
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
}

/// Two files dropped together: customers with leading-zero codes, sales as GBK-free CSV.
fn join(dir: &Path) {
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
}

/// A sheet without any customer-code column.
fn no_code(dir: &Path) {
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
