//! Report sections 行动建议 and 核心客户名单: what to do per tier, and the top core customers.

use std::collections::BTreeMap;

use super::{
    bullet, by_amount, customer_table, customers, lang, money_header, name_of, para, section,
    unit_for, TABLE,
};
use crate::classify::recommend::product_move;
use crate::figures::{amount_of, Figures, TierStat};
use crate::messages;
use crate::model::{Analysis, Classified, Lang, Level, Tier};
use crate::report::charts;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout, Rgb8, INK, MARGIN};
use crate::say;

pub(super) fn actions(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let l = lang(a);
    section(doc, a, 9, 80.0);
    for s in &f.tiers {
        let members: Vec<&Classified> = customers(a).iter().filter(|c| c.tier == s.tier).collect();
        let (what, why) = advice(a, f, s);
        let what = a
            .report
            .actions
            .text(s.tier, l)
            .map_or(what, str::to_string);
        tier_heading(doc, s, l);
        bullet(doc, &what);
        bullet(doc, &why);
        high_churn_bullet(doc, &members, l);
        products_bullet(doc, &members, l);
        services_bullet(doc, &members, l);
        doc.y += 3.0;
    }
}

/// What to do with a tier (the built-in advice) and why, from its figures.
fn advice(a: &Analysis, f: &Figures, s: &TierStat) -> (String, String) {
    let l = lang(a);
    match s.tier {
        Tier::Core => (
            say!(l, "配备专属客户经理，每季度业务回顾；优先续约与增购高级模块；给予较宽的信用与结算条件。", "Assign a dedicated account manager with quarterly business reviews; prioritise renewals and upsell of advanced modules; allow generous credit and settlement terms."),
            say!(l, "贡献销售额 {}，是收入的基本盘。", "They bring {} of sales: the revenue base.", format::percent_or_dash(f.amount_share(s.amount))),
        ),
        Tier::Potential => (
            say!(l, "定向营销推送与优惠券，开放高级模块试用，提升使用深度，争取升级为核心客户。", "Targeted campaigns and coupons, trials of advanced modules and deeper usage, to move them up to core."),
            say!(l, "平均综合得分 {}，距核心客户分数线 {} 分。", "Mean score {}, {} points below the core cut-off.", format::score(s.mean_score), format::score((a.classification.tier_cutoffs.0 - s.mean_score).max(0.0))),
        ),
        Tier::General => (
            say!(l, "标准化服务与线上自助，控制服务成本；以低成本触达筛选有增长潜力的客户。", "Standard service and online self-help at low cost to serve; low-cost outreach to spot the ones with growth potential."),
            say!(l, "客户数占 {}，销售额占 {}。", "{} of customers, {} of sales.", format::percent_or_dash(f.customer_share(s.count)), format::percent_or_dash(f.amount_share(s.amount))),
        ),
    }
}

/// A tier's heading: its colour mark, name and count.
fn tier_heading(doc: &mut Layout, s: &TierStat, l: Lang) {
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
}

/// The tier's high-churn customers, named, largest first, so the reader knows whom to call.
fn high_churn_bullet(doc: &mut Layout, members: &[&Classified], l: Lang) {
    let high_churn = by_amount(
        members
            .iter()
            .copied()
            .filter(|c| c.churn_risk == Level::High),
    );
    if high_churn.is_empty() {
        return;
    }
    let names: Vec<String> = high_churn.iter().take(10).map(|c| name_of(c)).collect();
    bullet(
        doc,
        &messages::actions_high_churn(
            &format::count(high_churn.len()),
            &messages::named_customers(&names, high_churn.len(), l),
            l,
        ),
    );
}

/// The three commonest product moves (现有 → 推荐, or 维持现有版本) — counted by move, not by
/// the edition advised — or, where the base has no editions, the products advised.
fn products_bullet(doc: &mut Layout, members: &[&Classified], l: Lang) {
    let products: Vec<String> = (members.iter())
        .map(|c| messages::recommended_product(l, &c.recommended_product))
        .collect();
    let moves = top_n(
        products
            .iter()
            .map(|p| product_move(p))
            .filter(|m| !m.is_empty()),
        3,
    );
    if moves.is_empty() {
        return;
    }
    let list = counted_list(&moves, l);
    let by_edition = products
        .iter()
        .any(|p| p.contains('→') || product_move(p) != p);
    let text = if by_edition {
        say!(
            l,
            "产品建议（现有 → 推荐）：{}。",
            "Product advice (current → recommended): {}.",
            list
        )
    } else {
        say!(
            l,
            "最常推荐的产品：{}。",
            "Most recommended products: {}.",
            list
        )
    };
    bullet(doc, &text);
}

/// The three services advised most often.
fn services_bullet(doc: &mut Layout, members: &[&Classified], l: Lang) {
    let services: Vec<String> = (members.iter())
        .map(|c| messages::recommended_services(l, &c.recommended_services))
        .collect();
    let services = services.iter().flat_map(|s| {
        s.split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
    });
    let top_services = top_n(services, 3);
    if top_services.is_empty() {
        return;
    }
    bullet(
        doc,
        &say!(
            l,
            "最常推荐的服务：{}。",
            "Most recommended services: {}.",
            counted_list(&top_services, l)
        ),
    );
}

/// "A（12 家）、B（3 家）" / "A (12), B (3)".
fn counted_list(items: &[(String, usize)], l: Lang) -> String {
    items
        .iter()
        .map(|(s, n)| say!(l, "{}（{} 家）", "{} ({})", s, format::count(*n)))
        .collect::<Vec<_>>()
        .join(l.pick("、", ", "))
}

fn charts_color(tier: Tier) -> Rgb8 {
    let c = charts::tier_color(tier);
    Rgb8(c.0, c.1, c.2)
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

pub(super) fn core_list(doc: &mut Layout, a: &Analysis) {
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
    let more = vec![
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
    let (columns, rows) = customer_table(l, [0.95, 2.75], more, &top, |c| {
        vec![
            c.size_class.label(l).to_string(),
            c.industry_group.label(l).to_string(),
            format::score(c.total_score),
            unit.format(amount_of(c)),
            c.risk_level.label().to_string(),
            credit_unit.format(c.credit_limit),
        ]
    });
    let (columns, rows) = super::without_size_industry(a, &columns, rows, [3, 4]);
    doc.table(&columns, &rows, TABLE);
}
