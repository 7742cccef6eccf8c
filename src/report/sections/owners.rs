//! Report section 按负责人跟进: per owner (业务员 / 客户经理 / 设计师), the customers to act on by name —
//! core customers at risk, potential customers to develop, lost key accounts — with amount (万元)
//! and the suggested action. Only when the input has an owner column; the lists come from
//! `figures::owners`, as the workbook's 跟进清单 does.

use super::{note, para, section_titled, subheading, TABLE};
use crate::figures::owners::{FollowUp, FollowUpItem};
use crate::figures::Figures;
use crate::messages;
use crate::model::{Analysis, Lang};
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;

/// The most customers of one list shown per owner (the workbook has them all).
const SHOWN_PER_LIST: usize = 5;

/// Writes the section, or nothing when no customer has an owner.
pub(super) fn owners(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let l = a.run.lang;
    let Some(lists) = &f.owners else {
        return;
    };
    section_titled(doc, &say!(l, "按负责人跟进", "Follow-up by owner"), 60.0);
    let listed: usize = lists.iter().map(|o| o.items.len()).sum();
    let at_stake: f64 = lists.iter().map(|o| o.amount).sum();
    para(
        doc,
        &messages::owners_intro(lists.len(), listed, &format::money(at_stake, l), l),
    );
    let unit = MoneyUnit::for_max(
        lists
            .iter()
            .flat_map(|o| o.items.iter().map(|i| i.amount))
            .fold(0.0, f64::max),
    );
    let columns = [
        Column::new(say!(l, "跟进事项", "Follow-up"), 1.3, Align::Left),
        Column::new(say!(l, "客户名称", "Customer"), 2.6, Align::Left),
        Column::new(
            match l {
                Lang::Zh => format!("金额（{}）", unit.name(l)),
                Lang::En => format!("Amount ({})", unit.name(l)),
            },
            0.9,
            Align::Right,
        ),
        Column::new(say!(l, "建议行动", "Suggested action"), 3.6, Align::Left),
    ];
    for list in lists {
        let owner = list
            .owner
            .as_deref()
            .unwrap_or_else(|| messages::owner_unassigned(l));
        let counts: Vec<(String, usize)> = FollowUp::ALL
            .iter()
            .map(|k| (messages::follow_up_label(*k, l).to_string(), list.count(*k)))
            .collect();
        // The heading with the table's header and first rows, never alone at a page's foot.
        doc.ensure(48.0);
        subheading(
            doc,
            &messages::owner_heading(owner, &counts, &format::money(list.amount, l), l),
        );
        let shown: Vec<&FollowUpItem> = FollowUp::ALL
            .iter()
            .flat_map(|k| {
                list.items
                    .iter()
                    .filter(move |i| i.kind == *k)
                    .take(SHOWN_PER_LIST)
            })
            .collect();
        let rows: Vec<Vec<String>> = shown
            .iter()
            .map(|i| {
                let c = i.customer;
                vec![
                    messages::follow_up_label(i.kind, l).to_string(),
                    c.record
                        .name
                        .clone()
                        .unwrap_or_else(|| c.record.code.clone()),
                    unit.format(i.amount),
                    messages::follow_up_action(i.kind, c, l),
                ]
            })
            .collect();
        doc.table(&columns, &rows, TABLE);
        if shown.len() < list.items.len() {
            note(
                doc,
                &messages::owner_more(SHOWN_PER_LIST, list.items.len(), l),
            );
        }
    }
}
