//! Profile values checked while the TOML is read (toml attaches the value's span to the error),
//! and toml's errors as a sentence in the run's language.

use serde::{Deserialize, Deserializer};

use crate::model::{IndustryGroup, Lang, Level, Lifecycle, Settlement, SizeClass, Tier};
use crate::{say, size_standard};

// ───────────── validation during deserialisation (toml attaches the value's span) ─────────────

/// A problem found in a value; `parse` turns it into a sentence in the run's language.
pub(super) const TAG: &str = "custseg:";

pub(super) fn tagged<E: serde::de::Error>(code: &str, detail: impl std::fmt::Display) -> E {
    E::custom(format!("{TAG}{code}:{detail}"))
}

pub(super) fn non_negative<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !v.is_finite() || v < 0.0 {
        return Err(tagged("negative", v));
    }
    Ok(v)
}

pub(super) fn share<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(tagged("share", v));
    }
    Ok(v)
}

pub(super) fn score<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if !(0.0..=100.0).contains(&v) {
        return Err(tagged("score", v));
    }
    Ok(v)
}

pub(super) fn std_industry<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<String, D::Error> {
    let v = String::deserialize(d)?;
    match size_standard::find(&v) {
        Some(row) => Ok(row.name.to_string()),
        None => Err(tagged("standard", v)),
    }
}

/// A value written as one of its labels (zh or en).
pub trait FromLabel: Sized + Copy + 'static {
    /// Every value.
    fn all() -> &'static [Self];
    /// The value's label.
    fn label_in(self, lang: Lang) -> &'static str;
    /// Reads a label in either language.
    fn from_label(text: &str) -> Option<Self> {
        let t = text.trim();
        Self::all()
            .iter()
            .copied()
            .find(|v| v.label_in(Lang::Zh) == t || v.label_in(Lang::En).eq_ignore_ascii_case(t))
    }
    /// The zh labels, for messages.
    fn choices() -> String {
        let all: Vec<&str> = Self::all().iter().map(|v| v.label_in(Lang::Zh)).collect();
        all.join("/")
    }
}

macro_rules! from_label {
    ($t:ty, $all:expr) => {
        impl FromLabel for $t {
            fn all() -> &'static [Self] {
                &$all
            }
            fn label_in(self, lang: Lang) -> &'static str {
                self.label(lang)
            }
        }
    };
}
from_label!(SizeClass, SizeClass::ALL);
from_label!(IndustryGroup, IndustryGroup::ALL);
from_label!(Tier, Tier::ALL);
from_label!(Level, [Level::High, Level::Medium, Level::Low]);
from_label!(Lifecycle, Lifecycle::ALL);
from_label!(
    Settlement,
    [
        Settlement::Prepay,
        Settlement::OnDelivery,
        Settlement::Net30,
        Settlement::Net60
    ]
);

pub(super) fn label<'de, D: Deserializer<'de>, T: FromLabel>(
    d: D,
) -> std::result::Result<T, D::Error> {
    let v = String::deserialize(d)?;
    T::from_label(&v).ok_or_else(|| tagged("label", format!("{v}:{}", T::choices())))
}

pub(super) fn labels<'de, D: Deserializer<'de>, T: FromLabel>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    let v = Vec::<String>::deserialize(d)?;
    v.iter()
        .map(|s| T::from_label(s).ok_or_else(|| tagged("label", format!("{s}:{}", T::choices()))))
        .collect()
}

pub(super) fn settlements<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<[Settlement; 3], D::Error> {
    let v: Vec<Settlement> = labels(d)?;
    match v.as_slice() {
        [a, b, c] => Ok([*a, *b, *c]),
        _ => Err(tagged("three", v.len())),
    }
}

/// toml's message (English, or our tag) as a sentence in the run's language.
pub(super) fn explain_toml_error(message: &str, lang: Lang) -> String {
    let message = message.trim();
    if let Some(pos) = message.find(TAG) {
        let rest = &message[pos + TAG.len()..];
        let (code, detail) = rest.split_once(':').unwrap_or((rest, ""));
        return match code {
            "negative" => say!(
                lang,
                "值 {} 不能为负数",
                "the value {} cannot be negative",
                detail
            ),
            "share" => say!(
                lang,
                "值 {} 应为 0 到 1 之间的比例（如 0.2 表示 20%）",
                "the value {} must be a share from 0 to 1 (0.2 means 20%)",
                detail
            ),
            "score" => say!(
                lang,
                "值 {} 应在 0 到 100 之间",
                "the value {} must be from 0 to 100",
                detail
            ),
            "standard" => say!(
                lang,
                "“{}”不是国家标准中的行业，可选：{}",
                "\"{}\" is not an industry of the standard; choose one of: {}",
                detail,
                size_standard::TABLE
                    .iter()
                    .map(|r| r.name)
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            "label" => {
                let (value, choices) = detail.split_once(':').unwrap_or((detail, ""));
                say!(
                    lang,
                    "无法识别“{}”，可选：{}",
                    "cannot read \"{}\"; choose one of: {}",
                    value,
                    choices
                )
            }
            "three" => say!(
                lang,
                "应写三种结算方式（核心、潜力、一般客户各一），而不是 {} 种",
                "needs three settlements (core, potential, general), not {}",
                detail
            ),
            _ => message.to_string(),
        };
    }
    if lang == Lang::En {
        return message.to_string();
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        return format!("未知的设置项“{field}”（请检查拼写）");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return format!("缺少设置项“{field}”");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or("");
        let expected = rest.split_once("expected ").map(|(_, e)| e).unwrap_or("");
        return format!(
            "无法识别的取值“{value}”，可选：{}",
            expected.replace('`', "")
        );
    }
    if message.starts_with("invalid type") {
        return format!("类型不对（{message}）");
    }
    format!("格式错误（{message}）")
}
