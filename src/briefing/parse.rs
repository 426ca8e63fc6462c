//! From YAML text to a validated `Briefing`, with located errors and warnings.
//!
//! `parse` works on a string so tests need no files; `load` adds the file system
//! (size limit, UTF-8 check) in front of it. Every rule of the format page lives
//! here, and nothing else does.

use std::collections::HashMap;
use std::path::Path;

use super::node::{Kind, Node, Pos};
use super::{Briefing, Comment, Diagnostic, Nation, Quote, Severity, Source, Speaker, clean};

/// The one format version this reader understands.
pub const FORMAT: &str = "brief/1";

/// The keys of each map in the format, for unknown-key warnings and the schema test.
pub(crate) mod keys {
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
    pub const SOURCE: &[&str] = &["publication", "author", "author_bio", "url", "published"];
    pub const NATION: &[&str] = &["name", "code", "note"];
    pub const QUOTE: &[&str] = &["id", "speaker", "role", "context", "text"];
    pub const COMMENT: &[&str] = &["id", "text", "author", "posted", "replies"];
}

/// Bounds that keep a hostile file from exhausting the machine.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file accepted, in bytes.
    pub max_bytes: u64,
    /// The deepest nesting of lists and maps (a comment level takes two).
    pub max_depth: usize,
    /// The most YAML nodes (scalars, lists and maps) in one file.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 256,
            max_nodes: 4_000_000,
        }
    }
}

/// A briefing that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The briefing.
    pub briefing: Briefing,
    /// Unknown keys and other things worth fixing that did not refuse the file.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and validates the briefing at `path`; on failure every diagnostic found.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let fail = |message: String| vec![diagnostic(Severity::Error, &file, None, "", message)];
    let limits = Limits::default();
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?
        .len();
    if path.is_dir() {
        return Err(fail("is a folder; name a briefing file".into()));
    }
    if size > limits.max_bytes {
        return Err(fail(format!(
            "the file is {} MiB; briefings are limited to {} MiB",
            size / (1024 * 1024),
            limits.max_bytes / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let pos = end_of(std::str::from_utf8(valid).unwrap_or_default());
        vec![diagnostic(
            Severity::Error,
            &file,
            Some(pos),
            "",
            "the file is not UTF-8 text; save it as UTF-8".into(),
        )]
    })?;
    parse_with(&text, &file, limits)
}

/// Validates briefing YAML held in memory; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Loaded, Vec<Diagnostic>> {
    parse_with(text, file, Limits::default())
}

/// Parsing, checking and dropping the node tree recurse once per nesting level, so
/// the work runs on a thread whose stack fits `Limits::max_depth` with room to spare
/// (the approach rustc takes for deep expressions).
fn parse_with(text: &str, file: &str, limits: Limits) -> Result<Loaded, Vec<Diagnostic>> {
    const STACK_BYTES: usize = 256 * 1024 * 1024;
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("brief-parse".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || parse_on_this_thread(text, file, limits));
        match worker.map(|handle| handle.join()) {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had (a tight process limit): parse here, within the usual stack.
            Err(_) => parse_on_this_thread(text, file, limits),
        }
    })
}

fn parse_on_this_thread(text: &str, file: &str, limits: Limits) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![diagnostic(
            Severity::Error,
            file,
            Some(Pos { line: 1, col: 1 }),
            "",
            format!(
                "the file is empty; a briefing needs at least `format: {FORMAT}`, `id`, `title` and `summary`"
            ),
        )]);
    }
    let root = read_yaml(text, file, limits)?;
    let mut check = Checker {
        file,
        diagnostics: Vec::new(),
    };
    let briefing = check.briefing(&root);
    check
        .diagnostics
        .sort_by_key(|d| d.pos.map(|p| (p.line, p.col)));
    let has_error = check.diagnostics.iter().any(Diagnostic::is_error);
    match briefing {
        Some(briefing) if !has_error => Ok(Loaded {
            briefing,
            warnings: check.diagnostics,
        }),
        _ => Err(check.diagnostics),
    }
}

fn read_yaml(text: &str, file: &str, limits: Limits) -> Result<Node, Vec<Diagnostic>> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_events = limits.max_nodes.saturating_mul(2);
    budget.max_total_scalar_bytes = usize::try_from(limits.max_bytes).unwrap_or(usize::MAX);
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    // YAML 1.1 read `y`, `no` and `off` as booleans: Norway's code `NO` would be `false`.
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options::<Node>(text, options).map_err(|e| {
        let pos = e.location().map(|at| Pos {
            line: u32::try_from(at.line()).unwrap_or(u32::MAX),
            col: u32::try_from(at.column()).unwrap_or(u32::MAX),
        });
        vec![diagnostic(
            Severity::Error,
            file,
            pos.filter(|p| p.line > 0),
            "",
            yaml_message(&e, limits),
        )]
    })
}

