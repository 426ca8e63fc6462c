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
pub(super) fn fold_into(out: &mut String, text: &str) {
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
