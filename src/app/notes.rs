//! Notes in the reader: which item a note is about, the editor, the notes list,
//! deleting and undoing. Part of `update`: pure, no files.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;
use serde_json::Map;

use super::{App, Key, Mode, Pane};
use crate::briefing::Briefing;
use crate::search::Spot;
use crate::state::{ItemRef, Note, nation_key};

/// The open note editor and what it is writing about.
#[derive(Debug, Clone)]
pub struct Editor {
    /// The item the note is about.
    pub item: ItemRef,
    /// The note being written.
    pub textarea: TextArea<'static>,
}

/// How much of an item's text a note keeps, for notes whose item is later edited out.
const EXCERPT_CHARS: usize = 600;

/// The item under the selection in the focused pane.
pub fn selected_item(app: &App) -> Option<ItemRef> {
    selected_item_in(app, app.focus)
}

/// The item under the selection in `pane`.
pub fn selected_item_in(app: &App, pane: Pane) -> Option<ItemRef> {
    let b = &app.briefing;
    match pane {
        Pane::Summary => {
            let at = app.summary_item;
            Some(if at < b.summary.len() {
                ItemRef::Summary(at + 1)
            } else {
                ItemRef::KeyPoint(at - b.summary.len() + 1)
            })
        }
        Pane::Nations => b
            .nations
            .get(app.nation)
            .map(|n| ItemRef::Nation(nation_key(n))),
        Pane::Quotes => app
            .selected_quote()
            .map(|q| ItemRef::Quote(b.quotes[q].id.clone())),
        Pane::Comments => app
            .tree
            .selected()
            .map(|c| ItemRef::Comment(b.comment_id(c).to_owned())),
    }
}

/// The summary item (paragraphs, then key points) the top of the Summary pane
/// shows: the first that starts on screen, else the one the top line is in.
pub fn summary_item_at(app: &App) -> usize {
    let starts = app.metrics.summary_starts();
    let count = app.briefing.summary.len() + app.briefing.key_points.len();
    let scroll = app.summary_scroll;
    let page = app.metrics.page[Pane::Summary.index()].max(1);
    let first = starts.partition_point(|&s| s < scroll);
    let at = match starts.get(first) {
        Some(&start) if start < scroll + page => first,
        _ => starts.iter().rposition(|&s| s <= scroll).unwrap_or(0),
    };
    at.min(count.saturating_sub(1))
}

/// The text of an item, as the briefing now has it.
pub fn item_text(b: &Briefing, item: &ItemRef) -> Option<String> {
    match item {
        ItemRef::Summary(n) => b.summary.get(n.checked_sub(1)?).cloned(),
        ItemRef::KeyPoint(n) => b.key_points.get(n.checked_sub(1)?).cloned(),
        ItemRef::Nation(key) => b
            .nations
            .iter()
            .find(|n| &nation_key(n) == key)
            .map(|n| match &n.code {
                Some(code) => format!("{} ({code})", n.name),
                None => n.name.clone(),
            }),
        ItemRef::Quote(id) => b.quote_index(id).map(|q| b.quotes[q].text.clone()),
        ItemRef::Comment(id) => b.comment_index(id).map(|c| b.comment_text(c).to_owned()),
    }
}

/// A short name for an item: `Quote · Avril Jolliffe`, `Summary ¶2`.
pub fn label(b: &Briefing, item: &ItemRef) -> String {
    match item {
        ItemRef::Summary(n) => format!("Summary ¶{n}"),
        ItemRef::KeyPoint(n) => format!("Key point {n}"),
        ItemRef::Nation(key) => match b.nations.iter().find(|n| &nation_key(n) == key) {
            Some(n) => format!("Nation · {}", n.name),
            None => format!("Nation · {key}"),
        },
        ItemRef::Quote(id) => match b.quote_index(id) {
            Some(q) => format!("Quote · {}", b.quotes[q].speaker),
            None => format!("Quote · {id}"),
        },
        ItemRef::Comment(id) => match b.comment_index(id) {
            Some(c) => format!(
                "Comment · {} ({id})",
                b.comments[c].author.as_deref().unwrap_or("anonymous")
            ),
            None => format!("Comment · {id}"),
        },
    }
}

