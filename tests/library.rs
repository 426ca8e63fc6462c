//! The library and the speaker index: order, filter, progress, opening and coming
//! back, speakers joined across briefings.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use common::listing;

use std::collections::BTreeMap;

use brief::app::{Action, Effect, Key, Listing, Progress, Root, Screen, Setup, Sort};
use brief::briefing;
use brief::effects::Runner;
use brief::library::Origin;
use brief::state::Saved;

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

fn library() -> Root {
    let listings = vec![
        listing(
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
        listing(
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
        listing(&yaml("c", "Charlie undated", "", "", ""), "c.yaml", 9),
        Listing {
            origin: Origin::File("broken.yaml".into()),
            card: Err("broken.yaml:3:1: summary: missing required key".into()),
            progress: Progress::default(),
        },
    ];
    let aliases = BTreeMap::from([(
        "ACM Sir Richard Knighton".to_owned(),
        "Air Chief Marshal Sir Richard Knighton".to_owned(),
    )]);
    let count = listings.len();
    Root::library(
        listings,
        count,
        Setup {
            aliases,
            ..Setup::default()
        },
    )
}

/// Presses keys and carries out what they ask as `brief snapshot` does; the
/// effects of the last key.
fn press(root: &mut Root, keys: &str) -> Vec<Effect> {
    let mut runner = Runner::dry();
    let mut last = Vec::new();
    for name in keys.split_whitespace() {
        last = root.press(Key::parse(name).unwrap());
        runner.run(root, last.clone());
    }
    last
}

fn titles(root: &Root) -> Vec<String> {
    root.rows()
        .into_iter()
        .map(|i| match &root.listings()[i].card {
            Ok(b) => b.title.clone(),
            Err(_) => root.listings()[i].origin.name(),
        })
        .collect()
}

fn text(root: &mut Root, size: (u16, u16)) -> String {
    brief::snapshot::to_text(&brief::snapshot::replay(
        root,
        &mut Runner::dry(),
        &[],
        size,
        brief::ui::Theme::colored(),
    ))
}

#[test]
fn sorts_by_title_date_and_last_opened_with_refused_files_last() {
    let mut root = library();
    assert_eq!(
        titles(&root),
        [
            "Alpha in Tokyo",
            "Bravo in Oslo",
            "Charlie undated",
            "broken.yaml"
        ]
    );
    press(&mut root, "s");
    assert_eq!(root.sort(), Sort::Date);
    // Newest first: not the title order, so the test tells the two sorts apart.
    assert_eq!(
        titles(&root),
        [
            "Bravo in Oslo",
            "Alpha in Tokyo",
            "Charlie undated",
            "broken.yaml"
        ]
    );
    press(&mut root, "s");
    assert_eq!(
        titles(&root),
        [
            "Charlie undated",
            "Bravo in Oslo",
            "Alpha in Tokyo",
            "broken.yaml"
        ]
    );
    press(&mut root, "s");
    assert_eq!(root.sort(), Sort::Title);
}

#[test]
fn filters_as_you_type_and_by_nation() {
    let mut root = library();
    press(&mut root, "/ o s l");
    assert_eq!(titles(&root), ["Bravo in Oslo"]);
    press(&mut root, "Enter");
    assert!(!root.filtering());
    press(&mut root, "Esc");
    assert_eq!(titles(&root).len(), 4);
    press(&mut root, "/ n a t i o n : j p Enter");
    assert_eq!(titles(&root), ["Alpha in Tokyo"]);
    assert_eq!(root.selected(), 1, "the selection follows the filter");
}

#[test]
fn enter_opens_and_b_comes_back_with_the_selection_kept() {
    let mut root = library();
    press(&mut root, "j");
    assert_eq!(root.selected(), 0);
    let effects = root.press(Key::parse("Enter").unwrap());
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Load {
                listing: 0,
                at: None,
                ..
            }]
        ),
        "{effects:?}"
    );
    Runner::dry().run(&mut root, effects);
    assert_eq!(root.screen(), Screen::Reader);
    assert_eq!(root.reader().unwrap().briefing().id, "b");
    press(&mut root, "3");
    let effects = press(&mut root, "b");
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_)]),
        "leaving saves the place: {effects:?}"
    );
    assert_eq!(root.screen(), Screen::Library);
    assert!(root.reader().is_none());
    assert_eq!(root.selected(), 0);
    assert_eq!(
        root.listings()[0].progress.seen,
        1,
        "the quote read counts in the library"
    );
    assert_eq!(root.listings()[0].progress.percent(), 100);
}

