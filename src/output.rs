//! The one edge where outputs touch the disk: write under a temporary name, then rename, so a
//! half-written output cannot happen; an output that is locked (open in Excel) gets a fallback
//! name and a note saying why; an input file is never overwritten. The reason a name could not
//! be written is told apart the Windows way too (sharing violation, read-only file or folder).

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::console::display_path;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::Lang;
use crate::say;

/// Why an output could not be put under its own name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// Another program holds the file open (Excel, WPS, a viewer): on Windows os error 32 or 33,
    /// or 5 for a file that exists.
    InUse,
    /// The existing file is marked read-only (Windows refuses to replace it).
    ReadOnlyFile,
    /// The folder does not let us create or rename files.
    ReadOnlyFolder,
    /// Anything else (the system's words are given).
    Other,
}

/// What is at an output's name when writing it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AtTarget {
    Nothing,
    AFile,
    AReadOnlyFile,
}

/// A failure to put one name: while writing the temporary file, or while replacing the name.
struct Refused {
    err: std::io::Error,
    replacing: bool,
}

impl Refused {
    fn writing(err: std::io::Error) -> Refused {
        Refused {
            err,
            replacing: false,
        }
    }

    fn replacing(err: std::io::Error) -> Refused {
        Refused {
            err,
            replacing: true,
        }
    }
}

/// Why putting an output failed with `err`: while replacing `target`, or (None) while writing
/// the temporary file beside it.
fn blocked(err: &std::io::Error, target: Option<&Path>) -> Blocked {
    let at = match target.map(fs::metadata) {
        None | Some(Err(_)) => AtTarget::Nothing,
        Some(Ok(m)) if m.permissions().readonly() => AtTarget::AReadOnlyFile,
        Some(Ok(_)) => AtTarget::AFile,
    };
    blocked_by(err.raw_os_error(), err.kind(), at, cfg!(windows))
}

/// The decision of [`blocked`], apart from the system it runs on (tested on every platform).
fn blocked_by(raw: Option<i32>, kind: ErrorKind, at: AtTarget, windows: bool) -> Blocked {
    const SHARING_VIOLATION: i32 = 32;
    const LOCK_VIOLATION: i32 = 33;
    if windows {
        if matches!(raw, Some(SHARING_VIOLATION | LOCK_VIOLATION)) {
            return Blocked::InUse;
        }
        // ERROR_ACCESS_DENIED (5): a file held open without delete sharing refuses to be
        // replaced, a read-only file too; with nothing there, the folder refused.
        if kind == ErrorKind::PermissionDenied {
            return match at {
                AtTarget::Nothing => Blocked::ReadOnlyFolder,
                AtTarget::AReadOnlyFile => Blocked::ReadOnlyFile,
                AtTarget::AFile => Blocked::InUse,
            };
        }
        return Blocked::Other;
    }
    // Elsewhere a rename over a file in use succeeds; refusals come from the folder.
    match kind {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => Blocked::ReadOnlyFolder,
        _ => Blocked::Other,
    }
}

fn shown(path: &Path) -> String {
    display_path(path)
}

