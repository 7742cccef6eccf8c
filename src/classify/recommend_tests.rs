//! Tests of the credit rules and the recommendations (classify stage, recommend.rs).

use super::*;
use crate::messages;
use crate::model::Lang;
use crate::profile::Profile;

/// The credit advice with its reason worded.
struct Worded {
    limit: f64,
    settlement: Settlement,
    reason: String,
}

/// [`super::credit`], its reason worded in `lang`.
fn credit(input: &CreditInput, tier: Tier, s: &CreditSettings, lang: Lang) -> Worded {
    let a = super::credit(input, tier, s);
    Worded {
        limit: a.limit,
        settlement: a.settlement,
        reason: messages::credit_reason(lang, &a.reason),
    }
}

/// [`super::recommend`], product and services worded in `lang`.
fn recommend(rules: &[RecommendRule], c: &RecommendInput<'_>, lang: Lang) -> (String, String) {
    let (product, services) = super::recommend(rules, c);
    (
        messages::recommended_product(lang, &product),
        messages::recommended_services(lang, &services),
    )
}

fn settings() -> CreditSettings {
    CreditSettings::default()
}

fn input(overdue: Option<f64>, receivable: Option<f64>, complaints: Option<f64>) -> CreditInput {
    CreditInput {
        overdue_days: overdue,
        receivable,
        monetary: Some(100_000.0),
        complaints,
    }
}

/// Each risk rule at and just below its threshold (defaults: overdue 1/30/90, receivable
/// 30 %/60 % of the amount, complaints 1/3).
#[test]
fn risk_levels_at_each_threshold() {
    use RiskLevel::*;
    let cases = [
        (input(None, None, None), A),
        (input(Some(0.0), Some(0.0), Some(0.0)), A),
        (input(Some(1.0), None, None), B),
        (input(Some(29.0), None, None), B),
        (input(Some(30.0), None, None), C),
        (input(Some(89.0), None, None), C),
        (input(Some(90.0), None, None), D),
        (input(None, Some(29_999.0), None), A),
        (input(None, Some(30_000.0), None), C),
        (input(None, Some(59_999.0), None), C),
        (input(None, Some(60_000.0), None), D),
        (input(None, None, Some(1.0)), B),
        (input(None, None, Some(2.0)), B),
        (input(None, None, Some(3.0)), C),
        // the worst applies
        (input(Some(5.0), Some(70_000.0), Some(1.0)), D),
        (input(Some(f64::NAN), None, None), A),
    ];
    for (i, (inp, want)) in cases.iter().enumerate() {
        let (got, why) = risk_level(inp, &settings());
        assert_eq!(got, *want, "case {i}: {inp:?} ({why:?})");
    }
}

/// Limit = amount × tier share × risk factor, floored to 1000; settlement by risk and tier.
#[test]
fn credit_limit_and_settlement_by_tier_and_risk() {
    use Settlement::*;
    let cases = [
        (Tier::Core, None, 30_000.0, Net60),
        (Tier::Potential, None, 20_000.0, Net30),
        (Tier::General, None, 10_000.0, OnDelivery),
        (Tier::Core, Some(10.0), 21_000.0, Net30),
        (Tier::General, Some(10.0), 7_000.0, OnDelivery),
        (Tier::Core, Some(45.0), 12_000.0, OnDelivery),
        (Tier::Potential, Some(45.0), 8_000.0, Prepay),
        (Tier::Core, Some(120.0), 0.0, Prepay),
    ];
    for (tier, overdue, limit, settlement) in cases {
        let advice = credit(&input(overdue, None, None), tier, &settings(), Lang::Zh);
        assert_eq!(
            advice.limit, limit,
            "{tier:?} overdue {overdue:?}: {}",
            advice.reason
        );
        assert_eq!(
            advice.settlement, settlement,
            "{tier:?} overdue {overdue:?}"
        );
    }
    let a = credit(
        &input(Some(10.0), None, None),
        Tier::Core,
        &settings(),
        Lang::Zh,
    );
    assert_eq!(
        a.reason,
        "风险B：逾期10天；额度=累计金额100,000元×30%×0.7=21,000元；核心客户，建议月结30天"
    );
    let none = CreditInput::default();
    let a = credit(&none, Tier::Core, &settings(), Lang::En);
    assert_eq!(a.limit, 0.0);
    assert!(a.reason.contains("no amount on record"), "{}", a.reason);
    let mut capped = settings();
    capped.max_limit = 5_000.0;
    let a = credit(&input(None, None, None), Tier::Core, &capped, Lang::Zh);
    assert_eq!(a.limit, 5_000.0);
    assert!(a.reason.contains("已封顶"), "{}", a.reason);
}

