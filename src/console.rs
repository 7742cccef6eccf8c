//! The edge between custseg and the window it runs in: whether to wait for Enter before the
//! window closes (Windows, started from Explorer), paths shown as a person types them, and the
//! encoding of piped output. The decisions are pure functions, tested on every platform.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::OnceLock;

use crate::model::Lang;

/// The encoding of text written to a pipe or a file (a console always gets Unicode text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, the default.
    Utf8,
    /// GBK (GB18030), for scripts in a Chinese console that capture custseg's output.
    Gbk,
}

impl Encoding {
    /// `utf-8` / `utf8` or `gbk` / `gb18030` / `936` (any case); None for anything else.
    pub fn parse(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "936" | "cp936" => Some(Encoding::Gbk),
            _ => None,
        }
    }

    /// The bytes of `text` in this encoding.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Gbk => encoding_rs::GB18030.encode(text).0.into_owned(),
        }
    }
}

static ENCODING: OnceLock<Encoding> = OnceLock::new();

/// Sets the encoding of piped output for the whole run (the first call wins).
pub fn set_encoding(encoding: Encoding) {
    let _ = ENCODING.set(encoding);
}

fn encoding() -> Encoding {
    ENCODING.get().copied().unwrap_or(Encoding::Utf8)
}

/// Prints one line on stdout: Unicode to a console, the chosen encoding to a pipe or a file.
pub fn outln(text: &str) {
    let out = std::io::stdout();
    write_line(out.is_terminal(), encoding(), &mut out.lock(), text);
}

/// Prints one line on stderr, as [`outln`] does on stdout.
pub fn errln(text: &str) {
    let err = std::io::stderr();
    write_line(err.is_terminal(), encoding(), &mut err.lock(), text);
}

fn write_line(terminal: bool, piped: Encoding, w: &mut dyn Write, text: &str) {
    // A console shows Unicode whatever its code page (std writes to it with WriteConsoleW).
    let encoding = if terminal { Encoding::Utf8 } else { piped };
    let mut bytes = encoding.encode(text);
    bytes.push(b'\n');
    // As println! would, minus its panic on a closed pipe.
    let _ = w.write_all(&bytes);
    let _ = w.flush();
}

/// A path as a person types it: without the `\\?\` prefix that `fs::canonicalize` gives on
/// Windows (`\\?\C:\…` → `C:\…`, `\\?\UNC\server\share\…` → `\\server\share\…`).
pub fn display_path(path: &Path) -> String {
    plain_path(&path.display().to_string())
}

/// A file as every message names it: its name, not its full path (the whole path, as
/// [`display_path`] shows it, only when the path has no file name, such as `..`).
pub fn file_shown(path: &Path) -> String {
    match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => display_path(path),
    }
}

fn plain_path(shown: &str) -> String {
    if let Some(rest) = shown.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{rest}")
    } else if let Some(rest) = shown.strip_prefix(r"\\?\") {
        let drive = rest.as_bytes();
        if drive.len() >= 2 && drive[0].is_ascii_alphabetic() && drive[1] == b':' {
            rest.to_string()
        } else {
            shown.to_string()
        }
    } else {
        shown.to_string()
    }
}

/// What decides whether the window waits for Enter at the end.
#[derive(Clone, Copy, Debug)]
pub struct PauseFacts {
    /// `--no-pause` was given.
    pub no_pause: bool,
    /// Standard input is a terminal (not a pipe, a file or nothing).
    pub stdin_terminal: bool,
    /// How many processes share the console: 1 when Explorer opened it for custseg alone; None
    /// where that cannot be known (not Windows, no console).
    pub console_processes: Option<u32>,
}

/// Waits only when the console window was opened for custseg alone (a drag-and-drop or a
/// double-click in Explorer), so that the result or the error stays readable; never when run
/// from a console, a script or with stdin not a terminal, nor with `--no-pause`.
pub fn should_pause(facts: PauseFacts) -> bool {
    !facts.no_pause && facts.stdin_terminal && facts.console_processes == Some(1)
}

/// The facts of this process.
pub fn pause_facts(no_pause: bool) -> PauseFacts {
    PauseFacts {
        no_pause,
        stdin_terminal: std::io::stdin().is_terminal(),
        console_processes: console_processes(),
    }
}

#[cfg(windows)]
fn console_processes() -> Option<u32> {
    let mut ids = [0u32; 4];
    // SAFETY: the buffer and its length (in elements) agree; the call only writes into it.
    let n = unsafe {
        windows_sys::Win32::System::Console::GetConsoleProcessList(
            ids.as_mut_ptr(),
            ids.len() as u32,
        )
    };
    (n > 0).then_some(n)
}

#[cfg(not(windows))]
fn console_processes() -> Option<u32> {
    None
}

/// Says "按回车键关闭窗口" and waits for Enter, when [`should_pause`] says so.
pub fn pause_if_alone(no_pause: bool, lang: Lang) {
    if should_pause(pause_facts(no_pause)) {
        errln(&format!(
            "\n{}",
            crate::messages::press_enter_to_close(lang)
        ));
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_only_in_a_window_of_its_own_with_a_keyboard() {
        let facts = |no_pause, stdin_terminal, console_processes| PauseFacts {
            no_pause,
            stdin_terminal,
            console_processes,
        };
        // Explorer: a console of its own.
        assert!(should_pause(facts(false, true, Some(1))));
        // --no-pause.
        assert!(!should_pause(facts(true, true, Some(1))));
        // From cmd.exe or PowerShell: the shell shares the console.
        assert!(!should_pause(facts(false, true, Some(2))));
        // A script feeding stdin, or stdin closed.
        assert!(!should_pause(facts(false, false, Some(1))));
        // Not Windows, or no console at all.
        assert!(!should_pause(facts(false, true, None)));
    }

    #[test]
    fn paths_lose_the_verbatim_prefix() {
        assert_eq!(
            plain_path(r"\\?\Z:\财务\客户档案_客户分类.xlsx"),
            r"Z:\财务\客户档案_客户分类.xlsx"
        );
        assert_eq!(
            plain_path(r"\\?\UNC\server\财务\报告.pdf"),
            r"\\server\财务\报告.pdf"
        );
        assert_eq!(plain_path(r"\\?\Volume{x}\a"), r"\\?\Volume{x}\a");
        assert_eq!(plain_path("/tmp/报告.pdf"), "/tmp/报告.pdf");
        assert_eq!(plain_path(r"C:\a\b.pdf"), r"C:\a\b.pdf");
    }

    #[test]
    fn gbk_output_is_gbk_only_off_the_console() {
        assert_eq!(Encoding::parse("GBK"), Some(Encoding::Gbk));
        assert_eq!(Encoding::parse("utf-8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::parse("latin1"), None);
        assert_eq!(Encoding::Gbk.encode("完成"), vec![0xCD, 0xEA, 0xB3, 0xC9]);
        let mut piped = Vec::new();
        write_line(false, Encoding::Gbk, &mut piped, "完成");
        assert_eq!(piped, vec![0xCD, 0xEA, 0xB3, 0xC9, b'\n']);
        let mut console = Vec::new();
        write_line(true, Encoding::Gbk, &mut console, "完成");
        assert_eq!(console, "完成\n".as_bytes());
    }
}
