//! Hostile input, by property: arbitrary bytes and mangled briefings never panic
//! the loader, and any briefing that loads survives any keys at any size.
//! (cargo-fuzz needs a nightly compiler, which this project's machines cannot
//! fetch; proptest does the same job on stable and in CI.)
//!
//! `PROPTEST_CASES=N` runs more cases; the defaults keep `cargo test` near a minute.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use brief::briefing;
use common::drive::read;
use proptest::prelude::*;

/// YAML-ish pieces, so mangled files get past the first character more often.
const TOKENS: &[&str] = &[
    "\n",
    "  ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">-\n",
    "\"",
    "'",
    "#",
    "~",
    "text: ",
    "replies:\n",
    "comments:\n",
    "quotes:\n",
    "speaker: ",
    "id: c1",
    "format: brief/1\n",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "🛰️",
    "宇宙",
    "\t",
    "\r\n",
    "---\n",
    "...\n",
    "?",
    "%YAML 1.2\n",
    "<<: *a\n",
    "! ",
    "comments_reported: ",
    "5",
];

/// The seeds mutations start from: the project's briefings and its bad inputs,
/// committed in `tests/corpus/`.
fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("tests/corpus")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned())
            .collect()
    })
}

#[test]
fn every_corpus_seed_is_read_without_panic() {
    assert!(corpus().len() >= 8);
    for text in corpus() {
        read(text, &[0, 4, 9, 14, 24, 29, 40], (80, 24));
    }
}

fn mangle(base: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut text: Vec<char> = base.chars().collect();
    for &(at, len, token) in edits {
        let at = at % (text.len() + 1);
        let end = (at + len % 40).min(text.len());
        let insert: Vec<char> = TOKENS[token % TOKENS.len()].chars().collect();
        text.splice(at..end, insert);
    }
    text.into_iter().collect()
}

/// The two roads agree on `text` (`roads::disagreement`).
fn roads_agree(text: &str) {
    if let Some(how) = briefing::roads::disagreement(text) {
        panic!("{how}\n{text}");
    }
}

/// Tags and quotes, where the two roads could read a value differently.
const TAGS: &[&str] = &[
    "! ", "!!str ", "!!int ", "!!float ", "!!null ", "!!bool ", "!x ", "&t ", "'", "\"",
];

#[test]
fn every_tag_before_every_value_of_every_seed_leaves_the_roads_agreeing() {
    for seed in corpus() {
        let starts: Vec<usize> = seed
            .match_indices(": ")
            .map(|(i, _)| i + 2)
            .take(40)
            .collect();
        for &at in &starts {
            for tag in TAGS {
                let mut text = seed.clone();
                text.insert_str(at, tag);
                roads_agree(&text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = briefing::parse(&text, "fuzz.yaml");
    }

    #[test]
    fn token_soup_never_panics_the_loader(tokens in proptest::collection::vec(0..TOKENS.len(), 0..200)) {
        let text: String = tokens.iter().map(|&t| TOKENS[t]).collect();
        let _ = briefing::parse(&format!("format: brief/1\nid: f\ntitle: t\nsummary: [s]\n{text}"), "fuzz.yaml");
    }

    #[test]
    fn mangled_briefings_and_random_keys_never_panic(
        seed in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..6),
        keys in proptest::collection::vec(any::<usize>(), 0..60),
        width in 1u16..200,
        height in 1u16..60,
    ) {
        let corpus = corpus();
        let text = mangle(&corpus[seed % corpus.len()], &edits);
        read(&text, &keys, (width, height));
    }

    #[test]
    fn the_two_loader_roads_agree_on_mangled_briefings(
        seed in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..4),
    ) {
        let corpus = corpus();
        roads_agree(&mangle(&corpus[seed % corpus.len()], &edits));
    }

    #[test]
    fn generated_briefings_survive_any_keys(
        seed in any::<u64>(),
        comments in 0usize..300,
        depth in 1usize..40,
        keys in proptest::collection::vec(any::<usize>(), 0..80),
        width in 1u16..200,
        height in 1u16..60,
    ) {
        let shape = common::generate::Shape { seed, comments, max_depth: depth, ..common::generate::Shape::small(seed) };
        read(&common::generate::briefing(shape), &keys, (width, height));
    }
}

/// Pieces of pages and copied articles, so mangled inputs look like articles.
const ARTICLE_TOKENS: &[&str] = &[
    "\n\n",
    "<p>",
    "</p>",
    "<li class=\"comment\">",
    "<ol class=\"comment-list\">",
    "</ol>",
    "<ul class=\"children\">",
    "</ul>",
    "“",
    "”",
    "\"",
    ", said ",
    " said.",
    " he added.",
    ":\n\n",
    "  1. ",
    "    • ",
    "5 COMMENTS\n",
    "LEAVE A REPLY\n",
    "By Jane Doe\n",
    "Georgia",
    "UK’s",
    "AUKUS",
    "<br>",
    "&amp;",
    "&#8217;",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "\u{1b}[2J",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn whatever_imports_validates_and_nothing_panics(
        seed in 0usize..4,
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..8),
        bytes in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let seeds = ["cspo-florence.txt", "wordpress-core.html", "traps.txt", "tagdiv-newspaper.html"];
        let base = std::fs::read_to_string(dir.join(seeds[seed])).unwrap();
        let mut text: Vec<char> = base.chars().collect();
        for &(at, len, token) in &edits {
            let at = at % (text.len() + 1);
            let end = (at + len % 200).min(text.len());
            text.splice(at..end, ARTICLE_TOKENS[token % ARTICLE_TOKENS.len()].chars());
        }
        let mut input: Vec<u8> = text.into_iter().collect::<String>().into_bytes();
        input.extend(&bytes);
        for candidate in [&input[..], &bytes[..]] {
            if let Ok(draft) = brief::import::import(candidate, "fuzz", &brief::import::Overrides::default()) {
                let yaml = brief::import::to_yaml(&draft);
                let loaded = briefing::parse(&yaml, "fuzz.yaml");
                prop_assert!(loaded.is_ok(), "{:?}\n{yaml}", loaded.err());
            }
        }
    }
}
