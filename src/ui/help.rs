//! The `?` overlay: every binding in force, grouped by where it applies, filtered
//! by what is typed while it is open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::text::wrap;
use super::{Theme, centered, overlay_box};
use crate::app::keymap::{Context, Keymap};

const SECTIONS: [(Context, &str); 11] = [
    (Context::Global, "Anywhere"),
    (Context::Panes, "Reading the panes"),
    (Context::Help, "In this help (type to filter)"),
    (Context::Read, "In the full view (v)"),
    (Context::Edit, "Writing a note (a); other keys type"),
    (Context::Notes, "In the notes list (A)"),
    (Context::Search, "Typing a search (/); other keys type"),
    (Context::Confirm, "When asked yes or no"),
    (Context::Library, "In the library"),
    (Context::Speakers, "In the speaker index (S)"),
    (
        Context::Found,
        "In the library search's hits (F); typing: Enter keeps, Esc stops",
    ),
];

const NOTES: [(&str, &[&str]); 2] = [
    (
        "Mouse",
        &[
            "Off at start, so your terminal's text selection works; with M on,",
            "the wheel scrolls the pane under the pointer and a click selects.",
        ],
    ),
    (
        "Marks",
        &[
            "• unread   ✎ has a note   new: added since you last opened it",
            "[+3, 2 unread]: a collapsed comment hides 3 replies, 2 unread",
        ],
    ),
];

/// Where descriptions start, after the keys.
const KEYS_WIDTH: usize = 18;

/// The lines of help at `width`, keeping only what mentions `filter` (keys, what
/// they do, the action's config name or the section), case-insensitively. A
/// description too long for the line wraps under itself, never cut.
pub fn lines(keymap: &Keymap, theme: Theme, filter: &str, width: usize) -> Vec<Line<'static>> {
    let filter = filter.to_lowercase();
    let wanted = |texts: &[&str]| {
        filter.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(&filter))
    };
    let mut out = Vec::new();
    for (context, heading) in SECTIONS {
        let section_matches = wanted(&[heading]);
        let rows: Vec<_> = keymap
            .help_lines(context)
            .into_iter()
            .filter(|l| section_matches || wanted(&[&l.keys, l.help, l.action]))
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(heading, theme.heading()));
        for line in rows {
            let keys = format!("  {:<16}", line.keys);
            // Keys longer than their column push the description on.
            let indent = keys.width().max(KEYS_WIDTH);
            let wrapped = wrap(line.help, width.saturating_sub(indent).max(10), "", "");
            for (i, part) in wrapped.into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(keys.clone(), theme.accent())
                } else {
                    Span::raw(" ".repeat(indent))
                };
                out.push(Line::from(vec![lead, Span::raw(part)]));
            }
        }
    }
    for (heading, text) in NOTES {
        if wanted(&[heading]) || text.iter().any(|t| wanted(&[t])) {
            out.push(Line::default());
            out.push(Line::styled(heading, theme.heading()));
            let paragraph = text.join(" ");
            out.extend(
                wrap(&paragraph, width.max(12), "  ", "  ")
                    .into_iter()
                    .map(Line::raw),
            );
        }
    }
    if out.is_empty() {
        out.push(Line::styled(
            format!("Nothing matches “{filter}”; Backspace to widen."),
            theme.dim(),
        ));
    }
    out
}

/// Draws the overlay scrolled by `scroll`; returns its length and visible height.
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    keymap: &Keymap,
    filter: &str,
    scroll: usize,
    theme: Theme,
) -> (usize, usize) {
    // Centred over the panes where there is room; the whole body where there is not.
    let area = if body.width >= 90 {
        centered(body, 76, body.height)
    } else {
        body
    };
    let lines = lines(
        keymap,
        theme,
        filter,
        usize::from(area.width.saturating_sub(2)),
    );
    let total = lines.len();
    let title = if filter.is_empty() {
        " Keys · type to filter · Esc closes ".to_owned()
    } else {
        format!(" Keys matching “{filter}” · Esc closes ")
    };
    let inner = overlay_box(frame, area, title, theme);
    let height = usize::from(inner.height);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    (total, height)
}
