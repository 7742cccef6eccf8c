//! Page layout for the report: A4 pages, text measured with the font's own advances, wrapping,
//! ellipsis, tables that repeat their header across pages, images, and the running header and
//! footer written once every page is laid out (so "共 M 页" is known).
//!
//! Coordinates here are millimetres from the top-left corner of the page; printpdf's origin is
//! bottom-left in points, and the conversion happens only in this file.

use ab_glyph::{Font as _, FontRef};
use printpdf::font::PdfFont;
use printpdf::{
    Color, FontId, ImageCompression, ImageOptimizationOptions, Line, LinePoint, Mm, Op,
    PageAnnotId, PageAnnotation, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat, Rect, Rgb, TextItem,
    XObject, XObjectId, XObjectTransform,
};

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::report::charts::Chart;
use crate::report::font::Font;
use crate::say;

/// A4 width, mm.
pub const PAGE_W: f32 = 210.0;
/// A4 height, mm.
pub const PAGE_H: f32 = 297.0;
/// Left and right margin, mm.
pub const MARGIN: f32 = 18.0;
/// Width available for content, mm.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Where content starts below the running header, mm from the top.
const TOP: f32 = 24.0;
/// Where content must end above the footer, mm from the top.
const BOTTOM: f32 = 279.0;
/// Printed in place of a character the font lacks (U+3013 GETA MARK).
pub const MISSING_GLYPH: char = '〓';
/// Millimetres per point.
const MM_PER_PT: f32 = 25.4 / 72.0;
/// Space between a table cell's border and its text, mm.
const CELL_PAD: f32 = 1.6;

/// What a table cell too wide for its column does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overflow {
    /// Cut with an ellipsis, on one line.
    Cut,
    /// Wrapped onto more lines.
    Wrap,
}

/// An sRGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    fn pdf(self) -> Color {
        Color::Rgb(Rgb {
            r: self.0 as f32 / 255.0,
            g: self.1 as f32 / 255.0,
            b: self.2 as f32 / 255.0,
            icc_profile: None,
        })
    }
}

/// Body text colour.
pub const INK: Rgb8 = Rgb8(33, 37, 41);
/// Secondary text colour.
pub const GREY: Rgb8 = Rgb8(108, 117, 125);
/// Rules and borders.
pub const RULE: Rgb8 = Rgb8(206, 212, 218);
/// The report's accent colour (headings, header band).
pub const ACCENT: Rgb8 = Rgb8(31, 78, 121);
/// Light fill for table headers and KPI boxes.
pub const PALE: Rgb8 = Rgb8(234, 240, 247);
/// Zebra stripe fill.
pub const STRIPE: Rgb8 = Rgb8(247, 249, 251);

/// Horizontal alignment of text in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (numbers).
    Right,
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Width as a share of the table width (the shares are normalised).
    pub share: f32,
    /// Alignment of the cells.
    pub align: Align,
}

impl Column {
    /// A column with the given header, relative width and alignment.
    pub fn new(title: impl Into<String>, share: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            share,
            align,
        }
    }
}

struct Face {
    measure: FontRef<'static>,
    id: FontId,
}

/// The document being laid out.
pub struct Layout {
    doc: PdfDocument,
    regular: Face,
    bold: Option<Face>,
    pages: Vec<Vec<Op>>,
    /// Current vertical position, mm from the top of the current page.
    pub y: f32,
    bookmarks: Vec<(String, usize)>,
    lang: Lang,
    /// Sections numbered so far.
    pub sections: usize,
}

impl Layout {
    /// Starts a document with the report's fonts; no page yet.
    pub fn new(title: &str, font: &Font, lang: Lang) -> Result<Layout> {
        let mut doc = PdfDocument::new(title);
        let regular = load_face(&mut doc, font, "CSGREG", lang)?;
        let bold = if font.is_embedded() {
            Some(load_face(&mut doc, &Font::embedded_bold(), "CSGBLD", lang)?)
        } else {
            None
        };
        Ok(Layout {
            doc,
            regular,
            bold,
            pages: Vec::new(),
            y: TOP,
            bookmarks: Vec::new(),
            lang,
            sections: 0,
        })
    }

