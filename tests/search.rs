//! Search in the reader and from the command line.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{App, Mode, Pane, Root};
use common::{app, briefing, cspo, press};

const THREAD: &str = "format: brief/1
id: thread
title: Thread
summary: [Nothing to see.]
quotes:
  - {speaker: Ada, text: The Orbit is crowded.}
  - {speaker: Bo, text: Nothing here.}
comments:
  - text: top
    replies:
      - text: middle
        replies:
          - text: the hidden ORBIT of Café Été
  - text: orbit again
";

fn typed(root: &mut Root, text: &str) {
    let keys: Vec<String> = text
        .chars()
        .map(|c| {
            if c == ' ' {
                "Space".into()
            } else {
                c.to_string()
            }
        })
        .collect();
    press(root, &keys.join(" "));
}

#[test]
fn typing_moves_to_matches_and_enter_keeps_them() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "/");
    assert_eq!(app(&root).mode(), Mode::Search);
    typed(&mut root, "orbit");
    let search = app(&root).search().expect("a search");
    assert_eq!(
        search.hits.len(),
        3,
        "case-insensitive: quote and two comments"
    );
    assert_eq!(
        (app(&root).focus(), app(&root).quote()),
        (Pane::Quotes, 0),
        "the view is on the first match already"
    );
    press(&mut root, "Enter");
    assert_eq!(app(&root).mode(), Mode::Panes);
    assert_eq!(app(&root).status(), Some("match 1/3 for orbit"));
    press(&mut root, "n");
    assert_eq!(
        (app(&root).focus(), app(&root).tree().selected()),
        (Pane::Comments, Some(2))
    );
    press(&mut root, "n n");
    assert_eq!(app(&root).focus(), Pane::Quotes);
    assert_eq!(
        app(&root).status(),
        Some("match 1/3 for orbit (wrapped to the top)")
    );
    press(&mut root, "N");
    assert_eq!(app(&root).tree().selected(), Some(3));
}

#[test]
fn typing_goes_to_the_first_match_at_or_after_where_the_search_began() {
    let shape = common::generate::Shape {
        comments: 400,
        ..common::generate::Shape::small(21)
    };
    let mut root = Root::with_briefing(briefing(&common::generate::briefing(shape)));
    let has = |a: &App, c: usize| a.briefing().comment_text(c).contains("orbit");
    let on_a_match = (150..400).find(|&c| has(app(&root), c)).expect("a match");
    let after_the_last = (0..400)
        .rev()
        .find(|&c| has(app(&root), c))
        .expect("a match")
        + 1;
    assert!(after_the_last < 400, "a comment after the last match");
    for start in [0, on_a_match - 1, on_a_match, after_the_last] {
        press(&mut root, "Esc 4 g");
        for _ in 0..start {
            press(&mut root, "j");
        }
        assert_eq!(app(&root).tree().selected(), Some(start));
        press(&mut root, "/");
        typed(&mut root, "orbit");
        let expected = (start..400).find(|&c| has(app(&root), c));
        match expected {
            Some(c) => assert_eq!(
                (app(&root).focus(), app(&root).tree().selected()),
                (Pane::Comments, Some(c))
            ),
            // Nothing after the start: the first match of all.
            None => assert_eq!(app(&root).search().as_ref().unwrap().current, Some(0)),
        }
        press(&mut root, "Enter");
    }
}

#[test]
fn a_capital_letter_makes_case_matter() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "/");
    typed(&mut root, "ORBIT");
    assert_eq!(app(&root).search().as_ref().unwrap().hits.len(), 1);
    press(&mut root, "BackTab");
    press(
        &mut root,
        "Backspace Backspace Backspace Backspace Backspace",
    );
    typed(&mut root, "Orbit");
    assert_eq!(app(&root).search().as_ref().unwrap().hits.len(), 1);
}

#[test]
fn a_match_in_a_collapsed_comment_is_revealed() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "4 C");
    assert_eq!(app(&root).tree().visible(), [0, 3]);
    press(&mut root, "/");
    typed(&mut root, "café été");
    press(&mut root, "Enter");
    assert_eq!(app(&root).tree().selected(), Some(2));
    assert_eq!(
        app(&root).tree().visible(),
        [0, 1, 2, 3],
        "the ancestors that hid it opened"
    );
}

