//! A synthetic, deterministic `Analysis` for the writers' tests and benchmarks, so that the
//! workbook and the report can be exercised without running the whole pipeline.
//! Not used by the product itself.

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::model::*;
use crate::profile::Dimension;

const NAMES: &[&str] = &[
    "华东精密机械",
    "鑫源五金制品",
    "蓝海软件科技",
    "恒通物流",
    "百佳连锁超市",
    "中建装饰工程",
    "瑞丰食品",
    "金桥商贸",
    "云图信息技术",
    "东方物业服务",
    "长城汽车零部件",
    "新世纪酒店管理",
];
const INDUSTRIES: &[&str] = &[
    "五金制品制造",
    "软件开发",
    "连锁超市",
    "装饰装修工程",
    "货物仓储",
    "酒店",
    "汽车零部件制造",
    "物业服务",
    "批发贸易",
];
const REGIONS: &[&str] = &["江苏", "浙江", "上海", "广东", "北京", "四川"];

/// An analysis of `n` synthetic customers in the given language, the same for the same `n`.
pub fn analysis(n: usize, lang: Lang) -> Analysis {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let as_of = NaiveDate::from_ymd_opt(2026, 9, 30).expect("valid date");
    let input_columns = vec![
        "客户编码".to_string(),
        "客户名称".to_string(),
        "所属行业".to_string(),
    ];
    let mut customers = Vec::with_capacity(n);
    for i in 0..n {
        customers.push(customer(i, &mut rng, as_of));
    }
    let clusters = clusters(&customers);
    let labels = customers.iter().map(|c| c.cluster).collect();
    let findings = vec![Finding {
        file: "客户档案.xlsx".into(),
        sheet: "客户档案".into(),
        row: Some(n as u32 + 4),
        column: None,
        value: "合计".into(),
        issue: Issue::TotalsRow,
        rejected: true,
    }];
    let counts = Tier::ALL.map(|t| customers.iter().filter(|c| c.tier == t).count());
    Analysis {
        run: RunInfo {
            profile: "software".into(),
            as_of,
            as_of_from_today: false,
            as_of_source: lang
                .pick("数据中最晚的日期", "the latest date in the data")
                .into(),
            company: Some("示例软件有限公司".into()),
            version: env!("CARGO_PKG_VERSION").into(),
            generated_at: "2026-10-08 09:30".into(),
            lang,
            seed: 1,
        },
        dataset: Dataset {
            inputs: vec![InputFile {
                path: "客户档案.xlsx".into(),
                sha256: "0".repeat(64),
                encoding: None,
                sheets: vec![SheetInfo {
                    name: "客户档案".into(),
                    role: SheetRole::Customers,
                    header_row: 3,
                    data_rows: n + 1,
                    columns: vec![("客户编码".into(), "code".into())],
                    unrecognised: Vec::new(),
                    skipped: None,
                }],
            }],
            input_columns,
            code_column: Some(0),
            name_column: Some(1),
            customers: Vec::new(),
            findings,
            rows_read: n + 1,
            rows_rejected: 1,
            latest_date: Some(as_of),
            period_end: None,
            joins: Vec::new(),
        },
        classification: Classification {
            customers,
            rfm_refs: RfmReferences {
                method: "mean",
                recency_days: 200.0,
                frequency: 15.0,
                monetary: 60000.0,
            },
            tier_cutoffs: (60.0, 45.0),
            tier_rule: TierRule {
                how: TierHow::Absolute((60.0, 45.0)),
                counts,
            },
            weights: vec![
                (Dimension::Size, 0.2),
                (Dimension::Value, 0.35),
                (Dimension::Activity, 0.2),
                (Dimension::Satisfaction, 0.1),
                (Dimension::Potential, 0.15),
            ],
        },
        clustering: Clustering {
            k: 4,
            k_chosen: true,
            silhouettes: vec![(2, 0.41), (3, 0.45), (4, 0.52), (5, 0.47)],
            features: vec![
                FeatureKind::Monetary,
                FeatureKind::Logins,
                FeatureKind::Satisfaction,
            ],
            clusters,
            labels,
            imputation: ClusterMethod {
                imputed: vec![(FeatureKind::Satisfaction, 3)],
                any_feature: true,
                ..ClusterMethod::default()
            },
        },
        migration: None,
        profile_settings: vec![("name".into(), "software".into())],
        report: crate::profile::ReportSettings::default(),
        forecast: Default::default(),
    }
}

