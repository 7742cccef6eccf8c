//! Stage 7 support: the report's charts, drawn with plotters into an RGB pixel buffer and
//! labelled in Chinese with the report's font. The numbers come from `figures` (the workbook's
//! native charts read the same ones); only the scatter's points are gathered here.
//!
//! Charts are raster images placed at ≥ 200 dpi: vector charts lose their CJK text and bloat
//! the file (see NOTES-crates.md). Titles live in the PDF as text, so they stay searchable.

use std::sync::Mutex;

use ab_glyph::{Font as _, FontRef, ScaleFont as _};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use crate::error::{Error, Result};
use crate::figures::{Pareto, TierStat, SIZES, TIER_COLORS};
use crate::model::{Analysis, IndustryGroup, Lang, SizeClass, Tier};
use crate::report::font::Font;
use crate::report::format::{self, MoneyUnit};
use crate::say;
use crate::values::thousands;

/// The family name the report's font is registered under in plotters.
const FAMILY: &str = "custseg-report";
/// Pixel width of a full-width chart (174 mm at about 200 dpi).
pub const FULL_WIDTH: u32 = 1400;

/// An RGB8 raster chart.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels, row by row, 3 bytes each.
    pub rgb: Vec<u8>,
}

/// Colours for series, in a palette that survives greyscale printing reasonably.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(31, 78, 121),
    RGBColor(230, 126, 34),
    RGBColor(39, 174, 96),
    RGBColor(142, 68, 173),
    RGBColor(192, 57, 43),
    RGBColor(22, 160, 133),
    RGBColor(127, 140, 141),
    RGBColor(241, 196, 15),
];

/// Colour of a tier: the palette both outputs share (`figures::TIER_COLORS`).
pub fn tier_color(tier: Tier) -> RGBColor {
    let i = Tier::ALL.iter().position(|&t| t == tier).unwrap_or(2);
    let c = TIER_COLORS[i];
    RGBColor((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

// ───────────────────────────── chart data ─────────────────────────────

/// (价值得分, 活跃得分, cluster id) per customer with both scores.
pub fn cluster_points(analysis: &Analysis) -> Vec<(f64, f64, usize)> {
    analysis
        .classification
        .customers
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let cluster = analysis
                .clustering
                .labels
                .get(i)
                .copied()
                .unwrap_or(c.cluster);
            Some((c.scores.value?, c.scores.activity?, cluster))
        })
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .collect()
}

/// At most `max` items taken at a fixed interval, in order (the same input, the same sample).
pub fn thin<T: Clone>(items: &[T], max: usize) -> Vec<T> {
    if items.len() <= max || max == 0 {
        return items.to_vec();
    }
    let step = items.len().div_ceil(max);
    items.iter().step_by(step).cloned().collect()
}

// ───────────────────────────── drawing ─────────────────────────────

/// Serialises font registration: plotters keeps fonts in a process-wide registry.
static REGISTER: Mutex<()> = Mutex::new(());

/// Makes `font` the face plotters draws chart text with.
pub fn use_font(font: &Font, lang: Lang) -> Result<()> {
    let _guard = REGISTER.lock().unwrap_or_else(|p| p.into_inner());
    let bytes = font.standalone_bytes();
    *CHART_FACE.lock().unwrap_or_else(|p| p.into_inner()) = Some(bytes);
    register_font(FAMILY, FontStyle::Normal, bytes).map_err(|_| {
        Error::output(say!(
            lang,
            "字体无法用于绘制图表。",
            "The font cannot be used to draw the charts."
        ))
    })
}

fn draw_error<E: std::fmt::Debug>(lang: Lang) -> impl Fn(E) -> Error {
    move |e| {
        Error::output(say!(
            lang,
            "绘制图表失败：{:?}",
            "Drawing a chart failed: {:?}",
            e
        ))
    }
}

/// The face registered for charts (plotters reads face 0 of these bytes).
static CHART_FACE: Mutex<Option<&'static [u8]>> = Mutex::new(None);

fn chart_face() -> Result<FontRef<'static>> {
    let bytes = *CHART_FACE.lock().unwrap_or_else(|p| p.into_inner());
    bytes
        .and_then(|b| FontRef::try_from_slice(b).ok())
        .ok_or_else(|| Error::output("chart font not registered".to_string()))
}

