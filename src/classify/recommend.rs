//! Stage 4 (classify), actions: 风险等级 / 建议信用额度 / 建议结算方式 with their reason, and the
//! recommendations (推荐产品, 推荐服务) from the profile's rules. Pure functions of one customer's
//! facts and the profile: the same customer and profile always give the same advice.

use crate::classify::industry::normalise;
use crate::model::{IndustryGroup, Lang, Level, Lifecycle, RiskLevel, Settlement, SizeClass, Tier};
use crate::profile::{CreditSettings, RecommendRule, RuleKind};
use crate::say;

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
    /// Why, one short sentence.
    pub reason: String,
}

/// 风险等级: the worst of what overdue days, receivable against value and complaints say.
pub fn risk_level(input: &CreditInput, s: &CreditSettings, lang: Lang) -> (RiskLevel, Vec<String>) {
    let mut level = RiskLevel::A;
    let mut why = Vec::new();
    let mut raise = |to: RiskLevel, reason: String, level: &mut RiskLevel| {
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
        raise(
            to,
            say!(lang, "逾期{}天", "{} days overdue", fmt_num(d)),
            &mut level,
        );
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
            raise(
                to,
                say!(
                    lang,
                    "应收余额占累计金额{}%",
                    "receivable is {}% of the amount",
                    (ratio * 100.0).round()
                ),
                &mut level,
            );
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
        raise(
            to,
            say!(lang, "投诉{}次", "{} complaints", fmt_num(c)),
            &mut level,
        );
    }
    (level, why)
}

