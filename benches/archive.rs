//! The archive's targets: a catalog of many generated briefings (about 20 KB
//! each), built, kept in step, searched and ranked, each measured against its
//! floor in the same run. `cargo bench --bench archive` runs 100,000 briefings
//! (about 1.9 GB of YAML, written to a temporary folder); `-- --smoke` runs a
//! few hundred so CI keeps this from rotting; `-- --count N` runs N;
//! `-- --keep DIR` writes the archive into DIR and leaves it there (a second
//! run with the same DIR and count reuses its files), for profiling by hand.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use brief::catalog::{Catalog, Library};
#[path = "../tests/common/generate.rs"]
#[allow(dead_code, reason = "the tests use more of it")]
mod generate;

#[path = "../tests/common/pty.rs"]
#[allow(dead_code, reason = "the tests use more of it")]
mod pty;

use generate::Shape;

/// One line of the table.
struct Row {
    target: &'static str,
    measured: String,
    floor: String,
    ratio: f64,
    limit: f64,
    note: String,
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn timed(target: &'static str, measured: Duration, floor: Duration, limit: f64, note: &str) -> Row {
    Row {
        target,
        measured: ms(measured),
        floor: ms(floor),
        ratio: measured.as_secs_f64() / floor.as_secs_f64(),
        limit,
        note: note.into(),
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let smoke = args.iter().any(|a| a == "--smoke");
    let count = args
        .iter()
        .position(|a| a == "--count")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(if smoke { 300 } else { 100_000 });
    let kept = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let temporary = tempfile::tempdir().expect("tempdir");
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let folder = dir.join("archive");
    let start = Instant::now();
    let files = write_archive(&folder, count);
    let bytes: u64 = files.iter().map(|f| f.metadata().unwrap().len()).sum();
    println!(
        "workload: {count} briefings, {:.0} MB, written in {:.1} s{}",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        if smoke {
            " (smoke run: small workloads, ratios not meaningful)"
        } else {
            ""
        }
    );
    let mut rows = Vec::new();
    let parse = parse_all(&files);
    // Where the reader looks for it with `XDG_CACHE_HOME` at `warm/`.
    let at = dir.join("warm").join("brief").join("catalog");
    // From scratch, also when `--keep` left one.
    let _ = std::fs::remove_dir_all(dir.join("warm"));
    let start = Instant::now();
    let library = Library::new(Catalog::open(&at).unwrap(), &files);
    library.sync(&[], None, &mut |_| {}).unwrap();
    let built = start.elapsed();
    let size = folder_size(&at);
    rows.push(timed(
        "1 index from scratch, both cores",
        built,
        parse,
        1.5,
        &format!(
            "(floor: parsing the same files on both cores; index {:.0} MB)",
            size as f64 / 1e6
        ),
    ));
    rows.push(reindex_one(&library, &files));
    rows.extend(warm_start(dir, &folder, count, built));
    rows.extend(keystrokes(&library, &files, if smoke { 10 } else { 40 }));
    rows.push(known_items(&library, &files, if smoke { 10 } else { 50 }));
    drop(library);
    rows.push(search_command(dir, &files[..files.len().min(1000)]));
    println!(
        "\n{:<40} {:>12} {:>12} {:>8} {:>7}  met",
        "target", "measured", "floor", "ratio", "limit"
    );
    for r in &rows {
        let met = if r.ratio <= r.limit { "yes" } else { "NO" };
        println!(
            "{:<40} {:>12} {:>12} {:>8.3} {:>7.2}  {met} {}",
            r.target, r.measured, r.floor, r.ratio, r.limit, r.note
        );
    }
}

/// Writes `count` archive briefings on both cores, unless `folder` holds
/// them already; their paths, sorted.
fn write_archive(folder: &Path, count: usize) -> Vec<PathBuf> {
    let (files, _) = brief::library::files(&[folder.to_path_buf()]);
    if files.len() == count {
        return files;
    }
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).unwrap();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers() {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        return;
                    }
                    let path = folder.join(format!("b{i:06}.yaml"));
                    std::fs::write(&path, generate::briefing(Shape::archive(i as u64 + 1)))
                        .unwrap();
                }
            });
        }
    });
    brief::library::files(&[folder.to_path_buf()]).0
}

fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The floor of building: reading and parsing every file on every core, as
/// the catalog's sync does before tantivy indexes what it made.
fn parse_all(files: &[PathBuf]) -> Duration {
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers() {
            scope.spawn(|| {
                while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    std::hint::black_box(brief::briefing::load(f).ok());
                }
            });
        }
    });
    start.elapsed()
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

