//! The report's sections, in SPEC §6 order, each written from the analysis: headings, charts,
//! tables and sentences whose figures come from the data.

use std::collections::BTreeMap;

use super::format::{self, MoneyUnit};
use super::layout::{Align, Column, Layout, ACCENT, CONTENT_W, GREY, INK, MARGIN, PALE, RULE};
use crate::error::Result;
use crate::messages::{report_no_data, report_section, report_title};
use crate::model::{Analysis, Classified, Lang, Level, Tier};
use crate::report::charts::{self, amount_of};
use crate::say;

/// Body text size, pt.
const BODY: f32 = 9.5;
/// At most this many customers are drawn in the scatter chart (more only blur it and
/// bloat the image).
const SCATTER_POINTS: usize = 4000;
/// Table text size, pt.
const TABLE: f32 = 8.5;

/// Writes every section in order.
pub fn write_all(doc: &mut Layout, a: &Analysis) -> Result<()> {
    cover(doc, a);
    summary(doc, a);
    tiers(doc, a)?;
    size_industry(doc, a)?;
    value(doc, a)?;
    activity(doc, a)?;
    satisfaction(doc, a)?;
    clusters(doc, a)?;
    if a.migration.is_some() {
        migration(doc, a);
    }
    actions(doc, a);
    core_list(doc, a);
    data_quality(doc, a);
    appendix(doc, a);
    Ok(())
}

fn lang(a: &Analysis) -> Lang {
    a.run.lang
}

fn customers(a: &Analysis) -> &[Classified] {
    &a.classification.customers
}

fn total_amount(a: &Analysis) -> f64 {
    customers(a).iter().map(amount_of).sum()
}

/// Starts section `index` of `REPORT_SECTIONS` (cover = 0) on a page with `room` mm left.
fn section(doc: &mut Layout, a: &Analysis, index: usize, room: f32) {
    doc.ensure(room + 16.0);
    let title = report_section(index, lang(a));
    // Numbered as printed: 季度变动 is left out without a migration.
    doc.sections += 1;
    let numbered = format!("{}. {title}", doc.sections);
    doc.bookmark(&numbered);
    // bookmark() may have started a page.
    let top = doc.y;
    doc.rect(MARGIN, top + 1.0, 1.6, 7.0, Some(ACCENT), None);
    doc.text(MARGIN + 4.0, top + 7.2, 15.0, true, ACCENT, &numbered);
    doc.line(
        MARGIN,
        top + 11.0,
        MARGIN + CONTENT_W,
        top + 11.0,
        RULE,
        0.6,
    );
    doc.y = top + 15.0;
}

fn subheading(doc: &mut Layout, text: &str) {
    doc.ensure(24.0);
    doc.y += 2.0;
    doc.text(MARGIN, doc.y + 4.2, 11.0, true, INK, text);
    doc.y += 7.5;
}

fn para(doc: &mut Layout, text: &str) {
    doc.paragraph(MARGIN, CONTENT_W, BODY, false, INK, text);
    doc.y += 1.5;
}

fn note(doc: &mut Layout, text: &str) {
    doc.paragraph(MARGIN, CONTENT_W, 8.0, false, GREY, text);
    doc.y += 1.0;
}

fn bullet(doc: &mut Layout, text: &str) {
    doc.ensure(6.0);
    let y = doc.y;
    doc.rect(MARGIN + 1.2, y + 2.0, 1.6, 1.6, Some(ACCENT), None);
    doc.paragraph(MARGIN + 5.0, CONTENT_W - 5.0, BODY, false, INK, text);
    doc.y += 1.2;
}

/// `text` ending with a full stop (texts from other stages may come without one).
fn sentence(text: &str, l: Lang) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['。', '.', '！', '？', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}{}", l.pick("。", "."))
    }
}

fn name_of(c: &Classified) -> String {
    c.record.name.clone().unwrap_or_default()
}

/// Customers by amount, largest first; ties by code, so the order is stable.
fn by_amount<'a>(list: impl Iterator<Item = &'a Classified>) -> Vec<&'a Classified> {
    let mut v: Vec<&Classified> = list.collect();
    v.sort_by(|x, y| {
        amount_of(y)
            .total_cmp(&amount_of(x))
            .then_with(|| x.record.code.cmp(&y.record.code))
    });
    v
}

fn unit_for<'a>(list: impl Iterator<Item = &'a Classified>) -> MoneyUnit {
    MoneyUnit::for_max(list.map(amount_of).fold(0.0, f64::max))
}

fn money_header(what: &str, unit: MoneyUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{what}（{}）", unit.name(lang)),
        Lang::En => format!("{what} ({})", unit.name(lang)),
    }
}

// ───────────────────────────── 1 封面 ─────────────────────────────

