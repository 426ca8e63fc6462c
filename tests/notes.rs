//! Notes, read marks and the reading state through `update`, and the markdown
//! export: golden file, CommonMark structure, escaping.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{Action, App, Effect, Key, Mode, Pane, update};
use brief::export;
use brief::state::ItemRef;
use common::{TREE, briefing, cspo, press};

fn layout(items: Vec<usize>, total: usize) -> brief::app::SummaryLayout {
    brief::app::SummaryLayout {
        width: 80,
        blocks: std::sync::Arc::new(items.clone()),
        items: std::sync::Arc::new(items),
        total,
        long: std::sync::Arc::default(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            Key::parse("Enter").unwrap()
        } else {
            Key::ch(c)
        };
        app.press(key);
    }
}

fn note_texts(app: &App) -> Vec<(String, String)> {
    brief::app::listed(app)
        .into_iter()
        .map(|i| (app.notes[i].item.to_string(), app.notes[i].text.clone()))
        .collect()
}

fn press_effect(app: &mut App, key: &str) -> Effect {
    app.press(Key::parse(key).unwrap())
}

#[test]
fn a_writes_a_note_on_the_selected_quote_and_saves_at_once() {
    let mut app = App::new(cspo());
    update(&mut app, Action::Clock(1_000));
    press(&mut app, "] a");
    assert_eq!(app.mode, Mode::Edit);
    type_text(&mut app, "Worth quoting\nin the brief? q and ? are typed");
    assert_eq!(app.mode, Mode::Edit, "q typed into a note does not quit");
    assert_eq!(press_effect(&mut app, "C-s"), Effect::Save);
    assert_eq!(app.mode, Mode::Panes);
    assert_eq!(
        note_texts(&app),
        [(
            "quote:jolliffe-resilience".into(),
            "Worth quoting\nin the brief? q and ? are typed".into()
        )]
    );
    let note = &app.notes[0];
    assert_eq!((note.created_ms, note.updated_ms), (1_000, 1_000));
    assert!(note.excerpt.starts_with("It’s more important than ever"));
}

#[test]
fn a_on_an_item_with_a_note_edits_it() {
    let mut app = App::new(cspo());
    press(&mut app, "2 a");
    type_text(&mut app, "first");
    press(&mut app, "Esc");
    update(&mut app, Action::Clock(5));
    press(&mut app, "a");
    type_text(&mut app, " and more");
    assert_eq!(
        press_effect(&mut app, "Esc"),
        Effect::Save,
        "Esc keeps the note"
    );
    assert_eq!(
        note_texts(&app),
        [("nation:AU".into(), "first and more".into())]
    );
    assert_eq!(app.notes.len(), 1, "edited in place, not a second note");
    assert_eq!(app.notes[0].updated_ms, 5);
}

#[test]
fn cancel_drops_what_was_typed_and_empty_notes_are_not_kept() {
    let mut app = App::new(cspo());
    press(&mut app, "4 a");
    type_text(&mut app, "never mind");
    assert_eq!(press_effect(&mut app, "C-g"), Effect::None);
    assert!(app.notes.is_empty());
    press(&mut app, "a");
    assert_eq!(press_effect(&mut app, "C-s"), Effect::None);
    assert!(app.notes.is_empty());
    assert_eq!(app.status.as_deref(), Some("empty note not kept"));
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_note_then_quits() {
    let mut app = App::new(cspo());
    press(&mut app, "4 a");
    type_text(&mut app, "do not lose me");
    assert_eq!(press_effect(&mut app, "C-c"), Effect::Quit);
    assert_eq!(
        note_texts(&app),
        [("comment:skynet".into(), "do not lose me".into())]
    );
}

#[test]
fn summary_notes_go_to_the_paragraph_at_the_top_of_the_pane() {
    let mut app = App::new(cspo());
    let metrics = brief::app::Metrics {
        summary: Some(layout(vec![0, 4, 9, 14, 19, 24, 30, 32, 34, 36], 50)),
        page: [10, 1, 1, 1],
        ..Default::default()
    };
    update(&mut app, Action::Measured(metrics));
    press(&mut app, "j j j j j a");
    type_text(&mut app, "on the second paragraph");
    press(&mut app, "C-s");
    assert_eq!(app.notes[0].item, ItemRef::Summary(2));
}

#[test]
fn delete_from_the_list_and_undo_for_the_rest_of_the_session() {
    let mut app = App::new(cspo());
    for keys in ["2 a", "3 a", "4 a"] {
        press(&mut app, keys);
        type_text(&mut app, "n");
        press(&mut app, "C-s");
    }
    press(&mut app, "A");
    assert_eq!(app.mode, Mode::Notes { selected: 0 });
    press(&mut app, "j");
    assert_eq!(press_effect(&mut app, "d"), Effect::Save);
    let items: Vec<_> = note_texts(&app).into_iter().map(|(i, _)| i).collect();
    assert_eq!(items, ["nation:AU", "comment:skynet"]);
    assert!(
        app.notes.iter().any(|n| n.deleted),
        "kept as a tombstone for merging"
    );
    press(&mut app, "Esc");
    assert_eq!(press_effect(&mut app, "U"), Effect::Save);
    assert_eq!(note_texts(&app).len(), 3);
    press(&mut app, "U");
    assert_eq!(app.status.as_deref(), Some("no deleted note to bring back"));
}

#[test]
fn enter_in_the_list_goes_to_the_item_revealing_a_hidden_comment() {
    let mut app = App::new(briefing(TREE));
    press(&mut app, "4 j j a");
    type_text(&mut app, "deep one");
    press(&mut app, "C-s C 1 A Enter");
    assert_eq!(app.mode, Mode::Panes);
    assert_eq!(app.focus, Pane::Comments);
    assert_eq!(app.tree.selected(), Some(2));
    assert!(
        app.tree.visible().contains(&2),
        "the collapsed ancestors opened"
    );
}

#[test]
fn export_asks_before_overwriting_a_file_brief_did_not_write() {
    let mut app = App::new(cspo());
    assert_eq!(press_effect(&mut app, "X"), Effect::None);
    assert_eq!(
        app.status.as_deref(),
        Some("no notes to export yet; a writes one")
    );
    press(&mut app, "3 a");
    type_text(&mut app, "x");
    press(&mut app, "C-s");
    assert_eq!(press_effect(&mut app, "X"), Effect::Export(false));
    update(&mut app, Action::AskOverwrite("notes.md".into()));
    assert_eq!(app.mode, Mode::Confirm);
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("overwrite it? (y/n)")
    );
    assert_eq!(press_effect(&mut app, "y"), Effect::Export(true));
    update(&mut app, Action::AskOverwrite("notes.md".into()));
    assert_eq!(
        press_effect(&mut app, "j"),
        Effect::None,
        "anything but y is no"
    );
    assert_eq!(app.status.as_deref(), Some("export cancelled"));
}

