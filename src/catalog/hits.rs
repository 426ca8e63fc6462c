//! What a search of the library's text shows: the catalog's best briefings,
//! each read for the item that shows why it was found (its kind and the text
//! around the match), on every core. The reader's runner and the archive
//! benchmark both call `hits`, so the benchmark times what a keystroke costs.

use super::Library;
use crate::app::LibraryHit;
use crate::store::Store;

/// The best `limit` briefings of `library` for `query`, each read (on every
/// core) for the item that shows why, and how many match in all: what a
/// keystroke in the library search costs.
pub fn hits(
    library: &Library,
    store: Option<&Store>,
    query: &str,
    limit: usize,
) -> (Vec<LibraryHit>, usize) {
    let looked_for = crate::catalog::looked_for(query);
    let (found, total) = library.search(query, limit).unwrap_or_default();
    // Each briefing is read for the item that shows why, on every core.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut hits: Vec<(usize, LibraryHit)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..std::thread::available_parallelism().map_or(1, usize::from))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((path, hit)) = found.get(i) else {
                            return done;
                        };
                        done.push((i, library_hit(store, path, &hit.title, &looked_for)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    hits.sort_by_key(|&(i, _)| i);
    let hits = hits.into_iter().map(|(_, hit)| hit).collect();
    (hits, total)
}

/// One briefing the catalog found, read for its best item.
fn library_hit(
    store: Option<&Store>,
    path: &std::path::Path,
    title: &str,
    looked_for: &[String],
) -> LibraryHit {
    let item = crate::briefing::load(path).ok().and_then(|loaded| {
        let b = loaded.briefing;
        let notes = store
            .and_then(|s| s.peek(&b.id))
            .map(|s| s.notes)
            .unwrap_or_default();
        crate::search::best_item(&b, &notes, looked_for)
    });
    let (at, kind, snippet) = match item {
        Some((item, kind, snippet)) => (Some(item.anchor()), kind, snippet),
        None => (None, "title".to_owned(), String::new()),
    };
    LibraryHit {
        origin: crate::library::Origin::File(path.to_path_buf()),
        title: title.to_owned(),
        at,
        kind,
        snippet,
    }
}
