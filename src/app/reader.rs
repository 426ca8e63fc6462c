//! The open briefing's model: the briefing, where the reader is in it, what they
//! have read and their notes. Changed only by `update` and the functions it
//! calls; read through the accessors here.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::keymap::Context;
use super::{Editor, Effect, Metrics, Mode, Pane, Search, Tree};
use crate::briefing::Briefing;
use crate::state::{Note, Saved};

/// A briefing and its saved state, read for it to open, and where to open it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opening {
    /// The library row being opened.
    pub listing: usize,
    /// The briefing, as its file holds it now.
    pub briefing: Arc<Briefing>,
    /// The state it was left in, if any was saved.
    pub saved: Option<Saved>,
    /// Why the saved state could not be read, if it could not.
    pub warning: Option<String>,
    /// An address to open at, such as a quote id.
    pub at: Option<String>,
    /// The time now, milliseconds since the Unix epoch.
    pub now_ms: u64,
    /// Distinguishes this process's note ids from another's.
    pub session: u32,
}

impl Opening {
    /// Opening `briefing` as library row `listing` on fresh state, as `brief
    /// snapshot` does.
    pub fn fresh(listing: usize, briefing: Arc<Briefing>) -> Opening {
        Opening {
            listing,
            briefing,
            ..Opening::default()
        }
    }
}

/// Everything the reader shows, and where the user is in it.
#[derive(Debug)]
pub struct App {
    /// The briefing being read, shared with the library that lists it.
    pub(super) briefing: Arc<Briefing>,
    /// Quote indexes grouped by speaker: the order the Quotes pane lists them.
    pub(super) quote_order: Vec<usize>,
    /// The focused pane.
    pub(super) focus: Pane,
    /// What is on top of the panes.
    pub(super) mode: Mode,
    /// Lines scrolled in Summary.
    pub(super) summary_scroll: usize,
    /// The selected summary item: paragraphs, then key points.
    pub(super) summary_item: usize,
    /// Whether the selection is to be placed at the item on top once the pane
    /// has been measured (after a saved place was restored).
    pub(super) summary_place_pending: bool,
    /// A summary item to scroll to once the pane has been measured.
    pub(super) summary_target: Option<usize>,
    /// The selected nation.
    pub(super) nation: usize,
    /// Whether Nations shows the world map.
    pub(super) show_map: bool,
    /// The selected quote's place in `quote_order`.
    pub(super) quote: usize,
    /// Comment collapse state and selection.
    pub(super) tree: Tree,
    /// Whether the mouse is captured.
    pub(super) mouse: bool,
    /// A message for the status line until the next key.
    pub(super) status: Option<String>,
    /// Sizes from the last frame.
    pub(super) metrics: Metrics,
    /// Every note, deleted ones kept as tombstones for merging.
    pub(super) notes: Vec<Note>,
    /// Note ids deleted this session, the last one last, for undo.
    pub(super) deleted: Vec<String>,
    /// The open note editor.
    pub(super) editor: Option<Editor>,
    /// Per quote: read once selected.
    pub(super) seen_quotes: Vec<bool>,
    /// Per comment: read once selected.
    pub(super) seen_comments: Vec<bool>,
    /// Per quote: not in the briefing when it was last opened.
    pub(super) new_quotes: Vec<bool>,
    /// Per comment: not in the briefing when it was last opened.
    pub(super) new_comments: Vec<bool>,
    /// Why notes are not being saved, while that lasts.
    pub(super) unsaved: Option<String>,
    /// The file an export would overwrite, while the user is asked.
    pub(super) pending_export: Option<PathBuf>,
    /// The time now, milliseconds since the Unix epoch, as the loop last said.
    pub(super) now_ms: u64,
    /// Distinguishes this process's note ids from another's.
    pub(super) session: u32,
    /// Notes created this session, for unique ids.
    pub(super) notes_created: u32,
    /// Fields of the saved state this version does not know, written back as they were.
    pub(super) unknown: Map<String, Value>,
    /// The search in force, if any: what it looks for and where it matched.
    pub(super) search: Option<Search>,
    /// The briefing's text folded for search, once built: off the loop as soon
    /// as the briefing opens (`Effect::Index`), or by the first search that
    /// comes sooner.
    pub(super) search_index: Option<Arc<crate::search::Index>>,
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
            summary_item: 0,
            summary_place_pending: false,
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
            search_index: None,
        }
    }

    /// The keymap context the current mode reads keys in.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Panes => Context::Panes,
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

    /// The live (not deleted) note on `item`.
    pub fn note_on(&self, item: &crate::state::ItemRef) -> Option<&Note> {
        self.notes.iter().find(|n| !n.deleted && &n.item == item)
    }
}

