//! The interactive loop: draw, read an event, turn it into an action, update, carry
//! out the effect (save, export, mouse, quit). The only module that talks to the
//! terminal, the clock, signals and, through `store` and `export`, the disk while
//! reading.

use std::io::stdout;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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

use crate::app::{Action, App, Effect, Key, Mode, update};
use crate::export::{self, Refused};
use crate::search::Index;
use crate::shell::{Shelf, Shell, ShellEffect, Showing};
use crate::store::Store;
use crate::ui::{self, Drawn, Theme};

mod watch;

use watch::{Folders, Watch};

/// What the loop writes to: the state store (if there is a config directory) and
/// the folder exports go to.
#[derive(Debug)]
pub struct Outside {
    /// Where reading state and notes are kept.
    pub store: Option<Store>,
    /// Where `X` writes `<id>-notes.md`.
    pub export_dir: PathBuf,
    /// Briefings still being read for the library, as they arrive.
    pub loader: Option<std::sync::mpsc::Receiver<Shelf>>,
    /// The library's folders, watched for briefings added while it is open.
    pub folders: Vec<PathBuf>,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
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
pub fn run(shell: &mut Shell, theme: Theme, outside: &Outside) -> Result<Ending> {
    // The handlers only note the signal; the loop acts on it between events.
    let mut signals = Signals::new(ENDING_SIGNALS)?;
    // ratatui::init installs a panic hook that restores the terminal before the
    // (color-eyre) report prints; color-eyre must be installed first.
    let mut terminal = ratatui::init();
    give_back_on_panic();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = match event_loop(&mut terminal, shell, theme, outside, &mut signals) {
        // The terminal itself failed: when it went away (a closed window or SSH
        // session) the SIGHUP may come after the failed write. The place is
        // saved either way, and a signal that came is the way out it reports.
        Err(error) => {
            end_on_signal(shell, outside);
            match signals.pending().next() {
                Some(signal) => Ok(Ending::Signal(signal)),
                None => Err(error),
            }
        }
        ended => ended,
    };
    give_back();
    ratatui::restore();
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
    shell: &mut Shell,
    theme: Theme,
    outside: &Outside,
    signals: &mut Signals,
) -> Result<Ending> {
    let mut captured = false;
    let mut watch = Watch::default();
    let mut folders = Folders::new(&outside.folders, shell);
    let mut indexing = Weak::new();
    // When a key first moved the reader since its state was last saved.
    let mut moved: Option<Instant> = None;
    let save_after = save_after();
    loop {
        if let Some(signal) = signals.pending().next() {
            end_on_signal(shell, outside);
            return Ok(Ending::Signal(signal));
        }
        if moved.is_some_and(|at| at.elapsed() >= save_after) {
            if let Some(app) = &mut shell.reader {
                save(app, outside);
            }
            moved = None;
        }
        captured = capture_mouse(shell, captured)?;
        let drawn = draw(terminal, shell, theme)?;
        index_in_background(shell, &mut indexing);
        // Wait for input, looking at the open briefing's file twice a second,
        // at signals four times a second and, while the library is being read,
        // taking in what has arrived.
        watch.follow(shell);
        let loading = shell.is_loading();
        take_arrivals(shell, outside);
        let mut wait = if loading {
            Duration::from_millis(30)
        } else {
            Duration::from_millis(250)
        };
        if let Some(at) = moved {
            wait = wait.min(save_after.saturating_sub(at.elapsed()));
        }
        if !event::poll(wait)? {
            if let Some(changed) = watch.changed(shell) {
                reload(shell, &changed);
            }
            folders.take_new(shell, outside);
            continue;
        }
        let event = event::read()?;
        if shell.reader.is_some() && matches!(event, Event::Key(_) | Event::Mouse(_)) {
            moved.get_or_insert_with(Instant::now);
        }
        let reading = shell.showing == Showing::Reader;
        if let Some(app) = &mut shell.reader {
            update(app, Action::Clock(now_ms()));
        }
        let effect = match (event, &mut shell.reader) {
            (Event::Key(key), _) => match Key::from_event(key) {
                Some(key) => shell.press(key),
                None => ShellEffect::None,
            },
            (Event::Paste(text), Some(app)) if reading && app.mode == Mode::Edit => {
                ShellEffect::Reader(update(app, Action::Paste(text)))
            }
            (Event::Mouse(mouse), Some(app)) if reading && app.mouse => {
                match mouse_action(app, &drawn, mouse) {
                    Some(action) => ShellEffect::Reader(update(app, action)),
                    None => ShellEffect::None,
                }
            }
            _ => ShellEffect::None,
        };
        if carry_out(shell, effect, outside)? {
            return Ok(Ending::Quit);
        }
    }
}

/// A signal ends the reader as `q` would, keeping a note being typed as a note.
fn end_on_signal(shell: &mut Shell, outside: &Outside) {
    if let Some(app) = &mut shell.reader {
        if app.mode == Mode::Edit {
            let effect = update(app, Action::SaveNote);
            let _ = reader_effect(app, effect, outside);
        }
        save(app, outside);
    }
}

/// Builds the open briefing's search index on a thread of its own once the reader
/// is on screen (50 ms for 100,000 comments), so typing a search never waits for
/// it; a keystroke that comes sooner waits only for the rest. `started` is the
/// index last asked for, so a briefing is indexed once.
fn index_in_background(shell: &Shell, started: &mut Weak<OnceLock<Index>>) {
    let Some(app) = &shell.reader else { return };
    let cell = &app.search_index;
    if cell.get().is_some() || started.upgrade().is_some_and(|s| Arc::ptr_eq(&s, cell)) {
        return;
    }
    *started = Arc::downgrade(cell);
    let (cell, briefing, order) = (
        Arc::clone(cell),
        Arc::clone(&app.briefing),
        app.quote_order.clone(),
    );
    // Without a thread the first search builds the index itself.
    let _ = std::thread::Builder::new()
        .name("brief-index".into())
        .spawn(move || {
            cell.get_or_init(|| Index::build(&briefing, &order));
        });
}

/// Captures the mouse exactly while the open briefing wants it; whether it now is.
fn capture_mouse(shell: &Shell, captured: bool) -> Result<bool> {
    let wanted =
        shell.showing == Showing::Reader && shell.reader.as_ref().is_some_and(|app| app.mouse);
    if wanted != captured {
        if wanted {
            execute!(stdout(), EnableMouseCapture)?;
        } else {
            execute!(stdout(), DisableMouseCapture)?;
        }
    }
    Ok(wanted)
}

/// Takes in the briefings the library's reading thread has sent so far.
fn take_arrivals(shell: &mut Shell, outside: &Outside) {
    let Some(loader) = &outside.loader else {
        return;
    };
    loop {
        match loader.try_recv() {
            Ok(shelf) => shell.add(shelf),
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                // The reading thread is gone (done, or never started).
                shell.finish_loading();
                return;
            }
        }
    }
}

