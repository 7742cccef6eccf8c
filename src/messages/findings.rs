//! Findings worded from their typed data, and the by-cause summary lines (run, check, 数据质量).

#[allow(unused_imports)]
use super::*;

// ───────────────────────────── joining and findings by cause (extract/finish.rs, commands) ─────────────────────────────

/// The likely cause when codes of another shape do not join.
pub fn join_cause_other_format(lang: Lang) -> String {
    crate::say!(
        lang,
        "两边编码的格式不同，明细可能来自另一套系统或另一家公司，或选错了编码列",
        "the codes on the two sides have different forms: the details may come from another system or another company, or the wrong code column was used"
    )
}

/// The likely cause when codes of the same shape do not join.
pub fn join_cause_other_customers(lang: Lang) -> String {
    crate::say!(
        lang,
        "两边编码格式相同却对不上，明细可能属于另一家公司、另一个账套或另一期的客户档案",
        "the codes look alike but do not match: the details may belong to another company, another ledger or another period's customer list"
    )
}

/// Exit 1: most rows of a detail sheet join no customer. One paragraph.
#[allow(clippy::too_many_arguments)]
pub fn join_stop(
    lang: Lang,
    file: &str,
    sheet: &str,
    unjoined: usize,
    rows: usize,
    detail_examples: &str,
    customer_examples: &str,
    cause: &str,
) -> String {
    let pct = percent(unjoined, rows);
    crate::say!(
        lang,
        "{} / {}：{} 行中有 {} 行（{}%）的客户编码在客户档案中找不到，结果不可信，未写出任何文件。明细中的编码如 {}；客户档案中的编码如 {}。可能的原因：{}。请核对编码后重试，或只用客户档案运行。",
        "{} / {}: {} of {} rows ({}%) carry a customer code that is in no customers sheet, so the result could not be right and nothing was written. Codes in the details: {}; codes in the customers sheet: {}. Likely cause: {}. Check the codes and try again, or run with the customers file alone.",
        file,
        sheet,
        if lang == Lang::Zh { rows } else { unjoined },
        if lang == Lang::Zh { unjoined } else { rows },
        pct,
        detail_examples,
        customer_examples,
        cause
    )
}

/// stderr warning: a smaller share of a detail sheet's rows joins no customer.
pub fn join_warning(lang: Lang, file: &str, sheet: &str, unjoined: usize, rows: usize) -> String {
    let pct = percent(unjoined, rows);
    crate::say!(
        lang,
        "警告：{} / {}：{} 行中有 {} 行（{}%）的客户编码在客户档案中找不到，这些行未计入结果",
        "Warning: {} / {}: {} of {} rows ({}%) carry a customer code that is in no customers sheet and were left out",
        file,
        sheet,
        if lang == Lang::Zh { rows } else { unjoined },
        if lang == Lang::Zh { unjoined } else { rows },
        pct
    )
}

/// stderr: a finding's place in an example list.
pub fn findings_example(lang: Lang, file: &str, sheet: &str, row: Option<u32>) -> String {
    match row {
        Some(r) => crate::say!(lang, "{} / {} 第 {} 行", "{} / {} row {}", file, sheet, r),
        None => format!("{file} / {sheet}"),
    }
}

/// A share as a percentage with the digits it needs: 20, 4.5, 0.02 (never 0 when any).
pub(super) fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0".to_string();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if p >= 10.0 || p == 0.0 {
        format!("{p:.0}")
    } else if p >= 1.0 {
        format!("{p:.1}")
    } else {
        format!("{:.2}", p.max(0.01))
    }
}

// ─────────────────── findings, worded from their data (issue 13) ───────────────────

/// The name of a value type, for "cannot be read as …" and "no …".
pub fn read_value_kind(lang: Lang, kind: &str) -> &'static str {
    match (kind, lang) {
        ("money", Lang::Zh) => "金额",
        ("money", Lang::En) => "an amount",
        ("date", Lang::Zh) => "日期",
        ("date", Lang::En) => "a date",
        ("percent", Lang::Zh) => "百分比",
        ("percent", Lang::En) => "a percentage",
        ("satisfaction", Lang::Zh) => "满意度",
        ("satisfaction", Lang::En) => "a satisfaction score",
        ("payment", Lang::Zh) => "付费模式（订阅/一次性/定制）",
        ("payment", Lang::En) => "a payment model (subscription/one-time/custom)",
        (_, Lang::Zh) => "数字",
        (_, Lang::En) => "a number",
    }
}

