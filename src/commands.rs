//! The one-shot commands that work with reading state and the config:
//! `brief export`, `brief note` and `brief config`. Each prints what a script
//! needs and returns an exit code; none draws a screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::{Action, App, Effect, Keymap, update};
use crate::briefing::{self, Briefing};
use crate::cli::INPUT_ERROR;
use crate::config::{self, Config};
use crate::export::{self, Refused};
use crate::say::{line, out, say};
use crate::store::Store;
use crate::terminal::{self, Outside, now_ms};

/// The user's config and what is wrong with it, from the config directory.
pub fn user_config() -> (Config, Vec<String>) {
    match Store::from_env() {
        Some(store) => config::load(&config::path(store.dir())),
        None => (Config::default(), Vec::new()),
    }
}

/// `brief config`: check the file, or print its path or a commented default.
pub fn config_command(path: bool, default: bool) -> ExitCode {
    if default {
        print!("{}", config::default_text());
        return ExitCode::SUCCESS;
    }
    let Some(store) = Store::from_env() else {
        say("no config directory on this system");
        return ExitCode::from(INPUT_ERROR);
    };
    let file = config::path(store.dir());
    if path {
        out(format_args!("{}", file.display()));
        return ExitCode::SUCCESS;
    }
    let (config, mut problems) = config::load(&file);
    problems.extend(Keymap::with_overrides(&config.keys).1);
    if problems.is_empty() {
        let state = if file.exists() {
            "is valid"
        } else {
            "does not exist; the defaults apply"
        };
        out(format_args!("{} {state}", file.display()));
        return ExitCode::SUCCESS;
    }
    problems.iter().for_each(line);
    ExitCode::from(INPUT_ERROR)
}

/// `brief export`: the notes of one briefing as markdown.
pub fn export_notes(path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let mut app = App::new(briefing);
    if let Some(store) = Store::from_env() {
        let loaded = store.load(&app.briefing.id, now);
        if let Some(warning) = loaded.warning {
            say(format_args!("{warning}"));
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
            line(format_args!(
                "wrote {} ({count} note{})",
                output.display(),
                if count == 1 { "" } else { "s" }
            ));
            ExitCode::SUCCESS
        }
        Err(Refused::NotOurs) => {
            line(format_args!(
                "{}: exists and was not written by brief; --force overwrites it",
                output.display()
            ));
            ExitCode::from(INPUT_ERROR)
        }
        Err(Refused::Io(e)) => {
            line(format_args!("{}: cannot write: {e}", output.display()));
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// `brief note`: the same editor path as `a` in the reader, without a screen.
pub fn write_note(path: &Path, item: &str, text: &str) -> ExitCode {
    let text = if text == "-" {
        let mut input = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut input) {
            say(format_args!(
                "cannot read the note from standard input: {e}"
            ));
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
        say("no config directory to keep notes in");
        return ExitCode::from(INPUT_ERROR);
    };
    let outside = Outside {
        store: Some(store),
        export_dir: PathBuf::from("."),
        loader: None,
    };
    let mut app = match prepare(briefing, Some(item), &outside) {
        Ok(app) => app,
        Err(message) => {
            say(format_args!("{message}"));
            return ExitCode::from(INPUT_ERROR);
        }
    };
    if let Some(warning) = app
        .status
        .take()
        .filter(|s| s.contains("could not be read"))
    {
        say(format_args!("{warning}"));
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
            say(format_args!("the note was not saved: {reason}"));
            ExitCode::from(INPUT_ERROR)
        }
        None => ExitCode::SUCCESS,
    }
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
pub fn open(path: &Path) -> Option<Briefing> {
    match briefing::load(path) {
        Ok(loaded) => Some(loaded.briefing),
        Err(diagnostics) => {
            diagnostics.iter().for_each(line);
            None
        }
    }
}
