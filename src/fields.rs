//! Stage 2, fields: the canonical fields of SPEC §3 and their header aliases (zh + en), and the
//! matching of a header text to a field, ignoring spaces, full/half-width forms, case and a unit
//! in brackets. A [`FieldMatcher`] adds a profile's extra aliases (the profile builds it, so this
//! module needs no profile). The workbook's read-back reuses [`FieldMatcher::canonical_field`].

use crate::values::{fold_width, header_unit, HeaderUnit};

/// How a field's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text as written.
    Text,
    /// A customer code (text, leading zeros kept).
    Code,
    /// A count or measure.
    Number,
    /// Money; the value is the default unit in 元 per unit of the stored value.
    Money {
        /// 元 per unit of the stored value (1 for 元, 10 000 for 万元).
        stored: u32,
    },
    /// A rate stored as a fraction.
    Percent,
    /// A date (a year alone is 1 January).
    Date,
    /// A list split on 、，,;；/ and spaces.
    List,
    /// Satisfaction: 1–5, 1–10, 0–100 or words, stored as 0–100.
    Satisfaction,
    /// 付费模式.
    Payment,
    /// A complaint flag or count (是/否, 1/0, 2).
    Complaint,
}

/// One canonical field: its name, how it is read, and its built-in aliases.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Canonical name (SPEC §3 table).
    pub name: &'static str,
    /// How values are read.
    pub kind: FieldType,
    /// Header texts that mean this field, in their normalised form (see [`header_key`]).
    pub aliases: &'static [&'static str],
}

