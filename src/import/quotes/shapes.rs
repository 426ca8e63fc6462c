//! The shapes a quotation takes in a paragraph (alone, followed by `said NAME`,
//! after `NAME said:`) and the words around it that name a speaker and a role.

use super::{SAYING, is_person};

/// The words of a paragraph that is a quotation and nothing else, without the marks.
pub(super) fn pure_quotation(paragraph: &str) -> Option<&str> {
    let p = paragraph.trim();
    let inner = p
        .strip_prefix('“')
        .and_then(|r| r.strip_suffix('”'))
        .or_else(|| p.strip_prefix('"').and_then(|r| r.strip_suffix('"')))?;
    // A closing mark inside would end the quotation before the paragraph does.
    (!inner.contains(['”', '"'])).then_some(inner.trim())
}

/// `“…,” said NAME.`: the words (without the joining comma), the attribution,
/// and the words of a quotation that goes on after it (`said NAME. “…”`).
pub(super) fn quotation_then_attribution(paragraph: &str) -> Option<(&str, &str, Option<&str>)> {
    let p = paragraph.trim();
    let (open, close) = if p.starts_with('“') {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let rest = p.strip_prefix(open)?;
    let end = rest.find(close)?;
    let (words, tail) = (&rest[..end], &rest[end + close.len_utf8()..]);
    let (tail, more) = match tail.split_once(open) {
        Some((attribution, quoted)) => {
            let more = quoted.strip_suffix(close)?;
            if more.contains([open, close]) {
                return None;
            }
            (attribution, Some(more.trim()))
        }
        None => (tail, None),
    };
    let tail = tail.trim();
    // The attribution is one short clause: no second sentence.
    if tail.is_empty() || tail.contains(['“', '"']) || tail.trim_end_matches('.').contains(". ") {
        return None;
    }
    let words = words.trim().trim_end_matches(',').trim();
    Some((words, tail, more))
}

/// `NAME, ROLE, said: “…”`: the introduction and the words.
pub(super) fn intro_then_quotation(paragraph: &str) -> Option<(&str, &str)> {
    let p = paragraph.trim();
    let (intro, quoted) = p.split_once(": “").or_else(|| p.split_once(": \""))?;
    let words = quoted
        .strip_suffix('”')
        .or_else(|| quoted.strip_suffix('"'))?;
    (!words.contains(['”', '"'])).then_some((last_sentence(intro), words.trim()))
}

pub(super) fn last_sentence(paragraph: &str) -> &str {
    super::super::sentences(paragraph)
        .last()
        .unwrap_or(paragraph)
        .trim()
}

pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The first words of a quotation, for the review list.
pub(super) fn opening(words: &str) -> String {
    let shown: Vec<&str> = words.split_whitespace().take(8).collect();
    if word_count(words) > 8 {
        format!("{} …", shown.join(" "))
    } else {
        shown.join(" ")
    }
}

/// `Defence Minister Mariusz Błaszczak said …`: the capitalised words right
/// before a verb of saying, when they make a person's name (titles kept).
pub(super) fn sayer(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let verb = words.iter().position(|w| SAYING.contains(w))?;
    let start = words[..verb]
        .iter()
        .rposition(|w| !w.starts_with(char::is_uppercase))
        .map_or(0, |k| k + 1);
    let name = words[start..verb].join(" ");
    is_person(&name).then_some(name)
}

/// `NAME, ROLE, verb …`: a person introduced with an apposition. The role is
/// every segment between the name and the verb (`Director General of Industry,
/// Trade and Economic Security`), as written, without a leading "the".
pub(super) fn appositive(sentence: &str) -> Option<(String, Option<String>)> {
    let segments: Vec<&str> = sentence.trim().split(", ").collect();
    let [first, middle @ .., predicate] = segments.as_slice() else {
        return None;
    };
    // The predicate starts with a verb in lower case: `underscored`, `echoed`;
    // a role is a phrase, never a clause with a colon or a quotation in it.
    if middle.is_empty()
        || !predicate.starts_with(char::is_lowercase)
        || middle.iter().any(|m| m.contains([':', '“', '"']))
    {
        return None;
    }
    if is_person(first) {
        return Some(((*first).to_owned(), Some(trim_article(&middle.join(", ")))));
    }
    // `ROLE, NAME, verb …`: "Japan’s ambassador, Kenji Watanabe, welcomed …".
    match middle {
        [name] if is_person(name) => Some(((*name).to_owned(), Some(trim_article(first)))),
        _ => None,
    }
}

pub(super) fn trim_article(role: &str) -> String {
    role.strip_prefix("the ").unwrap_or(role).trim().to_owned()
}
