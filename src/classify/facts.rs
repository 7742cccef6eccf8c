//! Stage 4, classify — per-customer facts: what is known about one customer before anything is
//! scored (industry and size, needs, payment model, days since the last purchase and login, the
//! yearly trend, the age of the relationship). Derived from the record alone, never from others.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::classify::industry::{IndustryMapper, IndustryMatch};
use crate::classify::needs::NeedsMapper;
use crate::classify::payment::payment_model;
use crate::classify::size;
use crate::model::{CustomerRecord, Need, PaymentModel, PaymentReason, SizeBasis, SizeClass};
use crate::profile::Profile;

/// What is known about one customer before scoring.
#[derive(Debug, Clone)]
pub(super) struct Facts {
    pub(super) industry: IndustryMatch,
    pub(super) industry_text: Option<String>,
    pub(super) size_class: SizeClass,
    pub(super) size_basis: SizeBasis,
    /// Only one of the standard's two indicators was present.
    pub(super) size_partial: bool,
    pub(super) needs: Vec<Need>,
    pub(super) unmet_needs: Option<usize>,
    pub(super) payment: Option<PaymentModel>,
    /// Why the payment model was inferred (None when given or unknown).
    pub(super) payment_inferred: Option<PaymentReason>,
    pub(super) recency_days: Option<i64>,
    pub(super) frequency: Option<f64>,
    pub(super) monetary: Option<f64>,
    pub(super) login_days: Option<i64>,
    /// Days since the last sign of life: a login, a purchase, or (logins in the last 90 days
    /// without a date) at most 90.
    pub(super) inactive_days: Option<f64>,
    pub(super) growth: Option<f64>,
    pub(super) age_days: Option<i64>,
    pub(super) age_years: Option<f64>,
}

impl Facts {
    /// The facts of one customer as of a date.
    pub(super) fn of(
        c: &CustomerRecord,
        profile: &Profile,
        mapper: &mut IndustryMapper,
        needs: &NeedsMapper,
        as_of: NaiveDate,
    ) -> Facts {
        let industry = mapper.map(c.industry.as_deref());
        let size = size::size_of(c, &industry);
        let (all_needs, unmet_needs) = needs.needs_of(c);
        let (payment, payment_inferred) = payment_model(c, profile);
        let days_since = |d: Option<NaiveDate>| d.map(|d| (as_of - d).num_days().max(0));
        // F: deals in the period, else projects; an owner who has spent has had at least one
        // project (历史项目数 often leaves out the one under way).
        let spent = c.purchase_amount.is_some_and(|m| m > 0.0);
        let projects = c.projects.map(|n| if spent { n.max(1.0) } else { n });
        let frequency = c.deal_count.or(projects).filter(|v| v.is_finite());
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
            size_class: size.class,
            size_basis: size.basis,
            size_partial: size.partial,
            needs: all_needs,
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

/// Year-on-year change of the amount: the last complete year against the one before (the current
/// year counts as complete, annualised, only in its last weeks). A partial year is not
/// annualised earlier because B2B purchases are lumpy and seasonal: an annual renewal due in
/// November would otherwise read as a collapse in September. A fall below zero (returns
/// exceeding sales) counts as −100 %.
pub(super) fn growth(by_year: &BTreeMap<i32, f64>, as_of: NaiveDate) -> Option<f64> {
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
