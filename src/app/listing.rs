//! One briefing as the library lists it: what it is, how far it has been read, and
//! the order and filter the list is shown in. Pure.

use std::cmp::Reverse;
use std::collections::HashSet;

use crate::briefing::Briefing;
use crate::library::Origin;
use crate::search::Query;
use crate::state::Saved;

/// A briefing in the library: loaded, or refused with its located error.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// Where it came from.
    pub origin: Origin,
    /// The briefing, or the first line `brief validate` prints for it.
    pub briefing: Result<std::sync::Arc<Briefing>, String>,
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
        let briefing = entry
            .loaded
            .map(std::sync::Arc::new)
            .map_err(|diagnostics| {
                diagnostics
                    .iter()
                    .find(|d| d.is_error())
                    .map(ToString::to_string)
                    .unwrap_or_default()
            });
        let progress = match &briefing {
            Ok(b) => Progress::of(b, saved_of(&b.id).as_ref()),
            Err(_) => Progress::default(),
        };
        Listing {
            origin: entry.origin,
            briefing,
            progress,
        }
    }
}

/// Reading progress from a briefing's saved state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Quotes and comments read that are still in the briefing.
    pub seen: usize,
    /// Quotes and comments in the briefing.
    pub total: usize,
    /// Live notes.
    pub notes: usize,
    /// Quotes and comments added since it was last opened.
    pub new: usize,
    /// When it was last opened, milliseconds since the Unix epoch; 0 for never.
    pub last_opened_ms: u64,
}

impl Progress {
    /// Progress of `b` by the state last saved for it.
    pub fn of(b: &Briefing, saved: Option<&Saved>) -> Progress {
        let total = b.quotes.len() + b.comments.len();
        let Some(saved) = saved else {
            return Progress {
                total,
                ..Progress::default()
            };
        };
        let (seen_q, seen_c) = (set(&saved.seen_quotes), set(&saved.seen_comments));
        let (known_q, known_c) = (set(&saved.known_quotes), set(&saved.known_comments));
        let had_known = !known_q.is_empty() || !known_c.is_empty();
        let quotes = b.quotes.iter().map(|q| q.id.as_str());
        let comments = b.comments.iter().map(|c| c.id.as_str());
        let seen = quotes.clone().filter(|id| seen_q.contains(id)).count()
            + comments.clone().filter(|id| seen_c.contains(id)).count();
        let new = if had_known {
            quotes.filter(|id| !known_q.contains(id)).count()
                + comments.filter(|id| !known_c.contains(id)).count()
        } else {
            0
        };
        Progress {
            seen,
            total,
            notes: saved.notes.iter().filter(|n| !n.deleted).count(),
            new,
            last_opened_ms: saved.last_opened_ms,
        }
    }

    /// The share read, as a whole percentage.
    pub fn percent(&self) -> usize {
        (self.seen * 100).checked_div(self.total).unwrap_or(100)
    }
}

fn set(ids: &[String]) -> HashSet<&str> {
    ids.iter().map(String::as_str).collect()
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

/// A title as it sorts naturally: runs of digits by their value, so `lib-2`
/// comes before `lib-10`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Natural {
    /// Text between numbers.
    Text(String),
    /// A number, by value (then by its digits, so `07` and `7` keep an order).
    Number(u128, String),
}

/// `title` cut into text and numbers, for a natural order.
pub fn natural(title: &str) -> Vec<Natural> {
    let mut parts = Vec::new();
    let mut rest = title;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (part, tail) = if digits > 0 {
            let (n, tail) = rest.split_at(digits);
            (
                Natural::Number(n.parse().unwrap_or(u128::MAX), n.to_owned()),
                tail,
            )
        } else {
            let text = rest.len() - rest.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
            let (t, tail) = rest.split_at(text);
            (Natural::Text(t.to_owned()), tail)
        };
        parts.push(part);
        rest = tail;
    }
    parts
}

/// What the library's `/` filter keeps: text in the title, source, location, tags
/// or id, or with `nation:JP`, the briefings listing that nation.
pub fn keeps(listing: &Listing, filter: &str) -> bool {
    let filter = filter.trim();
    if filter.is_empty() {
        return true;
    }
    let Ok(b) = &listing.briefing else {
        return Query::typed(filter).matches(&listing.origin.name());
    };
    if let Some(nation) = filter.strip_prefix("nation:") {
        // `nation:JP`, `nation:Japan` and `nation:japanese` alike.
        let nation = nation.trim();
        let code = crate::nations::by_name(nation).map_or(nation, |n| n.code);
        return b.nations.iter().any(|n| {
            n.name.eq_ignore_ascii_case(nation)
                || n.code
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(code))
        });
    }
    let query = Query::typed(filter);
    let fields = [
        Some(b.title.as_str()),
        Some(b.id.as_str()),
        b.source.author.as_deref(),
        b.source.publication.as_deref(),
        b.location.as_deref(),
    ];
    fields.into_iter().flatten().any(|f| query.matches(f))
        || b.tags.iter().any(|t| query.matches(t))
}

/// The listings to show, as indexes, filtered and in `sort` order; refused files last.
pub fn order(listings: &[Listing], sort: Sort, filter: &str) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..listings.len())
        .filter(|&i| keeps(&listings[i], filter))
        .collect();
    let title = |i: usize| {
        natural(&match &listings[i].briefing {
            Ok(b) => b.title.to_lowercase(),
            Err(_) => listings[i].origin.name(),
        })
    };
    let date = |i: usize| {
        listings[i]
            .briefing
            .as_ref()
            .ok()
            .and_then(|b| b.source.published.clone())
    };
    rows.sort_by_key(|&i| {
        let refused = listings[i].briefing.is_err();
        match sort {
            Sort::Title => (refused, None, Reverse(0), title(i)),
            Sort::Date => (refused, date(i).map(Reverse), Reverse(0), title(i)),
            Sort::LastOpened => (
                refused,
                None,
                Reverse(listings[i].progress.last_opened_ms),
                title(i),
            ),
        }
    });
    if sort == Sort::Date {
        // Undated briefings after dated ones.
        rows.sort_by_key(|&i| (listings[i].briefing.is_err(), date(i).is_none()));
    }
    rows
}
