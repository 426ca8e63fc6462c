//! Whole screens, drawn through the same keymap, update and views as the reader
//! (`brief snapshot`'s code path), compared with insta snapshots; plus the styles
//! that snapshots cannot hold.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::app::Root;
use brief::briefing::Briefing;
use brief::snapshot::to_text;
use brief::ui::Theme;
use common::{TREE, app, briefing, cspo, fixture, replay as screen_of};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const COLOR: Theme = Theme::colored();

fn screen_buffer(b: Briefing, keys: &str, size: (u16, u16), theme: Theme) -> Buffer {
    let mut root = Root::with_briefing(b);
    screen_of(&mut root, keys, size, theme)
}

fn screen(b: Briefing, keys: &str, size: (u16, u16)) -> String {
    to_text(&screen_buffer(b, keys, size, COLOR))
}

macro_rules! screens {
    ($($name:ident: $briefing:expr, $keys:expr, $size:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(screen($briefing, $keys, $size));
            }
        )*
    };
}

screens! {
    wide_all_four_panes: cspo(), "", (120, 40);
    wide_quotes_focused_second_quote: cspo(), "]", (120, 40);
    wide_help: cspo(), "?", (120, 40);
    wide_map: cspo(), "2 m j j", (120, 40);
    wide_full_view_of_a_comment: cspo(), "4 j v", (120, 40);
    narrow_summary: cspo(), "", (80, 24);
    narrow_summary_scrolled: cspo(), "j j j j j", (80, 24);
    narrow_summary_end_key_points_tags_source: cspo(), "G Space", (80, 24);
    narrow_nations: cspo(), "2 j", (80, 24);
    narrow_map: cspo(), "2 m", (80, 24);
    wide_full_map: cspo(), "2 m j j v", (120, 40);
    narrow_full_map_picks_a_nation: cspo(), "2 m v j j j j", (80, 24);
    narrow_quotes: cspo(), "3", (80, 24);
    narrow_comments_expanded: cspo(), "4 j", (80, 24);
    narrow_comments_collapsed: cspo(), "4 Enter", (80, 24);
    narrow_help: cspo(), "?", (80, 24);
    narrow_help_scrolled: cspo(), "? G", (80, 24);
    small_summary: cspo(), "", (40, 10);
    small_nations: cspo(), "2", (40, 10);
    small_quotes: cspo(), "3", (40, 10);
    small_comments_deep_selection_pins_ancestors: cspo(), "4 G", (40, 10);
    small_help: cspo(), "?", (40, 10);
    too_small: cspo(), "", (39, 9);
    tree_collapsed_counts: briefing(TREE), "4 C", (80, 24);
    tree_guides: briefing(TREE), "4 j j", (80, 24);
    deep_thread_near_the_end: fixture("deep-thread.yaml"), "4 G", (100, 30);
    deep_thread_collapsed: fixture("deep-thread.yaml"), "4 C j j Enter", (100, 30);
    bare_briefing_panes: fixture("bare.yaml"), "", (120, 40);
}

#[test]
fn deep_nesting_keeps_forty_columns_of_text_and_shows_the_depth() {
    let mut yaml =
        String::from("format: brief/1\nid: deep\ntitle: Deep\nsummary: [s]\ncomments:\n");
    for level in 0..60 {
        let indent = "  ".repeat(level);
        yaml.push_str(&format!("{indent}- text: reply at level {level} with words enough to wrap a little\n{indent}  replies:\n"));
    }
    yaml.push_str(&format!("{}- text: the deepest\n", "  ".repeat(60)));
    let text = screen(briefing(&yaml), "4 G", (80, 24));
    insta::assert_snapshot!(text);
    assert!(
        text.contains("↳60"),
        "the depth shows as a number past the indentation limit"
    );
    let line = text
        .lines()
        .find(|l| l.contains("the deepest"))
        .expect("the deepest comment is on screen");
    let column = line
        .find("the deepest")
        .map(|b| line[..b].chars().count())
        .unwrap_or(0);
    assert!(
        column <= 80 - 40,
        "text starts at column {column}, leaving under 40 columns"
    );
}

