//! Sample stage: the three workbooks of a finance-software vendor — 客户档案 (a 用友 U8-style
//! customer list), 销售明细 (invoice lines) and 使用与满意度 (logins and survey answers) — for
//! one period, written row by row into constant-memory worksheets.

use rand::Rng;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::ledger::{Ledger, Login, Survey, UNKNOWN_CODE, UNKNOWN_CUSTOMER, UNKNOWN_NAME};
use super::population::{date_of, excel_serial, normal, Behaviour, Customer, Payment, Period};
use super::sheet::{add_sheet, begin, cents, full_width, short_number, thousands, Strings, Styles};
use super::words::{EDITIONS, MODULES};

/// Stream of a customer's period snapshot (续费率, 满意度, 应收余额 … as of the period).
const SNAPSHOT_STREAM: u64 = 10;

/// The columns of 客户档案, with widths.
pub(crate) const CUSTOMER_HEADERS: &[(&str, f64)] = &[
    ("客户编码", 10.0),
    ("客户名称", 34.0),
    ("统一社会信用代码", 22.0),
    ("所属行业", 15.0),
    ("地区", 14.0),
    ("成立日期", 12.0),
    ("员工人数", 10.0),
    ("营业收入(万元)", 15.0),
    ("资产总额(万元)", 15.0),
    ("付费模式", 11.0),
    ("产品版本", 10.0),
    ("已购模块", 30.0),
    ("需求模块", 22.0),
    ("预算", 11.0),
    ("续费率", 8.0),
    ("满意度", 9.0),
    ("投诉次数", 9.0),
    ("应收余额", 14.0),
    ("逾期天数", 9.0),
    ("联系人", 9.0),
    ("业务员", 9.0),
];

/// The columns of 销售明细.
pub(crate) const SALES_HEADERS: &[(&str, f64)] = &[
    ("单据号", 16.0),
    ("单据日期", 12.0),
    ("客户编码", 10.0),
    ("客户名称", 34.0),
    ("产品", 20.0),
    ("金额(元)", 14.0),
    ("备注", 10.0),
];

/// The columns of 登录记录.
pub(crate) const LOGIN_HEADERS: &[(&str, f64)] = &[
    ("客户编码", 10.0),
    ("登录时间", 17.0),
    ("功能模块", 14.0),
    ("使用时长(小时)", 14.0),
];

/// The columns of 满意度调查.
pub(crate) const SURVEY_HEADERS: &[(&str, f64)] = &[
    ("客户编码", 10.0),
    ("调查日期", 12.0),
    ("满意度评分", 11.0),
    ("是否投诉", 9.0),
];

fn as_of_text(period: Period) -> String {
    date_of(period.as_of()).format("%Y-%m-%d").to_string()
}

/// 客户档案.xlsx of `period`.
pub(crate) fn customers_workbook(
    wb: &mut Workbook,
    customers: &[Customer],
    period: Period,
    strings: Strings,
) -> Result<(), XlsxError> {
    let styles = Styles::new();
    let ws = add_sheet(wb, "客户档案", strings)?;
    let subtitle = format!(
        "制表日期：{}    单位：元（营业收入、资产总额：万元）",
        as_of_text(period)
    );
    let mut row = begin(
        ws,
        &styles,
        Some("客户档案列表"),
        Some(&subtitle),
        CUSTOMER_HEADERS,
    )?;
    let mut sums = Sums::default();
    for (index, c) in customers.iter().enumerate() {
        if !c.in_period(period) {
            continue;
        }
        customer_row(ws, row, index, c, period, &styles, &mut sums)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "合计", &styles.total_label)?;
    ws.write_number_with_format(row, 6, sums.employees, &styles.total_label)?;
    ws.write_number_with_format(row, 7, cents(sums.revenue), &styles.total_money)?;
    ws.write_number_with_format(row, 8, cents(sums.assets), &styles.total_money)?;
    ws.write_number_with_format(row, 17, cents(sums.receivable), &styles.total_money)?;
    Ok(())
}

