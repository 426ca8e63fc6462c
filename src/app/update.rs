//! `update` for the open briefing: the reader's part of `Root::update`, which
//! passes it every action meant for the briefing on screen. Pure: no files, no
//! clock, no terminal.

use super::jumps::{comments, step_quote, step_speaker};
use super::list::{self, signed};
use super::{Action, App, Effect, Mode, Pane, copy, notes};

/// Applies one action to the reader and says what the edge must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Measured(metrics) => {
            app.metrics = metrics;
            if let Some(target) = app.summary_target
                && let Some(&start) = app.metrics.summary_starts().get(target)
            {
                app.summary_scroll = start;
                app.summary_target = None;
            }
            clamp_scrolls(app);
            if app.summary_place_pending && !app.metrics.summary_starts().is_empty() {
                app.summary_item = notes::summary_item_at(app);
                app.summary_place_pending = false;
            }
            return Vec::new();
        }
        Action::Clock(now_ms) => {
            app.now_ms = now_ms;
            return Vec::new();
        }
        Action::Saved => {
            app.unsaved = None;
            return Vec::new();
        }
        Action::SaveFailed(reason) => {
            // The lasting warning says more than whatever the status line held.
            if app.unsaved.is_none() {
                app.status = None;
            }
            app.unsaved = Some(reason);
            return Vec::new();
        }
        Action::Report(message) => {
            app.status = Some(message);
            return Vec::new();
        }
        Action::ReloadFailed(reason) => {
            app.status = Some(format!(
                "the file changed but does not load ({reason}); still showing the last good version"
            ));
            return Vec::new();
        }
        Action::Indexed(built) => {
            if std::sync::Arc::ptr_eq(&built.briefing, &app.briefing) {
                app.search_index = Some(built.index);
            }
            return Vec::new();
        }
        Action::SavePlace => return vec![app.save_place()],
        // A signal: a note being typed is kept as a note.
        Action::Stop => {
            return if app.mode == Mode::Edit && notes::save(app) {
                vec![app.save()]
            } else {
                Vec::new()
            };
        }
        Action::AskOverwrite(path) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            app.status = Some(format!(
                "{name} exists and was not written by brief: overwrite it? (y/n)"
            ));
            app.pending_export = Some(path);
            app.mode = Mode::Confirm;
            return Vec::new();
        }
        _ => {}
    }
    app.status = None;
    match app.mode {
        Mode::Panes => {
            let effects = panes(app, action);
            app.mark_seen();
            effects
        }
        Mode::Edit => edit(app, action),
        Mode::Search => {
            match action {
                Action::Type(key) => app.type_search(key),
                Action::SetQuery(text) => app.set_query(&text),
                Action::ConfirmSearch => app.confirm_search(),
                Action::CancelSearch => app.cancel_search(),
                _ => {}
            }
            Vec::new()
        }
        Mode::Notes { selected } => notes_list(app, action, selected),
        Mode::Confirm => {
            app.mode = Mode::Panes;
            if action == Action::Confirm {
                return vec![Effect::Export { overwrite: true }];
            }
            app.pending_export = None;
            app.status = Some("export cancelled".into());
            Vec::new()
        }
        Mode::Read { pane, scroll } => {
            let (len, height) = (app.metrics.read.total, app.metrics.read.height);
            if action == Action::Copy {
                match copy::copy(app, pane) {
                    Ok(effect) => return vec![effect],
                    Err(why) => app.status = Some(why),
                }
            } else if action == Action::Close {
                app.mode = Mode::Panes;
            } else if pane == Pane::Nations && action == Action::ToggleMap {
                app.show_map = !app.show_map;
                app.mode = Mode::Read { pane, scroll: 0 };
            } else if pane == Pane::Nations && app.show_map {
                // The whole map is on screen: moving picks the nation instead.
                let count = app.briefing.nations.len();
                if let Some(to) = list::moved(&action, app.nation, count, count) {
                    app.nation = to;
                }
            } else if let Some(scroll) = list::scrolled(&action, scroll, len, height) {
                app.mode = Mode::Read { pane, scroll };
            }
            Vec::new()
        }
    }
}

/// The save that follows a change of the notes, if they changed.
fn saved_if(app: &App, changed: bool) -> Vec<Effect> {
    if changed {
        vec![app.save()]
    } else {
        Vec::new()
    }
}

