//! Notes, read marks and the reading state through `update`, and the markdown
//! export: golden file, CommonMark structure, escaping.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{Action, App, Effect, Key, Metrics, Mode, Opening, Pane, Root};
use brief::briefing::Briefing;
use brief::export;
use brief::state::ItemRef;
use brief::state::Saved;
use common::{TREE, app, briefing, cspo, press};

fn layout(items: Vec<usize>, total: usize) -> brief::app::SummaryLayout {
    brief::app::SummaryLayout {
        width: 80,
        blocks: std::sync::Arc::new(items.clone()),
        items: std::sync::Arc::new(items),
        total,
        long: std::sync::Arc::default(),
    }
}

fn type_text(root: &mut Root, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            Key::parse("Enter").unwrap()
        } else {
            Key::ch(c)
        };
        root.press(key);
    }
}

fn note_texts(root: &Root) -> Vec<(String, String)> {
    let app = app(root);
    brief::app::listed(app)
        .into_iter()
        .map(|i| (app.notes()[i].item.to_string(), app.notes()[i].text.clone()))
        .collect()
}

/// What the edge is asked to do after `key`, by kind.
fn press_effect(root: &mut Root, key: &str) -> Vec<&'static str> {
    root.press(Key::parse(key).unwrap())
        .iter()
        .map(|e| match e {
            Effect::Save(_) => "save",
            Effect::SavePlace(_) => "save place",
            Effect::Export { overwrite: false } => "export",
            Effect::Export { overwrite: true } => "overwrite",
            Effect::Quit => "quit",
            Effect::Load { .. } => "load",
            Effect::Index { .. } => "index",
            Effect::Copy { .. } => "copy",
            Effect::OpenUrl(_) => "open",
            Effect::SaveSort(_) => "sort",
            Effect::SaveHistory(_) => "history",
            Effect::SearchLibrary { .. } => "search library",
            Effect::ScanLibrary { .. } => "scan library",
            Effect::ReadQuotes { .. } => "read quotes",
            Effect::IndexSpeakers { .. } => "index speakers",
        })
        .collect()
}

/// `briefing` opened on a saved state, as the reader opens it.
fn reopened(b: Briefing, saved: &Saved) -> Root {
    Root::opened_on(
        b,
        Opening {
            saved: Some(saved.clone()),
            ..Opening::default()
        },
    )
}

/// `briefing` opened at an address, as `--at` opens it.
fn opened_at(b: Briefing, at: &str) -> Root {
    Root::opened_on(
        b,
        Opening {
            at: Some(at.to_owned()),
            ..Opening::default()
        },
    )
}

#[test]
fn a_writes_a_note_on_the_selected_quote_and_saves_at_once() {
    let mut root = Root::with_briefing(cspo());
    root.update(Action::Clock(1_000));
    press(&mut root, "] a");
    assert_eq!(app(&root).mode(), Mode::Edit);
    type_text(&mut root, "Worth quoting\nin the brief? q and ? are typed");
    assert_eq!(
        app(&root).mode(),
        Mode::Edit,
        "q typed into a note does not quit"
    );
    assert_eq!(press_effect(&mut root, "C-s"), ["save"]);
    assert_eq!(app(&root).mode(), Mode::Panes);
    assert_eq!(
        note_texts(&root),
        [(
            "quote:jolliffe-resilience".into(),
            "Worth quoting\nin the brief? q and ? are typed".into()
        )]
    );
    let note = &app(&root).notes()[0];
    assert_eq!((note.created_ms, note.updated_ms), (1_000, 1_000));
    assert!(note.excerpt.starts_with("It’s more important than ever"));
}

#[test]
fn a_on_an_item_with_a_note_edits_it() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "2 a");
    type_text(&mut root, "first");
    press(&mut root, "Esc");
    root.update(Action::Clock(5));
    press(&mut root, "a");
    type_text(&mut root, " and more");
    assert_eq!(
        press_effect(&mut root, "Esc"),
        ["save"],
        "Esc keeps the note"
    );
    assert_eq!(
        note_texts(&root),
        [("nation:AU".into(), "first and more".into())]
    );
    assert_eq!(
        app(&root).notes().len(),
        1,
        "edited in place, not a second note"
    );
    assert_eq!(app(&root).notes()[0].updated_ms, 5);
}

