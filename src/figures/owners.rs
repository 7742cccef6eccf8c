//! Stage 7, figures: the follow-up lists per owner (业务员 / 客户经理 / 设计师) that both the workbook
//! (跟进清单) and the report (按负责人跟进) show — each owner's core customers at risk, potential
//! customers to develop and lost key accounts, owners by the amount at stake. Computed once here so
//! the two outputs list the same customers in the same order.

use super::amount_of;
use crate::model::{Classified, Level, Lifecycle, RfmClass, Tier};

/// Why a customer is on an owner's list (the order is the order of the lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FollowUp {
    /// A core customer with a medium or high churn risk, or in decline.
    CoreAtRisk,
    /// A potential customer not lost: the one to develop into a core customer.
    PotentialToDevelop,
    /// A lost customer that mattered: core or potential, or a high-value RFM class.
    LostKeyAccount,
}

impl FollowUp {
    /// The three lists, in the order shown.
    pub const ALL: [FollowUp; 3] = [
        FollowUp::CoreAtRisk,
        FollowUp::PotentialToDevelop,
        FollowUp::LostKeyAccount,
    ];

    /// The list a customer belongs on, if any.
    pub fn of(c: &Classified) -> Option<FollowUp> {
        let lost = c.lifecycle == Lifecycle::Lost;
        let valuable_rfm = matches!(
            c.rfm,
            Some(
                RfmClass::ImportantValue
                    | RfmClass::ImportantDevelop
                    | RfmClass::ImportantKeep
                    | RfmClass::ImportantRetain
            )
        );
        if lost {
            return (c.tier != Tier::General || valuable_rfm).then_some(FollowUp::LostKeyAccount);
        }
        match c.tier {
            Tier::Core if c.churn_risk != Level::Low || c.lifecycle == Lifecycle::Declining => {
                Some(FollowUp::CoreAtRisk)
            }
            Tier::Potential => Some(FollowUp::PotentialToDevelop),
            _ => None,
        }
    }
}

/// One customer on an owner's list.
#[derive(Debug, Clone, Copy)]
pub struct FollowUpItem<'a> {
    /// The customer.
    pub customer: &'a Classified,
    /// Which list.
    pub kind: FollowUp,
    /// The customer's net amount (元), as 消费金额.
    pub amount: f64,
}

/// One owner's customers to act on.
#[derive(Debug, Clone)]
pub struct OwnerList<'a> {
    /// The owner as written; `None` for the customers without one (未分配).
    pub owner: Option<String>,
    /// All the owner's customers (listed or not).
    pub customers: usize,
    /// The customers to act on: by list, then amount (largest first), then code.
    pub items: Vec<FollowUpItem<'a>>,
    /// The amount at stake: the listed customers' amounts (元).
    pub amount: f64,
}

impl OwnerList<'_> {
    /// How many customers are on list `kind`.
    pub fn count(&self, kind: FollowUp) -> usize {
        self.items.iter().filter(|i| i.kind == kind).count()
    }
}

