//! Fuzzes opening a file: any bytes, through format sniffing, the readers, extraction and
//! aggregation, must end in sheets or an error, never a panic, and keep the row accounting.
#![no_main]

use custseg::model::{InputFile, Lang};
use custseg::{aggregate, extract, profile::Profile, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sheets) = read::read_bytes(data, "fuzz.xlsx", "fuzz") else {
        return;
    };
    let profile = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
    let files = vec![(InputFile::default(), sheets)];
    let Ok(extracted) = extract::from_sheets(files, &profile) else {
        return;
    };
    let as_of = extracted
        .dataset
        .latest_date
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let d = aggregate::aggregate(extracted, as_of).dataset;
    let rejecting = d.findings.iter().filter(|f| f.rejected).count();
    assert_eq!(d.rows_rejected, rejecting);
    assert!(d.rows_rejected <= d.rows_read);
});
