//! The status line: where the reader is, a message, the search or filter being
//! typed, the warning that notes are not saved, else the most useful keys as the
//! keymap binds them, so a hint never names a key that does something else.

use ratatui::text::{Line, Span};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::fit;
use crate::app::{App, Context, Keymap, Mode, Pane, Root, Screen};
use crate::briefing::clean;

/// The library's and the speaker index's status line: the filter being typed,
/// a message, or the keys.
pub(super) fn library_status(root: &Root, theme: Theme, width: u16) -> Line<'static> {
    let context = root.context();
    let mut spans = Vec::new();
    if context == Context::Search {
        let (mark, typed) = match root.screen() {
            Screen::Speakers(_) => ("/", root.speaker_filter()),
            Screen::Found => ("search: ", root.finding().query.as_str()),
            _ => ("/", root.filter()),
        };
        let typed = format!("{mark}{}", clean(typed));
        spans.push(prompt_span(&[], &typed, width, theme));
        spans.push(hints_span(
            &spans,
            hints(root.keymap(), context),
            width,
            theme,
        ));
    } else if let Some(message) = root.status() {
        // Messages carry file names, arguments and config values: cleaned here,
        // at the edge, whatever made them.
        spans.push(Span::styled(
            format!(" {}", clean(message)),
            theme.message(),
        ));
    } else {
        spans.push(hints_span(
            &spans,
            hints(root.keymap(), context),
            width,
            theme,
        ));
    }
    fit(Line::from(spans), usize::from(width))
}

/// The open briefing's status line: where the reader is, then the search being
/// typed, a message, the warning that notes are not saved, or the keys.
pub(super) fn reader_status(app: &App, root: &Root, theme: Theme, width: u16) -> Line<'static> {
    let position = match app.mode() {
        _ if root.help().is_some() => "Help".to_owned(),
        Mode::Read { pane, .. } if is_full_map(app, pane) => "Nations · map".to_owned(),
        Mode::Read { pane, .. } => format!("{} · full view", pane.title()),
        Mode::Edit => "Note".to_owned(),
        Mode::Notes { .. } => "Notes".to_owned(),
        Mode::Confirm => "Question".to_owned(),
        Mode::Search => "Search".to_owned(),
        Mode::Panes => position(app),
    };
    let mut spans = vec![Span::styled(format!(" {position} "), theme.message())];
    if app.mouse() {
        spans.push(Span::styled("[mouse] ", theme.status()));
    }
    if app.mode() == Mode::Search {
        let prompt = app.search_prompt().unwrap_or_default();
        spans.push(prompt_span(&spans, &clean(&prompt), width, theme));
        let keys = hints(root.keymap(), Context::Search);
        spans.push(hints_span(&spans, keys, width, theme));
        return fit(Line::from(spans), usize::from(width));
    }
    match (app.status(), app.unsaved()) {
        // Messages carry file names, arguments and config values: cleaned here,
        // at the edge, whatever made them.
        (Some(message), _) => spans.push(Span::styled(
            format!(" {}", clean(message)),
            theme.message(),
        )),
        (None, Some(reason)) => spans.push(Span::styled(
            format!(" notes are NOT saved ({}); X exports them", clean(reason)),
            theme.warning(),
        )),
        (None, None) => {
            let keys = match app.mode() {
                Mode::Read { pane, .. } if is_full_map(app, pane) => {
                    keys(root.keymap(), Context::Read, FULL_MAP)
                }
                _ => hints(root.keymap(), root.context()),
            };
            spans.push(hints_span(&spans, keys, width, theme));
        }
    }
    fit(Line::from(spans), usize::from(width))
}

/// What is being typed, with the cursor: its end when it is longer than the
/// line, so the cursor stays in sight (`…d of a long query▏`).
fn prompt_span(before: &[Span], typed: &str, width: u16, theme: Theme) -> Span<'static> {
    let room = usize::from(width)
        .saturating_sub(before.iter().map(Span::width).sum())
        .saturating_sub(3);
    if typed.width() <= room {
        return Span::styled(format!(" {typed}▏ "), theme.message());
    }
    // The mark takes a column; the end of what is typed has the rest.
    let mut tail = Vec::new();
    let mut used = 0;
    for grapheme in typed.graphemes(true).rev() {
        if used + grapheme.width() + 1 > room {
            break;
        }
        used += grapheme.width();
        tail.push(grapheme);
    }
    tail.reverse();
    Span::styled(format!(" …{}▏ ", tail.concat()), theme.message())
}