#[test]
fn selecting_marks_read_and_u_finds_the_next_unread() {
    let mut app = App::new(cspo());
    assert!(app.seen_quotes.iter().all(|s| !s));
    press(&mut app, "3");
    assert_eq!(app.seen_quotes, [true, false]);
    press(&mut app, "u");
    assert_eq!((app.focus, app.quote), (Pane::Quotes, 1));
    press(&mut app, "u");
    assert_eq!(app.focus, Pane::Comments, "after the quotes, the comments");
    press(&mut app, "u u");
    assert_eq!(app.tree.selected(), Some(2));
    press(&mut app, "u");
    assert_eq!(
        app.status.as_deref(),
        Some("every quote and comment has been read")
    );
}

#[test]
fn state_round_trips_and_new_items_are_counted() {
    let mut app = App::new(briefing(TREE));
    press(&mut app, "4 j j C j a");
    type_text(&mut app, "kept");
    press(&mut app, "C-s");
    let saved = app.to_saved();
    assert_eq!(saved.collapsed, ["c1", "c1.1", "c3"]);

    let mut again = App::new(briefing(TREE));
    assert_eq!(
        again.restore(saved.clone()),
        None,
        "nothing new since last time"
    );
    assert_eq!(again.focus, Pane::Comments);
    assert_eq!(again.tree.selected(), app.tree.selected());
    assert!(again.tree.is_collapsed(0) && again.tree.is_collapsed(5));
    assert_eq!(note_texts(&again), note_texts(&app));

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
    let mut edited_app = App::new(briefing(&edited));
    let message = edited_app.restore(saved);
    assert_eq!(message.as_deref(), Some("1 new quote and 2 new comments"));
    assert_eq!(edited_app.new_comments.iter().filter(|n| **n).count(), 2);
}

#[test]
fn notes_on_items_edited_out_are_kept_as_orphans() {
    let mut app = App::new(briefing(TREE));
    press(&mut app, "4 j j a");
    type_text(&mut app, "on one-one-one");
    press(&mut app, "C-s");
    let saved = app.to_saved();
    let edited = TREE.replace("        replies:\n          - text: one-one-one\n", "");
    let mut edited_app = App::new(briefing(&edited));
    edited_app.restore(saved);
    assert_eq!(
        note_texts(&edited_app),
        [("comment:c1.1.1".into(), "on one-one-one".into())]
    );
    assert!(brief::app::item_text(&edited_app.briefing, &edited_app.notes[0].item).is_none());
    let md = export::markdown(&edited_app, 0);
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
    let mut app = App::new(cspo());
    app.go_to("cspo-florence#skynet-waffle").expect("a comment");
    assert_eq!((app.focus, app.tree.selected()), (Pane::Comments, Some(2)));
    app.go_to("jolliffe-resilience").expect("a quote");
    assert_eq!((app.focus, app.quote), (Pane::Quotes, 1));
    app.go_to("nation-NO").expect("a nation");
    assert_eq!((app.focus, app.nation), (Pane::Nations, 7));
    app.go_to("key-point-2").expect("a key point");
    assert_eq!((app.focus, app.summary_target), (Pane::Summary, Some(7)));
    assert!(
        app.go_to("other#q1")
            .unwrap_err()
            .contains("briefing `other`")
    );
    assert!(app.go_to("summary-99").is_err());
}

fn exported_cspo() -> String {
    let mut app = App::new(cspo());
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
        press(&mut app, keys);
        press(&mut app, "a");
        type_text(&mut app, text);
        press(&mut app, "C-s");
    }
    export::markdown(&app, 1_764_000_000_000)
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