#[test]
fn what_a_query_opened_closes_again_when_the_next_keystroke_finds_elsewhere() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "4 C");
    press(&mut root, "/");
    typed(&mut root, "hidden");
    assert_eq!(app(&root).tree().visible(), [0, 1, 2, 3]);
    press(
        &mut root,
        "Backspace Backspace Backspace Backspace Backspace Backspace",
    );
    typed(&mut root, "again");
    assert_eq!(app(&root).tree().selected(), Some(3));
    assert_eq!(
        app(&root).tree().visible(),
        [0, 3],
        "the thread the first query opened is collapsed again"
    );
    typed(&mut root, "x");
    assert_eq!(app(&root).search().as_ref().unwrap().hits.len(), 0);
    assert_eq!(
        app(&root).tree().selected(),
        Some(0),
        "back where the search began"
    );
}

#[test]
fn unicode_folding_finds_accented_capitals() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "/");
    typed(&mut root, "été");
    assert_eq!(app(&root).search().as_ref().unwrap().hits.len(), 1);
}

#[test]
fn esc_cancels_and_goes_back_to_where_the_search_began() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "4 C 2");
    let before = app(&root).tree().clone();
    press(&mut root, "/");
    typed(&mut root, "hidden");
    assert_eq!(app(&root).focus(), Pane::Comments);
    press(&mut root, "Esc");
    assert_eq!(app(&root).tree(), &before, "the tree exactly as it was");
    assert_eq!(app(&root).mode(), Mode::Panes);
    assert_eq!(app(&root).focus(), Pane::Nations);
    assert_eq!(
        app(&root).tree().visible(),
        [0, 3],
        "what the search opened is closed again"
    );
    assert!(app(&root).search().is_none());
}

#[test]
fn notes_are_searched_too() {
    let mut root = Root::with_briefing(briefing(THREAD));
    press(&mut root, "3 j a");
    typed(&mut root, "remember zanzibar");
    press(&mut root, "C-s 1 /");
    typed(&mut root, "zanzibar");
    assert_eq!((app(&root).focus(), app(&root).quote()), (Pane::Quotes, 1));
}

#[test]
fn n_without_a_search_says_how_to_start_one() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "n");
    assert_eq!(app(&root).status(), Some("no search: / starts one"));
    press(&mut root, "/ z z z q Enter");
    assert_eq!(
        app(&root).status(),
        Some("no match for zzzq"),
        "q is typed, not quit"
    );
}

#[test]
fn enter_on_a_nation_marks_its_mentions() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "2 G k Enter");
    let search = app(&root).search().expect("the lens is a search");
    assert_eq!(search.query.label, "United Kingdom");
    let hits: Vec<String> = search
        .hits
        .iter()
        .map(|h| {
            let item = h.item(app(&root).briefing(), app(&root).quote_order());
            item.expect("a hit is in the briefing").to_string()
        })
        .collect();
    assert_eq!(
        hits,
        [
            "summary:3",
            "summary:4",
            "quote:knighton-competition",
            "quote:jolliffe-resilience"
        ],
        "the name and UK (not inside AUKUS), but not the Nations list itself"
    );
    assert_eq!(app(&root).focus(), Pane::Summary);
    press(&mut root, "n n");
    assert_eq!((app(&root).focus(), app(&root).quote()), (Pane::Quotes, 0));
    press(&mut root, "Esc");
    assert!(app(&root).search().is_none(), "Esc clears the marks");
}

#[test]
fn matches_are_marked_on_screen() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "/");
    typed(&mut root, "skynet");
    let buffer = common::replay(&mut root, "", (120, 40), brief::ui::Theme::colored());
    let text = brief::snapshot::to_text(&buffer);
    let row = text
        .lines()
        .position(|l| l.contains("Skynet satellites"))
        .expect("on screen");
    let col = text
        .lines()
        .nth(row)
        .unwrap()
        .split("Skynet")
        .next()
        .unwrap()
        .chars()
        .count();
    let cell = buffer
        .cell((u16::try_from(col).unwrap(), u16::try_from(row).unwrap()))
        .unwrap();
    assert_eq!(cell.symbol(), "S");
    assert_eq!(cell.bg, ratatui::style::Color::Yellow);
}

