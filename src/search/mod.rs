//! Finding text in a briefing: the items that match a query, in the briefing's
//! order, and where each sits. Pure; the reader (`/`, `n`, `N`, the nations lens)
//! and `brief search` both use it. `query` says where one text matches; `index`
//! keeps the briefing folded for the reader's search as you type.

mod index;
mod query;

pub use index::Index;
pub use query::{Pattern, Query};

use std::ops::Range;

use crate::briefing::Briefing;
use crate::state::{ItemRef, Note, nation_key};

/// Where an item sits in the briefing as loaded, in the briefing's order: the
/// same order as the panes, and the order hits come in. Unlike `ItemRef` it is
/// a pair of numbers, so a list of a hundred thousand hits costs no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Spot {
    /// A summary paragraph, from 0.
    Summary(usize),
    /// A key point, from 0.
    KeyPoint(usize),
    /// A nation, by its index.
    Nation(usize),
    /// A quote, by its place in the Quotes pane (`App::quote_order`).
    Quote(usize),
    /// A comment, by its row.
    Comment(usize),
}

impl Spot {
    /// The item's lasting identity, for notes and addresses.
    pub fn item(self, b: &Briefing, quote_order: &[usize]) -> Option<ItemRef> {
        Some(match self {
            Spot::Summary(i) if i < b.summary.len() => ItemRef::Summary(i + 1),
            Spot::KeyPoint(i) if i < b.key_points.len() => ItemRef::KeyPoint(i + 1),
            Spot::Summary(_) | Spot::KeyPoint(_) => return None,
            Spot::Nation(i) => ItemRef::Nation(nation_key(b.nations.get(i)?)),
            Spot::Quote(p) => ItemRef::Quote(b.quotes[*quote_order.get(p)?].id.clone()),
            Spot::Comment(c) => ItemRef::Comment(b.comment_ids.get(c)?.to_owned()),
        })
    }

    /// Where `item` sits; `None` for an item that is not in `b` (a note left on a
    /// comment that has since been removed).
    pub fn of(item: &ItemRef, b: &Briefing, quote_order: &[usize]) -> Option<Spot> {
        match item {
            ItemRef::Summary(n) => (1..=b.summary.len())
                .contains(n)
                .then(|| Spot::Summary(n - 1)),
            ItemRef::KeyPoint(n) => (1..=b.key_points.len())
                .contains(n)
                .then(|| Spot::KeyPoint(n - 1)),
            ItemRef::Nation(key) => b
                .nations
                .iter()
                .position(|n| &nation_key(n) == key)
                .map(Spot::Nation),
            ItemRef::Quote(id) => {
                let q = b.quote_index(id)?;
                quote_order.iter().position(|&o| o == q).map(Spot::Quote)
            }
            ItemRef::Comment(id) => b.comment_index(id).map(Spot::Comment),
        }
    }

    /// The `n`th item in the briefing's order, given how many of each kind there
    /// are: summary, key points, nations, quotes, comments.
    fn nth(counts: [usize; 5], mut n: usize) -> Option<Spot> {
        let kinds: [fn(usize) -> Spot; 5] = [
            Spot::Summary,
            Spot::KeyPoint,
            Spot::Nation,
            Spot::Quote,
            Spot::Comment,
        ];
        for (count, kind) in counts.into_iter().zip(kinds) {
            if n < count {
                return Some(kind(n));
            }
            n -= count;
        }
        None
    }
}

/// An item that matches, with where it is and a line of context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The item.
    pub spot: Spot,
    /// The line of the file where the match is: the item's line, counted down to
    /// the matching line where the text keeps its line breaks.
    pub line: u32,
    /// The matching text's line, trimmed to a readable length.
    pub context: String,
}

/// Calls `each` with every searchable item of `b` in the briefing's order: summary,
/// key points, nations, quotes (by speaker, as the Quotes pane lists them),
/// comments; with the line it starts on and its texts (its words, and its speaker,
/// role or author).
fn each_item(b: &Briefing, quote_order: &[usize], mut each: impl FnMut(Spot, u32, &[&str])) {
    for (i, p) in b.summary.iter().enumerate() {
        each(
            Spot::Summary(i),
            b.lines.summary.get(i).copied().unwrap_or(0),
            &[p],
        );
    }
    for (i, p) in b.key_points.iter().enumerate() {
        each(
            Spot::KeyPoint(i),
            b.lines.key_points.get(i).copied().unwrap_or(0),
            &[p],
        );
    }
    for (i, n) in b.nations.iter().enumerate() {
        let code = n.code.as_deref().unwrap_or("");
        let note = n.note.as_deref().unwrap_or("");
        each(Spot::Nation(i), n.line, &[&n.name, code, note]);
    }
    for (place, &q) in quote_order.iter().enumerate() {
        let quote = &b.quotes[q];
        let role = quote.role.as_deref().unwrap_or("");
        let context = quote.context.as_deref().unwrap_or("");
        each(
            Spot::Quote(place),
            quote.line,
            &[&quote.text, &quote.speaker, role, context],
        );
    }
    for (i, c) in b.comments.iter().enumerate() {
        let author = c.author.as_deref().unwrap_or("");
        each(Spot::Comment(i), c.line, &[b.comment_text(i), author]);
    }
}

/// Every item of `b` that matches, in the briefing's order. An item matches
/// through its own text, its speaker, role or author, or the note on it.
pub fn search(b: &Briefing, quote_order: &[usize], notes: &[Note], query: &Query) -> Vec<Found> {
    search_where(b, quote_order, notes, query, |_| true, usize::MAX)
}

