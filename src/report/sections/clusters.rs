//! Report section 聚类画像: the scatter and cluster profiles.

use super::{customers, lang, money_header, note, para, section, subheading, CONTENT_W, TABLE};
use crate::error::Result;
use crate::messages::{self, report_no_data};
use crate::model::Analysis;
use crate::report::charts;
use crate::report::format::{self, MoneyUnit};
use crate::report::layout::{Align, Column, Layout};
use crate::say;
use crate::values::thousands;

/// At most this many customers are drawn in the scatter chart (more only blur it and
/// bloat the image).
const SCATTER_POINTS: usize = 4000;

pub(super) fn clusters(doc: &mut Layout, a: &Analysis) -> Result<()> {
    let l = lang(a);
    let c = &a.clustering;
    if c.clusters.is_empty() {
        section(doc, a, 7, 20.0);
        para(
            doc,
            &report_no_data(
                &say!(l, "足够的客户用于聚类", "enough customers to cluster"),
                l,
            ),
        );
        return Ok(());
    }
    section(doc, a, 7, 110.0);
    // Plain words here; k-means, the silhouette and the imputation are in the appendix.
    let labels: Vec<String> = (c.features.iter())
        .map(|f| messages::feature_label(l, *f).to_string())
        .collect();
    let features: Vec<&str> = labels.iter().map(|f| plain_feature(f)).collect();
    let silhouette = c
        .silhouettes
        .iter()
        .find(|(k, _)| *k == c.k)
        .map(|(_, s)| *s);
    para(
        doc,
        &say!(
            l,
            "按{}的相近程度，把客户分为 {} 个客户群。{}下图以价值得分和活跃得分展示每位客户，颜色表示所属客户群。",
            "Customers are grouped by how alike they are in {}, into {} groups. {}The chart shows each customer's value and activity scores, coloured by group.",
            features.join(l.pick("、", ", ")),
            c.k,
            silhouette.map(|s| quality_words(s, l)).unwrap_or_default()
        ),
    );
    let points = charts::cluster_points(a);
    if points.is_empty() {
        para(
            doc,
            &report_no_data(&say!(l, "价值与活跃得分", "value and activity scores"), l),
        );
    } else {
        let names: Vec<(usize, String)> = (c.clusters.iter())
            .map(|k| (k.id, messages::cluster_name(l, &k.name)))
            .collect();
        let shown = charts::thin(&points, SCATTER_POINTS);
        let chart = charts::cluster_chart(&shown, &names, l)?;
        doc.chart(&chart, CONTENT_W);
        if shown.len() < points.len() {
            note(
                doc,
                &say!(
                    l,
                    "为保持图面清晰，图中按固定间隔抽取了 {} 家客户（共 {} 家）；下表按全部客户计算。",
                    "For legibility the chart shows {} customers taken at a fixed interval (of {}); the table covers everyone.",
                    format::count(shown.len()),
                    format::count(points.len())
                ),
            );
        }
    }
    subheading(
        doc,
        &say!(
            l,
            "各客户群的典型客户",
            "The typical customer of each group"
        ),
    );
    let n = customers(a).len();
    let shown = labels.len().min(4);
    let mut columns = vec![
        Column::new(say!(l, "聚类", "Cluster"), 0.6, Align::Center),
        Column::new(say!(l, "名称", "Name"), 2.2, Align::Left),
        Column::new(say!(l, "客户数", "Customers"), 0.9, Align::Right),
        Column::new(say!(l, "占比", "Share"), 0.8, Align::Right),
        Column::new(say!(l, "平均综合得分", "Mean score"), 1.0, Align::Right),
    ];
    // Money in 万元, as in every other table; the centroid is in 元.
    let money: Vec<bool> = labels[..shown].iter().map(|f| is_yuan(f)).collect();
    for (f, &m) in labels[..shown].iter().zip(&money) {
        let title = if m {
            money_header(plain_feature(f), MoneyUnit::Wan, l)
        } else {
            f.clone()
        };
        columns.push(Column::new(title, 1.2, Align::Right));
    }
    let rows: Vec<Vec<String>> = c
        .clusters
        .iter()
        .map(|k| {
            let mut row = vec![
                k.id.to_string(),
                messages::cluster_name(l, &k.name),
                format::count(k.size),
                format::percent(format::share(k.size as f64, n as f64)),
                format::score(k.mean_total),
            ];
            for (v, &m) in k.centroid.iter().take(shown).zip(&money) {
                if m {
                    row.push(MoneyUnit::Wan.format(*v));
                } else {
                    let decimals = if v.abs() >= 100.0 { 0 } else { 1 };
                    row.push(thousands(*v, decimals));
                }
            }
            while row.len() < columns.len() {
                row.push("—".into());
            }
            row
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    Ok(())
}

/// A feature's name without its unit: "消费金额(元)" → "消费金额".
fn plain_feature(feature: &str) -> &str {
    feature
        .split_once(['(', '（'])
        .map_or(feature, |(name, _)| name.trim_end())
}

/// True for a feature in 元 ("消费金额(元)", "Monetary (CNY)").
fn is_yuan(feature: &str) -> bool {
    feature.ends_with("(元)") || feature.ends_with("(CNY)")
}

/// How well the groups stand apart, in words, from the silhouette of the k used (the number
/// itself is in the appendix).
fn quality_words(silhouette: f64, l: crate::model::Lang) -> String {
    if silhouette >= 0.5 {
        say!(
            l,
            "各客户群区分明显，画像可以直接用来分群施策。",
            "The groups stand clearly apart, so their profiles can guide separate plans. "
        )
    } else if silhouette >= 0.25 {
        say!(
            l,
            "各客户群区分较明显，但群与群的边界上有不少客户，画像宜作参考。",
            "The groups stand fairly apart, but many customers sit near a border: read the profiles as a guide. "
        )
    } else {
        say!(
            l,
            "各客户群区分不明显：群与群之间差别不大，画像只宜作大致参考。",
            "The groups do not stand clearly apart: they differ little, so read the profiles as a rough guide only. "
        )
    }
}
