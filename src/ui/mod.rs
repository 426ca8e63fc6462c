//! Drawing: every view reads `App` and draws; none changes it. `draw` hands back the
//! sizes it drew at (for paging) and where each pane and row landed (for the mouse).

mod comments;
mod editor;
mod found;
mod help;
mod library;
mod map;
mod nations;
mod notes;
mod quotes;
mod read;
mod speakers;
mod status;
mod summary;
mod text;
pub mod theme;
mod truncate;
mod window;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, Keymap, Metrics, Mode, Pane, Root, Screen};
pub use theme::Theme;

/// The smallest terminal the reader draws in; below it, a short message.
pub const MIN_SIZE: (u16, u16) = (40, 10);

/// From about this width, all four panes show at once.
pub const WIDE: u16 = 120;

/// The help overlay's text for `filter`, as plain lines, unwrapped (for tests and tools).
pub fn help_text(keymap: &Keymap, filter: &str) -> String {
    help::lines(keymap, Theme::plain(), filter, usize::MAX)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where something was drawn, so a click can find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The screen area.
    pub area: Rect,
    /// The pane it belongs to.
    pub pane: Pane,
    /// The item, in the pane's numbering (see `Action::Click`); `None` for the pane itself.
    pub item: Option<usize>,
}

/// What a frame hands back to the loop.
#[derive(Debug, Clone, Default)]
pub struct Drawn {
    /// Sizes for paging.
    pub metrics: Metrics,
    /// Panes and rows by screen area, later entries on top.
    pub hits: Vec<Hit>,
}

impl Drawn {
    /// The pane and item under a screen cell.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
        self.hits
            .iter()
            .rev()
            .find(|h| h.area.contains(Position::new(column, row)))
            .map(|h| (h.pane, h.item))
    }
}

/// Draws the whole screen: the open briefing, the library or the speaker
/// index, with the help overlay over any of them.
pub fn draw(frame: &mut Frame, root: &Root, theme: Theme) -> Drawn {
    // Debug builds only: lets the end-to-end tests prove a panic while drawing
    // still leaves the terminal as it was found.
    #[cfg(debug_assertions)]
    if std::env::var_os("BRIEF_TEST_PANIC_IN_DRAW").is_some() {
        panic!("a panic in the draw path, asked for by BRIEF_TEST_PANIC_IN_DRAW");
    }
    let shown = root.on_screen();
    let mut drawn = Drawn {
        metrics: shown.map(|a| a.metrics().clone()).unwrap_or_default(),
        ..Drawn::default()
    };
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let text = format!(
            "brief needs at least {}x{}; this terminal is {}x{}",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return drawn;
    }
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match shown {
        Some(app) => {
            title_bar(frame, title, app, theme);
            reader(frame, body, app, root.keymap(), theme, &mut drawn);
        }
        None => {
            let heading = if root.has_library() {
                "brief · library"
            } else {
                "brief"
            };
            frame.render_widget(Paragraph::new(heading).style(theme.title()), title);
            match root.screen() {
                Screen::Speakers(open) => speakers::draw(frame, body, root, open, theme),
                Screen::Found => found::draw(frame, body, root, theme),
                _ => library::draw(frame, body, root, theme),
            }
        }
    }
    if let Some(h) = root.help() {
        drawn.metrics.help = help::draw(frame, body, root.keymap(), &h.filter, h.scroll, theme);
    }
    let line = match shown {
        Some(app) => status::reader_status(app, root, theme, status.width),
        None => status::library_status(root, theme, status.width),
    };
    frame.render_widget(Paragraph::new(line).style(theme.status()), status);
    drawn
}

/// The open briefing's body: the panes, or the full view of one item, with the
/// note editor or the notes list over the panes when open.
fn reader(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    keymap: &Keymap,
    theme: Theme,
    drawn: &mut Drawn,
) {
    match app.mode() {
        Mode::Read { pane, scroll } => {
            drawn.metrics.read = read::draw(frame, body, app, pane, scroll, theme);
        }
        mode => {
            panes(frame, body, app, theme, drawn);
            match mode {
                Mode::Edit => editor::draw(frame, body, app, keymap, theme),
                Mode::Notes { selected } => notes::draw(frame, body, app, selected, theme),
                _ => {}
            }
        }
    }
}

