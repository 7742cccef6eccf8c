//! The `custseg` binary: parse the command line, run, print one message (with `--verbose` the
//! library's own words on a second line), exit 0 / 1 / 2; in a console window of its own
//! (started from Explorer) wait for Enter before it closes.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use custseg::console;
use custseg::model::Lang;

fn main() -> ExitCode {
    if std::env::args_os().len() <= 1 {
        // Started with no argument, e.g. by a double-click: say how to use it, in Chinese.
        console::errln(custseg::messages::usage_no_args(Lang::Zh));
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            console::errln("\n按回车键退出……");
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
        }
        return ExitCode::from(2);
    }
    let cli = match custseg::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // As clap's own exit would; a usage error in a window of its own stays readable.
            let _ = e.print();
            if e.use_stderr() {
                let no_pause = std::env::args_os().any(|a| a == "--no-pause");
                console::pause_if_alone(no_pause, Lang::Zh);
            }
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let (no_pause, verbose) = (cli.no_pause, cli.verbose);
    let lang = custseg::config::parse_lang(cli.lang()).unwrap_or(Lang::Zh);
    let encoding = console::Encoding::parse(&cli.encoding).unwrap_or(console::Encoding::Utf8);
    console::set_encoding(encoding);
    let code = match custseg::commands::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            console::errln(&e.message(lang));
            if let Some(detail) = e.detail.as_deref().filter(|_| verbose) {
                // The library's or the system's own words, kept on one line.
                console::errln(&detail.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            ExitCode::from(e.exit_code() as u8)
        }
    };
    console::pause_if_alone(no_pause, lang);
    code
}
