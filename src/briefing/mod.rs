//! The briefing: what one file holds, in types the rest of the program reads.
//!
//! The model is plain data plus the indexes built once at load (quotes by speaker,
//! the comment tree as flat pre-order rows). It knows nothing of files, the
//! terminal or the reader's state; `parse` turns YAML text into it.

mod check;
mod checker;
mod diagnostic;
mod fast;
mod files;
mod messages;
pub mod node;
mod parse;
pub mod rules;
pub mod schema;
mod text;
mod texts;

pub use diagnostic::{Diagnostic, Severity};
pub use files::briefing_files;
pub use parse::{Limits, Loaded, load, parse, roads};
pub use rules::{FORMAT, is_briefing_id, is_date, is_nation_code};
pub use text::{clean, clean_owned, echo};
pub use texts::Texts;

use std::sync::Arc;

/// One briefing, loaded and validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Briefing {
    /// Stable identity; reading state and notes are kept under it.
    pub id: String,
    /// The headline.
    pub title: String,
    /// A second line under the headline.
    pub subtitle: Option<String>,
    /// Who wrote the article and where it appeared.
    pub source: Source,
    /// Where the events took place.
    pub location: Option<String>,
    /// Free-form labels.
    pub tags: Vec<String>,
    /// Paragraphs, in order.
    pub summary: Vec<String>,
    /// The points a reader must take away.
    pub key_points: Vec<String>,
    /// The nations the article concerns.
    pub nations: Vec<Nation>,
    /// Quotes in file order.
    pub quotes: Vec<Quote>,
    /// Speakers in order of first appearance, each with its quotes.
    pub speakers: Vec<Speaker>,
    /// How many comments the source said it had.
    pub comments_reported: Option<u64>,
    /// The comment tree, flattened in pre-order.
    pub comments: Vec<Comment>,
    /// The comments' words, in the same order: `comment_text(i)`.
    pub comment_texts: Texts,
    /// The comments' ids, given in the file or their position paths such as
    /// `c2.1.4`, in the same order: `comment_id(i)`.
    pub comment_ids: Texts,
    /// When each comment was posted, as the source gives it, in the same
    /// order; empty where it does not say: `comment_posted(i)`.
    pub comment_times: Texts,
    /// Where the title, paragraphs and key points start in the file.
    pub lines: TextLines,
}

/// The lines where text without a line of its own starts, for `file:line` output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLines {
    /// The title's line.
    pub title: u32,
    /// Each summary paragraph's line.
    pub summary: Vec<u32>,
    /// Each key point's line.
    pub key_points: Vec<u32>,
}

/// Where the article came from; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    /// The publication's name.
    pub publication: Option<String>,
    /// The article's author.
    pub author: Option<String>,
    /// A line or two about the author.
    pub author_bio: Option<String>,
    /// Where the article can be read; shown, never followed.
    pub url: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// A member nation.
#[derive(Debug, Clone, PartialEq)]
pub struct Nation {
    /// The nation's name as the article gives it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub code: Option<String>,
    /// A remark about this nation's part.
    pub note: Option<String>,
    /// The line of the file where the nation starts.
    pub line: u32,
}

/// A quote from the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Given in the file, or `q<n>` from its position (from 1).
    pub id: String,
    /// Who said it, compared exactly when grouping.
    pub speaker: String,
    /// The speaker's position.
    pub role: Option<String>,
    /// Where or when it was said.
    pub context: Option<String>,
    /// The words, verbatim.
    pub text: String,
    /// Index into `Briefing::speakers`.
    pub speaker_index: usize,
    /// The line of the file where the quote starts.
    pub line: u32,
}

/// A speaker and the quotes they gave, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The name, exactly as written.
    pub name: String,
    /// The role given with the speaker's first quote that has one.
    pub role: Option<String>,
    /// Indexes into `Briefing::quotes`.
    pub quotes: Vec<usize>,
}

/// One reader comment, as a row of the flattened tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// Who wrote it, when the source says: kept once for all their comments.
    pub author: Option<Arc<str>>,
    /// 0 for a top-level comment.
    pub depth: usize,
    /// Index of the comment this replies to.
    pub parent: Option<usize>,
    /// Index one past the last row of this comment's subtree.
    pub subtree_end: usize,
    /// The line of the file where the comment's text starts.
    pub line: u32,
}

impl Comment {
    /// How many replies, at any depth, sit under this comment.
    pub fn descendants(&self, index: usize) -> usize {
        self.subtree_end - index - 1
    }
}

impl Briefing {
    /// The words of the `i`th comment; `i` must be one of `comments`' indexes.
    pub fn comment_text(&self, i: usize) -> &str {
        self.comment_texts
            .get(i)
            .unwrap_or_else(|| panic!("comment {i} of {}", self.comment_texts.len()))
    }

