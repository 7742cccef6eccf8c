//! `custseg run`: read → aggregate → classify → cluster → (compare) → workbook and report.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::RunArgs;
use crate::config::Config;
use crate::error::Result;
use crate::model::{Analysis, Lang, RunInfo, Tier};
use crate::report::font::Font;
use crate::{aggregate, classify, cluster, compare, extract, output, report, say, workbook};

/// Runs the whole job for the typed options.
pub fn run(args: &RunArgs) -> Result<()> {
    let started = Instant::now();
    let cfg = Config::from_args(args)?;
    let lang = cfg.lang;
    let progress = Progress::new(cfg.progress && !cfg.json);

    progress.stage(say!(lang, "读取输入文件", "Reading the inputs"));
    let analysis = analyse(&cfg, &progress)?;

    let (xlsx_path, pdf_path) = cfg.output_paths();
    progress.stage(match (cfg.write_xlsx, cfg.write_pdf) {
        (true, true) => say!(
            lang,
            "写入工作簿和管理报告",
            "Writing the workbook and the report"
        ),
        (true, false) => say!(lang, "写入工作簿", "Writing the workbook"),
        _ => say!(lang, "生成管理报告", "Writing the report"),
    });
    let font = match (&cfg.font, cfg.write_pdf) {
        (Some(path), true) => Some(Font::from_file(path, lang)?),
        (None, true) => Some(Font::embedded()),
        _ => None,
    };
    // Both outputs are built before either gets its name: the report in memory, the workbook
    // (the large one) straight into a temporary file beside its target. A failure in one leaves
    // nothing half done; the temporary file is removed. The workbook's sheets are written on
    // both cores first; the report is built while the workbook is packed, which uses one.
    let staged = if cfg.write_xlsx {
        Some(output::Staged::beside(&xlsx_path, lang)?)
    } else {
        None
    };
    let shared = &analysis;
    let (xlsx, pdf) = std::thread::scope(|scope| {
        let written = staged.as_ref().map(|s| (s, workbook::written(shared)));
        let failed = matches!(written, Some((_, Err(_))));
        let pdf = font
            .filter(|_| !failed)
            .map(|font| scope.spawn(move || report::build(shared, &font)));
        let xlsx = written
            .map(|(s, w)| w.and_then(|w| w.save(s.path())))
            .transpose();
        let pdf = pdf
            .map(|handle| handle.join().unwrap_or_else(|_| Err(crash(lang))))
            .transpose();
        (xlsx, pdf)
    });
    let (xlsx, pdf) = (xlsx?, pdf?);
    progress.stage(say!(lang, "保存文件", "Saving the files"));
    let mut written: (Option<PathBuf>, Option<PathBuf>) = (None, None);
    if let (Some(()), Some(staged)) = (xlsx, staged) {
        written.0 = Some(absolute(staged.commit(&xlsx_path, &cfg.inputs, lang)?));
    }
    if let Some(bytes) = pdf {
        written.1 = Some(absolute(output::write_atomic(
            &pdf_path,
            &bytes,
            &cfg.inputs,
            lang,
        )?));
    }
    progress.finish();
    if args.timings {
        eprint!("{}", progress.timings());
    }

    let elapsed = started.elapsed();
    if cfg.json {
        crate::console::outln(&summary_json(&analysis, &written, elapsed));
    } else {
        crate::console::outln(&done_line(&analysis, &written, lang));
    }
    Ok(())
}

fn absolute(path: PathBuf) -> PathBuf {
    // Shown without the \\?\ prefix canonicalize gives on Windows.
    let full = std::fs::canonicalize(&path).unwrap_or(path);
    PathBuf::from(crate::console::display_path(&full))
}

fn crash(lang: Lang) -> crate::Error {
    crate::Error::output(say!(
        lang,
        "生成管理报告时发生内部错误，未写出任何文件。",
        "An internal error stopped the report; nothing was written."
    ))
}

