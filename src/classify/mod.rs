//! Stage 4, classify: every dimension of SPEC §4 for every customer — 企业规模, 行业大类, needs,
//! payment model, activity and churn, value and RFM, satisfaction, potential, lifecycle, risk and
//! credit — then the weighted 综合得分, the tier and the 评分说明. One `Classified` per input
//! customer, in input order; the same customers, profile and as-of date give the same result.
//!
//! Money-like values (amount, frequency, budget, logins, hours, area) are scored by percentile
//! rank within the customer base, so a single outlier cannot squash everyone else to 0.

pub mod industry;
pub mod recommend;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::classify::industry::{normalise, IndustryMapper};
use crate::classify::recommend::{CreditInput, RecommendInput};
use crate::error::Result;
use crate::model::{
    Classification, Classified, CustomerRecord, Finding, FindingKind, Lang, Level, Lifecycle,
    PaymentModel, RfmClass, RfmReferences, Scores, SizeClass, Tier,
};
use crate::profile::{Dimension, Profile, RfmMethod, TierMethod, TierSettings, ValueMix, Weights};
use crate::size_standard::{self, Indicators};
use crate::{messages, say};

/// Classifies every customer with the profile's rules; what it finds in the data (unmapped
/// industries, a dimension no customer has data for) is appended to the run's `findings`.
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
/// let result =
///     custseg::classify::classify(vec![customer], &profile, as_of, Lang::Zh, &mut findings).unwrap();
/// assert_eq!(result.customers[0].size_class.label(Lang::Zh), "中型");
/// ```
///
/// # Errors
/// None today: every problem in the data becomes a finding or a note in 评分说明.
pub fn classify(
    customers: Vec<CustomerRecord>,
    profile: &Profile,
    as_of: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Result<Classification> {
    let needs = NeedsMapper::new(profile, lang);
    let facts: Vec<Facts> = customers
        .par_iter()
        .map_init(
            || IndustryMapper::new(&profile.industry),
            |mapper, c| Facts::of(c, profile, mapper, &needs, as_of, lang),
        )
        .collect();
    findings.extend(unmapped_industry_findings(&customers, &facts, lang));

    let dist = Distributions::new(&customers, &facts);
    let rfm_refs = rfm_references(&facts, profile);

    // Dimension scores and the weighted total, rounded to one decimal before cutting tiers so
    // that what the user sees is what was compared.
    let dimension_scores: Vec<Scores> = customers
        .iter()
        .zip(&facts)
        .map(|(c, f)| scores(c, f, &dist, profile))
        .collect();
    // A dimension no customer has data for takes no part at all: saying "missing" on every row
    // would be noise, so it is said once, as a finding, and its weight is 0 in what is reported.
    let mut used_weights = profile.weights;
    if !dimension_scores.is_empty() {
        for d in Dimension::ALL {
            let absent = d.weight(&profile.weights) > 0.0
                && dimension_scores
                    .iter()
                    .all(|s| dimension_score(s, d).is_none());
            if absent {
                set_weight(&mut used_weights, d, 0.0);
                findings.push(absent_dimension_finding(d, lang));
            }
        }
        if Dimension::ALL
            .iter()
            .all(|d| d.weight(&used_weights) <= 0.0)
        {
            used_weights = profile.weights;
        }
    }
    let scored: Vec<(Scores, f64)> = dimension_scores
        .into_iter()
        .map(|s| {
            let total = total_score(&s, &used_weights);
            (s, total)
        })
        .collect();
    let totals: Vec<f64> = scored.iter().map(|(_, t)| *t).collect();
    let (tier_cutoffs, tier_rule) = cut_tiers(&totals, &profile.tiers, lang);

    let weights = normalised_weights(&used_weights)
        .into_iter()
        .map(|(d, w)| (d.label(lang).to_string(), w))
        .collect();

    let rows: Vec<_> = customers.into_iter().zip(facts).zip(scored).collect();
    let one = |((record, f), (s, total)): ((CustomerRecord, Facts), (Scores, f64))| {
        let tier = tier_of(total, tier_cutoffs);
        let rfm = match (f.recency_days, f.frequency, f.monetary) {
            (Some(r), Some(fr), Some(m)) => Some(RfmClass::from_flags(
                r as f64 <= rfm_refs.recency_days,
                fr >= rfm_refs.frequency,
                m >= rfm_refs.monetary,
            )),
            _ => None,
        };
        let churn_risk = churn(&record, &f, profile);
        let lifecycle = lifecycle(&f, churn_risk, profile);
        let advice = recommend::credit(
            &CreditInput {
                overdue_days: record.overdue_days,
                receivable: record.receivable,
                monetary: f.monetary,
                complaints: record.complaints,
            },
            tier,
            &profile.credit,
            lang,
        );
        let frequency_ratio = match f.frequency {
            Some(fr) if rfm_refs.frequency > 0.0 => Some(fr / rfm_refs.frequency),
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
            },
            lang,
        );
        let explanation = explain(&s, total, &f, &used_weights, lang);
        Classified {
            size_class: f.size_class,
            size_basis: f.size_basis,
            std_industry: lang
                .pick(f.industry.standard.name, f.industry.standard.name_en)
                .to_string(),
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
            cluster_name: String::new(),
            record,
        }
    };
    let out: Vec<Classified> = rows.into_par_iter().map(one).collect();
    Ok(Classification {
        customers: out,
        rfm_refs,
        tier_cutoffs,
        tier_rule,
        weights,
    })
}

