//! The fast road from YAML to a `Briefing`: serde fills typed structs straight from
//! the parser, with no tree of nodes in between, so a large file costs little more
//! than parsing it. It takes only files that follow every rule exactly; anything
//! else (an unknown key, a wrong type, a broken rule) returns `None`, and the
//! checker in `check` reads the file again to say where and what is wrong. A test
//! holds the two roads to the same result.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

mod thread;

use thread::{Comments, name_comments};

use super::check::{FORMAT, is_briefing_id, is_date, is_nation_code};
use super::text::{clean, clean_owned};
use super::{Briefing, Nation, Quote, Source, TextLines, group_speakers};

/// A string that was written as a string (a number or boolean where text belongs
/// is the checker's to report, not ours to turn into text), cleaned for the
/// terminal as it arrives: then the parser's copy is still in the cache, where
/// cleaning a comment after its replies were read found it long gone (25 ms on
/// a 23 MB file).
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(clean(v).into_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                let mut v = clean_owned(v);
                // The parser builds strings as it reads them and leaves spare room;
                // across 100,000 comments that room is a third of the memory.
                v.shrink_to_fit();
                Ok(Text(v))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A whole number written as a number: `! 5` (a tagged string) or `5.0` is the
/// checker's to refuse, as it would be if this road read it as text.
struct Count(u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Ok(Count(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                u64::try_from(v)
                    .map(Count)
                    .map_err(|_| E::custom("a negative count"))
            }
        }
        d.deserialize_any(CountVisitor)
    }
}

/// A value with the line it starts on. The parser's `Spanned` carries two full
/// locations; keeping only the line saves a third of the memory of a big file.
/// A comment takes its line from its text, a scalar, which the parser locates
/// more cheaply than the whole map.
struct AtLine<T> {
    line: u32,
    value: T,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for AtLine<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AtLine<T>, D::Error> {
        let spanned = Spanned::<T>::deserialize(d)?;
        Ok(AtLine {
            line: u32::try_from(spanned.referenced.line()).unwrap_or(u32::MAX),
            value: spanned.value,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBriefing {
    format: Text,
    id: Text,
    title: AtLine<Text>,
    subtitle: Option<Text>,
    source: Option<RawSource>,
    location: Option<Text>,
    tags: Option<Vec<Text>>,
    summary: Vec<AtLine<Text>>,
    key_points: Option<Vec<AtLine<Text>>>,
    nations: Option<Vec<AtLine<RawNation>>>,
    quotes: Option<Vec<AtLine<RawQuote>>>,
    comments_reported: Option<Count>,
    comments: Option<Comments>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    publication: Option<Text>,
    author: Option<Text>,
    author_bio: Option<Text>,
    url: Option<Text>,
    published: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNation {
    name: Text,
    code: Option<Text>,
    note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    id: Option<Text>,
    speaker: Text,
    role: Option<Text>,
    context: Option<Text>,
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
    Ok(typed(text, options)?.and_then(build))
}

/// `parse` for text the caller gives up: the text is dropped as soon as the typed
/// structs and comment rows hold their own copies, before the comments are named
/// and the rest of the model is built.
pub fn parse_owned(
    text: String,
    options: serde_saphyr::Options,
) -> Result<Option<Briefing>, serde_saphyr::Error> {
    let raw = typed(text.strip_prefix('\u{FEFF}').unwrap_or(&text), options)?;
    drop(text);
    Ok(raw.and_then(build))
}

/// The typed structs of `text`; `None` for anything but a budget error, which
/// either road would meet.
fn typed(
    text: &str,
    options: serde_saphyr::Options,
) -> Result<Option<RawBriefing>, serde_saphyr::Error> {
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

fn build(raw: RawBriefing) -> Option<Briefing> {
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
            .is_some_and(|c| !is_nation_code(&c.0) || crate::nations::by_code(&c.0).is_none())
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
        let id = given_or(q.id, || format!("q{}", i + 1));
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
    let mut comments = raw.comments.map(|c| c.0).unwrap_or_default();
    name_comments(&mut comments)?;
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
    })
}

/// A given id, unless empty; else the one derived from the position.
fn given_or(given: Option<Text>, derived: impl FnOnce() -> String) -> String {
    match given.map(|t| t.0) {
        Some(id) if !id.is_empty() => id,
        _ => derived(),
    }
}
