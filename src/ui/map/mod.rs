//! The world map of the Nations pane and of its full view (`v`): the coastlines,
//! the labels `place` puts beside each capital, and a legend naming the
//! numbered markers, what had no room and what has no place on the map.
//! Drawing only writes what `place` decided.

mod place;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use super::Theme;
use super::text::{first_lines, truncate, wrap};
use crate::app::App;
use place::{Shown, Spot, capital_cell, place};

/// Draws the map in `area` with its legend below: one line in the pane; in the
/// full view (`full`) as many as it needs, up to a third of the area, and the
/// selected nation's note.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme, selected: Style, full: bool) {
    let nations = &app.briefing().nations;
    let width = usize::from(area.width).max(1);
    // Measured on the map's own cells first, as the legend depends on what fits.
    let spots_at = |map: Rect| -> Vec<Spot> {
        nations
            .iter()
            .enumerate()
            .filter_map(|(index, n)| {
                let code = n.code.as_deref()?;
                let (lat, lon) = crate::nations::by_code(code)?.capital;
                let cell = capital_cell(lat, lon, map.width, map.height);
                Some(Spot { index, code, cell })
            })
            .collect()
    };
    let room = if full { (area.height / 3).max(1) } else { 1 };
    let mut legend_height = room;
    let (mut spots, mut shown, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    // Twice at most: a legend shorter than the room gives the map its lines back.
    for _ in 0..2 {
        let [map_area, _] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(legend_height)]).areas(area);
        spots = spots_at(map_area);
        shown = place(&spots, map_area.width, map_area.height, app.nation());
        lines = legend(app, &spots, &shown, width, full);
        let needed = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .clamp(1, room);
        if needed == legend_height {
            break;
        }
        legend_height = needed;
    }
    let [map_area, legend_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(legend_height)]).areas(area);
    frame.render_widget(
        Canvas::default()
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
            }),
        map_area,
    );
    let buf = frame.buffer_mut();
    for (spot, how) in spots.iter().zip(&shown) {
        let style = if spot.index == app.nation() {
            selected
        } else {
            theme.accent()
        };
        write_shown(buf, map_area, spot, how, style);
    }
    let texts = lines.iter().map(|(text, _)| text.clone()).collect();
    let kept = first_lines(texts, usize::from(legend_height), width);
    let styled: Vec<Line> = kept
        .into_iter()
        .zip(&lines)
        .map(|(text, (_, is_note))| {
            let style = if *is_note {
                theme.dim()
            } else {
                theme.heading()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(styled), legend_area);
}

fn write_shown(buf: &mut Buffer, area: Rect, spot: &Spot, how: &Shown, style: Style) {
    let at = |(x, y): (u16, u16)| (area.x + x, area.y + y);
    match how {
        Shown::Label { at: from, dot } => {
            let (x, y) = at(*from);
            buf.set_string(x, y, spot.code, style);
            if let Some(dot) = dot {
                let (x, y) = at(*dot);
                buf.set_string(x, y, "•", style);
            }
        }
        Shown::Marker { at: from, mark } => {
            let (x, y) = at(*from);
            buf.set_string(x, y, mark.to_string(), style);
        }
        Shown::Hidden => {}
    }
}

/// The legend's lines at `width`, each marked when it is the note: the selected
/// nation, what the markers stand for, what had no room and what has no place on
/// the map; in the full view, wrapped, and the selected nation's note.
fn legend(
    app: &App,
    spots: &[Spot],
    shown: &[Shown],
    width: usize,
    full: bool,
) -> Vec<(String, bool)> {
    let nations = &app.briefing().nations;
    let pick = &nations[app.nation().min(nations.len() - 1)];
    let mut parts = vec![format!(
        "{} ({})",
        pick.name,
        pick.code.as_deref().unwrap_or("no code")
    )];
    // The pane's one line names a marker by its code, the full view by its name too.
    parts.extend(spots.iter().zip(shown).filter_map(|(spot, how)| match how {
        Shown::Marker { mark, .. } if full => Some(format!(
            "{mark} {} ({})",
            nations[spot.index].name, spot.code
        )),
        Shown::Marker { mark, .. } => Some(format!("{mark} {}", spot.code)),
        _ => None,
    }));
    let names = |wanted: &dyn Fn(usize) -> bool| -> Vec<&str> {
        nations
            .iter()
            .enumerate()
            .filter(|(i, _)| wanted(*i))
            .map(|(_, n)| n.name.as_str())
            .collect()
    };
    let hidden = names(&|i| {
        spots
            .iter()
            .zip(shown)
            .any(|(s, how)| s.index == i && *how == Shown::Hidden)
    });
    if !hidden.is_empty() {
        parts.push(format!("no room for {}", hidden.join(", ")));
    }
    let missing = names(&|i| !spots.iter().any(|s| s.index == i));
    if !missing.is_empty() {
        parts.push(format!("not on the map: {}", missing.join(", ")));
    }
    let head = parts.join(" · ");
    if !full {
        return vec![(truncate(&head, width), false)];
    }
    let mut lines: Vec<(String, bool)> = wrap(&head, width, "", "")
        .into_iter()
        .map(|l| (l, false))
        .collect();
    if let Some(note) = &pick.note {
        lines.extend(wrap(note, width, "", "").into_iter().map(|l| (l, true)));
    }
    lines
}
