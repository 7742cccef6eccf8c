//! Writes the fixed clustering matrix used to compare custseg's k-means with scikit-learn's,
//! and prints custseg's inertia on it for k = 2..=8 (one `k inertia` line each).
//!
//! The matrix is the standardised feature matrix of the 10 000 synthetic customers of
//! `testdata::analysis` (the same features, log scale and z-scores a real run uses), written
//! as CSV without header. Used by `scripts/compare_sklearn.py`:
//!
//! ```text
//! cargo run --release --features testdata --example cluster_matrix -- matrix.csv
//! ```

use std::io::Write;

use custseg::cluster::{features, kmeans};
use custseg::model::Lang;
use custseg::testdata;
use ndarray::ArrayView2;

/// Customers in the fixed matrix.
const CUSTOMERS: usize = 10_000;
/// Seed of custseg's k-means, as in a default run.
const SEED: u64 = 1;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cluster_matrix OUT.csv");
        std::process::exit(2);
    };
    let customers = testdata::analysis(CUSTOMERS, Lang::En)
        .classification
        .customers;
    let prepared = features::prepare(&customers);
    let d = prepared.dims();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    for row in prepared.z.chunks_exact(d) {
        let cells: Vec<String> = row.iter().map(|x| format!("{x:.17e}")).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    out.flush()?;
    // The matrix as written (rounded through text), so both sides see the same numbers.
    let text = std::fs::read_to_string(&path)?;
    let values: Vec<f64> = text
        .lines()
        .flat_map(|l| l.split(','))
        .map(|c| c.parse().unwrap_or(f64::NAN))
        .collect();
    let matrix = ArrayView2::from_shape((CUSTOMERS, d), &values)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    for k in 2..=8 {
        let fit = kmeans::fit(matrix, k, SEED, kmeans::Effort::default());
        println!("{k} {:.6}", kmeans::inertia(&values, d, &fit));
    }
    Ok(())
}
