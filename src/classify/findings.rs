//! Stage 4, classify — the findings classify adds to the data-quality ledger: an industry text no
//! keyword maps (once per distinct text, at its first customer's row), and a weighted dimension no
//! customer has any data for (once, instead of "missing" on every row).

use std::collections::BTreeMap;

use crate::classify::facts::Facts;
use crate::model::{CustomerRecord, Finding, Issue};
use crate::profile::Dimension;

/// One finding per distinct industry text that no keyword maps, at its first customer's row.
pub(super) fn unmapped_industry_findings(
    customers: &[CustomerRecord],
    facts: &[Facts],
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
                column: None,
                value: text,
                issue: Issue::UnmappedIndustry { customers: count },
                rejected: false,
            })
        })
        .collect()
}

/// The finding for a weighted dimension that no customer has any data for.
pub(super) fn absent_dimension_finding(dimension: Dimension) -> Finding {
    Finding {
        file: String::new(),
        sheet: String::new(),
        row: None,
        column: None,
        value: String::new(),
        issue: Issue::DimensionAbsent { dimension },
        rejected: false,
    }
}
