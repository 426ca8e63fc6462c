//! The reading state of one briefing as it is kept on disk: positions, collapsed
//! comments, read marks, known items and notes, addressed by item identity so an
//! edited briefing keeps what still applies. Pure data and merging; `store` does
//! the files.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::briefing::Texts;

/// The state file's format version. Fields it does not know are kept, so an older
/// `brief` never destroys what a newer one wrote.
pub const VERSION: u32 = 1;

/// One briefing's reading state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The state format's version.
    #[serde(default)]
    pub version: u32,
    /// The briefing's `id`.
    pub id: String,
    /// When the briefing was last opened, in milliseconds since the Unix epoch.
    #[serde(default)]
    pub last_opened_ms: u64,
    /// The focused pane: `summary`, `nations`, `quotes` or `comments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// Lines scrolled in Summary.
    #[serde(default)]
    pub summary_scroll: usize,
    /// The selected nation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<ItemRef>,
    /// The selected quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<ItemRef>,
    /// The selected comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<ItemRef>,
    /// Whether Nations showed the map.
    #[serde(default)]
    pub show_map: bool,
    /// Ids of collapsed comments.
    #[serde(default)]
    pub collapsed: Vec<String>,
    /// Ids of quotes that have been read.
    #[serde(default)]
    pub seen_quotes: Vec<String>,
    /// Ids of comments that have been read.
    #[serde(default)]
    pub seen_comments: Vec<String>,
    /// Ids of the quotes the briefing held when it was last open.
    #[serde(default)]
    pub known_quotes: Vec<String>,
    /// Ids of the comments the briefing held when it was last open: all of
    /// them, so kept end to end in one buffer, as the briefing keeps them.
    #[serde(default)]
    pub known_comments: Texts,
    /// Every note, deleted ones as tombstones so a merge cannot bring them back.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Fields written by a newer `brief`, kept as they are.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// What a note is about: one item of a briefing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    /// A summary paragraph, from 1.
    Summary(usize),
    /// A key point, from 1.
    KeyPoint(usize),
    /// A nation, by ISO code, or by name where it has none.
    Nation(String),
    /// A quote, by id.
    Quote(String),
    /// A comment, by id.
    Comment(String),
}

/// A nation's identity: its code, or its name where it has none.
pub fn nation_key(n: &crate::briefing::Nation) -> String {
    n.code.clone().unwrap_or_else(|| n.name.clone())
}

impl ItemRef {
    /// The part of an address after `#`: a quote or comment id as it is, or
    /// `summary-2`, `key-point-1`, `nation-GB`.
    pub fn anchor(&self) -> String {
        match self {
            ItemRef::Summary(n) => format!("summary-{n}"),
            ItemRef::KeyPoint(n) => format!("key-point-{n}"),
            ItemRef::Nation(code) => format!("nation-{code}"),
            ItemRef::Quote(id) | ItemRef::Comment(id) => id.clone(),
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemRef::Summary(n) => write!(f, "summary:{n}"),
            ItemRef::KeyPoint(n) => write!(f, "key-point:{n}"),
            ItemRef::Nation(code) => write!(f, "nation:{code}"),
            ItemRef::Quote(id) => write!(f, "quote:{id}"),
            ItemRef::Comment(id) => write!(f, "comment:{id}"),
        }
    }
}

impl std::str::FromStr for ItemRef {
    type Err = String;

    fn from_str(text: &str) -> Result<ItemRef, String> {
        let (kind, rest) = text
            .split_once(':')
            .ok_or_else(|| format!("`{text}` is not an item reference"))?;
        let number = || {
            rest.parse::<usize>()
                .map_err(|_| format!("`{text}`: not a number"))
        };
        Ok(match kind {
            "summary" => ItemRef::Summary(number()?),
            "key-point" => ItemRef::KeyPoint(number()?),
            "nation" => ItemRef::Nation(rest.to_owned()),
            "quote" => ItemRef::Quote(rest.to_owned()),
            "comment" => ItemRef::Comment(rest.to_owned()),
            _ => return Err(format!("`{text}`: unknown kind of item `{kind}`")),
        })
    }
}

