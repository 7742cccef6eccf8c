//! Report section 摘要: the KPI boxes and 3–5 findings written from the figures.

use super::{customers, lang, note, section, CONTENT_W};
use crate::figures::{amount_of, satisfaction_of, Figures, SIZES};
use crate::model::{Analysis, Classified, IndustryGroup, Lang, Level, SizeClass, Tier};
use crate::report::charts;
use crate::report::format;
use crate::report::layout::{Align, Layout, ACCENT, GREY, INK, MARGIN, PALE};
use crate::say;

/// Text size of the phone page (page 2): the KPIs and findings read on a 6-inch phone without
/// zoom. The detailed pages that follow keep the body size.
const PHONE: f32 = 14.0;

pub(super) fn summary(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let l = lang(a);
    doc.new_page();
    section(doc, a, 1, 60.0);
    let page = doc.page_count();
    kpi_boxes(doc, l, f);
    // Thin data is said next to the figures it affects, before any finding is read.
    let cautions = thin_data(a, f);
    if !cautions.is_empty() {
        let heading = say!(l, "数据提示：", "About these figures: ");
        note(doc, &format!("{heading}{}", cautions.join(l.pick("", " "))));
    }
    phone_heading(doc, &say!(l, "主要发现", "Key findings"));
    for finding in findings(a, f) {
        phone_bullet(doc, &finding);
    }
    if f.customers > 0 {
        // One chart, drawn with large text; a chart that cannot be drawn leaves the page
        // readable without it (the tier page draws the full chart and reports its error).
        if let Ok(chart) = charts::tier_share_chart(&f.tiers, l) {
            doc.y += 2.0;
            doc.chart(&chart, charts::PHONE_CHART_MM);
        }
    }
    doc.y += 1.0;
    note(
        doc,
        &say!(
            l,
            "注：销售额为统计期内的消费金额（无交易明细时取累计购买金额）；流失风险由近期登录与消费的变化判断。",
            "Note: sales are the amount bought in the period (or the cumulative purchase amount where no transactions were given); churn risk comes from recent logins and purchases."
        ),
    );
    // The detailed pages follow on a page of their own (unless this page already ran over).
    if doc.page_count() == page {
        doc.y += doc.room();
    }
}

/// A heading on the phone page.
fn phone_heading(doc: &mut Layout, text: &str) {
    doc.ensure(20.0);
    doc.y += 2.0;
    doc.text(MARGIN, doc.y + 5.6, PHONE + 1.0, true, INK, text);
    doc.y += 9.5;
}

/// A finding on the phone page: a square bullet and the sentence at [`PHONE`] size.
fn phone_bullet(doc: &mut Layout, text: &str) {
    doc.ensure(9.0);
    let y = doc.y;
    doc.rect(MARGIN + 1.0, y + 2.6, 2.2, 2.2, Some(ACCENT), None);
    doc.paragraph(MARGIN + 6.0, CONTENT_W - 6.0, PHONE, false, INK, text);
    doc.y += 1.5;
}

/// Below this many customers the tiers, groups and concentration rest on too few to be read
/// without care: two clusters of the smallest size the cluster stage allows.
const FEW_CUSTOMERS: usize = 2 * crate::cluster::MIN_PER_CLUSTER;

