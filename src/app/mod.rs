//! The model and the one function that changes it.
//!
//! `Root` (in `root.rs`) is everything on screen and behind it: the library, the
//! speaker index, the help overlay and the open briefing, an `App`. `App` holds
//! meaning (the briefing, the focus, the selections by item, what is collapsed),
//! never terminal types. `Root::update` takes every action, from the keys and from
//! outside alike, and is pure: what needs the world comes back as `Effect`s for
//! the edge to carry out (`crate::effects`). Views read the model; they never
//! change it, and no code outside this module can.

mod action;
mod bindings;
mod copy;
mod finding;
mod jumps;
mod key;
pub mod keymap;
mod list;
mod listing;
mod metrics;
mod notes;
mod place;
mod reader;
mod root;
mod searching;
mod speakers;
mod tree;
mod update;
mod visible;

pub use crate::state::nation_key;
pub use action::{Action, Built};
pub use finding::{Cataloging, Finding, LibraryHit, MOST_HITS, scanned};
pub use key::Key;
pub use keymap::{Context, Keymap};
pub use listing::{Card, Listing, Progress, Row, Sort, keeps, order, refusal};
pub use metrics::{LineMarks, Metrics, ReadLength, SummaryLayout};
pub use notes::{Editor, item_text, label, listed, selected_item_in, summary_item_at};
pub use reader::{App, Opening};
pub use root::{HISTORY, Help, Root, Screen, Setup};
pub use searching::Search;
pub use speakers::{Quoted, Speaker, index};
pub use tree::Tree;
pub use update::update;

use std::sync::Arc;

use crate::briefing::Briefing;
use crate::library::Origin;
use crate::state::Saved;

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Summary paragraphs, key points, tags and source.
    Summary,
    /// The member nations, as a list or a map.
    Nations,
    /// Quotes grouped by speaker.
    Quotes,
    /// The reader-comment tree.
    Comments,
}

impl Pane {
    /// Every pane, in Tab order.
    pub const ALL: [Pane; 4] = [Pane::Summary, Pane::Nations, Pane::Quotes, Pane::Comments];

    /// The pane's place in Tab order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Summary => "Summary",
            Pane::Nations => "Nations",
            Pane::Quotes => "Quotes",
            Pane::Comments => "Comments",
        }
    }
}

/// What is on top of the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Just the panes.
    Panes,
    /// The selected item of a pane, whole and full screen.
    Read {
        /// The pane whose selection is shown.
        pane: Pane,
        /// Lines scrolled.
        scroll: usize,
    },
    /// The note editor is open (`App::editor`).
    Edit,
    /// The list of notes, with this row selected.
    Notes {
        /// The selected row.
        selected: usize,
    },
    /// A yes-or-no question on the status line (overwriting `App::pending_export`).
    Confirm,
    /// Typing a search (`App::search`); the view moves to matches as you type.
    Search,
}

/// What the edge must do for `update`: I/O, nothing else.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a briefing's reading state and notes, before anything else is done.
    Save(Box<Saved>),
    /// Write a briefing's reading state, behind the reader: a change of place,
    /// which may be lost to a SIGKILL as it may while it waits its second.
    /// (A note is saved with `Save`, so "note saved" is never on screen before
    /// the note is on disk.)
    SavePlace(Box<Saved>),
    /// Write the open briefing's notes to `<id>-notes.md`.
    Export {
        /// Replace a file that brief did not write (the user said yes).
        overwrite: bool,
    },
    /// Read a library row's briefing and its saved state, to open it with
    /// `Action::Loaded` (or say why not with `Action::LoadFailed`).
    Load {
        /// The library row.
        listing: usize,
        /// Its file.
        origin: Origin,
        /// An address to open at, such as a quote id.
        at: Option<String>,
    },
    /// Build the open briefing's search index off the loop, to come back as
    /// `Action::Indexed`.
    Index {
        /// The briefing to index.
        briefing: Arc<Briefing>,
        /// Its quotes in the order the Quotes pane lists them.
        order: Vec<usize>,
    },
    /// Put text on the terminal's clipboard (OSC 52).
    Copy {
        /// The clean text.
        text: String,
        /// What it is, for the status line: `the quote`, `the address`.
        what: String,
    },
    /// Remember the library's order for the next start.
    SaveSort(Sort),
    /// Remember the searches made, the last one last, for the next start.
    SaveHistory(Vec<String>),
    /// Open an `http` or `https` address in the user's browser.
    OpenUrl(String),
    /// Ask the library's catalog for `query`, to come back as
    /// `Action::LibraryFound` numbered `asked`.
    SearchLibrary {
        /// As typed.
        query: String,
        /// The question's number.
        asked: u64,
    },
    /// Scan the briefings of `origins` for `query`, while there is no catalog to
    /// ask, to come back as `Action::LibraryFound` numbered `asked`.
    ScanLibrary {
        /// As typed.
        query: String,
        /// The question's number.
        asked: u64,
        /// The library's files, in library order.
        origins: Vec<Origin>,
    },
    /// Read who said each quote of every briefing of `origins` (from the
    /// catalog when it is `ready`, else the files) and index the speakers, to
    /// come back as `Action::SpeakersIndexed`.
    IndexSpeakers {
        /// The library's files, in library order.
        origins: Vec<Origin>,
        /// Whether the catalog is in step with them.
        ready: bool,
        /// Speaker name variants and the name each stands for.
        aliases: std::collections::BTreeMap<String, String>,
    },
    /// Read the text of a speaker's quotes from their briefings, to come back
    /// as `Action::QuotesRead`.
    ReadQuotes {
        /// The speaker, as the index names them.
        speaker: String,
        /// Each quote's file and its place among the file's quotes.
        quotes: Vec<(Origin, usize)>,
    },
    /// Leave.
    Quit,
}
