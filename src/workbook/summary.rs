//! 概览: run facts, KPIs, the tier table, size × tier and industry-group × tier tables, the
//! data-quality count by problem, and native Excel charts of the tier split and amount by tier.
//! Every figure comes from `figures`, as the report's do.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartLegendPosition, ChartType, Color, Workbook, Worksheet, XlsxError,
};

use super::styles::{
    print_one_page_wide, put_number, put_plain_text, put_text, write_headers, Styles, TIER_COLORS,
};
use super::{pick, SUMMARY_SHEET};
pub use crate::figures::all_findings;
use crate::figures::{Figures, MigrationCounts};
use crate::model::{Analysis, Lang, Tier};

/// Writes the 概览 sheet.
pub fn write(wb: &mut Workbook, a: &Analysis, f: &Figures, st: &Styles) -> Result<(), XlsxError> {
    let lang = a.run.lang;
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

    let mut row = 0u32;
    ws.write_string_with_format(
        row,
        0,
        lang.pick("客户分类结果概览", "Customer segments: summary"),
        &st.title,
    )?;
    ws.set_row_height(row, 24)?;
    row += 1;
    if let Some(company) = &a.run.company {
        put_text(ws, row, 0, company, &st.label)?;
        row += 1;
    }
    row += 1;

    section(ws, &mut row, lang.pick("运行信息", "Run"), st)?;
    write_facts(ws, &mut row, &run_facts(a, f), st)?;
    row += 1;
    section(ws, &mut row, lang.pick("关键指标", "Key figures"), st)?;
    write_facts(ws, &mut row, &kpis(f, lang), st)?;
    row += 1;
    if let (Some(m), Some(counts)) = (&a.migration, f.migration) {
        migration_counts(ws, &mut row, &m.previous_file, counts, lang, st)?;
    }
    let (tier_first, tier_last) = tier_table(ws, &mut row, f, lang, st)?;

    // Size × tier and industry group × tier.
    section(
        ws,
        &mut row,
        lang.pick("企业规模 × 客户等级", "Size class × tier"),
        st,
    )?;
    let size_rows: Vec<(&str, [usize; 3])> = f
        .size_by_tier
        .iter()
        .map(|r| (r.size.label(lang), r.tiers))
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
    let group_rows: Vec<(&str, [usize; 3])> = f
        .industry_by_tier
        .iter()
        .map(|(g, tiers)| (g.label(lang), *tiers))
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
    findings_by_kind(ws, &mut row, f, lang, st)?;

    insert_charts(ws, tier_first, tier_last, lang)?;
    ws.set_active(true);
    Ok(())
}

/// The run facts: as-of date, profile, inputs, counts, time.
fn run_facts<'a>(analysis: &'a Analysis, f: &Figures) -> Vec<(&'a str, Fact)> {
    let lang = analysis.run.lang;
    let run = &analysis.run;
    let ds = &analysis.dataset;
    let inputs: Vec<&str> = ds.inputs.iter().map(|i| i.path.as_str()).collect();
    vec![
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
        (
            lang.pick("客户数", "Customers"),
            Fact::Int(f.customers as f64),
        ),
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
    ]
}

/// The key figures, the same as the report's summary page.
fn kpis(f: &Figures, lang: Lang) -> Vec<(&'static str, Fact)> {
    let core = f.core();
    vec![
        (
            lang.pick("客户总数", "Customers"),
            Fact::Int(f.customers as f64),
        ),
        (
            lang.pick("核心客户数", "Core customers"),
            Fact::Int(core.count as f64),
        ),
        (
            lang.pick("核心客户占比", "Core share of customers"),
            Fact::Percent(f.customer_share(core.count)),
        ),
        (
            lang.pick("核心客户金额占比", "Core share of amount"),
            Fact::Percent(f.amount_share(core.amount)),
        ),
        (
            lang.pick("消费金额合计(万元)", "Total amount (10k yuan)"),
            Fact::Wan(f.amount_total / 10_000.0),
        ),
        (
            lang.pick("平均综合得分", "Mean total score"),
            Fact::Score(f.mean_total_score),
        ),
        (
            lang.pick("高流失风险客户数", "High churn risk"),
            Fact::Int(f.churn[0] as f64),
        ),
        (
            lang.pick("平均满意度", "Mean satisfaction"),
            Fact::Score(f.satisfaction.mean),
        ),
        (
            lang.pick("数据质量问题(条)", "Data-quality findings"),
            Fact::Int(f.findings as f64),
        ),
    ]
}

