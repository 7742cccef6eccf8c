//! Stage 4 (classify), actions: 风险等级 / 建议信用额度 / 建议结算方式 with their reason, and the
//! recommendations (推荐产品, 推荐服务) from the profile's rules. Pure functions of one customer's
//! facts and the profile: the same customer and profile always give the same advice.

use crate::classify::industry::normalise;
use crate::model::{
    CreditLimit, CreditReason, Edition, IndustryGroup, Level, Lifecycle, Product, ProfileText,
    RiskLevel, RiskWhy, Service, Settlement, SizeClass, Tier,
};
use crate::profile::{CreditSettings, RecommendRule, RuleKind};

/// What the credit rules look at.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CreditInput {
    /// 逾期天数.
    pub overdue_days: Option<f64>,
    /// 应收余额 (元).
    pub receivable: Option<f64>,
    /// 累计金额 (元), the customer's value.
    pub monetary: Option<f64>,
    /// 投诉次数.
    pub complaints: Option<f64>,
}

/// The outcome of the credit rules.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditAdvice {
    /// 风险等级.
    pub risk: RiskLevel,
    /// 建议信用额度 (元).
    pub limit: f64,
    /// 建议结算方式.
    pub settlement: Settlement,
    /// Why (one short sentence when worded).
    pub reason: CreditReason,
}

/// 风险等级: the worst of what overdue days, receivable against value and complaints say.
pub fn risk_level(input: &CreditInput, s: &CreditSettings) -> (RiskLevel, Vec<RiskWhy>) {
    let mut level = RiskLevel::A;
    let mut why = Vec::new();
    let mut raise = |to: RiskLevel, reason: RiskWhy, level: &mut RiskLevel| {
        if to > *level {
            *level = to;
        }
        if to > RiskLevel::A {
            why.push(reason);
        }
    };
    if let Some(d) = input.overdue_days.filter(|d| d.is_finite() && *d > 0.0) {
        let to = if d >= s.overdue_d {
            RiskLevel::D
        } else if d >= s.overdue_c {
            RiskLevel::C
        } else if d >= s.overdue_b {
            RiskLevel::B
        } else {
            RiskLevel::A
        };
        raise(to, RiskWhy::Overdue(d), &mut level);
    }
    if let (Some(r), Some(m)) = (input.receivable, input.monetary) {
        if r > 0.0 && m > 0.0 {
            let ratio = r / m;
            let to = if ratio >= s.receivable_d {
                RiskLevel::D
            } else if ratio >= s.receivable_c {
                RiskLevel::C
            } else {
                RiskLevel::A
            };
            raise(to, RiskWhy::Receivable((ratio * 100.0).round()), &mut level);
        }
    }
    if let Some(c) = input.complaints.filter(|c| c.is_finite() && *c > 0.0) {
        let to = if c >= s.complaints_c {
            RiskLevel::C
        } else if c >= s.complaints_b {
            RiskLevel::B
        } else {
            RiskLevel::A
        };
        raise(to, RiskWhy::Complaints(c), &mut level);
    }
    (level, why)
}

/// Risk level, credit limit and settlement for one customer of the given tier.
pub fn credit(input: &CreditInput, tier: Tier, s: &CreditSettings) -> CreditAdvice {
    let (risk, why) = risk_level(input, s);
    let share = s.limit_share(tier);
    let factor = s.factor(risk);
    let settlement = s.settlement(risk, tier);
    let limit = match input.monetary.filter(|m| m.is_finite() && *m > 0.0) {
        Some(m) => {
            let mut raw = m * share * factor;
            let mut capped = false;
            if s.max_limit > 0.0 && raw > s.max_limit {
                raw = s.max_limit;
                capped = true;
            }
            let limit = if s.round_to > 0.0 {
                (raw / s.round_to).floor() * s.round_to
            } else {
                raw.round()
            };
            CreditLimit::Computed {
                amount: m,
                share,
                factor,
                limit,
                capped,
            }
        }
        None => CreditLimit::NoAmount,
    };
    CreditAdvice {
        risk,
        limit: match limit {
            CreditLimit::Computed { limit, .. } => limit,
            CreditLimit::NoAmount => 0.0,
        },
        settlement,
        reason: CreditReason {
            risk,
            why,
            limit,
            tier,
            settlement,
        },
    }
}

