//! Stage 4 (classify), 企业规模: the whole table of 《统计上大中小微型企业划分办法(2017)》 as data,
//! and its rule — 大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足一项.
//! A customer is the highest class whose every listed lower bound it meets; with one of two
//! indicators missing the class comes from the one present (and the basis says so); with none, 未知.

use crate::model::{Lang, SizeClass};
use crate::say;

/// One indicator of the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    /// X: 从业人员 (人).
    Employees,
    /// Y: 营业收入 (万元).
    Revenue,
    /// Z: 资产总额 (万元).
    Assets,
}

impl Indicator {
    /// The standard's letter.
    pub fn letter(self) -> &'static str {
        match self {
            Indicator::Employees => "X",
            Indicator::Revenue => "Y",
            Indicator::Assets => "Z",
        }
    }

    /// The indicator's name in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Indicator::Employees => lang.pick("从业人员", "employees"),
            Indicator::Revenue => lang.pick("营业收入", "revenue"),
            Indicator::Assets => lang.pick("资产总额", "total assets"),
        }
    }

    /// The indicator's unit in the given language.
    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            Indicator::Employees => lang.pick("人", " persons"),
            Indicator::Revenue | Indicator::Assets => lang.pick("万元", " (10k CNY)"),
        }
    }
}

/// One industry row of the standard: its indicators with the lower bounds of 大型, 中型, 小型.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StdIndustry {
    /// The standard's industry name, e.g. "工业".
    pub name: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// (indicator, [大型, 中型, 小型] lower bounds); below the 小型 bound is 微型.
    pub bounds: &'static [(Indicator, [f64; 3])],
}

use Indicator::{Assets as Z, Employees as X, Revenue as Y};

/// The name of the catch-all row, used for unmapped industries.
pub const OTHER: &str = "其他未列明行业";

/// The 16 industry rows of the standard, in its order.
pub const TABLE: &[StdIndustry] = &[
    StdIndustry {
        name: "农、林、牧、渔业",
        name_en: "Agriculture, forestry, animal husbandry, fishery",
        bounds: &[(Y, [20000.0, 500.0, 50.0])],
    },
    StdIndustry {
        name: "工业",
        name_en: "Industry",
        bounds: &[(X, [1000.0, 300.0, 20.0]), (Y, [40000.0, 2000.0, 300.0])],
    },
    StdIndustry {
        name: "建筑业",
        name_en: "Construction",
        bounds: &[(Y, [80000.0, 6000.0, 300.0]), (Z, [80000.0, 5000.0, 300.0])],
    },
    StdIndustry {
        name: "批发业",
        name_en: "Wholesale",
        bounds: &[(X, [200.0, 20.0, 5.0]), (Y, [40000.0, 5000.0, 1000.0])],
    },
    StdIndustry {
        name: "零售业",
        name_en: "Retail",
        bounds: &[(X, [300.0, 50.0, 10.0]), (Y, [20000.0, 500.0, 100.0])],
    },
    StdIndustry {
        name: "交通运输业",
        name_en: "Transport",
        bounds: &[(X, [1000.0, 300.0, 20.0]), (Y, [30000.0, 3000.0, 200.0])],
    },
    StdIndustry {
        name: "仓储业",
        name_en: "Warehousing",
        bounds: &[(X, [200.0, 100.0, 20.0]), (Y, [30000.0, 1000.0, 100.0])],
    },
    StdIndustry {
        name: "邮政业",
        name_en: "Postal services",
        bounds: &[(X, [1000.0, 300.0, 20.0]), (Y, [30000.0, 2000.0, 100.0])],
    },
    StdIndustry {
        name: "住宿业",
        name_en: "Accommodation",
        bounds: &[(X, [300.0, 100.0, 10.0]), (Y, [10000.0, 2000.0, 100.0])],
    },
    StdIndustry {
        name: "餐饮业",
        name_en: "Catering",
        bounds: &[(X, [300.0, 100.0, 10.0]), (Y, [10000.0, 2000.0, 100.0])],
    },
    StdIndustry {
        name: "信息传输业",
        name_en: "Information transmission",
        bounds: &[(X, [2000.0, 100.0, 10.0]), (Y, [100000.0, 1000.0, 100.0])],
    },
    StdIndustry {
        name: "软件和信息技术服务业",
        name_en: "Software and IT services",
        bounds: &[(X, [300.0, 100.0, 10.0]), (Y, [10000.0, 1000.0, 50.0])],
    },
    StdIndustry {
        name: "房地产开发经营",
        name_en: "Real estate development",
        bounds: &[
            (Y, [200000.0, 1000.0, 100.0]),
            (Z, [10000.0, 5000.0, 2000.0]),
        ],
    },
    StdIndustry {
        name: "物业管理",
        name_en: "Property management",
        bounds: &[(X, [1000.0, 300.0, 100.0]), (Y, [5000.0, 1000.0, 500.0])],
    },
    StdIndustry {
        name: "租赁和商务服务业",
        name_en: "Leasing and business services",
        bounds: &[(X, [300.0, 100.0, 10.0]), (Z, [120000.0, 8000.0, 100.0])],
    },
    StdIndustry {
        name: OTHER,
        name_en: "Other industries",
        bounds: &[(X, [300.0, 100.0, 10.0])],
    },
];

