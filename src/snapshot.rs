//! `brief snapshot`: the reader without a terminal. Keys go through the same
//! keymap, `update`, effect runner and draw code as the interactive loop, a frame
//! after every key, and the final screen comes back as plain text. The runner is
//! `Runner::dry`: fresh state in, nothing written out.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

use crate::app::{Key, Root};
use crate::effects::Runner;
use crate::ui::Theme;

/// Parses `--keys`: names separated by spaces.
pub fn parse_keys(keys: &str) -> Result<Vec<Key>, String> {
    keys.split_whitespace().map(Key::parse).collect()
}

/// Replays `keys` on `root` at `size` through `runner`, a frame after every
/// key as the reader draws them, and returns the last frame.
///
/// The frame comes from what the views drew, not from the backend's copy, which
/// holds the terminal diffs applied one after another.
pub fn replay(
    root: &mut Root,
    runner: &mut Runner,
    keys: &[Key],
    size: (u16, u16),
    theme: Theme,
) -> Buffer {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(size.0, size.1));
    let Ok((_, mut last)) = runner.frame(&mut terminal, root, theme);
    for &key in keys {
        if runner.press(root, key) {
            break;
        }
        let Ok((_, frame)) = runner.frame(&mut terminal, root, theme);
        last = frame;
    }
    last
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
