//! The smaller sheets: 聚类分析, 季度变动 (shared with `custseg compare`), 数据质量 and 参数.

use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use super::customers::Layout;
use super::styles::{
    print_one_page_wide, put_number, put_plain_number, put_plain_text, put_text, text_width,
    write_headers, Room, Styles, Widths,
};
use super::summary::all_findings;
use super::{
    pick, CLUSTERS_SHEET, CODE_COLUMN_KEY, MIGRATION_SHEET, NAME_COLUMN_KEY, QUALITY_SHEET,
    SETTINGS_SHEET,
};
use crate::compare::{AliveFell, FELL_LISTED, FELL_POINTS};
use crate::messages;
use crate::model::{Analysis, Lang, Migration, Move, SheetRole, Tier};

/// Writes 聚类分析: one row per cluster, the silhouette of every k tried, the imputation rule.
pub fn write_clusters(
    wb: &mut Workbook,
    analysis: &Analysis,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let cl = &analysis.clustering;
    let ws = wb.add_worksheet();
    ws.set_name(pick(CLUSTERS_SHEET, lang))?;
    print_one_page_wide(ws);
    let mut heads: Vec<String> = [
        lang.pick("聚类", "Cluster"),
        lang.pick("聚类名称", "Cluster Name"),
        lang.pick("客户数", "Customers"),
        lang.pick("占比", "Share"),
        lang.pick("平均综合得分", "Mean Total Score"),
    ]
    .map(String::from)
    .to_vec();
    heads.extend(cl.features.iter().map(|f| {
        format!(
            "{}{}",
            lang.pick("中心：", "Centre: "),
            messages::feature_label(lang, *f)
        )
    }));
    let mut widths = Widths::new(heads.len().max(3), 40);
    let mut row = 0u32;
    ws.write_string_with_format(
        row,
        0,
        lang.pick("聚类画像（k-means）", "Cluster profiles (k-means)"),
        &st.title,
    )?;
    row += 2;
    write_headers(ws, row, &heads, st, Some((&mut widths, Room::Title)))?;
    row += 1;
    let total: usize = cl.clusters.iter().map(|c| c.size).sum();
    for c in &cl.clusters {
        ws.write_number_with_format(row, 0, c.id as f64, &st.centered)?;
        let name = messages::cluster_name(lang, &c.name);
        put_plain_text(ws, row, 1, &name)?;
        widths.see(1, text_width(&name));
        ws.write_number_with_format(row, 2, c.size as f64, &st.int)?;
        let share = (total > 0).then(|| c.size as f64 / total as f64);
        put_number(ws, row, 3, share, &st.percent)?;
        put_number(ws, row, 4, Some(c.mean_total), &st.score)?;
        for (j, v) in c.centroid.iter().enumerate() {
            put_number(ws, row, 5 + j as u16, Some(*v), &st.number)?;
        }
        row += 1;
    }
    row += 1;

    ws.write_string_with_format(
        row,
        0,
        lang.pick("各 k 的轮廓系数", "Silhouette of each k tried"),
        &st.section,
    )?;
    row += 1;
    let heads = [
        "k",
        lang.pick("轮廓系数", "Silhouette"),
        lang.pick("是否选用", "Chosen"),
    ];
    write_headers(ws, row, &heads, st, None)?;
    row += 1;
    for &(k, s) in &cl.silhouettes {
        ws.write_number_with_format(row, 0, k as f64, &st.centered)?;
        put_number(ws, row, 1, Some(s), &st.ratio)?;
        if k == cl.k {
            ws.write_string(row, 2, lang.pick("✔ 选用", "✔ chosen"))?;
        }
        row += 1;
    }
    row += 1;
    let how_k = if cl.k_chosen {
        crate::say!(
            lang,
            "k = {}，按轮廓系数最高自动选定。",
            "k = {}, chosen automatically by the highest silhouette.",
            cl.k
        )
    } else {
        crate::say!(
            lang,
            "k = {}，由命令行 --k 指定。",
            "k = {}, given with --k.",
            cl.k
        )
    };
    ws.write_string_with_format(row, 0, lang.pick("k 的确定", "How k was set"), &st.label)?;
    put_plain_text(ws, row, 1, &how_k)?;
    row += 1;
    ws.write_string_with_format(row, 0, lang.pick("缺失值处理", "Missing values"), &st.label)?;
    put_plain_text(ws, row, 1, &messages::cluster_method(lang, &cl.imputation))?;
    widths.see(0, 14);
    widths.see(1, 16);
    for col in 2..heads.len() {
        widths.see(col, 12);
    }
    widths.apply(ws)?;
    Ok(())
}

