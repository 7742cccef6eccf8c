//! Tests of stage 4, classify: every dimension, the tiers, the explanation and the findings,
//! through `classify` where the whole base matters and through the dimension's function where not.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::classify::facts::growth;
use crate::classify::payment::payment_model;
use crate::classify::satisfaction::satisfaction_score;
use crate::classify::score::round1;
use crate::classify::tier::{cut_tiers, tier_of};
use crate::messages;
use crate::model::{
    Classification, ClusterName, CustomerRecord, Finding, FindingKind, Lang, Level, Lifecycle,
    PaymentModel, RfmClass, SizeClass, SourceRow, Tier,
};
use crate::profile::{Profile, RfmMethod, TierMethod, TierSettings};

/// The stage's result as a reader sees it in one language (the worded fields rendered), with
/// the findings it appended to the run's ledger beside it.
struct Classified {
    result: Classification,
    customers: Vec<Shown>,
    tier_rule: String,
    weights: Vec<(String, f64)>,
    findings: Vec<Finding>,
}

impl std::ops::Deref for Classified {
    type Target = Classification;
    fn deref(&self) -> &Classification {
        &self.result
    }
}

/// One customer with its worded fields rendered.
struct Shown {
    c: crate::model::Classified,
    size_basis: String,
    std_industry: String,
    needs: Vec<String>,
    credit_reason: String,
    recommended_product: String,
    recommended_services: String,
    explanation: String,
}

impl std::ops::Deref for Shown {
    type Target = crate::model::Classified;
    fn deref(&self) -> &crate::model::Classified {
        &self.c
    }
}

fn classify(
    records: Vec<CustomerRecord>,
    profile: &Profile,
    as_of: NaiveDate,
    lang: Lang,
) -> Classified {
    let mut findings = Vec::new();
    let result = super::classify(records, profile, as_of, &mut findings);
    let customers = (result.customers.iter())
        .map(|c| Shown {
            size_basis: messages::size_basis(lang, &c.size_basis),
            std_industry: messages::std_industry(lang, &c.std_industry),
            needs: messages::needs(lang, &c.needs),
            credit_reason: messages::credit_reason(lang, &c.credit_reason),
            recommended_product: messages::recommended_product(lang, &c.recommended_product),
            recommended_services: messages::recommended_services(lang, &c.recommended_services),
            explanation: messages::explanation(lang, &c.explanation),
            c: c.clone(),
        })
        .collect();
    Classified {
        customers,
        tier_rule: messages::tier_rule(lang, &result.tier_rule),
        weights: (result.weights.iter())
            .map(|(d, w)| (d.label(lang).to_string(), *w))
            .collect(),
        result,
        findings,
    }
}

fn software() -> Profile {
    Profile::builtin("software", Lang::Zh).unwrap().unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
}

fn days_ago(n: i64) -> Option<NaiveDate> {
    Some(as_of() - chrono::Duration::days(n))
}

fn customer(code: &str) -> CustomerRecord {
    CustomerRecord {
        code: code.into(),
        source: SourceRow {
            file: "客户档案.xlsx".into(),
            sheet: "客户档案".into(),
            row: 2,
        },
        ..Default::default()
    }
}

fn synthetic(n: usize) -> Vec<CustomerRecord> {
    crate::testdata::analysis(n, Lang::Zh)
        .classification
        .customers
        .into_iter()
        .map(|c| c.record)
        .collect()
}

