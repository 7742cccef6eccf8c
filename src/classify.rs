//! Stage 4, classify: every dimension of SPEC §4 for every customer — 企业规模, 行业大类, needs,
//! payment model, activity and churn, value and RFM, satisfaction, potential, lifecycle, risk and
//! credit — then the weighted 综合得分, the tier and the 评分说明. OWNER: classification helper (stub).

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::{Classification, CustomerRecord, Lang, RfmReferences};
use crate::profile::Profile;

/// Classifies every customer with the profile's rules.
pub fn classify(
    customers: Vec<CustomerRecord>,
    profile: &Profile,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Classification> {
    let _ = (customers, profile, as_of, lang);
    Ok(Classification {
        customers: Vec::new(),
        rfm_refs: RfmReferences::default(),
        tier_cutoffs: (0.0, 0.0),
        tier_rule: String::new(),
        weights: Vec::new(),
        findings: Vec::new(),
    })
}
