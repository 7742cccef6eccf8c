//! Stage 4 (classify), 行业: free-text industry ("C3311 金属结构制造", "五金制品制造", "火锅店" …) →
//! the GB/T 4754-2017 class, the 2017 size standard's row (or 不适用) and the report's five groups.
//! In order: a code in the text; the text equal to a class name; a class name inside the text
//! (the most specific level, the longest name); then the profile's keyword table (the longest
//! keyword, ties to the earlier rule). A head word (批发, 零售, 租赁, 施工, 修理, 设计, 中介,
//! 制造 …) decides before the product word: when the text holds one, class names holding it and
//! then keywords holding it come before any other name or keyword ("体育用品零售" is retail
//! though 体育 is a class). A text nothing matches falls to 其他未列明行业 / 其他 and is
//! reported, never guessed.

use std::collections::HashMap;

use crate::classify::gbt4754::{self, Coverage, GbClass};
use crate::model::{IndustryGroup, StdIndustryName};
use crate::profile::IndustryRule;
use crate::size_standard::{self, StdIndustry};

/// Where one industry text landed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndustryMatch {
    /// The standard's row (其他未列明行业 when unmapped or not covered).
    pub standard: &'static StdIndustry,
    /// The report group (其他 when unmapped).
    pub group: IndustryGroup,
    /// Index of the profile's rule that decided it (None: the classification decided, or unmapped).
    pub rule: Option<usize>,
    /// The GB/T 4754-2017 class found in the text (None: a keyword decided, or unmapped).
    pub class: Option<&'static GbClass>,
    /// The size standard does not cover the class: the excluded industry (zh, en); 企业规模 不适用.
    pub not_covered: Option<(&'static str, &'static str)>,
}

impl IndustryMatch {
    /// True when a class or a keyword matched.
    pub fn mapped(&self) -> bool {
        self.rule.is_some() || self.class.is_some()
    }

    /// The GB/T 4754-2017 code found (for 行业代码), e.g. "C3311".
    pub fn code(&self) -> Option<&'static str> {
        self.class.map(|c| c.code)
    }

    /// The 标准行业 shown: the size standard's row, or 不适用 (the excluded industry).
    pub fn label(&self) -> StdIndustryName {
        match self.not_covered {
            Some((zh, en)) => StdIndustryName::NotCovered { zh, en },
            None => StdIndustryName::Row {
                zh: self.standard.name,
                en: self.standard.name_en,
            },
        }
    }

    fn of_class(class: &'static GbClass) -> IndustryMatch {
        let (standard, not_covered) = match gbt4754::coverage(class) {
            Coverage::Row(row) => (row, None),
            Coverage::NotCovered(zh, en) => (other(), Some((zh, en))),
        };
        IndustryMatch {
            standard,
            group: gbt4754::group(class),
            rule: None,
            class: Some(class),
            not_covered,
        }
    }
}

/// The head words of an industry text: where one occurs, it decides before the product word
/// ("服装批发" is wholesale, "汽车修理" a repair service, "工程设计" a design service,
/// "农业机械制造" and "卫生用品制造" are industry though 农业 and 卫生 are classes).
pub const HEAD_WORDS: &[&str] = &[
    "批发", "零售", "租赁", "施工", "修理", "维修", "设计", "中介", "制造", "加工",
];

/// The keyword table, prepared once per run (cloned for each piece of work), with a cache per
/// distinct text.
#[derive(Debug, Clone)]
pub struct IndustryMapper {
    /// (normalised keyword, rule index, whether it holds a head word): keywords holding a head
    /// word first, then the longest, then rule order.
    keywords: Vec<(String, usize, bool)>,
    rules: Vec<(&'static StdIndustry, IndustryGroup)>,
    cache: HashMap<String, IndustryMatch>,
}

/// Lower case, no white space, full-width letters and digits made half-width.
pub fn normalise(text: &str) -> String {
    crate::values::fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn other() -> &'static StdIndustry {
    size_standard::find(size_standard::OTHER).unwrap_or(&size_standard::TABLE[15])
}

fn has_head(keyword: &str) -> bool {
    HEAD_WORDS.iter().any(|h| keyword.contains(h))
}

impl IndustryMapper {
    /// Prepares the profile's table.
    pub fn new(rules: &[IndustryRule]) -> IndustryMapper {
        let mut keywords = Vec::new();
        let mut prepared = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let standard = size_standard::find(&rule.standard).unwrap_or_else(other);
            prepared.push((standard, rule.group));
            for k in &rule.keywords {
                let k = normalise(k);
                if !k.is_empty() {
                    let head = has_head(&k);
                    keywords.push((k, i, head));
                }
            }
        }
        keywords.sort_by(|a, b| {
            (b.2.cmp(&a.2))
                .then(b.0.chars().count().cmp(&a.0.chars().count()))
                .then(a.1.cmp(&b.1))
        });
        IndustryMapper {
            keywords,
            rules: prepared,
            cache: HashMap::new(),
        }
    }