/// The standard's row by its name (None for a name not in the table).
pub fn find(name: &str) -> Option<&'static StdIndustry> {
    TABLE.iter().find(|row| row.name == name.trim())
}

/// The indicators of one customer in the standard's units; `None` where the input did not say.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Indicators {
    /// 从业人员 (人).
    pub employees: Option<f64>,
    /// 营业收入 (万元).
    pub revenue: Option<f64>,
    /// 资产总额 (万元).
    pub assets: Option<f64>,
}

impl Indicators {
    /// The figure for one indicator, when it is a usable one (finite, not negative).
    pub fn get(&self, indicator: Indicator) -> Option<f64> {
        let value = match indicator {
            Indicator::Employees => self.employees,
            Indicator::Revenue => self.revenue,
            Indicator::Assets => self.assets,
        };
        // A NaN or negative figure is no figure: it cannot meet or miss a bound honestly.
        value.filter(|v| v.is_finite() && *v >= 0.0)
    }
}

/// The size class alone: the highest class whose every present lower bound is met (below every
/// 小型 bound, 微型); 未知 when no indicator of the row is given.
pub fn class_of(industry: &StdIndustry, values: &Indicators) -> SizeClass {
    let present: Vec<(&[f64; 3], f64)> = industry
        .bounds
        .iter()
        .filter_map(|(ind, bounds)| values.get(*ind).map(|v| (bounds, v)))
        .collect();
    if present.is_empty() {
        return SizeClass::Unknown;
    }
    let classes = [SizeClass::Large, SizeClass::Medium, SizeClass::Small];
    (0..3)
        .find(|&c| present.iter().all(|(bounds, v)| *v >= bounds[c]))
        .map(|c| classes[c])
        .unwrap_or(SizeClass::Micro)
}

/// The size class and a one-line basis, e.g. "工业：X=350人，Y=2500万元 → 中型".
pub fn classify(industry: &StdIndustry, values: &Indicators, lang: Lang) -> (SizeClass, String) {
    let industry_name = lang.pick(industry.name, industry.name_en);
    let present: Vec<(Indicator, [f64; 3], f64)> = industry
        .bounds
        .iter()
        .filter_map(|&(ind, bounds)| values.get(ind).map(|v| (ind, bounds, v)))
        .collect();
    let missing: Vec<Indicator> = industry
        .bounds
        .iter()
        .filter(|(ind, _)| values.get(*ind).is_none())
        .map(|(ind, _)| *ind)
        .collect();
    if present.is_empty() {
        let names: Vec<&str> = missing.iter().map(|i| i.label(lang)).collect();
        let basis = say!(
            lang,
            "{}：缺少{}，无法判定规模",
            "{}: no {}, size unknown",
            industry_name,
            names.join(lang.pick("和", " or "))
        );
        return (SizeClass::Unknown, basis);
    }
    let class = class_of(industry, values);
    let figures: Vec<String> = present
        .iter()
        .map(|(ind, _, v)| format!("{}={}{}", ind.letter(), number(*v), ind.unit(lang)))
        .collect();
    let mut basis = format!(
        "{}{}{} → {}",
        industry_name,
        lang.pick("：", ": "),
        figures.join(lang.pick("，", ", ")),
        class.label(lang)
    );
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|i| i.label(lang)).collect();
        let present_names: Vec<&str> = present.iter().map(|(i, _, _)| i.label(lang)).collect();
        basis.push_str(&say!(
            lang,
            "（缺少{}，仅按{}判定）",
            " (no {}; judged by {} alone)",
            names.join("、"),
            present_names.join("、")
        ));
    }
    (class, basis)
}

