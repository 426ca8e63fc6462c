//! `update` through the keymap: every action, on fixtures, with no terminal.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::{Action, App, Effect, Metrics, Mode, Pane, update};
use common::{TREE, briefing, cspo, fixture, press};

fn summary_of(total: usize) -> brief::app::SummaryLayout {
    brief::app::SummaryLayout {
        total,
        ..Default::default()
    }
}

fn tree_app() -> App {
    let mut app = App::new(briefing(TREE));
    press(&mut app, "4");
    app
}

fn selected_id(app: &App) -> &str {
    &app.briefing.comments[app.tree.selected().expect("a selection")].id
}

fn visible_ids(app: &App) -> Vec<&str> {
    app.tree
        .visible()
        .iter()
        .map(|&i| app.briefing.comments[i].id.as_str())
        .collect()
}

#[test]
fn quit_from_every_mode() {
    let mut app = App::new(cspo());
    assert_eq!(update(&mut app, Action::Quit), Effect::Quit);
    press(&mut app, "?");
    assert_eq!(
        app.press(brief::app::Key::parse("q").unwrap()),
        Effect::None,
        "in help, q filters the list"
    );
    assert_eq!(app.help_filter, "q");
    assert_eq!(
        app.press(brief::app::Key::parse("C-c").unwrap()),
        Effect::Quit
    );
}

#[test]
fn tab_cycles_panes_both_ways_and_digits_jump() {
    let mut app = App::new(cspo());
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        press(&mut app, "Tab");
        seen.push(app.focus);
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
    press(&mut app, "BackTab");
    assert_eq!(app.focus, Pane::Comments);
    press(&mut app, "2");
    assert_eq!(app.focus, Pane::Nations);
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, "1");
    assert_eq!(app.focus, Pane::Summary);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = App::new(cspo());
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Help { scroll: 0 });
    update(
        &mut app,
        Action::Measured(Metrics {
            help: (60, 20),
            ..Metrics::default()
        }),
    );
    press(&mut app, "Down Down");
    assert_eq!(app.mode, Mode::Help { scroll: 2 });
    press(&mut app, "End");
    assert_eq!(
        app.mode,
        Mode::Help { scroll: 40 },
        "scrolls no further than the last screen"
    );
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Panes);
    press(&mut app, "? Esc");
    assert_eq!(app.mode, Mode::Panes);
}

#[test]
fn typing_in_help_filters_it_and_backspace_widens_it() {
    let mut app = App::new(cspo());
    press(&mut app, "? m a p");
    assert_eq!(app.help_filter, "map");
    let text = brief::ui::help_text(&app.keymap, &app.help_filter);
    assert!(text.contains("in Nations: list or world map"), "{text}");
    assert!(!text.contains("next quote"), "{text}");
    press(&mut app, "Backspace Backspace Backspace");
    assert!(brief::ui::help_text(&app.keymap, &app.help_filter).contains("next quote"));
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Panes, "? still closes help");
}

#[test]
fn summary_scrolls_within_its_length() {
    let mut app = App::new(cspo());
    update(
        &mut app,
        Action::Measured(Metrics {
            page: [10, 1, 1, 1],
            summary: Some(summary_of(25)),
            ..Metrics::default()
        }),
    );
    press(&mut app, "j j");
    assert_eq!(app.summary_scroll, 2);
    press(&mut app, "C-d");
    assert_eq!(app.summary_scroll, 7);
    press(&mut app, "PageDown");
    assert_eq!(app.summary_scroll, 15, "stops at the last screen");
    press(&mut app, "k");
    assert_eq!(app.summary_scroll, 14);
    press(&mut app, "C-u");
    assert_eq!(app.summary_scroll, 9);
    press(&mut app, "PageUp g");
    assert_eq!(app.summary_scroll, 0);
    press(&mut app, "G");
    assert_eq!(app.summary_scroll, 15);
    // A wider terminal shortens the text: the scroll follows.
    update(
        &mut app,
        Action::Measured(Metrics {
            page: [10, 1, 1, 1],
            summary: Some(summary_of(12)),
            ..Metrics::default()
        }),
    );
    assert_eq!(app.summary_scroll, 2);
}