    /// Maps one industry text (None or blank: unmapped without a finding).
    pub fn map(&mut self, text: Option<&str>) -> IndustryMatch {
        let unmapped = IndustryMatch {
            standard: other(),
            group: IndustryGroup::Other,
            rule: None,
            class: None,
            not_covered: None,
        };
        let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return unmapped;
        };
        if let Some(m) = self.cache.get(text) {
            return *m;
        }
        let norm = normalise(text);
        let heads: Vec<&str> = HEAD_WORDS
            .iter()
            .copied()
            .filter(|h| norm.contains(h))
            .collect();
        let has_heads = |name: &str| heads.iter().any(|h| name.contains(h));
        let class = |c: Option<&'static GbClass>| c.map(IndustryMatch::of_class);
        let found = class(gbt4754::code_inside(&norm))
            .or_else(|| class(gbt4754::by_name(&norm)))
            .or_else(|| class(gbt4754::name_inside(&norm, has_heads)))
            .or_else(|| self.by_keyword(&norm, true))
            .or_else(|| class(gbt4754::name_inside(&norm, |_| true)))
            .or_else(|| self.by_keyword(&norm, false))
            .unwrap_or(unmapped);
        self.cache.insert(text.to_string(), found);
        found
    }

    /// The profile's keyword for a normalised text (only those holding a head word when
    /// `heads_only`): a keyword holding a head word first, then the longest, then the earlier rule.
    fn by_keyword(&self, norm: &str, heads_only: bool) -> Option<IndustryMatch> {
        self.keywords
            .iter()
            .filter(|(_, _, head)| !heads_only || *head)
            .find(|(k, _, _)| norm.contains(k.as_str()))
            .map(|(_, i, _)| {
                let (standard, group) = self.rules[*i];
                IndustryMatch {
                    standard,
                    group,
                    rule: Some(*i),
                    class: None,
                    not_covered: None,
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::profile::Profile;

    /// Every industry text named in the issue, through the built-in software profile.
    #[test]
    fn free_text_industries_map_to_standard_and_group() {
        let profile = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
        let mut m = IndustryMapper::new(&profile.industry);
        use IndustryGroup::*;
        let cases = [
            ("汽车零部件制造", "工业", Manufacturing),
            ("五金制品制造", "工业", Manufacturing),
            ("软件开发", "软件和信息技术服务业", Services),
            ("连锁超市", "零售业", Retail),
            ("装饰装修工程", "建筑业", Construction),
            ("物业服务", "物业管理", Services),
            ("货物仓储", "仓储业", Services),
            ("酒店", "住宿业", Services),
            ("餐饮", "餐饮业", Services),
            ("物流运输", "交通运输业", Services),
            ("房地产开发", "房地产开发经营", Other),
            ("批发贸易", "批发业", Other),
            ("农业种植", "农、林、牧、渔业", Other),
            ("  食品 加工 ", "工业", Manufacturing),
            ("ＩＴ服务", "软件和信息技术服务业", Services),
            ("电力供应", "工业", Manufacturing),
            ("快递", "邮政业", Services),
            ("电信运营", "信息传输业", Services),
            ("广告策划", "租赁和商务服务业", Services),
        ];
        for (text, standard, group) in cases {
            let got = m.map(Some(text));
            assert_eq!(got.standard.name, standard, "{text}");
            assert_eq!(got.group, group, "{text}");
            assert!(got.mapped(), "{text}");
        }
    }

    /// A user who writes the standard's own industry name gets that row.
    #[test]
    fn the_standards_own_names_map_to_themselves() {
        let profile = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
        let mut m = IndustryMapper::new(&profile.industry);
        for row in size_standard::TABLE {
            let got = m.map(Some(row.name));
            assert_eq!(got.standard.name, row.name);
            assert!(got.mapped(), "{}", row.name);
        }
        assert_eq!(m.map(Some("其他")).group, IndustryGroup::Other);
    }

    #[test]
    fn unmapped_and_blank_fall_to_other() {
        let profile = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
        let mut m = IndustryMapper::new(&profile.industry);
        for text in [Some("宇宙探索"), Some("  "), None] {
            let got = m.map(text);
            assert_eq!(got.standard.name, "其他未列明行业", "{text:?}");
            assert_eq!(got.group, IndustryGroup::Other, "{text:?}");
            assert!(!got.mapped(), "{text:?}");
        }
    }

    #[test]
    fn longest_keyword_wins_and_users_can_extend() {
        let text = r#"
name = "t"
[weights]
size = 1
value = 1
activity = 1
satisfaction = 1
potential = 1
[[industry]]
keywords = ["开发"]
standard = "软件和信息技术服务业"
group = "服务业"
[[industry]]
keywords = ["房地产开发"]
standard = "房地产开发经营"
group = "其他"
[[industry]]
keywords = ["宇宙"]
standard = "其他未列明行业"
group = "服务业"
"#;
        let profile = Profile::parse(text, "t.toml", Lang::Zh).unwrap();
        let mut m = IndustryMapper::new(&profile.industry);
        assert_eq!(m.map(Some("房地产开发")).standard.name, "房地产开发经营");
        assert_eq!(
            m.map(Some("应用开发")).standard.name,
            "软件和信息技术服务业"
        );
        let got = m.map(Some("宇宙探索"));
        assert!(got.mapped());
        assert_eq!(got.group, IndustryGroup::Services);
    }
}
