//! Writes the management report of a synthetic analysis, to look at it and to time it:
//! `cargo run --features testdata --example report -- [CUSTOMERS] [zh|en] [OUT.pdf] [FONT-FILE]`
//! (then `scripts/render-report.sh OUT.pdf` for PNGs of its pages).

use std::time::Instant;

use custseg::model::Lang;
use custseg::report::font::Font;
use custseg::{report, testdata};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(500);
    let lang = match args.get(1).map(String::as_str) {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let out = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| format!("report-{n}.pdf"));
    let analysis = testdata::analysis(n, lang);
    // The embedded font's parse is a fixed cost of every report: show it on its own.
    let start = Instant::now();
    let font = match args.get(3) {
        Some(path) => match Font::from_file(std::path::Path::new(path), lang) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        },
        None => Font::embedded(),
    };
    println!("font face index: {}", font.face_index);
    let parsed =
        printpdf::ParsedFont::from_bytes(font.bytes, font.face_index as usize, &mut Vec::new());
    println!(
        "font: {} bytes, parsed in {} ms ({})",
        font.bytes.len(),
        start.elapsed().as_millis(),
        if parsed.is_some() { "ok" } else { "failed" }
    );
    let start = Instant::now();
    match report::build(&analysis, &custseg::figures::Figures::of(&analysis), &font) {
        Ok(pdf) => {
            let elapsed = start.elapsed();
            if let Err(e) = std::fs::write(&out, &pdf) {
                eprintln!("{out}: {e}");
                std::process::exit(1);
            }
            println!(
                "{out}: {} bytes, built in {} ms",
                pdf.len(),
                elapsed.as_millis()
            );
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
