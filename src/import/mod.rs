//! `brief import`: an article (a saved web page or a copied text) becomes a draft
//! briefing, with nothing invented: what the article does not say, the draft does
//! not either. What had to be guessed goes to a review list written at the top of
//! the file.
//!
//! The road is `sniff` (page or text) -> `page` or `dump` (the article's parts) ->
//! `quotes` and `nations` over the body -> `Draft` -> `write` (YAML). Pure: bytes
//! in, text out; the command in `commands::import` reads and writes the files.

mod dump;
mod page;
mod quotes;
mod words;
mod write;

use words::{first_sentence, sentences};
pub use words::{slug, unique_id};

pub use write::to_yaml;

use crate::briefing::Source;
use crate::nations;

/// A briefing being made from an article, before it is written out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Where the article came from, for the file's opening comment.
    pub origin: String,
    /// The briefing's id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Who wrote it and where, as far as the article says.
    pub source: Source,
    /// The page's own tags or keywords.
    pub tags: Vec<String>,
    /// The body's paragraphs, verbatim and in order, quotations moved out.
    pub summary: Vec<String>,
    /// The page's own list of key points.
    pub key_points: Vec<String>,
    /// `(name, code)` of every nation the title and body name, in order of first mention.
    pub nations: Vec<(String, String)>,
    /// The quotations attributed to a person.
    pub quotes: Vec<Quote>,
    /// How many comments the page says it has.
    pub comments_reported: Option<u64>,
    /// The readers' comments, as a tree.
    pub comments: Vec<Comment>,
    /// What was guessed and should be checked by a person.
    pub review: Vec<String>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quote {
    /// The speaker's full name, as the article first gives it.
    pub speaker: String,
    /// The apposition at first mention, as written.
    pub role: Option<String>,
    /// The sentence that introduces the quotation.
    pub context: Option<String>,
    /// The words, without their quotation marks.
    pub text: String,
}

/// A reader's comment and its replies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comment {
    /// Who wrote it, when the page shows it.
    pub author: Option<String>,
    /// When, as the page gives it.
    pub posted: Option<String>,
    /// The words; paragraphs joined by a blank line.
    pub text: String,
    /// The replies, in order.
    pub replies: Vec<Comment>,
}

impl Draft {
    /// Calls `f` on every string of the draft.
    fn each_text(&mut self, mut f: impl FnMut(&mut String)) {
        let s = &mut self.source;
        for text in [&mut self.origin, &mut self.id, &mut self.title]
            .into_iter()
            .chain(
                [
                    &mut s.publication,
                    &mut s.author,
                    &mut s.author_bio,
                    &mut s.url,
                    &mut s.published,
                ]
                .into_iter()
                .flatten(),
            )
            .chain(self.tags.iter_mut())
            .chain(self.summary.iter_mut())
            .chain(self.key_points.iter_mut())
            .chain(self.review.iter_mut())
        {
            f(text);
        }
        for (name, code) in &mut self.nations {
            f(name);
            f(code);
        }
        for q in &mut self.quotes {
            for text in [&mut q.speaker, &mut q.text]
                .into_iter()
                .chain([&mut q.role, &mut q.context].into_iter().flatten())
            {
                f(text);
            }
        }
        fn walk(comments: &mut [Comment], f: &mut impl FnMut(&mut String)) {
            for c in comments {
                f(&mut c.text);
                for text in [&mut c.author, &mut c.posted].into_iter().flatten() {
                    f(text);
                }
                walk(&mut c.replies, f);
            }
        }
        walk(&mut self.comments, &mut f);
    }
}

impl Comment {
    /// How many comments this one and its replies make.
    pub fn count(&self) -> usize {
        1 + self.replies.iter().map(Comment::count).sum::<usize>()
    }
}

/// What the user asked for on the command line, over what the article says.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--id`.
    pub id: Option<String>,
    /// `--title`.
    pub title: Option<String>,
    /// `--url`.
    pub url: Option<String>,
}

/// Why an input is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnArticle(pub String);

/// The parts an extractor found, before quotes and nations are worked out.
#[derive(Debug, Default)]
struct Parts {
    title: Option<String>,
    source: Source,
    tags: Vec<String>,
    paragraphs: Vec<String>,
    key_points: Vec<String>,
    comments_reported: Option<u64>,
    comments: Vec<Comment>,
}