/// One file changed among all: the time to index it again when the watcher
/// names it (what the open reader does), and, in the note, to find it by
/// bringing the whole catalog in step (what a start does).
fn reindex_one(library: &Library, files: &[PathBuf]) -> Row {
    let changed = &files[files.len() / 2];
    let edit = |round: usize| {
        let text = std::fs::read_to_string(changed).unwrap();
        let text = text.replacen("title: \"", &format!("title: \"Revised {round}: "), 1);
        std::fs::write(changed, text).unwrap();
    };
    let (mut named, mut whole) = (Vec::new(), Vec::new());
    for round in 0..5 {
        edit(round);
        let start = Instant::now();
        let synced = library
            .index(std::slice::from_ref(changed), None, &mut |_| {})
            .unwrap();
        named.push(start.elapsed());
        assert_eq!(synced.indexed, 1, "one file indexed again");
        edit(round + 5);
        let start = Instant::now();
        let synced = library.sync(&[], None, &mut |_| {}).unwrap();
        whole.push(start.elapsed());
        assert_eq!(synced.indexed, 1, "one file indexed again");
    }
    timed(
        "2 re-index after one file changes",
        median(named),
        Duration::from_millis(200),
        1.0,
        &format!(
            "(floor: the 200 ms limit; the file named, as the watcher names it; found by a whole sync, a stat per file: {})",
            ms(median(whole))
        ),
    )
}

/// Hits a keystroke shows, as the reader's runner asks for them.
const HITS: usize = 20;

/// What a keystroke in the library search costs: the catalog's best 20 and
/// each read for its item, as the reader's runner does, for every prefix of a
/// common word, a rare one and two words; the 95th percentile.
fn keystrokes(library: &Library, files: &[PathBuf], words: usize) -> Vec<Row> {
    let rare: Vec<String> = files
        .iter()
        .step_by((files.len() / words).max(1))
        .take(words)
        .filter_map(|f| rare_word(&std::fs::read_to_string(f).unwrap()))
        .collect();
    let mut typed: Vec<String> = Vec::new();
    for word in ["satellite", "deterrence"] {
        typed.extend((1..=word.len()).map(|n| word[..n].to_owned()));
    }
    let common = typed.len();
    for word in &rare {
        typed.extend((3..=word.len()).map(|n| word[..n].to_owned()));
        typed.push(format!("space {word}"));
    }
    let mut costs: Vec<(bool, Duration)> = typed
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let start = Instant::now();
            std::hint::black_box(brief::catalog::hits(library, None, q, HITS));
            (i < common, start.elapsed())
        })
        .collect();
    costs.sort_by_key(|&(_, d)| d);
    let p95 = |common: bool| {
        let mut of: Vec<Duration> = costs
            .iter()
            .filter(|(c, _)| *c == common)
            .map(|&(_, d)| d)
            .collect();
        of.sort();
        of[(of.len() * 95 / 100).min(of.len() - 1)]
    };
    let frame = Duration::from_millis(50);
    vec![
        timed(
            "3 search keystroke, common word, p95",
            p95(true),
            frame,
            1.0,
            "(floor: the 50 ms limit; best 20 with snippets)",
        ),
        timed(
            "3 search keystroke, rare words, p95",
            p95(false),
            frame,
            1.0,
            "(floor: the 50 ms limit; best 20 with snippets)",
        ),
    ]
}

/// A word of `yaml` made of three syllables (none of the common vocabulary is).
fn rare_word(yaml: &str) -> Option<String> {
    yaml.split(|c: char| !c.is_alphanumeric())
        .find(|w| is_rare(w))
        .map(str::to_owned)
}

/// Whether `word` is three of the generator's syllables.
fn is_rare(word: &str) -> bool {
    fn syllables(w: &str, left: usize) -> bool {
        if left == 0 {
            return w.is_empty();
        }
        generate::SYLLABLES.iter().any(|s| {
            w.strip_prefix(s)
                .is_some_and(|rest| syllables(rest, left - 1))
        })
    }
    syllables(word.trim_end_matches('.'), 3)
}

