//! The root model: the library of briefings, its filter and order, the speaker
//! index across it, the open briefing (an `App`) and the help overlay over any of
//! them, with the one `update` every action goes through. Pure: what needs files
//! comes back as `Effect`s, and what comes from outside (a briefing's saved state,
//! a file that changed, a briefing that arrived) comes in as an `Action`.

mod browse;
mod finding;
mod opening;
mod reading;
mod view;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::keymap::{Context, Keymap};
use super::listing::{Card, Listing, Progress, Sort, order};
use super::speakers::{Quoted, Speaker};
use super::update::edit_text;

use super::{Action, App, Cataloging, Effect, Finding, Key, Opening, list};
use crate::briefing::Briefing;
use crate::library::Origin;

/// Rows a page key moves in the library and the speaker index.
const LIST_PAGE: usize = 10;

/// How many searches the history keeps.
pub const HISTORY: usize = 100;

/// What is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of briefings.
    Library,
    /// The open briefing.
    Reader,
    /// Every speaker; with `Some(speaker)`, that speaker's quotes.
    Speakers(Option<usize>),
    /// A search of the library's text and what it found.
    Found,
}

/// The library's rows in the order shown, and what they were ordered for.
#[derive(Debug)]
struct Ordered {
    /// The listings' generation.
    generation: u64,
    sort: Sort,
    filter: String,
    rows: Vec<usize>,
}

/// Whether the speaker index is in step with the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpeakerIndex {
    /// Not built, or built before the library changed.
    Stale,
    /// Asked for; `stale` when the library changed since.
    Asked {
        /// Whether it must be asked for again once it comes.
        stale: bool,
    },
    /// In step.
    Fresh,
}

/// The key list over whatever is on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled.
    pub scroll: usize,
    /// What the list is filtered by, as typed.
    pub filter: String,
}

/// How the reader is set up from outside: the keys in force, whether a briefing
/// opens with the mouse captured, and the speaker aliases of the config.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// The defaults and the config's keys.
    pub keymap: Keymap,
    /// Whether a briefing opens with the mouse captured.
    pub mouse: bool,
    /// Speaker name variants and the name each stands for.
    pub aliases: BTreeMap<String, String>,
    /// The library's order, as it was last left.
    pub sort: Sort,
    /// The searches made before, the last one last.
    pub history: Vec<String>,
}

/// The open briefing and the library row it came from.
#[derive(Debug)]
struct Open {
    listing: usize,
    app: App,
}

/// Everything on screen and behind it.
#[derive(Debug)]
pub struct Root {
    listings: Vec<Listing>,
    /// Bumped whenever a listing changes, so the order kept for it is made again.
    generation: u64,
    /// The library's rows as last ordered, and for what (the listings'
    /// generation, the sort, the filter): sorting 100,000 rows for every
    /// frame or key would be felt.
    order: std::cell::RefCell<Option<Ordered>>,
    /// Where each file is in `listings`, so a file indexed again replaces its
    /// row; made at the first arrival (a warm start with nothing changed has none).
    by_origin: Option<HashMap<Origin, usize>>,
    open: Option<Open>,
    screen: Screen,
    sort: Sort,
    filter: String,
    filtering: bool,
    /// The library's selected row, as an index into `listings`.
    selected: usize,
    speakers: Vec<Speaker>,
    /// Whether `speakers` is in step with the library: it is indexed (at the
    /// edge) when first shown, not at every start or arrival.
    speaker_index: SpeakerIndex,
    /// The selected speaker in the index.
    speaker: usize,
    /// The selected quote in a speaker's list.
    speaker_quote: usize,
    /// The words of the open speaker's quotes, as far as they have been read.
    quoted: Quoted,
    /// The speaker index's filter, as typed, and whether keys go into it.
    speaker_filter: String,
    speaker_filtering: bool,
    /// Where `b` goes from the open briefing: the library, or the speaker's
    /// quotes it was opened from.
    back_to: Screen,
    help: Option<Help>,
    /// The help overlay's length and visible height, from the last frame.
    help_size: (usize, usize),
    status: Option<String>,
    /// False when one file was opened directly, with no library behind it.
    has_library: bool,
    keymap: Keymap,
    /// Whether a briefing opens with the mouse captured (each briefing then
    /// keeps its own, which `M` turns).
    mouse_at_start: bool,
    /// How many briefings the library holds once every file is read.
    expected: usize,
    /// The time now, as the edge last said: for "opened 2 days ago".
    now_ms: u64,
    /// The searches made, the last one last, at most `HISTORY` of them.
    history: Vec<String>,
    /// Which of them `Up` has recalled into the prompt, while it is open.
    recalled: Option<usize>,
    aliases: BTreeMap<String, String>,
    /// The search of the library's text.
    finding: Finding,
    /// How far the library's catalog has come.
    cataloging: Cataloging,
    /// What the briefing being opened from the library search searches for.
    search_on_open: Option<String>,
}

