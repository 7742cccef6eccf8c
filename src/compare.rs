//! Quarter comparison: read a result workbook of an earlier run back into tier snapshots and
//! compute the migration (transition matrix; upgraded, downgraded, new, lost).
//! OWNER: workbook helper (stub).

use std::path::Path;

use crate::error::Result;
use crate::model::{Classified, Lang, Migration, TierSnapshot};

/// Reads the 客户明细 (or Customers) sheet of a custseg result workbook.
pub fn read_snapshot(path: &Path, lang: Lang) -> Result<Vec<TierSnapshot>> {
    let _ = (path, lang);
    Ok(Vec::new())
}

/// The snapshot of the current run.
pub fn snapshot(customers: &[Classified]) -> Vec<TierSnapshot> {
    customers
        .iter()
        .map(|c| TierSnapshot {
            code: c.record.code.clone(),
            name: c.record.name.clone().unwrap_or_default(),
            tier: c.tier,
            total_score: c.total_score,
        })
        .collect()
}

/// Compares two snapshots.
pub fn migrate(
    previous: &[TierSnapshot],
    current: &[TierSnapshot],
    previous_file: &str,
) -> Migration {
    let _ = (previous, current);
    Migration {
        previous_file: previous_file.to_string(),
        ..Migration::default()
    }
}