/// Every nation of the briefing on a map screen: its code as a word of its own on
/// the map, or its name beside a marker in the legend; and no label runs into
/// another (`GBIT`).
fn assert_every_nation_is_on_the_map(text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let legend = lines
        .iter()
        .rev()
        .find(|l| l.contains(" · ") || l.contains("(AU)") || l.contains('('))
        .copied()
        .unwrap_or_default();
    for n in &cspo().nations {
        let code = n.code.as_deref().unwrap();
        let on_map = lines.iter().any(|l| {
            l.match_indices(code).any(|(at, _)| {
                let before = l[..at].chars().next_back();
                let after = l[at + code.len()..].chars().next();
                // A label stands alone: never a letter on either side.
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        });
        let marked = legend.split(" · ").any(|part| {
            part.trim_start_matches('│')
                .split_once(' ')
                .is_some_and(|(mark, name)| {
                    mark.chars().count() == 1
                        && (name.starts_with(&n.name) || name.starts_with(code))
                })
        });
        assert!(
            on_map || marked,
            "{} is neither labelled nor marked:\n{text}",
            n.name
        );
    }
    for pair in [
        "GBIT", "GBFR", "FRDE", "DEIT", "ITFR", "USCA", "CAUS", "FRGB", "DEGB",
    ] {
        assert!(!text.contains(pair), "{pair} runs together:\n{text}");
    }
}

#[test]
fn every_nation_is_labelled_or_numbered_on_the_map_at_every_common_size() {
    for size in [(120, 40), (100, 30), (80, 24), (200, 60)] {
        for keys in ["2 m", "2 m v", "2 m G", "2 m j j j v"] {
            let text = screen(cspo(), keys, size);
            assert_every_nation_is_on_the_map(&text);
        }
    }
}

#[test]
fn the_selected_nation_is_always_labelled_in_the_selected_style() {
    for at in 0..10 {
        let keys = format!("2 m {}v", "j ".repeat(at));
        let buffer = screen_buffer(cspo(), &keys, (120, 40), COLOR);
        let code = cspo().nations[at].code.clone().unwrap();
        let area = buffer.area;
        let selected = (area.top()..area.bottom()).any(|y| {
            (area.left()..area.right() - 1).any(|x| {
                let first = &buffer[(x, y)];
                let second = &buffer[(x + 1, y)];
                format!("{}{}", first.symbol(), second.symbol()) == code
                    && first.modifier.contains(Modifier::REVERSED)
            })
        });
        assert!(
            selected,
            "{code} is not drawn selected:\n{}",
            to_text(&buffer)
        );
    }
}

#[test]
fn every_size_from_one_by_one_is_safe() {
    let keys = "? j Esc 2 m j v j m m Esc 3 ] v j Esc 4 j h l C E v G Esc";
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 2),
        (39, 10),
        (40, 9),
        (40, 10),
        (41, 11),
        (119, 30),
        (120, 12),
        (300, 80),
    ] {
        let text = screen(cspo(), keys, (w, h));
        assert_eq!(text.lines().count(), usize::from(h));
        screen(fixture("deep-thread.yaml"), keys, (w, h));
        screen(fixture("bare.yaml"), keys, (w, h));
    }
}

