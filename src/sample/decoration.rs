//! Sample stage: 装饰业主档案.xlsx — a 大禹装饰ERP-style export of home owners (业主) for the
//! `decoration` profile: style, budget, house, project stage, spend and satisfaction.

use std::collections::HashSet;

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::population::{day_of, excel_serial, lognormal, weighted, Period};
use super::sheet::{add_sheet, begin, cents, short_number, Strings, Styles};
use super::words::{COMPOUNDS, DESIGNERS, STAGES, STYLES, SURNAMES};

/// The columns of 业主档案, with widths.
pub(crate) const OWNER_HEADERS: &[(&str, f64)] = &[
    ("客户编码", 11.0),
    ("客户名称", 26.0),
    ("联系电话", 13.0),
    ("地区", 14.0),
    ("小区名称", 14.0),
    ("装修风格", 9.0),
    ("预算", 10.0),
    ("房屋面积", 9.0),
    ("历史项目数", 10.0),
    ("客户阶段", 9.0),
    ("签约日期", 12.0),
    ("累计金额", 14.0),
    ("最近成交日期", 13.0),
    ("满意度", 9.0),
    ("投诉次数", 9.0),
    ("应收余额", 13.0),
    ("逾期天数", 9.0),
    ("设计师", 9.0),
    ("客户来源", 11.0),
];

const DISTRICTS: &[&str] = &[
    "杭州市西湖区",
    "杭州市滨江区",
    "杭州市余杭区",
    "杭州市拱墅区",
    "杭州市上城区",
    "杭州市萧山区",
];
const SOURCES: &[&str] = &["自然到店", "老客户介绍", "网络推广", "小区推广", "家装展会"];
const BUDGETS: &[(f64, f64)] = &[
    (5.0, 10.0),
    (10.0, 15.0),
    (15.0, 20.0),
    (20.0, 30.0),
    (30.0, 50.0),
    (50.0, 80.0),
    (80.0, 120.0),
];

/// 装饰业主档案.xlsx with `owners` home owners.
pub(crate) fn owners_workbook(
    wb: &mut Workbook,
    owners: usize,
    seed: u64,
    strings: Strings,
) -> Result<(), XlsxError> {
    let styles = Styles::new();
    let ws = add_sheet(wb, "业主档案", strings)?;
    let mut row = begin(
        ws,
        &styles,
        Some("业主档案"),
        Some("导出时间：2026-09-30 17:30    门店：全部    单位：元"),
        OWNER_HEADERS,
    )?;
    let mut names = HashSet::new();
    let (mut spend_total, mut receivable_total) = (0.0, 0.0);
    for i in 0..owners {
        let (spend, receivable) = owner_row(ws, row, i, seed, &mut names, &styles)?;
        spend_total += spend;
        receivable_total += receivable;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "合计", &styles.total_label)?;
    ws.write_number_with_format(row, 11, cents(spend_total), &styles.total_money)?;
    ws.write_number_with_format(row, 15, cents(receivable_total), &styles.total_money)?;
    Ok(())
}