#[test]
fn cancel_drops_what_was_typed_and_empty_notes_are_not_kept() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "4 a");
    type_text(&mut root, "never mind");
    assert_eq!(press_effect(&mut root, "C-g"), [] as [&str; 0]);
    assert!(app(&root).notes().is_empty());
    press(&mut root, "a");
    assert_eq!(press_effect(&mut root, "C-s"), [] as [&str; 0]);
    assert!(app(&root).notes().is_empty());
    assert_eq!(app(&root).status(), Some("empty note not kept"));
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_note_then_quits() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "4 a");
    type_text(&mut root, "do not lose me");
    assert_eq!(press_effect(&mut root, "C-c"), ["save", "quit"]);
    assert_eq!(
        note_texts(&root),
        [("comment:skynet".into(), "do not lose me".into())]
    );
}

#[test]
fn summary_notes_go_to_the_selected_paragraph_or_key_point() {
    let mut root = Root::with_briefing(cspo());
    let metrics = brief::app::Metrics {
        summary: Some(layout(vec![0, 4, 9, 14, 19, 24, 30, 32, 34, 36], 50)),
        page: [10, 1, 1, 1],
        ..Default::default()
    };
    root.update(Action::Measured(metrics));
    let paragraphs = app(&root).briefing().summary.len();
    let key_points = app(&root).briefing().key_points.len();
    assert_eq!(paragraphs + key_points, 10);
    press(&mut root, "j a");
    type_text(&mut root, "on the second paragraph");
    press(&mut root, "C-s");
    assert_eq!(app(&root).notes()[0].item, ItemRef::Summary(2));
    // The last key point is reached at a normal size, and shown whole.
    press(&mut root, "G");
    assert_eq!(app(&root).summary_item(), 9);
    assert_eq!(app(&root).summary_scroll(), 36);
    press(&mut root, "a");
    type_text(&mut root, "on the last key point");
    press(&mut root, "C-s");
    assert_eq!(app(&root).notes()[1].item, ItemRef::KeyPoint(key_points));
    // Paging scrolls, and the selection follows to the item on top.
    press(&mut root, "PageUp");
    assert_eq!(app(&root).summary_scroll(), 26);
    assert_eq!(
        app(&root).summary_item(),
        6,
        "the first item starting on screen"
    );
    // k above the top scrolls back to show the item selected.
    press(&mut root, "k k");
    assert_eq!(
        (app(&root).summary_item(), app(&root).summary_scroll()),
        (4, 19)
    );
}

#[test]
fn delete_from_the_list_and_undo_for_the_rest_of_the_session() {
    let mut root = Root::with_briefing(cspo());
    for keys in ["2 a", "3 a", "4 a"] {
        press(&mut root, keys);
        type_text(&mut root, "n");
        press(&mut root, "C-s");
    }
    press(&mut root, "A");
    assert_eq!(app(&root).mode(), Mode::Notes { selected: 0 });
    press(&mut root, "j");
    assert_eq!(press_effect(&mut root, "d"), ["save"]);
    let items: Vec<_> = note_texts(&root).into_iter().map(|(i, _)| i).collect();
    assert_eq!(items, ["nation:AU", "comment:skynet"]);
    assert!(
        app(&root).notes().iter().any(|n| n.deleted),
        "kept as a tombstone for merging"
    );
    press(&mut root, "Esc");
    assert_eq!(press_effect(&mut root, "U"), ["save"]);
    assert_eq!(note_texts(&root).len(), 3);
    press(&mut root, "U");
    assert_eq!(app(&root).status(), Some("no deleted note to bring back"));
}

#[test]
fn enter_in_the_list_goes_to_the_item_revealing_a_hidden_comment() {
    let mut root = Root::with_briefing(briefing(TREE));
    press(&mut root, "4 j j a");
    type_text(&mut root, "deep one");
    press(&mut root, "C-s C 1 A Enter");
    assert_eq!(app(&root).mode(), Mode::Panes);
    assert_eq!(app(&root).focus(), Pane::Comments);
    assert_eq!(app(&root).tree().selected(), Some(2));
    assert!(
        app(&root).tree().visible().contains(&2),
        "the collapsed ancestors opened"
    );
}

