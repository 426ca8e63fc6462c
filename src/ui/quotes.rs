//! The Quotes pane: speakers in order of first appearance, each with a heading (role
//! and count) and its quotes; the selected quote is shown whole and wrapped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Hit, PaneView, text, window};
use crate::app::{App, Pane};
use crate::state::ItemRef;

#[derive(Debug, Clone, Copy)]
enum Row {
    Gap,
    Speaker(usize),
    /// A quote, by its place in `App::quote_order`.
    Quote(usize),
}

/// The pane's rows, found by number without listing them: for each speaker a gap
/// (but before the first), a heading, then its quotes. Only where each speaker
/// starts is kept, so a frame costs the speakers, not the thousands of quotes.
struct Rows {
    /// The heading row of each speaker.
    starts: Vec<usize>,
    total: usize,
}

impl Rows {
    fn of(app: &App) -> Rows {
        let mut starts = Vec::with_capacity(app.briefing().speakers.len());
        let mut row = 0;
        for (s, speaker) in app.briefing().speakers.iter().enumerate() {
            row += usize::from(s > 0);
            starts.push(row);
            row += 1 + speaker.quotes.len();
        }
        Rows { starts, total: row }
    }

    /// The place in `App::quote_order` of speaker `s`'s first quote: each
    /// speaker before it took a heading and a gap besides its quotes.
    fn first_place(&self, s: usize) -> usize {
        self.starts[s] - 2 * s
    }

    fn get(&self, i: usize) -> Row {
        let s = self
            .starts
            .partition_point(|&start| start <= i)
            .saturating_sub(1);
        let start = self.starts[s];
        let next = self.starts.get(s + 1).map_or(self.total, |&n| n - 1);
        match i {
            i if i == start => Row::Speaker(s),
            i if i < next => Row::Quote(self.first_place(s) + i - start - 1),
            _ => Row::Gap,
        }
    }

    /// The row of the quote at `place`.
    fn of_place(&self, app: &App, place: usize) -> usize {
        let s = app
            .quote_order()
            .get(place)
            .map_or(0, |&q| app.briefing().quotes[q].speaker_index);
        self.starts[s] + 1 + place.saturating_sub(self.first_place(s))
    }
}

/// Draws the quotes; returns how many quotes fit on one screen.
pub fn draw(frame: &mut Frame, view: &PaneView, hits: &mut Vec<Hit>) -> usize {
    let app = view.app;
    let b = &app.briefing();
    if b.quotes.is_empty() {
        frame.render_widget(
            Paragraph::new("No quotes.").style(view.theme.dim()),
            view.area,
        );
        return 1;
    }
    let rows = Rows::of(app);
    let width = usize::from(view.area.width);
    let height = usize::from(view.area.height);
    let selected_row = rows.of_place(app, app.quote());
    let lines_of = |row: Row| -> Vec<Line<'static>> {
        match row {
            Row::Gap => vec![Line::default()],
            Row::Speaker(s) => speaker_lines(view, s, width),
            Row::Quote(p) if p == app.quote() => selected_quote(view, p, width, height + 1),
            Row::Quote(p) => {
                let q = app.quote_order()[p];
                let marks = marks(view, q);
                let room = width.saturating_sub(marks.len());
                vec![Line::from(vec![
                    Span::styled(marks, view.theme.accent()),
                    Span::raw(text::truncate_parts(&["“", &b.quotes[q].text, "”"], room)),
                ])]
            }
        }
    };
    // A speaker heading belongs with the quote after it: start the window there.
    let mut first = window::first_item(selected_row, rows.total, height, |i| {
        lines_of(rows.get(i)).len()
    });
    if first > 0
        && matches!(rows.get(first), Row::Quote(_))
        && matches!(rows.get(first - 1), Row::Speaker(_))
        && first < selected_row
    {
        first -= 1;
    }
    let mut y = 0usize;
    let mut fitted = 0;
    for row in (first..rows.total).map(|i| rows.get(i)) {
        if y >= height {
            break;
        }
        let lines = lines_of(row);
        let shown = lines.len().min(height - y);
        let area = Rect::new(
            view.area.x,
            view.area.y + u16::try_from(y).unwrap_or(u16::MAX),
            view.area.width,
            u16::try_from(shown).unwrap_or(u16::MAX),
        );
        if let Row::Quote(p) = row {
            hits.push(Hit {
                area,
                pane: Pane::Quotes,
                item: Some(p),
            });
            if shown == lines.len() {
                fitted += 1;
            }
        }
        let mut lines = lines;
        view.mark(&mut lines);
        frame.render_widget(Paragraph::new(lines), area);
        y += shown;
    }
    fitted
}

/// The speaker's name and quote count, then the role on a line of its own.
fn speaker_lines(view: &PaneView, s: usize, width: usize) -> Vec<Line<'static>> {
    let speaker = &view.app.briefing().speakers[s];
    let count = speaker.quotes.len();
    let count = format!(" ({count} quote{})", if count == 1 { "" } else { "s" });
    let name = text::truncate(&speaker.name, width.saturating_sub(count.len()));
    let mut lines = vec![Line::from(vec![
        Span::styled(name, view.theme.heading()),
        Span::styled(count, view.theme.dim()),
    ])];
    if let Some(role) = &speaker.role {
        lines.push(Line::styled(text::truncate(role, width), view.theme.dim()));
    }
    lines
}

/// Two columns before a quote: `•` unread, `✎` has a note; then `new ` for a quote
/// added since the briefing was last open.
fn marks(view: &PaneView, q: usize) -> String {
    let app = view.app;
    let note = app
        .note_on(&ItemRef::Quote(app.briefing().quotes[q].id.clone()))
        .is_some();
    let mut marks = String::from(match (note, app.seen_quotes()[q]) {
        (true, _) => "✎ ",
        (false, false) => "• ",
        (false, true) => "  ",
    });
    if app.new_quotes()[q] {
        marks.push_str("new ");
    }
    marks
}

/// The selected quote whole, as far as `max` lines: a long quote is wrapped only
/// as far as the pane shows.
fn selected_quote(view: &PaneView, place: usize, width: usize, max: usize) -> Vec<Line<'static>> {
    let q = view.app.quote_order()[place];
    let quote = &view.app.briefing().quotes[q];
    let style = view.selected_style();
    let mut lines: Vec<Line> = text::wrap_window(
        &format!("“{}”", quote.text),
        width.saturating_sub(2),
        "",
        "",
        0,
        max,
    )
    .into_iter()
    .map(|l| {
        Line::from(vec![
            Span::styled("▌ ", view.theme.accent()),
            Span::styled(l, style),
        ])
    })
    .collect();
    if let Some(context) = &quote.context {
        for l in text::wrap(context, width.saturating_sub(4), "— ", "  ") {
            lines.push(Line::from(vec![
                Span::styled("▌ ", view.theme.accent()),
                Span::styled(l, view.theme.dim()),
            ]));
        }
    }
    let item = ItemRef::Quote(quote.id.clone());
    if let Some(note) = view.app.note_on(&item) {
        for l in text::wrap(&note.text, width.saturating_sub(2), "✎ ", "  ") {
            lines.push(Line::from(vec![
                Span::styled("▌ ", view.theme.accent()),
                Span::styled(l, view.theme.accent()),
            ]));
        }
    }
    lines
}
