//! `update` through the keymap: every action, on fixtures, with no terminal.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{Action, Effect, Metrics, Mode, Pane, Root};
use common::{TREE, app, briefing, cspo, fixture, press};

fn summary_of(total: usize) -> brief::app::SummaryLayout {
    brief::app::SummaryLayout {
        total,
        ..Default::default()
    }
}

fn tree_app() -> Root {
    let mut root = Root::with_briefing(briefing(TREE));
    press(&mut root, "4");
    root
}

fn selected_id(root: &Root) -> &str {
    app(root)
        .briefing()
        .comment_id(app(root).tree().selected().expect("a selection"))
}

fn visible_ids(root: &Root) -> Vec<&str> {
    app(root)
        .tree()
        .visible()
        .iter()
        .map(|&i| app(root).briefing().comment_id(i))
        .collect()
}

#[test]
fn quit_from_every_mode() {
    let mut root = Root::with_briefing(cspo());
    let effects = root.update(Action::Quit);
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_), Effect::Quit]),
        "quitting saves the place first: {effects:?}"
    );
    press(&mut root, "?");
    assert_eq!(
        root.press(brief::app::Key::parse("q").unwrap()),
        [],
        "in help, q filters the list"
    );
    assert_eq!(root.help().map(|h| h.filter.as_str()), Some("q"));
    assert_eq!(
        root.press(brief::app::Key::parse("C-c").unwrap()).last(),
        Some(&Effect::Quit)
    );
}

#[test]
fn tab_cycles_panes_both_ways_and_digits_jump() {
    let mut root = Root::with_briefing(cspo());
    let mut seen = vec![app(&root).focus()];
    for _ in 0..4 {
        press(&mut root, "Tab");
        seen.push(app(&root).focus());
    }
    assert_eq!(
        seen,
        [
            Pane::Summary,
            Pane::Nations,
            Pane::Quotes,
            Pane::Comments,
            Pane::Summary
        ]
    );
    press(&mut root, "BackTab");
    assert_eq!(app(&root).focus(), Pane::Comments);
    press(&mut root, "2");
    assert_eq!(app(&root).focus(), Pane::Nations);
    press(&mut root, "3");
    assert_eq!(app(&root).focus(), Pane::Quotes);
    press(&mut root, "1");
    assert_eq!(app(&root).focus(), Pane::Summary);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "?");
    assert_eq!(root.help().map(|h| h.scroll), Some(0));
    root.update(Action::Measured(Metrics {
        help: (60, 20),
        ..Metrics::default()
    }));
    press(&mut root, "Down Down");
    assert_eq!(root.help().map(|h| h.scroll), Some(2));
    press(&mut root, "End");
    assert_eq!(
        root.help().map(|h| h.scroll),
        Some(40),
        "scrolls no further than the last screen"
    );
    press(&mut root, "PageDown Down");
    assert_eq!(root.help().map(|h| h.scroll), Some(40), "nor past it");
    press(&mut root, "?");
    assert_eq!(root.help(), None);
    assert_eq!(app(&root).mode(), Mode::Panes);
    press(&mut root, "? Esc");
    assert_eq!(root.help(), None);
}

#[test]
fn typing_in_help_filters_it_and_backspace_widens_it() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "? m a p");
    let filter = |root: &Root| root.help().map(|h| h.filter.clone()).unwrap_or_default();
    assert_eq!(filter(&root), "map");
    let text = brief::ui::help_text(root.keymap(), &filter(&root));
    assert!(text.contains("in Nations: list or world map"), "{text}");
    assert!(!text.contains("next quote"), "{text}");
    press(&mut root, "Backspace Backspace Backspace");
    assert!(brief::ui::help_text(root.keymap(), &filter(&root)).contains("next quote"));
    press(&mut root, "?");
    assert_eq!(root.help(), None, "? still closes help");
}

