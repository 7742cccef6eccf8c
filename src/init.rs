//! `custseg init`: writes a profile for editing (评分方案_<name>.toml, commented in Chinese) and a
//! blank input template workbook (客户信息模板.xlsx) with the canonical headers, drop-down lists
//! for 行业 / 付费模式 / 满意度 (and 装修风格 / 跟进阶段 for decoration) and a 说明 sheet.
//! Never overwrites: if a file of either name exists, nothing is written and the message says so.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::profile::{Profile, BUILTIN};
use crate::{output, say};

/// Rows of the template that carry the drop-down lists (Excel rows 2 … 10 001).
const TEMPLATE_ROWS: u32 = 10_000;

/// One column of the template: zh header, en header, width, and what goes in it.
struct Column {
    zh: &'static str,
    en: &'static str,
    width: f64,
    hint_zh: &'static str,
    hint_en: &'static str,
    list: Option<Choices>,
}

#[derive(Clone, Copy, PartialEq)]
enum Choices {
    Industry,
    Payment,
    Satisfaction,
    Style,
    Stage,
}

const fn col(
    zh: &'static str,
    en: &'static str,
    width: f64,
    hint_zh: &'static str,
    hint_en: &'static str,
) -> Column {
    Column {
        zh,
        en,
        width,
        hint_zh,
        hint_en,
        list: None,
    }
}

const fn listed(mut c: Column, list: Choices) -> Column {
    c.list = Some(list);
    c
}

/// The template columns of the software profile, in order.
const SOFTWARE_COLUMNS: &[Column] = &[
    col(
        "客户编码",
        "customer code",
        12.0,
        "必填，文本，前导零会保留（如 000123）",
        "required; text, leading zeros are kept (000123)",
    ),
    col(
        "客户名称",
        "customer name",
        28.0,
        "企业全称",
        "full company name",
    ),
    col(
        "统一社会信用代码",
        "credit code",
        22.0,
        "18 位代码，用于发现重复客户",
        "18 characters; used to find duplicates",
    ),
    listed(
        col(
            "所属行业",
            "industry",
            16.0,
            "可从下拉列表选，也可填写其他行业",
            "pick from the list or type another industry",
        ),
        Choices::Industry,
    ),
    col("地区", "region", 10.0, "省份或城市", "province or city"),
    col(
        "成立日期",
        "founded",
        12.0,
        "如 2015-06-01 或 2015",
        "e.g. 2015-06-01 or 2015",
    ),
    col(
        "员工人数",
        "employees",
        10.0,
        "从业人员（人）",
        "headcount (persons)",
    ),
    col(
        "营业收入(万元)",
        "annual revenue (10k CNY)",
        16.0,
        "年营业收入，单位万元",
        "annual revenue in 10k CNY",
    ),
    col(
        "资产总额(万元)",
        "total assets (10k CNY)",
        16.0,
        "单位万元",
        "in 10k CNY",
    ),
    listed(
        col(
            "付费模式",
            "payment model",
            12.0,
            "订阅 / 一次性购买 / 定制开发",
            "subscription / one-time / custom",
        ),
        Choices::Payment,
    ),
    col(
        "产品版本",
        "product",
        14.0,
        "如 U8 标准版、T+ 云",
        "e.g. U8 Standard, T+ Cloud",
    ),
    col(
        "使用模块",
        "modules",
        24.0,
        "多个模块用顿号或逗号分隔",
        "separate modules with commas",
    ),
    col(
        "需求模块",
        "needs",
        24.0,
        "客户提出但尚未购买的功能",
        "what the customer asked for but has not bought",
    ),
    col(
        "预算(元)",
        "budget",
        12.0,
        "可写范围，如 5-10万",
        "a range such as 50000-100000 is fine",
    ),
    col(
        "累计购买金额(元)",
        "total spend",
        16.0,
        "有销售明细时可不填",
        "may stay empty when sales lines are supplied",
    ),
    col(
        "成交次数",
        "orders",
        10.0,
        "有销售明细时可不填",
        "may stay empty when sales lines are supplied",
    ),
    col(
        "首次购买日期",
        "first purchase",
        14.0,
        "如 2023-03-15",
        "e.g. 2023-03-15",
    ),
    col(
        "最近购买日期",
        "last purchase",
        14.0,
        "如 2026-08-20",
        "e.g. 2026-08-20",
    ),
    col(
        "续费率",
        "renewal rate",
        10.0,
        "如 85% 或 0.85",
        "e.g. 85% or 0.85",
    ),
    col(
        "近90天登录次数",
        "logins",
        14.0,
        "最近 90 天登录系统的次数",
        "logins in the last 90 days",
    ),
    col(
        "最近登录",
        "last login",
        14.0,
        "最后一次登录日期",
        "date of the last login",
    ),
    col("使用时长", "usage hours", 10.0, "小时", "hours"),
    col("工单数", "tickets", 10.0, "服务请求数", "service requests"),
    listed(
        col(
            "满意度",
            "satisfaction",
            12.0,
            "下拉选择，或填 1–5、1–10、0–100 的分数",
            "pick a word, or a score on 1–5, 1–10 or 0–100",
        ),
        Choices::Satisfaction,
    ),
    col("推荐意愿", "nps", 10.0, "0–10 分", "0–10"),
    col("投诉次数", "complaints", 10.0, "次", "count"),
    col(
        "应收余额(元)",
        "receivable",
        14.0,
        "当前应收账款余额",
        "current receivable balance",
    ),
    col(
        "逾期天数",
        "overdue days",
        10.0,
        "应收最长逾期天数",
        "longest overdue, in days",
    ),
];

