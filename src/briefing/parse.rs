//! From YAML text to a validated `Briefing`, with located errors and warnings.
//!
//! `parse` works on a string so tests need no files; `load` adds the file system
//! (size limit, UTF-8 check) in front of it. The YAML parser's budgets live here;
//! the format's rules live in `check`.

use std::path::Path;

use super::check::check;
use super::messages::{io_reason, too_big, yaml_error};
use super::node::{Node, Pos};
use super::rules::FORMAT;
use super::{Briefing, Diagnostic, Severity};

/// Bounds that keep a hostile file from exhausting the machine. Each one is
/// named, with its number, in the message of a file that passes it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file accepted, in bytes.
    pub max_bytes: u64,
    /// The deepest chain of comment replies; the YAML nesting it needs is `max_depth`.
    pub max_reply_depth: usize,
    /// The most YAML nodes (scalars, lists and maps) in one file.
    pub max_nodes: usize,
    /// The most values that YAML aliases (`*name`) may repeat or anchors record.
    pub max_alias_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_reply_depth: 1000,
            max_nodes: 1_500_000,
            // Briefings have no need of aliases; a few for a repeated role are fine,
            // and 10,000 bounds an "alias bomb" to a few milliseconds of work.
            max_alias_events: 10_000,
        }
    }
}

impl Limits {
    /// The deepest nesting of lists and maps: the document's map, `comments`, then
    /// a map and a `replies` list for each level of replies, and room for the
    /// last comment's own values.
    pub fn max_depth(&self) -> usize {
        2 * self.max_reply_depth + 4
    }
}

/// A briefing that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The briefing.
    pub briefing: Briefing,
    /// Unknown keys and other things worth fixing that did not refuse the file.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and validates the briefing at `path`; on failure every diagnostic found.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let fail = |message: String| vec![Diagnostic::new(Severity::Error, &file, None, "", message)];
    let limits = Limits::default();
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?
        .len();
    if path.is_dir() {
        return Err(fail("is a folder; name a briefing file".into()));
    }
    if size > limits.max_bytes {
        return Err(fail(too_big(size, limits)));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let pos = end_of(std::str::from_utf8(valid).unwrap_or_default());
        vec![Diagnostic::new(
            Severity::Error,
            &file,
            Some(pos),
            "",
            "the file is not UTF-8 text; save it as UTF-8".into(),
        )]
    })?;
    if text.trim().is_empty() {
        return parse_with(&text, &file, limits);
    }
    // The fast road takes the text and frees it before building the model; a file
    // it refuses is read again for the careful road, which says what is wrong.
    match on_big_stack(move || super::fast::parse_owned(text, yaml_options(limits))) {
        Ok(Some(briefing)) => Ok(Loaded {
            briefing,
            warnings: Vec::new(),
        }),
        Err(e) => Err(yaml_error(&e, &file, limits)),
        Ok(None) => {
            let bytes =
                std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
            let text = String::from_utf8_lossy(&bytes);
            on_big_stack(|| {
                checked(
                    text.strip_prefix('\u{FEFF}').unwrap_or(&text),
                    &file,
                    limits,
                )
            })
        }
    }
}

/// Validates briefing YAML held in memory; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Loaded, Vec<Diagnostic>> {
    parse_with(text, file, Limits::default())
}

fn parse_with(text: &str, file: &str, limits: Limits) -> Result<Loaded, Vec<Diagnostic>> {
    on_big_stack(|| parse_on_this_thread(text, file, limits))
}

/// Parsing, checking and dropping a briefing recurse once per nesting level, so
/// the work runs on a thread whose stack fits `Limits::max_depth` with room to spare
/// (the approach rustc takes for deep expressions).
fn on_big_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    const STACK_BYTES: usize = 256 * 1024 * 1024;
    // The work waits in a slot the thread takes it from, so that when no thread
    // can be had it is still here to run.
    let slot = std::sync::Mutex::new(Some(work));
    let take = || slot.lock().ok().and_then(|mut w| w.take());
    let spawned = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("brief-parse".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || take().map(|work| work()));
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => None,
        }
    });
    match spawned.or_else(|| take().map(|work| work())) {
        Some(result) => result,
        // Either the thread ran the work or it is still in the slot.
        None => unreachable!("the parse work ran nowhere"),
    }
}

