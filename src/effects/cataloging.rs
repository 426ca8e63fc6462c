//! The effects of the library's catalog: bringing it in step on a thread of
//! its own (after the first frame), each file indexed anew arriving as a row,
//! and asking it what a library search finds.

use std::path::PathBuf;
use std::sync::Arc;

use super::{CATALOG_HITS, CATALOG_TRIES, Runner};
use crate::app::{Action, Cataloging, Listing};
use crate::catalog::{Library, Step};
use crate::library::Origin;

/// What the catalog's thread is to do.
pub(super) enum Keeping {
    /// Bring the whole library in step, indexing `missing` (files the library
    /// has no row for) whatever their stamp.
    Whole { missing: Vec<PathBuf> },
    /// Index only these files again: they joined the library or changed.
    Changed(Vec<PathBuf>),
}

impl Runner {
    /// Gives the library's searches to `library`'s catalog, brought in step with
    /// its files on a thread of its own: each file indexed anew joins the
    /// library as it is (so `missing`, the files the catalog held no row for,
    /// arrive that way), and until the catalog is ready searches scan (the
    /// answers say how far it has come). While another `brief` holds the
    /// catalog's writer, the missing files are read here, and it is waited for.
    pub fn catalog(&mut self, library: Library, missing: Vec<PathBuf>) {
        let library = Arc::new(library);
        self.library = Some(Arc::clone(&library));
        // Not before the first frame: on two cores, its stat of every file
        // would slow the start it follows.
        if self.drawn {
            self.keep_in_step(library, Keeping::Whole { missing });
        } else {
            self.catalog_after_frame = Some((library, missing));
        }
    }

    /// The catalog's thread (see `catalog`): the whole library brought in step,
    /// or only the files `changed` names indexed again.
    pub(super) fn keep_in_step(&self, library: Arc<Library>, keeping: Keeping) {
        let (answer, store) = (self.answers.0.clone(), self.store.clone());
        let send = move |action: Action| drop(answer.send(action));
        let _ = std::thread::Builder::new()
            .name("brief-catalog".into())
            .spawn(move || {
                let mut told = |step: Step| {
                    send(match step {
                        Step::Counted(p) => Action::Cataloged(Cataloging::Building {
                            done: p.done,
                            total: p.total,
                        }),
                        Step::Indexed(file, row) => {
                            Action::Arrived(Box::new(Listing::of(Origin::File(file), *row)))
                        }
                    });
                };
                let mut unread = match &keeping {
                    Keeping::Whole { missing } => Some(missing.clone()),
                    Keeping::Changed(_) => None,
                };
                for _ in 0..CATALOG_TRIES {
                    let kept = match &keeping {
                        Keeping::Whole { missing } => {
                            library.sync(missing, store.as_ref(), &mut told)
                        }
                        Keeping::Changed(files) => library.index(files, store.as_ref(), &mut told),
                    };
                    if kept.is_ok() {
                        send(Action::Cataloged(Cataloging::Ready));
                        send(Action::LoadingDone);
                        return;
                    }
                    // Most likely another `brief` (or this one's first sync)
                    // holds the writer: read what the library lacks, then wait.
                    for file in unread.take().unwrap_or_default() {
                        let entry = crate::library::entry(file);
                        let listing = Listing::new(entry, |id| store.as_ref()?.peek(id));
                        send(Action::Arrived(Box::new(listing)));
                    }
                    send(Action::LoadingDone);
                    std::thread::sleep(std::time::Duration::from_secs(1));
                }
                send(Action::Cataloged(Cataloging::None));
            });
    }

    /// Files that joined the library while it was open, or changed (the
    /// watcher names them), are indexed again on a thread of their own; no
    /// other file is looked at. Each arrives again as the catalog now has it.
    pub fn catalog_more(&mut self, files: &[PathBuf]) {
        let Some(library) = &self.library else {
            return;
        };
        if files.is_empty() {
            return;
        }
        let library = if files.iter().all(|f| library.holds(f)) {
            Arc::clone(library)
        } else {
            let more = Arc::new(library.with(files));
            self.library = Some(Arc::clone(&more));
            more
        };
        self.keep_in_step(library, Keeping::Changed(files.to_vec()));
    }

    /// The catalog's best briefings for `query`, each read to find the item that
    /// shows why (what the snippet and `Enter` use).
    pub(super) fn search_library(&self, query: &str, asked: u64) -> Action {
        let Some(library) = &self.library else {
            return Action::LibraryFound {
                asked,
                hits: Vec::new(),
                total: 0,
                scanned: false,
            };
        };
        let (hits, total) = crate::catalog::hits(library, self.store.as_ref(), query, CATALOG_HITS);
        Action::LibraryFound {
            asked,
            hits,
            total,
            scanned: false,
        }
    }
}