#[test]
fn a_refused_file_cannot_be_opened_and_says_why() {
    let mut root = library();
    press(&mut root, "G");
    assert_eq!(press(&mut root, "Enter"), []);
    assert!(
        root.status()
            .unwrap()
            .contains("summary: missing required key")
    );
}

#[test]
fn help_over_the_library_ends_at_end_and_stops_at_the_last_screen() {
    let mut root = library();
    press(&mut root, "?");
    text(&mut root, (90, 20));
    let help = root.help().expect("help is open");
    assert_eq!(help.scroll, 0);
    press(&mut root, "End");
    let end = root.help().expect("open").scroll;
    assert!(end > 0, "End goes to the last screen of the key list");
    text(&mut root, (90, 20));
    press(&mut root, "Down Down PageDown End");
    assert_eq!(root.help().expect("open").scroll, end, "and no further");
    let screen = text(&mut root, (90, 20));
    assert!(
        screen.contains("quit"),
        "the last screen shows the end of the list:\n{screen}"
    );
    press(&mut root, "Home");
    assert_eq!(root.help().expect("open").scroll, 0);
    press(&mut root, "q");
    assert_eq!(
        root.help().expect("open").filter,
        "q",
        "letters filter the list"
    );
    press(&mut root, "Esc");
    assert!(root.help().is_none());
    assert_eq!(root.screen(), Screen::Library);
}

#[test]
fn aliases_join_speakers_across_briefings() {
    let mut root = library();
    press(&mut root, "S");
    let names: Vec<(&str, usize, usize)> = root
        .speakers()
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
    assert_eq!(root.speakers()[0].roles, ["CAS"]);
}

#[test]
fn a_quote_in_the_speaker_index_opens_its_briefing_there() {
    let mut root = library();
    press(&mut root, "S");
    assert_eq!(root.screen(), Screen::Speakers(None));
    press(&mut root, "Enter");
    assert_eq!(root.screen(), Screen::Speakers(Some(0)));
    press(&mut root, "j Enter");
    let app = root.reader().expect("opened");
    assert_eq!(
        app.briefing().id,
        "a",
        "quotes are listed in library order: Bravo's first, then Alpha's"
    );
    assert_eq!(app.focus(), brief::app::Pane::Quotes);
    press(&mut root, "S Esc");
    assert_eq!(
        root.screen(),
        Screen::Reader,
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
        known_comments: ["skynet", "skynet-asat"].into_iter().collect(),
        last_opened_ms: 7,
        ..Saved::default()
    };
    let p = Progress::of(&b, Some(&saved));
    assert_eq!((p.seen, p.total, p.new, p.last_opened_ms), (2, 5, 2, 7));
    assert_eq!(p.percent(), 40);
}

#[test]
fn library_and_speaker_screens() {
    let mut root = library();
    insta::assert_snapshot!("library", text(&mut root, (90, 20)));
    press(&mut root, "S");
    insta::assert_snapshot!("speakers", text(&mut root, (90, 20)));
    press(&mut root, "Enter");
    insta::assert_snapshot!("speaker_quotes", text(&mut root, (90, 20)));
}

#[test]
fn briefings_arriving_in_the_background_fill_the_library() {
    let mut root = Root::library(Vec::new(), 2, Setup::default());
    assert!(root.is_loading());
    assert!(text(&mut root, (90, 12)).contains("Reading the briefings…"));
    root.update(Action::Arrived(Box::new(listing(
        &yaml("a", "Alpha", "2025-01-01", "", "{speaker: S, text: t}"),
        "a.yaml",
        0,
    ))));
    assert!(text(&mut root, (90, 12)).contains("Library · 1 of 1 · reading 1 of 2…"));
    assert!(
        root.speakers().is_empty(),
        "the speaker index is built when it is first shown"
    );
    root.update(Action::Arrived(Box::new(listing(
        &yaml("b", "Bravo", "2025-01-01", "", ""),
        "b.yaml",
        0,
    ))));
    assert!(!root.is_loading());
    assert_eq!(
        titles(&root),
        ["Alpha", "Bravo"],
        "shown in order as they come"
    );
    // A file indexed again takes its row's place, in order.
    let mut again = listing(&yaml("b", "Aardvark", "2025-01-01", "", ""), "b.yaml", 0);
    again.origin = root.listings()[1].origin.clone();
    root.update(Action::Arrived(Box::new(again)));
    assert_eq!(titles(&root), ["Aardvark", "Alpha"]);
    press(&mut root, "S");
    assert_eq!(root.speakers().len(), 1);
    let mut cut = Root::library(Vec::new(), 5, Setup::default());
    cut.update(Action::LoadingDone);
    assert!(
        !cut.is_loading(),
        "a reading thread that stops early ends the wait"
    );
}

