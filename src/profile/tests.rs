//! Tests of the profiles: the built-ins parse, and a bad profile names its file, line and key.

use super::check::KeyLines;
use super::*;
use crate::model::{IndustryGroup, RiskLevel, Settlement, SizeClass, Tier};

fn software_text() -> &'static str {
    Profile::builtin_text("software").unwrap()
}

#[test]
fn builtins_parse_in_both_languages() {
    for (name, _) in BUILTIN {
        for lang in [Lang::Zh, Lang::En] {
            let p = Profile::builtin(name, lang).unwrap();
            let p = p.unwrap_or_else(|e| panic!("{name}: {}", e));
            assert_eq!(&p.name, name);
            assert!(!p.industry.is_empty(), "{name}: industry table");
            assert!(!p.recommend.is_empty(), "{name}: recommendation rules");
            assert!(p.settings().len() > 10, "{name}: settings");
        }
    }
}

#[test]
fn decoration_may_weigh_size_zero() {
    let p = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
    assert_eq!(p.weights.size, 0.0);
}

/// Each broken profile: (what is changed, replacement, expected line, expected words).
#[test]
fn bad_profiles_name_the_line_and_key() {
    let base = software_text();
    let line_of = |needle: &str| {
        base.lines()
            .position(|l| l.trim_start().starts_with(needle))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{needle} not in software.toml"))
    };
    let cases: Vec<(&str, &str, usize, &str)> = vec![
        (
            "value = 0.35",
            "value = -0.35",
            line_of("value = 0.35"),
            "不能为负数",
        ),
        (
            "core_share = 0.2",
            "core_share = 20",
            line_of("core_share"),
            "0 到 1",
        ),
        (
            "size = 0.2",
            "size = 0.2\nsizes = 1",
            line_of("size = 0.2") + 1,
            "未知的设置项“sizes”",
        ),
        (
            "core_score = 70",
            "core_score = 170",
            line_of("core_score"),
            "0 到 100",
        ),
        (
            "\nmethod = \"quantile\"",
            "\nmethod = \"top\"",
            line_of("method = \"quantile\""),
            "无法识别的取值“top”",
        ),
        (
            "standard = \"工业\"",
            "standard = \"制造\"",
            line_of("standard = \"工业\""),
            "不是国家标准中的行业",
        ),
    ];
    for (from, to, line, words) in cases {
        assert!(base.contains(from), "software.toml lacks {from}");
        let text = base.replacen(from, to, 1);
        let err = Profile::parse(&text, "x.toml", Lang::Zh)
            .err()
            .unwrap_or_else(|| panic!("{from} → {to}: accepted"));
        assert!(
            err.to_string().contains(&format!("第 {line} 行")),
            "{from} → {to}: expected line {line}: {}",
            err
        );
        assert!(err.to_string().contains(words), "{from} → {to}: {}", err);
        assert!(err.to_string().contains("x.toml"), "{}", err.to_string());
    }
}

#[test]
fn weights_all_zero_and_crossed_cutoffs_are_rejected() {
    let text = r#"
name = "t"
[weights]
size = 0
value = 0
activity = 0
satisfaction = 0
potential = 0
"#;
    let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
    assert!(
        err.to_string().contains("第 4 行（weights.size）"),
        "{}",
        err.to_string()
    );
    assert!(
        err.to_string().contains("不能全部为 0"),
        "{}",
        err.to_string()
    );
    let text = r#"
name = "t"
[weights]
size = 1
value = 1
activity = 1
satisfaction = 1
potential = 1
[tiers]
method = "absolute"
core_score = 50
potential_score = 60
"#;
    let err = Profile::parse(text, "t.toml", Lang::En).unwrap_err();
    assert!(err.to_string().contains("line 12"), "{}", err.to_string());
    assert!(
        err.to_string().contains("tiers.potential_score"),
        "{}",
        err.to_string()
    );
}

#[test]
fn alias_for_an_unknown_field_is_rejected_at_its_line() {
    let text = "name = \"t\"\n[aliases]\ncode = [\"编号\"]\npurchse_amount = [\"合同额\"]\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
    let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
    assert!(
        err.to_string()
            .contains("第 4 行（aliases.purchse_amount）"),
        "{}",
        err.to_string()
    );
    assert!(
        err.to_string().contains("不是标准字段名"),
        "{}",
        err.to_string()
    );
}