/// The template columns of the decoration profile, in order.
const DECORATION_COLUMNS: &[Column] = &[
    col(
        "客户编码",
        "customer code",
        12.0,
        "必填，文本，前导零会保留",
        "required; text, leading zeros are kept",
    ),
    col(
        "客户名称",
        "customer name",
        16.0,
        "业主姓名或公司名称",
        "homeowner or company name",
    ),
    col("地区", "region", 10.0, "城市或小区", "city or estate"),
    listed(
        col(
            "装修风格",
            "style",
            12.0,
            "可从下拉列表选，也可填写其他风格",
            "pick from the list or type another style",
        ),
        Choices::Style,
    ),
    col(
        "预算(元)",
        "budget",
        12.0,
        "可写范围，如 20-30万",
        "a range such as 200000-300000 is fine",
    ),
    col("房屋面积", "house area", 10.0, "平方米", "square metres"),
    col(
        "历史项目数",
        "projects",
        10.0,
        "与本公司合作过的项目数",
        "projects done with us",
    ),
    listed(
        col(
            "跟进阶段",
            "stage",
            12.0,
            "下拉选择当前阶段",
            "pick the current stage",
        ),
        Choices::Stage,
    ),
    col(
        "关注功能",
        "needs",
        20.0,
        "如 全屋定制、厨卫改造、智能家居",
        "e.g. custom furniture, kitchen, smart home",
    ),
    col(
        "合同金额(元)",
        "total spend",
        14.0,
        "累计签约金额",
        "contracted amount to date",
    ),
    col(
        "签约日期",
        "signup date",
        12.0,
        "首次签约日期",
        "first contract date",
    ),
    col(
        "最近购买日期",
        "last purchase",
        14.0,
        "最近一次签约或增项日期",
        "date of the latest contract or add-on",
    ),
    listed(
        col(
            "满意度",
            "satisfaction",
            12.0,
            "下拉选择，或填 1–5、1–10、0–100 的分数",
            "pick a word, or a score on 1–5, 1–10 or 0–100",
        ),
        Choices::Satisfaction,
    ),
    col("投诉次数", "complaints", 10.0, "次", "count"),
    col(
        "应收余额(元)",
        "receivable",
        14.0,
        "未收工程款",
        "unpaid amount",
    ),
    col(
        "逾期天数",
        "overdue days",
        10.0,
        "最长逾期天数",
        "longest overdue, in days",
    ),
];

