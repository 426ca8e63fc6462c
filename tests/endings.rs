//! Every way out of the reader: a signal saves the reading state, keeps a note
//! being typed, gives the terminal back and exits with 128 + its number; the place
//! reaches disk within about a second while reading, so even SIGKILL loses at most
//! that.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT};
use serde_json::Value;

const CSPO: &str = "briefings/cspo-florence.yaml";

fn state_file(config: &Path) -> PathBuf {
    config.join("brief/briefings/cspo-florence.json")
}

fn state(config: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(state_file(config)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Waits until the saved state satisfies `holds`; what it was last, if it never did.
fn wait_for_state(config: &Path, holds: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let now = state(config);
        if let Some(state) = now.as_ref().filter(|s| holds(s)) {
            return state.clone();
        }
        assert!(
            started.elapsed() < TIMEOUT,
            "the state never held; last: {now:#?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The focus and the selected comment as saved.
fn place(state: &Value) -> (String, String) {
    (
        state["focus"].as_str().unwrap_or_default().to_owned(),
        state["comment"].to_string(),
    )
}

/// The reader on the CSpO briefing; `debounced` false puts the save while
/// reading an hour off, so only the way out can have saved.
fn start(config: &Path, debounced: bool) -> Session {
    let env: &[(&str, &str)] = if debounced {
        &[]
    } else {
        &[("BRIEF_TEST_SAVE_AFTER_MS", "3600000")]
    };
    let s = Session::start_env(
        &[CSPO],
        120,
        40,
        config,
        Path::new(env!("CARGO_MANIFEST_DIR")),
        env,
    );
    s.wait_for("4 Comments · 3 of 5");
    s
}

/// Moves to the second comment and waits until the screen shows it.
fn move_to_second_comment(s: &mut Session) {
    s.keys(&["4", "j"]);
    s.wait_for("Comments 2/3");
}

/// The sequences that give the terminal back, each after the last frame drawn.
fn assert_restored(raw: &str) {
    let last_frame = raw.rfind("Comments").expect("a frame was drawn");
    for (sequence, what) in [
        ("\u{1b}[?1049l", "the alternate screen left"),
        ("\u{1b}[?25h", "the cursor shown"),
        ("\u{1b}[?2004l", "bracketed paste off"),
        ("\u{1b}[?1000l", "mouse capture off"),
    ] {
        let at = raw
            .rfind(sequence)
            .unwrap_or_else(|| panic!("{what}: never written"));
        assert!(at > last_frame, "{what}: not after the last frame");
    }
}

#[test]
fn each_ending_signal_saves_the_place_restores_the_terminal_and_exits_128_plus_n() {
    for (signal, number) in [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)] {
        let config = tempfile::tempdir().expect("tempdir");
        let mut s = start(config.path(), false);
        move_to_second_comment(&mut s);
        // With the mouse captured, the signal must give it back too.
        s.keys(&["M"]);
        s.wait_for("mouse on");
        s.signal(signal);
        assert_eq!(s.wait_exit(), 128 + number, "SIG{signal}");
        let saved = state(config.path()).expect("a state file");
        assert_eq!(
            place(&saved),
            ("comments".into(), "\"comment:skynet-asat\"".into()),
            "SIG{signal}: {saved:#?}"
        );
        assert_restored(&s.raw_text());
        let parser = s.parser.lock().unwrap();
        assert!(!parser.screen().alternate_screen(), "SIG{signal}");
        assert!(!parser.screen().hide_cursor(), "SIG{signal}");
    }
}

#[test]
fn a_note_being_typed_when_a_signal_comes_is_kept() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = start(config.path(), false);
    move_to_second_comment(&mut s);
    s.keys(&["a"]);
    s.wait_for("C-s");
    s.type_bytes("typed, not yet kept".as_bytes());
    s.wait_for("typed, not yet kept");
    s.signal("HUP");
    assert_eq!(s.wait_exit(), 129);
    let saved = state(config.path()).expect("a state file");
    let notes = saved["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{saved:#?}");
    assert_eq!(notes[0]["text"], "typed, not yet kept");
    assert_eq!(notes[0]["item"], "comment:skynet-asat");
}

#[test]
fn the_place_reaches_disk_while_reading_so_sigkill_loses_at_most_a_second() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = start(config.path(), true);
    move_to_second_comment(&mut s);
    // No quit: the debounced save writes the move on its own.
    wait_for_state(config.path(), |st| {
        place(st) == ("comments".into(), "\"comment:skynet-asat\"".into())
    });
    s.signal("KILL");
    s.wait_exit();
    let mut again = start(config.path(), true);
    again.wait_for("Comments 2/3");
    again.keys(&["q"]);
    assert_eq!(again.wait_exit(), 0);
}
