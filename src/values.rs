//! Stage 2, values: turn cell text into numbers, money, percentages, dates, ranges and
//! satisfaction scores the way a Chinese finance export writes them. Every parser is total: it
//! returns `None` for what it cannot read and never panics, whatever the text. And the one
//! number formatter every output shares: thousands separators (`thousands`).

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::model::{Cell, PaymentModel};

/// The outcome of reading one cell as a typed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parsed<T> {
    /// Nothing there (empty, white space, or a placeholder such as "-", "无", "N/A").
    Blank,
    /// A value.
    Value(T),
    /// Something is there but it cannot be read as the wanted type.
    Unreadable,
}

impl<T> Parsed<T> {
    /// The value, if any.
    pub fn value(self) -> Option<T> {
        match self {
            Parsed::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// Folds full-width ASCII forms (ＡＢＣ１２３（）：，％) and the ideographic space to their
/// half-width forms; borrows when there is nothing to fold.
pub fn fold_width(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| !is_wide(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

fn is_wide(c: char) -> bool {
    c == '\u{3000}' || ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// True for text that means "no value" in an export: blank, "-", "—", "--", "无", "N/A", "null".
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.is_empty() {
        return true;
    }
    if t.chars()
        .all(|c| matches!(c, '-' | '—' | '－' | '–' | '/' | '_'))
    {
        return true;
    }
    // Compared without allocating (this runs on most cells read and written); every word is
    // lower case already and at most 9 bytes long.
    const WORDS: [&str; 11] = [
        "无",
        "暂无",
        "n/a",
        "na",
        "null",
        "none",
        "nan",
        "#n/a",
        "不详",
        "未知",
        "待补充",
    ];
    t.len() <= 9 && WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// True for a placeholder that is written, not left blank ("不详", "待补充", "N/A", "—"): a
/// missing value the user should hear about.
pub fn is_placeholder_word(s: &str) -> bool {
    !trim(s).is_empty() && is_placeholder(s)
}

/// Trims white space (including the ideographic space and non-breaking space).
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}')
}

/// A plain number: thousands separators, a leading ¥/￥/$, a trailing 元, full-width digits,
/// accounting negatives "(1,234.00)", and stray spaces are accepted.
///
/// ```
/// assert_eq!(custseg::values::parse_number("¥1,234.50"), Some(1234.5));
/// assert_eq!(custseg::values::parse_number("（200）"), Some(-200.0));
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let folded = fold_width(s);
    let mut t = trim(&folded);
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') && t.len() > 2 {
        negative = true;
        t = &t[1..t.len() - 1];
    }
    t = trim(t);
    if let Some(rest) = t.strip_prefix('-') {
        // "-¥1,000" reads as a negative amount.
        if rest.starts_with(['¥', '￥', '$']) {
            negative = !negative;
            t = rest;
        }
    }
    let t = t.trim_start_matches(['¥', '￥', '$']);
    let t = t.strip_suffix("元").unwrap_or(t);
    let t = trim(t);
    if t.is_empty() {
        return None;
    }
    let mut buf = String::with_capacity(t.len());
    let mut digits = 0;
    for c in t.chars() {
        match c {
            ',' | ' ' | '_' | '\'' | '\u{a0}' => {}
            '0'..='9' => {
                digits += 1;
                buf.push(c);
            }
            '.' | '-' | '+' | 'e' | 'E' => buf.push(c),
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let v: f64 = buf.parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// The scale of a money unit written after a number or in a header, in 元 per unit.
pub fn money_unit(unit: &str) -> Option<f64> {
    match unit {
        "元" | "rmb" | "RMB" | "yuan" | "cny" | "CNY" => Some(1.0),
        "千元" | "千" | "k" | "K" => Some(1e3),
        "万元" | "万" | "w" | "W" => Some(1e4),
        "百万" | "百万元" => Some(1e6),
        "亿元" | "亿" => Some(1e8),
        _ => None,
    }
}

/// Splits a trailing money unit off a value: "5万" → ("5", Some(10000)).
fn split_unit(s: &str) -> (&str, Option<f64>) {
    const UNITS: [&str; 14] = [
        "百万元",
        "亿元",
        "万元",
        "千元",
        "百万",
        "亿",
        "万",
        "千",
        "元",
        "RMB",
        "rmb",
        "CNY",
        "w",
        "W",
    ];
    let t = trim(s);
    for u in UNITS {
        if let Some(head) = t.strip_suffix(u) {
            if head
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ' ')
            {
                return (trim(head), money_unit(u));
            }
        }
    }
    (t, None)
}

/// Splits a range "5-10", "20~30", "5至10" into its two ends; a leading minus is a sign.
fn split_range(s: &str) -> Option<(&str, &str)> {
    let t = trim(s);
    for sep in ["~", "～", "至", "到", "—", "–", "-"] {
        let mut from = 0;
        while let Some(i) = t[from..].find(sep) {
            let at = from + i;
            let (left, right) = (&t[..at], &t[at + sep.len()..]);
            if !trim(left).is_empty()
                && trim(left).ends_with(|c: char| c.is_ascii_digit() || "万千亿元".contains(c))
                && !trim(right).is_empty()
            {
                return Some((left, right));
            }
            from = at + sep.len();
        }
    }
    None
}

/// True for a range such as "10-15万" or "5~10" (two values, not one); a single value such as
/// "-200" is not a range. The workbook keeps a range as the text written.
pub fn is_range(s: &str) -> bool {
    parse_number(s).is_none() && split_range(&fold_width(s)).is_some()
}

/// A money amount converted to `target` (元 per unit of the result), reading units in the value
/// ("5万", "1.2亿元", "¥3,000") and ranges ("5-10万", "20~30万元" → midpoint). A value without a
/// unit is in `default` (元 per unit; the header's unit, or the column's default).
///
/// ```
/// use custseg::values::parse_money;
/// assert_eq!(parse_money("5-10万", 1.0, 1.0), Some(75_000.0));
/// assert_eq!(parse_money("1.2亿", 1e4, 1e4), Some(12_000.0));
/// ```
pub fn parse_money(s: &str, default: f64, target: f64) -> Option<f64> {
    money_inner(s, default, target).filter(|v| v.is_finite())
}

fn money_inner(s: &str, default: f64, target: f64) -> Option<f64> {
    let folded = fold_width(s);
    let t = trim(&folded);
    if let Some(v) = parse_number(t) {
        return Some(v * default / target);
    }
    let one = |part: &str, fallback: f64| -> Option<f64> {
        let (num, unit) = split_unit(part);
        let v = parse_number(num)?;
        Some(v * unit.unwrap_or(fallback))
    };
    if let Some((left, right)) = split_range(t) {
        let (_, right_unit) = split_unit(right);
        let fallback = right_unit.unwrap_or(default);
        let a = one(left, fallback)?;
        let b = one(right, default)?;
        return Some((a + b) / 2.0 / target);
    }
    let v = one(t, default)?;
    Some(v / target)
}

/// A number that may be written as a range ("5-10" → 7.5); units are not read.
pub fn parse_number_or_range(s: &str) -> Option<f64> {
    if let Some(v) = parse_number(s) {
        return Some(v);
    }
    let folded = fold_width(s);
    let (left, right) = split_range(&folded)?;
    Some(parse_number(left)? / 2.0 + parse_number(right)? / 2.0)
}

/// A rate as a fraction: "35%" → 0.35, "0.35" → 0.35, "35" → 0.35 (a bare number above 1 is
/// read as percent). With `header_percent` (the header says "%"), a bare number is always percent.
pub fn parse_percent(s: &str, header_percent: bool) -> Option<f64> {
    let folded = fold_width(s);
    let t = trim(&folded);
    if let Some(head) = t.strip_suffix('%') {
        return parse_number(head).map(|v| v / 100.0);
    }
    let v = parse_number(t)?;
    Some(if header_percent || v.abs() > 1.0 {
        v / 100.0
    } else {
        v
    })
}

/// A date from an Excel serial number (1900 date system; 60 is Excel's phantom 29 Feb 1900).
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if days < 61 { days + 1 } else { days };
    base.checked_add_signed(chrono::Duration::days(days))
}

fn plausible_year(y: i32) -> bool {
    (1900..=2200).contains(&y)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.trim().parse().ok()?;
    let m: u32 = m.trim().parse().ok()?;
    let d: u32 = d.trim().parse().ok()?;
    if !plausible_year(y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A date written as text: "2026年9月30日", "2026-09-30", "2026/9/30", "2026.9.30", "20260930",
/// "2026-09-30 10:00:00", "2026年9月" (→ 1st), "2015"/"2015年" (→ 1 January), and an Excel serial
/// number written as text ("46295").
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(custseg::values::parse_date("2026年9月30日"), NaiveDate::from_ymd_opt(2026, 9, 30));
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_as(s, YearLast::DayFirst)
}

/// How a date written with the year last (3/4/2026, 30.9.2026) orders its day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearLast {
    /// Day, month, year (30/9/2026): as written in China when the year comes last.
    DayFirst,
    /// Month, day, year (9/30/2026): as US-English systems write it.
    MonthFirst,
    /// Either could be meant (3/4/2026): both parts are 12 or less.
    Either,
}

/// The date text without surrounding space and time of day, full-width forms folded.
fn date_text(s: &str) -> String {
    let folded = fold_width(s);
    let t = trim(&folded);
    // Drop a time of day: "2026-09-30 10:00", "2026-09-30T10:00:00".
    let t = match t.find([' ', 'T']) {
        Some(i) if i >= 6 => &t[..i],
        _ => t,
    };
    trim(t).to_string()
}

/// A date text's three parts when its year comes last ("3/4/2026" → 3, 4, 2026).
fn year_last_parts(t: &str) -> Option<[&str; 3]> {
    ['-', '/', '.'].into_iter().find_map(|sep| {
        let parts: Vec<&str> = t.split(sep).collect();
        let all_short = parts.iter().all(|p| !p.is_empty() && p.len() <= 4);
        (parts.len() == 3 && all_short && parts[0].len() != 4 && parts[2].len() == 4)
            .then(|| [parts[0], parts[1], parts[2]])
    })
}

/// The order a date text with the year last shows by itself: day first when its first part is
/// over 12, month first when its second is, Either when both are 12 or less; None for any other
/// text (2026-09-30, 2026年9月30日, a text that is no date).
pub fn year_last(s: &str) -> Option<YearLast> {
    // The common forms start with the year (2026-09-30, 2026/9/30): known without folding.
    let head = s.trim_start().as_bytes();
    if head.len() >= 4 && head[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let t = date_text(s);
    let [a, b, _] = year_last_parts(&t)?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Some(YearLast::DayFirst),
        (false, true) => Some(YearLast::MonthFirst),
        (false, false) => Some(YearLast::Either),
        (true, true) => None,
    }
}

/// [`parse_date`], a date with the year last read in the given order (`Either` as day first).
pub fn parse_date_as(s: &str, order: YearLast) -> Option<NaiveDate> {
    let t = date_text(s);
    let t = t.as_str();
    if t.is_empty() {
        return None;
    }
    if t.contains('年') {
        let (y, rest) = t.split_once('年')?;
        let y_num: i32 = trim(y).parse().ok()?;
        if !plausible_year(y_num) {
            return None;
        }
        let rest = trim(rest);
        if rest.is_empty() {
            return NaiveDate::from_ymd_opt(y_num, 1, 1);
        }
        let (m, rest) = rest.split_once('月')?;
        let rest = trim(rest);
        let d = rest.strip_suffix(['日', '号']).unwrap_or(rest);
        let d = if d.is_empty() { "1" } else { d };
        return ymd(y, m, d);
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.len() {
            4 => {
                let y: i32 = t.parse().ok()?;
                if plausible_year(y) {
                    NaiveDate::from_ymd_opt(y, 1, 1)
                } else {
                    None
                }
            }
            8 => ymd(&t[..4], &t[4..6], &t[6..]),
            5 => excel_serial_date(t.parse().ok()?),
            _ => None,
        };
    }
    if let Some([a, b, y]) = year_last_parts(t) {
        return match order {
            YearLast::MonthFirst => ymd(y, a, b),
            YearLast::DayFirst | YearLast::Either => ymd(y, b, a),
        };
    }
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = t.split(sep).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4) {
            if parts[0].len() == 4 {
                return ymd(parts[0], parts[1], parts[2]);
            }
            return None;
        }
        if parts.len() == 2 && parts[0].len() == 4 {
            return ymd(parts[0], parts[1], "1");
        }
    }
    // A decimal serial with a time fraction: "46295.5".
    let v: f64 = t.parse().ok()?;
    if (20_000.0..100_000.0).contains(&v) {
        return excel_serial_date(v);
    }
    None
}

/// A satisfaction word on the 1–5 scale (非常满意 5, 满意 4, 一般 3, 不满意 2, 非常不满意 1).
pub fn satisfaction_word(s: &str) -> Option<f64> {
    let folded = fold_width(s);
    let t: String = trim(&folded)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let v = match t.to_lowercase().as_str() {
        "非常满意" | "很满意" | "十分满意" | "very satisfied" => 5.0,
        "满意" | "比较满意" | "较满意" | "satisfied" => 4.0,
        "一般" | "基本满意" | "中立" | "neutral" => 3.0,
        "不满意" | "不太满意" | "较不满意" | "dissatisfied" => 2.0,
        "非常不满意" | "很不满意" | "极不满意" | "very dissatisfied" => 1.0,
        _ => return None,
    };
    Some(v)
}

/// A satisfaction written on a fixed scale, on 0–100: a word (see [`satisfaction_word`]), stars
/// ("★★★★" is 4 of 5) or a percentage ("85%").
pub fn satisfaction_fixed(s: &str) -> Option<f64> {
    if let Some(w) = satisfaction_word(s) {
        return Some(w * 20.0);
    }
    let folded = fold_width(s);
    let t = trim(&folded);
    if !t.is_empty() && t.chars().all(|c| matches!(c, '★' | '☆' | '✩' | '⭐' | ' ')) {
        let stars = t.chars().filter(|c| matches!(c, '★' | '⭐')).count();
        return (stars <= 5).then_some(stars as f64 * 20.0);
    }
    let pct = t.strip_suffix('%')?;
    parse_number(pct).filter(|v| (0.0..=100.0).contains(v))
}

/// Satisfaction points written with 分 ("4分", "4.5 分"): the number, on its column's scale.
pub fn satisfaction_points(s: &str) -> Option<f64> {
    let folded = fold_width(s);
    let t = trim(&folded);
    parse_number(trim(t.strip_suffix('分')?))
}

/// A yes/no or count of complaints: "是"/"有"/"Y" → 1, "否"/"无"/"N" → 0, a number as itself.
pub fn parse_complaint(s: &str) -> Option<f64> {
    let folded = fold_width(s);
    let t = trim(&folded);
    match t.to_lowercase().as_str() {
        "是" | "有" | "y" | "yes" | "true" | "投诉" | "已投诉" => Some(1.0),
        "否" | "无" | "没有" | "n" | "no" | "false" | "未投诉" => Some(0.0),
        _ => parse_number(t),
    }
}

/// 付费模式 from its text (订阅/SaaS/年费/按年 → Subscription; 一次性/买断/永久授权 → OneTime;
/// 定制/项目/定制开发 → Custom).
pub fn parse_payment_model(s: &str) -> Option<PaymentModel> {
    let folded = fold_width(s);
    let t = trim(&folded).to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["定制", "项目", "custom", "project"]) {
        Some(PaymentModel::Custom)
    } else if has(&["一次", "买断", "永久", "one-time", "onetime", "perpetual"]) {
        Some(PaymentModel::OneTime)
    } else if has(&[
        "订阅",
        "saas",
        "年费",
        "按年",
        "按月",
        "月费",
        "租用",
        "subscription",
        "云",
    ]) {
        Some(PaymentModel::Subscription)
    } else {
        None
    }
}