#[test]
fn export_asks_before_overwriting_a_file_brief_did_not_write() {
    let mut root = Root::with_briefing(cspo());
    assert_eq!(press_effect(&mut root, "X"), [] as [&str; 0]);
    assert_eq!(
        app(&root).status(),
        Some("no notes to export yet; a writes one")
    );
    press(&mut root, "3 a");
    type_text(&mut root, "x");
    press(&mut root, "C-s");
    assert_eq!(press_effect(&mut root, "X"), ["export"]);
    root.update(Action::AskOverwrite("notes.md".into()));
    assert_eq!(app(&root).mode(), Mode::Confirm);
    assert!(
        app(&root)
            .status()
            .unwrap_or("")
            .contains("overwrite it? (y/n)")
    );
    assert_eq!(press_effect(&mut root, "y"), ["overwrite"]);
    root.update(Action::AskOverwrite("notes.md".into()));
    assert_eq!(
        press_effect(&mut root, "j"),
        [] as [&str; 0],
        "anything but y is no"
    );
    assert_eq!(app(&root).status(), Some("export cancelled"));
}

#[test]
fn selecting_marks_read_and_u_finds_the_next_unread() {
    let mut root = Root::with_briefing(cspo());
    assert!(app(&root).seen_quotes().iter().all(|s| !s));
    press(&mut root, "3");
    assert_eq!(app(&root).seen_quotes(), [true, false]);
    press(&mut root, "u");
    assert_eq!((app(&root).focus(), app(&root).quote()), (Pane::Quotes, 1));
    press(&mut root, "u");
    assert_eq!(
        app(&root).focus(),
        Pane::Comments,
        "after the quotes, the comments"
    );
    press(&mut root, "u u");
    assert_eq!(app(&root).tree().selected(), Some(2));
    press(&mut root, "u");
    assert_eq!(
        app(&root).status(),
        Some("every quote and comment has been read")
    );
}

#[test]
fn state_round_trips_and_new_items_are_counted() {
    let mut root = Root::with_briefing(briefing(TREE));
    press(&mut root, "4 j j C j a");
    type_text(&mut root, "kept");
    press(&mut root, "C-s");
    let saved = app(&root).to_saved();
    assert_eq!(saved.collapsed, ["c1", "c1.1", "c3"]);

    let again = reopened(briefing(TREE), &saved);
    assert_eq!(app(&again).status(), None, "nothing new since last time");
    assert_eq!(app(&again).focus(), Pane::Comments);
    assert_eq!(app(&again).tree().selected(), app(&root).tree().selected());
    assert!(app(&again).tree().is_collapsed(0) && app(&again).tree().is_collapsed(5));
    assert_eq!(note_texts(&again), note_texts(&root));

    // The briefing gains two comments and a quote, and loses one comment.
    let edited = TREE
        .replace(
            "  - text: two\n",
            "  - text: two\n    replies:\n      - text: two-one\n      - text: two-two\n",
        )
        .replace("          - text: one-one-one\n", "")
        .replace(
            "summary: [s]\n",
            "summary: [s]\nquotes: [{speaker: S, text: hi}]\n",
        );
    let edited_root = reopened(briefing(&edited), &saved);
    let edited_app = app(&edited_root);
    assert_eq!(edited_app.status(), Some("1 new quote and 2 new comments"));
    assert_eq!(edited_app.new_comments().iter().filter(|n| **n).count(), 2);
}

#[test]
fn notes_on_items_edited_out_are_kept_as_orphans() {
    let mut root = Root::with_briefing(briefing(TREE));
    press(&mut root, "4 j j a");
    type_text(&mut root, "on one-one-one");
    press(&mut root, "C-s");
    let saved = app(&root).to_saved();
    let edited = TREE.replace("        replies:\n          - text: one-one-one\n", "");
    let edited_root = reopened(briefing(&edited), &saved);
    assert_eq!(
        note_texts(&edited_root),
        [("comment:c1.1.1".into(), "on one-one-one".into())]
    );
    let edited_app = app(&edited_root);
    assert!(brief::app::item_text(edited_app.briefing(), &edited_app.notes()[0].item).is_none());
    let md = export::markdown(edited_app, 0);
    assert!(
        md.contains("## Notes on items no longer in the briefing"),
        "{md}"
    );
    assert!(
        md.contains("> one-one-one"),
        "the excerpt stands in for the lost item:\n{md}"
    );
    assert_eq!(
        edited_app.to_saved().notes.len(),
        1,
        "saving again keeps it"
    );
}