fn choices(list: Choices, lang: Lang) -> (&'static str, Vec<&'static str>, bool) {
    // (title, values, strict): a strict list rejects other input, a loose one only warns.
    match list {
        Choices::Industry => (
            lang.pick("所属行业", "Industry"),
            vec![
                "汽车零部件制造",
                "五金制品制造",
                "食品加工",
                "软件开发",
                "信息技术服务",
                "连锁超市",
                "批发贸易",
                "装饰装修工程",
                "建筑施工",
                "物业服务",
                "货物仓储",
                "物流运输",
                "酒店",
                "餐饮",
                "房地产开发",
                "广告咨询",
                "农业种植",
                "教育培训",
            ],
            false,
        ),
        Choices::Payment => (
            lang.pick("付费模式", "Payment model"),
            match lang {
                Lang::Zh => vec!["订阅", "一次性购买", "定制开发"],
                Lang::En => vec!["Subscription", "One-time", "Custom"],
            },
            true,
        ),
        Choices::Satisfaction => (
            lang.pick("满意度", "Satisfaction"),
            vec!["非常满意", "满意", "一般", "不满意", "非常不满意"],
            false,
        ),
        Choices::Style => (
            lang.pick("装修风格", "Style"),
            vec![
                "现代简约",
                "新中式",
                "北欧",
                "日式",
                "欧式",
                "美式",
                "轻奢",
                "工业风",
            ],
            false,
        ),
        Choices::Stage => (
            lang.pick("跟进阶段", "Stage"),
            vec![
                "初次接洽",
                "量房",
                "方案设计",
                "报价",
                "已签约",
                "施工中",
                "竣工",
                "售后",
            ],
            false,
        ),
    }
}

/// The file names `init` writes for a profile, in the run's language.
pub fn file_names(profile: &str, lang: Lang) -> (String, String) {
    match lang {
        Lang::Zh => (
            format!("评分方案_{profile}.toml"),
            "客户信息模板.xlsx".to_string(),
        ),
        Lang::En => (
            format!("profile_{profile}.toml"),
            "customer_template.xlsx".to_string(),
        ),
    }
}

/// Writes the templates into `dir`; returns the paths written.
///
/// # Errors
/// An unknown profile name; a file of either name already in `dir` (nothing is written then);
/// a folder that cannot be written.
pub fn write_templates(dir: &Path, profile: &str, lang: Lang) -> Result<Vec<PathBuf>> {
    let Some(text) = Profile::builtin_text(profile) else {
        let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        return Err(Error::usage(say!(
            lang,
            "没有名为“{}”的内置评分方案，可选：{}。",
            "There is no built-in profile \"{}\"; choose one of: {}.",
            profile,
            names.join(", ")
        )));
    };
    let (toml_name, xlsx_name) = file_names(profile, lang);
    let toml_path = dir.join(toml_name);
    let xlsx_path = dir.join(xlsx_name);
    for path in [&toml_path, &xlsx_path] {
        if path.exists() {
            return Err(Error::output(say!(
                lang,
                "文件夹 {0} 中的 {1} 已存在，未做任何改动。请先移走或改名，或换一个目录：custseg init 其他目录",
                "{1} already exists in the folder {0}; nothing was changed. Move or rename it, or choose another folder: custseg init OTHER_DIR",
                crate::console::display_path(dir),
                crate::console::file_shown(path)
            )));
        }
    }
    let xlsx = template_workbook(profile, lang).map_err(|e| {
        Error::output(crate::messages::workbook_failed(lang, &e)).with_detail(e.to_string())
    })?;
    let toml_written = output::write_atomic(&toml_path, text.as_bytes(), &[])?;
    match output::write_atomic(&xlsx_path, &xlsx, &[]) {
        Ok(xlsx_written) => Ok(vec![toml_written, xlsx_written]),
        Err(e) => {
            // All or nothing: a lone profile would make the next `init` refuse for no reason.
            let _ = std::fs::remove_file(&toml_written);
            Err(e)
        }
    }
}

