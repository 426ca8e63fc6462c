//! Searching the text of the whole library (`F`): the query as typed, the hits
//! the catalog ranked (or, while it is being built, the library's files
//! scanned), and which is selected. Pure: the catalog is asked through
//! `Effect::SearchLibrary` (the files through `Effect::ScanLibrary`), and
//! either answers with `Action::LibraryFound`.

use crate::briefing::Briefing;
use crate::library::Origin;

/// One briefing a library search found, with the item that shows why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryHit {
    /// The briefing's file (as the library lists it).
    pub origin: Origin,
    /// The briefing's id; empty when its file no longer loads.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The item to open at (`--at`'s address after `#`), when one matched.
    pub at: Option<String>,
    /// What kind of item: `quote by Richard Knighton`, `comment by reader12`.
    pub kind: String,
    /// The text around the match.
    pub snippet: String,
}

/// How far the catalog has come, for the library's title and for knowing
/// whether to ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cataloging {
    /// There is no catalog (no cache directory, or it could not be opened):
    /// searches scan the files.
    #[default]
    None,
    /// Files being indexed: `done` of `total`. Searches scan until it is ready.
    Building {
        /// Indexed so far.
        done: usize,
        /// To index in all.
        total: usize,
    },
    /// In step with the files: searches ask it.
    Ready,
}

/// A search of the library's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finding {
    /// What is being looked for, as typed.
    pub query: String,
    /// Whether keys go into the query.
    pub typing: bool,
    /// What was found for it, best first.
    pub hits: Vec<LibraryHit>,
    /// How many briefings match in all (more than `hits` holds when the
    /// catalog found more than it shows).
    pub total: usize,
    /// The selected hit.
    pub selected: usize,
    /// The number of the last question asked, so a late answer to an older
    /// query is dropped.
    pub asked: u64,
    /// Whether the hits come from scanning, in library order, not ranked.
    pub scanned: bool,
}

/// The most hits a scan or the catalog returns.
pub const MOST_HITS: usize = 200;

/// What scanning one briefing finds for what a query looks for
/// (`catalog::looked_for`): its first matching item (a quote first), else its
/// title, as a hit, as the catalog shows one.
pub fn scanned(origin: &Origin, b: &Briefing, looked_for: &[String]) -> Option<LibraryHit> {
    let (at, kind, snippet) = match crate::search::best_item(b, &[], looked_for) {
        Some((item, kind, snippet)) => (Some(item.anchor()), kind, snippet),
        None => {
            let titled = looked_for
                .iter()
                .any(|text| crate::search::Query::typed(text).matches(&b.title));
            titled.then_some((None, "title".to_owned(), String::new()))?
        }
    };
    Some(LibraryHit {
        origin: origin.clone(),
        id: b.id.clone(),
        title: b.title.clone(),
        at,
        kind,
        snippet,
    })
}
