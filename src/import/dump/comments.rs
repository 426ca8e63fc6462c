//! A copied comment section as a tree: a numbered item is a comment, a bullet a
//! reply to the comment indented less above it, and an unmarked line goes on
//! with the comment above.

use super::date;
use crate::import::Comment;

/// What a comment line opens with: a number (`1.`), a bullet, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Numbered,
    Bullet,
}

fn marker(line: &str) -> Option<(Marker, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['•', '◦', '▪', '‣', '-', '*', '–'])
        && rest.starts_with(' ')
    {
        return Some((Marker::Bullet, rest.trim_start()));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = t[digits..].strip_prefix(['.', ')'])
        && rest.starts_with(' ')
    {
        return Some((Marker::Numbered, rest.trim_start()));
    }
    None
}

/// The comment tree of a copied comment section: a numbered item is a comment
/// at the top level, a bullet a reply to the nearest comment indented less; lines
/// without a marker continue the comment above (a blank line between them
/// separates paragraphs).
pub(super) fn comments(lines: &[&str]) -> Vec<Comment> {
    // The comments in order, each with its indentation and parent.
    let mut flat: Vec<(usize, Option<usize>, Vec<String>)> = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        match marker(line) {
            Some((kind, text)) => {
                if kind == Marker::Numbered {
                    open.clear();
                } else {
                    while open.last().is_some_and(|&(i, _)| i >= indent) {
                        open.pop();
                    }
                }
                let parent = open.last().map(|&(_, c)| c);
                flat.push((indent, parent, vec![text.to_owned()]));
                open.push((indent, flat.len() - 1));
            }
            None => match flat.last_mut() {
                Some((_, _, paragraphs)) if blank => paragraphs.push(line.trim().to_owned()),
                Some((_, _, paragraphs)) => {
                    if let Some(last) = paragraphs.last_mut() {
                        last.push(' ');
                        last.push_str(line.trim());
                    }
                }
                // Text before the first marker: a comment without numbering.
                None => {
                    flat.push((indent, None, vec![line.trim().to_owned()]));
                    open.push((indent, 0));
                }
            },
        }
        blank = false;
    }
    let mut built: Vec<Option<Comment>> = flat
        .iter()
        .map(|(_, _, paragraphs)| Some(comment_of(paragraphs)))
        .collect();
    // Children come after their parents: attach from the last one back.
    let mut top = Vec::new();
    for i in (0..flat.len()).rev() {
        let Some(comment) = built[i].take() else {
            continue;
        };
        match flat[i].1.and_then(|p| built[p].as_mut()) {
            Some(parent) => parent.replies.insert(0, comment),
            None => top.insert(0, comment),
        }
    }
    top
}

/// A copied comment's paragraphs as a comment: a first line `NAME says:` is its
/// author (without the theme's "says:"), a date line after it when it was
/// posted, and the `Reply` buttons are not its words.
fn comment_of(paragraphs: &[String]) -> Comment {
    let mut rest: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let mut comment = Comment::default();
    let said = rest
        .first()
        .and_then(|p| p.strip_suffix(" says:"))
        .map(str::trim)
        .filter(|name| !name.is_empty() && name.chars().count() <= 60);
    if let Some(name) = said {
        comment.author = Some(name.to_owned());
        rest.remove(0);
        if let Some(first) = rest.first()
            && is_posted(first)
        {
            comment.posted = Some((*first).to_owned());
            rest.remove(0);
        }
    }
    rest.retain(|p| !matches!(*p, "Reply" | "Log in to Reply" | "Report" | "Reply ↓"));
    comment.text = rest.join("\n\n");
    comment
}

/// A comment's posting time as themes print it: `12 March 2024 at 9:12 am`.
fn is_posted(line: &str) -> bool {
    let day = line.split(" at ").next().unwrap_or(line);
    date(day.trim()).is_some()
}