/// The largest article read: past this a page is refused with the limit named.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Makes a draft briefing of `bytes`, an article named `origin` in messages.
pub fn import(bytes: &[u8], origin: &str, overrides: &Overrides) -> Result<Draft, NotAnArticle> {
    if bytes.len() > MAX_BYTES {
        return Err(NotAnArticle(format!(
            "the file is larger than {} MiB; save the article alone",
            MAX_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0 {
        return Err(NotAnArticle(
            "binary data, not an article; give a saved page (.html) or copied text".into(),
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = crate::briefing::clean(&text.replace("\r\n", "\n")).into_owned();
    if text.trim().is_empty() {
        return Err(NotAnArticle("empty: there is no article here".into()));
    }
    let parts = if is_html(&text) {
        if page::nesting(&text) > page::MAX_NESTING {
            return Err(NotAnArticle(format!(
                "the page nests elements more than {} deep; a saved article page does not",
                page::MAX_NESTING
            )));
        }
        page::parts(&text)
    } else {
        dump::parts(&text)
    };
    draft(parts, origin, overrides)
}

/// Whether the text is a web page rather than copied text.
fn is_html(text: &str) -> bool {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || (head.starts_with('<')
            && (head.contains("<head") || head.contains("<body") || head.contains("<p")))
}

/// Paragraphs that are the page's, not the article's: a byline repeated in the
/// body, a note that comments are closed, a sharing prompt.
fn is_furniture(paragraph: &str, source: &Source) -> bool {
    let lower = paragraph.to_lowercase();
    let byline = source.author.as_ref().is_some_and(|a| {
        paragraph.len() < a.len() + 40
            && (paragraph.starts_with(&format!("By {a}"))
                || paragraph.starts_with(&format!("by {a}")))
    });
    byline
        || lower.starts_with("comments are closed")
        || lower.starts_with("share this")
        || lower == "advertisement"
        || lower.starts_with("sign up for our newsletter")
}

fn draft(mut parts: Parts, origin: &str, overrides: &Overrides) -> Result<Draft, NotAnArticle> {
    let source = parts.source.clone();
    parts.paragraphs.retain(|p| !is_furniture(p, &source));
    if parts.paragraphs.is_empty() {
        return Err(NotAnArticle(
            "no paragraphs found: this does not look like an article".into(),
        ));
    }
    let mut review = Vec::new();
    let mut found = quotes::find(&parts.paragraphs, &mut review);
    if found.summary.is_empty() {
        // A briefing needs a paragraph: an article of nothing but quotations
        // keeps them in its summary too.
        found.summary = parts.paragraphs.clone();
        review.push("the article is all quotations; they stay in the summary as well".into());
    }
    let title = match (&overrides.title, &parts.title) {
        (Some(title), _) => title.clone(),
        (None, Some(title)) => title.clone(),
        (None, None) => {
            let title = first_sentence(&found.summary[0]);
            review.push(format!(
                "the title was made from the first sentence; give the headline with --title: {title}"
            ));
            title
        }
    };
    let mut body: Vec<&str> = vec![&title];
    body.extend(parts.paragraphs.iter().map(String::as_str));
    let nations = nations_in(&body, &mut review);
    let mut source = parts.source;
    if let Some(url) = &overrides.url {
        source.url = Some(url.clone());
    }
    let id = match &overrides.id {
        Some(id) => id.clone(),
        None => slug(&title),
    };
    let mut draft = Draft {
        origin: origin.to_owned(),
        id,
        title,
        source,
        tags: parts.tags,
        summary: found.summary,
        key_points: parts.key_points,
        nations,
        quotes: found.quotes,
        comments_reported: parts.comments_reported,
        comments: parts.comments,
        review,
    };
    // Entities decode to any character: clean what the page's markup made.
    draft.each_text(|text| *text = crate::briefing::clean_owned(std::mem::take(text)));
    Ok(draft)
}

/// Every nation the texts name, in order of first mention; an ambiguous name
/// counts only where its sentence names another nation or says "country", and
/// goes to the review list otherwise.
fn nations_in(texts: &[&str], review: &mut Vec<String>) -> Vec<(String, String)> {
    let mut codes: Vec<&'static str> = Vec::new();
    let mut doubtful: Vec<&'static str> = Vec::new();
    for text in texts {
        for sentence in sentences(text) {
            let found = nations::mentions(sentence);
            let context = found.iter().any(|m| !m.ambiguous)
                || ["country", "nation", "government", "republic", "state of"]
                    .iter()
                    .any(|w| sentence.to_lowercase().contains(w));
            for m in found {
                if m.ambiguous && !context {
                    doubtful.push(m.code);
                } else if !codes.contains(&m.code) {
                    codes.push(m.code);
                }
            }
        }
    }
    doubtful.retain(|c| !codes.contains(c));
    doubtful.dedup();
    for code in doubtful {
        if let Some(n) = nations::by_code(code) {
            review.push(format!(
                "`{}` may name {} ({code}) or something else; not listed, add it if the article means the nation",
                n.name, n.name
            ));
        }
    }
    codes
        .into_iter()
        .filter_map(nations::by_code)
        .map(|n| (n.name.to_owned(), n.code.to_owned()))
        .collect()
}

/// Words joined by single spaces, the way a paragraph reads.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_a_valid_id() {
        assert_eq!(
            slug("CSpO partners meet in Florence on space security"),
            "cspo-partners-meet-in-florence-on-space-security"
        );
        assert_eq!(
            slug("Türkiye’s navy: what’s next?"),
            "turkiyes-navy-whats-next"
        );
        assert_eq!(slug("宇宙"), "briefing");
        assert!(slug(&"word ".repeat(40)).len() <= 64);
    }

    #[test]
    fn empty_and_binary_input_is_not_an_article() {
        let none = Overrides::default();
        assert!(
            import(b"  \n\n", "x", &none)
                .unwrap_err()
                .0
                .starts_with("empty")
        );
        assert!(
            import(b"\x00\x01\x02PK", "x", &none)
                .unwrap_err()
                .0
                .starts_with("binary")
        );
        assert!(
            import(b"<html><body></body></html>", "x", &none)
                .unwrap_err()
                .0
                .starts_with("no paragraphs")
        );
    }
}
