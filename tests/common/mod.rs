//! Helpers shared by the integration tests: briefings and key presses.

#![allow(dead_code, reason = "each test file uses a different part")]

pub mod pty;

use brief::app::{App, Key};
use brief::briefing::{self, Briefing};

/// Loads a briefing from `tests/fixtures/`.
pub fn fixture(name: &str) -> Briefing {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    match briefing::load(&path) {
        Ok(loaded) => loaded.briefing,
        Err(d) => panic!("fixture {name}: {d:?}"),
    }
}

/// The bundled CSpO briefing.
pub fn cspo() -> Briefing {
    match briefing::parse(briefing::BUNDLED, briefing::BUNDLED_NAME) {
        Ok(loaded) => loaded.briefing,
        Err(d) => panic!("bundled: {d:?}"),
    }
}

/// Parses YAML written in a test.
pub fn briefing(yaml: &str) -> Briefing {
    match briefing::parse(yaml, "test.yaml") {
        Ok(loaded) => loaded.briefing,
        Err(d) => panic!("{d:?}"),
    }
}

/// Presses keys through the keymap, as `brief snapshot --keys` names them.
pub fn press(app: &mut App, keys: &str) {
    for name in keys.split_whitespace() {
        let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
        app.press(key);
    }
}

/// A small tree:
/// ```text
/// c1
/// ├ c1.1
/// │ └ c1.1.1
/// └ c1.2
/// c2
/// c3
/// └ c3.1
/// ```
pub const TREE: &str = "format: brief/1
id: tree
title: Tree
summary: [s]
comments:
  - text: one
    replies:
      - text: one-one
        replies:
          - text: one-one-one
      - text: one-two
  - text: two
  - text: three
    replies:
      - text: three-one
";
