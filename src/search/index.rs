//! The folded index a keystroke of the reader's search scans, so that a
//! keystroke is one `memmem` pass rather than folding the briefing again. Every
//! item but the comments' words is kept lower-cased, end to end; the comments'
//! words (most of a big briefing) are not copied: a scan lower-cases them as
//! ASCII does, a chunk at a time as it reaches them (about half a millisecond
//! for 11 MB), and only a comment whose words lower-case otherwise (`É`, `İ`)
//! is kept folded with the rest.

use memchr::memmem::Finder;

use super::query::{Bounds, fold_into};
use super::{Query, Spot, each_item};
use crate::briefing::{Briefing, Texts};

/// The most matches counted in one item: past it, the prompt counts items.
const MAX_COUNT: usize = 1000;

/// The most matching text a keystroke counts matches in: about a millisecond
/// of scanning, so a common word in a 20 MB briefing costs what it did before
/// there was a count.
const COUNT_BYTES: usize = 1 << 20;

/// How much of the comments' words a scan lower-cases at a time: small enough
/// to stay in the cache between folding and scanning.
const CHUNK: usize = 1 << 16;

/// The folded texts of a briefing's items. Items are not listed: the `n`th
/// start is the `n`th item in the briefing's order, found from how many of each
/// kind there are. A comment's item holds its author, and its words only when
/// they are `apart`.
#[derive(Debug, Default)]
pub struct Index {
    folded: String,
    starts: Vec<u32>,
    counts: [usize; 5],
    /// The comments whose words are folded here: those that do not lower-case
    /// as ASCII does, in order. The rest are scanned where the briefing keeps them.
    apart: Vec<usize>,
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
            apart: (0..b.comments.len())
                .filter(|&i| !folds_as_ascii(b.comment_text(i)))
                .collect(),
            ..Index::default()
        };
        index.starts.reserve_exact(index.counts.iter().sum());
        // Sized once: doubling a buffer as it fills would hold two copies.
        let mut bytes = 0;
        index.each_text(b, quote_order, |_, texts| {
            bytes += texts.iter().map(|t| t.len() + 1).sum::<usize>();
        });
        index.folded.reserve_exact(bytes);
        let mut folded = std::mem::take(&mut index.folded);
        index.each_text(b, quote_order, |starts, texts| {
            // A briefing is refused long before 4 GB (`Limits`).
            starts.push(u32::try_from(folded.len()).unwrap_or(u32::MAX));
            for text in texts {
                fold_into(&mut folded, text);
                // NUL cannot be typed into a query, so no match spans two texts.
                folded.push('\0');
            }
        });
        index.folded = folded;
        index
    }

    /// Calls `each` with the texts the index folds of every item, in order.
    fn each_text(
        &mut self,
        b: &Briefing,
        quote_order: &[usize],
        mut each: impl FnMut(&mut Vec<u32>, &[&str]),
    ) {
        let mut apart = self.apart.iter().peekable();
        each_item(b, quote_order, |spot, _, texts| match spot {
            Spot::Comment(i) if apart.next_if_eq(&&i).is_some() => each(&mut self.starts, texts),
            Spot::Comment(_) => each(&mut self.starts, &texts[1..]),
            _ => each(&mut self.starts, texts),
        });
    }

    /// The matching items in order, or `None` for a query this index cannot answer
    /// (case-sensitive, or with word bounds): use `search` for those.
    pub fn find(&self, b: &Briefing, query: &Query) -> Option<Vec<Spot>> {
        self.find_counting(b, query).map(|(hits, _)| hits)
    }

    /// `find`, and how many times the query matches in the items found
    /// (speakers and authors included), counted in the same pass; the count is
    /// `None` where one item holds more than `MAX_COUNT` matches or the items
    /// found hold more than `COUNT_BYTES` (in the folded texts, or in the
    /// comments' words).
    pub fn find_counting(&self, b: &Briefing, query: &Query) -> Option<(Vec<Spot>, Option<usize>)> {
        let [pattern] = query.patterns.as_slice() else {
            return None;
        };
        if pattern.case_sensitive || pattern.bounds != Bounds::Anywhere || pattern.text.is_empty() {
            return None;
        }
        let finder = Finder::new(pattern.text.as_bytes());
        let mut hits = Vec::new();
        let mut count = Counted::default();
        let folded = self.folded.as_bytes();
        let mut from = 0;
        // One hit per item: after a match the rest of the item is only counted,
        // up to `MAX_COUNT`, and the scan goes on from the next item, so a
        // comment of five million `a`s costs a thousand matches, not five million.
        while let Some(found) = folded.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + found;
            let item = self.starts.partition_point(|&s| s as usize <= at) - 1;
            hits.extend(Spot::nth(self.counts, item));
            let end = self
                .starts
                .get(item + 1)
                .map_or(folded.len(), |&s| s as usize);
            count.add(at, end, || {
                finder
                    .find_iter(&folded[at + finder.needle().len()..end])
                    .take(MAX_COUNT)
                    .count()
            });
            from = end;
        }
        // The comments found by their authors (or words kept apart), then those
        // found in their words, merged in order.
        let first = hits.partition_point(|s| !matches!(s, Spot::Comment(_)));
        let by_author = hits.split_off(first);
        self.in_words(&b.comment_texts, &finder, &mut hits, &mut count);
        merge(&mut hits, first, &by_author);
        Some((hits, count.total()))
    }

    /// Adds to `hits` the comments whose words (not `apart`) hold the needle, in order.
    fn in_words(&self, texts: &Texts, finder: &Finder, hits: &mut Vec<Spot>, count: &mut Counted) {
        let mut words = Chunks::new(texts.all().as_bytes(), finder);
        let (mut from, mut item) = (0, 0);
        while let Some(at) = words.find(from, usize::MAX) {
            item = texts.index_at(at, item);
            let end = texts.range(item).map_or(at, |r| r.end);
            if self.apart.binary_search(&item).is_err() {
                hits.push(Spot::Comment(item));
                count.add(at, end, || {
                    let mut more = 0;
                    let mut next = at + finder.needle().len();
                    while more < MAX_COUNT
                        && let Some(again) = words.find(next, end)
                    {
                        more += 1;
                        next = again + finder.needle().len();
                    }
                    more
                });
            }
            from = end + 1;
        }
    }
}