    /// Sets title, author and subject of the document information.
    pub fn set_info(&mut self, title: &str, author: &str, subject: &str, keywords: &[String]) {
        let info = &mut self.doc.metadata.info;
        info.document_title = title.to_string();
        info.author = author.to_string();
        info.subject = subject.to_string();
        info.creator = format!("custseg {}", env!("CARGO_PKG_VERSION"));
        info.producer = "custseg (printpdf)".to_string();
        info.keywords = keywords.to_vec();
    }

    /// Sets the creation and modification date from the run's local time ("2026-11-29 13:05");
    /// left at the epoch when it cannot be read.
    pub fn set_date(&mut self, local: &str) {
        use chrono::TimeZone;
        let Ok(naive) = chrono::NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%d %H:%M")
        else {
            return;
        };
        let Some(when) = chrono::Local.from_local_datetime(&naive).earliest() else {
            return;
        };
        if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(when.timestamp()) {
            let info = &mut self.doc.metadata.info;
            info.creation_date = date;
            info.modification_date = date;
            info.metadata_date = date;
        }
    }

    /// Number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a new page and puts the cursor at the top of its content area.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Space left on the current page, mm.
    pub fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Starts a new page unless `height` mm still fit on the current one.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > BOTTOM {
            self.new_page();
        }
    }

    /// Adds an outline entry for the current page. printpdf orders entries of one page by name,
    /// so a section whose name would sort before an earlier one on the same page starts a page.
    pub fn bookmark(&mut self, name: &str) {
        let page = self.pages.len();
        if let Some((last, last_page)) = self.bookmarks.last() {
            if *last_page == page && name < last.as_str() {
                self.new_page();
            }
        }
        self.bookmarks.push((name.to_string(), self.pages.len()));
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn face(&self, bold: bool, text: &str) -> &Face {
        match &self.bold {
            Some(b)
                if bold
                    && text
                        .chars()
                        .all(|c| c.is_whitespace() || b.measure.glyph_id(c).0 != 0) =>
            {
                b
            }
            _ => &self.regular,
        }
    }

    /// The characters of `text` the font has no glyph for (they print as 〓, the typesetter's
    /// mark for a missing character, never as an empty box).
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        text.chars()
            .filter(|&c| {
                !c.is_control() && !c.is_whitespace() && self.regular.measure.glyph_id(c).0 == 0
            })
            .collect()
    }

    fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.missing_glyphs(text).is_empty() {
            return std::borrow::Cow::Borrowed(text);
        }
        let face = &self.regular.measure;
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| {
                    if c.is_control() {
                        ' '
                    } else if c.is_whitespace() || face.glyph_id(c).0 != 0 {
                        c
                    } else {
                        MISSING_GLYPH
                    }
                })
                .collect(),
        )
    }

    /// Width of `text` at `size` points, mm.
    pub fn text_width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let text = &self.printable(text);
        let face = &self.face(bold, text).measure;
        let upem = face.units_per_em().unwrap_or(1000.0);
        let units: f32 = text
            .chars()
            .map(|c| face.h_advance_unscaled(face.glyph_id(c)))
            .sum();
        units / upem * size * MM_PER_PT
    }

    /// `text` cut to fit `width` mm, with an ellipsis when cut.
    pub fn fit(&self, text: &str, width: f32, size: f32, bold: bool) -> String {
        if self.text_width(text, size, bold) <= width {
            return text.to_string();
        }
        let ellipsis = "…";
        let room = width - self.text_width(ellipsis, size, bold);
        let mut out = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            let w = self.text_width(c.encode_utf8(&mut [0; 4]), size, bold);
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        format!("{}{ellipsis}", out.trim_end())
    }

    /// Breaks `text` into lines no wider than `width` mm. Han characters may break anywhere
    /// (but not before closing punctuation); Latin words break at spaces.
    pub fn wrap(&self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for token in tokens(para) {
                let candidate = format!("{line}{token}");
                if line.is_empty() || self.text_width(candidate.trim_end(), size, bold) <= width {
                    line = candidate;
                    continue;
                }
                lines.push(line.trim_end().to_string());
                line = token.trim_start().to_string();
                while self.text_width(&line, size, bold) > width && line.chars().count() > 1 {
                    // A single token wider than the line (a long code): cut it hard.
                    let cut = self.fit_chars(&line, width, size, bold);
                    lines.push(line[..cut].to_string());
                    line = line[cut..].to_string();
                }
            }
            lines.push(line.trim_end().to_string());
        }
        lines
    }

    /// Column widths: every column gets its content's natural width where the page allows,
    /// the spare width is shared by `share`; when the page is too narrow, the column with the
    /// largest share (the customer name) gives way and its cells are cut with an ellipsis.
    fn column_widths(
        &self,
        columns: &[Column],
        rows: &[Vec<String>],
        size: f32,
        pad: f32,
    ) -> Vec<f32> {
        let total_share: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        let by_share: Vec<f32> = columns
            .iter()
            .map(|c| c.share / total_share * CONTENT_W)
            .collect();
        let natural: Vec<f32> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let header = match c.title.find(['（', '(']) {
                    Some(at) if at > 0 => self
                        .text_width(c.title[..at].trim_end(), size, true)
                        .max(self.text_width(&c.title[at..], size, true)),
                    _ => self.text_width(&c.title, size, true),
                };
                let cells = rows
                    .iter()
                    .take(200)
                    .filter_map(|r| r.get(i))
                    .map(|t| self.text_width(t, size, false))
                    .fold(0.0, f32::max);
                header.max(cells) + 2.0 * pad + 0.5
            })
            .collect();
        let sum: f32 = natural.iter().sum();
        if sum <= CONTENT_W {
            return natural
                .iter()
                .zip(columns)
                .map(|(n, c)| n + (CONTENT_W - sum) * c.share / total_share)
                .collect();
        }
        let Some(flex) =
            (0..columns.len()).max_by(|&a, &b| columns[a].share.total_cmp(&columns[b].share))
        else {
            return by_share;
        };
        let others: f32 = natural
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != flex)
            .map(|(_, n)| n)
            .sum();
        let left = CONTENT_W - others;
        if left < 0.2 * CONTENT_W {
            return by_share;
        }
        let mut widths = natural;
        widths[flex] = left;
        widths
    }

    /// A column header in one line, or two split before its unit ("销售额" / "（万元）").
    fn header_lines(&self, title: &str, width: f32, size: f32) -> Vec<String> {
        if self.text_width(title, size, true) <= width {
            return vec![title.to_string()];
        }
        for open in ["（", " (", "("] {
            if let Some(at) = title.find(open) {
                if at > 0 && self.text_width(&title[..at], size, true) <= width {
                    return vec![title[..at].to_string(), title[at..].trim().to_string()];
                }
            }
        }
        self.wrap(title, width, size, true)
    }

    fn fit_chars(&self, text: &str, width: f32, size: f32, bold: bool) -> usize {
        let mut used = 0.0;
        for (i, c) in text.char_indices() {
            used += self.text_width(c.encode_utf8(&mut [0; 4]), size, bold);
            if used > width && i > 0 {
                return i;
            }
        }
        text.len()
    }

    /// Writes `text` with its baseline at `baseline` mm from the top.
    pub fn text(&mut self, x: f32, baseline: f32, size: f32, bold: bool, color: Rgb8, text: &str) {
        let ops = self.text_ops(x, baseline, size, bold, color, text);
        self.ops().extend(ops);
    }

    fn text_ops(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        color: Rgb8,
        text: &str,
    ) -> Vec<Op> {
        if text.is_empty() {
            return Vec::new();
        }
        let text = &self.printable(text);
        let id = self.face(bold, text).id.clone();
        vec![
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetFillColor { col: color.pdf() },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(PAGE_H - baseline)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]
    }

    /// Writes `text` aligned within `[x, x + width]`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(
        &mut self,
        x: f32,
        width: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        color: Rgb8,
        align: Align,
        text: &str,
    ) {
        let text = self.fit(text, width, size, bold);
        let w = self.text_width(&text, size, bold);
        let left = match align {
            Align::Left => x,
            Align::Center => x + (width - w) / 2.0,
            Align::Right => x + width - w,
        };
        self.text(left, baseline, size, bold, color, &text);
    }

    /// Fills and/or outlines a rectangle given by its top-left corner, mm.
    pub fn rect(
        &mut self,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb8>,
        stroke: Option<Rgb8>,
    ) {
        let rect = |mode| Rect {
            x: Mm(x).into(),
            y: Mm(PAGE_H - top - h).into(),
            width: Mm(w).into(),
            height: Mm(h).into(),
            mode: Some(mode),
            winding_order: None,
        };
        let mut ops = Vec::new();
        ops.push(Op::SaveGraphicsState);
        if let Some(fill) = fill {
            ops.push(Op::SetFillColor { col: fill.pdf() });
            ops.push(Op::DrawRectangle {
                rectangle: rect(PaintMode::Fill),
            });
        }
        if let Some(stroke) = stroke {
            ops.push(Op::SetOutlineColor { col: stroke.pdf() });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
            ops.push(Op::DrawRectangle {
                rectangle: rect(PaintMode::Stroke),
            });
        }
        ops.push(Op::RestoreGraphicsState);
        self.ops().extend(ops);
    }

    /// A straight line between two points, mm.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb8, thickness_pt: f32) {
        let ops = line_ops(x1, y1, x2, y2, color, thickness_pt);
        self.ops().extend(ops);
    }
}