/// Writes 季度变动: the tier transition matrix, the counts, the customers whose P(alive) fell
/// most (when both results have it), then one filterable list of the upgraded, downgraded, new
/// and lost customers (in that order).
pub fn write_migration(
    wb: &mut Workbook,
    migration: &Migration,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(pick(MIGRATION_SHEET, lang))?;
    print_one_page_wide(ws);
    let mut row = 0u32;
    let title = messages::migration_title(
        lang,
        &messages::quarter_named(
            lang,
            migration.previous_period.as_ref(),
            &migration.previous_file,
        ),
        &messages::quarter_named(lang, migration.current_period.as_ref(), ""),
    );
    put_text(ws, row, 0, &title, &st.title)?;
    row += 1;
    let source = messages::migration_source(lang, &migration.previous_file);
    put_text(ws, row, 0, &source, &st.note)?;
    row += 2;

    row = write_periods(ws, row, migration, lang, st)?;
    row = write_matrix(ws, row, migration, lang, st)?;

    let kinds = [
        (lang.pick("升级", "Upgraded"), &migration.upgraded),
        (lang.pick("降级", "Downgraded"), &migration.downgraded),
        (lang.pick("新增", "New"), &migration.new),
        (lang.pick("流失", "Lost"), &migration.lost),
    ];
    ws.write_string_with_format(row, 0, lang.pick("变动汇总", "Moves"), &st.section)?;
    row += 1;
    for (label, list) in &kinds {
        ws.write_string_with_format(row, 0, *label, &st.label)?;
        ws.write_number_with_format(row, 1, list.len() as f64, &st.int)?;
        row += 1;
    }
    row += 1;

    let heads = [
        lang.pick("变动", "Move"),
        lang.pick("客户编码", "Customer Code"),
        lang.pick("客户名称", "Customer Name"),
        lang.pick("上期等级", "Previous Tier"),
        lang.pick("本期等级", "Current Tier"),
        lang.pick("上期综合得分", "Previous Total Score"),
        lang.pick("本期综合得分", "Current Total Score"),
        lang.pick("得分变化", "Score Change"),
        lang.pick("消费金额（元）", "Monetary (yuan)"),
        lang.pick("变化最大的维度", "Largest Dimension Change"),
    ];
    let mut widths = Widths::new(heads.len(), 40);
    widths.see(0, 16);
    if let Some(fell) = &migration.alive_fell {
        row = write_alive_fell(ws, row, fell, lang, st, &mut widths)?;
    }

    ws.write_string_with_format(
        row,
        0,
        lang.pick("变动客户名单", "Customers who moved"),
        &st.section,
    )?;
    row += 1;
    let header_row = row;
    write_headers(ws, row, &heads, st, Some((&mut widths, Room::Filter)))?;
    row += 1;
    for (label, list) in &kinds {
        for mv in list.iter() {
            write_move(ws, row, label, mv, lang, st, &mut widths)?;
            row += 1;
        }
    }
    ws.autofilter(header_row, 0, row.saturating_sub(1).max(header_row), 9)?;
    widths.apply(ws)?;
    Ok(())
}

