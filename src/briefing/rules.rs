//! The briefing format's rules, in one place for both roads to the model: the
//! format string, the keys of each map, what an id, a nation code and a date
//! look like, and how an item without an id gets one from its place. The fast
//! road (`fast/`) takes a file that keeps every rule; the careful one
//! (`check.rs`) says where a file breaks one. `docs/FORMAT.md` is the prose.

/// The one format version this reader understands.
pub const FORMAT: &str = "brief/1";

/// The keys of each map in the format, for unknown-key warnings and the schema test.
pub mod keys {
    /// The top level.
    pub const BRIEFING: &[&str] = &[
        "format",
        "id",
        "title",
        "subtitle",
        "source",
        "location",
        "tags",
        "summary",
        "key_points",
        "nations",
        "quotes",
        "comments_reported",
        "comments",
    ];
    /// `source`.
    pub const SOURCE: &[&str] = &["publication", "author", "author_bio", "url", "published"];
    /// Each of `nations`.
    pub const NATION: &[&str] = &["name", "code", "note"];
    /// Each of `quotes`.
    pub const QUOTE: &[&str] = &["id", "speaker", "role", "context", "text"];
    /// Each comment, at any depth.
    pub const COMMENT: &[&str] = &["id", "text", "author", "posted", "replies"];
}

/// A quote's id when none is given: its place, from 1 (`q3`).
pub fn quote_id(index: usize) -> String {
    format!("q{}", index + 1)
}

/// A comment's id when none is given: its place in the tree, from 1, under its
/// parent's (`c2`, `c2.1`, `c2.1.4`); `parent` is the parent's path, `None` at
/// the top level.
pub fn comment_id(parent: Option<&str>, index: usize) -> String {
    let mut id = parent.unwrap_or_default().to_owned();
    push_comment_place(&mut id, parent.is_none(), index);
    id
}

/// Writes a comment's place after its parent's path in `path` (which the fast
/// road keeps as it walks the tree, to name a thread without an allocation a
/// comment): `c3` at the top level, `.4` below.
pub fn push_comment_place(path: &mut String, top: bool, index: usize) {
    use std::fmt::Write as _;
    let _ = if top {
        write!(path, "c{}", index + 1)
    } else {
        write!(path, ".{}", index + 1)
    };
}

/// `[a-z0-9][a-z0-9-]*`, at most 64 characters.
pub fn is_briefing_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Two capital letters, the shape of an ISO 3166-1 alpha-2 code.
pub fn is_nation_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// `YYYY-MM-DD` with a month and a day in range.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Whether `code` is a nation the nation table knows; another code is a
/// warning, and keeps a file off the fast road.
pub fn is_known_code(code: &str) -> bool {
    crate::nations::by_code(code).is_some()
}