#[test]
fn one_classified_per_customer_in_input_order_with_every_field() {
    let records = synthetic(300);
    let codes: Vec<String> = records.iter().map(|r| r.code.clone()).collect();
    let result = classify(records, &software(), as_of(), Lang::Zh);
    assert_eq!(result.customers.len(), 300);
    let mut counts = [0usize; 3];
    for (i, c) in result.customers.iter().enumerate() {
        assert_eq!(c.record.code, codes[i], "row {i}");
        assert_eq!(
            c.tier,
            tier_of(c.total_score, result.tier_cutoffs),
            "row {i}"
        );
        assert_eq!(c.total_score, round1(c.total_score), "row {i}: one decimal");
        assert!((0.0..=100.0).contains(&c.total_score), "row {i}");
        assert!(
            c.explanation.starts_with("综合得分"),
            "row {i}: {}",
            c.explanation
        );
        assert!(!c.credit_reason.is_empty(), "row {i}");
        assert!(!c.recommended_product.is_empty(), "row {i}");
        assert!(!c.recommended_services.is_empty(), "row {i}");
        assert!(!c.size_basis.is_empty(), "row {i}");
        assert!(!c.std_industry.is_empty(), "row {i}");
        assert!(c.rfm.is_some(), "row {i}: R, F and M are all given");
        assert_eq!(
            (c.cluster, &c.cluster_name),
            (0, &ClusterName::Unnamed),
            "row {i}"
        );
        counts[Tier::ALL.iter().position(|t| *t == c.tier).unwrap()] += 1;
    }
    assert_eq!(counts, [60, 90, 150], "top 20 % / next 30 % / rest");
    assert_eq!(result.weights.len(), 5);
    assert!((result.weights.iter().map(|w| w.1).sum::<f64>() - 1.0).abs() < 1e-9);
    assert_eq!(result.weights[1].0, "价值");
    assert!(
        result.tier_rule.starts_with("按分位数"),
        "{}",
        result.tier_rule
    );
    // Totals should spread, not bunch: the inter-quartile range of a realistic base is wide.
    let mut totals: Vec<f64> = result.customers.iter().map(|c| c.total_score).collect();
    totals.sort_by(f64::total_cmp);
    assert!(
        totals[225] - totals[75] > 10.0,
        "IQR {:?}",
        (totals[75], totals[225])
    );
}

#[test]
fn same_input_gives_the_same_output() {
    let a = classify(synthetic(50), &software(), as_of(), Lang::Zh);
    let b = classify(synthetic(50), &software(), as_of(), Lang::Zh);
    for (x, y) in a.customers.iter().zip(&b.customers) {
        assert_eq!(x.total_score, y.total_score);
        assert_eq!(x.explanation, y.explanation);
    }
}

#[test]
fn empty_base_is_fine() {
    let r = classify(Vec::new(), &software(), as_of(), Lang::En);
    assert!(r.customers.is_empty());
    assert_eq!(r.tier_cutoffs, (70.0, 50.0));
    assert!(r.tier_rule.contains("no customers"), "{}", r.tier_rule);
}

/// The eight RFM classes against fixed references R 100 days, F 3, M 50 000; equal counts
/// as 高, and for R 高 means recent (R ≤ reference).
#[test]
fn rfm_classes_against_fixed_references() {
    let mut profile = software();
    profile.rfm.method = RfmMethod::Fixed;
    profile.rfm.recency_days = 100.0;
    profile.rfm.frequency = 3.0;
    profile.rfm.monetary = 50_000.0;
    use RfmClass::*;
    let cases = [
        (100, 3.0, 50_000.0, ImportantValue),
        (10, 1.0, 90_000.0, ImportantDevelop),
        (101, 5.0, 50_000.0, ImportantKeep),
        (300, 2.9, 60_000.0, ImportantRetain),
        (0, 3.0, 49_999.0, GeneralValue),
        (50, 2.0, 100.0, GeneralDevelop),
        (200, 8.0, 0.0, GeneralKeep),
        (400, 1.0, 10.0, GeneralRetain),
    ];
    let records: Vec<CustomerRecord> = cases
        .iter()
        .enumerate()
        .map(|(i, (r, f, m, _))| CustomerRecord {
            last_purchase: days_ago(*r),
            deal_count: Some(*f),
            purchase_amount: Some(*m),
            ..customer(&format!("C{i}"))
        })
        .collect();
    let result = classify(records, &profile, as_of(), Lang::Zh);
    assert_eq!(result.rfm_refs.method, "fixed");
    for (c, (r, f, m, want)) in result.customers.iter().zip(cases) {
        assert_eq!(c.rfm, Some(want), "R={r} F={f} M={m}");
        assert_eq!(c.recency_days, Some(r));
    }
    // Missing any of R, F, M: no class.
    let partial = CustomerRecord {
        deal_count: Some(3.0),
        purchase_amount: Some(1.0),
        ..customer("P")
    };
    let result = classify(vec![partial], &profile, as_of(), Lang::Zh);
    assert_eq!(result.customers[0].rfm, None);
}