/// The tier transition matrix of 季度变动 from `row` down, with its totals and legend; returns
/// the next free row.
fn write_matrix(
    ws: &mut Worksheet,
    mut row: u32,
    migration: &Migration,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(
        row,
        0,
        lang.pick(
            "客户等级转移矩阵（行：上期等级，列：本期等级；两期都有的客户）",
            "Tier transitions (rows: previous tier, columns: current tier; customers in both runs)",
        ),
        &st.section,
    )?;
    row += 1;
    let mut heads = vec![lang.pick("上期 \\ 本期", "Previous \\ current")];
    heads.extend(Tier::ALL.iter().map(|t| t.label(lang)));
    heads.push(lang.pick("合计", "Total"));
    write_headers(ws, row, &heads, st, None)?;
    row += 1;
    let m = &migration.matrix;
    for (i, (t, counts)) in Tier::ALL.iter().zip(m).enumerate() {
        ws.write_string_with_format(row, 0, t.label(lang), st.tier(*t))?;
        for (j, &count) in counts.iter().enumerate() {
            // Rows are the previous tier, columns the current one: left of the diagonal moved up.
            let format = match j.cmp(&i) {
                std::cmp::Ordering::Less => &st.matrix_up,
                std::cmp::Ordering::Greater => &st.matrix_down,
                std::cmp::Ordering::Equal => &st.matrix_same,
            };
            ws.write_number_with_format(row, 1 + j as u16, count as f64, format)?;
        }
        let sum: usize = counts.iter().sum();
        ws.write_number_with_format(row, 4, sum as f64, &st.matrix_total)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, lang.pick("合计", "Total"), &st.total_label)?;
    for j in 0..3u16 {
        let sum: usize = m.iter().map(|r| r[usize::from(j)]).sum();
        ws.write_number_with_format(row, 1 + j, sum as f64, &st.matrix_total)?;
    }
    let all: usize = m.iter().flatten().sum();
    ws.write_number_with_format(row, 4, all as f64, &st.matrix_total)?;
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        lang.pick(
            "绿色：升级；黄色：降级；白色：等级不变。",
            "Green: moved up; amber: moved down; white: unchanged.",
        ),
        &st.note,
    )?;
    row += 2;
    Ok(row)
}

/// The customers whose P(alive) fell most, from `row` down (code, name, tier, P(alive) before
/// and now, change, amount; the code in column A, so that the moves list below stays the first
/// table with 客户编码 in column B), or the sentence saying none fell that much; returns the next
/// free row.
fn write_alive_fell(
    ws: &mut Worksheet,
    mut row: u32,
    fell: &AliveFell,
    lang: Lang,
    st: &Styles,
    widths: &mut Widths,
) -> Result<u32, XlsxError> {
    let heading = messages::alive_fell_heading(lang, FELL_POINTS, FELL_LISTED);
    ws.write_string_with_format(row, 0, &heading, &st.section)?;
    row += 1;
    if fell.listed.is_empty() {
        put_text(
            ws,
            row,
            0,
            &messages::alive_fell_none(lang, FELL_POINTS),
            &st.note,
        )?;
        return Ok(row + 2);
    }
    let count = messages::alive_fell_count(lang, fell.total, FELL_POINTS, fell.listed.len());
    put_text(ws, row, 0, &count, &st.note)?;
    row += 1;
    let heads = [
        lang.pick("客户编码", "Customer Code"),
        lang.pick("客户名称", "Customer Name"),
        lang.pick("本期等级", "Current Tier"),
        lang.pick("上期存活概率", "Previous P(Alive)"),
        lang.pick("本期存活概率", "Current P(Alive)"),
        lang.pick("变化（百分点）", "Change (points)"),
        lang.pick("消费金额（万元）", "Monetary (CNY 10k)"),
    ];
    write_headers(ws, row, &heads, st, Some((widths, Room::Filter)))?;
    row += 1;
    for drop in &fell.listed {
        put_plain_text(ws, row, 0, &drop.code)?;
        widths.see(0, text_width(&drop.code));
        put_plain_text(ws, row, 1, &drop.name)?;
        widths.see(1, text_width(&drop.name));
        ws.write_string_with_format(row, 2, drop.tier.label(lang), st.tier(drop.tier))?;
        put_number(ws, row, 3, Some(drop.before), &st.percent)?;
        put_number(ws, row, 4, Some(drop.after), &st.percent)?;
        put_number(ws, row, 5, Some(drop.points()), &st.change)?;
        put_number(ws, row, 6, drop.amount.map(|a| a / 1e4), &st.wan)?;
        row += 1;
    }
    Ok(row + 1)
}

