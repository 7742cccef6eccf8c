//! The committed reading fixtures (`tests/fixtures/`, written by `scripts/make-fixtures.sh`):
//! where they live, for the reading stages' tests.

use std::path::{Path, PathBuf};

/// Where the fixtures live.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}
