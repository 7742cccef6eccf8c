//! Data-quality findings: what was doubtful in the input, typed with its data (file, sheet,
//! row, column, value, cause); worded in zh or en only at the edge (messages::findings).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Lang, SheetRole};

/// The kind of a data-quality finding; its label groups findings in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FindingKind {
    /// A row without a customer code.
    MissingCode,
    /// The same customer code twice.
    DuplicateCode,
    /// The same 统一社会信用代码 under two codes.
    DuplicateCreditCode,
    /// A value that could not be read as its column's type.
    BadValue,
    /// A value outside its plausible range (negative headcount, satisfaction 11 on 1–5 …).
    OutOfRange,
    /// A totals row (合计/总计/小计) that was skipped.
    TotalsRow,
    /// A blank row inside the data.
    BlankRow,
    /// A transaction dated after the as-of date.
    FutureDate,
    /// A transaction/usage/survey row whose code is in no customers sheet.
    UnknownCustomer,
    /// A sheet that was not used, and why.
    SheetSkipped,
    /// An industry text that maps to no standard industry.
    UnmappedIndustry,
    /// Both a pre-aggregated column and detail rows exist; which one won.
    SourceChoice,
    /// A detail sheet's codes joined the customers only after one normalisation (leading
    /// zeros, white space, full-width forms, letter case, a constant prefix): the rule applied.
    JoinRule,
    /// Anything else worth telling.
    Other,
    /// Two columns of a sheet claim one field; the first is used.
    ColumnClaimedTwice,
    /// A footer line (打印人, 审核, 第 1 页 共 3 页 …) that was skipped.
    FooterRow,
    /// A placeholder word (不详, 待补充, N/A …) read as a missing value.
    Placeholder,
    /// A customers sheet's code unlike the column's other codes (a sentence, a length far
    /// outside theirs): the row is not a customer.
    OddCode,
    /// Customers sheets that share no customer and differ in their columns or code form (two
    /// systems' or two companies' lists?), read as one base.
    UnrelatedCustomers,
    /// A 往来单位 row whose type names a supplier only: not a customer.
    Supplier,
    /// A 往来单位 type that names neither a customer nor a supplier; its rows stay customers.
    PartyTypeUnclear,
    /// Dates written with the year last (3/4/2026) read in an order the data did not make plain.
    DateOrder,
}

impl FindingKind {
    /// The short label for the kind, used to count findings by problem.
    pub fn label(self, lang: Lang) -> &'static str {
        use FindingKind::*;
        match (self, lang) {
            (MissingCode, Lang::Zh) => "缺少客户编码",
            (MissingCode, Lang::En) => "Missing customer code",
            (DuplicateCode, Lang::Zh) => "客户编码重复",
            (DuplicateCode, Lang::En) => "Duplicate customer code",
            (DuplicateCreditCode, Lang::Zh) => "信用代码重复",
            (DuplicateCreditCode, Lang::En) => "Duplicate credit code",
            (BadValue, Lang::Zh) => "无法识别的值",
            (BadValue, Lang::En) => "Unreadable value",
            (OutOfRange, Lang::Zh) => "数值超出合理范围",
            (OutOfRange, Lang::En) => "Value out of range",
            (TotalsRow, Lang::Zh) => "合计行",
            (TotalsRow, Lang::En) => "Totals row",
            (BlankRow, Lang::Zh) => "空行",
            (BlankRow, Lang::En) => "Blank row",
            (FutureDate, Lang::Zh) => "日期晚于基准日",
            (FutureDate, Lang::En) => "Date after as-of date",
            (UnknownCustomer, Lang::Zh) => "客户档案中无此编码",
            (UnknownCustomer, Lang::En) => "Code not in customer list",
            (SheetSkipped, Lang::Zh) => "工作表未使用",
            (SheetSkipped, Lang::En) => "Sheet not used",
            (UnmappedIndustry, Lang::Zh) => "行业无法归类",
            (UnmappedIndustry, Lang::En) => "Industry not mapped",
            (SourceChoice, Lang::Zh) => "数据来源选择",
            (SourceChoice, Lang::En) => "Data source choice",
            (JoinRule, Lang::Zh) => "客户编码按规则匹配",
            (JoinRule, Lang::En) => "Codes joined by a rule",
            (Other, Lang::Zh) => "其他",
            (Other, Lang::En) => "Other",
            (ColumnClaimedTwice, Lang::Zh) => "多列表示同一字段",
            (ColumnClaimedTwice, Lang::En) => "Two columns for one field",
            (FooterRow, Lang::Zh) => "表尾行",
            (FooterRow, Lang::En) => "Footer line",
            (Placeholder, Lang::Zh) => "占位词",
            (Placeholder, Lang::En) => "Placeholder word",
            (OddCode, Lang::Zh) => "编码不像客户编码",
            (OddCode, Lang::En) => "Code unlike a customer code",
            (UnrelatedCustomers, Lang::Zh) => "客户档案来源不一",
            (UnrelatedCustomers, Lang::En) => "Customer lists from different sources",
            (Supplier, Lang::Zh) => "供应商",
            (Supplier, Lang::En) => "Supplier",
            (PartyTypeUnclear, Lang::Zh) => "往来单位类型不明",
            (PartyTypeUnclear, Lang::En) => "Party type unclear",
            (DateOrder, Lang::Zh) => "日期的日月顺序",
            (DateOrder, Lang::En) => "Day and month order of dates",
        }
    }
}

