//! End-to-end tests of what managers and clerks act on (issue 19): headers that lookups can
//! use, recommendations a salesperson would make, print settings and the PDF's catalog.

use std::collections::BTreeSet;

use super::{run_sample, sheet};

/// 客户明细 and the tier sheets: no two columns share a header; the derived 付费模式 that clashes
/// with the input's is 付费模式(判定) (en "Payment Model (derived)" does not clash).
#[test]
fn no_two_columns_of_the_customer_sheets_share_a_header() {
    let (dir, _) = run_sample(&[]);
    let xlsx = dir.path().join("客户档案_2026Q3_客户分类.xlsx");
    for name in ["客户明细", "核心客户"] {
        let rows = sheet(&xlsx, name);
        let header = &rows[0];
        let mut seen = BTreeSet::new();
        for h in header.iter().filter(|h| !h.is_empty()) {
            assert!(
                seen.insert(h.as_str()),
                "{name}: header {h} twice in {header:?}"
            );
        }
        assert!(header.iter().any(|h| h == "付费模式"), "input column kept");
        assert!(header.iter().any(|h| h == "付费模式(判定)"), "{header:?}");
    }
}