/// The column a finding is about, as the 数据质量 sheet shows it: the input's header, or the
/// name of the field custseg checked (a customer's date, the industry).
pub fn finding_column(lang: Lang, f: &crate::model::Finding) -> Option<&str> {
    use crate::model::Issue;
    match &f.issue {
        Issue::FutureCustomerDate { field, .. } => Some(match *field {
            "founded" => lang.pick("成立日期", "Founded"),
            "first_purchase" => lang.pick("首次购买日期", "First purchase"),
            "last_purchase" => lang.pick("最近购买日期", "Last purchase"),
            "last_login" => lang.pick("最近登录", "Last login"),
            _ => lang.pick("日期", "Date"),
        }),
        Issue::UnmappedIndustry { .. } => Some(lang.pick("所属行业", "industry")),
        _ => f.column.as_deref(),
    }
}

/// A finding's problem, one sentence in the run's language.
pub fn finding_problem(lang: Lang, f: &crate::model::Finding) -> String {
    use crate::model::{DateOrderRead, Issue};
    let date = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match &f.issue {
        Issue::MissingCode => say!(lang, "缺少客户编码", "no customer code"),
        Issue::DuplicateCode { first_row } => say!(
            lang,
            "客户编码 {} 重复（第一次出现在第 {} 行）",
            "customer code {} appears again (first on row {})",
            f.value,
            first_row
        ),
        Issue::DuplicateCreditCode { other } => say!(
            lang,
            "统一社会信用代码与客户 {} 相同，可能是同一家企业",
            "the credit code is the same as customer {}'s: possibly the same company",
            other
        ),
        Issue::MissingValue { what } => {
            // "no amount", not "no an amount": the English type without its article.
            let kind = read_value_kind(lang, what);
            let kind = kind.strip_prefix("an ").or(kind.strip_prefix("a ")).unwrap_or(kind);
            say!(lang, "缺少{}", "no {}", kind)
        }
        Issue::BadValue { what } => say!(
            lang,
            "无法识别为{}",
            "cannot be read as {}",
            read_value_kind(lang, what)
        ),
        Issue::OutOfRange { range } => say!(
            lang,
            "超出合理范围（{}）",
            "outside the plausible range ({})",
            range
        ),
        Issue::TotalsRow => say!(lang, "合计行，不是客户", "a totals row, not a customer"),
        Issue::FooterRow => say!(
            lang,
            "表尾行（制表/审核/页码），不是客户",
            "a footer line (prepared by, approved by, page number), not a customer"
        ),
        Issue::Placeholder => say!(
            lang,
            "占位词，按缺失值处理",
            "a placeholder word, read as a missing value"
        ),
        Issue::OddCode { typical: None } => say!(
            lang,
            "编码是一段文字，不像本列其他客户编码，不是客户",
            "the code is a sentence, unlike the column's other codes: not a customer"
        ),
        Issue::OddCode {
            typical: Some(typical),
        } => say!(
            lang,
            "编码长度远超本列其他客户编码（多数不超过 {} 个字符），不是客户",
            "the code is far longer than the column's other codes (most are at most {} characters): not a customer",
            typical
        ),
        Issue::FutureDate { as_of } | Issue::FutureCustomerDate { as_of, .. } => say!(
            lang,
            "日期晚于基准日 {}",
            "dated after the as-of date {}",
            date(as_of)
        ),
        Issue::UnknownCustomer => say!(
            lang,
            "客户档案中没有这个客户编码",
            "this customer code is in no customers sheet"
        ),
        Issue::SupplierRow => say!(
            lang,
            "往来单位类型为供应商，不是客户",
            "the party type is supplier only: not a customer"
        ),
        Issue::DateOrder {
            read,
            read_as,
            day_first,
            month_first,
            either,
        } => {
            let read_as = read_as.as_ref().map_or_else(|| "?".to_string(), date);
            let value = &f.value;
            match read {
                DateOrderRead::MonthFirst => say!(
                    lang,
                    "该列日期的年份在后，其中 {} 个只能按“月/日/年”理解，没有只能按“日/月/年”理解的，因此全部按“月/日/年”读取（{} 读作 {}）",
                    "the dates are written with the year last: {} can only be month/day/year and none only day/month/year, so all are read month/day/year ({} read as {})",
                    month_first,
                    value,
                    read_as
                ),
                DateOrderRead::DayFirstAssumed => say!(
                    lang,
                    "该列日期的年份在后，{} 个日期的日和月都不超过 12，数据本身无法判断顺序，按“日/月/年”读取（{} 读作 {}）",
                    "the dates are written with the year last and in all {} the day and month are 12 or less, so the data cannot tell their order; read day/month/year ({} read as {})",
                    either,
                    value,
                    read_as
                ),
                DateOrderRead::Mixed => say!(
                    lang,
                    "该列日期的年份在后，顺序不一致：{} 个只能是“日/月/年”，{} 个只能是“月/日/年”；两可的 {} 个按“日/月/年”读取（{} 读作 {}），可能有误",
                    "the dates are written with the year last in two orders: {} can only be day/month/year, {} only month/day/year; the {} that could be either are read day/month/year ({} read as {}) and may be wrong",
                    day_first,
                    month_first,
                    either,
                    value,
                    read_as
                ),
            }
        }
        Issue::PartyTypeUnclear { rows } => say!(
            lang,
            "往来单位类型“{}”既不是客户也不是供应商（{} 行）",
            "the party type “{}” is neither customer nor supplier (rows: {})",
            f.value,
            rows
        ),
        Issue::ColumnClaimedTwice { first, field } => say!(
            lang,
            "“{}”和“{}”两列都表示字段 {}",
            "columns “{}” and “{}” both mean the field {}",
            first,
            f.column.as_deref().unwrap_or(""),
            field
        ),
        whole @ (Issue::SheetSkipped { .. }
        | Issue::UnmappedIndustry { .. }
        | Issue::SourceChoice { .. }
        | Issue::JoinRule { .. }
        | Issue::DimensionAbsent { .. }
        | Issue::UnrelatedCustomers { .. }) => whole_problem(lang, whole),
    }
}

