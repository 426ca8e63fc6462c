//! No byte from outside reaches the terminal unescaped, whatever its source: a
//! config value, a command-line argument echoed in a message, an id read from a
//! state file. Each is shown with its visible stand-ins (`␛`, `␇`) instead.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

const CSPO: &str = "briefings/cspo-florence.yaml";
/// An OSC that would retitle the terminal, then a BEL.
const RETITLE: &str = "\u{1b}]0;pwned\u{7}";

fn brief(args: &[&str], config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_CACHE_HOME", config.join("cache"))
        .output()
        .expect("run brief")
}

/// Both streams hold the stand-ins and not one raw ESC or BEL.
fn assert_escaped(out: &Output, what: &str) {
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !all.contains('\u{1b}') && !all.contains('\u{7}'),
        "{what}: {all:?}"
    );
    assert!(
        all.contains("␛]0;pwned␇"),
        "{what}: the text is shown: {all}"
    );
}

#[test]
fn arguments_echoed_in_messages_are_escaped() {
    let config = tempfile::tempdir().expect("tempdir");
    let c = config.path();
    assert_escaped(&brief(&["note", CSPO, RETITLE, "t"], c), "brief note ITEM");
    assert_escaped(
        &brief(&["snapshot", CSPO, "--keys", RETITLE], c),
        "snapshot --keys",
    );
    let out_file = c.join(format!("{RETITLE}.md"));
    assert_escaped(
        &brief(&["export", CSPO, "-o", out_file.to_str().unwrap()], c),
        "export -o",
    );
    assert_escaped(
        &brief(&["validate", &format!("missing{RETITLE}.yaml")], c),
        "validate PATH",
    );
}

#[test]
fn at_echoed_before_the_reader_starts_is_escaped() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = common::pty::Session::start_in(
        &[CSPO, "--at", RETITLE],
        100,
        30,
        config.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(s.wait_exit(), 1);
    let raw = s.raw_text();
    assert!(!raw.contains(RETITLE), "{raw:?}");
    assert!(raw.contains("␛]0;pwned␇"), "{raw:?}");
}

#[test]
fn a_config_value_never_retitles_the_terminal() {
    let config = tempfile::tempdir().expect("tempdir");
    let folder = config.path().join("brief");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.yaml"),
        "keys:\n  quit: [\"\\e]0;pwned\\a\"]\ntheme:\n  focus: \"\\e]0;pwned\\a\"\n",
    )
    .unwrap();
    assert_escaped(&brief(&["config"], config.path()), "brief config");
    let mut s = common::pty::Session::start_in(
        &[CSPO],
        120,
        40,
        config.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    s.wait_for("config:");
    s.wait_for("␛]0;pwned␇");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw_text();
    assert!(!raw.contains("\u{1b}]0;pwned"), "{raw:?}");
}

#[test]
fn ids_and_text_from_a_state_file_are_escaped_in_an_export() {
    let config = tempfile::tempdir().expect("tempdir");
    assert!(
        brief(&["note", CSPO, "skynet", "kept"], config.path())
            .status
            .success()
    );
    let path = config.path().join("brief/briefings/cspo-florence.json");
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let note = &mut state["notes"][0];
    note["item"] = format!("comment:gone{RETITLE}").into();
    note["excerpt"] = format!("said {RETITLE}").into();
    note["text"] = format!("typed {RETITLE}").into();
    std::fs::write(&path, serde_json::to_string(&state).unwrap()).unwrap();
    let out = brief(&["export", CSPO], config.path());
    assert!(out.status.success(), "{out:?}");
    assert_escaped(&out, "brief export");
}