const fn f(name: &'static str, kind: FieldType, aliases: &'static [&'static str]) -> Field {
    Field {
        name,
        kind,
        aliases,
    }
}

const YUAN: FieldType = FieldType::Money { stored: 1 };
const WAN: FieldType = FieldType::Money { stored: 10_000 };

/// Every canonical field. Aliases are written already normalised: lower case, no spaces.
pub const FIELDS: &[Field] = &[
    f(
        "code",
        FieldType::Code,
        &[
            "客户编码",
            "客户编号",
            "客户代码",
            "客户id",
            "编码",
            "客户号",
            "往来单位编码",
            "往来单位编号",
            "往来单位代码",
            "单位编码",
            "单位编号",
            "customercode",
            "customerid",
            "id",
            "code",
            "custcode",
            "customerno",
        ],
    ),
    f(
        "name",
        FieldType::Text,
        &[
            "客户名称",
            "客户全称",
            "名称",
            "单位名称",
            "公司名称",
            "客户",
            "往来单位",
            "往来单位名称",
            "企业名称",
            "customername",
            "name",
            "company",
            "customer",
        ],
    ),
    f(
        "party_type",
        FieldType::Text,
        &[
            "往来单位类型",
            "往来单位类别",
            "往来类型",
            "往来类别",
            "单位类型",
            "单位性质",
            "partytype",
            "counterpartytype",
            "partnertype",
            "businesspartnertype",
        ],
    ),
    f(
        "credit_code",
        FieldType::Text,
        &[
            "统一社会信用代码",
            "纳税人识别号",
            "税号",
            "信用代码",
            "creditcode",
            "taxid",
            "uscc",
        ],
    ),
    f(
        "industry",
        FieldType::Text,
        &[
            "所属行业",
            "行业",
            "行业类别",
            "行业分类",
            "industry",
            "sector",
        ],
    ),
    f(
        "region",
        FieldType::Text,
        &[
            "地区",
            "所属地区",
            "省份",
            "城市",
            "区域",
            "所在地区",
            "region",
            "province",
            "city",
        ],
    ),
    f(
        "founded",
        FieldType::Date,
        &[
            "成立日期",
            "成立时间",
            "成立年份",
            "注册日期",
            "founded",
            "established",
        ],
    ),
    f(
        "employees",
        FieldType::Number,
        &[
            "员工人数",
            "从业人员",
            "职工人数",
            "人数",
            "从业人数",
            "员工数",
            "employees",
            "headcount",
            "staff",
        ],
    ),
    f(
        "revenue",
        WAN,
        &[
            "营业收入",
            "年营业额",
            "年收入",
            "营业额",
            "revenue",
            "annualrevenue",
            "sales",
        ],
    ),
    f(
        "total_assets",
        WAN,
        &["资产总额", "总资产", "totalassets", "assets"],
    ),
    f(
        "payment_model",
        FieldType::Payment,
        &[
            "付费模式",
            "付费方式",
            "购买方式",
            "授权方式",
            "paymentmodel",
            "license",
            "licence",
        ],
    ),
    f(
        "product",
        FieldType::Text,
        &["产品版本", "购买产品", "产品", "版本", "product", "edition"],
    ),
    f(
        "modules",
        FieldType::List,
        &[
            "使用模块",
            "已购模块",
            "常用模块",
            "模块",
            "功能模块",
            "登录模块",
            "modules",
            "module",
        ],
    ),
    f(
        "needs",
        FieldType::List,
        &["需求模块", "关注功能", "业务需求", "需求", "needs"],
    ),
    f("budget", YUAN, &["预算", "预算范围", "预算金额", "budget"]),
    f(
        "purchase_amount",
        YUAN,
        &[
            "累计购买金额",
            "累计消费",
            "合同金额",
            "累计金额",
            "累计消费金额",
            "消费总额",
            "totalspend",
            "monetary",
        ],
    ),
    f(
        "deal_count",
        FieldType::Number,
        &["成交次数", "购买次数", "订单数", "orders", "frequency"],
    ),
    f(
        "first_purchase",
        FieldType::Date,
        &[
            "首次购买日期",
            "签约日期",
            "开户日期",
            "首次交易日期",
            "发展日期",
            "首次购买",
            "firstpurchase",
            "signupdate",
        ],
    ),
    f(
        "last_purchase",
        FieldType::Date,
        &[
            "最近购买日期",
            "最近成交日期",
            "最近交易日期",
            "最后交易日期",
            "最近购买",
            "最后购买日期",
            "lastpurchase",
        ],
    ),
    f(
        "renewal_rate",
        FieldType::Percent,
        &["续费率", "renewalrate"],
    ),
    f(
        "login_count",
        FieldType::Number,
        &["登录次数", "近90天登录次数", "logins", "logincount"],
    ),
    f(
        "last_login",
        FieldType::Date,
        &[
            "最近登录",
            "最后登录时间",
            "最近登录时间",
            "最近登录日期",
            "lastlogin",
        ],
    ),
    f(
        "usage_hours",
        FieldType::Number,
        &[
            "使用时长",
            "时长",
            "在线时长",
            "usagehours",
            "hours",
            "duration",
        ],
    ),
    f(
        "tickets",
        FieldType::Number,
        &["工单数", "问题数", "服务请求数", "tickets"],
    ),
    f(
        "satisfaction",
        FieldType::Satisfaction,
        &[
            "满意度",
            "满意度评分",
            "评分",
            "满意度得分",
            "打分",
            "satisfaction",
            "csat",
            "score",
            "rating",
        ],
    ),
    f("nps", FieldType::Number, &["推荐意愿", "nps"]),
    f(
        "complaints",
        FieldType::Complaint,
        &["投诉次数", "是否投诉", "投诉", "complaints", "complaint"],
    ),
    f(
        "receivable",
        YUAN,
        &[
            "应收余额",
            "应收账款",
            "应收金额",
            "receivable",
            "receivables",
        ],
    ),
    f(
        "overdue_days",
        FieldType::Number,
        &["逾期天数", "账龄", "overduedays", "daysoverdue"],
    ),
    f(
        "style",
        FieldType::Text,
        &["装修风格", "风格偏好", "风格", "style"],
    ),
    f(
        "house_area",
        FieldType::Number,
        &["房屋面积", "面积", "建筑面积", "housearea", "area"],
    ),
    f(
        "projects",
        FieldType::Number,
        &["历史项目数", "项目数", "projects"],
    ),
    f("stage", FieldType::Text, &["客户阶段", "跟进阶段", "stage"]),
    f(
        "owner",
        FieldType::Text,
        &[
            "负责人",
            "业务员",
            "客户经理",
            "销售",
            "销售员",
            "销售代表",
            "跟进人",
            "设计师",
            "销售负责人",
            "salesperson",
            "accountmanager",
            "owner",
            "salesrep",
            "salesrepresentative",
        ],
    ),
    f(
        "date",
        FieldType::Date,
        &[
            "日期",
            "单据日期",
            "开票日期",
            "成交日期",
            "登录时间",
            "登录日期",
            "订单日期",
            "业务日期",
            "交易日期",
            "收款日期",
            "使用日期",
            "调查日期",
            "回访日期",
            "date",
            "invoicedate",
            "orderdate",
            "logindate",
        ],
    ),
    f(
        "amount",
        YUAN,
        &[
            "金额",
            "价税合计",
            "销售金额",
            "含税金额",
            "收款金额",
            "本币金额",
            "价税合计金额",
            "amount",
            "total",
        ],
    ),
    f(
        "quantity",
        FieldType::Number,
        &["数量", "销售数量", "quantity", "qty"],
    ),
    f(
        "unit_price",
        YUAN,
        &["单价", "含税单价", "销售单价", "unitprice", "price"],
    ),
    f(
        "doc_no",
        FieldType::Text,
        &[
            "单据号",
            "订单号",
            "发票号",
            "单据编号",
            "发票号码",
            "订单编号",
            "invoiceno",
            "orderno",
            "docno",
            "invoicenumber",
        ],
    ),
];

/// The field by canonical name.
pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// A header reduced for matching: full-width folded, lower case, without spaces, `*` marks and
/// colons, with a unit in brackets (or after a slash) split off.
///
/// ```
/// use custseg::fields::header_key;
/// use custseg::values::HeaderUnit;
/// assert_eq!(header_key("营业收入（万元）"), ("营业收入".to_string(), Some(HeaderUnit::Money(1e4))));
/// assert_eq!(header_key(" Customer Code "), ("customercode".to_string(), None));
/// ```
pub fn header_key(header: &str) -> (String, Option<HeaderUnit>) {
    let folded = fold_width(header);
    let mut key = String::with_capacity(folded.len());
    let mut unit = None;
    let mut bracket = String::new();
    let mut depth = 0;
    for c in folded.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(u) = header_unit(&bracket) {
                        unit = Some(u);
                    }
                    bracket.clear();
                }
            }
            _ if depth > 0 => {
                if !c.is_whitespace() {
                    bracket.push(c);
                }
            }
            _ if c.is_whitespace() || matches!(c, '*' | ':' | '_' | '-' | '.' | '\u{feff}') => {}
            _ => key.extend(c.to_lowercase()),
        }
    }
    // "时长/小时", "金额/元": a unit after a slash.
    if unit.is_none() {
        if let Some((head, tail)) = key.rsplit_once('/') {
            if let Some(u) = header_unit(tail) {
                unit = Some(u);
                key = head.to_string();
            }
        }
    }
    // "金额元", "收入万元": a money unit glued to the end of a known header.
    if unit.is_none() {
        for (suffix, u) in [("万元", 1e4), ("千元", 1e3), ("亿元", 1e8)] {
            if let Some(head) = key.strip_suffix(suffix) {
                if !head.is_empty() {
                    unit = Some(HeaderUnit::Money(u));
                    key = head.to_string();
                    break;
                }
            }
        }
    }
    (key, unit)
}

