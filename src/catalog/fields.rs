//! What the catalog keeps of one briefing: the schema's fields, and the document
//! one briefing file makes. Everything a line of the file can say is in some
//! field, so a file the catalog does not find for a word is a file `brief
//! search` would not find either.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::briefing::Briefing;
use crate::library::card::{Row, Said};
use crate::state::Note;

/// The tokenizer of every text field: words (runs of letters and digits,
/// however long, so a word of any length is found) and pictographs, lower-cased.
pub const TOKENIZER: &str = "brief";

/// The analyzer registered as [`TOKENIZER`].
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(Words::default())
        .filter(LowerCaser)
        .build()
}

/// Splits text into runs of letters and digits, as tantivy's `SimpleTokenizer`
/// does, and keeps each pictograph or symbol (`🛰`, `€`, `→`) as a word of its
/// own: a phrase remembered with its emoji finds the briefing that has them.
#[derive(Clone, Default)]
struct Words {
    token: Token,
}

/// The words of one text (see `Words`).
struct WordStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    token: &'a mut Token,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            chars: text.char_indices().peekable(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((from, c)) = self.chars.next() {
            let to = if c.is_alphanumeric() {
                let mut to = from + c.len_utf8();
                while let Some(&(at, next)) = self.chars.peek()
                    && next.is_alphanumeric()
                {
                    to = at + next.len_utf8();
                    self.chars.next();
                }
                to
            } else if is_pictograph(c) {
                from + c.len_utf8()
            } else {
                continue;
            };
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.text.push_str(&self.text[from..to]);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A symbol that stands for something on its own: from the letterlike symbols
/// (U+2100) up, neither a letter, a digit nor a space, nor punctuation (CJK,
/// fullwidth, supplemental), nor what only shapes the character before it
/// (variation selectors, skin tones, tags).
fn is_pictograph(c: char) -> bool {
    u32::from(c) >= 0x2100
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(
            u32::from(c),
            0x2E00..=0x2E7F
                | 0x3000..=0x303F
                | 0xFE00..=0xFE6F
                | 0xFF00..=0xFF65
                | 0x1F3FB..=0x1F3FF
                | 0xE0000..=0xE01EF
        )
}

/// The fields, by name, with the weight a match in each carries when ranking.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The file, as found (the key a document is replaced or dropped by).
    pub path: Field,
    /// The file's size, modification time (ns) and notes' time when indexed.
    pub size: Field,
    /// See `size`.
    pub modified: Field,
    /// See `size`.
    pub notes_modified: Field,
    /// The briefing's id (empty for a refused file).
    pub id: Field,
    /// Title and subtitle.
    pub title: Field,
    /// Who is quoted, with their roles.
    pub speakers: Field,
    /// What they said, with the context.
    pub quotes: Field,
    /// Summary paragraphs and key points.
    pub summary: Field,
    /// Readers' comments.
    pub comments: Field,
    /// Comment authors and the article's author.
    pub authors: Field,
    /// Nation codes and names.
    pub nations: Field,
    /// Tags.
    pub tags: Field,
    /// Publication, URL, location, dates, the author's bio, nation notes.
    pub source: Field,
    /// The user's notes.
    pub notes: Field,
    /// The library's row for the file (`library::card::Row` in postcard, a
    /// compact binary serde format that decodes several times faster than
    /// JSON), a column only: a start reads the rows in one pass, not the
    /// files, nor the stored documents.
    pub row: Field,
    /// Who said each quote (`library::card::Said`s as JSON), stored only: the
    /// speaker index reads them when it is asked for.
    pub said: Field,
}

impl Fields {
    /// The searchable text fields, each with its ranking weight: the title,
    /// speakers and quotes above the summary, above comments.
    pub fn weighted(&self) -> [(Field, f32); 10] {
        [
            (self.title, 3.0),
            (self.speakers, 2.5),
            (self.quotes, 2.0),
            (self.summary, 1.5),
            (self.notes, 1.5),
            (self.nations, 1.2),
            (self.tags, 1.2),
            (self.authors, 1.0),
            (self.comments, 1.0),
            (self.source, 0.8),
        ]
    }

