//! The real binary in a pseudo-terminal: keys in as a person types them, the screen
//! read back through a terminal emulator (vt100).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::Session;

#[test]
fn reads_the_bundled_briefing_and_quits_restoring_the_terminal() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 120, 40);
    s.wait_for("CSpO partners meet in Florence on space security");
    s.wait_for("1 Summary");
    s.wait_for("4 Comments · 3 of 5");
    assert!(
        s.parser.lock().unwrap().screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.keys(&["?"]);
    s.wait_for("Keys · type to filter · Esc closes");
    s.wait_for("in Comments: collapse all");
    s.keys(&["q", "u", "o", "t", "e"]);
    s.wait_for("Keys matching “quote”");
    s.wait_for("next quote, from any pane");
    s.wait_gone("in Comments: collapse all");
    s.keys(&["Esc"]);
    s.wait_gone("Keys · type to filter");
    s.keys(&["]"]);
    s.wait_for("Quotes 2/2");
    s.keys(&["]"]);
    s.wait_for("wrapped to the first quote");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let parser = s.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
    assert!(!parser.screen().hide_cursor(), "the cursor is shown again");
}

#[test]
fn narrow_layout_tabs_between_panes_and_collapses_comments() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 80, 24);
    s.wait_for("1 Summary   2 Nations   3 Quotes   4 Comments");
    s.wait_for("The Combined Space Operations Initiative");
    s.keys(&["Tab"]);
    s.wait_for("AU  Australia");
    s.keys(&["Tab", "Tab"]);
    s.wait_for("Comments 1/3");
    s.keys(&["Enter"]);
    s.wait_for("anonymous [+2, 2 unread]");
    s.keys(&["Space", "j", "j"]);
    s.wait_for("Comments 3/3");
    s.keys(&["p"]);
    s.wait_for("Comments 2/3");
    s.keys(&["C-c"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_layout_follows_a_resize() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 120, 40);
    s.wait_for("4 Comments · 3 of 5");
    s.wait_for("2 Nations");
    s.resize(80, 24);
    s.wait_for("1 Summary   2 Nations   3 Quotes   4 Comments");
    s.resize(30, 8);
    s.wait_for("brief needs at least 40x10");
    s.resize(120, 40);
    s.wait_for("4 Comments · 3 of 5");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn mouse_is_off_until_m_and_then_a_click_selects() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 120, 40);
    s.wait_for("AU  Australia");
    // Nations' rows start below its border; find the row that shows Italy.
    let row = s
        .screen()
        .lines()
        .position(|l| l.contains("IT  Italy"))
        .expect("Italy")
        + 1;
    let click = format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m");
    s.type_bytes(click.as_bytes());
    // A barrier, not a sleep: the key after the click shows its effect only once
    // the click before it was read, and the click selected nothing.
    s.keys(&["2"]);
    s.wait_for("Nations 1/10");
    s.keys(&["M"]);
    s.wait_for("mouse on");
    s.type_bytes(click.as_bytes());
    s.wait_for("Nations 5/10");
    s.keys(&["M"]);
    s.wait_for("mouse off");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn every_key_in_the_contract_works_on_a_deep_thread() {
    let mut s = Session::start(&["tests/fixtures/deep-thread.yaml"], 100, 30);
    s.wait_for("A generated briefing whose comments nest twelve levels deep.");
    s.keys(&["4"]);
    s.wait_for("4 Comments · 300 of 320");
    s.wait_for("Comments 1/300");
    s.keys(&["G"]);
    s.wait_for("Comments 300/300");
    s.keys(&["g", "C"]);
    s.wait_for("reader001 [+11, 11 unread]");
    s.keys(&["E", "j", "J"]);
    s.wait_for("Comments 7/300");
    s.keys(&["K"]);
    s.wait_for("Comments 2/300");
    s.keys(&["l"]);
    s.wait_for("Comments 3/300");
    s.keys(&["h"]);
    s.wait_for("reader003 · depth 2 [+1, 1 unread]");
    s.keys(&["h"]);
    s.wait_for("Comments 2/300");
    s.keys(&["C-d"]);
    s.wait_gone("Comments 2/300");
    s.keys(&["g"]);
    s.keys(&["v"]);
    s.wait_for("Comment 1 of 300 · Esc returns");
    s.keys(&["Esc", "]"]);
    s.wait_for("Quotes 2/7");
    s.keys(&["}"]);
    s.wait_for("Quotes 4/7");
    s.keys(&["{", "[", "2", "m"]);
    s.wait_for("Nations · none");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn briefing_text_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hostile.yaml");
    std::fs::write(
        &path,
        "format: brief/1\nid: hostile\ntitle: \"Owned\\e]0;pwned-title\\a\\e[2J\\e[31m\"\nsummary: [\"bell\\a and \\x9b31m and \\u202Eevil\"]\n",
    )
    .expect("write");
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30);
    s.wait_for("Owned␛]0;pwned-title␇␛[2J␛[31m");
    s.keys(&["q"]);
    s.wait_exit();
    let raw = s.raw.lock().unwrap().clone();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b]0;pwned"),
        "an OSC title sequence reached the terminal"
    );
    assert!(!has(b"\x07"), "a bell reached the terminal");
    assert!(
        !has("\u{202e}".as_bytes()),
        "a bidi override reached the terminal"
    );
    assert!(!has("\u{9b}".as_bytes()), "a C1 CSI reached the terminal");
}

