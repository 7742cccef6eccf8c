//! Stage 4, classify: every dimension of SPEC §4 for every customer — 企业规模, 行业大类, needs,
//! payment model, activity and churn, value and RFM, satisfaction, potential, lifecycle, risk and
//! credit — then the weighted 综合得分, the tier and the 评分说明. One `Classified` per input
//! customer, in input order; the same customers, profile and as-of date give the same result.
//!
//! Money-like values (amount, frequency, budget, logins, hours, area) are scored by percentile
//! rank within the customer base, so a single outlier cannot squash everyone else to 0.

// ── per customer, from its record alone ──
// What is known before scoring.
mod facts;

// GB/T 4754-2017, the national industry classification, as data; each class's size-standard row.
pub mod gbt4754;

// Tests of the classification and the everyday words.
#[cfg(test)]
mod industry_tests;

// Free-text industry → the classification's class, the standard's row and the report group.
pub mod industry;

// 企业规模 against the national table (src/size_standard.rs).
mod size;

// Modules in use and needs asked for → canonical need names.
mod needs;

// 付费模式, given or inferred.
mod payment;

// ── against the whole base ──
// Percentile ranks of money-like values.
mod distribution;

// 价值 and RFM.
mod value;

// 活跃 and 流失风险.
mod activity;

// 满意.
mod satisfaction;

// 潜力.
mod potential;

// 生命周期.
mod lifecycle;

// The dimension scores, the weights that count, 综合得分 and 评分说明.
mod score;

// 核心 / 潜力 / 一般客户 cut-offs.
mod tier;

// Findings: unmapped industries, dimensions without data.
mod findings;

// Risk, credit and the recommendations.
pub mod recommend;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::classify::distribution::Distributions;
use crate::classify::facts::Facts;
use crate::classify::industry::IndustryMapper;
use crate::classify::needs::NeedsMapper;
use crate::classify::recommend::{CreditInput, RecommendInput};
use crate::model::{
    Classification, Classified, ClusterName, CustomerRecord, Finding, RfmReferences, Scores,
};
use crate::profile::{Profile, Weights};

pub use crate::classify::tier::{cut_tiers, tier_of};

/// Classifies every customer with the profile's rules. Never fails: every problem in the data
/// becomes a note in 评分说明 or a finding appended to the run's `findings` (unmapped
/// industries, a dimension no customer has data for).
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use custseg::model::{CustomerRecord, Lang};
/// use custseg::profile::Profile;
///
/// let profile = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
/// let customer = CustomerRecord {
///     code: "000123".into(),
///     industry: Some("五金制品制造".into()),
///     employees: Some(350.0),
///     revenue: Some(2500.0),
///     ..Default::default()
/// };
/// let as_of = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
/// let mut findings = Vec::new();
/// let result = custseg::classify::classify(vec![customer], &profile, as_of, &mut findings);
/// assert_eq!(result.customers[0].size_class.label(Lang::Zh), "中型");
/// ```
pub fn classify(
    customers: Vec<CustomerRecord>,
    profile: &Profile,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Classification {
    let needs = NeedsMapper::new(profile);
    // In order on both cores, one industry cache per piece: a few pieces per thread, since
    // each starts its cache afresh (from a copy of the one mapper, its keywords sorted once).
    let mapper = IndustryMapper::new(&profile.industry);
    let piece = customers
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(1);
    let facts: Vec<Facts> = customers
        .par_iter()
        .with_min_len(piece)
        .map_init(
            || mapper.clone(),
            |mapper, c| Facts::of(c, profile, mapper, &needs, as_of),
        )
        .collect();
    findings.extend(findings::unmapped_industry_findings(&customers, &facts));

    let dist = Distributions::new(&customers, &facts);
    let rfm_refs = value::rfm_references(&dist, &facts, profile);

    // Dimension scores and the weighted total, rounded to one decimal before cutting tiers so
    // that what the user sees is what was compared.
    let dimension_scores: Vec<Scores> = customers
        .iter()
        .zip(&facts)
        .map(|(c, f)| score::scores(c, f, &dist, profile))
        .collect();
    let (used_weights, absent) = score::used_weights(&dimension_scores, profile);
    findings.extend(absent);
    let scored: Vec<(Scores, f64)> = dimension_scores
        .into_iter()
        .map(|s| {
            let total = score::total_score(&s, &used_weights);
            (s, total)
        })
        .collect();
    let totals: Vec<f64> = scored.iter().map(|(_, t)| *t).collect();
    let (tier_cutoffs, tier_rule) = cut_tiers(&totals, &profile.tiers);

    let weights = score::normalised_weights(&used_weights);

    let base = Base {
        profile,
        rfm_refs: &rfm_refs,
        tier_cutoffs,
        used_weights: &used_weights,
    };
    let rows: Vec<_> = customers.into_iter().zip(facts).zip(scored).collect();
    let out = rows
        .into_par_iter()
        .map(|((record, f), (s, total))| base.classified(record, f, s, total))
        .collect();
    Classification {
        customers: out,
        rfm_refs,
        tier_cutoffs,
        tier_rule,
        weights,
    }
}

/// What one customer's classification takes from the whole base.
struct Base<'a> {
    profile: &'a Profile,
    rfm_refs: &'a RfmReferences,
    tier_cutoffs: (f64, f64),
    used_weights: &'a Weights,
}