/// The problem of a finding about a whole sheet or the whole base, from its issue.
fn whole_problem(lang: Lang, issue: &crate::model::Issue) -> String {
    use crate::model::{Issue, SkipWhy};
    let list = |items: &[String]| items.join(lang.pick("、", ", "));
    match issue {
        Issue::SheetSkipped {
            why: SkipWhy::Empty,
        } => say!(lang, "工作表为空", "the sheet is empty"),
        Issue::SheetSkipped {
            why: SkipWhy::NoCodeColumn { columns },
        } => say!(
            lang,
            "没有客户编码列（列：{}）",
            "no customer-code column (columns: {})",
            headers_shown(lang, columns)
        ),
        Issue::SheetSkipped {
            why: SkipWhy::Hidden,
        } => read_sheet_hidden(lang),
        Issue::UnmappedIndustry { customers } => say!(
            lang,
            "该行业无法对应国家标准中的行业（涉及 {} 个客户）",
            "The industry maps to no industry of the standard (customers: {})",
            customers
        ),
        Issue::SourceChoice { columns, detail } => {
            let detail: Vec<String> = detail
                .iter()
                .map(|role| source_detail_word(lang, *role).to_string())
                .collect();
            say!(
                lang,
                "客户表中有汇总列（{}），同时有{}明细",
                "the customers sheet has summary columns ({}) and there are {} detail rows",
                list(columns),
                list(&detail)
            )
        }
        Issue::JoinRule { rule, joined, rows } => say!(
            lang,
            "该表的客户编码与客户档案不能直接对上；按规则“{0}”匹配后，{2} 行中 {1} 行关联到客户",
            "this sheet's customer codes do not match the customers sheet as they are; with the rule “{}”, {} of {} rows join a customer",
            join_rule(lang, rule),
            joined,
            rows
        ),
        Issue::DimensionAbsent { dimension } => say!(
            lang,
            "所有客户都没有{}维度的数据（{}）",
            "No customer has any data for the {} dimension ({})",
            dimension.label(lang),
            dimension_fields(lang, *dimension)
        ),
        Issue::UnrelatedCustomers { parts } => {
            let each: Vec<String> = parts
                .iter()
                .map(|p| {
                    say!(
                        lang,
                        "{} / {}（{} 个客户）",
                        "{} / {} ({} customers)",
                        p.file,
                        p.sheet,
                        p.customers
                    )
                })
                .collect();
            say!(
                lang,
                "客户来自 {} 张互不相关的客户表：{}，编码没有重叠，列或编码格式也不同；如果不是同一家公司的客户，请分开运行",
                "the customers come from {} unrelated customers sheets: {}, which share no code and differ in their columns or code form; if they are not one company's customers, run custseg for each on its own",
                parts.len(),
                list(&each)
            )
        }
        row => unreachable!("a row's issue is worded by finding_problem: {row:?}"),
    }
}