#[test]
fn a_bad_briefing_fails_before_the_terminal_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "format: brief/1\nid: bad\ntitle: Bad\n").expect("write");
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30);
    assert_eq!(s.wait_exit(), 1);
    let screen = s.screen();
    assert!(
        screen.contains("bad.yaml:1:1: summary: missing required key"),
        "{screen}"
    );
    assert!(!s.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn without_a_terminal_the_reader_says_what_to_use_instead() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the reader needs a terminal"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_library_of_fifty_briefings_search_jump_in_and_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::generate::library(dir.path(), 50).expect("generate");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/cspo-florence.yaml"),
        dir.path().join("cspo-florence.yaml"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("zz-broken.yaml"),
        "format: brief/1\nid: Broken\ntitle: t\nsummary: [s]\n",
    )
    .expect("write");
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 120, 40);
    s.wait_for("Library · 52 of 52 · 1 refused · sorted by title");
    s.wait_for("Generated briefing 1:");
    s.keys(&["G"]);
    s.wait_for("id: `Broken` is not a valid id");
    s.keys(&["/", "CSpO", "Enter"]);
    s.wait_for("Library · 1 of 52");
    s.keys(&["Enter"]);
    s.wait_for("4 Comments · 3 of 5");
    s.keys(&["4", "C", "/", "waffle"]);
    s.wait_for("/waffle  1 match");
    s.keys(&["Enter"]);
    s.wait_for("Comments 3/3");
    s.wait_for("match 1/1 for waffle");
    s.keys(&["b"]);
    s.wait_for("Library · 1 of 52");
    s.wait_for("40% read");
    s.keys(&["Esc", "S"]);
    s.wait_for("Speakers · 14 across the library");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_briefing_changed_on_disk_reloads_keeping_notes_and_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("live.yaml");
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/cspo-florence.yaml"),
    )
    .unwrap();
    std::fs::write(&path, &original).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], 120, 40);
    s.wait_for("4 Comments · 3 of 5");
    s.keys(&["4", "j", "a", "still here", "C-s"]);
    s.wait_for("note saved");
    let edited = format!(
        "{original}  - id: late\n    text: A late comment, added while the reader was open.\n"
    );
    std::fs::write(&path, edited).unwrap();
    s.wait_for("reloaded: the file changed on disk: 1 new comment");
    s.wait_for("4 Comments · 4 of 5");
    s.wait_for("✎ still here");
    s.wait_for("Comments 2/4");
    std::fs::write(&path, "format: brief/1\nid: cspo-florence\n").unwrap();
    s.wait_for("the file changed but does not load");
    s.wait_for("4 Comments · 4 of 5");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_panic_while_drawing_restores_the_terminal_before_the_report() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start_env(
        &["briefings/cspo-florence.yaml"],
        100,
        30,
        config.path(),
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[("BRIEF_TEST_PANIC_IN_DRAW", "1")],
    );
    let code = s.wait_exit();
    assert_ne!(code, 0);
    let raw = s.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    let left_alt = text
        .rfind("\u{1b}[?1049l")
        .expect("the alternate screen was left");
    let report = text
        .find("a panic in the draw path")
        .expect("the panic was reported");
    assert!(
        left_alt < report,
        "the terminal was restored before the report printed"
    );
    let parser = s.parser.lock().unwrap();
    assert!(!parser.screen().alternate_screen());
    assert!(!parser.screen().hide_cursor(), "the cursor is shown again");
}

