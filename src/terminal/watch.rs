//! Noticing files change while the reader is open: the open briefing's file
//! (reloaded when it changes) and the library's folders (a briefing saved into
//! one joins the library). Looks at modification times only; reads nothing else.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use crate::app::{Listing, Root};
use crate::library::Origin;
use crate::store::Store;

/// The open briefing's file as last seen, to notice it change on disk.
#[derive(Debug, Default)]
pub(super) struct Watch {
    path: Option<PathBuf>,
    stamp: Option<(SystemTime, u64)>,
}

impl Watch {
    /// Starts watching the open briefing's file when a different one opens.
    pub(super) fn follow(&mut self, root: &Root) {
        let path = root.watched_file().map(std::path::Path::to_path_buf);
        if path != self.path {
            self.stamp = path.as_deref().and_then(stamp);
            self.path = path;
        }
    }

    /// The watched file, if it changed since last looked at.
    pub(super) fn changed(&mut self, root: &Root) -> Option<PathBuf> {
        self.follow(root);
        let now = stamp(self.path.as_deref()?);
        if now.is_some() && now != self.stamp {
            self.stamp = now;
            return self.path.clone();
        }
        None
    }
}

/// The library's folders as last seen, to take in briefings saved into them
/// while `brief` is open (`brief import --into` among them). A folder is listed
/// again only when its modification time moves, at most twice a second, and
/// never while the library is still being read.
#[derive(Debug, Default)]
pub(super) struct Folders {
    stamps: Vec<(PathBuf, Option<SystemTime>)>,
    /// The files the library lists, taken when a folder first changes (not at
    /// start, where copying a hundred thousand paths would delay the first frame).
    known: Option<std::collections::HashSet<PathBuf>>,
    looked: Option<Instant>,
}

impl Folders {
    pub(super) fn new(folders: &[PathBuf]) -> Folders {
        let stamps = folders
            .iter()
            .filter(|f| f.is_dir())
            .map(|f| (f.clone(), modified(f)))
            .collect();
        Folders {
            stamps,
            known: None,
            looked: None,
        }
    }

    /// The briefings that appeared in a folder since it was last looked at, read.
    pub(super) fn take_new(&mut self, root: &Root, store: Option<&Store>) -> Vec<Listing> {
        if self.stamps.is_empty()
            || root.is_loading()
            || self
                .looked
                .is_some_and(|at| at.elapsed() < Duration::from_millis(500))
        {
            return Vec::new();
        }
        self.looked = Some(Instant::now());
        let mut changed = Vec::new();
        for (folder, stamp) in &mut self.stamps {
            let now = modified(folder);
            if now != *stamp {
                *stamp = now;
                changed.push(folder.clone());
            }
        }
        if changed.is_empty() {
            return Vec::new();
        }
        // Every file read so far is listed: the library is not loading.
        let known = self.known.get_or_insert_with(|| {
            root.listings()
                .iter()
                .filter_map(|l| match &l.origin {
                    Origin::File(path) => Some(path.clone()),
                    Origin::Bundled => None,
                })
                .collect()
        });
        crate::library::files(&changed)
            .0
            .into_iter()
            .filter(|file| known.insert(file.clone()))
            .map(|file| Listing::new(crate::library::entry(file), |id| store?.peek(id)))
            .collect()
    }
}

fn modified(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn stamp(path: &std::path::Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
