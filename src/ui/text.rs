//! Fitting text to cells: wrapping and truncating by display width, so double-width
//! and combining characters never split or spill past a pane's edge.

use crate::search::Query;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Appends `text` wrapped to `width`, the first line after `first`, the rest after `rest`.
pub fn wrap_into(
    out: &mut Vec<Line<'static>>,
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    style: Style,
) {
    out.extend(
        wrap(text, width, first, rest)
            .into_iter()
            .map(|line| Line::from(Span::styled(line, style))),
    );
}

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
/// textwrap's first-fit algorithm does the wrapping, but over words measured as the
/// terminal draws them (unicode-width on whole graphemes): textwrap's own measure
/// counts an emoji with a presentation selector (`🛰️`) one column short.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_line(text, width, first, rest, |indent, pieces| {
        let mut line = String::from(indent);
        for (k, piece) in pieces.iter().enumerate() {
            line.push_str(piece.text);
            if k + 1 < pieces.len() {
                line.push_str(piece.space);
            }
        }
        out.push(line);
    });
    out
}

/// How many lines `wrap` gives, without building them: laying out a long summary
/// needs only the heights of the paragraphs off screen.
pub fn wrapped_height(text: &str, width: usize, first: &str, rest: &str) -> usize {
    let mut lines = 0;
    each_line(text, width, first, rest, |_, _| lines += 1);
    lines
}

/// Calls `line` with the indent and the words of each line of `text` wrapped.
fn each_line(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    mut line: impl FnMut(&str, &[Piece]),
) {
    let width = width.max(1);
    let mut started = false;
    for paragraph in text.split('\n') {
        let indent = if started { rest } else { first };
        started = true;
        let widths = [
            width.saturating_sub(indent.width()).max(1) as f64,
            width.saturating_sub(rest.width()).max(1) as f64,
        ];
        let pieces = pieces(paragraph, widths[1] as usize);
        if pieces.is_empty() {
            line(indent, &[]);
            continue;
        }
        for (n, words) in wrap_first_fit(&pieces, &widths).into_iter().enumerate() {
            line(if n == 0 { indent } else { rest }, words);
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

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.space.width() as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of one line, with words wider than `max` cut by grapheme.
fn pieces(line: &str, max: usize) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for word in WordSeparator::AsciiSpace.find_words(line) {
        let (text, space) = (word.word, word.whitespace);
        let width = text.width();
        if width <= max {
            out.push(Piece { text, space, width });
            continue;
        }
        let mut start = 0;
        let mut used = 0;
        for (at, grapheme) in text.grapheme_indices(true) {
            let w = grapheme.width();
            if used + w > max && at > start {
                out.push(Piece {
                    text: &text[start..at],
                    space: "",
                    width: used,
                });
                start = at;
                used = 0;
            }
            used += w;
        }
        out.push(Piece {
            text: &text[start..],
            space,
            width: used,
        });
    }
    out
}

/// The first line of `text`, cut to `width` columns with `…` where anything is left out.
pub fn truncate(text: &str, width: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    let more_lines = text.trim_end().len() > line.len();
    if line.width() <= width && !more_lines {
        return line.to_owned();
    }
    let budget = width.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for grapheme in line.graphemes(true) {
        let w = grapheme.width();
        if used + w > budget {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("one\ntwo", 10), "one…");
    }

    #[test]
    fn truncate_never_splits_a_wide_character() {
        // Each ideograph takes two columns.
        assert_eq!(truncate("宇宙安全保障", 5), "宇宙…");
    }

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
                    wrapped_height(text, width, first, rest),
                    wrap(text, width, first, rest).len(),
                    "at {width} with {first:?}"
                );
            }
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
