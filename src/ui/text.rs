//! Fitting text to cells: wrapping and truncating by display width, so double-width
//! and combining characters never split or spill past a pane's edge.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
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

/// `text` wrapped to `width` columns, with indents on the first and later lines.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(1);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    let mut out = Vec::new();
    for line in textwrap::wrap(text, options) {
        split_to_width(&line, width, &mut out);
    }
    out
}

/// textwrap measures character by character, so an emoji with a presentation
/// selector (`🛰️`) counts one column short of what the terminal draws. Lines that
/// come out too wide are cut again by grapheme, measured as the terminal does.
fn split_to_width(line: &str, width: usize, out: &mut Vec<String>) {
    if line.width() <= width {
        out.push(line.to_owned());
        return;
    }
    let mut current = String::new();
    let mut used = 0;
    for grapheme in line.graphemes(true) {
        let w = grapheme.width();
        if used + w > width && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push_str(grapheme);
        used += w;
    }
    out.push(current);
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
    fn wrap_counts_display_width() {
        for line in wrap("宇宙安全保障について議論した", 7, "", "") {
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= 7,
                "{line}"
            );
        }
    }
}
