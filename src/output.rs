//! The one edge where outputs touch the disk: write under a temporary name, then rename, so a
//! half-written output cannot happen; an output that is locked (open in Excel) gets a fallback
//! name; an input file is never overwritten.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::say;

/// Writes `bytes` to `target` atomically; returns the path actually written, which differs from
/// `target` when that name was locked or is one of `inputs`.
pub fn write_atomic(
    target: &Path,
    bytes: &[u8],
    inputs: &[PathBuf],
    lang: Lang,
) -> Result<PathBuf> {
    place(target, inputs, lang, |candidate| {
        write_then_rename(candidate, bytes)
    })
}

/// An output written straight to a temporary file beside its target, so that a large workbook
/// is not held in memory as well; the file is removed unless [`Staged::commit`] renames it.
pub struct Staged {
    path: PathBuf,
}

impl Staged {
    /// A temporary name beside `target` (its folder is created when missing).
    ///
    /// # Errors
    /// An output error when the folder cannot be created.
    pub fn beside(target: &Path, lang: Lang) -> Result<Staged> {
        create_dir(target, lang)?;
        Ok(Staged {
            path: temporary_name(target),
        })
    }

    /// Where the output is to be written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the finished file to `target`, or to a fallback name as [`write_atomic`] does;
    /// returns the path actually written.
    ///
    /// # Errors
    /// An output error when no name could be written.
    pub fn commit(self, target: &Path, inputs: &[PathBuf], lang: Lang) -> Result<PathBuf> {
        place(target, inputs, lang, |candidate| {
            if candidate.is_dir() {
                return Err(std::io::Error::other("a folder has that name"));
            }
            // Flushed through a handle with write access: Windows refuses to flush a read-only
            // handle (os error 5), which made every run fail there.
            fs::OpenOptions::new()
                .write(true)
                .open(&self.path)?
                .sync_all()?;
            fs::rename(&self.path, candidate)
        })
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Gone already when committed.
        let _ = fs::remove_file(&self.path);
    }
}

fn temporary_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn create_dir(target: &Path, lang: Lang) -> Result<()> {
    let dir = crate::config::parent_dir(target);
    fs::create_dir_all(&dir).map_err(|e| {
        Error::output(say!(
            lang,
            "无法创建输出目录 {}：{}。",
            "Cannot create the output folder {}: {}.",
            dir.display(),
            e
        ))
    })
}

/// Puts an output at `target`, or at `target(1)` … when that name is locked, a folder or an
/// input; `put` writes one candidate name.
fn place(
    target: &Path,
    inputs: &[PathBuf],
    lang: Lang,
    mut put: impl FnMut(&Path) -> std::io::Result<()>,
) -> Result<PathBuf> {
    create_dir(target, lang)?;
    let mut last_err = None;
    for attempt in 0..10 {
        let candidate = if attempt == 0 {
            target.to_path_buf()
        } else {
            numbered(target, attempt)
        };
        if is_input(&candidate, inputs) {
            continue;
        }
        match put(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) => last_err = Some(e),
        }
    }
    let e = last_err.map(|e| e.to_string()).unwrap_or_default();
    Err(Error::output(say!(
        lang,
        "无法写入 {}（文件可能正在 Excel 中打开，或目录不可写）：{}。",
        "Cannot write {} (the file may be open in Excel, or the folder is read-only): {}.",
        target.display(),
        e
    )))
}

/// `报告.pdf` → `报告(1).pdf`.
fn numbered(target: &Path, n: usize) -> PathBuf {
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match target.extension() {
        Some(ext) => format!("{stem}({n}).{}", ext.to_string_lossy()),
        None => format!("{stem}({n})"),
    };
    target.with_file_name(name)
}

fn is_input(candidate: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(c) = fs::canonicalize(candidate) else {
        return false;
    };
    inputs
        .iter()
        .any(|i| fs::canonicalize(i).map(|i| i == c).unwrap_or(false))
}

fn write_then_rename(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temporary_name(target);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if target.is_dir() {
            return Err(std::io::Error::other("a folder has that name"));
        }
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_falls_back_when_the_name_is_taken_by_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x_客户分类.xlsx");
        assert_eq!(
            write_atomic(&target, b"one", &[], Lang::Zh).unwrap(),
            target
        );
        assert_eq!(fs::read(&target).unwrap(), b"one");
        let blocked = dir.path().join("y.pdf");
        fs::create_dir(&blocked).unwrap();
        let written = write_atomic(&blocked, b"two", &[], Lang::Zh).unwrap();
        assert_eq!(written, dir.path().join("y(1).pdf"));
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_staged_file_is_renamed_when_committed_and_removed_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out").join("w.xlsx");
        let staged = Staged::beside(&target, Lang::Zh).unwrap();
        fs::write(staged.path(), b"half").unwrap();
        let temporary = staged.path().to_path_buf();
        drop(staged);
        assert!(!temporary.exists() && !target.exists());

        let staged = Staged::beside(&target, Lang::Zh).unwrap();
        fs::write(staged.path(), b"whole").unwrap();
        fs::create_dir(&target).unwrap(); // the name is taken: a fallback name is used
        let written = staged.commit(&target, &[], Lang::Zh).unwrap();
        assert_eq!(written, dir.path().join("out").join("w(1).xlsx"));
        assert_eq!(fs::read(&written).unwrap(), b"whole");
        assert!(!temporary.exists());
    }

    #[test]
    fn never_overwrites_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.xlsx");
        fs::write(&input, b"input").unwrap();
        let written = write_atomic(&input, b"out", std::slice::from_ref(&input), Lang::En).unwrap();
        assert_ne!(written, input);
        assert_eq!(fs::read(&input).unwrap(), b"input");
    }
}