// ───────────────────────────── per-customer facts ─────────────────────────────

/// What is known about one customer before scoring.
#[derive(Debug, Clone)]
struct Facts {
    industry: crate::classify::industry::IndustryMatch,
    industry_text: Option<String>,
    size_class: SizeClass,
    size_basis: String,
    /// Only one of the standard's two indicators was present.
    size_partial: bool,
    needs: Vec<String>,
    unmet_needs: Option<usize>,
    payment: Option<PaymentModel>,
    /// Why the payment model was inferred (None when given or unknown).
    payment_inferred: Option<String>,
    recency_days: Option<i64>,
    frequency: Option<f64>,
    monetary: Option<f64>,
    login_days: Option<i64>,
    /// Days since the last sign of life: a login, a purchase, or (logins in the last 90 days
    /// without a date) at most 90.
    inactive_days: Option<f64>,
    growth: Option<f64>,
    age_days: Option<i64>,
    age_years: Option<f64>,
}

impl Facts {
    fn of(
        c: &CustomerRecord,
        profile: &Profile,
        mapper: &mut IndustryMapper,
        needs: &NeedsMapper,
        as_of: NaiveDate,
        lang: Lang,
    ) -> Facts {
        let industry = mapper.map(c.industry.as_deref());
        let indicators = Indicators {
            employees: c.employees,
            revenue: c.revenue,
            assets: c.total_assets,
        };
        let (size_class, size_basis) =
            size_standard::classify(industry.standard, &indicators, lang);
        let present = industry
            .standard
            .bounds
            .iter()
            .filter(|(ind, _)| {
                let v = match ind {
                    size_standard::Indicator::Employees => c.employees,
                    size_standard::Indicator::Revenue => c.revenue,
                    size_standard::Indicator::Assets => c.total_assets,
                };
                v.is_some_and(|v| v.is_finite() && v >= 0.0)
            })
            .count();
        let size_partial = present > 0 && present < industry.standard.bounds.len();

        let used = needs.map_all(&c.modules);
        let asked = needs.map_all(&c.needs);
        let mut all: Vec<String> = Vec::new();
        for n in needs.order(&used, &asked) {
            if !all.contains(&n) {
                all.push(n);
            }
        }
        let unmet_needs =
            (!c.needs.is_empty()).then(|| asked.iter().filter(|n| !used.contains(n)).count());

        let (payment, payment_inferred) = payment_model(c, profile, lang);
        let days_since = |d: Option<NaiveDate>| d.map(|d| (as_of - d).num_days().max(0));
        let frequency = c.deal_count.or(c.projects).filter(|v| v.is_finite());
        let age_years = c
            .founded
            .map(|f| ((as_of - f).num_days().max(0) as f64) / 365.25);
        let recency_days = days_since(c.last_purchase);
        let login_days = days_since(c.last_login);
        let recent_logins = c.login_count.filter(|n| *n > 0.0).map(|_| 90);
        let inactive_days = [login_days, recency_days, recent_logins]
            .into_iter()
            .flatten()
            .min()
            .map(|d| d as f64);
        Facts {
            industry,
            industry_text: c.industry.clone(),
            size_class,
            size_basis,
            size_partial,
            needs: all,
            unmet_needs,
            payment,
            payment_inferred,
            recency_days,
            frequency,
            monetary: c.purchase_amount.filter(|v| v.is_finite()),
            login_days,
            inactive_days,
            growth: growth(&c.amount_by_year, as_of),
            age_days: days_since(c.first_purchase),
            age_years,
        }
    }
}

/// The payment model given, else inferred from the renewal rate or the texts (and why).
fn payment_model(
    c: &CustomerRecord,
    profile: &Profile,
    lang: Lang,
) -> (Option<PaymentModel>, Option<String>) {
    if let Some(p) = c.payment_model {
        return (Some(p), None);
    }
    if c.renewal_rate.is_some() {
        return (
            Some(PaymentModel::Subscription),
            Some(say!(
                lang,
                "付费模式按续费率推断为订阅",
                "payment model inferred as subscription from the renewal rate"
            )),
        );
    }
    if let Some(product) = c.product.as_deref() {
        let text = normalise(product);
        let k = &profile.payment;
        for (model, keys) in [
            (PaymentModel::Custom, &k.custom),
            (PaymentModel::Subscription, &k.subscription),
            (PaymentModel::OneTime, &k.one_time),
        ] {
            if keys
                .iter()
                .any(|key| !key.trim().is_empty() && text.contains(&normalise(key)))
            {
                return (
                    Some(model),
                    Some(say!(
                        lang,
                        "付费模式按产品“{}”推断为{}",
                        "payment model inferred as {1} from the product \"{0}\"",
                        product.trim(),
                        model.label(lang)
                    )),
                );
            }
        }
    }
    (None, None)
}

/// Year-on-year change of the amount: the last complete year against the one before (the current
/// year counts as complete, annualised, only in its last weeks). A partial year is not
/// annualised earlier because B2B purchases are lumpy and seasonal: an annual renewal due in
/// November would otherwise read as a collapse in September. A fall below zero (returns
/// exceeding sales) counts as −100 %.
fn growth(by_year: &BTreeMap<i32, f64>, as_of: NaiveDate) -> Option<f64> {
    if by_year.is_empty() {
        return None;
    }
    let y = as_of.year();
    let days_in_year = if NaiveDate::from_ymd_opt(y, 12, 31)?.ordinal() == 366 {
        366.0
    } else {
        365.0
    };
    let elapsed = as_of.ordinal() as f64 / days_in_year;
    let amount = |year: i32| by_year.get(&year).copied().unwrap_or(0.0);
    let (current, previous) = if elapsed >= 0.95 {
        (amount(y) / elapsed, amount(y - 1))
    } else {
        (amount(y - 1), amount(y - 2))
    };
    (previous > 0.0 && current.is_finite()).then(|| (current / previous - 1.0).max(-1.0))
}

