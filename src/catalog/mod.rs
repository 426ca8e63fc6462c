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
mod hits;
mod library;
mod query;
mod sync;
mod words;

use std::path::{Path, PathBuf};

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::cores::on_every_core;
use crate::library::card::{Row, Said};

pub use fields::{Fields, Stamp};
pub use hits::hits;
pub use library::Library;
pub use query::{longest, looked_for};
pub use sync::{Progress, Step, Synced};

/// Bumped when the schema or what goes into a document changes: an index of
/// another version is rebuilt.
const VERSION: &str = "brief-catalog 5";

/// The file in the index folder that says which version wrote it.
const VERSION_FILE: &str = "brief-version";

/// Heap for the writer, shared by its indexing threads.
const WRITER_HEAP: usize = 256 * 1024 * 1024;

/// An open catalog (a clone shares the same index).
#[derive(Clone)]
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

    /// The catalog in `dir` when there is one that can be trusted; none is
    /// made where there is not.
    pub fn existing(dir: &Path) -> Option<Catalog> {
        Catalog::open_existing(dir).ok().flatten()
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
    /// fields weighted as `Fields::weighted` says), and how many match in all.
    pub fn search(&self, typed: &str, limit: usize) -> tantivy::Result<(Vec<Found>, usize)> {
        let Some(query) = query::ranked(&self.fields, typed) else {
            return Ok((Vec::new(), 0));
        };
        let searcher = self.reader.searcher();
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        let (top, count) = searcher.search(&query, &collector)?;
        let found = top
            .into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(Found {
                    path: PathBuf::from(text_of(&doc, self.fields.path)),
                    title: text_of(&doc, self.fields.title),
                    score,
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok((found, count))
    }

    /// Every file that may hold `typed` as `brief search` matches it (anywhere,
    /// even inside a word): a superset, checked line by line afterwards. `None`
    /// when the query has no word to look up, so every file must be read.
    pub fn candidates(&self, typed: &str) -> tantivy::Result<Option<Vec<PathBuf>>> {
        let searcher = self.reader.searcher();
        let mut words = words::Words::in_dir(&self.dir)?;
        let fields = self.fields.searched();
        let lists = searcher
            .segment_readers()
            .iter()
            .map(|segment| words.of(segment, &fields))
            .collect::<tantivy::Result<Vec<_>>>()?;
        words.forget_stale(&searcher, &self.index)?;
        let Some(query) = query::substrings(&self.fields, typed, &lists) else {
            return Ok(None);
        };
        let docs = searcher.search(&query, &DocSetCollector)?;
        let paths = docs
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(PathBuf::from(text_of(&doc, self.fields.path)))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Some(paths))
    }

    /// Every file held, by its key, with its library row, in the order of the
    /// keys' bytes; read from two columns, each in one pass over its values in
    /// order, the rows decoded on every core. A row that does not read is left
    /// out, so its file is read instead.
    pub fn rows(&self) -> tantivy::Result<Vec<(PathBuf, Row)>> {
        let searcher = self.reader.searcher();
        let mut all = Vec::with_capacity(usize::try_from(searcher.num_docs()).unwrap_or(0));
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(paths), Some(rows)) = (fast.str("path")?, fast.bytes("row")?) else {
                continue;
            };
            // The values copied out in one pass into one buffer, then decoded
            // on every core.
            let (mut arena, mut spans) = (Vec::new(), Vec::new());
            let mut stream = rows.dictionary().stream()?;
            while stream.advance() {
                let start = arena.len();
                arena.extend_from_slice(stream.key());
                spans.push(start..arena.len());
            }
            let mut decoded: Vec<Option<Row>> = on_every_core(&spans, |span| {
                postcard::from_bytes(&arena[span.clone()]).ok()
            });
            let mut path_terms: Vec<Option<PathBuf>> = terms(&paths)?
                .into_iter()
                .map(|bytes| String::from_utf8(bytes).ok().map(PathBuf::from))
                .collect();
            let first = |ords: &mut dyn Iterator<Item = u64>| usize::try_from(ords.next()?).ok();
            let mut docs: Vec<(usize, usize)> = segment
                .doc_ids_alive()
                .filter_map(|doc| {
                    Some((
                        first(&mut paths.term_ords(doc))?,
                        first(&mut rows.term_ords(doc))?,
                    ))
                })
                .collect();
            // In the order of the paths' bytes, as their ordinals go.
            docs.sort_unstable();
            // Two files of the same text share a row; each other row is moved out.
            let mut uses = vec![0usize; decoded.len()];
            docs.iter().for_each(|&(_, r)| uses[r] += 1);
            for (p, r) in docs {
                uses[r] -= 1;
                let row = match uses[r] {
                    0 => decoded[r].take(),
                    _ => decoded[r].clone(),
                };
                if let (Some(path), Some(row)) = (path_terms.get_mut(p).and_then(Option::take), row)
                {
                    all.push((path, row));
                }
            }
        }
        // Each segment's run is in order already: this merges them.
        all.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
        Ok(all)
    }

    /// Every file held, by its key, with who said each of its quotes, read
    /// from the stored documents on every core (a segment a worker). A value
    /// that does not read is left out, so its file is read instead.
    pub fn said(&self) -> tantivy::Result<Vec<(PathBuf, Vec<Said>)>> {
        let searcher = self.reader.searcher();
        let (path, said) = (self.fields.path, self.fields.said);
        let per_segment = on_every_core(searcher.segment_readers(), |segment| {
            let store = segment.get_store_reader(64)?;
            let mut out = Vec::with_capacity(usize::try_from(segment.num_docs()).unwrap_or(0));
            for doc in store.iter::<TantivyDocument>(segment.alive_bitset()) {
                let doc = doc?;
                if let Ok(value) = serde_json::from_str(&text_of(&doc, said)) {
                    out.push((PathBuf::from(text_of(&doc, path)), value));
                }
            }
            Ok::<_, tantivy::TantivyError>(out)
        });
        let mut all = Vec::new();
        for part in per_segment {
            all.extend(part?);
        }
        Ok(all)
    }

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

/// A column's values in the order of their ordinals.
pub(super) fn terms(column: &tantivy::columnar::BytesColumn) -> tantivy::Result<Vec<Vec<u8>>> {
    let mut out = Vec::with_capacity(column.dictionary().num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        out.push(stream.key().to_vec());
    }
    Ok(out)
}

/// The first text of `field` in `doc`, or nothing.
fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}
