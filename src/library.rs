//! The briefings a reader has: found in the folders and files named on the command
//! line, or by default in `./briefings/` and the config's folders, with the bundled
//! CSpO briefing when nothing else is found. Loading happens here; listing and
//! choosing happen in the app.

use std::path::{Path, PathBuf};

use crate::briefing::{self, Briefing, Diagnostic};

/// Where a briefing came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// The briefing compiled into the binary.
    Bundled,
}

impl Origin {
    /// The name to show and print: the path as given, or the bundled file's name.
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => crate::briefing::clean(&path.display().to_string()).into_owned(),
            Origin::Bundled => briefing::BUNDLED_NAME.to_owned(),
        }
    }
}

/// One briefing of the library, loaded or not.
#[derive(Debug)]
pub struct Entry {
    /// Where it came from.
    pub origin: Origin,
    /// The briefing, or every diagnostic that refused it.
    pub loaded: Result<Briefing, Vec<Diagnostic>>,
}

/// The folders searched when no path is given: `./briefings/` when it exists, then
/// the folders the config names.
pub fn default_folders(config_folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    let local = Path::new("briefings");
    if local.is_dir() {
        folders.push(local.to_path_buf());
    }
    folders.extend(config_folders.iter().filter(|f| f.is_dir()).cloned());
    folders
}

/// The briefing files under `paths` (files, or folders searched for `*.yaml`
/// and `*.yml`), sorted, and an entry with its error for each path that could
/// not be read.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Entry>) {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        match briefing::briefing_files(path) {
            Ok(found) => files.extend(found),
            Err(e) => unreadable.push(Entry {
                origin: Origin::File(path.clone()),
                loaded: Err(vec![Diagnostic {
                    severity: briefing::Severity::Error,
                    file: path.display().to_string(),
                    pos: None,
                    path: String::new(),
                    message: format!("cannot read the folder: {e}"),
                    unlisted: 0,
                }]),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, unreadable)
}

/// Loads one file as a library entry.
pub fn entry(file: PathBuf) -> Entry {
    Entry {
        loaded: briefing::load(&file).map(|l| l.briefing),
        origin: Origin::File(file),
    }
}

/// Briefings already read, kept in the user's cache directory so a second start
/// need not parse YAML again: one file per briefing file, named by its path and
/// valid while the file's size and modification time are unchanged. A missing,
/// stale or unreadable cache entry is read from the briefing file again.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// What the cache keeps for one briefing file.
#[derive(serde::Serialize, serde::Deserialize)]
struct Cached {
    version: u32,
    path: PathBuf,
    size: u64,
    modified_ns: u128,
    loaded: Result<Briefing, Vec<Diagnostic>>,
}

/// Bumped whenever the model's shape changes, so an old cache is simply ignored.
const CACHE_VERSION: u32 = 1;

impl Cache {
    /// The cache under the user's cache directory (`$XDG_CACHE_HOME/brief/library`).
    pub fn from_env() -> Option<Cache> {
        let base = directories::BaseDirs::new()?;
        Some(Cache::at(base.cache_dir().join("brief").join("library")))
    }

    /// A cache in `dir` (tests use a temporary folder).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The entry for `file`: from the cache when it is current, else read from the
    /// file and cached for next time. The cache is a convenience: failing to write
    /// it changes nothing else.
    pub fn entry(&self, file: PathBuf) -> Entry {
        let Some((size, modified_ns)) = stamp(&file) else {
            return entry(file);
        };
        let slot = self.slot(&file);
        let hit = std::fs::read(&slot)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Cached>(&bytes).ok())
            .filter(|c| {
                c.version == CACHE_VERSION
                    && c.path == file
                    && c.size == size
                    && c.modified_ns == modified_ns
            });
        if let Some(cached) = hit {
            return Entry {
                origin: Origin::File(file),
                loaded: cached.loaded,
            };
        }
        let fresh = entry(file.clone());
        let cached = Cached {
            version: CACHE_VERSION,
            path: file,
            size,
            modified_ns,
            loaded: fresh.loaded,
        };
        if let Ok(bytes) = serde_json::to_vec(&cached) {
            let _ = std::fs::create_dir_all(&self.dir)
                .and_then(|()| crate::store::write_atomic(&slot, &bytes));
        }
        Entry {
            origin: fresh.origin,
            loaded: cached.loaded,
        }
    }

    fn slot(&self, file: &Path) -> PathBuf {
        use std::hash::{Hash, Hasher};
        // SipHash with fixed keys: the same name for the same path on every run.
        let mut hasher = std::hash::DefaultHasher::new();
        file.hash(&mut hasher);
        self.dir.join(format!("{:016x}.json", hasher.finish()))
    }
}