fn write_move(
    ws: &mut Worksheet,
    row: u32,
    label: &str,
    mv: &Move,
    lang: Lang,
    st: &Styles,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    ws.write_string(row, 0, label)?;
    put_plain_text(ws, row, 1, &mv.code)?;
    widths.see(1, text_width(&mv.code));
    put_plain_text(ws, row, 2, &mv.name)?;
    widths.see(2, text_width(&mv.name));
    for (col, tier) in [(3u16, mv.before), (4, mv.after)] {
        if let Some(t) = tier {
            ws.write_string_with_format(row, col, t.label(lang), st.tier(t))?;
        }
    }
    put_number(ws, row, 5, mv.score_before, &st.score)?;
    put_number(ws, row, 6, mv.score_after, &st.score)?;
    let change = match (mv.score_before, mv.score_after) {
        (Some(b), Some(a)) => Some(a - b),
        _ => None,
    };
    put_number(ws, row, 7, change, &st.change)?;
    put_number(ws, row, 8, mv.amount, &st.money)?;
    if let Some(d) = mv.driver {
        let dimension = pick(crate::compare::DIMENSIONS[d.dimension].header, lang);
        let why = messages::moved_because(lang, dimension, d.change);
        widths.see(9, text_width(&why));
        ws.write_string(row, 9, &why)?;
    }
    Ok(())
}

/// Both quarters of 季度变动 from `row` down: period, as-of date and tier cut-offs (or why
/// they are unknown); returns the next free row.
fn write_periods(
    ws: &mut Worksheet,
    mut row: u32,
    migration: &Migration,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(
        row,
        0,
        lang.pick("两期分数线", "Tier cut-offs of both quarters"),
        &st.section,
    )?;
    row += 1;
    let heads = [
        lang.pick("期次", "Quarter"),
        lang.pick("期间", "Period"),
        lang.pick("基准日", "As-of date"),
        lang.pick("核心客户 ≥", "Core ≥"),
        lang.pick("潜力客户 ≥", "Potential ≥"),
    ];
    write_headers(ws, row, &heads, st, None)?;
    row += 1;
    let quarters = [
        (lang.pick("上期", "Previous"), &migration.previous_period),
        (lang.pick("本期", "Current"), &migration.current_period),
    ];
    for (label, facts) in quarters {
        ws.write_string_with_format(row, 0, label, &st.label)?;
        match facts {
            Some(f) => {
                ws.write_string(row, 1, &f.period)?;
                ws.write_string(row, 2, f.as_of.format("%Y-%m-%d").to_string())?;
                match f.cutoffs {
                    Some((core, potential)) => {
                        ws.write_number_with_format(row, 3, core, &st.score)?;
                        ws.write_number_with_format(row, 4, potential, &st.score)?;
                    }
                    None => {
                        ws.write_string(row, 3, messages::cutoffs_unknown(lang))?;
                    }
                }
            }
            None => {
                ws.write_string(row, 1, lang.pick("未知", "unknown"))?;
            }
        }
        row += 1;
    }
    Ok(row + 1)
}

