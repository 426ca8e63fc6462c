//! Above the reader: the library of briefings, its filter and order, and the
//! speaker index across it. `Shell` owns the open reader (`App`) and passes keys to
//! it while it is showing; `b` brings the library back with the selection where it
//! was. Pure like `update`: what needs files comes back as a `ShellEffect`.

mod shelf;
mod speakers;

pub use shelf::{Progress, Shelf, Sort, keeps, order};
pub use speakers::{Speaker, index};

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::app::keymap::{Context, Keymap};
use crate::app::update::edit_text;
use crate::app::{Action, App, Effect, Key};
use crate::state::Saved;

/// What is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// The list of briefings.
    Library,
    /// One briefing, in the reader.
    Reader,
    /// Every speaker; with `Some(speaker)`, that speaker's quotes.
    Speakers(Option<usize>),
}

/// What the loop must do for the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShellEffect {
    /// Nothing beyond drawing.
    None,
    /// Leave, saving the open briefing.
    Quit,
    /// Load this shelf's saved state and open it, on an item if one is given.
    Open {
        /// The shelf.
        shelf: usize,
        /// An address to open at, such as a quote id.
        at: Option<String>,
    },
    /// Save the open briefing, then close it and show the library.
    Back,
    /// Something only the reader asked for (save, export, mouse).
    Reader(Effect),
}

/// The library and whatever is open on top of it.
#[derive(Debug)]
pub struct Shell {
    /// Every briefing found, loaded or refused.
    pub shelves: Vec<Shelf>,
    /// The open briefing.
    pub reader: Option<App>,
    /// Which shelf the reader has open.
    pub reading: Option<usize>,
    /// What is on screen.
    pub showing: Showing,
    /// The library's order.
    pub sort: Sort,
    /// The library's filter, as typed.
    pub filter: String,
    /// Whether keys are going into the filter.
    pub filtering: bool,
    /// The selected row of the library (a shelf index).
    pub selected: usize,
    /// Every speaker in the library.
    pub speakers: Vec<Speaker>,
    /// The selected row of the speaker index and of a speaker's quotes.
    pub speaker_row: (usize, usize),
    /// The help overlay's scroll, when it is open over the library.
    pub help: Option<usize>,
    /// A message for the status line until the next key.
    pub status: Option<String>,
    /// Whether the library exists (false when a single file was opened directly).
    pub has_library: bool,
    /// The keys in force, shared with the reader.
    pub keymap: Arc<Keymap>,
    /// Whether a briefing opens with the mouse captured.
    pub mouse: bool,
    /// What the help overlay is filtered by, as typed.
    pub help_filter: String,
    /// How many briefings the library will hold once every file is read.
    pub expected: usize,
    /// Speaker aliases, for rebuilding the index as briefings arrive.
    pub aliases: BTreeMap<String, String>,
}

impl Shell {
    /// A library of `shelves`; `aliases` join speaker name variants.
    pub fn library(shelves: Vec<Shelf>, aliases: &BTreeMap<String, String>) -> Shell {
        let speakers = index(&shelves, aliases);
        let selected = order(&shelves, Sort::Title, "")
            .first()
            .copied()
            .unwrap_or(0);
        Shell {
            shelves,
            reader: None,
            reading: None,
            showing: Showing::Library,
            sort: Sort::Title,
            filter: String::new(),
            filtering: false,
            selected,
            speakers,
            speaker_row: (0, 0),
            help: None,
            status: None,
            has_library: true,
            keymap: Arc::default(),
            mouse: false,
            help_filter: String::new(),
            expected: 0,
            aliases: aliases.clone(),
        }
    }

    /// One briefing file opened directly, with no library behind it; `open` it next.
    pub fn single(shelves: Vec<Shelf>) -> Shell {
        let mut shell = Shell::library(shelves, &BTreeMap::new());
        shell.has_library = false;
        shell
    }

    /// Adds a briefing read in the background; the speaker index is rebuilt once
    /// the last one has arrived.
    pub fn add(&mut self, shelf: Shelf) {
        let first = self.shelves.is_empty();
        self.shelves.push(shelf);
        if first {
            self.selected = 0;
        }
        if !self.is_loading() {
            self.speakers = index(&self.shelves, &self.aliases);
        }
    }

    /// Ends the reading: what has arrived is the library.
    pub fn finish_loading(&mut self) {
        if self.is_loading() {
            self.expected = self.shelves.len();
            self.speakers = index(&self.shelves, &self.aliases);
        }
    }

