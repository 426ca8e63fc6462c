//! The fast road from YAML to a `Briefing`: serde fills typed structs straight from
//! the parser, with no tree of nodes in between, so a large file costs little more
//! than parsing it. It takes only files that follow every rule exactly; anything
//! else (an unknown key, a wrong type, a broken rule) returns `None`, and the
//! checker in `check` reads the file again to say where and what is wrong. A test
//! holds the two roads to the same result.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::Deserialize;

mod thread;
mod values;
mod words;

use thread::{ByRow, Comments, name_comments, spread};
use values::{AtLine, Count, Text};

use super::rules::{self, FORMAT, is_briefing_id, is_date, is_known_code, is_nation_code};
use super::{Briefing, Nation, Quote, Source, TextLines, Texts, group_speakers};

// The structs the fast road reads are the format's keys: `brief schema` (the
// JSON Schema editors check a briefing against) is derived from them, their
// doc comments becoming its descriptions, and a test holds their keys to
// `rules::keys`. Unknown keys are warnings, not errors, so the schema lets
// them be (`additionalProperties`), while this road leaves them to the checker.

/// A briefing file, format version 1.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "brief briefing", extend("additionalProperties" = true))]
pub(super) struct RawBriefing<'a> {
    /// Must be `brief/1`.
    #[schemars(extend("const" = "brief/1"))]
    format: Text,
    /// Stable identity; reading state and notes are kept under it.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), length(max = 64))]
    id: Text,
    /// The headline.
    title: AtLine<Text>,
    /// A second line under the headline.
    subtitle: Option<Text>,
    /// Where the article came from.
    source: Option<RawSource>,
    /// Where the events took place.
    location: Option<Text>,
    /// Free-form labels.
    tags: Option<Vec<Text>>,
    /// Paragraphs of plain text, in order, reflowed to the pane's width.
    #[schemars(length(min = 1))]
    summary: Vec<AtLine<Text>>,
    /// The points a reader must take away.
    key_points: Option<Vec<AtLine<Text>>>,
    /// The nations the article concerns.
    nations: Option<Vec<AtLine<RawNation>>>,
    /// Quotes, grouped by speaker in the reader.
    quotes: Option<Vec<AtLine<RawQuote>>>,
    /// How many comments the source said it had; may exceed the number present.
    comments_reported: Option<Count>,
    /// The top level of the reader-comment tree.
    #[serde(borrow)]
    comments: Option<Comments<'a>>,
}

/// Where the article came from; every key is optional.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source", extend("additionalProperties" = true))]
struct RawSource {
    /// The publication's name.
    publication: Option<Text>,
    /// The article's author.
    author: Option<Text>,
    /// A line or two about the author.
    author_bio: Option<Text>,
    /// Where the article can be read; shown, never followed.
    url: Option<Text>,
    /// The publication date.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    published: Option<Text>,
}

/// A member nation.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Nation", extend("additionalProperties" = true))]
struct RawNation {
    /// The nation's name.
    name: Text,
    /// ISO 3166-1 alpha-2 code.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    code: Option<Text>,
    /// A remark about this nation's part.
    note: Option<Text>,
}

/// A quote; `text` and `speaker` are required.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Quote", extend("additionalProperties" = true))]
struct RawQuote {
    /// Unique among the quotes; derived from the position (`q3`) when absent.
    id: Option<Text>,
    /// Who said it; quotes are grouped by this, compared exactly.
    speaker: Text,
    /// The speaker's position.
    role: Option<Text>,
    /// Where or when it was said.
    context: Option<Text>,
    /// The words, verbatim.
    text: Text,
}

/// The ids seen so far, by hash: a clash, true or not, only sends the file to the
/// checker, which compares the ids themselves. A hash is an eighth of a copied id.
#[derive(Default)]
struct Seen(HashSet<u64>);

impl Seen {
    /// Whether `id` is new; it is seen from now on.
    fn first(&mut self, id: &str) -> bool {
        self.0.insert(Self::hash(id))
    }

    /// Whether `id` may have been seen.
    fn contains(&self, id: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&Self::hash(id))
    }

    fn hash(id: &str) -> u64 {
        use std::hash::{BuildHasher, RandomState};
        thread_local!(static HASHER: RandomState = RandomState::new());
        HASHER.with(|h| h.hash_one(id))
    }
}

fn line<T>(s: &AtLine<T>) -> u32 {
    s.line
}

fn opt(text: Option<Text>) -> Option<String> {
    text.map(|t| t.0)
}

/// The briefing, when `text` follows every rule; `None` sends it to the checker.
///
/// A file past one of the parser's budgets is an error either road would meet, so
/// it comes back as `Err` for the caller to report without reading it twice.
pub fn parse(
    text: &str,
    options: serde_saphyr::Options,
) -> Result<Option<Briefing>, serde_saphyr::Error> {
    let Some(mut raw) = typed(text, options)? else {
        return Ok(None);
    };
    let texts = raw.comments.as_ref().map(|c| c.words.copied());
    let given = given(&mut raw);
    Ok(build(raw).and_then(|b| named(b, texts.unwrap_or_default(), &given)))
}