/// A header key without a leading number ("1客户编码" from "1.客户编码", "2、名称"); the key
/// itself when nothing would be left.
fn strip_numbering(key: &str) -> &str {
    let rest = key.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == key.len() {
        return key;
    }
    let rest = rest.trim_start_matches(['、', ',', '，', ')', '）', '.', '。']);
    if rest.is_empty() {
        key
    } else {
        rest
    }
}

/// A header key cut into tokens: at a slash, bar or 、, and where Chinese meets Latin letters.
/// A companion stands before or after: a part with Latin inside Chinese ("客户PO号") gives none.
fn header_tokens(key: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    for part in key.split(['/', '|', '\\', '、', '&', '+']) {
        let mut runs = Vec::new();
        let mut start = 0;
        let mut prev: Option<bool> = None;
        for (i, c) in part.char_indices() {
            let ascii = c.is_ascii();
            if prev.is_some_and(|p| p != ascii) {
                runs.push(&part[start..i]);
                start = i;
            }
            prev = Some(ascii);
        }
        if start < part.len() {
            runs.push(&part[start..]);
        }
        if runs.len() <= 2 {
            tokens.extend(runs);
        }
    }
    tokens
}

/// Matches header keys to canonical fields: extra aliases (a profile's) first, in the order
/// given, then the built-in ones.
///
/// ```
/// use custseg::fields::FieldMatcher;
/// let extra = [("code".to_string(), vec!["会员卡号".to_string()])];
/// let fields = FieldMatcher::with_aliases(extra.iter().map(|(f, a)| (f.as_str(), a.as_slice())));
/// assert_eq!(fields.canonical_field("会员卡号"), Some("code"));
/// assert_eq!(fields.canonical_field("客户编号"), Some("code"));
/// assert_eq!(fields.canonical_field("营业收入(万元)"), Some("revenue"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct FieldMatcher {
    /// (normalised key, field) of each extra alias of a known field, in the order given.
    extra: Vec<(String, &'static Field)>,
}

