//! The edge: where `update`'s effects are carried out (state saved and read,
//! notes exported, briefings read whole in `reads`, the catalog kept in step
//! and asked in `cataloging`, the search index built on a thread) and their
//! results handed back as actions, and where a frame is drawn and measured. The terminal loop
//! and `brief snapshot` both go through `Runner`, so a snapshot shows what the
//! reader does.

mod cataloging;
mod reads;
mod saving;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{SystemTime, UNIX_EPOCH};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::execute;

use crate::app::{Action, Built, Effect, Key, Root};
use crate::briefing::Briefing;
use crate::catalog::Library;
use crate::export::{self, Refused};
use crate::library::Origin;
use crate::search::Index;
use crate::state::Saved;
use crate::store::Store;
use crate::ui::{self, Drawn, Theme};

/// The program that opens a web address, and its arguments: `$BROWSER`, else
/// the platform's opener.
fn opener() -> (String, Vec<String>) {
    let browser = std::env::var("BROWSER").unwrap_or_default();
    let mut words = browser
        .split(':')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned);
    match words.next() {
        Some(program) => (program, words.collect()),
        None if cfg!(target_os = "macos") => ("open".into(), Vec::new()),
        None => ("xdg-open".into(), Vec::new()),
    }
}

/// How many times a catalog another `brief` is writing is waited for, a second
/// each, before searches settle for scanning.
const CATALOG_TRIES: usize = 120;

/// How many briefings a search of the library's text shows, each read for its item.
const CATALOG_HITS: usize = 20;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// What effects are carried out against: the state store, the folder exports
/// go to, and the channel threads answer on.
#[derive(Debug)]
pub struct Runner {
    store: Option<Store>,
    export_dir: PathBuf,
    /// False for `brief snapshot`: fresh state in, nothing written out.
    writes: bool,
    /// Whether effects may start threads (the reader's loop takes their answers).
    threads: bool,
    answers: (Sender<Action>, Receiver<Action>),
    /// The library's catalog, when the library has one.
    library: Option<Arc<Library>>,
    /// Whether a frame has been drawn yet.
    drawn: bool,
    /// The catalog to bring in step once it has, and the files it lacks rows for.
    catalog_after_frame: Option<(Arc<Library>, Vec<PathBuf>)>,
    /// A briefing already read (and checked) for the first `Load` of its file.
    held: Option<(Origin, Arc<Briefing>)>,
    /// The number of the latest library search, so a scan of an older one stops.
    asked: reads::Latest,
    /// The number of the latest speaker's list read, so reading an older one stops.
    quoting: reads::Latest,
    /// The thread reading states are written on, once `save_behind` starts it.
    saver: Option<saving::Saver>,
}

impl Runner {
    /// The reader's runner: state in `store`, exports into `export_dir`, the
    /// search index built on a thread of its own.
    pub fn new(store: Option<Store>, export_dir: PathBuf) -> Runner {
        Runner {
            store,
            export_dir,
            writes: true,
            threads: true,
            answers: channel(),
            library: None,
            drawn: false,
            catalog_after_frame: None,
            held: None,
            asked: reads::Latest::default(),
            quoting: reads::Latest::default(),
            saver: None,
        }
    }

    /// From now on a reading state is written on a thread of its own, so a
    /// large one does not hold up the keys pressed meanwhile; its outcome
    /// comes back through `answers`. The reader's loop asks for this and
    /// `settle`s on every way out.
    pub fn save_behind(&mut self) {
        if let (true, None, Some(store)) = (self.writes, &self.saver, &self.store) {
            self.saver = Some(saving::Saver::start(store.clone(), self.answers.0.clone()));
        }
    }

    /// Waits until every reading state handed to the saving thread is written.
    pub fn settle(&self) {
        if let Some(saver) = &self.saver {
            saver.settle();
        }
    }

    /// A runner for one-shot commands: files read and written, no threads.
    pub fn once(store: Option<Store>, export_dir: PathBuf) -> Runner {
        Runner {
            threads: false,
            ..Runner::new(store, export_dir)
        }
    }