/// Width of `text` in pixels at `size`.
fn text_width_px(text: &str, size: u32) -> Result<i32> {
    let face = chart_face()?;
    let scaled = face.as_scaled(size as f32);
    let mut width = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    Ok(width.round() as i32)
}

/// Draws `text` anchored at `pos`, one glyph at a time at its pen position plus its left side
/// bearing: plotters' ab_glyph backend drops the bearing, which pushes brackets and middle
/// dots off their place ("208( 41.6%)").
fn put(area: &Area, text: &str, pos: (i32, i32), size: u32, h: HPos, v: VPos) -> Result<()> {
    let face = chart_face()?;
    let scaled = face.as_scaled(size as f32);
    let total = text_width_px(text, size)?;
    let mut pen = match h {
        HPos::Left => pos.0 as f32,
        HPos::Center => pos.0 as f32 - total as f32 / 2.0,
        HPos::Right => pos.0 as f32 - total as f32,
    };
    let style = label(size).pos(Pos::new(HPos::Left, v));
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            pen += scaled.kern(p, id);
        }
        prev = Some(id);
        if !c.is_whitespace() {
            let x = pen + scaled.h_side_bearing(id);
            area.draw(&Text::new(
                c.to_string(),
                (x.round() as i32, pos.1),
                style.clone(),
            ))
            .map_err(|e| Error::output(format!("{e:?}")))?;
        }
        pen += scaled.h_advance(id);
    }
    Ok(())
}

/// A legend row: a swatch and a label per item, spaced by the labels' measured widths.
fn legend(area: &Area, items: &[(String, RGBColor)], x0: i32, y: i32) -> Result<()> {
    let mut x = x0;
    for (name, color) in items {
        area.draw(&Rectangle::new(
            [(x, y - 13), (x + 26, y + 13)],
            color.filled(),
        ))
        .map_err(|e| Error::output(format!("{e:?}")))?;
        put(area, name, (x + 36, y), NORMAL, HPos::Left, VPos::Center)?;
        x += 36 + text_width_px(name, NORMAL)? + 48;
    }
    Ok(())
}

fn label(size: u32) -> TextStyle<'static> {
    TextStyle::from((FAMILY, size).into_font()).color(&RGBColor(52, 58, 64))
}

/// Text style sizes in pixels at ~200 dpi (8 px ≈ 1 mm; 28 px ≈ 10 pt).
const SMALL: u32 = 28;
const NORMAL: u32 = 32;

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;

fn render(
    width: u32,
    height: u32,
    lang: Lang,
    draw: impl FnOnce(&Area) -> Result<()>,
) -> Result<Chart> {
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error(lang))?;
        draw(&root)?;
        root.present().map_err(draw_error(lang))?;
    }
    Ok(Chart { width, height, rgb })
}