/// Splits a list cell ("总账、报表，供应链; 税务") on 、，,;；/ and spaces, dropping empties.
pub fn split_list(s: &str) -> Vec<String> {
    let folded = fold_width(s);
    folded
        .split(|c: char| {
            matches!(c, '、' | ',' | ';' | '/' | '|' | '，' | '；') || c.is_whitespace()
        })
        .map(trim)
        .filter(|p| !p.is_empty() && !is_placeholder(p))
        .map(str::to_string)
        .collect()
}

/// A customer code as text: a number cell 1001.0 becomes "1001", text is kept as written
/// (leading zeros kept, full-width digits folded, surrounding spaces trimmed).
pub fn code_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(s) => {
            let folded = fold_width(s);
            let t = trim(&folded);
            if is_placeholder(t) {
                None
            } else {
                Some(t.to_string())
            }
        }
        Cell::Number(n) => {
            if !n.is_finite() {
                None
            } else if n.fract() == 0.0 && n.abs() < 1e15 {
                Some(format!("{}", *n as i64))
            } else {
                Some(format!("{n}"))
            }
        }
        Cell::Empty | Cell::Error(_) => None,
        other => Some(other.display()),
    }
}

/// True when [`code_text`] gives a code for `cell`, found without building the text.
pub fn has_code_text(cell: &Cell) -> bool {
    match cell {
        Cell::Text(s) => !is_placeholder(trim(&fold_width(s))),
        Cell::Number(n) => n.is_finite(),
        Cell::Empty | Cell::Error(_) => false,
        _ => true,
    }
}