/// `parse` for text the caller gives up: the comments' words are laid out in
/// the text itself and the rest of it freed, before the comments are named.
pub fn parse_owned(
    text: String,
    options: serde_saphyr::Options,
) -> Result<Option<Briefing>, serde_saphyr::Error> {
    let Some(mut raw) = typed(text.strip_prefix('\u{FEFF}').unwrap_or(&text), options)? else {
        return Ok(None);
    };
    let placed = raw
        .comments
        .as_mut()
        .map(|c| std::mem::take(&mut c.words).placed(&text));
    let given = given(&mut raw);
    let Some(briefing) = build(raw) else {
        return Ok(None);
    };
    let texts = match placed {
        Some(placed) => placed.lay_out(text),
        None => Some(Texts::default()),
    };
    Ok(texts.and_then(|texts| named(briefing, texts, &given)))
}

/// The comments' ids given in `raw`, taken out of it.
fn given(raw: &mut RawBriefing<'_>) -> ByRow {
    raw.comments
        .as_mut()
        .map(|c| std::mem::take(&mut c.given))
        .unwrap_or_default()
}

/// `b` with its comments' words, and their ids: those `given`, the rest named
/// by their place; `None` when two share an id. Done once the file's text is
/// freed: on a deep thread the paths take as much memory as the rows.
fn named(mut b: Briefing, texts: Texts, given: &ByRow) -> Option<Briefing> {
    b.comment_ids = name_comments(&b.comments, given)?;
    b.comment_texts = texts;
    Some(b)
}

/// The typed structs of `text`; `None` for anything but a budget error, which
/// either road would meet.
fn typed(
    text: &str,
    options: serde_saphyr::Options,
) -> Result<Option<RawBriefing<'_>>, serde_saphyr::Error> {
    match serde_saphyr::from_str_with_options::<RawBriefing>(text, options) {
        Ok(raw) => Ok(Some(raw)),
        Err(e) if is_budget(&e) => Err(e),
        Err(_) => Ok(None),
    }
}

/// Whether the parser stopped at one of its budgets (size, depth, aliases).
pub fn is_budget(e: &serde_saphyr::Error) -> bool {
    let mut inner = e;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = inner
    {
        inner = error;
    }
    matches!(inner, serde_saphyr::Error::Budget { .. })
}

/// The model of `raw`, its comments not yet named and without their words;
/// `None` for a broken rule.
fn build(raw: RawBriefing<'_>) -> Option<Briefing> {
    if raw.format.0 != FORMAT || !is_briefing_id(&raw.id.0) || raw.summary.is_empty() {
        return None;
    }
    let source = match raw.source {
        Some(s) => {
            if s.published.as_ref().is_some_and(|d| !is_date(&d.0)) {
                return None;
            }
            Source {
                publication: opt(s.publication),
                author: opt(s.author),
                author_bio: opt(s.author_bio),
                url: opt(s.url),
                published: opt(s.published),
            }
        }
        None => Source::default(),
    };
    let mut nations = Vec::new();
    for n in raw.nations.unwrap_or_default() {
        let at = line(&n);
        let n = n.value;
        // A code outside the nation table is a warning the checker gives.
        if n.code
            .as_ref()
            .is_some_and(|c| !is_nation_code(&c.0) || !is_known_code(&c.0))
        {
            return None;
        }
        nations.push(Nation {
            name: n.name.0,
            code: opt(n.code),
            note: opt(n.note),
            line: at,
        });
    }
    let mut ids = Seen::default();
    let mut quotes = Vec::new();
    for (i, q) in raw.quotes.unwrap_or_default().into_iter().enumerate() {
        let at = line(&q);
        let q = q.value;
        let id = given_or(q.id, || rules::quote_id(i));
        if !ids.first(&id) {
            return None;
        }
        quotes.push(Quote {
            id,
            speaker: q.speaker.0,
            role: opt(q.role),
            context: opt(q.context),
            text: q.text.0,
            speaker_index: 0,
            line: at,
        });
    }
    let speakers = group_speakers(&mut quotes);
    let (comments, comment_times) = match raw.comments {
        Some(c) => {
            let times = spread(c.rows.len(), &c.posted);
            (c.rows, times)
        }
        None => (Vec::new(), Texts::default()),
    };
    let (summary_lines, summary): (Vec<u32>, Vec<String>) = raw
        .summary
        .into_iter()
        .map(|p| (line(&p), p.value.0))
        .unzip();
    let (key_lines, key_points): (Vec<u32>, Vec<String>) = raw
        .key_points
        .unwrap_or_default()
        .into_iter()
        .map(|p| (line(&p), p.value.0))
        .unzip();
    Some(Briefing {
        id: raw.id.0,
        lines: TextLines {
            title: line(&raw.title),
            summary: summary_lines,
            key_points: key_lines,
        },
        title: raw.title.value.0,
        subtitle: opt(raw.subtitle),
        source,
        location: opt(raw.location),
        tags: raw
            .tags
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.0)
            .collect(),
        summary,
        key_points,
        nations,
        quotes,
        speakers,
        comments_reported: raw.comments_reported.map(|Count(n)| n),
        comments,
        comment_texts: Texts::default(),
        comment_ids: Texts::default(),
        comment_times,
    })
}

/// A given id, unless empty; else the one derived from the position.
fn given_or(given: Option<Text>, derived: impl FnOnce() -> String) -> String {
    match given.map(|t| t.0) {
        Some(id) if !id.is_empty() => id,
        _ => derived(),
    }
}