#[test]
fn no_color_and_a_dumb_terminal_get_no_colour_codes() {
    let config = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for env in [
        [("NO_COLOR", "1"), ("TERM", "xterm-256color")],
        [("NO_COLOR", "1"), ("TERM", "dumb")],
    ] {
        let mut s = Session::start_env(
            &["briefings/cspo-florence.yaml"],
            120,
            40,
            config.path(),
            root,
            &env,
        );
        s.wait_for("4 Comments · 3 of 5");
        s.keys(&["2", "m", "/", "space", "Enter"]);
        s.wait_for("/12 for space");
        s.keys(&["q"]);
        assert_eq!(s.wait_exit(), 0);
        let raw = s.raw.lock().unwrap().clone();
        let text = String::from_utf8_lossy(&raw);
        // SGR colour parameters: 30-38 and 90-97 set the foreground, 40-48 and
        // 100-107 the background; 39 and 49 only go back to the default.
        let colours: Vec<&str> = text
            .split("\u{1b}[")
            .skip(1)
            .map(|seq| seq.split('m').next().unwrap_or(""))
            .filter(|params| params.chars().all(|c| c.is_ascii_digit() || c == ';'))
            .filter(|params| {
                params.split(';').any(|p| {
                    matches!(
                        p.parse::<u32>(),
                        Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                    )
                })
            })
            .collect();
        assert!(
            colours.is_empty(),
            "colour codes were written with NO_COLOR ({env:?}): {colours:?}"
        );
    }
}

#[test]
fn a_storm_of_resizes_leaves_a_whole_screen() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 120, 40);
    s.wait_for("4 Comments · 3 of 5");
    for i in 0..60u16 {
        let (w, h) = (20 + (i * 37) % 180, 5 + (i * 13) % 50);
        s.resize(w, h);
        std::thread::sleep(Duration::from_millis(5));
    }
    s.resize(80, 24);
    s.wait_for("1 Summary   2 Nations   3 Quotes   4 Comments");
    s.wait_for("Summary ¶1/6");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// `brief DIR` in a 100x30 terminal, run in `dir`, its config and cache in `config`.
fn library_in(dir: &Path, config: &Path) -> Session {
    Session::start_in(&[dir.to_str().unwrap()], 100, 30, config, dir)
}

