//! The briefings a reader has: found in the folders and files named on the command
//! line, or by default in `./briefings/` and the config's folders, with the bundled
//! CSpO briefing when nothing else is found. Loading happens here; listing and
//! choosing happen in the app.

use std::path::{Path, PathBuf};

pub mod card;

use crate::briefing::{self, Briefing, Diagnostic};

/// Where a briefing came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
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

/// A file's size and modification time (nanoseconds since the epoch), what
/// says whether what the catalog holds of it is still good; `None` when it cannot be read.
pub fn stamp(file: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// The briefing `origin` holds, read whole (to open it, or to search or quote
/// it), or every diagnostic that refuses it.
pub fn read(origin: &Origin) -> Result<Briefing, Vec<Diagnostic>> {
    match origin {
        Origin::File(path) => briefing::load(path).map(|l| l.briefing),
        Origin::Bundled => bundled().loaded,
    }
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

/// Loads `files` on a thread of its own, sending each result through `make` as
/// it is ready, so the library can draw before the last file is read.
pub fn spawn<T: Send + 'static>(
    files: Vec<PathBuf>,
    make: impl Fn(Entry) -> T + Send + 'static,
) -> std::sync::mpsc::Receiver<T> {
    let (send, receive) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("brief-library".into())
        .spawn(move || {
            for file in files {
                if send.send(make(entry(file))).is_err() {
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
