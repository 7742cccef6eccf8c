//! Report sections 数据质量 and 附录：方法与参数: findings by problem; method and settings.

use super::{bullet, customers, file_name, lang, para, section, sentence, subheading, TABLE};
use crate::figures::{all_findings, Figures};
use crate::model::{Analysis, Classified, Lang, SheetRole};
use crate::report::format;
use crate::report::layout::{Align, Column, Layout};
use crate::say;
use crate::values::thousands;

pub(super) fn data_quality(doc: &mut Layout, a: &Analysis, f: &Figures) {
    let l = lang(a);
    section(doc, a, 11, 50.0);
    let d = &a.dataset;
    para(
        doc,
        &say!(
            l,
            "共读取数据行 {} 行，用于分类 {} 行，剔除 {} 行；发现问题 {} 条。每条问题的文件、工作表、行号和处理方式见工作簿“数据质量”表。",
            "{} data rows were read, {} used and {} rejected; findings: {}. The workbook's Data Quality sheet lists each with its file, sheet, row and action.",
            format::count(d.rows_read),
            format::count(d.rows_read.saturating_sub(d.rows_rejected)),
            format::count(d.rows_rejected),
            format::count(f.findings)
        ),
    );
    read_map(doc, a);
    let mut missing: Vec<char> = customers(a)
        .iter()
        .filter_map(|c| c.record.name.as_deref())
        .flat_map(|n| doc.missing_glyphs(n))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        let shown = missing
            .iter()
            .take(12)
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect::<Vec<_>>()
            .join(" ");
        para(
            doc,
            &say!(
                l,
                "客户名称中有 {} 个字符不在报告字体中（{}），报告中以“〓”代替；可用 --font 指定更全的中文字体。",
                "{} characters of customer names are not in the report's font ({}) and print as \"〓\"; give a fuller Chinese font with --font.",
                missing.len(),
                shown
            ),
        );
    }
    if f.findings == 0 {
        para(
            doc,
            &say!(l, "未发现数据问题。", "No data problems were found."),
        );
        return;
    }
    let columns = [
        Column::new(say!(l, "问题", "Problem"), 2.5, Align::Left),
        Column::new(say!(l, "条数", "Findings"), 1.0, Align::Right),
        Column::new(say!(l, "其中剔除行", "Rows rejected"), 1.0, Align::Right),
        Column::new(say!(l, "示例", "Example"), 3.5, Align::Left),
    ];
    let rows: Vec<Vec<String>> = f
        .findings_by_kind
        .iter()
        .map(|(kind, (count, rejected))| {
            let example = all_findings(a)
                .find(|f| f.kind() == *kind)
                .map(|f| {
                    let place = match f.row {
                        Some(r) => say!(l, "{} 第 {} 行", "{} row {}", f.sheet, r),
                        None => f.sheet.clone(),
                    };
                    let problem = crate::messages::finding_problem(l, f);
                    if place.is_empty() {
                        // A finding about the whole run (no sheet): the problem alone.
                        problem
                    } else {
                        format!("{place}{}{problem}", l.pick("：", ": "))
                    }
                })
                .unwrap_or_default();
            vec![
                kind.label(l).to_string(),
                format::count(*count),
                format::count(*rejected),
                example,
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
}

/// The read map in brief (issue 14): how many files, sheets, unrecognised columns and skipped
/// sheets, then one table row per sheet — its role, data rows, and the columns not recognised
/// or why it was skipped. The workbook's 读取记录 has every column.
fn read_map(doc: &mut Layout, a: &Analysis) {
    use crate::workbook::reading::{file_name, one_line, why_skipped};
    let l = lang(a);
    let d = &a.dataset;
    let sep = l.pick("、", ", ");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut read, mut unrecognised, mut skipped) = (0, 0, 0);
    for input in &d.inputs {
        for info in &input.sheets {
            let why = why_skipped(d, input, info, l);
            let (data_rows, note) = match why {
                Some(why) => {
                    skipped += 1;
                    (String::new(), why)
                }
                None => {
                    read += 1;
                    // A column a report table groups by is used, though it means no field.
                    let names: Vec<String> = info
                        .unrecognised
                        .iter()
                        .filter(|h| a.report.group_by_column(h).is_none())
                        .map(|h| one_line(h))
                        .collect();
                    unrecognised += names.len();
                    (format::count(info.data_rows), names.join(sep))
                }
            };
            rows.push(vec![
                format!("{} / {}", file_name(&input.path), info.name),
                info.role.label(l).to_string(),
                data_rows,
                note,
            ]);
        }
    }
    para(
        doc,
        &crate::messages::shown_pdf_summary(l, d.inputs.len(), read, unrecognised, skipped),
    );
    let columns = [
        Column::new(say!(l, "文件 / 工作表", "File / sheet"), 3.0, Align::Left),
        Column::new(say!(l, "用途", "Role"), 1.2, Align::Left),
        Column::new(say!(l, "数据行", "Data rows"), 1.0, Align::Right),
        Column::new(
            say!(
                l,
                "未识别的列 / 跳过原因",
                "Columns not recognised / why skipped"
            ),
            4.0,
            Align::Left,
        ),
    ];
    doc.table(&columns, &rows, TABLE);
}

pub(super) fn appendix(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    section(doc, a, 12, 80.0);
    subheading(doc, &say!(l, "评分维度与权重", "Dimensions and weights"));
    para(
        doc,
        &say!(
            l,
            "每个维度得分 0–100；综合得分为各维度得分的加权和，缺少的维度不计入并按其余权重重新归一。",
            "Each dimension scores 0–100; the total is the weighted sum, with missing dimensions left out and the other weights renormalised."
        ),
    );
    let columns = [
        Column::new(say!(l, "维度", "Dimension"), 2.0, Align::Left),
        Column::new(say!(l, "权重", "Weight"), 1.0, Align::Right),
        Column::new(
            say!(l, "有得分的客户", "Customers scored"),
            1.4,
            Align::Right,
        ),
        Column::new(say!(l, "平均得分", "Mean score"), 1.2, Align::Right),
    ];
    let n = customers(a).len();
    let score_of = |i: usize, c: &Classified| match i {
        0 => c.scores.size,
        1 => c.scores.value,
        2 => c.scores.activity,
        3 => c.scores.satisfaction,
        _ => c.scores.potential,
    };
    let rows: Vec<Vec<String>> = a
        .classification
        .weights
        .iter()
        .enumerate()
        .map(|(i, (dimension, w))| {
            let scored: Vec<f64> = customers(a).iter().filter_map(|c| score_of(i, c)).collect();
            let mean = scored.iter().sum::<f64>() / scored.len().max(1) as f64;
            vec![
                dimension.label(l).to_string(),
                format::percent(*w),
                say!(
                    l,
                    "{}（{}）",
                    "{} ({})",
                    format::count(scored.len()),
                    format::percent(format::share(scored.len() as f64, n as f64))
                ),
                if scored.is_empty() {
                    "—".into()
                } else {
                    format::score(mean)
                },
            ]
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    method(doc, a);
    settings_and_inputs(doc, a);
}

/// Tier cut-offs, RFM references, ABC classes, size classes, clustering, as-of date.
fn method(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    subheading(
        doc,
        &say!(l, "等级分数线与参考值", "Cut-offs and references"),
    );
    let (core_cut, potential_cut) = a.classification.tier_cutoffs;
    bullet(
        doc,
        &say!(
            l,
            "客户等级：综合得分 ≥ {} 为核心客户，≥ {} 为潜力客户，其余为一般客户。{}",
            "Tiers: total score ≥ {} is core, ≥ {} potential, the rest general. {}",
            format::score(core_cut),
            format::score(potential_cut),
            sentence(
                &crate::messages::tier_rule(l, &a.classification.tier_rule),
                l
            )
        ),
    );
    let refs = a.classification.rfm_refs;
    bullet(
        doc,
        &say!(
            l,
            "RFM 参考值（{}）：R {} 天，F {} 次，M {}；等于参考值算“高”，R 越小越“高”。",
            "RFM references ({}): R {} days, F {}, M {}; a value equal to the reference counts as high, and for R lower is higher.",
            refs.method,
            thousands(refs.recency_days, 1),
            thousands(refs.frequency, 1),
            format::money(refs.monetary, l)
        ),
    );
    bullet(
        doc,
        &say!(
            l,
            "ABC 分类：按销售额从高到低累计，前 80% 为 A 类，80%–95% 为 B 类，其余为 C 类。",
            "ABC classes: customers ranked by sales; the first 80% of the cumulative amount is A, 80–95% B, the rest C."
        ),
    );
    bullet(
        doc,
        &say!(
            l,
            "企业规模：《统计上大中小微型企业划分办法(2017)》；大、中、小型须同时满足所列指标下限，缺一项指标时按另一项判定。",
            "Size classes: China's 2017 statistical standard; large, medium and small must meet every listed lower bound; with one indicator missing the other decides."
        ),
    );
    let c = &a.clustering;
    if c.k > 0 {
        let sil = c
            .silhouettes
            .iter()
            .map(|(k, s)| format!("k={k}: {s:.3}"))
            .collect::<Vec<_>>()
            .join(l.pick("；", "; "));
        bullet(
            doc,
            &say!(
                l,
                "聚类：k-means，特征为{}（标准化，金额类取对数），k={}（{}），随机种子 {}。轮廓系数：{}。{}",
                "Clustering: k-means on {} (standardised, log for money), k={} ({}), seed {}. Silhouettes: {}. {}",
                (c.features.iter())
                    .map(|f| crate::messages::feature_label(l, *f))
                    .collect::<Vec<_>>()
                    .join(l.pick("、", ", ")),
                c.k,
                if c.k_chosen { say!(l, "自动选择", "chosen automatically") } else { say!(l, "指定", "given") },
                a.run.seed,
                if sil.is_empty() { "—".to_string() } else { sil },
                sentence(&crate::messages::cluster_method(l, &c.imputation), l)
            ),
        );
    }
    bullet(
        doc,
        &say!(
            l,
            "基准日 {}：{}。",
            "As-of date {}: {}.",
            format::date(a.run.as_of, l),
            a.run.as_of_source
        ),
    );
}

/// The profile's settings and the input files with their sheets and checksums.
fn settings_and_inputs(doc: &mut Layout, a: &Analysis) {
    let l = lang(a);
    if !a.profile_settings.is_empty() {
        subheading(
            doc,
            &say!(
                l,
                "评分方案参数（{}）",
                "Profile settings ({})",
                a.run.profile
            ),
        );
        // The rules are wrapped, not cut: the appendix is where the method is read in full.
        doc.wrapped_table(
            [&say!(l, "参数", "Setting"), &say!(l, "取值", "Value")],
            &a.profile_settings,
            0.28,
            TABLE,
        );
    }
    if !a.dataset.inputs.is_empty() {
        subheading(doc, &say!(l, "输入文件", "Input files"));
        let columns = [
            Column::new(say!(l, "文件", "File"), 2.0, Align::Left),
            Column::new(say!(l, "工作表（用途）", "Sheets (role)"), 3.0, Align::Left),
            Column::new("SHA-256", 2.0, Align::Left),
        ];
        let rows: Vec<Vec<String>> = a
            .dataset
            .inputs
            .iter()
            .map(|f| {
                vec![
                    file_name(&f.path),
                    f.sheets
                        .iter()
                        .map(|s| say!(l, "{}（{}）", "{} ({})", s.name, role_label(s.role, l)))
                        .collect::<Vec<_>>()
                        .join(l.pick("、", ", ")),
                    f.sha256.chars().take(16).collect::<String>() + "…",
                ]
            })
            .collect();
        doc.table(&columns, &rows, TABLE);
    }
}

fn role_label(role: SheetRole, l: Lang) -> &'static str {
    use SheetRole::*;
    match role {
        Customers => l.pick("客户档案", "customers"),
        Transactions => l.pick("交易明细", "transactions"),
        Usage => l.pick("使用记录", "usage"),
        Surveys => l.pick("满意度", "surveys"),
        Ignored => l.pick("未使用", "not used"),
    }
}