#[test]
fn rfm_references_mean_and_median() {
    let records: Vec<CustomerRecord> = [(10, 1.0, 100.0), (20, 2.0, 200.0), (90, 9.0, 900.0)]
        .iter()
        .enumerate()
        .map(|(i, (r, f, m))| CustomerRecord {
            last_purchase: days_ago(*r),
            deal_count: Some(*f),
            purchase_amount: Some(*m),
            ..customer(&format!("C{i}"))
        })
        .collect();
    let mut profile = software();
    let mean = classify(records.clone(), &profile, as_of(), Lang::Zh);
    assert_eq!(
        (
            mean.rfm_refs.method,
            mean.rfm_refs.recency_days,
            mean.rfm_refs.frequency,
            mean.rfm_refs.monetary
        ),
        ("mean", 40.0, 4.0, 400.0)
    );
    profile.rfm.method = RfmMethod::Median;
    let median = classify(records, &profile, as_of(), Lang::Zh);
    assert_eq!(
        (
            median.rfm_refs.recency_days,
            median.rfm_refs.frequency,
            median.rfm_refs.monetary
        ),
        (20.0, 2.0, 200.0)
    );
    // C1 sits exactly on every median: 高高高.
    assert_eq!(median.customers[1].rfm, Some(RfmClass::ImportantValue));
}

/// Satisfaction: base (0–100, NPS blended 30 %), less 10 per complaint (cap 40) and 1 per
/// ticket (cap 10).
#[test]
fn satisfaction_adjustments() {
    let p = software();
    // (satisfaction, nps, complaints, tickets, expected)
    type Case = (
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
    );
    let cases: [Case; 9] = [
        (Some(80.0), None, None, None, Some(80.0)),
        (Some(80.0), None, Some(1.0), None, Some(70.0)),
        (Some(80.0), None, Some(3.0), None, Some(50.0)),
        (Some(80.0), None, Some(9.0), None, Some(40.0)),
        (Some(80.0), None, None, Some(4.0), Some(76.0)),
        (Some(80.0), None, None, Some(30.0), Some(70.0)),
        (Some(80.0), Some(10.0), None, None, Some(86.0)),
        (None, Some(6.0), Some(1.0), None, Some(50.0)),
        (None, None, Some(2.0), None, None),
    ];
    for (sat, nps, complaints, tickets, want) in cases {
        let c = CustomerRecord {
            satisfaction: sat,
            nps,
            complaints,
            tickets,
            ..customer("S")
        };
        assert_eq!(
            satisfaction_score(&c, &p),
            want,
            "sat {sat:?} nps {nps:?} complaints {complaints:?} tickets {tickets:?}"
        );
    }
    let floor = CustomerRecord {
        satisfaction: Some(20.0),
        complaints: Some(5.0),
        tickets: Some(20.0),
        ..customer("F")
    };
    assert_eq!(satisfaction_score(&floor, &p), Some(0.0));
}

fn check_cut(totals: &[f64], t: &TierSettings) -> ((f64, f64), [usize; 3], String) {
    let (cut, rule) = cut_tiers(totals, t);
    let rule = messages::tier_rule(Lang::Zh, &rule);
    let mut counts = [0usize; 3];
    for &v in totals {
        let tier = tier_of(v, cut);
        counts[Tier::ALL.iter().position(|x| *x == tier).unwrap()] += 1;
    }
    assert!(cut.1 <= cut.0, "{cut:?}");
    (cut, counts, rule)
}