/// Does what the shell or the reader asked; true when `brief` should close.
fn carry_out(shell: &mut Shell, effect: ShellEffect, outside: &Outside) -> Result<bool> {
    match effect {
        ShellEffect::None => {}
        ShellEffect::Quit => {
            if let Some(app) = &mut shell.reader {
                save(app, outside);
            }
            return Ok(true);
        }
        ShellEffect::Back => {
            if let Some(app) = &mut shell.reader {
                save(app, outside);
            }
            shell.close_reader();
        }
        ShellEffect::Open { shelf, at } => {
            if let Some(app) = &mut shell.reader {
                save(app, outside);
            }
            shell.close_reader();
            open(shell, shelf, at.as_deref(), outside);
        }
        ShellEffect::Reader(effect) => {
            if let Some(app) = &mut shell.reader {
                return reader_effect(app, effect, outside);
            }
        }
    }
    Ok(false)
}

/// Opens a shelf in the reader with its saved state, and saves at once so an
/// unwritable config folder shows from the start.
pub fn open(shell: &mut Shell, shelf: usize, at: Option<&str>, outside: &Outside) {
    let Some(Ok(id)) = shell
        .shelves
        .get(shelf)
        .map(|s| s.briefing.as_ref().map(|b| b.id.clone()))
    else {
        return;
    };
    let now = now_ms();
    let loaded = outside
        .store
        .as_ref()
        .map(|store| store.load(&id, now))
        .unwrap_or_default();
    shell.open(shelf, loaded.saved, now, std::process::id(), at);
    if let Some(app) = &mut shell.reader {
        if let Some(warning) = loaded.warning {
            app.status = Some(warning);
        }
        save(app, outside);
        if app.unsaved.is_some() {
            // The lasting warning says more than a failed read: show it from the start.
            app.status = None;
        }
    }
}

