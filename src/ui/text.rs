//! Fitting text to cells: wrapping and truncating by display width, so double-width
//! and combining characters never split or spill past a pane's edge.

pub use super::truncate::{first_lines, fit, truncate, truncate_parts};
use crate::app::LineMarks;
use crate::search::Query;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::ControlFlow;

use textwrap::WordSeparator;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Marks what `query` matches in `lines` with `style`, span by span, so a match
/// keeps the colours around it. A match split across two spans is not marked.
pub fn mark(lines: &mut [Line<'static>], query: Option<&Query>, style: Style) {
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return;
    };
    for line in lines {
        let spans = std::mem::take(&mut line.spans);
        for span in spans {
            let found = query.find(&span.content);
            if found.is_empty() {
                line.spans.push(span);
                continue;
            }
            let text = span.content.into_owned();
            let mut at = 0;
            for range in found {
                if range.start > at {
                    line.spans
                        .push(Span::styled(text[at..range.start].to_owned(), span.style));
                }
                line.spans.push(Span::styled(
                    text[range.clone()].to_owned(),
                    span.style.patch(style),
                ));
                at = range.end;
            }
            if at < text.len() {
                line.spans
                    .push(Span::styled(text[at..].to_owned(), span.style));
            }
        }
    }
}

/// `text` wrapped to `width` columns, with indents on the first and later lines.
///
/// First fit (as textwrap's `wrap_first_fit`), over words measured as the terminal
/// draws them (unicode-width on whole graphemes): textwrap's own measure counts an
/// emoji with a presentation selector (`🛰️`) one column short.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_window(text, width, first, rest, 0, usize::MAX)
}

/// Lines `skip..skip + take` of `text` wrapped as `wrap` does, building only
/// those and reading no further than the last: a 10 MB comment costs a screenful.
pub fn wrap_window(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    skip: usize,
    take: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = 0usize;
    each_line(text, width, first, rest, |indent, pieces, _| {
        seen += 1;
        if seen <= skip {
            return ControlFlow::Continue(());
        }
        if out.len() == take {
            return ControlFlow::Break(());
        }
        let mut line = String::from(indent);
        for (k, piece) in pieces.iter().enumerate() {
            line.push_str(piece.text);
            if k + 1 < pieces.len() {
                line.push_str(piece.space);
            }
        }
        out.push(line);
        ControlFlow::Continue(())
    });
    out
}