/// A text cell's trimmed text, `None` when blank or a placeholder.
pub fn cell_text(cell: &Cell) -> Option<Cow<'_, str>> {
    match cell {
        Cell::Text(s) => {
            let t = trim(s);
            if is_placeholder(t) {
                None
            } else {
                Some(Cow::Borrowed(t))
            }
        }
        Cell::Empty => None,
        Cell::Error(_) => None,
        other => Some(Cow::Owned(other.display())),
    }
}

/// Reads a cell with a text parser, treating blanks and placeholders as `Blank`.
fn with_text<T>(cell: &Cell, parse: impl Fn(&str) -> Option<T>) -> Parsed<T> {
    match cell {
        Cell::Empty => Parsed::Blank,
        Cell::Text(s) if is_placeholder(s) => Parsed::Blank,
        Cell::Text(s) => parse(s).map_or(Parsed::Unreadable, Parsed::Value),
        _ => Parsed::Unreadable,
    }
}

/// A number cell or number text (ranges read as their midpoint).
pub fn cell_number(cell: &Cell) -> Parsed<f64> {
    match cell {
        Cell::Number(n) if n.is_finite() => Parsed::Value(*n),
        _ => with_text(cell, parse_number_or_range),
    }
}

/// A money cell in `target` units (元 per unit); a bare number is in `default` units.
pub fn cell_money(cell: &Cell, default: f64, target: f64) -> Parsed<f64> {
    match cell {
        Cell::Number(n) if (n * default / target).is_finite() => {
            Parsed::Value(n * default / target)
        }
        _ => with_text(cell, |s| parse_money(s, default, target)),
    }
}