/// Quantile cut-offs: exact shares without ties; ties and tiny bases fall back to a stated
/// rule, and no tier is empty by accident.
#[test]
fn tier_cutoffs_by_quantile_with_ties_and_small_bases() {
    let t = TierSettings::default();
    let ten: Vec<f64> = (1..=10).map(|v| v as f64 * 10.0).collect();
    let (cut, counts, rule) = check_cut(&ten, &t);
    assert_eq!((cut, counts), ((90.0, 60.0), [2, 3, 5]), "{rule}");
    assert!(!rule.contains("同分"), "{rule}");

    // Many ties: 6 of 10 share the top score; all three tiers still filled, and said so.
    let tied = [80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 60.0, 50.0, 40.0, 30.0];
    let (_, counts, rule) = check_cut(&tied, &t);
    assert_eq!(counts, [6, 1, 3], "{rule}");
    assert!(rule.contains("因同分"), "{rule}");

    // Three distinct values: one each at least.
    let (_, counts, _) = check_cut(&[50.0, 50.0, 50.0, 50.0, 40.0, 30.0], &t);
    assert!(counts.iter().all(|c| *c > 0), "{counts:?}");

    // Two distinct values: the higher is core, the rest general.
    let (cut, counts, rule) = check_cut(&[70.0, 70.0, 20.0], &t);
    assert_eq!((cut, counts), ((70.0, 70.0), [2, 0, 1]), "{rule}");
    assert!(rule.contains("只有两个不同值"), "{rule}");

    // All equal, or a single customer: the fixed cut-offs, said so.
    let (cut, counts, rule) = check_cut(&[55.0; 7], &t);
    assert_eq!((cut, counts), ((70.0, 50.0), [0, 7, 0]), "{rule}");
    assert!(rule.contains("所有客户综合得分相同"), "{rule}");
    let (_, counts, _) = check_cut(&[90.0], &t);
    assert_eq!(counts, [1, 0, 0]);

    // A large base with no ties hits the shares exactly.
    let many: Vec<f64> = (0..1000).map(|i| i as f64 / 10.0).collect();
    let (_, counts, _) = check_cut(&many, &t);
    assert_eq!(counts, [200, 300, 500]);
}

#[test]
fn tier_cutoffs_absolute_and_without_potential_share() {
    let t = TierSettings {
        method: TierMethod::Absolute,
        ..TierSettings::default()
    };
    let (cut, counts, rule) = check_cut(&[70.0, 69.9, 50.0, 49.9], &t);
    assert_eq!((cut, counts), ((70.0, 50.0), [1, 2, 1]));
    assert_eq!(
        rule,
        "按绝对分数线：70 分及以上为核心客户，50 分及以上为潜力客户，其余为一般客户（核心客户 1 个、潜力客户 2 个、一般客户 1 个）"
    );
    let t = TierSettings {
        core_share: 0.3,
        potential_share: 0.0,
        ..TierSettings::default()
    };
    let ten: Vec<f64> = (1..=10).map(|v| v as f64).collect();
    let (_, counts, _) = check_cut(&ten, &t);
    assert_eq!(counts, [3, 0, 7]);
}

#[test]
fn money_is_scored_by_rank_so_an_outlier_does_not_squash_the_rest() {
    let amounts = [1_000.0, 2_000.0, 3_000.0, 4_000.0, 1_000_000_000.0];
    let records: Vec<CustomerRecord> = amounts
        .iter()
        .enumerate()
        .map(|(i, m)| CustomerRecord {
            purchase_amount: Some(*m),
            ..customer(&format!("C{i}"))
        })
        .collect();
    let r = classify(records, &software(), as_of(), Lang::Zh);
    let values: Vec<f64> = r
        .customers
        .iter()
        .map(|c| c.scores.value.unwrap())
        .collect();
    assert_eq!(values, vec![10.0, 30.0, 50.0, 70.0, 90.0]);
}

#[test]
fn payment_model_given_or_inferred_and_said() {
    let p = software();
    let cases = [
        (
            Some(PaymentModel::OneTime),
            Some(0.9),
            None,
            Some(PaymentModel::OneTime),
            false,
        ),
        (
            None,
            Some(0.9),
            None,
            Some(PaymentModel::Subscription),
            true,
        ),
        (
            None,
            None,
            Some("U8 定制开发项目"),
            Some(PaymentModel::Custom),
            true,
        ),
        (
            None,
            None,
            Some("T+ 云订阅"),
            Some(PaymentModel::Subscription),
            true,
        ),
        (
            None,
            None,
            Some("NC 买断版"),
            Some(PaymentModel::OneTime),
            true,
        ),
        (None, None, Some("标准版"), None, false),
    ];
    for (given, renewal, product, want, inferred) in cases {
        let c = CustomerRecord {
            payment_model: given,
            renewal_rate: renewal,
            product: product.map(String::from),
            ..customer("P")
        };
        let (got, why) = payment_model(&c, &p);
        assert_eq!(got, want, "{given:?} {renewal:?} {product:?}");
        assert_eq!(why.is_some(), inferred, "{given:?} {renewal:?} {product:?}");
    }
    let r = classify(
        vec![CustomerRecord {
            renewal_rate: Some(0.8),
            ..customer("R")
        }],
        &p,
        as_of(),
        Lang::Zh,
    );
    assert!(r.customers[0]
        .explanation
        .contains("付费模式按续费率推断为订阅"));
}

