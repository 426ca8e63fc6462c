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
            .map(|c| (c.text.clone(), c.depth))
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
