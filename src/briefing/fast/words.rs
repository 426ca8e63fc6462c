//! The comments' words, from where the parser left them to one buffer end to
//! end (`Texts`). Most are slices of the file's text, so they are moved back
//! along that text rather than copied out of it: the file and a copy of every
//! comment are never held at once (on a 23 MB file the copies were 13 MB).

use std::borrow::Cow;

use crate::briefing::Texts;

/// Each comment's words as the parser gave them, in row order: a slice of the
/// file's text, or a string of their own where the file does not spell them
/// out as they are (an escape, a folded line, a character cleaned).
#[derive(Default)]
pub(super) struct Words<'de>(pub(super) Vec<Cow<'de, str>>);

impl Words<'_> {
    /// The words copied end to end, leaving the file's text as it is.
    pub(super) fn copied(&self) -> Texts {
        self.0.iter().map(|words| &**words).collect()
    }

    /// Where each comment's words are in `text`, the file's text they were
    /// parsed from, or their own string: held apart from `text`, so that it can
    /// be given up.
    pub(super) fn placed(self, text: &str) -> Placed {
        let base = text.as_ptr() as usize;
        let within = |s: &str| {
            let at = (s.as_ptr() as usize).checked_sub(base)?;
            let start = u32::try_from(at).ok()?;
            let len = u32::try_from(s.len()).ok()?;
            (at + s.len() <= text.len()).then_some(Piece::File { start, len })
        };
        let pieces = self.0.into_iter().map(|words| match words {
            Cow::Borrowed(s) => within(s).unwrap_or_else(|| Piece::Own(s.to_owned())),
            Cow::Owned(s) => Piece::Own(s),
        });
        Placed(pieces.collect())
    }
}

/// A comment's words once nothing borrows the file's text.
enum Piece {
    /// `len` bytes of the file's text from `start`.
    File { start: u32, len: u32 },
    /// Words the file does not spell out as they are.
    Own(String),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::File { len, .. } => *len as usize,
            Piece::Own(s) => s.len(),
        }
    }
}

/// `Words`, placed.
pub(super) struct Placed(Vec<Piece>);

impl Placed {
    /// Every comment's words end to end, made of the file's `text` itself:
    /// each slice moves back over text already read. Copied instead where a
    /// slice would be overwritten before it moved (words given before the
    /// replies they head, an alias). `None` only if the result is not text,
    /// which does not happen; the caller then reads the file again.
    pub(super) fn lay_out(self, text: String) -> Option<Texts> {
        if !self.moves_back() {
            return Some(self.copied_from(&text));
        }
        let mut bytes = text.into_bytes();
        let mut ends = Vec::with_capacity(self.0.len());
        let mut to = 0;
        for piece in &self.0 {
            let end = to + piece.len();
            match piece {
                Piece::File { start, .. } => {
                    let start = *start as usize;
                    bytes.copy_within(start..start + piece.len(), to);
                }
                Piece::Own(s) => {
                    // Only the last pieces can reach past the text's end.
                    if bytes.len() < end {
                        bytes.resize(end, 0);
                    }
                    bytes[to..end].copy_from_slice(s.as_bytes());
                }
            }
            ends.push(u32::try_from(end).ok()?);
            match bytes.get_mut(end) {
                Some(b) => *b = 0,
                None => bytes.push(0),
            }
            to = end + 1;
        }
        bytes.truncate(to);
        bytes.shrink_to_fit();
        Texts::from_parts(String::from_utf8(bytes).ok()?, ends)
    }

    /// Whether every slice of the file's text starts at or after where its
    /// words go, so that laying them out in order writes only over what has
    /// already moved: then no slice is overwritten before its turn.
    fn moves_back(&self) -> bool {
        let mut to = 0;
        self.0.iter().all(|piece| {
            let back = match piece {
                Piece::File { start, .. } => *start as usize >= to,
                Piece::Own(_) => true,
            };
            to += piece.len() + 1;
            back
        })
    }

    /// The words copied end to end out of `text`, sized once: the file's text
    /// is still held, and a buffer doubling as it fills would hold more.
    fn copied_from(&self, text: &str) -> Texts {
        let bytes = self.0.iter().map(|p| p.len() + 1).sum();
        let mut texts = Texts::with_capacity(self.0.len(), bytes);
        for piece in &self.0 {
            match piece {
                Piece::File { start, len } => {
                    texts.push(&text[*start as usize..(*start + *len) as usize]);
                }
                Piece::Own(s) => texts.push(s),
            }
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as the parser would give them for `text`: each `(at, len)` a slice
    /// of it, each other string its own.
    fn words<'a>(text: &'a str, given: &[Result<(usize, usize), &str>]) -> Words<'a> {
        Words(
            given
                .iter()
                .map(|g| match *g {
                    Ok((at, len)) => Cow::Borrowed(&text[at..at + len]),
                    Err(own) => Cow::Owned(own.to_owned()),
                })
                .collect(),
        )
    }

    fn laid_out(text: &str, given: &[Result<(usize, usize), &str>]) -> Vec<String> {
        let placed = words(text, given).placed(text);
        let texts = placed.lay_out(text.to_owned()).expect("text");
        (0..texts.len())
            .filter_map(|i| texts.get(i).map(str::to_owned))
            .collect()
    }

    #[test]
    fn slices_move_back_along_the_text_and_own_strings_fill_in_between() {
        let text = "- text: one\n- text: \"t\\u0077o\"\n- text: three\n";
        let got = laid_out(text, &[Ok((8, 3)), Err("two"), Ok((39, 5))]);
        assert_eq!(got, ["one", "two", "three"]);
    }

    #[test]
    fn words_out_of_the_text_s_order_are_copied_and_still_right() {
        let text = "aaaa bbbb cccc";
        // The second slice lies before where it would go: moving it in place
        // would read what the first one overwrote.
        assert_eq!(laid_out(text, &[Ok((5, 4)), Ok((0, 4))]), ["bbbb", "aaaa"]);
        assert_eq!(laid_out(text, &[Ok((0, 4)), Ok((0, 4))]), ["aaaa", "aaaa"]);
    }

    #[test]
    fn words_may_run_to_the_text_s_end_or_past_it() {
        let text = "x: ab";
        assert_eq!(laid_out(text, &[Ok((3, 2))]), ["ab"]);
        assert_eq!(
            laid_out(text, &[Ok((3, 2)), Err("longer than the text")]),
            ["ab", "longer than the text"]
        );
        assert_eq!(laid_out("", &[]), Vec::<String>::new());
    }

    #[test]
    fn a_briefing_as_brief_writes_it_is_laid_out_in_its_own_text() {
        let shape = crate::generate::Shape {
            comments: 300,
            ..crate::generate::Shape::small(3)
        };
        let text = crate::generate::briefing(shape);
        let raw = super::super::typed(&text, serde_saphyr::Options::default())
            .expect("within budget")
            .expect("the fast road takes it");
        let placed = raw.comments.expect("comments").words.placed(&text);
        let in_text = placed
            .0
            .iter()
            .filter(|p| matches!(p, Piece::File { .. }))
            .count();
        assert!(in_text > 250, "{in_text} of 300 are slices of the text");
        assert!(placed.moves_back(), "laid out in place, not copied");
    }

    #[test]
    fn a_slice_not_of_the_text_is_kept_as_its_own_string() {
        let other = String::from("elsewhere");
        let placed = Words(vec![Cow::Borrowed(other.as_str())]).placed("the file");
        let texts = placed.lay_out("the file".to_owned()).expect("text");
        assert_eq!(texts.get(0), Some("elsewhere"));
    }
}
