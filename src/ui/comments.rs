//! The Comments pane: the tree with guides (`│ ├ └`), author and depth, collapsed
//! counts, and a pinned line naming the ancestors of a deep selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Hit, PaneView, text, window};
use crate::app::{App, Pane};
use crate::briefing::Comment;
use crate::state::ItemRef;

/// The pane title: how many comments there are, and how many the source reported.
pub fn title(app: &App) -> String {
    let b = &app.briefing();
    let present = b.comments.len();
    match b.comments_reported {
        Some(reported) if reported > present as u64 => {
            format!(" 4 Comments · {present} of {reported} ")
        }
        _ => format!(" 4 Comments · {present} "),
    }
}

/// Draws the visible comments; returns how many fit on one screen.
pub fn draw(frame: &mut Frame, view: &PaneView, hits: &mut Vec<Hit>) -> usize {
    let app = view.app;
    let comments = &app.briefing().comments;
    let (Some(selected), Some(position)) = (app.tree().selected(), app.tree().position()) else {
        frame.render_widget(
            Paragraph::new("No comments.").style(view.theme.dim()),
            view.area,
        );
        return 1;
    };
    let tree = app.tree();
    let row = |k: usize| tree.visible_row(k).unwrap_or(selected);
    let width = usize::from(view.area.width);
    let mut area = view.area;
    // Heights past the screen's change nothing in where the window starts, so a
    // long comment is measured only that far.
    let cap = usize::from(area.height) + 1;
    let height_of = |k: usize| comment_height(view, row(k), width, cap);
    let mut first = window::first_item(
        position,
        tree.visible_len(),
        usize::from(area.height),
        height_of,
    );
    let parent_hidden = comments[selected].parent.is_some_and(|p| row(first) > p);
    if parent_hidden && area.height > 2 {
        let pinned = Rect { height: 1, ..area };
        frame.render_widget(ancestors(view, selected, width), pinned);
        area.y += 1;
        area.height -= 1;
        first = window::first_item(
            position,
            tree.visible_len(),
            usize::from(area.height),
            height_of,
        );
    }
    let height = usize::from(area.height);
    let mut y = 0usize;
    let mut fitted = 0;
    for index in tree.visible_from(first) {
        if y >= height {
            break;
        }
        let room = height - y;
        let mut lines = comment_lines(view, index, width, room);
        view.mark(&mut lines);
        let shown = lines.len().min(room);
        let row_area = Rect::new(
            area.x,
            area.y + u16::try_from(y).unwrap_or(u16::MAX),
            area.width,
            u16::try_from(shown).unwrap_or(u16::MAX),
        );
        hits.push(Hit {
            area: row_area,
            pane: Pane::Comments,
            item: Some(index),
        });
        fitted += usize::from(comment_height(view, index, width, room + 1) <= room);
        frame.render_widget(Paragraph::new(lines), row_area);
        y += shown;
    }
    fitted
}

/// The narrowest the text column may get: 40 columns, or half the pane if that is less.
fn min_text_width(width: usize) -> usize {
    40.min(width / 2)
}

/// A comment's height in lines (header, text, the note under it), counted no
/// further than `cap`.
fn comment_height(view: &PaneView, index: usize, width: usize, cap: usize) -> usize {
    let app = view.app;
    let comments = &app.briefing().comments;
    let text_width = text_width(comments, index, width);
    let mut lines =
        1 + text::wrapped_height_upto(app.briefing().comment_text(index), text_width, "", "", cap);
    if lines < cap
        && let Some(note) = app.note_on(&ItemRef::Comment(
            app.briefing().comment_id(index).to_owned(),
        ))
    {
        lines += text::wrapped_height_upto(&note.text, text_width, "✎ ", "  ", cap - lines);
    }
    lines.min(cap)
}

/// The width left for a comment's text after its guides.
fn text_width(comments: &[Comment], index: usize, width: usize) -> usize {
    width
        .saturating_sub(prefixes(comments, index, width).1.width())
        .max(1)
}

