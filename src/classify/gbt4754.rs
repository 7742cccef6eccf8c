//! Stage 4 (classify), 行业: the national industry classification GB/T 4754-2017 (as amended in
//! 2019) as data — every 门类, 大类, 中类 and 小类 with its code, parsed once from
//! gbt4754_2017.csv — and each class's row of the 2017 size standard as that standard's notes
//! define it, or the reason the standard does not cover it (企业规模 不适用).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::IndustryGroup;
use crate::size_standard::{self, StdIndustry};

/// The level of a class: 门类, 大类, 中类 or 小类.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 门类: a letter ("C").
    Section,
    /// 大类: letter + 2 digits ("C33").
    Division,
    /// 中类: letter + 3 digits ("C331").
    Group,
    /// 小类: letter + 4 digits ("C3311").
    Class,
}

impl Level {
    fn of(code: &str) -> Option<Level> {
        match code.len() {
            1 => Some(Level::Section),
            3 => Some(Level::Division),
            4 => Some(Level::Group),
            5 => Some(Level::Class),
            _ => None,
        }
    }
}

/// One class of the classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GbClass {
    /// The code with its 门类 letter, e.g. "C3311", "C33", "C".
    pub code: &'static str,
    /// The standard's name, e.g. "金属结构制造".
    pub name: &'static str,
    /// 门类, 大类, 中类 or 小类.
    pub level: Level,
}

impl GbClass {
    /// The code's digits without the 门类 letter ("3311"; empty for a 门类).
    pub fn digits(&self) -> &'static str {
        &self.code[1..]
    }
}

/// Where the 2017 size standard puts a class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Coverage {
    /// The size standard's row.
    Row(&'static StdIndustry),
    /// Not covered by the size standard: the excluded industry's name, zh and en ("金融业").
    NotCovered(&'static str, &'static str),
}

const DATA: &str = include_str!("gbt4754_2017.csv");

/// The whole classification, in the standard's order (each class before the classes in it).
pub static CLASSES: LazyLock<Vec<GbClass>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && *l != "code,name")
        .filter_map(|l| {
            let (code, name) = l.split_once(',')?;
            Some(GbClass {
                code,
                name,
                level: Level::of(code)?,
            })
        })
        .collect()
});

/// Code (with letter, and for 大类 and below also digits alone) → index into CLASSES.
static BY_CODE: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, c) in CLASSES.iter().enumerate() {
        map.insert(c.code, i);
        if c.level != Level::Section {
            map.insert(c.digits(), i);
        }
    }
    map
});

/// The class of a code, with or without its 门类 letter ("C3311", "3311", "c33", "C").
pub fn by_code(code: &str) -> Option<&'static GbClass> {
    let code = code.trim();
    let upper = code.to_ascii_uppercase();
    let i = *BY_CODE.get(upper.as_str())?;
    Some(&CLASSES[i])
}

/// The class whose name is exactly the text (already normalised by the caller).
pub fn by_name(norm: &str) -> Option<&'static GbClass> {
    NAMES
        .iter()
        .find(|(name, _)| name == norm)
        .map(|(_, i)| &CLASSES[*i])
}

/// Everyday words for the classes the size standard leaves out (金融, 教育, 卫生, 公共管理 …),
/// matched like class names: no profile keyword can say 不适用, since a keyword gives a row.
pub const ALIASES: &[(&str, &str)] = &[
    ("银行", "J662"),
    ("信用社", "J662"),
    ("农商行", "J662"),
    ("保险公司", "J68"),
    ("保险代理", "J68"),
    ("证券公司", "J67"),
    ("基金公司", "J67"),
    ("期货公司", "J67"),
    ("信托公司", "J69"),
    ("担保公司", "J69"),
    ("小贷公司", "J6635"),
    ("融资租赁", "J6631"),
    ("学校", "P83"),
    ("幼儿园", "P831"),
    ("小学", "P832"),
    ("中学", "P833"),
    ("大学", "P834"),
    ("培训机构", "P839"),
    ("培训学校", "P839"),
    ("驾校", "P839"),
    ("诊所", "Q842"),
    ("卫生院", "Q842"),
    ("卫生所", "Q842"),
    ("牙科", "Q84"),
    ("体检中心", "Q84"),
    ("医疗机构", "Q84"),
    ("政府", "S922"),
    ("街道办", "S922"),
    ("居委会", "S961"),
    ("村委会", "S962"),
    ("协会", "S952"),
    ("商会", "S952"),
    ("铁路局", "G53"),
    ("房屋出租", "K704"),
];

