//! A key press as the reader understands it: the key and Ctrl or Alt, read from a
//! terminal event, parsed from a name (`C-d`, `PageDown`) and shown in help.

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

    /// Parses a key name as `brief snapshot --keys` takes it: `j`, `Tab`, `C-d`, `PageDown`.
    pub fn parse(name: &str) -> Result<Key, String> {
        if let Some(rest) = name.strip_prefix("C-").filter(|r| r.chars().count() == 1) {
            let c = rest.chars().next().unwrap_or_default();
            return Ok(Key::ctrl(c.to_ascii_lowercase()));
        }
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::ch(c));
        }
        let code = match name {
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Backspace" => KeyCode::Backspace,
            _ => {
                return Err(format!(
                    "unknown key `{name}`; use a character, C-x for Ctrl-x, or one of Tab BackTab Enter Esc Space Up Down Left Right Home End PageUp PageDown Backspace"
                ));
            }
        };
        Ok(Key::new(code))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            code => write!(f, "{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip_through_parse() {
        assert_eq!(Key::parse("C-d"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("Space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("BackTab"), Ok(Key::new(KeyCode::BackTab)));
        assert_eq!(Key::parse("]"), Ok(Key::ch(']')));
        assert!(
            Key::parse("Hyper")
                .unwrap_err()
                .contains("unknown key `Hyper`")
        );
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