/// The first `max` lines of a comment: its header, then its text and note as far
/// as they fit, so a 10 MB comment is wrapped only as far as the screen shows.
fn comment_lines(view: &PaneView, index: usize, width: usize, max: usize) -> Vec<Line<'static>> {
    let app = view.app;
    let comments = &app.briefing().comments;
    let c = &comments[index];
    let theme = view.theme;
    let (head_prefix, text_prefix) = prefixes(comments, index, width);
    let text_width = width.saturating_sub(text_prefix.width()).max(1);
    let author = c.author.as_deref().unwrap_or("anonymous").to_owned();
    let mut header = vec![Span::styled(head_prefix, theme.dim())];
    let head_style = if index == app.tree().selected().unwrap_or(usize::MAX) {
        view.selected_style()
    } else {
        theme.heading()
    };
    let note = app
        .note_on(&ItemRef::Comment(
            app.briefing().comment_id(index).to_owned(),
        ))
        .is_some();
    if !app.seen_comments()[index] {
        header.push(Span::styled("• ", theme.accent()));
    }
    header.push(Span::styled(author, head_style));
    if app.new_comments()[index] {
        header.push(Span::styled(" new", theme.accent()));
    }
    if note {
        header.push(Span::styled(" ✎", theme.accent()));
    }
    let mut facts = Vec::new();
    if c.depth > 0 {
        facts.push(format!("depth {}", c.depth));
    }
    if let Some(posted) = app.briefing().comment_posted(index) {
        facts.push(posted.to_string());
    }
    if !facts.is_empty() {
        header.push(Span::styled(
            format!(" · {}", facts.join(" · ")),
            theme.dim(),
        ));
    }
    if app.tree().is_collapsed(index) {
        let hidden = c.descendants(index);
        let label = match app.unread_below(index) {
            0 => format!(" [+{hidden}]"),
            unread => format!(" [+{hidden}, {unread} unread]"),
        };
        header.push(Span::styled(label, theme.accent()));
    }
    let mut lines = vec![text::fit(Line::from(header), width)];
    let room = max.saturating_sub(1);
    for line in text::wrap_window(
        app.briefing().comment_text(index),
        text_width,
        "",
        "",
        0,
        room,
    ) {
        lines.push(Line::from(vec![
            Span::styled(text_prefix.clone(), theme.dim()),
            Span::raw(line),
        ]));
    }
    // The reader's own note sits under the comment it is about.
    let room = max.saturating_sub(lines.len());
    if let Some(note) = app
        .note_on(&ItemRef::Comment(
            app.briefing().comment_id(index).to_owned(),
        ))
        .filter(|_| room > 0)
    {
        for line in text::wrap_window(&note.text, text_width, "✎ ", "  ", 0, room) {
            lines.push(Line::from(vec![
                Span::styled(text_prefix.clone(), theme.dim()),
                Span::styled(line, theme.accent()),
            ]));
        }
    }
    lines
}

/// The guides before a comment's header and before its text lines.
fn prefixes(comments: &[Comment], index: usize, width: usize) -> (String, String) {
    let c = &comments[index];
    if c.depth == 0 {
        return (String::new(), String::new());
    }
    let room = width.saturating_sub(min_text_width(width));
    if 2 * (c.depth - 1) + 3 > room {
        // Too deep to indent further: the text column stays put and the depth is a number.
        let mark = format!("↳{} ", c.depth);
        let w = room.max(mark.width());
        return (format!("{mark:>w$}"), " ".repeat(w));
    }
    let mut ancestors = Vec::with_capacity(c.depth);
    let mut up = c.parent;
    while let Some(p) = up {
        ancestors.push(p);
        up = comments[p].parent;
    }
    // Columns for levels 1..depth-1, outermost first; the top-level ancestor draws none.
    let mut head = String::new();
    for &a in ancestors.iter().rev().skip(1) {
        head.push_str(if has_next_sibling(comments, a) {
            "│ "
        } else {
            "  "
        });
    }
    let mut body = head.clone();
    let last = !has_next_sibling(comments, index);
    head.push_str(if last { "└─ " } else { "├─ " });
    body.push_str(if last { "   " } else { "│  " });
    (head, body)
}

fn has_next_sibling(comments: &[Comment], index: usize) -> bool {
    let next = comments[index].subtree_end;
    next < comments.len() && comments[next].parent == comments[index].parent
}

/// `↳ anonymous › anonymous › …`: whom the selection replies to, nearest last.
fn ancestors(view: &PaneView, selected: usize, width: usize) -> Line<'static> {
    let comments = &view.app.briefing().comments;
    let mut names = Vec::new();
    let mut up = comments[selected].parent;
    while let Some(p) = up {
        names.push(
            comments[p]
                .author
                .clone()
                .unwrap_or_else(|| "anonymous".into()),
        );
        up = comments[p].parent;
    }
    names.reverse();
    let mut text = format!("↳ {}", names.join(" › "));
    if text.width() > width {
        // Keep the nearest ancestors: they say what this comment answers.
        let mut kept: Vec<&str> = Vec::new();
        let mut used = "↳ … › ".width();
        for name in names.iter().rev() {
            used += name.width() + " › ".width();
            if used > width {
                break;
            }
            kept.push(name);
        }
        kept.reverse();
        text = text::truncate(&format!("↳ … › {}", kept.join(" › ")), width);
    }
    Line::styled(text, view.theme.dim())
}
