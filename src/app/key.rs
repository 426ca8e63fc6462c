//! A key press as the reader understands it: the key and Ctrl or Alt, read from a
//! terminal event, and its name in the one notation every place uses (`C-d`,
//! `PageDown`): the config, `brief snapshot --keys`, `?` and the status line.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key with the modifiers that matter (Ctrl and Alt; Shift is in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt, never Shift.
    pub mods: KeyModifiers,
}

impl Key {
    /// A plain key.
    pub const fn new(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key.
    pub const fn ch(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key a terminal event stands for, or `None` for releases and repeats we ignore.
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            // Some terminals send Ctrl-letters upper-cased when Shift is also down.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Some(Key { code, mods })
    }

    /// Parses a key's name: a character (`j`, `?`), a named key (`Tab`,
    /// `PageDown`, `Space`), either after `C-` for Ctrl and `M-` for Alt
    /// (`C-d`, `M-x`). The one notation: `config.yaml`, `brief snapshot --keys`,
    /// `?` and the status line all use it, and `Display` writes it.
    pub fn parse(name: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name;
        loop {
            if let Some(r) = rest.strip_prefix("C-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("M-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => NAMED
                .iter()
                .find(|(n, _)| *n == rest)
                .map(|&(_, code)| code)
                .or_else(|| {
                    let n: u8 = rest.strip_prefix('F')?.parse().ok()?;
                    (1..=12).contains(&n).then_some(KeyCode::F(n))
                })
                .ok_or_else(|| {
                    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
                    format!(
                        "unknown key `{name}`; use a character, C-x for Ctrl-x, M-x for Alt-x, F1 to F12 or one of {}",
                        names.join(" ")
                    )
                })?,
        };
        Ok(Key { code, mods })
    }
}

/// The keys with names, as `parse` reads them and `Display` writes them.
const NAMED: &[(&str, KeyCode)] = &[
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("C-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("M-")?;
        }
        match NAMED.iter().find(|(_, code)| *code == self.code) {
            Some((name, _)) => f.write_str(name),
            None => match self.code {
                KeyCode::Char(c) => write!(f, "{c}"),
                KeyCode::F(n) => write!(f, "F{n}"),
                code => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        assert_eq!(Key::parse("C-d"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("C-D"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("Space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("BackTab"), Ok(Key::new(KeyCode::BackTab)));
        assert_eq!(Key::parse("]"), Ok(Key::ch(']')));
        assert_eq!(Key::parse("-"), Ok(Key::ch('-')));
        assert_eq!(Key::parse("C--"), Ok(Key::ctrl('-')));
        assert_eq!(Key::parse("F5"), Ok(Key::new(KeyCode::F(5))));
        assert_eq!(
            Key::parse("M-x"),
            Ok(Key {
                code: KeyCode::Char('x'),
                mods: KeyModifiers::ALT
            })
        );
        assert!(
            Key::parse("Hyper")
                .unwrap_err()
                .contains("unknown key `Hyper`")
        );
        assert!(Key::parse("F13").is_err());
    }

    #[test]
    fn every_default_binding_reads_back_as_it_is_shown() {
        for b in crate::app::keymap::BINDINGS {
            let shown = b.key.to_string();
            assert_eq!(Key::parse(&shown), Ok(b.key), "{shown} for {:?}", b.action);
        }
        for name in ["C-M-k", "M-Enter", "Delete", "F12", "é"] {
            let key = Key::parse(name).unwrap();
            assert_eq!(Key::parse(&key.to_string()), Ok(key), "{name}");
        }
    }

    #[test]
    fn shift_is_in_the_character_not_the_modifiers() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Some(Key::ch('G')));
        let event = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(event), Some(Key::ctrl('c')));
    }
}
