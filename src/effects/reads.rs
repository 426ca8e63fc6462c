//! The effects that read briefings whole: opening one, scanning the library's
//! files while it has no catalog, and reading a speaker's quotes. The library
//! keeps only each briefing's card, so these go to the files. A scan or a
//! speaker's quotes may take a while on a large library: with threads they
//! run on one of their own and answer as they go, dropping the work once a
//! newer question has been asked.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Runner, now_ms};
use crate::app::{Action, MOST_HITS, Opening, index, refusal, scanned};
use crate::briefing::Briefing;
use crate::library::card::Said;
use crate::library::{self, Origin};

/// How many files a scan reads between answers, and quotes a speaker's list
/// reads between answers.
const ANSWER_EVERY: usize = 64;

impl Runner {
    /// Reads `origin`'s briefing (unless it is the one held since it was
    /// checked) and the state it was left in, for `listing` to open with.
    pub(super) fn load(&mut self, listing: usize, origin: &Origin, at: Option<String>) -> Action {
        let briefing = match self.held.take() {
            Some((held, briefing)) if held == *origin => briefing,
            _ => match library::read(origin) {
                Ok(b) => Arc::new(b),
                Err(diagnostics) => {
                    return Action::LoadFailed {
                        listing,
                        why: refusal(&diagnostics),
                    };
                }
            },
        };
        let mut opening = Opening {
            at,
            ..Opening::fresh(listing, briefing)
        };
        if self.writes {
            opening.now_ms = now_ms();
            opening.session = std::process::id();
            // A state still being written is what this one must read.
            self.settle();
            if let Some(store) = &self.store {
                let loaded = store.load(&opening.briefing.id, opening.now_ms);
                opening.saved = loaded.saved;
                opening.warning = loaded.warning;
            }
        }
        Action::Loaded(Box::new(opening))
    }

    /// Scans `origins` for `query` in library order, answering with what it has
    /// found every few files, until the most hits are found or a newer
    /// question is asked.
    pub(super) fn scan(&self, query: &str, asked: u64, origins: Vec<Origin>) -> Vec<Action> {
        self.asked.store(asked, Ordering::Relaxed);
        let looked_for = crate::catalog::looked_for(query);
        let latest = Arc::clone(&self.asked);
        self.in_background("brief-scan", move |answer| {
            let mut hits = Vec::new();
            let found = |hits: &Vec<_>| Action::LibraryFound {
                asked,
                hits: hits.clone(),
                total: hits.len(),
                scanned: true,
            };
            for (n, origin) in origins.iter().enumerate() {
                if latest.load(Ordering::Relaxed) != asked {
                    return;
                }
                if let Ok(b) = library::read(origin)
                    && let Some(hit) = scanned(origin, &b, &looked_for)
                {
                    hits.push(hit);
                    if hits.len() == MOST_HITS {
                        break;
                    }
                }
                if (n + 1) % ANSWER_EVERY == 0 && !hits.is_empty() {
                    answer(found(&hits));
                }
            }
            answer(found(&hits));
        })
    }

    /// Reads the words of `speaker`'s quotes from their files, in the list's
    /// order, answering every few quotes, until another speaker is opened.
    pub(super) fn read_quotes(&self, speaker: String, quotes: Vec<(Origin, usize)>) -> Vec<Action> {
        let generation = self.quoting.fetch_add(1, Ordering::Relaxed) + 1;
        let latest = Arc::clone(&self.quoting);
        self.in_background("brief-quotes", move |answer| {
            let mut last: Option<(&Origin, Option<Briefing>)> = None;
            for (chunk, part) in quotes.chunks(ANSWER_EVERY).enumerate() {
                if latest.load(Ordering::Relaxed) != generation {
                    return;
                }
                let mut words = Vec::with_capacity(part.len());
                for (origin, q) in part {
                    // A speaker's quotes in one briefing come together: it is read once.
                    if last.as_ref().is_none_or(|(o, _)| *o != origin) {
                        last = Some((origin, library::read(origin).ok()));
                    }
                    let b = last.as_ref().and_then(|(_, b)| b.as_ref());
                    words.push(b.and_then(|b| Some(b.quotes.get(*q)?.text.clone())));
                }
                answer(Action::QuotesRead {
                    speaker: speaker.clone(),
                    from: chunk * ANSWER_EVERY,
                    quotes: words,
                });
            }
        })
    }

    /// Indexes the speakers of the briefings of `origins` (in library order):
    /// who said what from the catalog when it is `ready`, else (and for a file
    /// it lacks) from the file.
    pub(super) fn index_speakers(
        &self,
        origins: Vec<Origin>,
        ready: bool,
        aliases: BTreeMap<String, String>,
    ) -> Vec<Action> {
        let library = self.library.clone().filter(|_| ready);
        self.in_background("brief-speakers", move |answer| {
            let mut kept = library.and_then(|l| l.said().ok()).unwrap_or_default();
            let said: Vec<(usize, Vec<Said>)> = origins
                .iter()
                .enumerate()
                .map(|(i, origin)| {
                    let known = match origin {
                        Origin::File(path) => kept.remove(path),
                        Origin::Bundled => None,
                    };
                    let said = known.unwrap_or_else(|| {
                        library::read(origin)
                            .map(|b| Said::of(&b))
                            .unwrap_or_default()
                    });
                    (i, said)
                })
                .collect();
            answer(Action::SpeakersIndexed(index(&said, &aliases)));
        })
    }

    /// Runs `job` on a thread of its own when this runner may start threads
    /// (its answers then come back through the loop), else at once, returning
    /// its answers.
    fn in_background(
        &self,
        name: &str,
        job: impl FnOnce(&dyn Fn(Action)) + Send + 'static,
    ) -> Vec<Action> {
        if self.threads {
            let sender = self.answers.0.clone();
            // No thread to be had (a process limit) leaves the question
            // unanswered, as with the search index: rare enough to accept.
            let _ = std::thread::Builder::new()
                .name(name.into())
                .spawn(move || job(&|a| drop(sender.send(a))));
            return Vec::new();
        }
        let answers = std::cell::RefCell::new(Vec::new());
        job(&|a| answers.borrow_mut().push(a));
        answers.into_inner()
    }
}

/// The latest question's number, shared with the thread answering it.
pub(super) type Latest = Arc<AtomicU64>;
