//! One briefing as the library lists it: what it is, how far it has been read, and
//! the order and filter the list is shown in. Pure.

use std::cmp::Reverse;

use crate::library::Origin;
pub use crate::library::card::{Card, Progress, Row, refusal};
use crate::search::Query;
use crate::state::Saved;

/// A briefing in the library: its card, or refused with its located error.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// Where it came from.
    pub origin: Origin,
    /// What the library shows of it, or the first line `brief validate` prints for it.
    pub card: Result<Box<Card>, String>,
    /// How far it has been read, from its saved state.
    pub progress: Progress,
}

impl Listing {
    /// A library entry with its reading progress, from the state `saved_of` finds
    /// for its id (none, when there is no store).
    pub fn new(
        entry: crate::library::Entry,
        saved_of: impl FnOnce(&str) -> Option<Saved>,
    ) -> Listing {
        let saved = entry.loaded.as_ref().ok().and_then(|b| saved_of(&b.id));
        Listing::of(entry.origin, Row::of(&entry.loaded, saved.as_ref()))
    }

    /// The listing of `origin` by what the catalog keeps of it.
    pub fn of(origin: Origin, row: Row) -> Listing {
        Listing {
            origin,
            card: row.card,
            progress: row.progress,
        }
    }
}

/// How the library is ordered; `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By title, A to Z.
    #[default]
    Title,
    /// By publication date, newest first; undated last.
    Date,
    /// Opened most recently first; never opened last.
    LastOpened,
}

impl Sort {
    /// The next order in the cycle.
    pub fn next(self) -> Sort {
        match self {
            Sort::Title => Sort::Date,
            Sort::Date => Sort::LastOpened,
            Sort::LastOpened => Sort::Title,
        }
    }

    /// The order a name stands for, as `name` gives it.
    pub fn from_name(name: &str) -> Option<Sort> {
        [Sort::Title, Sort::Date, Sort::LastOpened]
            .into_iter()
            .find(|s| s.name() == name)
    }

    /// The name shown in the list's title.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Title => "title",
            Sort::Date => "date",
            Sort::LastOpened => "last opened",
        }
    }
}

/// `title` as a key that sorts naturally compared byte by byte: runs of
/// digits by their value, so `lib-2` comes before `lib-10` (and `7` before
/// `07`), letters without regard to case. One allocation, made in one pass, a
/// hundred thousand times at a library's start, and compared as bytes.
pub fn natural(title: &str) -> Vec<u8> {
    // A run of text sorts before a number at the same place; a text ends with
    // a byte below any it holds, so `ab` sorts before `abc`.
    const TEXT: u8 = 1;
    const NUMBER: u8 = 2;
    let mut key = Vec::with_capacity(title.len() + 32);
    let mut rest = title;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let (n, tail) = rest.split_at(digits);
            key.push(NUMBER);
            key.extend(n.parse::<u128>().unwrap_or(u128::MAX).to_be_bytes());
            key.extend(u64::try_from(digits).unwrap_or(u64::MAX).to_be_bytes());
            rest = tail;
        } else {
            let text = rest.len() - rest.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
            let (t, tail) = rest.split_at(text);
            key.push(TEXT);
            if t.is_ascii() {
                key.extend(t.bytes().map(|b| b.to_ascii_lowercase()));
            } else {
                key.extend(t.to_lowercase().bytes());
            }
            key.push(0);
            rest = tail;
        }
    }
    key
}

/// What the library's `/` filter keeps: text in the title, source, location, tags
/// or id, or with `nation:JP`, the briefings listing that nation.
pub fn keeps(listing: &Listing, filter: &str) -> bool {
    let filter = filter.trim();
    if filter.is_empty() {
        return true;
    }
    let Ok(b) = &listing.card else {
        return Query::typed(filter).matches(&listing.origin.name());
    };
    if let Some(nation) = filter.strip_prefix("nation:") {
        // `nation:JP`, `nation:Japan` and `nation:japanese` alike.
        let nation = nation.trim();
        let code = crate::nations::by_name(nation).map_or(nation, |n| n.code);
        return b.nations.iter().any(|(name, c)| {
            name.eq_ignore_ascii_case(nation)
                || c.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(code))
        });
    }
    let query = Query::typed(filter);
    let fields = [
        Some(b.title.as_str()),
        Some(b.id.as_str()),
        b.author.as_deref(),
        b.publication.as_deref(),
        b.location.as_deref(),
    ];
    fields.into_iter().flatten().any(|f| query.matches(f))
        || b.tags.iter().any(|t| query.matches(t))
}

/// The listings to show, as indexes, filtered and in `sort` order; refused files last.
pub fn order(listings: &[Listing], sort: Sort, filter: &str) -> Vec<usize> {
    let rows: Vec<usize> = (0..listings.len())
        .filter(|&i| keeps(&listings[i], filter))
        .collect();
    let title = |i: usize| match &listings[i].card {
        Ok(b) => natural(&b.title),
        Err(_) => natural(&listings[i].origin.name()),
    };
    let date = |i: usize| {
        listings[i]
            .card
            .as_ref()
            .ok()
            .and_then(|b| b.published.clone())
    };
    // Each key made once (a natural title is a few allocations, and a library
    // of 100,000 compares each title about 17 times), and both the keys and
    // their sort shared out over the cores; the index last, so the order is
    // the listings' where keys are equal.
    let mut keyed = crate::cores::on_every_core(&rows, |&i| {
        let refused = listings[i].card.is_err();
        match sort {
            Sort::Title => (refused, None, Reverse(0), title(i), i),
            Sort::Date => (refused, date(i).map(Reverse), Reverse(0), title(i), i),
            Sort::LastOpened => (
                refused,
                None,
                Reverse(listings[i].progress.last_opened_ms),
                title(i),
                i,
            ),
        }
    });
    crate::cores::sort_on_every_core(&mut keyed);
    let mut rows: Vec<usize> = keyed.into_iter().map(|key| key.4).collect();
    if sort == Sort::Date {
        // Undated briefings after dated ones.
        rows.sort_by_key(|&i| (listings[i].card.is_err(), date(i).is_none()));
    }
    rows
}
