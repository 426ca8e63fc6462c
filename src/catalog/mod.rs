//! The library's catalog: a full-text index (tantivy) of every briefing file,
//! in the user's cache directory (`$XDG_CACHE_HOME/brief/catalog`), so a search
//! across a hundred thousand briefings reads an index, not the files.
//!
//! The catalog is a cache, never the truth: one that is missing, unreadable,
//! from another version of `brief` or of its schema is deleted and built again.
//! Two `brief` processes share it; only the one holding tantivy's writer lock
//! (released by the OS when a process dies) brings it up to date, the other
//! reads. `sync` keeps it in step with the files; `query` turns what a user types
//! into a tantivy query; `search` runs it.

mod fields;
mod query;
mod sync;

use std::path::{Path, PathBuf};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

pub use fields::{Fields, Stamp};
pub use query::looked_for;
pub use sync::{Progress, Synced};

/// Bumped when the schema or what goes into a document changes: an index of
/// another version is rebuilt.
const VERSION: &str = "brief-catalog 1";

/// The file in the index folder that says which version wrote it.
const VERSION_FILE: &str = "brief-version";

/// Heap for the writer, shared by its indexing threads.
const WRITER_HEAP: usize = 96 * 1024 * 1024;

/// An open catalog.
pub struct Catalog {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// One briefing a search found, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// Its title.
    pub title: String,
    /// BM25 score, weighted by field.
    pub score: f32,
}

impl Catalog {
    /// The catalog under the user's cache directory.
    pub fn from_env() -> Option<PathBuf> {
        let base = directories::BaseDirs::new()?;
        Some(base.cache_dir().join("brief").join("catalog"))
    }

    /// Opens the catalog in `dir`, building an empty one where there is none or
    /// where the one there cannot be trusted.
    pub fn open(dir: &Path) -> tantivy::Result<Catalog> {
        match Catalog::open_existing(dir) {
            Ok(Some(catalog)) => Ok(catalog),
            // Missing, of another version, or unreadable: start again.
            Ok(None) | Err(_) => Catalog::create(dir),
        }
    }

    fn open_existing(dir: &Path) -> tantivy::Result<Option<Catalog>> {
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).unwrap_or_default();
        if version.trim() != VERSION {
            return Ok(None);
        }
        let index = Index::open_in_dir(dir)?;
        let (schema, fields) = fields::schema();
        if index.schema() != schema {
            return Ok(None);
        }
        let catalog = Catalog::with(dir, index, fields)?;
        // Reading every segment's metadata once proves the files are whole.
        catalog
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .try_for_each(|s| {
                s.get_store_reader(0).map(drop)?;
                Ok::<_, tantivy::TantivyError>(())
            })?;
        Ok(Some(catalog))
    }

    fn create(dir: &Path) -> tantivy::Result<Catalog> {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = fields::schema();
        let index = Index::create_in_dir(dir, schema)?;
        std::fs::write(dir.join(VERSION_FILE), VERSION)?;
        Catalog::with(dir, index, fields)
    }

    fn with(dir: &Path, index: Index, fields: Fields) -> tantivy::Result<Catalog> {
        index
            .tokenizers()
            .register(fields::TOKENIZER, fields::analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Catalog {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// Where it lives.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The writer, when no other process holds it.
    fn writer(&self) -> tantivy::Result<IndexWriter> {
        self.index.writer(WRITER_HEAP)
    }

    /// How many briefing files it holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best `limit` briefings for what the user typed, ranked (BM25, the
    /// fields weighted as `Fields::weighted` says).
    pub fn search(&self, typed: &str, limit: usize) -> tantivy::Result<Vec<Found>> {
        let Some(query) = query::ranked(&self.fields, typed) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        top.into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(Found {
                    path: PathBuf::from(text_of(&doc, self.fields.path)),
                    title: text_of(&doc, self.fields.title),
                    score,
                })
            })
            .collect()
    }

    /// Every file that may hold `typed` as `brief search` matches it (anywhere,
    /// even inside a word): a superset, checked line by line afterwards. `None`
    /// when the query has no word to look up, so every file must be read.
    pub fn candidates(&self, typed: &str) -> tantivy::Result<Option<Vec<PathBuf>>> {
        let Some(query) = query::substrings(&self.fields, typed)? else {
            return Ok(None);
        };
        let searcher = self.reader.searcher();
        let docs = searcher.search(&query, &DocSetCollector)?;
        let mut paths = docs
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(PathBuf::from(text_of(&doc, self.fields.path)))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        paths.sort();
        Ok(Some(paths))
    }
}

impl Catalog {
    /// The files held that were refused (they have no id): `brief search`
    /// still reads them, to print why.
    pub fn refused(&self) -> tantivy::Result<Vec<PathBuf>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(paths), Some(ids)) = (fast.str("path")?, fast.str("id")?) else {
                continue;
            };
            for doc in segment.doc_ids_alive() {
                if ids.term_ords(doc).next().is_none() {
                    let mut path = String::new();
                    if let Some(ord) = paths.term_ords(doc).next() {
                        paths.ord_to_str(ord, &mut path)?;
                    }
                    out.push(PathBuf::from(path));
                }
            }
        }
        Ok(out)
    }
}

/// The first text of `field` in `doc`, or nothing.
fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}
