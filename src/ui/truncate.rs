//! Cutting a line to a width: by grapheme and display width, with `…` where
//! anything is left out, reading no further than what fits.

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The first line of `text`, cut to `width` columns with `…` where anything is left out.
pub fn truncate(text: &str, width: usize) -> String {
    truncate_parts(&[text], width)
}

/// `truncate` of the parts written one after the other (`“`, a quote, `”`),
/// without joining them: it reads no further than the width, so a 10 MB line
/// costs what fits.
pub fn truncate_parts(parts: &[&str], width: usize) -> String {
    let budget = width.saturating_sub(1);
    let (mut out, mut used, mut kept) = (String::new(), 0, 0);
    let mut cut = false;
    'parts: for (p, part) in parts.iter().enumerate() {
        for (at, grapheme) in part.grapheme_indices(true) {
            if grapheme.contains('\n') {
                // Cut only when more than blank space follows the first line.
                let after = &part[at + grapheme.len()..];
                cut = !after.trim_end().is_empty()
                    || parts[p + 1..]
                        .iter()
                        .any(|rest| !rest.trim_end().is_empty());
                break 'parts;
            }
            let w = grapheme.width();
            if used + w > width {
                cut = true;
                break 'parts;
            }
            out.push_str(grapheme);
            used += w;
            if used <= budget {
                kept = out.len();
            }
        }
    }
    if cut {
        out.truncate(kept);
        if width > 0 {
            out.push('…');
        }
    }
    out
}

/// `line` cut to `width` columns, its styles kept, with `…` where anything is
/// left out; a line that fits comes back as it was.
pub fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let Line {
        spans,
        style,
        alignment,
    } = line;
    let mut kept = Vec::with_capacity(spans.len());
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if used + w < width {
            used += w;
            kept.push(span);
            continue;
        }
        // The span that crosses the edge, or ends on it with more to come: the
        // mark as one more part makes it cut either way.
        let cut = truncate_parts(&[&span.content, "…"], width - used);
        kept.push(Span::styled(cut, span.style));
        break;
    }
    Line {
        spans: kept,
        style,
        alignment,
    }
}

/// The first `count` of `lines`, the last one ending in `…` (within `width`)
/// when lines are left out.
pub fn first_lines(mut lines: Vec<String>, count: usize, width: usize) -> Vec<String> {
    if lines.len() > count {
        lines.truncate(count);
        if let Some(last) = lines.last_mut() {
            *last = truncate_parts(&[last, "…"], width.min(last.width() + 1));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_the_span_that_crosses_the_edge_and_keeps_styles() {
        use ratatui::style::Style;
        let bold = Style::new().bold();
        let line = Line::from(vec![
            Span::styled("Nations 1/10 ", bold),
            Span::raw("a long message"),
        ]);
        let cut = fit(line.clone(), 20);
        assert_eq!(cut.to_string(), "Nations 1/10 a long…");
        assert_eq!(cut.spans[0].style, bold);
        assert_eq!(cut.width(), 20);
        assert_eq!(
            fit(line.clone(), 27),
            line,
            "a line that fits is left alone"
        );
        assert_eq!(fit(line.clone(), 13).to_string(), "Nations 1/10…");
        assert_eq!(fit(line, 0).to_string(), "");
    }

    #[test]
    fn first_lines_marks_the_last_line_kept() {
        let lines = vec!["one two".to_owned(), "three".to_owned(), "four".to_owned()];
        assert_eq!(first_lines(lines.clone(), 3, 10), lines);
        assert_eq!(first_lines(lines.clone(), 2, 10), ["one two", "three…"]);
        assert_eq!(first_lines(lines, 1, 7), ["one tw…"]);
    }

    #[test]
    fn truncate_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("one\ntwo", 10), "one…");
    }

    #[test]
    fn truncating_parts_is_truncating_them_joined() {
        let cases = [
            "hello",
            "hello world",
            "one\ntwo",
            "one\n  ",
            "宇宙安全保障",
            "",
            "a\n\nb",
        ];
        for text in cases {
            for width in 0..14 {
                let joined = format!("“{text}”");
                let expected = if width == 0 {
                    truncate(&joined, 0)
                } else {
                    truncate(&joined, width)
                };
                assert_eq!(
                    truncate_parts(&["“", text, "”"], width),
                    expected,
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn truncate_never_splits_a_wide_character() {
        // Each ideograph takes two columns.
        assert_eq!(truncate("宇宙安全保障", 5), "宇宙…");
    }
}
