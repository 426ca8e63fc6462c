//! The interactive loop: draw, read an event, hand it to the model as an action,
//! and let the runner carry out what follows. The only module that talks to the
//! terminal and to signals; what happens on disk while reading goes through
//! `effects::Runner`, and what changes there (the open file, the library's
//! folders, `watch.rs`) comes back as actions.

use std::io::stdout;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use color_eyre::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Key, Listing, Mode, Root};
use crate::effects::{Runner, now_ms};
use crate::ui::{Drawn, Theme};

mod watch;

use watch::{Folders, Watch};

/// What arrives from outside while the reader is open: the library's files as
/// the reading thread gets through them, and the folders to watch for more.
#[derive(Debug, Default)]
pub struct Incoming {
    /// Briefings still being read for the library, as they arrive.
    pub loader: Option<std::sync::mpsc::Receiver<Listing>>,
    /// The library's folders, watched for briefings added while it is open.
    pub folders: Vec<PathBuf>,
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGINT, SIGHUP, SIGQUIT) asked the reader to stop; the
    /// process should exit with 128 and its number, as a shell reports it.
    Signal(i32),
}

/// The signals that end the reader in order: the state saved, the terminal restored.
const ENDING_SIGNALS: [i32; 4] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT];

/// How long a change of place may wait before it is saved: the most a SIGKILL
/// or a power cut can lose (notes are saved at once). Tests that must tell the
/// save on a signal from this one lengthen it with `BRIEF_TEST_SAVE_AFTER_MS`.
fn save_after() -> Duration {
    std::env::var("BRIEF_TEST_SAVE_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::from_secs(1), Duration::from_millis)
}

/// Runs the reader until the user quits or a signal ends it; the terminal is
/// restored on every path out, and the open briefing's state is saved on the way out.
pub fn run(
    root: &mut Root,
    runner: &mut Runner,
    theme: Theme,
    incoming: Incoming,
) -> Result<Ending> {
    // The handlers only note the signal; the loop acts on it between events.
    let mut signals = Signals::new(ENDING_SIGNALS)?;
    // ratatui::init installs a panic hook that restores the terminal before the
    // (color-eyre) report prints; color-eyre must be installed first.
    let mut terminal = ratatui::init();
    give_back_on_panic();
    let _ = execute!(stdout(), EnableBracketedPaste);
    runner.save_behind();
    let result = match event_loop(&mut terminal, root, runner, theme, incoming, &mut signals) {
        // The terminal itself failed: when it went away (a closed window or SSH
        // session) the SIGHUP may come after the failed write. The place is
        // saved either way, and a signal that came is the way out it reports.
        Err(error) => {
            runner.dispatch(root, Action::Stop);
            match signals.pending().next() {
                Some(signal) => Ok(Ending::Signal(signal)),
                None => Err(error),
            }
        }
        ended => ended,
    };
    give_back();
    ratatui::restore();
    // The terminal is the user's again; the last state is written before `brief` ends.
    runner.settle();
    signals.handle().close();
    result
}

/// What the reader takes from the terminal beyond raw mode and the alternate
/// screen (which `ratatui::restore` gives back): mouse capture, bracketed paste,
/// the hidden cursor.
fn give_back() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, Show);
}

