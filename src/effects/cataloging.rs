//! The effects of the library's catalog: bringing it in step on a thread of
//! its own (after the first frame), each file indexed anew arriving as a row,
//! and asking it what a library search finds.

use std::path::PathBuf;
use std::sync::Arc;

use super::{CATALOG_HITS, CATALOG_TRIES, Runner};
use crate::app::{Action, Cataloging, Listing};
use crate::catalog::{Library, Step};
use crate::library::Origin;

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
            self.keep_in_step(library, missing);
        } else {
            self.catalog_after_frame = Some((library, missing));
        }
    }

    /// The catalog's thread (see `catalog`).
    pub(super) fn keep_in_step(&self, library: Arc<Library>, missing: Vec<PathBuf>) {
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
                let mut unread = Some(missing.clone());
                for _ in 0..CATALOG_TRIES {
                    if library.sync(&missing, store.as_ref(), &mut told).is_ok() {
                        send(Action::Cataloged(Cataloging::Ready));
                        send(Action::LoadingDone);
                        return;
                    }
                    // Most likely another `brief` holds the writer: read what the
                    // library lacks, then wait for it.
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

    /// Files that joined the library while it was open (and were read)
    /// join its catalog too, indexed on a thread of their own.
    pub fn catalog_more(&mut self, files: &[PathBuf]) {
        if let Some(library) = &self.library
            && !files.is_empty()
        {
            let more = library.with(files);
            self.catalog(more, Vec::new());
        }
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
