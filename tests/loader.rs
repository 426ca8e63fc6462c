//! The loader's rules, checked through `parse` and `load` as a user meets them.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::briefing::{self, Briefing, Diagnostic};

const MINIMAL: &str = "format: brief/1\nid: t\ntitle: T\nsummary: [one]\n";

fn ok(text: &str) -> Briefing {
    match briefing::parse(text, "t.yaml") {
        Ok(loaded) => loaded.briefing,
        Err(d) => panic!("expected to load, got {d:#?}"),
    }
}

fn errors(text: &str) -> Vec<String> {
    match briefing::parse(text, "t.yaml") {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(d) => d
            .iter()
            .filter(|d| d.is_error())
            .map(Diagnostic::to_string)
            .collect(),
    }
}

fn one_error(text: &str) -> String {
    let e = errors(text);
    assert_eq!(e.len(), 1, "expected one error, got {e:#?}");
    e.into_iter().next().unwrap_or_default()
}

#[test]
fn bundled_briefing_has_the_ten_nations_and_both_quotes_verbatim() {
    let b = ok(briefing::BUNDLED);
    assert_eq!(b.id, "cspo-florence");
    let codes: Vec<_> = b.nations.iter().filter_map(|n| n.code.as_deref()).collect();
    assert_eq!(
        codes,
        ["AU", "CA", "FR", "DE", "IT", "JP", "NZ", "NO", "GB", "US"]
    );
    assert_eq!(b.quotes.len(), 2);
    assert_eq!(
        b.quotes[0].text,
        "We are seeing increasing competition in space, with some competitors fielding advanced \
         capabilities that could disrupt the satellites we rely on for modern life. It is crucial \
         that we work alongside our allies, through partnerships like CSpO, to safeguard our \
         interests in space."
    );
    assert_eq!(
        b.quotes[0].speaker,
        "Air Chief Marshal Sir Richard Knighton"
    );
    assert_eq!(
        b.quotes[1].text,
        "It’s more important than ever that we increase our resilience and interoperability, \
         strengthen and uphold the international rules-based order, and deter hostile acts. No \
         nation can do this alone – space is truly a global endeavour and CSpO is integral to how \
         the UK is pursuing this."
    );
    assert_eq!(b.quotes[1].speaker, "Avril Jolliffe");
    assert_eq!(b.source.author.as_deref(), Some("George Allison"));
    assert_eq!(
        b.source.publication, None,
        "the article names no publication"
    );
    assert_eq!(b.source.url, None, "the article gives no address");
}

#[test]
fn bundled_comments_are_a_chain_of_three_with_five_reported() {
    let b = ok(briefing::BUNDLED);
    assert_eq!(b.comments_reported, Some(5));
    let shape: Vec<_> = b
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| (b.comment_id(i), c.depth, c.parent))
        .collect();
    assert_eq!(
        shape,
        [
            ("skynet", 0, None),
            ("skynet-asat", 1, Some(0)),
            ("skynet-waffle", 2, Some(1))
        ]
    );
    assert!(
        b.comment_text(0)
            .ends_with("How does this safeguard out Skynet satellites, exactly?")
    );
    assert!(
        b.comment_text(2)
            .ends_with("both open, and covert. ( black)")
    );
    assert!(
        b.comments.iter().all(|c| c.author.is_none()),
        "the article shows no authors"
    );
}

#[test]
fn bundled_file_on_disk_is_the_embedded_one() {
    let on_disk = std::fs::read_to_string("briefings/cspo-florence.yaml").expect("read");
    assert_eq!(on_disk, briefing::BUNDLED);
}

