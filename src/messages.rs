//! Every sentence custseg says to a person, in Chinese and English, in one place.
//!
//! Each stage has its own section below; add a stage's sentences inside its section only.

use crate::model::Lang;

/// Formats one sentence in the run's language.
#[macro_export]
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::model::Lang::Zh => format!($zh $(, $arg)*),
            $crate::model::Lang::En => format!($en $(, $arg)*),
        }
    };
}

// ───────────────────────────── command line and run (lib.rs, main.rs) ─────────────────────────────

/// The short usage shown when custseg is started with no argument (a double-click).
pub fn usage_no_args(lang: Lang) -> &'static str {
    lang.pick(
        "custseg 客户分类与管理报告\n\n用法：把客户档案（.xlsx/.xls/.csv）拖到 custseg 上，或在命令行运行：\n  custseg 客户档案.xlsx\n  custseg 客户档案.xlsx 销售明细.xlsx --previous 上季度_客户分类.xlsx\n  custseg sample 示例    （生成示例数据）\n  custseg --help         （全部选项）\n\n结果（客户分类.xlsx 和 管理报告.pdf）会写在输入文件旁边。",
        "custseg — customer segmentation and management report\n\nUsage: drag a customer workbook (.xlsx/.xls/.csv) onto custseg, or run:\n  custseg customers.xlsx --lang en\n  custseg customers.xlsx sales.xlsx --previous last_quarter_segments.xlsx --lang en\n  custseg sample samples    (write sample data)\n  custseg --help            (all options)\n\nThe outputs (segments .xlsx and report .pdf) are written next to the input.",
    )
}

// ───────────────────────────── reading (read.rs, extract.rs, values.rs, aggregate.rs) ─────────────────────────────

// ───────────────────────────── classification (classify.rs, size_standard.rs, industry.rs, recommend.rs) ─────────────────────────────

// ───────────────────────────── clustering (cluster.rs) ─────────────────────────────

/// How the clustering matrix was built, one sentence for `Clustering::imputation`: which
/// features had gaps filled with their median (feature short name, customers imputed), which
/// were left out because nobody had them or everybody had the same value, and the scaling.
pub fn cluster_method(
    lang: Lang,
    imputed: &[(&str, usize)],
    missing: &[&str],
    constant: &[&str],
    any_feature: bool,
) -> String {
    let list_sep = lang.pick("、", ", ");
    let mut parts = Vec::new();
    if !any_feature {
        parts.push(say!(
            lang,
            "没有可用于聚类的特征，全部客户归为一类",
            "no feature could be clustered on, so every customer is in one cluster"
        ));
    } else if imputed.is_empty() {
        parts.push(say!(
            lang,
            "聚类特征均无缺失，无需填补",
            "no clustering feature had missing values, so nothing was imputed"
        ));
    } else {
        let items: Vec<String> = imputed
            .iter()
            .map(|(name, count)| say!(lang, "{} {} 人", "{}: {} customers", name, count))
            .collect();
        parts.push(say!(
            lang,
            "缺失值按该特征的中位数填补（{}）",
            "missing values were filled with the feature's median ({})",
            items.join(list_sep)
        ));
    }
    if any_feature {
        parts.push(say!(
            lang,
            "金额与次数取对数，各特征标准化（z 分数）后聚类",
            "money and counts were log-transformed and every feature standardised (z-score)"
        ));
    }
    if !missing.is_empty() {
        parts.push(say!(
            lang,
            "{}全部缺失，未参与聚类",
            "{} missing for everyone, left out",
            missing.join(list_sep)
        ));
    }
    if !constant.is_empty() {
        parts.push(say!(
            lang,
            "{}所有客户相同，未参与聚类",
            "{} the same for everyone, left out",
            constant.join(list_sep)
        ));
    }
    let sentence = parts.join(lang.pick("；", "; "));
    match lang {
        Lang::Zh => format!("{sentence}。"),
        Lang::En => {
            let mut chars = sentence.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

/// The name of the one cluster when there is nothing to split (fewer than two customers or
/// no two different ones).
pub fn cluster_everyone(lang: Lang) -> &'static str {
    lang.pick("全部客户", "All customers")
}

// ───────────────────────────── workbook and comparison (workbook.rs, compare.rs) ─────────────────────────────

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

// ───────────────────────────── samples and templates (sample.rs, init.rs) ─────────────────────────────

// ───────────────────────────── end of sections ─────────────────────────────
