//! The one edge where outputs touch the disk: write under a temporary name, then rename, so a
//! half-written output cannot happen. Writes never destroy: an existing file of the output's
//! name is replaced only when it is a custseg result and writable; otherwise (an input, not
//! ours, read-only, locked by another program) the output gets ` (2)`, ` (3)` … and says why.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Cause, Error, Result};

/// Why an existing file of an output's name was kept and the output numbered instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The file is not a custseg result.
    NotOurs,
    /// The file is read-only.
    ReadOnly,
    /// Another program holds the file (Excel has it open).
    InUse,
    /// The file is one of the run's inputs.
    Input,
    /// A folder has that name.
    Folder,
}

/// Where an output went, and, when not to its own name, which file was kept and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The path written.
    pub path: PathBuf,
    /// The existing file of the output's own name and why it was kept, when it was.
    pub kept: Option<(PathBuf, Kept)>,
}

/// Writes `bytes` to `target` atomically; returns the path actually written, which differs from
/// `target` when that name is taken by a file that may not be replaced.
pub fn write_atomic(target: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<PathBuf> {
    write_placed(target, bytes, inputs).map(|p| p.path)
}

/// As [`write_atomic`], telling also which file was kept and why.
pub fn write_placed(target: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<Placed> {
    place(target, inputs, |candidate| {
        write_then_rename(candidate, bytes)
    })
    .map(|(placed, ())| placed)
}

/// Whether the file at `path` is a result custseg wrote: a workbook whose document properties
/// carry custseg's mark (the custom property `custseg`, or a comment `custseg <version>` as
/// every version writes), or a PDF whose Creator is custseg.
pub fn is_custseg_result(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => workbook_is_ours(path),
        "pdf" => fs::read(path).is_ok_and(|bytes| pdf_is_ours(&bytes)),
        _ => false,
    }
}

fn workbook_is_ours(path: &Path) -> bool {
    let Ok(mut wb) = calamine::open_workbook::<calamine::Xlsx<_>, _>(path) else {
        return false;
    };
    let Ok(props) = wb.workbook_properties() else {
        return false;
    };
    props.custom_properties.contains_key("custseg")
        || props.description.is_some_and(|d| d.starts_with("custseg "))
}

/// The PDF info dictionary's Creator, as printpdf writes it (UTF-16BE hex) or as plain text.
fn pdf_is_ours(bytes: &[u8]) -> bool {
    const MARKS: [&[u8]; 2] = [
        b"/Creator<FEFF0063007500730074007300650067",
        b"/Creator (custseg",
    ];
    MARKS
        .iter()
        .any(|m| bytes.windows(m.len()).any(|w| w == *m))
}

/// An output written straight to a temporary file beside its target, so that a large workbook
/// is not held in memory as well; the file is removed unless [`Staged::commit`] (or
/// [`commit_all`]) renames it.
pub struct Staged {
    path: PathBuf,
}

impl Staged {
    /// A temporary name beside `target` (its folder is created when missing).
    ///
    /// # Errors
    /// An output error when the folder cannot be created.
    pub fn beside(target: &Path) -> Result<Staged> {
        create_dir(target)?;
        Ok(Staged {
            path: temporary_name(target),
        })
    }

    /// `bytes` written to a temporary file beside `target` and flushed to the disk, so that a
    /// full disk shows here, before any output gets its name.
    ///
    /// # Errors
    /// An output error naming the folder and the cause (disk full, no permission …).
    pub fn with_bytes(target: &Path, bytes: &[u8]) -> Result<Staged> {
        let staged = Staged::beside(target)?;
        let written = (|| {
            let mut f = fs::File::create(&staged.path)?;
            f.write_all(bytes)?;
            f.sync_all()
        })();
        written.map_err(|e| folder_failed(target, &e))?;
        Ok(staged)
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
    pub fn commit(self, target: &Path, inputs: &[PathBuf]) -> Result<Placed> {
        commit_all(vec![(self, target.to_path_buf())], inputs).map(|mut placed| placed.remove(0))
    }

    /// Flushes the staged file to the disk: a full disk shows here, before any rename.
    fn flush(&self) -> std::io::Result<()> {
        // Flushed through a handle with write access: Windows refuses to flush a read-only
        // handle (os error 5), which made every run fail there.
        fs::OpenOptions::new()
            .write(true)
            .open(&self.path)?
            .sync_all()
    }

    /// Renames the staged file to `candidate`; a result of ours already there is first moved
    /// aside (and put back when the rename fails). Returns where it was moved.
    fn put(&self, candidate: &Path) -> std::io::Result<Option<PathBuf>> {
        let backup = if candidate.exists() {
            let aside = aside_name(candidate);
            fs::rename(candidate, &aside)?;
            Some(aside)
        } else {
            None
        };
        if let Err(e) = fs::rename(&self.path, candidate) {
            if let Some(aside) = &backup {
                let _ = fs::rename(aside, candidate);
            }
            return Err(e);
        }
        Ok(backup)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Gone already when committed.
        let _ = fs::remove_file(&self.path);
    }
}

/// One staged output put in place, and the earlier result it replaced (moved aside until the
/// others are in place too).
struct Done {
    placed: Placed,
    aside: Option<PathBuf>,
}

impl Done {
    /// Takes the output away again and puts the earlier result back.
    fn undo(self) {
        let _ = fs::remove_file(&self.placed.path);
        if let Some(aside) = self.aside {
            let _ = fs::rename(aside, &self.placed.path);
        }
    }
}

/// Puts staged outputs at their targets (or numbered names, as [`write_placed`] does): all of
/// them, or — when one cannot be placed — none, with every result of ours they were to replace
/// left as it was.
///
/// # Errors
/// An output error naming the folder and the cause; nothing is left behind then.
pub fn commit_all(staged: Vec<(Staged, PathBuf)>, inputs: &[PathBuf]) -> Result<Vec<Placed>> {
    for (s, target) in &staged {
        s.flush().map_err(|e| folder_failed(target, &e))?;
    }
    let mut done: Vec<Done> = Vec::new();
    for (s, target) in &staged {
        match place(target, inputs, |candidate| s.put(candidate)) {
            Ok((placed, aside)) => done.push(Done { placed, aside }),
            Err(e) => {
                done.into_iter().rev().for_each(Done::undo);
                return Err(e);
            }
        }
    }
    Ok(done
        .into_iter()
        .map(|d| {
            if let Some(aside) = &d.aside {
                let _ = fs::remove_file(aside);
            }
            d.placed
        })
        .collect())
}

/// The output error for a folder that cannot take `target`: its folder and the cause.
fn folder_failed(target: &Path, e: &std::io::Error) -> Error {
    let dir = crate::config::parent_dir(target);
    let why = crate::error::IoCause::of(e);
    Error::output(Cause::OutputFolder { folder: dir, why }).with_detail(e.to_string())
}

/// The output error when a workbook cannot be saved at `path` (a staged file in the output
/// folder): the folder and the cause when the system gave one, else the writer's failure.
pub fn save_failed(path: &Path, err: &rust_xlsxwriter::XlsxError) -> Error {
    match io_error_in(err) {
        Some(io) => folder_failed(path, io),
        None => Error::output(Cause::WorkbookFailed),
    }
    .with_detail(err.to_string())
}

/// The system error inside a rust_xlsxwriter error, when there is one (a full disk, no
/// permission …), to say its cause in our words.
pub fn io_error_in(err: &rust_xlsxwriter::XlsxError) -> Option<&std::io::Error> {
    use rust_xlsxwriter::XlsxError;
    match err {
        XlsxError::IoError(e) | XlsxError::TempFileError(_, e) => Some(e),
        XlsxError::ZipError(zip::result::ZipError::Io(e)) => Some(e),
        _ => None,
    }
}

/// Where a result of ours waits while its replacement is put in place.
fn aside_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.old", std::process::id()))
}

fn temporary_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Creates the output folder when missing and makes sure a file can be written in it, so that
/// a folder that cannot take the outputs is named with its cause before anything is written.
fn create_dir(target: &Path) -> Result<()> {
    let dir = crate::config::parent_dir(target);
    let folder_error = |e: std::io::Error| folder_failed(target, &e);
    fs::create_dir_all(&dir).map_err(folder_error)?;
    let probe = dir.join(format!(".custseg-probe.{}.tmp", std::process::id()));
    fs::File::create(&probe).map_err(folder_error)?;
    let _ = fs::remove_file(&probe);
    Ok(())
}

/// How many numbered names are tried before giving up.
const MAX_NUMBER: usize = 99;

/// Puts an output at `target`, or at `target (2)` … when that name is taken by a file that may
/// not be replaced; `put` writes one candidate name and tells what it did.
fn place<T>(
    target: &Path,
    inputs: &[PathBuf],
    mut put: impl FnMut(&Path) -> std::io::Result<T>,
) -> Result<(Placed, T)> {
    create_dir(target)?;
    let mut kept = None;
    for n in 1..=MAX_NUMBER {
        let candidate = if n == 1 {
            target.to_path_buf()
        } else {
            numbered(target, n)
        };
        let existed = candidate.exists();
        if let Some(reason) = blocker(&candidate, inputs) {
            kept.get_or_insert((target.to_path_buf(), reason));
            continue;
        }
        match put(&candidate) {
            Ok(done) => {
                let placed = Placed {
                    path: candidate,
                    kept,
                };
                return Ok((placed, done));
            }
            // A file that is ours and writable but cannot be replaced is held by another
            // program (Windows refuses with a sharing violation while Excel has it open).
            Err(_) if existed => {
                kept.get_or_insert((target.to_path_buf(), Kept::InUse));
            }
            Err(e) => return Err(folder_failed(target, &e)),
        }
    }
    Err(Error::output(Cause::OutputNoName {
        target: target.to_path_buf(),
    }))
}

/// Why an existing file at `candidate` may not be replaced, if it may not.
fn blocker(candidate: &Path, inputs: &[PathBuf]) -> Option<Kept> {
    let meta = fs::metadata(candidate).ok()?;
    if is_input(candidate, inputs) {
        Some(Kept::Input)
    } else if meta.is_dir() {
        Some(Kept::Folder)
    } else if meta.permissions().readonly() {
        Some(Kept::ReadOnly)
    } else if held_by_another(candidate) {
        Some(Kept::InUse)
    } else if !is_custseg_result(candidate) {
        Some(Kept::NotOurs)
    } else {
        None
    }
}

/// True when another program holds the file open without sharing it (Excel and WPS do with an
/// open workbook): Windows refuses even to read it, with a sharing or lock violation.
fn held_by_another(path: &Path) -> bool {
    const SHARING_VIOLATION: i32 = 32;
    const LOCK_VIOLATION: i32 = 33;
    cfg!(windows)
        && fs::File::open(path)
            .is_err_and(|e| matches!(e.raw_os_error(), Some(SHARING_VIOLATION | LOCK_VIOLATION)))
}

/// `报告.pdf` → `报告 (2).pdf`.
fn numbered(target: &Path, n: usize) -> PathBuf {
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match target.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
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
        assert_eq!(write_atomic(&target, b"one", &[]).unwrap(), target);
        assert_eq!(fs::read(&target).unwrap(), b"one");
        let blocked = dir.path().join("y.pdf");
        fs::create_dir(&blocked).unwrap();
        let written = write_atomic(&blocked, b"two", &[]).unwrap();
        assert_eq!(written, dir.path().join("y (2).pdf"));
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
        let staged = Staged::beside(&target).unwrap();
        fs::write(staged.path(), b"half").unwrap();
        let temporary = staged.path().to_path_buf();
        drop(staged);
        assert!(!temporary.exists() && !target.exists());

        let staged = Staged::beside(&target).unwrap();
        fs::write(staged.path(), b"whole").unwrap();
        fs::create_dir(&target).unwrap(); // the name is taken: a fallback name is used
        let written = staged.commit(&target, &[]).unwrap();
        assert_eq!(written.path, dir.path().join("out").join("w (2).xlsx"));
        assert_eq!(written.kept, Some((target.clone(), Kept::Folder)));
        let written = written.path;
        assert_eq!(fs::read(&written).unwrap(), b"whole");
        assert!(!temporary.exists());
    }

    #[test]
    fn never_overwrites_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.xlsx");
        fs::write(&input, b"input").unwrap();
        let written = write_atomic(&input, b"out", std::slice::from_ref(&input)).unwrap();
        assert_ne!(written, input);
        assert_eq!(fs::read(&input).unwrap(), b"input");
    }

    #[test]
    fn replaces_only_its_own_writable_results() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x_2026Q3_管理报告.pdf");
        let ours = b"%PDF-1.3 /Creator<FEFF00630075007300740073006500670020> ...";
        fs::write(&target, b"%PDF-1.3 someone else's").unwrap();
        let placed = write_placed(&target, ours, &[]).unwrap();
        assert_eq!(placed.path, dir.path().join("x_2026Q3_管理报告 (2).pdf"));
        assert_eq!(placed.kept, Some((target.clone(), Kept::NotOurs)));
        // The numbered copy is ours: the next run replaces it, the foreign file stays.
        let again = write_placed(&target, ours, &[]).unwrap();
        assert_eq!(again.path, placed.path);
        assert_eq!(fs::read(&target).unwrap(), b"%PDF-1.3 someone else's");
        fs::write(&target, ours).unwrap();
        let replaced = write_placed(&target, ours, &[]).unwrap();
        assert_eq!((replaced.path, replaced.kept), (target, None));
    }

    #[test]
    fn a_read_only_result_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.pdf");
        let ours = b"/Creator (custseg 0.1.0)";
        fs::write(&target, ours).unwrap();
        let mut perms = fs::metadata(&target).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&target, perms).unwrap();
        let placed = write_placed(&target, ours, &[]).unwrap();
        assert_eq!(placed.kept, Some((target.clone(), Kept::ReadOnly)));
        assert!(fs::metadata(&target).unwrap().permissions().readonly());
    }
}