/// The blank input template as bytes.
pub fn template_workbook(profile: &str, lang: Lang) -> std::result::Result<Vec<u8>, XlsxError> {
    let columns = if profile == "decoration" {
        DECORATION_COLUMNS
    } else {
        SOFTWARE_COLUMNS
    };
    let data_name = lang.pick("客户信息", "Customers");
    let help_name = lang.pick("说明", "Instructions");
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let text = Format::new().set_num_format("@");

    // The lists live on the 说明 sheet, so the user sees the choices next to the instructions.
    let lists: Vec<Choices> = columns.iter().filter_map(|c| c.list).collect();
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(data_name)?;
        for (i, c) in columns.iter().enumerate() {
            let i = i as u16;
            sheet.write_string_with_format(0, i, lang.pick(c.zh, c.en), &header)?;
            sheet.set_column_width(i, c.width)?;
            if i == 0 {
                // Codes are text: Excel must not turn 000123 into 123.
                sheet.set_column_format(0, &text)?;
            }
            let input = lang.pick(c.hint_zh, c.hint_en);
            let mut validation = DataValidation::new();
            if let Some(list) = c.list {
                let k = lists.iter().position(|l| *l == list).unwrap_or(0) as u16;
                let (_, values, strict) = choices(list, lang);
                let column = column_number_to_name(LIST_FIRST_COL + k);
                let range = format!(
                    "='{}'!${column}$2:${column}${}",
                    help_name,
                    values.len() + 1
                );
                validation = validation.allow_list_formula(Formula::new(range));
                if !strict {
                    validation = validation
                        .set_error_style(DataValidationErrorStyle::Information)
                        .set_error_message(lang.pick(
                            "不在下拉列表中，仍可使用：程序会按关键词归类。",
                            "Not in the list; it can still be used: custseg matches it by keyword.",
                        ))?;
                }
            } else {
                validation = validation.allow_any_value();
            }
            validation = validation.set_input_message(input)?;
            sheet.add_data_validation(1, i, TEMPLATE_ROWS, i, &validation)?;
        }
        sheet.set_freeze_panes(1, 2)?;
        sheet.set_row_height(0, 30)?;
    }
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(help_name)?;
        write_help(sheet, profile, columns, lang, &header)?;
        for (k, list) in lists.iter().enumerate() {
            let (title, values, _) = choices(*list, lang);
            let c = LIST_FIRST_COL + k as u16;
            sheet.write_string_with_format(0, c, title, &header)?;
            sheet.set_column_width(c, 16)?;
            for (r, v) in values.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c, *v)?;
            }
        }
    }
    workbook.save_to_buffer()
}

/// Column of the 说明 sheet where the first drop-down list starts (C).
const LIST_FIRST_COL: u16 = 2;

