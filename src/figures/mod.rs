//! Stage 7, figures: every KPI, table and chart value that the workbook (概览, 阶段与来源, 跟进清单)
//! and the PDF report both show, computed once from the analysis — `custseg run` makes one
//! `Figures` and hands it to both writers, which only lay the numbers out, so the two outputs
//! cannot disagree (SPEC §6: "the figures in the PDF and the workbook come from one computation").
//!
//! Two choices, made as a finance reader would expect:
//! - **Amounts are net.** A customer's amount is 消费金额 as 客户明细 shows it: the period's sales
//!   less returns and 红字发票 (累计购买金额 where there were no transactions). A customer whose
//!   returns exceed the purchases counts with a negative amount, so the tier, size and RFM amounts
//!   add up to the total, and the total equals the sum of the 消费金额 column. Amount shares are
//!   of that net total, and there is none (blank, "—") when the net total is not positive.
//! - **Mean satisfaction** is the mean of 满意度 — the survey answers normalised to 0–100 —
//!   over the customers that have one; 满意得分 (which also deducts complaints and tickets, and
//!   may come from NPS alone) is a score, not what the customers said.
//!
//! ```
//! # use custseg::{figures::Figures, model::Lang, testdata};
//! let analysis = testdata::analysis(100, Lang::Zh);
//! let figures = Figures::of(&analysis);
//! assert_eq!(figures.tiers.iter().map(|t| t.count).sum::<usize>(), figures.customers);
//! ```

use std::collections::BTreeMap;

use crate::model::{
    Analysis, Classified, Finding, FindingKind, IndustryGroup, Level, RfmClass, SizeClass, Tier,
};

use decoration::{Funnel, GroupTable};
use owners::OwnerList;

pub mod decoration;
pub mod owners;
#[cfg(test)]
mod tests;

/// The amount a customer bought (元), net of returns: 消费金额, else 累计购买金额, else 0.
pub fn amount_of(customer: &Classified) -> f64 {
    customer
        .monetary
        .filter(|m| m.is_finite())
        .or(customer.record.purchase_amount.filter(|m| m.is_finite()))
        .unwrap_or(0.0)
}

/// Every finding of the run: reading's and classification's.
pub fn all_findings(analysis: &Analysis) -> impl Iterator<Item = &Finding> {
    analysis.dataset.findings.iter()
}

/// Count, amount and mean score of one tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierStat {
    /// The tier.
    pub tier: Tier,
    /// Customers in it.
    pub count: usize,
    /// Their net amount (元).
    pub amount: f64,
    /// Mean 综合得分 (0 for an empty tier).
    pub mean_score: f64,
}

/// One size class: customers per tier (`Tier::ALL` order) and their net amount (元).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeRow {
    /// The size class.
    pub size: SizeClass,
    /// Customers per tier.
    pub tiers: [usize; 3],
    /// Their net amount (元).
    pub amount: f64,
}

/// One RFM class: customers and their net amount (元).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RfmRow {
    /// The class.
    pub class: RfmClass,
    /// Customers in it.
    pub count: usize,
    /// Their net amount (元).
    pub amount: f64,
}

/// The Pareto (ABC) curve: customers sorted by amount, largest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Pareto {
    /// (share of customers, cumulative share of the net amount), starting at (0, 0); the
    /// cumulative share passes 1 before customers with negative amounts bring it back.
    pub points: Vec<(f64, f64)>,
    /// Customers in class A (the largest that together make 80 % of the amount).
    pub a_count: usize,
    /// Customers in class B (the next ones, up to 95 %).
    pub b_count: usize,
    /// Customers in class C (the rest).
    pub c_count: usize,
    /// Net total amount (元).
    pub total: f64,
    /// Share of the net amount that class A brings (0–1), as it is, not the 80 % cut-off.
    pub a_share: f64,
    /// Share of the net amount that class B brings (0–1).
    pub b_share: f64,
    /// Share of the net amount that class C brings (0–1).
    pub c_share: f64,
}

/// Mean satisfaction (满意度, 0–100) and how many customers have one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Satisfaction {
    /// Mean over the rated customers; None when nobody is rated.
    pub mean: Option<f64>,
    /// Customers with a satisfaction value.
    pub rated: usize,
}

