//! End-to-end tests of issue 15's other half: `--verbose`, one-line messages in the user's
//! language, both outputs or neither on a full disk (a replaced result of ours kept), the cause of
//! a failed write named, and a stdout closed early ending quietly.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use super::{custseg, run_in, work_with_samples, SAMPLE_FILES};

/// A small tmpfs mounted for one test and unmounted when dropped; None where mounting is not
/// allowed (not root, no tmpfs), and the test says it skipped that part.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(kib: u64, read_only: bool) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let mut options = format!("size={kib}k");
        if read_only {
            options.push_str(",ro");
        }
        let mounted = Process::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: a tmpfs cannot be mounted here (not root?)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Free space in KiB, as df reports it.
    fn free_kib(&self) -> u64 {
        let out = Process::new("df")
            .args(["-k", "--output=avail"])
            .arg(self.path())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Process::new("umount").arg(self.dir.path()).status();
    }
}

/// The names in a folder, sorted (hidden temporary files included).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One run of the customers sample into `out`: (exit code, stderr).
fn run_into(work: &Path, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec![
        "客户档案.xlsx",
        "--as-of",
        "2026-09-30",
        "-q",
        "--no-previous",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, stderr) = run_in(work, &args);
    (code, stderr)
}

/// The last line of stderr: the error message (the findings come before it).
fn last_line(stderr: &str) -> &str {
    stderr.trim_end().lines().last().unwrap_or("")
}

/// What every message promises: one line, ours, no system English inside a Chinese sentence.
fn assert_one_clean_line(line: &str) {
    assert!(!line.contains("os error"), "{line}");
    assert!(!line.contains("No space left"), "{line}");
    assert!(!line.contains("Permission denied"), "{line}");
    assert!(
        line.chars().count() <= 200,
        "{} chars: {line}",
        line.chars().count()
    );
}