fn cover(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    doc.new_page();
    doc.bookmark(report_section(0, l));
    doc.rect(0.0, 0.0, super::layout::PAGE_W, 92.0, Some(ACCENT), None);
    let white = super::layout::Rgb8(255, 255, 255);
    let pale_text = super::layout::Rgb8(200, 214, 230);
    if let Some(company) = &a.run.company {
        let company = doc.fit(company, CONTENT_W, 14.0, false);
        doc.text(MARGIN, 42.0, 14.0, false, pale_text, &company);
    }
    doc.text(MARGIN, 62.0, 28.0, true, white, report_title(l));
    let period = format::quarter(a.run.as_of, l);
    doc.text(MARGIN, 78.0, 14.0, false, pale_text, &period);
    let n = customers(a).len();
    let facts = [
        (
            say!(l, "基准日", "As of"),
            say!(
                l,
                "{}（{}）",
                "{} ({})",
                format::date(a.run.as_of, l),
                a.run.as_of_source
            ),
        ),
        (say!(l, "客户数", "Customers"), format::count(n)),
        (
            say!(l, "评分方案", "Scoring profile"),
            a.run.profile.clone(),
        ),
        (
            say!(l, "数据来源", "Inputs"),
            a.dataset
                .inputs
                .iter()
                .map(|f| file_name(&f.path))
                .collect::<Vec<_>>()
                .join("、"),
        ),
        (say!(l, "生成时间", "Generated"), a.run.generated_at.clone()),
        (
            say!(l, "生成工具", "Tool"),
            format!("custseg {}", a.run.version),
        ),
    ];
    let mut y = 120.0;
    for (k, v) in facts {
        doc.text(MARGIN, y, 11.0, false, GREY, &k);
        let lines = doc.wrap(&v, CONTENT_W - 35.0, 11.0, false);
        for (i, line) in lines.iter().take(3).enumerate() {
            doc.text(MARGIN + 35.0, y + i as f32 * 6.0, 11.0, false, INK, line);
        }
        y += 6.0 * lines.len().clamp(1, 3) as f32 + 4.0;
    }
    let note_text = say!(
        l,
        "本报告由 custseg 根据 ERP 导出的客户数据自动生成：按规模、价值、活跃、满意和潜力五个维度为每位客户评分，划分核心、潜力、一般三个等级，并用 k-means 聚类描绘客户画像。金额单位除特别注明外为万元。",
        "This report was generated by custseg from customer data exported from the ERP: every customer is scored on size, value, activity, satisfaction and potential, placed in one of three tiers (core, potential, general), and profiled with k-means clustering. Amounts are in CNY 10k unless stated otherwise."
    );
    doc.y = 250.0;
    doc.line(MARGIN, 246.0, MARGIN + CONTENT_W, 246.0, RULE, 0.6);
    doc.paragraph(MARGIN, CONTENT_W, 8.5, false, GREY, &note_text);
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

// ───────────────────────────── 2 摘要 ─────────────────────────────

fn summary(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    doc.new_page();
    section(doc, a, 1, 60.0);
    let n = customers(a).len();
    let total = total_amount(a);
    let stats = charts::tier_stats(a);
    let core = stats[0];
    let churn = charts::churn_counts(a);
    let sats: Vec<f64> = customers(a)
        .iter()
        .filter_map(|c| c.record.satisfaction)
        .collect();
    let mean_sat = (!sats.is_empty()).then(|| sats.iter().sum::<f64>() / sats.len() as f64);
    let boxes = [
        (
            say!(l, "客户总数", "Customers"),
            format::count(n),
            say!(l, "家", ""),
            say!(l, "销售额 {}", "Sales {}", format::money(total, l)),
        ),
        (
            say!(l, "核心客户", "Core customers"),
            format::count(core.count),
            say!(l, "家", ""),
            say!(
                l,
                "贡献销售额 {}",
                "{} of sales",
                format::percent(format::share(core.amount, total))
            ),
        ),
        (
            say!(l, "流失风险高", "High churn risk"),
            format::count(churn[0]),
            say!(l, "家", ""),
            say!(
                l,
                "占客户总数 {}",
                "{} of customers",
                format::percent(format::share(churn[0] as f64, n as f64))
            ),
        ),
        (
            say!(l, "平均满意度", "Mean satisfaction"),
            mean_sat.map(format::score).unwrap_or_else(|| "—".into()),
            String::new(),
            match mean_sat {
                Some(_) => say!(
                    l,
                    "满分 100，{} 家有评分",
                    "out of 100; {} rated",
                    format::count(sats.len())
                ),
                None => say!(l, "无满意度数据", "no satisfaction data"),
            },
        ),
    ];
    let gap = 4.0;
    let w = (CONTENT_W - 3.0 * gap) / 4.0;
    let top = doc.y;
    for (i, (label, value, suffix, sub)) in boxes.iter().enumerate() {
        let x = MARGIN + i as f32 * (w + gap);
        doc.rect(x, top, w, 30.0, Some(PALE), None);
        doc.rect(x, top, w, 1.2, Some(ACCENT), None);
        doc.text_in(
            x + 3.0,
            w - 6.0,
            top + 7.5,
            9.0,
            false,
            GREY,
            Align::Left,
            label,
        );
        let vw = doc.text_width(value, 20.0, true);
        doc.text(x + 3.0, top + 18.5, 20.0, true, ACCENT, value);
        if !suffix.is_empty() {
            doc.text(x + 4.0 + vw, top + 18.5, 9.0, false, GREY, suffix);
        }
        doc.text_in(
            x + 3.0,
            w - 6.0,
            top + 26.0,
            8.0,
            false,
            INK,
            Align::Left,
            sub,
        );
    }
    doc.y = top + 36.0;
    subheading(doc, &say!(l, "主要发现", "Key findings"));
    for finding in findings(a) {
        bullet(doc, &finding);
    }
    doc.y += 2.0;
    note(
        doc,
        &say!(
            l,
            "注：销售额为统计期内的消费金额（无交易明细时取累计购买金额）；流失风险由近期登录与消费的变化判断。",
            "Note: sales are the amount bought in the period (or the cumulative purchase amount where no transactions were given); churn risk comes from recent logins and purchases."
        ),
    );
}

/// 3–5 findings written from the data, most important first.
pub fn findings(a: &Analysis) -> Vec<String> {
    let l = lang(a);
    let n = customers(a).len();
    let mut out = Vec::new();
    if n == 0 {
        out.push(say!(
            l,
            "没有可分类的客户。",
            "There are no customers to classify."
        ));
        return out;
    }
    let total = total_amount(a);
    let stats = charts::tier_stats(a);
    let core = stats[0];
    out.push(say!(
        l,
        "核心客户 {} 家，占客户总数 {}，贡献销售额 {}；潜力客户 {} 家，一般客户 {} 家。",
        "{} core customers ({} of all) bring {} of sales; {} are potential and {} general.",
        format::count(core.count),
        format::percent(format::share(core.count as f64, n as f64)),
        format::percent(format::share(core.amount, total)),
        format::count(stats[1].count),
        format::count(stats[2].count)
    ));
    let p = charts::pareto(a);
    if p.total > 0.0 {
        let a_share = format::share(p.a_count as f64, n as f64);
        let concentration = if a_share < 0.2 {
            say!(
                l,
                "销售高度集中，大客户维护是重中之重",
                "sales are highly concentrated, so key accounts matter most"
            )
        } else if a_share < 0.4 {
            say!(l, "销售较为集中", "sales are fairly concentrated")
        } else {
            say!(
                l,
                "销售较为分散，客户基础比较均衡",
                "sales are spread widely over the customer base"
            )
        };
        out.push(say!(
            l,
            "前 {} 的客户（A 类 {} 家）贡献了 80% 的销售额，{}。",
            "The top {} of customers (class A, {}) bring 80% of sales: {}.",
            format::percent(a_share),
            format::count(p.a_count),
            concentration
        ));
    }
    let high: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| c.churn_risk == Level::High)
        .collect();
    if !high.is_empty() {
        let valuable = high.iter().filter(|c| c.tier != Tier::General).count();
        let amount: f64 = high.iter().map(|c| amount_of(c)).sum();
        out.push(say!(
            l,
            "流失风险高的客户 {} 家（占 {}），其中核心与潜力客户 {} 家，涉及销售额 {}（{}），应优先安排挽留回访。",
            "{} customers ({}) are at high churn risk, {} of them core or potential, with sales of {} ({}); call on them first.",
            format::count(high.len()),
            format::percent(format::share(high.len() as f64, n as f64)),
            format::count(valuable),
            format::money(amount, l),
            format::percent(format::share(amount, total))
        ));
    }
    let rated: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| c.record.satisfaction.is_some())
        .collect();
    if !rated.is_empty() {
        let mean = rated
            .iter()
            .filter_map(|c| c.record.satisfaction)
            .sum::<f64>()
            / rated.len() as f64;
        let low: Vec<&&Classified> = rated
            .iter()
            .filter(|c| c.record.satisfaction.unwrap_or(100.0) < 60.0)
            .collect();
        let low_valuable = low.iter().filter(|c| c.tier != Tier::General).count();
        out.push(say!(
            l,
            "平均满意度 {}（满分 100）；满意度低于 60 分的客户 {} 家，其中核心与潜力客户 {} 家。",
            "Mean satisfaction is {} out of 100; {} customers score below 60, {} of them core or potential.",
            format::score(mean),
            format::count(low.len()),
            format::count(low_valuable)
        ));
    }
    if let Some(m) = &a.migration {
        out.push(say!(
            l,
            "与上期相比：升级 {} 家，降级 {} 家，新增 {} 家，流失 {} 家。",
            "Since the previous run: {} moved up, {} moved down, {} are new and {} were lost.",
            format::count(m.upgraded.len()),
            format::count(m.downgraded.len()),
            format::count(m.new.len()),
            format::count(m.lost.len())
        ));
    } else {
        let rows = charts::size_by_industry(a);
        let largest = rows
            .iter()
            .filter(|(g, _)| *g != crate::model::IndustryGroup::Other)
            .max_by_key(|(_, r)| r.iter().sum::<usize>());
        if let Some((group, row)) = largest {
            let g = row.iter().sum::<usize>();
            let sizes: [usize; 5] = (0..5)
                .map(|i| rows.iter().map(|(_, r)| r[i]).sum())
                .collect::<Vec<_>>()
                .try_into()
                .unwrap_or([0; 5]);
            let (si, sn) = sizes
                .iter()
                .enumerate()
                .max_by_key(|(_, v)| **v)
                .unwrap_or((4, &0));
            out.push(say!(
                l,
                "客户以{}为主（{} 家，占 {}）；按企业规模，{}企业最多（{}）。",
                "{} is the largest industry group ({}, {}); by size, {} firms are the most common ({}).",
                group.label(l),
                format::count(g),
                format::percent(format::share(g as f64, n as f64)),
                match l {
                    Lang::Zh => crate::model::SizeClass::ALL[si].label(l).to_string(),
                    Lang::En => crate::model::SizeClass::ALL[si].label(l).to_lowercase(),
                },
                format::percent(format::share(*sn as f64, n as f64))
            ));
        }
    }
    out.truncate(5);
    out
}