/// What makes the figures above thinner than they look, one sentence each: the as-of date taken
/// from today, detail rows that joined no customer, most rows rejected, no amount at all, a
/// dimension no customer has data for. Empty when the data hold up.
pub(super) fn thin_data(a: &Analysis, f: &Figures) -> Vec<String> {
    use crate::messages as msg;
    let l = lang(a);
    let d = &a.dataset;
    let mut out = Vec::new();
    if a.run.as_of_from_today {
        out.push(msg::thin_as_of_today(
            l,
            &a.run.as_of.format("%Y-%m-%d").to_string(),
        ));
    }
    for j in d.joins.iter().filter(|j| j.unjoined > 0) {
        out.push(msg::thin_unjoined(l, &j.file, &j.sheet, j.unjoined, j.rows));
    }
    if d.rows_read > 0 && d.rows_rejected * 2 > d.rows_read {
        out.push(msg::thin_most_rejected(l, d.rows_rejected, d.rows_read));
    }
    if f.customers > 0 && f.customers < FEW_CUSTOMERS {
        out.push(msg::thin_few_customers(l, f.customers));
    }
    if f.customers > 0 && f.amount_total == 0.0 {
        out.push(msg::thin_no_amount(l));
    }
    // Dates whose day and month order the data could not settle (3/4/2026 in every row, or a
    // column mixing both orders): the figures that use dates may be wrong.
    for x in &d.findings {
        use crate::model::{DateOrderRead, Issue};
        if let Issue::DateOrder {
            read: DateOrderRead::DayFirstAssumed | DateOrderRead::Mixed,
            ..
        } = x.issue
        {
            let column = x.column.as_deref().unwrap_or("");
            let problem = msg::finding_problem(l, x);
            out.push(msg::thin_date_order(l, &x.file, &x.sheet, column, &problem));
        }
    }
    // A dimension without data is a finding about the whole base (no file named).
    out.extend(
        d.findings
            .iter()
            .filter(|x| {
                use crate::model::FindingKind::{Other, UnrelatedCustomers};
                matches!(x.kind(), Other | UnrelatedCustomers) && x.file.is_empty()
            })
            .map(|x| super::sentence(&msg::finding_problem(l, x), l)),
    );
    out
}

/// The four KPI boxes: customers, core customers, high churn risk, mean satisfaction.
fn kpi_boxes(doc: &mut Layout, l: Lang, f: &Figures) {
    let core = f.core();
    let churn = f.churn;
    let mean_sat = f.satisfaction.mean;
    let boxes = [
        (
            say!(l, "客户总数", "Customers"),
            format::count(f.customers),
            say!(l, "家", ""),
            say!(l, "销售额 {}", "Sales {}", format::money(f.amount_total, l)),
        ),
        (
            say!(l, "核心客户", "Core customers"),
            format::count(core.count),
            say!(l, "家", ""),
            say!(
                l,
                "贡献销售额 {}",
                "{} of sales",
                format::percent_or_dash(f.amount_share(core.amount))
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
                format::percent_or_dash(f.customer_share(churn[0]))
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
                    format::count(f.satisfaction.rated)
                ),
                None => say!(l, "无满意度数据", "no satisfaction data"),
            },
        ),
    ];
    // Two by two, so that every label and figure prints at phone size.
    let gap = 4.0;
    let w = (CONTENT_W - gap) / 2.0;
    let h = 28.0;
    let top = doc.y;
    for (i, (label, value, suffix, sub)) in boxes.iter().enumerate() {
        let x = MARGIN + (i % 2) as f32 * (w + gap);
        let y = top + (i / 2) as f32 * (h + gap);
        doc.rect(x, y, w, h, Some(PALE), None);
        doc.rect(x, y, w, 1.2, Some(ACCENT), None);
        doc.text_in(
            x + 4.0,
            w - 8.0,
            y + 7.5,
            PHONE,
            false,
            GREY,
            Align::Left,
            label,
        );
        let vw = doc.text_width(value, 22.0, true);
        doc.text(x + 4.0, y + 17.0, 22.0, true, ACCENT, value);
        if !suffix.is_empty() {
            doc.text(x + 5.5 + vw, y + 17.0, PHONE, false, GREY, suffix);
        }
        doc.text_in(
            x + 4.0,
            w - 8.0,
            y + 24.5,
            PHONE,
            false,
            INK,
            Align::Left,
            sub,
        );
    }
    doc.y = top + 2.0 * h + gap + 3.0;
}

/// 3–5 findings written from the data, most important first.
pub(super) fn findings(a: &Analysis, f: &Figures) -> Vec<String> {
    let l = lang(a);
    let n = f.customers;
    if n == 0 {
        return vec![say!(
            l,
            "没有可分类的客户。",
            "There are no customers to classify."
        )];
    }
    let core = f.core();
    let mut out = vec![say!(
        l,
        "核心客户 {} 家，占客户总数 {}，贡献销售额 {}；潜力客户 {} 家，一般客户 {} 家。",
        "{} core customers ({} of all) bring {} of sales; {} are potential and {} general.",
        format::count(core.count),
        format::percent_or_dash(f.customer_share(core.count)),
        format::percent_or_dash(f.amount_share(core.amount)),
        format::count(f.tiers[1].count),
        format::count(f.tiers[2].count)
    )];
    out.extend(concentration(l, f));
    out.extend(churn_finding(a, f));
    out.extend(satisfaction_finding(a, f));
    out.extend(match &f.migration {
        Some(m) => Some(say!(
            l,
            "与上期相比：升级 {} 家，降级 {} 家，新增 {} 家，流失 {} 家。",
            "Since the previous run: {} moved up, {} moved down, {} are new and {} were lost.",
            format::count(m.upgraded),
            format::count(m.downgraded),
            format::count(m.new),
            format::count(m.lost)
        )),
        None => industry_finding(l, f),
    });
    out.truncate(5);
    out
}

