//! `custseg run`: read → aggregate → classify → cluster → (compare) → workbook and report.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::check::{findings_by_cause, join_warnings, print_err, print_out};
use crate::cli::RunArgs;
use crate::config::{self, Config};
use crate::error::{Cause, Result};
use crate::figures::Figures;
use crate::model::{Analysis, CustomerRecord, Dataset, Lang, RunInfo, Tier, TierSnapshot};
use crate::progress::Progress;
use crate::report::font::Font;
use crate::{
    aggregate, classify, cluster, compare, extract, forecast, output, report, say, workbook,
};

/// The files a run wrote, each where it actually went (a fallback name when the first was taken).
#[derive(Debug, Default)]
struct Outputs {
    /// The result workbook, unless `--no-xlsx`.
    xlsx: Option<PathBuf>,
    /// The management report, unless `--no-pdf`.
    pdf: Option<PathBuf>,
    /// Why an output went to a numbered name, one note each.
    kept: Vec<String>,
}

/// What `analyse` hands to the writers: the analysis and the file the outputs are named after.
struct Analysed {
    /// Everything the writers need.
    analysis: Analysis,
    /// The input recognised as the customers file (else the first input).
    customers_file: PathBuf,
    /// Lines for stderr once the progress display is gone (which previous result was used).
    notes: Vec<String>,
}

/// Runs the whole job for the typed options.
pub fn run(args: &RunArgs) -> Result<()> {
    let started = Instant::now();
    let cfg = Config::from_args(args)?;
    let lang = cfg.lang;
    let progress = Progress::new(cfg.progress && !cfg.json);

    print_err(&cfg.folder_notes);
    progress.stage(say!(lang, "读取输入文件", "Reading the inputs"));
    let analysed = analyse(&cfg, &progress)?;
    let analysis = &analysed.analysis;
    // What the data need said: partial joins, then the findings by cause (never one line per row).
    let mut said = join_warnings(&analysis.dataset, lang);
    said.extend(findings_by_cause(&analysis.dataset.findings, lang));
    print_err(&said);

    let written = write(&cfg, &analysed, &progress)?;
    progress.finish();
    print_err(&analysed.notes);
    if args.timings {
        crate::console::errln(progress.timings().trim_end_matches('\n'));
    }

    let elapsed = started.elapsed();
    if cfg.json {
        for note in &written.kept {
            crate::console::errln(note.trim());
        }
        print_out(&summary_json(analysis, &written, elapsed));
    } else {
        print_out(&done_line(analysis, &written, lang));
    }
    Ok(())
}