#[test]
fn year_on_year_growth() {
    let map = |pairs: &[(i32, f64)]| pairs.iter().copied().collect::<BTreeMap<i32, f64>>();
    let sep30 = as_of(); // 2026 incomplete: 2025 against 2024
    let dec1 = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let dec20 = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
    let cases = [
        (map(&[]), sep30, None),
        (map(&[(2024, 100.0), (2025, 150.0)]), sep30, Some(0.5)),
        (
            map(&[(2024, 100.0), (2025, 50.0), (2026, 999.0)]),
            sep30,
            Some(-0.5),
        ),
        (map(&[(2025, 100.0)]), sep30, None),
        (map(&[(2024, 100.0)]), sep30, Some(-1.0)),
    ];
    for (m, d, want) in cases {
        assert_eq!(growth(&m, d), want, "{m:?} at {d}");
    }
    // Annualised current year only in its last weeks.
    let g = growth(&map(&[(2025, 100.0), (2026, 100.0)]), dec20).unwrap();
    assert!((g - (365.0 / 354.0 - 1.0)).abs() < 1e-9, "{g}");
    assert_eq!(growth(&map(&[(2025, 100.0), (2026, 10.0)]), dec1), None);
    // Returns exceeding sales: −100 %, not below.
    assert_eq!(
        growth(&map(&[(2024, 100.0), (2025, -30.0)]), sep30),
        Some(-1.0)
    );
}

/// One case of 流失风险 and 生命周期: days since the last login, logins in the last 90 days, days
/// since the last and the first purchase, the yearly amounts, and what is expected.
struct ChurnCase {
    login: Option<i64>,
    logins: Option<f64>,
    purchase: Option<i64>,
    first: Option<i64>,
    years: BTreeMap<i32, f64>,
    churn: Level,
    life: Lifecycle,
}

fn by_year(a: f64, b: f64) -> BTreeMap<i32, f64> {
    [(2024, a), (2025, b)].into_iter().collect()
}

fn check_churn_and_lifecycle(cases: Vec<ChurnCase>) {
    let p = software();
    for (i, case) in cases.into_iter().enumerate() {
        let c = CustomerRecord {
            last_login: case.login.and_then(days_ago),
            login_count: case.logins,
            last_purchase: case.purchase.and_then(days_ago),
            first_purchase: case.first.and_then(days_ago),
            amount_by_year: case.years,
            ..customer("L")
        };
        let r = classify(vec![c], &p, as_of(), Lang::Zh);
        let got = &r.customers[0];
        assert_eq!(got.churn_risk, case.churn, "case {i}: churn");
        assert_eq!(got.lifecycle, case.life, "case {i}: lifecycle");
    }
}

/// 流失风险 and 生命周期 from logins and purchases.
#[test]
fn churn_and_lifecycle_from_logins_and_purchases() {
    check_churn_and_lifecycle(vec![
        ChurnCase {
            login: Some(3),
            logins: None,
            purchase: Some(30),
            first: Some(1000),
            years: by_year(100.0, 100.0),
            churn: Level::Low,
            life: Lifecycle::Mature,
        },
        ChurnCase {
            login: Some(30),
            logins: None,
            purchase: Some(30),
            first: Some(1000),
            years: by_year(100.0, 100.0),
            churn: Level::Medium,
            life: Lifecycle::Mature,
        },
        ChurnCase {
            login: Some(90),
            logins: None,
            purchase: Some(30),
            first: Some(1000),
            years: by_year(100.0, 100.0),
            churn: Level::High,
            life: Lifecycle::Declining,
        },
        ChurnCase {
            login: None,
            logins: Some(0.0),
            purchase: Some(30),
            first: Some(1000),
            years: BTreeMap::new(),
            churn: Level::High,
            life: Lifecycle::Declining,
        },
        ChurnCase {
            login: None,
            logins: None,
            purchase: Some(200),
            first: Some(1000),
            years: BTreeMap::new(),
            churn: Level::Medium,
            life: Lifecycle::Declining,
        },
        ChurnCase {
            login: None,
            logins: None,
            purchase: Some(400),
            first: Some(1000),
            years: BTreeMap::new(),
            churn: Level::High,
            life: Lifecycle::Lost,
        },
        // Logins in the last 90 days keep a customer who has not bought for long from 流失.
        ChurnCase {
            login: None,
            logins: Some(12.0),
            purchase: Some(500),
            first: Some(1000),
            years: BTreeMap::new(),
            churn: Level::Low,
            life: Lifecycle::Mature,
        },
    ]);
}