#[test]
fn nations_move_and_stop_at_the_ends() {
    let mut app = App::new(cspo());
    press(&mut app, "2 j j");
    assert_eq!(app.nation, 2);
    press(&mut app, "G");
    assert_eq!(app.nation, 9);
    press(&mut app, "j");
    assert_eq!(app.nation, 9);
    press(&mut app, "Home");
    assert_eq!(app.nation, 0);
    press(&mut app, "k");
    assert_eq!(app.nation, 0);
}

#[test]
fn map_toggles_only_in_nations() {
    let mut app = App::new(cspo());
    press(&mut app, "m");
    assert!(!app.show_map);
    assert!(app.status.as_deref().unwrap_or("").contains("Nations"));
    press(&mut app, "2 m");
    assert!(app.show_map);
    press(&mut app, "m");
    assert!(!app.show_map);
}

#[test]
fn next_quote_focuses_quotes_and_wraps_with_a_message() {
    let mut app = App::new(cspo());
    press(&mut app, "]");
    assert_eq!((app.focus, app.quote), (Pane::Quotes, 1));
    assert_eq!(app.status, None);
    press(&mut app, "]");
    assert_eq!(app.quote, 0);
    assert_eq!(app.status.as_deref(), Some("wrapped to the first quote"));
    press(&mut app, "1 [");
    assert_eq!((app.focus, app.quote), (Pane::Quotes, 1));
    assert_eq!(app.status.as_deref(), Some("wrapped to the last quote"));
}

#[test]
fn speaker_jumps_land_on_each_speakers_first_quote() {
    let mut app = App::new(fixture("deep-thread.yaml"));
    // Speakers alternate Ada, Bo, Cy over seven quotes: grouped, Ada has 3, Bo 2, Cy 2.
    let names: Vec<_> = app
        .quote_order
        .iter()
        .map(|&q| app.briefing.quotes[q].speaker.as_str())
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
    press(&mut app, "}");
    assert_eq!(app.quote, 3);
    press(&mut app, "}");
    assert_eq!(app.quote, 5);
    press(&mut app, "}");
    assert_eq!(app.quote, 0);
    assert_eq!(app.status.as_deref(), Some("wrapped to the first speaker"));
    press(&mut app, "{");
    assert_eq!(app.quote, 5);
    press(&mut app, "j {");
    assert_eq!(app.quote, 3, "from a later quote of Cy, back to Bo's first");
}

#[test]
fn empty_briefing_keys_say_what_is_missing_and_never_panic() {
    let mut app = App::new(fixture("bare.yaml"));
    press(&mut app, "]");
    assert_eq!(app.status.as_deref(), Some("this briefing has no quotes"));
    press(&mut app, "}");
    assert_eq!(app.status.as_deref(), Some("this briefing has no quotes"));
    press(&mut app, "4 Enter");
    assert_eq!(app.status.as_deref(), Some("this briefing has no comments"));
    for keys in [
        "j k g G C-d C-u PageDown PageUp h l p J K C E v",
        "2 j k G v m j",
        "3 j k G v",
    ] {
        press(&mut app, keys);
        press(&mut app, "Esc");
    }
    assert_eq!(app.mode, Mode::Panes);
}

#[test]
fn collapse_keeps_the_selection_on_the_same_comment() {
    let mut app = tree_app();
    press(&mut app, "j j");
    assert_eq!(selected_id(&app), "c1.1.1");
    press(&mut app, "G");
    assert_eq!(selected_id(&app), "c3.1");
    press(&mut app, "g Enter");
    assert_eq!(visible_ids(&app), ["c1", "c2", "c3", "c3.1"]);
    assert!(app.tree.is_collapsed(0));
    press(&mut app, "j");
    assert_eq!(selected_id(&app), "c2", "j skips the hidden replies");
    press(&mut app, "j Space");
    assert_eq!(visible_ids(&app), ["c1", "c2", "c3"]);
    assert_eq!(selected_id(&app), "c3");
    press(&mut app, "Space");
    assert_eq!(visible_ids(&app), ["c1", "c2", "c3", "c3.1"]);
}

