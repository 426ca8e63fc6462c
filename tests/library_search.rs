//! Searching the text of the whole library (`F`): typed words find briefings,
//! by scanning while there is no catalog and by asking it once there is; a late
//! answer is dropped; `Enter` opens a briefing at the item found and `b` comes
//! back to the hits.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{Action, Cataloging, Effect, LibraryHit, Pane, Root, Screen, Setup};
use common::{app, listing, press};

fn library() -> Root {
    let listings = vec![
        listing(
            "format: brief/1\nid: budget\ntitle: Budget talks\nsummary: [Money was discussed.]\nquotes:\n  - { id: warning, speaker: Richard Knighton, text: Debris is a threat to all of us. }\n",
            "budget.yaml",
            0,
        ),
        listing(
            "format: brief/1\nid: launch\ntitle: Launch schedule\nsummary: [Nothing new.]\ncomments:\n  - { id: c1, text: the launch slipped again }\n  - { id: c2, text: what about the debris?, author: orbitwatcher }\n",
            "launch.yaml",
            0,
        ),
    ];
    Root::library(listings, 2, Setup::default())
}

fn titles(root: &Root) -> Vec<&str> {
    root.finding()
        .hits
        .iter()
        .map(|h| h.title.as_str())
        .collect()
}

#[test]
fn without_a_catalog_typing_scans_the_briefings_and_enter_opens_at_the_item() {
    let mut root = library();
    press(&mut root, "F d e b r i s");
    assert_eq!(root.screen(), Screen::Found);
    assert_eq!(titles(&root), ["Budget talks", "Launch schedule"]);
    assert!(root.finding().scanned, "no catalog: scanned");
    let hit = &root.finding().hits[1];
    assert_eq!(
        (hit.kind.as_str(), hit.at.as_deref()),
        ("comment by orbitwatcher", Some("c2"))
    );
    assert_eq!(hit.snippet, "what about the debris?");
    // Enter keeps the query; j picks the second; Enter opens it there.
    press(&mut root, "Enter j Enter");
    assert_eq!(root.screen(), Screen::Reader);
    let reader = app(&root);
    assert_eq!(reader.briefing().id, "launch");
    assert_eq!(reader.focus(), Pane::Comments);
    assert_eq!(reader.tree().selected(), Some(1), "at the comment found");
    let search = reader.search().expect("the briefing opens searching");
    assert_eq!(
        search.query.label, "debris",
        "so n goes on to the next match"
    );
    assert_eq!(
        reader.mode(),
        brief::app::Mode::Panes,
        "the search kept, not typed"
    );
    // b comes back to the hits, as they were.
    press(&mut root, "b");
    assert_eq!(root.screen(), Screen::Found);
    assert_eq!(root.finding().selected, 1);
    press(&mut root, "Esc");
    assert_eq!(root.screen(), Screen::Library);
}

#[test]
fn with_a_catalog_typing_asks_it_and_only_the_latest_answer_counts() {
    let mut root = library();
    root.update(Action::Cataloged(Cataloging::Ready));
    let effects = press(&mut root, "F k n i g h");
    let asked = match effects.as_slice() {
        [Effect::SearchLibrary { query, asked }] => {
            assert_eq!(query, "knigh");
            *asked
        }
        other => panic!("the catalog is asked: {other:?}"),
    };
    let budget = root.listings()[0].origin.clone();
    let hit = |title: &str| LibraryHit {
        origin: budget.clone(),
        id: "budget".into(),
        title: title.into(),
        at: Some("warning".into()),
        kind: "quote by Richard Knighton".into(),
        snippet: "Debris is a threat".into(),
    };
    // An answer to an older question is dropped.
    root.update(Action::LibraryFound {
        asked: asked - 1,
        hits: vec![hit("old")],
        total: 1,
        scanned: false,
    });
    assert_eq!(titles(&root), Vec::<&str>::new());
    root.update(Action::LibraryFound {
        asked,
        hits: vec![hit("Budget talks")],
        total: 40,
        scanned: false,
    });
    assert_eq!(titles(&root), ["Budget talks"]);
    assert_eq!(root.finding().total, 40);
    assert!(!root.finding().scanned);
    press(&mut root, "Enter Enter");
    assert_eq!(app(&root).selected_quote(), Some(0), "opened at the quote");
}

#[test]
fn hits_scanned_while_the_catalog_builds_are_asked_again_once_it_is_ready() {
    let mut root = library();
    root.update(Action::Cataloged(Cataloging::Building {
        done: 1,
        total: 2,
    }));
    press(&mut root, "F d e b r i s");
    assert!(root.finding().scanned);
    let effects = root.update(Action::Cataloged(Cataloging::Ready));
    assert!(
        matches!(effects.as_slice(), [Effect::SearchLibrary { query, .. }] if query == "debris"),
        "{effects:?}"
    );
}

#[test]
fn nothing_typed_finds_nothing_and_esc_on_an_empty_prompt_goes_back() {
    let mut root = library();
    press(&mut root, "F Space");
    assert_eq!(titles(&root), Vec::<&str>::new());
    press(&mut root, "Backspace Esc");
    assert_eq!(root.screen(), Screen::Library);
}

#[test]
fn the_hits_screen_says_what_was_found_and_marks_it() {
    let mut root = library();
    press(&mut root, "F d e b r i s Enter");
    let screen = brief::snapshot::to_text(&brief::snapshot::replay(
        &mut root,
        &mut brief::effects::Runner::dry(),
        &[],
        (80, 12),
        brief::ui::Theme::colored(),
    ));
    insta::assert_snapshot!(screen);
    assert!(screen.contains("2 briefings for “debris”"), "{screen}");
    assert!(
        screen.contains("quote by Richard Knighton: Debris is a threat"),
        "{screen}"
    );
}

#[test]
fn a_scan_finds_a_word_only_the_title_holds_as_the_catalog_does() {
    let mut root = library();
    press(&mut root, "F s c h e d u l e");
    assert_eq!(titles(&root), ["Launch schedule"]);
    let hit = &root.finding().hits[0];
    assert_eq!((hit.kind.as_str(), hit.at.as_deref()), ("title", None));
}