/// A nice upper bound for an axis: 1, 2, 2.5 or 5 × 10ⁿ above `max`.
fn nice_max(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    for step in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if step * magnitude >= max * 1.08 {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// One bar panel: categories along x, one value each, value labels above the bars.
#[allow(clippy::too_many_arguments)]
fn bar_panel(
    area: &Area,
    lang: Lang,
    title: &str,
    categories: &[String],
    values: &[f64],
    colors: &[RGBColor],
    value_text: &dyn Fn(f64) -> String,
) -> Result<()> {
    let n = categories.len().max(1);
    let y_max = nice_max(values.iter().cloned().fold(0.0, f64::max));
    let mut chart = ChartBuilder::on(area)
        .margin(18)
        .margin_top(64)
        .x_label_area_size(56)
        .y_label_area_size(110)
        .build_cartesian_2d(-0.5f64..n as f64 - 0.5, 0f64..y_max)
        .map_err(draw_error(lang))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| thousands(*v, if y_max < 10.0 { 1 } else { 0 }))
        .label_style(label(SMALL))
        .light_line_style(RGBColor(240, 240, 240))
        .bold_line_style(RGBColor(225, 225, 225))
        .axis_style(RGBColor(160, 160, 160))
        .draw()
        .map_err(draw_error(lang))?;
    chart
        .draw_series(values.iter().enumerate().map(|(i, v)| {
            let c = colors[i % colors.len()];
            // A negative net amount is labelled as it is; its bar stays at the axis.
            Rectangle::new(
                [(i as f64 - 0.32, 0.0), (i as f64 + 0.32, v.max(0.0))],
                c.filled(),
            )
        }))
        .map_err(draw_error(lang))?;
    let (w, _) = area.dim_in_pixel();
    put(
        area,
        title,
        (w as i32 / 2, 30),
        NORMAL,
        HPos::Center,
        VPos::Center,
    )?;
    // backend_coord is relative to the whole image; the panel draws relative to itself.
    let (ox, oy) = area.get_base_pixel();
    for (i, (cat, v)) in categories.iter().zip(values).enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, v.max(0.0)));
        let (_, base) = chart.backend_coord(&(i as f64, 0.0));
        let (x, y, base) = (x - ox, y - oy, base - oy);
        put(
            area,
            &value_text(*v),
            (x, y - 8),
            SMALL,
            HPos::Center,
            VPos::Bottom,
        )?;
        put(area, cat, (x, base + 12), NORMAL, HPos::Center, VPos::Top)?;
    }
    Ok(())
}

/// 客户等级分布: customers per tier and amount per tier, side by side.
pub fn tier_chart(stats: &[TierStat], unit: MoneyUnit, lang: Lang) -> Result<Chart> {
    render(FULL_WIDTH, 560, lang, |root| {
        let (left, right) = root.split_horizontally(FULL_WIDTH / 2);
        let names: Vec<String> = stats
            .iter()
            .map(|s| s.tier.label(lang).to_string())
            .collect();
        let colors: Vec<RGBColor> = stats.iter().map(|s| tier_color(s.tier)).collect();
        let counts: Vec<f64> = stats.iter().map(|s| s.count as f64).collect();
        let total_count: f64 = counts.iter().sum();
        bar_panel(
            &left,
            lang,
            &say!(lang, "客户数（家）", "Customers"),
            &names,
            &counts,
            &colors,
            &|v| {
                format!(
                    "{}（{}）",
                    thousands(v, 0),
                    format::percent(format::share(v, total_count))
                )
            },
        )?;
        let amounts: Vec<f64> = stats.iter().map(|s| s.amount / unit.divisor()).collect();
        let total_amount: f64 = amounts.iter().sum();
        bar_panel(
            &right,
            lang,
            &say!(lang, "销售额（{}）", "Sales ({})", unit.name(lang)),
            &names,
            &amounts,
            &colors,
            &|v| {
                format!(
                    "{}（{}）",
                    thousands(v, 1),
                    format::percent(format::share(v, total_amount))
                )
            },
        )
    })
}

/// Pixel width of the phone page's chart, placed [`PHONE_CHART_MM`] wide: its 42 px text then
/// prints at about 14 pt, readable on a 6-inch phone without zoom.
pub const PHONE_WIDTH: u32 = 800;
/// Printed width of the phone page's chart, mm.
pub const PHONE_CHART_MM: f32 = 140.0;

