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
    if !needs_cleaning(text) {
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

/// How many characters of someone else's text a message repeats.
pub const ECHO_CHARS: usize = 60;

/// Text from outside (a value, a key, an argument, a path) as a message repeats
/// it: cleaned, on one line, and cut to `ECHO_CHARS` characters with `…`, so a
/// 5,000-character code or a hostile escape sequence stays a readable message.
pub fn echo(text: &str) -> String {
    let cleaned = clean(text);
    let mut chars = cleaned.chars().map(|c| if c == '\n' { '␤' } else { c });
    let mut out: String = chars.by_ref().take(ECHO_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Whether `text` holds a character that `clean` replaces. Nearly all text holds
/// none, and every such character starts with one of a few bytes, so the bytes are
/// looked at first, 32 at a time in a loop the compiler turns into vector
/// compares, and a character is decoded only where one of those bytes starts it.
/// Every string of a briefing passes here at load: on the comments of a 23 MB
/// file, with an emoji in most, this takes half the time of decoding every character.
fn needs_cleaning(text: &str) -> bool {
    const CHUNK: usize = 32;
    text.as_bytes()
        .chunks(CHUNK)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().fold(false, |hit, &b| hit | may_start(b)))
        .any(|(n, chunk)| {
            chunk.iter().enumerate().any(|(i, &b)| {
                // A byte `may_start` takes is ASCII or a leading byte: a boundary.
                may_start(b)
                    && text
                        .get(n * CHUNK + i..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(needs_replacing)
            })
        })
}

/// Whether a character starting with byte `b` may need replacing: C0 controls but
/// the newline, DEL, and the leading bytes of C1 controls (C2), U+061C (D8),
/// U+180E (E1), U+200B to U+2069 (E2) and U+FEFF (EF).
fn may_start(b: u8) -> bool {
    (b < 0x20 && b != b'\n') | matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF)
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
    use super::{ECHO_CHARS, clean, echo};

    #[test]
    fn an_echo_is_clean_one_line_and_cut_with_a_mark() {
        assert_eq!(echo("UK"), "UK");
        assert_eq!(echo("a\x1b]0;X\x07\nb"), "a␛]0;X␇␤b");
        let long = echo(&"é".repeat(5_000));
        assert_eq!(long.chars().count(), ECHO_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(echo(&"x".repeat(ECHO_CHARS)), "x".repeat(ECHO_CHARS));
    }

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
    fn the_byte_scan_finds_every_character_there_is_to_replace() {
        // Every character, at every offset of a 32-byte chunk and across its edge.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = super::needs_replacing(c);
            for pad in [0, 1, 31, 33] {
                let text = format!("{}{c}é", "a".repeat(pad));
                assert_eq!(
                    super::needs_cleaning(&text),
                    expected,
                    "{:#x} after {pad}",
                    c as u32
                );
            }
        }
        assert!(!super::needs_cleaning("über 安全 👩\u{200d}🚀 🛰️ — ’ …\n"));
    }

    #[test]
    fn newlines_stay_and_tabs_become_spaces() {
        assert_eq!(clean("a\tb\nc\r"), "a    b\nc␍");
    }
}
