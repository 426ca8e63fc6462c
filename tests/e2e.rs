//! The real binary in a pseudo-terminal: keys in as a person types them, the screen
//! read back through a terminal emulator (vt100).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is at least 1")
}

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _config: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let config = tempfile::tempdir().expect("tempdir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config.path());
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn brief");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("writer");
        Session {
            parser,
            raw,
            master: pty.master,
            writer,
            child,
            _config: config,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Types keys one at a time, as a person would, pausing between them.
    fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            let bytes: &[u8] = match *key {
                "Tab" => b"\t",
                "BackTab" => b"\x1b[Z",
                "Enter" => b"\r",
                "Space" => b" ",
                "Esc" => b"\x1b",
                "Down" => b"\x1b[B",
                "Up" => b"\x1b[A",
                "Left" => b"\x1b[D",
                "Right" => b"\x1b[C",
                "PageDown" => b"\x1b[6~",
                "C-d" => b"\x04",
                "C-c" => b"\x03",
                other => other.as_bytes(),
            };
            self.type_bytes(bytes);
            // Let a lone ESC be read as the Esc key, not the start of a sequence.
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn wait_for(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited {TIMEOUT:?} for {text:?}; the screen shows:\n{}",
            self.screen()
        );
    }

    fn wait_gone(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < TIMEOUT {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} is still on screen:\n{}", self.screen());
    }

    fn wait_exit(&mut self) -> u32 {
        let started = Instant::now();
        while started.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Give the reader thread a moment to take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("brief did not exit; the screen shows:\n{}", self.screen());
    }

    fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn reads_the_bundled_briefing_and_quits_restoring_the_terminal() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for("CSpO partners meet in Florence on space security");
    s.wait_for("1 Summary");
    s.wait_for("4 Comments · 3 of 5");
    assert!(
        s.parser.lock().unwrap().screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.keys(&["?"]);
    s.wait_for("Keys · Esc closes");
    s.wait_for("in Comments: collapse all");
    s.keys(&["Esc"]);
    s.wait_gone("Keys · Esc closes");
    s.keys(&["]"]);
    s.wait_for("Quotes 2/2");
    s.keys(&["]"]);
    s.wait_for("wrapped to the first quote");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let parser = s.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
    assert!(!parser.screen().hide_cursor(), "the cursor is shown again");
}

#[test]
fn narrow_layout_tabs_between_panes_and_collapses_comments() {
    let mut s = Session::start(&[], 80, 24);
    s.wait_for("1 Summary   2 Nations   3 Quotes   4 Comments");
    s.wait_for("The Combined Space Operations Initiative");
    s.keys(&["Tab"]);
    s.wait_for("AU  Australia");
    s.keys(&["Tab", "Tab"]);
    s.wait_for("Comments 1/3");
    s.keys(&["Enter"]);
    s.wait_for("anonymous [+2, 2 unread]");
    s.keys(&["Space", "j", "j"]);
    s.wait_for("Comments 3/3");
    s.keys(&["p"]);
    s.wait_for("Comments 2/3");
    s.keys(&["C-c"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_layout_follows_a_resize() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for("4 Comments · 3 of 5");
    s.wait_for("2 Nations");
    s.resize(80, 24);
    s.wait_for("1 Summary   2 Nations   3 Quotes   4 Comments");
    s.resize(30, 8);
    s.wait_for("brief needs at least 40x10");
    s.resize(120, 40);
    s.wait_for("4 Comments · 3 of 5");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn mouse_is_off_until_m_and_then_a_click_selects() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for("AU  Australia");
    // Nations' rows start below its border; find the row that shows Italy.
    let row = s
        .screen()
        .lines()
        .position(|l| l.contains("IT  Italy"))
        .expect("Italy")
        + 1;
    let click = format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m");
    s.type_bytes(click.as_bytes());
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        s.screen().contains("Summary ¶1/6"),
        "a click with the mouse off changes nothing:\n{}",
        s.screen()
    );
    s.keys(&["M"]);
    s.wait_for("mouse on");
    s.type_bytes(click.as_bytes());
    s.wait_for("Nations 5/10");
    s.keys(&["M"]);
    s.wait_for("mouse off");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn every_key_in_the_contract_works_on_a_deep_thread() {
    let mut s = Session::start(&["tests/fixtures/deep-thread.yaml"], 100, 30);
    s.wait_for("A generated briefing whose comments nest twelve levels deep.");
    s.keys(&["4"]);
    s.wait_for("4 Comments · 300 of 320");
    s.wait_for("Comments 1/300");
    s.keys(&["G"]);
    s.wait_for("Comments 300/300");
    s.keys(&["g", "C"]);
    s.wait_for("reader001 [+11, 11 unread]");
    s.keys(&["E", "j", "J"]);
    s.wait_for("Comments 7/300");
    s.keys(&["K"]);
    s.wait_for("Comments 2/300");
    s.keys(&["l"]);
    s.wait_for("Comments 3/300");
    s.keys(&["h"]);
    s.wait_for("reader003 · depth 2 [+1, 1 unread]");
    s.keys(&["h"]);
    s.wait_for("Comments 2/300");
    s.keys(&["C-d"]);
    s.wait_gone("Comments 2/300");
    s.keys(&["g"]);
    s.keys(&["v"]);
    s.wait_for("Comment 1 of 300 · Esc returns");
    s.keys(&["Esc", "]"]);
    s.wait_for("Quotes 2/7");
    s.keys(&["}"]);
    s.wait_for("Quotes 4/7");
    s.keys(&["{", "[", "2", "m"]);
    s.wait_for("Nations · none");
    s.keys(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn briefing_text_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hostile.yaml");
    std::fs::write(
        &path,
        "format: brief/1\nid: hostile\ntitle: \"Owned\\e]0;pwned-title\\a\\e[2J\\e[31m\"\nsummary: [\"bell\\a and \\x9b31m and \\u202Eevil\"]\n",
    )
    .expect("write");
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30);
    s.wait_for("Owned␛]0;pwned-title␇␛[2J␛[31m");
    s.keys(&["q"]);
    s.wait_exit();
    let raw = s.raw.lock().unwrap().clone();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"\x1b]0;pwned"),
        "an OSC title sequence reached the terminal"
    );
    assert!(!has(b"\x07"), "a bell reached the terminal");
    assert!(
        !has("\u{202e}".as_bytes()),
        "a bidi override reached the terminal"
    );
    assert!(!has("\u{9b}".as_bytes()), "a C1 CSI reached the terminal");
}

#[test]
fn a_bad_briefing_fails_before_the_terminal_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "format: brief/1\nid: bad\ntitle: Bad\n").expect("write");
    let mut s = Session::start(&[path.to_str().unwrap()], 100, 30);
    assert_eq!(s.wait_exit(), 1);
    let screen = s.screen();
    assert!(
        screen.contains("bad.yaml:1:1: summary: missing required key"),
        "{screen}"
    );
    assert!(!s.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn without_a_terminal_the_reader_says_what_to_use_instead() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the reader needs a terminal"), "{stderr}");
    assert!(out.stdout.is_empty());
}
