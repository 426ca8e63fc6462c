//! The performance targets, each measured against its floor in the same run and
//! printed as a ratio beside its limit. `cargo bench --bench targets` runs the full
//! workloads; `-- --smoke` runs small ones so CI keeps this from rotting;
//! `-- --instructions` counts, with `valgrind --tool=callgrind`, the instructions
//! each key of target 2 costs the real binary on big and on small, which hold
//! whatever else the machine is doing.
//!
//! A plain harness (no criterion): each target is a ratio of two medians taken
//! here, on this machine, in release mode.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly"
)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use brief::app::{Key, Listing, Root, Setup};
use brief::effects::Runner;
#[path = "../tests/common/generate.rs"]
#[allow(dead_code, reason = "the tests use more of it")]
mod generate;
#[path = "targets/instructions.rs"]
mod instructions;

use brief::ui::Theme;
use generate::Shape;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// 60 Hz.
const FRAME: Duration = Duration::from_micros(16_667);

struct Row {
    target: &'static str,
    measured: String,
    floor: String,
    ratio: f64,
    limit: f64,
    /// What the floor is, or why the target stands as it does.
    note: String,
}

impl Row {
    /// A target measured as a time against a floor time.
    fn timed(
        target: &'static str,
        measured: Duration,
        floor: Duration,
        limit: f64,
        note: impl Into<String>,
    ) -> Row {
        Row {
            target,
            measured: ms(measured),
            floor: ms(floor),
            ratio: measured.as_secs_f64() / floor.as_secs_f64(),
            limit,
            note: note.into(),
        }
    }

    /// A target measured as peak memory against a file's size.
    fn memory(target: &'static str, bytes: u64, size: u64, limit: f64, note: &str) -> Row {
        Row {
            target,
            measured: format!("{:.1} MB", bytes as f64 / 1e6),
            floor: format!("{:.1} MB", size as f64 / 1e6),
            ratio: bytes as f64 / size as f64,
            limit,
            note: note.into(),
        }
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    sample(runs, || {
        let start = Instant::now();
        f();
        start.elapsed()
    })
}

/// The median of what `f` measures itself, after one run to warm up (caches,
/// page faults, lazy statics).
fn sample(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    f();
    median((0..runs).map(|_| f()).collect())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("memory") => return memory_child(Path::new(&args[2]), &args[3..]),
        Some("parse") => return parse_child(Path::new(&args[2])),
        _ => {}
    }
    let smoke = args.iter().any(|a| a == "--smoke");
    let dir = tempfile::tempdir().expect("tempdir");
    let shape = if smoke {
        Shape {
            paragraphs: 100,
            nations: 20,
            quotes: 250,
            speakers: 30,
            comments: 5_000,
            max_depth: 30,
            ..Shape::big()
        }
    } else {
        Shape::big()
    };
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, generate::briefing(shape)).unwrap();
    let size = std::fs::metadata(&big).unwrap().len();
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/cspo-florence.yaml");
    println!(
        "workloads: big {:.1} MB ({} comments, {} quotes), small = the bundled briefing{}",
        size as f64 / 1e6,
        shape.comments,
        shape.quotes,
        if smoke {
            " (smoke run: small workloads, ratios not meaningful)"
        } else {
            ""
        }
    );
    if args.iter().any(|a| a == "--instructions") {
        return print_rows(&instructions::rows(&big, &small, dir.path()));
    }
    let runs = if smoke { 3 } else { 7 };
    let mut rows = vec![
        open(&big, 2 * runs),
        keys(&big, &small, runs),
        collapse_all(&big, runs),
        memory(&big, size),
    ];
    rows.extend(search(&big, runs));
    rows.extend([
        library(dir.path(), if smoke { 40 } else { 1000 }),
        library_first_frame(),
        resize(&big, runs),
    ]);
    rows.extend(long_comment(dir.path(), if smoke { 1 } else { 10 }, runs));
    rows.push(import_pages(runs));
    print_rows(&rows);
}

