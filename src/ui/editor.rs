//! The note editor: what the note is about, then a multi-line text area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, centered, overlay_box, text};
use crate::app::{self, App};

/// Draws the editor over the panes.
pub fn draw(frame: &mut Frame, body: Rect, app: &App, theme: Theme) {
    let Some(editor) = &app.editor else { return };
    let area = centered(body, 80, 16.min(body.height));
    let title = format!(
        " Note · {} · Ctrl-s keeps · Ctrl-g cancels ",
        app::label(&app.briefing, &editor.item)
    );
    let inner = overlay_box(frame, area, title, theme);
    let [about, input] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    let excerpt = app::item_text(&app.briefing, &editor.item).unwrap_or_default();
    let width = usize::from(about.width);
    let about_lines: Vec<Line> = text::wrap(&excerpt, width, "", "")
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(about_lines), about);
    frame.render_widget(&editor.textarea, input);
}