/// Writes 数据质量: one row per finding, filterable.
pub fn write_quality(wb: &mut Workbook, analysis: &Analysis, st: &Styles) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(pick(QUALITY_SHEET, lang))?;
    print_one_page_wide(ws);
    let heads = [
        lang.pick("文件", "File"),
        lang.pick("工作表", "Sheet"),
        lang.pick("行号", "Row"),
        lang.pick("列", "Column"),
        lang.pick("值", "Value"),
        lang.pick("问题类型", "Problem Type"),
        lang.pick("问题", "Problem"),
        lang.pick("处理", "Action"),
        lang.pick("是否剔除", "Rejected"),
    ];
    let mut widths = Widths::new(heads.len(), 40);
    widths.cap(6, 60);
    widths.cap(7, 50);
    write_headers(ws, 0, &heads, st, Some((&mut widths, Room::Filter)))?;
    let yes = lang.pick("是", "Yes");
    let no = lang.pick("否", "No");
    let mut row = 0u32;
    for f in all_findings(analysis) {
        row += 1;
        let (problem, action) = (
            crate::messages::finding_problem(lang, f),
            crate::messages::finding_action(lang, f),
        );
        let cells = [
            (0u16, f.file.as_str()),
            (1, f.sheet.as_str()),
            (3, crate::messages::finding_column(lang, f).unwrap_or("")),
            (4, f.value.as_str()),
            (5, f.kind().label(lang)),
            (6, problem.as_str()),
            (7, action.as_str()),
            (8, if f.rejected { yes } else { no }),
        ];
        for (col, text) in cells {
            put_plain_text(ws, row, col, text)?;
            widths.see(usize::from(col), text_width(text));
        }
        put_plain_number(ws, row, 2, f.row.map(f64::from))?;
    }
    ws.autofilter(0, 0, row, heads.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    widths.apply(ws)?;
    Ok(())
}

/// Writes 参数: everything needed to reproduce the run, and the row naming the code column of
/// 客户明细 that `compare::read_snapshot` looks for.
pub fn write_settings(
    wb: &mut Workbook,
    analysis: &Analysis,
    st: &Styles,
) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let ws = wb.add_worksheet();
    ws.set_name(pick(SETTINGS_SHEET, lang))?;
    print_one_page_wide(ws);
    let mut widths = Widths::new(6, 70);
    ws.write_string_with_format(
        0,
        0,
        lang.pick(
            "运行参数（用于复现本次结果）",
            "Run settings (to reproduce this run)",
        ),
        &st.title,
    )?;
    let mut row = 2u32;
    let mut lines = run_lines(analysis, st);
    lines.extend(scoring_lines(analysis, st));
    lines.extend(clustering_lines(analysis, st));
    lines.push(Line::Section(
        lang.pick("客户存续与价值模型", "Customer-base models"),
    ));
    for (key, value) in crate::forecast::describe::lines(&analysis.forecast, lang) {
        lines.push(Line::Pair(key, Value::Text(value)));
    }
    lines.push(Line::Blank);
    for line in lines {
        match line {
            Line::Section(title) => section(ws, &mut row, title, st)?,
            Line::Blank => row += 1,
            Line::Pair(key, value) => {
                widths.see(0, text_width(&key));
                ws.write_string_with_format(row, 0, &key, &st.label)?;
                match value {
                    Value::Text(s) => {
                        widths.see(1, text_width(&s));
                        put_plain_text(ws, row, 1, &s)?;
                    }
                    Value::Num(v, f) => {
                        widths.see(1, 10);
                        // Left-aligned, so that a number sits next to its label as the texts do.
                        let left = f.clone().set_align(FormatAlign::Left);
                        put_number(ws, row, 1, Some(v), &left)?;
                    }
                }
                row += 1;
            }
        }
    }
    section(ws, &mut row, lang.pick("输入文件", "Inputs"), st)?;
    write_inputs(ws, row, analysis, st, &mut widths)?;
    widths.apply(ws)?;
    Ok(())
}

/// One line of 参数 above the input files.
enum Line<'a> {
    /// A section heading.
    Section(&'a str),
    /// A label and its value.
    Pair(String, Value<'a>),
    /// An empty row after a section.
    Blank,
}

fn pair<'a>(key: &str, value: Value<'a>) -> Line<'a> {
    Line::Pair(key.to_string(), value)
}

