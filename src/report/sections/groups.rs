//! Report sections of a profile's `[[report.groups]]` (客户来源, 设计师, 装修风格, 预算区间 …):
//! customers, signed, signing rate and amount per group, the leading groups in words, and the
//! referrals (转介绍) when the profile names their words.

use super::{lang, money_header, note, para, section_titled, TABLE};
use crate::figures::decoration::{GroupRow, GroupTable};
use crate::figures::Figures;
use crate::model::{Analysis, Lang};
use crate::profile::{pick_text, GroupSettings};
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;

/// At most this many groups are listed; the rest are one row.
const MAX_ROWS: usize = 15;
/// A group needs this many customers for its signing rate to be called the best.
const MIN_FOR_RATE: usize = 5;

/// A group section; nothing when the column or field is absent from the data.
pub(super) fn group(doc: &mut Layout, a: &Analysis, f: &Figures, g: &GroupSettings) {
    let l = lang(a);
    let Some(t) = f.group(&g.id) else {
        return;
    };
    let title = pick_text(&g.title, g.title_en.as_deref(), l);
    section_titled(doc, title, 50.0 + 6.0 * t.rows.len().min(MAX_ROWS) as f32);
    para(
        doc,
        &say!(
            l,
            "按“{}”统计 {} 位客户，分 {} 组。签约率为已签约客户占该组客户的比例；金额为客户的签约（消费）金额。",
            "By \"{}\": {} customers in {} groups. The signing rate is the share of a group's customers who have signed; the amount is what they signed (spent).",
            t.column,
            format::count(t.total.count),
            format::count(t.rows.len())
        ),
    );
    if let Some(s) = leaders(t, l) {
        para(doc, &s);
    }
    if let Some(r) = &t.referral {
        para(doc, &referral(r, t, l));
    }
    table(doc, t, title, l);
    if t.missing.count > 0 {
        note(
            doc,
            &say!(
                l,
                "{} 位客户此项未填，列在“未填”一行。",
                "{} customers have no value here (the \"Not given\" row).",
                format::count(t.missing.count)
            ),
        );
    }
}

/// The group with the largest amount and the one with the best signing rate, in one sentence.
fn leaders(t: &GroupTable, l: Lang) -> Option<String> {
    let top = t.rows.iter().max_by(|x, y| x.amount.total_cmp(&y.amount))?;
    let share = format::percent(format::share(top.amount, t.total.amount));
    let money = format::money(top.amount, l);
    let best = t
        .rows
        .iter()
        .filter(|r| r.count >= MIN_FOR_RATE)
        .max_by(|x, y| {
            x.conversion()
                .unwrap_or(0.0)
                .total_cmp(&y.conversion().unwrap_or(0.0))
        });
    let overall = format::percent_or_dash(t.total.conversion());
    Some(match best {
        Some(b) if b.name != top.name => say!(
            l,
            "金额最多的是{}（{}，占 {}）；签约率最高的是{}（{}，全部客户为 {}）。",
            "{} brings the most ({}, {}); {} signs best ({}, against {} overall).",
            top.name,
            money,
            share,
            b.name,
            format::percent_or_dash(b.conversion()),
            overall
        ),
        _ => say!(
            l,
            "金额最多、签约率也最高的是{}（{}，占 {}；签约率 {}，全部客户为 {}）。",
            "{} brings the most and signs best ({}, {}; signing rate {} against {} overall).",
            top.name,
            money,
            share,
            format::percent_or_dash(top.conversion()),
            overall
        ),
    })
}

/// The referral sentence: how many customers came by referral and how well they sign.
fn referral(r: &GroupRow, t: &GroupTable, l: Lang) -> String {
    let better = r.conversion().unwrap_or(0.0) >= t.total.conversion().unwrap_or(0.0);
    say!(
        l,
        "转介绍（{}）带来 {} 位客户，签约率 {}（全部客户为 {}），金额 {}，占 {}。{}",
        "Referrals ({}) brought {} customers, signing rate {} (against {} overall), amount {}, {} of the total. {}",
        r.name,
        format::count(r.count),
        format::percent_or_dash(r.conversion()),
        format::percent_or_dash(t.total.conversion()),
        format::money(r.amount, l),
        format::percent(format::share(r.amount, t.total.amount)),
        if better {
            l.pick(
                "老客户介绍来的客户签约更好：请满意的已竣工业主转介绍，并给予回馈。",
                "Referred customers sign better: ask satisfied owners of finished projects for referrals, and reward them.",
            )
        } else {
            l.pick(
                "转介绍客户的签约率不高于平均，值得查看跟进是否及时。",
                "Referred customers sign no better than average: check that they are followed up in time.",
            )
        }
    )
}

/// The table: one row per group (the largest `MAX_ROWS - 1` and the rest together when there are
/// more), 未填, 合计.
fn table(doc: &mut Layout, t: &GroupTable, title: &str, l: Lang) {
    let unit = MoneyUnit::for_max(t.total.amount.max(0.0));
    let columns = [
        Column::new(title, 1.6, Align::Left),
        Column::new(say!(l, "客户数", "Customers"), 0.9, Align::Right),
        Column::new(say!(l, "客户占比", "Share"), 0.9, Align::Right),
        Column::new(say!(l, "已签约", "Signed"), 0.9, Align::Right),
        Column::new(say!(l, "签约率", "Signing rate"), 0.9, Align::Right),
        Column::new(
            money_header(&say!(l, "金额", "Amount"), unit, l),
            1.2,
            Align::Right,
        ),
        Column::new(say!(l, "金额占比", "Amount share"), 1.0, Align::Right),
    ];
    let row = |r: &GroupRow| {
        vec![
            r.name.clone(),
            format::count(r.count),
            format::percent(format::share(r.count as f64, t.total.count as f64)),
            format::count(r.signed),
            format::percent_or_dash(r.conversion()),
            unit.format(r.amount),
            format::percent(format::share(r.amount, t.total.amount)),
        ]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    if t.rows.len() > MAX_ROWS {
        rows.extend(t.rows[..MAX_ROWS - 1].iter().map(row));
        let rest = &t.rows[MAX_ROWS - 1..];
        let mut other = GroupRow {
            name: say!(l, "其他 {} 组", "{} other groups", rest.len()),
            count: 0,
            signed: 0,
            amount: 0.0,
        };
        for r in rest {
            other.count += r.count;
            other.signed += r.signed;
            other.amount += r.amount;
        }
        rows.push(row(&other));
    } else {
        rows.extend(t.rows.iter().map(row));
    }
    if t.missing.count > 0 {
        rows.push(row(&t.missing));
    }
    rows.push(row(&t.total));
    doc.table(&columns, &rows, TABLE);
}
