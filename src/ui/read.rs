//! The full view (`v`): the selected item of a pane, whole, wrapped and scrollable.
//!
//! The item is a list of parts (a line, or text to wrap); only the lines on
//! screen are built, so a 10 MB comment costs a screenful to draw. Its length at
//! the drawn width is counted once and kept in the metrics until the item or the
//! width changes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use std::sync::Arc;

use super::text::{line_marks, truncate, window_from};
use super::{Theme, overlay_box, summary};
use crate::app::{App, LineMarks, Pane, ReadLength};

/// One piece of the full view.
enum Part<'a> {
    /// A line drawn as it is.
    Line(Line<'static>),
    /// Text wrapped to the view, `first` before its first line and `rest` before the others.
    Text {
        text: std::borrow::Cow<'a, str>,
        first: &'static str,
        rest: &'static str,
        style: Style,
    },
}

impl Part<'_> {
    fn marks(&self, width: usize) -> LineMarks {
        match self {
            Part::Line(_) => LineMarks {
                lines: 1,
                marks: vec![0],
            },
            Part::Text {
                text, first, rest, ..
            } => line_marks(text, width, first, rest),
        }
    }

    fn lines(
        &self,
        marks: &LineMarks,
        width: usize,
        skip: usize,
        take: usize,
    ) -> Vec<Line<'static>> {
        match self {
            Part::Line(line) => std::iter::once(line.clone())
                .skip(skip)
                .take(take)
                .collect(),
            Part::Text {
                text,
                first,
                rest,
                style,
            } => window_from(marks, text, width, (first, rest), skip, take)
                .into_iter()
                .map(|line| Line::from(Span::styled(line, *style)))
                .collect(),
        }
    }
}

/// Draws the full view; returns its length at this width, and the visible height.
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    pane: Pane,
    scroll: usize,
    theme: Theme,
) -> ReadLength {
    let width = usize::from(body.width.saturating_sub(2)).max(1);
    let inner_height = usize::from(body.height.saturating_sub(2));
    let item = ReadLength::item_of(app, pane);
    if pane == Pane::Nations && app.show_map() {
        let title = format!(
            " Map · nation {} of {} · j/k select · Esc returns ",
            app.nation() + 1,
            app.briefing().nations.len()
        );
        let inner = overlay_box(frame, body, title, theme);
        super::map::draw(frame, inner, app, theme, theme.selected(), true);
        return ReadLength {
            item: Some(item),
            width,
            height: usize::from(inner.height),
            ..ReadLength::default()
        };
    }
    let (title, mut shown, total, measured) = if pane == Pane::Summary {
        let (lines, total) = summary::window(app, width, scroll, inner_height, theme);
        ("Summary".to_owned(), lines, total, Arc::default())
    } else {
        let (title, parts) = content(app, pane, width, theme);
        let measured = match &app.metrics().read {
            known if known.is_for(item, width) && known.parts.len() == parts.len() => {
                Arc::clone(&known.parts)
            }
            _ => Arc::new(parts.iter().map(|p| p.marks(width)).collect()),
        };
        let total = measured.iter().map(|m| m.lines).sum();
        let shown = window(&parts, &measured, width, scroll, inner_height);
        (title, shown, total, measured)
    };
    let inner = overlay_box(frame, body, format!(" {title} · Esc returns "), theme);
    super::text::mark(
        &mut shown,
        app.search().as_ref().map(|s| &s.query),
        theme.found(),
    );
    frame.render_widget(Paragraph::new(shown), inner);
    ReadLength {
        item: Some(item),
        width,
        total,
        parts: measured,
        height: usize::from(inner.height),
    }
}

/// Lines `first..first + count` of the parts, wrapping only what they show.
fn window(
    parts: &[Part],
    measured: &[LineMarks],
    width: usize,
    first: usize,
    count: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(count);
    let mut skip = first;
    for (part, marks) in parts.iter().zip(measured) {
        if out.len() >= count {
            break;
        }
        if skip >= marks.lines {
            skip -= marks.lines;
            continue;
        }
        out.extend(part.lines(marks, width, skip, count - out.len()));
        skip = 0;
    }
    out
}

fn content<'a>(app: &'a App, pane: Pane, width: usize, theme: Theme) -> (String, Vec<Part<'a>>) {
    let b = &app.briefing();
    let mut parts = Vec::new();
    let text = |text: &'a str, first, rest, style| Part::Text {
        text: text.into(),
        first,
        rest,
        style,
    };
    let plain = Style::new();
    let title = match pane {
        // Drawn from the summary's own layout (`summary::window`).
        Pane::Summary => "Summary".to_owned(),
        Pane::Nations => {
            let n = &b.nations[app.nation().min(b.nations.len().saturating_sub(1))];
            let code = n
                .code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            parts.push(Part::Line(Line::styled(
                format!("{}{code}", n.name),
                theme.heading(),
            )));
            if let Some(note) = &n.note {
                parts.push(Part::Line(Line::default()));
                parts.push(text(note, "", "", plain));
            }
            format!("Nation {} of {}", app.nation() + 1, b.nations.len())
        }
        Pane::Quotes => {
            let q = &b.quotes[app.selected_quote().unwrap_or(0)];
            parts.push(Part::Line(Line::styled(q.speaker.clone(), theme.heading())));
            if let Some(role) = &q.role {
                parts.push(text(role, "", "", theme.dim()));
            }
            if let Some(context) = &q.context {
                parts.push(text(context, "— ", "  ", theme.dim()));
            }
            parts.push(Part::Line(Line::default()));
            parts.push(Part::Text {
                text: format!("“{}”", q.text).into(),
                first: "",
                rest: "",
                style: plain,
            });
            parts.push(Part::Line(Line::default()));
            parts.push(Part::Line(Line::styled(
                format!("{}#{}", b.id, q.id),
                theme.dim(),
            )));
            format!("Quote {} of {}", app.quote() + 1, b.quotes.len())
        }
        Pane::Comments => {
            let i = app.tree().selected().unwrap_or(0);
            let c = &b.comments[i];
            let author = c.author.as_deref().unwrap_or("anonymous").to_owned();
            let mut head = vec![Span::styled(author, theme.heading())];
            if let Some(posted) = b.comment_posted(i) {
                head.push(Span::styled(format!(" · {posted}"), theme.dim()));
            }
            let depth = match c.depth {
                0 => " · top level".to_owned(),
                d => format!(" · depth {d}"),
            };
            head.push(Span::styled(depth, theme.dim()));
            parts.push(Part::Line(Line::from(head)));
            if let Some(p) = c.parent {
                let parent = &b.comments[p];
                let who = parent.author.clone().unwrap_or_else(|| "anonymous".into());
                let first = truncate(b.comment_text(p), width.saturating_sub(who.len() + 16));
                parts.push(Part::Line(Line::styled(
                    format!("in reply to {who}: {first}"),
                    theme.dim(),
                )));
            }
            parts.push(Part::Line(Line::default()));
            parts.push(text(b.comment_text(i), "", "", plain));
            parts.push(Part::Line(Line::default()));
            parts.push(Part::Line(Line::styled(
                format!("{}#{}", b.id, b.comment_id(i)),
                theme.dim(),
            )));
            format!("Comment {} of {}", i + 1, b.comments.len())
        }
    };
    if let Some(item) = crate::app::selected_item_in(app, pane)
        && let Some(note) = app.note_on(&item)
    {
        parts.push(Part::Line(Line::default()));
        parts.push(Part::Line(Line::styled("Your note", theme.heading())));
        parts.push(text(&note.text, "", "", theme.accent()));
    }
    (title, parts)
}