fn line_ops(x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb8, thickness_pt: f32) -> Vec<Op> {
    let point = |x: f32, y: f32| LinePoint {
        p: Point::new(Mm(x), Mm(PAGE_H - y)),
        bezier: false,
    };
    vec![
        Op::SaveGraphicsState,
        Op::SetOutlineColor { col: color.pdf() },
        Op::SetOutlineThickness {
            pt: Pt(thickness_pt),
        },
        Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        },
        Op::RestoreGraphicsState,
    ]
}

impl Layout {
    /// Places a chart `width` mm wide with its top at the cursor, and moves the cursor below it.
    pub fn chart(&mut self, chart: &Chart, width: f32) {
        let height = width * chart.height as f32 / chart.width as f32;
        self.ensure(height + 2.0);
        let image = RawImage {
            pixels: RawImageData::U8(chart.rgb.clone()),
            width: chart.width as usize,
            height: chart.height as usize,
            data_format: RawImageFormat::RGB8,
            tag: Vec::new(),
        };
        let id = XObjectId(format!(
            "Im{:03}",
            self.doc.resources.xobjects.map.len() + 1
        ));
        self.doc
            .resources
            .xobjects
            .map
            .insert(id.clone(), XObject::Image(image));
        let dpi = chart.width as f32 / (width / 25.4);
        let x = MARGIN + (CONTENT_W - width) / 2.0;
        let op = Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Mm(x).into()),
                translate_y: Some(Mm(PAGE_H - self.y - height).into()),
                dpi: Some(dpi),
                ..Default::default()
            },
        };
        self.ops().push(op);
        self.y += height + 2.0;
    }

    /// A paragraph wrapped to `width` mm starting at `x`; returns its height.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        color: Rgb8,
        text: &str,
    ) -> f32 {
        let line_h = size * MM_PER_PT * 1.55;
        let lines = self.wrap(text, width, size, bold);
        let start = self.y;
        for line in lines {
            self.ensure(line_h);
            self.text(
                x,
                self.y + size * MM_PER_PT * 1.05,
                size,
                bold,
                color,
                &line,
            );
            self.y += line_h;
        }
        self.y - start
    }

    /// A table with a shaded header row repeated on every page it spans. Cells that do not fit
    /// their column are cut with an ellipsis.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>], size: f32) {
        let widths = self.column_widths(columns, rows, size, CELL_PAD);
        self.draw_table(columns, &widths, rows, size, Overflow::Cut);
    }

    /// A two-column table of (setting, value) under a shaded header row, repeated on every page
    /// it spans; unlike [`Layout::table`], long text wraps onto more lines instead of being cut.
    /// `key_share` is the first column's share of the width.
    pub fn wrapped_table(
        &mut self,
        titles: [&str; 2],
        rows: &[(String, String)],
        key_share: f32,
        size: f32,
    ) {
        let columns = titles.map(|t| Column::new(t, 1.0, Align::Left));
        let widths = [CONTENT_W * key_share, CONTENT_W * (1.0 - key_share)];
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        self.draw_table(&columns, &widths, &rows, size, Overflow::Wrap);
    }

    /// The one table drawer: the header row (repeated after each page break), striped rows, a
    /// closing rule. `overflow` says what a cell too wide for its column does.
    fn draw_table(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        rows: &[Vec<String>],
        size: f32,
        overflow: Overflow,
    ) {
        let pad = CELL_PAD;
        let row_h = size * MM_PER_PT * 1.9;
        let line_h = size * MM_PER_PT * 1.45;
        let header_h = self.table_header_height(columns, widths, size);
        let first_rows = match overflow {
            Overflow::Cut => row_h * rows.len().clamp(1, 3) as f32,
            Overflow::Wrap => 3.0 * line_h,
        };
        self.ensure(header_h + first_rows);
        self.table_header(columns, widths, size, header_h);
        for (i, row) in rows.iter().enumerate() {
            // Each cell's lines: the cell itself (cut when drawn), or wrapped to the column.
            let cells: Vec<Vec<String>> = match overflow {
                Overflow::Cut => row.iter().map(|c| vec![c.clone()]).collect(),
                Overflow::Wrap => (row.iter().zip(widths))
                    .map(|(c, w)| self.wrap(c, w - 2.0 * pad, size, false))
                    .collect(),
            };
            let height = match overflow {
                Overflow::Cut => row_h,
                Overflow::Wrap => {
                    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
                    lines as f32 * line_h + pad
                }
            };
            if self.y + height > BOTTOM {
                self.new_page();
                self.table_header(columns, widths, size, header_h);
            }
            let top = self.y;
            if i % 2 == 1 {
                self.rect(MARGIN, top, CONTENT_W, height, Some(STRIPE), None);
            }
            let mut x = MARGIN;
            for ((cell, c), w) in cells.iter().zip(columns).zip(widths) {
                match overflow {
                    Overflow::Cut => {
                        let baseline = top + row_h / 2.0 + size * MM_PER_PT * 0.36;
                        let text = cell.first().map_or("", String::as_str);
                        self.text_in(
                            x + pad,
                            w - 2.0 * pad,
                            baseline,
                            size,
                            false,
                            INK,
                            c.align,
                            text,
                        );
                    }
                    Overflow::Wrap => {
                        for (j, line) in cell.iter().enumerate() {
                            let baseline =
                                top + pad / 2.0 + j as f32 * line_h + size * MM_PER_PT * 1.05;
                            self.text(x + pad, baseline, size, false, INK, line);
                        }
                    }
                }
                x += w;
            }
            self.y = top + height;
        }
        self.line(MARGIN, self.y, MARGIN + CONTENT_W, self.y, RULE, 0.6);
        self.y += 2.0;
    }

    /// The header row's height: one row, or a little more when a title takes two lines.
    fn table_header_height(&self, columns: &[Column], widths: &[f32], size: f32) -> f32 {
        let lines = columns
            .iter()
            .zip(widths)
            .map(|(c, w)| self.header_lines(&c.title, w - 2.0 * CELL_PAD, size).len())
            .max()
            .unwrap_or(1)
            .min(2);
        size * MM_PER_PT * 1.9 + (lines as f32 - 1.0) * size * MM_PER_PT * 1.2
    }

    /// Draws a table's shaded header row at the current position and moves below it.
    fn table_header(&mut self, columns: &[Column], widths: &[f32], size: f32, header_h: f32) {
        let pad = CELL_PAD;
        let top = self.y;
        self.rect(MARGIN, top, CONTENT_W, header_h, Some(PALE), None);
        let mut x = MARGIN;
        for (c, w) in columns.iter().zip(widths) {
            let lines = self.header_lines(&c.title, w - 2.0 * pad, size);
            let n = lines.len().min(2);
            let line_step = size * MM_PER_PT * 1.2;
            let first =
                top + (header_h - (n as f32 - 1.0) * line_step) / 2.0 + size * MM_PER_PT * 0.36;
            for (i, line) in lines.iter().take(2).enumerate() {
                let baseline = first + i as f32 * line_step;
                self.text_in(
                    x + pad,
                    w - 2.0 * pad,
                    baseline,
                    size,
                    true,
                    ACCENT,
                    c.align,
                    line,
                );
            }
            x += w;
        }
        let bottom = top + header_h;
        self.line(MARGIN, bottom, MARGIN + CONTENT_W, bottom, ACCENT, 0.8);
        self.y = bottom;
    }

    /// Writes the running header (from the second page on) and the footer "第 N 页 / 共 M 页",
    /// then serialises the document.
    pub fn finish(mut self, header_left: &str, header_right: &str) -> Result<Vec<u8>> {
        let total = self.pages.len();
        for index in 0..total {
            let mut ops = Vec::new();
            if index > 0 {
                ops.extend(self.text_ops(MARGIN, 14.0, 8.5, false, GREY, header_left));
                let w = self.text_width(header_right, 8.5, false);
                ops.extend(self.text_ops(
                    PAGE_W - MARGIN - w,
                    14.0,
                    8.5,
                    false,
                    GREY,
                    header_right,
                ));
                ops.extend(line_ops(MARGIN, 16.5, PAGE_W - MARGIN, 16.5, RULE, 0.6));
            }
            let footer = say!(
                self.lang,
                "第 {} 页 / 共 {} 页",
                "Page {} of {}",
                index + 1,
                total
            );
            let w = self.text_width(&footer, 8.5, false);
            ops.extend(self.text_ops((PAGE_W - w) / 2.0, 289.0, 8.5, false, GREY, &footer));
            ops.append(&mut self.pages[index]);
            self.pages[index] = ops;
        }
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops))
            .collect();
        for (i, (name, page)) in self.bookmarks.iter().enumerate() {
            self.doc.bookmarks.map.insert(
                PageAnnotId(format!("B{i:03}")),
                PageAnnotation {
                    name: name.clone(),
                    page: *page,
                },
            );
        }
        let options = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: Some(ImageOptimizationOptions {
                format: Some(ImageCompression::Flate),
                auto_optimize: Some(false),
                convert_to_greyscale: Some(false),
                dither_greyscale: Some(false),
                max_image_size: None,
                quality: None,
            }),
        };
        let mut warnings = Vec::new();
        // printpdf writes /PageMode as a string (viewers ignore it) and an empty
        // /GTS_PDFXVersion (pdfinfo then claims PDF/X): both mended before saving.
        let mut pdf = self
            .doc
            .with_pages(pages)
            .to_lopdf_document(&options, &mut warnings);
        if let Ok(catalog) = pdf.catalog_mut() {
            if catalog.get(b"PageMode").is_ok() {
                catalog.set("PageMode", "UseOutlines");
            }
        }
        if let Ok(info) = pdf.trailer.get(b"Info").and_then(|o| o.as_reference()) {
            if let Ok(info) = pdf.get_dictionary_mut(info) {
                info.remove(b"GTS_PDFXVersion");
            }
        }
        pdf.compress();
        let mut bytes = Vec::new();
        if pdf.save_to(&mut bytes).is_err() {
            bytes.clear();
        }
        stable_file_id(&mut bytes);
        if bytes.is_empty() {
            return Err(Error::output(say!(
                self.lang,
                "无法生成 PDF 管理报告。",
                "Could not build the PDF report."
            )));
        }
        Ok(bytes)
    }
}