/// A rate cell as a fraction (see [`parse_percent`]).
pub fn cell_percent(cell: &Cell, header_percent: bool) -> Parsed<f64> {
    match cell {
        Cell::Number(n) if n.is_finite() => Parsed::Value(if header_percent || n.abs() > 1.0 {
            n / 100.0
        } else {
            *n
        }),
        _ => with_text(cell, |s| parse_percent(s, header_percent)),
    }
}

/// A date cell: a date cell, an Excel serial number, a year alone (2015), 20260930, or text.
pub fn cell_date(cell: &Cell) -> Parsed<NaiveDate> {
    cell_date_as(cell, YearLast::DayFirst)
}

/// [`cell_date`], a text date with the year last read in the given order.
pub fn cell_date_as(cell: &Cell, order: YearLast) -> Parsed<NaiveDate> {
    match cell {
        Cell::DateTime(d) if plausible_year(d.date().year()) => Parsed::Value(d.date()),
        Cell::Number(n) if n.is_finite() => {
            let v = *n;
            let as_int = v as i64;
            let d = if v.fract() == 0.0 && (1900..=2200).contains(&as_int) {
                NaiveDate::from_ymd_opt(as_int as i32, 1, 1)
            } else if v.fract() == 0.0 && (19_000_101..=22_001_231).contains(&as_int) {
                parse_date(&as_int.to_string())
            } else {
                excel_serial_date(v)
            };
            d.filter(|d| plausible_year(d.year()))
                .map_or(Parsed::Unreadable, Parsed::Value)
        }
        _ => with_text(cell, |t| parse_date_as(t, order)),
    }
}

