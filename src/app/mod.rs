//! The reader's state and the one function that changes it.
//!
//! `App` holds meaning (the briefing, the focus, the selections by item, what is
//! collapsed), never terminal types. `update` is pure: what needs the outside world
//! comes back as an `Effect` for the loop to carry out. Views read `App`; they never
//! change it.

mod action;
mod bindings;
mod key;
pub mod keymap;
mod notes;
mod reading;
mod searching;
mod tree;
pub mod update;

pub use crate::state::nation_key;
pub use action::Action;
pub use key::Key;
pub use keymap::{Context, Keymap};
pub use notes::{Editor, item_text, label, listed, selected_item_in, summary_item_at};
pub use searching::Search;
pub use tree::Tree;
pub use update::update;

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::briefing::Briefing;
use crate::state::Note;

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
    /// The key list, scrolled this many lines.
    Help {
        /// Lines scrolled.
        scroll: usize,
    },
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

/// Sizes from the last frame drawn: the one thing views hand back, for paging.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metrics {
    /// The summary's layout at the width it was drawn.
    pub summary: Option<SummaryLayout>,
    /// Per pane in Tab order: items (lines, for Summary) that fit on one screen.
    pub page: [usize; 4],
    /// The help overlay's length and visible height, in lines.
    pub help: (usize, usize),
    /// The full view's length and visible height, in lines, and what it measured.
    pub read: ReadLength,
}

/// A wrapped text's length and where every 64th line starts, counted once per
/// width (by `ui::text::line_marks`): a window far down a 10 MB text wraps from
/// the nearest mark instead of from the top, so its end costs a screenful.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineMarks {
    /// How many lines the text wraps to.
    pub lines: usize,
    /// The byte where line 0, 64, 128, ... starts.
    pub marks: Vec<usize>,
}

/// The full view's length at the width it was drawn, so a long item is counted
/// once rather than every frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadLength {
    /// The item measured: its pane, its index there and its text's length in bytes.
    pub item: Option<(Pane, usize, usize)>,
    /// The width it was wrapped to.
    pub width: usize,
    /// Its length in lines.
    pub total: usize,
    /// Each part's wrapped length and marks, in the order the view lists them.
    pub parts: Arc<Vec<LineMarks>>,
    /// The lines the view shows at once.
    pub height: usize,
}

impl ReadLength {
    /// What the full view shows for `pane`: its pane, index and text length.
    pub fn item_of(app: &App, pane: Pane) -> (Pane, usize, usize) {
        let b = &app.briefing;
        let (index, len) = match pane {
            Pane::Summary => (0, 0),
            Pane::Nations => (
                app.nation,
                b.nations.get(app.nation).map_or(0, |n| n.name.len()),
            ),
            Pane::Quotes => {
                let i = app.selected_quote().unwrap_or(0);
                (i, b.quotes.get(i).map_or(0, |q| q.text.len()))
            }
            Pane::Comments => {
                let i = app.tree.selected().unwrap_or(0);
                (i, b.comments.get(i).map_or(0, |c| c.text.len()))
            }
        };
        let note = selected_item_in(app, pane)
            .and_then(|item| app.note_on(&item))
            .map_or(0, |n| n.text.len());
        (pane, index, len + note)
    }

    /// Whether this length was measured for `item` at `width`.
    pub fn is_for(&self, item: (Pane, usize, usize), width: usize) -> bool {
        self.item == Some(item) && self.width == width
    }
}

/// Where the summary's pieces start at one width, worked out once per width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummaryLayout {
    /// The width the lines were wrapped to.
    pub width: usize,
    /// The first line of each block of the summary.
    pub blocks: Arc<Vec<usize>>,
    /// The first line of each paragraph, then each key point.
    pub items: Arc<Vec<usize>>,
    /// The summary's length in lines.
    pub total: usize,
    /// The marks of each block longer than 64 lines, by block, in order.
    pub long: Arc<Vec<(usize, LineMarks)>>,
}

impl SummaryLayout {
    /// The marks of block `n`, if it is a long one.
    pub fn long_block(&self, n: usize) -> Option<&LineMarks> {
        let at = self.long.binary_search_by_key(&n, |(b, _)| *b).ok()?;
        Some(&self.long[at].1)
    }
}

impl Metrics {
    /// Where each paragraph, then each key point, starts; empty before the first frame.
    pub fn summary_starts(&self) -> &[usize] {
        self.summary.as_ref().map_or(&[], |s| s.items.as_slice())
    }

    /// The summary's length in lines; 0 before the first frame.
    pub fn summary_lines(&self) -> usize {
        self.summary.as_ref().map_or(0, |s| s.total)
    }
}

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond drawing.
    None,
    /// Leave the reader.
    Quit,
    /// Capture the mouse (true) or give it back to the terminal.
    SetMouse(bool),
    /// Write the reading state and notes now.
    Save,
    /// Write the notes to markdown; `true` overwrites a file brief did not write.
    Export(bool),
    /// Close this briefing and show the library.
    Back,
    /// Show the speaker index.
    ShowSpeakers,
}