/// What custseg did about a finding, one sentence in the run's language.
pub fn finding_action(lang: Lang, f: &crate::model::Finding) -> String {
    use crate::model::Issue;
    match &f.issue {
        Issue::MissingCode
        | Issue::MissingValue { .. }
        | Issue::TotalsRow
        | Issue::FooterRow
        | Issue::OddCode { .. }
        | Issue::SupplierRow
        | Issue::UnknownCustomer => say!(lang, "整行未使用", "row left out"),
        Issue::BadValue { .. } if f.rejected => say!(lang, "整行未使用", "row left out"),
        Issue::BadValue { .. } | Issue::OutOfRange { .. } | Issue::Placeholder => say!(
            lang,
            "该值按空值处理，其余数据照常使用",
            "value treated as blank; the rest of the row is used"
        ),
        Issue::DuplicateCode { .. } => say!(
            lang,
            "已合并：各字段取第一个非空值，本行只补充前面为空的字段",
            "merged: each field keeps its first non-empty value; this row only fills fields left empty"
        ),
        Issue::DuplicateCreditCode { .. } => say!(
            lang,
            "两个客户都保留，请核对",
            "both customers kept; please check"
        ),
        Issue::FutureDate { .. } => say!(
            lang,
            "不计入 RFM、活跃度和满意度",
            "left out of R/F/M, activity and satisfaction"
        ),
        Issue::FutureCustomerDate { .. } => say!(
            lang,
            "该日期不使用：与之相关的天数视为未知，不算作近期；客户保留",
            "the date is not used: the days since it are unknown, not recent; the customer is kept"
        ),
        Issue::SheetSkipped { .. } => say!(lang, "整张工作表未使用", "sheet not used"),
        Issue::UnmappedIndustry { .. } => say!(
            lang,
            "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
            "Sized as \"other industries\" and grouped as Other; add a keyword under [[industry]] in the profile"
        ),
        Issue::SourceChoice { .. } => say!(
            lang,
            "有明细的客户按明细重新计算，没有明细的客户沿用汇总列",
            "customers with detail rows are recomputed from them; the others keep the summary columns"
        ),
        Issue::JoinRule { .. } => say!(
            lang,
            "已按此规则关联；请确认两份文件来自同一套系统",
            "joined by this rule; check that both files come from the same system"
        ),
        Issue::DimensionAbsent { .. } => say!(
            lang,
            "该维度不参与综合得分，权重按其余维度重新分配",
            "Left out of the total score; its weight was spread over the other dimensions"
        ),
        Issue::ColumnClaimedTwice { first, .. } => say!(
            lang,
            "使用“{}”列，另一列未使用",
            "column “{}” is used, the other is not",
            first
        ),
        Issue::DateOrder {
            read: crate::model::DateOrderRead::MonthFirst,
            ..
        } => say!(
            lang,
            "已按“月/日/年”读取；如有误，请把日期改为 2026-09-30 这样的格式后重新运行",
            "read month/day/year; if that is wrong, write the dates as 2026-09-30 and run again"
        ),
        Issue::DateOrder { .. } => say!(
            lang,
            "请核对；如为“月/日/年”，请把日期改为 2026-09-30 这样的格式后重新运行",
            "please check; if they are month/day/year, write the dates as 2026-09-30 and run again"
        ),
        Issue::PartyTypeUnclear { .. } => say!(
            lang,
            "这些行按客户计入，请核对是否为客户",
            "these rows are counted as customers; please check that they are"
        ),
        Issue::UnrelatedCustomers { .. } => say!(
            lang,
            "已合并为一个客户群分析",
            "analysed as one customer base"
        ),
    }
}