/// Registers a face under a fixed id (six capitals: it is also the PDF subset tag); printpdf's own ids come from a process-wide counter, and
/// the same analysis must give the same bytes.
fn load_face(doc: &mut PdfDocument, font: &Font, id: &str, lang: Lang) -> Result<Face> {
    let bad_font = || {
        Error::output(say!(
            lang,
            "字体无法用于生成 PDF 报告。",
            "The font cannot be used for the PDF report."
        ))
    };
    let measure = font.face().ok_or_else(bad_font)?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(font.bytes, font.face_index as usize, &mut warnings)
        .ok_or_else(bad_font)?;
    let id = FontId(id.to_string());
    doc.resources
        .fonts
        .map
        .insert(id.clone(), PdfFont::new(parsed));
    Ok(Face { measure, id })
}

/// Replaces the trailer's random /ID strings with a digest of the file, in place and at the same
/// length (the trailer follows the cross-reference table, so no offset moves).
fn stable_file_id(bytes: &mut [u8]) {
    use sha2::{Digest, Sha256};
    let tail_start = bytes.len().saturating_sub(2048);
    let Some(rel) = bytes[tail_start..].windows(5).rposition(|w| w == b"/ID[(") else {
        return;
    };
    let at = tail_start + rel + 5;
    // Two literal strings of 32 characters: (…)(…)
    if bytes.len() < at + 68
        || bytes[at + 32] != b')'
        || bytes[at + 33] != b'('
        || bytes[at + 66] != b')'
    {
        return;
    }
    let digest = Sha256::digest(&bytes[..tail_start + rel]);
    let hex: String = digest.iter().map(|b| format!("{b:02X}")).collect();
    bytes[at..at + 32].copy_from_slice(&hex.as_bytes()[..32]);
    bytes[at + 34..at + 66].copy_from_slice(&hex.as_bytes()[32..64]);
}

