//! `brief snapshot`: the reader without a terminal. Keys go through the same keymap,
//! `update` and draw code as the interactive loop, a frame after every key, and the
//! final screen comes back as plain text. Fresh state in, nothing written out.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

use crate::app::{Action, App, Effect, Key, update};
use crate::shell::{Shell, ShellEffect, Showing};
use crate::ui::{self, Theme};

/// Parses `--keys`: names separated by spaces.
pub fn parse_keys(keys: &str) -> Result<Vec<Key>, String> {
    keys.split_whitespace().map(Key::parse).collect()
}

/// Replays `keys` on `app` at `size` and returns the last frame.
///
/// The frame comes from what the views drew, not from the backend's copy, which
/// holds the terminal diffs applied one after another.
pub fn replay(app: &mut App, keys: &[Key], size: (u16, u16), theme: Theme) -> Buffer {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(size.0, size.1));
    let mut last = frame(&mut terminal, app, theme);
    for &key in keys {
        if app.press(key) == Effect::Quit {
            break;
        }
        last = frame(&mut terminal, app, theme);
    }
    last
}

/// Replays `keys` on the library (or the briefing it has open) and returns the last frame.
pub fn replay_shell(shell: &mut Shell, keys: &[Key], size: (u16, u16), theme: Theme) -> Buffer {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(size.0, size.1));
    let mut last = shell_frame(&mut terminal, shell, theme);
    for &key in keys {
        match shell.press(key) {
            ShellEffect::Quit => break,
            // Nothing is read from or written to disk: a briefing opens on fresh state.
            ShellEffect::Open { shelf, at } => shell.open(shelf, None, 0, 0, at.as_deref()),
            ShellEffect::Back => shell.close_reader(),
            ShellEffect::None | ShellEffect::Reader(_) => {}
        }
        last = shell_frame(&mut terminal, shell, theme);
    }
    last
}

fn shell_frame(terminal: &mut Terminal<TestBackend>, shell: &mut Shell, theme: Theme) -> Buffer {
    let mut drawn = ui::Drawn::default();
    let Ok(completed) = terminal.draw(|f| drawn = ui::draw_shell(f, shell, theme));
    let buffer = completed.buffer.clone();
    if shell.showing == Showing::Reader
        && let Some(app) = &mut shell.reader
    {
        update(app, Action::Measured(drawn.metrics));
    }
    buffer
}

/// Draws once and hands the sizes back to `update`, as the interactive loop does.
fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: Theme) -> Buffer {
    let mut drawn = ui::Drawn::default();
    let Ok(completed) = terminal.draw(|f| drawn = ui::draw(f, app, theme));
    let buffer = completed.buffer.clone();
    update(app, Action::Measured(drawn.metrics.clone()));
    buffer
}

/// The buffer as lines of text, trailing spaces trimmed. The cells a wide character
/// covers after its first are skipped, as ratatui's own `TestBackend` view does.
pub fn to_text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width).max(1);
    let mut out = String::new();
    for row in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut covered: u16 = 0;
        for cell in row {
            if covered == 0 {
                line.push_str(cell.symbol());
            }
            covered = covered.max(cell.cell_width()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
