//! The Nations pane: a list of names and codes, or a world map marking each capital.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

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
        map(frame, view);
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

fn map(frame: &mut Frame, view: &PaneView) {
    let app = view.app;
    let theme = view.theme;
    let [canvas_area, legend] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(view.area);
    let nations = &app.briefing().nations;
    let placed: Vec<(usize, &str, f64, f64)> = nations
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let code = n.code.as_deref()?;
            let (lat, lon) = crate::nations::by_code(code)?.capital;
            Some((i, code, lat, lon))
        })
        .collect();
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-180.0, 180.0])
        .y_bounds([-90.0, 90.0])
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: if theme.color {
                    Color::DarkGray
                } else {
                    Color::Reset
                },
            });
            ctx.layer();
            // The selected nation last, so a neighbour's label never hides it.
            let (selected, others): (Vec<_>, Vec<_>) =
                placed.iter().partition(|p| p.0 == app.nation());
            for &(i, code, lat, lon) in others.into_iter().chain(selected) {
                let style = if i == app.nation() {
                    view.selected_style()
                } else {
                    theme.accent()
                };
                ctx.print(lon, lat, Line::styled(code.to_owned(), style));
            }
        });
    frame.render_widget(canvas, canvas_area);
    let selected = &nations[app.nation().min(nations.len() - 1)];
    let mut text = format!(
        "{} ({})",
        selected.name,
        selected.code.as_deref().unwrap_or("no code")
    );
    let missing: Vec<&str> = nations
        .iter()
        .enumerate()
        .filter(|(i, _)| !placed.iter().any(|p| p.0 == *i))
        .map(|(_, n)| n.name.as_str())
        .collect();
    if !missing.is_empty() {
        text.push_str(&format!(" · not on the map: {}", missing.join(", ")));
    }
    frame.render_widget(
        Paragraph::new(truncate(&text, usize::from(legend.width))).style(theme.heading()),
        legend,
    );
}