    /// The searchable text fields, in the order of `weighted` (the order of
    /// the bits of a segment's list of words, see `words`).
    pub fn searched(&self) -> [Field; 10] {
        self.weighted().map(|(field, _)| field)
    }

    /// The field a query's `name:` prefix names (`speaker:knighton`).
    pub fn named(&self, name: &str) -> Option<Field> {
        Some(match name {
            "title" => self.title,
            "speaker" | "speakers" => self.speakers,
            "quote" | "quotes" => self.quotes,
            "summary" => self.summary,
            "comment" | "comments" => self.comments,
            "author" | "authors" => self.authors,
            "nation" | "nations" => self.nations,
            "tag" | "tags" => self.tags,
            "source" => self.source,
            "note" | "notes" => self.notes,
            _ => return None,
        })
    }
}

/// The catalog's schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_text = text.clone().set_stored();
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED | FAST),
        size: b.add_u64_field("size", STORED | FAST | INDEXED),
        modified: b.add_u64_field("modified", STORED | FAST),
        notes_modified: b.add_u64_field("notes_modified", STORED | FAST),
        id: b.add_text_field("id", STRING | STORED | FAST),
        title: b.add_text_field("title", stored_text),
        speakers: b.add_text_field("speakers", text.clone()),
        quotes: b.add_text_field("quotes", text.clone()),
        summary: b.add_text_field("summary", text.clone()),
        comments: b.add_text_field("comments", text.clone()),
        authors: b.add_text_field("authors", text.clone()),
        nations: b.add_text_field("nations", text.clone()),
        tags: b.add_text_field("tags", text.clone()),
        source: b.add_text_field("source", text.clone()),
        notes: b.add_text_field("notes", text),
        row: b.add_bytes_field("row", FAST),
        said: b.add_text_field("said", STORED),
    };
    (b.build(), fields)
}

/// When a file was indexed: its size and modification time, and its notes'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since the epoch, as far as u64 holds.
    pub modified: u64,
    /// The notes file's modification time, 0 when there is none.
    pub notes_modified: u64,
}

/// The document for one file: `briefing` when it loaded (a refused file is kept
/// by its path, stamp and row only, so it is not read again until it changes).
pub fn document(
    f: &Fields,
    path: &str,
    stamp: Stamp,
    row: &Row,
    briefing: Option<&Briefing>,
    notes: &[Note],
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.path, path);
    doc.add_u64(f.size, stamp.size);
    doc.add_u64(f.modified, stamp.modified);
    doc.add_u64(f.notes_modified, stamp.notes_modified);
    // A row is plain data: it always serializes.
    doc.add_bytes(f.row, &postcard::to_stdvec(row).unwrap_or_default());
    let Some(b) = briefing else {
        return doc;
    };
    doc.add_text(
        f.said,
        serde_json::to_string(&Said::of(b)).unwrap_or_default(),
    );
    doc.add_text(f.id, &b.id);
    doc.add_text(f.title, &b.title);
    let mut add = |field: Field, text: Option<&str>| {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            doc.add_text(field, text);
        }
    };
    add(f.title, b.subtitle.as_deref());
    for q in &b.quotes {
        add(f.speakers, Some(&q.speaker));
        add(f.speakers, q.role.as_deref());
        add(f.quotes, Some(&q.text));
        add(f.quotes, q.context.as_deref());
    }
    for text in b.summary.iter().chain(&b.key_points) {
        add(f.summary, Some(text));
    }
    for (i, c) in b.comments.iter().enumerate() {
        add(f.comments, Some(b.comment_text(i)));
        add(f.authors, c.author.as_deref());
        add(f.source, b.comment_posted(i));
    }
    add(f.authors, b.source.author.as_deref());
    for n in &b.nations {
        add(f.nations, n.code.as_deref());
        add(f.nations, Some(&n.name));
        add(f.source, n.note.as_deref());
    }
    for tag in &b.tags {
        add(f.tags, Some(tag));
    }
    let s = &b.source;
    for text in [
        &s.publication,
        &s.url,
        &s.published,
        &s.author_bio,
        &b.location,
    ] {
        add(f.source, text.as_deref());
    }
    for note in notes.iter().filter(|n| !n.deleted) {
        add(f.notes, Some(&note.text));
    }
    doc
}
