//! `brief import`: articles to draft briefings with nothing invented, through
//! the library and through the binary as a script runs it.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use brief::briefing::{self, Briefing};
use brief::import::{self, Overrides};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/articles")
            .join(name),
    )
    .expect("fixture")
}

/// Imports an article and loads the result as `brief` would.
fn imported(name: &str) -> (String, Briefing) {
    let draft = import::import(&fixture(name), name, &Overrides::default()).expect("an article");
    let yaml = import::to_yaml(&draft);
    let loaded = briefing::parse(&yaml, name).unwrap_or_else(|d| panic!("{d:?}\n{yaml}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    (yaml, loaded.briefing)
}

fn brief(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run brief");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("output")
}

#[test]
fn the_cspo_text_dump_gives_the_bundled_briefings_facts() {
    let (yaml, b) = imported("cspo-florence.txt");
    let bundled = common::cspo();
    // The same ten nations, in the order the article names them (Italy first,
    // in "Florence, Italy").
    let codes: Vec<&str> = b.nations.iter().filter_map(|n| n.code.as_deref()).collect();
    assert_eq!(
        codes,
        ["IT", "AU", "CA", "FR", "DE", "JP", "NZ", "NO", "GB", "US"]
    );
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    let mut expected: Vec<&str> = bundled
        .nations
        .iter()
        .filter_map(|n| n.code.as_deref())
        .collect();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    // Both quotes, word for word, under the same speakers.
    assert_eq!(b.quotes.len(), 2);
    for (mine, theirs) in b.quotes.iter().zip(&bundled.quotes) {
        assert_eq!(mine.text, theirs.text);
        assert_eq!(mine.speaker, theirs.speaker);
    }
    assert!(
        b.quotes[0]
            .role
            .as_deref()
            .unwrap()
            .contains("Chief of the Air Staff")
    );
    assert_eq!(
        b.quotes[1].role.as_deref(),
        Some("Director General of Industry, Trade and Economic Security")
    );
    // The chain of three comments, verbatim, and the count the page declared.
    let texts = |b: &Briefing| {
        b.comments
            .iter()
            .enumerate()
            .map(|(i, c)| (b.comment_text(i).to_owned(), c.depth))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&b), texts(&bundled));
    assert_eq!(b.comments_reported, Some(5));
    // The author box, and nothing the article does not say.
    assert_eq!(b.source.author, bundled.source.author);
    assert_eq!(b.source.author_bio, bundled.source.author_bio);
    assert_eq!(
        (&b.source.publication, &b.source.url, &b.source.published),
        (&None, &None, &None)
    );
    // The headline is not in a text dump: the title is guessed, and says so.
    assert!(yaml.contains("# Review before filing"), "{yaml}");
    assert!(
        yaml.contains("the title was made from the first sentence"),
        "{yaml}"
    );
    assert!(yaml.contains("# yaml-language-server: $schema="), "{yaml}");
    // AUKUS and "the US" in the comments name no nation of the article.
    assert!(
        b.summary.iter().all(|p| !p.starts_with('“')),
        "quotations moved out"
    );
}

#[test]
fn import_writes_stdout_a_file_or_a_folder_and_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/cspo-florence.txt");
    let article = article.to_str().unwrap();
    let out = brief(&["import", article], dir.path(), None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# Imported by `brief import`"));
    let out = brief(
        &[
            "import",
            article,
            "-o",
            "one.yaml",
            "--id",
            "cspo",
            "--title",
            "CSpO in Florence",
        ],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote one.yaml: 2 quotes, 10 nations, 3 comments\n"
    );
    let again = brief(&["import", article, "-o", "one.yaml"], dir.path(), None);
    assert_eq!(again.status.code(), Some(1), "refuses to replace");
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("one.yaml: exists; --force replaces it")
    );
    assert_eq!(
        brief(
            &["import", article, "-o", "one.yaml", "--force"],
            dir.path(),
            None
        )
        .status
        .code(),
        Some(0)
    );
    let validate = brief(&["validate", "one.yaml"], dir.path(), None);
    assert_eq!(validate.status.code(), Some(0), "{validate:?}");
    // A folder: ids made unique, one line each and a total; a bad article is
    // reported and the rest still import.
    std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    let out = brief(
        &["import", article, article, "empty.txt", "--into", "lib"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "wrote lib/the-combined-space-operations-initiative-cspo-convened-in.yaml: 2 quotes"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("-2.yaml: 2 quotes"), "{stdout}");
    assert!(
        stdout.ends_with("2 briefings written, 1 refused\n"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt: not an article: empty"));
    let validate = brief(&["validate", "lib"], dir.path(), None);
    assert_eq!(validate.status.code(), Some(0), "{validate:?}");
}

#[test]
fn standard_input_with_its_address_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief(
        &["import", "-", "--url", "https://example.org/a"],
        dir.path(),
        Some(&fixture("cspo-florence.txt")),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(yaml.contains("url: https://example.org/a"), "{yaml}");
    assert!(yaml.contains("from standard input"), "{yaml}");
    for args in [
        &["import", "a.txt", "b.txt"][..],
        &["import", "a.txt", "b.txt", "--into", "d", "--id", "x"][..],
        &["import", "a.txt", "--id", "Not An Id"][..],
    ] {
        assert_eq!(
            brief(args, dir.path(), None).status.code(),
            Some(2),
            "{args:?}"
        );
    }
    let binary = brief(&["import", "-"], dir.path(), Some(b"\x00\x01PK\x03\x04"));
    assert_eq!(binary.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&binary.stderr).contains("standard input: not an article: binary")
    );
}

/// Every article fixture imports to its golden briefing (`NAME.expected`),
/// which loads with no warning. `BRIEF_BLESS=1 cargo test --test import` writes
/// the golden files anew after a deliberate change; read the diff before committing.
#[test]
fn every_article_fixture_imports_to_its_golden_briefing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".expected"))
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    let bless = std::env::var_os("BRIEF_BLESS").is_some();
    for name in names {
        let (yaml, _) = imported(&name);
        let golden = dir.join(format!("{name}.expected"));
        if bless {
            std::fs::write(&golden, &yaml).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("no {}; run with BRIEF_BLESS=1", golden.display()));
        assert_eq!(
            yaml, expected,
            "{name} no longer imports to its golden file"
        );
    }
}