/// The phone page's one chart: per tier, its share of customers and its share of sales as two
/// horizontal bars, each labelled in words ("客户 20.0%", "销售额 77.2%"); large text, no axis.
pub fn tier_share_chart(stats: &[TierStat], lang: Lang) -> Result<Chart> {
    let row_h = 100;
    // Larger than NORMAL: the chart is printed narrower than a full-width one.
    let size = 42;
    let height = row_h * stats.len().max(1) as u32 + 12;
    render(PHONE_WIDTH, height, lang, |root| {
        let customers: f64 = stats.iter().map(|s| s.count as f64).sum();
        let amount: f64 = stats.iter().map(|s| s.amount).sum();
        let (bar_x, bar_max) = (200, 340.0);
        let grey = RGBColor(190, 196, 202);
        for (i, s) in stats.iter().enumerate() {
            let top = 6 + i as i32 * row_h as i32;
            put(
                root,
                s.tier.label(lang),
                (0, top + 44),
                size,
                HPos::Left,
                VPos::Center,
            )?;
            let bars = [
                (
                    format::share(s.count as f64, customers),
                    grey,
                    say!(lang, "客户", "customers"),
                ),
                (
                    format::share(s.amount, amount),
                    tier_color(s.tier),
                    say!(lang, "销售额", "sales"),
                ),
            ];
            for (j, (share, color, what)) in bars.iter().enumerate() {
                let y = top + j as i32 * 44;
                let len = (share.clamp(0.0, 1.0) * bar_max).round() as i32;
                root.draw(&Rectangle::new(
                    [(bar_x, y), (bar_x + len.max(2), y + 38)],
                    color.filled(),
                ))
                .map_err(draw_error(lang))?;
                let text = say!(lang, "{} {}", "{} {}", what, format::percent(*share));
                put(
                    root,
                    &text,
                    (bar_x + len.max(2) + 12, y + 19),
                    size,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
        }
        Ok(())
    })
}

/// 规模与行业: stacked bars of customers per industry group, split by size class; `shown`
/// indexes `SizeClass::ALL` for the legend (a class outside it has no customers).
pub fn size_industry_chart(
    rows: &[(IndustryGroup, [usize; SIZES])],
    shown: &[usize],
    lang: Lang,
) -> Result<Chart> {
    render(FULL_WIDTH, 620, lang, |root| {
        let n = rows.len().max(1);
        let y_max = nice_max(
            rows.iter()
                .map(|(_, r)| r.iter().sum::<usize>() as f64)
                .fold(0.0, f64::max),
        );
        let mut chart = ChartBuilder::on(root)
            .margin(18)
            .margin_top(70)
            .x_label_area_size(50)
            .y_label_area_size(110)
            .build_cartesian_2d(-0.5f64..n as f64 - 0.5, 0f64..y_max)
            .map_err(draw_error(lang))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&|v| thousands(*v, 0))
            .y_desc(say!(lang, "客户数", "Customers"))
            .label_style(label(SMALL))
            .axis_desc_style(label(SMALL))
            .light_line_style(RGBColor(240, 240, 240))
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(160, 160, 160))
            .draw()
            .map_err(draw_error(lang))?;
        let size_colors: [RGBColor; SIZES] = [
            PALETTE[0], PALETTE[5], PALETTE[1], PALETTE[7], PALETTE[6], PALETTE[3],
        ];
        for s in 0..SIZES {
            chart
                .draw_series(rows.iter().enumerate().map(|(i, (_, r))| {
                    let below: usize = r[..s].iter().sum();
                    Rectangle::new(
                        [
                            (i as f64 - 0.3, below as f64),
                            (i as f64 + 0.3, (below + r[s]) as f64),
                        ],
                        size_colors[s].filled(),
                    )
                }))
                .map_err(draw_error(lang))?;
        }
        // Legend along the top, drawn by hand so it never covers a bar.
        let items: Vec<(String, RGBColor)> = shown
            .iter()
            .map(|&i| (SizeClass::ALL[i].label(lang).to_string(), size_colors[i]))
            .collect();
        legend(root, &items, 140, 35)?;
        for (i, (group, r)) in rows.iter().enumerate() {
            let total: usize = r.iter().sum();
            let (x, y) = chart.backend_coord(&(i as f64, total as f64));
            let (_, base) = chart.backend_coord(&(i as f64, 0.0));
            put(
                root,
                &format::count(total),
                (x, y - 8),
                SMALL,
                HPos::Center,
                VPos::Bottom,
            )?;
            put(
                root,
                group.label(lang),
                (x, base + 12),
                NORMAL,
                HPos::Center,
                VPos::Top,
            )?;
        }
        Ok(())
    })
}

