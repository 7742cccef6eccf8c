//! Sentences of the PDF report that are not inline in its sections: fonts, charts, thin data.

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── report (report.rs, charts.rs, font.rs) ─────────────────────────────

/// The report's sections in order (SPEC §6), as (zh, en) titles; the outline uses the same.
pub const REPORT_SECTIONS: [(&str, &str); 13] = [
    ("封面", "Cover"),
    ("摘要", "Summary"),
    ("客户等级分布", "Customer tiers"),
    ("规模与行业", "Size and industry"),
    ("价值分析", "Value analysis"),
    ("活跃与流失", "Activity and churn"),
    ("满意度", "Satisfaction"),
    ("聚类画像", "Cluster profiles"),
    ("季度变动", "Quarter-on-quarter changes"),
    ("行动建议", "Recommended actions"),
    ("核心客户名单", "Top core customers"),
    ("数据质量", "Data quality"),
    ("附录：方法与参数", "Appendix: method and settings"),
];

/// The title of report section `index` (0 = cover) in the run's language.
pub fn report_section(index: usize, lang: Lang) -> &'static str {
    let (zh, en) = REPORT_SECTIONS[index.min(REPORT_SECTIONS.len() - 1)];
    lang.pick(zh, en)
}

/// The report's title.
pub fn report_title(lang: Lang) -> &'static str {
    lang.pick("客户分类与管理报告", "Customer Segmentation Report")
}

/// The one line shown instead of a chart or table when a section has no data.
pub fn report_no_data(what: &str, lang: Lang) -> String {
    say!(
        lang,
        "输入数据中没有{}，本节从略。",
        "The input has no {}, so this section is left out.",
        what
    )
}

// ─────────────────── thin data, said on the summary page (issue 14) ───────────────────

/// The as-of date came from the day of the run (the data hold no date).
pub fn thin_as_of_today(lang: Lang, date: &str) -> String {
    crate::say!(
        lang,
        "数据中没有任何日期，基准日取运行当天（{}）；最近消费天数、活跃度和季度都按这一天计算，请用 --as-of 指定统计截止日。",
        "The data hold no date, so the as-of date is the day of the run ({}); recency, activity and the quarter are counted from it. Give the period's end with --as-of.",
        date
    )
}

/// Some detail rows joined no customer and are not in the figures.
pub fn thin_unjoined(lang: Lang, file: &str, sheet: &str, unjoined: usize, rows: usize) -> String {
    crate::say!(
        lang,
        "{} / {} 的 {} 行中有 {} 行（{}%）客户编码在客户档案中找不到，未计入销售额等数字（明细见数据质量表）。",
        "{0} / {1}: {3} of {2} rows ({4}%) have a customer code that is in no customers sheet and are not in these figures (see Data Quality).",
        file,
        sheet,
        rows,
        unjoined,
        percent(unjoined, rows)
    )
}

/// Most rows read were rejected.
pub fn thin_most_rejected(lang: Lang, rejected: usize, read: usize) -> String {
    crate::say!(
        lang,
        "读取的 {} 行中有 {} 行被剔除，以下数字只反映其余的行；原因见数据质量表。",
        "{1} of the {0} rows read were rejected; the figures reflect the rest only. The Data Quality sheet says why.",
        read,
        rejected
    )
}

/// The summary page's note on a small customer base, where one customer moves the figures.
pub fn thin_few_customers(lang: Lang, customers: usize) -> String {
    crate::say!(
        lang,
        "只有 {} 个客户：按比例划分的客户等级、客户群和销售集中度都建立在很少的客户上，个别客户就能改变结论，请结合对客户的了解来读。",
        "Only {} customers: the tiers (cut by share), the customer groups and the sales concentration rest on very few customers, and one customer can change them; read them with what you know of each customer.",
        customers
    )
}

/// A column's dates whose day and month order the data could not settle (`problem`, worded by
/// `finding_problem`): recency and the purchase history rest on it.
pub fn thin_date_order(lang: Lang, file: &str, sheet: &str, column: &str, problem: &str) -> String {
    crate::say!(
        lang,
        "{} / {} 的“{}”列：{}；最近消费、购买历史和依赖它们的结论都按此读取，请核对。",
        "{} / {}, column “{}”: {}; recency, the purchase history and what rests on them were read so — please check.",
        file,
        sheet,
        column,
        problem
    )
}

/// No customer has any amount: sales figures are 0 for want of data, not of sales.
pub fn thin_no_amount(lang: Lang) -> String {
    crate::say!(
        lang,
        "所有客户的消费金额都是 0 或空：输入中没有可用的交易明细或累计金额列，销售额、价值和 RFM 不能说明实际销售。",
        "Every customer's amount is 0 or blank: the inputs hold no usable transactions or cumulative-amount column, so sales, value and RFM say nothing about real sales."
    )
}