/// (normalised name, index): 小类 first, then 中类, 大类, 门类; longer names first within a level;
/// the standard's order last. Equal names of two levels (a 中类 with one 小类) give the finer one.
/// The ALIASES count as names of their class.
static NAMES: LazyLock<Vec<(String, usize)>> = LazyLock::new(|| {
    let mut names: Vec<(String, usize)> = CLASSES
        .iter()
        .enumerate()
        .map(|(i, c)| (super::industry::normalise(c.name), i))
        .chain(ALIASES.iter().filter_map(|(word, code)| {
            let i = *BY_CODE.get(code)?;
            Some((super::industry::normalise(word), i))
        }))
        .collect();
    names.sort_by(|a, b| {
        CLASSES[b.1]
            .level
            .cmp(&CLASSES[a.1].level)
            .then(b.0.chars().count().cmp(&a.0.chars().count()))
            .then(a.1.cmp(&b.1))
    });
    names
});

/// The class whose name occurs inside the text and passes `keep`: the most specific level, then
/// the longest name.
pub fn name_inside(norm: &str, keep: impl Fn(&str) -> bool) -> Option<&'static GbClass> {
    NAMES
        .iter()
        .find(|(name, _)| norm.contains(name.as_str()) && keep(name))
        .map(|(_, i)| &CLASSES[*i])
}

/// A code written anywhere in the text: a 门类 letter followed by 2–4 digits, or 2–4 digits alone
/// (not part of a longer number), that names a class; a letter must be the class's own. A 门类
/// letter alone, or followed by that 门类's name ("F 批发和零售业"), also counts.
pub fn code_inside(text: &str) -> Option<&'static GbClass> {
    let chars: Vec<char> = text.trim().chars().collect();
    if let Some(c) = chars.first().filter(|c| c.is_ascii_alphabetic()) {
        let rest: String = chars[1..].iter().filter(|c| !c.is_whitespace()).collect();
        if let Some(section) = by_code(&c.to_string()) {
            if rest.is_empty() || rest.starts_with(section.name) {
                return Some(section);
            }
        }
    }
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !chars[j].is_ascii_digit())
            .unwrap_or(chars.len());
        let digits: String = chars[i..end].iter().collect();
        let letter = i
            .checked_sub(1)
            .map(|p| chars[p])
            .filter(|c| c.is_ascii_alphabetic());
        // A letter glued to a longer word ("ABC123") is not a 门类 letter.
        let word_letter = letter.filter(|_| i < 2 || !chars[i - 2].is_ascii_alphanumeric());
        if (2..=4).contains(&digits.len()) {
            if let Some(class) = by_code(&digits) {
                let fits = match word_letter {
                    Some(l) => class.code.starts_with(l.to_ascii_uppercase()),
                    None => letter.is_none(),
                };
                if fits {
                    return Some(class);
                }
            }
        }
        i = end;
    }
    None
}