/// The unit a header gives in brackets or after a slash: "营业收入（万元）", "续费率(%)",
/// "时长/小时".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeaderUnit {
    /// Money, in 元 per unit.
    Money(f64),
    /// Percent.
    Percent,
    /// Days.
    Days,
    /// Months (30 days each where days are wanted).
    Months,
    /// Years (365 days each where days are wanted).
    Years,
    /// Hours.
    Hours,
    /// Minutes.
    Minutes,
}

/// Reads a unit word (元/千元/万元/亿元, %, 天/月/年, 小时/分钟).
pub fn header_unit(unit: &str) -> Option<HeaderUnit> {
    let u = trim(unit).to_lowercase();
    if let Some(m) = money_unit(&u) {
        return Some(HeaderUnit::Money(m));
    }
    Some(match u.as_str() {
        "%" | "百分比" | "percent" => HeaderUnit::Percent,
        "天" | "日" | "days" | "day" | "d" => HeaderUnit::Days,
        "月" | "个月" | "months" | "month" => HeaderUnit::Months,
        "年" | "years" | "year" => HeaderUnit::Years,
        "小时" | "时" | "h" | "hours" | "hour" | "hrs" => HeaderUnit::Hours,
        "分钟" | "分" | "min" | "mins" | "minutes" => HeaderUnit::Minutes,
        _ => return None,
    })
}