/// As many whole hints as fit after `before` on a line of `width`: a hint is
/// left out rather than cut.
fn hints_span(before: &[Span], hints: Vec<String>, width: u16, theme: Theme) -> Span<'static> {
    let mut room = usize::from(width).saturating_sub(before.iter().map(Span::width).sum());
    let mut text = String::new();
    for hint in hints {
        let needed = hint.width() + if text.is_empty() { 1 } else { 2 };
        if needed > room {
            break;
        }
        room -= needed;
        text.push_str(if text.is_empty() { " " } else { "  " });
        text.push_str(&hint);
    }
    Span::styled(text, theme.status())
}

fn position(app: &App) -> String {
    let b = &app.briefing();
    match app.focus() {
        Pane::Summary => {
            let at = app.summary_item();
            let paragraphs = b.summary.len();
            if at < paragraphs {
                format!("Summary ¶{}/{paragraphs}", at + 1)
            } else {
                format!(
                    "Summary · key point {}/{}",
                    at - paragraphs + 1,
                    b.key_points.len()
                )
            }
        }
        Pane::Nations if b.nations.is_empty() => "Nations · none".into(),
        Pane::Nations => format!("Nations {}/{}", app.nation() + 1, b.nations.len()),
        Pane::Quotes if b.quotes.is_empty() => "Quotes · none".into(),
        Pane::Quotes => format!("Quotes {}/{}", app.quote() + 1, b.quotes.len()),
        Pane::Comments => match app.tree().selected() {
            Some(i) => format!("Comments {}/{}", i + 1, b.comments.len()),
            None => "Comments · none".into(),
        },
    }
}

/// The full view is the whole map, where moving picks the nation.
fn is_full_map(app: &App, pane: Pane) -> bool {
    pane == Pane::Nations && app.show_map()
}

/// The keys of the full map.
const FULL_MAP: &[(crate::app::Action, &str)] = &[
    (crate::app::Action::Close, "back"),
    (crate::app::Action::MoveDown, "next nation"),
    (crate::app::Action::MoveUp, "previous"),
    (crate::app::Action::ToggleMap, "list"),
    (crate::app::Action::Quit, "quit"),
];

/// The most useful keys for a context, read from the keymap so they never drift.
fn hints(keymap: &Keymap, context: Context) -> Vec<String> {
    use crate::app::Action as A;
    let wanted: &[(A, &str)] = match context {
        Context::Panes | Context::Global => &[
            (A::ToggleHelp, "help"),
            (A::Quit, "quit"),
            (A::FocusNext, "pane"),
            (A::NextQuote, "quote"),
            (A::EditNote, "note"),
            (A::ReadWhole, "read"),
            (A::ToggleMouse, "mouse"),
        ],
        Context::Help | Context::Read => &[
            (A::Close, "back"),
            (A::MoveDown, "scroll"),
            (A::Quit, "quit"),
        ],
        Context::Edit => &[(A::SaveNote, "keep"), (A::CancelNote, "cancel")],
        Context::Notes => &[
            (A::JumpToNote, "go to"),
            (A::DeleteNote, "delete"),
            (A::UndoDelete, "undo"),
            (A::Close, "close"),
        ],
        Context::Confirm => &[(A::Confirm, "yes"), (A::Deny, "no")],
        Context::Search => &[(A::ConfirmSearch, "keep"), (A::CancelSearch, "cancel")],
        Context::Library => &[
            (A::Open, "open"),
            (A::StartSearch, "filter"),
            (A::CycleSort, "sort"),
            (A::ShowSpeakers, "speakers"),
            (A::SearchLibrary, "search all"),
            (A::ToggleHelp, "help"),
            (A::Quit, "quit"),
        ],
        Context::Speakers => &[(A::Open, "open"), (A::Close, "back"), (A::Quit, "quit")],
        Context::Found => &[
            (A::Open, "open"),
            (A::StartSearch, "change"),
            (A::Close, "back"),
            (A::Quit, "quit"),
        ],
    };
    keys(keymap, context, wanted)
}

/// `wanted` as the keymap binds them in `context`: `j next nation  k previous`.
fn keys(keymap: &Keymap, context: Context, wanted: &[(crate::app::Action, &str)]) -> Vec<String> {
    wanted
        .iter()
        .filter_map(|(action, word)| {
            keymap
                .key_for(context, action)
                .map(|k| format!("{k} {word}"))
        })
        .collect()
}