#[test]
fn ids_are_derived_from_position_when_absent() {
    let b = ok(&format!(
        "{MINIMAL}quotes:\n  - {{text: a, speaker: A}}\n  - {{text: b, speaker: B, id: given}}\n  - {{text: c, speaker: A}}\n\
         comments:\n  - text: one\n  - text: two\n    replies:\n      - text: two-one\n        replies:\n          - text: deep\n      - text: two-two\n"
    ));
    let quote_ids: Vec<_> = b.quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(quote_ids, ["q1", "given", "q3"]);
    let comment_ids: Vec<_> = (0..b.comments.len()).map(|i| b.comment_id(i)).collect();
    assert_eq!(comment_ids, ["c1", "c2", "c2.1", "c2.1.1", "c2.2"]);
    assert_eq!(b.comments[1].subtree_end, 5);
    assert_eq!(b.replies(1).collect::<Vec<_>>(), [2, 4]);
}

#[test]
fn an_author_of_many_comments_is_kept_once() {
    let b = ok("format: brief/1
id: many
title: Many
summary: [One.]
comments:
  - text: first
    author: reader7
    replies:
      - text: second
        author: reader7
  - text: third
    author: reader8
  - text: fourth
    author: reader7
");
    let names: Vec<_> = b
        .comments
        .iter()
        .map(|c| c.author.clone().unwrap())
        .collect();
    assert_eq!(
        names.iter().map(|n| &**n).collect::<Vec<_>>(),
        ["reader7", "reader7", "reader8", "reader7"]
    );
    assert!(
        std::sync::Arc::ptr_eq(&names[0], &names[1]),
        "one string for reader7"
    );
    assert!(std::sync::Arc::ptr_eq(&names[0], &names[3]));
    assert!(!std::sync::Arc::ptr_eq(&names[0], &names[2]));
}

#[test]
fn every_comment_is_found_by_its_id_given_or_derived() {
    let shape = common::generate::Shape {
        comments: 600,
        max_depth: 12,
        ..common::generate::Shape::small(4)
    };
    let b = ok(&common::generate::briefing(shape));
    for i in 0..b.comments.len() {
        let id = b.comment_id(i);
        assert_eq!(b.comment_index(id), Some(i), "{id}");
    }
    // A given id shaped like a path names its own comment, not the one at that place.
    let b = ok(&format!(
        "{MINIMAL}comments:\n  - text: a\n    replies:\n      - {{text: r, id: mine}}\n  - {{text: b, id: c1.1}}\n"
    ));
    assert_eq!(b.comment_index("c1.1"), Some(2));
    assert_eq!(b.comment_index("mine"), Some(1));
    for missing in [
        "c3",
        "c1.2",
        "c0",
        "c1.1.1",
        "c",
        "c1.",
        "cx",
        "c99999999999",
    ] {
        assert_eq!(b.comment_index(missing), None, "{missing}");
    }
}

#[test]
fn quotes_group_by_exact_speaker_in_order_of_first_appearance() {
    let b = ok(&format!(
        "{MINIMAL}quotes:\n  - {{text: a, speaker: Bo}}\n  - {{text: b, speaker: Al, role: Chief}}\n  - {{text: c, speaker: Bo, role: Late}}\n  - {{text: d, speaker: bo}}\n"
    ));
    let groups: Vec<_> = b
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes.clone()))
        .collect();
    assert_eq!(
        groups,
        [("Bo", vec![0, 2]), ("Al", vec![1]), ("bo", vec![3])]
    );
    assert_eq!(b.speakers[0].role.as_deref(), Some("Late"));
}

#[test]
fn unknown_keys_warn_with_their_line_and_still_load() {
    let loaded = briefing::parse(&format!("{MINIMAL}colour: blue\n"), "t.yaml").expect("loads");
    let warnings: Vec<_> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("t.yaml:5:1: colour: warning: unknown key `colour`"),
        "{warnings:?}"
    );
}

#[test]
fn missing_required_key_names_line_and_path() {
    let e = one_error(&format!("{MINIMAL}quotes:\n  - text: hi\n"));
    assert_eq!(
        e,
        "t.yaml:6:5: quotes[0].speaker: missing required key; add who said it: `speaker: ...`"
    );
}