impl Root {
    /// A library of `listings`, with `expected` in all once the rest arrive.
    pub fn library(listings: Vec<Listing>, expected: usize, setup: Setup) -> Root {
        let rows = order(&listings, setup.sort, "");
        let selected = rows.first().copied().unwrap_or(0);
        Root {
            expected: expected.max(listings.len()),
            listings,
            generation: 0,
            // Kept, so the first frame does not sort again.
            order: std::cell::RefCell::new(Some(Ordered {
                generation: 0,
                sort: setup.sort,
                filter: String::new(),
                rows,
            })),
            by_origin: None,
            open: None,
            screen: Screen::Library,
            sort: setup.sort,
            now_ms: 0,
            history: setup.history,
            recalled: None,
            filter: String::new(),
            filtering: false,
            selected,
            speakers: Vec::new(),
            speaker_index: SpeakerIndex::Stale,
            speaker: 0,
            speaker_quote: 0,
            quoted: Quoted::default(),
            speaker_filter: String::new(),
            speaker_filtering: false,
            back_to: Screen::Library,
            help: None,
            help_size: (0, 0),
            status: None,
            has_library: true,
            keymap: setup.keymap,
            mouse_at_start: setup.mouse,
            aliases: setup.aliases,
            finding: Finding::default(),
            cataloging: Cataloging::None,
            search_on_open: None,
        }
    }

    /// One briefing file with no library behind it, and the effect that opens it
    /// (on the item `at` names, if given).
    pub fn single(listing: Listing, setup: Setup, at: Option<String>) -> (Root, Vec<Effect>) {
        let mut root = Root::library(vec![listing], 1, setup);
        root.has_library = false;
        let effects = root.load(0, at).into_iter().collect();
        (root, effects)
    }

    /// A reader on `briefing` with fresh state and the default keys, as a test or
    /// a tool starts one.
    pub fn with_briefing(briefing: impl Into<Arc<Briefing>>) -> Root {
        Root::opened_on(briefing, Opening::default())
    }

    /// A reader on `briefing` opened as `opening` says (a saved state, an
    /// address), with the default keys and nothing read from disk.
    pub fn opened_on(briefing: impl Into<Arc<Briefing>>, opening: Opening) -> Root {
        let briefing = briefing.into();
        let listing = Listing {
            origin: Origin::Bundled,
            card: Ok(Box::new(Card::of(&briefing))),
            progress: Progress::default(),
        };
        let mut root = Root::library(vec![listing], 1, Setup::default());
        root.has_library = false;
        root.update(Action::Loaded(Box::new(Opening {
            listing: 0,
            briefing,
            ..opening
        })));
        root
    }

    /// The keymap context keys are read in.
    pub fn context(&self) -> Context {
        match (&self.help, self.on_screen(), self.screen) {
            (Some(_), _, _) => Context::Help,
            (None, Some(app), _) => app.context(),
            (None, None, Screen::Speakers(None)) if self.speaker_filtering => Context::Search,
            (None, None, Screen::Speakers(_)) => Context::Speakers,
            (None, None, Screen::Found) if self.finding.typing => Context::Search,
            (None, None, Screen::Found) => Context::Found,
            (None, None, _) if self.filtering => Context::Search,
            _ => Context::Library,
        }
    }