impl Serialize for ItemRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ItemRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A reader's note on one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Unique across sessions and processes: creation time, process and counter.
    pub id: String,
    /// What the note is about.
    pub item: ItemRef,
    /// The note, as typed.
    pub text: String,
    /// The item's text when the note was written, kept for notes whose item is
    /// later edited out of the briefing.
    #[serde(default)]
    pub excerpt: String,
    /// Creation time, milliseconds since the Unix epoch.
    pub created_ms: u64,
    /// Last change (including deletion), milliseconds since the Unix epoch.
    pub updated_ms: u64,
    /// A deleted note, kept so that merging with another copy does not revive it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// Fields written by a newer `brief`.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// Combines the state on disk with this session's: this session's positions win,
/// read marks are the union, and each note is the copy changed last, so notes
/// added or deleted in either survive as such.
pub fn merge(disk: Saved, mine: Saved) -> Saved {
    let mut notes: BTreeMap<String, Note> = BTreeMap::new();
    for note in disk.notes.into_iter().chain(mine.notes) {
        match notes.get(&note.id) {
            Some(kept) if kept.updated_ms > note.updated_ms => {}
            _ => {
                notes.insert(note.id.clone(), note);
            }
        }
    }
    let mut notes: Vec<Note> = notes.into_values().collect();
    notes.sort_by(|a, b| (a.created_ms, &a.id).cmp(&(b.created_ms, &b.id)));
    let union = |a: Vec<String>, b: Vec<String>| {
        let mut all = a;
        for id in b {
            if !all.contains(&id) {
                all.push(id);
            }
        }
        all
    };
    let mut unknown = disk.unknown;
    unknown.extend(mine.unknown);
    Saved {
        version: disk.version.max(mine.version),
        last_opened_ms: disk.last_opened_ms.max(mine.last_opened_ms),
        seen_quotes: union(disk.seen_quotes, mine.seen_quotes),
        seen_comments: union(disk.seen_comments, mine.seen_comments),
        notes,
        unknown,
        ..mine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, text: &str, updated_ms: u64, deleted: bool) -> Note {
        Note {
            id: id.into(),
            item: ItemRef::Quote("q1".into()),
            text: text.into(),
            excerpt: String::new(),
            created_ms: 1,
            updated_ms,
            deleted,
            unknown: Map::new(),
        }
    }

    #[test]
    fn notes_added_in_either_copy_survive() {
        let disk = Saved {
            notes: vec![note("a", "from disk", 5, false)],
            ..Saved::default()
        };
        let mine = Saved {
            notes: vec![note("b", "mine", 6, false)],
            ..Saved::default()
        };
        let merged = merge(disk, mine);
        let ids: Vec<_> = merged.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn the_later_change_to_a_note_wins_and_deletions_stay_deleted() {
        let disk = Saved {
            notes: vec![note("a", "old", 5, false), note("b", "kept", 5, true)],
            ..Saved::default()
        };
        let mine = Saved {
            notes: vec![note("a", "new", 9, false), note("b", "kept", 3, false)],
            ..Saved::default()
        };
        let merged = merge(disk, mine);
        assert_eq!(merged.notes[0].text, "new");
        assert!(
            merged.notes[1].deleted,
            "an older live copy does not undo a deletion"
        );
    }

    #[test]
    fn unknown_fields_survive_a_round_trip_and_a_merge() {
        let text = r#"{"version":2,"id":"x","future":{"a":1},"notes":[{"id":"n","item":"quote:q1","text":"t","created_ms":1,"updated_ms":1,"colour":"red"}]}"#;
        let disk: Saved = serde_json::from_str(text).expect("parses");
        let merged = merge(
            disk,
            Saved {
                id: "x".into(),
                version: VERSION,
                ..Saved::default()
            },
        );
        let back = serde_json::to_value(&merged).expect("serializes");
        assert_eq!(back["future"]["a"], 1);
        assert_eq!(back["version"], 2, "a newer version number is not lowered");
        assert_eq!(back["notes"][0]["colour"], "red");
    }

    #[test]
    fn read_marks_are_the_union() {
        let disk = Saved {
            seen_quotes: vec!["a".into(), "b".into()],
            ..Saved::default()
        };
        let mine = Saved {
            seen_quotes: vec!["b".into(), "c".into()],
            ..Saved::default()
        };
        assert_eq!(merge(disk, mine).seen_quotes, ["a", "b", "c"]);
    }

    #[test]
    fn item_refs_read_back_what_they_write() {
        for item in [
            ItemRef::Summary(2),
            ItemRef::KeyPoint(1),
            ItemRef::Nation("GB".into()),
            ItemRef::Quote("q:odd".into()),
            ItemRef::Comment("c2.1".into()),
        ] {
            assert_eq!(item.to_string().parse::<ItemRef>(), Ok(item));
        }
    }
}