/// Where an item sits in the briefing, for ordering notes; `None` for an item that is gone.
pub fn spot_of(app: &App, item: &ItemRef) -> Option<Spot> {
    Spot::of(item, &app.briefing, &app.quote_order)
}

/// Live notes in briefing order, orphaned ones (whose item is gone) last.
pub fn listed(app: &App) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..app.notes.len())
        .filter(|&i| !app.notes[i].deleted)
        .collect();
    rows.sort_by_key(|&i| {
        let order = spot_of(app, &app.notes[i].item);
        (order.is_none(), order, app.notes[i].created_ms)
    });
    rows
}

/// `a`: open the editor on the selected item's note, or a new one.
pub fn edit(app: &mut App) {
    let Some(item) = selected_item(app) else {
        app.status = Some(format!(
            "{} has nothing to write a note on",
            app.focus.title()
        ));
        return;
    };
    let lines = app
        .note_on(&item)
        .map(|n| n.text.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let mut textarea = TextArea::new(lines);
    textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
    textarea.move_cursor(ratatui_textarea::CursorMove::End);
    app.editor = Some(Editor { item, textarea });
    app.mode = Mode::Edit;
}

/// A key typed into the editor.
pub fn type_key(app: &mut App, key: Key) {
    if let Some(editor) = &mut app.editor {
        editor.textarea.input(KeyEvent::new(key.code, key.mods));
    }
}

/// Text pasted into the editor.
pub fn paste(app: &mut App, text: &str) {
    if let Some(editor) = &mut app.editor {
        editor.textarea.insert_str(crate::briefing::clean(text));
    }
}

/// Keeps what the editor holds: a new note, a changed one, or (emptied) a
/// deletion; whether the notes changed, and so must be saved.
pub fn save(app: &mut App) -> bool {
    app.mode = Mode::Panes;
    let Some(editor) = app.editor.take() else {
        return false;
    };
    let text = editor.textarea.lines().join("\n").trim().to_owned();
    let now = app.now_ms;
    let existing = app
        .notes
        .iter()
        .position(|n| !n.deleted && n.item == editor.item);
    match (existing, text.is_empty()) {
        (None, true) => {
            app.status = Some("empty note not kept".into());
            return false;
        }
        (Some(i), true) => {
            delete(app, i);
            return true;
        }
        (Some(i), false) if app.notes[i].text == text => return false,
        (Some(i), false) => {
            let note = &mut app.notes[i];
            note.text = text;
            note.updated_ms = now;
            app.status = Some("note saved".into());
        }
        (None, false) => {
            app.notes_created += 1;
            let excerpt: String = item_text(&app.briefing, &editor.item)
                .unwrap_or_default()
                .chars()
                .take(EXCERPT_CHARS)
                .collect();
            app.notes.push(Note {
                id: format!("{now}-{}-{}", app.session, app.notes_created),
                item: editor.item,
                text,
                excerpt,
                created_ms: now,
                updated_ms: now,
                deleted: false,
                unknown: Map::new(),
            });
            app.status = Some("note saved".into());
        }
    }
    true
}

/// Closes the editor without keeping what was typed.
pub fn cancel(app: &mut App) {
    app.editor = None;
    app.mode = Mode::Panes;
    app.status = Some("note not changed".into());
}

/// Deletes the note at `index` (a tombstone), remembering it for undo.
pub fn delete(app: &mut App, index: usize) {
    let note = &mut app.notes[index];
    note.deleted = true;
    note.updated_ms = app.now_ms;
    app.deleted.push(note.id.clone());
    app.status = Some("note deleted; U brings it back".into());
}

/// `U`: brings back the note deleted last this session; whether it did.
pub fn undo(app: &mut App) -> bool {
    let Some(id) = app.deleted.pop() else {
        app.status = Some("no deleted note to bring back".into());
        return false;
    };
    let now = app.now_ms;
    let Some(i) = app.notes.iter().position(|n| n.id == id) else {
        return false;
    };
    // Another live note on the same item would make two: the undone one yields.
    if app
        .notes
        .iter()
        .any(|n| !n.deleted && n.item == app.notes[i].item)
    {
        app.status = Some("that item has a newer note; the deleted one stays deleted".into());
        return false;
    }
    let note = &mut app.notes[i];
    note.deleted = false;
    note.updated_ms = now;
    app.status = Some("note brought back".into());
    true
}
