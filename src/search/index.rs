//! The folded index a keystroke of the reader's search scans: every item's text
//! lower-cased once per briefing, end to end, so a keystroke is one `memmem`.

use super::query::{Bounds, fold_into};
use super::{Query, Spot, each_item};
use crate::briefing::Briefing;

/// The most matches counted in one item: past it, the prompt counts items.
const MAX_COUNT: usize = 1000;

/// The most matching text a keystroke counts matches in: about a millisecond
/// of scanning, so a common word in a 20 MB briefing costs what it did before
/// there was a count.
const COUNT_BYTES: usize = 1 << 20;

/// Every item's text folded to lower case once, end to end, so a keystroke of a
/// case-insensitive search is one `memmem` scan instead of folding the briefing
/// again. Items are not listed: the `n`th start is the `n`th item in the
/// briefing's order, found from how many of each kind there are.
#[derive(Debug, Default)]
pub struct Index {
    folded: String,
    starts: Vec<usize>,
    counts: [usize; 5],
}

impl Index {
    /// The index of `b`'s items, in the order `search` finds them.
    pub fn build(b: &Briefing, quote_order: &[usize]) -> Index {
        let mut index = Index {
            counts: [
                b.summary.len(),
                b.key_points.len(),
                b.nations.len(),
                quote_order.len(),
                b.comments.len(),
            ],
            ..Index::default()
        };
        index.starts.reserve_exact(index.counts.iter().sum());
        // Sized once: doubling a 10 MB buffer as it fills would hold two copies.
        let mut bytes = 0;
        each_item(b, quote_order, |_, _, texts| {
            bytes += texts.iter().map(|t| t.len() + 1).sum::<usize>();
        });
        index.folded.reserve_exact(bytes);
        each_item(b, quote_order, |_, _, texts| {
            index.starts.push(index.folded.len());
            for text in texts {
                fold_into(&mut index.folded, text);
                // NUL cannot be typed into a query, so no match spans two texts.
                index.folded.push('\0');
            }
        });
        index
    }

    /// The matching items in order, or `None` for a query this index cannot answer
    /// (case-sensitive, or with word bounds): use `search` for those.
    pub fn find(&self, query: &Query) -> Option<Vec<Spot>> {
        self.find_counting(query).map(|(hits, _)| hits)
    }

    /// `find`, and how many times the query matches in the items found
    /// (speakers and authors included), counted in the same pass; the count is
    /// `None` where one item holds more than `MAX_COUNT` matches or the items
    /// found hold more than `COUNT_BYTES`.
    pub fn find_counting(&self, query: &Query) -> Option<(Vec<Spot>, Option<usize>)> {
        let [pattern] = query.patterns.as_slice() else {
            return None;
        };
        if pattern.case_sensitive || pattern.bounds != Bounds::Anywhere || pattern.text.is_empty() {
            return None;
        }
        let mut hits: Vec<Spot> = Vec::new();
        let mut count = Some(0usize);
        let mut counted = 0usize;
        let finder = memchr::memmem::Finder::new(pattern.text.as_bytes());
        let folded = self.folded.as_bytes();
        let mut from = 0;
        // One hit per item: after a match the rest of the item is only counted,
        // up to `MAX_COUNT`, and the scan goes on from the next item, so a
        // comment of five million `a`s costs a thousand matches, not five million.
        while let Some(found) = folded.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + found;
            let item = self.starts.partition_point(|&s| s <= at) - 1;
            hits.extend(Spot::nth(self.counts, item));
            let end = self.starts.get(item + 1).copied().unwrap_or(folded.len());
            if let Some(c) = count {
                // Counting reads the rest of each item found; past `COUNT_BYTES`
                // of it the scan goes back to skipping, and counts no more.
                counted += end - at;
                let more = finder
                    .find_iter(&folded[at + pattern.text.len()..end])
                    .take(MAX_COUNT)
                    .count();
                count = (more < MAX_COUNT && counted <= COUNT_BYTES).then_some(c + 1 + more);
            }
            from = end;
        }
        Some((hits, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::search;

    #[test]
    fn the_index_finds_what_a_full_search_finds() {
        let shape = crate::generate::Shape {
            comments: 500,
            ..crate::generate::Shape::small(11)
        };
        let b = crate::briefing::parse(&crate::generate::briefing(shape), "t")
            .expect("loads")
            .briefing;
        let order = b.quote_order();
        let index = Index::build(&b, &order);
        for text in [
            "orbit",
            "café",
            "宇宙",
            "speaker 3",
            "s",
            "zzz",
            "ÉTÉ",
            "role of",
        ] {
            let query = Query::typed(&text.to_lowercase());
            let slow: Vec<Spot> = search(&b, &order, &[], &query)
                .into_iter()
                .map(|f| f.spot)
                .collect();
            assert_eq!(index.find(&query), Some(slow), "{text}");
        }
        assert_eq!(
            index.find(&Query::typed("Orbit")),
            None,
            "case-sensitive queries look at every item"
        );
    }
}
