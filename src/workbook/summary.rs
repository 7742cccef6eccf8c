//! 概览: run facts, KPIs, the tier table, size × tier and industry-group × tier tables, the
//! data-quality count by problem, and native Excel charts of the tier split and amount by tier.

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartLegendPosition, ChartType, Color, Workbook, Worksheet, XlsxError,
};

use super::styles::{
    print_one_page_wide, put_number, put_plain_text, put_text, tier_index, Styles,
    TIER_CHART_COLORS,
};
use super::{pick, SUMMARY_SHEET};
use crate::model::{Analysis, FindingKind, IndustryGroup, Lang, Level, SizeClass, Tier};

/// Per-tier totals over the customers.
#[derive(Default, Clone, Copy)]
struct TierTotals {
    count: usize,
    amount: f64,
}

/// Writes the 概览 sheet.
pub fn write(wb: &mut Workbook, analysis: &Analysis, st: &Styles) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let ws = wb.add_worksheet();
    ws.set_name(pick(SUMMARY_SHEET, lang))?;
    print_one_page_wide(ws);
    for (col, width) in [
        (0u16, 26.0),
        (1, 18.0),
        (2, 12.0),
        (3, 19.0),
        (4, 14.0),
        (5, 12.0),
    ] {
        ws.set_column_width(col, width)?;
    }

    let customers = &analysis.classification.customers;
    let n = customers.len();
    let mut tiers = [TierTotals::default(); 3];
    let mut by_size: BTreeMap<SizeClass, [usize; 3]> = BTreeMap::new();
    let mut by_group: BTreeMap<IndustryGroup, [usize; 3]> = BTreeMap::new();
    let mut churn_high = 0;
    let mut satisfaction = (0.0, 0usize);
    for c in customers {
        let t = tier_index(c.tier);
        tiers[t].count += 1;
        tiers[t].amount += c.monetary.filter(|m| m.is_finite()).unwrap_or(0.0);
        by_size.entry(c.size_class).or_default()[t] += 1;
        by_group.entry(c.industry_group).or_default()[t] += 1;
        if c.churn_risk == Level::High {
            churn_high += 1;
        }
        if let Some(s) = c.scores.satisfaction.filter(|s| s.is_finite()) {
            satisfaction.0 += s;
            satisfaction.1 += 1;
        }
    }
    let amount_total: f64 = tiers.iter().map(|t| t.amount).sum();
    let share = |part: f64, whole: f64| (whole > 0.0).then(|| part / whole);

    let mut row = 0u32;
    ws.write_string_with_format(
        row,
        0,
        lang.pick("客户分类结果概览", "Customer segments: summary"),
        &st.title,
    )?;
    ws.set_row_height(row, 24)?;
    row += 1;
    if let Some(company) = &analysis.run.company {
        put_text(ws, row, 0, company, &st.label)?;
        row += 1;
    }
    row += 1;

    // Run facts.
    section(ws, &mut row, lang.pick("运行信息", "Run"), st)?;
    let run = &analysis.run;
    let ds = &analysis.dataset;
    let inputs: Vec<&str> = ds.inputs.iter().map(|f| f.path.as_str()).collect();
    let facts: Vec<(&str, Fact)> = vec![
        (
            lang.pick("基准日", "As-of date"),
            Fact::Text(run.as_of.format("%Y-%m-%d").to_string()),
        ),
        (
            lang.pick("基准日来源", "As-of date from"),
            Fact::Text(run.as_of_source.clone()),
        ),
        (
            lang.pick("评分方案", "Profile"),
            Fact::Text(run.profile.clone()),
        ),
        (
            lang.pick("输入文件", "Inputs"),
            Fact::Text(inputs.join(lang.pick("；", "; "))),
        ),
        (lang.pick("客户数", "Customers"), Fact::Int(n as f64)),
        (
            lang.pick("读取数据行", "Rows read"),
            Fact::Int(ds.rows_read as f64),
        ),
        (
            lang.pick("剔除数据行", "Rows rejected"),
            Fact::Int(ds.rows_rejected as f64),
        ),
        (
            lang.pick("生成时间", "Generated"),
            Fact::Text(run.generated_at.clone()),
        ),
    ];
    write_facts(ws, &mut row, &facts, st)?;
    row += 1;

    // KPIs.
    section(ws, &mut row, lang.pick("关键指标", "Key figures"), st)?;
    let core = tiers[0];
    let mean_total =
        (n > 0).then(|| customers.iter().map(|c| c.total_score).sum::<f64>() / n as f64);
    let kpis: Vec<(&str, Fact)> = vec![
        (lang.pick("客户总数", "Customers"), Fact::Int(n as f64)),
        (
            lang.pick("核心客户数", "Core customers"),
            Fact::Int(core.count as f64),
        ),
        (
            lang.pick("核心客户占比", "Core share of customers"),
            Fact::Percent(share(core.count as f64, n as f64)),
        ),
        (
            lang.pick("核心客户金额占比", "Core share of amount"),
            Fact::Percent(share(core.amount, amount_total)),
        ),
        (
            lang.pick("消费金额合计(万元)", "Total amount (10k yuan)"),
            Fact::Wan(amount_total / 10_000.0),
        ),
        (
            lang.pick("平均综合得分", "Mean total score"),
            Fact::Score(mean_total),
        ),
        (
            lang.pick("高流失风险客户数", "High churn risk"),
            Fact::Int(churn_high as f64),
        ),
        (
            lang.pick("平均满意得分", "Mean satisfaction score"),
            Fact::Score((satisfaction.1 > 0).then(|| satisfaction.0 / satisfaction.1 as f64)),
        ),
        (
            lang.pick("数据质量问题(条)", "Data-quality findings"),
            Fact::Int(all_findings(analysis).count() as f64),
        ),
    ];
    write_facts(ws, &mut row, &kpis, st)?;
    row += 1;

    // The quarter comparison in four numbers; the details are on 季度变动.
    if let Some(m) = &analysis.migration {
        let title = crate::say!(
            lang,
            "与上期对比（{}）",
            "Since the previous run ({})",
            m.previous_file
        );
        section(ws, &mut row, &title, st)?;
        let moves: Vec<(&str, Fact)> = vec![
            (
                lang.pick("升级", "Upgraded"),
                Fact::Int(m.upgraded.len() as f64),
            ),
            (
                lang.pick("降级", "Downgraded"),
                Fact::Int(m.downgraded.len() as f64),
            ),
            (lang.pick("新增", "New"), Fact::Int(m.new.len() as f64)),
            (lang.pick("流失", "Lost"), Fact::Int(m.lost.len() as f64)),
        ];
        write_facts(ws, &mut row, &moves, st)?;
        row += 1;
    }

    // Tier table: the charts read from it.
    section(ws, &mut row, lang.pick("客户等级分布", "Tiers"), st)?;
    let heads = [
        lang.pick("客户等级", "Tier"),
        lang.pick("客户数", "Customers"),
        lang.pick("客户占比", "Share"),
        lang.pick("金额(万元)", "Amount (10k yuan)"),
        lang.pick("金额占比", "Amount share"),
    ];
    header_row(ws, row, &heads, st)?;
    row += 1;
    let tier_first = row;
    for tier in Tier::ALL {
        let t = tiers[tier_index(tier)];
        ws.write_string_with_format(row, 0, tier.label(lang), st.tier(tier))?;
        put_number(ws, row, 1, Some(t.count as f64), &st.int)?;
        put_number(ws, row, 2, share(t.count as f64, n as f64), &st.percent)?;
        put_number(ws, row, 3, Some(t.amount / 10_000.0), &st.wan)?;
        put_number(ws, row, 4, share(t.amount, amount_total), &st.percent)?;
        row += 1;
    }
    let tier_last = row - 1;
    ws.write_string_with_format(row, 0, lang.pick("合计", "Total"), &st.total_label)?;
    ws.write_number_with_format(row, 1, n as f64, &st.total_int)?;
    ws.write_number_with_format(row, 2, if n > 0 { 1.0 } else { 0.0 }, &st.percent)?;
    ws.write_number_with_format(row, 3, amount_total / 10_000.0, &st.wan)?;
    ws.write_number_with_format(
        row,
        4,
        if amount_total > 0.0 { 1.0 } else { 0.0 },
        &st.percent,
    )?;
    row += 2;

    // Size × tier and industry group × tier.
    section(
        ws,
        &mut row,
        lang.pick("企业规模 × 客户等级", "Size class × tier"),
        st,
    )?;
    let size_rows: Vec<(&str, [usize; 3])> = SizeClass::ALL
        .iter()
        .map(|s| (s.label(lang), by_size.get(s).copied().unwrap_or_default()))
        .collect();
    cross_table(
        ws,
        &mut row,
        lang.pick("企业规模", "Size Class"),
        &size_rows,
        lang,
        st,
    )?;
    row += 1;
    section(
        ws,
        &mut row,
        lang.pick("行业大类 × 客户等级", "Industry group × tier"),
        st,
    )?;
    let group_rows: Vec<(&str, [usize; 3])> = IndustryGroup::ALL
        .iter()
        .map(|g| (g.label(lang), by_group.get(g).copied().unwrap_or_default()))
        .collect();
    cross_table(
        ws,
        &mut row,
        lang.pick("行业大类", "Industry Group"),
        &group_rows,
        lang,
        st,
    )?;
    row += 1;

    // Data-quality count by problem.
    section(
        ws,
        &mut row,
        lang.pick("数据质量问题（按类型）", "Data-quality findings by problem"),
        st,
    )?;
    header_row(
        ws,
        row,
        &[
            lang.pick("问题类型", "Problem"),
            lang.pick("条数", "Findings"),
            lang.pick("其中剔除行", "Rows rejected"),
        ],
        st,
    )?;
    row += 1;
    let mut by_kind: BTreeMap<FindingKind, (usize, usize)> = BTreeMap::new();
    for f in all_findings(analysis) {
        let e = by_kind.entry(f.kind).or_default();
        e.0 += 1;
        e.1 += usize::from(f.rejected);
    }
    if by_kind.is_empty() {
        ws.write_string_with_format(row, 0, lang.pick("无", "None"), &st.note)?;
    }
    for (kind, (count, rejected)) in &by_kind {
        ws.write_string(row, 0, kind.label(lang))?;
        ws.write_number_with_format(row, 1, *count as f64, &st.int)?;
        ws.write_number_with_format(row, 2, *rejected as f64, &st.int)?;
        row += 1;
    }

    insert_charts(ws, tier_first, tier_last, lang)?;
    ws.set_active(true);
    Ok(())
}

