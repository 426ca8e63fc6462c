//! The notes list (`A`): every note of the briefing with what it is about, in the
//! briefing's order; orphaned notes (whose item was edited out) last.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, centered, overlay_box, text, window};
use crate::app::{self, App};

/// Draws the list over the panes with row `selected` highlighted.
pub fn draw(frame: &mut Frame, body: Rect, app: &App, selected: usize, theme: Theme) {
    let rows = app::listed(app);
    let area = if body.width >= 90 {
        centered(body, 86, body.height)
    } else {
        body
    };
    let title = format!(
        " Notes · {} · Enter goes to · d deletes · U undoes · Esc closes ",
        rows.len()
    );
    let inner = overlay_box(frame, area, title, theme);
    if rows.is_empty() {
        let hint = "No notes yet. Select an item in any pane and press a to write one.";
        frame.render_widget(Paragraph::new(hint).style(theme.dim()), inner);
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let selected = selected.min(rows.len() - 1);
    let first = window::first_item(selected, rows.len(), height, |_| 3);
    let mut lines = Vec::new();
    for (k, &i) in rows.iter().enumerate().skip(first) {
        let note = &app.notes()[i];
        let orphaned = app::item_text(app.briefing(), &note.item).is_none();
        let about = if orphaned {
            format!("(item gone) {} — {}", note.item, note.excerpt)
        } else {
            format!(
                "{} — {}",
                app::label(app.briefing(), &note.item),
                app::item_text(app.briefing(), &note.item).unwrap_or_default()
            )
        };
        let style = if k == selected {
            theme.selected()
        } else {
            theme.heading()
        };
        lines.push(Line::from(Span::styled(
            text::truncate(&about, width),
            style,
        )));
        lines.push(Line::raw(format!(
            "  {}",
            text::truncate(&note.text, width.saturating_sub(2))
        )));
        lines.push(Line::default());
        if lines.len() >= height {
            break;
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