/// A join rule in words.
pub fn join_rule(lang: Lang, rule: &crate::model::JoinRule) -> String {
    use crate::model::JoinRule;
    match rule {
        JoinRule::LeadingZeros => say!(
            lang,
            "忽略编码的前导零（1 = 000001）",
            "leading zeros of the codes ignored (1 = 000001)"
        ),
        JoinRule::Spaces => say!(lang, "忽略编码中的空格", "white space in the codes ignored"),
        JoinRule::Width => say!(
            lang,
            "全角字符按半角比较（Ａ１ = A1）",
            "full-width characters read as half-width (Ａ１ = A1)"
        ),
        JoinRule::Case => say!(
            lang,
            "不区分字母大小写（a1 = A1）",
            "letter case ignored (a1 = A1)"
        ),
        JoinRule::Prefix { detail, customers } => match (detail.is_empty(), customers.is_empty()) {
            (false, true) => say!(
                lang,
                "去掉明细编码的固定前缀「{}」",
                "the constant prefix “{}” of the detail codes set aside",
                detail
            ),
            (true, false) => say!(
                lang,
                "去掉客户档案编码的固定前缀「{}」",
                "the constant prefix “{}” of the customer codes set aside",
                customers
            ),
            _ => say!(
                lang,
                "明细编码的前缀「{}」当作客户档案编码的前缀「{}」",
                "the detail codes' prefix “{}” read as the customer codes' prefix “{}”",
                detail,
                customers
            ),
        },
    }
}

/// The kind of detail rows that overrule summary columns, for a source-choice finding.
fn source_detail_word(lang: Lang, role: crate::model::SheetRole) -> &'static str {
    use crate::model::SheetRole;
    match role {
        SheetRole::Transactions => lang.pick("交易", "transaction"),
        SheetRole::Usage => lang.pick("使用记录", "usage"),
        SheetRole::Surveys => lang.pick("满意度调查", "survey"),
        SheetRole::Customers | SheetRole::Ignored => "",
    }
}

/// The fields that give a dimension its data, for a dimension-absent finding.
fn dimension_fields(lang: Lang, d: crate::profile::Dimension) -> &'static str {
    use crate::profile::Dimension;
    match d {
        Dimension::Size => lang.pick(
            "员工人数、营业收入、资产总额",
            "employees, revenue, total assets",
        ),
        Dimension::Value => lang.pick(
            "累计购买金额、成交次数、最近购买日期、续费率或销售明细",
            "total spend, orders, last purchase, renewal rate or sales lines",
        ),
        Dimension::Activity => lang.pick(
            "近90天登录次数、最近登录、使用模块、使用时长或登录记录",
            "logins, last login, modules, usage hours or login records",
        ),
        Dimension::Satisfaction => lang.pick(
            "满意度、推荐意愿或满意度调查",
            "satisfaction, NPS or survey answers",
        ),
        Dimension::Potential => lang.pick(
            "预算、需求模块、逐年消费金额、企业规模、房屋面积、跟进阶段",
            "budget, needs, yearly amounts, size, house area, stage",
        ),
    }
}

/// stderr: one line per cause of findings: its label, then the sentence when every finding of
/// the cause says the same, its count and up to three examples.
pub fn findings_cause_line(
    lang: Lang,
    label: &str,
    sentence: Option<&str>,
    count: usize,
    examples: &str,
) -> String {
    let head = match sentence {
        Some(s) => say!(lang, "{}（{} 条）：{}", "{} ({}): {}", label, count, s),
        None => say!(lang, "{}（{} 条）", "{} ({})", label, count),
    };
    match (examples.is_empty(), sentence.is_some()) {
        (true, _) => head,
        (false, true) => say!(lang, "{}。如 {}", "{}. E.g. {}", head, examples),
        (false, false) => say!(lang, "{}，如 {}", "{}, e.g. {}", head, examples),
    }
}