#[test]
fn collapsing_an_ancestor_moves_the_selection_to_it() {
    let mut app = tree_app();
    press(&mut app, "j j");
    assert_eq!(selected_id(&app), "c1.1.1");
    press(&mut app, "C");
    assert_eq!(visible_ids(&app), ["c1", "c2", "c3"]);
    assert_eq!(selected_id(&app), "c1");
    press(&mut app, "E");
    assert_eq!(visible_ids(&app).len(), 7);
    assert_eq!(selected_id(&app), "c1", "expand all keeps the selection");
}

#[test]
fn h_collapses_then_goes_to_the_parent() {
    let mut app = tree_app();
    press(&mut app, "j");
    assert_eq!(selected_id(&app), "c1.1");
    press(&mut app, "h");
    assert!(
        app.tree.is_collapsed(1),
        "an expanded comment with replies collapses first"
    );
    assert_eq!(selected_id(&app), "c1.1");
    press(&mut app, "Left");
    assert_eq!(selected_id(&app), "c1", "then h goes to the parent");
    press(&mut app, "G h");
    assert_eq!(
        selected_id(&app),
        "c3",
        "a leaf goes straight to its parent"
    );
    press(&mut app, "J k h");
    assert_eq!(selected_id(&app), "c2", "a top-level leaf stays put");
}

#[test]
fn l_expands_then_goes_to_the_first_reply() {
    let mut app = tree_app();
    press(&mut app, "C l");
    assert!(!app.tree.is_collapsed(0));
    assert_eq!(selected_id(&app), "c1");
    press(&mut app, "Right");
    assert_eq!(selected_id(&app), "c1.1");
    press(&mut app, "l");
    assert_eq!(
        selected_id(&app),
        "c1.1",
        "c1.1 was collapsed by C: l expands it first"
    );
    assert!(!app.tree.is_collapsed(1));
    press(&mut app, "l l");
    assert_eq!(selected_id(&app), "c1.1.1", "a leaf stays put");
}

#[test]
fn parent_and_sibling_jumps() {
    let mut app = tree_app();
    press(&mut app, "j j p");
    assert_eq!(selected_id(&app), "c1.1");
    press(&mut app, "J");
    assert_eq!(selected_id(&app), "c1.2", "J skips c1.1's replies");
    press(&mut app, "J");
    assert_eq!(selected_id(&app), "c1.2");
    assert_eq!(app.status.as_deref(), Some("no later reply at this depth"));
    press(&mut app, "K");
    assert_eq!(selected_id(&app), "c1.1");
    press(&mut app, "p p");
    assert_eq!(
        app.status.as_deref(),
        Some("a top-level comment has no parent")
    );
    press(&mut app, "J J");
    assert_eq!(selected_id(&app), "c3");
    press(&mut app, "K K");
    assert_eq!(selected_id(&app), "c1");
}

#[test]
fn comment_keys_outside_comments_only_explain() {
    let mut app = App::new(briefing(TREE));
    press(&mut app, "C");
    assert_eq!(app.tree.visible().len(), 7);
    assert_eq!(
        app.status.as_deref(),
        Some("that key works in Comments (press 4)")
    );
}

#[test]
fn comments_page_by_what_fits() {
    let mut app = App::new(fixture("deep-thread.yaml"));
    press(&mut app, "4");
    update(
        &mut app,
        Action::Measured(Metrics {
            page: [1, 1, 1, 4],
            ..Metrics::default()
        }),
    );
    press(&mut app, "PageDown");
    assert_eq!(app.tree.position(), Some(4));
    press(&mut app, "C-d");
    assert_eq!(app.tree.position(), Some(6));
    press(&mut app, "C-u PageUp");
    assert_eq!(app.tree.position(), Some(0));
    press(&mut app, "End");
    assert_eq!(app.tree.selected(), Some(299));
}

