//! What a search of the library's text shows: the catalog's best briefings,
//! each read for the item that shows why it was found (its kind and the text
//! around the match), on every core. The reader's runner, `brief search
//! --ranked` and the archive benchmark all call `hits`, so the benchmark times
//! what a keystroke costs.

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
    let hits = crate::cores::on_every_core(&found, |(path, hit)| {
        library_hit(store, path, &hit.title, &looked_for)
    });
    (hits, total)
}

/// One briefing the catalog found, read for its best item.
fn library_hit(
    store: Option<&Store>,
    path: &std::path::Path,
    title: &str,
    looked_for: &[String],
) -> LibraryHit {
    let briefing = crate::briefing::load(path)
        .ok()
        .map(|loaded| loaded.briefing);
    let item = briefing.as_ref().and_then(|b| {
        let notes = store
            .and_then(|s| s.peek(&b.id))
            .map(|s| s.notes)
            .unwrap_or_default();
        crate::search::best_item(b, &notes, looked_for)
    });
    let (at, kind, snippet) = match item {
        Some((item, kind, snippet)) => (Some(item.anchor()), kind, snippet),
        None => (None, "title".to_owned(), String::new()),
    };
    LibraryHit {
        origin: crate::library::Origin::File(path.to_path_buf()),
        id: briefing.map(|b| b.id).unwrap_or_default(),
        title: title.to_owned(),
        at,
        kind,
        snippet,
    }
}