/// 流失风险 and 生命周期 from the yearly trend and the age of the first purchase.
#[test]
fn churn_and_lifecycle_from_the_trend_and_age() {
    check_churn_and_lifecycle(vec![
        ChurnCase {
            login: Some(1),
            logins: None,
            purchase: Some(10),
            first: Some(1000),
            years: by_year(100.0, 70.0),
            churn: Level::Medium,
            life: Lifecycle::Declining,
        },
        ChurnCase {
            login: Some(1),
            logins: None,
            purchase: Some(10),
            first: Some(1000),
            years: by_year(100.0, 40.0),
            churn: Level::Medium,
            life: Lifecycle::Declining,
        },
        // A steep fall with 30+ days since the last login: 高.
        ChurnCase {
            login: Some(40),
            logins: None,
            purchase: Some(10),
            first: Some(1000),
            years: by_year(100.0, 40.0),
            churn: Level::High,
            life: Lifecycle::Declining,
        },
        // A steep fall and nothing else known: 高.
        ChurnCase {
            login: None,
            logins: None,
            purchase: None,
            first: None,
            years: by_year(100.0, 40.0),
            churn: Level::High,
            life: Lifecycle::Declining,
        },
        ChurnCase {
            login: Some(1),
            logins: None,
            purchase: Some(10),
            first: Some(1000),
            years: by_year(100.0, 130.0),
            churn: Level::Low,
            life: Lifecycle::Growing,
        },
        ChurnCase {
            login: Some(1),
            logins: None,
            purchase: Some(10),
            first: Some(100),
            years: BTreeMap::new(),
            churn: Level::Low,
            life: Lifecycle::New,
        },
        ChurnCase {
            login: Some(1),
            logins: None,
            purchase: Some(10),
            first: Some(500),
            years: BTreeMap::new(),
            churn: Level::Low,
            life: Lifecycle::Growing,
        },
        ChurnCase {
            login: None,
            logins: None,
            purchase: None,
            first: None,
            years: BTreeMap::new(),
            churn: Level::Medium,
            life: Lifecycle::Mature,
        },
    ]);
}

/// A lead who has never bought (累计金额 0, no purchase date) is 新客户, not 成熟期.
#[test]
fn a_prospect_who_never_bought_is_new() {
    let lead = CustomerRecord {
        purchase_amount: Some(0.0),
        stage: Some("量房".into()),
        ..customer("KH1")
    };
    let r = classify(vec![lead], &software(), as_of(), Lang::Zh);
    assert_eq!(r.customers[0].lifecycle, Lifecycle::New);
}

#[test]
fn explanation_names_the_largest_contributions_and_what_is_missing() {
    let c = CustomerRecord {
        industry: Some("五金制品制造".into()),
        employees: Some(350.0),
        purchase_amount: Some(10_000.0),
        deal_count: Some(2.0),
        last_purchase: days_ago(10),
        ..customer("E")
    };
    // A second customer with satisfaction and logins, so those dimensions exist in the base
    // and are missing for the first one only.
    let other = CustomerRecord {
        satisfaction: Some(80.0),
        login_count: Some(10.0),
        ..customer("F")
    };
    let r = classify(vec![c, other.clone()], &software(), as_of(), Lang::Zh);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let got = &r.customers[0];
    assert_eq!(got.size_class, SizeClass::Medium);
    assert_eq!(got.scores.size, Some(75.0));
    assert_eq!(got.scores.value, Some(50.0));
    assert_eq!(got.scores.activity, None);
    assert_eq!(got.scores.satisfaction, None);
    // Size headroom alone: a medium firm (75) at the median of spend (50) → 37.5.
    assert_eq!(got.scores.potential, Some(37.5));
    // (75×0.2 + 50×0.35 + 37.5×0.15) / 0.7 = 54.46 → 54.5
    assert_eq!(got.total_score, 54.5);
    assert_eq!(
        got.explanation,
        "综合得分 54.5：价值得分 50（权重50%）贡献最大，其次规模得分 75；缺少活跃、满意数据，权重已按其余维度重新分配；企业规模缺少营业收入，仅按从业人员判定。"
    );
    let en = classify(
        vec![got.record.clone(), other],
        &software(),
        as_of(),
        Lang::En,
    );
    let text = &en.customers[0].explanation;
    assert_eq!(
        text,
        "Total 54.5: Value score 50 (weight 50%) contributes most, then Size score 75; no data for Activity, Satisfaction, so the weights were spread over the other dimensions; size: no revenue; judged by employees alone."
    );
}

