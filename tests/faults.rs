//! Faults of the machine: a full disk, a file-size limit, a read-only config
//! folder. Each time the user is told, nothing already saved is damaged, and the
//! rest of the reader goes on. Two need root (to mount a small tmpfs and to make
//! a folder immutable): they are ignored by default and `.ci/run` runs them with
//! `--include-ignored` when it is root, so a skip never passes as a pass.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const CSPO: &str = "briefings/cspo-florence.yaml";

fn state_path(config: &Path) -> PathBuf {
    config.join("brief/briefings/cspo-florence.json")
}

fn notes_in(config: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(state_path(config)).expect("state");
    let state: Value = serde_json::from_str(&text).expect("the state parses");
    state["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["deleted"] != true)
        .map(|n| n["item"].as_str().unwrap().to_owned())
        .collect()
}

/// `brief note` in a shell, so limits and signal dispositions can be set first.
fn note(config: &Path, item: &str, text: &str, shell_prefix: &str) -> Output {
    let script = format!("{shell_prefix} exec \"$0\" note {CSPO} \"$1\" \"$2\"");
    Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_brief"), item, text])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", config)
        .output()
        .expect("run")
}

#[test]
#[ignore = "needs root"]
fn a_full_disk_loses_no_saved_note() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=96k",
            "tmpfs",
            config.to_str().unwrap(),
        ])
        .status()
        .is_ok_and(|s| s.success());
    assert!(mounted, "cannot mount a tmpfs here (needs root)");
    let big = "x".repeat(6_000);
    let items = [
        "knighton-competition",
        "jolliffe-resilience",
        "skynet",
        "skynet-asat",
        "skynet-waffle",
        "nation-AU",
        "nation-CA",
        "nation-FR",
        "nation-DE",
        "nation-IT",
        "nation-JP",
        "nation-NZ",
        "nation-NO",
        "nation-GB",
        "nation-US",
        "summary-1",
        "summary-2",
        "summary-3",
        "summary-4",
    ];
    let mut saved = Vec::new();
    let mut refused = 0;
    for item in items {
        let out = note(&config, item, &big, "");
        if out.status.success() {
            saved.push(item);
        } else {
            refused += 1;
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("the note was not saved") && err.contains("No space left"),
                "{err}"
            );
        }
    }
    let held = notes_in(&config);
    let _ = Command::new("umount").arg(&config).status();
    assert!(
        refused > 0,
        "the disk never filled: the test proves nothing"
    );
    assert_eq!(
        held.len(),
        saved.len(),
        "every note saved before the disk filled is still there"
    );
}

#[test]
fn a_file_size_limit_refuses_the_save_and_keeps_the_old_state() {
    let dir = tempfile::tempdir().unwrap();
    assert!(note(dir.path(), "skynet", "first", "").status.success());
    let before = std::fs::read(state_path(dir.path())).unwrap();
    // 8 blocks of 512 bytes; SIGXFSZ ignored so the write fails instead of killing.
    let out = note(
        dir.path(),
        "skynet-asat",
        &"y".repeat(20_000),
        "trap '' XFSZ; ulimit -f 8;",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the note was not saved"));
    assert_eq!(
        std::fs::read(state_path(dir.path())).unwrap(),
        before,
        "the old state is untouched"
    );
}

#[test]
#[ignore = "needs root"]
fn a_read_only_config_folder_warns_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    assert!(note(dir.path(), "skynet", "kept", "").status.success());
    let folder = dir.path().join("brief/briefings");
    let locked = Command::new("chattr")
        .args(["+i", folder.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        locked,
        "cannot make a folder immutable here (needs root and chattr)"
    );
    let out = note(dir.path(), "skynet-asat", "refused", "");
    let mut s = common::pty::Session::start_in(
        &[CSPO],
        160,
        40,
        dir.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    s.wait_for("notes are NOT saved");
    s.keys(&["3", "a", "in memory", "C-s"]);
    s.wait_for("✎ in memory");
    s.keys(&["q"]);
    let code = s.wait_exit();
    let _ = Command::new("chattr")
        .args(["-i", folder.to_str().unwrap()])
        .status();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the note was not saved"));
    assert_eq!(code, 0);
    assert_eq!(
        notes_in(dir.path()),
        ["comment:skynet"],
        "what was saved before is intact"
    );
}

#[test]
fn a_state_file_that_cannot_be_read_warns_and_the_reader_goes_on() {
    // Root reads every file, so permissions cannot make one unreadable in CI; a
    // folder where the state file should be fails the same reads and writes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(state_path(dir.path())).unwrap();
    let work = tempfile::tempdir().unwrap();
    let cspo = Path::new(env!("CARGO_MANIFEST_DIR")).join(CSPO);
    let mut s =
        common::pty::Session::start_in(&[cspo.to_str().unwrap()], 160, 40, dir.path(), work.path());
    s.wait_for("notes are NOT saved");
    s.keys(&["4", "a", "still here", "C-s"]);
    s.wait_for("✎ still here");
    s.keys(&["X"]);
    s.wait_for("(1 note)");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(
        state_path(dir.path()).is_dir(),
        "nothing was written over it"
    );
    let md = std::fs::read_to_string(work.path().join("cspo-florence-notes.md")).unwrap();
    assert!(md.contains("still here"));
}