/// 运行: version, time, as-of date, language, seed, and the code and name columns `compare`
/// reads back.
fn run_lines<'a>(analysis: &Analysis, st: &'a Styles) -> Vec<Line<'a>> {
    let run = &analysis.run;
    let lang = run.lang;
    let layout = Layout::of(&analysis.dataset);
    let mut lines = vec![
        Line::Section(lang.pick("运行", "Run")),
        pair(
            lang.pick("工具版本", "Tool version"),
            Value::Text(format!("custseg {}", run.version)),
        ),
        pair(
            lang.pick("运行时间", "Time of run"),
            Value::Text(run.generated_at.clone()),
        ),
        pair(
            lang.pick("基准日", "As-of date"),
            Value::Text(run.as_of.format("%Y-%m-%d").to_string()),
        ),
        pair(
            lang.pick("基准日来源", "As-of date from"),
            Value::Text(run.as_of_source.clone()),
        ),
        pair(
            lang.pick("语言", "Language"),
            Value::Text(lang.pick("zh", "en").into()),
        ),
        pair(
            lang.pick("随机种子", "Seed"),
            Value::Num(run.seed as f64, &st.int),
        ),
        pair(
            pick(CODE_COLUMN_KEY, lang),
            Value::Text(layout.code_header(lang)),
        ),
    ];
    if let Some(name) = layout.name_header(lang) {
        lines.push(pair(pick(NAME_COLUMN_KEY, lang), Value::Text(name)));
    }
    lines.push(Line::Blank);
    lines
}

/// 评分方案, 权重, 客户等级分数线 and RFM 参考值.
fn scoring_lines<'a>(analysis: &Analysis, st: &'a Styles) -> Vec<Line<'a>> {
    let lang = analysis.run.lang;
    let cls = &analysis.classification;
    let refs = &cls.rfm_refs;
    let mut lines = vec![
        Line::Section(lang.pick("评分方案", "Profile")),
        pair(
            lang.pick("方案", "Profile"),
            Value::Text(analysis.run.profile.clone()),
        ),
    ];
    for (key, value) in &analysis.profile_settings {
        lines.push(pair(key, Value::Text(value.clone())));
    }
    lines.push(Line::Blank);
    lines.push(Line::Section(lang.pick("权重", "Weights")));
    for (dim, w) in &cls.weights {
        lines.push(pair(dim.label(lang), Value::Num(*w, &st.ratio)));
    }
    let method = match refs.method {
        "mean" => lang.pick("均值", "mean"),
        "median" => lang.pick("中位数", "median"),
        "fixed" => lang.pick("固定值", "fixed values"),
        other => other,
    };
    lines.extend([
        Line::Blank,
        Line::Section(lang.pick("客户等级分数线", "Tier cut-offs")),
        pair(
            lang.pick("核心客户 ≥", "Core ≥"),
            Value::Num(cls.tier_cutoffs.0, &st.score),
        ),
        pair(
            lang.pick("潜力客户 ≥", "Potential ≥"),
            Value::Num(cls.tier_cutoffs.1, &st.score),
        ),
        pair(
            lang.pick("划分规则", "Rule"),
            Value::Text(messages::tier_rule(lang, &cls.tier_rule)),
        ),
        Line::Blank,
        Line::Section(lang.pick("RFM 参考值", "RFM references")),
        pair(lang.pick("方法", "Method"), Value::Text(method.to_string())),
        pair(
            lang.pick("R 参考值(天，≤为高)", "R reference (days, ≤ is high)"),
            Value::Num(refs.recency_days, &st.number),
        ),
        pair(
            lang.pick("F 参考值(次，≥为高)", "F reference (purchases, ≥ is high)"),
            Value::Num(refs.frequency, &st.number),
        ),
        pair(
            lang.pick("M 参考值(元，≥为高)", "M reference (yuan, ≥ is high)"),
            Value::Num(refs.monetary, &st.money),
        ),
        Line::Blank,
    ]);
    lines
}

