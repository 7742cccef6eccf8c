//! Sentences of the per-owner follow-up lists (跟进清单 sheet, 按负责人跟进 section) and the named actions.

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── owners and follow-up (figures/owners.rs, workbook/owners.rs, report/sections/owners.rs, actions.rs) ─────────────────────────────

/// The name of a follow-up list (跟进事项).
pub fn follow_up_label(kind: crate::figures::owners::FollowUp, lang: Lang) -> &'static str {
    use crate::figures::owners::FollowUp;
    match kind {
        FollowUp::CoreAtRisk => lang.pick("核心客户流失风险", "Core customer at risk"),
        FollowUp::PotentialToDevelop => lang.pick("潜力客户待开发", "Potential to develop"),
        FollowUp::LostKeyAccount => lang.pick("流失大客户", "Lost key account"),
    }
}

/// The group of customers without an owner.
pub fn owner_unassigned(lang: Lang) -> &'static str {
    lang.pick("未分配", "Unassigned")
}

/// The suggested action for one customer on a follow-up list: what the list asks for, with the
/// customer's own recommendation (an upgrade, the first modules or services) where it has one.
pub fn follow_up_action(
    kind: crate::figures::owners::FollowUp,
    c: &crate::model::Classified,
    lang: Lang,
) -> String {
    use crate::figures::owners::FollowUp;
    use crate::model::Level;
    let offer = || {
        // An upgrade and one more item, or two items: what fits one line of the report.
        let mut parts: Vec<&str> = Vec::new();
        let product = recommended_product(lang, &c.recommended_product);
        let product = crate::classify::recommend::product_move(&product);
        if product.contains('→') {
            parts.push(product);
        }
        let services = recommended_services(lang, &c.recommended_services);
        parts.extend(
            services
                .split(['、', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .take(2 - parts.len()),
        );
        parts.join(lang.pick("、", ", "))
    };
    match kind {
        FollowUp::CoreAtRisk if c.churn_risk == Level::High => crate::say!(
            lang,
            "一周内安排挽留回访，了解原因并制定挽回方案",
            "Call within a week, find out why and agree a plan to keep them"
        ),
        FollowUp::CoreAtRisk => crate::say!(
            lang,
            "本月安排回访，了解近况与需求，稳住合作",
            "Visit this month, hear how they are and what they need, keep the business"
        ),
        FollowUp::PotentialToDevelop if c.churn_risk == Level::High => crate::say!(
            lang,
            "先安排回访，了解不满意之处",
            "Call first and find out what is wrong"
        ),
        FollowUp::PotentialToDevelop => {
            let offer = offer();
            if offer.is_empty() {
                crate::say!(
                    lang,
                    "定向推送，开放试用，争取升级",
                    "Targeted offers and trials to move them up"
                )
            } else {
                crate::say!(lang, "推荐：{}", "Offer: {}", offer)
            }
        }
        FollowUp::LostKeyAccount => crate::say!(
            lang,
            "登门拜访，了解流失原因，商谈挽回",
            "Visit, learn why they left, and talk about winning them back"
        ),
    }
}

/// Customers named in a sentence: up to ten names, then "等 N 家" for the whole count.
pub fn named_customers(names: &[String], total: usize, lang: Lang) -> String {
    let shown = &names[..names.len().min(10)];
    let list = shown.join(lang.pick("、", ", "));
    if total > shown.len() {
        crate::say!(
            lang,
            "{} 等 {} 家",
            "{} and {} more",
            list,
            crate::report::format::count(match lang {
                Lang::Zh => total,
                Lang::En => total - shown.len(),
            })
        )
    } else {
        list
    }
}

/// 行动建议: the high-churn customers of a tier, named.
pub fn actions_high_churn(count: &str, names: &str, lang: Lang) -> String {
    crate::say!(
        lang,
        "其中 {} 家流失风险高（{}）：一周内安排挽留回访，了解原因并制定挽回方案。",
        "{} of them are at high churn risk ({}): call within a week, find out why, and agree a plan to win them back.",
        count,
        names
    )
}

/// The follow-up section's opening sentence.
pub fn owners_intro(owners: usize, listed: usize, amount: &str, lang: Lang) -> String {
    crate::say!(
        lang,
        "按负责人列出需要跟进的客户：核心客户中有流失风险的、待开发的潜力客户和已流失的大客户。共 {} 位负责人（含未分配）、{} 家客户，涉及金额 {}。每人列出金额最大的客户，完整清单见工作簿“跟进清单”表。",
        "The customers to follow up, by owner: core customers at risk, potential customers to develop and lost key accounts. {} owners (with the unassigned), {} customers, {} at stake. Each owner's largest customers are shown; the workbook's Follow-up sheet lists them all.",
        owners,
        listed,
        amount
    )
}

/// One owner's heading in the follow-up section.
pub fn owner_heading(owner: &str, counts: &[(String, usize)], amount: &str, lang: Lang) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| crate::say!(lang, "{} {} 家", "{}: {}", label, n))
        .collect();
    crate::say!(
        lang,
        "{}：{}，涉及 {}",
        "{}: {}; {} at stake",
        owner,
        parts.join(lang.pick("、", ", ")),
        amount
    )
}

/// Below an owner's table when more customers are listed in the workbook.
pub fn owner_more(per_list: usize, total: usize, lang: Lang) -> String {
    crate::say!(
        lang,
        "每类列出金额最大的 {} 家以内；此负责人共 {} 家，完整清单见工作簿“跟进清单”表。",
        "At most the {} largest of each list are shown, of {} in all; the workbook's Follow-up sheet lists them all.",
        per_list,
        total
    )
}
