//! What a user can ask of the reader, in domain verbs. Keys map to these; `update` obeys them.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Key, Metrics, Pane};
use crate::briefing::Briefing;

/// One request to change the reader's state.
#[derive(Debug, Clone, PartialEq)]
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
    /// Replace the note being written with this text (`brief note`).
    WriteNote(String),
    /// Replace the search being typed with this one (from the search history).
    SetQuery(String),
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
    /// Copy the selected item's text to the clipboard.
    Copy,
    /// Copy the selected item's address (`cspo-florence#knighton-competition`).
    CopyAddress,
    /// Open the briefing's source address in the browser.
    OpenSource,
    /// A page down; in Comments, collapse or expand (`Space`, as in less).
    PageOrCollapse,
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
    /// A message from the edge for the status line.
    Report(String),
    /// A briefing and its saved state were read: open it.
    Loaded(Box<super::Opening>),
    /// A library row's briefing could not be read to open it, for this reason.
    LoadFailed {
        /// The library row.
        listing: usize,
        /// What is wrong, as `brief validate` says it.
        why: String,
    },
    /// A briefing read in the background joins the library.
    Arrived(Box<super::Listing>),
    /// Every file of the library has been read.
    LoadingDone,
    /// The open briefing's file changed and loaded again.
    Reloaded(Arc<Briefing>),
    /// The open briefing's file changed but no longer loads, for this reason.
    ReloadFailed(String),
    /// A search index was built, off the loop.
    Indexed(Built),
    /// The place has not been saved since it moved a while ago: save it now.
    SavePlace,
    /// A signal asked `brief` to stop: keep a note being typed, save, leave.
    Stop,
    /// Search the text of every briefing in the library, ranked.
    SearchLibrary,
    /// The catalog answered library search number `asked`.
    LibraryFound {
        /// Which question this answers.
        asked: u64,
        /// The best briefings found, best first.
        hits: Vec<super::LibraryHit>,
        /// How many match in all.
        total: usize,
        /// Whether they were found by scanning the files, in library order.
        scanned: bool,
    },
    /// The speakers across the library, indexed at the edge.
    SpeakersIndexed(Vec<super::Speaker>),
    /// The text of some of a speaker's quotes, read from their briefings.
    QuotesRead {
        /// The speaker.
        speaker: String,
        /// Where in the speaker's list of quotes these start.
        from: usize,
        /// Each quote's words, or `None` where its file no longer holds it.
        quotes: Vec<Option<String>>,
    },
    /// How far the library's catalog has come.
    Cataloged(super::Cataloging),
}

/// A search index built off the loop, and the briefing it was built for.
#[derive(Debug, Clone)]
pub struct Built {
    /// The briefing indexed.
    pub briefing: Arc<Briefing>,
    /// Its index.
    pub index: Arc<crate::search::Index>,
}

impl PartialEq for Built {
    fn eq(&self, other: &Built) -> bool {
        Arc::ptr_eq(&self.briefing, &other.briefing) && Arc::ptr_eq(&self.index, &other.index)
    }
}

impl Action {
    /// Whether this comes from outside (the edge, the clock, a thread) rather
    /// than from a key: such an action never clears the status line.
    pub fn is_from_outside(&self) -> bool {
        matches!(
            self,
            Action::Measured(_)
                | Action::Clock(_)
                | Action::Saved
                | Action::SaveFailed(_)
                | Action::AskOverwrite(_)
                | Action::Report(_)
                | Action::Loaded(_)
                | Action::LoadFailed { .. }
                | Action::QuotesRead { .. }
                | Action::SpeakersIndexed(_)
                | Action::Arrived(_)
                | Action::LoadingDone
                | Action::Reloaded(_)
                | Action::ReloadFailed(_)
                | Action::Indexed(_)
                | Action::SavePlace
                | Action::Stop
                | Action::LibraryFound { .. }
                | Action::Cataloged(_)
        )
    }

    /// The name the config file's `keys:` binds it by; `None` for what no key
    /// is bound to (typing, pasting, the mouse, the edge's reports).
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::ToggleHelp => "toggle_help",
            Action::Close => "close",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::Focus(Pane::Summary) => "focus_summary",
            Action::Focus(Pane::Nations) => "focus_nations",
            Action::Focus(Pane::Quotes) => "focus_quotes",
            Action::Focus(Pane::Comments) => "focus_comments",
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::First => "first",
            Action::Last => "last",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::NextQuote => "next_quote",
            Action::PrevQuote => "prev_quote",
            Action::NextSpeaker => "next_speaker",
            Action::PrevSpeaker => "prev_speaker",
            Action::ToggleCollapse => "toggle_collapse",
            Action::CollapseOrParent => "collapse_or_parent",
            Action::ExpandOrChild => "expand_or_child",
            Action::GoToParent => "go_to_parent",
            Action::NextSibling => "next_sibling",
            Action::PrevSibling => "prev_sibling",
            Action::ReadWhole => "read_whole",
            Action::CollapseAll => "collapse_all",
            Action::ExpandAll => "expand_all",
            Action::ToggleMap => "toggle_map",
            Action::ToggleMouse => "toggle_mouse",
            Action::Back => "back",
            Action::Open => "open",
            Action::CycleSort => "cycle_sort",
            Action::ShowSpeakers => "show_speakers",
            Action::SearchLibrary => "search_library",
            Action::NextUnread => "next_unread",
            Action::StartSearch => "start_search",
            Action::ConfirmSearch => "confirm_search",
            Action::CancelSearch => "cancel_search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::EditNote => "edit_note",
            Action::SaveNote => "save_note",
            Action::CancelNote => "cancel_note",
            Action::SaveNoteAndQuit => "save_note_and_quit",
            Action::ShowNotes => "show_notes",
            Action::JumpToNote => "jump_to_note",
            Action::DeleteNote => "delete_note",
            Action::UndoDelete => "undo_delete",
            Action::ExportNotes => "export_notes",
            Action::Copy => "copy",
            Action::CopyAddress => "copy_address",
            Action::OpenSource => "open_source",
            Action::PageOrCollapse => "page_down_or_collapse",
            Action::Confirm => "confirm",
            Action::Deny => "deny",
            Action::Scroll { .. }
            | Action::Click { .. }
            | Action::Type(_)
            | Action::Paste(_)
            | Action::WriteNote(_)
            | Action::SetQuery(_)
            | Action::Measured(_)
            | Action::Clock(_)
            | Action::Saved
            | Action::SaveFailed(_)
            | Action::AskOverwrite(_)
            | Action::Report(_)
            | Action::Loaded(_)
            | Action::LoadFailed { .. }
            | Action::QuotesRead { .. }
            | Action::SpeakersIndexed(_)
            | Action::Arrived(_)
            | Action::LoadingDone
            | Action::Reloaded(_)
            | Action::ReloadFailed(_)
            | Action::Indexed(_)
            | Action::SavePlace
            | Action::Stop
            | Action::LibraryFound { .. }
            | Action::Cataloged(_) => return None,
        })
    }
}