/// The quarter comparison in four counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MigrationCounts {
    /// Customers that moved up a tier.
    pub upgraded: usize,
    /// Customers that moved down.
    pub downgraded: usize,
    /// Customers not in the previous result.
    pub new: usize,
    /// Customers of the previous result that are gone.
    pub lost: usize,
}

/// Every figure both outputs show; the follow-up lists borrow the analysis's customers.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    /// Customers classified.
    pub customers: usize,
    /// Net amount of all customers (元).
    pub amount_total: f64,
    /// Per tier, in `Tier::ALL` order.
    pub tiers: [TierStat; 3],
    /// Mean 综合得分 over all customers; None without customers.
    pub mean_total_score: Option<f64>,
    /// Customers per churn-risk level (高, 中, 低).
    pub churn: [usize; 3],
    /// Mean satisfaction.
    pub satisfaction: Satisfaction,
    /// Per size class (`SizeClass::ALL` order): customers per tier and amount; 不适用 only
    /// when some customer is in it.
    pub size_by_tier: Vec<SizeRow>,
    /// Per industry group (`IndustryGroup::ALL` order): customers per tier.
    pub industry_by_tier: Vec<(IndustryGroup, [usize; 3])>,
    /// Per industry group (`IndustryGroup::ALL` order): customers per size class
    /// (`SizeClass::ALL` order).
    pub industry_by_size: Vec<(IndustryGroup, [usize; SIZES])>,
    /// Per RFM class (`RfmClass::ALL` order); customers without a class are left out.
    pub rfm: Vec<RfmRow>,
    /// The Pareto curve and ABC classes.
    pub pareto: Pareto,
    /// 活跃得分 in ten buckets per churn-risk level (高, 中, 低); None when nobody has one.
    pub activity_histogram: Option<[[usize; 10]; 3]>,
    /// 满意度 in ten buckets; None when nobody is rated.
    pub satisfaction_histogram: Option<[usize; 10]>,
    /// The quarter comparison, with --previous.
    pub migration: Option<MigrationCounts>,
    /// Findings of the run.
    pub findings: usize,
    /// Findings per kind: (findings, of them rows rejected).
    pub findings_by_kind: BTreeMap<FindingKind, (usize, usize)>,
    /// The stage funnel, when the profile's sections list it and some customer has a stage.
    pub funnel: Option<Funnel>,
    /// The group tables the profile's sections list (`[[report.groups]]`), in section order,
    /// each with its group's id; a group without data is left out.
    pub groups: Vec<(String, GroupTable)>,
    /// The follow-up lists per owner; None when no customer has an owner.
    pub owners: Option<Vec<OwnerList<'a>>>,
}

impl Figures<'_> {
    /// Computes every figure from the analysis.
    pub fn of(analysis: &Analysis) -> Figures<'_> {
        let customers = &analysis.classification.customers;
        let n = customers.len();
        let tiers = tier_stats(customers);
        let mut findings_by_kind: BTreeMap<FindingKind, (usize, usize)> = BTreeMap::new();
        for f in all_findings(analysis) {
            let e = findings_by_kind.entry(f.kind()).or_default();
            e.0 += 1;
            e.1 += usize::from(f.rejected);
        }
        let rated: Vec<f64> = customers.iter().filter_map(satisfaction_of).collect();
        Figures {
            customers: n,
            amount_total: tiers.iter().map(|t| t.amount).sum(),
            tiers,
            mean_total_score: (n > 0)
                .then(|| customers.iter().map(|c| c.total_score).sum::<f64>() / n as f64),
            churn: churn_counts(customers),
            satisfaction: Satisfaction {
                mean: (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64),
                rated: rated.len(),
            },
            size_by_tier: size_by_tier(customers),
            industry_by_tier: industry_by_tier(customers),
            industry_by_size: industry_by_size(customers),
            rfm: rfm_rows(customers),
            pareto: pareto(customers),
            activity_histogram: activity_histogram(customers),
            satisfaction_histogram: (!rated.is_empty()).then(|| histogram(rated.into_iter())),
            migration: analysis.migration.as_ref().map(|m| MigrationCounts {
                upgraded: m.upgraded.len(),
                downgraded: m.downgraded.len(),
                new: m.new.len(),
                lost: m.lost.len(),
            }),
            findings: all_findings(analysis).count(),
            findings_by_kind,
            funnel: (analysis.report.funnel.as_ref())
                .filter(|_| analysis.report.has("funnel"))
                .and_then(|s| decoration::funnel(analysis, s)),
            groups: group_tables(analysis),
            owners: owners::owner_lists(customers),
        }
    }

    /// Indexes into `SizeClass::ALL` of the size classes tables and charts show: all but
    /// 不适用, which shows only when some customer is in it.
    pub fn size_columns(&self) -> Vec<usize> {
        (0..SIZES)
            .filter(|&i| {
                SizeClass::ALL[i] != SizeClass::NotApplicable
                    || self.industry_by_size.iter().any(|(_, r)| r[i] > 0)
            })
            .collect()
    }

    /// The group table of the group `id`, when it has data.
    pub fn group(&self, id: &str) -> Option<&GroupTable> {
        self.groups.iter().find(|(g, _)| g == id).map(|(_, t)| t)
    }

    /// The core tier.
    pub fn core(&self) -> TierStat {
        self.tiers[0]
    }

    /// `count` as a share of all customers; None without customers.
    pub fn customer_share(&self, count: usize) -> Option<f64> {
        (self.customers > 0).then(|| count as f64 / self.customers as f64)
    }

    /// `amount` (元) as a share of the net total; None when the total is not positive.
    pub fn amount_share(&self, amount: f64) -> Option<f64> {
        (self.amount_total > 0.0).then(|| amount / self.amount_total)
    }
}

