//! `brief validate` as scripts use it: messages on stderr, exit codes 0, 1 and 2.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

use std::path::Path;
use std::process::{Command, Output};

fn brief(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        // `brief search` keeps its catalog here, never in the real cache.
        .env("XDG_CACHE_HOME", dir.join("config").join("cache"))
        .output()
        .expect("run brief")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn bundled_briefings_folder_is_valid() {
    let out = brief(
        &["validate", "briefings"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "1 briefing valid, 0 invalid, 0 warnings\n"
    );
}

#[test]
fn one_bad_briefing_among_good_ones_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = "format: brief/1\nid: good\ntitle: Good\nsummary: [fine]\n";
    std::fs::write(dir.path().join("a.yaml"), good).expect("write");
    std::fs::write(dir.path().join("b.yml"), good.replace("good", "other")).expect("write");
    std::fs::write(
        dir.path().join("c.yaml"),
        "format: brief/1\nid: bad\ntitle: Bad\nsummary: [x]\nquotes:\n  - text: hi\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("notes.txt"), "not a briefing").expect("write");
    let out = brief(&["validate", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "./c.yaml:6:5: quotes[0].speaker: missing required key; add who said it: `speaker: ...`\n"
    );
    assert_eq!(
        text(&out.stdout),
        "2 briefings valid, 1 invalid, 0 warnings\n"
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("w.yaml"),
        "format: brief/1\nid: w\ntitle: W\nsummary: [x]\nextra: 1\n",
    )
    .expect("write");
    let out = brief(&["validate", "w.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).starts_with("w.yaml:5:1: extra: warning: unknown key"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn missing_paths_and_empty_folders_exit_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let out = brief(&["validate", "empty", "gone.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "empty: no briefings here; a briefing is a *.yaml or *.yml file\ngone.yaml: cannot read: no such file or folder\n"
    );
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(brief(&["validate"], dir.path()).status.code(), Some(2));
    assert_eq!(
        brief(&["--no-such-flag"], dir.path()).status.code(),
        Some(2)
    );
    assert_eq!(
        brief(&["snapshot", "x.yaml", "--size", "wide"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn help_and_version_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = brief(&["--help"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("validate"));
    let out = brief(&["--version"], dir.path());
    assert_eq!(
        text(&out.stdout),
        format!("brief {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_hostile_file_name_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J.yaml";
    std::fs::write(dir.path().join(name), "format: brief/1\nid: x\n").expect("write");
    let out = brief(&["validate", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("evil␛]0;pwned␇␛[2J.yaml"), "{err}");
    let out = brief(&["search", "x", "."], dir.path());
    assert!(!text(&out.stderr).contains('\u{1b}'));
}