#[test]
fn go_to_opens_on_an_address_from_an_export() {
    let at = |address: &str| {
        let root = opened_at(cspo(), address);
        let app = app(&root);
        (
            app.focus(),
            app.tree().selected(),
            app.quote(),
            app.nation(),
            app.status().map(str::to_owned),
        )
    };
    let (focus, comment, ..) = at("cspo-florence#skynet-waffle");
    assert_eq!((focus, comment), (Pane::Comments, Some(2)));
    let (focus, _, quote, ..) = at("jolliffe-resilience");
    assert_eq!((focus, quote), (Pane::Quotes, 1));
    // `quote-N` is the N-th quote of the file, whatever its id (the speaker
    // index opens a quote so).
    let place = cspo().quote_index("jolliffe-resilience").expect("a quote");
    assert_eq!(
        at(&format!("quote-{}", place + 1)),
        at("jolliffe-resilience")
    );
    assert!(App::new(cspo()).spot_at("quote-99").is_err());
    let (focus, _, _, nation, _) = at("nation-NO");
    assert_eq!((focus, nation), (Pane::Nations, 7));
    // A key point is scrolled to once the summary has been measured.
    let mut root = opened_at(cspo(), "key-point-2");
    assert_eq!(app(&root).focus(), Pane::Summary);
    let starts: Vec<usize> = (0..10).map(|i| i * 3).collect();
    root.update(Action::Measured(Metrics {
        summary: Some(layout(starts, 30)),
        page: [5, 1, 1, 1],
        ..Metrics::default()
    }));
    assert_eq!(app(&root).summary_scroll(), 21);
    let (.., status) = at("other#q1");
    assert!(status.unwrap_or_default().contains("briefing `other`"));
    assert!(App::new(cspo()).spot_at("summary-99").is_err());
}

fn exported_cspo() -> String {
    let mut root = Root::with_briefing(cspo());
    let notes = [
        (
            "2 j j j j j j j",
            "Norway: *check* the [DEW] claim\n\n1. first\n# not a heading",
        ),
        ("3", "Knighton on <competition> & allies"),
        ("4 j", "Speculation; see `AUKUS`\n- not a list"),
        ("1", "> not a quote\n    not code"),
    ];
    for (keys, text) in notes {
        press(&mut root, keys);
        press(&mut root, "a");
        type_text(&mut root, text);
        press(&mut root, "C-s");
    }
    export::markdown(app(&root), 1_764_000_000_000)
}

#[test]
fn export_matches_the_golden_file() {
    let md = exported_cspo();
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/cspo-florence-notes.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &md).expect("write golden");
    }
    assert_eq!(md, std::fs::read_to_string(golden).expect("golden file"));
    assert!(export::is_own_export(&md, "cspo-florence"));
    assert!(!export::is_own_export(&md, "other"));
}

#[test]
fn export_parses_as_commonmark_into_the_expected_structure() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let md = exported_cspo();
    let body = md.splitn(3, "---\n").nth(2).expect("front matter");
    let mut headings = Vec::new();
    let mut blockquotes = 0;
    let mut lists = 0;
    let mut code = Vec::new();
    let mut text = String::new();
    let mut in_heading = None;
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            Event::Start(Tag::BlockQuote(_)) => blockquotes += 1,
            Event::Start(Tag::List(_)) => lists += 1,
            Event::Code(c) => code.push(c.to_string()),
            Event::Text(t) => match &mut in_heading {
                Some((_, h)) => h.push_str(&t),
                None => text.push_str(&t),
            },
            _ => {}
        }
    }
    let names: Vec<(HeadingLevel, &str)> = headings.iter().map(|(l, h)| (*l, h.as_str())).collect();
    assert_eq!(
        names,
        [
            (
                HeadingLevel::H1,
                "CSpO partners meet in Florence on space security"
            ),
            (HeadingLevel::H2, "Summary"),
            (HeadingLevel::H2, "Nations"),
            (HeadingLevel::H2, "Quotes"),
            (HeadingLevel::H3, "Air Chief Marshal Sir Richard Knighton"),
            (HeadingLevel::H2, "Comments"),
            (HeadingLevel::H3, "Thread 1"),
        ]
    );
    assert_eq!(blockquotes, 4, "one quoted item per note, nothing more");
    assert_eq!(lists, 0, "note text that looks like a list stays text");
    assert_eq!(
        code,
        [
            "cspo-florence#summary-1",
            "cspo-florence#nation-NO",
            "cspo-florence#knighton-competition",
            "cspo-florence#skynet-asat"
        ]
    );
    for literal in [
        "*check* the [DEW] claim",
        "1. first",
        "# not a heading",
        "<competition> & allies",
        "`AUKUS`",
        "- not a list",
        "> not a quote",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} did not survive as text:\n{text}"
        );
    }
}