/// The tier palette of both outputs, in `Tier::ALL` order (the workbook's: 核心 green, 潜力
/// amber, 一般 grey): strong colours for the charts of 概览 and the PDF, the tier sheets' tabs
/// and the PDF's tier marks.
pub const TIER_COLORS: [u32; 3] = [0x4E9A52, 0xE0A526, 0x9E9E9E];
/// Light fills of the same hues, for the 客户等级 cells of the workbook.
pub const TIER_FILLS: [u32; 3] = [0xC6EFCE, 0xFFEB9C, 0xE7E6E6];

/// The number of size classes (`SizeClass::ALL`).
pub const SIZES: usize = SizeClass::ALL.len();

/// A customer's 满意度 (0–100) when it has a usable one.
pub fn satisfaction_of(customer: &Classified) -> Option<f64> {
    customer.record.satisfaction.filter(|s| s.is_finite())
}

/// The tables of the groups the profile's sections name, in section order.
fn group_tables(a: &Analysis) -> Vec<(String, GroupTable)> {
    let plan = &a.report;
    (plan.sections.iter())
        .filter_map(|id| plan.group(id))
        .filter_map(|g| {
            decoration::group_table(a, g, plan.funnel.as_ref()).map(|t| (g.id.clone(), t))
        })
        .collect()
}

fn tier_index(tier: Tier) -> usize {
    Tier::ALL.iter().position(|&t| t == tier).unwrap_or(2)
}

fn tier_stats(customers: &[Classified]) -> [TierStat; 3] {
    let mut out = Tier::ALL.map(|tier| TierStat {
        tier,
        count: 0,
        amount: 0.0,
        mean_score: 0.0,
    });
    for c in customers {
        let t = &mut out[tier_index(c.tier)];
        t.count += 1;
        t.amount += amount_of(c);
        t.mean_score += c.total_score;
    }
    for t in &mut out {
        t.mean_score /= t.count.max(1) as f64;
    }
    out
}

fn churn_counts(customers: &[Classified]) -> [usize; 3] {
    let mut out = [0usize; 3];
    for c in customers {
        out[match c.churn_risk {
            Level::High => 0,
            Level::Medium => 1,
            Level::Low => 2,
        }] += 1;
    }
    out
}

fn size_by_tier(customers: &[Classified]) -> Vec<SizeRow> {
    let mut rows: Vec<SizeRow> = SizeClass::ALL
        .iter()
        .map(|&size| SizeRow {
            size,
            tiers: [0; 3],
            amount: 0.0,
        })
        .collect();
    for c in customers {
        if let Some(row) = rows.iter_mut().find(|r| r.size == c.size_class) {
            row.tiers[tier_index(c.tier)] += 1;
            row.amount += amount_of(c);
        }
    }
    // 不适用 is new: outputs without such customers keep their old rows.
    rows.retain(|r| r.size != SizeClass::NotApplicable || r.tiers.iter().sum::<usize>() > 0);
    rows
}

