//! A copied article: the text a browser gives when the page is selected and
//! copied. Paragraphs are blocks between blank lines; the author's name and bio
//! stand together after the body; a line such as `5 COMMENTS` opens the comment
//! section, whose numbering, bullets and indentation give the tree; the reply
//! form ends it.

mod comments;

use comments::comments;

use super::{Parts, Source, squeeze};

/// Lines that start the reply form: everything from here on is page furniture.
const REPLY_FORM: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "please enter your comment!",
    "please enter your name here",
    "you have entered an incorrect email address!",
    "cancel reply",
];

/// Lines after which a copied page holds no more of the article: lists of other
/// stories and topics.
const END_OF_ARTICLE: &[&str] = &[
    "related topics",
    "related articles",
    "related stories",
    "more on this story",
    "top stories",
    "you may also like",
    "more from this author",
];

/// Lines that are buttons and labels, not the article.
const FURNITURE: &[&str] = &[
    "share",
    "tweet",
    "print",
    "email",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "advertisement",
    "related",
    "related articles",
    "read more",
    "more like this",
    "subscribe",
];

/// The article's parts as a copied text holds them.
pub(super) fn parts(text: &str) -> Parts {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .iter()
        .position(|l| REPLY_FORM.contains(&l.trim().to_lowercase().as_str()))
        .unwrap_or(lines.len());
    let lines = &lines[..end];
    let (article, comments_reported, comment_lines) =
        match lines.iter().position(|l| comment_count(l).is_some()) {
            Some(at) => (&lines[..at], comment_count(lines[at]), &lines[at + 1..]),
            None => (lines, None, &[][..]),
        };
    let article = match article
        .iter()
        .position(|l| END_OF_ARTICLE.contains(&l.trim().to_lowercase().as_str()))
    {
        Some(end) => &article[..end],
        None => article,
    };
    let mut blocks = blocks(article);
    let mut parts = Parts {
        comments_reported,
        comments: comments(comment_lines),
        ..Parts::default()
    };
    take_byline(&mut blocks, &mut parts.source);
    take_dateline(&mut blocks, &mut parts.source);
    take_author_box(&mut blocks, &mut parts.source);
    // A short first line without a full stop, before the body, is the headline.
    if blocks.len() > 1
        && let [line] = blocks[0].as_slice()
        && is_headline(line)
    {
        parts.title = Some(squeeze(line));
        blocks.remove(0);
    }
    parts.paragraphs = blocks
        .into_iter()
        .map(|block| squeeze(&block.join(" ")))
        .filter(|p| !p.is_empty() && !FURNITURE.contains(&p.to_lowercase().as_str()))
        .collect();
    parts
}

/// The blocks of lines between blank lines, each line trimmed.
fn blocks(lines: &[&str]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The count a comment section's heading declares: `5 COMMENTS`, `12 Comments`,
/// `7 thoughts on “…”`, `3 Responses`.
pub(in crate::import) fn comment_count(line: &str) -> Option<u64> {
    let line = line.trim();
    let (number, rest) = line.split_once(' ')?;
    let n: u64 = number.replace(',', "").parse().ok()?;
    let rest = rest.trim().to_lowercase();
    let words = [
        "comment",
        "comments",
        "response",
        "responses",
        "replies",
        "reply",
    ];
    let counted = words.contains(&rest.as_str())
        || rest.starts_with("thoughts on ")
        || rest.starts_with("thought on ")
        || rest.starts_with("responses to ")
        || rest.starts_with("comments on ");
    counted.then_some(n)
}

/// Whether a line is a person's name as a byline or author box shows it: two to
/// five words, each starting with a capital, nothing that ends a sentence.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && line.chars().count() <= 60
        && !line.ends_with(['.', ':', '!', '?', ','])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "van" | "von" | "der" | "da" | "di" | "al" | "bin"
                )
        })
}

/// `By NAME` (or `By NAME | date`) in the first blocks.
fn take_byline(blocks: &mut Vec<Vec<String>>, source: &mut Source) {
    for b in 0..blocks.len().min(3) {
        for l in 0..blocks[b].len() {
            let line = blocks[b][l].clone();
            let Some(rest) = line
                .strip_prefix("By ")
                .or_else(|| line.strip_prefix("by "))
            else {
                continue;
            };
            let mut pieces = rest.split(['|', '·', '—']);
            let name = pieces.next().unwrap_or(rest).trim();
            let name = name.split(", ").next().unwrap_or(name);
            if is_name(name) {
                source.author = Some(name.to_owned());
                source.published = pieces.find_map(|p| date(p.trim()));
                blocks[b].remove(l);
                if blocks[b].is_empty() {
                    blocks.remove(b);
                }
                return;
            }
        }
    }
}