/// Writes the workbook and the report the options ask for; returns where they went.
fn write(cfg: &Config, analysed: &Analysed, progress: &Progress) -> Result<Outputs> {
    let lang = cfg.lang;
    let analysis = &analysed.analysis;
    let (xlsx_path, pdf_path) = cfg.output_paths(&analysed.customers_file, analysis.run.as_of);
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
        Some(output::Staged::beside(&xlsx_path)?)
    } else {
        None
    };
    // The figures both outputs show, computed once: the workbook and the report cannot disagree.
    let figures = Figures::of(analysis);
    let (shared, figures) = (analysis, &figures);
    let (xlsx, pdf) = std::thread::scope(|scope| {
        let written = staged
            .as_ref()
            .map(|s| (s, workbook::written(shared, figures)));
        let failed = matches!(written, Some((_, Err(_))));
        let pdf = font
            .filter(|_| !failed)
            .map(|font| scope.spawn(move || report::build(shared, figures, &font)));
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
    // Both outputs get their names together, or neither does: a report that cannot be written
    // (a full disk) takes the workbook with it, and a result of ours it was to replace stays.
    let mut staged_all = Vec::new();
    if let (Some(()), Some(staged)) = (xlsx, staged) {
        staged_all.push((staged, xlsx_path));
    }
    let has_pdf = pdf.is_some();
    if let Some(bytes) = pdf {
        staged_all.push((output::Staged::with_bytes(&pdf_path, &bytes)?, pdf_path));
    }
    let mut placed = output::commit_all(staged_all, &cfg.inputs)?.into_iter();
    let mut written = Outputs::default();
    if cfg.write_xlsx {
        written.xlsx = placed.next().map(|p| absolute(&p, &mut written.kept, lang));
    }
    if has_pdf {
        written.pdf = placed.next().map(|p| absolute(&p, &mut written.kept, lang));
    }
    Ok(written)
}

/// The absolute path of a placed output; a note in `kept` when it went to a numbered name.
fn absolute(placed: &output::Placed, kept: &mut Vec<String>, lang: Lang) -> PathBuf {
    if let Some((existing, reason)) = &placed.kept {
        kept.push(crate::messages::output_kept(
            lang,
            existing,
            *reason,
            &placed.path,
        ));
    }
    // Shown without the \\?\ prefix canonicalize gives on Windows.
    let full = std::fs::canonicalize(&placed.path).unwrap_or_else(|_| placed.path.clone());
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
fn analyse(cfg: &Config, progress: &Progress) -> Result<Analysed> {
    let lang = cfg.lang;
    let extracted = extract::load_with(&cfg.inputs, &cfg.profile, cfg.include_hidden)?;
    if cfg.progress {
        super::shown::print_stderr(&extracted.dataset, &cfg.profile.report, lang);
    }
    let as_of = config::resolve_as_of(cfg.as_of, &extracted.dataset, lang);
    let customers_file = config::customers_file(&extracted.dataset, &cfg.inputs);

    progress.stage(say!(lang, "汇总交易明细", "Aggregating the detail rows"));
    let histories = forecast::histories(&extracted, as_of.date);
    // The customer-base models need only the histories: fitted while the lines are aggregated.
    // The fit stays on this thread: on Windows a new thread's floating-point state differs from
    // the main thread's, and along the BG/NBD likelihood's flat a–b ridge the last bits of ln and
    // exp move where the fit stops (a 7.7543 on the main thread, 7.7538 on another, under wine).
    let (aggregated, fitted) = std::thread::scope(|scope| {
        let aggregating = scope.spawn(|| aggregate::aggregate(extracted, as_of.date));
        let fitted = forecast::fit(&histories, as_of.date);
        let aggregated = aggregating
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (aggregated, fitted)
    });
    let aggregate::Aggregated {
        mut dataset,
        mut customers,
    } = aggregated;
    require_customers(&dataset, &customers)?;
    progress.stage(say!(lang, "客户存续模型", "Customer-base models"));
    let mut forecast = fitted.apply(&mut customers);
    forecast.uses = forecast::describe::Uses::of(&cfg.profile, &customers, as_of.date);

    progress.stage(say!(lang, "客户分类", "Classifying"));
    let mut classification =
        classify::classify(customers, &cfg.profile, as_of.date, &mut dataset.findings);

    progress.stage(say!(lang, "聚类分析", "Clustering"));
    let clustering = cluster::assign(&mut classification.customers, cfg.k, cfg.seed);

    let mut notes = Vec::new();
    let migration = match previous(cfg, &customers_file, as_of.date, &mut notes)? {
        Some((path, snapshot)) => {
            progress.stage(say!(
                lang,
                "与上期对比",
                "Comparing with the previous quarter"
            ));
            let previous = match snapshot {
                Some(found) => found,
                None => compare::read_snapshot(&path)?,
            };
            let current = compare::snapshot(&classification.customers);
            let name = crate::console::file_shown(&path);
            let now = compare::current_facts(as_of.date, classification.tier_cutoffs);
            Some(compare::migrate(&previous, &current, &name).dated(&path, now))
        }
        None => None,
    };

    let profile_settings = cfg.profile.settings();
    let analysis = Analysis {
        run: RunInfo {
            profile: cfg.profile.name.clone(),
            as_of: as_of.date,
            as_of_source: as_of.source,
            as_of_from_today: as_of.today,
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
        report: cfg.profile.report.clone(),
        forecast,
    };
    Ok(Analysed {
        analysis,
        customers_file,
        notes,
    })
}

/// The previous result to compare with: the one given (refused when its as-of date is not
/// earlier than this run's), else the latest custseg result of the same stem and an earlier
/// period in the output folder (read already, and said in `notes`), unless `--no-previous`.
fn previous(
    cfg: &Config,
    customers_file: &std::path::Path,
    as_of: chrono::NaiveDate,
    notes: &mut Vec<String>,
) -> Result<Option<(PathBuf, Option<Vec<TierSnapshot>>)>> {
    let lang = cfg.lang;
    if let Some(path) = &cfg.previous {
        if let Some(then) = compare::result_as_of(path).filter(|then| *then >= as_of) {
            return Err(crate::Error::input(Cause::PreviousNotEarlier {
                file: crate::console::file_shown(path),
                previous: then,
                current: as_of,
            }));
        }
        return Ok(Some((path.clone(), None)));
    }
    if !cfg.find_previous {
        return Ok(None);
    }
    let dir = cfg.out_dir(customers_file);
    let stem = config::stem(customers_file);
    let Some((period, files)) = compare::earlier_results(&dir, &stem, &config::period(as_of))
    else {
        return Ok(None);
    };
    for path in files.into_iter().filter(|p| output::is_custseg_result(p)) {
        let file = crate::console::file_shown(&path);
        match compare::read_snapshot(&path) {
            Ok(snapshot) => {
                notes.push(crate::messages::previous_found(lang, &period, &file));
                return Ok(Some((path, Some(snapshot))));
            }
            Err(e) => notes.push(crate::messages::previous_unusable(
                lang,
                &file,
                e.message(lang).trim_end_matches('。'),
            )),
        }
    }
    Ok(None)
}

/// An input error when no customer is left to classify.
pub(super) fn require_customers(dataset: &Dataset, customers: &[CustomerRecord]) -> Result<()> {
    if !customers.is_empty() {
        return Ok(());
    }
    let files: Vec<String> = (dataset.inputs.iter())
        .map(|i| crate::console::file_shown(std::path::Path::new(&i.path)))
        .collect();
    // Every rejected row a supplier's (a 往来单位 export of suppliers): said as such.
    let suppliers = (dataset.findings.iter())
        .filter(|f| f.rejected && f.issue == crate::model::Issue::SupplierRow)
        .count();
    if suppliers > 0 && suppliers == dataset.rows_rejected {
        return Err(crate::Error::input(Cause::OnlySuppliers {
            files,
            suppliers,
        }));
    }
    Err(crate::Error::input(Cause::NoCustomerRows { files }))
}

/// The `--json` summary object of SPEC §2.
fn summary_json(analysis: &Analysis, written: &Outputs, elapsed: Duration) -> String {
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
        "outputs": { "xlsx": path(&written.xlsx), "pdf": path(&written.pdf) },
        "elapsed_ms": elapsed.as_millis() as u64,
    });
    value.to_string()
}

fn done_line(analysis: &Analysis, written: &Outputs, lang: Lang) -> String {
    let n = analysis.classification.customers.len();
    let core = analysis
        .classification
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Core)
        .count();
    let files: Vec<String> = [&written.xlsx, &written.pdf]
        .into_iter()
        .flatten()
        .map(|p| p.display().to_string())
        .collect();
    let issues = analysis.dataset.findings.len();
    let line = say!(
        lang,
        "完成：{} 个客户（核心客户 {} 个），数据质量问题 {} 条。结果已写入：{}",
        "Done: {} customers ({} core), {} data-quality findings. Written: {}",
        n,
        core,
        issues,
        files.join(lang.pick("，", ", "))
    );
    line + &written.kept.concat()
}