/// The folder of `target`, absolute, as a person types it.
fn shown_dir(target: &Path) -> String {
    let dir = crate::config::parent_dir(target);
    display_path(&std::path::absolute(&dir).unwrap_or(dir))
}

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
        let path = temporary_name(target);
        // Created now, so that a folder that cannot be written is said as such, not as a
        // failure of the workbook writer.
        if let Err(e) = fs::File::create(&path) {
            let why = blocked(&e, None);
            return Err(Error::output(messages::output_failed(
                lang,
                why,
                &shown(target),
                &shown_dir(target),
                &e.to_string(),
            )));
        }
        Ok(Staged { path })
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
                return Err(Refused::replacing(std::io::Error::other(
                    "a folder has that name",
                )));
            }
            // Flushed through a handle with write access: Windows refuses to flush a read-only
            // handle (os error 5), which made every run fail there.
            fs::OpenOptions::new()
                .write(true)
                .open(&self.path)
                .and_then(|f| f.sync_all())
                .map_err(Refused::writing)?;
            fs::rename(&self.path, candidate).map_err(Refused::replacing)
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
    mut put: impl FnMut(&Path) -> std::result::Result<(), Refused>,
) -> Result<PathBuf> {
    create_dir(target, lang)?;
    // The first refusal is the one that counts: it concerns the name asked for.
    let mut first_err: Option<(Blocked, std::io::Error)> = None;
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
            Ok(()) => {
                if let Some((why @ (Blocked::InUse | Blocked::ReadOnlyFile), _)) = &first_err {
                    crate::console::errln(&messages::output_moved_aside(
                        lang,
                        *why,
                        &shown(target),
                        &shown(&candidate),
                        &shown_dir(target),
                    ));
                }
                return Ok(candidate);
            }
            Err(refused) => {
                if first_err.is_none() {
                    let why = blocked(&refused.err, refused.replacing.then_some(&*candidate));
                    first_err = Some((why, refused.err));
                }
            }
        }
    }
    let (why, detail) = first_err
        .map(|(why, e)| (why, e.to_string()))
        .unwrap_or((Blocked::Other, String::new()));
    Err(Error::output(messages::output_failed(
        lang,
        why,
        &target.display().to_string(),
        &shown_dir(target),
        &detail,
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

fn write_then_rename(target: &Path, bytes: &[u8]) -> std::result::Result<(), Refused> {
    let tmp = temporary_name(target);
    let result = (|| {
        (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()
        })()
        .map_err(Refused::writing)?;
        if target.is_dir() {
            return Err(Refused::replacing(std::io::Error::other(
                "a folder has that name",
            )));
        }
        fs::rename(&tmp, target).map_err(Refused::replacing)
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
    fn a_refusal_is_told_apart_the_way_its_system_means_it() {
        use AtTarget::*;
        let denied = ErrorKind::PermissionDenied;
        let other = ErrorKind::Other;
        // Windows: a sharing violation (32) or lock violation (33) is a file in use …
        assert_eq!(blocked_by(Some(32), other, AFile, true), Blocked::InUse);
        assert_eq!(blocked_by(Some(33), other, AFile, true), Blocked::InUse);
        // … and so is access denied (5) on a file that is there and writable,
        assert_eq!(blocked_by(Some(5), denied, AFile, true), Blocked::InUse);
        // unless it is read-only, or nothing is there (the folder refused).
        assert_eq!(
            blocked_by(Some(5), denied, AReadOnlyFile, true),
            Blocked::ReadOnlyFile
        );
        assert_eq!(
            blocked_by(Some(5), denied, Nothing, true),
            Blocked::ReadOnlyFolder
        );
        assert_eq!(blocked_by(Some(112), other, Nothing, true), Blocked::Other);
        // Linux: a refusal always comes from the folder.
        assert_eq!(
            blocked_by(Some(13), denied, AFile, false),
            Blocked::ReadOnlyFolder
        );
        assert_eq!(
            blocked_by(Some(30), ErrorKind::ReadOnlyFilesystem, Nothing, false),
            Blocked::ReadOnlyFolder
        );
        assert_eq!(blocked_by(Some(32), other, AFile, false), Blocked::Other);
    }

    #[test]
    fn the_messages_name_the_file_and_the_folder() {
        let m = messages::output_failed(Lang::Zh, Blocked::InUse, "a.xlsx", r"C:\财务", "");
        assert_eq!(
            m,
            r"无法写入 a.xlsx：文件正在被其他程序使用（可能已在 Excel 或 WPS 中打开）。请关闭该文件后重试。文件夹：C:\财务"
        );
        let m = messages::output_failed(Lang::En, Blocked::ReadOnlyFolder, "a.xlsx", "/r", "");
        assert!(m.starts_with("Cannot write a.xlsx: the folder /r is read-only"));
        let m = messages::output_moved_aside(Lang::Zh, Blocked::InUse, "a.xlsx", "a(1).xlsx", "/d");
        assert_eq!(
            m,
            "注意：a.xlsx 正在被其他程序使用（可能已在 Excel 或 WPS 中打开），没有替换它；本次结果写入了 a(1).xlsx（文件夹 /d）。"
        );
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
