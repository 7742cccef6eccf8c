//! The CJK font embedded in custseg (or given with --font), shared by the report and its charts.
//! OWNER: report helper (stub).

use std::path::Path;

use crate::error::Result;
use crate::model::Lang;

/// A font face's bytes and its index in a collection.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// The font file's bytes.
    pub bytes: &'static [u8],
    /// Face index within a .ttc collection (0 for a single face).
    pub face_index: u32,
}

impl Font {
    /// The font that ships with custseg.
    pub fn embedded() -> Font {
        Font {
            bytes: &[],
            face_index: 0,
        }
    }

    /// A font file given with --font.
    pub fn from_file(path: &Path, lang: Lang) -> Result<Font> {
        let _ = (path, lang);
        Ok(Font::embedded())
    }
}