/// Every finding of the run: the findings ledger.
pub fn all_findings(analysis: &Analysis) -> impl Iterator<Item = &crate::model::Finding> {
    analysis.dataset.findings.iter()
}

enum Fact {
    Text(String),
    Int(f64),
    Percent(Option<f64>),
    Wan(f64),
    Score(Option<f64>),
}

fn section(ws: &mut Worksheet, row: &mut u32, title: &str, st: &Styles) -> Result<(), XlsxError> {
    ws.write_string_with_format(*row, 0, title, &st.section)?;
    *row += 1;
    Ok(())
}

fn header_row(ws: &mut Worksheet, row: u32, heads: &[&str], st: &Styles) -> Result<(), XlsxError> {
    for (col, h) in heads.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *h, &st.header)?;
    }
    Ok(())
}

fn write_facts(
    ws: &mut Worksheet,
    row: &mut u32,
    facts: &[(&str, Fact)],
    st: &Styles,
) -> Result<(), XlsxError> {
    for (label, fact) in facts {
        ws.write_string_with_format(*row, 0, *label, &st.label)?;
        match fact {
            Fact::Text(s) => put_plain_text(ws, *row, 1, s)?,
            Fact::Int(v) => put_number(ws, *row, 1, Some(*v), &st.int)?,
            Fact::Percent(v) => put_number(ws, *row, 1, *v, &st.percent)?,
            Fact::Wan(v) => put_number(ws, *row, 1, Some(*v), &st.wan)?,
            Fact::Score(v) => put_number(ws, *row, 1, *v, &st.score)?,
        }
        *row += 1;
    }
    Ok(())
}