mod cli {
    use std::process::Command;

    fn brief(args: &[&str]) -> (Option<i32>, String) {
        let cache = tempfile::tempdir().expect("tempdir");
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env(
                "XDG_CONFIG_HOME",
                std::env::temp_dir().join("brief-search-test-none"),
            )
            .env("XDG_CACHE_HOME", cache.path())
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    /// `brief search` run in `dir` with the cache in `cache`.
    fn search_in(
        dir: &std::path::Path,
        cache: &std::path::Path,
        args: &[&str],
    ) -> (Option<i32>, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .arg("search")
            .args(args)
            .current_dir(dir)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_CACHE_HOME", cache)
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    #[test]
    fn the_catalog_changes_what_is_read_never_what_is_printed() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        crate::common::generate::library_of(&lib, 30, crate::common::generate::Shape::archive)
            .unwrap();
        std::fs::write(lib.join("broken.yaml"), "format: brief/1\nid: x\n").unwrap();
        // A word only an escape spells, and one only a note holds.
        std::fs::write(
            lib.join("escaped.yaml"),
            "format: brief/1\nid: escaped\ntitle: Escapes\nsummary: [\"a caf\\u00e9 in orbit\"]\n",
        )
        .unwrap();
        let store = brief::store::Store::at(dir.path().join("config/brief"));
        let saved = brief::state::Saved {
            id: "generated-3".into(),
            notes: vec![brief::state::Note {
                id: "n1".into(),
                item: brief::state::ItemRef::Summary(1),
                text: "ask about zanzibar".into(),
                excerpt: String::new(),
                created_ms: 1,
                updated_ms: 1,
                deleted: false,
                unknown: serde_json::Map::new(),
            }],
            ..brief::state::Saved::default()
        };
        store.save(&saved, 1).unwrap();
        // A cache directory that is a file: no catalog can be made, every file is read.
        let no_cache = dir.path().join("not-a-folder");
        std::fs::write(&no_cache, "").unwrap();
        let cache = dir.path().join("cache");
        for typed in [
            "kalo",
            "ordinat",
            "Speaker 3",
            "2026-03",
            "—",
            "reader4",
            "no such words",
        ] {
            let scanned = search_in(dir.path(), &no_cache, &[typed, "lib"]);
            let indexed = search_in(dir.path(), &cache, &[typed, "lib"]);
            assert_eq!(indexed, scanned, "{typed}");
            assert!(
                indexed.2.contains("broken.yaml"),
                "a refused file is still named: {}",
                indexed.2
            );
        }
        assert!(
            cache.join("brief/catalog/meta.json").exists(),
            "the catalog was built"
        );
        let (_, escaped, _) = search_in(dir.path(), &cache, &["café", "lib"]);
        assert!(escaped.contains("lib/escaped.yaml:4: a café"), "{escaped}");
        let (_, noted, _) = search_in(dir.path(), &cache, &["zanzibar", "lib"]);
        assert!(noted.contains(": note: ask about zanzibar"), "{noted}");
    }

    #[test]
    fn ranked_prints_the_best_briefings_first_with_the_item_and_its_address() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, body: &str| {
            std::fs::write(dir.path().join(name), format!("format: brief/1\n{body}")).unwrap();
        };
        write(
            "a.yaml",
            "id: a\ntitle: Orbital debris summit\nsummary: [Delegates met.]\n",
        );
        write(
            "b.yaml",
            "id: b\ntitle: Budget talks\nsummary: [Money.]\nquotes:\n  - { id: warning, speaker: Richard Knighton, text: Debris is a threat to all of us. }\n",
        );
        write(
            "c.yaml",
            "id: c\ntitle: Launch schedule\nsummary: [Nothing new.]\ncomments:\n  - { id: q1, text: what about the debris?, author: orbitwatcher }\n",
        );
        let cache = dir.path().join("cache");
        let (code, out, _) = search_in(dir.path(), &cache, &["--ranked", "debris", "."]);
        assert_eq!(code, Some(0));
        assert_eq!(
            out,
            "./a.yaml: Orbital debris summit · a\n\
             ./b.yaml: Budget talks · b#warning · quote by Richard Knighton: Debris is a threat to all of us.\n\
             ./c.yaml: Launch schedule · c#q1 · comment by orbitwatcher: what about the debris?\n"
        );
        let (code, out, _) = search_in(dir.path(), &cache, &["--ranked", "nothing-like-it", "."]);
        assert_eq!((code, out.as_str()), (Some(1), ""));
    }

