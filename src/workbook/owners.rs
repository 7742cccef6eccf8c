//! Stage 8 (workbook), 跟进清单 / Follow-up: one row per customer to act on, grouped by owner
//! (业务员 / 客户经理 / 设计师) in the order of `figures::owners` — owners by amount at stake, 未分配
//! last — with the list it is on, its amount and the suggested action. Written only when the input
//! has an owner column.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::pick;
use super::styles::{
    print_one_page_wide, put_number, put_plain_text, put_text, text_width, write_headers, Room,
    Styles, Widths,
};
use crate::figures::Figures;
use crate::messages;
use crate::model::Analysis;

/// The sheet's name (zh, en).
pub const OWNERS_SHEET: (&str, &str) = ("跟进清单", "Follow-up");

/// Writes 跟进清单 when some customer has an owner; nothing otherwise.
pub fn write(wb: &mut Workbook, a: &Analysis, f: &Figures, st: &Styles) -> Result<(), XlsxError> {
    let lang = a.run.lang;
    let Some(lists) = &f.owners else {
        return Ok(());
    };
    let ws = wb.add_worksheet();
    ws.set_name(pick(OWNERS_SHEET, lang))?;
    print_one_page_wide(ws);
    ws.set_repeat_rows(0, 0)?;
    let heads = [
        lang.pick("负责人", "Owner"),
        lang.pick("跟进事项", "Follow-up"),
        lang.pick("客户编码", "Customer Code"),
        lang.pick("客户名称", "Customer Name"),
        lang.pick("客户等级", "Tier"),
        lang.pick("流失风险", "Churn Risk"),
        lang.pick("生命周期", "Lifecycle"),
        lang.pick("消费金额(元)", "Monetary (CNY)"),
        lang.pick("推荐产品", "Recommended Product"),
        lang.pick("建议行动", "Suggested Action"),
    ];
    let mut widths = Widths::new(heads.len(), 50);
    write_headers(ws, 0, &heads, st, Some((&mut widths, Room::Filter)))?;
    let mut row = 0u32;
    for list in lists {
        let owner = list
            .owner
            .as_deref()
            .unwrap_or_else(|| messages::owner_unassigned(lang));
        for item in &list.items {
            row += 1;
            let c = item.customer;
            let action = messages::follow_up_action(item.kind, c, lang);
            let product = messages::recommended_product(lang, &c.recommended_product);
            let texts = [
                (0u16, owner),
                (1, messages::follow_up_label(item.kind, lang)),
                (2, c.record.code.as_str()),
                (3, c.record.name.as_deref().unwrap_or("")),
                (5, c.churn_risk.label(lang)),
                (6, c.lifecycle.label(lang)),
                (8, product.as_str()),
                (9, action.as_str()),
            ];
            for (col, text) in texts {
                put_plain_text(ws, row, col, text)?;
                widths.see(usize::from(col), text_width(text));
            }
            put_text(ws, row, 4, c.tier.label(lang), st.tier(c.tier))?;
            put_number(ws, row, 7, Some(item.amount), &st.money)?;
            widths.see(7, 14);
        }
    }
    ws.autofilter(0, 0, row, heads.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    widths.apply(ws)?;
    Ok(())
}