impl Base<'_> {
    /// One customer's classification from its facts, scores and total. The cluster is left for
    /// the clustering stage (0, no name).
    fn classified(&self, record: CustomerRecord, f: Facts, s: Scores, total: f64) -> Classified {
        let profile = self.profile;
        let tier = tier_of(total, self.tier_cutoffs);
        let rfm = value::rfm_class(&f, self.rfm_refs);
        let churn_risk = activity::churn(&record, &f, profile);
        let lifecycle = lifecycle::lifecycle(&f, churn_risk, record.forecast.as_ref(), profile);
        let advice = recommend::credit(
            &CreditInput {
                overdue_days: record.overdue_days,
                receivable: record.receivable,
                monetary: f.monetary,
                complaints: record.complaints,
            },
            tier,
            &profile.credit,
        );
        let frequency_ratio = match f.frequency {
            Some(fr) if self.rfm_refs.frequency > 0.0 => Some(fr / self.rfm_refs.frequency),
            _ => None,
        };
        let (recommended_product, recommended_services) = recommend::recommend(
            &profile.recommend,
            &RecommendInput {
                size: Some(f.size_class),
                group: Some(f.industry.group),
                tier: Some(tier),
                churn: Some(churn_risk),
                lifecycle: Some(lifecycle),
                age_years: f.age_years,
                frequency_ratio,
                style: record.style.as_deref(),
                budget: record.budget,
                projects: record.projects,
                area: record.house_area,
                modules: &record.modules,
                needs: &record.needs,
                activity: s.activity,
                owned: record.product.as_deref(),
            },
        );
        let explanation = score::explain(&s, total, &f, self.used_weights);
        Classified {
            size_class: f.size_class,
            size_basis: f.size_basis,
            std_industry: f.industry.label(),
            industry_code: f.industry.code().unwrap_or_default().to_string(),
            industry_group: f.industry.group,
            needs: f.needs,
            payment_model: f.payment,
            scores: s,
            total_score: total,
            tier,
            rfm,
            recency_days: f.recency_days,
            frequency: f.frequency,
            monetary: f.monetary,
            lifecycle,
            churn_risk,
            risk_level: advice.risk,
            credit_limit: advice.limit,
            settlement: advice.settlement,
            credit_reason: advice.reason,
            recommended_product,
            recommended_services,
            explanation,
            cluster: 0,
            cluster_name: ClusterName::Unnamed,
            record,
        }
    }
}