    #[test]
    fn prints_file_line_context_for_each_match() {
        let (code, out) = brief(&["search", "skynet"]);
        assert_eq!(code, Some(0));
        assert_eq!(
            out,
            "briefings/cspo-florence.yaml:92: comment: How does this safeguard out Skynet satellites, exactly?\n"
        );
    }

    #[test]
    fn searches_the_paths_given_and_exits_one_on_nothing() {
        let (code, out) = brief(&["search", "Ada", "tests/fixtures", "briefings"]);
        assert_eq!(code, Some(0));
        assert!(
            out.lines()
                .all(|l| l.starts_with("tests/fixtures/deep-thread.yaml:")),
            "{out}"
        );
        assert_eq!(
            lines_of(&out),
            grep_lines("Ada", "tests/fixtures/deep-thread.yaml"),
            "every line that names Ada, as grep -n numbers them:\n{out}"
        );
        let (code, out) = brief(&["search", "no such words anywhere"]);
        assert_eq!((code, out.as_str()), (Some(1), ""));
    }

    /// The line numbers of `brief search` output.
    fn lines_of(out: &str) -> Vec<u32> {
        out.lines()
            .map(|l| {
                l.split(':')
                    .nth(1)
                    .expect("file:line:")
                    .parse()
                    .expect("a line number")
            })
            .collect()
    }

    /// The lines `grep -n -i` finds `word` on, ids aside (they are not text).
    fn grep_lines(word: &str, file: &str) -> Vec<u32> {
        let out = Command::new("grep")
            .args(["-n", "-i", word, file])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("grep");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| {
                !l.split_once(':')
                    .unwrap()
                    .1
                    .trim_start()
                    .trim_start_matches("- ")
                    .starts_with("id:")
            })
            .map(|l| l.split(':').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn lines_are_the_files_own_as_grep_numbers_them() {
        let file = "briefings/cspo-florence.yaml";
        for word in [
            "security",
            "Knighton",
            "Skynet",
            "allies",
            "satellites",
            "Florence",
            "Jolliffe",
        ] {
            let (code, out) = brief(&["search", word, file]);
            assert_eq!(code, Some(0), "{word}");
            assert_eq!(lines_of(&out), grep_lines(word, file), "{word}:\n{out}");
        }
        // The title, the tags and the source are searched too.
        let (_, out) = brief(&["search", "Glasgow", file]);
        assert!(out.starts_with(&format!("{file}:8: source: ")), "{out}");
        let (_, out) = brief(&["search", "Outer Space Treaty", file]);
        assert!(out.contains(":13: tag: "), "{out}");
    }

    #[test]
    fn a_phrase_a_folded_line_breaks_is_found_at_its_item() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f.yaml");
        std::fs::write(
            &file,
            "format: brief/1\nid: f\ntitle: T\nsummary:\n  - >-\n    one two three\n    four five\n",
        )
        .unwrap();
        let (code, out) = brief(&["search", "three four", file.to_str().unwrap()]);
        assert_eq!(code, Some(0));
        assert_eq!(
            out,
            format!("{}:6: one two three four five\n", file.display())
        );
    }

    #[test]
    fn the_bundled_briefing_is_not_named_as_a_file_that_is_not_there() {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["search", "Skynet"])
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .output()
            .expect("run");
        let out = String::from_utf8_lossy(&out.stdout);
        assert!(out.starts_with("<bundled>:92: comment: "), "{out}");
    }

    #[test]
    fn a_reader_that_stops_reading_ends_the_search_quietly() {
        use std::io::BufRead;
        let dir = tempfile::tempdir().unwrap();
        // More matching lines than a pipe holds, so writing meets the closed end.
        let comments: String = (0..5000)
            .map(|i| format!("  - {{ id: c{i}, text: needle number {i} in the haystack }}\n"))
            .collect();
        let file = dir.path().join("many.yaml");
        std::fs::write(
            &file,
            format!("format: brief/1\nid: many\ntitle: Many\nsummary: [s]\ncomments:\n{comments}"),
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["search", "needle"])
            .arg(&file)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run");
        let mut first = String::new();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut first).unwrap();
        // As `| head -1` does: read a line, then close.
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(first.contains(":6: comment: "), "{first}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "nothing to say");
        assert_eq!(out.status.code(), Some(0));
    }

    #[test]
    fn nation_filters_briefings() {
        let (code, out) = brief(&["search", "--nation", "NO", "briefings", "tests/fixtures"]);
        assert_eq!(code, Some(0));
        assert_eq!(
            out,
            "briefings/cspo-florence.yaml:64: Norway (NO) · CSpO partners meet in Florence on space security\n"
        );
        let (code, _) = brief(&["search", "--nation", "FR", "space", "tests/fixtures"]);
        assert_eq!(code, Some(1), "the fixtures list no nations");
    }
}