impl FieldMatcher {
    /// The built-in aliases only.
    pub fn builtin() -> FieldMatcher {
        FieldMatcher::default()
    }

    /// The built-in aliases plus extra ones, given as (canonical field name, header texts);
    /// the texts of a name that is no field are left out (the profile check reports them).
    pub fn with_aliases<'a>(
        extra: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> FieldMatcher {
        let mut keys = Vec::new();
        for (name, aliases) in extra {
            let Some(f) = field(name) else { continue };
            keys.extend(aliases.iter().map(|a| (header_key(a).0, f)));
        }
        FieldMatcher { extra: keys }
    }

    /// The canonical field a header means; `None` when it means none.
    pub fn canonical_field(&self, header: &str) -> Option<&'static str> {
        self.field_for_header(header).0.map(|f| f.name)
    }

    /// The field a header as written means, and the unit it states. The whole header is tried
    /// first; then its tokens, with numbering ("1.客户编码", "1、") and a companion in the other
    /// language set aside: "客户编码 Code", "Code 客户编码", "客户名称/Name", "金额（元）Amount",
    /// "客户编码\nCustomer Code". When a header mixes Chinese and English, its Chinese part
    /// decides (an English word beside an unknown Chinese one, as in "订单ID", means nothing).
    ///
    /// ```
    /// use custseg::fields::FieldMatcher;
    /// let m = FieldMatcher::builtin();
    /// assert_eq!(m.field_for_header("客户编码 Code").0.map(|f| f.name), Some("code"));
    /// assert_eq!(m.field_for_header("1.客户名称/Name").0.map(|f| f.name), Some("name"));
    /// assert_eq!(m.field_for_header("订单ID").0.map(|f| f.name), None);
    /// ```
    pub fn field_for_header(&self, header: &str) -> (Option<&'static Field>, Option<HeaderUnit>) {
        let (key, unit) = header_key(header);
        if let Some(f) = self.field_for_key(&key) {
            return (Some(f), unit);
        }
        let key = strip_numbering(&key);
        if let Some(f) = self.field_for_key(key) {
            return (Some(f), unit);
        }
        let tokens = header_tokens(key);
        let chinese: Vec<&str> = tokens.iter().copied().filter(|t| !t.is_ascii()).collect();
        let decide = if chinese.is_empty() { tokens } else { chinese };
        let field = decide.iter().find_map(|t| self.field_for_key(t));
        (field, unit)
    }

    /// The field for an already normalised header key (see [`header_key`]).
    pub fn field_for_key(&self, key: &str) -> Option<&'static Field> {
        if key.is_empty() {
            return None;
        }
        if let Some((_, f)) = self.extra.iter().find(|(k, _)| k == key) {
            return Some(f);
        }
        FIELDS.iter().find(|f| f.aliases.contains(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(extra: &[(&str, &[&str])]) -> FieldMatcher {
        let extra: Vec<(&str, Vec<String>)> = extra
            .iter()
            .map(|(f, a)| (*f, a.iter().map(|s| s.to_string()).collect()))
            .collect();
        FieldMatcher::with_aliases(extra.iter().map(|(f, a)| (*f, a.as_slice())))
    }

    #[test]
    fn headers_match_their_fields() {
        let p = FieldMatcher::builtin();
        let cases: &[(&str, Option<&str>)] = &[
            ("客户编码", Some("code")),
            ("客户 编码", Some("code")),
            ("*客户编码", Some("code")),
            ("Customer Code", Some("code")),
            ("ＩＤ", Some("code")),
            ("客户名称", Some("name")),
            ("统一社会信用代码", Some("credit_code")),
            ("营业收入（万元）", Some("revenue")),
            ("营业收入(元)", Some("revenue")),
            ("资产总额[亿元]", Some("total_assets")),
            ("续费率(%)", Some("renewal_rate")),
            ("逾期天数（天）", Some("overdue_days")),
            ("价税合计", Some("amount")),
            ("金额/元", Some("amount")),
            ("单据日期", Some("date")),
            ("登录时间", Some("date")),
            ("交易日期", Some("date")),
            ("发展日期", Some("first_purchase")),
            ("最近交易日期", Some("last_purchase")),
            ("发票号", Some("doc_no")),
            ("是否投诉", Some("complaints")),
            ("备注", None),
            ("", None),
            ("存货编码", None),
            ("客户编码 Code", Some("code")),
            ("Code 客户编码", Some("code")),
            ("客户名称/Name", Some("name")),
            ("客户名称 Customer Name", Some("name")),
            ("金额（元）Amount", Some("amount")),
            ("客户编码\nCustomer Code", Some("code")),
            ("1.客户编码", Some("code")),
            ("2、客户名称", Some("name")),
            ("Invoice No.", Some("doc_no")),
            ("Unit Price", Some("unit_price")),
            ("Qty", Some("quantity")),
            ("订单ID", None),
            ("客户PO号", None),
            ("2025", None),
            ("单位编号", Some("code")),
            ("往来单位编号", Some("code")),
            ("往来单位代码", Some("code")),
            ("往来单位编码", Some("code")),
            ("单位编码", Some("code")),
            ("单位名称", Some("name")),
            ("往来单位类型", Some("party_type")),
            ("单位类型", Some("party_type")),
            ("往来类型", Some("party_type")),
            ("往来单位类别", Some("party_type")),
            ("单位性质", Some("party_type")),
            ("Party Type", Some("party_type")),
            ("往来单位", Some("name")),
        ];
        for (header, want) in cases {
            assert_eq!(p.canonical_field(header), *want, "header {header:?}");
        }
    }

    #[test]
    fn units_are_split_off() {
        let cases: &[(&str, &str, Option<HeaderUnit>)] = &[
            ("营业收入（万元）", "营业收入", Some(HeaderUnit::Money(1e4))),
            ("营业收入(千元)", "营业收入", Some(HeaderUnit::Money(1e3))),
            ("销售金额（元）", "销售金额", Some(HeaderUnit::Money(1.0))),
            ("营业收入万元", "营业收入", Some(HeaderUnit::Money(1e4))),
            ("续费率（%）", "续费率", Some(HeaderUnit::Percent)),
            ("账龄(月)", "账龄", Some(HeaderUnit::Months)),
            ("使用时长/小时", "使用时长", Some(HeaderUnit::Hours)),
            ("客户名称(全称)", "客户名称", None),
        ];
        for (header, key, unit) in cases {
            assert_eq!(
                header_key(header),
                (key.to_string(), *unit),
                "header {header:?}"
            );
        }
    }

    #[test]
    fn profile_aliases_win() {
        let p = matcher(&[
            ("code", &["会员卡号"]),
            ("revenue", &["年产值"]),
            // An alias of a built-in field, given to another: the extra one wins.
            ("name", &["客户编号"]),
            ("no_such_field", &["备注"]),
        ]);
        assert_eq!(p.canonical_field("会员卡号"), Some("code"));
        assert_eq!(p.canonical_field("年产值（万元）"), Some("revenue"));
        assert_eq!(p.canonical_field("客户编号"), Some("name"));
        assert_eq!(p.canonical_field("备注"), None);
    }

    #[test]
    fn aliases_are_normalised_and_unique() {
        let mut seen = std::collections::HashMap::new();
        for f in FIELDS {
            for a in f.aliases {
                assert_eq!(
                    header_key(a).0,
                    *a,
                    "alias {a:?} of {} is not normalised",
                    f.name
                );
                if let Some(other) = seen.insert(*a, f.name) {
                    panic!("alias {a:?} is in both {other} and {}", f.name);
                }
            }
        }
    }

    /// The owner column, by any of its everyday names (issue 19: 业务员 was not recognised).
    #[test]
    fn owner_headers() {
        let m = FieldMatcher::builtin();
        for h in [
            "业务员",
            "客户经理",
            "销售",
            "销售员",
            "负责人",
            "跟进人",
            "设计师",
            "Salesperson",
            "Account Manager",
            "Owner",
            "Sales Rep",
            "业务员 Salesperson",
        ] {
            assert_eq!(m.canonical_field(h), Some("owner"), "{h}");
        }
        for h in ["销售金额", "销售数量", "联系人"] {
            assert_ne!(m.canonical_field(h), Some("owner"), "{h}");
        }
    }
}