impl App {
    /// The reader on `briefing` as it was left: the saved state restored, then
    /// moved to the item `opening.at` names. What the status line should say on
    /// opening (a state that could not be read, items gone, an address that
    /// names nothing) is said.
    pub fn opened(opening: Opening, mouse: bool) -> App {
        let mut app = App::new(opening.briefing);
        app.mouse = mouse;
        app.now_ms = opening.now_ms;
        app.session = opening.session;
        let restored = opening.saved.and_then(|saved| app.restore(saved));
        app.status = opening.warning.or(restored);
        if let Some(at) = &opening.at
            && let Err(e) = app.go_to(at)
        {
            app.status = Some(e);
        }
        app
    }

    /// This reader on a new version of its briefing: state and notes carried
    /// over by identity, and the status line saying what changed.
    pub(super) fn reloaded(self, briefing: Arc<Briefing>) -> App {
        let opening = Opening {
            briefing,
            saved: Some(self.to_saved()),
            now_ms: self.now_ms,
            session: self.session,
            ..Opening::default()
        };
        let mut app = App::opened(opening, self.mouse);
        app.notes_created = self.notes_created;
        app.deleted = self.deleted;
        let news = app
            .status
            .take()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        app.status = Some(format!("reloaded: the file changed on disk{news}"));
        app
    }

    /// The effect that saves this reader's state as it is now.
    pub fn save(&self) -> Effect {
        Effect::Save(Box::new(self.to_saved()))
    }

    /// The effect that saves this reader's place behind it (see `Effect::SavePlace`).
    pub fn save_place(&self) -> Effect {
        Effect::SavePlace(Box::new(self.to_saved()))
    }

    /// The effect that builds this briefing's search index off the loop.
    pub(super) fn index_effect(&self) -> Effect {
        Effect::Index {
            briefing: Arc::clone(&self.briefing),
            order: self.quote_order.clone(),
        }
    }

    /// The briefing being read.
    pub fn briefing(&self) -> &Arc<Briefing> {
        &self.briefing
    }

    /// Quote indexes in the order the Quotes pane lists them (grouped by speaker).
    pub fn quote_order(&self) -> &[usize] {
        &self.quote_order
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// What is on top of the panes.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Lines scrolled in Summary.
    pub fn summary_scroll(&self) -> usize {
        self.summary_scroll
    }

    /// The selected summary item: a paragraph, or past them a key point.
    pub fn summary_item(&self) -> usize {
        self.summary_item
    }

    /// The selected nation.
    pub fn nation(&self) -> usize {
        self.nation
    }

    /// Whether Nations shows the world map.
    pub fn show_map(&self) -> bool {
        self.show_map
    }

    /// The selected quote's place in `quote_order`.
    pub fn quote(&self) -> usize {
        self.quote
    }

    /// The comment tree: what is collapsed and what is selected.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Whether this briefing wants the mouse captured.
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// The message for the status line, until the next key.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Sizes from the last frame.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Every note, deleted ones kept as tombstones for merging.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The open note editor.
    pub fn editor(&self) -> Option<&Editor> {
        self.editor.as_ref()
    }

    /// Per quote, in file order: read once selected.
    pub fn seen_quotes(&self) -> &[bool] {
        &self.seen_quotes
    }

    /// Per comment: read once selected.
    pub fn seen_comments(&self) -> &[bool] {
        &self.seen_comments
    }

    /// Per quote: not in the briefing when it was last opened.
    pub fn new_quotes(&self) -> &[bool] {
        &self.new_quotes
    }

    /// Per comment: not in the briefing when it was last opened.
    pub fn new_comments(&self) -> &[bool] {
        &self.new_comments
    }

    /// Why notes are not being saved, while that lasts.
    pub fn unsaved(&self) -> Option<&str> {
        self.unsaved.as_deref()
    }

    /// The time now, as the loop last said.
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// The search in force, if any.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }
}
