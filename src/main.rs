//! The `custseg` binary: parse the command line, run, print one message, exit 0 / 1 / 2.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    if std::env::args_os().len() <= 1 {
        // Started with no argument, e.g. by a double-click: say how to use it, in Chinese.
        eprintln!(
            "{}",
            custseg::messages::usage_no_args(custseg::model::Lang::Zh)
        );
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            eprintln!("\n按回车键退出……");
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
        }
        return ExitCode::from(2);
    }
    let cli = custseg::cli::Cli::parse();
    match custseg::commands::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed or full stderr is no reason to panic: the exit status still says it.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "{e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
