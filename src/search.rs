//! Finding text in a briefing: smart-case, Unicode-aware matching, and the list of
//! items that match, in the briefing's order. Pure; the reader (`/`, `n`, `N`, the
//! nations lens) and `brief search` both use it.

use std::cell::OnceCell;
use std::ops::Range;

use crate::briefing::Briefing;
use crate::state::{ItemRef, Note, nation_key};

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The text, already folded to lower case when the match ignores case.
    text: String,
    /// Whether case must match.
    case_sensitive: bool,
    /// Where the match may stand.
    bounds: Bounds,
}

/// Where a match may stand in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bounds {
    /// Anywhere, even inside a word.
    Anywhere,
    /// As a word of its own (`NO`, but not inside `NOW`).
    Word,
    /// Starting a word, ending it or followed by a plural `s` (`Norwegian`, `Norwegians`).
    WordOrPlural,
}

/// What a search looks for: any of its patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// As the user typed it, or a label such as `Norway` for the nations lens.
    pub label: String,
    patterns: Vec<Pattern>,
}

impl Query {
    /// A query as typed: case matters only when it holds a capital letter (smart case).
    pub fn typed(text: &str) -> Query {
        let case_sensitive = text.chars().any(char::is_uppercase);
        Query {
            label: text.to_owned(),
            patterns: vec![Pattern::new(text, case_sensitive, Bounds::Anywhere)],
        }
    }

    /// Any of several phrases, ignoring case; `words` must match as whole words with case.
    pub fn any_of(label: &str, phrases: &[&str], words: &[&str]) -> Query {
        let mut patterns: Vec<Pattern> = phrases
            .iter()
            .map(|p| Pattern::new(p, false, Bounds::WordOrPlural))
            .collect();
        patterns.extend(words.iter().map(|w| Pattern::new(w, true, Bounds::Word)));
        patterns.retain(|p| !p.text.is_empty());
        Query {
            label: label.to_owned(),
            patterns,
        }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The byte ranges of `haystack` that match, in order, not overlapping.
    pub fn find(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        let folded = Folded::new(haystack);
        for pattern in &self.patterns {
            let (hay, map): (&str, Option<&[usize]>) = if pattern.case_sensitive {
                (haystack, None)
            } else {
                (&folded.text, Some(&folded.map))
            };
            for (at, m) in hay.match_indices(pattern.text.as_str()) {
                let range = match map {
                    Some(map) => map[at]..map[at + m.len()],
                    None => at..at + m.len(),
                };
                if stands(haystack, &range, pattern.bounds) {
                    found.push(range);
                }
            }
        }
        found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    /// Whether `haystack` matches anywhere.
    pub fn matches(&self, haystack: &str) -> bool {
        // Most texts hold none of the patterns anywhere: say so before working out
        // where matches stand, which needs a map of the folded text.
        let folded = OnceCell::new();
        let somewhere = self.patterns.iter().any(|p| {
            if p.case_sensitive {
                haystack.contains(p.text.as_str())
            } else {
                folded
                    .get_or_init(|| fold(haystack))
                    .contains(p.text.as_str())
            }
        });
        somewhere && !self.find(haystack).is_empty()
    }
}

impl Pattern {
    fn new(text: &str, case_sensitive: bool, bounds: Bounds) -> Pattern {
        let text = if case_sensitive {
            text.to_owned()
        } else {
            fold(text)
        };
        Pattern {
            text,
            case_sensitive,
            bounds,
        }
    }
}

fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends `text` lower-cased character by character (`char::to_lowercase`, so
/// every query and text fold alike). Runs of ASCII, most of any text, are copied
/// and lowered in place, which the compiler does many bytes at a time.
fn fold_into(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
            rest = chars.as_str();
        }
    }
}

/// Lower-cased text with, for each of its byte offsets, the offset in the original,
/// so matches map back even where lower-casing changes a character's length (`İ`).
struct Folded {
    text: String,
    map: Vec<usize>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            for lower in c.to_lowercase() {
                for _ in 0..lower.len_utf8() {
                    map.push(at);
                }
                text.push(lower);
            }
        }
        map.push(original.len());
        Folded { text, map }
    }
}

fn stands(text: &str, range: &Range<usize>, bounds: Bounds) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text[..range.start].chars().next_back();
    let mut after = text[range.end..].chars();
    match bounds {
        Bounds::Anywhere => true,
        Bounds::Word => !word_char(before) && !word_char(after.next()),
        Bounds::WordOrPlural => {
            let next = after.next();
            !word_char(before)
                && (!word_char(next) || (next == Some('s') && !word_char(after.next())))
        }
    }
}

