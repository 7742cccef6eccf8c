//! Fuzzes the value parsers with any text: they return None or a finite value, never panic.
#![no_main]

use custseg::fields::header_key;
use custseg::values::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for v in [
        parse_number(s),
        parse_money(s, 1.0, 1.0),
        parse_money(s, 1e4, 1e4),
        parse_percent(s, false),
        parse_percent(s, true),
        parse_number_or_range(s),
        satisfaction_word(s),
        parse_complaint(s),
    ]
    .into_iter()
    .flatten()
    {
        assert!(v.is_finite(), "{s:?} gave {v}");
    }
    let _ = parse_date(s);
    let _ = parse_payment_model(s);
    let _ = split_list(s);
    let _ = header_key(s);
    let _ = is_placeholder(s);
    let _ = fold_width(s);
});