#[test]
fn value_mix_parts_not_written_are_zero_but_not_all() {
    let head = "name = \"t\"\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
    let p = Profile::parse(
        &format!("{head}[value.custom]\nmonetary = 1\n"),
        "t.toml",
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(p.value.custom.frequency, 0.0);
    assert_eq!(p.value.one_time, ValueMix::default());
    let err = Profile::parse(
        &format!("{head}[value.custom]\nrenewal = 0\n"),
        "t.toml",
        Lang::Zh,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("第 8 行（value.custom.monetary）"),
        "{}",
        err.to_string()
    );
}

#[test]
fn key_lines_come_from_the_parser() {
    let text = "name = \"t\"\n[tiers]\ncore_score = 50\n\n[value.subscription]\nmonetary = 0\n[[recommend]]\ngive = \"a\"\n[[recommend]]\ngive = \"b\"\n";
    let lines = KeyLines::new(text);
    assert_eq!(lines.of_key("tiers", "core_score"), Some(3));
    assert_eq!(lines.of_key("tiers", "potential_score"), Some(2));
    assert_eq!(lines.of_key("value.subscription", "monetary"), Some(6));
    assert_eq!(lines.of_key("value.subscription", "usage"), Some(5));
    assert_eq!(lines.of_key("credit", "overdue_c"), None);
    assert_eq!(lines.of_array_item("recommend", 0), Some(7));
    assert_eq!(lines.of_array_item("recommend", 1), Some(9));
    assert_eq!(lines.of_array_item("recommend", 2), None);
}

#[test]
fn syntax_error_gives_the_line() {
    let text = "name = \"t\"\n[weights]\nsize = \n";
    let err = Profile::parse(text, "t.toml", Lang::Zh).unwrap_err();
    assert!(err.to_string().contains("第 3 行"), "{}", err.to_string());
}

#[test]
fn minimal_profile_takes_defaults() {
    let text = "name = \"t\"\n[weights]\nsize = 1\nvalue = 1\nactivity = 1\nsatisfaction = 1\npotential = 1\n";
    let p = Profile::parse(text, "t.toml", Lang::Zh).unwrap();
    assert_eq!(p.tiers, TierSettings::default());
    assert_eq!(
        p.credit.settlement(RiskLevel::A, Tier::Core),
        Settlement::Net60
    );
    assert_eq!(
        p.credit.settlement(RiskLevel::D, Tier::Core),
        Settlement::Prepay
    );
}

#[test]
fn labels_read_in_either_language() {
    assert_eq!(SizeClass::from_label("大型"), Some(SizeClass::Large));
    assert_eq!(SizeClass::from_label("large"), Some(SizeClass::Large));
    assert_eq!(Settlement::from_label("月结30天"), Some(Settlement::Net30));
    assert_eq!(
        IndustryGroup::from_label("其他"),
        Some(IndustryGroup::Other)
    );
    assert_eq!(Tier::from_label("VIP"), None);
}

#[test]
fn software_lists_the_default_sections_and_decoration_its_own() {
    let sw = Profile::builtin("software", Lang::Zh).unwrap().unwrap();
    assert_eq!(
        sw.report,
        ReportSettings::default(),
        "software keeps its report"
    );
    let deco = Profile::builtin("decoration", Lang::Zh).unwrap().unwrap();
    let r = &deco.report;
    assert!(
        !r.has("size_industry"),
        "homeowners have no size or industry"
    );
    for s in ["funnel", "sources", "designers", "styles", "budgets"] {
        assert!(r.has(s), "decoration lists {s}");
    }
    let funnel = r.funnel.as_ref().expect("a funnel");
    let names: Vec<&str> = funnel.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["量房", "意向", "签约", "施工", "竣工"]);
    assert_eq!(funnel.signed_index(), 2);
    assert_eq!(funnel.stage_of("售后"), Some(4));
    assert_eq!(funnel.stage_of("设计"), Some(1));
    assert_eq!(funnel.stage_of("流失"), None);
    assert!(r
        .actions
        .text(Tier::Core, Lang::Zh)
        .is_some_and(|t| t.contains("转介绍")));
    assert!(r
        .actions
        .text(Tier::Core, Lang::En)
        .is_some_and(|t| t.contains("referrals")));
}

#[test]
fn a_bad_report_section_or_signed_stage_is_named() {
    let base = Profile::builtin_text("decoration").unwrap();
    for (from, to, key) in [
        (
            "\"funnel\", \"sources\"",
            "\"funnel\", \"sauces\"",
            "report.sections",
        ),
        (
            "signed_from = \"签约\"",
            "signed_from = \"交钱\"",
            "report.funnel.signed_from",
        ),
        (
            "field = \"style\"",
            "field = \"colour\"",
            "report.groups.field",
        ),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "{from} not in decoration.toml");
        let err = Profile::parse(&text, "x.toml", Lang::Zh).expect_err(to);
        assert!(err.to_string().contains(key), "{to}: {}", err);
    }
}
