//! `brief`: arguments, then a one-shot command or the reader, then an exit code.
//! Files are loaded and checked before the terminal changes mode, so every input
//! error prints as a plain located message.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use brief::app::App;
use brief::briefing::{self, Loaded};
use brief::cli::{Cli, Command};
use brief::ui::Theme;
use brief::{snapshot, terminal, validate};
use clap::Parser;

/// Exit code for a problem with the input: an invalid briefing, nothing found.
const INPUT_ERROR: u8 = 1;
/// Exit code for a usage error, as clap uses.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("brief: {report:?}");
            ExitCode::from(INPUT_ERROR)
        }
    }
}

fn run(cli: Cli) -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    match cli.command {
        Some(Command::Validate { paths }) => Ok(validate::run(
            &paths,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )?),
        Some(Command::Schema) => {
            print!("{}", briefing::schema::json());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Snapshot { path, size, keys }) => {
            let keys = match snapshot::parse_keys(&keys) {
                Ok(keys) => keys,
                Err(message) => {
                    eprintln!("brief: --keys: {message}");
                    return Ok(ExitCode::from(USAGE_ERROR));
                }
            };
            let Some(loaded) = open(&path) else {
                return Ok(ExitCode::from(INPUT_ERROR));
            };
            let mut app = App::new(loaded.briefing);
            let screen = snapshot::replay(&mut app, &keys, size, Theme::from_env());
            print!("{}", snapshot::to_text(&screen));
            Ok(ExitCode::SUCCESS)
        }
        None => read(&cli.paths),
    }
}

/// Opens the reader on the first path, or on the bundled briefing.
fn read(paths: &[std::path::PathBuf]) -> color_eyre::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "brief: the reader needs a terminal; for text output use `brief snapshot PATH` or `brief validate PATH`"
        );
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let loaded = match paths {
        [] => match briefing::parse(briefing::BUNDLED, briefing::BUNDLED_NAME) {
            Ok(loaded) => loaded,
            Err(diagnostics) => {
                // The bundled file is checked by the test suite; this is a broken build.
                diagnostics.iter().for_each(|d| eprintln!("{d}"));
                return Ok(ExitCode::from(INPUT_ERROR));
            }
        },
        [path] => match open(path) {
            Some(loaded) => loaded,
            None => return Ok(ExitCode::from(INPUT_ERROR)),
        },
        _ => {
            eprintln!("brief: open one briefing at a time for now; `brief validate` checks many");
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    let warnings = loaded.warnings.len();
    let mut app = App::new(loaded.briefing);
    if warnings > 0 {
        app.status = Some(format!(
            "{warnings} warning{} in this file; `brief validate` lists them",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    terminal::run(&mut app, Theme::from_env())?;
    Ok(ExitCode::SUCCESS)
}

/// Loads a briefing, printing its diagnostics on failure.
fn open(path: &Path) -> Option<Loaded> {
    match briefing::load(path) {
        Ok(loaded) => Some(loaded),
        Err(diagnostics) => {
            diagnostics.iter().for_each(|d| eprintln!("{d}"));
            None
        }
    }
}
