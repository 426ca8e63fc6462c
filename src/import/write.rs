//! A draft as briefing YAML a person can read and edit: where it came from and
//! what to review at the top, the schema modeline, then the keys in the format's
//! order. Long text is folded at 80 columns; text that could be misread as
//! YAML is quoted, so the output always loads as the draft it came from.

use std::fmt::Write as _;

use super::{Comment, Draft};
use crate::briefing::FORMAT;

/// How wide folded text is written.
const WIDTH: usize = 80;

/// The draft as a briefing file.
pub fn to_yaml(draft: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `brief import` from {}.",
        one_line(&draft.origin)
    );
    if draft.review.is_empty() {
        let _ = writeln!(
            out,
            "# Nothing was guessed; check it against the article all the same."
        );
    } else {
        let _ = writeln!(out, "# Review before filing: what was guessed.");
        for item in &draft.review {
            let _ = writeln!(out, "#   - {}", one_line(item));
        }
    }
    let _ = writeln!(
        out,
        "# yaml-language-server: $schema=../assets/briefing.schema.json"
    );
    let _ = writeln!(out, "format: {FORMAT}");
    field(&mut out, 0, "id", &draft.id);
    field(&mut out, 0, "title", &draft.title);
    let s = &draft.source;
    let source = [
        ("publication", &s.publication),
        ("author", &s.author),
        ("author_bio", &s.author_bio),
        ("url", &s.url),
        ("published", &s.published),
    ];
    if source.iter().any(|(_, v)| v.is_some()) {
        out.push_str("source:\n");
        for (key, value) in source {
            if let Some(value) = value {
                field(&mut out, 2, key, value);
            }
        }
    }
    list(&mut out, "tags", &draft.tags);
    list(&mut out, "summary", &draft.summary);
    list(&mut out, "key_points", &draft.key_points);
    if !draft.nations.is_empty() {
        out.push_str("nations:\n");
        for (name, code) in &draft.nations {
            let _ = writeln!(out, "  - name: {}", inline(name));
            // Always quoted: `NO` would be read as a boolean by YAML 1.1 tools.
            let _ = writeln!(out, "    code: {}", quoted(code));
        }
    }
    if !draft.quotes.is_empty() {
        out.push_str("quotes:\n");
        for q in &draft.quotes {
            field_item(&mut out, 2, "speaker", &q.speaker);
            for (key, value) in [("role", &q.role), ("context", &q.context)] {
                if let Some(value) = value {
                    field(&mut out, 4, key, value);
                }
            }
            field(&mut out, 4, "text", &q.text);
        }
    }
    if let Some(n) = draft.comments_reported {
        let _ = writeln!(out, "comments_reported: {n}");
    }
    if !draft.comments.is_empty() {
        out.push_str("comments:\n");
        comments(&mut out, 2, &draft.comments);
    }
    out
}

fn comments(out: &mut String, indent: usize, list: &[Comment]) {
    for c in list {
        field_item(out, indent, "text", &c.text);
        for (key, value) in [("author", &c.author), ("posted", &c.posted)] {
            if let Some(value) = value {
                field(out, indent + 2, key, value);
            }
        }
        if !c.replies.is_empty() {
            let _ = writeln!(out, "{}replies:", " ".repeat(indent + 2));
            comments(out, indent + 4, &c.replies);
        }
    }
}

/// `key: value` at `indent`.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}: {}", scalar(value, indent + 2, WIDTH));
}

/// `- key: value`: the first field of a list item at `indent`.
fn field_item(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}- {key}: {}", scalar(value, indent + 4, WIDTH));
}

fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        let _ = writeln!(out, "  - {}", scalar(item, 4, WIDTH));
    }
}

/// A value as YAML: plain when it is short and cannot be misread, folded (`>-`)
/// when it is long prose, literal (`|-`) when it has line breaks, and quoted
/// otherwise. Block lines are indented by `indent`.
fn scalar(text: &str, indent: usize, width: usize) -> String {
    let pad = " ".repeat(indent);
    let blockable = !text.is_empty()
        && text.chars().all(is_printable)
        && !text.starts_with(' ')
        && !text.ends_with([' ', '\n'])
        && text
            .lines()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' '));
    if text.contains('\n') {
        if !blockable {
            return quoted(text);
        }
        let mut out = String::from("|-");
        for line in text.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
        }
        return out;
    }
    if text.chars().count() + indent <= width {
        return inline(text);
    }
    if !blockable || text.contains("  ") {
        return quoted(text);
    }
    let mut out = String::from(">-");
    let (mut line, mut chars) = (String::new(), 0);
    for word in text.split(' ') {
        let len = word.chars().count();
        if !line.is_empty() && chars + 1 + len + indent > width {
            let _ = write!(out, "\n{pad}{line}");
            line.clear();
            chars = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            chars += 1;
        }
        line.push_str(word);
        chars += len;
    }
    let _ = write!(out, "\n{pad}{line}");
    out
}

/// A short value on the key's line: plain where YAML reads it back as the same
/// string, quoted otherwise.
fn inline(text: &str) -> String {
    if is_plain(text) && text.chars().all(is_printable) {
        text.to_owned()
    } else {
        quoted(text)
    }
}

/// A double-quoted YAML string: JSON's escapes are YAML's, and what YAML does not
/// allow in a file at all (`U+FFFE`, `U+FFFF`) is escaped too.
fn quoted(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into());
    if json.chars().all(is_printable) {
        return json;
    }
    json.chars()
        .map(|c| {
            if is_printable(c) {
                c.to_string()
            } else {
                format!("\\u{:04X}", u32::from(c))
            }
        })
        .collect()
}

/// YAML 1.2's printable characters: what may stand in a file unescaped.
fn is_printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Whether `text` reads back as itself when written plain.
fn is_plain(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let special = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    !special.contains(&lower.as_str())
        && text.parse::<f64>().is_err()
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains('\n')
        && !text
            .chars()
            .all(|c| c.is_ascii_digit() || "-:.+_".contains(c))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_could_be_misread_is_quoted() {
        for text in [
            "NO",
            "yes",
            "1984",
            "2024-05-01",
            "- a list?",
            "key: value",
            "a #tag",
            "",
        ] {
            assert!(inline(text).starts_with('"'), "{text}");
        }
        for text in ["Norway", "Florence, Italy", "CSpO’s mission"] {
            assert_eq!(inline(text), text);
        }
    }

    #[test]
    fn long_text_folds_and_line_breaks_stay() {
        let long = "word ".repeat(40);
        let long = long.trim();
        let folded = scalar(long, 4, 80);
        assert!(folded.starts_with(">-\n    word"), "{folded}");
        assert!(folded.lines().all(|l| l.chars().count() <= 80));
        assert_eq!(scalar("one\n\ntwo", 4, 80), "|-\n    one\n\n    two");
        assert!(scalar(" leading\nspace", 4, 80).starts_with('"'));
    }
}