    /// Whether briefings are still being read.
    pub fn is_loading(&self) -> bool {
        self.shelves.len() < self.expected
    }

    /// The library rows, filtered and ordered.
    pub fn rows(&self) -> Vec<usize> {
        order(&self.shelves, self.sort, &self.filter)
    }

    /// The keymap context keys are read in.
    pub fn context(&self) -> Context {
        match (self.showing, &self.reader) {
            (Showing::Reader, Some(app)) => app.context(),
            (_, _) if self.help.is_some() => Context::Help,
            (Showing::Library, _) if self.filtering => Context::Search,
            (Showing::Speakers(_), _) => Context::Speakers,
            _ => Context::Library,
        }
    }

    /// A key from the terminal or `brief snapshot`.
    pub fn press(&mut self, key: Key) -> ShellEffect {
        if self.showing == Showing::Reader
            && let Some(app) = &mut self.reader
        {
            return match app.press(key) {
                Effect::Back if self.has_library => ShellEffect::Back,
                Effect::Back => {
                    app.status =
                        Some("opened from a file: run brief with a folder for the library".into());
                    ShellEffect::None
                }
                Effect::ShowSpeakers => {
                    self.show_speakers();
                    ShellEffect::None
                }
                Effect::Quit => ShellEffect::Quit,
                Effect::None => ShellEffect::None,
                effect => ShellEffect::Reader(effect),
            };
        }
        let context = self.context();
        match self.keymap.resolve(context, key) {
            Some(action) => self.update(action),
            None if matches!(context, Context::Search | Context::Help) => {
                self.update(Action::Type(key))
            }
            None => ShellEffect::None,
        }
    }

    /// Applies one action to the library or the speaker index.
    pub fn update(&mut self, action: Action) -> ShellEffect {
        self.status = None;
        if let Some(scroll) = self.help {
            match action {
                Action::Quit => return ShellEffect::Quit,
                Action::Close | Action::ToggleHelp => self.help = None,
                Action::MoveDown => self.help = Some(scroll + 1),
                Action::MoveUp => self.help = Some(scroll.saturating_sub(1)),
                Action::PageDown => self.help = Some(scroll + 10),
                Action::PageUp => self.help = Some(scroll.saturating_sub(10)),
                Action::First => self.help = Some(0),
                Action::Type(key) => {
                    edit_text(&mut self.help_filter, key);
                    self.help = Some(0);
                }
                _ => {}
            }
            return ShellEffect::None;
        }
        match self.showing {
            Showing::Speakers(open) => self.update_speakers(action, open),
            _ => self.update_library(action),
        }
    }

