//! One library's view of the shared catalog: the files the user named, and
//! what the catalog holds for them (rows, who said what, search hits,
//! candidates for `brief search`), told by the names the user gave.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{Catalog, Found, Step, Synced};
use crate::library::card::{Row, Said};

/// A catalog and the files of one library, as the user named them: what is
/// found is told by the names the user gave, and only this library's files
/// are found (one catalog serves every folder).
pub struct Library {
    catalog: Catalog,
    /// The files as named.
    names: Vec<PathBuf>,
    /// The same files as the catalog keys them (absolute), in the same order:
    /// what a sync is handed as it is.
    keys: Vec<PathBuf>,
    /// The indexes of `keys` in the order of their bytes, so a key is
    /// found by halving (a hundred thousand keys hashed cost more).
    by_key: Vec<usize>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("catalog", &self.catalog.dir)
            .field("files", &self.names.len())
            .finish()
    }
}

impl Library {
    /// The library of `files` in `catalog`.
    pub fn new(catalog: Catalog, files: &[PathBuf]) -> Library {
        // Files listed from a folder follow each other: its absolute path is
        // worked out once, not once a file.
        let mut folder: Option<(&Path, PathBuf)> = None;
        let keys: Vec<PathBuf> = files
            .iter()
            .map(|f| match (f.parent(), f.file_name()) {
                (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => match &folder {
                    Some((known, absolute)) if known.as_os_str() == parent.as_os_str() => {
                        absolute.join(name)
                    }
                    _ => {
                        let absolute = key_of(parent);
                        let key = absolute.join(name);
                        folder = Some((parent, absolute));
                        key
                    }
                },
                _ => key_of(f),
            })
            .collect();
        let mut by_key: Vec<usize> = (0..keys.len()).collect();
        // Listed files come sorted already: this is one pass.
        by_key.sort_by(|&a, &b| keys[a].as_os_str().cmp(keys[b].as_os_str()));
        Library {
            catalog,
            names: files.to_vec(),
            keys,
            by_key,
        }
    }

    /// The same catalog for this library's files and `more` (files that
    /// joined the library while it was open).
    pub fn with(&self, more: &[PathBuf]) -> Library {
        let mut files = self.names.clone();
        files.extend(
            more.iter()
                .filter(|f| !files.contains(f))
                .cloned()
                .collect::<Vec<_>>(),
        );
        Library::new(self.catalog.clone(), &files)
    }

    /// Brings the catalog in step with this library's files, indexing `again`
    /// (files named as the library names them) whatever their stamp; `told`
    /// hears how far it has come and each file's new row, by the file's name.
    pub fn sync(
        &self,
        again: &[PathBuf],
        store: Option<&crate::store::Store>,
        told: &mut dyn FnMut(Step),
    ) -> tantivy::Result<Synced> {
        let again: Vec<PathBuf> = again.iter().map(|f| key_of(f)).collect();
        self.catalog
            .sync(&self.keys, &again, store, &mut self.by_name(told))
    }

    /// Indexes `files` of this library again (new or changed, as a watcher
    /// names them) or drops them when gone, looking at no other file; `told`
    /// hears each file's new row, by the file's name.
    pub fn index(
        &self,
        files: &[PathBuf],
        store: Option<&crate::store::Store>,
        told: &mut dyn FnMut(Step),
    ) -> tantivy::Result<Synced> {
        let keys: Vec<PathBuf> = files.iter().map(|f| key_of(f)).collect();
        self.catalog.index(&keys, store, &mut self.by_name(told))
    }

    /// `told`, hearing of each file by the name the user gave it (a file of
    /// another library is not told of).
    fn by_name<'a>(&'a self, told: &'a mut dyn FnMut(Step)) -> impl FnMut(Step) + 'a {
        move |step| match step {
            Step::Indexed(key, row) => {
                if let Some(name) = self.named(&key) {
                    told(Step::Indexed(name.clone(), row));
                }
            }
            counted => told(counted),
        }
    }

    /// The row the catalog holds for each of this library's files, in the
    /// files' order (`None` for a file it holds none for).
    pub fn rows(&self) -> tantivy::Result<Vec<Option<Row>>> {
        Ok(self.rows_of(self.catalog.rows()?))
    }

    /// This library's rows among `all` the catalog holds (as `Catalog::rows`
    /// reads them: in the order of the keys' bytes), in the files' order
    /// (`None` for a file without one). Both lists in order, one pass over
    /// each matches them.
    pub fn rows_of(&self, all: Vec<(PathBuf, Row)>) -> Vec<Option<Row>> {
        let mut rows = vec![None; self.names.len()];
        let mut mine = self.by_key.iter().peekable();
        for (key, row) in all {
            let key = key.as_os_str();
            while mine.next_if(|&&i| self.keys[i].as_os_str() < key).is_some() {}
            if let Some(&&i) = mine.peek()
                && self.keys[i].as_os_str() == key
            {
                rows[i] = Some(row);
            }
        }
        rows
    }

    /// Who said each quote of this library's files, as the catalog holds it,
    /// by the files' names.
    pub fn said(&self) -> tantivy::Result<HashMap<PathBuf, Vec<Said>>> {
        Ok(self
            .catalog
            .said()?
            .into_iter()
            .filter_map(|(key, said)| Some((self.named(&key)?.clone(), said)))
            .collect())
    }

    /// The files of this library that may hold `typed` (see `Catalog::candidates`)
    /// and the ones refused, as named; `None` when every file must be read.
    pub fn candidates(&self, typed: &str) -> Option<(HashSet<PathBuf>, HashSet<PathBuf>)> {
        let named = |keys: Vec<PathBuf>| -> HashSet<PathBuf> {
            keys.iter()
                .filter_map(|key| self.named(key))
                .cloned()
                .collect()
        };
        let found = self.catalog.candidates(typed).ok()??;
        let refused = self.catalog.refused().ok()?;
        Some((named(found), named(refused)))
    }

    /// The best `limit` briefings of this library for `typed`, as named, best
    /// first, and how many briefings the catalog holds that match.
    pub fn search(
        &self,
        typed: &str,
        limit: usize,
    ) -> tantivy::Result<(Vec<(PathBuf, Found)>, usize)> {
        // Other libraries' files are skipped: ask for more than are kept.
        let (found, count) = self.catalog.search(typed, limit.saturating_mul(4))?;
        let kept = found
            .into_iter()
            .filter_map(|f| Some((self.named(&f.path)?.clone(), f)))
            .take(limit)
            .collect();
        Ok((kept, count))
    }

    /// Whether `file` is one of this library's.
    pub fn holds(&self, file: &Path) -> bool {
        self.find(&key_of(file)).is_some()
    }

    /// The file the catalog keys as `key`, as the user named it.
    fn named(&self, key: &Path) -> Option<&PathBuf> {
        self.find(key).map(|i| &self.names[i])
    }

    /// The index in `names` and `keys` of the file the catalog keys as `key`.
    fn find(&self, key: &Path) -> Option<usize> {
        let at = self
            .by_key
            .binary_search_by(|&i| self.keys[i].as_os_str().cmp(key.as_os_str()))
            .ok()?;
        Some(self.by_key[at])
    }
}

/// The catalog's key for `file`: its absolute path (one catalog serves every
/// folder, however it was named).
fn key_of(file: &Path) -> PathBuf {
    std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf())
}
