//! Every comment's words in one buffer, end to end: a hundred thousand comments
//! are one allocation, not a hundred thousand (each with its allocator's header
//! and a pointer in its row), and a search scans them in one pass.

/// The comments' texts in order, each followed by a NUL. No text holds a NUL
/// (control characters are cleaned on arrival) and no query can type one, so a
/// match never runs from one comment into the next.
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

    /// The text holding byte `at` of `all`, or the NUL after it.
    pub fn index_at(&self, at: usize) -> usize {
        self.ends.partition_point(|&end| (end as usize) < at)
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

    /// A place in `all`: a briefing is refused long before 4 GB (`Limits`).
    fn offset(at: usize) -> u32 {
        u32::try_from(at).unwrap_or(u32::MAX)
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
            .map(|at| texts.index_at(at))
            .collect();
        assert_eq!(
            &holding[..8],
            [0, 0, 0, 0, 0, 0, 1, 2],
            "first, its NUL, the empty one"
        );
        assert_eq!(texts.all(), "first\0\0café ☕\0last\0");
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
