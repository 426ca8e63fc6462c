//! The reader's place written behind it, on a thread of its own: a save reads
//! the state on disk, merges, writes and syncs (70 ms for the state of a
//! briefing of 100,000 comments, 3.9 MB of JSON), which held up every key
//! pressed meanwhile. One thread writes them all, in the order they were made,
//! so a later state never lands before an earlier one; a note's save (written
//! in place, by `Runner::save`), opening a briefing and every way out of the
//! reader wait for it first.

use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use crate::app::Action;
use crate::state::Saved;
use crate::store::Store;

#[derive(Debug)]
enum Job {
    Save(Box<Saved>),
    /// Answered once every save sent before it is written.
    Settle(Sender<()>),
}

/// The thread that writes reading states, and the way to it.
#[derive(Debug)]
pub(super) struct Saver {
    store: Store,
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the thread; each save's outcome comes back on `answers`.
    pub(super) fn start(store: Store, answers: Sender<Action>) -> Saver {
        let (jobs, inbox) = channel::<Job>();
        let writer = store.clone();
        let thread = std::thread::Builder::new()
            .name("brief-save".into())
            .spawn(move || {
                for job in inbox {
                    match job {
                        Job::Save(saved) => {
                            let _ = answers.send(written(&writer, &saved));
                        }
                        Job::Settle(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            })
            .ok();
        Saver {
            store,
            jobs: thread.as_ref().map(|_| jobs),
            thread,
        }
    }

    /// Hands `saved` to the thread, whose answer comes later; with no thread
    /// to take it, writes it here and answers at once.
    pub(super) fn save(&self, saved: Box<Saved>) -> Option<Action> {
        let saved = match &self.jobs {
            Some(jobs) => match jobs.send(Job::Save(saved)) {
                Ok(()) => return None,
                Err(std::sync::mpsc::SendError(Job::Save(saved))) => saved,
                Err(_) => return None,
            },
            None => saved,
        };
        Some(written(&self.store, &saved))
    }

    /// Waits until every save handed over so far is on disk (or has failed).
    pub(super) fn settle(&self) {
        let (done, wait) = channel();
        if let Some(jobs) = &self.jobs
            && jobs.send(Job::Settle(done)).is_ok()
        {
            let _ = wait.recv();
        }
    }
}

/// However the reader ends, a save already made is written before it goes.
impl Drop for Saver {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Writes `saved` into `store`: what the reader is told of it.
pub(super) fn written(store: &Store, saved: &Saved) -> Action {
    match store.save(saved, super::now_ms()) {
        Ok(_) => Action::Saved,
        Err(e) => Action::SaveFailed(format!("{}: {e}", store.dir().display())),
    }
}