fn software() -> Profile {
    Profile::builtin("software", Lang::Zh).unwrap().unwrap()
}

fn decoration() -> Profile {
    Profile::builtin("decoration", Lang::Zh).unwrap().unwrap()
}

#[test]
fn software_product_editions() {
    let p = software();
    let cases = [
        (Some(SizeClass::Large), None, "旗舰版/定制"),
        (Some(SizeClass::Large), Some(1.0), "旗舰版/定制"),
        (Some(SizeClass::Medium), None, "专业版"),
        (Some(SizeClass::Small), Some(2.0), "轻量版"),
        (Some(SizeClass::Small), Some(3.0), "标准版"),
        (Some(SizeClass::Micro), Some(10.0), "轻量版"),
        (Some(SizeClass::Unknown), None, "标准版"),
    ];
    for (size, age, want) in cases {
        let c = RecommendInput {
            size,
            age_years: age,
            ..Default::default()
        };
        let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(product, want, "{size:?} age {age:?}");
    }
}

#[test]
fn software_modules_and_services() {
    let p = software();
    let bought_cost = vec!["成本核算".to_string()];
    let none: Vec<String> = Vec::new();
    // (group, tier, churn, frequency ratio, modules in use, expected services)
    type Case<'a> = (
        Option<IndustryGroup>,
        Tier,
        Level,
        Option<f64>,
        &'a Vec<String>,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            Some(IndustryGroup::Manufacturing),
            Tier::Core,
            Level::Low,
            None,
            &none,
            "成本管理、专属客户经理",
        ),
        (
            Some(IndustryGroup::Manufacturing),
            Tier::Core,
            Level::Low,
            None,
            &bought_cost,
            "专属客户经理",
        ),
        (
            Some(IndustryGroup::Construction),
            Tier::Potential,
            Level::Low,
            None,
            &none,
            "项目成本/合同管理、营销推送/优惠券",
        ),
        (
            Some(IndustryGroup::Services),
            Tier::General,
            Level::High,
            None,
            &none,
            "收入确认/应收管理、标准化服务、挽留回访",
        ),
        (
            Some(IndustryGroup::Retail),
            Tier::General,
            Level::Medium,
            Some(2.0),
            &none,
            "资金管理、进销存、标准化服务",
        ),
        (
            Some(IndustryGroup::Other),
            Tier::Potential,
            Level::Low,
            Some(1.49),
            &none,
            "营销推送/优惠券",
        ),
    ];
    for (group, tier, churn, ratio, modules, want) in cases {
        let c = RecommendInput {
            group,
            tier: Some(tier),
            churn: Some(churn),
            frequency_ratio: ratio,
            modules,
            ..Default::default()
        };
        let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(
            services, want,
            "{group:?} {tier:?} {churn:?} {ratio:?} {modules:?}"
        );
    }
}