/// How concentrated sales are: the ABC class A's share of customers.
fn concentration(l: Lang, f: &Figures) -> Option<String> {
    let p = &f.pareto;
    let n = f.customers;
    if p.total > 0.0 {
        let a_share = format::share(p.a_count as f64, n as f64);
        let spread = if a_share < 0.2 {
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
        Some(say!(
            l,
            "前 {} 的客户（{} 家）贡献了 {} 的销售额，{}。",
            "The top {} of customers ({}) bring {} of sales: {}.",
            format::percent(a_share),
            format::count(p.a_count),
            format::percent(p.a_share),
            spread
        ))
    } else {
        None
    }
}

/// The customers at high churn risk: how many, how valuable, how much they bought.
fn churn_finding(a: &Analysis, f: &Figures) -> Option<String> {
    let l = lang(a);
    let n = f.customers;
    let high: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| c.churn_risk == Level::High)
        .collect();
    if high.is_empty() {
        return None;
    }
    let valuable = high.iter().filter(|c| c.tier != Tier::General).count();
    let amount: f64 = high.iter().map(|c| amount_of(c)).sum();
    Some(say!(
            l,
            "流失风险高的客户 {} 家（占 {}），其中核心与潜力客户 {} 家，涉及销售额 {}（{}），应优先安排挽留回访。",
            "{} customers ({}) are at high churn risk, {} of them core or potential, with sales of {} ({}); call on them first.",
            format::count(high.len()),
            format::percent(format::share(high.len() as f64, n as f64)),
            format::count(valuable),
            format::money(amount, l),
            format::percent_or_dash(f.amount_share(amount))
        ))
}

/// The mean satisfaction and the customers below 60.
fn satisfaction_finding(a: &Analysis, f: &Figures) -> Option<String> {
    let l = lang(a);
    let mean = f.satisfaction.mean?;
    let low: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| satisfaction_of(c).is_some_and(|s| s < 60.0))
        .collect();
    let low_valuable = low.iter().filter(|c| c.tier != Tier::General).count();
    Some(say!(
            l,
            "平均满意度 {}（满分 100）；满意度低于 60 分的客户 {} 家，其中核心与潜力客户 {} 家。",
            "Mean satisfaction is {} out of 100; {} customers score below 60, {} of them core or potential.",
            format::score(mean),
            format::count(low.len()),
            format::count(low_valuable)
        ))
}

/// The largest industry group and the most common size class.
fn industry_finding(l: Lang, f: &Figures) -> Option<String> {
    let n = f.customers;
    let rows = &f.industry_by_size;
    let largest = rows
        .iter()
        .filter(|(g, _)| *g != IndustryGroup::Other)
        .max_by_key(|(_, r)| r.iter().sum::<usize>())
        // No customer in any named group (no industry data): nothing to say.
        .filter(|(_, r)| r.iter().sum::<usize>() > 0);
    largest.map(|(group, row)| {
            let g = row.iter().sum::<usize>();
            let sizes: Vec<usize> = (0..SIZES)
                .map(|i| rows.iter().map(|(_, r)| r[i]).sum())
                .collect();
            let (si, sn) = sizes
                .iter()
                .enumerate()
                .max_by_key(|(_, v)| **v)
                .unwrap_or((4, &0));
            say!(
                l,
                "客户以{}为主（{} 家，占 {}）；按企业规模，{}企业最多（{}）。",
                "{} is the largest industry group ({}, {}); by size, {} firms are the most common ({}).",
                group.label(l),
                format::count(g),
                format::percent(format::share(g as f64, n as f64)),
                match l {
                    Lang::Zh => SizeClass::ALL[si].label(l).to_string(),
                    Lang::En => SizeClass::ALL[si].label(l).to_lowercase(),
                },
                format::percent(format::share(*sn as f64, n as f64))
            )
        })
}