/// Everything the reader shows, and where the user is in it.
#[derive(Debug)]
pub struct App {
    /// The briefing being read, shared with the library that lists it.
    pub briefing: Arc<Briefing>,
    /// Quote indexes grouped by speaker: the order the Quotes pane lists them.
    pub quote_order: Vec<usize>,
    /// The focused pane.
    pub focus: Pane,
    /// What is on top of the panes.
    pub mode: Mode,
    /// Lines scrolled in Summary.
    pub summary_scroll: usize,
    /// A summary item to scroll to once the pane has been measured.
    pub summary_target: Option<usize>,
    /// The selected nation.
    pub nation: usize,
    /// Whether Nations shows the world map.
    pub show_map: bool,
    /// The selected quote's place in `quote_order`.
    pub quote: usize,
    /// Comment collapse state and selection.
    pub tree: Tree,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// A message for the status line until the next key.
    pub status: Option<String>,
    /// Sizes from the last frame.
    pub metrics: Metrics,
    /// Every note, deleted ones kept as tombstones for merging.
    pub notes: Vec<Note>,
    /// Note ids deleted this session, the last one last, for undo.
    pub deleted: Vec<String>,
    /// The open note editor.
    pub editor: Option<Editor>,
    /// Per quote: read once selected.
    pub seen_quotes: Vec<bool>,
    /// Per comment: read once selected.
    pub seen_comments: Vec<bool>,
    /// Per quote: not in the briefing when it was last opened.
    pub new_quotes: Vec<bool>,
    /// Per comment: not in the briefing when it was last opened.
    pub new_comments: Vec<bool>,
    /// Why notes are not being saved, while that lasts.
    pub unsaved: Option<String>,
    /// The file an export would overwrite, while the user is asked.
    pub pending_export: Option<PathBuf>,
    /// The time now, milliseconds since the Unix epoch, as the loop last said.
    pub now_ms: u64,
    /// Distinguishes this process's note ids from another's.
    pub session: u32,
    /// Notes created this session, for unique ids.
    pub notes_created: u32,
    /// Fields of the saved state this version does not know, written back as they were.
    pub unknown: Map<String, Value>,
    /// The search in force, if any: what it looks for and where it matched.
    pub search: Option<Search>,
    /// The keys in force: the defaults and the config's additions.
    pub keymap: Arc<Keymap>,
    /// What the help overlay is filtered by, as typed.
    pub help_filter: String,
    /// The briefing's text folded for search: built by the terminal loop on a
    /// thread of its own once the reader is on screen, or else at the first
    /// search, which waits for a build under way rather than starting another.
    pub search_index: Arc<std::sync::OnceLock<crate::search::Index>>,
}

impl App {
    /// A fresh reader on `briefing`: Summary focused, everything expanded.
    pub fn new(briefing: impl Into<Arc<Briefing>>) -> App {
        let briefing: Arc<Briefing> = briefing.into();
        let quote_order = briefing.quote_order();
        let tree = Tree::new(&briefing.comments);
        let (quotes, comments) = (briefing.quotes.len(), briefing.comments.len());
        App {
            briefing,
            quote_order,
            focus: Pane::Summary,
            mode: Mode::Panes,
            summary_scroll: 0,
            summary_target: None,
            nation: 0,
            show_map: false,
            quote: 0,
            tree,
            mouse: false,
            status: None,
            metrics: Metrics::default(),
            notes: Vec::new(),
            deleted: Vec::new(),
            editor: None,
            seen_quotes: vec![false; quotes],
            seen_comments: vec![false; comments],
            new_quotes: vec![false; quotes],
            new_comments: vec![false; comments],
            unsaved: None,
            pending_export: None,
            now_ms: 0,
            session: 0,
            notes_created: 0,
            unknown: Map::new(),
            search: None,
            keymap: Arc::default(),
            help_filter: String::new(),
            search_index: Arc::default(),
        }
    }

    /// The keymap context the current mode reads keys in.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Panes => Context::Panes,
            Mode::Help { .. } => Context::Help,
            Mode::Read { .. } => Context::Read,
            Mode::Edit => Context::Edit,
            Mode::Notes { .. } => Context::Notes,
            Mode::Confirm => Context::Confirm,
            Mode::Search => Context::Search,
        }
    }

    /// The selected quote's index in `briefing.quotes`.
    pub fn selected_quote(&self) -> Option<usize> {
        self.quote_order.get(self.quote).copied()
    }

    /// A key from the terminal (or `brief snapshot`): look it up, then update.
    /// In the editor, keys the keymap does not claim are typed into the note.
    pub fn press(&mut self, key: Key) -> Effect {
        match self.keymap.resolve(self.context(), key) {
            Some(action) => update(self, action),
            None if matches!(self.mode, Mode::Edit | Mode::Search | Mode::Help { .. }) => {
                update(self, Action::Type(key))
            }
            None if self.mode == Mode::Confirm => update(self, Action::Deny),
            None => Effect::None,
        }
    }

    /// The live (not deleted) note on `item`.
    pub fn note_on(&self, item: &crate::state::ItemRef) -> Option<&Note> {
        self.notes.iter().find(|n| !n.deleted && &n.item == item)
    }
}