/// 价值分析: the Pareto curve with the ABC cut lines at 80 % and 95 % of the amount.
pub fn pareto_chart(p: &Pareto, lang: Lang) -> Result<Chart> {
    render(FULL_WIDTH, 640, lang, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(18)
            .margin_right(40)
            .x_label_area_size(80)
            .y_label_area_size(110)
            .build_cartesian_2d(0f64..100.0, 0f64..100.0)
            .map_err(draw_error(lang))?;
        chart
            .configure_mesh()
            .x_labels(11)
            .y_labels(11)
            .x_label_formatter(&|v| format!("{v:.0}%"))
            .y_label_formatter(&|v| format!("{v:.0}%"))
            .x_desc(say!(
                lang,
                "客户占比，按销售额从高到低排列",
                "Share of customers, largest first"
            ))
            .y_desc(say!(lang, "累计销售额占比", "Cumulative share of sales"))
            .label_style(label(SMALL))
            .axis_desc_style(label(SMALL))
            .light_line_style(RGBColor(244, 244, 244))
            .bold_line_style(RGBColor(228, 228, 228))
            .axis_style(RGBColor(160, 160, 160))
            .draw()
            .map_err(draw_error(lang))?;
        let n = (p.a_count + p.b_count + p.c_count).max(1) as f64;
        let a_x = p.a_count as f64 / n * 100.0;
        let b_x = (p.a_count + p.b_count) as f64 / n * 100.0;
        // Shade the A and B zones lightly; C is the white remainder.
        chart
            .draw_series([
                Rectangle::new([(0.0, 0.0), (a_x, 100.0)], RGBColor(225, 236, 247).filled()),
                Rectangle::new([(a_x, 0.0), (b_x, 100.0)], RGBColor(253, 240, 225).filled()),
            ])
            .map_err(draw_error(lang))?;
        for (y, x) in [(80.0, a_x), (95.0, b_x)] {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(0.0, y), (x, y), (x, 0.0)],
                    10,
                    6,
                    ShapeStyle::from(&RGBColor(120, 120, 120)).stroke_width(2),
                ))
                .map_err(draw_error(lang))?;
        }
        chart
            .draw_series(LineSeries::new(
                // Negative amounts at the tail make the net curve pass 100 % before it returns.
                p.points
                    .iter()
                    .map(|(x, y)| (x * 100.0, y.clamp(0.0, 1.0) * 100.0)),
                ShapeStyle::from(&PALETTE[0]).stroke_width(4),
            ))
            .map_err(draw_error(lang))?;
        let zones = [
            (
                a_x / 2.0,
                format!("A {}", say!(lang, "类", "class")),
                p.a_count,
            ),
            (
                (a_x + b_x) / 2.0,
                format!("B {}", say!(lang, "类", "class")),
                p.b_count,
            ),
            (
                (b_x + 100.0) / 2.0,
                format!("C {}", say!(lang, "类", "class")),
                p.c_count,
            ),
        ];
        for (i, (x, name, count)) in zones.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(*x, 30.0 - i as f64 * 0.0));
            // Narrow zones get their label to the right of the cut line instead.
            let text = format!("{name} {}{}", format::count(*count), say!(lang, "家", ""));
            let px = if i < 2 && ((if i == 0 { a_x } else { b_x - a_x }) < 12.0) {
                let (edge, _) = chart.backend_coord(&(if i == 0 { a_x } else { b_x }, 0.0));
                edge + 100 + 40 * i as i32
            } else {
                px
            };
            put(
                root,
                &text,
                (px, py + 40 * i as i32),
                NORMAL,
                HPos::Center,
                VPos::Center,
            )?;
        }
        for (y, text) in [(80.0, "80%"), (95.0, "95%")] {
            let (px, py) = chart.backend_coord(&(0.0, y));
            put(
                root,
                text,
                (px + 8, py - 4),
                SMALL,
                HPos::Left,
                VPos::Bottom,
            )?;
        }
        Ok(())
    })
}

