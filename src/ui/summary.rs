//! The Summary pane: paragraphs reflowed to the width, then key points, tags and
//! source. A paragraph or key point with a note carries `✎`.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::wrap_into;
use super::{PaneView, Theme};
use crate::app::App;
use crate::state::ItemRef;

/// Draws the summary scrolled by `scroll` lines; returns its length, where each
/// paragraph and key point starts, and the height shown.
pub fn draw(frame: &mut Frame, view: &PaneView, scroll: usize) -> (usize, Vec<usize>, usize) {
    let (lines, starts) = lines(view.app, usize::from(view.area.width), view.theme);
    let total = lines.len();
    let height = usize::from(view.area.height);
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    view.mark(&mut shown);
    frame.render_widget(Paragraph::new(shown), view.area);
    (total, starts, height)
}

/// The whole summary as lines wrapped to `width`, and the line where each
/// paragraph, then each key point, starts.
pub fn lines(app: &App, width: usize, theme: Theme) -> (Vec<Line<'static>>, Vec<usize>) {
    let b = &app.briefing;
    let width = width.max(1);
    let mut out = Vec::new();
    let mut starts = Vec::with_capacity(b.summary.len() + b.key_points.len());
    if let Some(subtitle) = &b.subtitle {
        wrap_into(&mut out, subtitle, width, "", "", theme.heading());
        out.push(Line::default());
    }
    for (i, paragraph) in b.summary.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        starts.push(out.len());
        let mark = if app.note_on(&ItemRef::Summary(i + 1)).is_some() {
            "✎ "
        } else {
            ""
        };
        wrap_into(&mut out, paragraph, width, mark, "", Style::new());
    }
    if !b.key_points.is_empty() {
        heading(&mut out, "Key points", theme);
        for (i, point) in b.key_points.iter().enumerate() {
            starts.push(out.len());
            let mark = if app.note_on(&ItemRef::KeyPoint(i + 1)).is_some() {
                "✎ "
            } else {
                "• "
            };
            wrap_into(&mut out, point, width, mark, "  ", Style::new());
        }
    }
    if !b.tags.is_empty() {
        heading(&mut out, "Tags", theme);
        wrap_into(&mut out, &b.tags.join(" · "), width, "", "", theme.accent());
    }
    let s = &b.source;
    let facts: Vec<(&str, &String)> = [
        ("Author", &s.author),
        ("Publication", &s.publication),
        ("Published", &s.published),
        ("Address", &s.url),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| (label, v)))
    .collect();
    if !facts.is_empty() || s.author_bio.is_some() {
        heading(&mut out, "Source", theme);
        for (label, value) in facts {
            wrap_into(
                &mut out,
                &format!("{label}: {value}"),
                width,
                "",
                "  ",
                Style::new(),
            );
        }
        if let Some(bio) = &s.author_bio {
            wrap_into(&mut out, bio, width, "", "", theme.dim());
        }
    }
    (out, starts)
}

fn heading(out: &mut Vec<Line<'static>>, text: &'static str, theme: Theme) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(text, theme.heading())));
}