/// The size standard's row of a class, or the industry the standard leaves out.
///
/// Per the notes of 《统计上大中小微型企业划分办法(2017)》: 工业 = B, C, D; 交通运输业 = G54–G58
/// and 装卸搬运 G591 (铁路 G53 is not covered); 仓储业 = G592–G599 (and the 大类 G59 as a whole);
/// 邮政业 = G60; 住宿业 = H61; 餐饮业 = H62; 信息传输业 = I63, I64; 软件和信息技术服务业 = I65;
/// 房地产开发经营 = K701; 物业管理 = K702; 租赁和商务服务业 = L; 批发业 = F51; 零售业 = F52;
/// 农、林、牧、渔业 = A; 建筑业 = E; 其他未列明行业 = M, N, O, R, 社会工作 Q85, 房地产中介 K703 and
/// 其他房地产业 K709. Not covered: 金融 J, 教育 P, 卫生 Q84, 公共管理 S, 国际组织 T, 铁路 G53,
/// 自有房地产经营 (K704 房地产租赁经营 in the 2017 classification). A 门类 spanning several rows
/// takes the row of its first covered 大类 (F → 批发业, G → 交通运输业, H → 住宿业, I → 信息传输业,
/// K → 房地产开发经营, Q → 其他未列明行业).
pub fn coverage(class: &GbClass) -> Coverage {
    let row =
        |name: &str| Coverage::Row(size_standard::find(name).unwrap_or(&size_standard::TABLE[15]));
    let section = &class.code[..1];
    let division: u32 = class
        .code
        .get(1..3)
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    let group = class.code.get(1..4).unwrap_or("");
    match section {
        "A" => row("农、林、牧、渔业"),
        "B" | "C" | "D" => row("工业"),
        "E" => row("建筑业"),
        "F" if division == 52 => row("零售业"),
        "F" => row("批发业"),
        "G" => match division {
            53 => Coverage::NotCovered("铁路运输业", "Railway transport"),
            59 if group == "591" => row("交通运输业"),
            59 => row("仓储业"),
            60 => row("邮政业"),
            _ => row("交通运输业"),
        },
        "H" if division == 62 => row("餐饮业"),
        "H" => row("住宿业"),
        "I" if division == 65 => row("软件和信息技术服务业"),
        "I" => row("信息传输业"),
        "J" => Coverage::NotCovered("金融业", "Finance"),
        "K" => match group {
            "702" => row("物业管理"),
            "703" | "709" => row(size_standard::OTHER),
            "704" => Coverage::NotCovered("自有房地产经营活动", "Own real estate operation"),
            _ => row("房地产开发经营"),
        },
        "L" => row("租赁和商务服务业"),
        "P" => Coverage::NotCovered("教育", "Education"),
        "Q" if division == 84 => Coverage::NotCovered("卫生", "Health"),
        "S" => Coverage::NotCovered("公共管理、社会保障和社会组织", "Public administration"),
        "T" => Coverage::NotCovered("国际组织", "International organisations"),
        _ => row(size_standard::OTHER),
    }
}

/// The report group of a class: 工业 → 制造业, 建筑业 → 建筑业, 零售业 → 零售业, 批发业,
/// 房地产开发经营 and 农林牧渔 → 其他, the other rows → 服务业; of the classes the size standard
/// leaves out, 公共管理 and 国际组织 → 其他, the rest (金融, 教育, 卫生, 铁路, 房地产租赁) → 服务业.
pub fn group(class: &GbClass) -> IndustryGroup {
    match coverage(class) {
        Coverage::Row(row) => group_of_row(row),
        Coverage::NotCovered(..) if matches!(&class.code[..1], "S" | "T") => IndustryGroup::Other,
        Coverage::NotCovered(..) => IndustryGroup::Services,
    }
}

/// The report group of a size-standard row.
pub fn group_of_row(row: &StdIndustry) -> IndustryGroup {
    match row.name {
        "工业" => IndustryGroup::Manufacturing,
        "建筑业" => IndustryGroup::Construction,
        "零售业" => IndustryGroup::Retail,
        "批发业" | "房地产开发经营" | "农、林、牧、渔业" => IndustryGroup::Other,
        _ => IndustryGroup::Services,
    }
}
