//! Stage 4, classify — needs: the texts of modules in use and needs asked for, mapped to the
//! profile's canonical need names (longest keyword wins; a text no keyword matches is kept as
//! written, after the canonical ones).

use crate::classify::industry::normalise;
use crate::model::{CustomerRecord, Need, ProfileText};
use crate::profile::Profile;

/// Module and needs texts → canonical need names (longest keyword wins; unmatched text kept).
pub(super) struct NeedsMapper {
    /// (normalised keyword, need index), longest first.
    keywords: Vec<(String, usize)>,
    names: Vec<ProfileText>,
}

impl NeedsMapper {
    /// The mapper for the profile's needs, each named in both languages.
    pub(super) fn new(profile: &Profile) -> NeedsMapper {
        let mut keywords = Vec::new();
        let mut names = Vec::new();
        for (i, rule) in profile.needs.iter().enumerate() {
            names.push(ProfileText {
                zh: rule.name.clone(),
                en: rule.name_en.clone(),
            });
            keywords.push((normalise(&rule.name), i));
            for k in &rule.keywords {
                let k = normalise(k);
                if !k.is_empty() {
                    keywords.push((k, i));
                }
            }
        }
        keywords.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.1.cmp(&b.1))
        });
        NeedsMapper { keywords, names }
    }

    /// The customer's needs (modules in use and needs asked for), canonical and without repeats
    /// (a canonical name and a text as written that reads the same in one language are both
    /// kept: `messages::needs` shows it once), and how many asked-for needs are not in use
    /// (None when none were asked for).
    pub(super) fn needs_of(&self, c: &CustomerRecord) -> (Vec<Need>, Option<usize>) {
        let used = self.map_all(&c.modules);
        let asked = self.map_all(&c.needs);
        let mut all: Vec<Need> = Vec::new();
        for n in self.order(&used, &asked) {
            if !all.contains(&n) {
                all.push(n);
            }
        }
        let unmet_needs =
            (!c.needs.is_empty()).then(|| asked.iter().filter(|n| !used.contains(n)).count());
        (all, unmet_needs)
    }

    /// Each text as Ok(need index) or Err(the text as written).
    fn map_all(&self, texts: &[String]) -> Vec<Result<usize, String>> {
        texts
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(|t| {
                let n = normalise(t);
                self.keywords
                    .iter()
                    .find(|(k, _)| n.contains(k.as_str()))
                    .map(|(_, i)| *i)
                    .ok_or_else(|| t.to_string())
            })
            .collect()
    }

    /// Canonical needs in the profile's order, then unmatched texts in input order.
    fn order(&self, used: &[Result<usize, String>], asked: &[Result<usize, String>]) -> Vec<Need> {
        let mut idx: Vec<usize> = used
            .iter()
            .chain(asked)
            .filter_map(|r| r.as_ref().ok().copied())
            .collect();
        idx.sort_unstable();
        idx.dedup();
        let mut out: Vec<Need> = (idx.into_iter())
            .map(|i| Need::Named(self.names[i].clone()))
            .collect();
        for raw in used.iter().chain(asked).filter_map(|r| r.as_ref().err()) {
            out.push(Need::AsWritten(raw.clone()));
        }
        out
    }
}
