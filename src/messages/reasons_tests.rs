//! Every reason renderer word for word, by variant, in both languages (issue 13).

use super::*;
use crate::messages::cluster_method;
use crate::model::{
    ClusterMethod, ClusterName, CreditLimit, CreditReason, Edition, Explanation, FeatureKind, Lang,
    Need, PaymentModel, PaymentReason, Product, ProfileText, RiskLevel, RiskWhy, Service,
    Settlement, SizeBasis, StdIndustryName, Tier, TierHow, TierRule,
};
use crate::profile::Dimension;

/// Renders in both languages.
fn both<T: ?Sized>(f: impl Fn(Lang, &T) -> String, v: &T) -> (String, String) {
    (f(Lang::Zh, v), f(Lang::En, v))
}

fn text(zh: &str, en: Option<&str>) -> ProfileText {
    ProfileText {
        zh: zh.into(),
        en: en.map(String::from),
    }
}

fn industry_350(revenue: Option<f64>) -> SizeBasis {
    SizeBasis::Standard {
        row: "工业",
        employees: Some(350.0),
        revenue,
        assets: None,
    }
}

#[test]
fn size_basis_and_std_industry() {
    let cases = [
        (
            SizeBasis::NotCovered {
                zh: "金融业",
                en: "Finance",
            },
            "金融业：《统计上大中小微型企业划分办法(2017)》不适用于该行业",
            "Finance: outside China's 2017 SME classification standard, size not applicable",
        ),
        (
            industry_350(Some(2500.0)),
            "工业：X=350人，Y=2500万元 → 中型",
            "Industry: X=350 persons, Y=2500 (10k CNY) → Medium",
        ),
        (
            industry_350(None),
            "工业：X=350人 → 中型（缺少营业收入，仅按从业人员判定）",
            "Industry: X=350 persons → Medium (no revenue; judged by employees alone)",
        ),
    ];
    for (basis, zh, en) in cases {
        assert_eq!(both(size_basis, &basis), (zh.into(), en.into()));
    }
    let row = StdIndustryName::Row {
        zh: "工业",
        en: "Industry",
    };
    assert_eq!(both(std_industry, &row), ("工业".into(), "Industry".into()));
    let not = StdIndustryName::NotCovered {
        zh: "金融业",
        en: "Finance",
    };
    assert_eq!(
        both(std_industry, &not),
        ("不适用（金融业）".into(), "Not applicable (Finance)".into())
    );
}

#[test]
fn needs_each_name_once_in_the_language() {
    let list = vec![
        Need::Named(text("报表分析", Some("Reporting"))),
        Need::Named(text("预算管理", None)),
        Need::AsWritten("Reporting".into()),
        Need::AsWritten("无人机巡检".into()),
    ];
    assert_eq!(
        needs(Lang::Zh, &list),
        vec!["报表分析", "预算管理", "Reporting", "无人机巡检"]
    );
    assert_eq!(
        needs(Lang::En, &list),
        vec!["Reporting", "预算管理", "无人机巡检"]
    );
    assert_eq!(profile_text(Lang::En, &text("整装", Some("  "))), "整装");
}

#[test]
fn payment_reasons() {
    assert_eq!(
        both(payment_reason, &PaymentReason::RenewalRate),
        (
            "付费模式按续费率推断为订阅".into(),
            "payment model inferred as subscription from the renewal rate".into()
        )
    );
    let product = PaymentReason::Product {
        product: "云服务年费".into(),
        model: PaymentModel::Subscription,
    };
    assert_eq!(
        both(payment_reason, &product),
        (
            "付费模式按产品“云服务年费”推断为订阅".into(),
            "payment model inferred as Subscription from the product \"云服务年费\"".into()
        )
    );
}

