//! Keeping the catalog in step with the files: a file added, changed (its size
//! or modification time, or its notes') or gone is indexed again or dropped;
//! an unchanged one costs one `stat`. Files are read and parsed on every core
//! while tantivy's own threads index what they make.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use tantivy::{DocId, Term};

use super::Catalog;
use super::fields::{self, Stamp};
use crate::cores::on_every_core;
use crate::library::card::Row;
use crate::store::Store;

/// How far a sync has come, for the library's title (`indexing 40,312 of 100,000…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Files indexed so far.
    pub done: usize,
    /// Files to index in all.
    pub total: usize,
}

/// What a sync tells as it goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// How far it has come.
    Counted(Progress),
    /// A file was indexed (new or changed): its library row, by the catalog's key.
    Indexed(PathBuf, Box<Row>),
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Synced {
    /// Files indexed, new or changed.
    pub indexed: usize,
    /// Files dropped, gone from disk.
    pub removed: usize,
    /// Files unchanged.
    pub kept: usize,
}

/// What the catalog holds for one file.
struct Known {
    /// The file, as the catalog keys it.
    path: String,
    stamp: Stamp,
    id: String,
}

/// How often progress is reported, in files.
const REPORT_EVERY: usize = 500;

impl Catalog {
    /// Brings the catalog in step with `files`, notes read from `store`, and
    /// indexes `again` (files whose row the caller lacks) whether they changed
    /// or not; `told` hears how far it has come and each file's new row. Fails
    /// when another process holds the writer (it is bringing the catalog up to
    /// date itself).
    pub fn sync(
        &self,
        files: &[PathBuf],
        again: &[PathBuf],
        store: Option<&Store>,
        told: &mut dyn FnMut(Step),
    ) -> tantivy::Result<Synced> {
        let again: std::collections::HashSet<&PathBuf> = again.iter().collect();
        // What another process committed counts as known.
        self.reader.reload()?;
        let known = self.known()?;
        let by_path: HashMap<&str, usize> = known
            .iter()
            .enumerate()
            .map(|(i, k)| (k.path.as_str(), i))
            .collect();
        let notes = notes_times(store);
        // A stat a file, on every core: for a big library, most of a sync.
        let stamps = on_every_core(files, |file| size_and_time(file));
        let mut synced = Synced::default();
        // With the stamp taken before it is read: a change while reading is
        // seen next time.
        let mut todo: Vec<(&Path, (u64, u64))> = Vec::new();
        let mut present = vec![false; known.len()];
        for (file, stamped) in files.iter().zip(stamps) {
            // Keyed as the document was (`document`): lossily, for a name
            // that is not UTF-8.
            let kept = by_path.get(file.to_string_lossy().as_ref()).copied();
            let unchanged = !again.contains(file)
                && kept.is_some_and(|i| {
                    let k = &known[i];
                    let now = stamped.map(|(size, modified)| Stamp {
                        size,
                        modified,
                        notes_modified: notes.get(k.id.as_str()).copied().unwrap_or(0),
                    });
                    now == Some(k.stamp)
                });
            if let Some(i) = kept {
                present[i] = true;
            }
            if unchanged {
                synced.kept += 1;
            } else {
                todo.push((file, stamped.unwrap_or_default()));
            }
        }
        // Files of other libraries stay while they exist: one catalog serves every
        // folder the user reads.
        let gone: Vec<&str> = known
            .iter()
            .zip(&present)
            .filter(|&(k, &present)| !present && !Path::new(&k.path).exists())
            .map(|(k, _)| k.path.as_str())
            .collect();
        self.write(&todo, &gone, &notes, store, synced, told)
    }

    /// Indexes `files` again, those the caller knows to be new or changed (a
    /// watcher saw them), and drops those gone, looking at no other file:
    /// what a sync costs for one file, not for the whole library. Fails when
    /// another process holds the writer.
    pub fn index(
        &self,
        files: &[PathBuf],
        store: Option<&Store>,
        told: &mut dyn FnMut(Step),
    ) -> tantivy::Result<Synced> {
        let stamped: Vec<(&Path, Option<(u64, u64)>)> = files
            .iter()
            .map(|f| (f.as_path(), size_and_time(f)))
            .collect();
        let todo: Vec<(&Path, (u64, u64))> = stamped
            .iter()
            .filter_map(|&(f, stamp)| Some((f, stamp?)))
            .collect();
        let gone: Vec<&str> = stamped
            .iter()
            .filter(|(_, stamp)| stamp.is_none())
            .filter_map(|(f, _)| f.to_str())
            .collect();
        let notes = notes_times(store);
        self.write(&todo, &gone, &notes, store, Synced::default(), told)
    }

