//! Stage 7, write report: the PDF management report of SPEC §6, built as bytes.
//!
//! Promises: A4 portrait, the sections of SPEC §6 in order (季度变动 only with a migration), each
//! in the outline; a running header with title and as-of date; "第 N 页 / 共 M 页" footers;
//! charts raster at ≥ 200 dpi; the font embedded and subset so the text can be searched and
//! copied; money stated with its unit. The same analysis gives the same pages.
//!
//! ```no_run
//! # use custseg::{model::Lang, report::{self, font::Font}, testdata};
//! let analysis = testdata::analysis(500, Lang::Zh);
//! let figures = custseg::figures::Figures::of(&analysis);
//! let pdf = report::build(&analysis, &figures, &Font::embedded())?;
//! std::fs::write("管理报告.pdf", pdf).ok();
//! # Ok::<(), custseg::Error>(())
//! ```

pub mod charts;
pub mod font;
pub mod format;
pub mod layout;
mod sections;

pub use sections::migration_report;

use crate::error::Result;
use crate::figures::Figures;
use crate::messages;
use crate::model::Analysis;
use crate::report::font::Font;
use crate::say;

use layout::Layout;

/// Builds the PDF report from the analysis and its figures (`Figures::of(analysis)`, computed
/// once by the caller and shared with the workbook).
///
/// # Errors
/// An output error when the font cannot be used (or lacks a glyph the report needs) or a chart
/// cannot be drawn.
pub fn build(analysis: &Analysis, figures: &Figures, font: &Font) -> Result<Vec<u8>> {
    let lang = analysis.run.lang;
    charts::use_font(font, lang)?;
    let title = messages::report_title(lang);
    let mut doc = Layout::new(title, font, lang)?;
    let period = format::quarter(analysis.run.as_of, lang);
    let author = analysis
        .run
        .company
        .clone()
        .unwrap_or_else(|| "custseg".to_string());
    doc.set_info(
        &match &analysis.run.company {
            Some(c) => format!("{c} {title}（{period}）"),
            None => format!("{title}（{period}）"),
        },
        &author,
        &say!(
            lang,
            "客户分类、价值与流失风险分析，截至{}",
            "Customer tiers, value and churn risk as of {}",
            format::date(analysis.run.as_of, lang)
        ),
        &[title.to_string(), period.clone()],
    );
    doc.set_date(&analysis.run.generated_at);
    sections::write_all(&mut doc, analysis, figures)?;
    let header_left = match &analysis.run.company {
        Some(c) => format!("{c} · {title}"),
        None => title.to_string(),
    };
    let header_right = say!(
        lang,
        "{} · 截至 {}",
        "{} · as of {}",
        period,
        format::date(analysis.run.as_of, lang)
    );
    doc.finish(&header_left, &header_right)
}

#[cfg(test)]
mod tests {
    //! These tests read the PDF back with poppler's `pdftotext`/`pdffonts` and `qpdf`
    //! (scripts/test.sh installs them), as a reader's viewer would.

    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::*;
    use crate::model::{Lang, Migration, Move, Tier};
    use crate::testdata;

    /// The report of `a`, its figures computed as `custseg run` does.
    fn built(a: &Analysis, font: &Font) -> Result<Vec<u8>> {
        build(a, &Figures::of(a), font)
    }

    struct Written {
        _dir: tempfile::TempDir,
        path: PathBuf,
    }