#[test]
fn wide_characters_never_cross_a_pane_border() {
    let yaml = "format: brief/1\nid: wide\ntitle: 宇宙安全保障の会合\nsummary: [\"宇宙安全保障について議論した。🛰️🛰️🛰️ 同盟国とともに👩‍🚀 café naïve e\u{301}\"]\n\
quotes:\n  - {speaker: 山田太郎, text: \"宇宙は真にグローバルな取り組みである🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️🛰️\"}\n\
comments:\n  - text: \"👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽\"\n";
    // Nothing is cut off either: the full view shows every one of the 32 thumbs.
    for width in [40u16, 57] {
        let text = screen(briefing(yaml), "4 v", (width, 30));
        assert_eq!(text.matches("👍🏽").count(), 32, "{text}");
    }
    for width in [40u16, 57, 80, 121] {
        for keys in ["", "3", "4"] {
            let text = screen(briefing(yaml), keys, (width, 20));
            for line in text.lines() {
                let w = unicode_width::UnicodeWidthStr::width(line);
                assert!(w <= usize::from(width), "{w} > {width}: {line}");
                // A bordered pane line must end on its border when it has one.
                if line.starts_with('│') {
                    assert!(
                        line.ends_with(['│', '┐', '┘']),
                        "spilled past the border: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_focused_selection_is_reversed_and_an_unfocused_one_underlined() {
    let buffer = screen_buffer(cspo(), "2", (120, 40), COLOR);
    let text = to_text(&buffer);
    let row = text
        .lines()
        .position(|l| l.contains("AU  Australia"))
        .expect("Australia") as u16;
    let cell = buffer.cell((2, row)).expect("cell");
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    let buffer = screen_buffer(cspo(), "1", (120, 40), COLOR);
    let cell = buffer.cell((2, row)).expect("cell");
    assert!(cell.modifier.contains(Modifier::UNDERLINED), "{cell:?}");
}

#[test]
fn no_color_draws_without_colours_but_keeps_emphasis() {
    let plain = screen_buffer(cspo(), "2", (120, 40), Theme::plain());
    assert!(
        plain
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "a cell has a colour under NO_COLOR"
    );
    assert!(
        plain
            .content
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    let coloured = screen_buffer(cspo(), "2", (120, 40), COLOR);
    assert!(
        coloured.content.iter().any(|c| c.fg == Color::Cyan),
        "the focused border is cyan"
    );
}

#[test]
fn stepping_through_many_quotes_keeps_the_selected_one_whole_on_screen() {
    let shape = common::generate::Shape {
        quotes: 40,
        speakers: 6,
        ..common::generate::Shape::small(5)
    };
    let b = briefing(&common::generate::briefing(shape));
    let mut root = Root::with_briefing(b);
    let mut keys = String::from("3");
    for step in 0..40 {
        let text = to_text(&screen_of(&mut root, &keys, (80, 24), COLOR));
        assert_eq!(app(&root).quote(), step);
        let q = &app(&root).briefing().quotes[app(&root).quote_order()[step]];
        let opening: Vec<&str> = q.text.split(' ').take(2).collect();
        assert!(
            text.contains(&format!("“{}", opening.join(" "))),
            "quote {step} ({opening:?}) is not on screen:\n{text}"
        );
        let heading = format!("{} (", app(&root).briefing().speakers[q.speaker_index].name);
        if text.contains(&heading) {
            // A heading on screen above the quote is its own speaker's or one before.
            let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
            assert!(at(&heading) < at(&format!("“{}", opening.join(" "))));
        }
        keys = "]".to_owned();
    }
}

/// A screen's text with box borders taken off and whitespace made single, so
/// wrapped text reads as one run.
fn running_text(text: &str) -> String {
    text.lines()
        .map(|l| {
            l.trim_start_matches(['│', '┌', '└'])
                .trim_end_matches(['│', '┐', '┘'])
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn help_at_the_smallest_width_shows_every_description_whole() {
    let root = Root::with_briefing(cspo());
    // Tall enough to hold all of help at once, at the narrowest width drawn.
    let shown = running_text(&screen(cspo(), "?", (40, 400)));
    let unwrapped = brief::ui::help_text(root.keymap(), "");
    let mut checked = 0;
    for line in unwrapped.lines().filter(|l| l.starts_with("  ")) {
        let description = line.get(18..).unwrap_or_default().trim();
        let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            shown.contains(&description),
            "“{description}” is not whole in help at 40 columns"
        );
        checked += 1;
    }
    assert!(checked > 60, "only {checked} descriptions read");
}

#[test]
fn a_line_too_long_for_the_screen_ends_in_a_mark() {
    let text = screen(cspo(), "", (40, 10));
    let header = text.lines().next().unwrap();
    assert_eq!(header, "CSpO partners meet in Florence on space…");
    // A title between a box's corners.
    let map = screen(cspo(), "2 m v", (40, 10));
    let border = map.lines().nth(1).unwrap();
    assert!(
        border.starts_with("┌ Map · nation 1 of 10") && border.ends_with("…┐"),
        "{border}"
    );
    // A message on the status line.
    let mut root = Root::with_briefing(cspo());
    root.update(brief::app::Action::Report(
        "config.yaml:3:7: keys.quit: j did move_down in every list; it now quits".into(),
    ));
    let status = to_text(&screen_of(&mut root, "", (40, 10), COLOR));
    let status = status.lines().last().unwrap();
    assert!(status.ends_with('…'), "{status}");
    assert!(status.contains("config.yaml:3:7"), "{status}");
    assert_eq!(unicode_width::UnicodeWidthStr::width(status), 40);
}

#[test]
fn a_long_search_keeps_its_end_and_cursor_in_sight() {
    let typed = "collaboration in space security warning of competitors";
    let keys = format!(
        "/ {}",
        typed
            .chars()
            .map(|c| if c == ' ' {
                "Space".to_owned()
            } else {
                c.to_string()
            })
            .collect::<Vec<_>>()
            .join(" ")
    );
    let text = screen(cspo(), &keys, (40, 10));
    let status = text.lines().last().unwrap();
    assert!(status.contains("…"), "{status}");
    assert!(
        status.contains("of competitors") && status.trim_end().ends_with('▏'),
        "the end and the cursor: {status}"
    );
}

#[test]
fn hints_that_do_not_fit_are_left_out_whole() {
    for keys in ["", "4", "2 m v", "?"] {
        let wide = screen(cspo(), keys, (120, 40));
        let wide = wide.lines().last().unwrap().trim_end();
        for width in [40u16, 50, 60, 70] {
            let narrow = screen(cspo(), keys, (width, 24));
            let narrow = narrow.lines().last().unwrap().trim_end();
            assert!(!narrow.ends_with('…'), "a hint cut: {narrow}");
            assert!(
                wide.starts_with(narrow),
                "{narrow:?} is not the start of {wide:?}"
            );
            let rest = &wide[narrow.len()..];
            assert!(
                rest.is_empty() || rest.starts_with("  "),
                "cut inside a hint: {narrow:?}"
            );
        }
    }
}

#[test]
fn a_comment_shows_when_it_was_posted_where_the_source_says() {
    let yaml = "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments:\n  - {text: first words, author: Ann, posted: '2024-01-02 09:30'}\n  - {text: second words, author: Bo}\n  - {text: third words, author: Cy, posted: ''}\n";
    let b = briefing(yaml);
    let posted: Vec<Option<&str>> = (0..3).map(|i| b.comment_posted(i)).collect();
    assert_eq!(posted, [Some("2024-01-02 09:30"), None, None]);
    let text = screen(b, "4", (100, 30));
    let header = |who: &str| {
        text.lines()
            .find(|l| l.contains(who))
            .unwrap_or_else(|| panic!("{who} on screen:\n{text}"))
            .to_owned()
    };
    assert!(header("Ann").contains("Ann · 2024-01-02 09:30"), "{text}");
    assert!(!header("Bo").contains('·'), "{}", header("Bo"));
    assert!(!header("Cy").contains('·'), "{}", header("Cy"));
}