/// A histogram over 0–100 in ten buckets, stacked by series, with a legend.
fn stacked_histogram(
    root: &Area,
    lang: Lang,
    series: &[(String, RGBColor, [usize; 10])],
    x_desc: &str,
) -> Result<()> {
    let totals: Vec<usize> = (0..10)
        .map(|b| series.iter().map(|s| s.2[b]).sum())
        .collect();
    let y_max = nice_max(totals.iter().cloned().max().unwrap_or(0) as f64);
    let mut chart = ChartBuilder::on(root)
        .margin(18)
        .margin_top(if series.len() > 1 { 70 } else { 30 })
        .x_label_area_size(80)
        .y_label_area_size(110)
        .build_cartesian_2d(0f64..100.0, 0f64..y_max)
        .map_err(draw_error(lang))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(11)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| thousands(*v, 0))
        .x_desc(x_desc)
        .y_desc(say!(lang, "客户数", "Customers"))
        .label_style(label(SMALL))
        .axis_desc_style(label(SMALL))
        .light_line_style(RGBColor(240, 240, 240))
        .bold_line_style(RGBColor(225, 225, 225))
        .axis_style(RGBColor(160, 160, 160))
        .draw()
        .map_err(draw_error(lang))?;
    for (s, (_, color, counts)) in series.iter().enumerate() {
        chart
            .draw_series((0..10).map(|b| {
                let below: usize = series[..s].iter().map(|x| x.2[b]).sum();
                let x = b as f64 * 10.0;
                Rectangle::new(
                    [
                        (x + 0.8, below as f64),
                        (x + 9.2, (below + counts[b]) as f64),
                    ],
                    color.filled(),
                )
            }))
            .map_err(draw_error(lang))?;
    }
    if series.len() > 1 {
        let items: Vec<(String, RGBColor)> =
            series.iter().map(|(n, c, _)| (n.clone(), *c)).collect();
        legend(root, &items, 140, 35)?;
    }
    Ok(())
}

/// 活跃与流失: 活跃得分 distribution, stacked by churn risk.
pub fn activity_chart(h: &[[usize; 10]; 3], lang: Lang) -> Result<Chart> {
    render(FULL_WIDTH, 560, lang, |root| {
        let series = [
            (
                say!(lang, "流失风险 高", "Churn risk high"),
                PALETTE[4],
                h[0],
            ),
            (
                say!(lang, "流失风险 中", "Churn risk medium"),
                PALETTE[1],
                h[1],
            ),
            (
                say!(lang, "流失风险 低", "Churn risk low"),
                PALETTE[2],
                h[2],
            ),
        ];
        stacked_histogram(
            root,
            lang,
            &series,
            &say!(lang, "活跃得分", "Activity score"),
        )
    })
}

/// 满意度: distribution of satisfaction (0–100).
pub fn satisfaction_chart(h: &[usize; 10], lang: Lang) -> Result<Chart> {
    render(FULL_WIDTH, 500, lang, |root| {
        let series = [(String::new(), PALETTE[5], *h)];
        stacked_histogram(
            root,
            lang,
            &series,
            &say!(lang, "满意度，0–100 分", "Satisfaction, 0–100"),
        )
    })
}