#[test]
fn the_prompt_counts_matches_and_the_items_they_are_in() {
    let mut root = Root::with_briefing(cspo());
    typed(&mut root, "/waffle");
    assert_eq!(
        app(&root).search_prompt().unwrap(),
        "/waffle  1 match in 1 comment"
    );
    press(&mut root, "Esc");
    typed(&mut root, "/space");
    let search = app(&root).search().unwrap();
    let matches = search.matches.expect("a small briefing is counted");
    assert!(
        matches > search.hits.len(),
        "space is said more than once in an item"
    );
    let prompt = app(&root).search_prompt().unwrap();
    assert!(
        prompt.ends_with(&format!(
            "  {matches} matches in {} items",
            search.hits.len()
        )),
        "space is in paragraphs, quotes and comments: {prompt}"
    );
    press(&mut root, "Esc / Left Home");
    assert_eq!(
        app(&root).search_prompt().as_deref(),
        Some("/"),
        "keys that type nothing search nothing"
    );
}

#[test]
fn up_and_down_at_the_prompt_recall_earlier_searches_and_never_an_empty_one() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "/ Up");
    assert_eq!(
        app(&root).search_prompt().as_deref(),
        Some("/"),
        "no history: nothing"
    );
    press(&mut root, "Esc");
    let mut saved = Vec::new();
    for query in ["skynet", "waffle"] {
        press(&mut root, "/");
        typed(&mut root, query);
        let effects = root.press(brief::app::Key::parse("Enter").unwrap());
        saved = match effects.last() {
            Some(brief::app::Effect::SaveHistory(h)) => h.clone(),
            other => panic!("the history is kept: {other:?}"),
        };
        press(&mut root, "Esc");
    }
    assert_eq!(saved, ["skynet", "waffle"]);
    press(&mut root, "/ Up");
    assert!(app(&root).search_prompt().unwrap().starts_with("/waffle"));
    press(&mut root, "Up");
    assert!(app(&root).search_prompt().unwrap().starts_with("/skynet"));
    press(&mut root, "Up");
    assert!(
        app(&root).search_prompt().unwrap().starts_with("/skynet"),
        "stops at the oldest"
    );
    press(&mut root, "Down");
    assert!(app(&root).search_prompt().unwrap().starts_with("/waffle"));
}

#[test]
fn matches_are_counted_in_the_scan_and_past_the_caps_the_prompt_counts_items() {
    let text = |n: usize| {
        briefing(&format!(
            "format: brief/1\nid: big\ntitle: T\nsummary: [s]\ncomments:\n  - text: \"{}\"\n",
            "Orbit ".repeat(n)
        ))
    };
    let mut root = Root::with_briefing(text(500));
    typed(&mut root, "/orbit");
    assert_eq!(
        app(&root).search_prompt().unwrap(),
        "/orbit  500 matches in 1 comment"
    );
    let mut root = Root::with_briefing(text(50_000));
    typed(&mut root, "/orbit");
    assert_eq!(
        app(&root).search_prompt().unwrap(),
        "/orbit  in 1 comment",
        "past a thousand matches in one item, counting stops"
    );
    press(&mut root, "Esc");
    typed(&mut root, "/Orbit");
    assert_eq!(app(&root).search().unwrap().matches, None);
    assert_eq!(
        app(&root).search_prompt().unwrap(),
        "/Orbit  in 1 comment",
        "folding 300 KB for a cased count would cost more than the search"
    );
}
