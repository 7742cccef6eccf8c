//! Benchmark of the clustering stage: `cargo bench --features testdata --bench cluster`.
//!
//! Times `cluster::cluster` (k search included) and its parts on synthetic customer bases of
//! up to 100 000 customers, with plain `std::time` and a printed table. Two kinds of data: the
//! writers' synthetic analysis (independent uniform features, no real clusters: the slow case
//! for k-means) and a base with four planted segments.

use std::hint::black_box;
use std::time::{Duration, Instant};

use custseg::cluster::{self, features, kmeans, silhouette};
use custseg::model::{Classified, Lang};
use custseg::testdata;
use ndarray::ArrayView2;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// Repetitions per measurement; the fastest is reported (least disturbed by other processes).
const REPEATS: usize = 3;

/// CPU time used by this process so far (user + system, all threads), from /proc (Linux);
/// zero elsewhere. On a busy machine it shows the work done, which wall time cannot.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<u64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of the line, in clock ticks of 1/100 s.
    let ticks = fields.get(11).unwrap_or(&0) + fields.get(12).unwrap_or(&0);
    Duration::from_millis(ticks * 10)
}

/// (wall, cpu) of the fastest of REPEATS runs, and the last result.
fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut best = (Duration::MAX, Duration::ZERO);
    let mut out = None;
    for _ in 0..REPEATS {
        let cpu = cpu_time();
        let start = Instant::now();
        let v = black_box(f());
        let wall = start.elapsed();
        if wall < best.0 {
            best = (wall, cpu_time().saturating_sub(cpu));
        }
        out = Some(v);
    }
    (best.0, best.1, out.expect("REPEATS > 0"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn part(what: &str, wall: Duration, cpu: Duration) {
    println!("  {:<44} {:>8.0}ms {:>8.0}ms", what, ms(wall), ms(cpu));
}

/// Four planted segments (high value/active, lapsed, new, dissatisfied) with ±15% noise.
fn planted(n: usize) -> Vec<Classified> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let mut customers = testdata::analysis(n, Lang::Zh).classification.customers;
    for (i, c) in customers.iter_mut().enumerate() {
        let (money, freq, recency, logins, sat): (f64, f64, f64, f64, f64) = match i % 4 {
            0 => (500_000.0, 40.0, 10.0, 80.0, 90.0),
            1 => (20_000.0, 3.0, 400.0, 2.0, 60.0),
            2 => (5_000.0, 1.0, 20.0, 30.0, 75.0),
            _ => (60_000.0, 10.0, 90.0, 15.0, 25.0),
        };
        let jitter = |rng: &mut Xoshiro256PlusPlus| rng.gen_range(0.85..1.15);
        c.monetary = Some(money * jitter(&mut rng));
        c.frequency = Some((freq * jitter(&mut rng)).round().max(1.0));
        c.recency_days = Some((recency * jitter(&mut rng)) as i64);
        c.record.login_count = Some((logins * jitter(&mut rng)).round());
        c.record.satisfaction = Some((sat * jitter(&mut rng)).min(100.0));
        // Only the planted measures vary, so the planted k is the right answer.
        c.scores.size = Some(50.0);
        c.scores.potential = Some(50.0);
    }
    customers
}

fn main() {
    println!(
        "cores: {}, load average: {}\n",
        std::thread::available_parallelism().map_or(1, |p| p.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!(
        "{:<10} {:>8} {:>10} {:>10} {:>4}  silhouettes",
        "data", "n", "wall", "cpu", "k"
    );
    for (label, n) in [
        ("uniform", 10_000),
        ("uniform", 100_000),
        ("planted", 10_000),
        ("planted", 100_000),
    ] {
        let customers = if label == "uniform" {
            testdata::analysis(n, Lang::Zh).classification.customers
        } else {
            planted(n)
        };
        let (wall, cpu, c) = best_of(|| cluster::cluster(&customers, None, 1));
        let s: Vec<String> = c
            .silhouettes
            .iter()
            .map(|(k, s)| format!("{k}:{s:.3}"))
            .collect();
        println!(
            "{:<10} {:>8} {:>8.0}ms {:>8.0}ms {:>4}  {}",
            label,
            n,
            ms(wall),
            ms(cpu),
            c.k,
            s.join(" ")
        );
    }

    // The parts, on the 100 000-customer uniform base.
    let customers = testdata::analysis(100_000, Lang::Zh)
        .classification
        .customers;
    println!("\nparts, uniform n=100000 {:>27} {:>10}", "wall", "cpu");
    let (wall, cpu, p) = best_of(|| features::prepare(&customers));
    part("features::prepare", wall, cpu);
    let d = p.dims();
    let sample: Vec<f64> = p.z[..cluster::SAMPLE_SIZE * d].to_vec();
    let view = ArrayView2::from_shape((cluster::SAMPLE_SIZE, d), &sample).expect("shape");
    let (wall, cpu, fits) = best_of(|| {
        (cluster::K_MIN..=cluster::K_MAX)
            .map(|k| kmeans::fit(view, k, 1, cluster::SEARCH_EFFORT))
            .collect::<Vec<_>>()
    });
    part("k-means k=2..8 on the 5000-row sample", wall, cpu);
    let labelings: Vec<&[usize]> = fits.iter().map(|f| f.labels.as_slice()).collect();
    let (wall, cpu, _) = best_of(|| silhouette::mean_silhouettes(&sample, d, &labelings));
    part("exact silhouettes of 7 k on 5000 rows", wall, cpu);
    let full = ArrayView2::from_shape((customers.len(), d), &p.z).expect("shape");
    for k in [2, 4, 8] {
        let (wall, cpu, _) = best_of(|| {
            let seeds = kmeans::fit(view, k, 1, kmeans::Effort::default());
            kmeans::refine(
                full,
                kmeans::centroids(&sample, d, &seeds),
                kmeans::Effort::REFINE,
            )
        });
        part(
            &format!("final fit k={k}: sample restarts + refine"),
            wall,
            cpu,
        );
    }
    println!(
        "\nload average while measuring: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}