/// The quarter comparison in four numbers; the details are on 季度变动.
fn migration_counts(
    ws: &mut Worksheet,
    row: &mut u32,
    previous_file: &str,
    m: MigrationCounts,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let title = crate::say!(
        lang,
        "与上期对比（{}）",
        "Since the previous run ({})",
        previous_file
    );
    section(ws, row, &title, st)?;
    let moves: Vec<(&str, Fact)> = vec![
        (lang.pick("升级", "Upgraded"), Fact::Int(m.upgraded as f64)),
        (
            lang.pick("降级", "Downgraded"),
            Fact::Int(m.downgraded as f64),
        ),
        (lang.pick("新增", "New"), Fact::Int(m.new as f64)),
        (lang.pick("流失", "Lost"), Fact::Int(m.lost as f64)),
    ];
    write_facts(ws, row, &moves, st)?;
    *row += 1;
    Ok(())
}

/// The tier table (the charts read from it); returns its first and last tier rows.
fn tier_table(
    ws: &mut Worksheet,
    row: &mut u32,
    f: &Figures,
    lang: Lang,
    st: &Styles,
) -> Result<(u32, u32), XlsxError> {
    section(ws, row, lang.pick("客户等级分布", "Tiers"), st)?;
    let heads = [
        lang.pick("客户等级", "Tier"),
        lang.pick("客户数", "Customers"),
        lang.pick("客户占比", "Share"),
        lang.pick("金额(万元)", "Amount (10k yuan)"),
        lang.pick("金额占比", "Amount share"),
    ];
    write_headers(ws, *row, &heads, st, None)?;
    *row += 1;
    let first = *row;
    for t in &f.tiers {
        let r = *row;
        ws.write_string_with_format(r, 0, t.tier.label(lang), st.tier(t.tier))?;
        put_number(ws, r, 1, Some(t.count as f64), &st.int)?;
        put_number(ws, r, 2, f.customer_share(t.count), &st.percent)?;
        put_number(ws, r, 3, Some(t.amount / 10_000.0), &st.wan)?;
        put_number(ws, r, 4, f.amount_share(t.amount), &st.percent)?;
        *row += 1;
    }
    let last = *row - 1;
    let r = *row;
    let n = f.customers;
    ws.write_string_with_format(r, 0, lang.pick("合计", "Total"), &st.total_label)?;
    ws.write_number_with_format(r, 1, n as f64, &st.total_int)?;
    ws.write_number_with_format(r, 2, if n > 0 { 1.0 } else { 0.0 }, &st.percent)?;
    ws.write_number_with_format(r, 3, f.amount_total / 10_000.0, &st.wan)?;
    let whole = if f.amount_total > 0.0 { 1.0 } else { 0.0 };
    ws.write_number_with_format(r, 4, whole, &st.percent)?;
    *row += 2;
    Ok((first, last))
}

/// Data-quality count by problem.
fn findings_by_kind(
    ws: &mut Worksheet,
    row: &mut u32,
    f: &Figures,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    section(
        ws,
        row,
        lang.pick("数据质量问题（按类型）", "Data-quality findings by problem"),
        st,
    )?;
    let heads = [
        lang.pick("问题类型", "Problem"),
        lang.pick("条数", "Findings"),
        lang.pick("其中剔除行", "Rows rejected"),
    ];
    write_headers(ws, *row, &heads, st, None)?;
    *row += 1;
    if f.findings_by_kind.is_empty() {
        ws.write_string_with_format(*row, 0, lang.pick("无", "None"), &st.note)?;
    }
    for (kind, (count, rejected)) in &f.findings_by_kind {
        ws.write_string(*row, 0, kind.label(lang))?;
        ws.write_number_with_format(*row, 1, *count as f64, &st.int)?;
        ws.write_number_with_format(*row, 2, *rejected as f64, &st.int)?;
        *row += 1;
    }
    Ok(())
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
    write_headers(ws, *row, &heads, st, None)?;
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
    let colors = TIER_COLORS.map(Color::RGB);

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