    /// The id of the `i`th comment; `i` must be one of `comments`' indexes.
    pub fn comment_id(&self, i: usize) -> &str {
        self.comment_ids
            .get(i)
            .unwrap_or_else(|| panic!("comment {i} of {}", self.comment_ids.len()))
    }

    /// When the `i`th comment was posted, if the source says.
    pub fn comment_posted(&self, i: usize) -> Option<&str> {
        self.comment_times
            .get(i)
            .filter(|posted| !posted.is_empty())
    }

    /// The quotes in the order the Quotes pane lists them: by speaker, speakers
    /// in order of first appearance.
    pub fn quote_order(&self) -> Vec<usize> {
        self.speakers
            .iter()
            .flat_map(|s| s.quotes.iter().copied())
            .collect()
    }

    /// The index of the quote with this id.
    pub fn quote_index(&self, id: &str) -> Option<usize> {
        self.quotes.iter().position(|q| q.id == id)
    }

    /// The index of the comment with this id. A derived id (`c2.1.4`) is its
    /// path, so it is followed down the tree, sibling to sibling, instead of
    /// comparing every comment's id: notes and addresses name comments by id, and
    /// a briefing may hold a hundred thousand.
    pub fn comment_index(&self, id: &str) -> Option<usize> {
        self.comment_at_path(id)
            .filter(|&i| self.comment_id(i) == id)
            .or_else(|| self.comment_ids.iter().position(|c| c == id))
    }

    /// The comment whose place is the path `id` (`c2.1.4`: the second thread,
    /// its first reply, that reply's fourth), if `id` is a path and the place exists.
    fn comment_at_path(&self, id: &str) -> Option<usize> {
        let mut steps = id.strip_prefix('c')?.split('.');
        let top: usize = steps.next()?.parse().ok()?;
        let mut at = self.nth_sibling(0, self.comments.len(), top)?;
        for step in steps {
            let end = self.comments[at].subtree_end;
            at = self.nth_sibling(at + 1, end, step.parse().ok()?)?;
        }
        Some(at)
    }

    /// The `n`th (from 1) of the comments that start at `first` and follow one
    /// another, subtree after subtree, before `end`.
    fn nth_sibling(&self, first: usize, end: usize, n: usize) -> Option<usize> {
        let mut at = first;
        for _ in 1..n {
            at = self.comments.get(at)?.subtree_end;
        }
        (n >= 1 && at < end).then_some(at)
    }

    /// The direct replies of the comment at `index`, in order.
    pub fn replies(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.comments[index].subtree_end;
        let mut next = index + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let here = next;
                next = self.comments[here].subtree_end;
                here
            })
        })
    }
}

/// Groups quotes by exact speaker name in order of first appearance, setting each
/// quote's `speaker_index`; a speaker's role is the first one given.
pub(crate) fn group_speakers(quotes: &mut [Quote]) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, quote) in quotes.iter_mut().enumerate() {
        let index = *by_name.entry(quote.speaker.clone()).or_insert_with(|| {
            speakers.push(Speaker {
                name: quote.speaker.clone(),
                role: None,
                quotes: Vec::new(),
            });
            speakers.len() - 1
        });
        quote.speaker_index = index;
        let speaker = &mut speakers[index];
        speaker.quotes.push(i);
        if speaker.role.is_none() {
            speaker.role.clone_from(&quote.role);
        }
    }
    speakers
}

/// The briefing compiled into the binary, so `brief` has something to show anywhere.
pub const BUNDLED: &str = include_str!("../../briefings/cspo-florence.yaml");

/// The name the bundled briefing is reported under.
pub const BUNDLED_NAME: &str = "briefings/cspo-florence.yaml";

#[cfg(test)]
mod tests {
    #[test]
    fn a_derived_id_is_followed_down_the_tree_to_its_comment() {
        let shape = crate::generate::Shape {
            comments: 600,
            max_depth: 12,
            ..crate::generate::Shape::small(4)
        };
        let b = super::parse(&crate::generate::briefing(shape), "t")
            .expect("loads")
            .briefing;
        for i in 0..b.comments.len() {
            let id = b.comment_id(i);
            assert_eq!(b.comment_at_path(id), Some(i), "{id}");
            // One past its last reply is no place, not the comment after it.
            let past = format!("{id}.{}", b.replies(i).count() + 1);
            assert_eq!(b.comment_at_path(&past), None, "{past}");
        }
        let threads = b.comments.iter().filter(|c| c.depth == 0).count();
        assert_eq!(b.comment_at_path(&format!("c{}", threads + 1)), None);
        assert_eq!(b.comment_at_path("c0"), None);
        assert_eq!(b.comment_at_path("x1"), None);
    }
}