#[test]
fn summary_scrolls_within_its_length() {
    let mut root = Root::with_briefing(cspo());
    root.update(Action::Measured(Metrics {
        page: [10, 1, 1, 1],
        summary: Some(summary_of(25)),
        ..Metrics::default()
    }));
    press(&mut root, "C-d");
    assert_eq!(app(&root).summary_scroll(), 5);
    press(&mut root, "PageDown");
    assert_eq!(app(&root).summary_scroll(), 15, "stops at the last screen");
    press(&mut root, "C-u");
    assert_eq!(app(&root).summary_scroll(), 10);
    press(&mut root, "PageUp");
    assert_eq!(app(&root).summary_scroll(), 0);
    press(&mut root, "Space");
    assert_eq!(app(&root).summary_scroll(), 10, "Space pages too");
    // A wider terminal shortens the text: the scroll follows.
    root.update(Action::Measured(Metrics {
        page: [10, 1, 1, 1],
        summary: Some(summary_of(12)),
        ..Metrics::default()
    }));
    assert_eq!(app(&root).summary_scroll(), 2);
}

#[test]
fn nations_move_and_stop_at_the_ends() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "2 j j");
    assert_eq!(app(&root).nation(), 2);
    press(&mut root, "G");
    assert_eq!(app(&root).nation(), 9);
    press(&mut root, "j");
    assert_eq!(app(&root).nation(), 9);
    press(&mut root, "Home");
    assert_eq!(app(&root).nation(), 0);
    press(&mut root, "k");
    assert_eq!(app(&root).nation(), 0);
}

#[test]
fn map_toggles_only_in_nations() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "m");
    assert!(!app(&root).show_map());
    assert!(app(&root).status().unwrap_or("").contains("Nations"));
    press(&mut root, "2 m");
    assert!(app(&root).show_map());
    press(&mut root, "m");
    assert!(!app(&root).show_map());
}

#[test]
fn the_full_map_picks_nations_with_the_moving_keys_and_m_turns_it_to_the_entry() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "2 m v");
    assert_eq!(
        app(&root).mode(),
        Mode::Read {
            pane: Pane::Nations,
            scroll: 0
        }
    );
    press(&mut root, "j j");
    assert_eq!(app(&root).nation(), 2, "j picks the next nation");
    press(&mut root, "G");
    assert_eq!(app(&root).nation(), 9);
    press(&mut root, "k");
    assert_eq!(app(&root).nation(), 8);
    press(&mut root, "m");
    assert!(!app(&root).show_map(), "m shows the nation's entry instead");
    assert_eq!(
        app(&root).mode(),
        Mode::Read {
            pane: Pane::Nations,
            scroll: 0
        }
    );
    press(&mut root, "j");
    assert_eq!(
        app(&root).nation(),
        8,
        "in the entry j scrolls, it does not pick"
    );
    press(&mut root, "m Esc");
    assert!(app(&root).show_map());
    assert_eq!(app(&root).mode(), Mode::Panes);
}

#[test]
fn next_quote_focuses_quotes_and_wraps_with_a_message() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "]");
    assert_eq!((app(&root).focus(), app(&root).quote()), (Pane::Quotes, 1));
    assert_eq!(app(&root).status(), None);
    press(&mut root, "]");
    assert_eq!(app(&root).quote(), 0);
    assert_eq!(app(&root).status(), Some("wrapped to the first quote"));
    press(&mut root, "1 [");
    assert_eq!((app(&root).focus(), app(&root).quote()), (Pane::Quotes, 1));
    assert_eq!(app(&root).status(), Some("wrapped to the last quote"));
}

#[test]
fn speaker_jumps_land_on_each_speakers_first_quote() {
    let mut root = Root::with_briefing(fixture("deep-thread.yaml"));
    // Speakers alternate Ada, Bo, Cy over seven quotes: grouped, Ada has 3, Bo 2, Cy 2.
    let names: Vec<_> = app(&root)
        .quote_order()
        .iter()
        .map(|&q| app(&root).briefing().quotes[q].speaker.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ada Speaker",
            "Ada Speaker",
            "Ada Speaker",
            "Bo Speaker",
            "Bo Speaker",
            "Cy Speaker",
            "Cy Speaker"
        ]
    );
    press(&mut root, "}");
    assert_eq!(app(&root).quote(), 3);
    press(&mut root, "}");
    assert_eq!(app(&root).quote(), 5);
    press(&mut root, "}");
    assert_eq!(app(&root).quote(), 0);
    assert_eq!(app(&root).status(), Some("wrapped to the first speaker"));
    press(&mut root, "{");
    assert_eq!(app(&root).quote(), 5);
    press(&mut root, "j {");
    assert_eq!(
        app(&root).quote(),
        3,
        "from a later quote of Cy, back to Bo's first"
    );
}