/// The 合计 row's sums of the numbers written as numbers (not those typed as text).
#[derive(Default)]
struct Sums {
    employees: f64,
    revenue: f64,
    assets: f64,
    receivable: f64,
}

/// One customer's row of 客户档案, with the blanks and hand-typed cells a real export has.
fn customer_row(
    ws: &mut Worksheet,
    row: u32,
    index: usize,
    c: &Customer,
    period: Period,
    styles: &Styles,
    sums: &mut Sums,
) -> Result<(), XlsxError> {
    let mut rng = c.rng(SNAPSHOT_STREAM + period as u64);
    let blank = |rng: &mut rand_xoshiro::Xoshiro256PlusPlus, p: f64| rng.gen::<f64>() < p;

    ws.write_string(row, 0, &c.code)?;
    ws.write_string(row, 1, &c.name)?;
    if !blank(&mut rng, 0.03) {
        ws.write_string(row, 2, &c.credit_code)?;
    }
    if !blank(&mut rng, 0.02) {
        ws.write_string(row, 3, c.industry().text)?;
    }
    if !blank(&mut rng, 0.03) {
        ws.write_string(row, 4, c.region().text)?;
    }
    if index % 41 == 9 {
        // Typed by hand, as a Chinese date.
        ws.write_string(
            row,
            5,
            date_of(c.founded).format("%Y年%-m月%-d日").to_string(),
        )?;
    } else if !blank(&mut rng, 0.04) {
        ws.write_number_with_format(row, 5, excel_serial(c.founded), &styles.date)?;
    }
    if index % 97 == 31 {
        ws.write_string(row, 6, full_width(&short_number(c.employees)))?;
    } else if index % 97 == 62 && c.employees >= 1000.0 {
        ws.write_string(row, 6, thousands(c.employees).trim_end_matches(".00"))?;
    } else if !blank(&mut rng, 0.04) {
        ws.write_number(row, 6, c.employees)?;
        sums.employees += c.employees;
    }
    if index % 89 == 17 {
        ws.write_string(row, 7, thousands(c.revenue))?;
    } else if !blank(&mut rng, 0.05) {
        ws.write_number_with_format(row, 7, c.revenue, &styles.money)?;
        sums.revenue += c.revenue;
    }
    if !blank(&mut rng, 0.08) {
        ws.write_number_with_format(row, 8, c.assets, &styles.money)?;
        sums.assets += c.assets;
    }
    if !blank(&mut rng, 0.02) {
        ws.write_string(row, 9, c.payment.text())?;
    }
    let edition = if c.payment == Payment::Custom {
        EDITIONS[4]
    } else {
        EDITIONS[usize::from(c.size).min(3)]
    };
    ws.write_string(row, 10, edition)?;
    ws.write_string(row, 11, module_list(c.modules))?;
    if c.needs != 0 {
        ws.write_string(row, 12, module_list(c.needs))?;
    }
    if let Some(budget) = budget_text(&mut rng, c.budget) {
        ws.write_string(row, 13, budget)?;
    }
    if let Some(rate) = renewal_rate(&mut rng, c, period) {
        ws.write_string(row, 14, format!("{rate:.0}%"))?;
    }
    let satisfaction = satisfaction(&mut rng, c, period);
    match satisfaction_cell(&mut rng, c, satisfaction) {
        Some(SatisfactionCell::Score(v)) => {
            ws.write_number(row, 15, v)?;
        }
        Some(SatisfactionCell::Word(w)) => {
            ws.write_string(row, 15, w)?;
        }
        None => {}
    }
    let complaints = ((4.0 - satisfaction).max(0.0) * rng.gen_range(0.0..2.5)).floor();
    ws.write_number(row, 16, complaints)?;
    let (balance, overdue) = receivable_now(&mut rng, c, period);
    if balance > 0.0 {
        if index % 89 == 5 {
            ws.write_string(row, 17, format!("¥{}", thousands(balance)))?;
        } else if index % 89 == 44 {
            ws.write_string(row, 17, thousands(balance))?;
        } else {
            ws.write_number_with_format(row, 17, balance, &styles.money)?;
            sums.receivable += balance;
        }
        ws.write_number(row, 18, overdue)?;
    } else {
        ws.write_number_with_format(row, 17, 0.0, &styles.money)?;
    }
    ws.write_string(row, 19, &c.contact)?;
    ws.write_string(row, 20, c.salesperson)?;
    Ok(())
}