/// A figure without a needless ".0".
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{:.2}", v)
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(employees: Option<f64>, revenue: Option<f64>, assets: Option<f64>) -> Indicators {
        Indicators {
            employees,
            revenue,
            assets,
        }
    }

    fn with(indicator: Indicator, v: f64) -> Indicators {
        let mut i = Indicators::default();
        match indicator {
            Indicator::Employees => i.employees = Some(v),
            Indicator::Revenue => i.revenue = Some(v),
            Indicator::Assets => i.assets = Some(v),
        }
        i
    }

    fn set(i: &mut Indicators, indicator: Indicator, v: f64) {
        match indicator {
            Indicator::Employees => i.employees = Some(v),
            Indicator::Revenue => i.revenue = Some(v),
            Indicator::Assets => i.assets = Some(v),
        }
    }

    #[test]
    fn table_has_the_sixteen_rows_of_the_standard() {
        assert_eq!(TABLE.len(), 16);
        for row in TABLE {
            for (_, b) in row.bounds {
                assert!(b[0] > b[1] && b[1] > b[2] && b[2] > 0.0, "{}", row.name);
            }
        }
        assert!(find("工业").is_some());
        assert!(find("制造业").is_none());
    }

    /// Every bound of every row: at the bound the class is met, just below it the next one down,
    /// with every other indicator of the row set high enough not to matter.
    #[test]
    fn every_bound_of_every_row_at_and_just_below() {
        let classes = [SizeClass::Large, SizeClass::Medium, SizeClass::Small];
        let below = [SizeClass::Medium, SizeClass::Small, SizeClass::Micro];
        for row in TABLE {
            for (k, &(indicator, bounds)) in row.bounds.iter().enumerate() {
                for c in 0..3 {
                    let mut at = Indicators::default();
                    for (j, &(other, ob)) in row.bounds.iter().enumerate() {
                        if j != k {
                            set(&mut at, other, ob[0] * 10.0);
                        }
                    }
                    let mut under = at;
                    set(&mut at, indicator, bounds[c]);
                    set(&mut under, indicator, bounds[c] - 0.01);
                    let (got, _) = classify(row, &at, Lang::Zh);
                    assert_eq!(
                        got,
                        classes[c],
                        "{} {}={} (at the bound)",
                        row.name,
                        indicator.letter(),
                        bounds[c]
                    );
                    let (got, _) = classify(row, &under, Lang::Zh);
                    assert_eq!(
                        got,
                        below[c],
                        "{} {}={} (just below)",
                        row.name,
                        indicator.letter(),
                        bounds[c] - 0.01
                    );
                }
            }
        }
    }

    /// 须同时满足: meeting one bound of 大型 but not the other gives the lower class.
    #[test]
    fn both_indicators_must_meet_the_bound() {
        let industry = find("工业").unwrap();
        let cases = [
            // (X, Y, expected)
            (1000.0, 40000.0, SizeClass::Large),
            (1000.0, 39999.0, SizeClass::Medium),
            (5000.0, 2500.0, SizeClass::Medium),
            (350.0, 100000.0, SizeClass::Medium),
            (350.0, 1999.0, SizeClass::Small),
            (19.0, 100000.0, SizeClass::Micro),
            (5000.0, 299.0, SizeClass::Micro),
            (0.0, 0.0, SizeClass::Micro),
        ];
        for (x, y, want) in cases {
            let (got, basis) = classify(industry, &ind(Some(x), Some(y), None), Lang::Zh);
            assert_eq!(got, want, "工业 X={x} Y={y}: {basis}");
        }
    }

    #[test]
    fn one_indicator_missing_uses_the_other_and_says_so() {
        let industry = find("工业").unwrap();
        let (got, basis) = classify(industry, &with(Indicator::Employees, 350.0), Lang::Zh);
        assert_eq!(got, SizeClass::Medium);
        assert_eq!(
            basis,
            "工业：X=350人 → 中型（缺少营业收入，仅按从业人员判定）"
        );
        let (got, basis) = classify(industry, &with(Indicator::Revenue, 50000.0), Lang::En);
        assert_eq!(got, SizeClass::Large);
        assert!(
            basis.contains("no employees; judged by revenue alone"),
            "{basis}"
        );
        // 建筑业 uses Y and Z; X is not an indicator there and does not count as present.
        let building = find("建筑业").unwrap();
        let (got, basis) = classify(building, &ind(Some(5000.0), None, None), Lang::Zh);
        assert_eq!(got, SizeClass::Unknown, "{basis}");
        let (got, _) = classify(building, &ind(None, None, Some(6000.0)), Lang::Zh);
        assert_eq!(got, SizeClass::Medium);
    }

    #[test]
    fn both_missing_or_unusable_is_unknown() {
        for values in [
            ind(None, None, None),
            ind(Some(f64::NAN), None, None),
            ind(Some(-5.0), Some(-1.0), None),
        ] {
            let (got, basis) = classify(find("零售业").unwrap(), &values, Lang::Zh);
            assert_eq!(got, SizeClass::Unknown, "{values:?}");
            assert_eq!(basis, "零售业：缺少从业人员和营业收入，无法判定规模");
        }
    }

    #[test]
    fn basis_shows_the_figures_used() {
        let (got, basis) = classify(
            find("软件和信息技术服务业").unwrap(),
            &ind(Some(120.0), Some(2500.5), Some(9.0)),
            Lang::Zh,
        );
        assert_eq!(got, SizeClass::Medium);
        assert_eq!(basis, "软件和信息技术服务业：X=120人，Y=2500.5万元 → 中型");
    }
}