/// Known items: a phrase of four words from a quote of a random briefing,
/// typed as words; where its briefing ranks.
fn known_items(library: &Library, files: &[PathBuf], count: usize) -> Row {
    let (mut first, mut top5) = (0, 0);
    for k in 0..count {
        // Spread over the archive, the same on every run.
        let file = &files[(k * 7919 + 13) % files.len()];
        let b = brief::briefing::load(file).unwrap().briefing;
        // A quote with a word rare enough to be remembered by.
        let quote = (0..b.quotes.len())
            .map(|q| &b.quotes[(k + q) % b.quotes.len()].text)
            .find(|t| t.split_whitespace().any(is_rare))
            .unwrap_or(&b.quotes[0].text);
        let words: Vec<&str> = quote.split_whitespace().collect();
        let start = words
            .iter()
            .position(|w| is_rare(w))
            .unwrap_or(0)
            .min(words.len().saturating_sub(4));
        let phrase = words[start..(start + 4).min(words.len())].join(" ");
        let phrase = phrase.trim_end_matches('.');
        let (found, _) = library.search(&format!("{phrase} "), 5).unwrap();
        let rank = found.iter().position(|(p, _)| p == file);
        first += usize::from(rank == Some(0));
        top5 += usize::from(rank.is_some());
    }
    println!("  known items: {first} of {count} first, {top5} of {count} in the top five");
    Row {
        target: "4 known items: the right briefing first",
        measured: format!("{first} of {count}"),
        floor: format!("{top5} in top 5"),
        // Met when at least 90% come first and all are in the top five.
        ratio: if top5 == count {
            (count as f64 * 0.9) / (first.max(1) as f64)
        } else {
            f64::INFINITY
        },
        limit: 1.0,
        note: "(ratio: 90% of them over those first; all must be in the top five)".into(),
    }
}

/// The reader started on the archive with its catalog in step, in a
/// pseudo-terminal: the time from starting it to the first frame listing
/// every briefing, against the first start (indexing every file, as row 1
/// did), and the process's memory once its catalog thread has looked at
/// every file.
fn warm_start(dir: &Path, folder: &Path, count: usize, first: Duration) -> Vec<Row> {
    let config = dir.join("config");
    let complete = format!("Library · {count} of {count} · sorted");
    let mut runs = Vec::new();
    let mut memory = (0, 0);
    for _ in 0..3 {
        let start = Instant::now();
        let session = pty::Session::start_env(
            &[folder.to_str().unwrap()],
            120,
            40,
            &config,
            dir,
            &[("XDG_CACHE_HOME", dir.join("warm").to_str().unwrap())],
        );
        session.wait_for(&complete);
        runs.push(start.elapsed());
        assert!(
            !session.screen().contains("reading"),
            "{}",
            session.screen()
        );
        // The catalog's thread stats every file after the first frame: give it
        // time to finish before the peak is read.
        std::thread::sleep(Duration::from_secs(5));
        let status = std::fs::read_to_string(format!("/proc/{}/status", session.pid())).unwrap();
        let kb = |key: &str| -> u64 {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
                .unwrap_or(0)
        };
        memory = (kb("VmRSS:"), kb("VmHWM:"));
    }
    let warm = median(runs);
    let (rss, peak) = memory;
    vec![
        timed(
            "7 library warm start, first frame complete",
            warm,
            first,
            0.05,
            &format!(
                "(floor: the first start, indexing every file; limit 300 ms: {})",
                if warm < Duration::from_millis(300) {
                    "met"
                } else {
                    "NOT met"
                }
            ),
        ),
        Row {
            target: "8 memory of the library process",
            measured: format!("{:.0} MB", peak as f64 / 1024.0),
            floor: "300 MB".into(),
            ratio: peak as f64 / (300.0 * 1024.0),
            limit: 1.0,
            note: format!(
                "(peak; {:.0} MB resident after its catalog looked at every file)",
                rss as f64 / 1024.0
            ),
        },
    ]
}

/// `brief search WORD` over a library of these files, the catalog warm,
/// against `grep -rn WORD` on the same folder.
fn search_command(dir: &Path, files: &[PathBuf]) -> Row {
    let folder = dir.join("thousand");
    std::fs::create_dir_all(&folder).unwrap();
    for f in files {
        std::fs::copy(f, folder.join(f.file_name().unwrap())).unwrap();
    }
    let word = rare_word(&std::fs::read_to_string(&files[files.len() / 3]).unwrap()).unwrap();
    let cache = dir.join("cache");
    let brief = || {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["search", &word])
            .arg(&folder)
            .env("XDG_CACHE_HOME", &cache)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .output()
            .unwrap();
        assert!(out.status.success(), "found");
        start.elapsed()
    };
    let grep = || {
        let start = Instant::now();
        let out = Command::new("grep")
            .args(["-rn", &word])
            .arg(&folder)
            .output()
            .unwrap();
        assert!(out.status.success(), "found");
        start.elapsed()
    };
    // The first run builds the catalog; the warm ones are measured.
    brief();
    let ours = median((0..7).map(|_| brief()).collect());
    grep();
    let floor = median((0..7).map(|_| grep()).collect());
    timed(
        "5 brief search WORD, 1,000 indexed",
        ours,
        floor,
        0.5,
        &format!("(floor: grep -rn on the same {} files)", files.len()),
    )
}
