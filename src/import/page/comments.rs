//! A saved page's comment section as a tree: WordPress's `li.comment` items and
//! their `.children`, each comment's author, time and paragraphs, and the count
//! the section's heading declares.

use dom_query::Selection;

use super::CSS;
use crate::import::{Comment, squeeze};

/// The count the page declares: `5 COMMENTS`, `12 Comments`, `7 thoughts on …`,
/// in the headings of the comment section (the whole page, where it has none).
pub(super) fn declared_count(scope: &Selection) -> Option<u64> {
    scope
        .select_matcher(&CSS.count)
        .iter()
        .find_map(|heading| crate::import::dump::comment_count(&squeeze(&heading.text())))
}

/// The WordPress comment tree: `li.comment` items, replies in `.children`.
pub(super) fn comment_tree(scope: &Selection) -> Vec<Comment> {
    let list = scope.select_single_matcher(&CSS.lists);
    if !list.exists() {
        return Vec::new();
    }
    comments_in(&list)
}

fn comments_in(list: &Selection) -> Vec<Comment> {
    list.children()
        .filter_matcher(&CSS.li)
        .iter()
        .filter_map(|item| {
            // The comment's own part: its `article` or `.comment-body`, else the
            // item, whose first matches are its own (replies come after).
            let body = item.children().filter_matcher(&CSS.own).first();
            let scope = if body.exists() { body } else { item.clone() };
            let text = comment_text(&scope);
            let replies = item.children().filter_matcher(&CSS.replies).first();
            let replies = if replies.exists() {
                comments_in(&replies)
            } else {
                Vec::new()
            };
            if text.is_empty() && replies.is_empty() {
                return None;
            }
            let author = scope.select_single_matcher(&CSS.author);
            let author = author
                .exists()
                .then(|| squeeze(&author.text()))
                .filter(|a| !a.is_empty());
            let posted = scope
                .select_single_matcher(&CSS.time)
                .attr("datetime")
                .map(|d| d.trim().to_owned());
            Some(Comment {
                author,
                posted,
                text,
                replies,
            })
        })
        .collect()
}

/// A comment's paragraphs, joined by a blank line; a `<br>` is a line break.
fn comment_text(scope: &Selection) -> String {
    let content = scope.select_single_matcher(&CSS.content);
    let content = if content.exists() {
        content
    } else {
        scope.clone()
    };
    let paragraphs = content.select_matcher(&CSS.p);
    let texts: Vec<String> = if paragraphs.exists() {
        paragraphs.iter().map(|p| paragraph_text(&p)).collect()
    } else {
        vec![paragraph_text(&content)]
    };
    texts
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A paragraph's text with `<br>` kept as a line break.
fn paragraph_text(p: &Selection) -> String {
    for br in p.select_matcher(&CSS.br).iter() {
        br.replace_with_html("\n");
    }
    p.text()
        .split('\n')
        .map(squeeze)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