/// Each loader road on its own, so tests can hold the two to the same result.
/// `load` and `parse` are the ways in for everything else.
pub mod roads {
    use super::{Limits, Loaded, checked, on_big_stack, yaml_options};
    use crate::briefing::{Briefing, Diagnostic};

    /// The fast road as `load` takes it, the text given up to hold the
    /// comments' words: the briefing when the text follows every rule exactly,
    /// `None` when it leaves the file to the careful road, or the parser's refusal.
    pub fn fast(text: &str) -> Result<Option<Briefing>, String> {
        on_big_stack(|| {
            crate::briefing::fast::parse_owned(text.to_owned(), yaml_options(Limits::default()))
                .map_err(|e| e.to_string())
        })
    }

    /// The careful road: every rule checked on a located tree, every diagnostic.
    pub fn careful(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
        on_big_stack(|| checked(text, "roads.yaml", Limits::default()))
    }

    /// How the two roads differ on `text`, if they do. They must not: when the
    /// fast road gives a briefing, the careful road gives the same one with no
    /// diagnostic, and when the careful road gives one with no diagnostic, so
    /// does the fast road. The property tests and the fuzzer ask.
    pub fn disagreement(text: &str) -> Option<String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match (fast(text), careful(text)) {
            (Ok(Some(_)), Ok(careful)) if !careful.warnings.is_empty() => Some(format!(
                "the fast road took a file with warnings: {:?}",
                careful.warnings
            )),
            (Ok(Some(fast)), Ok(careful)) if fast != careful.briefing => {
                Some(format!("fast {fast:?}\ncareful {:?}", careful.briefing))
            }
            (Ok(Some(_)), Err(d)) => Some(format!("only the fast road takes it: {d:?}")),
            (fast, Ok(careful)) if careful.warnings.is_empty() && !matches!(fast, Ok(Some(_))) => {
                Some(format!("only the careful road takes it: {fast:?}"))
            }
            _ => None,
        }
    }
}

fn parse_on_this_thread(text: &str, file: &str, limits: Limits) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(
            Severity::Error,
            file,
            Some(Pos { line: 1, col: 1 }),
            "",
            format!(
                "the file is empty; a briefing needs at least `format: {FORMAT}`, `id`, `title` and `summary`"
            ),
        )]);
    }
    match super::fast::parse(text, yaml_options(limits)) {
        Ok(Some(briefing)) => Ok(Loaded {
            briefing,
            warnings: Vec::new(),
        }),
        Ok(None) => checked(text, file, limits),
        Err(e) => Err(yaml_error(&e, file, limits)),
    }
}

/// The careful road: a tree of located nodes, checked rule by rule, so every
/// problem is reported with its place. Taken when the fast road refuses a file.
pub(crate) fn checked(text: &str, file: &str, limits: Limits) -> Result<Loaded, Vec<Diagnostic>> {
    let root = read_yaml(text, file, limits)?;
    match check(&root, file) {
        (Some(briefing), warnings) => Ok(Loaded { briefing, warnings }),
        (None, diagnostics) => Err(diagnostics),
    }
}