    /// A key from the terminal or `brief snapshot`: looked up in the keymap for
    /// the context on screen, then applied. Where keys are typed (the note editor,
    /// a search, the help filter) a key the keymap does not claim is typed; at a
    /// yes-or-no question it is a no.
    pub fn press(&mut self, key: Key) -> Vec<Effect> {
        let context = self.context();
        match self.keymap.resolve(context, key) {
            Some(action) => self.update(action),
            None if context.is_typed() => self.update(Action::Type(key)),
            None if context == Context::Confirm => self.update(Action::Deny),
            None => {
                let help = self
                    .keymap
                    .key_for(context, &Action::ToggleHelp)
                    .map_or_else(|| "?".to_owned(), |k| k.to_string());
                self.update(Action::Report(format!(
                    "{key}: no action here; {help} lists the keys"
                )))
            }
        }
    }

    /// Applies one action and says what must be done outside.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Measured(metrics) => {
                self.help_size = metrics.help;
                if let Some(help) = &mut self.help {
                    let (len, height) = self.help_size;
                    help.scroll = help.scroll.min(len.saturating_sub(height));
                }
                // Sizes drawn for another screen say nothing of the reader's.
                if self.screen == Screen::Reader {
                    self.forward(Action::Measured(metrics));
                }
                return Vec::new();
            }
            Action::Loaded(opening) => return self.opened(*opening),
            Action::LoadFailed { listing, why } => {
                self.load_failed(listing, why);
                return Vec::new();
            }
            Action::QuotesRead {
                speaker,
                from,
                quotes,
            } => {
                self.quotes_read(&speaker, from, quotes);
                return Vec::new();
            }
            Action::Arrived(listing) => return self.arrived(*listing),
            Action::SpeakersIndexed(speakers) => return self.speakers_indexed(speakers),
            Action::LoadingDone => {
                if self.is_loading() {
                    self.expected = self.listings.len();
                    return self.speakers_changed();
                }
                return Vec::new();
            }
            Action::Reloaded(briefing) => return self.reloaded(briefing),
            Action::LibraryFound {
                asked,
                hits,
                total,
                scanned,
            } => {
                self.found(asked, hits, total, scanned);
                return Vec::new();
            }
            Action::Cataloged(state) => return self.cataloged(state),
            Action::SaveFailed(reason) if self.open.is_none() => {
                self.status = Some(format!("the reading state was not saved: {reason}"));
                return Vec::new();
            }
            Action::Report(message) if self.on_screen().is_none() => {
                self.status = Some(message);
                return Vec::new();
            }
            Action::Clock(now_ms) => {
                self.now_ms = now_ms;
                return self.forward(action);
            }
            Action::Quit => return self.quit(),
            // A note being typed is kept, then the state saved once, with it.
            Action::SaveNoteAndQuit | Action::Stop => {
                let mut effects = self.forward(action);
                effects.retain(|e| !matches!(e, Effect::Save(_) | Effect::SavePlace(_)));
                effects.extend(self.quit());
                return effects;
            }
            action if action.is_from_outside() => return self.forward(action),
            _ => {}
        }
        self.status = None;
        if self.help.is_some() {
            return self.help_update(action);
        }
        if action == Action::ToggleHelp && self.context() != Context::Confirm {
            self.help = Some(Help::default());
            return Vec::new();
        }
        match self.screen {
            Screen::Reader => self.reader_update(action),
            Screen::Library => self.library_update(action),
            Screen::Speakers(open) => self.speakers_update(action, open),
            Screen::Found => self.finding_update(action),
        }
    }

    /// A listing, to change: the order is made again before it is next shown.
    fn listing_mut(&mut self, listing: usize) -> Option<&mut Listing> {
        self.generation += 1;
        self.listings.get_mut(listing)
    }

    /// Passes an action to the open briefing, if there is one.
    fn forward(&mut self, action: Action) -> Vec<Effect> {
        match &mut self.open {
            Some(open) => super::update(&mut open.app, action),
            None => Vec::new(),
        }
    }

    /// Leaves, saving the open briefing.
    fn quit(&mut self) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self.reader().map(App::save).into_iter().collect();
        effects.push(Effect::Quit);
        effects
    }

    fn help_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(help) = &mut self.help else {
            return Vec::new();
        };
        let (len, height) = self.help_size;
        match action {
            Action::Close | Action::ToggleHelp => self.help = None,
            Action::Type(key) => {
                edit_text(&mut help.filter, key);
                help.scroll = 0;
            }
            action => {
                if let Some(scroll) = list::scrolled(&action, help.scroll, len, height) {
                    help.scroll = scroll;
                }
            }
        }
        Vec::new()
    }
}