/// 聚类: k, how it was set, the features and the imputation rule.
fn clustering_lines<'a>(analysis: &Analysis, st: &'a Styles) -> Vec<Line<'a>> {
    let lang = analysis.run.lang;
    let cl = &analysis.clustering;
    let chosen = if cl.k_chosen {
        lang.pick("按轮廓系数自动选定", "chosen by silhouette")
    } else {
        lang.pick("由 --k 指定", "given with --k")
    };
    vec![
        Line::Section(lang.pick("聚类", "Clustering")),
        pair("k", Value::Num(cl.k as f64, &st.int)),
        pair(
            lang.pick("k 的确定", "How k was set"),
            Value::Text(chosen.into()),
        ),
        pair(
            lang.pick("特征", "Features"),
            Value::Text(
                (cl.features.iter())
                    .map(|f| messages::feature_label(lang, *f))
                    .collect::<Vec<_>>()
                    .join(lang.pick("、", ", ")),
            ),
        ),
        pair(
            lang.pick("缺失值处理", "Missing values"),
            Value::Text(messages::cluster_method(lang, &cl.imputation)),
        ),
        Line::Blank,
    ]
}

/// The input files table of 参数, from `row` down: one row per sheet read.
fn write_inputs(
    ws: &mut Worksheet,
    mut row: u32,
    analysis: &Analysis,
    st: &Styles,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let lang = analysis.run.lang;
    let mut heads = vec![
        lang.pick("文件", "File"),
        "SHA-256",
        lang.pick("工作表", "Sheet"),
        lang.pick("用途", "Role"),
        lang.pick("表头行", "Header Row"),
        lang.pick("数据行数", "Data Rows"),
    ];
    // The text encoding a text input was read in (CSV, HTML, SpreadsheetML), shown only when
    // one was: a misread encoding is the first thing to check when names look wrong.
    let any_text = analysis.dataset.inputs.iter().any(|f| f.encoding.is_some());
    if any_text {
        heads.push(lang.pick("文本编码", "Text Encoding"));
    }
    write_headers(ws, row, &heads, st, Some((widths, Room::Title)))?;
    row += 1;
    for file in &analysis.dataset.inputs {
        let first = row;
        put_plain_text(ws, row, 0, &file.path)?;
        put_plain_text(ws, row, 1, &file.sha256)?;
        widths.see(0, text_width(&file.path));
        widths.see(1, file.sha256.len());
        if let Some(encoding) = &file.encoding {
            put_plain_text(ws, row, 6, encoding)?;
            widths.see(6, text_width(encoding));
        }
        for sheet in &file.sheets {
            put_plain_text(ws, row, 2, &sheet.name)?;
            widths.see(2, text_width(&sheet.name));
            let role = role_label(sheet.role, lang);
            ws.write_string(row, 3, role)?;
            widths.see(3, text_width(role));
            ws.write_number_with_format(row, 4, f64::from(sheet.header_row), &st.int)?;
            ws.write_number_with_format(row, 5, sheet.data_rows as f64, &st.int)?;
            row += 1;
        }
        if row == first {
            row += 1;
        }
    }
    Ok(())
}

/// A value in 参数: text, or a number with its format.
enum Value<'a> {
    Text(String),
    Num(f64, &'a rust_xlsxwriter::Format),
}

fn section(ws: &mut Worksheet, row: &mut u32, title: &str, st: &Styles) -> Result<(), XlsxError> {
    ws.write_string_with_format(*row, 0, title, &st.section)?;
    *row += 1;
    Ok(())
}

fn role_label(role: SheetRole, lang: Lang) -> &'static str {
    match role {
        SheetRole::Customers => lang.pick("客户档案", "Customers"),
        SheetRole::Transactions => lang.pick("交易明细", "Transactions"),
        SheetRole::Usage => lang.pick("使用记录", "Usage"),
        SheetRole::Surveys => lang.pick("满意度调查", "Surveys"),
        SheetRole::Ignored => lang.pick("未使用", "Not used"),
    }
}
