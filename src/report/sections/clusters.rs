//! Report section 聚类画像: the scatter and cluster profiles.

use super::{customers, lang, note, para, section, sentence, subheading, CONTENT_W, TABLE};
use crate::error::Result;
use crate::messages::report_no_data;
use crate::model::Analysis;
use crate::report::charts;
use crate::report::format;
use crate::report::layout::{Align, Column, Layout};
use crate::say;

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
    let how = if c.k_chosen {
        say!(l, "按轮廓系数自动选择", "chosen by silhouette")
    } else {
        say!(l, "由参数指定", "given with --k")
    };
    para(
        doc,
        &say!(
            l,
            "用 k-means 将客户按{}聚为 {} 类（k={}，{}）。下图以价值得分和活跃得分展示每位客户，颜色表示所属聚类。",
            "k-means grouped the customers by {} into {} clusters (k={}, {}). The chart shows each customer's value and activity scores, coloured by cluster.",
            c.features.join(l.pick("、", ", ")),
            c.k,
            c.k,
            how
        ),
    );
    let points = charts::cluster_points(a);
    if points.is_empty() {
        para(
            doc,
            &report_no_data(&say!(l, "价值与活跃得分", "value and activity scores"), l),
        );
    } else {
        let names: Vec<(usize, String)> =
            c.clusters.iter().map(|k| (k.id, k.name.clone())).collect();
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
            "聚类画像（中心点，原始单位）",
            "Cluster profiles (centroids, original units)"
        ),
    );
    let n = customers(a).len();
    let shown = c.features.len().min(4);
    let mut columns = vec![
        Column::new(say!(l, "聚类", "Cluster"), 0.6, Align::Center),
        Column::new(say!(l, "名称", "Name"), 2.2, Align::Left),
        Column::new(say!(l, "客户数", "Customers"), 0.9, Align::Right),
        Column::new(say!(l, "占比", "Share"), 0.8, Align::Right),
        Column::new(say!(l, "平均综合得分", "Mean score"), 1.0, Align::Right),
    ];
    for f in &c.features[..shown] {
        columns.push(Column::new(f.clone(), 1.2, Align::Right));
    }
    let rows: Vec<Vec<String>> = c
        .clusters
        .iter()
        .map(|k| {
            let mut row = vec![
                k.id.to_string(),
                k.name.clone(),
                format::count(k.size),
                format::percent(format::share(k.size as f64, n as f64)),
                format::score(k.mean_total),
            ];
            for v in k.centroid.iter().take(shown) {
                let decimals = if v.abs() >= 100.0 { 0 } else { 1 };
                row.push(format::thousands(*v, decimals));
            }
            while row.len() < columns.len() {
                row.push("—".into());
            }
            row
        })
        .collect();
    doc.table(&columns, &rows, TABLE);
    if !c.silhouettes.is_empty() {
        let list = c
            .silhouettes
            .iter()
            .map(|(k, s)| format!("k={k}: {s:.3}"))
            .collect::<Vec<_>>()
            .join(l.pick("；", "; "));
        note(
            doc,
            &say!(
                l,
                "轮廓系数（越接近 1 聚类越清晰）：{}。{}",
                "Silhouette by k (closer to 1 means clearer clusters): {}. {}",
                list,
                sentence(&c.imputation, l)
            ),
        );
    }
    Ok(())
}