/// 聚类画像: 价值得分 against 活跃得分, one colour per cluster, with a legend of names.
pub fn cluster_chart(
    points: &[(f64, f64, usize)],
    names: &[(usize, String)],
    lang: Lang,
) -> Result<Chart> {
    let legend_rows = names.len().div_ceil(2).max(1) as u32;
    render(FULL_WIDTH, 680 + 40 * legend_rows, lang, |root| {
        let (plot, legend) = root.split_vertically(680);
        let mut chart = ChartBuilder::on(&plot)
            .margin(18)
            .margin_right(40)
            .x_label_area_size(80)
            .y_label_area_size(110)
            .build_cartesian_2d(0f64..100.0, 0f64..100.0)
            .map_err(draw_error(lang))?;
        chart
            .configure_mesh()
            .x_labels(11)
            .y_labels(11)
            .x_desc(say!(lang, "价值得分", "Value score"))
            .y_desc(say!(lang, "活跃得分", "Activity score"))
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style(label(SMALL))
            .axis_desc_style(label(SMALL))
            .light_line_style(RGBColor(244, 244, 244))
            .bold_line_style(RGBColor(228, 228, 228))
            .axis_style(RGBColor(160, 160, 160))
            .draw()
            .map_err(draw_error(lang))?;
        // Many points: smaller dots, so that the clusters' shapes stay visible.
        let radius = if points.len() > 3000 {
            3
        } else if points.len() > 800 {
            4
        } else {
            6
        };
        for (id, _) in names {
            let color = PALETTE[(id + 7) % PALETTE.len()];
            chart
                .draw_series(points.iter().filter(|p| p.2 == *id).map(|p| {
                    Circle::new(
                        (p.0.clamp(0.0, 100.0), p.1.clamp(0.0, 100.0)),
                        radius,
                        color.mix(0.65).filled(),
                    )
                }))
                .map_err(draw_error(lang))?;
        }
        for (i, (id, name)) in names.iter().enumerate() {
            let color = PALETTE[(id + 7) % PALETTE.len()];
            let x = 140 + (i % 2) as i32 * 620;
            let y = 10 + (i / 2) as i32 * 40;
            legend
                .draw(&Circle::new((x + 12, y + 14), 10, color.filled()))
                .map_err(draw_error(lang))?;
            put(
                &legend,
                &format!("{id}  {name}"),
                (x + 34, y + 14),
                NORMAL,
                HPos::Left,
                VPos::Center,
            )?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::Figures;
    use crate::testdata;

    #[test]
    fn thin_keeps_at_most_max_items_in_order() {
        let items: Vec<usize> = (0..10_001).collect();
        let cases = [
            (10, 10_001usize),
            (4000, 10_001),
            (20_000, 10_001),
            (0, 10_001),
        ];
        for (max, n) in cases {
            let t = thin(&items[..n], max);
            let limit = if max == 0 { n } else { max };
            assert!(t.len() <= limit, "thin to {max}: {}", t.len());
            assert!(t.windows(2).all(|w| w[0] < w[1]), "order kept");
        }
        assert_eq!(thin(&items[..5], 10), vec![0, 1, 2, 3, 4]);
        assert_eq!(thin(&items[..10], 5), vec![0, 2, 4, 6, 8]);
    }

    #[test]
    fn charts_render_with_the_embedded_font() {
        let a = testdata::analysis(200, Lang::Zh);
        let f = Figures::of(&a);
        use_font(&Font::embedded(), Lang::Zh).expect("font registers");
        let chart = tier_chart(&f.tiers, MoneyUnit::Wan, Lang::Zh).expect("tier chart");
        assert_eq!(chart.rgb.len(), (chart.width * chart.height * 3) as usize);
        // Something besides white was drawn.
        assert!(chart.rgb.iter().any(|&b| b < 200));
        let p = pareto_chart(&f.pareto, Lang::En).expect("pareto chart");
        assert!(p.rgb.iter().any(|&b| b < 200));
    }
}
