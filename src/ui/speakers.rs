//! The speaker index: every speaker across the library with roles and counts; open
//! one for their quotes from every briefing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, text, window};
use crate::app::Root;

/// Draws the index, or one speaker's quotes when `open` names a speaker.
pub fn draw(frame: &mut Frame, area: Rect, root: &Root, open: Option<usize>, theme: Theme) {
    let title = match open.and_then(|s| root.speakers().get(s)) {
        Some(s) => format!(
            " {} · {} quote{} · Enter opens the briefing there · Esc back ",
            s.name,
            s.quotes.len(),
            if s.quotes.len() == 1 { "" } else { "s" }
        ),
        None if !root.speaker_filter().is_empty() => format!(
            " Speakers · {} of {} · filter: {} ",
            root.speaker_list().len(),
            root.speakers().len(),
            root.speaker_filter()
        ),
        None if root.indexing_speakers() && root.speakers().is_empty() => {
            " Speakers · indexing who said what across the library… ".to_owned()
        }
        None => format!(
            " Speakers · {} across the library{} · Enter lists their quotes ",
            root.speakers().len(),
            if root.indexing_speakers() {
                " · indexing…"
            } else {
                ""
            }
        ),
    };
    let block = super::bordered(title, area).border_style(theme.border_focused());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let mut lines = Vec::new();
    match open.and_then(|s| root.speakers().get(s)) {
        None => {
            let rows = root.speaker_list();
            let selected = root.speaker_rows().0;
            let at = rows.iter().position(|&r| r == selected).unwrap_or(0);
            let first = window::first_item(at, rows.len(), height, |_| 2);
            for (k, &i) in rows.iter().enumerate().skip(first) {
                if lines.len() >= height {
                    break;
                }
                let s = &root.speakers()[i];
                let style = if k == at {
                    theme.selected()
                } else {
                    theme.heading()
                };
                let counts = format!(
                    " · {} quote{} in {} briefing{}",
                    s.quotes.len(),
                    if s.quotes.len() == 1 { "" } else { "s" },
                    s.briefings,
                    if s.briefings == 1 { "" } else { "s" }
                );
                let head = Line::from(vec![
                    Span::styled(s.name.clone(), style),
                    Span::styled(counts, theme.dim()),
                ]);
                lines.push(text::fit(head, width));
                let roles = if s.roles.is_empty() {
                    "no role given".to_owned()
                } else {
                    s.roles.join("; ")
                };
                lines.push(Line::styled(
                    format!("  {}", text::truncate(&roles, width.saturating_sub(2))),
                    theme.dim(),
                ));
            }
        }
        Some(s) => {
            let at = root.speaker_rows().1;
            let first = window::first_item(at, s.quotes.len(), height, |_| 3);
            for (k, &(listing, _)) in s.quotes.iter().enumerate().skip(first) {
                if lines.len() >= height {
                    break;
                }
                let Ok(card) = &root.listings()[listing].card else {
                    continue;
                };
                let style = if k == at {
                    theme.selected()
                } else {
                    theme.heading()
                };
                lines.push(Line::styled(text::truncate(&card.title, width), style));
                let said = match root.quoted().texts.get(k) {
                    Some(Some(Some(words))) => format!("  “{words}”"),
                    Some(Some(None)) => "  (no longer in its file)".to_owned(),
                    _ => "  reading…".to_owned(),
                };
                lines.push(Line::raw(text::truncate(&said, width)));
                lines.push(Line::default());
            }
        }
    }
    if root.speakers().is_empty() {
        lines.push(Line::styled("No quotes in the library.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