// ───────────────────────────── needs ─────────────────────────────

/// Module and needs texts → canonical need names (longest keyword wins; unmatched text kept).
struct NeedsMapper {
    /// (normalised keyword, need index), longest first.
    keywords: Vec<(String, usize)>,
    names: Vec<String>,
}

impl NeedsMapper {
    fn new(profile: &Profile, lang: Lang) -> NeedsMapper {
        let mut keywords = Vec::new();
        let mut names = Vec::new();
        for (i, rule) in profile.needs.iter().enumerate() {
            names.push(match (lang, &rule.name_en) {
                (Lang::En, Some(en)) if !en.trim().is_empty() => en.clone(),
                _ => rule.name.clone(),
            });
            keywords.push((normalise(&rule.name), i));
            for k in &rule.keywords {
                let k = normalise(k);
                if !k.is_empty() {
                    keywords.push((k, i));
                }
            }
        }
        keywords.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.1.cmp(&b.1))
        });
        NeedsMapper { keywords, names }
    }

    /// Each text as Ok(need index) or Err(the text as written).
    fn map_all(&self, texts: &[String]) -> Vec<std::result::Result<usize, String>> {
        texts
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let n = normalise(t);
                self.keywords
                    .iter()
                    .find(|(k, _)| n.contains(k.as_str()))
                    .map(|(_, i)| *i)
                    .ok_or_else(|| t.to_string())
            })
            .collect()
    }

    /// Canonical needs in the profile's order, then unmatched texts in input order.
    fn order(
        &self,
        used: &[std::result::Result<usize, String>],
        asked: &[std::result::Result<usize, String>],
    ) -> Vec<String> {
        let mut idx: Vec<usize> = used
            .iter()
            .chain(asked)
            .filter_map(|r| r.as_ref().ok().copied())
            .collect();
        idx.sort_unstable();
        idx.dedup();
        let mut out: Vec<String> = idx.into_iter().map(|i| self.names[i].clone()).collect();
        for raw in used.iter().chain(asked).filter_map(|r| r.as_ref().err()) {
            out.push(raw.clone());
        }
        out
    }
}

// ───────────────────────────── findings ─────────────────────────────

/// One finding per distinct industry text that no keyword maps, at its first customer's row.
fn unmapped_industry_findings(
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

// ───────────────────────────── distributions and RFM ─────────────────────────────

/// A sorted sample for percentile ranks.
#[derive(Debug, Default)]
struct Percentile {
    sorted: Vec<f64>,
}

impl Percentile {
    fn new(values: impl Iterator<Item = Option<f64>>) -> Percentile {
        let mut sorted: Vec<f64> = values.flatten().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        Percentile { sorted }
    }

    /// Mid-rank percentile 0–100: ties share the middle of their ranks, so equal values score
    /// the same and a single customer scores 50.
    fn rank(&self, v: f64) -> Option<f64> {
        if self.sorted.is_empty() || !v.is_finite() {
            return None;
        }
        let below = self.sorted.partition_point(|x| *x < v);
        let upto = self.sorted.partition_point(|x| *x <= v);
        let n = self.sorted.len() as f64;
        Some((below as f64 + (upto - below) as f64 / 2.0) / n * 100.0)
    }

    fn mean(&self) -> Option<f64> {
        (!self.sorted.is_empty())
            .then(|| self.sorted.iter().sum::<f64>() / self.sorted.len() as f64)
    }

    fn median(&self) -> Option<f64> {
        let n = self.sorted.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(self.sorted[n / 2]),
            _ => Some((self.sorted[n / 2 - 1] + self.sorted[n / 2]) / 2.0),
        }
    }
}

struct Distributions {
    monetary: Percentile,
    frequency: Percentile,
    recency: Percentile,
    logins: Percentile,
    hours: Percentile,
    budget: Percentile,
    area: Percentile,
}

impl Distributions {
    fn new(customers: &[CustomerRecord], facts: &[Facts]) -> Distributions {
        Distributions {
            monetary: Percentile::new(facts.iter().map(|f| f.monetary)),
            frequency: Percentile::new(facts.iter().map(|f| f.frequency)),
            recency: Percentile::new(facts.iter().map(|f| f.recency_days.map(|d| d as f64))),
            logins: Percentile::new(customers.iter().map(|c| c.login_count)),
            hours: Percentile::new(customers.iter().map(|c| c.usage_hours)),
            budget: Percentile::new(customers.iter().map(|c| c.budget)),
            area: Percentile::new(customers.iter().map(|c| c.house_area)),
        }
    }
}

fn rfm_references(facts: &[Facts], profile: &Profile) -> RfmReferences {
    let r = Percentile::new(facts.iter().map(|f| f.recency_days.map(|d| d as f64)));
    let f = Percentile::new(facts.iter().map(|f| f.frequency));
    let m = Percentile::new(facts.iter().map(|f| f.monetary));
    let s = &profile.rfm;
    let pick = |p: &Percentile, fixed: f64| match s.method {
        RfmMethod::Mean => p.mean().unwrap_or(fixed),
        RfmMethod::Median => p.median().unwrap_or(fixed),
        RfmMethod::Fixed => fixed,
    };
    RfmReferences {
        method: s.method.key(),
        recency_days: pick(&r, s.recency_days),
        frequency: pick(&f, s.frequency),
        monetary: pick(&m, s.monetary),
    }
}