#[test]
fn credit_reasons_by_risk_and_limit() {
    let cases = [
        (
            CreditReason {
                risk: RiskLevel::B,
                why: vec![RiskWhy::Overdue(10.0)],
                limit: CreditLimit::Computed {
                    amount: 100_000.0,
                    share: 0.3,
                    factor: 0.7,
                    limit: 21_000.0,
                    capped: false,
                },
                tier: Tier::Core,
                settlement: Settlement::Net30,
            },
            "风险B：逾期10天；额度=累计金额100,000元×30%×0.7=21,000元；核心客户，建议月结30天",
            "Risk B: 10 days overdue; limit = amount 100,000 × 30% × 0.7 = 21,000; Core: Net 30",
        ),
        (
            CreditReason {
                risk: RiskLevel::A,
                why: Vec::new(),
                limit: CreditLimit::NoAmount,
                tier: Tier::General,
                settlement: Settlement::Prepay,
            },
            "风险A：无逾期、无投诉；无累计金额，额度为0；一般客户，建议预付款",
            "Risk A: nothing overdue, no complaints; no amount on record, limit 0; General: Prepayment",
        ),
        (
            CreditReason {
                risk: RiskLevel::D,
                why: vec![
                    RiskWhy::Overdue(120.0),
                    RiskWhy::Receivable(70.0),
                    RiskWhy::Complaints(2.5),
                ],
                limit: CreditLimit::Computed {
                    amount: 1_234_567.8,
                    share: 0.125,
                    factor: 1.0,
                    limit: 5_000.0,
                    capped: true,
                },
                tier: Tier::Potential,
                settlement: Settlement::OnDelivery,
            },
            "风险D：逾期120天、应收余额占累计金额70%、投诉2.5次；额度=累计金额1,234,568元×12.5%×1=5,000元（已封顶）；潜力客户，建议货到付款",
            "Risk D: 120 days overdue, receivable is 70% of the amount, 2.5 complaints; limit = amount 1,234,568 × 12.5% × 1 = 5,000 (capped); Potential: Cash on delivery",
        ),
    ];
    for (reason, zh, en) in cases {
        assert_eq!(both(credit_reason, &reason), (zh.into(), en.into()));
    }
    assert_eq!(grouped(-2500.0), "-2,500");
}

#[test]
fn products_by_variant() {
    let names: Vec<(&str, &str)> = Edition::ALL
        .iter()
        .map(|e| (edition_name(Lang::Zh, *e), edition_name(Lang::En, *e)))
        .collect();
    assert_eq!(
        names,
        [
            ("轻量版", "Lite"),
            ("标准版", "Standard"),
            ("专业版", "Professional"),
            ("旗舰版/定制版", "Flagship / custom")
        ]
    );
    let owned = |s: &str| s.to_string();
    let cases = [
        (Product::NoRule, "无匹配规则", "no rule matched"),
        (
            Product::Give(text("专业版", Some("Professional"))),
            "专业版",
            "Professional",
        ),
        (
            Product::Give(text("高端定制整装", None)),
            "高端定制整装",
            "高端定制整装",
        ),
        (
            Product::Up {
                owned: owned("标准版V8"),
                have: Edition::Standard,
                want: Edition::Flagship,
            },
            "标准版V8 → 专业版（按规模与需要宜用旗舰版/定制版）",
            "Standard → Professional (the size and needs call for Flagship / custom)",
        ),
        (
            Product::KeepHighest {
                owned: owned("旗舰版"),
            },
            "维持现有版本（已是最高版本旗舰版）",
            "Keep current edition (already the highest, Flagship / custom)",
        ),
        (
            Product::KeepFits {
                owned: owned("专业版"),
                have: Edition::Professional,
            },
            "维持现有版本（专业版符合规模与需要）",
            "Keep current edition (Professional fits the size and needs)",
        ),
        (
            Product::KeepAbove {
                owned: owned("专业版"),
                have: Edition::Professional,
                want: Edition::Lite,
            },
            "维持现有版本（已用专业版，高于按规则推荐的轻量版，不降级）",
            "Keep current edition (Professional is above the rule's Lite; no downgrade)",
        ),
        (
            Product::StepUp {
                owned: owned("轻量版"),
                have: Edition::Lite,
                why: "使用活跃".into(),
                why_en: Some(" active use ".into()),
            },
            "轻量版 → 标准版（使用活跃）",
            "Lite → Standard (active use)",
        ),
        (
            Product::StepUp {
                owned: owned("轻量版"),
                have: Edition::Lite,
                why: String::new(),
                why_en: None,
            },
            "轻量版 → 标准版",
            "Lite → Standard",
        ),
    ];
    for (product, zh, en) in cases {
        assert_eq!(both(recommended_product, &product), (zh.into(), en.into()));
    }
}

#[test]
fn services_each_once_in_the_language() {
    let list = [
        Service::Need("项目管理".into()),
        Service::Rule(text("资金管理", Some("Treasury"))),
        Service::Rule(text("项目管理", Some("Projects"))),
    ];
    assert_eq!(
        both(|l, s: &[Service]| recommended_services(l, s), &list[..]),
        (
            "项目管理、资金管理".into(),
            "项目管理, Treasury, Projects".into()
        )
    );
}