fn module_list(bits: u16) -> String {
    MODULES
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, m)| *m)
        .collect::<Vec<_>>()
        .join("、")
}

/// "5-10万" mostly; sometimes one figure, sometimes in 元 with a currency sign.
fn budget_text(rng: &mut impl Rng, budget: Option<(f64, f64)>) -> Option<String> {
    let (low, high) = budget?;
    let u: f64 = rng.gen();
    Some(if u < 0.6 {
        format!("{}-{}万", short_number(low), short_number(high))
    } else if u < 0.85 {
        format!("{}万", short_number(low))
    } else {
        format!("¥{}", thousands(low * 10_000.0).trim_end_matches(".00"))
    })
}

/// 续费率 of subscription customers, as of the period; none for the others and for customers
/// whose first renewal is not due yet.
fn renewal_rate(rng: &mut impl Rng, c: &Customer, period: Period) -> Option<f64> {
    if c.payment != Payment::Subscription || period.as_of() - c.joined < 365 {
        return None;
    }
    let rate: f64 = match (c.behaviour, period) {
        (Behaviour::Declining, Period::Q3) => rng.gen_range(35.0..70.0),
        (Behaviour::Declining, Period::Q2) => rng.gen_range(70.0..95.0),
        (Behaviour::Churned, _) => rng.gen_range(0.0..40.0),
        (Behaviour::Gone, _) => rng.gen_range(10.0..50.0),
        (Behaviour::Growing, _) => rng.gen_range(90.0..100.0),
        _ => rng.gen_range(75.0..100.0),
    };
    Some(rate.round())
}

/// Satisfaction (1–5) as of the period: declining customers are less happy in Q3.
fn satisfaction(rng: &mut impl Rng, c: &Customer, period: Period) -> f64 {
    let drift = if c.behaviour == Behaviour::Declining && period == Period::Q3 {
        -1.2
    } else {
        0.0
    };
    (c.satisfaction + drift + 0.3 * normal(rng)).clamp(1.0, 5.0)
}