fn print_rows(rows: &[Row]) {
    println!(
        "\n{:<34} {:>14} {:>14} {:>8} {:>7}  met",
        "target", "measured", "floor", "ratio", "limit"
    );
    for r in rows {
        let met = if r.ratio <= r.limit { "yes" } else { "NO" };
        println!(
            "{:<34} {:>14} {:>14} {:>8.2} {:>7.2}  {met} {}",
            r.target, r.measured, r.floor, r.ratio, r.limit, r.note
        );
    }
}

fn load(path: &Path) -> Root {
    Root::with_briefing(brief::briefing::load(path).expect("loads").briefing)
}

/// 1. Process start to first frame, against parsing alone.
fn open(big: &Path, runs: usize) -> Row {
    // Both sides are a process started here and timed until it has said it is
    // done: this benchmark parsing the file into `IgnoredAny`, and `brief`
    // drawing its first frame. What either does after (freeing what it built on
    // the way out) is nobody's wait.
    let until = |program: &Path, args: &[&str], lines: usize| {
        let start = Instant::now();
        let mut child = Command::new(program)
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let read = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .take(lines)
            .count();
        let done = start.elapsed();
        assert_eq!(read, lines, "the whole output");
        assert!(child.wait().unwrap().success());
        done
    };
    let file = big.to_str().unwrap();
    let me = std::env::current_exe().unwrap();
    let brief = Path::new(env!("CARGO_BIN_EXE_brief"));
    // Taken in turns, so a slow spell of a shared machine falls on both.
    let (floor, measured): (Vec<Duration>, Vec<Duration>) = (0..=runs)
        .map(|_| {
            (
                until(&me, &["parse", file], 1),
                until(brief, &["snapshot", "--size", "120x40", file], 40),
            )
        })
        .skip(1)
        .unzip();
    Row::timed(
        "1 open: start to first frame",
        median(measured),
        median(floor),
        1.3,
        "(floor: a process parsing into IgnoredAny)",
    )
}

/// In a process of its own: read and parse big into `IgnoredAny`, then say so.
fn parse_child(big: &Path) {
    let text = std::fs::read_to_string(big).unwrap();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    budget.max_depth = 256;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    let _: serde::de::IgnoredAny = serde_saphyr::from_str_with_options(&text, options).unwrap();
    println!("parsed");
}

/// A terminal drawn into as the reader draws, through the runner `brief
/// snapshot` uses.
struct Screen {
    terminal: Terminal<TestBackend>,
    runner: Runner,
}

impl Screen {
    fn new(w: u16, h: u16) -> Screen {
        Screen {
            terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
            runner: Runner::dry(),
        }
    }

    fn frame(&mut self, root: &mut Root) {
        let Ok(_) = self
            .runner
            .frame(&mut self.terminal, root, Theme::colored());
    }

    fn press(&mut self, root: &mut Root, key: &str) {
        self.runner.press(root, Key::parse(key).unwrap());
    }
}

/// One key and its frame, repeated: the median cost of the pair.
fn key_cost(root: &mut Root, screen: &mut Screen, keys: &[&str], runs: usize) -> Duration {
    screen.frame(root);
    let per_round = time(runs, || {
        for key in keys {
            screen.press(root, key);
            screen.frame(root);
        }
    });
    per_round / u32::try_from(keys.len()).unwrap()
}

/// The keys of target 2: a name, the keys that set it up, and a pair of keys
/// that comes back to where it began, pressed over and over.
const KEY_PLAN: &[(&str, &[&str], &[&str])] = &[
    ("move", &["4"], &["j", "k"]),
    ("next quote", &["3"], &["]", "["]),
    ("collapse/expand", &["4"], &["Enter", "Enter"]),
    ("page down", &["4"], &["PageDown", "PageUp"]),
    ("summary scroll", &["1"], &["j", "k"]),
];