/// The sizes in KiB of the workbook and the report of the customers sample.
fn output_sizes(work: &Path) -> (u64, u64) {
    let out = work.join("measure");
    let (code, stderr) = run_into(work, &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let size = |ext: &str| {
        let file = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap();
        fs::metadata(file).unwrap().len().div_ceil(1024)
    };
    (size("xlsx"), size("pdf"))
}

#[test]
fn a_full_disk_while_the_report_is_written_leaves_neither_output() {
    let work = work_with_samples(&SAMPLE_FILES[..1]);
    let (xlsx, pdf) = output_sizes(work.path());
    // Room for the workbook, not for the report as well.
    let Some(disk) = Tmpfs::mount(xlsx + pdf / 2, false) else {
        return;
    };
    let (code, stderr) = run_into(work.path(), disk.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let message = last_line(&stderr);
    assert!(message.contains("磁盘已满"), "{message}");
    assert!(message.contains("-o"), "{message}");
    assert!(message.contains("未写出任何文件"), "{message}");
    let folder = disk
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(message.contains(&folder), "the folder is named: {message}");
    assert!(!message.contains("Excel"), "{message}");
    assert_one_clean_line(message);
    assert!(names(disk.path()).is_empty(), "{:?}", names(disk.path()));
}

#[test]
fn a_full_disk_keeps_the_result_it_was_to_replace() {
    let work = work_with_samples(&SAMPLE_FILES[..1]);
    let (xlsx, pdf) = output_sizes(work.path());
    let Some(disk) = Tmpfs::mount(2 * (xlsx + pdf) + 64, false) else {
        return;
    };
    let (code, stderr) = run_into(work.path(), disk.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let before: Vec<(String, Vec<u8>)> = names(disk.path())
        .into_iter()
        .map(|n| (n.clone(), fs::read(disk.path().join(&n)).unwrap()))
        .collect();
    assert_eq!(before.len(), 2);
    // Fill the disk until the new workbook fits and the new report does not.
    let filler = disk.free_kib().saturating_sub(xlsx + pdf / 2);
    fs::write(
        disk.path().join("filler"),
        vec![0u8; filler as usize * 1024],
    )
    .unwrap();
    let (code, stderr) = run_into(work.path(), disk.path(), &["--company", "另一家公司"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(last_line(&stderr).contains("磁盘已满"), "{stderr}");
    fs::remove_file(disk.path().join("filler")).unwrap();
    let after: Vec<(String, Vec<u8>)> = names(disk.path())
        .into_iter()
        .map(|n| (n.clone(), fs::read(disk.path().join(&n)).unwrap()))
        .collect();
    assert!(after == before, "the earlier results stay as they were");
}

#[test]
fn a_read_only_medium_is_named_as_such() {
    let work = work_with_samples(&SAMPLE_FILES[..1]);
    let Some(disk) = Tmpfs::mount(64, true) else {
        return;
    };
    let (code, stderr) = run_into(work.path(), disk.path(), &["--lang", "en"]);
    assert_eq!(code, Some(1), "{stderr}");
    let message = last_line(&stderr);
    assert!(message.contains("the medium is read-only"), "{message}");
    assert!(message.contains("-o DIR"), "{message}");
    assert!(!message.contains("Excel"), "{message}");
    assert_one_clean_line(message);
    // `sample` says the same cause.
    let sub = disk.path().join("s");
    let out = custseg().arg("sample").arg(&sub).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(message.contains("只读的介质"), "{message}");
    assert_one_clean_line(message.trim_end());
}

#[test]
fn verbose_adds_the_systems_words_on_a_second_line() {
    let work = work_with_samples(&SAMPLE_FILES[..1]);
    // An output folder below a file: it cannot be made, on every machine and for root too.
    fs::write(work.path().join("a-file"), b"").unwrap();
    let out = work.path().join("a-file").join("out");
    let (code, stderr) = run_into(work.path(), &out, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let message = last_line(&stderr);
    assert!(message.starts_with("无法写入输出文件夹"), "{message}");
    assert_one_clean_line(message);
    let (code, verbose) = run_into(work.path(), &out, &["--verbose"]);
    assert_eq!(code, Some(1), "{verbose}");
    let lines: Vec<&str> = verbose.trim_end().lines().collect();
    assert_eq!(lines[lines.len() - 2], message, "{verbose}");
    assert!(lines[lines.len() - 1].contains("os error"), "{verbose}");
}

#[test]
fn write_causes_come_from_the_systems_number() {
    use custseg::messages::{folder_cause, write_cause, WriteCause};
    use custseg::model::Lang;
    use std::io::Error;
    if cfg!(windows) {
        return;
    }
    let cause = |n| write_cause(&Error::from_raw_os_error(n));
    assert_eq!(cause(28), WriteCause::Full);
    assert_eq!(cause(13), WriteCause::Permission);
    assert_eq!(cause(1), WriteCause::Permission);
    assert_eq!(cause(30), WriteCause::ReadOnly);
    assert_eq!(cause(36), WriteCause::TooLong);
    assert_eq!(cause(122), WriteCause::Quota);
    // 32 and 33 are Windows' sharing violations, but EPIPE and EDOM here: never "Excel".
    assert_ne!(cause(32), WriteCause::InUse);
    assert!(!folder_cause(Lang::Zh, &Error::from_raw_os_error(32)).contains("Excel"));
    assert_eq!(
        folder_cause(Lang::Zh, &Error::from_raw_os_error(28)),
        "磁盘已满"
    );
}

#[test]
fn no_code_column_lists_ten_headers_each_short_and_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let long = "这是一段非常非常长的说明文字".repeat(200);
    let mut headers: Vec<String> = (1..=31).map(|i| format!("备注栏目{i}")).collect();
    headers.insert(0, format!("\"第一行\n第二行 {long}\""));
    let mut csv = headers.join(",");
    csv.push('\n');
    csv.push_str(&vec!["x"; headers.len()].join(","));
    csv.push('\n');
    let file = dir.path().join("奇怪的表头.csv");
    fs::write(&file, csv).unwrap();
    let out = custseg().arg(&file).args(["-q"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let message = last_line(&stderr);
    assert!(message.contains("没有找到客户编码列"), "{message}");
    assert!(
        message.contains("第一行 第二行"),
        "line breaks removed: {message}"
    );
    assert!(message.contains("备注栏目9"), "{message}");
    assert!(!message.contains("备注栏目10"), "at most ten: {message}");
    assert!(message.contains("另有 22 列"), "{message}");
    assert!(
        message.contains("奇怪的表头.csv") && !message.contains(dir.path().to_str().unwrap()),
        "the file is named, not its path: {message}"
    );
    assert_one_clean_line(message);
}

/// Runs custseg with stdout closed as soon as it starts (the reader gone, as with `| head`), or
/// with stdout on /dev/full; returns the exit code (None for a signal).
fn with_stdout_gone(dir: &Path, args: &[&str], dev_full: bool) -> Option<i32> {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_custseg"));
    cmd.current_dir(dir).args(args).stderr(Stdio::null());
    if dev_full && Path::new("/dev/full").exists() {
        cmd.stdout(fs::File::create("/dev/full").unwrap());
        return cmd.status().unwrap().code();
    }
    let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait().unwrap().code()
}

/// Both ways of [`with_stdout_gone`], each with its own copy of `args` ending in `place`+1 / +2
/// when `place` is given (a fresh output folder for each).
fn both_ways(dir: &Path, args: &[&str], place: Option<&str>) -> (Option<i32>, Option<i32>) {
    let with = |n: u8| {
        let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        all.extend(place.map(|p| format!("{p}{n}")));
        all
    };
    let (one, two) = (with(1), with(2));
    let one: Vec<&str> = one.iter().map(String::as_str).collect();
    let two: Vec<&str> = two.iter().map(String::as_str).collect();
    (
        with_stdout_gone(dir, &one, false),
        with_stdout_gone(dir, &two, true),
    )
}

#[test]
fn a_closed_stdout_ends_quietly_never_with_a_panic() {
    let work = work_with_samples(&SAMPLE_FILES[..1]);
    let dir = work.path();
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["run", "--help"],
        vec!["check", "客户档案.xlsx"],
        vec!["check", "客户档案.xlsx", "--json"],
    ] {
        assert_eq!(both_ways(dir, &args, None), (Some(0), Some(0)), "{args:?}");
    }
    for (args, place) in [
        (vec!["sample", "--customers", "30"], "s"),
        (vec!["init"], "i"),
        (vec!["客户档案.xlsx", "-q", "--json", "--no-pdf", "-o"], "j"),
        (vec!["客户档案.xlsx", "-q", "-o"], "r"),
    ] {
        let codes = both_ways(dir, &args, Some(place));
        assert_eq!(codes, (Some(0), Some(0)), "{args:?}");
    }
    // compare: two quarters' results.
    let q2: PathBuf = dir.join("q2");
    let q3: PathBuf = dir.join("q3");
    for (out, as_of) in [(&q2, "2026-06-30"), (&q3, "2026-09-30")] {
        let (code, _, stderr) = run_in(
            dir,
            &[
                "客户档案.xlsx",
                "-q",
                "--no-pdf",
                "--no-previous",
                "--as-of",
                as_of,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(code, Some(0), "{stderr}");
    }
    let result = |d: &Path| names(d).into_iter().next().map(|n| d.join(n)).unwrap();
    let (old, new) = (result(&q2), result(&q3));
    let args = [
        "compare",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "-o",
    ];
    assert_eq!(both_ways(dir, &args, Some("c")), (Some(0), Some(0)));
}

#[test]
fn sample_and_init_name_the_folder_once_and_a_few_files() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().to_str().unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["sample", here, "--customers", "30"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, stderr) = run_in(dir.path(), &["sample", here, "--customers", "30"]);
    assert_eq!(code, Some(1), "{stderr}");
    let message = last_line(&stderr);
    assert_eq!(message.matches(here).count(), 1, "{message}");
    assert!(message.contains("等 4 个文件"), "{message}");
    assert_one_clean_line(message);
    let (code, _, stderr) = run_in(dir.path(), &["init", here]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, stderr) = run_in(dir.path(), &["init", here, "--lang", "en"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, stderr) = run_in(dir.path(), &["init", here]);
    assert_eq!(code, Some(1), "{stderr}");
    let message = last_line(&stderr);
    assert!(
        message.contains("评分方案_software.toml 已存在") && message.contains(here),
        "{message}"
    );
    assert_one_clean_line(message);
}
