//! Profile settings, `[report]`: which sections the PDF report has and in what order, the trade's
//! stage funnel, group tables by a column, and the per-tier actions in the trade's own words — so
//! a third trade's report is written in its TOML, without code.

use serde::Deserialize;

/// The section names a profile may list, in the order of the software report (SPEC §6).
pub const SECTIONS: &[&str] = &[
    "cover",
    "summary",
    "tiers",
    "size_industry",
    "value",
    "activity",
    "satisfaction",
    "clusters",
    "migration",
    "actions",
    "core_list",
    "owners",
    "quality",
    "appendix",
    "funnel",
];

/// The sections of a profile that lists none: the software report.
fn default_sections() -> Vec<String> {
    SECTIONS
        .iter()
        .take_while(|s| **s != "funnel")
        .map(|s| s.to_string())
        .collect()
}

/// `[report]`: the report's sections and the trade's own tables.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Section names in print order: names of `SECTIONS` or `id`s of `groups`.
    #[serde(default = "default_sections")]
    pub sections: Vec<String>,
    /// The stage funnel (section `funnel`).
    #[serde(default)]
    pub funnel: Option<FunnelSettings>,
    /// Tables of customers grouped by a column (sections named by their `id`).
    #[serde(default)]
    pub groups: Vec<GroupSettings>,
    /// What to do per tier, in the trade's words (the report's 行动建议); empty: the default text.
    #[serde(default)]
    pub actions: TierActions,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            sections: default_sections(),
            funnel: None,
            groups: Vec::new(),
            actions: TierActions::default(),
        }
    }
}

impl ReportSettings {
    /// The printed group table that groups customers by this input column (its header among the
    /// group's `columns`, white space ignored); None for a column no printed group uses.
    pub fn group_by_column(&self, header: &str) -> Option<&GroupSettings> {
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let header = squash(header);
        self.groups
            .iter()
            .filter(|g| self.sections.contains(&g.id))
            .find(|g| g.columns.iter().any(|c| squash(c) == header))
    }

    /// The group table named `id`.
    pub fn group(&self, id: &str) -> Option<&GroupSettings> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// True when the report has section `name`.
    pub fn has(&self, name: &str) -> bool {
        self.sections.iter().any(|s| s == name)
    }
}

/// `[report.funnel]`: the stages a customer goes through, first to last.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelSettings {
    /// Section title.
    pub title: String,
    /// Section title in English.
    #[serde(default)]
    pub title_en: Option<String>,
    /// The stage from which a customer counts as signed (签约率); a name in `stages`.
    pub signed_from: String,
    /// The stages in order; a customer at a later stage has passed the earlier ones.
    pub stages: Vec<FunnelStage>,
}

/// One stage of the funnel.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelStage {
    /// Stage name (量房 …).
    pub name: String,
    /// Stage name in English.
    #[serde(default)]
    pub name_en: Option<String>,
    /// 客户阶段 texts containing one of these are at this stage (the first stage that matches).
    pub keywords: Vec<String>,
}

impl FunnelSettings {
    /// The index of the signed stage (the last stage when `signed_from` names none).
    pub fn signed_index(&self) -> usize {
        self.stages
            .iter()
            .position(|s| s.name == self.signed_from)
            .unwrap_or(self.stages.len().saturating_sub(1))
    }

    /// The stage a 客户阶段 text is at, by keyword.
    pub fn stage_of(&self, text: &str) -> Option<usize> {
        self.stages
            .iter()
            .position(|s| s.keywords.iter().any(|k| text.contains(k.as_str())))
    }
}

/// `[[report.groups]]`: customers grouped by one column, with count, signed and amount.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSettings {
    /// The name `sections` uses.
    pub id: String,
    /// Section title (also the first column's header).
    pub title: String,
    /// Section title in English.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Headers of the customers-sheet column to group by (the first one present is used).
    #[serde(default)]
    pub columns: Vec<String>,
    /// Or a recognised field: style, stage, region, product (texts); budget, house_area (bands).
    #[serde(default)]
    pub field: Option<String>,
    /// Band limits (元 or ㎡) for a number field, ascending.
    #[serde(default)]
    pub bands: Vec<f64>,
    /// Group names containing one of these are referrals (转介绍), stated in a sentence.
    #[serde(default)]
    pub referral: Vec<String>,
}

/// The fields a group may use.
pub const GROUP_FIELDS: &[&str] = &[
    "style",
    "stage",
    "region",
    "product",
    "budget",
    "house_area",
];

/// `[report.actions]`: per-tier actions (`core`, `potential`, `general`, each with `_en`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierActions {
    /// 核心客户.
    pub core: Option<String>,
    /// Core, English.
    pub core_en: Option<String>,
    /// 潜力客户.
    pub potential: Option<String>,
    /// Potential, English.
    pub potential_en: Option<String>,
    /// 一般客户.
    pub general: Option<String>,
    /// General, English.
    pub general_en: Option<String>,
}

impl TierActions {
    /// The profile's action text for `tier` in `lang`, if it gives one.
    pub fn text(&self, tier: crate::model::Tier, lang: crate::model::Lang) -> Option<&str> {
        use crate::model::Tier;
        let (zh, en) = match tier {
            Tier::Core => (&self.core, &self.core_en),
            Tier::Potential => (&self.potential, &self.potential_en),
            Tier::General => (&self.general, &self.general_en),
        };
        zh.as_deref().map(|z| pick_text(z, en.as_deref(), lang))
    }
}

/// The text in the language asked for: English when given and asked, else the Chinese one.
pub fn pick_text<'a>(zh: &'a str, en: Option<&'a str>, lang: crate::model::Lang) -> &'a str {
    match (lang, en) {
        (crate::model::Lang::En, Some(e)) => e,
        _ => zh,
    }
}
