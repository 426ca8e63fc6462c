//! Many strings in one buffer, end to end: a hundred thousand comments' words
//! or ids are one allocation, not a hundred thousand (each with its allocator's
//! header and a pointer in its row), and a search scans them in one pass.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Strings in order, each followed by a NUL. No comment's words hold a NUL
/// (control characters are cleaned on arrival) and no query can type one, so a
/// match never runs from one comment into the next. Written as a list of strings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    all: String,
    /// Where each text ends, its NUL.
    ends: Vec<u32>,
}

impl Texts {
    /// Room for `count` texts; `bytes` is a guess of their length, for one
    /// allocation where it is right.
    pub fn with_capacity(count: usize, bytes: usize) -> Texts {
        Texts {
            all: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    /// Adds the next comment's text.
    pub fn push(&mut self, text: &str) {
        self.all.push_str(text);
        self.ends.push(Self::offset(self.all.len()));
        self.all.push('\0');
    }

    /// Texts already laid out end to end: `all` holds each one followed by a NUL,
    /// the `n`th NUL at `ends[n]`. `None` if they are not.
    pub(crate) fn from_parts(all: String, ends: Vec<u32>) -> Option<Texts> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || all.as_bytes().get(end) != Some(&0) {
                return None;
            }
            start = end + 1;
        }
        (start == all.len()).then_some(Texts { all, ends })
    }

    /// The `i`th comment's text, if there are that many.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.range(i).map(|r| &self.all[r])
    }

    /// Where the `i`th text lies in `all`.
    pub fn range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize + 1,
        };
        Some(start..end)
    }

    /// The text holding byte `at` of `all`, or the NUL after it, looking from
    /// text `from` on (which must not be past it): a scan finding texts in order
    /// steps from one to the next in a few looks, doubling its stride, where
    /// halving all 100,000 ends each time missed the cache at every step.
    pub fn index_at(&self, at: usize, from: usize) -> usize {
        let from = from.min(self.ends.len());
        let ends = &self.ends[from..];
        let (mut low, mut stride) = (0, 1);
        while stride <= ends.len() && (ends[stride - 1] as usize) < at {
            low = stride;
            stride *= 2;
        }
        let high = stride.min(ends.len());
        from + low + ends[low..high].partition_point(|&end| (end as usize) < at)
    }

    /// Every text, each followed by a NUL.
    pub fn all(&self) -> &str {
        &self.all
    }

    /// How many texts.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each text, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// A place in `all`: a briefing is refused long before 4 GB (`Limits`).
    fn offset(at: usize) -> u32 {
        u32::try_from(at).unwrap_or(u32::MAX)
    }
}

impl<'a> FromIterator<&'a str> for Texts {
    fn from_iter<I: IntoIterator<Item = &'a str>>(texts: I) -> Texts {
        let mut all = Texts::default();
        for text in texts {
            all.push(text);
        }
        all
    }
}

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Texts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
                let mut all = Texts::default();
                while let Some(text) = seq.next_element::<std::borrow::Cow<str>>()? {
                    all.push(&text);
                }
                Ok(all)
            }
        }
        d.deserialize_seq(List)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_comes_back_as_it_went_in() {
        let mut texts = Texts::default();
        for t in ["first", "", "café ☕", "last"] {
            texts.push(t);
        }
        assert_eq!(texts.len(), 4);
        let back: Vec<&str> = (0..texts.len()).filter_map(|i| texts.get(i)).collect();
        assert_eq!(back, ["first", "", "café ☕", "last"]);
        assert_eq!(texts.get(4), None);
        let holding: Vec<usize> = (0..texts.all().len())
            .map(|at| texts.index_at(at, 0))
            .collect();
        assert_eq!(
            &holding[..8],
            [0, 0, 0, 0, 0, 0, 1, 2],
            "first, its NUL, the empty one"
        );
        for from in 0..4 {
            for (at, &text) in holding.iter().enumerate().filter(|(_, t)| **t >= from) {
                assert_eq!(
                    texts.index_at(at, from),
                    text,
                    "byte {at}, from text {from}"
                );
            }
        }
        assert_eq!(texts.index_at(texts.all().len(), 0), 4, "past the end");
        assert_eq!(texts.all(), "first\0\0café ☕\0last\0");
    }

    #[test]
    fn texts_are_written_and_read_as_a_list_of_strings() {
        let texts: Texts = ["c1", "c1.1", "with \"quotes\"", ""].into_iter().collect();
        let json = serde_json::to_string(&texts).expect("writes");
        assert_eq!(json, r#"["c1","c1.1","with \"quotes\"",""]"#);
        let back: Texts = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, texts);
        assert!(serde_json::from_str::<Texts>("[1]").is_err());
    }

    #[test]
    fn parts_are_taken_only_when_they_are_laid_out_end_to_end() {
        let made = |all: &str, ends: &[u32]| Texts::from_parts(all.into(), ends.to_vec());
        assert_eq!(
            made("a\0bc\0", &[1, 4]).and_then(|t| t.get(1).map(str::to_owned)),
            Some("bc".into())
        );
        assert!(made("a\0bc\0", &[1]).is_none(), "a text left over");
        assert!(
            made("a\0bc\0", &[2, 4]).is_none(),
            "an end that is not a NUL"
        );
        assert!(made("a\0bc\0", &[4, 1]).is_none(), "ends out of order");
        assert!(made("", &[]).is_some_and(|t| t.is_empty()));
    }
}