#[test]
fn decoration_by_style_budget_and_projects() {
    let p = decoration();
    let cases = [
        (
            Some("现代简约"),
            None,
            None,
            None,
            "标准全包套餐",
            "智能家居配套、标准化服务",
        ),
        (
            Some("新中式"),
            Some(350_000.0),
            None,
            None,
            "品质全包套餐",
            "实木定制家具、高端定制服务包、标准化服务",
        ),
        (
            None,
            Some(800_000.0),
            None,
            Some(3.0),
            "高端定制整装",
            "高端定制服务包、老客户回馈礼包、标准化服务",
        ),
        (
            Some("北欧"),
            None,
            Some(150.0),
            None,
            "大宅整装套餐",
            "全屋收纳定制、全屋定制、标准化服务",
        ),
    ];
    for (style, budget, area, projects, product, services) in cases {
        let c = RecommendInput {
            style,
            budget,
            area,
            projects,
            tier: Some(Tier::General),
            churn: Some(Level::Low),
            ..Default::default()
        };
        let got = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(got.0, product, "{style:?} {budget:?} {area:?} {projects:?}");
        assert_eq!(
            got.1, services,
            "{style:?} {budget:?} {area:?} {projects:?}"
        );
    }
    let c = RecommendInput {
        style: Some("简约"),
        tier: Some(Tier::Core),
        ..Default::default()
    };
    let (product, services) = recommend(&p.recommend, &c, Lang::En);
    assert_eq!(product, "Standard package");
    assert_eq!(services, "Smart-home bundle, Dedicated designer");
}

/// Step-up rules: active core and potential customers move one edition up, with the reason;
/// a high churn risk, low activity or no open need leaves the size rules to decide.
#[test]
fn step_up_rules_move_active_customers_one_edition_up() {
    let p = software();
    let needs = vec!["项目管理".to_string(), "预算管理".to_string()];
    let modules = vec!["基础财务核算".to_string(), "预算".to_string()];
    let none: Vec<String> = Vec::new();
    // (tier, churn, activity, owned, needs, product)
    type Case<'a> = (Tier, Level, f64, &'a str, &'a Vec<String>, &'a str);
    let cases: Vec<Case> = vec![
        (
            Tier::Core,
            Level::Low,
            70.0,
            "专业版",
            &none,
            "专业版 → 旗舰版/定制版（核心客户，使用活跃）",
        ),
        (
            Tier::Core,
            Level::Medium,
            50.0,
            "标准版",
            &none,
            "标准版 → 专业版（核心客户，使用活跃）",
        ),
        (
            Tier::Core,
            Level::High,
            70.0,
            "标准版",
            &none,
            "维持现有版本（标准版符合规模与需要）",
        ),
        (
            Tier::Core,
            Level::Low,
            40.0,
            "标准版",
            &none,
            "维持现有版本（标准版符合规模与需要）",
        ),
        (
            Tier::Core,
            Level::Low,
            90.0,
            "旗舰版",
            &none,
            "维持现有版本（已是最高版本旗舰版）",
        ),
        (
            Tier::Potential,
            Level::Low,
            60.0,
            "标准版",
            &needs,
            "标准版 → 专业版（潜力客户，使用活跃且有未购需求）",
        ),
        (
            Tier::Potential,
            Level::Low,
            60.0,
            "标准版",
            &none,
            "维持现有版本（标准版符合规模与需要）",
        ),
        (
            Tier::General,
            Level::Low,
            65.0,
            "轻量版",
            &needs,
            "轻量版 → 标准版（使用活跃且有未购需求）",
        ),
        (
            Tier::General,
            Level::Low,
            65.0,
            "标准版",
            &needs,
            "维持现有版本（标准版符合规模与需要）",
        ),
    ];
    for (tier, churn, activity, owned, needs, want) in cases {
        let c = RecommendInput {
            size: Some(SizeClass::Unknown),
            tier: Some(tier),
            churn: Some(churn),
            activity: Some(activity),
            owned: Some(owned),
            needs,
            modules: &modules,
            ..Default::default()
        };
        let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(product, want, "{tier:?} {churn:?} {activity} {owned}");
    }
    // Without an edition on record a step-up rule says nothing: the size rules decide.
    let c = RecommendInput {
        size: Some(SizeClass::Medium),
        tier: Some(Tier::Core),
        churn: Some(Level::Low),
        activity: Some(90.0),
        ..Default::default()
    };
    assert_eq!(recommend(&p.recommend, &c, Lang::Zh).0, "专业版");
    let c = RecommendInput {
        size: Some(SizeClass::Unknown),
        tier: Some(Tier::Core),
        churn: Some(Level::Low),
        activity: Some(90.0),
        owned: Some("专业版"),
        ..Default::default()
    };
    assert_eq!(
        recommend(&p.recommend, &c, Lang::En).0,
        "Professional → Flagship / custom (core customer, active user)"
    );
}