fn edit(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        // Root leaves after this one, saving.
        Action::SaveNote | Action::SaveNoteAndQuit => {
            let changed = notes::save(app);
            saved_if(app, changed)
        }
        Action::CancelNote => {
            notes::cancel(app);
            Vec::new()
        }
        Action::Type(key) => {
            notes::type_key(app, key);
            Vec::new()
        }
        Action::Paste(text) => {
            // A paste is text from outside: what would drive the terminal when the
            // note is drawn is kept as its visible stand-in.
            notes::paste(app, &crate::briefing::clean(&text));
            Vec::new()
        }
        Action::WriteNote(text) => {
            if let Some(editor) = &mut app.editor {
                editor.textarea.select_all();
                editor.textarea.cut();
            }
            notes::paste(app, &crate::briefing::clean(&text));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn notes_list(app: &mut App, action: Action, selected: usize) -> Vec<Effect> {
    let rows = notes::listed(app);
    if let Some(to) = list::moved(&action, selected, rows.len(), 10) {
        app.mode = Mode::Notes { selected: to };
        return Vec::new();
    }
    let mut changed = false;
    let selected = match action {
        Action::Close | Action::ShowNotes => {
            app.mode = Mode::Panes;
            return Vec::new();
        }
        Action::JumpToNote => {
            if let Some(&i) = rows.get(selected) {
                if let Some(spot) = notes::spot_of(app, &app.notes[i].item) {
                    app.mode = Mode::Panes;
                    app.show(spot);
                    return Vec::new();
                }
                app.status = Some("that note's item is no longer in the briefing".into());
            }
            selected
        }
        Action::DeleteNote => {
            if let Some(&i) = rows.get(selected) {
                notes::delete(app, i);
                changed = true;
            }
            selected.min(rows.len().saturating_sub(2))
        }
        Action::UndoDelete => {
            changed = notes::undo(app);
            selected
        }
        _ => selected,
    };
    app.mode = Mode::Notes { selected };
    saved_if(app, changed)
}

fn panes(app: &mut App, action: Action) -> Vec<Effect> {
    let page = app.metrics.page[app.focus.index()].max(1);
    let half = signed(page / 2).max(1);
    match action {
        Action::Close => app.search = None,
        Action::FocusNext => app.focus = Pane::ALL[(app.focus.index() + 1) % 4],
        Action::FocusPrev => app.focus = Pane::ALL[(app.focus.index() + 3) % 4],
        Action::Focus(pane) => app.focus = pane,
        Action::MoveDown => move_by(app, app.focus, 1),
        Action::MoveUp => move_by(app, app.focus, -1),
        Action::HalfPageDown => move_by(app, app.focus, half),
        Action::HalfPageUp => move_by(app, app.focus, -half),
        Action::PageDown => move_by(app, app.focus, signed(page)),
        Action::PageUp => move_by(app, app.focus, -signed(page)),
        Action::First => move_by(app, app.focus, isize::MIN),
        Action::Last => move_by(app, app.focus, isize::MAX),
        Action::NextQuote => step_quote(app, true),
        Action::PrevQuote => step_quote(app, false),
        Action::NextSpeaker => step_speaker(app, true),
        Action::PrevSpeaker => step_speaker(app, false),
        Action::ToggleCollapse if app.focus == Pane::Nations => app.nation_lens(),
        Action::ToggleCollapse
        | Action::CollapseOrParent
        | Action::ExpandOrChild
        | Action::GoToParent
        | Action::NextSibling
        | Action::PrevSibling
        | Action::CollapseAll
        | Action::ExpandAll => comments(app, action),
        Action::ReadWhole => {
            if has_selection(app, app.focus) {
                app.mode = Mode::Read {
                    pane: app.focus,
                    scroll: 0,
                };
            } else {
                app.status = Some(format!("{} has nothing to read", app.focus.title()));
            }
        }
        Action::ToggleMap if app.focus == Pane::Nations => app.show_map = !app.show_map,
        Action::ToggleMap => app.status = Some("m shows the map in Nations (press 2)".into()),
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.status = Some(if app.mouse {
                "mouse on: wheel scrolls, click selects; M gives it back to the terminal".into()
            } else {
                "mouse off: the terminal's text selection works again".into()
            });
        }
        Action::Scroll { pane, rows } => move_by(app, pane, isize::from(rows)),
        Action::NextUnread => app.next_unread(),
        Action::StartSearch => app.start_search(),
        Action::NextMatch => app.step_match(true),
        Action::PrevMatch => app.step_match(false),
        Action::EditNote => notes::edit(app),
        Action::ShowNotes => app.mode = Mode::Notes { selected: 0 },
        Action::UndoDelete => {
            let changed = notes::undo(app);
            return saved_if(app, changed);
        }
        Action::ExportNotes => {
            if app.notes.iter().all(|n| n.deleted) {
                app.status = Some("no notes to export yet; a writes one".into());
            } else {
                return vec![Effect::Export { overwrite: false }];
            }
        }
        Action::Copy | Action::CopyAddress | Action::OpenSource => {
            let asked = match action {
                Action::Copy => copy::copy(app, app.focus),
                Action::CopyAddress => copy::copy_address(app, app.focus),
                _ => copy::open_source(app),
            };
            match asked {
                Ok(effect) => return vec![effect],
                Err(why) => app.status = Some(why),
            }
        }
        Action::PageOrCollapse if app.focus == Pane::Comments => {
            comments(app, Action::ToggleCollapse);
        }
        Action::PageOrCollapse => move_by(app, app.focus, signed(page)),
        Action::Click { pane, item } => {
            app.focus = pane;
            if let Some(item) = item {
                select(app, pane, item);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Moves within one pane by `delta` rows; `isize::MIN` and `MAX` go to either end.
fn move_by(app: &mut App, pane: Pane, delta: isize) {
    let step = |at: usize, len: usize| at.saturating_add_signed(delta).min(len.saturating_sub(1));
    match pane {
        // j and k, g and G move the selected paragraph or key point, and the
        // pane follows it; paging and the wheel scroll, and the selection
        // follows to the item on top.
        Pane::Summary => {
            let count = app.briefing.summary.len() + app.briefing.key_points.len();
            match delta {
                isize::MIN => select_summary(app, 0),
                isize::MAX => select_summary(app, count.saturating_sub(1)),
                -1 | 1 => select_summary(app, step(app.summary_item, count)),
                _ => {
                    app.summary_scroll = app.summary_scroll.saturating_add_signed(delta);
                    clamp_scrolls(app);
                    app.summary_item = notes::summary_item_at(app);
                }
            }
        }
        Pane::Nations => app.nation = step(app.nation, app.briefing.nations.len()),
        Pane::Quotes => app.quote = step(app.quote, app.quote_order.len()),
        Pane::Comments => match delta {
            isize::MIN => app.tree.first(),
            isize::MAX => app.tree.last(),
            _ => app.tree.move_by(delta),
        },
    }
}

/// Selects summary item `index` and scrolls just enough to show it whole (or
/// its start, when it is taller than the pane).
fn select_summary(app: &mut App, index: usize) {
    app.summary_item = index;
    let starts = app.metrics.summary_starts();
    let Some(&start) = starts.get(index) else {
        // Not measured yet: scrolled to once it is.
        app.summary_target = Some(index);
        return;
    };
    let end = starts
        .get(index + 1)
        .copied()
        .unwrap_or_else(|| app.metrics.summary_lines());
    let page = app.metrics.page[Pane::Summary.index()].max(1);
    if start < app.summary_scroll {
        app.summary_scroll = start;
    } else if end > app.summary_scroll + page {
        app.summary_scroll = start.min(end.saturating_sub(page));
    }
    clamp_scrolls(app);
}

fn select(app: &mut App, pane: Pane, item: usize) {
    match pane {
        Pane::Summary => {}
        Pane::Nations => app.nation = item.min(app.briefing.nations.len().saturating_sub(1)),
        Pane::Quotes => app.quote = item.min(app.quote_order.len().saturating_sub(1)),
        Pane::Comments => {
            app.tree.select(&app.briefing.comments, item);
        }
    }
}

fn has_selection(app: &App, pane: Pane) -> bool {
    match pane {
        Pane::Summary => true,
        Pane::Nations => !app.briefing.nations.is_empty(),
        Pane::Quotes => !app.quote_order.is_empty(),
        Pane::Comments => app.tree.selected().is_some(),
    }
}

fn clamp_scrolls(app: &mut App) {
    let page = app.metrics.page[Pane::Summary.index()];
    let max = app.metrics.summary_lines().saturating_sub(page);
    app.summary_scroll = app.summary_scroll.min(max);
}

/// A key typed into a one-line field: a character is added, Backspace takes one away.
pub fn edit_text(text: &mut String, key: super::Key) {
    use ratatui::crossterm::event::KeyCode;
    match key.code {
        KeyCode::Char(c) if key.mods.is_empty() => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => {}
    }
}