/// Risk level, credit limit and settlement for one customer of the given tier.
pub fn credit(input: &CreditInput, tier: Tier, s: &CreditSettings, lang: Lang) -> CreditAdvice {
    let (risk, why) = risk_level(input, s, lang);
    let share = s.limit_share(tier);
    let factor = s.factor(risk);
    let settlement = s.settlement(risk, tier);
    let risk_part = if why.is_empty() {
        say!(
            lang,
            "风险{}：无逾期、无投诉",
            "Risk {}: nothing overdue, no complaints",
            risk.label()
        )
    } else {
        say!(
            lang,
            "风险{}：{}",
            "Risk {}: {}",
            risk.label(),
            why.join(lang.pick("、", ", "))
        )
    };
    let (limit, limit_part) = match input.monetary.filter(|m| m.is_finite() && *m > 0.0) {
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
            let mut text = say!(
                lang,
                "额度=累计金额{}元×{}×{}={}元",
                "limit = amount {} × {} × {} = {}",
                money(m),
                pct(share),
                fmt_num(factor),
                money(limit)
            );
            if capped {
                text.push_str(&say!(lang, "（已封顶）", " (capped)"));
            }
            (limit, text)
        }
        None => (
            0.0,
            say!(lang, "无累计金额，额度为0", "no amount on record, limit 0"),
        ),
    };
    let reason = format!(
        "{}{}{}{}{}",
        risk_part,
        lang.pick("；", "; "),
        limit_part,
        lang.pick("；", "; "),
        say!(
            lang,
            "{}，建议{}",
            "{}: {}",
            tier.label(lang),
            settlement.label(lang)
        )
    );
    CreditAdvice {
        risk,
        limit,
        settlement,
        reason,
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

/// The software editions, lowest first, as (words that name it, zh label, en label):
/// 轻量版 < 标准版 < 专业版 < 旗舰版/定制版.
const EDITIONS: [(&[&str], &str, &str); 4] = [
    (&["轻量", "lite", "basic"], "轻量版", "Lite"),
    (&["标准", "standard"], "标准版", "Standard"),
    (&["专业", "professional"], "专业版", "Professional"),
    (
        &["旗舰", "定制", "flagship", "custom", "enterprise"],
        "旗舰版/定制版",
        "Flagship / custom",
    ),
];

/// The step of an edition on [`EDITIONS`]; None for text that names none (or two).
fn edition_rank(text: &str) -> Option<usize> {
    let t = text.to_lowercase();
    let mut found = EDITIONS
        .iter()
        .enumerate()
        .filter(|(_, (words, _, _))| words.iter().any(|w| t.contains(w)))
        .map(|(i, _)| i);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The product advice from the rule's edition and the one the customer owns, as a salesperson
/// gives it: the next step up ("标准版 → 专业版"), or 维持现有版本 with the reason; never lower.
/// None when either text names no edition (the rule's text stands).
fn edition_move(owned: &str, advised: &str, lang: Lang) -> Option<String> {
    let (have, want) = (edition_rank(owned)?, edition_rank(advised)?);
    let name = |i: usize| lang.pick(EDITIONS[i].1, EDITIONS[i].2);
    let owned_name = match lang {
        Lang::Zh => owned.trim().to_string(),
        Lang::En => name(have).to_string(),
    };
    Some(if want > have {
        format!("{owned_name} → {}", name(have + 1))
    } else if have == EDITIONS.len() - 1 {
        say!(
            lang,
            "维持现有版本（已是最高版本{}）",
            "Keep current edition (already the highest, {})",
            owned_name
        )
    } else if want == have {
        say!(
            lang,
            "维持现有版本（{}符合规模与需要）",
            "Keep current edition ({} fits the size and needs)",
            owned_name
        )
    } else {
        say!(
            lang,
            "维持现有版本（已用{}，高于按规则推荐的{}，不降级）",
            "Keep current edition ({} is above the rule's {}; no downgrade)",
            owned_name,
            name(want)
        )
    })
}

/// A step-up rule's advice: the next edition above the one owned, with the rule's reason; None
/// when the owned text names no edition or it is not below the rule's edition.
fn step_up(rule: &RecommendRule, owned: &str, lang: Lang) -> Option<String> {
    let (have, cap) = (edition_rank(owned)?, edition_rank(&rule.give)?);
    if have >= cap {
        return None;
    }
    let owned_name = match lang {
        Lang::Zh => owned.trim().to_string(),
        Lang::En => EDITIONS[have].2.to_string(),
    };
    let next = lang.pick(EDITIONS[have + 1].1, EDITIONS[have + 1].2);
    let why = match (lang, &rule.why_en) {
        (Lang::En, Some(en)) => en.trim(),
        (Lang::En, None) => "",
        (Lang::Zh, _) => rule.why.trim(),
    };
    Some(if why.is_empty() {
        format!("{owned_name} → {next}")
    } else {
        say!(lang, "{} → {}（{}）", "{} → {} ({})", owned_name, next, why)
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

fn give(rule: &RecommendRule, lang: Lang) -> String {
    match (lang, &rule.give_en) {
        (Lang::En, Some(en)) if !en.trim().is_empty() => en.clone(),
        _ => rule.give.clone(),
    }
}

/// 推荐产品 (first matching product rule, read against the edition the customer owns: the next
/// step up or 维持现有版本 with the reason, never a downgrade; a step-up rule applies only below
/// its edition) and 推荐服务 (every matching module and service rule, modules first — the
/// modules asked for and not yet used among them — skipping what is already in use), joined
/// with "、".
pub fn recommend(rules: &[RecommendRule], c: &RecommendInput<'_>, lang: Lang) -> (String, String) {
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
                return step_up(r, owned?, lang);
            }
            let advised = give(r, lang);
            Some(
                owned
                    .and_then(|o| edition_move(o, &r.give, lang))
                    .unwrap_or(advised),
            )
        })
        .unwrap_or_else(|| say!(lang, "无匹配规则", "no rule matched"));
    let mut services: Vec<String> = Vec::new();
    // Modules in use and those already advised from the needs: a rule for the same module is
    // not advised twice under two names (项目管理 asked for covers 项目成本/合同管理).
    let mut covered = modules.clone();
    for kind in [RuleKind::Module, RuleKind::Service] {
        for rule in rules.iter().filter(|r| r.kind == Some(kind)) {
            if rule.from_needs {
                if holds(rule, c, style, asks) {
                    for need in &open {
                        if !services.iter().any(|s| s == need) {
                            services.push(need.to_string());
                            covered.push(normalise(need));
                        }
                    }
                }
                continue;
            }
            if kind == RuleKind::Module && already_bought(rule, &covered) {
                continue;
            }
            if holds(rule, c, style, asks) {
                let g = give(rule, lang);
                if !services.contains(&g) {
                    services.push(g);
                }
            }
        }
    }
    (product, services.join(lang.pick("、", ", ")))
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

fn pct(share: f64) -> String {
    format!("{}%", fmt_num((share * 1000.0).round() / 10.0))
}

/// 1234567.8 → "1,234,568".
pub fn money(v: f64) -> String {
    let neg = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn settings() -> CreditSettings {
        CreditSettings::default()
    }

    fn input(
        overdue: Option<f64>,
        receivable: Option<f64>,
        complaints: Option<f64>,
    ) -> CreditInput {
        CreditInput {
            overdue_days: overdue,
            receivable,
            monetary: Some(100_000.0),
            complaints,
        }
    }

    /// Each risk rule at and just below its threshold (defaults: overdue 1/30/90, receivable
    /// 30 %/60 % of the amount, complaints 1/3).
    #[test]
    fn risk_levels_at_each_threshold() {
        use RiskLevel::*;
        let cases = [
            (input(None, None, None), A),
            (input(Some(0.0), Some(0.0), Some(0.0)), A),
            (input(Some(1.0), None, None), B),
            (input(Some(29.0), None, None), B),
            (input(Some(30.0), None, None), C),
            (input(Some(89.0), None, None), C),
            (input(Some(90.0), None, None), D),
            (input(None, Some(29_999.0), None), A),
            (input(None, Some(30_000.0), None), C),
            (input(None, Some(59_999.0), None), C),
            (input(None, Some(60_000.0), None), D),
            (input(None, None, Some(1.0)), B),
            (input(None, None, Some(2.0)), B),
            (input(None, None, Some(3.0)), C),
            // the worst applies
            (input(Some(5.0), Some(70_000.0), Some(1.0)), D),
            (input(Some(f64::NAN), None, None), A),
        ];
        for (i, (inp, want)) in cases.iter().enumerate() {
            let (got, why) = risk_level(inp, &settings(), Lang::Zh);
            assert_eq!(got, *want, "case {i}: {inp:?} ({why:?})");
        }
    }

    /// Limit = amount × tier share × risk factor, floored to 1000; settlement by risk and tier.
    #[test]
    fn credit_limit_and_settlement_by_tier_and_risk() {
        use Settlement::*;
        let cases = [
            (Tier::Core, None, 30_000.0, Net60),
            (Tier::Potential, None, 20_000.0, Net30),
            (Tier::General, None, 10_000.0, OnDelivery),
            (Tier::Core, Some(10.0), 21_000.0, Net30),
            (Tier::General, Some(10.0), 7_000.0, OnDelivery),
            (Tier::Core, Some(45.0), 12_000.0, OnDelivery),
            (Tier::Potential, Some(45.0), 8_000.0, Prepay),
            (Tier::Core, Some(120.0), 0.0, Prepay),
        ];
        for (tier, overdue, limit, settlement) in cases {
            let advice = credit(&input(overdue, None, None), tier, &settings(), Lang::Zh);
            assert_eq!(
                advice.limit, limit,
                "{tier:?} overdue {overdue:?}: {}",
                advice.reason
            );
            assert_eq!(
                advice.settlement, settlement,
                "{tier:?} overdue {overdue:?}"
            );
        }
        let a = credit(
            &input(Some(10.0), None, None),
            Tier::Core,
            &settings(),
            Lang::Zh,
        );
        assert_eq!(
            a.reason,
            "风险B：逾期10天；额度=累计金额100,000元×30%×0.7=21,000元；核心客户，建议月结30天"
        );
        let none = CreditInput::default();
        let a = credit(&none, Tier::Core, &settings(), Lang::En);
        assert_eq!(a.limit, 0.0);
        assert!(a.reason.contains("no amount on record"), "{}", a.reason);
        let mut capped = settings();
        capped.max_limit = 5_000.0;
        let a = credit(&input(None, None, None), Tier::Core, &capped, Lang::Zh);
        assert_eq!(a.limit, 5_000.0);
        assert!(a.reason.contains("已封顶"), "{}", a.reason);
    }

    fn software() -> Profile {
        Profile::builtin("software", Lang::Zh).unwrap().unwrap()
    }

    fn decoration() -> Profile {
        Profile::builtin("decoration", Lang::Zh).unwrap().unwrap()
    }

    #[test]
    fn software_product_editions() {
        let p = software();
        let cases = [
            (Some(SizeClass::Large), None, "旗舰版/定制"),
            (Some(SizeClass::Large), Some(1.0), "旗舰版/定制"),
            (Some(SizeClass::Medium), None, "专业版"),
            (Some(SizeClass::Small), Some(2.0), "轻量版"),
            (Some(SizeClass::Small), Some(3.0), "标准版"),
            (Some(SizeClass::Micro), Some(10.0), "轻量版"),
            (Some(SizeClass::Unknown), None, "标准版"),
        ];
        for (size, age, want) in cases {
            let c = RecommendInput {
                size,
                age_years: age,
                ..Default::default()
            };
            let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
            assert_eq!(product, want, "{size:?} age {age:?}");
        }
    }

    #[test]
    fn software_modules_and_services() {
        let p = software();
        let bought_cost = vec!["成本核算".to_string()];
        let none: Vec<String> = Vec::new();
        // (group, tier, churn, frequency ratio, modules in use, expected services)
        type Case<'a> = (
            Option<IndustryGroup>,
            Tier,
            Level,
            Option<f64>,
            &'a Vec<String>,
            &'a str,
        );
        let cases: Vec<Case> = vec![
            (
                Some(IndustryGroup::Manufacturing),
                Tier::Core,
                Level::Low,
                None,
                &none,
                "成本管理、专属客户经理",
            ),
            (
                Some(IndustryGroup::Manufacturing),
                Tier::Core,
                Level::Low,
                None,
                &bought_cost,
                "专属客户经理",
            ),
            (
                Some(IndustryGroup::Construction),
                Tier::Potential,
                Level::Low,
                None,
                &none,
                "项目成本/合同管理、营销推送/优惠券",
            ),
            (
                Some(IndustryGroup::Services),
                Tier::General,
                Level::High,
                None,
                &none,
                "收入确认/应收管理、标准化服务、挽留回访",
            ),
            (
                Some(IndustryGroup::Retail),
                Tier::General,
                Level::Medium,
                Some(2.0),
                &none,
                "资金管理、进销存、标准化服务",
            ),
            (
                Some(IndustryGroup::Other),
                Tier::Potential,
                Level::Low,
                Some(1.49),
                &none,
                "营销推送/优惠券",
            ),
        ];
        for (group, tier, churn, ratio, modules, want) in cases {
            let c = RecommendInput {
                group,
                tier: Some(tier),
                churn: Some(churn),
                frequency_ratio: ratio,
                modules,
                ..Default::default()
            };
            let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
            assert_eq!(
                services, want,
                "{group:?} {tier:?} {churn:?} {ratio:?} {modules:?}"
            );
        }
    }

    #[test]
    fn decoration_by_style_budget_and_projects() {
        let p = decoration();
        let cases = [
            (
                Some("现代简约"),
                None,
                None,
                None,
                "标准全包套餐",
                "智能家居配套、标准化服务",
            ),
            (
                Some("新中式"),
                Some(350_000.0),
                None,
                None,
                "品质全包套餐",
                "实木定制家具、高端定制服务包、标准化服务",
            ),
            (
                None,
                Some(800_000.0),
                None,
                Some(3.0),
                "高端定制整装",
                "高端定制服务包、老客户回馈礼包、标准化服务",
            ),
            (
                Some("北欧"),
                None,
                Some(150.0),
                None,
                "大宅整装套餐",
                "全屋收纳定制、全屋定制、标准化服务",
            ),
        ];
        for (style, budget, area, projects, product, services) in cases {
            let c = RecommendInput {
                style,
                budget,
                area,
                projects,
                tier: Some(Tier::General),
                churn: Some(Level::Low),
                ..Default::default()
            };
            let got = recommend(&p.recommend, &c, Lang::Zh);
            assert_eq!(got.0, product, "{style:?} {budget:?} {area:?} {projects:?}");
            assert_eq!(
                got.1, services,
                "{style:?} {budget:?} {area:?} {projects:?}"
            );
        }
        let c = RecommendInput {
            style: Some("简约"),
            tier: Some(Tier::Core),
            ..Default::default()
        };
        let (product, services) = recommend(&p.recommend, &c, Lang::En);
        assert_eq!(product, "Standard package");
        assert_eq!(services, "Smart-home bundle, Dedicated designer");
    }

    /// Step-up rules: active core and potential customers move one edition up, with the reason;
    /// a high churn risk, low activity or no open need leaves the size rules to decide.
    #[test]
    fn step_up_rules_move_active_customers_one_edition_up() {
        let p = software();
        let needs = vec!["项目管理".to_string(), "预算管理".to_string()];
        let modules = vec!["基础财务核算".to_string(), "预算".to_string()];
        let none: Vec<String> = Vec::new();
        // (tier, churn, activity, owned, needs, product)
        let cases: Vec<(Tier, Level, f64, &str, &Vec<String>, &str)> = vec![
            (
                Tier::Core,
                Level::Low,
                70.0,
                "专业版",
                &none,
                "专业版 → 旗舰版/定制版（核心客户，使用活跃）",
            ),
            (
                Tier::Core,
                Level::Medium,
                50.0,
                "标准版",
                &none,
                "标准版 → 专业版（核心客户，使用活跃）",
            ),
            (
                Tier::Core,
                Level::High,
                70.0,
                "标准版",
                &none,
                "维持现有版本（标准版符合规模与需要）",
            ),
            (
                Tier::Core,
                Level::Low,
                40.0,
                "标准版",
                &none,
                "维持现有版本（标准版符合规模与需要）",
            ),
            (
                Tier::Core,
                Level::Low,
                90.0,
                "旗舰版",
                &none,
                "维持现有版本（已是最高版本旗舰版）",
            ),
            (
                Tier::Potential,
                Level::Low,
                60.0,
                "标准版",
                &needs,
                "标准版 → 专业版（潜力客户，使用活跃且有未购需求）",
            ),
            (
                Tier::Potential,
                Level::Low,
                60.0,
                "标准版",
                &none,
                "维持现有版本（标准版符合规模与需要）",
            ),
            (
                Tier::General,
                Level::Low,
                65.0,
                "轻量版",
                &needs,
                "轻量版 → 标准版（使用活跃且有未购需求）",
            ),
            (
                Tier::General,
                Level::Low,
                65.0,
                "标准版",
                &needs,
                "维持现有版本（标准版符合规模与需要）",
            ),
        ];
        for (tier, churn, activity, owned, needs, want) in cases {
            let c = RecommendInput {
                size: Some(SizeClass::Unknown),
                tier: Some(tier),
                churn: Some(churn),
                activity: Some(activity),
                owned: Some(owned),
                needs,
                modules: &modules,
                ..Default::default()
            };
            let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
            assert_eq!(product, want, "{tier:?} {churn:?} {activity} {owned}");
        }
        // Without an edition on record a step-up rule says nothing: the size rules decide.
        let c = RecommendInput {
            size: Some(SizeClass::Medium),
            tier: Some(Tier::Core),
            churn: Some(Level::Low),
            activity: Some(90.0),
            ..Default::default()
        };
        assert_eq!(recommend(&p.recommend, &c, Lang::Zh).0, "专业版");
        let c = RecommendInput {
            size: Some(SizeClass::Unknown),
            tier: Some(Tier::Core),
            churn: Some(Level::Low),
            activity: Some(90.0),
            owned: Some("专业版"),
            ..Default::default()
        };
        assert_eq!(
            recommend(&p.recommend, &c, Lang::En).0,
            "Professional → Flagship / custom (core customer, active user)"
        );
    }

    /// The modules asked for and not yet used come first in 推荐服务, and a group rule for the
    /// same module is not repeated under another name.
    #[test]
    fn modules_asked_for_and_not_used_are_advised() {
        let p = software();
        let needs = vec![
            "项目管理".to_string(),
            "预算管理".to_string(),
            "项目管理".to_string(),
        ];
        let modules = vec!["基础财务核算".to_string(), "预算管理".to_string()];
        let c = RecommendInput {
            group: Some(IndustryGroup::Construction),
            tier: Some(Tier::Potential),
            churn: Some(Level::Low),
            needs: &needs,
            modules: &modules,
            ..Default::default()
        };
        let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(services, "项目管理、营销推送/优惠券");
        assert_eq!(
            open_needs(&needs, &[normalise("项目管理系统")]),
            vec!["预算管理"]
        );
        // At high churn risk the customer is called first, not sold to.
        let c = RecommendInput {
            churn: Some(Level::High),
            ..c
        };
        let (_, services) = recommend(&p.recommend, &c, Lang::Zh);
        assert_eq!(services, "项目成本/合同管理、营销推送/优惠券、挽留回访");
    }

    #[test]
    fn money_has_thousands_separators() {
        for (v, want) in [
            (0.0, "0"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (1234567.8, "1,234,568"),
            (-2500.0, "-2,500"),
        ] {
            assert_eq!(money(v), want);
        }
    }

    /// Against the edition owned: the next step up, or 维持现有版本 with the reason — never a
    /// downgrade, whatever the rule advises.
    #[test]
    fn product_advice_steps_up_from_the_owned_edition_and_never_down() {
        let p = software();
        let cases = [
            (SizeClass::Medium, "标准版", "标准版 → 专业版"),
            (SizeClass::Large, "轻量版", "轻量版 → 标准版"),
            (
                SizeClass::Medium,
                "专业版",
                "维持现有版本（专业版符合规模与需要）",
            ),
            (
                SizeClass::Micro,
                "专业版",
                "维持现有版本（已用专业版，高于按规则推荐的轻量版，不降级）",
            ),
            (
                SizeClass::Small,
                "定制版",
                "维持现有版本（已是最高版本定制版）",
            ),
            (SizeClass::Medium, "某某套件", "专业版"),
        ];
        for (size, owned, want) in cases {
            let c = RecommendInput {
                size: Some(size),
                age_years: Some(10.0),
                owned: Some(owned),
                ..Default::default()
            };
            let (product, _) = recommend(&p.recommend, &c, Lang::Zh);
            assert_eq!(product, want, "{size:?} owning {owned}");
        }
        let c = RecommendInput {
            size: Some(SizeClass::Large),
            owned: Some("专业版"),
            ..Default::default()
        };
        let (product, _) = recommend(&p.recommend, &c, Lang::En);
        assert_eq!(product, "Professional → Flagship / custom");
        assert_eq!(
            product_move("维持现有版本（已是最高版本定制版）"),
            "维持现有版本"
        );
        assert_eq!(product_move("标准版 → 专业版"), "标准版 → 专业版");
    }
}
