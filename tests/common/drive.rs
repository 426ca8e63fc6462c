//! The driver the property tests and the fuzz target share: a briefing's text is
//! loaded, then, if it loads, driven with keys at a size through the library
//! shell, `update` and drawing. The point is that nothing panics or hangs.

use brief::app::{Key, Root};
use brief::briefing;
use brief::effects::Runner;
use brief::snapshot::replay;
use brief::ui::Theme;

/// Every key the reader binds, and some it does not.
pub const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "Tab",
    "BackTab",
    "1",
    "2",
    "3",
    "4",
    "]",
    "[",
    "}",
    "{",
    "Enter",
    "Space",
    "h",
    "l",
    "p",
    "J",
    "K",
    "v",
    "C",
    "E",
    "m",
    "M",
    "?",
    "Esc",
    "Up",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    "C-d",
    "C-u",
    "/",
    "n",
    "N",
    "u",
    "a",
    "A",
    "U",
    "d",
    "y",
    "x",
    "z",
    "C-s",
    "C-g",
    "Backspace",
    "S",
    "b",
    "s",
    "q",
    "é",
    "宇",
];

/// Replays keys on `text` at a size, if it loads; the point is that nothing panics.
pub fn read(text: &str, keys: &[usize], size: (u16, u16)) {
    let Ok(loaded) = briefing::parse(text, "fuzz.yaml") else {
        return;
    };
    let mut root = Root::with_briefing(loaded.briefing);
    let keys: Vec<Key> = keys
        .iter()
        .map(|&k| Key::parse(KEYS[k % KEYS.len()]).unwrap())
        .collect();
    let mut runner = Runner::dry();
    for chunk in keys.chunks(8) {
        if chunk.iter().any(|&k| runner.press(&mut root, k)) {
            break;
        }
        replay(&mut root, &mut runner, &[], size, Theme::colored());
    }
}
