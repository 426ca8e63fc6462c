//! `brief export` and `brief note`: a briefing's notes as markdown, and a note
//! written from a script, through the same reader model as the screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use super::open;
use crate::app::{Action, App, Effect, Opening, update};
use crate::cli::INPUT_ERROR;
use crate::effects::{Runner, now_ms};
use crate::export::{self, Refused};
use crate::say::{line, say};
use crate::store::Store;

/// `brief export`: the notes of one briefing as markdown.
pub fn export_notes(path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let mut opening = Opening {
        now_ms: now,
        ..Opening::fresh(0, Arc::new(briefing))
    };
    if let Some(store) = Store::from_env() {
        let loaded = store.load(&opening.briefing.id, now);
        if let Some(warning) = loaded.warning {
            say(format_args!("{warning}"));
        }
        opening.saved = loaded.saved;
    }
    let app = App::opened(opening, false);
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

/// `brief note`: the same road as `a` in the reader, without a screen: the
/// briefing opens as it was left, on the item, and the note is kept and saved.
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
    let briefing = Arc::new(briefing);
    if let Err(message) = App::new(Arc::clone(&briefing)).spot_at(item) {
        say(format_args!("{message}"));
        return ExitCode::from(INPUT_ERROR);
    }
    let Some(store) = Store::from_env() else {
        say("no config directory to keep notes in");
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let loaded = store.load(&briefing.id, now);
    if let Some(warning) = &loaded.warning {
        say(format_args!("{warning}"));
    }
    let opening = Opening {
        saved: loaded.saved,
        at: Some(item.to_owned()),
        now_ms: now,
        session: std::process::id(),
        ..Opening::fresh(0, briefing)
    };
    // Only the note is saved: the reader's place stays where it was left.
    let mut app = App::opened(opening, false);
    let runner = Runner::once(Some(store), PathBuf::from("."));
    let mut effects = Vec::new();
    for action in [Action::EditNote, Action::WriteNote(text), Action::SaveNote] {
        effects.extend(update(&mut app, action));
    }
    for effect in effects {
        if let Effect::Save(saved) = effect
            && let Some(result) = runner.save(&saved)
        {
            update(&mut app, result);
        }
    }
    match app.unsaved() {
        Some(reason) => {
            say(format_args!("the note was not saved: {reason}"));
            ExitCode::from(INPUT_ERROR)
        }
        None => ExitCode::SUCCESS,
    }
}