// ───────────────────────────── 3 客户等级分布 ─────────────────────────────

fn tiers(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    section(doc, a, 2, 110.0);
    let stats = charts::tier_stats(a);
    let n = customers(a).len();
    let total = total_amount(a);
    let unit = MoneyUnit::for_max(stats.iter().map(|s| s.amount).fold(0.0, f64::max));
    // Sales per customer are far smaller than the tier totals: their own unit.
    let per_unit = MoneyUnit::for_max(
        stats
            .iter()
            .map(|s| format::share(s.amount, s.count as f64))
            .fold(0.0, f64::max),
    );
    para(doc, &sentence(&a.classification.tier_rule, l));
    let chart = charts::tier_chart(&stats, unit, l)?;
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
                format::percent(format::share(s.count as f64, n as f64)),
                unit.format(s.amount),
                format::percent(format::share(s.amount, total)),
                per_unit.format(format::share(s.amount, s.count as f64)),
                format::score(s.mean_score),
            ]
        })
        .collect();
    let mean_all = customers(a).iter().map(|c| c.total_score).sum::<f64>() / n.max(1) as f64;
    rows.push(vec![
        say!(l, "合计", "Total"),
        format::count(n),
        format::percent(if n > 0 { 1.0 } else { 0.0 }),
        unit.format(total),
        format::percent(if total > 0.0 { 1.0 } else { 0.0 }),
        per_unit.format(format::share(total, n as f64)),
        format::score(mean_all),
    ]);
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

// ───────────────────────────── 4 规模与行业 ─────────────────────────────

