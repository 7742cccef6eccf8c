//! The committed reading fixtures (`tests/fixtures/`, written by `scripts/make-fixtures.sh`):
//! where they live, for the reading stages' tests, and the mutation smoke test over them
//! (`CUSTSEG_MUTATIONS=30000 cargo test --lib fixtures::mutated -- --ignored --nocapture`).

use std::path::{Path, PathBuf};

/// Where the fixtures live.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

#[test]
#[ignore = "mutation smoke test: CUSTSEG_MUTATIONS random byte mutations of each fixture"]
fn mutated_fixtures_never_panic() {
    use rand::{Rng, SeedableRng};
    let n: usize = std::env::var("CUSTSEG_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let profile = crate::profile::Profile::builtin("software", crate::model::Lang::Zh)
        .unwrap()
        .unwrap();
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(1);
    let mut ok = 0;
    for name in [
        "basic.xlsx",
        "basic.xls",
        "basic.ods",
        "basic.csv",
        "basic_utf16.txt",
        "messy.xlsx",
        "software_set.xlsx",
    ] {
        let original = std::fs::read(dir().join(name)).unwrap();
        for _ in 0..n {
            let mut bytes = original.clone();
            for _ in 0..rng.gen_range(1..8) {
                let i = rng.gen_range(0..bytes.len());
                bytes[i] = rng.gen();
            }
            if let Ok(sheets) = crate::read::read_bytes(&bytes, name, "m") {
                let files = vec![(crate::model::InputFile::default(), sheets)];
                if let Ok(e) = crate::extract::from_sheets(files, &profile) {
                    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
                    let d = crate::aggregate::aggregate(e, as_of);
                    assert_eq!(
                        d.dataset.rows_rejected,
                        d.dataset.findings.iter().filter(|f| f.rejected).count()
                    );
                    ok += 1;
                }
            }
        }
    }
    eprintln!(
        "{} mutated files per fixture, {ok} read through to a dataset",
        n
    );
}