/// `Published 7 March 2024` (never `Updated …`) as a block of its own near the top.
fn take_dateline(blocks: &mut Vec<Vec<String>>, source: &mut Source) {
    if source.published.is_some() {
        return;
    }
    let found = blocks.iter().take(4).position(|b| {
        let [line] = b.as_slice() else { return false };
        let rest = line
            .strip_prefix("Published ")
            .or_else(|| line.strip_prefix("Posted on "))
            .unwrap_or(line);
        date(rest.trim()).is_some()
    });
    if let Some(at) = found {
        let line = blocks.remove(at).remove(0);
        let rest = line
            .strip_prefix("Published ")
            .or_else(|| line.strip_prefix("Posted on "))
            .unwrap_or(&line);
        source.published = date(rest.trim());
    }
}

/// The author box after the body: the author's name, then a paragraph that
/// starts with their first name (or "He", "She"), taken verbatim as the bio.
fn take_author_box(blocks: &mut Vec<Vec<String>>, source: &mut Source) {
    for b in (0..blocks.len()).rev().take(3) {
        let block = &blocks[b];
        let (name, bio) = match block.as_slice() {
            [name, bio @ ..] if !bio.is_empty() && is_name(name) => (name.clone(), bio.join(" ")),
            [name] if is_name(name) && b + 1 < blocks.len() => {
                (name.clone(), blocks[b + 1].join(" "))
            }
            _ => continue,
        };
        let first = name.split_whitespace().next().unwrap_or_default();
        let about = bio.starts_with(first) || bio.starts_with("He ") || bio.starts_with("She ");
        if !about {
            continue;
        }
        if source.author.as_ref().is_none_or(|a| *a == name) {
            source.author = Some(name);
            source.author_bio = Some(squeeze(&bio));
            let end = if block.len() > 1 { b + 1 } else { b + 2 };
            blocks.drain(b..end.min(blocks.len()));
        }
        return;
    }
}

/// `YYYY-MM-DD` of a date written `12 April 2024`, `April 12, 2024` or `2024-04-12`;
/// never of one marked as an update.
fn date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if text.to_lowercase().starts_with("updated") {
        return None;
    }
    if crate::briefing::is_date(text) {
        return Some(text.to_owned());
    }
    let words: Vec<String> = text
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w.trim_end_matches('.'))))
    };
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if month(m).is_some() => (d.as_str(), month(m)?, y.as_str()),
        [m, d, y] if month(m).is_some() => (d.as_str(), month(m)?, y.as_str()),
        _ => return None,
    };
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    let year: u32 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let iso = format!("{year:04}-{:02}-{day:02}", month + 1);
    crate::briefing::is_date(&iso).then_some(iso)
}

fn is_headline(line: &str) -> bool {
    let count = line.chars().count();
    (3..=150).contains(&count) && !line.ends_with(['.', ':', ',', ';']) && line.contains(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_bylines_write_them() {
        assert_eq!(date("12 April 2024").as_deref(), Some("2024-04-12"));
        assert_eq!(date("April 12, 2024").as_deref(), Some("2024-04-12"));
        assert_eq!(date("Sept. 3, 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(date("2024-04-12").as_deref(), Some("2024-04-12"));
        assert_eq!(date("Updated 13 April 2024"), None);
        assert_eq!(date("a long time ago"), None);
    }

    #[test]
    fn comment_headings_declare_their_count() {
        assert_eq!(comment_count("5 COMMENTS"), Some(5));
        assert_eq!(comment_count("1,204 Comments"), Some(1204));
        assert_eq!(comment_count("7 thoughts on “A title”"), Some(7));
        assert_eq!(comment_count("5 comments were removed"), None);
        assert_eq!(comment_count("Comments"), None);
    }

    #[test]
    fn numbering_bullets_and_indentation_make_the_tree() {
        let lines = [
            "  1. first",
            "",
            "    more of the first",
            "",
            "    • a reply",
            "",
            "      • a reply to the reply",
            "",
            "    • a second reply",
            "  2. second",
        ];
        let tree = comments(&lines);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].text, "first\n\nmore of the first");
        assert_eq!(tree[0].replies.len(), 2);
        assert_eq!(tree[0].replies[0].replies[0].text, "a reply to the reply");
        assert_eq!(tree[0].replies[1].text, "a second reply");
        assert_eq!(tree[1].text, "second");
    }
}