/// How a sheet's dates written with the year last were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrderRead {
    /// Month first: some could only be month first (9/30/2026), none only day first.
    MonthFirst,
    /// Day first, by the Chinese custom: every one could be either (3/4/2026).
    DayFirstAssumed,
    /// Day first where either could be meant, though some could only be day first and others
    /// only month first: the column mixes the two orders.
    Mixed,
}

/// One row of the 数据质量 sheet: where a problem was found in the input, and what it was; the
/// problem and action sentences are worded from `issue` where they are shown (`messages`).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Input file name.
    pub file: String,
    /// Sheet name ("" when the finding is about the whole file).
    pub sheet: String,
    /// Row number as Excel shows it (1-based), when the finding is about a row.
    pub row: Option<u32>,
    /// Column header as in the input, when the finding is about a cell of a named column (a
    /// column custseg names itself, such as a customer's date field, comes from `issue`).
    pub column: Option<String>,
    /// The offending value, as written.
    pub value: String,
    /// What was found, with the data its sentences need.
    pub issue: Issue,
    /// True when the row was left out of the classification (it counts in `rows_rejected`).
    pub rejected: bool,
}

impl Finding {
    /// The kind of problem, which groups findings in the report.
    pub fn kind(&self) -> FindingKind {
        self.issue.kind()
    }
}

/// What a finding found, with its data (the other row, the rule applied, the count …); the
/// place and the offending value are the [`Finding`]'s.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A row without a customer code (rejected).
    MissingCode,
    /// The row's code (the value) was first seen on `first_row`; the rows are merged.
    DuplicateCode {
        /// The row where the code was first seen.
        first_row: u32,
    },
    /// The row's 统一社会信用代码 is that of another customer code; both are kept.
    DuplicateCreditCode {
        /// The customer code that had the credit code first.
        other: String,
    },
    /// A detail row without the value it needs (rejected).
    MissingValue {
        /// The value's type: "money", "date", "satisfaction" … (see `messages::read_value_kind`).
        what: &'static str,
    },
    /// A value that cannot be read as its type: left blank, or its row rejected when the value
    /// is required (`Finding::rejected`).
    BadValue {
        /// The value's type, as for `MissingValue`.
        what: &'static str,
    },
    /// A value outside its plausible range, left blank.
    OutOfRange {
        /// The plausible range as shown ("0–100", "≥ 0" …).
        range: &'static str,
    },
    /// A totals row (合计/总计/小计), not a customer (rejected).
    TotalsRow,
    /// A footer line (打印人, 审核, 第 1 页 共 3 页 …), not a customer (rejected).
    FooterRow,
    /// A placeholder word (不详, 待补充, N/A …) read as a missing value.
    Placeholder,
    /// A 往来单位 row whose type (the value) names a supplier only, not a customer (rejected).
    SupplierRow,
    /// A 往来单位 type (the value) that names neither a customer nor a supplier, about a whole
    /// sheet: its rows stay customers.
    PartyTypeUnclear {
        /// The sheet's rows with the type.
        rows: usize,
    },
    /// A detail sheet's dates written with the year last (the value: the first, as written),
    /// about the whole sheet: how they were read.
    DateOrder {
        /// The order they were read in, and why.
        read: DateOrderRead,
        /// The example read so.
        read_as: Option<NaiveDate>,
        /// Dates that could only be day first (30/9/2026).
        day_first: usize,
        /// Dates that could only be month first (9/30/2026).
        month_first: usize,
        /// Dates that could be either (3/4/2026).
        either: usize,
    },
    /// A customers sheet's code unlike the column's other codes (rejected).
    OddCode {
        /// `None` when the code is a sentence; else the length most codes stay within.
        typical: Option<usize>,
    },
    /// A detail row dated after the as-of date, left out of the figures (rejected).
    FutureDate {
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// A customers-sheet date after the as-of date, not used; the customer stays.
    FutureCustomerDate {
        /// The as-of date.
        as_of: NaiveDate,
        /// The date's field: "founded", "first_purchase", "last_purchase" or "last_login".
        field: &'static str,
    },
    /// A detail row whose code is in no customers sheet (rejected).
    UnknownCustomer,
    /// A sheet that was not used.
    SheetSkipped {
        /// Why.
        why: SkipWhy,
    },
    /// An industry text (the value) that maps to no standard industry.
    UnmappedIndustry {
        /// How many customers have the text.
        customers: usize,
    },
    /// A customers sheet's summary columns that detail rows overrule where a customer has some.
    SourceChoice {
        /// The summary columns' headers, as in the input.
        columns: Vec<String>,
        /// The kinds of detail rows present for them, in order.
        detail: Vec<SheetRole>,
    },
    /// A detail sheet's codes joined the customers only after one normalisation.
    JoinRule {
        /// The normalisation.
        rule: JoinRule,
        /// Rows that joined a customer with it.
        joined: usize,
        /// The sheet's rows with a code.
        rows: usize,
    },
    /// A weighted dimension that no customer has any data for (about the whole base).
    DimensionAbsent {
        /// The dimension, left out of the total score.
        dimension: crate::profile::Dimension,
    },
    /// Two columns of a sheet claim one field (the second is `Finding::column`); the first is used.
    ColumnClaimedTwice {
        /// The header of the column used.
        first: String,
        /// The canonical field both claim.
        field: &'static str,
    },
    /// Customers sheets that share no customer code and differ in their columns or in the form
    /// of their codes, read as one base (about the whole base).
    UnrelatedCustomers {
        /// Each customers sheet with the customers first read from it, in reading order.
        parts: Vec<CustomerPart>,
    },
}