/// A file's size and modification time (nanoseconds since the epoch), what
/// says whether a cache of it is still good; `None` when it cannot be read.
pub fn stamp(file: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// The bundled briefing as a library entry.
pub fn bundled() -> Entry {
    Entry {
        origin: Origin::Bundled,
        loaded: briefing::parse(briefing::BUNDLED, briefing::BUNDLED_NAME).map(|l| l.briefing),
    }
}

/// Every briefing under `paths`, each loaded; the bundled briefing when `paths`
/// holds none and `bundled_if_empty` is set.
pub fn load(paths: &[PathBuf], bundled_if_empty: bool) -> Vec<Entry> {
    let (files, mut entries) = files(paths);
    entries.extend(files.into_iter().map(entry));
    if entries.is_empty() && bundled_if_empty {
        entries.push(bundled());
    }
    entries
}

/// Loads `files` on a thread of its own (through `cache` when there is one),
/// sending each result through `make` as it is ready, so the library can draw
/// before the last file is read.
pub fn spawn<T: Send + 'static>(
    files: Vec<PathBuf>,
    cache: Option<Cache>,
    make: impl Fn(Entry) -> T + Send + 'static,
) -> std::sync::mpsc::Receiver<T> {
    let (send, receive) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("brief-library".into())
        .spawn(move || {
            for file in files {
                let loaded = match &cache {
                    Some(cache) => cache.entry(file),
                    None => entry(file),
                };
                if send.send(make(loaded)).is_err() {
                    // The reader has closed: stop reading.
                    return;
                }
            }
        });
    if worker.is_err() {
        // No thread to be had: the receiver reports the channel closed, and the
        // caller shows what it has. Rare enough (a process limit) to accept.
    }
    receive
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_serves_an_unchanged_file_and_rereads_a_changed_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::at(dir.path().join("cache"));
        let file = dir.path().join("b.yaml");
        std::fs::write(
            &file,
            "format: brief/1\nid: b\ntitle: First\nsummary: [s]\n",
        )
        .expect("write");
        let first = cache.entry(file.clone()).loaded.expect("loads");
        let slot = cache.slot(&file);
        assert!(slot.exists(), "the entry was cached");
        // Doctor the cache: an unchanged file is served from it, not re-read.
        let mut cached: Cached =
            serde_json::from_slice(&std::fs::read(&slot).expect("read")).expect("json");
        if let Ok(b) = &mut cached.loaded {
            b.title = "From the cache".into();
        }
        std::fs::write(&slot, serde_json::to_vec(&cached).expect("json")).expect("write");
        assert_eq!(
            cache.entry(file.clone()).loaded.expect("loads").title,
            "From the cache"
        );
        // A changed file is read again.
        std::fs::write(
            &file,
            "format: brief/1\nid: b\ntitle: Second, longer\nsummary: [s]\n",
        )
        .expect("write");
        assert_eq!(
            cache.entry(file.clone()).loaded.expect("loads").title,
            "Second, longer"
        );
        // A corrupt cache entry is rebuilt.
        std::fs::write(&slot, b"{ not json").expect("write");
        assert_eq!(
            cache.entry(file.clone()).loaded.expect("loads").title,
            "Second, longer"
        );
        assert_eq!(first.id, "b");
        // Refusals are cached with their diagnostics.
        std::fs::write(&file, "format: brief/1\nid: b\n").expect("write");
        let refused = cache.entry(file.clone()).loaded.expect_err("refused");
        assert_eq!(cache.entry(file).loaded.expect_err("refused"), refused);
    }
}