/// Other names a briefing may use for a nation: demonyms and common short forms.
pub fn demonyms(code: &str) -> &'static [&'static str] {
    match code {
        "AU" => &["Australian", "Aussie"],
        "CA" => &["Canadian"],
        "CN" => &["Chinese", "PRC"],
        "DE" => &["German"],
        "ES" => &["Spanish", "Spaniard"],
        "FR" => &["French"],
        "GB" => &["British", "Britain", "UK", "U.K."],
        "IL" => &["Israeli"],
        "IN" => &["Indian"],
        "IR" => &["Iranian"],
        "IT" => &["Italian"],
        "JP" => &["Japanese"],
        "KP" => &["North Korean", "DPRK"],
        "KR" => &["South Korean", "Korean"],
        "NL" => &["Dutch"],
        "NO" => &["Norwegian"],
        "NZ" => &["New Zealander", "Kiwi"],
        "PL" => &["Polish", "Pole"],
        "RU" => &["Russian"],
        "SE" => &["Swedish", "Swede"],
        "UA" => &["Ukrainian"],
        "US" => &["American", "U.S.", "USA"],
        _ => &[],
    }
}

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
            Spot::Comment(c) => ItemRef::Comment(b.comments.get(c)?.id.clone()),
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
        each(Spot::Comment(i), c.line, &[&c.text, author]);
    }
}

/// Every item of `b` that matches, in the briefing's order. An item matches
/// through its own text, its speaker, role or author, or the note on it.
pub fn search(b: &Briefing, quote_order: &[usize], notes: &[Note], query: &Query) -> Vec<Found> {
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
            let down = match (k, query.find(text).first()) {
                (0, Some(at)) => text[..at.start].matches('\n').count(),
                _ => 0,
            };
            found.push(Found {
                context: context(text, query),
                spot,
                line: line + u32::try_from(down).unwrap_or(0),
            });
        }
    });
    found
}

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
        let [pattern] = query.patterns.as_slice() else {
            return None;
        };
        if pattern.case_sensitive || pattern.bounds != Bounds::Anywhere || pattern.text.is_empty() {
            return None;
        }
        let mut hits: Vec<Spot> = Vec::new();
        let mut last = None;
        for at in memchr::memmem::find_iter(self.folded.as_bytes(), pattern.text.as_bytes()) {
            let item = self.starts.partition_point(|&s| s <= at) - 1;
            if last != Some(item) {
                last = Some(item);
                hits.extend(Spot::nth(self.counts, item));
            }
        }
        Some(hits)
    }
}

/// The line of `text` holding the first match, cut to about 100 characters around it.
fn context(text: &str, query: &Query) -> String {
    let Some(first) = query.find(text).into_iter().next() else {
        return String::new();
    };
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
    fn lower_case_queries_ignore_case_and_capitals_make_it_matter() {
        assert_eq!(Query::typed("cspo").find("CSpO and cspo"), [0..4, 9..13]);
        assert_eq!(Query::typed("CSpO").find("CSpO and cspo"), vec![0..4]);
    }

    #[test]
    fn unicode_case_folding_maps_back_to_the_original_bytes() {
        let text = "İstanbul ÉTÉ été";
        let found = Query::typed("été").find(text);
        let words: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["ÉTÉ", "été"]);
        let found = Query::typed("stanbul").find(text);
        assert_eq!(&text[found[0].clone()], "stanbul");
    }

    #[test]
    fn codes_match_only_as_whole_words_with_case() {
        let lens = Query::any_of("Norway", &["Norway", "Norwegian"], &["NO"]);
        let text = "NO means Norway; no, NOW is not NO. Norwegians agree.";
        let words: Vec<&str> = lens.find(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["NO", "Norway", "NO", "Norwegian"]);
        let uk = Query::any_of("United Kingdom", &["UK"], &[]);
        assert!(uk.matches("the UK’s Chief") && !uk.matches("AUKUS Pillar II"));
    }

    #[test]
    fn the_index_finds_what_a_full_search_finds() {
        let shape = crate::generate::Shape {
            comments: 500,
            ..crate::generate::Shape::small(11)
        };
        let b = crate::briefing::parse(&crate::generate::briefing(shape), "t")
            .expect("loads")
            .briefing;
        let order: Vec<usize> = b
            .speakers
            .iter()
            .flat_map(|s| s.quotes.iter().copied())
            .collect();
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

    #[test]
    fn folding_is_char_by_char_lower_case_whatever_the_mix_of_ascii() {
        for text in [
            "",
            "ABC",
            "É",
            "aÉb",
            "İstanbul",
            "KELVIN \u{212A}",
            "ΣΑΣ",
            "x宇宙Y",
        ] {
            let slow: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(fold(text), slow, "{text}");
        }
    }

    #[test]
    fn spots_and_items_name_each_other() {
        let b = crate::briefing::parse(crate::briefing::BUNDLED, "t")
            .expect("loads")
            .briefing;
        let order: Vec<usize> = b
            .speakers
            .iter()
            .flat_map(|s| s.quotes.iter().copied())
            .collect();
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
