//! Comments on the fast road: the reply tree read straight into the model's flat
//! pre-order rows as the parser streams, then named by their place.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::values::{AtLine, Str, Text};
use super::words::Words;
use super::{Seen, opt};
use crate::briefing::{Comment, Texts, rules};

/// The comment tree, read straight into the model's rows in pre-order as the
/// parser streams: no tree of typed comments is built, moved and dropped on the
/// way (on a 23 MB file that tree cost 25 ms of the 565 it took to open). Each
/// row's words are where the parser left them, mostly slices of the file's
/// text, until `Placed::lay_out` puts them end to end; the ids given are kept
/// by row, for `name_comments` to name the rest by their place, and so are the
/// times given, for `spread` to lay out.
pub(super) struct Comments<'a> {
    pub(super) rows: Vec<Comment>,
    pub(super) words: Words<'a>,
    pub(super) given: ByRow,
    pub(super) posted: ByRow,
}

/// Strings only some comments give (an id, when they were posted), each with
/// its row, in order.
pub(super) type ByRow = Vec<(usize, String)>;

impl<'de: 'a, 'a> Deserialize<'de> for Comments<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Comments<'a>, D::Error> {
        let mut rows = Rows::default();
        d.deserialize_seq(Thread {
            rows: &mut rows,
            parent: None,
            depth: 0,
        })?;
        // Grown by doubling, the rows may hold a third more room than they use.
        rows.list.shrink_to_fit();
        rows.words.shrink_to_fit();
        // A comment's map ends after its replies', so its id and time arrive
        // after theirs: put back in row order.
        rows.given.sort_unstable_by_key(|(row, _)| *row);
        rows.posted.sort_unstable_by_key(|(row, _)| *row);
        Ok(Comments {
            rows: rows.list,
            words: Words(rows.words),
            given: rows.given,
            posted: rows.posted,
        })
    }
}

/// The rows read so far, their words, and every author's name kept once: a
/// reader who wrote a thousand comments is one string, not a thousand.
#[derive(Default)]
struct Rows<'a> {
    list: Vec<Comment>,
    words: Vec<Cow<'a, str>>,
    given: ByRow,
    posted: ByRow,
    authors: HashSet<Arc<str>>,
}

impl Rows<'_> {
    fn author(&mut self, name: String) -> Arc<str> {
        if let Some(known) = self.authors.get(name.as_str()) {
            return Arc::clone(known);
        }
        let name: Arc<str> = name.into();
        self.authors.insert(Arc::clone(&name));
        name
    }
}

/// The comment tree as the schema shows it: a `Comment` definition whose
/// `replies` are Comments again. Written here, beside the reader of the same
/// keys (`Field`, `rules::keys::COMMENT`), which streams rows rather than
/// building the structs a derive would describe; a test holds the keys equal.
impl JsonSchema for Comments<'_> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Comments".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text =
            |description: &str| json_schema!({ "description": description, "type": "string" });
        let optional = |description: &str| json_schema!({ "description": description, "type": ["string", "null"] });
        let comment = json_schema!({
            "description": "A reader comment and its replies.",
            "type": "object",
            "properties": {
                "id": optional("Unique among the comments; derived from the position (`c2.1.4`) when absent."),
                "text": text("The comment's words."),
                "author": optional("Who wrote it."),
                "posted": optional("When it was posted."),
                "replies": {
                    "description": "Replies, nested to any depth.",
                    "type": ["array", "null"],
                    "items": { "$ref": "#/$defs/Comment" }
                }
            },
            "required": ["text"]
        });
        generator
            .definitions_mut()
            .insert("Comment".into(), comment.to_value());
        json_schema!({ "type": "array", "items": { "$ref": "#/$defs/Comment" } })
    }
}

/// A list of comments: the top level, or the replies to the row `parent`.
struct Thread<'r, 'a> {
    rows: &'r mut Rows<'a>,
    parent: Option<usize>,
    depth: usize,
}

impl<'de: 'a, 'a> Visitor<'de> for Thread<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of comments")
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(()) = seq.next_element_seed(One {
            rows: &mut *self.rows,
            parent: self.parent,
            depth: self.depth,
        })? {}
        Ok(())
    }
}