/// How many lines `wrap` gives, without building them, counting no further than
/// `cap`: whether an item fits on a screen needs its height only up to the screen's.
pub fn wrapped_height_upto(text: &str, width: usize, first: &str, rest: &str, cap: usize) -> usize {
    let mut lines = 0;
    each_line(text, width, first, rest, |_, _, _| {
        lines += 1;
        if lines >= cap {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    lines
}

/// How many lines apart `LineMarks` keeps its marks.
const MARK_EVERY: usize = 64;

/// Wraps `text` once, as `wrap` would, keeping its length and where every
/// `MARK_EVERY`th line starts.
pub fn line_marks(text: &str, width: usize, first: &str, rest: &str) -> LineMarks {
    let (mut lines, mut marks) = (0, Vec::new());
    each_line(text, width, first, rest, |_, _, start| {
        if lines % MARK_EVERY == 0 {
            marks.push(start);
        }
        lines += 1;
        ControlFlow::Continue(())
    });
    LineMarks { lines, marks }
}

/// `wrap_window` of the text `marks` was made from (same width and indents),
/// wrapping from the nearest mark instead of from the top.
pub fn window_from(
    marks: &LineMarks,
    text: &str,
    width: usize,
    (first, rest): (&str, &str),
    skip: usize,
    take: usize,
) -> Vec<String> {
    let k = (skip / MARK_EVERY).min(marks.marks.len().saturating_sub(1));
    match marks
        .marks
        .get(k)
        .and_then(|&at| Some((at, text.get(at..)?)))
    {
        // Every line after the first is indented with `rest`, and first fit
        // starts each line afresh: from a line's start the rest wraps alike.
        Some((at, tail)) if at > 0 => {
            wrap_window(tail, width, rest, rest, skip - k * MARK_EVERY, take)
        }
        _ => wrap_window(text, width, first, rest, skip, take),
    }
}

/// Calls `line` with the indent and the words of each line of `text` wrapped, in
/// order, until it breaks. Words stream from the text as lines fill, so stopping
/// early reads no further.
fn each_line(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    mut line: impl FnMut(&str, &[Piece], usize) -> ControlFlow<()>,
) {
    let width = width.max(1);
    let base = text.as_ptr() as usize;
    // Where a line starts in `text`: its first word, or its paragraph when empty.
    let start = |words: &[Piece], paragraph: &str| {
        words
            .first()
            .map_or(paragraph.as_ptr(), |w| w.text.as_ptr()) as usize
            - base
    };
    let mut words: Vec<Piece> = Vec::new();
    for (p, paragraph) in text.split('\n').enumerate() {
        let indent = if p == 0 { first } else { rest };
        let widths = [
            width.saturating_sub(indent.width()).max(1),
            width.saturating_sub(rest.width()).max(1),
        ];
        let mut n = 0;
        let mut used = 0;
        words.clear();
        let flow = each_piece(paragraph, widths[1], |piece| {
            let room = widths[n.min(1)];
            if used + piece.width > room && !words.is_empty() {
                line(
                    if n == 0 { indent } else { rest },
                    &words,
                    start(&words, paragraph),
                )?;
                n += 1;
                used = 0;
                words.clear();
            }
            used += piece.width + piece.space.width();
            words.push(piece);
            ControlFlow::Continue(())
        });
        let indent = if n == 0 { indent } else { rest };
        if flow.is_break() || line(indent, &words, start(&words, paragraph)).is_break() {
            return;
        }
    }
}

/// A word (or a slice of one too long for a line) and the space after it.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    space: &'a str,
    width: usize,
}

/// Calls `piece` with each word of one line of text, in order; a word wider than
/// `max` is cut by grapheme into slices that fit.
fn each_piece<'a>(
    line: &'a str,
    max: usize,
    mut piece: impl FnMut(Piece<'a>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for word in WordSeparator::AsciiSpace.find_words(line) {
        let (text, space) = (word.word, word.whitespace);
        let width = text.width();
        if width <= max {
            piece(Piece { text, space, width })?;
            continue;
        }
        let mut start = 0;
        let mut used = 0;
        for (at, grapheme) in text.grapheme_indices(true) {
            let w = grapheme.width();
            if used + w > max && at > start {
                piece(Piece {
                    text: &text[start..at],
                    space: "",
                    width: used,
                })?;
                start = at;
                used = 0;
            }
            used += w;
        }
        piece(Piece {
            text: &text[start..],
            space,
            width: used,
        })?;
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_with_a_presentation_selector_never_overflows() {
        let text = "debris 🛰️ norms budget 🛰️ station 🛰️ orbit";
        for width in 5..30 {
            for line in wrap(text, width, "", "") {
                assert!(line.width() <= width, "{line:?} is wider than {width}");
            }
        }
    }

    #[test]
    fn words_are_not_split_when_an_emoji_precedes_them() {
        let text = "doctrine réseau exercise 🛰️ réseau satellite policy über";
        let lines = wrap(text, 30, "", "");
        assert!(lines.iter().all(|l| !l.ends_with("übe")), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.ends_with("über") || l.contains("über ")),
            "{lines:?}"
        );
    }

    #[test]
    fn indents_and_hard_line_breaks_are_kept() {
        assert_eq!(
            wrap("a b c d\n\ne f", 5, "• ", "  "),
            ["• a b", "  c d", "  ", "  e f"]
        );
    }

    #[test]
    fn the_height_is_the_number_of_lines_wrapped() {
        let text = "宇宙安全保障 debris 🛰️ norms\n\nbudget über réseau, and a longer line of words";
        for width in 1..40 {
            for (first, rest) in [("", ""), ("• ", "  "), ("✎ ", "  ")] {
                assert_eq!(
                    line_marks(text, width, first, rest).lines,
                    wrap(text, width, first, rest).len(),
                    "at {width} with {first:?}"
                );
            }
        }
    }

    #[test]
    fn a_window_is_the_same_lines_as_the_whole_wrap() {
        let text = "宇宙安全保障 debris 🛰️ norms\n\nbudget über réseau, and a longer line of words";
        for width in 1..30 {
            let all = wrap(text, width, "• ", "  ");
            for skip in 0..all.len() + 2 {
                for take in 0..4 {
                    let expected: Vec<_> = all.iter().skip(skip).take(take).cloned().collect();
                    assert_eq!(wrap_window(text, width, "• ", "  ", skip, take), expected);
                }
            }
            assert_eq!(
                wrapped_height_upto(text, width, "", "", 3),
                all.len().min(3)
            );
        }
    }

    #[test]
    fn a_window_from_the_marks_is_the_window_from_the_top() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!(
                "word{i} 宇宙安全保障 🛰️ a-very-long-word-that-must-be-cut{i} "
            ));
            if i % 37 == 0 {
                text.push_str("\n\n");
            }
        }
        for width in [1, 7, 13, 40] {
            let marks = line_marks(&text, width, "• ", "  ");
            let all = wrap(&text, width, "• ", "  ");
            assert_eq!(marks.lines, all.len());
            for skip in (0..all.len() + 3).step_by(17) {
                let expected: Vec<_> = all.iter().skip(skip).take(5).cloned().collect();
                assert_eq!(
                    window_from(&marks, &text, width, ("• ", "  "), skip, 5),
                    expected,
                    "width {width}, skip {skip}"
                );
            }
        }
    }

    #[test]
    fn first_fit_matches_textwrap_on_plain_words() {
        let text = "the quick brown fox jumps over the lazy dog again and again, said nobody";
        for width in 3..40 {
            let ours = wrap(text, width, "", "");
            let theirs: Vec<String> = textwrap::wrap(
                text,
                textwrap::Options::new(width)
                    .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                    .word_separator(WordSeparator::AsciiSpace)
                    .break_words(true),
            )
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
            assert_eq!(ours, theirs, "at {width}");
        }
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_by_grapheme() {
        assert_eq!(wrap("宇宙安全保障", 5, "", ""), ["宇宙", "安全", "保障"]);
    }

    #[test]
    fn wrap_counts_display_width() {
        for line in wrap("宇宙安全保障について議論した", 7, "", "") {
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= 7,
                "{line}"
            );
        }
    }
}
