//! Every command `brief` runs, one module each: the reader (`read.rs`, which
//! builds the model and hands it to the terminal loop) and the one-shot
//! commands, which print what a script needs and return an exit code. `main.rs`
//! parses the arguments and calls one of these.

mod import;
mod notes;
mod ranked;
mod read;
mod search;
mod validate;

pub use import::{ImportRequest, import_articles};
pub use notes::{export_notes, write_note};
pub use read::read;
pub use search::{search, search_command};
pub use validate::validate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::{Keymap, Listing, Root, Row, Setup};
use crate::briefing::{self, Briefing};
use crate::cli::{INPUT_ERROR, USAGE_ERROR};
use crate::config::{self, Config, Palette};
use crate::effects::Runner;
use crate::library;
use crate::say::{line, out, say};
use crate::snapshot;
use crate::store::Store;
use crate::ui::Theme;

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
    problems.extend(Keymap::with_overrides(&config.keys, &config.unbind).1);
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

/// `brief snapshot`: the reader without a terminal, as text. Fresh state in,
/// nothing written out; the user's config is not read either, so the same keys
/// give the same screen.
pub fn snapshot_command(path: PathBuf, size: (u16, u16), keys: &str) -> ExitCode {
    let keys = match snapshot::parse_keys(keys) {
        Ok(keys) => keys,
        Err(message) => {
            say(format_args!("--keys: {message}"));
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let mut runner = Runner::dry();
    let (mut root, opening) = if path.is_dir() {
        let listings = listings(library::load(&[path], false), None);
        let count = listings.len();
        (Root::library(listings, count, Setup::default()), Vec::new())
    } else {
        let Some(briefing) = open(&path) else {
            return ExitCode::from(INPUT_ERROR);
        };
        let origin = library::Origin::File(path);
        let listing = Listing::of(origin.clone(), Row::loaded(&briefing, None));
        runner.hold(origin, std::sync::Arc::new(briefing));
        Root::single(listing, Setup::default(), None)
    };
    runner.run(&mut root, opening);
    let screen = snapshot::replay(
        &mut root,
        &mut runner,
        &keys,
        size,
        Theme::from_env(Palette::DEFAULT),
    );
    print!("{}", snapshot::to_text(&screen));
    ExitCode::SUCCESS
}

/// The library's entries with their reading progress from the store.
fn listings(entries: Vec<library::Entry>, store: Option<&Store>) -> Vec<Listing> {
    entries
        .into_iter()
        .map(|entry| Listing::new(entry, |id| store?.peek(id)))
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