/// The classification section of messages.rs, word for word in both languages.
#[test]
fn classification_messages_word_for_word() {
    use crate::messages::*;
    let cases = [
        (
            profile_error(
                Lang::Zh,
                "a.toml",
                Some(3),
                Some("weights.size"),
                "值 -1 不能为负数",
            ),
            "评分方案 a.toml 第 3 行（weights.size）有误：值 -1 不能为负数。",
        ),
        (
            profile_error(Lang::En, "a.toml", Some(3), None, "bad"),
            "The profile a.toml is invalid at line 3: bad.",
        ),
        (
            profile_error(Lang::Zh, "a.toml", None, None, "格式错误"),
            "评分方案 a.toml 有误：格式错误。",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn one_finding_per_distinct_unmapped_industry() {
    let records = vec![
        CustomerRecord {
            industry: Some("宇宙探索".into()),
            ..customer("A")
        },
        CustomerRecord {
            industry: Some("宇宙探索".into()),
            ..customer("B")
        },
        CustomerRecord {
            industry: Some("深海考古".into()),
            ..customer("C")
        },
        CustomerRecord {
            industry: Some("软件开发".into()),
            ..customer("D")
        },
        CustomerRecord {
            industry: None,
            ..customer("E")
        },
    ];
    let mut r = classify(records, &software(), as_of(), Lang::Zh);
    r.findings
        .retain(|f| f.kind() == FindingKind::UnmappedIndustry);
    assert_eq!(r.findings.len(), 2);
    assert_eq!(r.findings[0].value, "宇宙探索");
    assert_eq!(r.findings[0].kind(), FindingKind::UnmappedIndustry);
    assert!(!r.findings[0].rejected);
    assert_eq!(
        r.findings[0].issue,
        crate::model::Issue::UnmappedIndustry { customers: 2 }
    );
    assert_eq!(r.findings[1].value, "深海考古");
    assert_eq!(r.customers[0].std_industry, "其他未列明行业");
    assert_eq!(r.customers[3].std_industry, "软件和信息技术服务业");
    assert!(r.customers[0]
        .explanation
        .contains("行业“宇宙探索”未能归类"));
}

#[test]
fn needs_are_canonical_and_unmet_needs_raise_potential() {
    let c = CustomerRecord {
        modules: vec!["总账".into(), "应收款管理".into()],
        needs: vec![
            "全面预算".into(),
            "合并报表".into(),
            "总账".into(),
            "无人机巡检".into(),
        ],
        ..customer("N")
    };
    let r = classify(vec![c], &software(), as_of(), Lang::Zh);
    let got = &r.customers[0];
    assert_eq!(
        got.needs,
        vec![
            "基础财务核算",
            "预算管理",
            "报表分析",
            "应收应付",
            "无人机巡检"
        ]
    );
    // 3 unmet (预算, 报表, the unmatched text) of full 3: potential 100 from that part alone.
    assert_eq!(got.scores.potential, Some(100.0));
}

#[test]
fn decoration_profile_scores_homeowners_without_size() {
    let profile = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
    let records: Vec<CustomerRecord> = (0..20)
        .map(|i| CustomerRecord {
            name: Some(format!("业主{i}")),
            style: Some(["现代简约", "新中式", "北欧"][i % 3].into()),
            budget: Some(100_000.0 + 30_000.0 * i as f64),
            house_area: Some(80.0 + 5.0 * i as f64),
            projects: Some((i % 3) as f64),
            stage: Some(["量房", "报价", "已签约", "竣工"][i % 4].into()),
            purchase_amount: Some(50_000.0 + 20_000.0 * i as f64),
            last_purchase: days_ago(30 * i as i64),
            satisfaction: Some(60.0 + i as f64),
            ..customer(&format!("H{i:03}"))
        })
        .collect();
    let r = classify(records, &profile, as_of(), Lang::Zh);
    for c in &r.customers {
        assert_eq!(c.size_class, SizeClass::Unknown);
        assert_eq!(c.scores.size, None);
        assert!(
            !c.explanation.contains("规模"),
            "weight 0 is not missing: {}",
            c.explanation
        );
        assert!(c.tier == tier_of(c.total_score, r.tier_cutoffs));
    }
    // Homeowners never log in: said once, and 活跃 takes no weight.
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(r.findings[0].kind(), FindingKind::Other);
    assert_eq!(
        r.findings[0].issue,
        crate::model::Issue::DimensionAbsent {
            dimension: crate::profile::Dimension::Activity
        }
    );
    assert_eq!(r.weights[2], ("活跃".to_string(), 0.0));
    assert!(!r.customers[0].explanation.contains("缺少活跃"));
    let top = r.customers.last().unwrap();
    assert_eq!(top.recommended_product, "高端定制整装");
    assert!(
        top.recommended_services.contains("高端定制服务包"),
        "{}",
        top.recommended_services
    );
    assert!(r.customers[0].recommended_services.contains("智能家居配套"));
}

#[test]
fn potential_weighs_the_12_month_value_only_with_a_forecast_and_the_setting() {
    // Two customers alike but for the forecast 12-month value.
    let with_value = |code: &str, value: Option<f64>| CustomerRecord {
        budget: Some(100.0),
        forecast: value.map(|v| crate::model::CustomerForecast {
            p_alive: 0.9,
            quarter_purchases: 1.0,
            value_12m: Some(v),
        }),
        ..customer(code)
    };
    let potential = |profile: &Profile, values: [Option<f64>; 2]| -> Vec<f64> {
        let records = vec![with_value("1", values[0]), with_value("2", values[1])];
        classify(records, profile, as_of(), Lang::Zh)
            .customers
            .iter()
            .map(|c| c.scores.potential.unwrap())
            .collect()
    };
    let on = software();
    assert!(on.potential.value_12m > 0.0, "on by default in software");
    // Budgets tie (rank 50): the higher forecast value lifts its customer's 潜力.
    let weighed = potential(&on, [Some(1000.0), Some(50.0)]);
    assert!(weighed[0] > weighed[1], "{weighed:?}");
    // No fit (no forecast): the old rule, exactly as with the setting off.
    let mut off = software();
    off.potential.value_12m = 0.0;
    let old = potential(&off, [Some(1000.0), Some(50.0)]);
    assert_eq!(old[0], old[1]);
    assert_eq!(potential(&on, [None, None]), old);
    // Off in the decoration profile.
    let decoration = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
    assert_eq!(decoration.potential.value_12m, 0.0);
}

#[test]
fn potential_and_lifecycle_uses_are_said_in_words() {
    use crate::forecast::describe::Uses;
    let c = |first: Option<NaiveDate>| CustomerRecord {
        first_purchase: first,
        ..customer("1")
    };
    let profile = software();
    let short = Uses::of(&profile, &[c(days_ago(400)), c(days_ago(100))], as_of());
    assert_eq!(short.history_days, Some(400));
    assert_eq!(short.mature_days, 730.0);
    let summary = crate::forecast::Summary {
        uses: short,
        ..Default::default()
    };
    let lines = crate::forecast::describe::lines(&summary, Lang::Zh);
    let said = |key: &str| {
        lines
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert!(said("成熟期").starts_with("历史仅 400 天，不足成熟期所需 730 天：无法判断成熟期"));
    assert!(said("客户年龄起点").contains("取较早者"));
    assert!(said("潜力（12个月价值）").starts_with("模型未拟合：不计12个月价值"));
    let long = Uses::of(&profile, &[c(days_ago(800))], as_of());
    let summary = crate::forecast::Summary {
        uses: long,
        ..Default::default()
    };
    let lines = crate::forecast::describe::lines(&summary, Lang::En);
    assert!(lines
        .iter()
        .any(|(k, v)| k == "Mature stage" && v.contains("of 730 days or more")));
    // No known start at all: nothing to say about the history.
    let none = Uses::of(&profile, &[c(None)], as_of());
    assert_eq!(none.history_days, None);
}
