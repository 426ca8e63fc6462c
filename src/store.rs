//! Reading state and notes on disk, under the user config directory
//! (`$XDG_CONFIG_HOME/brief/` on Linux). Two functions matter: `load` and `save`.
//!
//! Every write is atomic (a temporary file in the same folder, synced, then
//! renamed over the old one) and happens inside a file lock around
//! read-merge-write, so a kill at any moment leaves the old state or the new one,
//! and two readers on one briefing lose nothing. A file that cannot be parsed is
//! moved aside, never overwritten.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::state::{self, Saved};

/// Where the state files live.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The state, when there was one to read.
    pub saved: Option<Saved>,
    /// Something the user must hear about, such as a corrupt file moved aside.
    pub warning: Option<String>,
}

/// The state kept across briefings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Global {
    /// The state format's version.
    #[serde(default)]
    pub version: u32,
    /// The id of the briefing opened last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_briefing: Option<String>,
    /// Where that briefing's file was, when it came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_path: Option<PathBuf>,
    /// The library's order when it was last changed (`title`, `date`, `last opened`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library_sort: Option<String>,
    /// The searches made, the last one last (at most a hundred).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search_history: Vec<String>,
    /// Fields written by a newer `brief`.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

impl Store {
    /// The store under the user's config directory, or `None` where there is none.
    pub fn from_env() -> Option<Store> {
        let base = directories::BaseDirs::new()?;
        Some(Store::at(base.config_dir().join("brief")))
    }

    /// A store in `dir` (tests use a temporary folder).
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The folder the state lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state file of one briefing.
    pub fn path(&self, id: &str) -> PathBuf {
        self.states_dir().join(format!("{id}.json"))
    }

    /// The folder of the briefings' states, one `<id>.json` a briefing.
    pub fn states_dir(&self) -> PathBuf {
        self.dir.join("briefings")
    }

    /// Reads one briefing's state. A missing file is a fresh start; an unreadable
    /// one is moved aside with a timestamp and reported.
    pub fn load(&self, id: &str, now_ms: u64) -> Loaded {
        let path = self.path(id);
        match read_state(&path) {
            Ok(saved) => Loaded {
                saved,
                warning: None,
            },
            Err(Problem::Corrupt(reason)) => match move_aside(&path, now_ms) {
                Ok(aside) => Loaded {
                    saved: None,
                    warning: Some(format!(
                        "the reading state could not be read ({reason}); it was moved to {} and this briefing starts fresh",
                        aside.display()
                    )),
                },
                Err(e) => Loaded {
                    saved: None,
                    warning: Some(format!(
                        "the reading state at {} could not be read ({reason}) nor moved aside ({e}); notes will not be saved over it",
                        path.display()
                    )),
                },
            },
            Err(Problem::Io(e)) => Loaded {
                saved: None,
                warning: Some(format!("cannot read {}: {e}", path.display())),
            },
        }
    }

    /// Reads one briefing's state without changing anything: `None` when there is
    /// none or it cannot be read (opening the briefing will say why).
    pub fn peek(&self, id: &str) -> Option<Saved> {
        read_state(&self.path(id)).ok().flatten()
    }

    /// Merges `mine` with what is on disk and writes the result atomically, under a
    /// lock; returns what was written.
    pub fn save(&self, mine: &Saved, now_ms: u64) -> io::Result<Saved> {
        let path = self.path(&mine.id);
        let folder = path.parent().unwrap_or(&self.dir).to_path_buf();
        fs::create_dir_all(&folder)?;
        let lock = File::create(folder.join(format!("{}.lock", mine.id)))?;
        lock.lock()?;
        let disk = match read_state(&path) {
            Ok(disk) => disk,
            Err(Problem::Corrupt(_)) => {
                move_aside(&path, now_ms)?;
                None
            }
            Err(Problem::Io(e)) => return Err(e),
        };
        let merged = match disk {
            Some(disk) => state::merge(disk, mine.clone()),
            None => mine.clone(),
        };
        let mut text = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        text.push(b'\n');
        // Under the lock nobody else is writing this state: any temporary file of
        // it is left from a save that was killed.
        remove_leftovers(&path);
        write_atomic(&path, &text)?;
        // The lock goes with the file handle.
        drop(lock);
        Ok(merged)
    }