#[test]
fn empty_briefing_keys_say_what_is_missing_and_never_panic() {
    let mut root = Root::with_briefing(fixture("bare.yaml"));
    press(&mut root, "]");
    assert_eq!(app(&root).status(), Some("this briefing has no quotes"));
    press(&mut root, "}");
    assert_eq!(app(&root).status(), Some("this briefing has no quotes"));
    press(&mut root, "4 Enter");
    assert_eq!(app(&root).status(), Some("this briefing has no comments"));
    for keys in [
        "j k g G C-d C-u PageDown PageUp h l p J K C E v",
        "2 j k G v m j",
        "3 j k G v",
    ] {
        press(&mut root, keys);
        press(&mut root, "Esc");
    }
    assert_eq!(app(&root).mode(), Mode::Panes);
}

#[test]
fn collapse_keeps_the_selection_on_the_same_comment() {
    let mut root = tree_app();
    press(&mut root, "j j");
    assert_eq!(selected_id(&root), "c1.1.1");
    press(&mut root, "G");
    assert_eq!(selected_id(&root), "c3.1");
    press(&mut root, "g Enter");
    assert_eq!(visible_ids(&root), ["c1", "c2", "c3", "c3.1"]);
    assert!(app(&root).tree().is_collapsed(0));
    press(&mut root, "j");
    assert_eq!(selected_id(&root), "c2", "j skips the hidden replies");
    press(&mut root, "j Space");
    assert_eq!(visible_ids(&root), ["c1", "c2", "c3"]);
    assert_eq!(selected_id(&root), "c3");
    press(&mut root, "Space");
    assert_eq!(visible_ids(&root), ["c1", "c2", "c3", "c3.1"]);
}

#[test]
fn collapsing_an_ancestor_moves_the_selection_to_it() {
    let mut root = tree_app();
    press(&mut root, "j j");
    assert_eq!(selected_id(&root), "c1.1.1");
    press(&mut root, "C");
    assert_eq!(visible_ids(&root), ["c1", "c2", "c3"]);
    assert_eq!(selected_id(&root), "c1");
    press(&mut root, "E");
    assert_eq!(visible_ids(&root).len(), 7);
    assert_eq!(selected_id(&root), "c1", "expand all keeps the selection");
}

#[test]
fn h_collapses_then_goes_to_the_parent() {
    let mut root = tree_app();
    press(&mut root, "j");
    assert_eq!(selected_id(&root), "c1.1");
    press(&mut root, "h");
    assert!(
        app(&root).tree().is_collapsed(1),
        "an expanded comment with replies collapses first"
    );
    assert_eq!(selected_id(&root), "c1.1");
    press(&mut root, "Left");
    assert_eq!(selected_id(&root), "c1", "then h goes to the parent");
    press(&mut root, "G h");
    assert_eq!(
        selected_id(&root),
        "c3",
        "a leaf goes straight to its parent"
    );
    press(&mut root, "J k h");
    assert_eq!(selected_id(&root), "c2", "a top-level leaf stays put");
}

#[test]
fn l_expands_then_goes_to_the_first_reply() {
    let mut root = tree_app();
    press(&mut root, "C l");
    assert!(!app(&root).tree().is_collapsed(0));
    assert_eq!(selected_id(&root), "c1");
    press(&mut root, "Right");
    assert_eq!(selected_id(&root), "c1.1");
    press(&mut root, "l");
    assert_eq!(
        selected_id(&root),
        "c1.1",
        "c1.1 was collapsed by C: l expands it first"
    );
    assert!(!app(&root).tree().is_collapsed(1));
    press(&mut root, "l l");
    assert_eq!(selected_id(&root), "c1.1.1", "a leaf stays put");
}

