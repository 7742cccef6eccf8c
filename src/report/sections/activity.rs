//! Report sections 活跃与流失 and 满意度: distributions, the churn watch list and the least
//! satisfied valuable customers.

use super::{
    by_amount, customer_table, customers, lang, money_header, para, section, subheading, unit_for,
    CONTENT_W, TABLE,
};
use crate::error::Result;
use crate::figures::{amount_of, satisfaction_of, Figures};
use crate::messages::report_no_data;
use crate::model::{Analysis, Classified, Level, Tier};
use crate::report::charts;
use crate::report::format;
use crate::report::layout::{Align, Column, Layout};
use crate::say;
use crate::values::thousands;

pub(super) fn activity(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    let l = lang(a);
    section(doc, a, 5, 100.0);
    let churn = f.churn;
    let n = f.customers;
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
    match &f.activity_histogram {
        Some(h) => {
            let chart = charts::activity_chart(h, l)?;
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
    let more = vec![
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
    let (columns, rows) = customer_table(l, [1.0, 3.0], more, &watch, |c| {
        vec![
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
    });
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

pub(super) fn satisfaction(doc: &mut Layout, a: &Analysis, f: &Figures) -> Result<()> {
    let l = lang(a);
    let (Some(h), Some(mean)) = (&f.satisfaction_histogram, f.satisfaction.mean) else {
        section(doc, a, 6, 20.0);
        para(
            doc,
            &report_no_data(&say!(l, "满意度数据", "satisfaction data"), l),
        );
        return Ok(());
    };
    section(doc, a, 6, 90.0);
    let complaints: f64 = customers(a)
        .iter()
        .filter_map(|c| c.record.complaints)
        .sum();
    let mut text = say!(
        l,
        "{} 家客户有满意度数据，平均 {} 分（已统一换算为 0–100 分）",
        "{} customers have satisfaction data, averaging {} (normalised to 0–100)",
        format::count(f.satisfaction.rated),
        format::score(mean)
    );
    if complaints > 0.0 {
        text.push_str(&say!(
            l,
            "；投诉共 {} 次",
            "; {} complaints in all",
            thousands(complaints, 0)
        ));
    }
    text.push_str(l.pick("。", "."));
    para(doc, &text);
    let chart = charts::satisfaction_chart(h, l)?;
    doc.chart(&chart, CONTENT_W);
    subheading(
        doc,
        &say!(
            l,
            "满意度最低的重要客户（核心与潜力客户，前 15 名）",
            "Least satisfied valuable customers (core and potential, bottom 15)"
        ),
    );
    let mut low: Vec<&Classified> = customers(a)
        .iter()
        .filter(|c| satisfaction_of(c).is_some() && c.tier != Tier::General)
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
    let more = vec![
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
    let (columns, rows) = customer_table(l, [1.0, 3.0], more, &low, |c| {
        vec![
            c.tier.label(l).to_string(),
            c.record.satisfaction.map(format::score).unwrap_or_default(),
            c.record
                .complaints
                .map(|v| thousands(v, 0))
                .unwrap_or_else(|| "—".into()),
            unit.format(amount_of(c)),
            c.churn_risk.label(l).to_string(),
        ]
    });
    doc.table(&columns, &rows, TABLE);
    Ok(())
}