/// Reads, aggregates, classifies, clusters and compares: everything but the writing.
pub fn analyse(cfg: &Config, progress: &Progress) -> Result<Analysis> {
    let lang = cfg.lang;
    let extracted = extract::load(&cfg.inputs, &cfg.profile, lang)?;
    let today = chrono::Local::now().date_naive();
    let stated = extracted.dataset.period_end;
    let (as_of, as_of_source) = match (cfg.as_of.or(stated), extracted.dataset.latest_date) {
        (Some(d), _) if cfg.as_of.is_some() => {
            (d, say!(lang, "命令行指定", "given on the command line"))
        }
        (Some(d), _) => (
            d,
            say!(
                lang,
                "导出文件标题行中统计期间的截止日",
                "the end of the period stated in the export's title rows"
            ),
        ),
        (None, Some(d)) => (
            d,
            say!(lang, "数据中最晚的日期", "the latest date in the data"),
        ),
        (None, None) => (
            today,
            say!(
                lang,
                "数据中没有日期，取运行当天",
                "no date in the data; today"
            ),
        ),
    };
    progress.stage(say!(lang, "汇总交易明细", "Aggregating the detail rows"));
    let mut dataset = aggregate::aggregate(extracted, as_of, lang);
    if dataset.customers.is_empty() {
        let files: Vec<String> = dataset.inputs.iter().map(|i| i.path.clone()).collect();
        return Err(crate::Error::input(say!(
            lang,
            "{} 中没有任何客户数据行（只有表头或全部被剔除），无法分类；可先用 custseg check 查看原因。",
            "{} holds no customer rows (only headers, or every row was rejected), so nothing can be classified; custseg check shows why.",
            files.join(lang.pick("、", ", "))
        )));
    }

    progress.stage(say!(lang, "客户分类", "Classifying"));
    let records = std::mem::take(&mut dataset.customers);
    let mut classification = classify::classify(records, &cfg.profile, as_of, lang)?;
    dataset.findings.append(&mut classification.findings);

    progress.stage(say!(lang, "聚类分析", "Clustering"));
    let clustering = cluster::cluster(&classification.customers, cfg.k, cfg.seed, lang);
    for (c, &label) in classification.customers.iter_mut().zip(&clustering.labels) {
        c.cluster = label;
        if let Some(info) = clustering.clusters.iter().find(|i| i.id == label) {
            c.cluster_name = info.name.clone();
        }
    }

    let migration = match &cfg.previous {
        Some(path) => {
            progress.stage(say!(
                lang,
                "与上期对比",
                "Comparing with the previous quarter"
            ));
            let previous = compare::read_snapshot(path, lang)?;
            let current = compare::snapshot(&classification.customers);
            let name = path
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Some(compare::migrate(&previous, &current, &name))
        }
        None => None,
    };

    let profile_settings = cfg.profile.settings();
    Ok(Analysis {
        run: RunInfo {
            profile: cfg.profile.name.clone(),
            as_of,
            as_of_source,
            company: cfg.company.clone(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            generated_at: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
            lang,
            seed: cfg.seed,
        },
        dataset,
        classification,
        clustering,
        migration,
        profile_settings,
    })
}

/// The `--json` summary object of SPEC §2.
pub fn summary_json(
    analysis: &Analysis,
    written: &(Option<PathBuf>, Option<PathBuf>),
    elapsed: Duration,
) -> String {
    let count = |t: Tier| {
        analysis
            .classification
            .customers
            .iter()
            .filter(|c| c.tier == t)
            .count()
    };
    let path = |p: &Option<PathBuf>| p.as_ref().map(|p| p.display().to_string());
    let value = serde_json::json!({
        "customers": analysis.classification.customers.len(),
        "rows_read": analysis.dataset.rows_read,
        "rows_rejected": analysis.dataset.rows_rejected,
        "issues": analysis.dataset.findings.len(),
        "tiers": {
            "core": count(Tier::Core),
            "potential": count(Tier::Potential),
            "general": count(Tier::General),
        },
        "clusters": analysis.clustering.k,
        "as_of": analysis.run.as_of.format("%Y-%m-%d").to_string(),
        "outputs": { "xlsx": path(&written.0), "pdf": path(&written.1) },
        "elapsed_ms": elapsed.as_millis() as u64,
    });
    value.to_string()
}

fn done_line(
    analysis: &Analysis,
    written: &(Option<PathBuf>, Option<PathBuf>),
    lang: Lang,
) -> String {
    let n = analysis.classification.customers.len();
    let core = analysis
        .classification
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Core)
        .count();
    let files: Vec<String> = [&written.0, &written.1]
        .into_iter()
        .flatten()
        .map(|p| p.display().to_string())
        .collect();
    let issues = analysis.dataset.findings.len();
    say!(
        lang,
        "完成：{} 个客户（核心客户 {} 个），数据质量问题 {} 条。结果已写入：{}",
        "Done: {} customers ({} core), {} data-quality findings. Written: {}",
        n,
        core,
        issues,
        files.join(lang.pick("，", ", "))
    )
}

/// Stage-by-stage progress on stderr, only when it is a terminal and not `--quiet`; it also
/// keeps the time each stage took (`--timings`).
pub struct Progress {
    bar: Option<ProgressBar>,
    stages: std::cell::RefCell<Vec<(String, Instant)>>,
}

impl Progress {
    /// A progress display, shown only when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed}] {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            stages: Default::default(),
        }
    }

    /// A progress display that shows nothing.
    pub fn hidden() -> Progress {
        Progress::new(false)
    }

    /// Names the stage now running.
    pub fn stage(&self, name: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(name.clone());
        }
        self.stages.borrow_mut().push((name, Instant::now()));
    }

    /// Clears the display and closes the last stage.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.stages
            .borrow_mut()
            .push((String::new(), Instant::now()));
    }

    /// The time of each stage, one line each ("stage<TAB>milliseconds").
    pub fn timings(&self) -> String {
        let stages = self.stages.borrow();
        stages
            .windows(2)
            .map(|w| {
                format!(
                    "{}\t{}\n",
                    w[0].0,
                    w[1].1.duration_since(w[0].1).as_millis()
                )
            })
            .collect()
    }
}
