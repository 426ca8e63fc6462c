//! The reader's state and the one function that changes it.
//!
//! `App` holds meaning (the briefing, the focus, the selections by item, what is
//! collapsed), never terminal types. `update` is pure: what needs the outside world
//! comes back as an `Effect` for the loop to carry out. Views read `App`; they never
//! change it.

mod action;
pub mod keymap;
mod tree;
mod update;

pub use action::Action;
pub use keymap::{Context, Key};
pub use tree::Tree;
pub use update::update;

use crate::briefing::Briefing;

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
}

/// Sizes from the last frame drawn: the one thing views hand back, for paging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Metrics {
    /// Per pane in Tab order: items (lines, for Summary) that fit on one screen.
    pub page: [usize; 4],
    /// Summary's length in lines at the width it was drawn.
    pub summary_lines: usize,
    /// The help overlay's length and visible height, in lines.
    pub help: (usize, usize),
    /// The full view's length and visible height, in lines.
    pub read: (usize, usize),
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
}

/// Everything the reader shows, and where the user is in it.
#[derive(Debug, Clone)]
pub struct App {
    /// The briefing being read.
    pub briefing: Briefing,
    /// Quote indexes grouped by speaker: the order the Quotes pane lists them.
    pub quote_order: Vec<usize>,
    /// The focused pane.
    pub focus: Pane,
    /// What is on top of the panes.
    pub mode: Mode,
    /// Lines scrolled in Summary.
    pub summary_scroll: usize,
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
}

impl App {
    /// A fresh reader on `briefing`: Summary focused, everything expanded.
    pub fn new(briefing: Briefing) -> App {
        let quote_order = briefing
            .speakers
            .iter()
            .flat_map(|s| s.quotes.iter().copied())
            .collect();
        let tree = Tree::new(&briefing.comments);
        App {
            briefing,
            quote_order,
            focus: Pane::Summary,
            mode: Mode::Panes,
            summary_scroll: 0,
            nation: 0,
            show_map: false,
            quote: 0,
            tree,
            mouse: false,
            status: None,
            metrics: Metrics::default(),
        }
    }

    /// The keymap context the current mode reads keys in.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Panes => Context::Panes,
            Mode::Help { .. } => Context::Help,
            Mode::Read { .. } => Context::Read,
        }
    }

    /// The selected quote's index in `briefing.quotes`.
    pub fn selected_quote(&self) -> Option<usize> {
        self.quote_order.get(self.quote).copied()
    }

    /// A key from the terminal (or `brief snapshot`): look it up, then update.
    pub fn press(&mut self, key: Key) -> Effect {
        match keymap::resolve(self.context(), key) {
            Some(action) => update(self, action),
            None => Effect::None,
        }
    }
}