/// 2. A key and its frame on big against the same on small.
fn keys(big: &Path, small: &Path, runs: usize) -> Row {
    let mut worst = (0.0, String::new(), Duration::ZERO, Duration::ZERO);
    for (name, setup, keys) in KEY_PLAN {
        let cost = |path: &Path| {
            let mut root = load(path);
            let mut screen = Screen::new(120, 40);
            for k in *setup {
                root.press(Key::parse(k).unwrap());
            }
            key_cost(&mut root, &mut screen, keys, runs * 5)
        };
        let (b, s) = (cost(big), cost(small));
        let ratio = b.as_secs_f64() / s.as_secs_f64();
        println!(
            "  keys/{name}: big {} small {} ratio {ratio:.2}",
            ms(b),
            ms(s)
        );
        if ratio > worst.0 {
            worst = (ratio, (*name).to_owned(), b, s);
        }
    }
    Row::timed(
        "2 keys: big vs small (worst)",
        worst.2,
        worst.3,
        1.5,
        format!("(worst: {})", worst.1),
    )
}

/// 2b. Collapse all and expand all on big, against one frame at 60 Hz.
fn collapse_all(big: &Path, runs: usize) -> Row {
    let mut root = load(big);
    let mut screen = Screen::new(120, 40);
    root.press(Key::parse("4").unwrap());
    let cost = key_cost(&mut root, &mut screen, &["C", "E"], runs);
    within_a_frame("2 collapse/expand all on big", cost)
}

/// A target whose floor is one frame at 60 Hz.
fn within_a_frame(target: &'static str, cost: Duration) -> Row {
    Row::timed(target, cost, FRAME, 1.0, "(floor: one frame at 60 Hz)")
}

/// 3. Peak resident memory reading big, against the file's size.
fn memory(big: &Path, size: u64) -> Row {
    let bytes = peak_memory(big, &["/", "o", "r", "b", "i", "t", "Enter", "n"]);
    Row::memory(
        "3 memory: peak reading big",
        bytes,
        size,
        2.0,
        "(floor: the file's size; loaded, drawn and searched)",
    )
}

/// The peak resident set of a process that loads `path`, draws it and presses `keys`.
fn peak_memory(path: &Path, keys: &[&str]) -> u64 {
    let out = Command::new(std::env::current_exe().unwrap())
        .arg("memory")
        .arg(path)
        .args(keys)
        .output()
        .unwrap();
    let kb: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("VmHWM in kB");
    kb * 1024
}