/// The follow-up lists, one per owner with at least one customer to act on, by amount at stake
/// (largest first, then name), the customers without an owner (未分配) last. `None` when no
/// customer has an owner (the input has no owner column): then neither output shows them.
pub fn owner_lists(customers: &[Classified]) -> Option<Vec<OwnerList<'_>>> {
    let owner_of = |c: &Classified| {
        c.record
            .owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
    };
    if !customers.iter().any(|c| owner_of(c).is_some()) {
        return None;
    }
    let mut lists: Vec<OwnerList<'_>> = Vec::new();
    for c in customers {
        let owner = owner_of(c);
        let at = match lists.iter().position(|l| l.owner == owner) {
            Some(i) => i,
            None => {
                lists.push(OwnerList {
                    owner,
                    customers: 0,
                    items: Vec::new(),
                    amount: 0.0,
                });
                lists.len() - 1
            }
        };
        let list = &mut lists[at];
        list.customers += 1;
        if let Some(kind) = FollowUp::of(c) {
            let amount = amount_of(c);
            list.amount += amount;
            list.items.push(FollowUpItem {
                customer: c,
                kind,
                amount,
            });
        }
    }
    lists.retain(|l| !l.items.is_empty());
    for l in &mut lists {
        l.items.sort_by(|x, y| {
            x.kind
                .cmp(&y.kind)
                .then_with(|| y.amount.total_cmp(&x.amount))
                .then_with(|| x.customer.record.code.cmp(&y.customer.record.code))
        });
    }
    lists.sort_by(|x, y| {
        x.owner
            .is_none()
            .cmp(&y.owner.is_none())
            .then_with(|| y.amount.total_cmp(&x.amount))
            .then_with(|| x.owner.cmp(&y.owner))
    });
    Some(lists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edition, Lang, Product, ProfileText, Service};
    use crate::testdata;

    #[test]
    fn no_owner_column_no_lists() {
        let a = testdata::analysis(40, Lang::Zh);
        let mut customers = a.classification.customers.clone();
        for c in &mut customers {
            c.record.owner = None;
        }
        assert!(owner_lists(&customers).is_none());
    }

    /// Owners by amount at stake, 未分配 last; each list by kind then amount; every listed
    /// customer is on the list its tier, churn risk and lifecycle say.
    #[test]
    fn lists_by_amount_at_stake_with_unassigned_last() {
        let a = testdata::analysis(120, Lang::Zh);
        let mut customers = a.classification.customers.clone();
        for (i, c) in customers.iter_mut().enumerate() {
            c.record.owner = match i % 4 {
                0 => Some("赵磊".into()),
                1 => Some("王建国".into()),
                2 => Some(" 李娜 ".into()),
                _ => None,
            };
        }
        let lists = owner_lists(&customers).unwrap();
        assert_eq!(lists.last().unwrap().owner, None);
        let named: Vec<&OwnerList> = lists.iter().filter(|l| l.owner.is_some()).collect();
        assert!(named.windows(2).all(|w| w[0].amount >= w[1].amount));
        assert!(named.iter().any(|l| l.owner.as_deref() == Some("李娜")));
        for l in &lists {
            assert!(l
                .items
                .windows(2)
                .all(|w| w[0].kind < w[1].kind
                    || (w[0].kind == w[1].kind && w[0].amount >= w[1].amount)));
            let sum: f64 = l.items.iter().map(|i| i.amount).sum();
            assert!((sum - l.amount).abs() < 1e-6);
            for i in &l.items {
                assert_eq!(FollowUp::of(i.customer), Some(i.kind));
                match i.kind {
                    FollowUp::CoreAtRisk => assert_eq!(i.customer.tier, Tier::Core),
                    FollowUp::PotentialToDevelop => {
                        assert_eq!(i.customer.tier, Tier::Potential)
                    }
                    FollowUp::LostKeyAccount => {
                        assert_eq!(i.customer.lifecycle, Lifecycle::Lost)
                    }
                }
            }
        }
        let listed: usize = lists.iter().map(|l| l.items.len()).sum();
        let expected = customers
            .iter()
            .filter(|c| FollowUp::of(c).is_some())
            .count();
        assert_eq!(listed, expected);
    }

    /// The words around the lists, word for word.
    #[test]
    fn follow_up_words() {
        use crate::messages::{follow_up_action, named_customers};
        let names: Vec<String> = (1..=12).map(|i| format!("客户{i}")).collect();
        assert_eq!(named_customers(&names[..2], 2, Lang::Zh), "客户1、客户2");
        assert_eq!(
            named_customers(&names, 1234, Lang::Zh),
            "客户1、客户2、客户3、客户4、客户5、客户6、客户7、客户8、客户9、客户10 等 1,234 家"
        );
        assert!(named_customers(&names, 12, Lang::En).ends_with("客户10 and 2 more"));
        let a = testdata::analysis(10, Lang::Zh);
        let mut c = a.classification.customers[0].clone();
        c.churn_risk = Level::Low;
        c.recommended_product = Product::StepUp {
            owned: "标准版".into(),
            have: Edition::Standard,
            why: "潜力客户，使用活跃且有未购需求".into(),
            why_en: None,
        };
        c.recommended_services = ["项目管理", "资金管理", "营销推送/优惠券"]
            .map(|s| {
                Service::Rule(ProfileText {
                    zh: s.into(),
                    en: None,
                })
            })
            .to_vec();
        assert_eq!(
            follow_up_action(FollowUp::PotentialToDevelop, &c, Lang::Zh),
            "推荐：标准版 → 专业版、项目管理"
        );
        c.recommended_product = Product::KeepFits {
            owned: "标准版".into(),
            have: Edition::Standard,
        };
        assert_eq!(
            follow_up_action(FollowUp::PotentialToDevelop, &c, Lang::Zh),
            "推荐：项目管理、资金管理"
        );
        c.churn_risk = Level::High;
        assert_eq!(
            follow_up_action(FollowUp::CoreAtRisk, &c, Lang::Zh),
            "一周内安排挽留回访，了解原因并制定挽回方案"
        );
        assert_eq!(
            follow_up_action(FollowUp::LostKeyAccount, &c, Lang::En),
            "Visit, learn why they left, and talk about winning them back"
        );
    }
}
