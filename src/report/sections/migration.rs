//! Report section 季度变动: both quarters with their cut-offs, the tier transitions, the new and
//! lost 核心/潜力 customers by name, the largest movers with the dimension that moved them, and
//! the customers whose P(alive) fell most (when both results have it).

use super::{lang, money_header, note, para, section, section_in, subheading, TABLE};
use crate::compare::{AliveFell, DIMENSIONS, FELL_LISTED, FELL_POINTS};
use crate::error::Result;
use crate::figures::{Figures, MigrationCounts};
use crate::messages;
use crate::model::{Analysis, Lang, Migration, Move, Tier};
use crate::report::font::Font;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;

/// At most this many new (or lost) customers are named; the rest are counted.
const NAMED: usize = 15;

/// At most this many movers are listed.
const MOVERS: usize = 15;

pub(super) fn migration(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let (Some(m), Some(counts)) = (&a.migration, f.migration) else {
        return;
    };
    section(doc, a, 8, 80.0);
    body(doc, m, counts, lang(a));
}

/// The comparison of two result workbooks as a report of its own (`custseg compare`): the
/// 季度变动 section alone, its header naming both quarters.
///
/// # Errors
/// An output error when the font cannot be used.
pub fn report(m: &Migration, lang: Lang, font: &Font, generated_at: &str) -> Result<Vec<u8>> {
    let title = lang.pick("季度变动报告", "Quarter comparison report");
    let before = messages::quarter_named(lang, m.previous_period.as_ref(), &m.previous_file);
    let after = messages::quarter_named(lang, m.current_period.as_ref(), "");
    let both = messages::migration_title(lang, &before, &after);
    let mut doc = Layout::new(title, font, lang)?;
    doc.set_info(
        &both,
        "custseg",
        &both,
        &[title.to_string(), m.previous_file.clone()],
    );
    doc.set_date(generated_at);
    let counts = MigrationCounts {
        upgraded: m.upgraded.len(),
        downgraded: m.downgraded.len(),
        new: m.new.len(),
        lost: m.lost.len(),
    };
    section_in(&mut doc, lang, 8, 80.0);
    body(&mut doc, m, counts, lang);
    doc.finish(title, &both)
}

/// The section's content below its heading.
fn body(doc: &mut Layout, m: &Migration, counts: MigrationCounts, l: Lang) {
    periods(doc, m, l);
    para(
        doc,
        &say!(
            l,
            "与上期结果（{}）比较：升级 {} 家，降级 {} 家，新增 {} 家，流失 {} 家。",
            "Compared with the previous result ({}): {} moved up, {} moved down, {} new, {} lost.",
            m.previous_file,
            format::count(counts.upgraded),
            format::count(counts.downgraded),
            format::count(counts.new),
            format::count(counts.lost)
        ),
    );
    matrix(doc, m, l);
    named(doc, m, l, true);
    named(doc, m, l, false);
    movers(doc, m, l);
    if let Some(fell) = &m.alive_fell {
        alive_fell(doc, fell, l);
    }
}

/// The customers in both quarters whose P(alive) fell most (at least `FELL_POINTS` points),
/// largest fall first, or the sentence saying none fell that much.
fn alive_fell(doc: &mut Layout, fell: &AliveFell, l: Lang) {
    subheading(
        doc,
        &messages::alive_fell_heading(l, FELL_POINTS, FELL_LISTED),
    );
    if fell.listed.is_empty() {
        para(doc, &messages::alive_fell_none(l, FELL_POINTS));
        return;
    }
    para(
        doc,
        &messages::alive_fell_count(l, fell.total, FELL_POINTS, fell.listed.len()),
    );
    let unit = MoneyUnit::Wan;
    let columns = [
        Column::new(say!(l, "客户编码", "Code"), 0.9, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.2, Align::Left),
        Column::new(say!(l, "本期等级", "Current tier"), 0.9, Align::Left),
        Column::new(
            say!(l, "存活概率 上期 → 本期", "P(alive) before → now"),
            1.7,
            Align::Right,
        ),
        Column::new(
            say!(l, "变化（百分点）", "Change (points)"),
            1.0,
            Align::Right,
        ),
        Column::new(
            money_header(&say!(l, "消费金额", "Amount"), unit, l),
            1.0,
            Align::Right,
        ),
    ];
    let rows: Vec<Vec<String>> = fell
        .listed
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.name.clone(),
                d.tier.label(l).to_string(),
                messages::alive_before_now(d.before, d.after),
                format!("{:+.1}", d.points()),
                d.amount
                    .map(|a| unit.format(a))
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}