#[test]
fn read_whole_opens_on_the_focused_pane_and_esc_returns() {
    let mut app = App::new(cspo());
    press(&mut app, "] v");
    assert_eq!(
        app.mode,
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 0
        }
    );
    update(
        &mut app,
        Action::Measured(Metrics {
            read: brief::app::ReadLength {
                total: 30,
                height: 10,
                ..Default::default()
            },
            ..Metrics::default()
        }),
    );
    press(&mut app, "j Space");
    assert_eq!(
        app.mode,
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 11
        }
    );
    press(&mut app, "G");
    assert_eq!(
        app.mode,
        Mode::Read {
            pane: Pane::Quotes,
            scroll: 20
        }
    );
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Panes);
    assert_eq!(app.quote, 1, "the selection is where it was");
}

#[test]
fn mouse_toggle_asks_the_loop_to_capture_and_release() {
    let mut app = App::new(cspo());
    assert_eq!(
        app.press(brief::app::Key::parse("M").unwrap()),
        Effect::SetMouse(true)
    );
    assert!(app.mouse);
    assert_eq!(
        app.press(brief::app::Key::parse("M").unwrap()),
        Effect::SetMouse(false)
    );
    assert!(!app.mouse);
}

#[test]
fn click_focuses_and_selects_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = tree_app();
    update(
        &mut app,
        Action::Click {
            pane: Pane::Nations,
            item: Some(4),
        },
    );
    assert_eq!(
        (app.focus, app.nation),
        (Pane::Nations, 0),
        "the tree briefing has no nations"
    );
    let mut app = App::new(cspo());
    update(
        &mut app,
        Action::Click {
            pane: Pane::Nations,
            item: Some(4),
        },
    );
    assert_eq!((app.focus, app.nation), (Pane::Nations, 4));
    update(
        &mut app,
        Action::Scroll {
            pane: Pane::Quotes,
            rows: 3,
        },
    );
    assert_eq!(
        (app.focus, app.quote),
        (Pane::Nations, 1),
        "the wheel does not move focus"
    );
    let mut app = tree_app();
    press(&mut app, "C");
    update(
        &mut app,
        Action::Click {
            pane: Pane::Comments,
            item: Some(2),
        },
    );
    assert_eq!(
        selected_id(&app),
        "c1.1.1",
        "a click on a hidden comment reveals it"
    );
    assert!(!app.tree.is_collapsed(0) && !app.tree.is_collapsed(1));
}

#[test]
fn a_message_lasts_until_the_next_key() {
    let mut app = App::new(cspo());
    press(&mut app, "] ]");
    assert!(app.status.is_some());
    update(&mut app, Action::Measured(Metrics::default()));
    assert!(app.status.is_some(), "a redraw keeps it");
    press(&mut app, "j");
    assert_eq!(app.status, None);
}

#[test]
fn a_chain_of_a_thousand_replies_draws_and_navigates() {
    let mut app = App::new(briefing(&common::reply_chain(1000, false)));
    press(&mut app, "4 G");
    assert_eq!(selected_id(&app), format!("c1{}", ".1".repeat(1000)));
    let screen = brief::snapshot::to_text(&brief::snapshot::replay(
        &mut app,
        &[],
        (100, 30),
        brief::ui::Theme::plain(),
    ));
    // The deepest reply shows its depth as a number, with its parent pinned above.
    assert!(screen.contains("↳1000"), "{screen}");
    assert!(screen.contains("reply 999"), "{screen}");
    press(&mut app, "p");
    assert_eq!(selected_id(&app), format!("c1{}", ".1".repeat(999)));
    press(&mut app, "g Enter");
    assert_eq!(visible_ids(&app), ["c1"]);
    press(&mut app, "Enter G");
    assert_eq!(app.tree.visible().len(), 1001);
    press(&mut app, "C");
    assert_eq!(visible_ids(&app), ["c1"]);
}