    /// `brief snapshot`'s runner: every briefing opens on fresh state and
    /// nothing is written.
    pub fn dry() -> Runner {
        Runner {
            writes: false,
            ..Runner::once(None, PathBuf::from("."))
        }
    }

    /// Keeps `briefing`, already read from `origin` and checked, for the
    /// `Load` that opens it, so the file is not read twice.
    pub fn hold(&mut self, origin: Origin, briefing: Arc<Briefing>) {
        self.held = Some((origin, briefing));
    }

    /// Where reading state and notes are kept.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// A key, looked up and applied, and what follows carried out; true when
    /// `brief` should close.
    pub fn press(&mut self, root: &mut Root, key: Key) -> bool {
        let effects = root.press(key);
        self.run(root, effects)
    }

    /// An action applied, and what follows carried out; true when `brief`
    /// should close.
    pub fn dispatch(&mut self, root: &mut Root, action: Action) -> bool {
        let effects = root.update(action);
        self.run(root, effects)
    }

    /// Carries out `effects`, and those their results lead to; true when
    /// `brief` should close.
    pub fn run(&mut self, root: &mut Root, effects: Vec<Effect>) -> bool {
        let mut queue = VecDeque::from(effects);
        let mut quit = false;
        while let Some(effect) = queue.pop_front() {
            // What comes back at once; a thread's answers come through the loop.
            let answers: Vec<Action> = match effect {
                Effect::Quit => {
                    quit = true;
                    Vec::new()
                }
                Effect::ScanLibrary {
                    query,
                    asked,
                    origins,
                } => self.scan(&query, asked, origins),
                Effect::IndexSpeakers {
                    origins,
                    ready,
                    aliases,
                } => self.index_speakers(origins, ready, aliases),
                Effect::ReadQuotes { speaker, quotes } => self.read_quotes(speaker, quotes),
                Effect::Save(saved) => self.save(&saved).into_iter().collect(),
                Effect::SavePlace(saved) => match &self.saver {
                    Some(saver) => saver.save(saved).into_iter().collect(),
                    None => self.save(&saved).into_iter().collect(),
                },
                Effect::Export { overwrite } => self.export(root, overwrite).into_iter().collect(),
                Effect::Load {
                    listing,
                    origin,
                    at,
                } => vec![self.load(listing, &origin, at)],
                Effect::Index { briefing, order } => {
                    self.index(briefing, order);
                    Vec::new()
                }
                Effect::Copy { text, what } => vec![self.copy(&text, &what)],
                Effect::OpenUrl(url) => vec![self.open_url(&url)],
                Effect::SaveSort(sort) => {
                    self.save_global(|g| g.library_sort = Some(sort.name().to_owned()));
                    Vec::new()
                }
                Effect::SaveHistory(history) => {
                    self.save_global(|g| g.search_history = history);
                    Vec::new()
                }
                Effect::SearchLibrary { query, asked } => vec![self.search_library(&query, asked)],
            };
            for action in answers {
                queue.extend(root.update(action));
            }
        }
        quit
    }

    /// What threads have answered since last asked, as actions to dispatch.
    pub fn answers(&self) -> Vec<Action> {
        self.answers.1.try_iter().collect()
    }

