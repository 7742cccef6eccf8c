//! Report sections 客户等级分布 and 规模与行业: the tier chart and table, size × industry and
//! size × tier.

use super::{lang, money_header, para, section, subheading, CONTENT_W, TABLE};
use crate::error::Result;
use crate::figures::Figures;
use crate::model::{Analysis, SizeClass, Tier};
use crate::report::charts;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;

pub(super) fn tiers(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    let l = lang(a);
    section(doc, a, 2, 110.0);
    let stats = &f.tiers;
    let n = f.customers;
    let total = f.amount_total;
    let unit = MoneyUnit::for_max(stats.iter().map(|s| s.amount).fold(0.0, f64::max));
    // Sales per customer are far smaller than the tier totals: their own unit.
    let per_unit = MoneyUnit::for_max(
        stats
            .iter()
            .map(|s| format::share(s.amount, s.count as f64))
            .fold(0.0, f64::max),
    );
    // The cut-offs in plain words; how they were set (quantiles, ties) is in the appendix.
    let (core_cut, potential_cut) = a.classification.tier_cutoffs;
    para(
        doc,
        &say!(
            l,
            "综合得分 {} 分及以上为核心客户，{} 分及以上为潜力客户，其余为一般客户（分数线的定法见附录）。",
            "A total score of {} or more makes a core customer, {} or more a potential one, the rest are general (how the lines are set: see the appendix).",
            format::score(core_cut),
            format::score(potential_cut)
        ),
    );
    let chart = charts::tier_chart(stats, unit, l)?;
    doc.chart(&chart, CONTENT_W);
    let columns = [
        Column::new(say!(l, "客户等级", "Tier"), 1.3, Align::Left),
        Column::new(say!(l, "客户数", "Customers"), 1.0, Align::Right),
        Column::new(say!(l, "客户占比", "Share"), 1.0, Align::Right),
        Column::new(
            money_header(&say!(l, "销售额", "Sales"), unit, l),
            1.4,
            Align::Right,
        ),
        Column::new(say!(l, "销售额占比", "Sales share"), 1.1, Align::Right),
        Column::new(
            money_header(&say!(l, "户均销售额", "Per customer"), per_unit, l),
            1.4,
            Align::Right,
        ),
        Column::new(say!(l, "平均综合得分", "Mean score"), 1.2, Align::Right),
    ];
    let mut rows: Vec<Vec<String>> = stats
        .iter()
        .map(|s| {
            vec![
                s.tier.label(l).to_string(),
                format::count(s.count),
                format::percent_or_dash(f.customer_share(s.count)),
                unit.format(s.amount),
                format::percent_or_dash(f.amount_share(s.amount)),
                per_unit.format(format::share(s.amount, s.count as f64)),
                format::score(s.mean_score),
            ]
        })
        .collect();
    rows.push(vec![
        say!(l, "合计", "Total"),
        format::count(n),
        format::percent(if n > 0 { 1.0 } else { 0.0 }),
        unit.format(total),
        format::percent(if total > 0.0 { 1.0 } else { 0.0 }),
        per_unit.format(format::share(total, n as f64)),
        format::score(f.mean_total_score.unwrap_or(0.0)),
    ]);
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

pub(super) fn size_industry(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    let l = lang(a);
    section(doc, a, 3, 120.0);
    para(
        doc,
        &say!(
            l,
            "企业规模按《统计上大中小微型企业划分办法(2017)》由行业、从业人员、营业收入和资产总额确定；行业归入五个大类。",
            "Size classes follow China's 2017 statistical standard for large, medium, small and micro enterprises (industry, employees, revenue, total assets); industries are grouped into five groups."
        ),
    );
    let rows = &f.industry_by_size;
    let shown = f.size_columns();
    let chart = charts::size_industry_chart(rows, &shown, l)?;
    doc.chart(&chart, CONTENT_W);
    let mut columns = vec![Column::new(
        say!(l, "行业大类", "Industry group"),
        1.5,
        Align::Left,
    )];
    for &i in &shown {
        columns.push(Column::new(SizeClass::ALL[i].label(l), 1.0, Align::Right));
    }
    columns.push(Column::new(say!(l, "合计", "Total"), 1.0, Align::Right));
    columns.push(Column::new(say!(l, "占比", "Share"), 1.0, Align::Right));
    let n = f.customers;
    let mut table: Vec<Vec<String>> = rows
        .iter()
        .map(|(g, r)| {
            let total: usize = r.iter().sum();
            let mut row = vec![g.label(l).to_string()];
            row.extend(shown.iter().map(|&i| format::count(r[i])));
            row.push(format::count(total));
            row.push(format::percent(format::share(total as f64, n as f64)));
            row
        })
        .collect();
    let mut totals = vec![say!(l, "合计", "Total")];
    for &i in &shown {
        totals.push(format::count(rows.iter().map(|(_, r)| r[i]).sum()));
    }
    totals.push(format::count(n));
    totals.push(format::percent(if n > 0 { 1.0 } else { 0.0 }));
    table.push(totals);
    doc.table(&columns, &table, TABLE);
    subheading(
        doc,
        &say!(l, "各规模客户的等级构成", "Tiers by company size"),
    );
    let by_tier: Vec<_> = f
        .size_by_tier
        .iter()
        .filter(|r| r.tiers.iter().sum::<usize>() > 0)
        .collect();
    let unit = MoneyUnit::for_max(by_tier.iter().map(|r| r.amount).fold(0.0, f64::max));
    let mut columns = vec![Column::new(say!(l, "企业规模", "Size"), 1.2, Align::Left)];
    for t in Tier::ALL {
        columns.push(Column::new(t.label(l), 1.0, Align::Right));
    }
    columns.push(Column::new(
        say!(l, "核心客户占比", "Core share"),
        1.1,
        Align::Right,
    ));
    columns.push(Column::new(
        money_header(&say!(l, "销售额", "Sales"), unit, l),
        1.3,
        Align::Right,
    ));
    let rows: Vec<Vec<String>> = by_tier
        .iter()
        .map(|r| {
            let count: usize = r.tiers.iter().sum();
            let mut row = vec![r.size.label(l).to_string()];
            row.extend(r.tiers.iter().map(|v| format::count(*v)));
            row.push(format::percent(format::share(
                r.tiers[0] as f64,
                count as f64,
            )));
            row.push(unit.format(r.amount));
            row
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    Ok(())
}
