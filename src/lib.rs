//! custseg (客户分类与管理报告): ERP customer exports in; an annotated segment workbook and a
//! PDF management report out.
//!
//! The modules in pipeline order: each stage takes what the one before returns.
//! `commands` wires the stages together for each subcommand.

// ── the shared vocabulary ──
// The types passed between stages (sheets, customers, findings, the analysis).
pub mod model;
// The canonical input fields and their header aliases.
pub mod fields;
// Cell text → numbers, money, percentages, dates, ranges, satisfaction words.
pub mod values;
// The national enterprise-size table (2017) as data.
pub mod size_standard;
// Scoring profiles: weights, cut-offs, rules, extra aliases (templates/*.toml).
pub mod profile;

// ── the pipeline ──
// 1. Open any supported file and hand over its sheets' rows.
pub mod read;
// 2. Find headers, match columns, read values, build customers and detail events.
pub mod extract;
// 3. Fold transactions, usage and surveys into each customer.
pub mod aggregate;
// 3b. Customer-base models (BG/NBD, Gamma-Gamma): P(alive), expected purchases and value.
pub mod forecast;
// 4. Size, industry, needs, value, activity, satisfaction, potential, risk, recommendations.
pub mod classify;
// 5. k-means on standardised features; cluster names.
pub mod cluster;
// 6. The quarter comparison with an earlier result workbook.
pub mod compare;
// 7. Every figure both outputs show, computed once.
pub mod figures;
// 8. The result workbook.
pub mod workbook;
// 9. The PDF management report, with its charts and font.
pub mod report;
// The one edge where outputs touch the disk.
pub mod output;
// Stage-by-stage progress on stderr, and the time each stage took.
pub mod progress;
// The console window: pausing before it closes, paths as typed, the encoding of piped output.
pub mod console;

// ── the edges: command line, configuration, errors, words ──
// The command line as typed.
pub mod cli;
// What the stages receive, resolved from the command line.
pub mod config;
// One subcommand a file; each only wires stages.
pub mod commands;
// The error type and exit codes.
pub mod error;
// Every sentence for a person, in zh and en.
pub mod messages;

// ── what `init` and `sample` write ──
// `custseg init`: the profile and input templates.
pub mod init;
// `custseg sample`: realistic sample workbooks.
pub mod sample;

// A synthetic analysis for the writers' tests, benchmarks and examples; not in the shipped
// library (the `testdata` feature brings it in for benches and examples).
#[cfg(any(test, feature = "testdata"))]
pub mod testdata;

pub use error::Error;