#[test]
fn explanations_with_and_without_notes() {
    let nothing = Explanation::default();
    assert_eq!(
        both(explanation, &nothing),
        (
            "综合得分 0：没有可评分的数据。".into(),
            "Total 0: nothing could be scored.".into()
        )
    );
    let full = Explanation {
        total: 54.5,
        first: Some((Dimension::Value, 50.0, 50.0)),
        second: Some((Dimension::Size, 75.0)),
        missing: vec![Dimension::Activity, Dimension::Satisfaction],
        size_partial: Some(industry_350(None)),
        payment: Some(PaymentReason::RenewalRate),
        unmapped_industry: Some("宇宙探索".into()),
    };
    assert_eq!(
        both(explanation, &full),
        (
            "综合得分 54.5：价值得分 50（权重50%）贡献最大，其次规模得分 75；缺少活跃、满意数据，权重已按其余维度重新分配；企业规模缺少营业收入，仅按从业人员判定；付费模式按续费率推断为订阅；行业“宇宙探索”未能归类，按其他未列明行业判定。".into(),
            "Total 54.5: Value score 50 (weight 50%) contributes most, then Size score 75; no data for Activity, Satisfaction, so the weights were spread over the other dimensions; size: no revenue; judged by employees alone; payment model inferred as subscription from the renewal rate; industry \"宇宙探索\" not mapped, sized as other industries.".into()
        )
    );
}

#[test]
fn tier_rules_by_variant() {
    const FIXED_ZH: &str = "60 分及以上为核心客户，45 分及以上为潜力客户，其余为一般客户";
    const FIXED_EN: &str = "60 and above core, 45 and above potential, the rest general";
    let rule = |how, counts| TierRule { how, counts };
    let cases = [
        (
            rule(TierHow::Absolute((60.0, 45.0)), [1, 2, 3]),
            format!("按绝对分数线：{FIXED_ZH}（核心客户 1 个、潜力客户 2 个、一般客户 3 个）"),
            format!("Absolute cut-offs: {FIXED_EN} (1 core, 2 potential, 3 general)"),
        ),
        (
            rule(TierHow::NoCustomers((60.0, 45.0)), [0, 0, 0]),
            format!("没有客户，改用分数线：{FIXED_ZH}（核心客户 0 个、潜力客户 0 个、一般客户 0 个）"),
            format!("no customers, so the fixed cut-offs apply: {FIXED_EN} (0 core, 0 potential, 0 general)"),
        ),
        (
            rule(
                TierHow::AllSame {
                    total: 50.0,
                    cut: (60.0, 45.0),
                },
                [0, 4, 0],
            ),
            format!("所有客户综合得分相同（50 分），无法按名次划分，改用分数线：{FIXED_ZH}（核心客户 0 个、潜力客户 4 个、一般客户 0 个）"),
            format!("every customer has the same total (50), so the fixed cut-offs apply: {FIXED_EN} (0 core, 4 potential, 0 general)"),
        ),
        (
            rule(TierHow::TwoTotals(80.0), [3, 0, 2]),
            "综合得分只有两个不同值，无法按比例分三档：80 分为核心客户，其余为一般客户（核心客户 3 个、潜力客户 0 个、一般客户 2 个）".into(),
            "only two distinct totals, too few for three tiers: 80 is core, the rest general (3 core, 0 potential, 2 general)".into(),
        ),
        (
            rule(
                TierHow::Quantile {
                    core_pct: 20.0,
                    potential_pct: 30.0,
                    cut: (72.5, 55.0),
                    ties: None,
                },
                [2, 3, 5],
            ),
            "按分位数：前 20% 为核心客户（综合得分 ≥ 72.5），其后 30% 为潜力客户（≥ 55），其余为一般客户（核心客户 2 个、潜力客户 3 个、一般客户 5 个）".into(),
            "By quantile: top 20% core (total ≥ 72.5), next 30% potential (≥ 55), the rest general (2 core, 3 potential, 5 general)".into(),
        ),
        (
            rule(
                TierHow::Quantile {
                    core_pct: 20.0,
                    potential_pct: 30.0,
                    cut: (72.5, 55.0),
                    ties: Some((2, 3)),
                },
                [3, 3, 4],
            ),
            "按分位数：前 20% 为核心客户（综合得分 ≥ 72.5），其后 30% 为潜力客户（≥ 55），其余为一般客户；因同分无法精确按比例划分，同分客户归入同一等级（按比例应为核心 2 个、潜力 3 个）（核心客户 3 个、潜力客户 3 个、一般客户 4 个）".into(),
            "By quantile: top 20% core (total ≥ 72.5), next 30% potential (≥ 55), the rest general; ties make exact shares impossible, so equal totals share a tier (the shares would give 2 core, 3 potential) (3 core, 3 potential, 4 general)".into(),
        ),
    ];
    for (r, zh, en) in cases {
        assert_eq!(both(tier_rule, &r), (zh, en));
    }
}