/// A customers sheet and the customers first read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerPart {
    /// Input file name.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// Customers whose first row is on this sheet.
    pub customers: usize,
}

impl Issue {
    /// The kind of problem, which groups findings in the report.
    pub fn kind(&self) -> FindingKind {
        match self {
            Issue::MissingCode => FindingKind::MissingCode,
            Issue::DuplicateCode { .. } => FindingKind::DuplicateCode,
            Issue::DuplicateCreditCode { .. } => FindingKind::DuplicateCreditCode,
            Issue::MissingValue { .. } | Issue::BadValue { .. } => FindingKind::BadValue,
            Issue::OutOfRange { .. } => FindingKind::OutOfRange,
            Issue::TotalsRow => FindingKind::TotalsRow,
            Issue::FooterRow => FindingKind::FooterRow,
            Issue::Placeholder => FindingKind::Placeholder,
            Issue::OddCode { .. } => FindingKind::OddCode,
            Issue::SupplierRow => FindingKind::Supplier,
            Issue::PartyTypeUnclear { .. } => FindingKind::PartyTypeUnclear,
            Issue::DateOrder { .. } => FindingKind::DateOrder,
            Issue::FutureDate { .. } | Issue::FutureCustomerDate { .. } => FindingKind::FutureDate,
            Issue::UnknownCustomer => FindingKind::UnknownCustomer,
            Issue::SheetSkipped { .. } => FindingKind::SheetSkipped,
            Issue::UnmappedIndustry { .. } => FindingKind::UnmappedIndustry,
            Issue::SourceChoice { .. } => FindingKind::SourceChoice,
            Issue::JoinRule { .. } => FindingKind::JoinRule,
            Issue::DimensionAbsent { .. } => FindingKind::Other,
            Issue::ColumnClaimedTwice { .. } => FindingKind::ColumnClaimedTwice,
            Issue::UnrelatedCustomers { .. } => FindingKind::UnrelatedCustomers,
        }
    }
}

/// Why a sheet was not used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum SkipWhy {
    /// The sheet holds nothing.
    Empty,
    /// No column is a customer code.
    NoCodeColumn {
        /// The headers found, as in the input.
        columns: Vec<String>,
    },
    /// The reader left it out because it is hidden (read with --include-hidden).
    Hidden,
}

/// A normalisation under which a detail sheet's codes join the customers' codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinRule {
    /// Leading zeros ignored (1 = 000001).
    LeadingZeros,
    /// White space ignored.
    Spaces,
    /// Full-width characters read as half-width.
    Width,
    /// Letter case ignored.
    Case,
    /// A constant prefix set aside on one side or both ("" when that side has none).
    Prefix {
        /// The detail codes' prefix.
        detail: String,
        /// The customers' codes' prefix.
        customers: String,
    },
}