fn write_help(
    sheet: &mut Worksheet,
    profile: &str,
    columns: &[Column],
    lang: Lang,
    header: &Format,
) -> std::result::Result<(), XlsxError> {
    let (toml_name, _) = file_names(profile, lang);
    let intro: Vec<String> = match lang {
        Lang::Zh => vec![
            "客户信息模板 填写说明".to_string(),
            "1. 在“客户信息”表中每行填写一个客户，第一行表头请勿修改；不知道的项目可以留空。".to_string(),
            "2. 客户编码必填，按文本保存（000123 与 123 是不同客户）。".to_string(),
            "3. 金额单位见表头括号（元或万元）；日期写成 2026-09-30、2026/9/30 或 2026年9月30日。".to_string(),
            "4. 有销售明细、登录记录、满意度调查时，可另存为其他文件，与本文件一起拖到 custseg 上，按客户编码自动合并。".to_string(),
            format!("5. 评分权重、等级划分、推荐规则可在 {toml_name} 中修改，运行：custseg 客户信息模板.xlsx --profile {toml_name}"),
            "6. 结果写在输入文件旁：…_客户分类.xlsx 和 …_管理报告.pdf。".to_string(),
            String::new(),
            "各列说明：".to_string(),
        ],
        Lang::En => vec![
            "Customer template: how to fill it in".to_string(),
            "1. One customer per row on the Customers sheet; keep the header row as it is; leave unknown cells empty.".to_string(),
            "2. The customer code is required and kept as text (000123 and 123 are different customers).".to_string(),
            "3. Money units are in the header brackets; dates as 2026-09-30 or 2026/9/30.".to_string(),
            "4. Sales lines, logins and surveys may come in other files: drop them together onto custseg; they are joined by customer code.".to_string(),
            format!("5. Weights, tiers and recommendation rules are in {toml_name}; run: custseg customer_template.xlsx --profile {toml_name} --lang en"),
            "6. The results are written next to the input: …_segments.xlsx and …_report.pdf.".to_string(),
            String::new(),
            "Columns:".to_string(),
        ],
    };
    sheet.set_column_width(0, 90)?;
    for (r, line) in intro.iter().enumerate() {
        if r == 0 {
            sheet.write_string_with_format(0, 0, line, header)?;
        } else {
            sheet.write_string(r as u32, 0, line)?;
        }
    }
    let start = intro.len() as u32;
    // One cell per column ("客户编码：必填…"), so no cell of this sheet reads as a header.
    for (i, c) in columns.iter().enumerate() {
        let line = format!(
            "{}{}{}",
            lang.pick(c.zh, c.en),
            lang.pick("：", ": "),
            lang.pick(c.hint_zh, c.hint_en)
        );
        sheet.write_string(start + i as u32, 0, line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook_auto, Data, Reader};

    #[test]
    fn writes_profile_and_template_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_templates(dir.path(), "software", Lang::Zh).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(written[0], dir.path().join("评分方案_software.toml"));
        assert_eq!(written[1], dir.path().join("客户信息模板.xlsx"));
        // The profile written reads back as the built-in one.
        let back = Profile::load(written[0].to_str().unwrap(), Lang::Zh).unwrap();
        assert_eq!(back.name, "software");

        let mut wb = open_workbook_auto(&written[1]).unwrap();
        assert_eq!(wb.sheet_names(), vec!["客户信息", "说明"]);
        let range = wb.worksheet_range("客户信息").unwrap();
        let headers: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for h in [
            "客户编码",
            "客户名称",
            "所属行业",
            "员工人数",
            "营业收入(万元)",
            "付费模式",
            "满意度",
            "逾期天数",
        ] {
            assert!(
                headers.iter().any(|x| x == h),
                "header {h} missing: {headers:?}"
            );
        }
        let help = wb.worksheet_range("说明").unwrap();
        let cells: Vec<String> = help
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect();
        assert!(cells.iter().any(|c| c == "订阅"), "payment choices on 说明");
        assert!(cells.iter().any(|c| c == "非常满意"));
        assert!(cells.iter().any(|c| c == "五金制品制造"));
        assert!(matches!(help.get_value((0, 0)), Some(Data::String(s)) if s.contains("填写说明")));

        // A second run refuses and changes nothing.
        let before = std::fs::read(&written[0]).unwrap();
        let err = write_templates(dir.path(), "software", Lang::Zh).unwrap_err();
        assert!(err.to_string().contains("已存在"), "{}", err.to_string());
        assert_eq!(std::fs::read(&written[0]).unwrap(), before);
    }

    #[test]
    fn refuses_when_only_the_workbook_exists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("customer_template.xlsx"), b"mine").unwrap();
        let err = write_templates(dir.path(), "decoration", Lang::En).unwrap_err();
        assert!(
            err.to_string().contains("already exists"),
            "{}",
            err.to_string()
        );
        assert!(!dir.path().join("profile_decoration.toml").exists());
        assert_eq!(
            std::fs::read(dir.path().join("customer_template.xlsx")).unwrap(),
            b"mine"
        );
    }

    #[test]
    fn decoration_template_has_its_own_columns() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_templates(dir.path(), "decoration", Lang::Zh).unwrap();
        let mut wb = open_workbook_auto(&written[1]).unwrap();
        let range = wb.worksheet_range("客户信息").unwrap();
        let headers: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for h in ["装修风格", "预算(元)", "房屋面积", "历史项目数", "跟进阶段"]
        {
            assert!(
                headers.iter().any(|x| x == h),
                "header {h} missing: {headers:?}"
            );
        }
    }

    #[test]
    fn unknown_profile_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_templates(dir.path(), "hotel", Lang::Zh).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("software"), "{}", err.to_string());
    }

    #[test]
    fn column_letters() {
        for (c, want) in [(0, "A"), (6, "G"), (25, "Z"), (26, "AA"), (27, "AB")] {
            assert_eq!(column_number_to_name(c), want);
        }
    }
}
