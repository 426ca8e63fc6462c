//! The config file as a user meets it: `brief config`, and its effect on the reader.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::Path;
use std::process::Command;

use common::pty::Session;

fn brief(args: &[&str], config: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", config)
        .output()
        .expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_config(config: &Path, text: &str) {
    std::fs::create_dir_all(config.join("brief")).unwrap();
    std::fs::write(config.join("brief/config.yaml"), text).unwrap();
}

#[test]
fn config_path_default_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = brief(&["config", "--path"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        out.trim(),
        dir.path().join("brief/config.yaml").display().to_string()
    );
    let (code, out, _) = brief(&["config"], dir.path());
    assert_eq!(code, Some(0));
    assert!(out.contains("does not exist; the defaults apply"), "{out}");
    let (code, default, _) = brief(&["config", "--default"], dir.path());
    assert_eq!(code, Some(0));
    write_config(dir.path(), &default);
    let (code, out, err) = brief(&["config"], dir.path());
    assert_eq!(
        (code, err.as_str()),
        (Some(0), ""),
        "the printed default is itself valid"
    );
    assert!(out.ends_with("is valid\n"));
}

#[test]
fn a_bad_config_is_located_and_named_by_action() {
    let dir = tempfile::tempdir().unwrap();
    write_config(
        dir.path(),
        "theme:\n  accent: '#ff00ff'\nkeys:\n  next_quote: [X]\n  fly: [F]\n",
    );
    let (code, _, err) = brief(&["config"], dir.path());
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].ends_with("config.yaml:2:11: theme.accent: `#ff00ff` is not a named colour; use one of black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, default"), "{err}");
    assert!(
        lines[1].ends_with(
            "config.yaml:5:8: keys.fly: no such action; `brief config --default` lists them"
        ),
        "every message says where: {err}"
    );
    assert!(
        lines[2].ends_with("config.yaml:4:16: keys.next_quote: X did export_notes (the panes); it now does next_quote"),
        "{err}"
    );
}

#[test]
fn a_key_taken_from_a_default_does_what_the_config_says_and_defaults_can_go() {
    let dir = tempfile::tempdir().unwrap();
    write_config(
        dir.path(),
        "keys:\n  quit: [j]\n  collapse_all: []\nunbind: [E]\n",
    );
    let (code, _, err) = brief(&["config"], dir.path());
    assert_eq!(code, Some(1), "a clash is reported: {err}");
    assert!(
        err.contains("config.yaml:2:10: keys.quit: j did move_down"),
        "{err}"
    );
    let mut s = Session::start_in(
        &["briefings/cspo-florence.yaml"],
        120,
        40,
        dir.path(),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    s.wait_for("CSpO partners meet in Florence");
    s.keys(&["4", "C"]);
    s.wait_for("C: no action here");
    s.keys(&["E"]);
    s.wait_for("E: no action here");
    s.keys(&["j"]);
    assert_eq!(s.wait_exit(), 0, "j quits, as the config says");
}

#[test]
fn the_reader_uses_extra_keys_and_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "keys:\n  next_quote: [C-n]\nmouse: maybe\n");
    let mut s = Session::start_in(
        &["briefings/cspo-florence.yaml"],
        120,
        40,
        dir.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    s.wait_for("config: ");
    s.wait_for("using the defaults");
    s.keys(&["C-n"]);
    // The file could not be read, so the defaults apply: C-n does nothing.
    s.wait_for("Summary ¶1/6");
    s.keys(&["q"]);
    s.wait_exit();

    write_config(dir.path(), "keys:\n  next_quote: [C-n]\nmouse: true\n");
    let mut s = Session::start_in(
        &["briefings/cspo-florence.yaml"],
        120,
        40,
        dir.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    s.wait_for("[mouse]");
    s.keys(&["C-n"]);
    s.wait_for("Quotes 2/2");
    s.keys(&["?"]);
    s.wait_for("C-n ]");
    s.keys(&["Esc", "q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn speaker_aliases_join_quotes_in_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("a.yaml"), "format: brief/1\nid: a\ntitle: A\nsummary: [s]\nquotes: [{speaker: ACM Sir Richard Knighton, text: hello}]\n").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/cspo-florence.yaml"),
        lib.join("cspo.yaml"),
    )
    .unwrap();
    write_config(
        dir.path(),
        "speakers:\n  Air Chief Marshal Sir Richard Knighton: [ACM Sir Richard Knighton]\n",
    );
    let mut s = Session::start_in(&[lib.to_str().unwrap()], 120, 40, dir.path(), dir.path());
    s.wait_for("Library · 2 of 2");
    s.keys(&["S"]);
    s.wait_for("Air Chief Marshal Sir Richard Knighton · 2 quotes in 2 briefings");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