#[test]
fn features_words_and_cluster_names() {
    assert_eq!(
        (
            feature_label(Lang::Zh, FeatureKind::Monetary),
            feature_label(Lang::En, FeatureKind::Monetary)
        ),
        ("消费金额(元)", "Monetary (CNY)")
    );
    assert_eq!(
        (
            feature_short(Lang::Zh, FeatureKind::Logins),
            feature_short(Lang::En, FeatureKind::Logins)
        ),
        ("近90天登录次数", "logins")
    );
    use crate::model::ClusterWord as W;
    let words = [
        W::HighValue,
        W::LowValue,
        W::Frequent,
        W::Rare,
        W::Lapsed,
        W::Recent,
        W::Active,
        W::Inactive,
        W::Satisfied,
        W::Dissatisfied,
        W::Larger,
        W::Small,
        W::HighPotential,
        W::LowPotential,
        W::HighChurn,
        W::New,
        W::ToNurture,
    ];
    // Each word is its own in either language, so names that differ read differently.
    for lang in [Lang::Zh, Lang::En] {
        let shown: std::collections::HashSet<&str> =
            words.iter().map(|w| cluster_word(lang, *w)).collect();
        assert_eq!(shown.len(), words.len(), "{lang:?}");
    }
    let traits = |words: &[W], number| ClusterName::Traits {
        words: words.to_vec(),
        number,
    };
    let cases = [
        (ClusterName::Unnamed, "", ""),
        (ClusterName::Everyone, "全部客户", "All customers"),
        (traits(&[], None), "中等·平稳", "Average · steady"),
        (
            traits(&[W::HighValue, W::Active], None),
            "高价值·高活跃",
            "High value · Highly active",
        ),
        (
            traits(&[W::New, W::ToNurture], None),
            "新客户·待培育",
            "New customers · to nurture",
        ),
        (
            traits(&[W::HighValue, W::Dissatisfied], Some(3)),
            "高价值·低满意（第3类）",
            "High value · Dissatisfied (cluster 3)",
        ),
    ];
    for (name, zh, en) in cases {
        assert_eq!(both(cluster_name, &name), (zh.into(), en.into()));
    }
}

#[test]
fn cluster_methods_by_case() {
    let none = ClusterMethod::default();
    assert_eq!(
        both(cluster_method, &none),
        (
            "没有可用于聚类的特征，全部客户归为一类。".into(),
            "No feature could be clustered on, so every customer is in one cluster.".into()
        )
    );
    let clean = ClusterMethod {
        any_feature: true,
        ..ClusterMethod::default()
    };
    assert_eq!(
        both(cluster_method, &clean),
        (
            "聚类特征均无缺失，无需填补；金额与次数取对数，各特征标准化（z 分数）后聚类。".into(),
            "No clustering feature had missing values, so nothing was imputed; money and counts were log-transformed and every feature standardised (z-score).".into()
        )
    );
    let gaps = ClusterMethod {
        imputed: vec![(FeatureKind::Monetary, 100)],
        missing: vec![FeatureKind::PotentialScore],
        constant: vec![FeatureKind::SizeScore],
        any_feature: true,
    };
    assert_eq!(
        both(cluster_method, &gaps),
        (
            "缺失值按该特征的中位数填补（消费金额 100 人）；金额与次数取对数，各特征标准化（z 分数）后聚类；潜力得分全部缺失，未参与聚类；规模得分所有客户相同，未参与聚类。".into(),
            "Missing values were filled with the feature's median (monetary: 100 customers); money and counts were log-transformed and every feature standardised (z-score); potential score missing for everyone, left out; size score the same for everyone, left out.".into()
        )
    );
}
