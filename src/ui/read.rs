//! The full view (`v`): the selected item of a pane, whole, wrapped and scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::wrap_into;
use super::{Theme, overlay_box, summary};
use crate::app::{App, Pane};

/// Draws the full view; returns its length and visible height in lines.
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    pane: Pane,
    scroll: usize,
    theme: Theme,
) -> (usize, usize) {
    let (title, lines) = content(app, pane, usize::from(body.width.saturating_sub(2)), theme);
    let inner = overlay_box(frame, body, format!(" {title} · Esc returns "), theme);
    let height = usize::from(inner.height);
    let total = lines.len();
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    super::text::mark(
        &mut shown,
        app.search.as_ref().map(|s| &s.query),
        theme.found(),
    );
    frame.render_widget(Paragraph::new(shown), inner);
    (total, height)
}

fn content(app: &App, pane: Pane, width: usize, theme: Theme) -> (String, Vec<Line<'static>>) {
    let b = &app.briefing;
    let mut lines = Vec::new();
    let plain = ratatui::style::Style::new();
    let title = match pane {
        Pane::Summary => {
            lines = summary::all_lines(app, width, theme);
            "Summary".to_owned()
        }
        Pane::Nations => {
            let n = &b.nations[app.nation.min(b.nations.len().saturating_sub(1))];
            let code = n
                .code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            lines.push(Line::styled(format!("{}{code}", n.name), theme.heading()));
            if let Some(note) = &n.note {
                lines.push(Line::default());
                wrap_into(&mut lines, note, width, "", "", plain);
            }
            format!("Nation {} of {}", app.nation + 1, b.nations.len())
        }
        Pane::Quotes => {
            let q = &b.quotes[app.selected_quote().unwrap_or(0)];
            lines.push(Line::styled(q.speaker.clone(), theme.heading()));
            if let Some(role) = &q.role {
                wrap_into(&mut lines, role, width, "", "", theme.dim());
            }
            if let Some(context) = &q.context {
                wrap_into(&mut lines, context, width, "— ", "  ", theme.dim());
            }
            lines.push(Line::default());
            wrap_into(&mut lines, &format!("“{}”", q.text), width, "", "", plain);
            lines.push(Line::default());
            lines.push(Line::styled(format!("{}#{}", b.id, q.id), theme.dim()));
            format!("Quote {} of {}", app.quote + 1, b.quotes.len())
        }
        Pane::Comments => {
            let i = app.tree.selected().unwrap_or(0);
            let c = &b.comments[i];
            let author = c.author.clone().unwrap_or_else(|| "anonymous".into());
            let mut head = vec![Span::styled(author, theme.heading())];
            if let Some(posted) = &c.posted {
                head.push(Span::styled(format!(" · {posted}"), theme.dim()));
            }
            let depth = match c.depth {
                0 => " · top level".to_owned(),
                d => format!(" · depth {d}"),
            };
            head.push(Span::styled(depth, theme.dim()));
            lines.push(Line::from(head));
            if let Some(p) = c.parent {
                let parent = &b.comments[p];
                let who = parent.author.clone().unwrap_or_else(|| "anonymous".into());
                let first =
                    super::text::truncate(&parent.text, width.saturating_sub(who.len() + 16));
                lines.push(Line::styled(
                    format!("in reply to {who}: {first}"),
                    theme.dim(),
                ));
            }
            lines.push(Line::default());
            wrap_into(&mut lines, &c.text, width, "", "", plain);
            lines.push(Line::default());
            lines.push(Line::styled(format!("{}#{}", b.id, c.id), theme.dim()));
            format!("Comment {} of {}", i + 1, b.comments.len())
        }
    };
    if let Some(item) = crate::app::selected_item_in(app, pane)
        && let Some(note) = app.note_on(&item)
    {
        lines.push(Line::default());
        lines.push(Line::styled("Your note", theme.heading()));
        wrap_into(&mut lines, &note.text, width, "", "", theme.accent());
    }
    (title, lines)
}