/// The parser's message without its own location prefix, which the diagnostic repeats.
fn yaml_message(e: &serde_saphyr::Error, limits: Limits) -> String {
    let mut inner = e;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = inner
    {
        inner = error;
    }
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        use serde_saphyr::budget::BudgetBreach as B;
        return match breach {
            B::Depth { .. } => format!(
                "nested deeper than {} levels (about {} levels of comment replies); flatten the thread",
                limits.max_depth,
                limits.max_depth / 2 - 1
            ),
            B::Nodes { .. } | B::Events { .. } => format!(
                "more than {} YAML values; split the briefing into several files",
                limits.max_nodes
            ),
            B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } | B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => {
                "too many YAML aliases (an \"alias bomb\"); write the text out instead of repeating `*alias`".into()
            }
            other => format!("too large to read safely ({other:?})"),
        };
    }
    let text = inner.to_string();
    if text.contains("recursion limit exceeded") {
        return format!(
            "nested deeper than {} levels; flatten the structure",
            limits.max_depth
        );
    }
    let text = text.lines().next().unwrap_or_default();
    if let Some(rest) = text.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return format!(
            "the key `{}` appears twice in one map; keep one",
            clean(key)
        );
    }
    let text = match text.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") || head.starts_with("error") => rest,
        _ => text,
    };
    let text = text.split(" at line ").next().unwrap_or(text);
    format!("not valid YAML: {text}")
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The position just after `text`, where an invalid byte would start.
fn end_of(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

fn diagnostic(
    severity: Severity,
    file: &str,
    pos: Option<Pos>,
    path: &str,
    message: String,
) -> Diagnostic {
    Diagnostic {
        severity,
        file: file.to_owned(),
        pos,
        path: path.to_owned(),
        message,
    }
}

/// A map's entries by key, after unknown keys have been reported.
struct Fields<'a> {
    pos: Pos,
    path: String,
    entries: Vec<(&'a str, &'a Node)>,
}

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, v)| *k == key && !matches!(v.kind, Kind::Null))
            .map(|(_, v)| *v)
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

struct Checker<'f> {
    file: &'f str,
    diagnostics: Vec<Diagnostic>,
}

/// Where an id was first seen, for duplicate reports.
type Seen = HashMap<String, (String, Pos)>;