#[test]
fn b_from_a_briefing_opened_on_a_speakers_quote_returns_to_that_speaker() {
    let mut root = library();
    press(&mut root, "S Enter j Enter");
    assert_eq!(root.screen(), Screen::Reader);
    press(&mut root, "b");
    assert_eq!(
        root.screen(),
        Screen::Speakers(Some(0)),
        "back to the speaker's quotes"
    );
    assert_eq!(
        root.speaker_rows(),
        (0, 1),
        "on the quote it was opened from"
    );
    press(&mut root, "Esc Esc");
    assert_eq!(root.screen(), Screen::Library);
    press(&mut root, "Enter b");
    assert_eq!(
        root.screen(),
        Screen::Library,
        "opened from the library, back to it"
    );
}

#[test]
fn titles_sort_naturally_and_a_nation_is_found_by_name_or_code() {
    let all = [
        "lib-10", "lib-02", "Lib-2b", "lib-2", "lib", "lib-1", "Alpha",
    ];
    let listings = all
        .iter()
        .map(|t| {
            let id = t.to_lowercase();
            listing(&yaml(&id, t, "", "", ""), &format!("{id}.yaml"), 0)
        })
        .collect();
    let root = Root::library(listings, all.len(), Setup::default());
    // Numbers by value (`07` after `7`), letters whatever their case, a title
    // before the longer ones it begins.
    assert_eq!(
        titles(&root),
        [
            "Alpha", "lib", "lib-1", "lib-2", "Lib-2b", "lib-02", "lib-10"
        ]
    );
    for filter in [
        "nation:JP",
        "nation:Japan",
        "nation:japan",
        "nation:Japanese",
    ] {
        let mut root = library();
        press(&mut root, "/");
        for c in filter.chars() {
            root.press(Key::ch(c));
        }
        assert_eq!(titles(&root), ["Alpha in Tokyo"], "{filter}");
    }
}

#[test]
fn changing_the_order_asks_for_it_to_be_remembered() {
    let mut root = library();
    assert_eq!(root.press(Key::ch('s')), [Effect::SaveSort(Sort::Date)]);
    let again = Root::library(
        Vec::new(),
        0,
        Setup {
            sort: Sort::Date,
            ..Setup::default()
        },
    );
    assert_eq!(
        again.sort(),
        Sort::Date,
        "a start takes the order remembered"
    );
}

#[test]
fn a_narrow_library_cuts_the_title_not_the_date() {
    let mut root = library();
    let screen = text(&mut root, (40, 20));
    let row = screen
        .lines()
        .find(|l| l.contains("2024-03-01"))
        .unwrap_or_else(|| panic!("the date is cut off:\n{screen}"));
    assert!(row.contains('…'), "the title is cut instead: {row}");
}

#[test]
fn the_speaker_index_filters_as_you_type() {
    let mut root = library();
    press(&mut root, "S / j o l");
    assert_eq!(root.speaker_list().len(), 1);
    assert_eq!(
        root.speakers()[root.speaker_rows().0].name,
        "Avril Jolliffe"
    );
    assert!(text(&mut root, (90, 20)).contains("Speakers · 1 of 2 · filter: jol"));
    press(&mut root, "Enter Enter");
    assert_eq!(
        root.screen(),
        Screen::Speakers(Some(1)),
        "Enter opens the one left"
    );
    press(&mut root, "Esc Esc");
    assert_eq!(root.speaker_list().len(), 2, "Esc clears the filter");
    press(&mut root, "/ c a s Enter");
    assert_eq!(root.speaker_list().len(), 1, "a role matches too");
}

