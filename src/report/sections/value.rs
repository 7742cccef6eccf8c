//! Report section 价值分析: the Pareto curve with its ABC classes, and the RFM classes.

use super::{lang, money_header, note, para, section, subheading, CONTENT_W, TABLE};
use crate::error::Result;
use crate::figures::Figures;
use crate::messages::report_no_data;
use crate::model::Analysis;
use crate::report::charts;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;
use crate::values::thousands;

pub(super) fn value(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    let l = lang(a);
    section(doc, a, 4, 110.0);
    let p = &f.pareto;
    let n = f.customers;
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
                "按销售额从高到低排列客户：A 类 {} 家（占客户 {}）贡献 {} 的销售额，B 类 {} 家贡献 {}，C 类 {} 家合计占 {}。",
                "Customers ranked by sales: class A, {} customers ({} of all), brings {} of sales; class B, {} customers, {}; class C, {} customers, {}.",
                format::count(p.a_count),
                format::percent(format::share(p.a_count as f64, n as f64)),
                format::percent(p.a_share),
                format::count(p.b_count),
                format::percent(p.b_share),
                format::count(p.c_count),
                format::percent(p.c_share)
            ),
        );
        let chart = charts::pareto_chart(p, l)?;
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
            thousands(refs.recency_days, 0),
            thousands(refs.frequency, 1),
            format::money(refs.monetary, l)
        ),
    );
    let stats = &f.rfm;
    let classified: usize = stats.iter().map(|s| s.count).sum();
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
    let unit = MoneyUnit::for_max(stats.iter().map(|s| s.amount).fold(0.0, f64::max));
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
        .map(|(i, r)| {
            vec![
                r.class.label(l).to_string(),
                l.pick(flags[i], flags_en[i]).to_string(),
                format::count(r.count),
                format::percent(format::share(r.count as f64, n as f64)),
                unit.format(r.amount),
                format::percent_or_dash(f.amount_share(r.amount)),
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