/// One owner's row of 业主档案; returns the spend and the receivable written, for 合计.
fn owner_row(
    ws: &mut Worksheet,
    row: u32,
    i: usize,
    seed: u64,
    names: &mut HashSet<String>,
    styles: &Styles,
) -> Result<(f64, f64), XlsxError> {
    let as_of = Period::Q3.as_of();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(
        (seed ^ 0xDEC0_7A7E)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(i as u64),
    );
    let (name, compound) = owner_name(&mut rng, names);
    let stage = weighted(&mut rng, &[0.15, 0.10, 0.12, 0.10, 0.18, 0.20, 0.15]);
    let signed = stage >= 3;
    let area = (115.0 * lognormal(&mut rng, 0.35))
        .clamp(45.0, 420.0)
        .round();
    // Bigger homes come with bigger budgets.
    let tier = ((area / 60.0) as usize + rng.gen_range(0..3)).min(BUDGETS.len() - 1);
    let (low, high) = BUDGETS[tier];
    let projects = [0.0, 1.0, 2.0, 3.0][weighted(&mut rng, &[0.70, 0.22, 0.06, 0.02])];
    let style = STYLES[weighted(&mut rng, &[0.28, 0.22, 0.12, 0.08, 0.12, 0.13, 0.05])];

    ws.write_string(row, 0, format!("KH{:06}", i + 1))?;
    ws.write_string(row, 1, &name)?;
    ws.write_string(
        row,
        2,
        format!(
            "1{}{}****{:04}",
            [3, 5, 8, 9][rng.gen_range(0..4)],
            rng.gen_range(0..10),
            rng.gen_range(0..10_000)
        ),
    )?;
    ws.write_string(row, 3, DISTRICTS[rng.gen_range(0..DISTRICTS.len())])?;
    ws.write_string(row, 4, compound)?;
    ws.write_string(row, 5, style)?;
    if rng.gen::<f64>() < 0.9 {
        ws.write_string(
            row,
            6,
            format!("{}-{}万", short_number(low), short_number(high)),
        )?;
    }
    ws.write_number(row, 7, area)?;
    ws.write_number(row, 8, projects)?;
    ws.write_string(row, 9, STAGES[stage])?;

    // Later stages signed longer ago.
    let signed_day = as_of - (stage as i32 - 2).max(1) * rng.gen_range(20..120);
    let previous_spend = (projects * rng.gen_range(3.0..15.0_f64)).round() * 10_000.0;
    let spend = if signed {
        ((low + high) / 2.0 * 10_000.0 * rng.gen_range(0.8..1.3) / 100.0).round() * 100.0
            + previous_spend
    } else if stage == 2 {
        (area * rng.gen_range(50.0..150.0)).round() + previous_spend
    } else {
        previous_spend
    };
    if signed {
        ws.write_number_with_format(row, 10, excel_serial(signed_day), &styles.date)?;
    }
    ws.write_number_with_format(row, 11, spend, &styles.money)?;
    let mut receivable = 0.0;
    let last_deal = if signed {
        Some((signed_day + rng.gen_range(0..90)).min(as_of))
    } else if stage == 2 || projects > 0.0 {
        Some(as_of - rng.gen_range(5..400))
    } else {
        None
    };
    if let Some(day) = last_deal {
        ws.write_number_with_format(
            row,
            12,
            excel_serial(day.max(day_of(2019, 1, 1))),
            &styles.date,
        )?;
    }
    let satisfaction = (rng.gen_range(2.0..5.4_f64)).min(5.0).round();
    if stage >= 4 {
        if rng.gen::<f64>() < 0.2 {
            let words = ["非常不满意", "不满意", "一般", "满意", "非常满意"];
            ws.write_string(row, 13, words[(satisfaction as usize).clamp(1, 5) - 1])?;
        } else {
            ws.write_number(row, 13, satisfaction)?;
        }
    }
    let complaints = if stage >= 4 && satisfaction <= 3.0 {
        f64::from(rng.gen_range(0..4))
    } else {
        0.0
    };
    ws.write_number(row, 14, complaints)?;
    if (4..=5).contains(&stage) && rng.gen::<f64>() < 0.6 {
        let balance = (spend * rng.gen_range(0.05..0.3) / 100.0).round() * 100.0;
        ws.write_number_with_format(row, 15, balance, &styles.money)?;
        receivable = balance;
        let overdue = if rng.gen::<f64>() < 0.5 {
            0
        } else {
            rng.gen_range(5..150)
        };
        ws.write_number(row, 16, f64::from(overdue))?;
    }
    ws.write_string(row, 17, DESIGNERS[rng.gen_range(0..DESIGNERS.len())])?;
    ws.write_string(row, 18, SOURCES[rng.gen_range(0..SOURCES.len())])?;
    Ok((spend, receivable))
}

/// An owner's name as the shops write it (surname, 先生/女士, compound and building), unique
/// among `names`, and the compound.
fn owner_name(rng: &mut impl Rng, names: &mut HashSet<String>) -> (String, &'static str) {
    let surname = SURNAMES[rng.gen_range(0..SURNAMES.len())];
    let title = if rng.gen::<f64>() < 0.55 {
        "先生"
    } else {
        "女士"
    };
    let compound = COMPOUNDS[rng.gen_range(0..COMPOUNDS.len())];
    let mut name = String::new();
    for _ in 0..20 {
        name = format!("{surname}{title}（{compound}{}栋）", rng.gen_range(1..40));
        if names.insert(name.clone()) {
            break;
        }
    }
    (name, compound)
}