/// Splits text into wrap units: a run of Latin letters/digits with its trailing spaces, or a
/// single other character; closing punctuation sticks to what precedes it.
fn tokens(text: &str) -> Vec<String> {
    const NO_LINE_START: &str = "，。、；：？！）》」』】〕…％%,.;:?!)]}”’·";
    const NO_LINE_END: &str = "（《「『【〔“‘(";
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let push = |out: &mut Vec<String>, token: String| {
        // An opening bracket or quote stays with what follows it.
        match out.last_mut() {
            Some(last) if last.chars().last().is_some_and(|c| NO_LINE_END.contains(c)) => {
                last.push_str(&token)
            }
            _ => out.push(token),
        }
    };
    for c in text.chars() {
        let latin = c.is_ascii_alphanumeric()
            || matches!(
                c,
                '.' | ',' | '%' | '-' | '/' | '\'' | ')' | ':' | '=' | '+' | '_'
            );
        if latin {
            word.push(c);
            continue;
        }
        if c == ' ' {
            word.push(c);
            let w = std::mem::take(&mut word);
            push(&mut out, w);
            continue;
        }
        if !word.is_empty() {
            let w = std::mem::take(&mut word);
            push(&mut out, w);
        }
        if NO_LINE_START.contains(c) {
            if let Some(last) = out.last_mut() {
                last.push(c);
                continue;
            }
        }
        push(&mut out, c.to_string());
    }
    if !word.is_empty() {
        push(&mut out, word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_punctuation_with_its_neighbour() {
        let cases: [(&str, &[&str]); 4] = [
            ("核心客户。", &["核", "心", "客", "户。"]),
            ("为“高”。", &["为", "“高”。"]),
            ("top 20 customers", &["top ", "20 ", "customers"]),
            ("（万元）", &["（万", "元）"]),
        ];
        for (text, expected) in cases {
            assert_eq!(tokens(text), expected, "tokens of {text:?}");
        }
    }

    #[test]
    fn wrap_and_fit_respect_the_width() {
        let doc = Layout::new("t", &Font::embedded(), Lang::Zh).expect("layout");
        let text = "流失风险高的客户 167 家（占 33.4%），其中核心与潜力客户 139 家，涉及销售额 3,577.2 万元（35.4%），应优先安排挽留回访。";
        for width in [30.0, 60.0, 120.0] {
            let lines = doc.wrap(text, width, 9.5, false);
            assert_eq!(
                lines.concat().replace(' ', ""),
                text.replace(' ', ""),
                "wrap at {width} lost text"
            );
            for line in &lines {
                assert!(
                    doc.text_width(line, 9.5, false) <= width + 0.01,
                    "{line:?} wider than {width} mm"
                );
                assert!(
                    !line.starts_with(['，', '。', '）']),
                    "line starts with closing punctuation: {line:?}"
                );
            }
        }
        let name = "江苏华东精密机械制造股份有限公司第一分公司";
        for width in [10.0, 25.0, 200.0] {
            let cut = doc.fit(name, width, 8.5, false);
            assert!(
                doc.text_width(&cut, 8.5, false) <= width + 0.01,
                "{cut:?} wider than {width}"
            );
            assert_eq!(cut.ends_with('…'), cut != name, "{cut:?}");
        }
    }
}
