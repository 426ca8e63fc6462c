//! Helpers shared by the integration tests: briefings and key presses.

#![allow(dead_code, reason = "each test file uses a different part")]

pub mod drive;
pub mod generate;
pub mod pty;

use brief::app::{App, Effect, Key, Root};
use brief::briefing::{self, Briefing};
use brief::effects::Runner;

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

/// Presses keys through the keymap, as `brief snapshot --keys` names them, and
/// carries out what they ask as `brief snapshot` does (fresh state, nothing
/// written); the effects of the last key.
pub fn press(root: &mut Root, keys: &str) -> Vec<Effect> {
    let mut runner = Runner::dry();
    let mut last = Vec::new();
    for name in keys.split_whitespace() {
        let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
        last = root.press(key);
        runner.run(root, last.clone());
    }
    last
}

/// The open briefing's reader.
pub fn app(root: &Root) -> &App {
    root.reader().expect("a briefing is open")
}

/// The last frame after `keys`, as `brief snapshot` draws it.
pub fn replay(
    root: &mut Root,
    keys: &str,
    size: (u16, u16),
    theme: brief::ui::Theme,
) -> ratatui::buffer::Buffer {
    let keys = brief::snapshot::parse_keys(keys).unwrap_or_else(|e| panic!("{e}"));
    brief::snapshot::replay(root, &mut Runner::dry(), &keys, size, theme)
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

/// A chain of `depth` replies under one comment, in block or flow style.
pub fn reply_chain(depth: usize, flow: bool) -> String {
    let mut text =
        String::from("format: brief/1\nid: chain\ntitle: T\nsummary: [one]\ncomments:\n");
    if flow {
        text.push_str("  - ");
        for level in 0..=depth {
            text.push_str(&format!("{{text: \"reply {level}\", replies: ["));
        }
        text.push_str(&"]}".repeat(depth + 1));
        text.push('\n');
    } else {
        for level in 0..=depth {
            let indent = " ".repeat(2 + 4 * level);
            text.push_str(&format!("{indent}- text: reply {level}\n"));
            if level < depth {
                text.push_str(&format!("{indent}  replies:\n"));
            }
        }
    }
    text
}

/// A library row for `yaml`, read from a file `name` written for it (the
/// library opens a briefing from its file), last opened at `last_opened_ms`.
pub fn listing(yaml: &str, name: &str, last_opened_ms: u64) -> brief::app::Listing {
    let b = briefing::parse(yaml, name).expect("loads").briefing;
    let mut row = brief::app::Row::loaded(&b, None);
    row.progress.last_opened_ms = last_opened_ms;
    brief::app::Listing::of(brief::library::Origin::File(written(yaml, name)), row)
}

/// `yaml` written as a file `name`, in a folder of cargo's for tests that no
/// other content shares (tests run at once, and may use the same names).
pub fn written(yaml: &str, name: &str) -> std::path::PathBuf {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    yaml.hash(&mut hasher);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("library")
        .join(format!("{:016x}", hasher.finish()));
    std::fs::create_dir_all(&dir).expect("a folder for the file");
    let path = dir.join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(yaml) {
        // Written whole, then moved in: another test may be reading it.
        let mut part = tempfile::NamedTempFile::new_in(&dir).expect("a file to write");
        std::io::Write::write_all(&mut part, yaml.as_bytes()).expect("write the briefing");
        part.persist(&path).expect("move it in");
    }
    path
}
