//! A saved web page. The body and most metadata come from `dom_smoothie` (a port
//! of Mozilla's Readability); the comment tree, which Readability drops, the
//! canonical address and the page's own tags come from the same `dom_query`
//! document, read before the comments are taken out of it.

use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef, Selection};
use dom_smoothie::{Config, Readability, TextMode};

mod comments;

use comments::{comment_tree, declared_count};

use super::{Parts, squeeze};

/// The selectors a page is read with, parsed once: parsing a selector costs
/// about as much as matching it against a whole comment.
struct Css {
    /// The comment section of WordPress and its themes.
    section: Matcher,
    /// The author box's paragraph about the author.
    bio: Matcher,
    /// The comment lists of WordPress and the themes built on its markup.
    lists: Matcher,
    /// The headings that may declare the comment count.
    count: Matcher,
    canonical: Matcher,
    og_url: Matcher,
    tag: Matcher,
    json_ld: Matcher,
    li: Matcher,
    replies: Matcher,
    /// A comment's own part, without its replies.
    own: Matcher,
    author: Matcher,
    time: Matcher,
    content: Matcher,
    p: Matcher,
    br: Matcher,
}

static CSS: LazyLock<Css> = LazyLock::new(|| {
    let css =
        |sel: &str| Matcher::new(sel).unwrap_or_else(|_| unreachable!("a valid selector: {sel}"));
    Css {
        section: css("#comments, .comments-area, .comments"),
        bio: css(
            ".author-bio, .author-description, .td-author-description, .saboxplugin-desc, .author-info p",
        ),
        lists: css("ol.comment-list, ol.commentlist, ul.comment-list, ul.commentlist"),
        count: css(".comments-title, .comment-title, .block-title, h2, h3, h4"),
        canonical: css("link[rel=\"canonical\"]"),
        og_url: css("meta[property=\"og:url\"]"),
        tag: css("meta[property=\"article:tag\"]"),
        json_ld: css("script[type=\"application/ld+json\"]"),
        li: css("li"),
        replies: css("ol, ul"),
        own: css("article, .comment-body"),
        author: css(".fn, .comment-author cite, footer cite"),
        time: css("time[datetime]"),
        content: css(".comment-content, .comment-text, .comment_content"),
        p: css("p"),
        br: css("br"),
    }
});

/// The deepest nesting of elements a page may have: real article pages stay
/// under a hundred, and extraction costs grow with depth times size.
pub(super) const MAX_NESTING: usize = 1000;