// ───────────────────────────── scores ─────────────────────────────

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Weighted mean of the parts present (weight > 0); None when none is present.
fn blend(parts: &[(f64, Option<f64>)]) -> Option<f64> {
    let (sum, weight) = parts
        .iter()
        .filter(|(w, v)| *w > 0.0 && v.is_some_and(f64::is_finite))
        .fold((0.0, 0.0), |(s, tw), (w, v)| {
            (s + w * v.unwrap_or(0.0), tw + w)
        });
    (weight > 0.0).then(|| round1((sum / weight).clamp(0.0, 100.0)))
}

fn scores(c: &CustomerRecord, f: &Facts, d: &Distributions, profile: &Profile) -> Scores {
    let size = match f.size_class {
        SizeClass::Large => Some(profile.size_scores.large),
        SizeClass::Medium => Some(profile.size_scores.medium),
        SizeClass::Small => Some(profile.size_scores.small),
        SizeClass::Micro => Some(profile.size_scores.micro),
        SizeClass::Unknown => None,
    };
    let m_rank = f.monetary.and_then(|m| d.monetary.rank(m));
    // Rounded to one decimal, as shown: 综合得分 is then computed from the scores the user sees.
    Scores {
        size,
        value: value_score(c, f, d, m_rank, profile).map(round1),
        activity: activity_score(c, f, d, profile).map(round1),
        satisfaction: satisfaction_score(c, profile).map(round1),
        potential: potential_score(c, f, d, size, m_rank, profile).map(round1),
    }
}

fn value_mix(p: Option<PaymentModel>, profile: &Profile) -> &ValueMix {
    match p {
        Some(PaymentModel::Subscription) => &profile.value.subscription,
        Some(PaymentModel::OneTime) => &profile.value.one_time,
        Some(PaymentModel::Custom) => &profile.value.custom,
        None => &profile.value.unknown,
    }
}

fn value_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    m_rank: Option<f64>,
    profile: &Profile,
) -> Option<f64> {
    let mix = value_mix(f.payment, profile);
    blend(&[
        (mix.monetary, m_rank),
        (mix.frequency, f.frequency.and_then(|v| d.frequency.rank(v))),
        (
            mix.recency,
            f.recency_days
                .and_then(|r| d.recency.rank(r as f64))
                .map(|p| 100.0 - p),
        ),
        (
            mix.renewal,
            c.renewal_rate.map(|r| (r * 100.0).clamp(0.0, 100.0)),
        ),
        (mix.usage, c.login_count.and_then(|v| d.logins.rank(v))),
    ])
}

fn activity_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    profile: &Profile,
) -> Option<f64> {
    let a = &profile.activity;
    let login_recency = f.login_days.map(|days| {
        let days = days as f64;
        if days <= a.fresh_login_days {
            100.0
        } else if days >= a.stale_login_days || a.stale_login_days <= a.fresh_login_days {
            0.0
        } else {
            100.0 * (a.stale_login_days - days) / (a.stale_login_days - a.fresh_login_days)
        }
    });
    let breadth = (!c.modules.is_empty() && a.full_modules > 0.0)
        .then(|| (c.modules.len() as f64 / a.full_modules).min(1.0) * 100.0);
    blend(&[
        (a.logins, c.login_count.and_then(|v| d.logins.rank(v))),
        (a.recency, login_recency),
        (a.breadth, breadth),
        (a.hours, c.usage_hours.and_then(|v| d.hours.rank(v))),
    ])
}

/// The 0–100 satisfaction blended with NPS (×10), less complaints and tickets (each capped).
fn satisfaction_score(c: &CustomerRecord, profile: &Profile) -> Option<f64> {
    let s = &profile.satisfaction;
    let sat = c
        .satisfaction
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(0.0, 100.0));
    let nps = c
        .nps
        .filter(|v| v.is_finite())
        .map(|v| (v * 10.0).clamp(0.0, 100.0));
    let base = match (sat, nps) {
        (Some(a), Some(b)) => a * (1.0 - s.nps_weight) + b * s.nps_weight,
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    let complaints = c
        .complaints
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0);
    let tickets = c
        .tickets
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0);
    let off = (complaints * s.complaint_penalty).min(s.complaint_cap)
        + (tickets * s.ticket_penalty).min(s.ticket_cap);
    Some(round1((base - off).clamp(0.0, 100.0)))
}

fn potential_score(
    c: &CustomerRecord,
    f: &Facts,
    d: &Distributions,
    size: Option<f64>,
    m_rank: Option<f64>,
    profile: &Profile,
) -> Option<f64> {
    let p = &profile.potential;
    let unmet = f.unmet_needs.map(|n| {
        if p.full_unmet_needs > 0.0 {
            (n as f64 / p.full_unmet_needs).min(1.0) * 100.0
        } else {
            0.0
        }
    });
    let growth = f.growth.map(|g| {
        if p.full_growth > 0.0 {
            (50.0 + 50.0 * g / p.full_growth).clamp(0.0, 100.0)
        } else {
            50.0
        }
    });
    // A large firm that spends little has room to buy more.
    let headroom = match (size, m_rank) {
        (Some(s), Some(m)) => Some(s * (100.0 - m) / 100.0),
        _ => None,
    };
    let stage = c.stage.as_deref().and_then(|text| {
        let t = normalise(text);
        p.stages
            .iter()
            .find(|s| {
                s.keywords
                    .iter()
                    .any(|k| !k.is_empty() && t.contains(&normalise(k)))
            })
            .map(|s| s.score)
    });
    blend(&[
        (p.budget, c.budget.and_then(|v| d.budget.rank(v))),
        (p.unmet_needs, unmet),
        (p.growth, growth),
        (p.headroom, headroom),
        (p.area, c.house_area.and_then(|v| d.area.rank(v))),
        (p.stage, stage),
    ])
}