/// Customer `i` of the synthetic base: values drawn from `rng`, labels cycling through every
/// kind so that each appears.
fn customer(i: usize, rng: &mut Xoshiro256PlusPlus, as_of: NaiveDate) -> Classified {
    let code = format!("{:06}", i + 1);
    let name = format!(
        "{}{}有限公司",
        REGIONS[i % REGIONS.len()],
        NAMES[i % NAMES.len()]
    );
    let industry = INDUSTRIES[i % INDUSTRIES.len()].to_string();
    let employees = rng.gen_range(3.0..2000.0_f64).round();
    let revenue = (employees * rng.gen_range(20.0..80.0_f64)).round();
    let amount = (rng.gen_range(8.0..14.0_f64)).exp().round();
    let deals = rng.gen_range(1..30) as f64;
    let recency = rng.gen_range(0..400_i64);
    let record = CustomerRecord {
        code: code.clone(),
        name: Some(name.clone()),
        source: SourceRow {
            file: "客户档案.xlsx".into(),
            sheet: "客户档案".into(),
            row: i as u32 + 4,
        },
        original: vec![
            Cell::Text(code),
            Cell::Text(name),
            Cell::Text(industry.clone()),
        ],
        industry: Some(industry),
        region: Some(REGIONS[i % REGIONS.len()].to_string()),
        employees: Some(employees),
        revenue: Some(revenue),
        purchase_amount: Some(amount),
        deal_count: Some(deals),
        last_purchase: Some(as_of - chrono::Duration::days(recency)),
        satisfaction: Some(rng.gen_range(20.0..100.0_f64).round()),
        login_count: Some(rng.gen_range(0.0..120.0_f64).round()),
        receivable: Some((amount * rng.gen_range(0.0..0.5)).round()),
        overdue_days: Some(rng.gen_range(0.0..120.0_f64).round()),
        payment_model: Some(match i % 3 {
            0 => PaymentModel::Subscription,
            1 => PaymentModel::OneTime,
            _ => PaymentModel::Custom,
        }),
        ..CustomerRecord::default()
    };
    let value = (amount.ln() - 8.0) / 6.0 * 100.0;
    let activity = rng.gen_range(0.0..100.0_f64);
    let satisfaction = record.satisfaction.unwrap_or(60.0);
    let potential = rng.gen_range(0.0..100.0_f64);
    let size = match employees as i64 {
        e if e >= 300 => 90.0,
        e if e >= 100 => 70.0,
        e if e >= 10 => 45.0,
        _ => 20.0,
    };
    let total = 0.2 * size + 0.35 * value + 0.2 * activity + 0.1 * satisfaction + 0.15 * potential;
    let tier = if total >= 60.0 {
        Tier::Core
    } else if total >= 45.0 {
        Tier::Potential
    } else {
        Tier::General
    };
    let size_class = match employees as i64 {
        e if e >= 300 => SizeClass::Large,
        e if e >= 100 => SizeClass::Medium,
        e if e >= 10 => SizeClass::Small,
        _ => SizeClass::Micro,
    };
    Classified {
        size_class,
        size_basis: SizeBasis::Standard {
            row: "软件和信息技术服务业",
            employees: Some(employees),
            revenue: Some(revenue),
            assets: None,
        },
        std_industry: StdIndustryName::Row {
            zh: "软件和信息技术服务业",
            en: "Software and IT services",
        },
        industry_code: String::new(),
        industry_group: IndustryGroup::ALL[i % 5],
        needs: vec![named("基础财务核算"), named("报表分析")],
        payment_model: record.payment_model,
        scores: Scores {
            size: Some(size),
            value: Some(value),
            activity: Some(activity),
            satisfaction: Some(satisfaction),
            potential: Some(potential),
        },
        total_score: (total * 10.0).round() / 10.0,
        tier,
        rfm: Some(RfmClass::ALL[i % 8]),
        recency_days: Some(recency),
        frequency: Some(deals),
        monetary: Some(amount),
        lifecycle: Lifecycle::ALL[i % 5],
        churn_risk: [Level::High, Level::Medium, Level::Low][i % 3],
        risk_level: [RiskLevel::A, RiskLevel::B, RiskLevel::C, RiskLevel::D][i % 4],
        credit_limit: (amount * 0.3).round(),
        settlement: Settlement::Net30,
        credit_reason: CreditReason {
            risk: [RiskLevel::A, RiskLevel::B, RiskLevel::C, RiskLevel::D][i % 4],
            why: Vec::new(),
            limit: CreditLimit::Computed {
                amount,
                share: 0.3,
                factor: 1.0,
                limit: (amount * 0.3).round(),
                capped: false,
            },
            tier,
            settlement: Settlement::Net30,
        },
        recommended_product: Product::Give(ProfileText {
            zh: "标准版".into(),
            en: None,
        }),
        recommended_services: vec![
            Service::Rule(named_text("资金管理")),
            Service::Rule(named_text("专属客户经理")),
        ],
        explanation: Explanation {
            total: (total * 10.0).round() / 10.0,
            first: Some((Dimension::Value, (value * 10.0).round() / 10.0, 35.0)),
            second: Some((Dimension::Activity, (activity * 10.0).round() / 10.0)),
            ..Explanation::default()
        },
        cluster: i % 4 + 1,
        cluster_name: cluster_names()[i % 4].clone(),
        record,
    }
}

/// The four clusters the customers cycle through, with their sizes and mean scores.
fn clusters(customers: &[Classified]) -> Vec<ClusterInfo> {
    (1..=4)
        .map(|id| {
            let members: Vec<&Classified> = customers.iter().filter(|c| c.cluster == id).collect();
            let mean =
                members.iter().map(|c| c.total_score).sum::<f64>() / members.len().max(1) as f64;
            ClusterInfo {
                id,
                name: cluster_names()[id - 1].clone(),
                size: members.len(),
                mean_total: mean,
                centroid: vec![mean * 1000.0, 10.0 * id as f64, 60.0],
            }
        })
        .collect()
}

/// The four clusters' names: 高价值·高活跃, 中等·平稳, 低活跃·高流失风险, 新客户·待培育.
fn cluster_names() -> [ClusterName; 4] {
    use ClusterWord as W;
    let traits = |words: &[ClusterWord]| ClusterName::Traits {
        words: words.to_vec(),
        number: None,
    };
    [
        traits(&[W::HighValue, W::Active]),
        traits(&[]),
        traits(&[W::Inactive, W::HighChurn]),
        traits(&[W::New, W::ToNurture]),
    ]
}

/// A profile text given in Chinese only.
fn named_text(zh: &str) -> ProfileText {
    ProfileText {
        zh: zh.into(),
        en: None,
    }
}

/// A canonical need given in Chinese only.
fn named(zh: &str) -> Need {
    Need::Named(named_text(zh))
}