/// How deep the page's elements nest, counted from its tags without parsing
/// (an element that HTML closes by itself, such as `<p>`, may count a little high).
pub(super) fn nesting(html: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"source", b"track", b"wbr", b"p", b"li",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let len = rest[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[name_at..name_at + len];
        if name.is_empty() || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            // `<tag … />` closes itself.
            let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
            if end == 0 || rest[end - 1] != b'/' {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// What is not the article, outermost first in page order: the author box (the
/// source's, not the article's), the comment section, the reply form, scripts
/// and styles. One walk of the elements, looking at names, ids and classes: a
/// selector list this long costs more to match than the page takes to parse.
fn not_article(doc: &Document) -> Vec<NodeRef<'_>> {
    const CLASSES: &[&str] = &[
        "author-info",
        "td-author-name-wrap",
        "author-box",
        "saboxplugin-wrap",
        "about-author",
        "author-bio",
        "author-description",
        "td-author-description",
        "comments-area",
        "comment-respond",
        "comments",
    ];
    const IDS: &[&str] = &["comments", "respond"];
    let outside = |node: &NodeRef| match node.node_name().as_deref() {
        Some("style" | "noscript") => true,
        Some("script") => node.attr("type").as_deref() != Some("application/ld+json"),
        _ => {
            node.id_attr().is_some_and(|id| IDS.contains(&&*id))
                || node
                    .class()
                    .is_some_and(|c| c.split_ascii_whitespace().any(|c| CLASSES.contains(&c)))
        }
    };
    let (mut found, mut later) = (Vec::new(), Vec::new());
    let mut next = doc.root().first_element_child();
    while let Some(node) = next {
        next = if outside(&node) {
            found.push(node);
            node.next_element_sibling()
        } else {
            later.extend(node.next_element_sibling());
            node.first_element_child()
        };
        if next.is_none() {
            next = later.pop();
        }
    }
    found
}

/// The page's parts: metadata, body paragraphs, comments.
pub(super) fn parts(html: &str) -> Parts {
    let doc = Document::from(html);
    // Metadata lives in the head: looking there alone spares a walk of the body
    // for each kind of tag.
    let head = doc.select_single("head");
    let mut parts = Parts {
        tags: tags(&doc, &head),
        ..Parts::default()
    };
    parts.source.url = canonical(&head);
    // One walk of the page finds what is not the article: the comment section
    // (read for its comments first), the author box (read for its bio first),
    // scripts and styles. Each is then looked into on its own.
    let css = &*CSS;
    let outside = not_article(&doc);
    let (mut section, mut bio) = (None, None);
    for node in outside.iter().map(|&n| Selection::from(n)) {
        if section.is_none() && node.is_matcher(&css.section) {
            section = Some(node);
            continue;
        }
        if bio.is_none() {
            let found = if node.is_matcher(&css.bio) {
                node
            } else {
                node.select_single_matcher(&css.bio)
            };
            bio = found.exists().then_some(found);
        }
    }
    let scope = section.unwrap_or_else(|| doc.select_single("body"));
    parts.comments = comment_tree(&scope);
    parts.comments_reported = declared_count(&scope);
    parts.source.author_bio = bio.map(|b| squeeze(&b.text())).filter(|b| !b.is_empty());
    for node in &outside {
        node.remove_from_parent();
    }
    // Formatted text: blocks apart by a blank line, list items by a line break,
    // so the body is read without parsing the extracted HTML a second time.
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::with_document(doc, None, Some(config)) else {
        return parts;
    };
    let Ok(article) = reader.parse() else {
        return parts;
    };
    let title = squeeze(&article.title);
    parts.title = (!title.is_empty()).then_some(title);
    parts.source.author = article
        .byline
        .as_deref()
        .map(byline)
        .filter(|a| !a.is_empty());
    parts.source.publication = article
        .site_name
        .as_deref()
        .map(squeeze)
        .filter(|s| !s.is_empty());
    parts.source.published = article.published_time.as_deref().and_then(date);
    let (paragraphs, key_points) = body_text(&article.text_content);
    parts.paragraphs = paragraphs;
    parts.key_points = key_points;
    parts
}

/// The article's paragraphs in order, and its own key-points list if it has one
/// (the lines after a heading that says so). A short line with no closing
/// punctuation is a heading, and a block of several lines a list: neither is a
/// paragraph of the body.
fn body_text(text: &str) -> (Vec<String>, Vec<String>) {
    const KEY_POINTS: [&str; 5] = [
        "key points",
        "key takeaways",
        "at a glance",
        "in brief",
        "highlights",
    ];
    let mut paragraphs = Vec::new();
    let mut key_points = Vec::new();
    let mut after_key_points = false;
    for block in text.split("\n\n") {
        let lines: Vec<String> = block
            .lines()
            .map(squeeze)
            .filter(|l| !l.is_empty())
            .collect();
        let [line] = lines.as_slice() else {
            if after_key_points {
                key_points.extend(lines);
            }
            after_key_points = false;
            continue;
        };
        let heading = line.to_lowercase();
        if KEY_POINTS.iter().any(|k| heading.starts_with(k)) && line.split(' ').count() <= 4 {
            after_key_points = true;
            continue;
        }
        if after_key_points {
            key_points.push(line.clone());
            after_key_points = false;
            continue;
        }
        if is_heading(line) {
            continue;
        }
        paragraphs.push(line.clone());
    }
    (paragraphs, key_points)
}

/// A subheading: a few words, no sentence's end.
fn is_heading(line: &str) -> bool {
    line.split(' ').count() <= 8 && !line.ends_with(['.', '!', '?', ':', '”', '"', ')', '…'])
}

/// The author's name without the theme's words around it (`By`, `Author:`, `says`).
fn byline(text: &str) -> String {
    let text = squeeze(text);
    let mut text = text.as_str();
    for prefix in [
        "By ",
        "by ",
        "Author: ",
        "Author ",
        "Written by ",
        "Posted by ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest;
        }
    }
    let text = text.split(['|', '·']).next().unwrap_or(text);
    text.trim_end_matches(" says:")
        .trim_end_matches(':')
        .trim()
        .to_owned()
}

/// `YYYY-MM-DD` from a timestamp such as `2024-05-01T10:00:00+00:00`.
fn date(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    crate::briefing::is_date(day).then(|| day.to_owned())
}

/// The canonical address (never a shortlink), else `og:url`, from the head.
fn canonical(head: &Selection) -> Option<String> {
    let link = head.select_single_matcher(&CSS.canonical).attr("href");
    let og = head.select_single_matcher(&CSS.og_url).attr("content");
    link.or(og)
        .map(|u| u.trim().to_owned())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// The page's own tags: `article:tag` in the head, then JSON-LD `keywords`.
fn tags(doc: &Document, head: &Selection) -> Vec<String> {
    let mut tags: Vec<String> = head
        .select_matcher(&CSS.tag)
        .iter()
        .filter_map(|m| m.attr("content").map(|c| squeeze(&c)))
        .filter(|t| !t.is_empty())
        .collect();
    if tags.is_empty() {
        for script in doc.select_matcher(&CSS.json_ld).iter() {
            let Ok(json) = serde_json::from_str::<serde_json::Value>(&script.text()) else {
                continue;
            };
            let keywords = find_key(&json, "keywords");
            match keywords {
                Some(serde_json::Value::String(s)) => {
                    tags.extend(s.split(',').map(squeeze).filter(|t| !t.is_empty()));
                }
                Some(serde_json::Value::Array(items)) => tags.extend(
                    items
                        .iter()
                        .filter_map(|i| i.as_str().map(squeeze))
                        .filter(|t| !t.is_empty()),
                ),
                _ => {}
            }
        }
    }
    let mut seen = Vec::new();
    tags.retain(|t| {
        let new = !seen.contains(t);
        seen.push(t.clone());
        new
    });
    tags
}

/// The first value of `key` anywhere in a JSON-LD document.
fn find_key<'a>(json: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match json {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}
