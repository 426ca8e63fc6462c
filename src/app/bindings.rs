//! The default bindings as data: where each applies, the key, the action and one
//! line of help. Nothing here looks keys up; `keymap` does, over this table and
//! the config's additions.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Key, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, unless a more specific context binds the key.
    Global,
    /// Reading the panes.
    Panes,
    /// The help overlay is open.
    Help,
    /// The full-screen view of one item is open.
    Read,
    /// The note editor is open: keys not bound here are typed.
    Edit,
    /// The notes list is open.
    Notes,
    /// A yes-or-no question waits on the status line.
    Confirm,
    /// The search prompt is open: keys not bound here are typed.
    Search,
    /// The library of briefings.
    Library,
    /// The speaker index.
    Speakers,
    /// The hits of a search of the library's text (`F`).
    Found,
}

impl Context {
    /// Whether plain keys not bound here are typed as text.
    pub fn is_typed(self) -> bool {
        matches!(self, Context::Edit | Context::Search | Context::Help)
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// One line for the `?` overlay.
    pub help: &'static str,
}

pub(super) const fn bind(
    context: Context,
    key: Key,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        key,
        action,
        help,
    }
}

use Context::{Confirm, Edit, Found, Global, Help, Library, Notes, Panes, Read, Search, Speakers};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

const fn k(code: KeyCode) -> Key {
    Key::new(code)
}