    fn write(analysis: &Analysis) -> Written {
        let pdf = built(analysis, &Font::embedded()).expect("report builds");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, pdf).expect("write pdf");
        Written { _dir: dir, path }
    }

    fn tool(name: &str, args: &[&str], path: &Path) -> String {
        let mut cmd = Command::new(name);
        cmd.args(args).arg(path);
        if name == "pdftotext" {
            cmd.arg("-");
        }
        let out = cmd.output().unwrap_or_else(|e| {
            panic!("{name} is needed for the report tests (poppler-utils, qpdf): {e}")
        });
        assert!(
            out.status.success(),
            "{name} {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The text of the PDF without white space (pdftotext spaces CJK text unpredictably).
    fn text_of(w: &Written) -> String {
        tool("pdftotext", &["-enc", "UTF-8"], &w.path)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    }

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    fn page_count(w: &Written) -> usize {
        tool("pdfinfo", &[], &w.path)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo gives the page count")
    }

    fn outline_titles(w: &Written) -> Vec<String> {
        let json = tool("qpdf", &["--json", "--json-key=outlines"], &w.path);
        let value: serde_json::Value = serde_json::from_str(&json).expect("qpdf json");
        value["outlines"]
            .as_array()
            .expect("an outline")
            .iter()
            .map(|o| o["title"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn chinese_report_has_every_section_with_its_key_figures() {
        let a = testdata::analysis(500, Lang::Zh);
        let w = write(&a);
        let text = text_of(&w);
        // Cover + 10 sections, most of them a page; the watch lists and the core list spill over.
        let pages = page_count(&w);
        assert!((9..=14).contains(&pages), "{pages} pages for 500 customers");
        let f = Figures::of(&a);
        let stats = f.tiers;
        let churn = f.churn;
        let core_share = format::percent(f.amount_share(stats[0].amount).unwrap_or(f64::NAN));
        let expected = [
            ("cover title", "客户分类与管理报告".to_string()),
            ("company", "示例软件有限公司".to_string()),
            ("quarter", "2026年第三季度".to_string()),
            ("as-of", "2026年9月30日".to_string()),
            ("summary", "1.摘要".to_string()),
            ("customers KPI", "500家".to_string()),
            ("core KPI", format!("{}家", stats[0].count)),
            ("core amount share", format!("贡献销售额{core_share}")),
            ("churn KPI", format!("{}家", churn[0])),
            (
                "finding",
                format!("核心客户{}家，占客户总数", stats[0].count),
            ),
            ("tiers", "2.客户等级分布".to_string()),
            ("tier unit", "销售额（万元）".to_string()),
            ("size", "3.规模与行业".to_string()),
            ("size by tier", "各规模客户的等级构成".to_string()),
            ("value", "4.价值分析".to_string()),
            ("rfm", "重要价值".to_string()),
            ("activity", "5.活跃与流失".to_string()),
            ("watch list", "流失预警名单".to_string()),
            ("satisfaction", "6.满意度".to_string()),
            ("clusters", "7.聚类画像".to_string()),
            ("cluster name", "高价值·高活跃".to_string()),
            ("actions", "8.行动建议".to_string()),
            ("core list", "9.核心客户名单".to_string()),
            ("quality", "10.数据质量".to_string()),
            ("quality kind", "合计行".to_string()),
            ("appendix", "11.附录：方法与参数".to_string()),
            ("footer", format!("第1页/共{}页", page_count(&w))),
        ];
        for (what, needle) in expected {
            assert!(
                text.contains(&squash(&needle)),
                "{what}: {needle:?} not in the report text"
            );
        }
        assert!(
            !text.contains("季度变动"),
            "no migration, so no 季度变动 section"
        );
        // The top core customer by score is in the list, by name.
        let top = a
            .classification
            .customers
            .iter()
            .filter(|c| c.tier == Tier::Core)
            .max_by(|x, y| x.total_score.total_cmp(&y.total_score))
            .expect("a core customer");
        assert!(
            text.contains(&top.record.code),
            "top core customer {} missing",
            top.record.code
        );
    }

    #[test]
    fn pdf_is_valid_a4_with_embedded_subset_fonts_and_an_outline() {
        let a = testdata::analysis(200, Lang::Zh);
        let w = write(&a);
        let check = tool("qpdf", &["--check"], &w.path);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );
        let fonts = tool("pdffonts", &[], &w.path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts: {fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type… encoding emb sub uni object ID
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "font not embedded+subset+unicode: {row}"
            );
        }
        let info = tool("pdfinfo", &[], &w.path);
        assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
        assert!(
            info.contains("Title:") && info.contains("客户分类与管理报告"),
            "{info}"
        );
        assert!(info.contains("Author:          示例软件有限公司"), "{info}");
        assert!(
            info.contains("Subject:") && info.contains("截至2026年9月30日"),
            "{info}"
        );
        let outline = outline_titles(&w);
        let expected = [
            "封面",
            "1. 摘要",
            "2. 客户等级分布",
            "3. 规模与行业",
            "4. 价值分析",
            "5. 活跃与流失",
            "6. 满意度",
            "7. 聚类画像",
            "8. 行动建议",
            "9. 核心客户名单",
            "10. 数据质量",
            "11. 附录：方法与参数",
        ];
        assert_eq!(outline, expected);
    }

    #[test]
    fn english_report_uses_english_titles_and_numbers() {
        let a = testdata::analysis(300, Lang::En);
        let w = write(&a);
        let text = text_of(&w);
        let n = page_count(&w);
        for needle in [
            "CustomerSegmentationReport",
            "2026Q3",
            "1.Summary",
            "Keyfindings",
            "2.Customertiers",
            "Sales(CNY10k)",
            "4.Valueanalysis",
            "Churnwatchlist",
            "7.Clusterprofiles",
            "9.Topcorecustomers",
            "11.Appendix:methodandsettings",
            &format!("Page1of{n}"),
        ] {
            assert!(
                text.contains(needle),
                "{needle:?} not in the English report"
            );
        }
        assert!(
            !text.contains("第1页"),
            "Chinese footer in the English report"
        );
    }

    #[test]
    fn migration_adds_the_quarter_section() {
        let mut a = testdata::analysis(120, Lang::Zh);
        let mv = |code: &str, before, after, sb, sa| Move {
            code: code.into(),
            name: format!("客户{code}"),
            before,
            after,
            score_before: sb,
            score_after: sa,
            ..Move::default()
        };
        a.migration = Some(Migration {
            previous_file: "上季度_客户分类.xlsx".into(),
            matrix: [[30, 4, 1], [6, 40, 3], [0, 5, 20]],
            upgraded: vec![mv(
                "000777",
                Some(Tier::Potential),
                Some(Tier::Core),
                Some(50.0),
                Some(71.5),
            )],
            downgraded: vec![mv(
                "000888",
                Some(Tier::Core),
                Some(Tier::General),
                Some(66.0),
                Some(30.0),
            )],
            new: vec![mv("000999", None, Some(Tier::Potential), None, Some(48.0))],
            lost: vec![mv("000111", Some(Tier::General), None, Some(20.0), None)],
            ..Migration::default()
        });
        let w = write(&a);
        let text = text_of(&w);
        for needle in [
            "8.季度变动",
            "上季度_客户分类.xlsx",
            "升级1家",
            "降级1家",
            "000888",
            "-36.0",
            "+21.5",
            "9.行动建议",
        ] {
            assert!(
                text.contains(needle),
                "{needle:?} missing from the migration section"
            );
        }
        assert!(outline_titles(&w).contains(&"8. 季度变动".to_string()));
    }

    #[test]
    fn sections_without_data_say_so_in_one_line() {
        let mut a = testdata::analysis(80, Lang::Zh);
        for c in &mut a.classification.customers {
            c.record.satisfaction = None;
            c.scores.activity = None;
        }
        let text = text_of(&write(&a));
        assert!(
            text.contains("输入数据中没有满意度数据，本节从略。"),
            "satisfaction line missing"
        );
        assert!(
            text.contains("输入数据中没有登录或使用记录，本节从略。"),
            "activity line missing"
        );
        assert!(
            text.contains("无满意度数据"),
            "KPI box should say there is no satisfaction data"
        );
    }

    #[test]
    fn empty_analysis_still_gives_a_valid_report() {
        let mut a = testdata::analysis(0, Lang::Zh);
        a.clustering.clusters.clear();
        let w = write(&a);
        let text = text_of(&w);
        assert!(
            text.contains("没有可分类的客户"),
            "empty-data finding missing"
        );
        assert!(tool("qpdf", &["--check"], &w.path).contains("No syntax or stream encoding errors"));
    }

    #[test]
    fn long_and_rare_names_are_cut_not_overflowing() {
        let mut a = testdata::analysis(40, Lang::Zh);
        for c in &mut a.classification.customers {
            c.tier = Tier::Core;
        }
        a.classification.customers[0].total_score = 99.9;
        // Not named in full by the actions sentence (paragraphs wrap; tables cut).
        a.classification.customers[0].churn_risk = crate::model::Level::Low;
        a.classification.customers[0].record.name =
            Some("江苏鑫淼犇骉焱垚燚精密机械制造股份有限公司苏州工业园区第一分公司".into());
        let text = text_of(&write(&a));
        assert!(
            text.contains("江苏鑫淼犇骉焱垚燚"),
            "rare characters must print"
        );
        assert!(text.contains('…'), "a long name is cut with an ellipsis");
        assert!(
            !text.contains("第一分公司"),
            "the cut part must not be printed"
        );
    }

    #[test]
    fn characters_missing_from_the_font_print_as_geta_and_are_reported() {
        let mut a = testdata::analysis(30, Lang::Zh);
        for c in &mut a.classification.customers {
            c.tier = Tier::Core;
        }
        a.classification.customers[0].total_score = 99.9;
        // U+20000 (CJK Extension B) is outside the embedded subset.
        a.classification.customers[0].record.name = Some("\u{20000}记商行".into());
        let text = text_of(&write(&a));
        assert!(
            text.contains("〓记商行"),
            "missing glyph not replaced by 〓"
        );
        assert!(
            text.contains("U+20000"),
            "data-quality note about the font missing: {}",
            &text[text.find("数据质量").unwrap_or(0)..]
        );
    }

    #[test]
    fn very_large_sums_are_shown_in_yi_yuan() {
        let mut a = testdata::analysis(200, Lang::Zh);
        for c in &mut a.classification.customers {
            c.monetary = c.monetary.map(|m| m * 1000.0);
        }
        let text = text_of(&write(&a));
        for needle in ["销售额（亿元）", "户均销售额（万元）", "亿元"] {
            assert!(
                text.contains(needle),
                "{needle:?} missing with sums of tens of 亿元"
            );
        }
    }

    #[test]
    fn same_analysis_gives_the_same_bytes() {
        let a = testdata::analysis(60, Lang::Zh);
        let first = built(&a, &Font::embedded()).expect("build");
        let second = built(&a, &Font::embedded()).expect("build");
        if first != second {
            let at = first
                .iter()
                .zip(&second)
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            let show = |b: &[u8]| {
                String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 80).min(b.len())])
                    .into_owned()
            };
            panic!(
                "report bytes differ at {at}: {:?} vs {:?}",
                show(&first),
                show(&second)
            );
        }
    }
}
