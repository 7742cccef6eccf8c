//! Stage 4, classify — the findings classify adds to the data-quality ledger: an industry text no
//! keyword maps (once per distinct text, at its first customer's row), and a weighted dimension no
//! customer has any data for (once, instead of "missing" on every row).

use std::collections::BTreeMap;

use crate::classify::facts::Facts;
use crate::messages;
use crate::model::{CustomerRecord, Finding, FindingKind, Lang};
use crate::profile::Dimension;

/// One finding per distinct industry text that no keyword maps, at its first customer's row.
pub(super) fn unmapped_industry_findings(
    customers: &[CustomerRecord],
    facts: &[Facts],
    lang: Lang,
) -> Vec<Finding> {
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if f.industry.mapped() {
            continue;
        }
        let Some(text) = f
            .industry_text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        let entry = seen.entry(text.to_string()).or_insert_with(|| {
            order.push(text.to_string());
            (i, 0)
        });
        entry.1 += 1;
    }
    order
        .into_iter()
        .filter_map(|text| {
            let (first, count) = *seen.get(&text)?;
            let src = &customers[first].source;
            Some(Finding {
                file: src.file.clone(),
                sheet: src.sheet.clone(),
                row: (src.row > 0).then_some(src.row),
                column: Some(lang.pick("所属行业", "industry").to_string()),
                value: text,
                kind: FindingKind::UnmappedIndustry,
                problem: messages::unmapped_industry_problem(lang, count),
                action: messages::unmapped_industry_action(lang),
                rejected: false,
            })
        })
        .collect()
}

/// The finding for a weighted dimension that no customer has any data for.
pub(super) fn absent_dimension_finding(d: Dimension, lang: Lang) -> Finding {
    let fields = match d {
        Dimension::Size => lang.pick(
            "员工人数、营业收入、资产总额",
            "employees, revenue, total assets",
        ),
        Dimension::Value => lang.pick(
            "累计购买金额、成交次数、最近购买日期、续费率或销售明细",
            "total spend, orders, last purchase, renewal rate or sales lines",
        ),
        Dimension::Activity => lang.pick(
            "近90天登录次数、最近登录、使用模块、使用时长或登录记录",
            "logins, last login, modules, usage hours or login records",
        ),
        Dimension::Satisfaction => lang.pick(
            "满意度、推荐意愿或满意度调查",
            "satisfaction, NPS or survey answers",
        ),
        Dimension::Potential => lang.pick(
            "预算、需求模块、逐年消费金额、企业规模、房屋面积、跟进阶段",
            "budget, needs, yearly amounts, size, house area, stage",
        ),
    };
    Finding {
        file: String::new(),
        sheet: String::new(),
        row: None,
        column: None,
        value: String::new(),
        kind: FindingKind::Other,
        problem: messages::dimension_absent_problem(lang, d.label(lang), fields),
        action: messages::dimension_absent_action(lang),
        rejected: false,
    }
}
