//! What a search looks for and where it matches in one text: smart case,
//! Unicode lower-casing mapped back to the original bytes, and word bounds for
//! the nations lens. Knows nothing of briefings.

use std::cell::OnceCell;
use std::ops::Range;

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The text, already folded to lower case when the match ignores case.
    pub(super) text: String,
    /// Whether case must match.
    pub(super) case_sensitive: bool,
    /// Where the match may stand.
    pub(super) bounds: Bounds,
}

/// Where a match may stand in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bounds {
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
    pub(super) patterns: Vec<Pattern>,
}

impl Query {
    /// A query as typed: case matters only when it holds a capital letter (smart case).
    pub fn typed(text: &str) -> Query {
        let case_sensitive = text.chars().any(char::is_uppercase);
        // Nothing typed (or only spaces) looks for nothing, rather than matching
        // everything.
        let patterns = if text.trim().is_empty() {
            Vec::new()
        } else {
            vec![Pattern::new(text, case_sensitive, Bounds::Anywhere)]
        };
        Query {
            label: text.to_owned(),
            patterns,
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
        self.find_folded(haystack, &OnceCell::new())
    }

    /// `find`, with `haystack` folded once into `folded` when first needed.
    fn find_folded(&self, haystack: &str, folded: &OnceCell<Folded>) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        for pattern in &self.patterns {
            let (hay, folded) = if pattern.case_sensitive {
                (haystack, None)
            } else {
                let f = folded.get_or_init(|| Folded::new(haystack));
                (f.text.as_str(), Some(f))
            };
            for (at, m) in hay.match_indices(pattern.text.as_str()) {
                let range = match folded {
                    Some(f) => f.original(at)..f.original(at + m.len()),
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

    /// The lines of `text`, numbered from 0, where a pattern stands, bounds
    /// not yet looked at: every line `matches` is true of is among them, and a
    /// whole file is folded once to find them, not once a line.
    pub fn lines_holding(&self, text: &str) -> Vec<usize> {
        let folded = OnceCell::new();
        let mut lines = Vec::new();
        for pattern in self.patterns.iter().filter(|p| !p.text.is_empty()) {
            let hay = if pattern.case_sensitive {
                text
            } else {
                folded.get_or_init(|| fold(text))
            };
            // Lower-casing makes no newline and takes none: lines count alike.
            let (mut line, mut counted) = (0, 0);
            for at in memchr::memmem::find_iter(hay.as_bytes(), pattern.text.as_bytes()) {
                line += memchr::memchr_iter(b'\n', &hay.as_bytes()[counted..at]).count();
                counted = at;
                lines.push(line);
            }
        }
        lines.sort_unstable();
        lines.dedup();
        lines
    }

    /// Whether `haystack` matches anywhere.
    pub fn matches(&self, haystack: &str) -> bool {
        // Most texts hold none of the patterns anywhere: say so before working out
        // where matches stand.
        let folded = OnceCell::new();
        let somewhere = self.patterns.iter().any(|p| {
            if p.case_sensitive {
                haystack.contains(p.text.as_str())
            } else {
                folded
                    .get_or_init(|| Folded::new(haystack))
                    .text
                    .contains(p.text.as_str())
            }
        });
        somewhere && !self.find_folded(haystack, &folded).is_empty()
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
/// and lowered in place, which the compiler does many bytes at a time. Whether
/// every character folded into one of as many bytes, so that each offset of the
/// folded text stands where it stood in `text`.
pub(super) fn fold_into(out: &mut String, text: &str) -> bool {
    let mut rest = text;
    let mut aligned = true;
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
            let lower = c.to_lowercase();
            let before = out.len();
            aligned &= lower.len() == 1;
            out.extend(lower);
            aligned &= out.len() - before == c.len_utf8();
            rest = chars.as_str();
        }
    }
    aligned
}

/// Lower-cased text with, where lower-casing changed a character's length
/// (`İ`), the offset in the original of each of its bytes, so matches map back.
struct Folded {
    text: String,
    /// `None` when every character folded into as many bytes: the offsets
    /// stand as they were.
    map: Option<Vec<usize>>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let aligned = fold_into(&mut text, original);
        let map = (!aligned).then(|| {
            let mut map = Vec::with_capacity(text.len() + 1);
            for (at, c) in original.char_indices() {
                let folded: usize = c.to_lowercase().map(char::len_utf8).sum();
                map.extend(std::iter::repeat_n(at, folded));
            }
            map.push(original.len());
            map
        });
        Folded { text, map }
    }

    /// Where byte `at` of the folded text stands in the original.
    fn original(&self, at: usize) -> usize {
        self.map.as_ref().map_or(at, |map| map[at])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_queries_ignore_case_and_capitals_make_it_matter() {
        assert_eq!(Query::typed("cspo").find("CSpO and cspo"), [0..4, 9..13]);
        assert_eq!(Query::typed("CSpO").find("CSpO and cspo"), vec![0..4]);
    }

    #[test]
    fn the_lines_holding_a_match_are_found_in_one_fold_of_the_whole_text() {
        let text = "İstanbul\nnothing\nÉté à Paris\n\nthe ÉTÉ ends";
        assert_eq!(Query::typed("été").lines_holding(text), [2, 4]);
        assert_eq!(Query::typed("Été").lines_holding(text), [2]);
        assert_eq!(Query::typed("stanbul").lines_holding(text), [0]);
        let lens = Query::any_of("Paris", &["paris"], &["ends"]);
        assert_eq!(lens.lines_holding(text), [2, 4]);
        assert!(Query::typed("moon").lines_holding(text).is_empty());
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
}
