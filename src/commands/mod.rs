//! One file per subcommand; each only wires the stages together.

mod check;
mod compare;
mod init;
mod run;
mod sample;
mod shown;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs what the command line asked for.
pub fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        None => run::run(&cli.run),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Check(args)) => check::check(&args),
        Some(Command::Compare(args)) => compare::compare(&args),
        Some(Command::Init(args)) => init::init(&args),
        Some(Command::Sample(args)) => sample::sample(&args),
    }
}
