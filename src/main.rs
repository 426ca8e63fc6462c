//! `brief`: arguments, then a one-shot command or the reader, then an exit code.

use std::process::ExitCode;

use brief::{briefing, cli, validate};
use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("brief: {report:?}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: cli::Cli) -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    match cli.command {
        Some(cli::Command::Validate { paths }) => Ok(validate::run(
            &paths,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )?),
        Some(cli::Command::Schema) => {
            print!("{}", briefing::schema::json());
            Ok(ExitCode::SUCCESS)
        }
        Some(cli::Command::Snapshot { .. }) | None => Ok(ExitCode::SUCCESS),
    }
}
