//! Deterministic, generated briefings for tests and benchmarks: realistic shapes
//! (threads of replies, shared speakers, Unicode text), the same for the same seed.
//! Not part of `brief`: the library's unit tests, the integration tests and the
//! benchmarks each include this file (`#[path]`); it uses nothing but `std`.

use std::fmt::Write as _;

/// The shape of a generated briefing.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Varies the text, speakers and nations.
    pub seed: u64,
    /// Summary paragraphs.
    pub paragraphs: usize,
    /// Nations listed.
    pub nations: usize,
    /// Quotes.
    pub quotes: usize,
    /// Distinct speakers the quotes are spread over.
    pub speakers: usize,
    /// Comments in all.
    pub comments: usize,
    /// The deepest reply chain.
    pub max_depth: usize,
    /// Words beyond the small common vocabulary, made from syllables, so a
    /// phrase can tell one briefing of an archive from the rest.
    pub rare_words: bool,
}

impl Shape {
    /// The performance issue's big briefing: about 20 MB, 100,000 comments in
    /// threads up to 60 deep, 5,000 quotes from 300 speakers.
    pub fn big() -> Shape {
        Shape {
            seed: 42,
            paragraphs: 2000,
            nations: 200,
            quotes: 5000,
            speakers: 300,
            comments: 100_000,
            max_depth: 60,
            rare_words: false,
        }
    }

    /// A small briefing, a few kilobytes, for a library of many.
    pub fn small(seed: u64) -> Shape {
        Shape {
            seed,
            paragraphs: 4,
            nations: 4,
            quotes: 6,
            speakers: 12,
            comments: 40,
            max_depth: 8,
            rare_words: false,
        }
    }

    /// One briefing of a big archive: about 20 KB, with words rare enough that
    /// a phrase from it finds it among a hundred thousand.
    pub fn archive(seed: u64) -> Shape {
        Shape {
            seed,
            paragraphs: 8,
            nations: 4,
            quotes: 14,
            speakers: 400,
            comments: 70,
            max_depth: 8,
            rare_words: true,
        }
    }
}

const WORDS: &[&str] = &[
    "space",
    "orbit",
    "satellite",
    "treaty",
    "resilience",
    "allies",
    "deterrence",
    "launch",
    "debris",
    "norms",
    "cooperation",
    "exercise",
    "statement",
    "capability",
    "sovereign",
    "ground",
    "station",
    "signal",
    "jamming",
    "policy",
    "budget",
    "doctrine",
    "réseau",
    "über",
    "café",
    "naïve",
    "宇宙",
    "安全",
    "保障",
    "🛰️",
    "👩‍🚀",
    "interoperability",
    "procurement",
    "constellation",
    "spectrum",
];

const NATIONS: &[(&str, &str)] = &[
    ("Australia", "AU"),
    ("Canada", "CA"),
    ("France", "FR"),
    ("Germany", "DE"),
    ("Italy", "IT"),
    ("Japan", "JP"),
    ("New Zealand", "NZ"),
    ("Norway", "NO"),
    ("United Kingdom", "GB"),
    ("United States", "US"),
    ("Spain", "ES"),
    ("Poland", "PL"),
    ("India", "IN"),
    ("Brazil", "BR"),
];

/// What the rare words are made of, three at a time.
pub const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "vin", "tas", "dre", "qui", "sol", "bar", "nev", "ost", "ule", "pra", "gim",
    "tor", "ash", "wel", "fen", "cor", "zan", "ity", "ova", "rum", "pel", "dax", "hor", "jun",
    "lis", "mab", "sek",
];

struct Rng(u64, bool);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: small, fast and good enough for test data.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn text(&mut self, words: usize) -> String {
        let mut out = String::new();
        for i in 0..words.max(1) {
            if i > 0 {
                out.push(' ');
            }
            if self.1 && self.below(3) == 0 {
                for _ in 0..3 {
                    out.push_str(SYLLABLES[self.below(SYLLABLES.len())]);
                }
            } else {
                out.push_str(WORDS[self.below(WORDS.len())]);
            }
        }
        out.push('.');
        out
    }
}

