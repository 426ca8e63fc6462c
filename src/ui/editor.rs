//! The note editor: what the note is about, then a multi-line text area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, centered, overlay_box, text};
use crate::app::{self, Action, App, Context, Keymap};

/// Draws the editor over the panes.
pub fn draw(frame: &mut Frame, body: Rect, app: &App, keymap: &Keymap, theme: Theme) {
    let Some(editor) = &app.editor() else { return };
    let area = centered(body, 80, 16.min(body.height));
    // The keys as the user's config binds them.
    let key = |action| {
        keymap
            .key_for(Context::Edit, &action)
            .map_or_else(String::new, |k| k.to_string())
    };
    let title = format!(
        " Note · {} · {} keeps · {} cancels ",
        app::label(app.briefing(), &editor.item),
        key(Action::SaveNote),
        key(Action::CancelNote)
    );
    let inner = overlay_box(frame, area, title, theme);
    let [about, input] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(inner);
    let excerpt = app::item_text(app.briefing(), &editor.item).unwrap_or_default();
    let width = usize::from(about.width);
    let wrapped = text::wrap(&excerpt, width, "", "");
    let about_lines: Vec<Line> = text::first_lines(wrapped, usize::from(about.height), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(about_lines), about);
    let block = Block::new()
        .borders(Borders::TOP)
        .title(" your note ")
        .border_style(theme.border());
    let typing = block.inner(input);
    frame.render_widget(block, input);
    frame.render_widget(&editor.textarea, typing);
}