/// A panic gives the mouse, paste and cursor back too, before ratatui's hook
/// restores the rest and the report prints.
fn give_back_on_panic() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        hook(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    root: &mut Root,
    runner: &mut Runner,
    theme: Theme,
    incoming: Incoming,
    signals: &mut Signals,
) -> Result<Ending> {
    let mut captured = false;
    let mut watch = Watch::default();
    let mut folders = Folders::new(&incoming.folders);
    // When a key first moved the reader since its state was last saved.
    let mut moved: Option<Instant> = None;
    let save_after = save_after();
    runner.dispatch(root, Action::Clock(now_ms()));
    loop {
        if let Some(signal) = signals.pending().next() {
            runner.dispatch(root, Action::Stop);
            return Ok(Ending::Signal(signal));
        }
        if moved.is_some_and(|at| at.elapsed() >= save_after) {
            runner.dispatch(root, Action::SavePlace);
            moved = None;
        }
        captured = capture_mouse(root.wants_mouse(), captured)?;
        let (drawn, _) = runner.frame(terminal, root, theme)?;
        for action in runner.answers() {
            runner.dispatch(root, action);
        }
        // Wait for input, looking at the open briefing's file twice a second,
        // at signals four times a second and, while the library is being read,
        // taking in what has arrived.
        watch.follow(root);
        let loading = root.is_loading();
        for action in arrivals(incoming.loader.as_ref()) {
            runner.dispatch(root, action);
        }
        let mut wait = if loading {
            Duration::from_millis(30)
        } else {
            Duration::from_millis(250)
        };
        if let Some(at) = moved {
            wait = wait.min(save_after.saturating_sub(at.elapsed()));
        }
        if !event::poll(wait)? {
            if let Some(changed) = watch.changed(root) {
                runner.dispatch(root, reload(&changed));
                // What the library searches and lists follows the file too.
                runner.catalog_more(std::slice::from_ref(&changed));
            }
            let mut joined = Vec::new();
            for listing in folders.take_new(root, runner.store()) {
                if let crate::library::Origin::File(path) = &listing.origin {
                    joined.push(path.clone());
                }
                runner.dispatch(root, Action::Arrived(Box::new(listing)));
            }
            runner.catalog_more(&joined);
            continue;
        }
        let event = event::read()?;
        if root.reader().is_some() && matches!(event, Event::Key(_) | Event::Mouse(_)) {
            moved.get_or_insert_with(Instant::now);
        }
        runner.dispatch(root, Action::Clock(now_ms()));
        let quit = match (event, root.on_screen()) {
            (Event::Key(key), _) => match Key::from_event(key) {
                Some(key) => runner.press(root, key),
                None => false,
            },
            (Event::Paste(text), Some(app)) if app.mode() == Mode::Edit => {
                runner.dispatch(root, Action::Paste(text))
            }
            (Event::Mouse(mouse), Some(app)) if app.mouse() => {
                match mouse_action(app, &drawn, mouse) {
                    Some(action) => runner.dispatch(root, action),
                    None => false,
                }
            }
            _ => false,
        };
        if quit {
            return Ok(Ending::Quit);
        }
    }
}

/// Captures the mouse exactly while the model wants it; whether it now is.
fn capture_mouse(wanted: bool, captured: bool) -> Result<bool> {
    if wanted != captured {
        if wanted {
            execute!(stdout(), EnableMouseCapture)?;
        } else {
            execute!(stdout(), DisableMouseCapture)?;
        }
    }
    Ok(wanted)
}

/// The briefings the library's reading thread has sent so far, and the end of
/// the reading once the thread is gone.
fn arrivals(loader: Option<&std::sync::mpsc::Receiver<Listing>>) -> Vec<Action> {
    let Some(loader) = loader else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    loop {
        match loader.try_recv() {
            Ok(listing) => actions.push(Action::Arrived(Box::new(listing))),
            Err(std::sync::mpsc::TryRecvError::Empty) => return actions,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                actions.push(Action::LoadingDone);
                return actions;
            }
        }
    }
}

/// The open briefing's file, read again after it changed: the new version, or
/// why it no longer loads.
fn reload(path: &std::path::Path) -> Action {
    match crate::briefing::load(path) {
        Ok(loaded) => Action::Reloaded(Arc::new(loaded.briefing)),
        Err(diagnostics) => Action::ReloadFailed(crate::app::refusal(&diagnostics)),
    }
}

fn mouse_action(app: &App, drawn: &Drawn, mouse: event::MouseEvent) -> Option<Action> {
    let rows: i8 = match mouse.kind {
        MouseEventKind::ScrollDown => 3,
        MouseEventKind::ScrollUp => -3,
        MouseEventKind::Down(MouseButton::Left) if app.mode() == Mode::Panes => {
            let (pane, item) = drawn.hit(mouse.column, mouse.row)?;
            return Some(Action::Click { pane, item });
        }
        _ => return None,
    };
    let pane = match app.mode() {
        Mode::Panes => drawn.hit(mouse.column, mouse.row)?.0,
        _ => app.focus(),
    };
    Some(Action::Scroll { pane, rows })
}
