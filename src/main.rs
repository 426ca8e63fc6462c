//! `brief`: the arguments, then the command they name, then an exit code.
//! Everything the commands do lives in the library (`brief::commands`), where
//! the tests can reach it.

use std::process::ExitCode;

use brief::briefing;
use brief::cli::{self, Cli, Command, INPUT_ERROR};
use brief::commands::{
    ImportRequest, config_command, export_notes, import_articles, read, search_command,
    snapshot_command, validate, write_note,
};
use brief::say::say;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader of the output has gone (`brief search x | head`): what
        // it read was right, and there is no one left to tell.
        Err(report) if closed_pipe(&report) => ExitCode::SUCCESS,
        Err(report) => {
            say(format_args!("{report:?}"));
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// Whether `report` is a write to a pipe whose reader has closed it.
fn closed_pipe(report: &color_eyre::Report) -> bool {
    report.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> color_eyre::Result<ExitCode> {
    // A plain theme: the report is cleaned on its way out like every message.
    color_eyre::config::HookBuilder::blank().install()?;
    match cli.command {
        Some(Command::Validate { paths }) => Ok(validate(
            &paths,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )?),
        Some(Command::Completions { shell }) => {
            std::io::Write::write_all(&mut std::io::stdout(), &cli::completions(shell))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            std::io::Write::write_all(&mut std::io::stdout(), &cli::man()?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Schema) => {
            std::io::Write::write_all(&mut std::io::stdout(), briefing::schema::json().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Snapshot { path, size, keys }) => Ok(snapshot_command(path, size, &keys)),
        Some(Command::Export {
            path,
            output,
            force,
        }) => Ok(export_notes(&path, output.as_deref(), force)),
        Some(Command::Search {
            query,
            paths,
            nation,
            ranked,
        }) => Ok(search_command(query, paths, nation, ranked)?),
        Some(Command::Config { path, default }) => Ok(config_command(path, default)),
        Some(Command::Note { path, item, text }) => Ok(write_note(&path, &item, &text)),
        Some(Command::Import {
            articles,
            output,
            into,
            id,
            title,
            url,
            force,
        }) => Ok(import_articles(&ImportRequest {
            articles,
            output,
            into,
            overrides: brief::import::Overrides { id, title, url },
            force,
        })),
        None => read(&cli.paths, cli.at.as_deref()),
    }
}
