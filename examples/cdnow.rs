//! Writes custseg's BG/NBD fit and per-customer predictions on the CDNOW sample
//! (tests/data/cdnow/summary.csv) for scripts/compare_lifetimes.py:
//! `cargo run --example cdnow -- OUT.csv` (first line `# r=… alpha_days=… a=… b=…`, then
//! `row,p_alive,expected_91_days`, one line per customer).

use custseg::forecast::bgnbd::{self, Rfm};

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example cdnow -- OUT.csv");
        std::process::exit(2);
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cdnow/summary.csv");
    let text = std::fs::read_to_string(path).expect("tests/data/cdnow/summary.csv");
    // Columns: id, x, t_x_days, T_days, … (repeat purchase days, recency and age in days).
    let data: Vec<Rfm> = text
        .lines()
        .skip(1)
        .map(|line| {
            let v: Vec<f64> = line
                .split(',')
                .map(|s| s.parse().expect("a number"))
                .collect();
            Rfm {
                x: v[1],
                t_x: v[2],
                t: v[3],
            }
        })
        .collect();
    let p = bgnbd::fit(&data).params;
    let mut text = format!("# r={} alpha_days={} a={} b={}\n", p.r, p.alpha, p.a, p.b);
    text.push_str("row,p_alive,expected_91_days\n");
    for (i, h) in data.iter().enumerate() {
        let e = bgnbd::expected_purchases(&p, h, 91.0).expect("a prediction");
        text.push_str(&format!("{i},{:.12e},{:.12e}\n", bgnbd::p_alive(&p, h), e));
    }
    std::fs::write(&out, text).expect("write the predictions");
}