    fn update_library(&mut self, action: Action) -> ShellEffect {
        let rows = self.rows();
        let at = rows.iter().position(|&r| r == self.selected).unwrap_or(0);
        let last = rows.len().saturating_sub(1);
        let step = |to: usize| rows.get(to.min(last)).copied();
        let target = match action {
            Action::Quit => return ShellEffect::Quit,
            Action::ToggleHelp => {
                self.help = Some(0);
                self.help_filter.clear();
                None
            }
            Action::MoveDown => step(at + 1),
            Action::MoveUp => step(at.saturating_sub(1)),
            Action::First => step(0),
            Action::Last => step(last),
            Action::PageDown | Action::HalfPageDown => step(at + 10),
            Action::PageUp | Action::HalfPageUp => step(at.saturating_sub(10)),
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.status = Some(format!("sorted by {}", self.sort.name()));
                None
            }
            Action::StartSearch => {
                self.filtering = true;
                None
            }
            Action::Type(key) => {
                edit_text(&mut self.filter, key);
                self.rows().first().copied()
            }
            Action::ConfirmSearch => {
                self.filtering = false;
                None
            }
            Action::CancelSearch | Action::Close => {
                self.filtering = false;
                self.filter.clear();
                None
            }
            Action::ShowSpeakers => {
                self.show_speakers();
                None
            }
            Action::Open | Action::ToggleCollapse => {
                return match self.shelves.get(self.selected).map(|s| &s.briefing) {
                    Some(Ok(_)) if rows.contains(&self.selected) => ShellEffect::Open {
                        shelf: self.selected,
                        at: None,
                    },
                    Some(Err(e)) => {
                        self.status = Some(format!("cannot open: {e}"));
                        ShellEffect::None
                    }
                    _ => ShellEffect::None,
                };
            }
            _ => None,
        };
        if let Some(target) = target {
            self.selected = target;
        }
        ShellEffect::None
    }

    fn show_speakers(&mut self) {
        self.showing = Showing::Speakers(None);
        if self.speakers.is_empty() {
            self.status = Some("no quotes in the library, so no speakers".into());
        }
    }

    fn update_speakers(&mut self, action: Action, open: Option<usize>) -> ShellEffect {
        let (speaker, quote) = &mut self.speaker_row;
        let (row, len) = match open {
            None => (speaker, self.speakers.len()),
            Some(s) => (quote, self.speakers.get(s).map_or(0, |sp| sp.quotes.len())),
        };
        let last = len.saturating_sub(1);
        match action {
            Action::Quit => return ShellEffect::Quit,
            Action::ToggleHelp => {
                self.help = Some(0);
                self.help_filter.clear();
            }
            Action::MoveDown => *row = (*row + 1).min(last),
            Action::MoveUp => *row = row.saturating_sub(1),
            Action::First => *row = 0,
            Action::Last => *row = last,
            Action::PageDown | Action::HalfPageDown => *row = (*row + 10).min(last),
            Action::PageUp | Action::HalfPageUp => *row = row.saturating_sub(10),
            Action::Open | Action::ToggleCollapse => match open {
                None if len > 0 => {
                    self.showing = Showing::Speakers(Some(self.speaker_row.0));
                    self.speaker_row.1 = 0;
                }
                None => {}
                Some(s) => {
                    let Some(&(shelf, q)) = self
                        .speakers
                        .get(s)
                        .and_then(|sp| sp.quotes.get(self.speaker_row.1))
                    else {
                        return ShellEffect::None;
                    };
                    let id = self.shelves[shelf]
                        .briefing
                        .as_ref()
                        .map(|b| b.quotes[q].id.clone())
                        .ok();
                    return ShellEffect::Open { shelf, at: id };
                }
            },
            Action::Close | Action::Back | Action::ShowSpeakers => {
                self.showing = match (open, &self.reader) {
                    (Some(_), _) => Showing::Speakers(None),
                    (None, Some(_)) => Showing::Reader,
                    (None, None) => Showing::Library,
                };
            }
            _ => {}
        }
        ShellEffect::None
    }

    /// Opens `shelf` in the reader with its saved state, on `at` if given. The loop
    /// calls this once it has read the state from disk.
    pub fn open(
        &mut self,
        shelf: usize,
        saved: Option<Saved>,
        now_ms: u64,
        session: u32,
        at: Option<&str>,
    ) {
        let Some(Ok(briefing)) = self.shelves.get(shelf).map(|s| s.briefing.clone()) else {
            return;
        };
        let mut app = App::new(briefing);
        app.keymap = Arc::clone(&self.keymap);
        app.mouse = self.mouse;
        app.now_ms = now_ms;
        app.session = session;
        app.status = saved.map(|saved| app.restore(saved)).unwrap_or_default();
        if let Some(at) = at
            && let Err(e) = app.go_to(at)
        {
            app.status = Some(e);
        }
        self.reader = Some(app);
        self.reading = Some(shelf);
        self.selected = shelf;
        self.showing = Showing::Reader;
    }

    /// Replaces the open briefing with a new version of its file, keeping the
    /// reader's state and notes by identity and saying what changed.
    pub fn reload(&mut self, briefing: crate::briefing::Briefing) {
        let (Some(old), Some(shelf)) = (self.reader.take(), self.reading) else {
            return;
        };
        let saved = old.to_saved();
        self.shelves[shelf].briefing = Ok(Arc::new(briefing));
        self.open(shelf, Some(saved), old.now_ms, old.session, None);
        if let Some(app) = &mut self.reader {
            app.mouse = old.mouse;
            app.notes_created = old.notes_created;
            app.deleted = old.deleted;
            let news = app
                .status
                .take()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            app.status = Some(format!("reloaded: the file changed on disk{news}"));
        }
    }

    /// Closes the reader after its state was saved, updating its shelf's progress.
    pub fn close_reader(&mut self) {
        if let (Some(app), Some(shelf)) = (self.reader.take(), self.reading.take())
            && let Some(entry) = self.shelves.get_mut(shelf)
            && let Ok(b) = &entry.briefing
        {
            let mut progress = Progress::of(b, Some(&app.to_saved()));
            progress.new = 0;
            entry.progress = progress;
        }
        self.showing = Showing::Library;
    }
}
