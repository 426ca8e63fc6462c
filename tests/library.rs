//! The library and the speaker index: order, filter, progress, opening and coming
//! back, speakers joined across briefings.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::collections::BTreeMap;

use brief::app::Key;
use brief::briefing;
use brief::library::Origin;
use brief::shell::{Progress, Shelf, Shell, ShellEffect, Showing, Sort};
use brief::state::Saved;

fn shelf(yaml: &str, name: &str, last_opened_ms: u64) -> Shelf {
    let b = briefing::parse(yaml, name).expect("loads").briefing;
    let mut progress = Progress::of(&b, None);
    progress.last_opened_ms = last_opened_ms;
    Shelf {
        origin: Origin::File(name.into()),
        briefing: Ok(std::sync::Arc::new(b)),
        progress,
    }
}

fn yaml(id: &str, title: &str, date: &str, nations: &str, quotes: &str) -> String {
    let published = if date.is_empty() {
        String::new()
    } else {
        format!(", published: \"{date}\"")
    };
    format!(
        "format: brief/1\nid: {id}\ntitle: {title}\nsource: {{author: A. Writer{published}}}\nsummary: [s]\nnations: [{nations}]\nquotes: [{quotes}]\n"
    )
}

fn library() -> Shell {
    let shelves = vec![
        shelf(
            &yaml(
                "b",
                "Bravo in Oslo",
                "2025-01-01",
                "{name: Norway, code: \"NO\"}",
                "{speaker: ACM Sir Richard Knighton, role: CAS, text: one}",
            ),
            "b.yaml",
            5,
        ),
        shelf(
            &yaml(
                "a",
                "Alpha in Tokyo",
                "2024-03-01",
                "{name: Japan, code: JP}",
                "{speaker: Air Chief Marshal Sir Richard Knighton, text: two}, {speaker: Avril Jolliffe, text: three}",
            ),
            "a.yaml",
            0,
        ),
        shelf(&yaml("c", "Charlie undated", "", "", ""), "c.yaml", 9),
        Shelf {
            origin: Origin::File("broken.yaml".into()),
            briefing: Err("broken.yaml:3:1: summary: missing required key".into()),
            progress: Progress::default(),
        },
    ];
    let aliases = BTreeMap::from([(
        "ACM Sir Richard Knighton".to_owned(),
        "Air Chief Marshal Sir Richard Knighton".to_owned(),
    )]);
    Shell::library(shelves, &aliases)
}

fn press(shell: &mut Shell, keys: &str) -> ShellEffect {
    let mut last = ShellEffect::None;
    for name in keys.split_whitespace() {
        last = shell.press(Key::parse(name).unwrap());
        if let ShellEffect::Open { shelf, at } = &last {
            shell.open(*shelf, None, 0, 0, at.as_deref());
        }
        if last == ShellEffect::Back {
            shell.close_reader();
        }
    }
    last
}

fn titles(shell: &Shell) -> Vec<String> {
    shell
        .rows()
        .into_iter()
        .map(|i| match &shell.shelves[i].briefing {
            Ok(b) => b.title.clone(),
            Err(_) => shell.shelves[i].origin.name(),
        })
        .collect()
}

#[test]
fn sorts_by_title_date_and_last_opened_with_refused_files_last() {
    let mut shell = library();
    assert_eq!(
        titles(&shell),
        [
            "Alpha in Tokyo",
            "Bravo in Oslo",
            "Charlie undated",
            "broken.yaml"
        ]
    );
    press(&mut shell, "s");
    assert_eq!(shell.sort, Sort::Date);
    // Newest first: not the title order, so the test tells the two sorts apart.
    assert_eq!(
        titles(&shell),
        [
            "Bravo in Oslo",
            "Alpha in Tokyo",
            "Charlie undated",
            "broken.yaml"
        ]
    );
    press(&mut shell, "s");
    assert_eq!(
        titles(&shell),
        [
            "Charlie undated",
            "Bravo in Oslo",
            "Alpha in Tokyo",
            "broken.yaml"
        ]
    );
    press(&mut shell, "s");
    assert_eq!(shell.sort, Sort::Title);
}

#[test]
fn filters_as_you_type_and_by_nation() {
    let mut shell = library();
    press(&mut shell, "/ o s l");
    assert_eq!(titles(&shell), ["Bravo in Oslo"]);
    press(&mut shell, "Enter");
    assert!(!shell.filtering);
    press(&mut shell, "Esc");
    assert_eq!(titles(&shell).len(), 4);
    press(&mut shell, "/ n a t i o n : j p Enter");
    assert_eq!(titles(&shell), ["Alpha in Tokyo"]);
    assert_eq!(shell.selected, 1, "the selection follows the filter");
}