    /// Reads the state kept across briefings; a missing or unreadable file gives the default.
    pub fn global(&self) -> Global {
        fs::read(self.dir.join("state.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Records the briefing opened last.
    pub fn save_global(&self, global: &Global) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let lock = File::create(self.dir.join("state.lock"))?;
        lock.lock()?;
        let mut text = serde_json::to_vec_pretty(global).map_err(io::Error::other)?;
        text.push(b'\n');
        let path = self.dir.join("state.json");
        remove_leftovers(&path);
        write_atomic(&path, &text)
    }
}

enum Problem {
    Corrupt(String),
    Io(io::Error),
}

fn read_state(path: &Path) -> Result<Option<Saved>, Problem> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Problem::Io(e)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Problem::Corrupt(e.to_string()))
}

fn move_aside(path: &Path, now_ms: u64) -> io::Result<PathBuf> {
    let stamp = humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(now_ms),
    )
    .to_string()
    .replace(':', "-");
    let aside = path.with_extension(format!("json.corrupt-{stamp}"));
    fs::rename(path, &aside)?;
    Ok(aside)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The temporary files `write_atomic` makes for `path` are named
/// `.<name>.<random>.tmp`, so the ones a killed save left can be told apart.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

/// Removes the temporary files a killed `write_atomic` of `path` left behind. Only
/// call it while nobody else can be writing `path` (under its lock); a file that
/// will not go is left for the next save.
fn remove_leftovers(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one:
/// a temporary file in the same folder, flushed and synced, renamed over `path`,
/// then the folder synced so the rename itself is durable.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = folder_of(path);
    let mut file = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    File::open(folder)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{ItemRef, Note};

    fn note(id: &str) -> Note {
        Note {
            id: id.into(),
            item: ItemRef::Quote("q1".into()),
            text: format!("note {id}"),
            excerpt: String::new(),
            created_ms: 1,
            updated_ms: 1,
            deleted: false,
            unknown: Map::new(),
        }
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path());
        let saved = Saved {
            id: "b".into(),
            notes: vec![note("1")],
            ..Saved::default()
        };
        store.save(&saved, 0).expect("save");
        assert_eq!(store.load("b", 0).saved, Some(saved));
    }

    #[test]
    fn a_second_writer_keeps_the_first_writers_notes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path());
        store
            .save(
                &Saved {
                    id: "b".into(),
                    notes: vec![note("1")],
                    ..Saved::default()
                },
                0,
            )
            .expect("save");
        let merged = store
            .save(
                &Saved {
                    id: "b".into(),
                    notes: vec![note("2")],
                    ..Saved::default()
                },
                0,
            )
            .expect("save");
        assert_eq!(merged.notes.len(), 2);
        assert_eq!(store.load("b", 0).saved.expect("state").notes.len(), 2);
    }

    #[test]
    fn a_save_removes_what_killed_saves_left_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path());
        let folder = dir.path().join("briefings");
        fs::create_dir_all(&folder).expect("mkdir");
        let left = [".b.json.a1B2c3.tmp", ".b.json.zzzzzz.tmp"];
        let kept = [".b-2.json.a1B2c3.tmp", "b.json.notes", ".other.json.x.tmp"];
        for name in left.iter().chain(&kept) {
            fs::write(folder.join(name), b"half").expect("write");
        }
        let saved = Saved {
            id: "b".into(),
            ..Saved::default()
        };
        store.save(&saved, 0).expect("save");
        for name in left {
            assert!(!folder.join(name).exists(), "{name} is left");
        }
        for name in kept {
            assert!(folder.join(name).exists(), "{name} was removed");
        }
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path());
        let path = store.path("b");
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(&path, b"{ not json").expect("write");
        let loaded = store.load("b", 1_764_000_000_000);
        assert_eq!(loaded.saved, None);
        let warning = loaded.warning.expect("a warning");
        assert!(warning.contains("moved to"), "{warning}");
        let aside = path.with_extension("json.corrupt-2025-11-24T16-00-00Z");
        assert_eq!(
            fs::read(&aside).expect("the old file is kept"),
            b"{ not json"
        );
        assert!(!path.exists());
    }

    #[test]
    fn a_file_corrupted_between_load_and_save_is_moved_aside_by_the_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path());
        let path = store.path("b");
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(&path, b"half a fi").expect("write");
        let saved = Saved {
            id: "b".into(),
            notes: vec![note("1")],
            ..Saved::default()
        };
        store.save(&saved, 0).expect("save");
        let aside = path.with_extension("json.corrupt-1970-01-01T00-00-00Z");
        assert_eq!(fs::read(&aside).expect("moved aside"), b"half a fi");
        assert_eq!(store.load("b", 0).saved, Some(saved));
    }
}