/// The year of a date, for amounts per calendar year.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}

/// `value` with `decimals` decimals and a comma every three digits: 1234567.8 → "1,234,567.8";
/// "—" for a value that is not finite. The one formatter the report, the figures and the sample
/// ledgers share.
pub fn thousands(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn placeholders_and_codes_without_allocating() {
        for text in [
            "",
            " ",
            "\u{3000}-\u{3000}",
            "—",
            "N/A",
            " n/a ",
            "NULL",
            "None",
            "NaN",
        ] {
            assert!(is_placeholder(text), "{text:?}");
        }
        for text in ["无", " 暂无", "不详", "未知", "待补充", "#N/A"] {
            assert!(is_placeholder(text), "{text:?}");
        }
        for text in ["nul", "nulls", "无锡", "待补充资料", "A001", "n/a/b"] {
            assert!(!is_placeholder(text), "{text:?}");
        }
        let cells = [
            Cell::Empty,
            Cell::Text(" ".into()),
            Cell::Text("N/A".into()),
            Cell::Text("００１２".into()),
            Cell::Text(" A001 ".into()),
            Cell::Number(1001.0),
            Cell::Number(f64::NAN),
            Cell::Bool(true),
            Cell::Error("#REF!".into()),
        ];
        for cell in &cells {
            assert_eq!(has_code_text(cell), code_text(cell).is_some(), "{cell:?}");
        }
    }

    #[test]
    fn numbers() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1234", Some(1234.0)),
            ("1,234.50", Some(1234.5)),
            ("¥1,234", Some(1234.0)),
            ("￥ 2 000", Some(2000.0)),
            ("３５０", Some(350.0)),
            ("100元", Some(100.0)),
            ("(1,000)", Some(-1000.0)),
            ("（200）", Some(-200.0)),
            ("-¥50", Some(-50.0)),
            ("-3.5", Some(-3.5)),
            ("1.2E+05", Some(120000.0)),
            (" 12 ", Some(12.0)),
            ("abc", None),
            ("", None),
            ("-", None),
            ("12a", None),
            ("inf", None),
            ("NaN", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), *want, "parse_number({text:?})");
        }
    }

    #[test]
    fn money_with_units_and_ranges() {
        let cases: &[(&str, f64, f64, Option<f64>)] = &[
            ("5万", 1.0, 1.0, Some(50_000.0)),
            ("5万元", 1.0, 1.0, Some(50_000.0)),
            ("1.2亿", 1e4, 1e4, Some(12_000.0)),
            ("3千元", 1.0, 1.0, Some(3_000.0)),
            ("5-10万", 1.0, 1.0, Some(75_000.0)),
            ("20~30万元", 1.0, 1.0, Some(250_000.0)),
            ("20～30万", 1.0, 1.0, Some(250_000.0)),
            ("5万-1亿", 1.0, 1e4, Some(5_002.5)),
            ("500", 1e4, 1e4, Some(500.0)),
            ("500", 1e4, 1.0, Some(5_000_000.0)),
            ("¥1,000", 1.0, 1.0, Some(1000.0)),
            ("-500", 1.0, 1.0, Some(-500.0)),
            ("10-20", 1e4, 1.0, Some(150_000.0)),
            ("很多", 1.0, 1.0, None),
            ("1e308亿", 1.0, 1.0, None),
            ("5万到", 1.0, 1.0, None),
        ];
        for (text, default, target, want) in cases {
            assert_eq!(
                parse_money(text, *default, *target),
                *want,
                "parse_money({text:?}, {default}, {target})"
            );
        }
    }

    #[test]
    fn percents() {
        let cases: &[(&str, bool, Option<f64>)] = &[
            ("35%", false, Some(0.35)),
            ("35％", false, Some(0.35)),
            ("0.35", false, Some(0.35)),
            ("35", false, Some(0.35)),
            ("35", true, Some(0.35)),
            ("0.5", true, Some(0.005)),
            ("100%", false, Some(1.0)),
            ("x%", false, None),
        ];
        for (text, pct, want) in cases {
            assert_eq!(
                parse_percent(text, *pct),
                *want,
                "parse_percent({text:?}, {pct})"
            );
        }
    }

    #[test]
    fn dates() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2026年9月30日", d(2026, 9, 30)),
            ("2026 年 9 月 30 日", d(2026, 9, 30)),
            ("２０２６年９月３０日", d(2026, 9, 30)),
            ("2026年9月", d(2026, 9, 1)),
            ("2015年", d(2015, 1, 1)),
            ("2015", d(2015, 1, 1)),
            ("2026-09-30", d(2026, 9, 30)),
            ("2026/9/30", d(2026, 9, 30)),
            ("2026.9.30", d(2026, 9, 30)),
            ("20260930", d(2026, 9, 30)),
            ("2026-09-30 10:15:00", d(2026, 9, 30)),
            ("2026-09-30T10:15:00", d(2026, 9, 30)),
            ("30/9/2026", d(2026, 9, 30)),
            ("2026-09", d(2026, 9, 1)),
            ("46295", d(2026, 9, 30)),
            ("2026-02-30", None),
            ("2026年13月1日", None),
            ("1800-01-01", None),
            ("明天", None),
            ("", None),
            ("12345678", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), *want, "parse_date({text:?})");
        }
    }

    #[test]
    fn dates_with_the_year_last_show_their_order_or_take_the_one_given() {
        let cases: &[(&str, Option<YearLast>)] = &[
            ("30/9/2026", Some(YearLast::DayFirst)),
            ("9/30/2026", Some(YearLast::MonthFirst)),
            ("3/4/2026", Some(YearLast::Either)),
            ("12-12-2026", Some(YearLast::Either)),
            ("３０.９.２０２６ 10:00", Some(YearLast::DayFirst)),
            ("13/13/2026", None),
            ("2026/9/30", None),
            ("2026年9月30日", None),
            ("3/4/26", None),
            ("明天", None),
        ];
        for (text, want) in cases {
            assert_eq!(year_last(text), *want, "year_last({text:?})");
        }
        assert_eq!(
            parse_date_as("3/4/2026", YearLast::MonthFirst),
            d(2026, 3, 4)
        );
        assert_eq!(parse_date_as("3/4/2026", YearLast::DayFirst), d(2026, 4, 3));
        assert_eq!(parse_date_as("3/4/2026", YearLast::Either), d(2026, 4, 3));
        assert_eq!(
            parse_date_as("9/30/2026", YearLast::MonthFirst),
            d(2026, 9, 30)
        );
        assert_eq!(parse_date_as("9/30/2026", YearLast::DayFirst), None);
        // Other forms ignore the order.
        assert_eq!(
            parse_date_as("2026/3/4", YearLast::MonthFirst),
            d(2026, 3, 4)
        );
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial_date(1.0), d(1900, 1, 1));
        assert_eq!(excel_serial_date(59.0), d(1900, 2, 28));
        assert_eq!(excel_serial_date(61.0), d(1900, 3, 1));
        assert_eq!(excel_serial_date(46295.0), d(2026, 9, 30));
        assert_eq!(excel_serial_date(0.0), None);
        assert_eq!(excel_serial_date(-5.0), None);
        assert_eq!(excel_serial_date(f64::NAN), None);
        assert_eq!(excel_serial_date(1e12), None);
    }

    #[test]
    fn date_cells() {
        let cases: &[(Cell, Parsed<NaiveDate>)] = &[
            (
                Cell::Number(46295.0),
                Parsed::Value(d(2026, 9, 30).unwrap()),
            ),
            (Cell::Number(2015.0), Parsed::Value(d(2015, 1, 1).unwrap())),
            (
                Cell::Number(20260930.0),
                Parsed::Value(d(2026, 9, 30).unwrap()),
            ),
            (
                Cell::Text("2026/9/30".into()),
                Parsed::Value(d(2026, 9, 30).unwrap()),
            ),
            (Cell::Text("—".into()), Parsed::Blank),
            (Cell::Empty, Parsed::Blank),
            (Cell::Text("不知道".into()), Parsed::Unreadable),
            (Cell::Bool(true), Parsed::Unreadable),
            (
                Cell::DateTime(d(9999, 1, 1).unwrap().and_time(chrono::NaiveTime::MIN)),
                Parsed::Unreadable,
            ),
            (Cell::Number(-4294965396.0), Parsed::Unreadable),
        ];
        for (cell, want) in cases {
            assert_eq!(cell_date(cell), *want, "cell_date({cell:?})");
        }
    }

    #[test]
    fn satisfaction_as_written() {
        assert_eq!(satisfaction_fixed("★★★★"), Some(80.0));
        assert_eq!(satisfaction_fixed("★★★☆☆"), Some(60.0));
        assert_eq!(satisfaction_fixed("85%"), Some(85.0));
        assert_eq!(satisfaction_fixed("满意"), Some(80.0));
        assert_eq!(satisfaction_fixed("4"), None);
        assert_eq!(satisfaction_points("4分"), Some(4.0));
        assert_eq!(satisfaction_points("4.5 分"), Some(4.5));
        assert_eq!(satisfaction_points("4"), None);
        assert!(is_placeholder_word("待补充"));
        assert!(is_placeholder_word("不详"));
        assert!(!is_placeholder_word(" "));
    }

    #[test]
    fn satisfaction_words() {
        let cases: &[(&str, Option<f64>)] = &[
            ("非常满意", Some(5.0)),
            ("满意", Some(4.0)),
            ("一般", Some(3.0)),
            ("不满意", Some(2.0)),
            ("非常不满意", Some(1.0)),
            (" 满 意 ", Some(4.0)),
            ("还行吧", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                satisfaction_word(text),
                *want,
                "satisfaction_word({text:?})"
            );
        }
    }

    #[test]
    fn placeholders_and_codes() {
        for p in [
            "", " ", "-", "—", "--", "无", "N/A", "n/a", "null", "\u{3000}",
        ] {
            assert!(is_placeholder(p), "{p:?} is a placeholder");
        }
        for p in ["0", "无锡", "A-1"] {
            assert!(!is_placeholder(p), "{p:?} is not a placeholder");
        }
        let cases: &[(Cell, Option<&str>)] = &[
            (Cell::Number(1001.0), Some("1001")),
            (Cell::Number(123.0), Some("123")),
            (Cell::Text("000123".into()), Some("000123")),
            (Cell::Text(" C-001 ".into()), Some("C-001")),
            (Cell::Text("００１".into()), Some("001")),
            (Cell::Text("-".into()), None),
            (Cell::Empty, None),
        ];
        for (cell, want) in cases {
            assert_eq!(code_text(cell).as_deref(), *want, "code_text({cell:?})");
        }
    }

    #[test]
    fn payment_models_lists_complaints() {
        let cases: &[(&str, Option<PaymentModel>)] = &[
            ("订阅", Some(PaymentModel::Subscription)),
            ("SaaS年费", Some(PaymentModel::Subscription)),
            ("按年付费", Some(PaymentModel::Subscription)),
            ("一次性购买", Some(PaymentModel::OneTime)),
            ("买断", Some(PaymentModel::OneTime)),
            ("永久授权", Some(PaymentModel::OneTime)),
            ("定制开发", Some(PaymentModel::Custom)),
            ("项目制", Some(PaymentModel::Custom)),
            ("其他", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_payment_model(text),
                *want,
                "parse_payment_model({text:?})"
            );
        }
        assert_eq!(
            split_list("总账、报表，供应链; 税务/薪资 CRM"),
            vec!["总账", "报表", "供应链", "税务", "薪资", "CRM"]
        );
        assert_eq!(split_list("无"), Vec::<String>::new());
        let complaints: &[(&str, Option<f64>)] = &[
            ("是", Some(1.0)),
            ("否", Some(0.0)),
            ("2", Some(2.0)),
            ("?", None),
        ];
        for (text, want) in complaints {
            assert_eq!(parse_complaint(text), *want, "parse_complaint({text:?})");
        }
    }

    #[test]
    fn header_units() {
        let cases: &[(&str, Option<HeaderUnit>)] = &[
            ("元", Some(HeaderUnit::Money(1.0))),
            ("万元", Some(HeaderUnit::Money(1e4))),
            ("千元", Some(HeaderUnit::Money(1e3))),
            ("亿元", Some(HeaderUnit::Money(1e8))),
            ("%", Some(HeaderUnit::Percent)),
            ("天", Some(HeaderUnit::Days)),
            ("月", Some(HeaderUnit::Months)),
            ("年", Some(HeaderUnit::Years)),
            ("个", None),
        ];
        for (text, want) in cases {
            assert_eq!(header_unit(text), *want, "header_unit({text:?})");
        }
    }

    #[test]
    fn thousands_separators_and_decimals() {
        let cases = [
            (0.0, 0, "0"),
            (999.0, 0, "999"),
            (1000.0, 0, "1,000"),
            (1234567.89, 1, "1,234,567.9"),
            (-1234.5, 1, "-1,234.5"),
            (-0.01, 1, "0.0"),
            (12.0, 2, "12.00"),
            (f64::NAN, 1, "—"),
        ];
        for (value, decimals, expected) in cases {
            assert_eq!(
                thousands(value, decimals),
                expected,
                "thousands({value}, {decimals})"
            );
        }
    }
}
