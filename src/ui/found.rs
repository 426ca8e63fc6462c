//! The library search (`F`): what is being looked for, and each briefing found
//! with the kind of item that matched and the text around the match, marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, text, window};
use crate::app::{Cataloging, Root};
use crate::search::Query;

/// Draws the hits into `area`.
pub fn draw(frame: &mut Frame, area: Rect, root: &Root, theme: Theme) {
    let f = root.finding();
    let how = match (f.scanned, root.cataloging()) {
        (true, Cataloging::Building { .. }) => " · scanned while the catalog builds",
        (true, _) => " · scanned, in library order",
        (false, _) => " · best first",
    };
    let title = match (f.query.trim().is_empty(), f.hits.len()) {
        (true, _) => " Search every briefing · type words, \"a phrase\", -word, speaker:, nation:, author:, tag: ".to_owned(),
        (false, 0) => format!(" Nothing found for “{}” ", f.query),
        (false, n) if f.total > n => format!(
            " the best {n} of {} briefings for “{}”{how} · Enter opens ",
            super::library::thousands(f.total),
            f.query
        ),
        (false, n) => format!(
            " {n} briefing{} for “{}”{how} · Enter opens ",
            if n == 1 { "" } else { "s" },
            f.query
        ),
    };
    let block = super::bordered(title, area).border_style(theme.border_focused());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let first = window::first_item(f.selected, f.hits.len(), height, |_| 3);
    // The longest word looked for is marked.
    let marks = Query::typed(&crate::catalog::longest(&f.query).unwrap_or_default());
    let mut lines: Vec<Line> = Vec::new();
    for (k, hit) in f.hits.iter().enumerate().skip(first) {
        if lines.len() + 2 > height {
            break;
        }
        let style = if k == f.selected && !f.typing {
            theme.selected()
        } else {
            theme.heading()
        };
        lines.push(Line::styled(text::truncate(&hit.title, width), style));
        let about = if hit.snippet.is_empty() {
            format!("  {}", hit.kind)
        } else {
            format!("  {}: {}", hit.kind, hit.snippet)
        };
        let mut said = [Line::raw(text::truncate(&about, width))];
        text::mark(&mut said, Some(&marks), theme.found());
        lines.extend(said);
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