fn panes(frame: &mut Frame, body: Rect, app: &App, theme: Theme, drawn: &mut Drawn) {
    if body.width >= WIDE {
        let [left, right] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(body);
        let [summary, nations] =
            Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(left);
        let [quotes, comments] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(right);
        for (pane, area) in [
            (Pane::Summary, summary),
            (Pane::Nations, nations),
            (Pane::Quotes, quotes),
            (Pane::Comments, comments),
        ] {
            pane_view(frame, area, app, pane, theme, drawn);
        }
    } else {
        let [tabs, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        tab_row(frame, tabs, app, theme, drawn);
        pane_view(frame, rest, app, app.focus(), theme, drawn);
    }
}

fn pane_view(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    pane: Pane,
    theme: Theme,
    drawn: &mut Drawn,
) {
    drawn.hits.push(Hit {
        area,
        pane,
        item: None,
    });
    let focused = app.focus() == pane;
    let title = match pane {
        Pane::Comments => comments::title(app),
        Pane::Nations if app.show_map() => " 2 Nations · map ".to_owned(),
        _ => format!(" {} {} ", pane.index() + 1, pane.title()),
    };
    let block = bordered(title, area).border_style(if focused {
        theme.border_focused()
    } else {
        theme.border()
    });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let view = PaneView {
        app,
        theme,
        focused,
        area: inner,
    };
    let page = match pane {
        Pane::Summary => {
            let (layout, height) = summary::draw(frame, &view, app.summary_scroll());
            drawn.metrics.summary = Some(layout);
            height
        }
        Pane::Nations => nations::draw(frame, &view, &mut drawn.hits),
        Pane::Quotes => quotes::draw(frame, &view, &mut drawn.hits),
        Pane::Comments => comments::draw(frame, &view, &mut drawn.hits),
    };
    drawn.metrics.page[pane.index()] = page.max(1);
}

/// What every pane view needs: the app, the styles, focus and its inner area.
pub(crate) struct PaneView<'a> {
    app: &'a App,
    theme: Theme,
    focused: bool,
    area: Rect,
}

impl PaneView<'_> {
    /// Marks the search's matches in lines about to be drawn.
    fn mark(&self, lines: &mut [Line<'static>]) {
        text::mark(
            lines,
            self.app.search().as_ref().map(|s| &s.query),
            self.theme.found(),
        );
    }

    fn selected_style(&self) -> Style {
        if self.focused {
            self.theme.selected()
        } else {
            self.theme.selected_unfocused()
        }
    }
}

fn tab_row(frame: &mut Frame, area: Rect, app: &App, theme: Theme, drawn: &mut Drawn) {
    // Padded tabs where they fit (47 columns), else closer together (39).
    let label = |pane: Pane, pad: &str| format!("{pad}{} {}{pad}", pane.index() + 1, pane.title());
    let roomy: usize = Pane::ALL.iter().map(|&p| label(p, " ").len() + 1).sum();
    let pad = if roomy <= usize::from(area.width) {
        " "
    } else {
        ""
    };
    let mut spans = Vec::new();
    let mut x = area.x;
    for pane in Pane::ALL {
        let label = label(pane, pad);
        let width = u16::try_from(label.len()).unwrap_or(u16::MAX);
        let area = Rect::new(x, area.y, width.min(area.right().saturating_sub(x)), 1);
        drawn.hits.push(Hit {
            area,
            pane,
            item: None,
        });
        x = x.saturating_add(width + 1);
        let style = if pane == app.focus() {
            theme
                .border_focused()
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(text::fit(Line::from(spans), usize::from(area.width)), area);
}

fn title_bar(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let b = &app.briefing();
    let mut parts = vec![b.title.clone()];
    let source = [b.source.publication.as_deref(), b.source.author.as_deref()];
    parts.extend(source.iter().flatten().map(|s| s.to_string()));
    parts.extend(b.location.clone());
    let line = text::truncate(&parts.join(" · "), usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.title()), area);
}

/// A centred rectangle of the given size inside `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A bordered block for `area`, its title cut with `…` to fit between the corners.
fn bordered(title: String, area: Rect) -> Block<'static> {
    Block::bordered().title(text::truncate(
        &title,
        usize::from(area.width.saturating_sub(2)),
    ))
}

/// Clears `area` and draws a bordered box titled `title`; returns the inside.
fn overlay_box(frame: &mut Frame, area: Rect, title: String, theme: Theme) -> Rect {
    let block = bordered(title, area).border_style(theme.border_focused());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}
