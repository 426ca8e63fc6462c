//! A terminal reader's everyday moves, in the real binary in a pseudo-terminal:
//! `y` copies with OSC 52 (checked on the raw bytes), `o` hands the source's
//! address to the browser (a stub that records its arguments), and a key that
//! does nothing says so.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use base64::Engine as _;
use common::pty::Session;

const WITH_URL: &str = "format: brief/1
id: with-url
title: With a source address
source: {publication: The Post, url: \"https://example.org/story?a=1&b=2 x\"}
summary: [First paragraph.]
quotes:
  - {speaker: Ada Lovelace, role: Analyst, text: \"The engine weaves algebraic patterns.\"}
";

fn start(yaml: &str, env: &[(&str, &str)]) -> (Session, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.yaml");
    std::fs::write(&file, yaml).unwrap();
    let config = dir.path().join("config");
    let s = Session::start_env(&[file.to_str().unwrap()], 120, 40, &config, dir.path(), env);
    (s, dir)
}

/// The texts the binary put on the clipboard, decoded from its OSC 52 sequences.
fn copied(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split(['\x07', '\x1b']).next())
        .map(|b64| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("base64");
            String::from_utf8(bytes).expect("utf-8")
        })
        .collect()
}

#[test]
fn y_copies_the_quote_with_its_speaker_and_capital_y_its_address() {
    let (mut s, _dir) = start(WITH_URL, &[]);
    s.wait_for("With a source address");
    s.keys(&["3", "y"]);
    s.wait_for("copied the quote (");
    s.keys(&["Y"]);
    s.wait_for("copied the address");
    let texts = copied(&s.raw.lock().unwrap());
    assert_eq!(
        texts,
        [
            "“The engine weaves algebraic patterns.” — Ada Lovelace, Analyst",
            "with-url#q1"
        ]
    );
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn o_opens_the_source_address_with_the_browser_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("args");
    let stub = dir.path().join("browser");
    std::fs::write(
        &stub,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > {}.part\nmv {0}.part {0}\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&stub, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let (mut s, _briefing) = start(WITH_URL, &[("BROWSER", stub.to_str().unwrap())]);
    s.wait_for("With a source address");
    s.keys(&["o"]);
    s.wait_for("opened https://example.org/story");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !log.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "the browser never ran"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "https://example.org/story?a=1&b=2 x\n",
        "the address is one argument, untouched by a shell"
    );
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn o_without_an_address_and_an_unbound_key_say_so() {
    let mut s = Session::start(&["briefings/cspo-florence.yaml"], 120, 40);
    s.wait_for("CSpO partners meet in Florence");
    s.keys(&["o"]);
    s.wait_for("this briefing names no source address");
    s.keys(&["z"]);
    s.wait_for("z: no action here; ? lists the keys");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_library_order_is_kept_between_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    let args = [library.to_str().unwrap()];
    let mut s = Session::start_env(&args, 120, 40, &config, dir.path(), &[]);
    s.wait_for("sorted by title");
    s.keys(&["s"]);
    s.wait_for("sorted by date");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start_env(&args, 120, 40, &config, dir.path(), &[]);
    s.wait_for("sorted by date");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_search_history_is_kept_between_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/cspo-florence.yaml");
    let args = [file.to_str().unwrap()];
    let mut s = Session::start_env(&args, 120, 40, &config, dir.path(), &[]);
    s.wait_for("CSpO partners meet in Florence");
    s.keys(&["/", "w", "a", "f", "f", "l", "e", "Enter"]);
    s.wait_for("match 1/1 for waffle");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start_env(&args, 120, 40, &config, dir.path(), &[]);
    s.wait_for("CSpO partners meet in Florence");
    s.keys(&["/", "Up"]);
    s.wait_for("/waffle  1 match in 1 comment");
    s.keys(&["Esc", "q"]);
    assert_eq!(s.wait_exit(), 0);
}