/// What the recommendation rules look at.
#[derive(Debug, Clone, Default)]
pub struct RecommendInput<'a> {
    /// 企业规模.
    pub size: Option<SizeClass>,
    /// 行业大类.
    pub group: Option<IndustryGroup>,
    /// 客户等级.
    pub tier: Option<Tier>,
    /// 流失风险.
    pub churn: Option<Level>,
    /// 生命周期.
    pub lifecycle: Option<Lifecycle>,
    /// Years since 成立日期.
    pub age_years: Option<f64>,
    /// 消费频次 / the RFM frequency reference.
    pub frequency_ratio: Option<f64>,
    /// 装修风格.
    pub style: Option<&'a str>,
    /// 预算 (元).
    pub budget: Option<f64>,
    /// 历史项目数.
    pub projects: Option<f64>,
    /// 房屋面积.
    pub area: Option<f64>,
    /// Modules already in use.
    pub modules: &'a [String],
    /// 需求模块: what the customer asks for.
    pub needs: &'a [String],
    /// 活跃得分.
    pub activity: Option<f64>,
    /// 产品版本: the edition the customer owns, as written.
    pub owned: Option<&'a str>,
}

/// The software editions, lowest first, with the words that name each:
/// 轻量版 < 标准版 < 专业版 < 旗舰版/定制版.
const EDITIONS: [(&[&str], Edition); 4] = [
    (&["轻量", "lite", "basic"], Edition::Lite),
    (&["标准", "standard"], Edition::Standard),
    (&["专业", "professional"], Edition::Professional),
    (
        &["旗舰", "定制", "flagship", "custom", "enterprise"],
        Edition::Flagship,
    ),
];

/// The step of an edition on [`EDITIONS`]; None for text that names none (or two).
fn edition_rank(text: &str) -> Option<usize> {
    let t = text.to_lowercase();
    let mut found = EDITIONS
        .iter()
        .enumerate()
        .filter(|(_, (words, _))| words.iter().any(|w| t.contains(w)))
        .map(|(i, _)| i);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The product advice from the rule's edition and the one the customer owns, as a salesperson
/// gives it: the next step up with the reason ("标准版 → 专业版（按规模与需要宜用专业版）"), or
/// 维持现有版本 with the reason; never lower.
/// None when either text names no edition (the rule's text stands).
fn edition_move(owned: &str, advised: &str) -> Option<Product> {
    let (have, want) = (edition_rank(owned)?, edition_rank(advised)?);
    let owned = owned.trim().to_string();
    let edition = |i: usize| EDITIONS[i].1;
    Some(if want > have {
        Product::Up {
            owned,
            have: edition(have),
            want: edition(want),
        }
    } else if have == EDITIONS.len() - 1 {
        Product::KeepHighest { owned }
    } else if want == have {
        Product::KeepFits {
            owned,
            have: edition(have),
        }
    } else {
        Product::KeepAbove {
            owned,
            have: edition(have),
            want: edition(want),
        }
    })
}

/// A step-up rule's advice: the next edition above the one owned, with the rule's reason; None
/// when the owned text names no edition or it is not below the rule's edition.
fn step_up(rule: &RecommendRule, owned: &str) -> Option<Product> {
    let (have, cap) = (edition_rank(owned)?, edition_rank(&rule.give)?);
    if have >= cap {
        return None;
    }
    Some(Product::StepUp {
        owned: owned.trim().to_string(),
        have: EDITIONS[have].1,
        why: rule.why.trim().to_string(),
        why_en: rule.why_en.clone(),
    })
}

/// The modules a customer asks for (需求模块) and does not use yet, as written, in order.
fn open_needs<'a>(needs: &'a [String], modules: &[String]) -> Vec<&'a str> {
    let mut open: Vec<&str> = Vec::new();
    for need in needs {
        let key = normalise(need);
        let used = modules
            .iter()
            .any(|m| !m.is_empty() && (m.contains(key.as_str()) || key.contains(m.as_str())));
        let text = need.trim();
        if !key.is_empty() && !used && !open.contains(&text) {
            open.push(text);
        }
    }
    open
}

/// The move part of a 推荐产品 text (what the actions page counts): the text before the reason
/// in brackets, e.g. "维持现有版本" or "标准版 → 专业版".
pub fn product_move(product: &str) -> &str {
    product.split(['（', '(']).next().unwrap_or(product).trim()
}