/// YAML quoting that is always safe: a JSON string is a YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A briefing of `shape` as YAML text.
pub fn briefing(shape: Shape) -> String {
    let mut rng = Rng(
        shape.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1,
        shape.rare_words,
    );
    let mut y = String::new();
    let n = shape.seed;
    let _ = writeln!(
        y,
        "format: brief/1\nid: generated-{n}\ntitle: {}",
        quoted(&format!("Generated briefing {n}: {}", rng.text(5)))
    );
    let _ = writeln!(
        y,
        "source: {{ publication: Fixture Weekly, author: Writer {}, published: \"2026-{:02}-{:02}\" }}",
        n % 7,
        n % 12 + 1,
        n % 28 + 1
    );
    let _ = writeln!(
        y,
        "location: {}\ntags: [generated, fixture]\nsummary:",
        NATIONS[(n as usize) % NATIONS.len()].0
    );
    for _ in 0..shape.paragraphs.max(1) {
        let words = 30 + rng.below(60);
        let _ = writeln!(y, "  - {}", quoted(&rng.text(words)));
    }
    let _ = writeln!(y, "key_points:\n  - {}", quoted(&rng.text(12)));
    if shape.nations > 0 {
        let _ = writeln!(y, "nations:");
        let start = rng.below(NATIONS.len());
        for k in 0..shape.nations {
            let (name, code) = NATIONS[(start + k) % NATIONS.len()];
            if k < NATIONS.len() {
                let _ = writeln!(y, "  - {{ name: {name}, code: \"{code}\" }}");
            } else {
                let _ = writeln!(y, "  - {{ name: \"Territory {k}\" }}");
            }
        }
    }
    if shape.quotes > 0 {
        let _ = writeln!(y, "quotes:");
        for _ in 0..shape.quotes {
            let s = rng.below(shape.speakers.max(1));
            let words = 15 + rng.below(40);
            let _ = writeln!(
                y,
                "  - speaker: Speaker {s}\n    role: Role of speaker {s}\n    text: {}",
                quoted(&rng.text(words))
            );
        }
    }
    if shape.comments > 0 {
        let _ = writeln!(
            y,
            "comments_reported: {}\ncomments:",
            shape.comments + shape.comments / 10
        );
        let mut left = shape.comments;
        while left > 0 {
            // Most threads are short and a few run deep, as on a real comment page.
            let max = shape.max_depth.max(1);
            let depth = (rng.below(max) * rng.below(max) / max).min(left - 1);
            let mut indent = String::from("  ");
            for d in 0..=depth {
                let author = if rng.below(4) == 0 {
                    String::new()
                } else {
                    format!("\n{indent}  author: reader{}", rng.below(500))
                };
                let words = 2 + rng.below(18);
                let _ = writeln!(y, "{indent}- text: {}{author}", quoted(&rng.text(words)));
                left -= 1;
                if d < depth {
                    // Replies sit at the key's own column: two spaces a level keeps
                    // deep threads from being mostly indentation.
                    let _ = writeln!(y, "{indent}  replies:");
                    indent.push_str("  ");
                }
            }
        }
    }
    y
}

/// Writes `count` small briefings into `dir` as `briefing-NNN.yaml`.
pub fn library(dir: &std::path::Path, count: usize) -> std::io::Result<()> {
    library_of(dir, count, Shape::small)
}

/// Writes `count` briefings of `shape(seed)` into `dir` as `briefing-NNN.yaml`.
pub fn library_of(
    dir: &std::path::Path,
    count: usize,
    shape: impl Fn(u64) -> Shape,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..count {
        std::fs::write(
            dir.join(format!("briefing-{i:03}.yaml")),
            briefing(shape(i as u64 + 1)),
        )?;
    }
    Ok(())
}