/// The modules asked for and not yet used come first in 推荐服务, and a group rule for the
/// same module is not repeated under another name.
#[test]
fn modules_asked_for_and_not_used_are_advised() {
    let p = software();
    let needs = vec![
        "项目管理".to_string(),
        "预算管理".to_string(),
        "项目管理".to_string(),
    ];
    let modules = vec!["基础财务核算".to_string(), "预算管理".to_string()];
    let c = RecommendInput {
        group: Some(IndustryGroup::Construction),
        tier: Some(Tier::Potential),
        churn: Some(Level::Low),
        needs: &needs,
        modules: &modules,
        ..Default::default()
    };
    let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
    assert_eq!(services, "项目管理、营销推送/优惠券");
    assert_eq!(
        open_needs(&needs, &[normalise("项目管理系统")]),
        vec!["预算管理"]
    );
    // At high churn risk the customer is called first, not sold to.
    let c = RecommendInput {
        churn: Some(Level::High),
        ..c
    };
    let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
    assert_eq!(services, "项目成本/合同管理、营销推送/优惠券、挽留回访");
}

#[test]
fn money_has_thousands_separators() {
    for (v, want) in [
        (0.0, "0"),
        (999.0, "999"),
        (1000.0, "1,000"),
        (1234567.8, "1,234,568"),
        (-2500.0, "-2,500"),
    ] {
        assert_eq!(messages::grouped(v), want);
    }
}

/// Against the edition owned: the next step up, or 维持现有版本 with the reason — never a
/// downgrade, whatever the rule advises.
#[test]
fn product_advice_steps_up_from_the_owned_edition_and_never_down() {
    let p = software();
    let cases = [
        (
            SizeClass::Medium,
            "标准版",
            "标准版 → 专业版（按规模与需要宜用专业版）",
        ),
        (
            SizeClass::Large,
            "轻量版",
            "轻量版 → 标准版（按规模与需要宜用旗舰版/定制版）",
        ),
        (
            SizeClass::Medium,
            "专业版",
            "维持现有版本（专业版符合规模与需要）",
        ),
        (
            SizeClass::Micro,
            "专业版",
            "维持现有版本（已用专业版，高于按规则推荐的轻量版，不降级）",
        ),
        (
            SizeClass::Small,
            "定制版",
            "维持现有版本（已是最高版本定制版）",
        ),
        (SizeClass::Medium, "某某套件", "专业版"),
    ];
    for (size, owned, want) in cases {
        let c = RecommendInput {
            size: Some(size),
            age_years: Some(10.0),
            owned: Some(owned),
            ..Default::default()
        };
        let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(product, want, "{size:?} owning {owned}");
    }
    let c = RecommendInput {
        size: Some(SizeClass::Large),
        owned: Some("专业版"),
        ..Default::default()
    };
    let (product, _) = recommend(&p.recommend, &c, Lang::En);
    assert_eq!(
        product,
        "Professional → Flagship / custom (the size and needs call for Flagship / custom)"
    );
    assert_eq!(
        product_move("维持现有版本（已是最高版本定制版）"),
        "维持现有版本"
    );
    assert_eq!(product_move("标准版 → 专业版"), "标准版 → 专业版");
}