fn dimension_score(s: &Scores, d: Dimension) -> Option<f64> {
    match d {
        Dimension::Size => s.size,
        Dimension::Value => s.value,
        Dimension::Activity => s.activity,
        Dimension::Satisfaction => s.satisfaction,
        Dimension::Potential => s.potential,
    }
}

/// The weights as shares summing to 1.
fn normalised_weights(w: &Weights) -> Vec<(Dimension, f64)> {
    let total: f64 = Dimension::ALL.iter().map(|d| d.weight(w)).sum();
    Dimension::ALL
        .iter()
        .map(|d| (*d, d.weight(w) / total.max(f64::MIN_POSITIVE)))
        .collect()
}

fn set_weight(w: &mut Weights, d: Dimension, value: f64) {
    match d {
        Dimension::Size => w.size = value,
        Dimension::Value => w.value = value,
        Dimension::Activity => w.activity = value,
        Dimension::Satisfaction => w.satisfaction = value,
        Dimension::Potential => w.potential = value,
    }
}

/// The finding for a weighted dimension that no customer has any data for.
fn absent_dimension_finding(d: Dimension, lang: Lang) -> Finding {
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

/// 综合得分: weighted mean over the dimensions present, rounded to one decimal (0 when nothing
/// could be scored).
fn total_score(s: &Scores, w: &Weights) -> f64 {
    let parts: Vec<(f64, Option<f64>)> = Dimension::ALL
        .iter()
        .map(|d| (d.weight(w), dimension_score(s, *d)))
        .collect();
    blend(&parts).unwrap_or(0.0)
}

// ───────────────────────────── tiers ─────────────────────────────

/// The tier a total falls in: core ⇔ total ≥ cut.0; potential ⇔ cut.1 ≤ total < cut.0.
pub fn tier_of(total: f64, cut: (f64, f64)) -> Tier {
    if total >= cut.0 {
        Tier::Core
    } else if total >= cut.1 {
        Tier::Potential
    } else {
        Tier::General
    }
}

/// The cut-offs actually applied and the rule in one sentence, with any fallback stated.
///
/// By quantile, each cut-off is a score that some customer has, chosen so the tier's head count
/// comes closest to its share; where ties make that impossible the sentence says how many each
/// tier got instead. With three or more distinct scores every tier gets someone; with two, the
/// higher score is core and the rest general; with one (or no customers) the absolute cut-offs
/// apply.
pub fn cut_tiers(totals: &[f64], t: &TierSettings, lang: Lang) -> ((f64, f64), String) {
    let n = totals.len();
    let absolute = (t.core_score, t.potential_score.min(t.core_score));
    let counts = |cut: (f64, f64)| {
        let mut c = [0usize; 3];
        for &v in totals {
            c[Tier::ALL
                .iter()
                .position(|x| *x == tier_of(v, cut))
                .unwrap_or(2)] += 1;
        }
        c
    };
    let count_text = |cut: (f64, f64)| {
        let c = counts(cut);
        say!(
            lang,
            "（核心客户 {} 个、潜力客户 {} 个、一般客户 {} 个）",
            " ({} core, {} potential, {} general)",
            c[0],
            c[1],
            c[2]
        )
    };
    let absolute_text = |cut: (f64, f64)| {
        say!(
            lang,
            "{} 分及以上为核心客户，{} 分及以上为潜力客户，其余为一般客户",
            "{} and above core, {} and above potential, the rest general",
            cut.0,
            cut.1
        )
    };
    if t.method == TierMethod::Absolute {
        let rule = say!(
            lang,
            "按绝对分数线：{}",
            "Absolute cut-offs: {}",
            absolute_text(absolute)
        );
        return (absolute, rule + &count_text(absolute));
    }
    let mut distinct: Vec<f64> = totals.iter().copied().filter(|v| v.is_finite()).collect();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup();
    let k = distinct.len();
    if k <= 1 {
        let why = if n == 0 {
            say!(lang, "没有客户", "no customers")
        } else {
            say!(
                lang,
                "所有客户综合得分相同（{} 分），无法按名次划分",
                "every customer has the same total ({})",
                distinct.first().copied().unwrap_or(0.0)
            )
        };
        let rule = say!(
            lang,
            "{}，改用分数线：{}",
            "{}, so the fixed cut-offs apply: {}",
            why,
            absolute_text(absolute)
        );
        return (absolute, rule + &count_text(absolute));
    }
    if k == 2 {
        let cut = (distinct[0], distinct[0]);
        let rule = say!(
            lang,
            "综合得分只有两个不同值，无法按比例分三档：{} 分为核心客户，其余为一般客户",
            "only two distinct totals, too few for three tiers: {} is core, the rest general",
            distinct[0]
        );
        return (cut, rule + &count_text(cut));
    }
    // cum[i] = how many customers score ≥ distinct[i].
    let mut cum = Vec::with_capacity(k);
    let mut sorted: Vec<f64> = totals.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    for d in &distinct {
        cum.push(sorted.partition_point(|x| *x >= *d));
    }
    let target_core = ((n as f64 * t.core_share).round() as usize).max(1);
    let target_cum = ((n as f64 * (t.core_share + t.potential_share)).round() as usize)
        .max(target_core + usize::from(t.potential_share > 0.0));
    let closest = |range: std::ops::RangeInclusive<usize>, target: usize| {
        range
            .min_by_key(|&i| (cum[i].abs_diff(target), i))
            .unwrap_or(0)
    };
    let no_potential = t.potential_share <= 0.0;
    let core_last = if no_potential { k - 2 } else { k - 3 };
    let i = closest(0..=core_last, target_core);
    let cut = if no_potential {
        (distinct[i], distinct[i])
    } else {
        let pot_last = if target_cum >= n { k - 1 } else { k - 2 };
        let j = closest(i + 1..=pot_last.max(i + 1), target_cum);
        (distinct[i], distinct[j])
    };
    let c = counts(cut);
    let want = [target_core, target_cum.saturating_sub(target_core)];
    let mut rule = say!(
        lang,
        "按分位数：前 {}% 为核心客户（综合得分 ≥ {}），其后 {}% 为潜力客户（≥ {}），其余为一般客户",
        "By quantile: top {}% core (total ≥ {}), next {}% potential (≥ {}), the rest general",
        round1(t.core_share * 100.0),
        cut.0,
        round1(t.potential_share * 100.0),
        cut.1
    );
    if c[0] != want[0] || (!no_potential && c[1] != want[1]) {
        rule.push_str(&say!(
            lang,
            "；因同分无法精确按比例划分，同分客户归入同一等级（按比例应为核心 {} 个、潜力 {} 个）",
            "; ties make exact shares impossible, so equal totals share a tier (the shares would give {} core, {} potential)",
            want[0],
            if no_potential { 0 } else { want[1] }
        ));
    }
    (cut, rule + &count_text(cut))
}

// ───────────────────────────── churn and lifecycle ─────────────────────────────

/// 流失风险 from inactivity (logins, else purchases) and a falling yearly amount.
fn churn(c: &CustomerRecord, f: &Facts, profile: &Profile) -> Level {
    let a = &profile.activity;
    let mut level = Level::Low;
    let mut known = false;
    let raise = |to: Level, level: &mut Level| {
        // Level orders High < Medium < Low.
        if to < *level {
            *level = to;
        }
    };
    if let Some(days) = f.login_days {
        known = true;
        let d = days as f64;
        if d >= a.churn_high_login_days {
            raise(Level::High, &mut level);
        } else if d >= a.churn_medium_login_days {
            raise(Level::Medium, &mut level);
        }
    } else if let Some(n) = c.login_count {
        known = true;
        if n <= 0.0 {
            raise(Level::High, &mut level);
        }
    } else if let Some(days) = f.recency_days {
        known = true;
        let d = days as f64;
        if d >= a.churn_high_purchase_days {
            raise(Level::High, &mut level);
        } else if d >= a.churn_medium_purchase_days {
            raise(Level::Medium, &mut level);
        }
    }
    if let Some(g) = f.growth {
        // A steep fall alone is 中; with signs of inactivity too (or nothing else to go on) 高.
        let inactive_or_unknown = level != Level::Low || !known;
        known = true;
        if g <= -a.churn_high_decline && inactive_or_unknown {
            raise(Level::High, &mut level);
        } else if g <= -a.churn_medium_decline {
            raise(Level::Medium, &mut level);
        }
    }
    if !known {
        // Nothing says the customer is active: watch, do not alarm.
        level = Level::Medium;
    }
    level
}

/// 生命周期 from the age of the first purchase, inactivity and the yearly trend.
fn lifecycle(f: &Facts, churn: Level, profile: &Profile) -> Lifecycle {
    let l = &profile.lifecycle;
    let inactivity = f.inactive_days;
    let age = f.age_days.map(|d| d as f64);
    // A prospect who has never bought (a decoration lead at 意向/量房, a trial account) is new,
    // whatever the other signals say.
    let never_bought =
        f.monetary.is_some_and(|m| m <= 0.0) || f.frequency.is_some_and(|n| n <= 0.0);
    if never_bought && f.age_days.is_none() {
        return Lifecycle::New;
    }
    if inactivity.is_some_and(|d| d >= l.lost_days) {
        return Lifecycle::Lost;
    }
    if age.is_some_and(|a| a <= l.new_days) {
        return Lifecycle::New;
    }
    if inactivity.is_some_and(|d| d >= l.declining_days)
        || f.growth.is_some_and(|g| g <= -l.decline)
        || churn == Level::High
    {
        return Lifecycle::Declining;
    }
    if f.growth.is_some_and(|g| g >= l.growth) || age.is_some_and(|a| a < l.growing_days) {
        return Lifecycle::Growing;
    }
    Lifecycle::Mature
}

// ───────────────────────────── explanation ─────────────────────────────

/// 评分说明: the largest contributions, the dimensions missing, and notes on inferred data.
fn explain(s: &Scores, total: f64, f: &Facts, w: &Weights, lang: Lang) -> String {
    let present: Vec<(Dimension, f64, f64)> = Dimension::ALL
        .iter()
        .filter(|d| d.weight(w) > 0.0)
        .filter_map(|d| dimension_score(s, *d).map(|v| (*d, d.weight(w), v)))
        .collect();
    let missing: Vec<&str> = Dimension::ALL
        .iter()
        .filter(|d| d.weight(w) > 0.0 && dimension_score(s, **d).is_none())
        .map(|d| d.label(lang))
        .collect();
    let sum_w: f64 = present.iter().map(|(_, w, _)| w).sum();
    let mut by_contribution = present.clone();
    by_contribution.sort_by(|a, b| (b.1 * b.2).total_cmp(&(a.1 * a.2)));
    let score_name = |d: Dimension| say!(lang, "{}得分", "{} score", d.label(lang));
    let mut text = if by_contribution.is_empty() {
        say!(
            lang,
            "综合得分 {}：没有可评分的数据",
            "Total {}: nothing could be scored",
            total
        )
    } else {
        let (d0, w0, v0) = by_contribution[0];
        let mut t = say!(
            lang,
            "综合得分 {}：{} {}（权重{}%）贡献最大",
            "Total {}: {} {} (weight {}%) contributes most",
            total,
            score_name(d0),
            v0,
            (w0 / sum_w * 100.0).round()
        );
        if let Some((d1, _, v1)) = by_contribution.get(1) {
            t.push_str(&say!(
                lang,
                "，其次{} {}",
                ", then {} {}",
                score_name(*d1),
                v1
            ));
        }
        t
    };
    let mut notes: Vec<String> = Vec::new();
    if !missing.is_empty() && !present.is_empty() {
        notes.push(say!(
            lang,
            "缺少{}数据，权重已按其余维度重新分配",
            "no data for {}, so the weights were spread over the other dimensions",
            missing.join(lang.pick("、", ", "))
        ));
    }
    if f.size_partial {
        if let Some(pos) = f.size_basis.find(lang.pick("（缺少", " (no ")) {
            let note = f.size_basis[pos..]
                .trim_matches(|c| c == '（' || c == '）' || c == '(' || c == ')' || c == ' ');
            notes.push(say!(lang, "企业规模{}", "size: {}", note));
        }
    }
    if let Some(why) = &f.payment_inferred {
        notes.push(why.clone());
    }
    if !f.industry.mapped() {
        if let Some(t) = f.industry_text.as_deref().filter(|t| !t.trim().is_empty()) {
            notes.push(say!(
                lang,
                "行业“{}”未能归类，按其他未列明行业判定",
                "industry \"{}\" not mapped, sized as other industries",
                t.trim()
            ));
        }
    }
    if !notes.is_empty() {
        text.push_str(lang.pick("；", "; "));
        text.push_str(&notes.join(lang.pick("；", "; ")));
    }
    text.push_str(lang.pick("。", "."));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceRow;

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
        let result = classify(records, &software(), as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
            assert_eq!((c.cluster, c.cluster_name.as_str()), (0, ""), "row {i}");
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
        let a = classify(
            synthetic(50),
            &software(),
            as_of(),
            Lang::Zh,
            &mut Vec::new(),
        )
        .unwrap();
        let b = classify(
            synthetic(50),
            &software(),
            as_of(),
            Lang::Zh,
            &mut Vec::new(),
        )
        .unwrap();
        for (x, y) in a.customers.iter().zip(&b.customers) {
            assert_eq!(x.total_score, y.total_score);
            assert_eq!(x.explanation, y.explanation);
        }
    }

    #[test]
    fn empty_base_is_fine() {
        let r = classify(Vec::new(), &software(), as_of(), Lang::En, &mut Vec::new()).unwrap();
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
        let result = classify(records, &profile, as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
        let result = classify(vec![partial], &profile, as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
        let mean = classify(
            records.clone(),
            &profile,
            as_of(),
            Lang::Zh,
            &mut Vec::new(),
        )
        .unwrap();
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
        let median = classify(records, &profile, as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
        let (cut, rule) = cut_tiers(totals, t, Lang::Zh);
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
        let r = classify(records, &software(), as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
            let (got, why) = payment_model(&c, &p, Lang::Zh);
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
            &mut Vec::new(),
        )
        .unwrap();
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

    /// 流失风险 and 生命周期 from logins, purchases and the trend.
    #[test]
    fn churn_and_lifecycle() {
        let p = software();
        let by_year = |a: f64, b: f64| [(2024, a), (2025, b)].into_iter().collect();
        struct Case {
            login: Option<i64>,
            logins: Option<f64>,
            purchase: Option<i64>,
            first: Option<i64>,
            years: BTreeMap<i32, f64>,
            churn: Level,
            life: Lifecycle,
        }
        let cases = [
            Case {
                login: Some(3),
                logins: None,
                purchase: Some(30),
                first: Some(1000),
                years: by_year(100.0, 100.0),
                churn: Level::Low,
                life: Lifecycle::Mature,
            },
            Case {
                login: Some(30),
                logins: None,
                purchase: Some(30),
                first: Some(1000),
                years: by_year(100.0, 100.0),
                churn: Level::Medium,
                life: Lifecycle::Mature,
            },
            Case {
                login: Some(90),
                logins: None,
                purchase: Some(30),
                first: Some(1000),
                years: by_year(100.0, 100.0),
                churn: Level::High,
                life: Lifecycle::Declining,
            },
            Case {
                login: None,
                logins: Some(0.0),
                purchase: Some(30),
                first: Some(1000),
                years: BTreeMap::new(),
                churn: Level::High,
                life: Lifecycle::Declining,
            },
            Case {
                login: None,
                logins: None,
                purchase: Some(200),
                first: Some(1000),
                years: BTreeMap::new(),
                churn: Level::Medium,
                life: Lifecycle::Declining,
            },
            Case {
                login: None,
                logins: None,
                purchase: Some(400),
                first: Some(1000),
                years: BTreeMap::new(),
                churn: Level::High,
                life: Lifecycle::Lost,
            },
            Case {
                login: Some(1),
                logins: None,
                purchase: Some(10),
                first: Some(1000),
                years: by_year(100.0, 70.0),
                churn: Level::Medium,
                life: Lifecycle::Declining,
            },
            Case {
                login: Some(1),
                logins: None,
                purchase: Some(10),
                first: Some(1000),
                years: by_year(100.0, 40.0),
                churn: Level::Medium,
                life: Lifecycle::Declining,
            },
            // A steep fall with 30+ days since the last login: 高.
            Case {
                login: Some(40),
                logins: None,
                purchase: Some(10),
                first: Some(1000),
                years: by_year(100.0, 40.0),
                churn: Level::High,
                life: Lifecycle::Declining,
            },
            // A steep fall and nothing else known: 高.
            Case {
                login: None,
                logins: None,
                purchase: None,
                first: None,
                years: by_year(100.0, 40.0),
                churn: Level::High,
                life: Lifecycle::Declining,
            },
            Case {
                login: Some(1),
                logins: None,
                purchase: Some(10),
                first: Some(1000),
                years: by_year(100.0, 130.0),
                churn: Level::Low,
                life: Lifecycle::Growing,
            },
            Case {
                login: Some(1),
                logins: None,
                purchase: Some(10),
                first: Some(100),
                years: BTreeMap::new(),
                churn: Level::Low,
                life: Lifecycle::New,
            },
            Case {
                login: Some(1),
                logins: None,
                purchase: Some(10),
                first: Some(500),
                years: BTreeMap::new(),
                churn: Level::Low,
                life: Lifecycle::Growing,
            },
            Case {
                login: None,
                logins: None,
                purchase: None,
                first: None,
                years: BTreeMap::new(),
                churn: Level::Medium,
                life: Lifecycle::Mature,
            },
            // Logins in the last 90 days keep a customer who has not bought for long from 流失.
            Case {
                login: None,
                logins: Some(12.0),
                purchase: Some(500),
                first: Some(1000),
                years: BTreeMap::new(),
                churn: Level::Low,
                life: Lifecycle::Mature,
            },
        ];
        for (i, case) in cases.into_iter().enumerate() {
            let c = CustomerRecord {
                last_login: case.login.and_then(days_ago),
                login_count: case.logins,
                last_purchase: case.purchase.and_then(days_ago),
                first_purchase: case.first.and_then(days_ago),
                amount_by_year: case.years,
                ..customer("L")
            };
            let r = classify(vec![c], &p, as_of(), Lang::Zh, &mut Vec::new()).unwrap();
            let got = &r.customers[0];
            assert_eq!(got.churn_risk, case.churn, "case {i}: churn");
            assert_eq!(got.lifecycle, case.life, "case {i}: lifecycle");
        }
    }

    /// A lead who has never bought (累计金额 0, no purchase date) is 新客户, not 成熟期.
    #[test]
    fn a_prospect_who_never_bought_is_new() {
        let lead = CustomerRecord {
            purchase_amount: Some(0.0),
            stage: Some("量房".into()),
            ..customer("KH1")
        };
        let r = classify(vec![lead], &software(), as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
        let mut findings = Vec::new();
        let r = classify(
            vec![c, other.clone()],
            &software(),
            as_of(),
            Lang::Zh,
            &mut findings,
        )
        .unwrap();
        assert!(findings.is_empty(), "{findings:?}");
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
            &mut Vec::new(),
        )
        .unwrap();
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
                profile_error(Lang::Zh, "a.toml", Some(3), Some("weights.size"), "值 -1 不能为负数"),
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
            (
                unmapped_industry_problem(Lang::Zh, 2),
                "该行业无法对应国家标准中的行业（涉及 2 个客户）",
            ),
            (
                unmapped_industry_problem(Lang::En, 2),
                "The industry maps to no industry of the standard (customers: 2)",
            ),
            (
                unmapped_industry_action(Lang::Zh),
                "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
            ),
            (
                dimension_absent_problem(Lang::Zh, "活跃", "登录记录"),
                "所有客户都没有活跃维度的数据（登录记录）",
            ),
            (
                dimension_absent_action(Lang::En),
                "Left out of the total score; its weight was spread over the other dimensions",
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
        let mut findings = Vec::new();
        let r = classify(records, &software(), as_of(), Lang::Zh, &mut findings).unwrap();
        findings.retain(|f| f.kind == FindingKind::UnmappedIndustry);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].value, "宇宙探索");
        assert_eq!(findings[0].kind, FindingKind::UnmappedIndustry);
        assert!(!findings[0].rejected);
        assert!(
            findings[0].problem.contains("2 个客户"),
            "{}",
            findings[0].problem
        );
        assert_eq!(findings[1].value, "深海考古");
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
        let r = classify(vec![c], &software(), as_of(), Lang::Zh, &mut Vec::new()).unwrap();
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
        let mut findings = Vec::new();
        let r = classify(records, &profile, as_of(), Lang::Zh, &mut findings).unwrap();
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
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].kind, FindingKind::Other);
        assert!(
            findings[0].problem.contains("活跃"),
            "{}",
            findings[0].problem
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
}
