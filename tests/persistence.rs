//! Reading state and notes with the real binary: restored on reopening, never lost
//! to a kill, to concurrent writers, to a corrupt file or an unwritable folder.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::pty::Session;
use serde_json::Value;

const CSPO: &str = "briefings/cspo-florence.yaml";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn state_file(config: &Path, id: &str) -> PathBuf {
    config.join("brief/briefings").join(format!("{id}.json"))
}

fn state(config: &Path, id: &str) -> Value {
    let text = std::fs::read_to_string(state_file(config, id)).expect("state file");
    serde_json::from_str(&text).expect("the state parses")
}

fn live_notes(state: &Value) -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = state["notes"]
        .as_array()
        .map(|a| a.iter().filter(|n| n["deleted"] != true))
        .into_iter()
        .flatten()
        .map(|n| {
            (
                n["item"].as_str().unwrap_or("").to_owned(),
                n["text"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    notes.sort();
    notes
}

fn note_command(config: &Path, briefing: &str, item: &str, text: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(["note", briefing, item, text])
        .current_dir(manifest())
        .env("XDG_CONFIG_HOME", config)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn reopening_restores_position_collapsed_comments_and_notes() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start_in(&[CSPO], 80, 24, config.path(), manifest());
    s.wait_for("1 Summary");
    s.keys(&["4", "j", "a"]);
    s.wait_for("your note");
    s.keys(&["comment note", "C-s"]);
    s.wait_for("note saved");
    s.keys(&["g", "Enter", "2", "j", "j", "a", "nation note", "C-s"]);
    s.wait_for("FR  France ✎");
    s.keys(&["]", "a", "quote note", "Esc"]);
    s.wait_for("✎ quote note");
    s.keys(&["4", "q"]);
    assert_eq!(s.wait_exit(), 0);

    let mut s = Session::start_in(&[CSPO], 80, 24, config.path(), manifest());
    s.wait_for("anonymous [+2, 1 unread]");
    s.wait_for("Comments 1/3");
    s.keys(&["A"]);
    s.wait_for("Notes · 3");
    s.wait_for("comment note");
    s.wait_for("nation note");
    s.wait_for("quote note");
    s.keys(&["Esc", "3"]);
    s.wait_for("Quotes 2/2");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(
        live_notes(&state(config.path(), "cspo-florence")),
        [
            ("comment:skynet-asat".into(), "comment note".into()),
            ("nation:FR".into(), "nation note".into()),
            ("quote:jolliffe-resilience".into(), "quote note".into()),
        ]
    );
}

#[test]
fn x_and_brief_export_write_the_same_notes() {
    let config = tempfile::tempdir().expect("tempdir");
    let work = tempfile::tempdir().expect("tempdir");
    let briefing = manifest().join(CSPO);
    let mut s = Session::start_in(
        &[briefing.to_str().unwrap()],
        100,
        30,
        config.path(),
        work.path(),
    );
    s.wait_for("1 Summary");
    s.keys(&["3", "a", "why this matters", "C-s"]);
    s.wait_for("note saved");
    s.keys(&["X"]);
    s.wait_for("cspo-florence-notes.md (1 note)");
    // A file brief did not write is not overwritten without a yes.
    std::fs::write(work.path().join("cspo-florence-notes.md"), "my own file\n").expect("write");
    s.keys(&["X"]);
    s.wait_for("was not written by brief: overwrite it? (y/n)");
    s.keys(&["n"]);
    s.wait_for("export cancelled");
    assert_eq!(
        std::fs::read_to_string(work.path().join("cspo-florence-notes.md")).unwrap(),
        "my own file\n"
    );
    s.keys(&["X"]);
    s.wait_for("overwrite it? (y/n)");
    s.keys(&["y"]);
    s.wait_for("(1 note)");
    s.keys(&["q"]);
    s.wait_exit();
    let from_reader = std::fs::read_to_string(work.path().join("cspo-florence-notes.md")).unwrap();
    assert!(from_reader.contains("why this matters"));

    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", briefing.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let from_cli = String::from_utf8(out.stdout).unwrap();
    let without_stamp = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("exported:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_stamp(&from_cli), without_stamp(&from_reader));

    let target = work.path().join("mine.md");
    std::fs::write(&target, "not an export").unwrap();
    let run = |force: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args([
            "export",
            briefing.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ]);
        if force {
            cmd.arg("--force");
        }
        cmd.env("XDG_CONFIG_HOME", config.path())
            .output()
            .expect("run")
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force overwrites it"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "not an export");
    assert_eq!(run(true).status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("why this matters")
    );
    assert_eq!(
        run(false).status.code(),
        Some(0),
        "its own export is rewritten freely"
    );
}

#[test]
fn open_at_an_address_from_the_notes() {
    let mut s = Session::start(&[CSPO, "--at", "cspo-florence#skynet-waffle"], 120, 40);
    s.wait_for("Comments 3/3");
    s.keys(&["q"]);
    s.wait_exit();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args([CSPO, "--at", "nowhere"])
        .current_dir(manifest())
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "without a terminal, a usage error first"
    );
}

#[test]
fn killed_at_any_moment_the_state_is_whole_and_holds_every_finished_note() {
    let config = tempfile::tempdir().expect("tempdir");
    let briefing = "tests/fixtures/deep-thread.yaml";
    let mut finished: Vec<(String, String)> = Vec::new();
    // How long one uninterrupted save takes here, so kills spread over all of it.
    let started = std::time::Instant::now();
    assert!(
        note_command(config.path(), briefing, "c1", "note 0")
            .status()
            .expect("run")
            .success()
    );
    let mut span = u32::try_from(started.elapsed().as_micros() * 3 / 2)
        .unwrap_or(u32::MAX)
        .max(1);
    finished.push(("comment:c1".into(), "note 0".into()));
    // Deterministic pseudo-random kill times, from 0 to half again one save's time.
    let mut seed: u32 = 0x2545_f491;
    let mut survived = 0;
    let mut recent_survived = 0u32;
    for round in 1..=200 {
        let item = format!("c{}", round % 25 + 1);
        let text = format!("note {round}");
        let mut child = note_command(config.path(), briefing, &item, &text)
            .spawn()
            .expect("spawn");
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        std::thread::sleep(Duration::from_micros(u64::from(seed % span)));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        // Keep the kills spread over the save as the machine's load changes: widen
        // the window while too few saves finish, narrow it while too many do.
        if round % 20 == 0 {
            let recent = f64::from(recent_survived) / 20.0;
            if recent < 0.2 {
                span = span.saturating_mul(3) / 2;
            } else if recent > 0.8 {
                span = (span / 3 * 2).max(1);
            }
            recent_survived = 0;
        }
        if status.success() {
            survived += 1;
            recent_survived += 1;
            finished.retain(|(i, _)| *i != format!("comment:{item}"));
            finished.push((format!("comment:{item}"), text));
        }
        let path = state_file(config.path(), "deep-thread");
        if path.exists() {
            let state = state(config.path(), "deep-thread");
            let notes = live_notes(&state);
            for note in &finished {
                // A killed later write of the same item may have landed too: the
                // item must hold this note or a later one.
                let held = notes
                    .iter()
                    .find(|(i, _)| *i == note.0)
                    .map(|(_, t)| t.clone());
                let later = |t: &str| {
                    t.trim_start_matches("note ").parse::<u32>().ok()
                        >= note.1.trim_start_matches("note ").parse::<u32>().ok()
                };
                assert!(
                    held.as_deref().is_some_and(later),
                    "round {round}: lost {note:?}; state holds {notes:?}"
                );
            }
        }
    }
    // The next save, left to finish, removes what the killed ones left behind.
    let folder = state_file(config.path(), "deep-thread")
        .parent()
        .expect("folder")
        .to_path_buf();
    let leftovers = || {
        std::fs::read_dir(&folder)
            .expect("folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    };
    eprintln!("{} temporary files left by 200 kills", leftovers());
    assert!(
        note_command(config.path(), briefing, "c1", "last")
            .status()
            .expect("run")
            .success()
    );
    assert_eq!(leftovers(), 0, "a finished save leaves no temporary file");
    eprintln!("{survived} of 200 saves finished before their kill");
    assert!(
        survived >= 10,
        "only {survived} of 200 saves finished: the kills test nothing after a save"
    );
    assert!(
        survived <= 190,
        "{survived} of 200 saves finished: the kills came too late to test anything"
    );
}

#[test]
fn two_then_ten_processes_adding_notes_at_once_lose_none() {
    let config = tempfile::tempdir().expect("tempdir");
    let briefing = "tests/fixtures/deep-thread.yaml";
    let mut expected = Vec::new();
    for (round, writers) in [2usize, 10, 10].into_iter().enumerate() {
        let children: Vec<_> = (0..writers)
            .map(|w| {
                let k = round * 10 + w;
                // 25 threads: their first comments, then their first replies.
                let item = if k < 25 {
                    format!("c{}", k + 1)
                } else {
                    format!("c{}.1", k - 24)
                };
                let text = format!("writer {w} round {round}");
                expected.push((format!("comment:{item}"), text.clone()));
                note_command(config.path(), briefing, &item, &text)
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    expected.sort();
    assert_eq!(live_notes(&state(config.path(), "deep-thread")), expected);
}

#[test]
fn two_readers_open_at_once_keep_each_others_notes() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut a = Session::start_in(&[CSPO], 120, 40, config.path(), manifest());
    let mut b = Session::start_in(&[CSPO], 120, 40, config.path(), manifest());
    a.wait_for("1 Summary");
    b.wait_for("1 Summary");
    a.keys(&["3", "a", "from reader a", "C-s"]);
    a.wait_for("note saved");
    b.keys(&["4", "a", "from reader b", "C-s"]);
    b.wait_for("note saved");
    a.keys(&["q"]);
    a.wait_exit();
    b.keys(&["q"]);
    b.wait_exit();
    assert_eq!(
        live_notes(&state(config.path(), "cspo-florence")),
        [
            ("comment:skynet".into(), "from reader b".into()),
            ("quote:knighton-competition".into(), "from reader a".into()),
        ]
    );
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_the_reader_starts_fresh() {
    let config = tempfile::tempdir().expect("tempdir");
    let path = state_file(config.path(), "cspo-florence");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"{\"version\": 1, \"notes\": [trunc").unwrap();
    let mut s = Session::start_in(&[CSPO], 200, 30, config.path(), manifest());
    s.wait_for("could not be read");
    s.wait_for("moved to");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let aside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("cspo-florence.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(aside[0].path()).unwrap(),
        b"{\"version\": 1, \"notes\": [trunc"
    );
    state(config.path(), "cspo-florence");
}

#[test]
fn an_unwritable_config_folder_warns_keeps_notes_in_memory_and_export_still_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A config "folder" that is a file cannot be written to, even by root.
    let config = dir.path().join("config-is-a-file");
    std::fs::write(&config, "").unwrap();
    let mut s = Session::start_in(
        &[manifest().join(CSPO).to_str().unwrap()],
        160,
        40,
        &config,
        dir.path(),
    );
    s.wait_for("notes are NOT saved");
    s.keys(&["3", "a", "kept in memory", "C-s"]);
    s.wait_for("✎ kept in memory");
    s.keys(&["Esc"]);
    s.wait_for("notes are NOT saved");
    s.keys(&["X"]);
    s.wait_for("(1 note)");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let md = std::fs::read_to_string(dir.path().join("cspo-florence-notes.md")).unwrap();
    assert!(md.contains("kept in memory"));
    assert_eq!(
        std::fs::read(&config).unwrap(),
        b"",
        "nothing was written over it"
    );

    let out = note_command(&config, CSPO, "skynet", "x")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the note was not saved"), "{stderr}");
}

#[test]
fn state_from_a_newer_brief_keeps_its_unknown_fields() {
    let config = tempfile::tempdir().expect("tempdir");
    let path = state_file(config.path(), "cspo-florence");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        r#"{"version": 7, "id": "cspo-florence", "highlights": ["x"], "notes": [{"id": "n1", "item": "quote:knighton-competition", "text": "old", "created_ms": 1, "updated_ms": 1, "colour": "red"}]}"#,
    )
    .unwrap();
    let out = note_command(config.path(), CSPO, "skynet", "new")
        .output()
        .expect("run");
    assert!(out.status.success());
    let state = state(config.path(), "cspo-florence");
    assert_eq!(state["version"], 7);
    assert_eq!(state["highlights"][0], "x");
    assert_eq!(state["notes"][0]["colour"], "red");
    assert_eq!(live_notes(&state).len(), 2);
}

/// The place is written behind the reader: while another `brief` holds the
/// state's lock, the reader goes on; once the lock is let go, the place lands,
/// and `settle` (every way out of the reader) waits for it. A note is written
/// at once, after what was handed over before it.
#[test]
fn the_place_is_saved_behind_the_reader_and_a_note_after_it() {
    use brief::app::{Action, Key, Root};
    use brief::effects::Runner;
    let config = tempfile::tempdir().expect("tempdir");
    let dir = config.path().join("brief");
    let store = brief::store::Store::at(&dir);
    let text = std::fs::read_to_string(manifest().join(CSPO)).expect("bundled");
    let briefing = brief::briefing::parse(&text, CSPO).expect("loads").briefing;
    let mut root = Root::with_briefing(briefing);
    let mut runner = Runner::new(Some(store), config.path().to_path_buf());
    runner.save_behind();
    runner.press(&mut root, Key::parse("4").expect("key"));
    // Another process is saving this briefing: its lock is held.
    std::fs::create_dir_all(dir.join("briefings")).expect("folder");
    let lock = std::fs::File::create(dir.join("briefings/cspo-florence.lock")).expect("lock");
    lock.lock().expect("locked");
    let (done, went_on) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let (root, runner) = (&mut root, &mut runner);
        scope.spawn(move || {
            runner.dispatch(root, Action::SavePlace);
            let _ = done.send(());
        });
        // A bound on a hang, not a timing: a save in the reader's way never returns.
        let answer = went_on.recv_timeout(Duration::from_secs(60));
        drop(lock);
        assert!(
            answer.is_ok(),
            "the save held up the reader while the lock was held"
        );
    });
    runner.settle();
    let place = state(config.path(), "cspo-florence");
    assert_eq!(
        place["focus"], "comments",
        "the place landed once the lock was free"
    );
    assert!(
        runner.answers().contains(&Action::Saved),
        "the reader is told the save was written"
    );
    // A note goes to disk before the key that wrote it returns.
    for key in ["a", "k", "e", "p", "t", "C-s"] {
        runner.press(&mut root, Key::parse(key).expect("key"));
    }
    let notes = live_notes(&state(config.path(), "cspo-florence"));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].1, "kept");
}