/// Every binding, in the order the `?` overlay lists them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Global, Key::ch('q'), Action::Quit, "quit"),
    bind(Global, Key::ctrl('c'), Action::Quit, "quit"),
    bind(Global, Key::ch('?'), Action::ToggleHelp, "this help; Esc or ? closes it"),
    bind(Panes, k(Tab), Action::FocusNext, "next pane"),
    bind(Panes, k(BackTab), Action::FocusPrev, "previous pane"),
    bind(Panes, Key::ch('1'), Action::Focus(Pane::Summary), "focus Summary"),
    bind(Panes, Key::ch('2'), Action::Focus(Pane::Nations), "focus Nations"),
    bind(Panes, Key::ch('3'), Action::Focus(Pane::Quotes), "focus Quotes"),
    bind(Panes, Key::ch('4'), Action::Focus(Pane::Comments), "focus Comments"),
    bind(Panes, Key::ch('j'), Action::MoveDown, "move down; in Summary, the next paragraph or key point"),
    bind(Panes, k(Down), Action::MoveDown, "move down; in Summary, the next paragraph or key point"),
    bind(Panes, Key::ch('k'), Action::MoveUp, "move up; in Summary, the previous paragraph or key point"),
    bind(Panes, k(Up), Action::MoveUp, "move up; in Summary, the previous paragraph or key point"),
    bind(Panes, Key::ch('g'), Action::First, "first"),
    bind(Panes, k(Home), Action::First, "first"),
    bind(Panes, Key::ch('G'), Action::Last, "last"),
    bind(Panes, k(End), Action::Last, "last"),
    bind(Panes, Key::ctrl('d'), Action::HalfPageDown, "half a page down"),
    bind(Panes, Key::ctrl('u'), Action::HalfPageUp, "half a page up"),
    bind(Panes, k(PageDown), Action::PageDown, "a page down"),
    bind(Panes, k(PageUp), Action::PageUp, "a page up"),
    bind(Panes, Key::ctrl('f'), Action::PageDown, "a page down"),
    bind(Panes, Key::ctrl('b'), Action::PageUp, "a page up"),
    bind(Panes, Key::ch(']'), Action::NextQuote, "next quote, from any pane"),
    bind(Panes, Key::ch('['), Action::PrevQuote, "previous quote, from any pane"),
    bind(Panes, Key::ch('}'), Action::NextSpeaker, "next speaker's first quote"),
    bind(Panes, Key::ch('{'), Action::PrevSpeaker, "previous speaker's first quote"),
    bind(Panes, k(Enter), Action::ToggleCollapse, "in Comments: collapse/expand; in Nations: mark the nation's mentions"),
    bind(Panes, Key::ch(' '), Action::PageOrCollapse, "a page down; in Comments: collapse/expand"),
    bind(Panes, Key::ch('h'), Action::CollapseOrParent, "in Comments: collapse, or go to the parent"),
    bind(Panes, k(Left), Action::CollapseOrParent, "in Comments: collapse, or go to the parent"),
    bind(Panes, Key::ch('l'), Action::ExpandOrChild, "in Comments: expand, or go to the first reply"),
    bind(Panes, k(Right), Action::ExpandOrChild, "in Comments: expand, or go to the first reply"),
    bind(Panes, Key::ch('p'), Action::GoToParent, "in Comments: go to the parent"),
    bind(Panes, Key::ch('J'), Action::NextSibling, "in Comments: next sibling"),
    bind(Panes, Key::ch('K'), Action::PrevSibling, "in Comments: previous sibling"),
    bind(Panes, Key::ch('C'), Action::CollapseAll, "in Comments: collapse all"),
    bind(Panes, Key::ch('E'), Action::ExpandAll, "in Comments: expand all"),
    bind(Panes, Key::ch('v'), Action::ReadWhole, "read the selected item whole; Esc returns"),
    bind(Panes, Key::ch('m'), Action::ToggleMap, "in Nations: list or world map"),
    bind(Panes, Key::ch('M'), Action::ToggleMouse, "mouse on/off (off keeps text selection)"),
    bind(Panes, Key::ch('/'), Action::StartSearch, "search everything in the briefing"),
    bind(Panes, Key::ch('n'), Action::NextMatch, "next match, across panes"),
    bind(Panes, Key::ch('N'), Action::PrevMatch, "previous match, across panes"),
    bind(Panes, Key::ch('u'), Action::NextUnread, "next unread quote or comment"),
    bind(Panes, Key::ch('a'), Action::EditNote, "write or edit a note on the selected item"),
    bind(Panes, Key::ch('A'), Action::ShowNotes, "list this briefing's notes"),
    bind(Panes, Key::ch('U'), Action::UndoDelete, "bring back the note deleted last"),
    bind(Panes, Key::ch('X'), Action::ExportNotes, "export the notes to <id>-notes.md here"),
    bind(Panes, Key::ch('y'), Action::Copy, "copy the selected item (a quote with its speaker)"),
    bind(Panes, Key::ch('Y'), Action::CopyAddress, "copy the selected item's address"),
    bind(Panes, Key::ch('o'), Action::OpenSource, "open the source's web address in your browser"),
    bind(Panes, Key::ch('b'), Action::Back, "back to the library"),
    bind(Panes, k(Backspace), Action::Back, "back to the library"),
    bind(Panes, Key::ch('S'), Action::ShowSpeakers, "speakers across the library"),
    bind(Panes, k(Esc), Action::Close, "clear the message and the search marks"),
    bind(Help, k(Esc), Action::Close, "close help"),
    bind(Help, Key::ch('?'), Action::ToggleHelp, "close help"),
    bind(Help, k(Down), Action::MoveDown, "scroll down"),
    bind(Help, k(Up), Action::MoveUp, "scroll up"),
    bind(Help, k(Home), Action::First, "top"),
    bind(Help, k(End), Action::Last, "bottom"),
    bind(Help, k(PageDown), Action::PageDown, "a page down"),
    bind(Help, k(PageUp), Action::PageUp, "a page up"),
    bind(Help, Key::ctrl('f'), Action::PageDown, "a page down"),
    bind(Help, Key::ctrl('b'), Action::PageUp, "a page up"),
    bind(Read, k(Esc), Action::Close, "back to the panes"),
    bind(Read, Key::ch('v'), Action::Close, "back to the panes"),
    bind(Read, Key::ch('j'), Action::MoveDown, "scroll down"),
    bind(Read, k(Down), Action::MoveDown, "scroll down"),
    bind(Read, Key::ch('k'), Action::MoveUp, "scroll up"),
    bind(Read, k(Up), Action::MoveUp, "scroll up"),
    bind(Read, Key::ch('g'), Action::First, "top"),
    bind(Read, k(Home), Action::First, "top"),
    bind(Read, Key::ch('G'), Action::Last, "bottom"),
    bind(Read, k(End), Action::Last, "bottom"),
    bind(Read, Key::ctrl('d'), Action::HalfPageDown, "half a page down"),
    bind(Read, Key::ctrl('u'), Action::HalfPageUp, "half a page up"),
    bind(Read, k(PageDown), Action::PageDown, "a page down"),
    bind(Read, Key::ch(' '), Action::PageDown, "a page down"),
    bind(Read, k(PageUp), Action::PageUp, "a page up"),
    bind(Read, Key::ch('b'), Action::PageUp, "a page up"),
    bind(Read, Key::ctrl('f'), Action::PageDown, "a page down"),
    bind(Read, Key::ctrl('b'), Action::PageUp, "a page up"),
    bind(Read, Key::ch('y'), Action::Copy, "copy the item"),
    bind(Read, Key::ch('m'), Action::ToggleMap, "in Nations: the list's entry or the whole map; j/k pick the nation on the map"),
    bind(Edit, Key::ctrl('s'), Action::SaveNote, "keep the note"),
    bind(Edit, k(Esc), Action::SaveNote, "keep the note"),
    bind(Edit, Key::ctrl('g'), Action::CancelNote, "cancel: drop what was typed"),
    bind(Edit, Key::ctrl('c'), Action::SaveNoteAndQuit, "keep the note and quit"),
    bind(Notes, k(Enter), Action::JumpToNote, "go to the item"),
    bind(Notes, Key::ch('d'), Action::DeleteNote, "delete the note"),
    bind(Notes, Key::ch('U'), Action::UndoDelete, "bring back the note deleted last"),
    bind(Notes, Key::ch('j'), Action::MoveDown, "next note"),
    bind(Notes, k(Down), Action::MoveDown, "next note"),
    bind(Notes, Key::ch('k'), Action::MoveUp, "previous note"),
    bind(Notes, k(Up), Action::MoveUp, "previous note"),
    bind(Notes, Key::ch('g'), Action::First, "first note"),
    bind(Notes, Key::ch('G'), Action::Last, "last note"),
    bind(Notes, k(Esc), Action::Close, "close the list"),
    bind(Notes, Key::ch('A'), Action::ShowNotes, "close the list"),
    bind(Search, k(Enter), Action::ConfirmSearch, "keep the search; n and N step through it"),
    bind(Search, k(Esc), Action::CancelSearch, "cancel and go back to where you were"),
    bind(Library, k(Enter), Action::Open, "open the briefing"),
    bind(Library, Key::ch('j'), Action::MoveDown, "next briefing"),
    bind(Library, k(Down), Action::MoveDown, "next briefing"),
    bind(Library, Key::ch('k'), Action::MoveUp, "previous briefing"),
    bind(Library, k(Up), Action::MoveUp, "previous briefing"),
    bind(Library, Key::ch('g'), Action::First, "first"),
    bind(Library, k(Home), Action::First, "first"),
    bind(Library, Key::ch('G'), Action::Last, "last"),
    bind(Library, k(End), Action::Last, "last"),
    bind(Library, k(PageDown), Action::PageDown, "ten down"),
    bind(Library, k(PageUp), Action::PageUp, "ten up"),
    bind(Library, Key::ch(' '), Action::PageDown, "ten down"),
    bind(Library, Key::ctrl('f'), Action::PageDown, "ten down"),
    bind(Library, Key::ctrl('b'), Action::PageUp, "ten up"),
    bind(Library, Key::ch('s'), Action::CycleSort, "sort by title, date or last opened"),
    bind(Library, Key::ch('/'), Action::StartSearch, "filter as you type (nation:JP for a nation)"),
    bind(Library, Key::ch('S'), Action::ShowSpeakers, "speakers across the library"),
    bind(Library, Key::ch('F'), Action::SearchLibrary, "search the text of every briefing, best first"),
    bind(Library, k(Esc), Action::Close, "clear the filter"),
    bind(Speakers, k(Enter), Action::Open, "a speaker's quotes; on a quote, open its briefing there"),
    bind(Speakers, Key::ch('j'), Action::MoveDown, "next"),
    bind(Speakers, k(Down), Action::MoveDown, "next"),
    bind(Speakers, Key::ch('k'), Action::MoveUp, "previous"),
    bind(Speakers, k(Up), Action::MoveUp, "previous"),
    bind(Speakers, Key::ch('g'), Action::First, "first"),
    bind(Speakers, Key::ch('G'), Action::Last, "last"),
    bind(Speakers, k(PageDown), Action::PageDown, "ten down"),
    bind(Speakers, k(PageUp), Action::PageUp, "ten up"),
    bind(Speakers, Key::ch(' '), Action::PageDown, "ten down"),
    bind(Speakers, Key::ctrl('f'), Action::PageDown, "ten down"),
    bind(Speakers, Key::ctrl('b'), Action::PageUp, "ten up"),
    bind(Speakers, k(Esc), Action::Close, "back"),
    bind(Speakers, Key::ch('b'), Action::Back, "back"),
    bind(Speakers, k(Backspace), Action::Back, "back"),
    bind(Speakers, Key::ch('S'), Action::ShowSpeakers, "back"),
    bind(Found, k(Enter), Action::Open, "open the briefing at the item found"),
    bind(Found, Key::ch('j'), Action::MoveDown, "next"),
    bind(Found, k(Down), Action::MoveDown, "next"),
    bind(Found, Key::ch('k'), Action::MoveUp, "previous"),
    bind(Found, k(Up), Action::MoveUp, "previous"),
    bind(Found, Key::ch('g'), Action::First, "first"),
    bind(Found, k(Home), Action::First, "first"),
    bind(Found, Key::ch('G'), Action::Last, "last"),
    bind(Found, k(End), Action::Last, "last"),
    bind(Found, k(PageDown), Action::PageDown, "ten down"),
    bind(Found, k(PageUp), Action::PageUp, "ten up"),
    bind(Found, Key::ch(' '), Action::PageDown, "ten down"),
    bind(Found, Key::ctrl('f'), Action::PageDown, "ten down"),
    bind(Found, Key::ctrl('b'), Action::PageUp, "ten up"),
    bind(Found, Key::ch('/'), Action::StartSearch, "change the search"),
    bind(Found, Key::ch('F'), Action::StartSearch, "change the search"),
    bind(Found, k(Esc), Action::Close, "back to the library"),
    bind(Found, Key::ch('b'), Action::Back, "back to the library"),
    bind(Found, k(Backspace), Action::Back, "back to the library"),
    bind(Speakers, Key::ch('/'), Action::StartSearch, "filter speakers as you type (a name or a role)"),
    bind(Confirm, Key::ch('y'), Action::Confirm, "yes"),
    bind(Confirm, Key::ch('n'), Action::Deny, "no"),
    bind(Confirm, k(Esc), Action::Deny, "no"),
];
