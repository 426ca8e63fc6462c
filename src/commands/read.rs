//! `brief` and `brief PATH...`: the reader. The files are loaded and checked
//! before the terminal changes mode, so every input error prints as a plain
//! located message; then the model is built, once, and handed to the loop.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{listings, user_config};
use crate::app::{Action, App, Keymap, Listing, Root, Row, Setup, Sort};
use crate::briefing;
use crate::catalog::{Catalog, Library};
use crate::cli::{INPUT_ERROR, USAGE_ERROR};
use crate::effects::Runner;
use crate::library;
use crate::say::{line, say};
use crate::store::Store;
use crate::terminal::{self, Incoming};
use crate::ui::Theme;

/// Opens the reader: on one briefing file straight away, else on the library of
/// the folders and files named (by default `./briefings/`, else the bundled one).
pub fn read(paths: &[PathBuf], at: Option<&str>) -> color_eyre::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        say(
            "the reader needs a terminal; for text output use `brief snapshot PATH` or `brief validate PATH`",
        );
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let mut runner = Runner::new(
        Store::from_env(),
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    );
    let (config, mut problems) = user_config();
    let (keymap, key_problems) = Keymap::with_overrides(&config.keys, &config.unbind);
    problems.extend(key_problems);
    // Printed now, they stay on the screen after the reader closes; the status
    // line says so while it is open.
    problems.iter().for_each(say);
    let global = runner.store().map(Store::global).unwrap_or_default();
    let sort = global
        .library_sort
        .and_then(|name| Sort::from_name(&name))
        .unwrap_or_default();
    let mut history = global.search_history;
    let over = history.len().saturating_sub(crate::app::HISTORY);
    history.drain(..over);
    let setup = Setup {
        keymap,
        mouse: config.mouse,
        aliases: config.aliases.clone(),
        sort,
        history,
    };
    let mut incoming = Incoming::default();
    let mut root = match paths {
        [file] if !file.is_dir() => {
            let loaded = match briefing::load(file) {
                Ok(loaded) => loaded,
                Err(diagnostics) => {
                    diagnostics.iter().for_each(line);
                    return Ok(ExitCode::from(INPUT_ERROR));
                }
            };
            let briefing = Arc::new(loaded.briefing);
            if let Some(at) = at
                && let Err(message) = App::new(Arc::clone(&briefing)).spot_at(at)
            {
                say(format_args!("--at: {message}"));
                return Ok(ExitCode::from(INPUT_ERROR));
            }
            let warnings: usize = loaded
                .warnings
                .iter()
                .map(briefing::Diagnostic::warnings)
                .sum();
            let origin = library::Origin::File(file.clone());
            let saved = runner.store().and_then(|s| s.peek(&briefing.id));
            let listing = Listing::of(origin.clone(), Row::loaded(&briefing, saved.as_ref()));
            runner.hold(origin, briefing);
            let (mut root, opening) = Root::single(listing, setup, at.map(str::to_owned));
            runner.run(&mut root, opening);
            if warnings > 0 && root.reader().and_then(App::status).is_none() {
                runner.dispatch(
                    &mut root,
                    Action::Report(format!(
                        "{warnings} warning{} in this file; `brief validate` lists them",
                        if warnings == 1 { "" } else { "s" }
                    )),
                );
            }
            remember(runner.store(), &root, Some(file));
            root
        }
        _ => {
            if at.is_some() {
                say("--at opens one briefing file; name the file, not a folder");
                return Ok(ExitCode::from(USAGE_ERROR));
            }
            let folders = if paths.is_empty() {
                library::default_folders(&config.library)
            } else {
                paths.to_vec()
            };
            // The folders are listed, and their files keyed as the catalog
            // keys them, while the catalog's rows are read: on a large library
            // each is a good part of the start.
            let dir = Catalog::from_env();
            let existing = dir
                .as_deref()
                .filter(|_| !folders.is_empty())
                .and_then(Catalog::existing);
            let (listed, rows) = std::thread::scope(|scope| {
                let listing = scope.spawn(|| {
                    let (files, entries) = library::files(&folders);
                    let keyed = existing.clone().map(|c| Library::new(c, &files));
                    (files, entries, keyed)
                });
                let rows = existing.as_ref().map(|c| c.rows().unwrap_or_default());
                let listed = listing
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                (listed, rows)
            });
            let (files, mut entries, keyed) = listed;
            if files.is_empty() && entries.is_empty() {
                if !paths.is_empty() {
                    say(format_args!(
                        "no briefings (*.yaml, *.yml) in {}",
                        list(paths)
                    ));
                    return Ok(ExitCode::from(INPUT_ERROR));
                }
                entries.push(library::bundled());
            }
            let expected = entries.len() + files.len();
            let mut listings = listings(entries, runner.store());
            incoming.folders = folders;
            // With a catalog, the rows it holds are the library at once, and it
            // is brought in step on a thread of its own, each file it indexes
            // anew arriving as it goes. Without one (no cache directory, or the
            // bundled briefing, which is no file), the files are read in the
            // background. Either way the library draws at once and fills in.
            let catalog = match (keyed, rows) {
                _ if files.is_empty() => None,
                (Some(library), Some(all)) => Some((library, all)),
                // None yet, or one that cannot be trusted: built anew.
                _ => dir
                    .and_then(|dir| Catalog::open(&dir).ok())
                    .map(|catalog| (Library::new(catalog, &files), Vec::new())),
            };
            match catalog {
                Some((library, all)) => {
                    let rows = library.rows_of(all);
                    listings.reserve(rows.len());
                    let mut missing = Vec::new();
                    for (file, row) in files.into_iter().zip(rows) {
                        match row {
                            Some(row) => {
                                listings.push(Listing::of(library::Origin::File(file), row))
                            }
                            None => missing.push(file),
                        }
                    }
                    runner.catalog(library, missing);
                }
                None => {
                    let store = runner.store().cloned();
                    incoming.loader = Some(library::spawn(files, move |entry| {
                        Listing::new(entry, |id| store.as_ref()?.peek(id))
                    }));
                }
            }
            Root::library(listings, expected, setup)
        }
    };
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; `brief config` lists them)", n - 1),
        };
        // The status line is narrow: the file's folder is in `brief config --path`.
        let folder = runner
            .store()
            .map(|s| format!("{}/", s.dir().display()))
            .unwrap_or_default();
        let first = if folder.is_empty() {
            first.clone()
        } else {
            first.replace(&folder, "")
        };
        if root.reader().and_then(App::status).is_none() {
            runner.dispatch(&mut root, Action::Report(format!("config: {first}{more}")));
        }
    }
    match terminal::run(
        &mut root,
        &mut runner,
        Theme::from_env(config.theme),
        incoming,
    )? {
        terminal::Ending::Quit => Ok(ExitCode::SUCCESS),
        terminal::Ending::Signal(n) => Ok(ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX))),
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Records the briefing opened last, for the library.
fn remember(store: Option<&Store>, root: &Root, path: Option<&PathBuf>) {
    let (Some(store), Some(app)) = (store, root.reader()) else {
        return;
    };
    let mut global = store.global();
    global.version = global.version.max(crate::state::VERSION);
    global.last_briefing = Some(app.briefing().id.clone());
    global.last_path = path.and_then(|p| std::fs::canonicalize(p).ok());
    // The reader works without it; a failure shows when the state itself is saved.
    let _: Result<(), _> = store.save_global(&global);
}
