//! The Nations pane: a list of names and codes, or the world map (`map.rs`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Hit, PaneView, text::truncate, window};
use crate::app::Pane;
use crate::state::ItemRef;

/// Draws the list or the map; returns how many nations fit on one screen.
pub fn draw(frame: &mut Frame, view: &PaneView, hits: &mut Vec<Hit>) -> usize {
    let nations = &view.app.briefing().nations;
    if nations.is_empty() {
        frame.render_widget(
            Paragraph::new("No nations listed.").style(view.theme.dim()),
            view.area,
        );
        return 1;
    }
    if view.app.show_map() {
        let selected = view.selected_style();
        super::map::draw(frame, view.area, view.app, view.theme, selected, false);
        return 1;
    }
    let area = view.area;
    let height = usize::from(area.height);
    let first = window::first_item(view.app.nation(), nations.len(), height, |_| 1);
    let width = usize::from(area.width);
    for (row, (i, nation)) in nations
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .enumerate()
    {
        let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
        let line_area = Rect::new(area.x, y, area.width, 1);
        hits.push(Hit {
            area: line_area,
            pane: Pane::Nations,
            item: Some(i),
        });
        let code = nation.code.as_deref().unwrap_or("--");
        let mut spans = vec![
            Span::styled(format!("{code:<4}"), view.theme.accent()),
            Span::raw(nation.name.clone()),
        ];
        let item = ItemRef::Nation(crate::app::nation_key(nation));
        if view.app.note_on(&item).is_some() {
            spans.push(Span::styled(" ✎", view.theme.accent()));
        }
        if let Some(note) = &nation.note {
            let room = width.saturating_sub(4 + nation.name.chars().count() + 3);
            spans.push(Span::styled(
                format!(" — {}", truncate(note, room)),
                view.theme.dim(),
            ));
        }
        let mut marked = [Line::from(spans)];
        view.mark(&mut marked);
        let [mut line] = marked;
        if i == view.app.nation() {
            line = line.style(view.selected_style());
        }
        frame.render_widget(line, line_area);
    }
    height
}
