//! Stage 3, aggregate: fold transaction, usage and survey rows into each customer's R/F/M,
//! first and last purchase, amount per year, logins in the last 90 days, last login, modules,
//! mean satisfaction and complaints (SPEC §3). OWNER: reading helper (stub).

use chrono::NaiveDate;

use crate::extract::Extracted;
use crate::model::{Dataset, Lang};

/// Aggregates the detail rows into the customers, against the as-of date.
pub fn aggregate(extracted: Extracted, as_of: NaiveDate, lang: Lang) -> Dataset {
    let _ = (as_of, lang);
    extracted.dataset
}