impl Checker<'_> {
    fn error(&mut self, pos: Pos, path: &str, message: String) {
        self.diagnostics.push(diagnostic(
            Severity::Error,
            self.file,
            Some(pos),
            path,
            message,
        ));
    }

    fn warn(&mut self, pos: Pos, path: &str, message: String) {
        self.diagnostics.push(diagnostic(
            Severity::Warning,
            self.file,
            Some(pos),
            path,
            message,
        ));
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let hint = match (&node.kind, expected) {
            (Kind::Int(_) | Kind::Float(_) | Kind::Bool(_), "a string") => "; put it in quotes",
            (Kind::Str(_), "a list of strings") => "; write each item on its own `- ` line",
            _ => "",
        };
        let found = node.kind.describe();
        self.error(
            node.pos,
            path,
            format!("expected {expected}, found {found}{hint}"),
        );
    }

    fn fields<'a>(&mut self, node: &'a Node, path: &str, known: &[&str]) -> Option<Fields<'a>> {
        let Kind::Map(entries) = &node.kind else {
            self.wrong_type(node, path, "a map");
            return None;
        };
        let mut fields = Fields {
            pos: node.pos,
            path: path.to_owned(),
            entries: Vec::with_capacity(entries.len()),
        };
        for (key, value) in entries {
            let Kind::Str(name) = &key.kind else {
                self.error(
                    key.pos,
                    path,
                    format!("a key must be text, found {}", key.kind.describe()),
                );
                continue;
            };
            if !known.contains(&name.as_str()) {
                let shown = clean(name);
                self.warn(
                    key.pos,
                    &fields.child(&shown),
                    format!(
                        "unknown key `{shown}` is ignored; known keys here: {}",
                        known.join(", ")
                    ),
                );
            }
            fields.entries.push((name, value));
        }
        Some(fields)
    }

    fn required<'a>(&mut self, fields: &Fields<'a>, key: &str, what: &str) -> Option<&'a Node> {
        let node = fields.get(key);
        if node.is_none() {
            let pos = fields.pos;
            self.error(
                pos,
                &fields.child(key),
                format!("missing required key; add {what}"),
            );
        }
        node
    }

    fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.kind {
            Kind::Str(s) => Some(clean(s).into_owned()),
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    fn opt_string(&mut self, fields: &Fields, key: &str) -> Option<String> {
        let node = fields.get(key)?;
        self.string(node, &fields.child(key))
    }

    fn req_string(&mut self, fields: &Fields, key: &str, what: &str) -> Option<String> {
        let node = self.required(fields, key, what)?;
        self.string(node, &fields.child(key))
    }

    fn list<'a>(&mut self, node: &'a Node, path: &str, expected: &str) -> &'a [Node] {
        match &node.kind {
            Kind::Seq(items) => items,
            _ => {
                self.wrong_type(node, path, expected);
                &[]
            }
        }
    }

    fn strings(&mut self, fields: &Fields, key: &str) -> Vec<String> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        let path = fields.child(key);
        let items = self.list(node, &path, "a list of strings");
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string(item, &format!("{path}[{i}]")))
            .collect()
    }

    fn briefing(&mut self, root: &Node) -> Option<Briefing> {
        let Kind::Map(_) = root.kind else {
            let found = root.kind.describe();
            self.error(
                root.pos,
                "",
                format!(
                    "a briefing is a map of keys (format, id, title, summary, ...), found {found}"
                ),
            );
            return None;
        };
        let f = self.fields(root, "", keys::BRIEFING)?;
        self.format(&f);
        let id = self.briefing_id(&f);
        let title = self.req_string(&f, "title", "the briefing's headline: `title: ...`");
        let summary = self.summary(&f);
        let source = f
            .get("source")
            .and_then(|n| self.source(n))
            .unwrap_or_default();
        let nations = self.nations(&f);
        let (quotes, speakers) = self.quotes(&f);
        let comments = self.comments(&f);
        let comments_reported = self.comments_reported(&f);
        Some(Briefing {
            id: id?,
            title: title?,
            subtitle: self.opt_string(&f, "subtitle"),
            source,
            location: self.opt_string(&f, "location"),
            tags: self.strings(&f, "tags"),
            summary: summary?,
            key_points: self.strings(&f, "key_points"),
            nations,
            quotes,
            speakers,
            comments_reported,
            comments,
        })
    }

    fn format(&mut self, f: &Fields) {
        let hint = format!("`format: {FORMAT}`, the first line of a briefing");
        let Some(node) = self.required(f, "format", &hint) else {
            return;
        };
        if let Some(value) = self.string(node, "format")
            && value != FORMAT
        {
            self.error(
                node.pos,
                "format",
                format!("unsupported format `{value}`; this version of brief reads `{FORMAT}`"),
            );
        }
    }

    fn briefing_id(&mut self, f: &Fields) -> Option<String> {
        let node = self.required(f, "id", "a stable identity such as `id: cspo-florence`")?;
        let id = self.string(node, "id")?;
        let well_formed = id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            self.error(
                node.pos,
                "id",
                format!(
                    "`{id}` is not a valid id: use lowercase letters, digits and `-`, starting with a letter or digit, at most 64 characters"
                ),
            );
            return None;
        }
        Some(id)
    }

    fn summary(&mut self, f: &Fields) -> Option<Vec<String>> {
        let node = self.required(
            f,
            "summary",
            "a list of paragraphs: `summary:` then `- ...` lines",
        )?;
        let paragraphs = self.strings(f, "summary");
        if paragraphs.is_empty() && matches!(node.kind, Kind::Seq(_)) {
            self.error(node.pos, "summary", "needs at least one paragraph".into());
            return None;
        }
        Some(paragraphs)
    }

    fn source(&mut self, node: &Node) -> Option<Source> {
        let f = self.fields(node, "source", keys::SOURCE)?;
        let published = self.opt_string(&f, "published");
        if let (Some(date), Some(node)) = (&published, f.get("published"))
            && !is_date(date)
        {
            self.error(
                node.pos,
                "source.published",
                format!("`{date}` is not a date; write it as YYYY-MM-DD"),
            );
        }
        Some(Source {
            publication: self.opt_string(&f, "publication"),
            author: self.opt_string(&f, "author"),
            author_bio: self.opt_string(&f, "author_bio"),
            url: self.opt_string(&f, "url"),
            published,
        })
    }

    fn nations(&mut self, f: &Fields) -> Vec<Nation> {
        let Some(node) = f.get("nations") else {
            return Vec::new();
        };
        let items = self.list(node, "nations", "a list of nations");
        let mut nations = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("nations[{i}]");
            let Some(n) = self.fields(item, &path, keys::NATION) else {
                continue;
            };
            let name = self.req_string(&n, "name", "the nation's name: `name: ...`");
            let code = self.opt_string(&n, "code");
            if let (Some(c), Some(at)) = (&code, n.get("code"))
                && !(c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
            {
                self.error(
                    at.pos,
                    &n.child("code"),
                    format!("`{c}` is not an ISO 3166-1 alpha-2 code; use two capital letters such as `FR`"),
                );
            }
            if let Some(name) = name {
                nations.push(Nation {
                    name,
                    code,
                    note: self.opt_string(&n, "note"),
                });
            }
        }
        nations
    }

    fn quotes(&mut self, f: &Fields) -> (Vec<Quote>, Vec<Speaker>) {
        let Some(node) = f.get("quotes") else {
            return (Vec::new(), Vec::new());
        };
        let items = self.list(node, "quotes", "a list of quotes");
        let mut quotes = Vec::with_capacity(items.len());
        let mut speakers: Vec<Speaker> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut seen = Seen::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("quotes[{i}]");
            let Some(q) = self.fields(item, &path, keys::QUOTE) else {
                continue;
            };
            let text = self.req_string(&q, "text", "the quoted words: `text: ...`");
            let speaker = self.req_string(&q, "speaker", "who said it: `speaker: ...`");
            let id = self.item_id(&q, &path, format!("q{}", i + 1), &mut seen);
            let (Some(text), Some(speaker)) = (text, speaker) else {
                continue;
            };
            let role = self.opt_string(&q, "role");
            let speaker_index = *by_name.entry(speaker.clone()).or_insert_with(|| {
                speakers.push(Speaker {
                    name: speaker.clone(),
                    role: None,
                    quotes: Vec::new(),
                });
                speakers.len() - 1
            });
            let entry = &mut speakers[speaker_index];
            entry.quotes.push(quotes.len());
            if entry.role.is_none() {
                entry.role.clone_from(&role);
            }
            quotes.push(Quote {
                id,
                speaker,
                role,
                context: self.opt_string(&q, "context"),
                text,
                speaker_index,
                line: q.pos.line,
            });
        }
        (quotes, speakers)
    }

    /// The item's given id, or `derived`; reports ids seen before.
    fn item_id(&mut self, f: &Fields, path: &str, derived: String, seen: &mut Seen) -> String {
        let given = f
            .get("id")
            .and_then(|node| Some((node, self.string(node, &f.child("id"))?)));
        let (id, pos, id_path) = match given {
            Some((node, id)) if !id.is_empty() => (id, node.pos, f.child("id")),
            _ => (derived, f.pos, path.to_owned()),
        };
        if let Some((first, first_pos)) = seen.get(&id) {
            let message = format!(
                "duplicate id `{id}`: {first} at line {} has it too; ids must be unique",
                first_pos.line
            );
            self.error(pos, &id_path, message);
        } else {
            seen.insert(id.clone(), (path.to_owned(), pos));
        }
        id
    }

    fn comments(&mut self, f: &Fields) -> Vec<Comment> {
        let mut rows = Vec::new();
        let mut seen = Seen::new();
        if let Some(node) = f.get("comments") {
            self.comment_list(node, "comments", "c", None, 0, &mut rows, &mut seen);
        }
        rows
    }

    #[allow(clippy::too_many_arguments)]
    fn comment_list(
        &mut self,
        node: &Node,
        path: &str,
        id_prefix: &str,
        parent: Option<usize>,
        depth: usize,
        rows: &mut Vec<Comment>,
        seen: &mut Seen,
    ) {
        let items = self.list(node, path, "a list of comments");
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let derived = if depth == 0 {
                format!("{id_prefix}{}", i + 1)
            } else {
                format!("{id_prefix}.{}", i + 1)
            };
            let Some(c) = self.fields(item, &item_path, keys::COMMENT) else {
                continue;
            };
            let id = self.item_id(&c, &item_path, derived.clone(), seen);
            let text = self.req_string(&c, "text", "the comment's words: `text: ...`");
            let index = rows.len();
            rows.push(Comment {
                id,
                text: text.unwrap_or_default(),
                author: self.opt_string(&c, "author"),
                posted: self.opt_string(&c, "posted"),
                depth,
                parent,
                subtree_end: index + 1,
                line: c.pos.line,
            });
            if let Some(replies) = c.get("replies") {
                let replies_path = c.child("replies");
                self.comment_list(
                    replies,
                    &replies_path,
                    &derived,
                    Some(index),
                    depth + 1,
                    rows,
                    seen,
                );
            }
            rows[index].subtree_end = rows.len();
        }
    }

    fn comments_reported(&mut self, f: &Fields) -> Option<u64> {
        let node = f.get("comments_reported")?;
        match node.kind {
            Kind::Int(n) if n >= 0 => u64::try_from(n).ok(),
            Kind::Int(_) => {
                self.error(node.pos, "comments_reported", "must be 0 or more".into());
                None
            }
            _ => {
                self.wrong_type(node, "comments_reported", "a whole number");
                None
            }
        }
    }
}

fn is_date(text: &str) -> bool {
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
