//! Scoring profiles (SPEC §4): extra column aliases, weights, tier cut-offs, RFM references, the
//! industry and needs keyword tables, value/activity/satisfaction/potential/lifecycle settings,
//! credit rules and recommendation rules. Built-in profiles live in `templates/*.toml` and are
//! compiled into the binary; a user's TOML file overrides them. A bad profile gets one sentence
//! naming the file, the line and the key.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::fields::FieldMatcher;
use crate::messages;
use crate::model::Lang;

mod check;
mod report;
mod sections;
mod settings;
#[cfg(test)]
mod tests;
mod validate;

use check::{key_on_line, line_of_offset};
pub use report::{
    pick_text, FunnelSettings, FunnelStage, GroupSettings, ReportSettings, TierActions,
};
pub use sections::{
    ActivitySettings, CreditSettings, IndustryRule, LifecycleSettings, NeedRule, PaymentKeywords,
    PotentialSettings, RecommendRule, RfmMethod, RfmSettings, RuleKind, SatisfactionSettings,
    SizeScores, StageScore, TierMethod, TierSettings, ValueMix, ValueSettings, Weights,
};
use validate::explain_toml_error;
pub use validate::FromLabel;

/// The built-in profiles: (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("software", include_str!("../../templates/software.toml")),
    (
        "decoration",
        include_str!("../../templates/decoration.toml"),
    ),
];

/// A scoring profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Profile name ("software", "decoration", …).
    pub name: String,
    /// One line saying what the profile is for.
    #[serde(default)]
    pub description: String,
    /// Extra column aliases: canonical field name → header texts.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Weight of each dimension in 综合得分.
    pub weights: Weights,
    /// How tiers are cut.
    #[serde(default)]
    pub tiers: TierSettings,
    /// RFM reference values.
    #[serde(default)]
    pub rfm: RfmSettings,
    /// Size class → 规模得分.
    #[serde(default)]
    pub size_scores: SizeScores,
    /// The mix of the value score per payment model.
    #[serde(default)]
    pub value: ValueSettings,
    /// Activity score and churn risk.
    #[serde(default)]
    pub activity: ActivitySettings,
    /// Satisfaction adjustments.
    #[serde(default)]
    pub satisfaction: SatisfactionSettings,
    /// Potential score.
    #[serde(default)]
    pub potential: PotentialSettings,
    /// Lifecycle thresholds.
    #[serde(default)]
    pub lifecycle: LifecycleSettings,
    /// Risk levels, credit limits and settlement.
    #[serde(default)]
    pub credit: CreditSettings,
    /// Keywords that reveal a payment model in 付费模式/产品版本 texts.
    #[serde(default)]
    pub payment: PaymentKeywords,
    /// Free-text industry → standard industry and group, by keyword (longest keyword wins).
    #[serde(default)]
    pub industry: Vec<IndustryRule>,
    /// Module / needs texts → canonical need names, by keyword.
    #[serde(default)]
    pub needs: Vec<NeedRule>,
    /// Recommendation rules, in order.
    #[serde(default)]
    pub recommend: Vec<RecommendRule>,
    /// The report's sections and the trade's own tables (`[report]`).
    #[serde(default)]
    pub report: ReportSettings,
    /// The language messages and settings are written in (set by `parse`).
    #[serde(skip)]
    pub lang: Lang,
}

impl Profile {
    /// The header matcher of this profile: its extra aliases first, then the built-in ones.
    pub fn field_matcher(&self) -> FieldMatcher {
        FieldMatcher::with_aliases(
            self.aliases
                .iter()
                .map(|(name, texts)| (name.as_str(), texts.as_slice())),
        )
    }

    /// A built-in profile by name.
    pub fn builtin(name: &str, lang: Lang) -> Option<Result<Profile>> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Profile::parse(text, &format!("{n}.toml"), lang))
    }

    /// The TOML text of a built-in profile.
    pub fn builtin_text(name: &str) -> Option<&'static str> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// A built-in name or a TOML file path.
    pub fn load(name_or_path: &str, lang: Lang) -> Result<Profile> {
        if let Some(p) = Profile::builtin(name_or_path, lang) {
            return p;
        }
        let path = Path::new(name_or_path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            let (file, why) = (name_or_path.to_string(), crate::error::IoCause::of(&e));
            Error::profile(crate::error::Cause::ProfileUnreadable { file, why })
                .with_detail(e.to_string())
        })?;
        let shown = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Profile::parse(&text, &shown, lang)
    }

    /// Parses a profile's TOML text; `shown` names it in messages.
    ///
    /// # Errors
    /// One sentence naming `shown`, the line and the key: a syntax error, an unknown key, a
    /// negative weight, all weights 0, a share outside 0–1, a cut-off outside 0–100, an unknown
    /// standard industry or label.
    pub fn parse(text: &str, shown: &str, lang: Lang) -> Result<Profile> {
        let mut profile: Profile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of_offset(text, s.start));
            let key = line.and_then(|l| key_on_line(text, l));
            Error::profile(messages::profile_error(
                lang,
                shown,
                line,
                key.as_deref(),
                &explain_toml_error(e.message(), lang),
            ))
        })?;
        profile.lang = lang;
        profile.check(text, shown, lang)?;
        Ok(profile)
    }
}

/// The five scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Dimension {
    /// 规模
    Size,
    /// 价值
    Value,
    /// 活跃
    Activity,
    /// 满意
    Satisfaction,
    /// 潜力
    Potential,
}

impl Dimension {
    /// All dimensions in column order.
    pub const ALL: [Dimension; 5] = [
        Dimension::Size,
        Dimension::Value,
        Dimension::Activity,
        Dimension::Satisfaction,
        Dimension::Potential,
    ];

    /// The short label (规模 …).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Dimension::Size => lang.pick("规模", "Size"),
            Dimension::Value => lang.pick("价值", "Value"),
            Dimension::Activity => lang.pick("活跃", "Activity"),
            Dimension::Satisfaction => lang.pick("满意", "Satisfaction"),
            Dimension::Potential => lang.pick("潜力", "Potential"),
        }
    }

    /// The profile's weight of this dimension.
    pub fn weight(self, w: &Weights) -> f64 {
        match self {
            Dimension::Size => w.size,
            Dimension::Value => w.value,
            Dimension::Activity => w.activity,
            Dimension::Satisfaction => w.satisfaction,
            Dimension::Potential => w.potential,
        }
    }
}
