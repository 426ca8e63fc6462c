//! The `?` overlay: every binding in the keymap, grouped by where it applies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, centered, overlay_box};
use crate::app::keymap::{Context, Keymap};

const SECTIONS: [(Context, &str); 10] = [
    (Context::Global, "Anywhere"),
    (Context::Panes, "Reading the panes"),
    (Context::Help, "In this help"),
    (Context::Read, "In the full view (v)"),
    (Context::Edit, "Writing a note (a); other keys type"),
    (Context::Notes, "In the notes list (A)"),
    (Context::Search, "Typing a search (/); other keys type"),
    (Context::Confirm, "When asked yes or no"),
    (Context::Library, "In the library"),
    (Context::Speakers, "In the speaker index (S)"),
];

/// Every line of help, as drawn.
pub fn lines(keymap: &Keymap, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (context, heading) in SECTIONS {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(heading, theme.heading()));
        for line in keymap.help_lines(context) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<16}", line.keys), theme.accent()),
                Span::raw(line.help),
            ]));
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Mouse", theme.heading()));
    out.push(Line::raw(
        "  Off at start, so your terminal's text selection works; with M on,",
    ));
    out.push(Line::raw(
        "  the wheel scrolls the pane under the pointer and a click selects.",
    ));
    out
}

/// Draws the overlay scrolled by `scroll`; returns its length and visible height.
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    keymap: &Keymap,
    scroll: usize,
    theme: Theme,
) -> (usize, usize) {
    let lines = lines(keymap, theme);
    // Centred over the panes where there is room; the whole body where there is not.
    let area = if body.width >= 90 {
        centered(body, 76, body.height)
    } else {
        body
    };
    let total = lines.len();
    let inner = overlay_box(
        frame,
        area,
        " Keys · Esc closes · j/k scroll ".into(),
        theme,
    );
    let height = usize::from(inner.height);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    (total, height)
}
