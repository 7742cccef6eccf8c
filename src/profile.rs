//! Scoring profiles (SPEC §4): extra column aliases, weights, cut-offs, industry keywords,
//! recommendation and credit rules. Built-in profiles live in `templates/*.toml` and are compiled
//! into the binary; a user's TOML file overrides them.
//!
//! OWNER: classification helper — extend freely; keep `Profile::load`, `Profile::builtin`,
//! `aliases` and `name` as they are (other stages use them).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Lang;

/// The built-in profiles: (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("software", include_str!("../templates/software.toml")),
    ("decoration", include_str!("../templates/decoration.toml")),
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
    /// Everything else, read by the classification stage.
    #[serde(flatten)]
    pub rest: toml::Table,
}

impl Profile {
    /// A built-in profile by name.
    pub fn builtin(name: &str, lang: Lang) -> Option<Result<Profile>> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Profile::parse(text, &format!("{n}.toml"), lang))
    }

    /// A built-in name or a TOML file path.
    pub fn load(name_or_path: &str, lang: Lang) -> Result<Profile> {
        if let Some(p) = Profile::builtin(name_or_path, lang) {
            return p;
        }
        let path = Path::new(name_or_path);
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::profile(match lang {
                Lang::Zh => format!("无法读取评分方案文件 {name_or_path}：{e}。内置方案有 software、decoration。"),
                Lang::En => format!("Cannot read the profile file {name_or_path}: {e}. Built-in profiles: software, decoration."),
            })
        })?;
        let shown = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Profile::parse(&text, &shown, lang)
    }

    /// The profile's settings as (key, value) lines, for the 参数 sheet and the report's appendix.
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut lines = vec![("name".to_string(), self.name.clone())];
        for (key, value) in &self.rest {
            lines.push((key.clone(), value.to_string()));
        }
        lines
    }

    /// Parses a profile's TOML text; `shown` names it in messages.
    pub fn parse(text: &str, shown: &str, lang: Lang) -> Result<Profile> {
        toml::from_str(text).map_err(|e| {
            Error::profile(match lang {
                Lang::Zh => format!("评分方案 {shown} 有误：{}", e.message()),
                Lang::En => format!("The profile {shown} is invalid: {}", e.message()),
            })
        })
    }
}