/// Both quarters named, with their as-of dates and tier cut-offs.
fn periods(doc: &mut Layout, m: &Migration, l: Lang) {
    let before = messages::quarter_named(l, m.previous_period.as_ref(), &m.previous_file);
    let after = messages::quarter_named(l, m.current_period.as_ref(), "");
    subheading(doc, &messages::migration_title(l, &before, &after));
    let columns = [
        Column::new(say!(l, "期次", "Quarter"), 0.8, Align::Left),
        Column::new(say!(l, "期间", "Period"), 0.8, Align::Left),
        Column::new(say!(l, "基准日", "As-of date"), 1.0, Align::Left),
        Column::new(say!(l, "核心客户 ≥", "Core ≥"), 1.0, Align::Right),
        Column::new(say!(l, "潜力客户 ≥", "Potential ≥"), 1.0, Align::Right),
    ];
    let quarters = [
        (say!(l, "上期", "Previous"), &m.previous_period),
        (say!(l, "本期", "Current"), &m.current_period),
    ];
    let mut unknown = false;
    let rows: Vec<Vec<String>> = quarters
        .into_iter()
        .map(|(label, facts)| {
            let (period, as_of, cut) = match facts {
                Some(f) => (
                    f.period.clone(),
                    f.as_of.format("%Y-%m-%d").to_string(),
                    f.cutoffs,
                ),
                None => (say!(l, "未知", "unknown"), "—".into(), None),
            };
            unknown |= cut.is_none();
            let (core, potential) = match cut {
                Some((c, p)) => (format::score(c), format::score(p)),
                None => ("—".into(), "—".into()),
            };
            vec![label, period, as_of, core, potential]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    if unknown {
        note(
            doc,
            &say!(l, "—：{}。", "—: {}.", messages::cutoffs_unknown(l)),
        );
    }
}

/// The tier transition matrix, with the lost and new customers as its last column and row.
fn matrix(doc: &mut Layout, m: &Migration, l: Lang) {
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
}

/// The new (or lost) 核心/潜力 customers by name with tier, score and amount, highest score
/// first; past `NAMED`, the rest are counted.
fn named(doc: &mut Layout, m: &Migration, l: Lang, new: bool) {
    let valued = |t: Option<Tier>| matches!(t, Some(Tier::Core | Tier::Potential));
    let list: Vec<&Move> = if new {
        m.new.iter().filter(|mv| valued(mv.after)).collect()
    } else {
        m.lost.iter().filter(|mv| valued(mv.before)).collect()
    };
    subheading(
        doc,
        &if new {
            say!(
                l,
                "新增的核心/潜力客户（{} 家）",
                "New core and potential customers ({})",
                format::count(list.len())
            )
        } else {
            say!(
                l,
                "流失的核心/潜力客户（{} 家，按上期等级）",
                "Lost core and potential customers ({}, by previous tier)",
                format::count(list.len())
            )
        },
    );
    if list.is_empty() {
        para(doc, &say!(l, "没有。", "None."));
        return;
    }
    let shown = &list[..list.len().min(NAMED)];
    let unit = MoneyUnit::for_max(shown.iter().filter_map(|mv| mv.amount).fold(0.0, f64::max));
    let columns = [
        Column::new(say!(l, "客户编码", "Code"), 1.0, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.8, Align::Left),
        Column::new(say!(l, "等级", "Tier"), 1.0, Align::Left),
        Column::new(say!(l, "综合得分", "Total score"), 0.9, Align::Right),
        Column::new(
            money_header(&say!(l, "消费金额", "Amount"), unit, l),
            1.1,
            Align::Right,
        ),
    ];
    let rows: Vec<Vec<String>> = shown
        .iter()
        .map(|mv| {
            let tier = if new { mv.after } else { mv.before };
            let score = if new { mv.score_after } else { mv.score_before };
            vec![
                mv.code.clone(),
                mv.name.clone(),
                tier.map(|t| t.label(l).to_string()).unwrap_or_default(),
                score.map(format::score).unwrap_or_else(|| "—".into()),
                mv.amount
                    .map(|a| unit.format(a))
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    if list.len() > shown.len() {
        note(doc, &messages::and_more(l, list.len() - shown.len()));
    }
}

/// The customers whose total score changed most among those who changed tier, with the
/// dimension score that changed most.
fn movers(doc: &mut Layout, m: &Migration, l: Lang) {
    subheading(
        doc,
        &say!(
            l,
            "变动最大的客户（按综合得分变化，前 15 名）",
            "Largest movers (by change in total score, top 15)"
        ),
    );
    let mut movers: Vec<&Move> = m.upgraded.iter().chain(&m.downgraded).collect();
    let delta = |mv: &Move| mv.score_after.unwrap_or(0.0) - mv.score_before.unwrap_or(0.0);
    movers.sort_by(|x, y| {
        delta(y)
            .abs()
            .total_cmp(&delta(x).abs())
            .then_with(|| x.code.cmp(&y.code))
    });
    movers.truncate(MOVERS);
    if movers.is_empty() {
        para(
            doc,
            &say!(l, "没有客户改变等级。", "No customer changed tier."),
        );
        return;
    }
    let columns = [
        Column::new(say!(l, "客户编码", "Code"), 1.0, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.0, Align::Left),
        Column::new(say!(l, "上期等级", "Previous tier"), 0.9, Align::Left),
        Column::new(say!(l, "本期等级", "Current tier"), 0.9, Align::Left),
        Column::new(say!(l, "上期得分", "Previous score"), 0.9, Align::Right),
        Column::new(say!(l, "本期得分", "Current score"), 0.9, Align::Right),
        Column::new(say!(l, "变化", "Change"), 0.8, Align::Right),
        Column::new(say!(l, "主要原因", "Mainly"), 1.6, Align::Left),
    ];
    let tier_text = |t: Option<Tier>| {
        t.map(|t| t.label(l).to_string())
            .unwrap_or_else(|| "—".into())
    };
    let rows: Vec<Vec<String>> = movers
        .iter()
        .map(|mv| {
            let why = mv
                .driver
                .map(|d| {
                    // The page is narrow: 活跃 / Activity, without 得分 / Score.
                    let header = DIMENSIONS[d.dimension].header;
                    let short = match l {
                        Lang::Zh => header.0.trim_end_matches("得分"),
                        Lang::En => header.1.trim_end_matches(" Score"),
                    };
                    messages::moved_because(l, short, d.change)
                })
                .unwrap_or_else(|| "—".into());
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
                why,
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    note(
        doc,
        &say!(
            l,
            "主要原因：两期之间变化最大的维度得分（规模、价值、活跃、满意、潜力）。",
            "Mainly: the dimension score (size, value, activity, satisfaction, potential) that changed most between the quarters."
        ),
    );
}
