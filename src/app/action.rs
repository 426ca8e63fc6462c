//! What a user can ask of the reader, in domain verbs. Keys map to these; `update` obeys them.

use std::path::PathBuf;

use super::{Key, Metrics, Pane};

/// One request to change the reader's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Open or close the list of every key.
    ToggleHelp,
    /// Close the overlay or full view on top, or clear the status message.
    Close,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus one pane.
    Focus(Pane),
    /// Move the selection (or the text, in Summary) down one.
    MoveDown,
    /// Move the selection (or the text, in Summary) up one.
    MoveUp,
    /// Go to the first item.
    First,
    /// Go to the last item.
    Last,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Select the next quote, from any pane, wrapping around.
    NextQuote,
    /// Select the previous quote, from any pane, wrapping around.
    PrevQuote,
    /// Select the next speaker's first quote.
    NextSpeaker,
    /// Select the previous speaker's first quote.
    PrevSpeaker,
    /// Collapse or expand the selected comment.
    ToggleCollapse,
    /// Collapse the selected comment, or go to its parent.
    CollapseOrParent,
    /// Expand the selected comment, or go to its first reply.
    ExpandOrChild,
    /// Go to the comment this one replies to.
    GoToParent,
    /// Go to the next comment at the same depth.
    NextSibling,
    /// Go to the previous comment at the same depth.
    PrevSibling,
    /// Read the selected item whole, full screen.
    ReadWhole,
    /// Collapse every comment that has replies.
    CollapseAll,
    /// Expand every comment.
    ExpandAll,
    /// Switch Nations between the list and the world map.
    ToggleMap,
    /// Capture the mouse, or give it back to the terminal for text selection.
    ToggleMouse,
    /// Scroll the pane under the mouse pointer.
    Scroll {
        /// The pane under the pointer.
        pane: Pane,
        /// Rows to move: positive is down.
        rows: i8,
    },
    /// A click: focus the pane and select the item under the pointer.
    Click {
        /// The pane clicked.
        pane: Pane,
        /// The item clicked, in that pane's own numbering.
        item: Option<usize>,
    },
    /// Back from a briefing to the library, the selection where it was.
    Back,
    /// Open the selected briefing, speaker or quote.
    Open,
    /// Order the library by the next key: title, date, last opened.
    CycleSort,
    /// Show every speaker across the library.
    ShowSpeakers,
    /// Jump to the next quote or comment not yet read.
    NextUnread,
    /// Start a search over everything in the briefing.
    StartSearch,
    /// Keep the search and its place.
    ConfirmSearch,
    /// Drop the search and go back to where it started.
    CancelSearch,
    /// Go to the next item that matches the search.
    NextMatch,
    /// Go to the previous item that matches the search.
    PrevMatch,
    /// Open the editor on the selected item's note.
    EditNote,
    /// Keep the note being edited and close the editor.
    SaveNote,
    /// Close the editor, dropping what was typed.
    CancelNote,
    /// Keep the note being edited, then leave the reader.
    SaveNoteAndQuit,
    /// A key typed into the note editor or the search prompt.
    Type(Key),
    /// Text pasted into the note editor.
    Paste(String),
    /// Open the list of this briefing's notes.
    ShowNotes,
    /// In the notes list: go to the item the selected note is about.
    JumpToNote,
    /// In the notes list: delete the selected note.
    DeleteNote,
    /// Bring back the note deleted last.
    UndoDelete,
    /// Write the notes to `<id>-notes.md` in the current folder.
    ExportNotes,
    /// Yes to the question on the status line.
    Confirm,
    /// No to the question on the status line.
    Deny,
    /// The sizes the last frame was drawn at, for paging and scrolling.
    Measured(Metrics),
    /// The time now, in milliseconds since the Unix epoch, for note stamps.
    Clock(u64),
    /// The notes were saved; any earlier save warning is over.
    Saved,
    /// Saving failed for this reason; notes stay in memory.
    SaveFailed(String),
    /// The export would overwrite a file brief did not write: ask first.
    AskOverwrite(PathBuf),
    /// A message from the loop for the status line.
    Report(String),
}

impl Action {
    /// The name the config file's `keys:` uses: the verb in snake case
    /// (`NextQuote` is `next_quote`, `Focus(Quotes)` is `focus_quotes`).
    pub fn name(&self) -> String {
        let debug = format!("{self:?}");
        let mut name = String::with_capacity(debug.len() + 4);
        for c in debug.chars() {
            match c {
                '(' => name.push('_'),
                ')' | ' ' | '{' | '}' => {}
                c if c.is_uppercase() => {
                    if !name.is_empty() && !name.ends_with('_') {
                        name.push('_');
                    }
                    name.extend(c.to_lowercase());
                }
                c => name.push(c),
            }
        }
        name
    }
}
