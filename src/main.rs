//! `brief`: arguments, then a one-shot command or the reader, then an exit code.
//! Files are loaded and checked before the terminal changes mode, so every input
//! error prints as a plain located message.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brief::app::{Action, App, Effect, update};
use brief::briefing::{self, Briefing};
use brief::cli::{Cli, Command};
use brief::export::{self, Refused};
use brief::store::Store;
use brief::terminal::{self, Outside, now_ms};
use brief::ui::Theme;
use brief::{find, library, snapshot, validate};
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
            let Some(briefing) = open(&path) else {
                return Ok(ExitCode::from(INPUT_ERROR));
            };
            let mut app = App::new(briefing);
            let screen = snapshot::replay(&mut app, &keys, size, Theme::from_env());
            print!("{}", snapshot::to_text(&screen));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            path,
            output,
            force,
        }) => Ok(export_notes(&path, output.as_deref(), force)),
        Some(Command::Search {
            mut query,
            mut paths,
            nation,
        }) => {
            // `brief search --nation JP briefings/`: with --nation, a first word that
            // names a file or folder is a path, not a query.
            if nation.is_some() && query.as_deref().is_some_and(|q| Path::new(q).exists()) {
                paths.insert(0, PathBuf::from(query.take().unwrap_or_default()));
            }
            let paths = if paths.is_empty() {
                library::default_folders(&[])
            } else {
                paths
            };
            let entries = library::load(&paths, true);
            let store = Store::from_env();
            let notes_of = |id: &str| {
                store
                    .as_ref()
                    .and_then(|s| s.load(id, now_ms()).saved)
                    .map(|saved| saved.notes)
                    .unwrap_or_default()
            };
            Ok(find::run(
                &entries,
                query.as_deref(),
                nation.as_deref(),
                &notes_of,
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )?)
        }
        Some(Command::Note { path, item, text }) => Ok(write_note(&path, &item, &text)),
        None => read(&cli.paths, cli.at.as_deref()),
    }
}

