//! Numbers written the way Chinese finance staff read them: money in 万元 or 亿元 with thousands
//! separators, percentages with one decimal, calendar quarters (2026年第三季度 / 2026Q3).

use chrono::{Datelike, NaiveDate};

use crate::model::Lang;
use crate::values::thousands;

/// The unit money is shown in, chosen once per table or chart from its largest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyUnit {
    /// 元
    Yuan,
    /// 万元 (10 000 元), the default.
    Wan,
    /// 亿元 (100 000 000 元), for very large sums.
    Yi,
}

impl MoneyUnit {
    /// 亿元 when the largest value reaches 10 亿元 (so figures stay under five digits),
    /// else 万元.
    pub fn for_max(max_yuan: f64) -> MoneyUnit {
        if max_yuan.abs() >= 1e9 {
            MoneyUnit::Yi
        } else {
            MoneyUnit::Wan
        }
    }

    /// Divisor from 元.
    pub fn divisor(self) -> f64 {
        match self {
            MoneyUnit::Yuan => 1.0,
            MoneyUnit::Wan => 1e4,
            MoneyUnit::Yi => 1e8,
        }
    }

    /// The unit's name ("万元" / "CNY 10k").
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            MoneyUnit::Yuan => lang.pick("元", "CNY"),
            MoneyUnit::Wan => lang.pick("万元", "CNY 10k"),
            MoneyUnit::Yi => lang.pick("亿元", "CNY 100m"),
        }
    }

    /// The caption stating the unit ("单位：万元").
    pub fn caption(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("单位：{}", self.name(lang)),
            Lang::En => format!("Unit: {}", self.name(lang)),
        }
    }

    /// `yuan` in this unit with thousands separators (万元: one decimal, 亿元: two).
    pub fn format(self, yuan: f64) -> String {
        let decimals = match self {
            MoneyUnit::Yuan => 0,
            MoneyUnit::Wan => 1,
            MoneyUnit::Yi => 2,
        };
        thousands(yuan / self.divisor(), decimals)
    }
}

/// An amount of money in a sentence: "3,577.2 万元" / "1.25 亿元"; "CNY 35.8m" / "CNY 1.25bn".
pub fn money(yuan: f64, lang: Lang) -> String {
    let a = yuan.abs();
    match lang {
        Lang::Zh if a >= 1e8 => format!("{} 亿元", thousands(yuan / 1e8, 2)),
        Lang::Zh => format!("{} 万元", thousands(yuan / 1e4, 1)),
        Lang::En if a >= 1e9 => format!("CNY {}bn", thousands(yuan / 1e9, 2)),
        Lang::En if a >= 1e6 => format!("CNY {}m", thousands(yuan / 1e6, 1)),
        Lang::En => format!("CNY {}k", thousands(yuan / 1e3, 1)),
    }
}

/// A whole count with separators: 12345 → "12,345".
pub fn count(n: usize) -> String {
    thousands(n as f64, 0)
}

/// A fraction as a percentage with one decimal: 0.1234 → "12.3%".
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    format!("{:.1}%", fraction * 100.0)
}

/// A share as a percentage, "—" when there is none (no customers, no sales).
pub fn percent_or_dash(fraction: Option<f64>) -> String {
    fraction.map_or_else(|| "—".to_string(), percent)
}

/// `part / whole` as a fraction, 0 when `whole` is 0.
pub fn share(part: f64, whole: f64) -> f64 {
    if whole.abs() < f64::EPSILON {
        0.0
    } else {
        part / whole
    }
}

/// The calendar quarter of a date: "2026年第三季度" / "2026Q3".
pub fn quarter(date: NaiveDate, lang: Lang) -> String {
    let q = (date.month0() / 3) as usize;
    match lang {
        Lang::Zh => format!("{}年第{}季度", date.year(), ["一", "二", "三", "四"][q]),
        Lang::En => format!("{}Q{}", date.year(), q + 1),
    }
}

/// A date the way the reader writes it: "2026年9月30日" / "2026-09-30".
pub fn date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// A score with one decimal.
pub fn score(value: f64) -> String {
    format!("{value:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_units_are_chosen_by_size() {
        let cases = [
            (35_000.0, MoneyUnit::Wan, "3.5"),
            (123_456_789.0, MoneyUnit::Wan, "12,345.7"),
            (2_500_000_000.0, MoneyUnit::Yi, "25.00"),
        ];
        for (yuan, unit, text) in cases {
            assert_eq!(MoneyUnit::for_max(yuan), unit, "unit for {yuan}");
            assert_eq!(unit.format(yuan), text, "format {yuan}");
        }
        assert_eq!(MoneyUnit::Wan.caption(Lang::Zh), "单位：万元");
        assert_eq!(MoneyUnit::Yi.caption(Lang::Zh), "单位：亿元");
        assert_eq!(MoneyUnit::Wan.caption(Lang::En), "Unit: CNY 10k");
    }

    #[test]
    fn money_in_sentences() {
        let cases = [
            (35_772_000.0, Lang::Zh, "3,577.2 万元"),
            (125_000_000.0, Lang::Zh, "1.25 亿元"),
            (60_000.0, Lang::Zh, "6.0 万元"),
            (35_772_000.0, Lang::En, "CNY 35.8m"),
            (1_250_000_000.0, Lang::En, "CNY 1.25bn"),
            (60_000.0, Lang::En, "CNY 60.0k"),
        ];
        for (yuan, lang, expected) in cases {
            assert_eq!(money(yuan, lang), expected, "money({yuan}, {lang:?})");
        }
    }

    #[test]
    fn percentages_and_quarters() {
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(percent(share(1.0, 0.0)), "0.0%");
        let cases = [
            ((2026, 9, 30), "2026年第三季度", "2026Q3"),
            ((2026, 1, 1), "2026年第一季度", "2026Q1"),
            ((2025, 12, 31), "2025年第四季度", "2025Q4"),
            ((2026, 4, 1), "2026年第二季度", "2026Q2"),
        ];
        for ((y, m, d), zh, en) in cases {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert_eq!(quarter(day, Lang::Zh), zh);
            assert_eq!(quarter(day, Lang::En), en);
        }
        let day = NaiveDate::from_ymd_opt(2026, 9, 3).expect("date");
        assert_eq!(date(day, Lang::Zh), "2026年9月3日");
        assert_eq!(date(day, Lang::En), "2026-09-03");
    }
}