/// Does what `update` asked of the reader; true when the reader should close.
fn reader_effect(app: &mut App, effect: Effect, outside: &Outside) -> Result<bool> {
    match effect {
        // The loop captures the mouse to match `App::mouse` before the next event.
        Effect::None | Effect::Back | Effect::ShowSpeakers | Effect::SetMouse(_) => {}
        Effect::Quit => {
            save(app, outside);
            return Ok(true);
        }
        Effect::Save => save(app, outside),
        Effect::Export(force) => {
            let name = format!("{}-notes.md", app.briefing.id);
            let path = outside.export_dir.join(&name);
            let action = match export::write(app, &path, force, now_ms()) {
                Ok(count) => Action::Report(format!(
                    "wrote {name} ({count} note{}) in {}",
                    if count == 1 { "" } else { "s" },
                    outside.export_dir.display()
                )),
                Err(Refused::NotOurs) => Action::AskOverwrite(path),
                Err(Refused::Io(e)) => {
                    Action::Report(format!("could not write {}: {e}", path.display()))
                }
            };
            update(app, action);
        }
    }
    Ok(false)
}

/// Writes the reading state; a failure becomes a lasting warning, never a crash.
pub fn save(app: &mut App, outside: &Outside) {
    let Some(store) = &outside.store else {
        update(app, Action::SaveFailed("no config directory".into()));
        return;
    };
    let action = match store.save(&app.to_saved(), now_ms()) {
        Ok(_) => Action::Saved,
        Err(e) => Action::SaveFailed(format!("{}: {e}", store.dir().display())),
    };
    update(app, action);
}

/// Loads the open briefing again after its file changed; the reading state and
/// notes carry over by identity. A file that no longer loads leaves the reader on
/// the version it has, and says why.
fn reload(shell: &mut Shell, path: &std::path::Path) {
    match crate::briefing::load(path) {
        Ok(loaded) => shell.reload(loaded.briefing),
        Err(diagnostics) => {
            if let Some(app) = &mut shell.reader {
                let first = diagnostics
                    .iter()
                    .find(|d| d.is_error())
                    .map(ToString::to_string)
                    .unwrap_or_default();
                app.status = Some(format!(
                    "the file changed but does not load ({first}); still showing the last good version"
                ));
            }
        }
    }
}

/// Draws a frame and hands its sizes to the reader, drawing again if they moved anything.
fn draw(terminal: &mut DefaultTerminal, shell: &mut Shell, theme: Theme) -> Result<Drawn> {
    let mut drawn = Drawn::default();
    terminal.draw(|f| drawn = ui::draw_shell(f, shell, theme))?;
    if shell.showing == Showing::Reader
        && let Some(app) = &mut shell.reader
    {
        let before = (app.summary_scroll, app.mode);
        update(app, Action::Measured(drawn.metrics.clone()));
        if before != (app.summary_scroll, app.mode) {
            terminal.draw(|f| drawn = ui::draw_shell(f, shell, theme))?;
        }
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
