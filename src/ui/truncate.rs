//! Cutting a line to a width: by grapheme and display width, with `…` where
//! anything is left out, reading no further than what fits.

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
