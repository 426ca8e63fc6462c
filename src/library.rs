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
            Origin::File(path) => path.display().to_string(),
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

/// Every briefing under `paths` (files, or folders searched for `*.yaml` and
/// `*.yml`), each loaded; the bundled briefing when `paths` holds none and
/// `bundled_if_empty` is set. A path that does not exist is an entry with its error.
pub fn load(paths: &[PathBuf], bundled_if_empty: bool) -> Vec<Entry> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut entries = Vec::new();
    for path in paths {
        match briefing::briefing_files(path) {
            Ok(found) => files.extend(found),
            Err(e) => entries.push(Entry {
                origin: Origin::File(path.clone()),
                loaded: Err(vec![Diagnostic {
                    severity: briefing::Severity::Error,
                    file: path.display().to_string(),
                    pos: None,
                    path: String::new(),
                    message: format!("cannot read the folder: {e}"),
                }]),
            }),
        }
    }
    files.sort();
    files.dedup();
    entries.extend(files.into_iter().map(|file| Entry {
        loaded: briefing::load(&file).map(|l| l.briefing),
        origin: Origin::File(file),
    }));
    if entries.is_empty() && bundled_if_empty {
        entries.push(Entry {
            origin: Origin::Bundled,
            loaded: briefing::parse(briefing::BUNDLED, briefing::BUNDLED_NAME).map(|l| l.briefing),
        });
    }
    entries
}
