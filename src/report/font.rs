//! Stage 7 support: the CJK font embedded in custseg (or given with --font), shared by the
//! report and its charts. Promises a face that covers every Han character of GBK/GB18030's
//! basic block, so a customer name never prints as empty boxes.
//!
//! The embedded faces are Noto Sans CJK SC (SIL OFL 1.1), subset by `scripts/subset-font.sh`;
//! see `fonts/README.md`.

use std::path::Path;

use ab_glyph::{Font as _, FontRef};

use crate::error::{Cause, Error, IoCause, Result};
use crate::model::Lang;
use crate::say;

static REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular-custseg.otf");
static BOLD: &[u8] = include_bytes!("../../fonts/NotoSansSC-Bold-custseg.otf");

/// A font face's bytes and its index in a collection.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// The font file's bytes.
    pub bytes: &'static [u8],
    /// Face index within a .ttc collection (0 for a single face).
    pub face_index: u32,
}

impl Font {
    /// The font that ships with custseg: Noto Sans SC Regular, subset to GBK's Han characters,
    /// CJK Extension A, Latin-1, punctuation and full-width forms.
    pub fn embedded() -> Font {
        Font {
            bytes: REGULAR,
            face_index: 0,
        }
    }

    /// The bold face that ships with custseg, for headings (GB2312's Han characters only:
    /// text with a character it lacks falls back to the regular face).
    pub fn embedded_bold() -> Font {
        Font {
            bytes: BOLD,
            face_index: 0,
        }
    }

    /// True for the regular face that ships with custseg (so the report may pair it with
    /// [`Font::embedded_bold`]).
    pub fn is_embedded(&self) -> bool {
        std::ptr::eq(self.bytes.as_ptr(), REGULAR.as_ptr())
    }

    /// A font file given with --font (.ttf, .otf, or a .ttc collection, whose Simplified-Chinese
    /// face is chosen when its name says so). The bytes live for the rest of the run, because
    /// the chart library keeps fonts in a global registry.
    ///
    /// # Errors
    /// An output error naming the file when it cannot be read or is not a font.
    pub fn from_file(path: &Path, lang: Lang) -> Result<Font> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::output(Cause::FontUnreadable {
                file: path.display().to_string(),
                why: IoCause::of(&e),
            })
            .with_detail(e.to_string())
        })?;
        let face_index = collection_faces(&bytes)
            .map(|n| pick_simplified_face(&bytes, n))
            .unwrap_or(0);
        if FontRef::try_from_slice_and_index(&bytes, face_index).is_err() {
            return Err(Error::output(say!(
                lang,
                "“{}”不是可用的字体文件（需要 .ttf、.otf 或 .ttc）。",
                "\"{}\" is not a usable font file (a .ttf, .otf or .ttc is needed).",
                path.display()
            )));
        }
        let font = Font {
            bytes: Box::leak(bytes.into_boxed_slice()),
            face_index,
        };
        if font.glyph_count("客户分类报告") < 6 {
            return Err(Error::output(say!(
                lang,
                "字体“{}”不含中文字符，无法用于管理报告。",
                "The font \"{}\" has no Chinese characters and cannot be used for the report.",
                path.display()
            )));
        }
        Ok(font)
    }

    /// The face parsed for measuring and coverage checks.
    pub fn face(&self) -> Option<FontRef<'static>> {
        FontRef::try_from_slice_and_index(self.bytes, self.face_index).ok()
    }

    /// The face alone as a standalone font file (a collection's face extracted), for libraries
    /// that read face 0 only.
    pub fn standalone_bytes(&self) -> &'static [u8] {
        if self.face_index == 0 {
            return self.bytes;
        }
        match printpdf::extract_collection_face(self.bytes, self.face_index as usize) {
            Some(face) => Box::leak(face.into_boxed_slice()),
            None => self.bytes,
        }
    }

    /// How many characters of `text` the face has a glyph for.
    pub fn glyph_count(&self, text: &str) -> usize {
        match self.face() {
            Some(face) => text.chars().filter(|&c| face.glyph_id(c).0 != 0).count(),
            None => 0,
        }
    }

    /// True when every non-space character of `text` has a glyph in the face.
    pub fn covers(&self, text: &str) -> bool {
        match self.face() {
            Some(face) => text
                .chars()
                .filter(|c| !c.is_whitespace())
                .all(|c| face.glyph_id(c).0 != 0),
            None => false,
        }
    }
}

