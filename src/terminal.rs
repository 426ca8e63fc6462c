//! The interactive loop: draw, read an event, turn it into an action, update, carry
//! out the effect. The only module that talks to the terminal.

use std::io::stdout;

use color_eyre::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect, Key, Mode, update};
use crate::ui::{self, Drawn, Theme};

/// Runs the reader until the user quits; the terminal is restored on every path out.
pub fn run(app: &mut App, theme: Theme) -> Result<()> {
    // ratatui::init installs a panic hook that restores the terminal before the
    // (color-eyre) report prints; color-eyre must be installed first.
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, app, theme);
    if app.mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: Theme) -> Result<()> {
    loop {
        let drawn = draw(terminal, app, theme)?;
        let action = match event::read()? {
            Event::Key(key) => match Key::from_event(key) {
                Some(key) => {
                    match app.press(key) {
                        Effect::Quit => return Ok(()),
                        Effect::SetMouse(true) => execute!(stdout(), EnableMouseCapture)?,
                        Effect::SetMouse(false) => execute!(stdout(), DisableMouseCapture)?,
                        Effect::None => {}
                    }
                    None
                }
                None => None,
            },
            Event::Mouse(mouse) if app.mouse => mouse_action(app, &drawn, mouse),
            _ => None,
        };
        if let Some(action) = action
            && update(app, action) == Effect::Quit
        {
            return Ok(());
        }
    }
}

/// Draws a frame and hands its sizes to `update`, drawing again if they moved anything.
fn draw(terminal: &mut DefaultTerminal, app: &mut App, theme: Theme) -> Result<Drawn> {
    let mut drawn = Drawn::default();
    terminal.draw(|f| drawn = ui::draw(f, app, theme))?;
    let before = (app.summary_scroll, app.mode);
    update(app, Action::Measured(drawn.metrics));
    if before != (app.summary_scroll, app.mode) {
        terminal.draw(|f| drawn = ui::draw(f, app, theme))?;
    }
    Ok(drawn)
}

fn mouse_action(app: &App, drawn: &Drawn, mouse: event::MouseEvent) -> Option<Action> {
    let rows: i8 = match mouse.kind {
        MouseEventKind::ScrollDown => 3,
        MouseEventKind::ScrollUp => -3,
        MouseEventKind::Down(MouseButton::Left) if app.mode == Mode::Panes => {
            let (pane, item) = drawn.hit(mouse.column, mouse.row)?;
            return Some(Action::Click { pane, item });
        }
        _ => return None,
    };
    let pane = match app.mode {
        Mode::Panes => drawn.hit(mouse.column, mouse.row)?.0,
        _ => app.focus,
    };
    Some(Action::Scroll { pane, rows })
}