fn size_industry(doc: &mut Layout, a: &Analysis) -> Result<()> {
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
    let rows = charts::size_by_industry(a);
    let chart = charts::size_industry_chart(&rows, l)?;
    doc.chart(&chart, CONTENT_W);
    let mut columns = vec![Column::new(
        say!(l, "行业大类", "Industry group"),
        1.5,
        Align::Left,
    )];
    for s in crate::model::SizeClass::ALL {
        columns.push(Column::new(s.label(l), 1.0, Align::Right));
    }
    columns.push(Column::new(say!(l, "合计", "Total"), 1.0, Align::Right));
    columns.push(Column::new(say!(l, "占比", "Share"), 1.0, Align::Right));
    let n = customers(a).len();
    let mut table: Vec<Vec<String>> = rows
        .iter()
        .map(|(g, r)| {
            let total: usize = r.iter().sum();
            let mut row = vec![g.label(l).to_string()];
            row.extend(r.iter().map(|v| format::count(*v)));
            row.push(format::count(total));
            row.push(format::percent(format::share(total as f64, n as f64)));
            row
        })
        .collect();
    let mut totals = vec![say!(l, "合计", "Total")];
    for i in 0..5 {
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
    let by_tier: Vec<_> = charts::size_by_tier(a)
        .into_iter()
        .filter(|(_, t, _)| t.iter().sum::<usize>() > 0)
        .collect();
    let unit = MoneyUnit::for_max(by_tier.iter().map(|r| r.2).fold(0.0, f64::max));
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
        .map(|(size, tiers, amount)| {
            let count: usize = tiers.iter().sum();
            let mut row = vec![size.label(l).to_string()];
            row.extend(tiers.iter().map(|v| format::count(*v)));
            row.push(format::percent(format::share(
                tiers[0] as f64,
                count as f64,
            )));
            row.push(unit.format(*amount));
            row
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

// ───────────────────────────── 5 价值分析 ─────────────────────────────

fn value(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    section(doc, a, 4, 110.0);
    let p = charts::pareto(a);
    let n = customers(a).len();
    if p.total <= 0.0 {
        para(
            doc,
            &report_no_data(&say!(l, "销售金额", "sales amounts"), l),
        );
    } else {
        para(
            doc,
            &say!(
                l,
                "按销售额从高到低排列客户：A 类 {} 家（{}）贡献 80% 的销售额，B 类 {} 家贡献其后的 15%，C 类 {} 家合计仅占 5%。",
                "Customers ranked by sales: class A, {} customers ({}), brings 80% of sales; class B, {} customers, the next 15%; class C, {} customers, the last 5%.",
                format::count(p.a_count),
                format::percent(format::share(p.a_count as f64, n as f64)),
                format::count(p.b_count),
                format::count(p.c_count)
            ),
        );
        let chart = charts::pareto_chart(&p, l)?;
        doc.chart(&chart, CONTENT_W);
    }
    subheading(doc, &say!(l, "RFM 客户价值分类", "RFM segments"));
    let refs = a.classification.rfm_refs;
    let method = match refs.method {
        "median" => say!(l, "中位数", "median"),
        "fixed" => say!(l, "固定值", "fixed values"),
        _ => say!(l, "平均值", "mean"),
    };
    note(
        doc,
        &say!(
            l,
            "R（最近消费）、F（消费频次）、M（消费金额）与参考值（{}）比较分为高、低：R ≤ {} 天、F ≥ {} 次、M ≥ {}为“高”。",
            "R (recency), F (frequency) and M (monetary) are high or low against references ({}): R ≤ {} days, F ≥ {}, M ≥ {} count as high.",
            method,
            format::thousands(refs.recency_days, 0),
            format::thousands(refs.frequency, 1),
            format::money(refs.monetary, l)
        ),
    );
    let stats = charts::rfm_stats(a);
    let classified: usize = stats.iter().map(|s| s.1).sum();
    if classified == 0 {
        para(
            doc,
            &report_no_data(
                &say!(l, "消费记录（R、F、M）", "purchase history (R, F, M)"),
                l,
            ),
        );
        return Ok(());
    }
    let total = total_amount(a);
    let unit = MoneyUnit::for_max(stats.iter().map(|s| s.2).fold(0.0, f64::max));
    let flags = [
        "高高高",
        "高低高",
        "低高高",
        "低低高",
        "高高低",
        "高低低",
        "低高低",
        "低低低",
    ];
    let flags_en = [
        "H H H", "H L H", "L H H", "L L H", "H H L", "H L L", "L H L", "L L L",
    ];
    let columns = [
        Column::new(say!(l, "RFM 分类", "RFM segment"), 1.8, Align::Left),
        Column::new("R F M", 0.9, Align::Center),
        Column::new(say!(l, "客户数", "Customers"), 1.0, Align::Right),
        Column::new(say!(l, "客户占比", "Share"), 1.0, Align::Right),
        Column::new(
            money_header(&say!(l, "销售额", "Sales"), unit, l),
            1.3,
            Align::Right,
        ),
        Column::new(say!(l, "销售额占比", "Sales share"), 1.1, Align::Right),
    ];
    let rows: Vec<Vec<String>> = stats
        .iter()
        .enumerate()
        .map(|(i, (class, count, amount))| {
            vec![
                class.label(l).to_string(),
                l.pick(flags[i], flags_en[i]).to_string(),
                format::count(*count),
                format::percent(format::share(*count as f64, n as f64)),
                unit.format(*amount),
                format::percent(format::share(*amount, total)),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    if classified < n {
        note(
            doc,
            &say!(
                l,
                "{} 家客户缺少消费记录，未做 RFM 分类。",
                "{} customers have no purchase history and no RFM segment.",
                format::count(n - classified)
            ),
        );
    }
    Ok(())
}

// ───────────────────────────── 6 活跃与流失 ─────────────────────────────

fn activity(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    section(doc, a, 5, 100.0);
    let churn = charts::churn_counts(a);
    let n = customers(a).len();
    para(
        doc,
        &say!(
            l,
            "流失风险：高 {} 家（{}），中 {} 家（{}），低 {} 家（{}）。",
            "Churn risk: high {} ({}), medium {} ({}), low {} ({}).",
            format::count(churn[0]),
            format::percent(format::share(churn[0] as f64, n as f64)),
            format::count(churn[1]),
            format::percent(format::share(churn[1] as f64, n as f64)),
            format::count(churn[2]),
            format::percent(format::share(churn[2] as f64, n as f64))
        ),
    );
    match charts::activity_histogram(a) {
        Some(h) => {
            let chart = charts::activity_chart(&h, l)?;
            doc.chart(&chart, CONTENT_W);
        }
        None => para(
            doc,
            &report_no_data(&say!(l, "登录或使用记录", "login or usage records"), l),
        ),
    }
    subheading(
        doc,
        &say!(
            l,
            "流失预警名单（流失风险高，按销售额前 20 名）",
            "Churn watch list (high risk, top 20 by sales)"
        ),
    );
    let watch: Vec<&Classified> =
        by_amount(customers(a).iter().filter(|c| c.churn_risk == Level::High))
            .into_iter()
            .take(20)
            .collect();
    if watch.is_empty() {
        para(
            doc,
            &say!(
                l,
                "没有流失风险高的客户。",
                "No customer is at high churn risk."
            ),
        );
        return Ok(());
    }
    let unit = unit_for(watch.iter().copied());
    let columns = [
        Column::new("#", 0.4, Align::Right),
        Column::new(say!(l, "客户编码", "Code"), 1.0, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 3.0, Align::Left),
        Column::new(say!(l, "客户等级", "Tier"), 1.0, Align::Left),
        Column::new(
            money_header(&say!(l, "销售额", "Sales"), unit, l),
            1.2,
            Align::Right,
        ),
        Column::new(
            say!(l, "最近消费（天）", "Days since purchase"),
            1.1,
            Align::Right,
        ),
        Column::new(say!(l, "活跃得分", "Activity"), 0.9, Align::Right),
        Column::new(say!(l, "生命周期", "Lifecycle"), 0.9, Align::Left),
    ];
    let rows: Vec<Vec<String>> = watch
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.record.code.clone(),
                name_of(c),
                c.tier.label(l).to_string(),
                unit.format(amount_of(c)),
                c.recency_days
                    .map(|d| format::count(d.max(0) as usize))
                    .unwrap_or_else(|| "—".into()),
                c.scores
                    .activity
                    .map(format::score)
                    .unwrap_or_else(|| "—".into()),
                c.lifecycle.label(l).to_string(),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

// ───────────────────────────── 7 满意度 ─────────────────────────────

fn satisfaction(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    let Some(h) = charts::satisfaction_histogram(a) else {
        section(doc, a, 6, 20.0);
        para(
            doc,
            &report_no_data(&say!(l, "满意度数据", "satisfaction data"), l),
        );
        return Ok(());
    };
    section(doc, a, 6, 90.0);
    let rated: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| c.record.satisfaction.is_some())
        .collect();
    let mean = rated
        .iter()
        .filter_map(|c| c.record.satisfaction)
        .sum::<f64>()
        / rated.len().max(1) as f64;
    let complaints: f64 = customers(a)
        .iter()
        .filter_map(|c| c.record.complaints)
        .sum();
    let mut text = say!(
        l,
        "{} 家客户有满意度数据，平均 {} 分（已统一换算为 0–100 分）",
        "{} customers have satisfaction data, averaging {} (normalised to 0–100)",
        format::count(rated.len()),
        format::score(mean)
    );
    if complaints > 0.0 {
        text.push_str(&say!(
            l,
            "；投诉共 {} 次",
            "; {} complaints in all",
            format::thousands(complaints, 0)
        ));
    }
    text.push_str(l.pick("。", "."));
    para(doc, &text);
    let chart = charts::satisfaction_chart(&h, l)?;
    doc.chart(&chart, CONTENT_W);
    subheading(
        doc,
        &say!(
            l,
            "满意度最低的重要客户（核心与潜力客户，前 15 名）",
            "Least satisfied valuable customers (core and potential, bottom 15)"
        ),
    );
    let mut low: Vec<&Classified> = rated
        .into_iter()
        .filter(|c| c.tier != Tier::General)
        .collect();
    low.sort_by(|x, y| {
        x.record
            .satisfaction
            .unwrap_or(0.0)
            .total_cmp(&y.record.satisfaction.unwrap_or(0.0))
            .then_with(|| amount_of(y).total_cmp(&amount_of(x)))
            .then_with(|| x.record.code.cmp(&y.record.code))
    });
    low.truncate(15);
    if low.is_empty() {
        para(
            doc,
            &say!(
                l,
                "核心与潜力客户均无满意度数据。",
                "No core or potential customer has satisfaction data."
            ),
        );
        return Ok(());
    }
    let unit = unit_for(low.iter().copied());
    let columns = [
        Column::new("#", 0.4, Align::Right),
        Column::new(say!(l, "客户编码", "Code"), 1.0, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 3.0, Align::Left),
        Column::new(say!(l, "客户等级", "Tier"), 1.0, Align::Left),
        Column::new(say!(l, "满意度", "Satisfaction"), 0.9, Align::Right),
        Column::new(say!(l, "投诉次数", "Complaints"), 0.9, Align::Right),
        Column::new(
            money_header(&say!(l, "销售额", "Sales"), unit, l),
            1.2,
            Align::Right,
        ),
        Column::new(say!(l, "流失风险", "Churn risk"), 0.9, Align::Center),
    ];
    let rows: Vec<Vec<String>> = low
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.record.code.clone(),
                name_of(c),
                c.tier.label(l).to_string(),
                c.record.satisfaction.map(format::score).unwrap_or_default(),
                c.record
                    .complaints
                    .map(|v| format::thousands(v, 0))
                    .unwrap_or_else(|| "—".into()),
                unit.format(amount_of(c)),
                c.churn_risk.label(l).to_string(),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

// ───────────────────────────── 8 聚类画像 ─────────────────────────────

fn clusters(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    let c = &a.clustering;
    if c.clusters.is_empty() {
        section(doc, a, 7, 20.0);
        para(
            doc,
            &report_no_data(
                &say!(l, "足够的客户用于聚类", "enough customers to cluster"),
                l,
            ),
        );
        return Ok(());
    }
    section(doc, a, 7, 110.0);
    let how = if c.k_chosen {
        say!(l, "按轮廓系数自动选择", "chosen by silhouette")
    } else {
        say!(l, "由参数指定", "given with --k")
    };
    para(
        doc,
        &say!(
            l,
            "用 k-means 将客户按{}聚为 {} 类（k={}，{}）。下图以价值得分和活跃得分展示每位客户，颜色表示所属聚类。",
            "k-means grouped the customers by {} into {} clusters (k={}, {}). The chart shows each customer's value and activity scores, coloured by cluster.",
            c.features.join(l.pick("、", ", ")),
            c.k,
            c.k,
            how
        ),
    );
    let points = charts::cluster_points(a);
    if points.is_empty() {
        para(
            doc,
            &report_no_data(&say!(l, "价值与活跃得分", "value and activity scores"), l),
        );
    } else {
        let names: Vec<(usize, String)> =
            c.clusters.iter().map(|k| (k.id, k.name.clone())).collect();
        let shown = charts::thin(&points, SCATTER_POINTS);
        let chart = charts::cluster_chart(&shown, &names, l)?;
        doc.chart(&chart, CONTENT_W);
        if shown.len() < points.len() {
            note(
                doc,
                &say!(
                    l,
                    "为保持图面清晰，图中按固定间隔抽取了 {} 家客户（共 {} 家）；下表按全部客户计算。",
                    "For legibility the chart shows {} customers taken at a fixed interval (of {}); the table covers everyone.",
                    format::count(shown.len()),
                    format::count(points.len())
                ),
            );
        }
    }
    subheading(
        doc,
        &say!(
            l,
            "聚类画像（中心点，原始单位）",
            "Cluster profiles (centroids, original units)"
        ),
    );
    let n = customers(a).len();
    let shown = c.features.len().min(4);
    let mut columns = vec![
        Column::new(say!(l, "聚类", "Cluster"), 0.6, Align::Center),
        Column::new(say!(l, "名称", "Name"), 2.2, Align::Left),
        Column::new(say!(l, "客户数", "Customers"), 0.9, Align::Right),
        Column::new(say!(l, "占比", "Share"), 0.8, Align::Right),
        Column::new(say!(l, "平均综合得分", "Mean score"), 1.0, Align::Right),
    ];
    for f in &c.features[..shown] {
        columns.push(Column::new(f.clone(), 1.2, Align::Right));
    }
    let rows: Vec<Vec<String>> = c
        .clusters
        .iter()
        .map(|k| {
            let mut row = vec![
                k.id.to_string(),
                k.name.clone(),
                format::count(k.size),
                format::percent(format::share(k.size as f64, n as f64)),
                format::score(k.mean_total),
            ];
            for v in k.centroid.iter().take(shown) {
                let decimals = if v.abs() >= 100.0 { 0 } else { 1 };
                row.push(format::thousands(*v, decimals));
            }
            while row.len() < columns.len() {
                row.push("—".into());
            }
            row
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    if !c.silhouettes.is_empty() {
        let list = c
            .silhouettes
            .iter()
            .map(|(k, s)| format!("k={k}: {s:.3}"))
            .collect::<Vec<_>>()
            .join(l.pick("；", "; "));
        note(
            doc,
            &say!(
                l,
                "轮廓系数（越接近 1 聚类越清晰）：{}。{}",
                "Silhouette by k (closer to 1 means clearer clusters): {}. {}",
                list,
                sentence(&c.imputation, l)
            ),
        );
    }
    Ok(())
}

// ───────────────────────────── 9 季度变动 ─────────────────────────────

fn migration(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    let Some(m) = &a.migration else {
        return;
    };
    section(doc, a, 8, 80.0);
    para(
        doc,
        &say!(
            l,
            "与上期结果（{}）比较：升级 {} 家，降级 {} 家，新增 {} 家，流失 {} 家。",
            "Compared with the previous result ({}): {} moved up, {} moved down, {} new, {} lost.",
            m.previous_file,
            format::count(m.upgraded.len()),
            format::count(m.downgraded.len()),
            format::count(m.new.len()),
            format::count(m.lost.len())
        ),
    );
    subheading(
        doc,
        &say!(
            l,
            "等级迁移矩阵（行：上期，列：本期）",
            "Tier transitions (rows: previous, columns: current)"
        ),
    );
    let mut columns = vec![Column::new(
        say!(l, "上期 \\ 本期", "Previous \\ current"),
        1.6,
        Align::Left,
    )];
    for t in Tier::ALL {
        columns.push(Column::new(t.label(l), 1.0, Align::Right));
    }
    columns.push(Column::new(say!(l, "流失", "Lost"), 1.0, Align::Right));
    columns.push(Column::new(say!(l, "合计", "Total"), 1.0, Align::Right));
    let mut rows = Vec::new();
    for (i, t) in Tier::ALL.iter().enumerate() {
        let lost = m.lost.iter().filter(|mv| mv.before == Some(*t)).count();
        let mut row = vec![t.label(l).to_string()];
        row.extend(m.matrix[i].iter().map(|v| format::count(*v)));
        row.push(format::count(lost));
        row.push(format::count(m.matrix[i].iter().sum::<usize>() + lost));
        rows.push(row);
    }
    let mut new_row = vec![say!(l, "新增", "New")];
    for t in Tier::ALL {
        new_row.push(format::count(
            m.new.iter().filter(|mv| mv.after == Some(t)).count(),
        ));
    }
    new_row.push("—".into());
    new_row.push(format::count(m.new.len()));
    rows.push(new_row);
    doc.table(&columns, &rows, TABLE);
    subheading(
        doc,
        &say!(
            l,
            "变动最大的客户（按综合得分变化，前 15 名）",
            "Largest movers (by change in total score, top 15)"
        ),
    );
    let mut movers: Vec<&crate::model::Move> = m.upgraded.iter().chain(&m.downgraded).collect();
    let delta =
        |mv: &crate::model::Move| mv.score_after.unwrap_or(0.0) - mv.score_before.unwrap_or(0.0);
    movers.sort_by(|x, y| {
        delta(y)
            .abs()
            .total_cmp(&delta(x).abs())
            .then_with(|| x.code.cmp(&y.code))
    });
    movers.truncate(15);
    if movers.is_empty() {
        para(
            doc,
            &say!(l, "没有客户改变等级。", "No customer changed tier."),
        );
        return;
    }
    let columns = [
        Column::new(say!(l, "客户编码", "Code"), 1.0, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.8, Align::Left),
        Column::new(say!(l, "上期等级", "Previous tier"), 1.0, Align::Left),
        Column::new(say!(l, "本期等级", "Current tier"), 1.0, Align::Left),
        Column::new(say!(l, "上期得分", "Previous score"), 0.9, Align::Right),
        Column::new(say!(l, "本期得分", "Current score"), 0.9, Align::Right),
        Column::new(say!(l, "变化", "Change"), 0.8, Align::Right),
    ];
    let tier_text = |t: Option<Tier>| {
        t.map(|t| t.label(l).to_string())
            .unwrap_or_else(|| "—".into())
    };
    let rows: Vec<Vec<String>> = movers
        .iter()
        .map(|mv| {
            vec![
                mv.code.clone(),
                mv.name.clone(),
                tier_text(mv.before),
                tier_text(mv.after),
                mv.score_before
                    .map(format::score)
                    .unwrap_or_else(|| "—".into()),
                mv.score_after
                    .map(format::score)
                    .unwrap_or_else(|| "—".into()),
                format!("{:+.1}", delta(mv)),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}

// ───────────────────────────── 10 行动建议 ─────────────────────────────

fn actions(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    section(doc, a, 9, 80.0);
    let stats = charts::tier_stats(a);
    let total = total_amount(a);
    for s in &stats {
        let members: Vec<&Classified> = customers(a).iter().filter(|c| c.tier == s.tier).collect();
        let high_churn = members
            .iter()
            .filter(|c| c.churn_risk == Level::High)
            .count();
        let (what, why) = match s.tier {
            Tier::Core => (
                say!(l, "配备专属客户经理，每季度业务回顾；优先续约与增购高级模块；给予较宽的信用与结算条件。", "Assign a dedicated account manager with quarterly business reviews; prioritise renewals and upsell of advanced modules; allow generous credit and settlement terms."),
                say!(l, "贡献销售额 {}，是收入的基本盘。", "They bring {} of sales: the revenue base.", format::percent(format::share(s.amount, total))),
            ),
            Tier::Potential => (
                say!(l, "定向营销推送与优惠券，开放高级模块试用，提升使用深度，争取升级为核心客户。", "Targeted campaigns and coupons, trials of advanced modules and deeper usage, to move them up to core."),
                say!(l, "平均综合得分 {}，距核心客户分数线 {} 分。", "Mean score {}, {} points below the core cut-off.", format::score(s.mean_score), format::score((a.classification.tier_cutoffs.0 - s.mean_score).max(0.0))),
            ),
            Tier::General => (
                say!(l, "标准化服务与线上自助，控制服务成本；以低成本触达筛选有增长潜力的客户。", "Standard service and online self-help at low cost to serve; low-cost outreach to spot the ones with growth potential."),
                say!(l, "客户数占 {}，销售额占 {}。", "{} of customers, {} of sales.", format::percent(format::share(s.count as f64, customers(a).len() as f64)), format::percent(format::share(s.amount, total))),
            ),
        };
        doc.ensure(30.0);
        let top = doc.y;
        doc.rect(MARGIN, top, 1.6, 6.0, Some(charts_color(s.tier)), None);
        doc.text(
            MARGIN + 4.0,
            top + 4.8,
            11.0,
            true,
            INK,
            &say!(
                l,
                "{}：{} 家",
                "{}: {} customers",
                s.tier.label(l),
                format::count(s.count)
            ),
        );
        doc.y = top + 8.0;
        bullet(doc, &what);
        bullet(doc, &why);
        if high_churn > 0 {
            bullet(
                doc,
                &say!(
                    l,
                    "其中 {} 家流失风险高：一周内安排挽留回访，了解原因并制定挽回方案。",
                    "{} of them are at high churn risk: call within a week, find out why, and agree a plan to win them back.",
                    format::count(high_churn)
                ),
            );
        }
        if let Some((product, count)) =
            most_common(members.iter().map(|c| c.recommended_product.as_str()))
        {
            bullet(
                doc,
                &say!(
                    l,
                    "最常推荐的产品：{}（{} 家）。",
                    "Most recommended product: {} ({}).",
                    product,
                    format::count(count)
                ),
            );
        }
        let services = members.iter().flat_map(|c| {
            c.recommended_services
                .split(['、', ',', '，', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
        });
        let top_services = top_n(services, 3);
        if !top_services.is_empty() {
            let list = top_services
                .iter()
                .map(|(s, n)| say!(l, "{}（{} 家）", "{} ({})", s, format::count(*n)))
                .collect::<Vec<_>>()
                .join(l.pick("、", ", "));
            bullet(
                doc,
                &say!(
                    l,
                    "最常推荐的服务：{}。",
                    "Most recommended services: {}.",
                    list
                ),
            );
        }
        doc.y += 3.0;
    }
}

fn charts_color(tier: Tier) -> super::layout::Rgb8 {
    let c = charts::tier_color(tier);
    super::layout::Rgb8(c.0, c.1, c.2)
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<(String, usize)> {
    top_n(items.filter(|s| !s.trim().is_empty()), 1)
        .into_iter()
        .next()
}

/// The `k` most frequent items, most frequent first, ties in text order.
fn top_n<'a>(items: impl Iterator<Item = &'a str>, k: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    v.truncate(k);
    v
}

// ───────────────────────────── 11 核心客户名单 ─────────────────────────────

fn core_list(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    section(doc, a, 10, 60.0);
    let mut top: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| c.tier == Tier::Core)
        .collect();
    top.sort_by(|x, y| {
        y.total_score
            .total_cmp(&x.total_score)
            .then_with(|| amount_of(y).total_cmp(&amount_of(x)))
            .then_with(|| x.record.code.cmp(&y.record.code))
    });
    let core_count = top.len();
    top.truncate(20);
    if top.is_empty() {
        para(
            doc,
            &say!(
                l,
                "本期没有核心客户。",
                "There are no core customers this period."
            ),
        );
        return;
    }
    para(
        doc,
        &say!(
            l,
            "按综合得分排列的前 {} 名核心客户（共 {} 家）。完整名单见工作簿“核心客户”表。",
            "The top {} core customers by total score (of {}). The workbook's Core sheet lists them all.",
            top.len(),
            format::count(core_count)
        ),
    );
    let unit = unit_for(top.iter().copied());
    let credit_unit = MoneyUnit::for_max(top.iter().map(|c| c.credit_limit).fold(0.0, f64::max));
    let columns = [
        Column::new("#", 0.4, Align::Right),
        Column::new(say!(l, "客户编码", "Code"), 0.95, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.75, Align::Left),
        Column::new(say!(l, "规模", "Size"), 0.65, Align::Center),
        Column::new(say!(l, "行业", "Industry"), 0.85, Align::Left),
        Column::new(say!(l, "综合得分", "Score"), 0.85, Align::Right),
        Column::new(
            money_header(&say!(l, "销售额", "Sales"), unit, l),
            1.15,
            Align::Right,
        ),
        Column::new(say!(l, "风险等级", "Risk"), 0.85, Align::Center),
        Column::new(
            money_header(&say!(l, "建议信用额度", "Credit limit"), credit_unit, l),
            1.25,
            Align::Right,
        ),
    ];
    let rows: Vec<Vec<String>> = top
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.record.code.clone(),
                name_of(c),
                c.size_class.label(l).to_string(),
                c.industry_group.label(l).to_string(),
                format::score(c.total_score),
                unit.format(amount_of(c)),
                c.risk_level.label().to_string(),
                credit_unit.format(c.credit_limit),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}

// ───────────────────────────── 12 数据质量 ─────────────────────────────

fn data_quality(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    section(doc, a, 11, 50.0);
    let d = &a.dataset;
    let findings: Vec<&crate::model::Finding> = d.findings.iter().collect();
    para(
        doc,
        &say!(
            l,
            "共读取数据行 {} 行，用于分类 {} 行，剔除 {} 行；发现问题 {} 条。每条问题的文件、工作表、行号和处理方式见工作簿“数据质量”表。",
            "{} data rows were read, {} used and {} rejected; findings: {}. The workbook's Data Quality sheet lists each with its file, sheet, row and action.",
            format::count(d.rows_read),
            format::count(d.rows_read.saturating_sub(d.rows_rejected)),
            format::count(d.rows_rejected),
            format::count(findings.len())
        ),
    );
    read_map(doc, a);
    let mut missing: Vec<char> = customers(a)
        .iter()
        .filter_map(|c| c.record.name.as_deref())
        .flat_map(|n| doc.missing_glyphs(n))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        let shown = missing
            .iter()
            .take(12)
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect::<Vec<_>>()
            .join(" ");
        para(
            doc,
            &say!(
                l,
                "客户名称中有 {} 个字符不在报告字体中（{}），报告中以“〓”代替；可用 --font 指定更全的中文字体。",
                "{} characters of customer names are not in the report's font ({}) and print as \"〓\"; give a fuller Chinese font with --font.",
                missing.len(),
                shown
            ),
        );
    }
    if findings.is_empty() {
        para(
            doc,
            &say!(l, "未发现数据问题。", "No data problems were found."),
        );
        return;
    }
    let mut by_kind: BTreeMap<crate::model::FindingKind, (usize, usize)> = BTreeMap::new();
    for f in &findings {
        let e = by_kind.entry(f.kind).or_default();
        e.0 += 1;
        if f.rejected {
            e.1 += 1;
        }
    }
    let columns = [
        Column::new(say!(l, "问题", "Problem"), 2.5, Align::Left),
        Column::new(say!(l, "条数", "Findings"), 1.0, Align::Right),
        Column::new(say!(l, "其中剔除行", "Rows rejected"), 1.0, Align::Right),
        Column::new(say!(l, "示例", "Example"), 3.5, Align::Left),
    ];
    let rows: Vec<Vec<String>> = by_kind
        .iter()
        .map(|(kind, (count, rejected))| {
            let example = findings
                .iter()
                .find(|f| f.kind == *kind)
                .map(|f| {
                    let place = match f.row {
                        Some(r) => say!(l, "{} 第 {} 行", "{} row {}", f.sheet, r),
                        None => f.sheet.clone(),
                    };
                    format!("{place}{}{}", l.pick("：", ": "), f.problem)
                })
                .unwrap_or_default();
            vec![
                kind.label(l).to_string(),
                format::count(*count),
                format::count(*rejected),
                example,
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}

/// The read map in brief (issue 14): how many files, sheets, unrecognised columns and skipped
/// sheets, then one table row per sheet — its role, data rows, and the columns not recognised
/// or why it was skipped. The workbook's 读取记录 has every column.
fn read_map(doc: &mut Layout, a: &Analysis) {
    use crate::workbook::reading::{file_name, one_line, why_skipped};
    let l = lang(a);
    let d = &a.dataset;
    let sep = l.pick("、", ", ");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut read, mut unrecognised, mut skipped) = (0, 0, 0);
    for input in &d.inputs {
        for info in &input.sheets {
            let why = why_skipped(d, input, info, l);
            let (data_rows, note) = match why {
                Some(why) => {
                    skipped += 1;
                    (String::new(), why)
                }
                None => {
                    read += 1;
                    unrecognised += info.unrecognised.len();
                    let names: Vec<String> =
                        info.unrecognised.iter().map(|h| one_line(h)).collect();
                    (format::count(info.data_rows), names.join(sep))
                }
            };
            rows.push(vec![
                format!("{} / {}", file_name(&input.path), info.name),
                info.role.label(l).to_string(),
                data_rows,
                note,
            ]);
        }
    }
    para(
        doc,
        &crate::messages::shown_pdf_summary(l, d.inputs.len(), read, unrecognised, skipped),
    );
    let columns = [
        Column::new(say!(l, "文件 / 工作表", "File / sheet"), 3.0, Align::Left),
        Column::new(say!(l, "用途", "Role"), 1.2, Align::Left),
        Column::new(say!(l, "数据行", "Data rows"), 1.0, Align::Right),
        Column::new(
            say!(
                l,
                "未识别的列 / 跳过原因",
                "Columns not recognised / why skipped"
            ),
            4.0,
            Align::Left,
        ),
    ];
    doc.table(&columns, &rows, TABLE);
}

// ───────────────────────────── 13 附录 ─────────────────────────────

fn appendix(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    section(doc, a, 12, 80.0);
    subheading(doc, &say!(l, "评分维度与权重", "Dimensions and weights"));
    para(
        doc,
        &say!(
            l,
            "每个维度得分 0–100；综合得分为各维度得分的加权和，缺少的维度不计入并按其余权重重新归一。",
            "Each dimension scores 0–100; the total is the weighted sum, with missing dimensions left out and the other weights renormalised."
        ),
    );
    let columns = [
        Column::new(say!(l, "维度", "Dimension"), 2.0, Align::Left),
        Column::new(say!(l, "权重", "Weight"), 1.0, Align::Right),
        Column::new(
            say!(l, "有得分的客户", "Customers scored"),
            1.4,
            Align::Right,
        ),
        Column::new(say!(l, "平均得分", "Mean score"), 1.2, Align::Right),
    ];
    let n = customers(a).len();
    let score_of = |i: usize, c: &Classified| match i {
        0 => c.scores.size,
        1 => c.scores.value,
        2 => c.scores.activity,
        3 => c.scores.satisfaction,
        _ => c.scores.potential,
    };
    let rows: Vec<Vec<String>> = a
        .classification
        .weights
        .iter()
        .enumerate()
        .map(|(i, (name, w))| {
            let scored: Vec<f64> = customers(a).iter().filter_map(|c| score_of(i, c)).collect();
            let mean = scored.iter().sum::<f64>() / scored.len().max(1) as f64;
            vec![
                name.clone(),
                format::percent(*w),
                say!(
                    l,
                    "{}（{}）",
                    "{} ({})",
                    format::count(scored.len()),
                    format::percent(format::share(scored.len() as f64, n as f64))
                ),
                if scored.is_empty() {
                    "—".into()
                } else {
                    format::score(mean)
                },
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    subheading(
        doc,
        &say!(l, "等级分数线与参考值", "Cut-offs and references"),
    );
    let (core_cut, potential_cut) = a.classification.tier_cutoffs;
    bullet(
        doc,
        &say!(
            l,
            "客户等级：综合得分 ≥ {} 为核心客户，≥ {} 为潜力客户，其余为一般客户。{}",
            "Tiers: total score ≥ {} is core, ≥ {} potential, the rest general. {}",
            format::score(core_cut),
            format::score(potential_cut),
            sentence(&a.classification.tier_rule, l)
        ),
    );
    let refs = a.classification.rfm_refs;
    bullet(
        doc,
        &say!(
            l,
            "RFM 参考值（{}）：R {} 天，F {} 次，M {}；等于参考值算“高”，R 越小越“高”。",
            "RFM references ({}): R {} days, F {}, M {}; a value equal to the reference counts as high, and for R lower is higher.",
            refs.method,
            format::thousands(refs.recency_days, 1),
            format::thousands(refs.frequency, 1),
            format::money(refs.monetary, l)
        ),
    );
    bullet(
        doc,
        &say!(
            l,
            "ABC 分类：按销售额从高到低累计，前 80% 为 A 类，80%–95% 为 B 类，其余为 C 类。",
            "ABC classes: customers ranked by sales; the first 80% of the cumulative amount is A, 80–95% B, the rest C."
        ),
    );
    bullet(
        doc,
        &say!(
            l,
            "企业规模：《统计上大中小微型企业划分办法(2017)》；大、中、小型须同时满足所列指标下限，缺一项指标时按另一项判定。",
            "Size classes: China's 2017 statistical standard; large, medium and small must meet every listed lower bound; with one indicator missing the other decides."
        ),
    );
    let c = &a.clustering;
    if c.k > 0 {
        let sil = c
            .silhouettes
            .iter()
            .map(|(k, s)| format!("k={k}: {s:.3}"))
            .collect::<Vec<_>>()
            .join(l.pick("；", "; "));
        bullet(
            doc,
            &say!(
                l,
                "聚类：k-means，特征为{}（标准化，金额类取对数），k={}（{}），随机种子 {}。轮廓系数：{}。{}",
                "Clustering: k-means on {} (standardised, log for money), k={} ({}), seed {}. Silhouettes: {}. {}",
                c.features.join(l.pick("、", ", ")),
                c.k,
                if c.k_chosen { say!(l, "自动选择", "chosen automatically") } else { say!(l, "指定", "given") },
                a.run.seed,
                if sil.is_empty() { "—".to_string() } else { sil },
                sentence(&c.imputation, l)
            ),
        );
    }
    bullet(
        doc,
        &say!(
            l,
            "基准日 {}：{}。",
            "As-of date {}: {}.",
            format::date(a.run.as_of, l),
            a.run.as_of_source
        ),
    );
    if !a.profile_settings.is_empty() {
        subheading(
            doc,
            &say!(
                l,
                "评分方案参数（{}）",
                "Profile settings ({})",
                a.run.profile
            ),
        );
        let columns = [
            Column::new(say!(l, "参数", "Setting"), 1.6, Align::Left),
            Column::new(say!(l, "取值", "Value"), 4.0, Align::Left),
        ];
        let rows: Vec<Vec<String>> = a
            .profile_settings
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        doc.table(&columns, &rows, TABLE);
    }
    if !a.dataset.inputs.is_empty() {
        subheading(doc, &say!(l, "输入文件", "Input files"));
        let columns = [
            Column::new(say!(l, "文件", "File"), 2.0, Align::Left),
            Column::new(say!(l, "工作表（用途）", "Sheets (role)"), 3.0, Align::Left),
            Column::new("SHA-256", 2.0, Align::Left),
        ];
        let rows: Vec<Vec<String>> = a
            .dataset
            .inputs
            .iter()
            .map(|f| {
                vec![
                    file_name(&f.path),
                    f.sheets
                        .iter()
                        .map(|s| say!(l, "{}（{}）", "{} ({})", s.name, role_label(s.role, l)))
                        .collect::<Vec<_>>()
                        .join(l.pick("、", ", ")),
                    f.sha256.chars().take(16).collect::<String>() + "…",
                ]
            })
            .collect();
        doc.table(&columns, &rows, TABLE);
    }
}

fn role_label(role: crate::model::SheetRole, l: Lang) -> &'static str {
    use crate::model::SheetRole::*;
    match role {
        Customers => l.pick("客户档案", "customers"),
        Transactions => l.pick("交易明细", "transactions"),
        Usage => l.pick("使用记录", "usage"),
        Surveys => l.pick("满意度", "surveys"),
        Ignored => l.pick("未使用", "not used"),
    }
}