#[test]
fn enter_opens_and_b_comes_back_with_the_selection_kept() {
    let mut shell = library();
    press(&mut shell, "j");
    assert_eq!(shell.selected, 0);
    let effect = shell.press(Key::parse("Enter").unwrap());
    assert_eq!(effect, ShellEffect::Open { shelf: 0, at: None });
    shell.open(0, None, 0, 0, None);
    assert_eq!(shell.showing, Showing::Reader);
    assert_eq!(shell.reader.as_ref().unwrap().briefing.id, "b");
    press(&mut shell, "3");
    assert_eq!(shell.press(Key::parse("b").unwrap()), ShellEffect::Back);
    shell.close_reader();
    assert_eq!(shell.showing, Showing::Library);
    assert_eq!(shell.selected, 0);
    assert_eq!(
        shell.shelves[0].progress.seen, 1,
        "the quote read counts in the library"
    );
    assert_eq!(shell.shelves[0].progress.percent(), 100);
}

#[test]
fn a_refused_file_cannot_be_opened_and_says_why() {
    let mut shell = library();
    press(&mut shell, "G");
    assert_eq!(press(&mut shell, "Enter"), ShellEffect::None);
    assert!(
        shell
            .status
            .as_deref()
            .unwrap()
            .contains("summary: missing required key")
    );
}

#[test]
fn aliases_join_speakers_across_briefings() {
    let shell = library();
    let names: Vec<(&str, usize, usize)> = shell
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes.len(), s.briefings))
        .collect();
    assert_eq!(
        names,
        [
            ("Air Chief Marshal Sir Richard Knighton", 2, 2),
            ("Avril Jolliffe", 1, 1)
        ]
    );
    assert_eq!(shell.speakers[0].roles, ["CAS"]);
}

#[test]
fn a_quote_in_the_speaker_index_opens_its_briefing_there() {
    let mut shell = library();
    press(&mut shell, "S");
    assert_eq!(shell.showing, Showing::Speakers(None));
    press(&mut shell, "Enter");
    assert_eq!(shell.showing, Showing::Speakers(Some(0)));
    press(&mut shell, "j Enter");
    let app = shell.reader.as_ref().expect("opened");
    assert_eq!(
        app.briefing.id, "a",
        "quotes are listed in library order: Bravo's first, then Alpha's"
    );
    assert_eq!(app.focus, brief::app::Pane::Quotes);
    press(&mut shell, "S Esc");
    assert_eq!(
        shell.showing,
        Showing::Reader,
        "Esc from the index returns to the open briefing"
    );
}

#[test]
fn progress_counts_reads_notes_and_new_items() {
    let b = briefing::parse(briefing::BUNDLED, "x").unwrap().briefing;
    let saved = Saved {
        seen_quotes: vec!["knighton-competition".into(), "gone".into()],
        seen_comments: vec!["skynet".into()],
        known_quotes: vec!["knighton-competition".into()],
        known_comments: vec!["skynet".into(), "skynet-asat".into()],
        last_opened_ms: 7,
        ..Saved::default()
    };
    let p = Progress::of(&b, Some(&saved));
    assert_eq!((p.seen, p.total, p.new, p.last_opened_ms), (2, 5, 2, 7));
    assert_eq!(p.percent(), 40);
}

#[test]
fn library_and_speaker_screens() {
    let mut shell = library();
    let text = |shell: &mut Shell| {
        brief::snapshot::to_text(&brief::snapshot::replay_shell(
            shell,
            &[],
            (90, 20),
            brief::ui::Theme::colored(),
        ))
    };
    insta::assert_snapshot!("library", text(&mut shell));
    press(&mut shell, "S");
    insta::assert_snapshot!("speakers", text(&mut shell));
    press(&mut shell, "Enter");
    insta::assert_snapshot!("speaker_quotes", text(&mut shell));
}

#[test]
fn briefings_arriving_in_the_background_fill_the_library() {
    let mut shell = Shell::library(Vec::new(), &BTreeMap::new());
    shell.expected = 2;
    assert!(shell.is_loading());
    let text = |s: &mut Shell| {
        brief::snapshot::to_text(&brief::snapshot::replay_shell(
            s,
            &[],
            (90, 12),
            brief::ui::Theme::colored(),
        ))
    };
    assert!(text(&mut shell).contains("Reading the briefings…"));
    shell.add(shelf(
        &yaml("a", "Alpha", "2025-01-01", "", "{speaker: S, text: t}"),
        "a.yaml",
        0,
    ));
    assert!(text(&mut shell).contains("Library · 1 of 1 · reading 1 of 2…"));
    assert!(
        shell.speakers.is_empty(),
        "the speaker index waits for the last briefing"
    );
    shell.add(shelf(
        &yaml("b", "Bravo", "2025-01-01", "", ""),
        "b.yaml",
        0,
    ));
    assert!(!shell.is_loading());
    assert_eq!(shell.speakers.len(), 1);
    let mut cut = Shell::library(Vec::new(), &BTreeMap::new());
    cut.expected = 5;
    cut.finish_loading();
    assert!(
        !cut.is_loading(),
        "a reading thread that stops early ends the wait"
    );
}
