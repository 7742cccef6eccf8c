//! Stage 4, classify — 企业规模: the customer's size class against the national standard for its
//! industry (src/size_standard.rs), whether only part of the standard's indicators was given, and
//! the profile's score for each class.

use crate::classify::industry::IndustryMatch;
use crate::model::{CustomerRecord, SizeBasis, SizeClass};
use crate::profile::Profile;
use crate::size_standard::{self, Indicators, StdIndustry};

/// A customer's size as the standard judges it.
#[derive(Debug, Clone)]
pub(super) struct Size {
    pub(super) class: SizeClass,
    /// The indicators the class rests on, as shown in 规模依据.
    pub(super) basis: SizeBasis,
    /// Only some of the standard's indicators were present.
    pub(super) partial: bool,
}

/// The size class of a customer in its industry's row of the standard; 不适用 where the standard
/// does not cover the industry.
pub(super) fn size_of(c: &CustomerRecord, industry: &IndustryMatch) -> Size {
    if let Some((zh, en)) = industry.not_covered {
        return Size {
            class: SizeClass::NotApplicable,
            basis: SizeBasis::NotCovered { zh, en },
            partial: false,
        };
    }
    let standard: &'static StdIndustry = industry.standard;
    let indicators = Indicators {
        employees: c.employees,
        revenue: c.revenue,
        assets: c.total_assets,
    };
    let class = size_standard::class_of(standard, &indicators);
    let present = standard
        .bounds
        .iter()
        .filter(|(ind, _)| indicators.get(*ind).is_some())
        .count();
    Size {
        class,
        basis: SizeBasis::Standard {
            row: standard.name,
            employees: c.employees,
            revenue: c.revenue,
            assets: c.total_assets,
        },
        partial: present > 0 && present < standard.bounds.len(),
    }
}

/// The 规模 score of a size class (None when the size is unknown).
pub(super) fn size_score(class: SizeClass, profile: &Profile) -> Option<f64> {
    match class {
        SizeClass::Large => Some(profile.size_scores.large),
        SizeClass::Medium => Some(profile.size_scores.medium),
        SizeClass::Small => Some(profile.size_scores.small),
        SizeClass::Micro => Some(profile.size_scores.micro),
        SizeClass::Unknown | SizeClass::NotApplicable => None,
    }
}