#[test]
fn the_traps_name_no_nation_and_doubtful_names_go_to_review() {
    let (yaml, b) = imported("traps.txt");
    let codes: Vec<&str> = b.nations.iter().filter_map(|n| n.code.as_deref()).collect();
    // Georgia beside Romania and Bulgaria is the country; AUKUS, "us", the Gulf
    // of Guinea and the Niger Delta name none; Jordan alone is only doubtful;
    // Türkiye is named in a comment, not the article.
    assert_eq!(codes, ["GE", "RO", "BG", "US"]);
    assert!(yaml.contains("`Jordan` may name Jordan (JO)"), "{yaml}");
    assert_eq!(b.source.published.as_deref(), Some("2024-04-12"));
    assert_eq!(b.title, "Georgia hosts Black Sea security talks");
    // The scare quotes stay text.
    assert!(b.quotes.iter().all(|q| !q.text.contains("grey zone")));
    assert_eq!(b.quotes.len(), 2);
}

#[test]
fn a_hundred_thousand_nested_divs_are_refused_by_the_nesting_limit() {
    let deep = format!(
        "<html><body>{}<p>Some words of a paragraph here.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let e = import::import(deep.as_bytes(), "deep.html", &Overrides::default()).unwrap_err();
    assert_eq!(
        e.0,
        "the page nests elements more than 1000 deep; a saved article page does not"
    );
    // Past the size limit, before anything is parsed.
    let huge = vec![b'a'; import::MAX_BYTES + 1];
    let e = import::import(&huge, "huge.txt", &Overrides::default()).unwrap_err();
    assert!(e.0.starts_with("the file is larger than 64 MiB"), "{}", e.0);
}

#[test]
fn a_briefing_imported_into_an_open_library_appears_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let first = fixtures.join("patterns.txt");
    assert_eq!(
        brief(
            &["import", first.to_str().unwrap(), "--into", "lib"],
            dir.path(),
            None
        )
        .status
        .code(),
        Some(0)
    );
    let config = dir.path().join("config");
    let mut s = common::pty::Session::start_in(&["lib"], 120, 40, &config, dir.path());
    s.wait_for("Canada and France to share Arctic satellite data");
    let page = fixtures.join("wordpress-core.html");
    let out = brief(
        &["import", page.to_str().unwrap(), "--into", "lib"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    s.wait_for("Norway and Japan sign a maritime pact");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
