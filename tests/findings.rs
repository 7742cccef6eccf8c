//! Every finding's sentences word for word, by variant, in both languages (issue 13): the
//! problem, the action and, where custseg names the column itself, the column.

use chrono::NaiveDate;
use custseg::messages::{finding_action, finding_column, finding_problem, join_rule};
use custseg::model::{
    CustomerPart, DateOrderRead, Finding, FindingKind, Issue, JoinRule, Lang, SheetRole, SkipWhy,
};
use custseg::profile::Dimension;

/// A finding on row 7 of 客户档案 with the given value, issue and rejection.
fn at(value: &str, issue: Issue, rejected: bool) -> Finding {
    Finding {
        file: "a.xlsx".into(),
        sheet: "客户档案".into(),
        row: Some(7),
        column: Some("列".into()),
        value: value.into(),
        issue,
        rejected,
    }
}

/// (finding, kind, zh problem, zh action, en problem, en action)
type Case = (
    Finding,
    FindingKind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const LEFT_OUT: (&str, &str) = ("整行未使用", "row left out");
const BLANK: (&str, &str) = (
    "该值按空值处理，其余数据照常使用",
    "value treated as blank; the rest of the row is used",
);

fn row_cases() -> Vec<Case> {
    vec![
        (
            at("", Issue::MissingCode, true),
            FindingKind::MissingCode,
            "缺少客户编码",
            LEFT_OUT.0,
            "no customer code",
            LEFT_OUT.1,
        ),
        (
            at("000170", Issue::DuplicateCode { first_row: 160 }, false),
            FindingKind::DuplicateCode,
            "客户编码 000170 重复（第一次出现在第 160 行）",
            "已合并：各字段取第一个非空值，本行只补充前面为空的字段",
            "customer code 000170 appears again (first on row 160)",
            "merged: each field keeps its first non-empty value; this row only fills fields left empty",
        ),
        (
            at("9132", Issue::DuplicateCreditCode { other: "D02".into() }, false),
            FindingKind::DuplicateCreditCode,
            "统一社会信用代码与客户 D02 相同，可能是同一家企业",
            "两个客户都保留，请核对",
            "the credit code is the same as customer D02's: possibly the same company",
            "both customers kept; please check",
        ),
        (
            at("", Issue::MissingValue { what: "money" }, true),
            FindingKind::BadValue,
            "缺少金额",
            LEFT_OUT.0,
            "no amount",
            LEFT_OUT.1,
        ),
        (
            at("x", Issue::BadValue { what: "date" }, true),
            FindingKind::BadValue,
            "无法识别为日期",
            LEFT_OUT.0,
            "cannot be read as a date",
            LEFT_OUT.1,
        ),
        (
            at("x", Issue::BadValue { what: "percent" }, false),
            FindingKind::BadValue,
            "无法识别为百分比",
            BLANK.0,
            "cannot be read as a percentage",
            BLANK.1,
        ),
        (
            at("-3", Issue::OutOfRange { range: "≥ 0" }, false),
            FindingKind::OutOfRange,
            "超出合理范围（≥ 0）",
            BLANK.0,
            "outside the plausible range (≥ 0)",
            BLANK.1,
        ),
        (
            at("合计", Issue::TotalsRow, true),
            FindingKind::TotalsRow,
            "合计行，不是客户",
            LEFT_OUT.0,
            "a totals row, not a customer",
            LEFT_OUT.1,
        ),
        (
            at("制表人：张三", Issue::FooterRow, true),
            FindingKind::FooterRow,
            "表尾行（制表/审核/页码），不是客户",
            LEFT_OUT.0,
            "a footer line (prepared by, approved by, page number), not a customer",
            LEFT_OUT.1,
        ),
        (
            at("不详", Issue::Placeholder, false),
            FindingKind::Placeholder,
            "占位词，按缺失值处理",
            BLANK.0,
            "a placeholder word, read as a missing value",
            BLANK.1,
        ),
        (
            at("请勿删除此行", Issue::OddCode { typical: None }, true),
            FindingKind::OddCode,
            "编码是一段文字，不像本列其他客户编码，不是客户",
            LEFT_OUT.0,
            "the code is a sentence, unlike the column's other codes: not a customer",
            LEFT_OUT.1,
        ),
        (
            at("A0000000000000000001", Issue::OddCode { typical: Some(6) }, true),
            FindingKind::OddCode,
            "编码长度远超本列其他客户编码（多数不超过 6 个字符），不是客户",
            LEFT_OUT.0,
            "the code is far longer than the column's other codes (most are at most 6 characters): not a customer",
            LEFT_OUT.1,
        ),
        (
            at("供应商", Issue::SupplierRow, true),
            FindingKind::Supplier,
            "往来单位类型为供应商，不是客户",
            LEFT_OUT.0,
            "the party type is supplier only: not a customer",
            LEFT_OUT.1,
        ),
        (
            at("2026-10-02", Issue::FutureDate { as_of: day(2026, 9, 30) }, true),
            FindingKind::FutureDate,
            "日期晚于基准日 2026-09-30",
            "不计入 RFM、活跃度和满意度",
            "dated after the as-of date 2026-09-30",
            "left out of R/F/M, activity and satisfaction",
        ),
        (
            at(
                "2027-01-01",
                Issue::FutureCustomerDate {
                    as_of: day(2026, 9, 30),
                    field: "last_login",
                },
                false,
            ),
            FindingKind::FutureDate,
            "日期晚于基准日 2026-09-30",
            "该日期不使用：与之相关的天数视为未知，不算作近期；客户保留",
            "dated after the as-of date 2026-09-30",
            "the date is not used: the days since it are unknown, not recent; the customer is kept",
        ),
        (
            at("Z99", Issue::UnknownCustomer, true),
            FindingKind::UnknownCustomer,
            "客户档案中没有这个客户编码",
            LEFT_OUT.0,
            "this customer code is in no customers sheet",
            LEFT_OUT.1,
        ),
        (
            at("宇宙探索", Issue::UnmappedIndustry { customers: 2 }, false),
            FindingKind::UnmappedIndustry,
            "该行业无法对应国家标准中的行业（涉及 2 个客户）",
            "按“其他未列明行业”判定规模，行业大类记为“其他”；可在评分方案的 [[industry]] 中添加关键词",
            "The industry maps to no industry of the standard (customers: 2)",
            "Sized as \"other industries\" and grouped as Other; add a keyword under [[industry]] in the profile",
        ),
        (
            at(
                "金额2",
                Issue::ColumnClaimedTwice {
                    first: "金额".into(),
                    field: "purchase_amount",
                },
                false,
            ),
            FindingKind::ColumnClaimedTwice,
            "“金额”和“列”两列都表示字段 purchase_amount",
            "使用“金额”列，另一列未使用",
            "columns “金额” and “列” both mean the field purchase_amount",
            "column “金额” is used, the other is not",
        ),
    ]
}

fn sheet_cases() -> Vec<Case> {
    let skipped = ("整张工作表未使用", "sheet not used");
    vec![
        (
            at("", Issue::SheetSkipped { why: SkipWhy::Empty }, false),
            FindingKind::SheetSkipped,
            "工作表为空",
            skipped.0,
            "the sheet is empty",
            skipped.1,
        ),
        (
            at(
                "",
                Issue::SheetSkipped {
                    why: SkipWhy::NoCodeColumn {
                        columns: vec!["日期".into(), "备注".into()],
                    },
                },
                false,
            ),
            FindingKind::SheetSkipped,
            "没有客户编码列（列：日期、备注）",
            skipped.0,
            "no customer-code column (columns: 日期, 备注)",
            skipped.1,
        ),
        (
            at(
                "",
                Issue::SheetSkipped {
                    why: SkipWhy::Hidden,
                },
                false,
            ),
            FindingKind::SheetSkipped,
            "隐藏的工作表，未读取（如需读取，请加 --include-hidden）",
            skipped.0,
            "a hidden sheet, not read (add --include-hidden to read it)",
            skipped.1,
        ),
        (
            at(
                "",
                Issue::SourceChoice {
                    columns: vec!["累计金额".into(), "满意度".into()],
                    detail: vec![SheetRole::Transactions, SheetRole::Surveys],
                },
                false,
            ),
            FindingKind::SourceChoice,
            "客户表中有汇总列（累计金额、满意度），同时有交易、满意度调查明细",
            "有明细的客户按明细重新计算，没有明细的客户沿用汇总列",
            "the customers sheet has summary columns (累计金额, 满意度) and there are transaction, survey detail rows",
            "customers with detail rows are recomputed from them; the others keep the summary columns",
        ),
        (
            at(
                "",
                Issue::JoinRule {
                    rule: JoinRule::LeadingZeros,
                    joined: 98,
                    rows: 100,
                },
                false,
            ),
            FindingKind::JoinRule,
            "该表的客户编码与客户档案不能直接对上；按规则“忽略编码的前导零（1 = 000001）”匹配后，100 行中 98 行关联到客户",
            "已按此规则关联；请确认两份文件来自同一套系统",
            "this sheet's customer codes do not match the customers sheet as they are; with the rule “leading zeros of the codes ignored (1 = 000001)”, 98 of 100 rows join a customer",
            "joined by this rule; check that both files come from the same system",
        ),
        (
            at(
                "",
                Issue::DimensionAbsent {
                    dimension: Dimension::Activity,
                },
                false,
            ),
            FindingKind::Other,
            "所有客户都没有活跃维度的数据（近90天登录次数、最近登录、使用模块、使用时长或登录记录）",
            "该维度不参与综合得分，权重按其余维度重新分配",
            "No customer has any data for the Activity dimension (logins, last login, modules, usage hours or login records)",
            "Left out of the total score; its weight was spread over the other dimensions",
        ),
        (
            at(
                "",
                Issue::UnrelatedCustomers {
                    parts: vec![
                        CustomerPart {
                            file: "a.xlsx".into(),
                            sheet: "客户档案".into(),
                            customers: 499,
                        },
                        CustomerPart {
                            file: "b.xlsx".into(),
                            sheet: "业主档案".into(),
                            customers: 300,
                        },
                    ],
                },
                false,
            ),
            FindingKind::UnrelatedCustomers,
            "客户来自 2 张互不相关的客户表：a.xlsx / 客户档案（499 个客户）、b.xlsx / 业主档案（300 个客户），编码没有重叠，列或编码格式也不同；如果不是同一家公司的客户，请分开运行",
            "已合并为一个客户群分析",
            "the customers come from 2 unrelated customers sheets: a.xlsx / 客户档案 (499 customers), b.xlsx / 业主档案 (300 customers), which share no code and differ in their columns or code form; if they are not one company's customers, run custseg for each on its own",
            "analysed as one customer base",
        ),
        (
            at(
                "9/30/2026",
                Issue::DateOrder {
                    read: DateOrderRead::MonthFirst,
                    read_as: Some(day(2026, 9, 30)),
                    day_first: 0,
                    month_first: 40,
                    either: 12,
                },
                false,
            ),
            FindingKind::DateOrder,
            "该列日期的年份在后，其中 40 个只能按“月/日/年”理解，没有只能按“日/月/年”理解的，因此全部按“月/日/年”读取（9/30/2026 读作 2026-09-30）",
            "已按“月/日/年”读取；如有误，请把日期改为 2026-09-30 这样的格式后重新运行",
            "the dates are written with the year last: 40 can only be month/day/year and none only day/month/year, so all are read month/day/year (9/30/2026 read as 2026-09-30)",
            "read month/day/year; if that is wrong, write the dates as 2026-09-30 and run again",
        ),
        (
            at(
                "3/4/2026",
                Issue::DateOrder {
                    read: DateOrderRead::DayFirstAssumed,
                    read_as: Some(day(2026, 4, 3)),
                    day_first: 0,
                    month_first: 0,
                    either: 12,
                },
                false,
            ),
            FindingKind::DateOrder,
            "该列日期的年份在后，12 个日期的日和月都不超过 12，数据本身无法判断顺序，按“日/月/年”读取（3/4/2026 读作 2026-04-03）",
            "请核对；如为“月/日/年”，请把日期改为 2026-09-30 这样的格式后重新运行",
            "the dates are written with the year last and in all 12 the day and month are 12 or less, so the data cannot tell their order; read day/month/year (3/4/2026 read as 2026-04-03)",
            "please check; if they are month/day/year, write the dates as 2026-09-30 and run again",
        ),
        (
            at(
                "3/4/2026",
                Issue::DateOrder {
                    read: DateOrderRead::Mixed,
                    read_as: Some(day(2026, 4, 3)),
                    day_first: 5,
                    month_first: 6,
                    either: 7,
                },
                false,
            ),
            FindingKind::DateOrder,
            "该列日期的年份在后，顺序不一致：5 个只能是“日/月/年”，6 个只能是“月/日/年”；两可的 7 个按“日/月/年”读取（3/4/2026 读作 2026-04-03），可能有误",
            "请核对；如为“月/日/年”，请把日期改为 2026-09-30 这样的格式后重新运行",
            "the dates are written with the year last in two orders: 5 can only be day/month/year, 6 only month/day/year; the 7 that could be either are read day/month/year (3/4/2026 read as 2026-04-03) and may be wrong",
            "please check; if they are month/day/year, write the dates as 2026-09-30 and run again",
        ),
        (
            at("其他往来单位", Issue::PartyTypeUnclear { rows: 3 }, false),
            FindingKind::PartyTypeUnclear,
            "往来单位类型“其他往来单位”既不是客户也不是供应商（3 行）",
            "这些行按客户计入，请核对是否为客户",
            "the party type “其他往来单位” is neither customer nor supplier (rows: 3)",
            "these rows are counted as customers; please check that they are",
        ),
    ]
}

#[test]
fn every_finding_is_worded_by_its_variant_in_both_languages() {
    for (f, kind, zh_problem, zh_action, en_problem, en_action) in
        row_cases().into_iter().chain(sheet_cases())
    {
        assert_eq!(f.kind(), kind, "{:?}", f.issue);
        assert_eq!(finding_problem(Lang::Zh, &f), zh_problem, "{:?}", f.issue);
        assert_eq!(finding_action(Lang::Zh, &f), zh_action, "{:?}", f.issue);
        assert_eq!(finding_problem(Lang::En, &f), en_problem, "{:?}", f.issue);
        assert_eq!(finding_action(Lang::En, &f), en_action, "{:?}", f.issue);
    }
}

#[test]
fn every_join_rule_is_worded_in_both_languages() {
    let prefix = |detail: &str, customers: &str| JoinRule::Prefix {
        detail: detail.into(),
        customers: customers.into(),
    };
    let cases = [
        (
            JoinRule::LeadingZeros,
            "忽略编码的前导零（1 = 000001）",
            "leading zeros of the codes ignored (1 = 000001)",
        ),
        (
            JoinRule::Spaces,
            "忽略编码中的空格",
            "white space in the codes ignored",
        ),
        (
            JoinRule::Width,
            "全角字符按半角比较（Ａ１ = A1）",
            "full-width characters read as half-width (Ａ１ = A1)",
        ),
        (
            JoinRule::Case,
            "不区分字母大小写（a1 = A1）",
            "letter case ignored (a1 = A1)",
        ),
        (
            prefix("KH", ""),
            "去掉明细编码的固定前缀「KH」",
            "the constant prefix “KH” of the detail codes set aside",
        ),
        (
            prefix("", "C"),
            "去掉客户档案编码的固定前缀「C」",
            "the constant prefix “C” of the customer codes set aside",
        ),
        (
            prefix("KH", "C"),
            "明细编码的前缀「KH」当作客户档案编码的前缀「C」",
            "the detail codes' prefix “KH” read as the customer codes' prefix “C”",
        ),
    ];
    for (rule, zh, en) in cases {
        assert_eq!(join_rule(Lang::Zh, &rule), zh);
        assert_eq!(join_rule(Lang::En, &rule), en);
    }
}

#[test]
fn a_column_custseg_names_itself_is_worded_in_the_run_language() {
    let date = at(
        "2027-01-01",
        Issue::FutureCustomerDate {
            as_of: day(2026, 9, 30),
            field: "first_purchase",
        },
        false,
    );
    assert_eq!(finding_column(Lang::Zh, &date), Some("首次购买日期"));
    assert_eq!(finding_column(Lang::En, &date), Some("First purchase"));
    let industry = at("宇宙探索", Issue::UnmappedIndustry { customers: 1 }, false);
    assert_eq!(finding_column(Lang::Zh, &industry), Some("所属行业"));
    assert_eq!(finding_column(Lang::En, &industry), Some("industry"));
    let totals = at("合计", Issue::TotalsRow, true);
    assert_eq!(finding_column(Lang::En, &totals), Some("列"));
}
