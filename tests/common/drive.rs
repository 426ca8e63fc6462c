//! The driver the property tests and the fuzz target share: a briefing's text is
//! loaded, then, if it loads, driven with keys at a size through the library
//! shell, `update` and drawing. The point is that nothing panics or hangs.

use brief::app::{App, Key};
use brief::briefing;
use brief::library::Origin;
use brief::shell::{Progress, Shelf, Shell, ShellEffect};
use brief::snapshot::replay_shell;
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
    let b = std::sync::Arc::new(loaded.briefing);
    let shelf = Shelf {
        origin: Origin::File("fuzz.yaml".into()),
        progress: Progress::of(&b, None),
        briefing: Ok(b),
    };
    let mut shell = Shell::single(vec![shelf]);
    shell.open(0, None, 0, 0, None);
    let keys: Vec<Key> = keys
        .iter()
        .map(|&k| Key::parse(KEYS[k % KEYS.len()]).unwrap())
        .collect();
    for chunk in keys.chunks(8) {
        if chunk.iter().any(|k| shell.press(*k) == ShellEffect::Quit) {
            break;
        }
        replay_shell(&mut shell, &[], size, Theme::colored());
    }
    let mut app = App::new(briefing::parse(text, "fuzz.yaml").unwrap().briefing);
    for &key in &keys {
        app.press(key);
    }
}