#[test]
fn opening_reads_the_file_as_it_is_now_and_a_file_gone_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (
        dir.path().join("first.yaml"),
        dir.path().join("second.yaml"),
    );
    std::fs::write(&first, yaml("first", "First as listed", "", "", "")).unwrap();
    std::fs::write(&second, yaml("second", "Second as listed", "", "", "")).unwrap();
    let listings: Vec<Listing> = [&first, &second]
        .into_iter()
        .map(|f| Listing::new(brief::library::entry(f.clone()), |_| None))
        .collect();
    let mut root = Root::library(listings, 2, Setup::default());
    // The library keeps cards: a file changed since it was listed opens as it
    // is now, and its row follows.
    std::fs::write(&first, yaml("first", "First, rewritten", "", "", "")).unwrap();
    std::fs::remove_file(&second).unwrap();
    press(&mut root, "Enter");
    assert_eq!(common::app(&root).briefing().title, "First, rewritten");
    press(&mut root, "b");
    assert_eq!(titles(&root), ["First, rewritten", "Second as listed"]);
    press(&mut root, "j Enter");
    assert_eq!(root.screen(), Screen::Library, "nothing to open");
    let status = root.status().unwrap_or_default();
    assert!(status.starts_with("cannot open: "), "{status}");
    assert!(status.contains("second.yaml"), "{status}");
    assert!(
        root.listings()[1].card.is_err(),
        "the row is refused, with why"
    );
}

#[test]
fn a_speakers_quotes_are_read_from_their_files_and_a_late_answer_is_dropped() {
    let mut root = library();
    press(&mut root, "S");
    let effects = root.press(Key::parse("Enter").unwrap());
    let quotes = match effects.as_slice() {
        [Effect::ReadQuotes { speaker, quotes }] => {
            assert_eq!(speaker, "Air Chief Marshal Sir Richard Knighton");
            quotes.clone()
        }
        other => panic!("the quotes are read from their files: {other:?}"),
    };
    assert_eq!(quotes.len(), 2);
    assert!(text(&mut root, (90, 14)).contains("reading…"));
    // Another speaker's words are not this one's.
    root.update(Action::QuotesRead {
        speaker: "Avril Jolliffe".into(),
        from: 0,
        quotes: vec![Some("three".into())],
    });
    assert!(!text(&mut root, (90, 14)).contains("“three”"));
    root.update(Action::QuotesRead {
        speaker: "Air Chief Marshal Sir Richard Knighton".into(),
        from: 1,
        quotes: vec![Some("two".into())],
    });
    let screen = text(&mut root, (90, 14));
    assert!(screen.contains("“two”"), "{screen}");
    assert!(screen.contains("reading…"), "the first is still being read");
    // Carried out, the effect reads both from the files.
    let mut runner = Runner::dry();
    runner.run(&mut root, effects);
    let screen = text(&mut root, (90, 14));
    assert!(
        screen.contains("“one”") && screen.contains("“two”"),
        "{screen}"
    );
    assert!(!screen.contains("reading…"), "{screen}");
}

#[test]
fn the_speaker_index_is_built_at_the_edge_when_shown_and_again_when_the_library_changed() {
    let mut root = library();
    let effects = root.press(Key::parse("S").unwrap());
    let [Effect::IndexSpeakers { origins, ready, .. }] = effects.as_slice() else {
        panic!("the index is asked for: {effects:?}");
    };
    assert_eq!(
        (origins.len(), *ready),
        (4, false),
        "every file, no catalog"
    );
    assert!(text(&mut root, (90, 12)).contains("Speakers · indexing who said what"));
    // A file indexed again while the index is being built: it is asked for
    // again once the first answer comes.
    root.update(Action::Arrived(Box::new(listing(
        &yaml(
            "c",
            "Charlie, now quoted",
            "",
            "",
            "{speaker: Nia Okafor, text: four}",
        ),
        "c.yaml",
        9,
    ))));
    assert_eq!(root.listings().len(), 5, "a new file joins");
    let mut runner = Runner::dry();
    let again = root.update(Action::SpeakersIndexed(Vec::new()));
    assert!(
        matches!(again.as_slice(), [Effect::IndexSpeakers { origins, .. }] if origins.len() == 5),
        "{again:?}"
    );
    runner.run(&mut root, again);
    let names: Vec<&str> = root.speakers().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Air Chief Marshal Sir Richard Knighton",
            "Avril Jolliffe",
            "Nia Okafor"
        ]
    );
    // In step, it is not asked for again.
    press(&mut root, "Esc");
    assert!(root.press(Key::parse("S").unwrap()).is_empty());
}