fn industry_by_tier(customers: &[Classified]) -> Vec<(IndustryGroup, [usize; 3])> {
    let mut rows: Vec<(IndustryGroup, [usize; 3])> =
        IndustryGroup::ALL.iter().map(|&g| (g, [0; 3])).collect();
    for c in customers {
        if let Some(row) = rows.iter_mut().find(|r| r.0 == c.industry_group) {
            row.1[tier_index(c.tier)] += 1;
        }
    }
    rows
}

fn industry_by_size(customers: &[Classified]) -> Vec<(IndustryGroup, [usize; SIZES])> {
    let mut rows: Vec<(IndustryGroup, [usize; SIZES])> = IndustryGroup::ALL
        .iter()
        .map(|&g| (g, [0; SIZES]))
        .collect();
    for c in customers {
        let size = SizeClass::ALL.iter().position(|&s| s == c.size_class);
        if let (Some(row), Some(s)) = (rows.iter_mut().find(|r| r.0 == c.industry_group), size) {
            row.1[s] += 1;
        }
    }
    rows
}

fn rfm_rows(customers: &[Classified]) -> Vec<RfmRow> {
    let mut rows: Vec<RfmRow> = RfmClass::ALL
        .iter()
        .map(|&class| RfmRow {
            class,
            count: 0,
            amount: 0.0,
        })
        .collect();
    for c in customers {
        if let Some(row) = rows.iter_mut().find(|r| Some(r.class) == c.rfm) {
            row.count += 1;
            row.amount += amount_of(c);
        }
    }
    rows
}

/// The Pareto curve and its ABC classes (A: first 80 % of the amount, B: up to 95 %, C: rest).
fn pareto(customers: &[Classified]) -> Pareto {
    let mut amounts: Vec<f64> = customers.iter().map(amount_of).collect();
    amounts.sort_by(|a, b| b.total_cmp(a));
    let total: f64 = amounts.iter().sum();
    let n = amounts.len();
    let share = |part: f64| if total > 0.0 { part / total } else { 0.0 };
    let mut points = vec![(0.0, 0.0)];
    let (mut a_count, mut b_count) = (0, 0);
    let mut running = 0.0;
    let (mut a_amount, mut b_amount) = (0.0, 0.0);
    // Thin the curve to at most ~400 points: the chart is 1400 px wide.
    let step = (n / 400).max(1);
    for (i, amount) in amounts.iter().enumerate() {
        let before = share(running);
        running += amount;
        if before < 0.80 {
            a_count += 1;
            a_amount += amount;
        } else if before < 0.95 {
            b_count += 1;
            b_amount += amount;
        }
        if (i + 1) % step == 0 || i + 1 == n {
            points.push(((i + 1) as f64 / n as f64, share(running)));
        }
    }
    if total <= 0.0 {
        a_count = 0;
        b_count = 0;
    }
    let (a_share, b_share) = (share(a_amount), share(b_amount));
    Pareto {
        points,
        a_count,
        b_count,
        c_count: n - a_count - b_count,
        total,
        a_share,
        b_share,
        c_share: if total > 0.0 {
            1.0 - a_share - b_share
        } else {
            0.0
        },
    }
}

/// Ten buckets of 10 points over 0–100 (100 falls into the last one).
pub fn histogram(values: impl Iterator<Item = f64>) -> [usize; 10] {
    let mut buckets = [0usize; 10];
    for v in values.filter(|v| v.is_finite()) {
        let i = ((v / 10.0).floor().max(0.0) as usize).min(9);
        buckets[i] += 1;
    }
    buckets
}

fn activity_histogram(customers: &[Classified]) -> Option<[[usize; 10]; 3]> {
    if customers.iter().all(|c| c.scores.activity.is_none()) {
        return None;
    }
    let mut out = [[0usize; 10]; 3];
    for (i, level) in [Level::High, Level::Medium, Level::Low].iter().enumerate() {
        out[i] = histogram(
            customers
                .iter()
                .filter(|c| c.churn_risk == *level)
                .filter_map(|c| c.scores.activity),
        );
    }
    Some(out)
}