/// `brief export`: the notes of one briefing as markdown.
fn export_notes(path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let mut app = App::new(briefing);
    if let Some(store) = Store::from_env() {
        let loaded = store.load(&app.briefing.id, now);
        if let Some(warning) = loaded.warning {
            eprintln!("brief: {warning}");
        }
        if let Some(saved) = loaded.saved {
            app.restore(saved);
        }
    }
    let Some(output) = output else {
        print!("{}", export::markdown(&app, now));
        return ExitCode::SUCCESS;
    };
    match export::write(&app, output, force, now) {
        Ok(count) => {
            eprintln!(
                "wrote {} ({count} note{})",
                output.display(),
                if count == 1 { "" } else { "s" }
            );
            ExitCode::SUCCESS
        }
        Err(Refused::NotOurs) => {
            eprintln!(
                "{}: exists and was not written by brief; --force overwrites it",
                output.display()
            );
            ExitCode::from(INPUT_ERROR)
        }
        Err(Refused::Io(e)) => {
            eprintln!("{}: cannot write: {e}", output.display());
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// `brief note`: the same editor path as `a` in the reader, without a screen.
fn write_note(path: &Path, item: &str, text: &str) -> ExitCode {
    let text = if text == "-" {
        let mut input = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut input) {
            eprintln!("brief: cannot read the note from standard input: {e}");
            return ExitCode::from(INPUT_ERROR);
        }
        input
    } else {
        text.to_owned()
    };
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let Some(store) = Store::from_env() else {
        eprintln!("brief: no config directory to keep notes in");
        return ExitCode::from(INPUT_ERROR);
    };
    let outside = Outside {
        store: Some(store),
        export_dir: PathBuf::from("."),
    };
    let mut app = match prepare(briefing, Some(item), &outside) {
        Ok(app) => app,
        Err(message) => {
            eprintln!("brief: {message}");
            return ExitCode::from(INPUT_ERROR);
        }
    };
    if let Some(warning) = app
        .status
        .take()
        .filter(|s| s.contains("could not be read"))
    {
        eprintln!("brief: {warning}");
    }
    update(&mut app, Action::EditNote);
    // Replace whatever the note held with the new text.
    if let Some(editor) = &mut app.editor {
        editor.textarea.select_all();
        editor.textarea.cut();
    }
    update(&mut app, Action::Paste(text));
    if update(&mut app, Action::SaveNote) == Effect::Save {
        terminal::save(&mut app, &outside);
    }
    match app.unsaved {
        Some(reason) => {
            eprintln!("brief: the note was not saved: {reason}");
            ExitCode::from(INPUT_ERROR)
        }
        None => ExitCode::SUCCESS,
    }
}

/// Opens the reader on the first path, or on the bundled briefing.
fn read(paths: &[PathBuf], at: Option<&str>) -> color_eyre::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "brief: the reader needs a terminal; for text output use `brief snapshot PATH` or `brief validate PATH`"
        );
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let (briefing, warnings, path) = match paths {
        [] => match briefing::parse(briefing::BUNDLED, briefing::BUNDLED_NAME) {
            Ok(loaded) => (loaded.briefing, loaded.warnings.len(), None),
            Err(diagnostics) => {
                // The bundled file is checked by the test suite; this is a broken build.
                diagnostics.iter().for_each(|d| eprintln!("{d}"));
                return Ok(ExitCode::from(INPUT_ERROR));
            }
        },
        [path] => match briefing::load(path) {
            Ok(loaded) => (loaded.briefing, loaded.warnings.len(), Some(path.clone())),
            Err(diagnostics) => {
                diagnostics.iter().for_each(|d| eprintln!("{d}"));
                return Ok(ExitCode::from(INPUT_ERROR));
            }
        },
        _ => {
            eprintln!("brief: open one briefing at a time for now; `brief validate` checks many");
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    let outside = Outside {
        store: Store::from_env(),
        export_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    let mut app = match prepare(briefing, at, &outside) {
        Ok(app) => app,
        Err(message) => {
            eprintln!("brief: --at: {message}");
            return Ok(ExitCode::from(INPUT_ERROR));
        }
    };
    if warnings > 0 && app.status.is_none() {
        app.status = Some(format!(
            "{warnings} warning{} in this file; `brief validate` lists them",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    if let Some(store) = &outside.store {
        let mut global = store.global();
        global.version = global.version.max(brief::state::VERSION);
        global.last_briefing = Some(app.briefing.id.clone());
        global.last_path = path.and_then(|p| std::fs::canonicalize(p).ok());
        // The reader works without it; a failure shows when the state itself is saved.
        let _: Result<(), _> = store.save_global(&global);
    }
    // Saving at once records this opening and says now, not after an hour of notes,
    // if the config folder cannot be written.
    terminal::save(&mut app, &outside);
    if app.unsaved.is_some() {
        // The lasting warning says more than a failed read: show it from the start.
        app.status = None;
    }
    terminal::run(&mut app, Theme::from_env(), &outside)?;
    Ok(ExitCode::SUCCESS)
}

/// The reader's state as it was left, and on the item `--at` names.
fn prepare(briefing: Briefing, at: Option<&str>, outside: &Outside) -> Result<App, String> {
    let now = now_ms();
    let mut app = App::new(briefing);
    app.session = std::process::id();
    app.now_ms = now;
    if let Some(store) = &outside.store {
        let loaded = store.load(&app.briefing.id, now);
        let opened = loaded
            .saved
            .map(|saved| app.restore(saved))
            .unwrap_or_default();
        app.status = loaded.warning.or(opened);
    }
    if let Some(address) = at {
        app.go_to(address)?;
    }
    Ok(app)
}

/// Loads a briefing, printing its diagnostics on failure.
fn open(path: &Path) -> Option<Briefing> {
    match briefing::load(path) {
        Ok(loaded) => Some(loaded.briefing),
        Err(diagnostics) => {
            diagnostics.iter().for_each(|d| eprintln!("{d}"));
            None
        }
    }
}