/// In a process of its own: load and draw a file, press keys, then report the
/// peak resident set.
fn memory_child(path: &Path, keys: &[String]) {
    let mut root = load(path);
    let mut screen = Screen::new(120, 40);
    screen.frame(&mut root);
    for key in keys {
        root.press(Key::parse(key).unwrap());
        screen.frame(&mut root);
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let hwm = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    println!(
        "{}",
        hwm.trim_start_matches("VmHWM:")
            .trim()
            .trim_end_matches("kB")
            .trim()
    );
}

/// 4. One search keystroke over big, against memmem over the same text.
fn search(big: &Path, runs: usize) -> Vec<Row> {
    let root = load(big);
    let b = root.reader().unwrap().briefing();
    let mut all = String::new();
    for t in b.summary.iter().chain(&b.key_points) {
        all.push_str(t);
        all.push('\n');
    }
    for q in &b.quotes {
        all.push_str(&q.text);
        all.push_str(&q.speaker);
    }
    for (i, c) in b.comments.iter().enumerate() {
        all.push_str(b.comment_text(i));
        all.push_str(c.author.as_deref().unwrap_or(""));
    }
    let build = time(runs, || {
        let index = brief::search::Index::build(
            root.reader().unwrap().briefing(),
            root.reader().unwrap().quote_order(),
        );
        assert!(index.find(b, &brief::search::Query::typed("x")).is_some());
    });
    println!(
        "  search/index build: {} (once per briefing, on a thread of its own after the first frame)",
        ms(build)
    );
    // A word no comment holds, typed from the top; a word a third of the comments
    // hold, typed from the last comment, so every hit is before where it began.
    [
        (
            "lattice",
            "4 search: keystroke, rare word",
            "from the top",
            "",
        ),
        (
            "orbit",
            "4 search: keystroke, common word",
            "from the last comment",
            "4 G",
        ),
    ]
    .into_iter()
    .map(|(word, target, from, setup)| {
        let floor = time(runs * 3, || {
            let n = memchr::memmem::find_iter(all.as_bytes(), word.as_bytes()).count();
            assert!(n < usize::MAX);
        });
        let mut root = load(big);
        for k in setup.split_whitespace() {
            root.press(Key::parse(k).unwrap());
        }
        root.press(Key::parse("/").unwrap());
        for c in word[..word.len() - 1].chars() {
            root.press(Key::ch(c));
        }
        let last = word.chars().last().unwrap();
        let measured = time(runs, || {
            root.press(Key::ch(last));
            root.press(Key::parse("Backspace").unwrap());
        }) / 2;
        Row::timed(
            target,
            measured,
            floor,
            3.0,
            format!("(floor: memmem for `{word}` over the same text; typed {from})"),
        )
    })
    .collect()
}

/// 5. The library's first frame, against having every file parsed.
fn library(dir: &Path, count: usize) -> Row {
    let folder = dir.join("library");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..count {
        // 20 to 200 KB each.
        let shape = Shape {
            comments: 100 + (i * 37) % 900,
            ..Shape::small(i as u64 + 1)
        };
        std::fs::write(
            folder.join(format!("b{i:04}.yaml")),
            generate::briefing(shape),
        )
        .unwrap();
    }
    let paths: Vec<PathBuf> = vec![folder];
    let catalog_dir = dir.join("catalog");
    let start = Instant::now();
    // As `brief FOLDER` does on a first start: list the files, draw the first
    // frame, then take each briefing in as the catalog indexes it.
    let (files, _) = brief::library::files(&paths);
    let mut root = Root::library(Vec::new(), files.len(), Setup::default());
    let mut screen = Screen::new(120, 40);
    screen.frame(&mut root);
    let first_frame = start.elapsed();
    let catalog = brief::catalog::Catalog::open(&catalog_dir).unwrap();
    let library = brief::catalog::Library::new(catalog, &files);
    library
        .sync(&[], None, &mut |step| {
            if let brief::catalog::Step::Indexed(file, row) = step {
                let listing = Listing::of(brief::library::Origin::File(file), *row);
                root.update(brief::app::Action::Arrived(Box::new(listing)));
            }
        })
        .unwrap();
    let parsed = start.elapsed();
    assert_eq!(root.listings().len(), count);
    assert!(!root.is_loading());
    // A second start, no file changed: the rows come from the catalog, and the
    // first frame is complete. It changes nothing, so it is taken several
    // times, where the first start can be taken only once.
    let second_start = time(3, || {
        let (files, _) = brief::library::files(&paths);
        let catalog = brief::catalog::Catalog::open(&catalog_dir).unwrap();
        let library = brief::catalog::Library::new(catalog, &files);
        let rows = library.rows().unwrap();
        let listings: Vec<Listing> = files
            .into_iter()
            .zip(rows)
            .filter_map(|(f, row)| Some(Listing::of(brief::library::Origin::File(f), row?)))
            .collect();
        let mut root = Root::library(listings, count, Setup::default());
        assert!(!root.is_loading());
        Screen::new(120, 40).frame(&mut root);
    });
    LIBRARY_FIRST.with(|c| c.set(Some((first_frame, parsed))));
    Row::timed(
        "5 library: second start vs first",
        second_start,
        parsed,
        0.2,
        "(first start: read and catalog every file)",
    )
}

thread_local!(static LIBRARY_FIRST: std::cell::Cell<Option<(Duration, Duration)>> = const { std::cell::Cell::new(None) });

/// 5a. The library's first frame, against having every file parsed (measured in `library`).
fn library_first_frame() -> Row {
    let (first_frame, parsed) = LIBRARY_FIRST
        .with(std::cell::Cell::get)
        .expect("library ran first");
    Row::timed(
        "5 library: first frame vs all parsed",
        first_frame,
        parsed,
        1.0,
        "(entries fill in as they are read)",
    )
}

/// 6. Reflowing big's summary after a resize, against one frame.
fn resize(big: &Path, runs: usize) -> Row {
    let mut root = load(big);
    let mut wide = Screen::new(120, 40);
    let mut narrow = Screen::new(100, 40);
    wide.frame(&mut root);
    let mut flip = false;
    let cost = time(runs, || {
        flip = !flip;
        if flip {
            narrow.frame(&mut root)
        } else {
            wide.frame(&mut root)
        }
    });
    within_a_frame("6 resize: reflow big's summary", cost)
}

/// Target 7, one comment of `mb` megabytes (`a a a ...`): every key costs under a
/// frame, searched or not, and memory stays under three times the file.
fn long_comment(dir: &Path, mb: usize, runs: usize) -> Vec<Row> {
    let path = dir.join("long.yaml");
    let words = "a ".repeat(mb * 500_000);
    let text = format!(
        "format: brief/1\nid: long\ntitle: One long comment\nsummary: [A short summary.]\ncomments:\n  - text: \"{words}\"\n    author: Long\n  - text: a short reply\n"
    );
    std::fs::write(&path, text).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    let plan: &[(&str, &[&str], &[&str])] = &[
        ("move", &["4"], &["j", "k"]),
        ("page", &["4"], &["PageDown", "PageUp"]),
        ("search, then move", &["4", "/", "a", "Enter"], &["j", "k"]),
        ("search, next match", &["4", "/", "a", "Enter"], &["n", "N"]),
        ("full view, end and top", &["4", "v"], &["G", "g"]),
        ("full view, page", &["4", "v"], &["PageDown", "PageUp"]),
    ];
    let mut worst = (Duration::ZERO, "");
    for (name, setup, keys) in plan {
        let mut root = load(&path);
        let mut screen = Screen::new(120, 40);
        for k in *setup {
            root.press(Key::parse(k).unwrap());
            screen.frame(&mut root);
        }
        let cost = key_cost(&mut root, &mut screen, keys, runs * 3);
        println!("  long comment/{name}: {}", ms(cost));
        if cost > worst.0 {
            worst = (cost, name);
        }
    }
    // The full view counts the comment's lines once per width, on entering it.
    let mut root = load(&path);
    let mut screen = Screen::new(120, 40);
    root.press(Key::parse("4").unwrap());
    screen.frame(&mut root);
    let start = Instant::now();
    root.press(Key::parse("v").unwrap());
    screen.frame(&mut root);
    let first_view = start.elapsed();
    let bytes = peak_memory(&path, &["4", "/", "a", "Enter", "n", "v", "G"]);
    vec![
        Row::timed(
            "7 long comment: worst key",
            worst.0,
            FRAME,
            1.0,
            format!(
                "(floor: one frame; worst: {}; entering v counts its lines once: {})",
                worst.1,
                ms(first_view)
            ),
        ),
        Row::memory(
            "7 long comment: peak memory",
            bytes,
            size,
            3.0,
            "(floor: the file's size; searched, full view at its end)",
        ),
    ]
}

/// Target 8, `brief import` of each saved page among the fixtures against
/// `dom_smoothie` alone extracting the same page: the comments, quotes, nations
/// and YAML cost at most half again, and a page under 50 ms.
fn import_pages(runs: usize) -> Row {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    pages.sort();
    let none = brief::import::Overrides::default();
    let (mut ours, mut floor) = (Duration::ZERO, Duration::ZERO);
    for (name, html) in &pages {
        let mine = time(runs * 10, || {
            let draft = brief::import::import(html.as_bytes(), name, &none).unwrap();
            std::hint::black_box(brief::import::to_yaml(&draft));
        });
        let theirs = time(runs * 10, || {
            let mut reader = dom_smoothie::Readability::new(html.as_str(), None, None).unwrap();
            std::hint::black_box(reader.parse().ok());
        });
        println!(
            "  import/{name}: {} (dom_smoothie alone {})",
            ms(mine),
            ms(theirs)
        );
        ours += mine;
        floor += theirs;
    }
    let n = u32::try_from(pages.len()).unwrap();
    Row::timed(
        "8 import: a saved page",
        ours / n,
        floor / n,
        1.5,
        format!(
            "(floor: dom_smoothie alone on the same {} pages; mean per page)",
            pages.len()
        ),
    )
}