#[test]
fn parent_and_sibling_jumps() {
    let mut root = tree_app();
    press(&mut root, "j j p");
    assert_eq!(selected_id(&root), "c1.1");
    press(&mut root, "J");
    assert_eq!(selected_id(&root), "c1.2", "J skips c1.1's replies");
    press(&mut root, "J");
    assert_eq!(selected_id(&root), "c1.2");
    assert_eq!(app(&root).status(), Some("no later reply at this depth"));
    press(&mut root, "K");
    assert_eq!(selected_id(&root), "c1.1");
    press(&mut root, "p p");
    assert_eq!(
        app(&root).status(),
        Some("a top-level comment has no parent")
    );
    press(&mut root, "J J");
    assert_eq!(selected_id(&root), "c3");
    press(&mut root, "K K");
    assert_eq!(selected_id(&root), "c1");
}

#[test]
fn comment_keys_outside_comments_only_explain() {
    let mut root = Root::with_briefing(briefing(TREE));
    press(&mut root, "C");
    assert_eq!(app(&root).tree().visible().len(), 7);
    assert_eq!(
        app(&root).status(),
        Some("that key works in Comments (press 4)")
    );
}

#[test]
fn comments_page_by_what_fits() {
    let mut root = Root::with_briefing(fixture("deep-thread.yaml"));
    press(&mut root, "4");
    root.update(Action::Measured(Metrics {
        page: [1, 1, 1, 4],
        ..Metrics::default()
    }));
    press(&mut root, "PageDown");
    assert_eq!(app(&root).tree().position(), Some(4));
    press(&mut root, "C-d");
    assert_eq!(app(&root).tree().position(), Some(6));
    press(&mut root, "C-u PageUp");
    assert_eq!(app(&root).tree().position(), Some(0));
    press(&mut root, "End");
    assert_eq!(app(&root).tree().selected(), Some(299));
}

#[test]
fn read_whole_opens_on_the_focused_pane_and_esc_returns() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "] v");
    assert_eq!(
        app(&root).mode(),
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 0
        }
    );
    root.update(Action::Measured(Metrics {
        read: brief::app::ReadLength {
            total: 30,
            height: 10,
            ..Default::default()
        },
        ..Metrics::default()
    }));
    press(&mut root, "j Space");
    assert_eq!(
        app(&root).mode(),
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 11
        }
    );
    press(&mut root, "G");
    assert_eq!(
        app(&root).mode(),
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 20
        }
    );
    press(&mut root, "Esc");
    assert_eq!(app(&root).mode(), Mode::Panes);
    assert_eq!(app(&root).quote(), 1, "the selection is where it was");
}

#[test]
fn mouse_toggle_asks_the_loop_to_capture_and_release() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "M");
    assert!(app(&root).mouse());
    assert!(
        root.wants_mouse(),
        "the terminal captures it while the reader shows"
    );
    press(&mut root, "M");
    assert!(!app(&root).mouse());
    assert!(!root.wants_mouse());
}

#[test]
fn click_focuses_and_selects_and_the_wheel_scrolls_the_pane_under_it() {
    let mut root = tree_app();
    root.update(Action::Click {
        pane: Pane::Nations,
        item: Some(4),
    });
    assert_eq!(
        (app(&root).focus(), app(&root).nation()),
        (Pane::Nations, 0),
        "the tree briefing has no nations"
    );
    let mut root = Root::with_briefing(cspo());
    root.update(Action::Click {
        pane: Pane::Nations,
        item: Some(4),
    });
    assert_eq!(
        (app(&root).focus(), app(&root).nation()),
        (Pane::Nations, 4)
    );
    root.update(Action::Scroll {
        pane: Pane::Quotes,
        rows: 3,
    });
    assert_eq!(
        (app(&root).focus(), app(&root).quote()),
        (Pane::Nations, 1),
        "the wheel does not move focus"
    );
    let mut root = tree_app();
    press(&mut root, "C");
    root.update(Action::Click {
        pane: Pane::Comments,
        item: Some(2),
    });
    assert_eq!(
        selected_id(&root),
        "c1.1.1",
        "a click on a hidden comment reveals it"
    );
    assert!(!app(&root).tree().is_collapsed(0) && !app(&root).tree().is_collapsed(1));
}

#[test]
fn a_message_lasts_until_the_next_key() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "] ]");
    assert!(app(&root).status().is_some());
    root.update(Action::Measured(Metrics::default()));
    assert!(app(&root).status().is_some(), "a redraw keeps it");
    press(&mut root, "j");
    assert_eq!(app(&root).status(), None);
}