/// Whether `text` lower-cases as ASCII does: its other characters have no
/// lower case of their own (`’`, `é`, `中`).
fn folds_as_ascii(text: &str) -> bool {
    text.is_ascii()
        || text.chars().filter(|c| !c.is_ascii()).all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
}

/// Merges `more` into `hits[first..]`, both in order, in place from the back
/// (a keystroke finding every comment would otherwise hold a third list of
/// them); a spot in both is kept once.
fn merge(hits: &mut Vec<Spot>, first: usize, more: &[Spot]) {
    let (mut own, mut rest) = (hits.len(), more.len());
    hits.resize(own + rest, Spot::Summary(0));
    for to in (first..hits.len()).rev() {
        if rest == 0 {
            break;
        }
        if own > first && hits[own - 1] > more[rest - 1] {
            hits[to] = hits[own - 1];
            own -= 1;
        } else {
            hits[to] = more[rest - 1];
            rest -= 1;
        }
    }
    hits.dedup();
}

/// The matches a keystroke counts, and the text it has read to count them.
#[derive(Default)]
struct Counted {
    matches: Option<usize>,
    read: usize,
    over: bool,
}

impl Counted {
    /// A match at `at` in an item ending at `end`; `more` counts the ones after
    /// it there, up to `MAX_COUNT`, unless counting has stopped.
    fn add(&mut self, at: usize, end: usize, more: impl FnOnce() -> usize) {
        if self.over {
            return;
        }
        // Counting reads the rest of each item found; past `COUNT_BYTES` of it
        // the scan goes back to skipping, and counts no more.
        self.read += end - at;
        let more = more();
        self.over = more >= MAX_COUNT || self.read > COUNT_BYTES;
        self.matches = Some(self.matches.unwrap_or(0) + 1 + more);
    }

    fn total(&self) -> Option<usize> {
        (!self.over).then_some(self.matches.unwrap_or(0))
    }
}

/// The comments' words (`Texts::all`) lower-cased as ASCII does a chunk at a
/// time, as a scan reaches them, each chunk reaching a needle's length into
/// the next so that no match is cut in two.
struct Chunks<'a> {
    text: &'a [u8],
    finder: &'a Finder<'a>,
    /// Where the chunk in `lower` starts in `text`.
    start: usize,
    lower: Vec<u8>,
}