/// The number of faces when `bytes` is a collection (`ttcf`), None for a single face.
fn collection_faces(bytes: &[u8]) -> Option<u32> {
    ttf_parser::fonts_in_collection(bytes)
}

/// In a CJK collection the Simplified-Chinese face is named "… SC" (Noto, Source Han) or
/// "… GB"; choose it, else face 0.
fn pick_simplified_face(bytes: &[u8], faces: u32) -> u32 {
    (0..faces.min(64))
        .find(|&i| {
            face_names(bytes, i).iter().any(|n| {
                let n = n.to_ascii_uppercase();
                n.ends_with(" SC") || n.contains(" SC ") || n.contains(" GB") || n.contains("HANS")
            })
        })
        .unwrap_or(0)
}

/// Family names (name IDs 1 and 16, Windows Unicode records) of face `index` of a collection.
fn face_names(bytes: &[u8], index: u32) -> Vec<String> {
    use ttf_parser::{name_id, PlatformId};
    let Ok(face) = ttf_parser::Face::parse(bytes, index) else {
        return Vec::new();
    };
    face.names()
        .into_iter()
        .filter(|n| n.platform_id == PlatformId::Windows)
        .filter(|n| n.name_id == name_id::FAMILY || n.name_id == name_id::TYPOGRAPHIC_FAMILY)
        .filter_map(|n| n.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_font_covers_company_names_and_report_symbols() {
        let font = Font::embedded();
        let cases = [
            "华东精密机械有限公司",
            "鑫淼犇骉焱垚燚", // rare but GBK characters in real company names
            "㐀㑇",           // CJK Extension A
            "，。、；：？！“”‘’（）《》【】—…·",
            "０１２ＡＢＣ（）％￥",
            "¥ ≥ ≤ × ① ℃ ㎡ ■ ●",
            "ABC abc 0123456789 %&@",
            "珺玥瑄琇赟昶炜", // characters common in personal and shop names
        ];
        for text in cases {
            let missing: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && !font.covers(&c.to_string()))
                .collect();
            assert!(missing.is_empty(), "no glyph for {missing:?} in {text:?}");
        }
    }

    #[test]
    fn every_gbk_han_character_has_a_glyph() {
        let font = Font::embedded();
        let face = font.face().expect("embedded font parses");
        let missing: Vec<char> = (0x4E00u32..=0x9FA5)
            .filter_map(char::from_u32)
            .filter(|&c| face.glyph_id(c).0 == 0)
            .collect();
        assert!(
            missing.is_empty(),
            "missing {} glyphs: {:?}",
            missing.len(),
            &missing[..missing.len().min(20)]
        );
    }

    #[test]
    fn bold_face_covers_headings() {
        let bold = Font::embedded_bold();
        for text in [
            "客户分类与管理报告",
            "核心客户名单",
            "附录：方法与参数",
            "Management Report",
        ] {
            assert!(bold.covers(text), "bold lacks a glyph of {text:?}");
        }
        assert!(Font::embedded().is_embedded());
        assert!(!bold.is_embedded());
    }

    #[test]
    fn from_file_rejects_missing_and_non_font_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let not_font = dir.path().join("readme.ttf");
        std::fs::write(&not_font, b"this is not a font").expect("write");
        let cases = [
            (dir.path().join("nope.ttf"), Lang::Zh, "无法读取字体文件"),
            (not_font.clone(), Lang::Zh, "不是可用的字体文件"),
            (not_font, Lang::En, "is not a usable font file"),
        ];
        for (path, lang, expected) in cases {
            let err = Font::from_file(&path, lang).expect_err("must fail");
            assert!(
                err.to_string().contains(expected),
                "{}: {}",
                path.display(),
                err
            );
            assert!(err.to_string().contains(&path.display().to_string()));
        }
    }

    #[test]
    fn unreadable_font_is_worded_by_cause_with_the_system_text_in_detail() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nope.ttf");
        let err = Font::from_file(&path, Lang::En).expect_err("must fail");
        let shown = path.display().to_string();
        assert_eq!(
            err.message(Lang::Zh),
            format!("无法读取字体文件“{shown}”：文件不存在。")
        );
        assert_eq!(
            err.message(Lang::En),
            format!("Cannot read the font file \"{shown}\": the file does not exist.")
        );
        let detail = err
            .detail
            .clone()
            .expect("the system's words for --verbose");
        assert!(!err.message(Lang::En).contains(&detail), "{detail}");
    }

    #[test]
    fn from_file_reads_a_font_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("font.otf");
        std::fs::write(&path, Font::embedded().bytes).expect("write");
        let font = Font::from_file(&path, Lang::Zh).expect("a real font");
        assert_eq!(font.face_index, 0);
        assert!(font.covers("客户"));
    }

    /// A collection of `faces` (single-face font files), with table offsets made absolute.
    fn collection(faces: &[&[u8]]) -> Vec<u8> {
        let header = 12 + 4 * faces.len();
        let mut out = b"ttcf\0\x01\0\0".to_vec();
        out.extend((faces.len() as u32).to_be_bytes());
        out.resize(header, 0);
        for (i, face) in faces.iter().enumerate() {
            let base = out.len();
            out[12 + 4 * i..16 + 4 * i].copy_from_slice(&(base as u32).to_be_bytes());
            let mut copy = face.to_vec();
            let tables = u16::from_be_bytes([face[4], face[5]]) as usize;
            for t in 0..tables {
                let at = 12 + 16 * t + 8;
                let offset =
                    u32::from_be_bytes([face[at], face[at + 1], face[at + 2], face[at + 3]]);
                copy[at..at + 4].copy_from_slice(&(offset + base as u32).to_be_bytes());
            }
            out.extend(copy);
        }
        out
    }

    #[test]
    fn a_collection_given_with_font_uses_its_chinese_face() {
        // Face 0 renamed to a Japanese face, as in Noto Sans CJK's own collection.
        let mut japanese = Font::embedded_bold().bytes.to_vec();
        let tables = u16::from_be_bytes([japanese[4], japanese[5]]) as usize;
        let name = (0..tables)
            .map(|t| 12 + 16 * t)
            .find(|&rec| &japanese[rec..rec + 4] == b"name")
            .expect("a name table");
        let be32 = |b: &[u8], at: usize| {
            u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
        };
        let (start, len) = (be32(&japanese, name + 8), be32(&japanese, name + 12));
        for i in start..start + len - 3 {
            if &japanese[i..i + 4] == b"\0S\0C" {
                japanese[i + 1] = b'J';
                japanese[i + 3] = b'P';
            }
        }
        let bytes = collection(&[&japanese, Font::embedded().bytes]);
        assert_eq!(collection_faces(&bytes), Some(2));
        assert!(
            face_names(&bytes, 0).iter().all(|n| n.contains(" JP")),
            "{:?}",
            face_names(&bytes, 0)
        );
        assert!(face_names(&bytes, 1).contains(&"Noto Sans CJK SC".to_string()));
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fonts.ttc");
        std::fs::write(&path, &bytes).expect("write");
        let font = Font::from_file(&path, Lang::Zh).expect("a collection is a font");
        assert_eq!(font.face_index, 1, "the SC face is chosen");
        assert!(font.covers("客户"));
        let standalone = Font {
            bytes: font.bytes,
            face_index: 1,
        }
        .standalone_bytes();
        assert!(
            FontRef::try_from_slice(standalone).is_ok(),
            "face 1 extracted as a font file"
        );
    }

    #[test]
    fn collection_picks_the_simplified_chinese_face_by_name() {
        // Not a collection: no face count.
        assert_eq!(collection_faces(Font::embedded().bytes), None);
        assert_eq!(collection_faces(b"ttcf\0\x02\0\0\0\0\0\x05"), Some(5));
    }
}