/// The parser's settings, the same on both roads: the budgets of `limits`.
fn yaml_options(limits: Limits) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // Block and flow style nest alike: `[[...]]` is refused where `- - ...` is.
    budget.max_depth = limits.max_depth();
    budget.flow_nesting_limit = limits.max_depth();
    budget.max_nodes = limits.max_nodes;
    budget.max_events = limits.max_nodes.saturating_mul(2);
    budget.max_total_scalar_bytes = usize::try_from(limits.max_bytes).unwrap_or(usize::MAX);
    budget.max_aliases = limits.max_alias_events;
    budget.max_recorded_anchor_events = limits.max_alias_events;
    // The absolute caps bound the work; the ratio guess would refuse a hundred
    // uses of one anchor, which is valid and harmless.
    budget.enforce_alias_anchor_ratio = false;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = limits.max_alias_events;
    options.with_snippet = false;
    // YAML 1.1 read `y`, `no` and `off` as booleans: Norway's code `NO` would be `false`.
    options.strict_booleans = true;
    options
}

fn read_yaml(text: &str, file: &str, limits: Limits) -> Result<Node, Vec<Diagnostic>> {
    serde_saphyr::from_str_with_options::<Node>(text, yaml_options(limits))
        .map_err(|e| yaml_error(&e, file, limits))
}

/// The position just after `text`, where an invalid byte would start.
fn end_of(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both_roads(text: &str) {
        // Both roads recurse per nesting level; production runs them on a big stack.
        let text = text.to_owned();
        let worker = std::thread::Builder::new()
            .stack_size(256 * 1024 * 1024)
            .spawn(move || compare(&text));
        worker.expect("thread").join().expect("no panic");
    }

    fn compare(text: &str) {
        let fast = crate::briefing::fast::parse(text, yaml_options(Limits::default()))
            .expect("within budget")
            .expect("the fast road takes it");
        let careful =
            checked(text, "t.yaml", Limits::default()).expect("the careful road takes it");
        assert!(careful.warnings.is_empty());
        assert_eq!(fast, careful.briefing, "the two roads disagree");
        // The road `load` takes, laying the comments' words out in the text itself.
        let owned = roads::fast(text).expect("within budget");
        assert_eq!(owned.as_ref(), Some(&fast), "the text given up or not");
    }

    #[test]
    fn the_fast_road_gives_what_the_careful_road_gives() {
        both_roads(crate::briefing::BUNDLED);
        both_roads(include_str!("../../tests/fixtures/deep-thread.yaml"));
        both_roads(include_str!("../../tests/fixtures/bare.yaml"));
        let shape = crate::generate::Shape {
            comments: 2_000,
            max_depth: 30,
            ..crate::generate::Shape::small(9)
        };
        both_roads(&crate::generate::briefing(shape));
        both_roads(
            "format: brief/1\nid: t\ntitle: \"a\\e[31mb\"\nsummary: [\"x\\ty\"]\ncomments: [{text: a, id: ''}, {text: b, replies: [{text: c}]}]\n",
        );
        // Replies before the text, a given id over derived replies, empty replies.
        both_roads(
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments:\n  - replies:\n      - {text: b, replies: [{text: c}, {text: d, id: mine}]}\n      - {text: e, replies: null}\n    id: top\n    text: a\n    author: A\n  - {text: f, replies: [], posted: '2024-01-02'}\n",
        );
    }

    #[test]
    fn the_fast_road_leaves_every_doubt_to_the_careful_one() {
        let opts = || yaml_options(Limits::default());
        for text in [
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\nextra: 1\n",
            "format: brief/1\nid: t\ntitle: 1984\nsummary: [s]\n",
            "format: brief/2\nid: t\ntitle: T\nsummary: [s]\n",
            "format: brief/1\nid: T\ntitle: T\nsummary: [s]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: []\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\nnations: [{name: N, code: no}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\nsource: {published: 2024-02-30x}\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\nquotes: [{id: a, speaker: S, text: x}, {id: a, speaker: S, text: y}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a}, {text: b, id: c1}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, replies: [{text: b}]}, {text: c, id: c1.1}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, text: b}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, replies: [], replies: []}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{author: a}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, likes: 3}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: 7}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, replies: {text: b}}]\n",
            "format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments: [{text: a, replies: [b]}]\n",
        ] {
            assert!(
                matches!(crate::briefing::fast::parse(text, opts()), Ok(None)),
                "took {text:?}"
            );
        }
    }
}