#[test]
fn every_missing_top_level_key_is_reported() {
    let e = errors("subtitle: s\n");
    let paths: Vec<_> = e
        .iter()
        .map(|e| e.split(": ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(paths, ["format", "id", "title", "summary"]);
}

#[test]
fn wrong_types_name_what_was_expected_and_found() {
    let e = one_error("format: brief/1\nid: t\ntitle: [x]\nsummary: [a]\n");
    assert_eq!(e, "t.yaml:3:8: title: expected a string, found a list");
    let e = one_error(&format!(
        "{MINIMAL}quotes:\n  - {{text: hi, speaker: 42}}\n"
    ));
    assert!(
        e.starts_with(
            "t.yaml:6:25: quotes[0].speaker: expected a string, found a number; put it in quotes"
        ),
        "{e}"
    );
    let e = one_error(&format!("{MINIMAL}comments_reported: many\n"));
    assert!(
        e.contains("comments_reported: expected a whole number, found a string"),
        "{e}"
    );
}

#[test]
fn wrong_format_names_the_supported_version() {
    let e = one_error("format: brief/2\nid: t\ntitle: T\nsummary: [a]\n");
    assert_eq!(
        e,
        "t.yaml:1:9: format: unsupported format `brief/2`; this version of brief reads `brief/1`"
    );
}

#[test]
fn bad_id_characters_are_refused() {
    for id in ["Bad", "-lead", "with space", "ünïcode", &"x".repeat(65)] {
        let e = one_error(&format!(
            "format: brief/1\nid: \"{id}\"\ntitle: T\nsummary: [a]\n"
        ));
        assert!(e.starts_with("t.yaml:2:5: id: "), "{e}");
        assert!(e.contains("is not a valid id"), "{e}");
    }
}

#[test]
fn duplicate_ids_are_errors_pointing_at_both() {
    let e = one_error(&format!(
        "{MINIMAL}quotes:\n  - {{id: x, text: a, speaker: A}}\n  - {{id: x, text: b, speaker: A}}\n"
    ));
    assert!(
        e.starts_with("t.yaml:7:10: quotes[1].id: duplicate id `x`: quotes[0] at line 6"),
        "{e}"
    );
    let e = one_error(&format!(
        "{MINIMAL}comments:\n  - text: a\n  - text: b\n    id: c1\n"
    ));
    assert!(
        e.contains("duplicate id `c1`"),
        "a given id may not take a derived one: {e}"
    );
}

#[test]
fn nation_codes_and_dates_are_checked() {
    let e = one_error(&format!(
        "{MINIMAL}nations:\n  - {{name: France, code: fr}}\n"
    ));
    assert!(
        e.contains("nations[0].code: `fr` is not an ISO 3166-1 alpha-2 code"),
        "{e}"
    );
    let e = one_error(&format!("{MINIMAL}source:\n  published: 2024-13-01\n"));
    assert!(
        e.contains("source.published: `2024-13-01` is not a date; write it as YYYY-MM-DD"),
        "{e}"
    );
    let b = ok(&format!(
        "{MINIMAL}nations:\n  - {{name: Norway, code: NO}}\nsource: {{published: 2024-02-29}}\n"
    ));
    assert_eq!(
        b.nations[0].code.as_deref(),
        Some("NO"),
        "NO is Norway, not false"
    );
}

#[test]
fn yaml_that_is_not_a_map_or_not_yaml_is_located() {
    assert_eq!(
        one_error("- a\n- b\n"),
        "t.yaml:1:1: a briefing is a map of keys (format, id, title, summary, ...), found a list"
    );
    let e = one_error("title: [unclosed\nid: x\n");
    assert!(e.starts_with("t.yaml:2:"), "{e}");
    assert!(e.contains("not valid YAML"), "{e}");
    assert_eq!(
        one_error("format: brief/1\nformat: brief/1\n"),
        "t.yaml:2:1: the key `format` appears twice in one map; keep one"
    );
}

#[test]
fn empty_file_says_what_a_briefing_needs() {
    let e = one_error("  \n\n");
    assert!(e.starts_with("t.yaml:1:1: the file is empty"), "{e}");
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    // The alias budget refuses it, after at most that many repeated values: the
    // work is bounded by the limit, whatever the machine.
    let e = one_error(&text);
    assert!(
        e.contains("a briefing may repeat at most 10000 values through `*alias`"),
        "{e}"
    );
}

#[test]
fn a_few_aliases_are_fine_and_the_message_never_calls_valid_yaml_invalid() {
    let few = format!(
        "{MINIMAL}location: &l Florence\nkey_points: [{}]\n",
        vec!["*l"; 100].join(", ")
    );
    assert_eq!(ok(&few).key_points.len(), 100);
    let many = format!(
        "{MINIMAL}location: &l Florence\nkey_points: [{}]\n",
        vec!["*l"; 20_000].join(", ")
    );
    let e = one_error(&many);
    assert!(e.contains("too many YAML aliases"), "{e}");
    assert!(!e.contains("not valid YAML") && !e.contains('='), "{e}");
}

#[test]
fn messages_are_in_the_projects_words_never_the_parsers() {
    for (text, expected) in [
        (
            format!("{MINIMAL}---\nfoo: 1\n"),
            "more than one YAML document",
        ),
        (
            format!("{MINIMAL}location: !!binary \"//79\"\n"),
            "a `!!binary` value where text belongs",
        ),
        (
            format!("{MINIMAL}comments_reported: 18446744073709551616\n"),
            "comments_reported: is too large; a count is at most 18446744073709551615",
        ),
    ] {
        let e = one_error(&text);
        assert!(e.contains(expected), "{e}");
        for internal in [
            "from_str",
            "Options",
            "ignore_binary",
            "{ ",
            "found a number",
        ] {
            assert!(!e.contains(internal), "{internal} in {e}");
        }
    }
}

#[test]
fn a_value_echoed_in_a_message_is_cut_to_a_readable_length() {
    let text = format!(
        "{MINIMAL}nations: [{{name: N, code: \"{}\"}}]\n",
        "X".repeat(5_000)
    );
    let e = one_error(&text);
    assert!(e.chars().count() < 200, "{} characters", e.chars().count());
    assert!(e.contains("XXXX…`"), "{e}");
}

#[test]
fn a_hundred_thousand_unknown_keys_give_a_few_warnings_and_a_count() {
    let keys: String = (0..100_000).map(|i| format!("k{i}: 1\n")).collect();
    let loaded = briefing::parse(&format!("{MINIMAL}{keys}"), "t.yaml").expect("loads");
    assert_eq!(loaded.warnings.len(), 21);
    let last = loaded.warnings.last().expect("a count");
    assert_eq!(
        last.to_string(),
        "t.yaml: warning: 99980 more warnings not listed; fix the 20 above and check again"
    );
    let counted: usize = loaded.warnings.iter().map(Diagnostic::warnings).sum();
    assert_eq!(counted, 100_000);
}

#[test]
fn a_tagged_or_fractional_count_is_refused_on_both_roads() {
    // The fast road reads counts as numbers only, like the checker: `! 5` is a string.
    for value in ["! 5", "\"5\"", "5.0"] {
        let e = one_error(&format!("{MINIMAL}comments_reported: {value}\n"));
        assert!(
            e.contains("comments_reported: expected a whole number"),
            "{value}: {e}"
        );
    }
    assert_eq!(
        ok(&format!("{MINIMAL}comments_reported: 5\n")).comments_reported,
        Some(5)
    );
}

#[test]
fn a_chain_of_a_thousand_replies_loads_in_block_and_flow_style() {
    for flow in [false, true] {
        let b = ok(&common::reply_chain(1000, flow));
        assert_eq!(b.comments.len(), 1001, "flow: {flow}");
        assert_eq!(b.comments[1000].depth, 1000);
        assert_eq!(b.comment_text(1000), "reply 1000");
        assert_eq!(b.comment_id(1000), format!("c1{}", ".1".repeat(1000)));
    }
}

#[test]
fn past_the_reply_limit_both_styles_are_refused_with_one_message_naming_it() {
    let block = one_error(&common::reply_chain(1001, false));
    let flow = one_error(&common::reply_chain(1001, true));
    let message = |e: &str| {
        e.split_once(": ")
            .map(|(_, m)| m.split_once(": ").map_or(m, |(_, m)| m).to_owned())
    };
    assert_eq!(message(&block), message(&flow), "{block}\n{flow}");
    assert!(
        block.contains("enough for 1000 levels of comment replies"),
        "{block}"
    );
}

#[test]
fn nesting_ten_thousand_deep_is_refused_with_the_limit() {
    let text = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let e = one_error(&text);
    assert!(
        e.contains("nested too deep: a briefing may nest 2004 levels"),
        "{e}"
    );
    let mut deep = String::from(MINIMAL);
    deep.push_str("comments:\n");
    for level in 0..1100 {
        let indent = "  ".repeat(level);
        deep.push_str(&format!("{indent}- text: x\n{indent}  replies:\n"));
    }
    let e = one_error(&deep);
    assert!(e.contains("levels of comment replies"), "{e}");
}

#[test]
fn deep_comment_threads_within_the_limit_load() {
    let mut text = String::from(MINIMAL);
    text.push_str("comments:\n");
    for level in 0..100 {
        let indent = "  ".repeat(level);
        text.push_str(&format!(
            "{indent}- text: level {level}\n{indent}  replies:\n"
        ));
    }
    let b = ok(&text);
    assert_eq!(b.comments.len(), 100);
    assert_eq!(b.comments[99].depth, 99);
}

#[test]
fn control_characters_are_replaced_at_load() {
    let b = ok("format: brief/1\nid: t\ntitle: \"a\\e]0;owned\\aB\"\nsummary: [\"x\\u009b2Jy\"]\n");
    assert_eq!(b.title, "a␛]0;owned␇B");
    assert_eq!(b.summary[0], "x\u{fffd}2Jy");
}

mod files {
    use super::*;
    use std::path::Path;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn load_error(path: &Path) -> String {
        match briefing::load(path) {
            Ok(_) => panic!("{} loaded", path.display()),
            Err(d) => d[0].to_string(),
        }
    }

    #[test]
    fn not_utf8_is_located_at_the_first_bad_byte() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(
            dir.path(),
            "x.yaml",
            b"format: brief/1\nid: x\ntitle: caf\xe9\n",
        );
        let e = load_error(&path);
        assert!(
            e.ends_with("x.yaml:3:11: the file is not UTF-8 text; save it as UTF-8"),
            "{e}"
        );
    }

    #[test]
    fn a_file_read_from_disk_is_the_briefing_its_text_parses_to_with_or_without_a_bom() {
        // `load` lays the comments' words out in the file's own text, the
        // mark included; `parse` copies them: the two hold the same briefing.
        let dir = tempfile::tempdir().expect("tempdir");
        let mut with_escapes = common::reply_chain(30, false);
        with_escapes.push_str("  - text: \"an \\u00e9scape, then the last\"\n");
        for (name, text) in [
            ("bundled.yaml", briefing::BUNDLED.to_owned()),
            ("chain.yaml", with_escapes),
        ] {
            let parsed = ok(&text);
            for bom in ["", "\u{FEFF}"] {
                let path = write(dir.path(), name, format!("{bom}{text}").as_bytes());
                let loaded = briefing::load(&path).expect("loads").briefing;
                assert_eq!(loaded, parsed, "{name}, bom {:?}", !bom.is_empty());
            }
        }
    }

    #[test]
    fn missing_file_and_folder_are_plain_messages() {
        let dir = tempfile::tempdir().expect("tempdir");
        let e = load_error(&dir.path().join("nope.yaml"));
        assert!(
            e.ends_with("nope.yaml: cannot read: no such file or folder"),
            "{e}"
        );
        let e = load_error(dir.path());
        assert!(e.ends_with(": is a folder; name a briefing file"), "{e}");
    }

    #[test]
    fn fifty_megabytes_of_junk_fail_fast() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Deterministic junk: a simple LCG, mostly not UTF-8.
        let mut state: u32 = 12345;
        let junk: Vec<u8> = (0..50 * 1024 * 1024)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (state >> 16) as u8
            })
            .collect();
        let path = write(dir.path(), "junk.yaml", &junk);
        // Refused by the UTF-8 check, at the first bad byte, before any parsing.
        let e = load_error(&path);
        assert!(e.contains(":1:1: the file is not UTF-8 text"), "{e}");
        // The same size of printable junk is not YAML that makes a briefing either.
        let printable: Vec<u8> = junk
            .iter()
            .map(|b| b"ab:[{ -\n#&*"[usize::from(*b) % 11])
            .collect();
        let path = write(dir.path(), "junk2.yaml", &printable);
        assert!(briefing::load(&path).is_err());
    }

    #[test]
    fn files_past_the_size_limit_are_refused_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.yaml");
        let file = std::fs::File::create(&path).expect("create");
        file.set_len(200 * 1024 * 1024).expect("sparse file");
        let e = load_error(&path);
        assert!(
            e.ends_with("the file is 200.0 MiB; briefings are limited to 64 MiB"),
            "{e}"
        );
        // One byte past the limit is not described as the limit itself.
        file.set_len(64 * 1024 * 1024 + 1).expect("sparse file");
        let e = load_error(&path);
        assert!(
            e.ends_with(
                "the file is 67108865 bytes; briefings are limited to 64 MiB (67108864 bytes)"
            ),
            "{e}"
        );
    }
}

