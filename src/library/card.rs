//! What the library keeps of a briefing without keeping the briefing: the
//! facts its row shows, sorts and filters by, and how far it has been read. A
//! card is made from a briefing once and kept in the catalog, so a library of
//! a hundred thousand files starts from the cards, and a briefing is read
//! whole only when it is opened. Who each quote is by (`Said`, for the speaker
//! index) is kept beside the card and read only when the index is asked for.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::briefing::Briefing;
use crate::state::Saved;

/// A briefing's row in the library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// The briefing's id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// The publication's name.
    pub publication: Option<String>,
    /// Who wrote the article.
    pub author: Option<String>,
    /// When it was published, as the file gives it.
    pub published: Option<String>,
    /// Where the events took place.
    pub location: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The nations it names: `(name, code)`.
    pub nations: Vec<(String, Option<String>)>,
    /// How many quotes it holds.
    pub quotes: usize,
    /// How many comments it holds.
    pub comments: usize,
    /// How many comments the source said it had.
    pub comments_reported: Option<u64>,
}

/// Who said one quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    /// The speaker, as written.
    pub speaker: String,
    /// The speaker's position, when the quote gives it.
    pub role: Option<String>,
}

impl Said {
    /// Who said each of `b`'s quotes, in file order.
    pub fn of(b: &Briefing) -> Vec<Said> {
        b.quotes
            .iter()
            .map(|q| Said {
                speaker: q.speaker.clone(),
                role: q.role.clone(),
            })
            .collect()
    }
}

impl Card {
    /// The card of `b`.
    pub fn of(b: &Briefing) -> Card {
        Card {
            id: b.id.clone(),
            title: b.title.clone(),
            publication: b.source.publication.clone(),
            author: b.source.author.clone(),
            published: b.source.published.clone(),
            location: b.location.clone(),
            tags: b.tags.clone(),
            nations: b
                .nations
                .iter()
                .map(|n| (n.name.clone(), n.code.clone()))
                .collect(),
            quotes: b.quotes.len(),
            comments: b.comments.len(),
            comments_reported: b.comments_reported,
        }
    }
}

/// Reading progress from a briefing's saved state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        let (known_q, known_c) = (
            set(&saved.known_quotes),
            saved.known_comments.iter().collect::<HashSet<_>>(),
        );
        let had_known = !known_q.is_empty() || !known_c.is_empty();
        let quotes = b.quotes.iter().map(|q| q.id.as_str());
        let comments = b.comment_ids.iter();
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

/// What the catalog keeps of one file for its library row: the card, or why
/// the file was refused, and how far it had been read when it was indexed
/// (a saved state changing has it indexed again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The card, or the first line `brief validate` prints for the file.
    pub card: Result<Box<Card>, String>,
    /// Reading progress.
    pub progress: Progress,
}

impl Row {
    /// The row of a file that loaded as `loaded`, with the state `saved` for it.
    pub fn of(
        loaded: &Result<Briefing, Vec<crate::briefing::Diagnostic>>,
        saved: Option<&Saved>,
    ) -> Row {
        match loaded {
            Ok(b) => Row::loaded(b, saved),
            Err(diagnostics) => Row {
                card: Err(refusal(diagnostics)),
                progress: Progress::default(),
            },
        }
    }

    /// The row of `b`, with the state `saved` for it.
    pub fn loaded(b: &Briefing, saved: Option<&Saved>) -> Row {
        Row {
            card: Ok(Box::new(Card::of(b))),
            progress: Progress::of(b, saved),
        }
    }
}

/// The line a refused file is listed with: its first error.
pub fn refusal(diagnostics: &[crate::briefing::Diagnostic]) -> String {
    diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(ToString::to_string)
        .unwrap_or_default()
}