    /// Indexes `todo` (each file with its stamp taken before it is read) and
    /// drops `gone`, committing once; `synced` counts what was kept.
    fn write(
        &self,
        todo: &[(&Path, (u64, u64))],
        gone: &[&str],
        notes: &HashMap<String, u64>,
        store: Option<&Store>,
        mut synced: Synced,
        told: &mut dyn FnMut(Step),
    ) -> tantivy::Result<Synced> {
        if todo.is_empty() && gone.is_empty() {
            // Nothing to write: the writer (and its lock and threads) is not needed.
            told(Step::Counted(Progress::default()));
            return Ok(synced);
        }
        let mut writer = self.writer()?;
        for path in gone {
            writer.delete_term(Term::from_field_text(self.fields.path, path));
            synced.removed += 1;
        }
        let total = todo.len();
        told(Step::Counted(Progress { done: 0, total }));
        let next = AtomicUsize::new(0);
        let (send, receive) = mpsc::sync_channel(256);
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        std::thread::scope(|scope| -> tantivy::Result<()> {
            for _ in 0..workers {
                let send = send.clone();
                let (next, fields) = (&next, &self.fields);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(file, stamped)) = todo.get(i) else {
                            return;
                        };
                        if send
                            .send(document(fields, file, stamped, notes, store))
                            .is_err()
                        {
                            return;
                        }
                    }
                });
            }
            drop(send);
            for (done, (path, doc, row)) in receive.into_iter().enumerate() {
                writer.delete_term(Term::from_field_text(self.fields.path, &path));
                writer.add_document(doc)?;
                synced.indexed += 1;
                told(Step::Indexed(PathBuf::from(path), row));
                if (done + 1) % REPORT_EVERY == 0 {
                    told(Step::Counted(Progress {
                        done: done + 1,
                        total,
                    }));
                }
            }
            Ok(())
        })?;
        if synced.indexed > 0 || synced.removed > 0 {
            writer.commit()?;
            writer.wait_merging_threads()?;
            self.reader.reload()?;
        }
        told(Step::Counted(Progress { done: total, total }));
        Ok(synced)
    }

    /// Every file the catalog holds, with its stamp and id, read from the
    /// columns (no stored document is opened), each word made once.
    fn known(&self) -> tantivy::Result<Vec<Known>> {
        let searcher = self.reader.searcher();
        let mut known = Vec::with_capacity(usize::try_from(searcher.num_docs()).unwrap_or(0));
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (size, modified, notes) = (
                fast.u64("size")?,
                fast.u64("modified")?,
                fast.u64("notes_modified")?,
            );
            let (Some(paths), Some(ids)) = (fast.str("path")?, fast.str("id")?) else {
                continue;
            };
            // Each column's words read in one pass, in order, rather than
            // looked up one document at a time; a path is one document's.
            let mut path_words = words(&paths)?;
            let id_words = words(&ids)?;
            let ord = |column: &tantivy::columnar::StrColumn, doc: DocId| {
                column
                    .term_ords(doc)
                    .next()
                    .and_then(|o| usize::try_from(o).ok())
            };
            for doc in segment.doc_ids_alive() {
                let Some(path) = ord(&paths, doc).and_then(|o| path_words.get_mut(o)?.take())
                else {
                    continue;
                };
                let stamp = Stamp {
                    size: size.first(doc).unwrap_or_default(),
                    modified: modified.first(doc).unwrap_or_default(),
                    notes_modified: notes.first(doc).unwrap_or_default(),
                };
                let id = ord(&ids, doc)
                    .and_then(|o| id_words.get(o).cloned().flatten())
                    .unwrap_or_default();
                known.push(Known { path, stamp, id });
            }
        }
        Ok(known)
    }
}

/// A string column's words in the order of their ordinals.
fn words(column: &tantivy::columnar::StrColumn) -> tantivy::Result<Vec<Option<String>>> {
    Ok(super::terms(column)?
        .into_iter()
        .map(|w| String::from_utf8(w).ok())
        .collect())
}

/// When each briefing's notes last changed, by id, from one read of the
/// store's folder (rather than a stat for every briefing, most of which have
/// none).
fn notes_times(store: Option<&Store>) -> HashMap<String, u64> {
    let Some(Ok(entries)) = store.map(|s| std::fs::read_dir(s.states_dir())) else {
        return HashMap::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?.to_owned();
            let (_, modified) = size_and_time(&e.path())?;
            Some((id, modified))
        })
        .collect()
}

fn size_and_time(file: &Path) -> Option<(u64, u64)> {
    let (size, modified) = crate::library::stamp(file)?;
    Some((size, u64::try_from(modified).unwrap_or(u64::MAX)))
}

/// The document for `file`, read and parsed, with its path as the catalog keys
/// it and its library row; `stamped` is its size and time, `notes` when each
/// briefing's notes last changed, both taken before anything was read.
fn document(
    fields: &fields::Fields,
    file: &Path,
    (size, modified): (u64, u64),
    notes: &HashMap<String, u64>,
    store: Option<&Store>,
) -> (String, tantivy::TantivyDocument, Box<Row>) {
    let path = file.to_string_lossy().into_owned();
    let loaded = crate::briefing::load(file).map(|l| l.briefing);
    let id = loaded.as_ref().ok().map(|b| b.id.as_str());
    let stamp = Stamp {
        size,
        modified,
        notes_modified: id.and_then(|id| notes.get(id)).copied().unwrap_or(0),
    };
    let saved = store.zip(id).and_then(|(store, id)| store.peek(id));
    let row = Row::of(&loaded, saved.as_ref());
    let noted = saved.map(|s| s.notes).unwrap_or_default();
    let doc = fields::document(fields, &path, stamp, &row, loaded.as_ref().ok(), &noted);
    (path, doc, Box::new(row))
}