enum SatisfactionCell {
    Score(f64),
    Word(&'static str),
}

fn satisfaction_cell(rng: &mut impl Rng, c: &Customer, value: f64) -> Option<SatisfactionCell> {
    let u: f64 = rng.gen();
    let missing = if c.behaviour == Behaviour::NewInQ3 {
        0.4
    } else {
        0.08
    };
    if u < missing {
        None
    } else if u < missing + 0.10 {
        let words = ["非常不满意", "不满意", "一般", "满意", "非常满意"];
        Some(SatisfactionCell::Word(
            words[(value.round() as usize).clamp(1, 5) - 1],
        ))
    } else if u < missing + 0.18 {
        Some(SatisfactionCell::Score((value * 2.0).round() / 2.0))
    } else {
        Some(SatisfactionCell::Score(value.round()))
    }
}

/// 应收余额 and 逾期天数 as of the period: fading customers owe more, for longer.
fn receivable_now(rng: &mut impl Rng, c: &Customer, period: Period) -> (f64, f64) {
    let fading = matches!(c.behaviour, Behaviour::Churned | Behaviour::Gone)
        || (c.behaviour == Behaviour::Declining && period == Period::Q3);
    let p = if fading { 0.6 } else { 0.3 };
    if rng.gen::<f64>() >= p {
        return (0.0, 0.0);
    }
    let balance = (c.line_amount * rng.gen_range(0.3..3.0) * 100.0).round() / 100.0;
    let overdue = if fading {
        rng.gen_range(30..=360)
    } else if rng.gen::<f64>() < 0.6 {
        0
    } else {
        rng.gen_range(1..=90)
    };
    (balance, f64::from(overdue))
}

/// 销售明细.xlsx of `period`: the invoices up to its as-of date, and the first one after it
/// (keyed in early, as happens).
pub(crate) fn sales_workbook(
    wb: &mut Workbook,
    customers: &[Customer],
    ledger: &Ledger,
    period: Period,
    strings: Strings,
) -> Result<(), XlsxError> {
    let styles = Styles::new();
    let ws = add_sheet(wb, "销售明细", strings)?;
    let subtitle = format!("期间：2025-01-01 至 {}    单位：元", as_of_text(period));
    let mut row = begin(
        ws,
        &styles,
        Some("销售明细表"),
        Some(&subtitle),
        SALES_HEADERS,
    )?;
    let as_of = period.as_of();
    let mut late_written = false;
    let mut total = 0.0;
    for invoice in &ledger.invoices {
        let customer = if invoice.customer == UNKNOWN_CUSTOMER {
            None
        } else {
            match customers.get(invoice.customer as usize) {
                Some(c) if c.in_period(period) => Some(c),
                _ => continue,
            }
        };
        if invoice.day > as_of {
            if late_written {
                continue;
            }
            late_written = true;
        }
        let doc_no = Ledger::doc_no(invoice);
        let (code, name) = match customer {
            Some(c) => (c.code.as_str(), c.name.as_str()),
            None => (UNKNOWN_CODE, UNKNOWN_NAME),
        };
        for line in ledger.lines_of(invoice) {
            ws.write_string(row, 0, &doc_no)?;
            ws.write_number_with_format(row, 1, excel_serial(invoice.day), &styles.date)?;
            ws.write_string(row, 2, code)?;
            ws.write_string(row, 3, name)?;
            ws.write_string(row, 4, line.product)?;
            ws.write_number_with_format(row, 5, line.amount, &styles.money)?;
            if invoice.red {
                ws.write_string(row, 6, "红字冲销")?;
            }
            total += line.amount;
            row += 1;
        }
    }
    ws.write_string_with_format(row, 0, "合计", &styles.total_label)?;
    ws.write_number_with_format(row, 5, cents(total), &styles.total_money)?;
    Ok(())
}

/// 使用与满意度.xlsx of `period`: logins of the six months before the as-of date, and the survey
/// answers up to it. Plain header rows, as a SaaS console exports them.
pub(crate) fn usage_workbook(
    wb: &mut Workbook,
    customers: &[Customer],
    logins: &[Login],
    surveys: &[Survey],
    period: Period,
    strings: Strings,
) -> Result<(), XlsxError> {
    let styles = Styles::new();
    let as_of = period.as_of();
    let from = as_of - 182;
    let ws = add_sheet(wb, "登录记录", strings)?;
    let mut row = begin(ws, &styles, None, None, LOGIN_HEADERS)?;
    let excel_day0 = excel_serial(0);
    for login in logins {
        let day = (login.minute / 1440) as i32;
        if day < from || day > as_of {
            continue;
        }
        let Some(c) = customers.get(login.customer as usize) else {
            continue;
        };
        if !c.in_period(period) {
            continue;
        }
        ws.write_string(row, 0, &c.code)?;
        ws.write_number_with_format(
            row,
            1,
            excel_day0 + f64::from(login.minute) / 1440.0,
            &styles.datetime,
        )?;
        ws.write_string(row, 2, MODULES[usize::from(login.module) % MODULES.len()])?;
        ws.write_number(row, 3, f64::from(login.tenths) / 10.0)?;
        row += 1;
    }

    let ws = add_sheet(wb, "满意度调查", strings)?;
    let mut row = begin(ws, &styles, None, None, SURVEY_HEADERS)?;
    for survey in surveys {
        if survey.day > as_of {
            continue;
        }
        let Some(c) = customers.get(survey.customer as usize) else {
            continue;
        };
        if !c.in_period(period) {
            continue;
        }
        ws.write_string(row, 0, &c.code)?;
        ws.write_number_with_format(row, 1, excel_serial(survey.day), &styles.date)?;
        ws.write_number(row, 2, f64::from(survey.score))?;
        ws.write_string(row, 3, if survey.complaint { "是" } else { "否" })?;
        row += 1;
    }
    Ok(())
}
