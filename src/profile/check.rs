//! Profile checks that need more than one value at a time, naming the line where the key is
//! written (from the TOML parser's spans).

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::{messages, say};

use super::{Profile, TierMethod};

impl Profile {
    /// Checks that need more than one value at a time.
    pub(super) fn check(&self, text: &str, shown: &str, lang: Lang) -> Result<()> {
        let at = Where {
            lines: KeyLines::new(text),
            shown,
            lang,
        };
        self.check_aliases(&at)?;
        self.check_weights(&at)?;
        self.check_tiers(&at)?;
        self.check_thresholds(&at)?;
        self.check_recommend(&at)?;
        self.check_report(&at)
    }

    /// `[report]`: every section is known (a built-in name or a group's id), every group's field
    /// is one a group can use, and the funnel's signed stage is one of its stages.
    fn check_report(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let r = &self.report;
        let known = |s: &str| super::report::SECTIONS.contains(&s) || r.group(s).is_some();
        if let Some(bad) = r.sections.iter().find(|s| !known(s)) {
            let mut names: Vec<&str> = super::report::SECTIONS.to_vec();
            names.extend(r.groups.iter().map(|g| g.id.as_str()));
            return Err(at.fail(
                "report",
                "sections",
                say!(
                    lang,
                    "“{}”不是报告章节名，可用：{}",
                    "\"{}\" is not a report section; use one of: {}",
                    bad,
                    names.join(", ")
                ),
            ));
        }
        for g in &r.groups {
            let field_ok = g.field.as_deref().map_or(!g.columns.is_empty(), |f| {
                super::report::GROUP_FIELDS.contains(&f)
            });
            if !field_ok {
                return Err(at.fail(
                    "report.groups",
                    "field",
                    say!(
                        lang,
                        "分组表“{}”须有 columns（列名）或 field（{}之一）",
                        "group \"{}\" needs columns (headers) or a field (one of {})",
                        g.id,
                        super::report::GROUP_FIELDS.join(", ")
                    ),
                ));
            }
        }
        if let Some(f) = &r.funnel {
            if !f.stages.iter().any(|s| s.name == f.signed_from) {
                return Err(at.fail(
                    "report.funnel",
                    "signed_from",
                    say!(
                        lang,
                        "signed_from “{}”须是 stages 中的一个阶段名",
                        "signed_from \"{}\" must name one of the stages",
                        f.signed_from
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Every alias names a canonical field.
    fn check_aliases(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        for key in self.aliases.keys() {
            if crate::fields::field(key).is_none() {
                return Err(at.fail(
                    "aliases",
                    key,
                    say!(
                        lang,
                        "“{}”不是标准字段名，可用：{}",
                        "\"{}\" is not a canonical field; use one of: {}",
                        key,
                        crate::fields::FIELDS
                            .iter()
                            .map(|f| f.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The weights, and the parts of each value-score mix, are not all 0.
    fn check_weights(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let w = &self.weights;
        if w.size + w.value + w.activity + w.satisfaction + w.potential <= 0.0 {
            return Err(at.fail(
                "weights",
                "size",
                say!(lang, "权重不能全部为 0", "the weights cannot all be 0"),
            ));
        }
        for (key, mix) in [
            ("subscription", &self.value.subscription),
            ("one_time", &self.value.one_time),
            ("custom", &self.value.custom),
            ("unknown", &self.value.unknown),
        ] {
            if mix.monetary + mix.frequency + mix.recency + mix.renewal + mix.usage <= 0.0 {
                let section = format!("value.{key}");
                return Err(at.fail(
                    &section,
                    "monetary",
                    say!(
                        lang,
                        "价值得分构成的各项不能全部为 0",
                        "the parts of the value score cannot all be 0"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Tier shares and cut-offs that fit together.
    fn check_tiers(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let t = &self.tiers;
        if t.method == TierMethod::Quantile {
            if t.core_share <= 0.0 {
                return Err(at.fail(
                    "tiers",
                    "core_share",
                    say!(
                        lang,
                        "核心客户比例须大于 0",
                        "the core share must be above 0"
                    ),
                ));
            }
            if t.core_share + t.potential_share > 1.0 {
                return Err(at.fail(
                    "tiers",
                    "potential_share",
                    say!(
                        lang,
                        "核心与潜力客户比例之和不能超过 1（现为 {}）",
                        "core and potential shares add up to more than 1 ({})",
                        t.core_share + t.potential_share
                    ),
                ));
            }
        }
        if t.potential_score > t.core_score {
            return Err(at.fail(
                "tiers",
                "potential_score",
                say!(
                    lang,
                    "潜力客户分数线 {} 不能高于核心客户分数线 {}",
                    "the potential cut-off {} cannot be above the core cut-off {}",
                    t.potential_score,
                    t.core_score
                ),
            ));
        }
        Ok(())
    }

    /// Churn days, overdue days and receivable shares in rising order.
    fn check_thresholds(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        let a = &self.activity;
        if a.churn_medium_login_days > a.churn_high_login_days {
            return Err(at.fail(
                "activity",
                "churn_medium_login_days",
                say!(
                    lang,
                    "中风险天数不能大于高风险天数",
                    "the medium-risk days cannot exceed the high-risk days"
                ),
            ));
        }
        let c = &self.credit;
        if !(c.overdue_b <= c.overdue_c && c.overdue_c <= c.overdue_d) {
            return Err(at.fail(
                "credit",
                "overdue_c",
                say!(
                    lang,
                    "逾期天数阈值须满足 overdue_b ≤ overdue_c ≤ overdue_d",
                    "overdue thresholds must satisfy overdue_b ≤ overdue_c ≤ overdue_d"
                ),
            ));
        }
        if c.receivable_c > c.receivable_d {
            return Err(at.fail(
                "credit",
                "receivable_c",
                say!(
                    lang,
                    "receivable_c 不能大于 receivable_d",
                    "receivable_c cannot exceed receivable_d"
                ),
            ));
        }
        Ok(())
    }

    /// Each recommendation rule has a kind and something to give.
    fn check_recommend(&self, at: &Where) -> Result<()> {
        let lang = at.lang;
        for (i, rule) in self.recommend.iter().enumerate() {
            if rule.kind.is_none() || rule.give.trim().is_empty() {
                let line = at.lines.of_array_item("recommend", i);
                return Err(Error::profile(messages::profile_error(
                    lang,
                    at.shown,
                    line,
                    Some("recommend"),
                    &say!(
                        lang,
                        "第 {} 条推荐规则须有 kind（product/module/service）和 give",
                        "recommendation rule {} needs kind (product/module/service) and give",
                        i + 1
                    ),
                )));
            }
        }
        Ok(())
    }
}

/// 1-based line of a byte offset.
pub(super) fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The key written on a line (`key = …`, or a `[table]` header), if any.
pub(super) fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?.trim();
    if l.starts_with('[') {
        return Some(l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    }
    let (key, _) = l.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_string())
}

/// A profile being checked: where its keys are written, its name in messages, the language.
pub(super) struct Where<'t> {
    lines: KeyLines<'t>,
    shown: &'t str,
    lang: Lang,
}

impl Where<'_> {
    /// The error for `section.key`, naming the line where it is written.
    fn fail(&self, section: &str, key: &str, problem: String) -> Error {
        let line = self.lines.of_key(section, key);
        Error::profile(messages::profile_error(
            self.lang,
            self.shown,
            line,
            Some(&format!("{section}.{key}")),
            &problem,
        ))
    }
}

/// The lines where a profile's keys are written, from the TOML parser's spans.
pub(super) struct KeyLines<'t> {
    text: &'t str,
    /// The parsed document; None only if it does not parse (it did, to get here).
    doc: Option<toml::Spanned<toml::de::DeTable<'t>>>,
}

impl<'t> KeyLines<'t> {
    pub(super) fn new(text: &'t str) -> KeyLines<'t> {
        KeyLines {
            text,
            doc: toml::de::DeTable::parse(text).ok(),
        }
    }

    /// The table at a dotted path (`value.subscription`).
    fn table(&self, path: &str) -> Option<&toml::Spanned<toml::de::DeValue<'t>>> {
        let mut parts = path.split('.');
        let mut value = self.doc.as_ref()?.get_ref().get(parts.next()?)?;
        for part in parts {
            let toml::de::DeValue::Table(t) = value.get_ref() else {
                return None;
            };
            value = t.get(part)?;
        }
        Some(value)
    }

    /// The line of `key` inside the table `section` (or of the table when the key is not
    /// written); None when the table is not written.
    pub(super) fn of_key(&self, section: &str, key: &str) -> Option<usize> {
        let table = self.table(section)?;
        let key_at = match table.get_ref() {
            toml::de::DeValue::Table(t) => t.get_key_value(key).map(|(k, _)| k.span().start),
            _ => None,
        };
        Some(line_of_offset(
            self.text,
            key_at.unwrap_or(table.span().start),
        ))
    }

    /// The line of the `index`-th table of the array of tables `name` (`[[name]]`).
    pub(super) fn of_array_item(&self, name: &str, index: usize) -> Option<usize> {
        let toml::de::DeValue::Array(items) = self.table(name)?.get_ref() else {
            return None;
        };
        let item = items.get(index)?;
        Some(line_of_offset(self.text, item.span().start))
    }
}
