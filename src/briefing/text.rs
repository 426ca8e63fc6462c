//! Making briefing text safe to put on a terminal.
//!
//! Text from a briefing is somebody else's: it must never move the cursor, change
//! colours or retitle the terminal. Every string is cleaned once, at load, so no
//! view can forget to.

use std::borrow::Cow;

/// Replaces control and direction-changing characters with visible stand-ins.
///
/// C0 controls become their Control Pictures (`␛` for ESC), DEL becomes `␡`, C1
/// controls, bidirectional overrides and invisible characters (zero-width space,
/// word joiner, BOM) become `�`. Newlines stay; tabs become
/// four spaces so that every character has a known width.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if needs_replacing(c) => out.push(stand_in(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `clean` for a string already owned: returned as it is when nothing needs replacing.
pub fn clean_owned(text: String) -> String {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

fn needs_replacing(c: char) -> bool {
    match c {
        '\n' => false,
        '\t' => true,
        c => c.is_control() || is_bidi_control(c) || is_invisible(c),
    }
}

/// The embeddings, overrides and isolates that reorder text on screen
/// (Unicode's "Trojan Source" set, CVE-2021-42574).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that take no room and show nothing, so text can hide in them. The
/// zero-width joiner and non-joiner stay: emoji sequences and several scripts
/// need them, and they move nothing on screen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}'
    )
}

fn stand_in(c: char) -> char {
    match c as u32 {
        // U+2400 CONTROL PICTURES mirror C0 one for one.
        n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            clean("Florence, Italy 🤔"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(clean("a\x1b[31mred\x07"), "a␛[31mred␇");
        assert_eq!(clean("\x1b]0;title\x1b\\"), "␛]0;title␛\\");
    }

    #[test]
    fn c1_del_and_bidi_overrides_are_replaced() {
        assert_eq!(clean("x\u{9b}y\u{7f}z\u{202e}w"), "x\u{fffd}y␡z\u{fffd}w");
    }

    #[test]
    fn invisible_characters_show_but_joiners_stay() {
        assert_eq!(
            clean("a\u{200b}b\u{feff}c\u{2060}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(clean("👩\u{200d}🚀"), "👩\u{200d}🚀");
    }

    #[test]
    fn newlines_stay_and_tabs_become_spaces() {
        assert_eq!(clean("a\tb\nc\r"), "a    b\nc␍");
    }
}