    /// Draws a frame, hands its sizes to the model and, if that moved what is
    /// shown (a summary item scrolled to once measured), draws again. What the
    /// frame drew, and the screen as the views drew it.
    pub fn frame<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        root: &mut Root,
        theme: Theme,
    ) -> Result<(Drawn, Buffer), B::Error> {
        let shown = |root: &Root| root.on_screen().map(|a| (a.summary_scroll(), a.mode()));
        let mut drawn = Drawn::default();
        let mut buffer = terminal
            .draw(|f| drawn = ui::draw(f, root, theme))?
            .buffer
            .clone();
        let before = shown(root);
        self.dispatch(root, Action::Measured(drawn.metrics.clone()));
        if shown(root) != before {
            buffer = terminal
                .draw(|f| drawn = ui::draw(f, root, theme))?
                .buffer
                .clone();
        }
        self.drawn = true;
        if let Some((library, missing)) = self.catalog_after_frame.take() {
            self.keep_in_step(library, cataloging::Keeping::Whole { missing });
        }
        Ok((drawn, buffer))
    }

    /// Writes a reading state; a failure comes back as a lasting warning. The
    /// one save, used by `run` and by `brief note`, which works on a reader
    /// without a screen.
    pub fn save(&self, saved: &Saved) -> Option<Action> {
        if !self.writes {
            return None;
        }
        let Some(store) = &self.store else {
            return Some(Action::SaveFailed("no config directory".into()));
        };
        self.settle();
        Some(saving::written(store, saved))
    }

    /// Changes the global state (the library's order, the search history) for
    /// the next start; the reader works without it, so a failure is not worth
    /// a message.
    fn save_global(&self, change: impl FnOnce(&mut crate::store::Global)) {
        if let (true, Some(store)) = (self.writes, &self.store) {
            let mut global = store.global();
            change(&mut global);
            let _ = store.save_global(&global);
        }
    }

    /// Writes the open briefing's notes to `<id>-notes.md`.
    fn export(&self, root: &Root, overwrite: bool) -> Option<Action> {
        let app = root.reader()?;
        if !self.writes {
            return Some(Action::Report("brief snapshot writes no files".into()));
        }
        let name = format!("{}-notes.md", app.briefing().id);
        let path = self.export_dir.join(&name);
        Some(match export::write(app, &path, overwrite, now_ms()) {
            Ok(count) => Action::Report(format!(
                "wrote {name} ({count} note{}) in {}",
                if count == 1 { "" } else { "s" },
                self.export_dir.display()
            )),
            Err(Refused::NotOurs) => Action::AskOverwrite(path),
            Err(Refused::Io(e)) => {
                Action::Report(format!("could not write {}: {e}", path.display()))
            }
        })
    }

    /// Puts `text` on the clipboard with OSC 52, which the terminal carries to the
    /// system's clipboard (over SSH too); what was copied, for the status line.
    fn copy(&self, text: &str, what: &str) -> Action {
        let size = format!("{} characters", text.chars().count());
        if !self.writes {
            return Action::Report(format!("brief snapshot copies nothing: {what} ({size})"));
        }
        let sent = execute!(
            std::io::stdout(),
            CopyToClipboard::to_clipboard_from(text.as_bytes())
        );
        Action::Report(match sent {
            Ok(()) => format!("copied {what} ({size})"),
            Err(e) => format!("could not copy {what}: {e}"),
        })
    }

    /// Opens `url` in the user's browser: `$BROWSER` if set (the first of a
    /// colon-separated list, its `%s` replaced by the address or the address
    /// added), else the system's opener. Run directly, never through a shell,
    /// with the address as one argument, and not waited for.
    fn open_url(&self, url: &str) -> Action {
        if !self.writes {
            return Action::Report(format!("brief snapshot opens nothing: {url}"));
        }
        let (program, mut args) = opener();
        if args.iter().any(|a| a.contains("%s")) {
            args = args.iter().map(|a| a.replace("%s", url)).collect();
        } else {
            args.push(url.to_owned());
        }
        let started = std::process::Command::new(&program)
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                // Reaped when it ends, so no zombie stays behind.
                let _ = std::thread::Builder::new()
                    .name("brief-opener".into())
                    .spawn(move || child.wait());
                Action::Report(format!("opened {url} with {program}"))
            }
            Err(e) => Action::Report(format!(
                "could not run {program} ({e}); set $BROWSER to your browser"
            )),
        }
    }

    /// Builds a briefing's search index on a thread of its own (50 ms for
    /// 100,000 comments), so typing a search never waits for it; without a
    /// thread, the first search builds it.
    fn index(&self, briefing: Arc<crate::briefing::Briefing>, order: Vec<usize>) {
        if !self.threads {
            return;
        }
        let answer = self.answers.0.clone();
        let _ = std::thread::Builder::new()
            .name("brief-index".into())
            .spawn(move || {
                let index = Arc::new(Index::build(&briefing, &order));
                let _ = answer.send(Action::Indexed(Built { briefing, index }));
            });
    }
}