/// A comment's `replies`: absent, null, or a list.
struct Replies<'r, 'a>(Thread<'r, 'a>);

impl<'de: 'a, 'a> de::DeserializeSeed<'de> for Replies<'_, 'a> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for Replies<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of replies")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self.0)
    }
}

/// One comment. Its row is pushed before its replies are read, so rows come out
/// in pre-order, and filled in when its map ends.
struct One<'r, 'a> {
    rows: &'r mut Rows<'a>,
    parent: Option<usize>,
    depth: usize,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Id,
    Text,
    Author,
    Posted,
    Replies,
}

impl<'de: 'a, 'a> de::DeserializeSeed<'de> for One<'_, 'a> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Comment", rules::keys::COMMENT, self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for One<'_, 'a> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a comment")
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let index = self.rows.list.len();
        self.rows.list.push(Comment {
            author: None,
            depth: self.depth,
            parent: self.parent,
            subtree_end: index + 1,
            line: 0,
        });
        self.rows.words.push(Cow::Borrowed(""));
        // A key given twice is the parser's to refuse (its duplicate-key policy).
        let (mut id, mut text, mut author, mut posted) = (None, None, None, None);
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Id => id = map.next_value::<Option<Text>>()?,
                Field::Text => text = Some(map.next_value::<AtLine<Str<'a>>>()?),
                Field::Author => author = map.next_value::<Option<Text>>()?,
                Field::Posted => posted = map.next_value::<Option<Text>>()?,
                Field::Replies => map.next_value_seed(Replies(Thread {
                    rows: &mut *self.rows,
                    parent: Some(index),
                    depth: self.depth + 1,
                }))?,
            }
        }
        let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
        let author = opt(author).map(|name| self.rows.author(name));
        let end = self.rows.list.len();
        if let Some(id) = opt(id).filter(|id| !id.is_empty()) {
            self.rows.given.push((index, id));
        }
        if let Some(posted) = opt(posted).filter(|posted| !posted.is_empty()) {
            self.rows.posted.push((index, posted));
        }
        let row = &mut self.rows.list[index];
        row.line = text.line;
        row.author = author;
        row.subtree_end = end;
        self.rows.words[index] = text.value.0;
        Ok(())
    }
}

/// Every comment's id, in order: the one `given`, else the path of its place
/// (`c2.1.4`); `None` when two comments share an id.
///
/// Paths differ by construction, so only a given id can clash: with another given
/// id or with a path. A thread with no ids given is named without hashing any.
pub(super) fn name_comments(rows: &[Comment], given: &ByRow) -> Option<Texts> {
    let mut seen = Seen::default();
    for (_, id) in given {
        if !seen.first(id) {
            return None;
        }
    }
    let mut given = given.iter().peekable();
    let mut ids = Texts::default();
    // The path of the last row, and for each row on the way down to it where its
    // path ends and how many replies it has had so far.
    let mut path = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut top = 0;
    for (i, row) in rows.iter().enumerate() {
        ends.truncate(row.depth);
        match ends.last_mut() {
            Some((end, replies)) => {
                path.truncate(*end);
                rules::push_comment_place(&mut path, false, *replies);
                *replies += 1;
            }
            None => {
                path.clear();
                rules::push_comment_place(&mut path, true, top);
                top += 1;
            }
        }
        ends.push((path.len(), 0));
        match given.next_if(|(row, _)| *row == i) {
            Some((_, id)) => ids.push(id),
            None if seen.contains(&path) => return None,
            None => ids.push(&path),
        }
    }
    Some(ids)
}

/// `count` texts, the `i`th the string `by_row` gives row `i`, else empty.
pub(super) fn spread(count: usize, by_row: &ByRow) -> Texts {
    let mut by_row = by_row.iter().peekable();
    (0..count)
        .map(|i| {
            by_row
                .next_if(|(row, _)| *row == i)
                .map_or("", |(_, s)| s.as_str())
        })
        .collect()
}
