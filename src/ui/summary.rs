//! The Summary pane: paragraphs reflowed to the width, then key points, tags and source.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::wrap_into;
use super::{PaneView, Theme};
use crate::briefing::Briefing;

/// Draws the summary scrolled by `scroll` lines; returns its length and the height shown.
pub fn draw(frame: &mut Frame, view: &PaneView, scroll: usize) -> (usize, usize) {
    let lines = lines(&view.app.briefing, usize::from(view.area.width), view.theme);
    let total = lines.len();
    let height = usize::from(view.area.height);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), view.area);
    (total, height)
}

/// The whole summary as lines wrapped to `width`.
pub fn lines(b: &Briefing, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut out = Vec::new();
    if let Some(subtitle) = &b.subtitle {
        wrap_into(&mut out, subtitle, width, "", "", theme.heading());
        out.push(Line::default());
    }
    for (i, paragraph) in b.summary.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        wrap_into(&mut out, paragraph, width, "", "", Style::new());
    }
    if !b.key_points.is_empty() {
        heading(&mut out, "Key points", theme);
        for point in &b.key_points {
            wrap_into(&mut out, point, width, "• ", "  ", Style::new());
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
    out
}

fn heading(out: &mut Vec<Line<'static>>, text: &'static str, theme: Theme) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(text, theme.heading())));
}