fn holds(rule: &RecommendRule, c: &RecommendInput<'_>, style: Option<&str>, asks: bool) -> bool {
    fn within<T: PartialEq + Copy>(list: &[T], v: Option<T>) -> bool {
        list.is_empty() || v.is_some_and(|v| list.contains(&v))
    }
    fn at_least(min: Option<f64>, v: Option<f64>) -> bool {
        match min {
            None => true,
            Some(m) => v.is_some_and(|v| v >= m),
        }
    }
    let style_ok = rule.style.is_empty()
        || style.is_some_and(|s| rule.style.iter().any(|k| s.contains(&normalise(k))));
    let age_ok = match rule.max_age_years {
        None => true,
        Some(max) => c.age_years.is_some_and(|a| a < max),
    };
    within(&rule.size, c.size)
        && within(&rule.group, c.group)
        && within(&rule.tier, c.tier)
        && within(&rule.churn, c.churn)
        && within(&rule.lifecycle, c.lifecycle)
        && age_ok
        && at_least(rule.min_frequency_ratio, c.frequency_ratio)
        && style_ok
        && at_least(rule.min_budget, c.budget)
        && at_least(rule.min_projects, c.projects)
        && at_least(rule.min_area, c.area)
        && at_least(rule.min_activity, c.activity)
        && (!rule.open_needs || asks)
}

fn already_bought(rule: &RecommendRule, modules: &[String]) -> bool {
    if modules.is_empty() {
        return false;
    }
    let keys: Vec<String> = if rule.unless_bought.is_empty() {
        vec![normalise(&rule.give)]
    } else {
        rule.unless_bought.iter().map(|k| normalise(k)).collect()
    };
    modules
        .iter()
        .any(|m| keys.iter().any(|k| !k.is_empty() && m.contains(k.as_str())))
}

/// The rule's advice in both languages.
fn give(rule: &RecommendRule) -> ProfileText {
    ProfileText {
        zh: rule.give.clone(),
        en: rule.give_en.clone(),
    }
}

/// 推荐产品 (first matching product rule, read against the edition the customer owns: the next
/// step up or 维持现有版本 with the reason, never a downgrade; a step-up rule applies only below
/// its edition) and 推荐服务 (every matching module and service rule, modules first — the
/// modules asked for and not yet used among them — skipping what is already in use), each once
/// (by its Chinese text; `messages::recommended_services` shows each text once).
pub fn recommend(rules: &[RecommendRule], c: &RecommendInput<'_>) -> (Product, Vec<Service>) {
    // Normalised once per customer, not once per rule.
    let style = c.style.map(normalise);
    let style = style.as_deref();
    let modules: Vec<String> = c.modules.iter().map(|m| normalise(m)).collect();
    let open = open_needs(c.needs, &modules);
    let asks = !open.is_empty();
    let owned = c.owned.filter(|o| !o.trim().is_empty());
    let product = rules
        .iter()
        .filter(|r| r.kind == Some(RuleKind::Product))
        .filter(|r| holds(r, c, style, asks))
        .find_map(|r| {
            if r.step_up {
                return step_up(r, owned?);
            }
            Some(
                owned
                    .and_then(|o| edition_move(o, &r.give))
                    .unwrap_or_else(|| Product::Give(give(r))),
            )
        })
        .unwrap_or(Product::NoRule);
    // The Chinese text of each item, to advise it once.
    let mut shown: Vec<String> = Vec::new();
    let mut services: Vec<Service> = Vec::new();
    // Modules in use and those already advised from the needs: a rule for the same module is
    // not advised twice under two names (项目管理 asked for covers 项目成本/合同管理).
    let mut covered = modules.clone();
    for kind in [RuleKind::Module, RuleKind::Service] {
        for rule in rules.iter().filter(|r| r.kind == Some(kind)) {
            if rule.from_needs {
                if holds(rule, c, style, asks) {
                    for need in &open {
                        if !shown.iter().any(|s| s == need) {
                            shown.push(need.to_string());
                            services.push(Service::Need(need.to_string()));
                            covered.push(normalise(need));
                        }
                    }
                }
                continue;
            }
            if kind == RuleKind::Module && already_bought(rule, &covered) {
                continue;
            }
            if holds(rule, c, style, asks) && !shown.contains(&rule.give) {
                shown.push(rule.give.clone());
                services.push(Service::Rule(give(rule)));
            }
        }
    }
    (product, services)
}

#[cfg(test)]
#[path = "recommend_tests.rs"]
mod tests;