impl<'a> Chunks<'a> {
    fn new(text: &'a [u8], finder: &'a Finder<'a>) -> Chunks<'a> {
        Chunks {
            text,
            finder,
            start: 0,
            lower: Vec::with_capacity(CHUNK + finder.needle().len()),
        }
    }

    /// The first match starting at or after `from` and ending by `until`.
    fn find(&mut self, mut from: usize, until: usize) -> Option<usize> {
        let until = until.min(self.text.len());
        while from < until {
            if self.lower.is_empty() || !(self.start..self.start + CHUNK).contains(&from) {
                self.fold_at(from);
            }
            let stop = (until - self.start).min(self.lower.len());
            if let Some(found) = self.finder.find(&self.lower[from - self.start..stop]) {
                return Some(from + found);
            }
            from = self.start + CHUNK;
        }
        None
    }

    fn fold_at(&mut self, start: usize) {
        let end = (start + CHUNK + self.finder.needle().len() - 1).min(self.text.len());
        self.start = start;
        self.lower.clear();
        self.lower
            .extend(self.text[start..end].iter().map(u8::to_ascii_lowercase));
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
            assert_eq!(index.find(&b, &query), Some(slow), "{text}");
        }
        assert_eq!(
            index.find(&b, &Query::typed("Orbit")),
            None,
            "case-sensitive queries look at every item"
        );
    }
}

#[cfg(test)]
mod words {
    use super::*;
    use crate::search::search;

    /// A briefing of these comments, each `(author, text)`.
    fn briefing(comments: &[(&str, &str)]) -> Briefing {
        let mut yaml = String::from("format: brief/1\nid: t\ntitle: T\nsummary: [s]\ncomments:\n");
        for (author, text) in comments {
            yaml.push_str(&format!("  - {{author: \"{author}\", text: \"{text}\"}}\n"));
        }
        crate::briefing::parse(&yaml, "t.yaml")
            .expect("loads")
            .briefing
    }

    /// The hits and count the index gives, held to those a full search gives.
    fn found(b: &Briefing, typed: &str) -> (Vec<Spot>, Option<usize>) {
        let order = b.quote_order();
        let query = Query::typed(typed);
        let fast = Index::build(b, &order)
            .find_counting(b, &query)
            .expect("answers");
        let slow: Vec<Spot> = search(b, &order, &[], &query)
            .into_iter()
            .map(|f| f.spot)
            .collect();
        let count = (0..b.comments.len())
            .map(|i| {
                let author = b.comments[i].author.as_deref().unwrap_or("");
                query.find(b.comment_text(i)).len() + query.find(author).len()
            })
            .sum::<usize>();
        assert_eq!(fast, (slow, Some(count)), "{typed}");
        fast
    }

    #[test]
    fn words_that_lower_case_otherwise_than_ascii_are_found_as_a_full_search_finds_them() {
        let b = briefing(&[
            ("Ann", "Émile saw the ORBIT"),
            ("Orbital Sam", "nothing here"),
            ("Bo", "İstanbul’s orbit, orbit and orbit"),
            ("Cy", "the Kelvin sign \u{212A} lower-cases to k"),
            ("Émile", "été, ÉTÉ and Été"),
            ("Di", "plain “quotes” — and orbit"),
            ("Orbit Fan", "an orbit too"),
        ]);
        for typed in [
            "orbit",
            "émile",
            "été",
            "k",
            "i̇stanbul",
            "’s orbit",
            "sam",
            "zzz",
        ] {
            found(&b, typed);
        }
        let rows: Vec<Spot> = [0, 1, 2, 5, 6].map(Spot::Comment).into();
        assert_eq!(
            found(&b, "orbit"),
            (rows, Some(8)),
            "found by author and words, listed once"
        );
    }

    #[test]
    fn a_match_across_the_chunks_a_scan_folds_is_found_and_counted() {
        // The first comment's words start the scan's first chunk: the match
        // runs from two bytes before its end into the next.
        let mut long = "x".repeat(CHUNK - 2);
        long.push_str("ORBIT");
        long.push_str(&"y".repeat(CHUNK));
        long.push_str("Orbit orbit");
        let b = briefing(&[("B", &long), ("A", "between"), ("C", "after orbit")]);
        let hits = vec![Spot::Comment(0), Spot::Comment(2)];
        assert_eq!(found(&b, "orbit"), (hits, Some(4)));
    }
}