/// The first `limit` items of `b` that match, in the briefing's order, among
/// those `wanted` accepts (the rest are not looked at).
fn search_where(
    b: &Briefing,
    quote_order: &[usize],
    notes: &[Note],
    query: &Query,
    wanted: impl Fn(Spot) -> bool,
    limit: usize,
) -> Vec<Found> {
    let mut found = Vec::new();
    if query.is_empty() {
        return found;
    }
    let mut noted: Vec<(Spot, &str)> = notes
        .iter()
        .filter(|n| !n.deleted)
        .filter_map(|n| Some((Spot::of(&n.item, b, quote_order)?, n.text.as_str())))
        .collect();
    noted.sort_unstable_by_key(|&(spot, _)| spot);
    each_item(b, quote_order, |spot, line, texts| {
        if found.len() >= limit || !wanted(spot) {
            return;
        }
        let note = noted
            .binary_search_by_key(&spot, |&(s, _)| s)
            .ok()
            .map(|i| noted[i].1);
        if let Some((k, text)) = texts
            .iter()
            .copied()
            .chain(note)
            .enumerate()
            .find(|(_, t)| query.matches(t))
        {
            // In the item's own text, count down to the matching line: exact for
            // text written line by line (`|`), the first line for folded text.
            let first = query.find(text).into_iter().next();
            let down = match (k, &first) {
                (0, Some(at)) => text[..at.start].matches('\n').count(),
                _ => 0,
            };
            found.push(Found {
                context: first.map_or_else(String::new, |at| context_around(text, &at)),
                spot,
                line: line + u32::try_from(down).unwrap_or(0),
            });
        }
    });
    found
}

/// The item of `b` that best shows what a ranked search found: for the first of
/// `looked_for` (all the words, then each, longest first) that any item holds,
/// a quote before the summary, before a comment, before a nation. With what kind
/// of item it is (`quote by Richard Knighton`) and the text around the match.
pub fn best_item(
    b: &Briefing,
    notes: &[Note],
    looked_for: &[String],
) -> Option<(ItemRef, String, String)> {
    let order = b.quote_order();
    let rank = |spot: &Spot| match spot {
        Spot::Quote(_) => 0,
        Spot::Summary(_) | Spot::KeyPoint(_) => 1,
        Spot::Comment(_) => 2,
        Spot::Nation(_) => 3,
    };
    // Kind by kind, best first, stopping at the first match: the items of
    // other kinds are not looked at.
    let (query, found) = looked_for.iter().find_map(|text| {
        let query = Query::typed(text);
        let best = (0..4).find_map(|kind| {
            search_where(b, &order, notes, &query, |s| rank(&s) == kind, 1).pop()
        })?;
        Some((query, best))
    })?;
    let item = found.spot.item(b, &order)?;
    // Matched in its own words (its text, speaker, role or author), or only in
    // the note on it.
    let own = match found.spot {
        Spot::Quote(p) => {
            let q = &b.quotes[order[p]];
            [
                Some(&q.text),
                Some(&q.speaker),
                q.role.as_ref(),
                q.context.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|t| query.matches(t))
        }
        Spot::Comment(c) => [Some(b.comment_text(c)), b.comments[c].author.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| query.matches(t)),
        _ => crate::app::item_text(b, &item).is_some_and(|t| query.matches(&t)),
    };
    let kind = match found.spot {
        _ if !own => "your note".to_owned(),
        Spot::Quote(p) => format!("quote by {}", b.quotes[order[p]].speaker),
        Spot::Comment(c) => format!(
            "comment by {}",
            b.comments[c].author.as_deref().unwrap_or("anonymous")
        ),
        Spot::Summary(_) => "summary".to_owned(),
        Spot::KeyPoint(_) => "key point".to_owned(),
        Spot::Nation(_) => "nation".to_owned(),
    };
    Some((item, kind, found.context.replace('\n', " ")))
}

/// The line of `text` holding the first match, cut to about 100 characters around it.
pub fn context(text: &str, query: &Query) -> String {
    query
        .find(text)
        .first()
        .map_or_else(String::new, |first| context_around(text, first))
}

/// The line of `text` around the match at `first`, as `context` shows it
/// (for a caller that has found the match already).
pub fn context_around(text: &str, first: &Range<usize>) -> String {
    let line_start = text[..first.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[first.end..]
        .find('\n')
        .map_or(text.len(), |i| first.end + i);
    let line = &text[line_start..line_end];
    let at = first.start - line_start;
    let chars_before = line[..at].chars().count();
    let skip = chars_before.saturating_sub(40);
    let shown: String = line.chars().skip(skip).take(100).collect();
    let mut out = String::new();
    if skip > 0 {
        out.push('…');
    }
    out.push_str(&shown);
    if line.chars().count() > skip + 100 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_and_items_name_each_other() {
        let b = crate::briefing::parse(crate::briefing::BUNDLED, "t")
            .expect("loads")
            .briefing;
        let order = b.quote_order();
        let mut n = 0;
        each_item(&b, &order, |spot, _, _| {
            let item = spot.item(&b, &order).expect("a spot in the briefing");
            assert_eq!(Spot::of(&item, &b, &order), Some(spot), "{item:?}");
            let counts = [
                b.summary.len(),
                b.key_points.len(),
                b.nations.len(),
                order.len(),
                b.comments.len(),
            ];
            assert_eq!(Spot::nth(counts, n), Some(spot));
            n += 1;
        });
        assert!(n > 20, "every kind of item was visited");
        assert_eq!(Spot::Comment(99).item(&b, &order), None);
    }

    #[test]
    fn context_is_the_matching_line_cut_around_the_match() {
        let long = format!("{}needle{}", "a ".repeat(60), " b".repeat(80));
        let c = context(
            &format!("first line\n{long}\nlast"),
            &Query::typed("needle"),
        );
        assert!(
            c.starts_with('…') && c.ends_with('…') && c.contains("needle"),
            "{c}"
        );
    }
}