#[test]
fn a_million_tiny_comments_are_refused_quickly_with_the_limit() {
    let text = format!(
        "format: brief/1\nid: m\ntitle: t\nsummary: [s]\ncomments:\n{}",
        "- text: x\n".repeat(1_000_000)
    );
    // The node budget refuses it: the message names that limit, so the parse
    // stopped there rather than reading on.
    let e = one_error(&text);
    assert!(
        e.contains("more than 1500000 YAML values; split the briefing"),
        "{e}"
    );
}

#[test]
fn a_ten_megabyte_line_loads_and_draws() {
    let text = format!(
        "format: brief/1\nid: l\ntitle: t\nsummary: [\"{}\"]\n",
        "word ".repeat(2_000_000)
    );
    let b = ok(&text);
    assert_eq!(b.summary[0].len(), 10_000_000);
    let mut root = brief::app::Root::with_briefing(b);
    let screen = common::replay(&mut root, "", (80, 24), brief::ui::Theme::plain());
    assert!(brief::snapshot::to_text(&screen).contains("word word word"));
}

#[test]
fn a_code_outside_the_nation_table_is_a_warning_with_the_right_code() {
    let text = format!("{MINIMAL}nations: [{{name: Britain, code: UK}}, {{name: Z, code: ZZ}}]\n");
    let loaded = briefing::parse(&text, "t.yaml").expect("a warning, not an error");
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "t.yaml:5:33: nations[0].code: warning: `UK` is not a nation code brief knows; United Kingdom is `GB`",
            "t.yaml:5:54: nations[1].code: warning: `ZZ` is not a nation code brief knows",
        ]
    );
}

#[test]
fn generated_briefings_load_and_have_the_shape_asked_for() {
    let shape = common::generate::Shape {
        seed: 3,
        paragraphs: 5,
        nations: 3,
        quotes: 9,
        speakers: 4,
        comments: 120,
        max_depth: 12,
        rare_words: false,
    };
    let b = ok(&common::generate::briefing(shape));
    assert_eq!(
        (
            b.summary.len(),
            b.nations.len(),
            b.quotes.len(),
            b.comments.len()
        ),
        (5, 3, 9, 120)
    );
    assert!(b.speakers.len() <= 4);
    assert!(b.comments.iter().map(|c| c.depth).max() <= Some(11));
    assert_eq!(
        common::generate::briefing(shape),
        common::generate::briefing(shape),
        "the same seed gives the same file"
    );
}