#[test]
fn a_chain_of_a_thousand_replies_draws_and_navigates() {
    let mut root = Root::with_briefing(briefing(&common::reply_chain(1000, false)));
    press(&mut root, "4 G");
    assert_eq!(selected_id(&root), format!("c1{}", ".1".repeat(1000)));
    let screen = brief::snapshot::to_text(&common::replay(
        &mut root,
        "",
        (100, 30),
        brief::ui::Theme::plain(),
    ));
    // The deepest reply shows its depth as a number, with its parent pinned above.
    assert!(screen.contains("↳1000"), "{screen}");
    assert!(screen.contains("reply 999"), "{screen}");
    press(&mut root, "p");
    assert_eq!(selected_id(&root), format!("c1{}", ".1".repeat(999)));
    press(&mut root, "g Enter");
    assert_eq!(visible_ids(&root), ["c1"]);
    press(&mut root, "Enter G");
    assert_eq!(app(&root).tree().visible().len(), 1001);
    press(&mut root, "C");
    assert_eq!(visible_ids(&root), ["c1"]);
}

#[test]
fn space_and_ctrl_f_page_down_and_ctrl_b_pages_up_where_space_does_not_collapse() {
    let shape = common::generate::Shape {
        quotes: 40,
        speakers: 6,
        ..common::generate::Shape::small(5)
    };
    let mut root = Root::with_briefing(briefing(&common::generate::briefing(shape)));
    root.update(Action::Measured(Metrics {
        page: [5, 5, 7, 5],
        ..Metrics::default()
    }));
    press(&mut root, "3 Space");
    assert_eq!(app(&root).quote(), 7, "Space pages down in Quotes");
    press(&mut root, "C-f");
    assert_eq!(app(&root).quote(), 14);
    press(&mut root, "C-b C-b");
    assert_eq!(app(&root).quote(), 0);
    let mut tree = tree_app();
    press(&mut tree, "Space");
    assert_eq!(
        visible_ids(&tree),
        ["c1", "c2", "c3", "c3.1"],
        "Space still collapses in Comments"
    );
}

#[test]
fn y_copies_what_is_selected_and_capital_y_its_address() {
    let mut root = Root::with_briefing(cspo());
    let copied = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::Copy { text, what }] => (text.clone(), what.clone()),
        other => panic!("not a copy: {other:?}"),
    };
    let (text, what) = copied(root.press(brief::app::Key::ch('y')));
    assert_eq!(what, "the paragraph");
    assert_eq!(text, app(&root).briefing().summary[0]);
    press(&mut root, "3");
    let (text, what) = copied(root.press(brief::app::Key::ch('y')));
    assert_eq!(what, "the quote");
    assert!(
        text.starts_with('“')
            && text.contains("” — Air Chief Marshal Sir Richard Knighton, Chief of the Air Staff"),
        "{text}"
    );
    press(&mut root, "2");
    assert_eq!(copied(root.press(brief::app::Key::ch('y'))).0, "Australia");
    press(&mut root, "4 j");
    assert_eq!(
        copied(root.press(brief::app::Key::ch('Y'))).0,
        "cspo-florence#skynet-asat"
    );
}

#[test]
fn o_opens_only_http_addresses() {
    let with = |url: &str| {
        briefing(&format!(
            "format: brief/1\nid: u\ntitle: T\nsource: {{url: \"{url}\"}}\nsummary: [s]\n"
        ))
    };
    let mut root = Root::with_briefing(with("https://example.org/a"));
    assert_eq!(
        root.press(brief::app::Key::ch('o')),
        [Effect::OpenUrl("https://example.org/a".into())]
    );
    let mut root = Root::with_briefing(with("javascript:alert(1)"));
    assert_eq!(root.press(brief::app::Key::ch('o')), []);
    assert!(
        app(&root)
            .status()
            .unwrap()
            .starts_with("only http and https addresses open")
    );
}

#[test]
fn a_key_bound_to_nothing_says_so_and_where_to_look() {
    let mut root = Root::with_briefing(cspo());
    press(&mut root, "z");
    assert_eq!(
        app(&root).status(),
        Some("z: no action here; ? lists the keys")
    );
    press(&mut root, "j");
    assert_eq!(app(&root).status(), None, "until the next key");
}