#[test]
fn the_library_search_finds_a_phrase_by_the_catalog_and_opens_at_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::generate::library_of(dir.path(), 40, common::generate::Shape::archive)
        .expect("generate");
    std::fs::write(
        dir.path().join("zz-airship.yaml"),
        "format: brief/1\nid: airship\ntitle: Airship logistics\nsummary: [Nothing new.]\nquotes:\n  - { id: fleet, speaker: Ada Quill, text: The zeppelin fleet flies at dawn. }\n",
    )
    .expect("write");
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = library_in(dir.path(), config.path());
    s.wait_for("Library · 41 of 41");
    s.keys(&["F", "zeppelin", "Space", "flee"]);
    // Ranked by the catalog once it has been built (scanned until then).
    s.wait_for("1 briefing for “zeppelin flee” · best first");
    s.wait_for("quote by Ada Quill: The zeppelin fleet flies at dawn.");
    s.keys(&["Enter", "Enter"]);
    s.wait_for("Quotes 1/1");
    s.wait_for("Airship logistics");
    s.keys(&["b"]);
    s.wait_for("best first");
    // A briefing saved into the folder while the library is open joins the
    // catalog too.
    s.keys(&["Esc"]);
    std::fs::write(
        dir.path().join("zz-blimp.yaml"),
        "format: brief/1\nid: blimp\ntitle: Blimp report\nsummary: [A dirigible was seen.]\n",
    )
    .expect("write");
    s.wait_for("Library · 42 of 42");
    s.keys(&["F"]);
    s.keys(&["Backspace"; 13]);
    s.keys(&["dirigible"]);
    s.wait_for("1 briefing for “dirigible” · best first");
    s.wait_for("summary: A dirigible was seen.");
    s.keys(&["Esc", "q"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(
        config.path().join("cache/brief/catalog/meta.json").exists(),
        "the catalog is in the cache directory"
    );
}

#[test]
fn a_warm_start_lists_the_library_from_the_catalog_and_opens_each_file_as_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::generate::library_of(dir.path(), 30, common::generate::Shape::small).expect("generate");
    let airship = dir.path().join("zz-airship.yaml");
    let blimp = dir.path().join("zz-blimp.yaml");
    let yaml = |title: &str| {
        format!(
            "format: brief/1\nid: b{}\ntitle: {title}\nsummary: [Nothing new.]\n",
            title.len()
        )
    };
    std::fs::write(&airship, yaml("Aardvark airship logistics")).expect("write");
    std::fs::write(&blimp, yaml("Aardvark blimp report")).expect("write");
    let config = tempfile::tempdir().expect("tempdir");
    let start = || library_in(dir.path(), config.path());
    let mut s = start();
    s.wait_for("Library · 32 of 32");
    // Ranked hits say the catalog is in step with every file.
    s.keys(&["F", "airship"]);
    s.wait_for("1 briefing for “airship” · best first");
    s.keys(&["Esc", "Esc", "q"]);
    assert_eq!(s.wait_exit(), 0);
    // One file changes without its size or time showing it; another grows.
    let modified = std::fs::metadata(&airship)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::fs::write(&airship, yaml("Aardvark airshop logistics")).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&airship)
        .and_then(|f| f.set_modified(modified))
        .expect("the old time put back");
    std::fs::write(&blimp, yaml("Aardvark blimp report, revised")).expect("write");
    let mut s = start();
    // The rows are the catalog's, not the files': the doctored file is listed
    // as it was indexed, so no file was read to draw them.
    s.wait_for("Aardvark airship logistics");
    // The grown file is indexed again, and its row replaced, not doubled.
    s.wait_for("Aardvark blimp report, revised");
    s.wait_for("Library · 32 of 32");
    // Opening a briefing reads its file, as it is now, and its row follows.
    s.keys(&["Enter"]);
    s.wait_for("Aardvark airshop logistics");
    s.wait_for("1 Summary");
    s.keys(&["b"]);
    s.wait_for("Library · 32 of 32");
    assert!(
        !s.screen().contains("airship"),
        "the row was made anew from the file:\n{}",
        s.screen()
    );
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_open_briefing_changed_on_disk_is_found_by_the_library_search_as_it_is_now() {
    let dir = tempfile::tempdir().expect("tempdir");
    let yaml = |id: &str, title: &str, said: &str| {
        format!("format: brief/1\nid: {id}\ntitle: {title}\nsummary: [\"{said}\"]\n")
    };
    let airship = dir.path().join("a-airship.yaml");
    std::fs::write(&airship, yaml("a", "Airship logistics", "Nothing new.")).expect("write");
    std::fs::write(
        dir.path().join("b-blimp.yaml"),
        yaml("b", "Blimp report", "Nothing either."),
    )
    .expect("write");
    let config = tempfile::tempdir().expect("tempdir");
    let mut s = library_in(dir.path(), config.path());
    s.wait_for("Library · 2 of 2");
    s.keys(&["F", "airship"]);
    s.wait_for("1 briefing for “airship” · best first");
    // Opened from its hit, whichever row the library had selected.
    s.keys(&["Enter", "Enter"]);
    s.wait_for("│  Nothing new.");
    std::fs::write(
        &airship,
        yaml("a", "Airship logistics", "A quasar was sighted."),
    )
    .expect("write");
    s.wait_for("reloaded: the file changed on disk");
    // The watcher named the file to the catalog, which indexed it again.
    s.keys(&["b", "F"]);
    s.keys(&["Backspace"; 7]);
    s.keys(&["quasar"]);
    s.wait_for("1 briefing for “quasar” · best first");
    s.wait_for("A quasar was sighted.");
    s.keys(&["Esc", "Esc", "q"]);
    assert_eq!(s.wait_exit(), 0);
}
