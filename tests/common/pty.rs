//! The real binary in a pseudo-terminal: keys in as a person types them, the screen
//! read back through a terminal emulator (vt100).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen before a test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is at least 1")
}

/// The real binary running in a pseudo-terminal, its screen kept by vt100.
pub struct Session {
    /// The terminal emulator's view of the screen.
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the binary wrote.
    pub raw: Arc<Mutex<Vec<u8>>>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// A config folder of the session's own, removed with it.
    owned_config: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `brief ARGS` in a `cols`x`rows` terminal with its own config folder.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let config = tempfile::tempdir().expect("tempdir");
        let mut session = Session::start_in(
            args,
            cols,
            rows,
            config.path(),
            Path::new(env!("CARGO_MANIFEST_DIR")),
        );
        session.owned_config = Some(config);
        session
    }

    /// Starts `brief ARGS` with `XDG_CONFIG_HOME=config`, in folder `cwd`.
    pub fn start_in(args: &[&str], cols: u16, rows: u16, config: &Path, cwd: &Path) -> Session {
        Session::start_env(args, cols, rows, config, cwd, &[])
    }

    /// Starts `brief ARGS` as `start_in` does, with more environment variables.
    pub fn start_env(
        args: &[&str],
        cols: u16,
        rows: u16,
        config: &Path,
        cwd: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config);
        // The library's cache goes beside the config, never into the real one.
        cmd.env("XDG_CACHE_HOME", config.join("cache"));
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
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
            owned_config: None,
        }
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Sends raw bytes, as a terminal would for a paste or a mouse event.
    pub fn type_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Types keys one at a time, as a person would, pausing between them.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            let bytes: &[u8] = match *key {
                "Tab" => b"\t",
                "BackTab" => b"\x1b[Z",
                "Enter" => b"\r",
                "Space" => b" ",
                "Esc" => b"\x1b",
                "Backspace" => b"\x7f",
                "Down" => b"\x1b[B",
                "Up" => b"\x1b[A",
                "Left" => b"\x1b[D",
                "Right" => b"\x1b[C",
                "PageDown" => b"\x1b[6~",
                "C-d" => b"\x04",
                "C-c" => b"\x03",
                other => other.as_bytes(),
            };
            // `C-x` is Ctrl-x: the letter's control code.
            let control;
            let bytes = match key.strip_prefix("C-").and_then(|k| k.bytes().next()) {
                Some(letter) if key.len() == 3 => {
                    control = [letter & 0x1f];
                    &control[..]
                }
                _ => bytes,
            };
            self.type_bytes(bytes);
            // Let a lone ESC be read as the Esc key, not the start of a sequence.
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
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

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < TIMEOUT {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} is still on screen:\n{}", self.screen());
    }

    /// Waits for the binary to exit; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
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

    /// The binary's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Sends `signal` (a name `kill` takes: TERM, INT, HUP, QUIT, KILL) to the binary.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a running child");
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Every byte the binary wrote so far.
    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Resizes the terminal, as a window resize would.
    pub fn resize(&self, cols: u16, rows: u16) {
        // The emulator first, so the redraw the resize causes lands on a screen of
        // the new size.
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