fn cross_table(
    ws: &mut Worksheet,
    row: &mut u32,
    corner: &str,
    rows: &[(&str, [usize; 3])],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let total = lang.pick("合计", "Total");
    let mut heads = vec![corner];
    heads.extend(Tier::ALL.iter().map(|t| t.label(lang)));
    heads.push(total);
    header_row(ws, *row, &heads, st)?;
    *row += 1;
    let mut sums = [0usize; 3];
    for (label, counts) in rows {
        ws.write_string(*row, 0, *label)?;
        for (i, &c) in counts.iter().enumerate() {
            ws.write_number_with_format(*row, 1 + i as u16, c as f64, &st.int)?;
            sums[i] += c;
        }
        let row_total: usize = counts.iter().sum();
        ws.write_number_with_format(*row, 4, row_total as f64, &st.total_col)?;
        *row += 1;
    }
    ws.write_string_with_format(*row, 0, total, &st.total_label)?;
    for (i, &s) in sums.iter().enumerate() {
        ws.write_number_with_format(*row, 1 + i as u16, s as f64, &st.total_int)?;
    }
    ws.write_number_with_format(*row, 4, sums.iter().sum::<usize>() as f64, &st.total_int)?;
    *row += 1;
    Ok(())
}

fn insert_charts(ws: &mut Worksheet, first: u32, last: u32, lang: Lang) -> Result<(), XlsxError> {
    let sheet = pick(SUMMARY_SHEET, lang);
    let colors = TIER_CHART_COLORS.map(Color::RGB);

    let mut pie = Chart::new(ChartType::Doughnut);
    pie.title()
        .set_name(lang.pick("客户等级分布（客户数）", "Customers by tier"));
    pie.add_series()
        .set_name(lang.pick("客户数", "Customers"))
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 1, last, 1))
        .set_point_colors(&colors)
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .show_percentage()
                .set_separator('\n'),
        );
    pie.legend().set_position(ChartLegendPosition::Bottom);
    pie.set_width(480).set_height(300);
    ws.insert_chart(2, 6, &pie)?;

    let mut bars = Chart::new(ChartType::Column);
    bars.title()
        .set_name(lang.pick("各等级消费金额（万元）", "Amount by tier (10k yuan)"));
    bars.add_series()
        .set_name(lang.pick("金额(万元)", "Amount (10k yuan)"))
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 3, last, 3))
        .set_point_colors(&colors)
        .set_data_label(ChartDataLabel::new().show_value().set_num_format("#,##0"));
    bars.legend().set_hidden();
    bars.y_axis().set_num_format("#,##0");
    bars.set_width(480).set_height(300);
    ws.insert_chart(18, 6, &bars)?;
    Ok(())
}
