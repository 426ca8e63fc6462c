//! The careful road: the format's rules (`rules.rs`) applied to a parsed YAML
//! tree, with every failure said: required keys, types, ids, codes and dates,
//! unknown keys as warnings. Every message names the line, column and key path
//! to fix. It reads nodes, through the `Checker`; it never touches files.

use super::checker::{Checker, Fields, MAX_WARNINGS, Seen};
use super::node::Kind;
use super::node::Node;
use super::rules::{self, FORMAT, is_briefing_id, is_date, is_nation_code};
use super::text::echo;
use super::{
    Briefing, Comment, Diagnostic, Nation, Quote, Severity, Source, Speaker, TextLines, Texts,
};

/// Checks a parsed document; the briefing when it has no error, and every diagnostic
/// found, in file order.
pub fn check(root: &Node, file: &str) -> (Option<Briefing>, Vec<Diagnostic>) {
    let mut checker = Checker::new(file);
    let briefing = checker.briefing(root);
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort_by_key(|d| d.pos.map(|p| (p.line, p.col)));
    if checker.unlisted_warnings > 0 {
        diagnostics.push(Diagnostic {
            unlisted: checker.unlisted_warnings,
            ..Diagnostic::new(
                Severity::Warning,
                file,
                None,
                "",
                format!(
                    "{} more warnings not listed; fix the {MAX_WARNINGS} above and check again",
                    checker.unlisted_warnings
                ),
            )
        });
    }
    let has_error = diagnostics.iter().any(Diagnostic::is_error);
    (briefing.filter(|_| !has_error), diagnostics)
}

/// The comment rows the careful road makes, with their words and ids.
#[derive(Default)]
struct Rows {
    list: Vec<Comment>,
    texts: Texts,
    ids: Texts,
    times: Texts,
}

impl Checker<'_> {
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
        let f = self.fields(root, "", rules::keys::BRIEFING)?;
        self.format(&f);
        let id = self.briefing_id(&f);
        let title = self.req_string(&f, "title", "the briefing's headline: `title: ...`");
        let summary = self.summary(&f);
        let key_points = self.strings_at(&f, "key_points");
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
            lines: TextLines {
                title: f.get("title").map_or(1, |n| n.pos.line),
                summary: summary.as_ref()?.iter().map(|(_, l)| *l).collect(),
                key_points: key_points.iter().map(|(_, l)| *l).collect(),
            },
            summary: summary?.into_iter().map(|(s, _)| s).collect(),
            key_points: key_points.into_iter().map(|(s, _)| s).collect(),
            nations,
            quotes,
            speakers,
            comments_reported,
            comments: comments.list,
            comment_texts: comments.texts,
            comment_ids: comments.ids,
            comment_times: comments.times,
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
                format!(
                    "unsupported format `{}`; this version of brief reads `{FORMAT}`",
                    echo(&value)
                ),
            );
        }
    }

    fn briefing_id(&mut self, f: &Fields) -> Option<String> {
        let node = self.required(f, "id", "a stable identity such as `id: cspo-florence`")?;
        let id = self.string(node, "id")?;
        if !is_briefing_id(&id) {
            self.error(
                node.pos,
                "id",
                format!(
                    "`{}` is not a valid id: use lowercase letters, digits and `-`, starting with a letter or digit, at most 64 characters",
                    echo(&id)
                ),
            );
            return None;
        }
        Some(id)
    }

    fn summary(&mut self, f: &Fields) -> Option<Vec<(String, u32)>> {
        let node = self.required(
            f,
            "summary",
            "a list of paragraphs: `summary:` then `- ...` lines",
        )?;
        let paragraphs = self.strings_at(f, "summary");
        if paragraphs.is_empty() && matches!(node.kind, Kind::Seq(_)) {
            self.error(node.pos, "summary", "needs at least one paragraph".into());
            return None;
        }
        Some(paragraphs)
    }

    fn source(&mut self, node: &Node) -> Option<Source> {
        let f = self.fields(node, "source", rules::keys::SOURCE)?;
        let published = self.opt_string(&f, "published");
        if let (Some(date), Some(node)) = (&published, f.get("published"))
            && !is_date(date)
        {
            self.error(
                node.pos,
                "source.published",
                format!("`{}` is not a date; write it as YYYY-MM-DD", echo(date)),
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
            let Some(n) = self.fields(item, &path, rules::keys::NATION) else {
                continue;
            };
            let name = self.req_string(&n, "name", "the nation's name: `name: ...`");
            let code = self.opt_string(&n, "code");
            if let (Some(c), Some(at)) = (&code, n.get("code"))
                && !is_nation_code(c)
            {
                self.error(
                    at.pos,
                    &n.child("code"),
                    format!(
                        "`{}` is not an ISO 3166-1 alpha-2 code; use two capital letters such as `FR`",
                        echo(c)
                    ),
                );
            } else if let (Some(c), Some(at)) = (&code, n.get("code"))
                && !rules::is_known_code(c)
            {
                let hint = match crate::nations::by_name(c) {
                    Some(known) => format!("; {} is `{}`", known.name, known.code),
                    None => String::new(),
                };
                self.warn(
                    at.pos,
                    &n.child("code"),
                    format!("`{c}` is not a nation code brief knows{hint}"),
                );
            }
            if let Some(name) = name {
                nations.push(Nation {
                    name,
                    code,
                    note: self.opt_string(&n, "note"),
                    line: n.pos.line,
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
        let mut seen = Seen::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("quotes[{i}]");
            let Some(q) = self.fields(item, &path, rules::keys::QUOTE) else {
                continue;
            };
            let text = self.req_string(&q, "text", "the quoted words: `text: ...`");
            let speaker = self.req_string(&q, "speaker", "who said it: `speaker: ...`");
            let id = self.item_id(&q, &path, rules::quote_id(i), &mut seen);
            let (Some(text), Some(speaker)) = (text, speaker) else {
                continue;
            };
            quotes.push(Quote {
                id,
                speaker,
                role: self.opt_string(&q, "role"),
                context: self.opt_string(&q, "context"),
                text,
                speaker_index: 0,
                line: q.pos.line,
            });
        }
        let speakers = super::group_speakers(&mut quotes);
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
                "duplicate id `{}`: {first} at line {} has it too; ids must be unique",
                echo(&id),
                first_pos.line
            );
            self.error(pos, &id_path, message);
        } else {
            seen.insert(id.clone(), (path.to_owned(), pos));
        }
        id
    }

    fn comments(&mut self, f: &Fields) -> Rows {
        let mut rows = Rows::default();
        let mut seen = Seen::new();
        if let Some(node) = f.get("comments") {
            self.comment_list(node, "comments", "", (None, 0), &mut rows, &mut seen);
        }
        rows
    }

    fn comment_list(
        &mut self,
        node: &Node,
        path: &str,
        id_prefix: &str,
        (parent, depth): (Option<usize>, usize),
        rows: &mut Rows,
        seen: &mut Seen,
    ) {
        let items = self.list(node, path, "a list of comments");
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let derived = rules::comment_id((depth > 0).then_some(id_prefix), i);
            let Some(c) = self.fields(item, &item_path, rules::keys::COMMENT) else {
                continue;
            };
            let id = self.item_id(&c, &item_path, derived.clone(), seen);
            let text = self.req_string(&c, "text", "the comment's words: `text: ...`");
            let index = rows.list.len();
            rows.texts.push(text.as_deref().unwrap_or_default());
            rows.ids.push(&id);
            let posted = self.opt_string(&c, "posted");
            rows.times.push(posted.as_deref().unwrap_or_default());
            rows.list.push(Comment {
                author: self.opt_string(&c, "author").map(Into::into),
                depth,
                parent,
                subtree_end: index + 1,
                // The text's own line: the fast road reads it there, and a search
                // hit points at the words.
                line: c.get("text").map_or(c.pos.line, |n| n.pos.line),
            });
            if let Some(replies) = c.get("replies") {
                let replies_path = c.child("replies");
                self.comment_list(
                    replies,
                    &replies_path,
                    &derived,
                    (Some(index), depth + 1),
                    rows,
                    seen,
                );
            }
            rows.list[index].subtree_end = rows.list.len();
        }
    }

    fn comments_reported(&mut self, f: &Fields) -> Option<u64> {
        let node = f.get("comments_reported")?;
        let too_large = || format!("is too large; a count is at most {}", u64::MAX);
        match node.kind {
            Kind::Int(n) if n >= 0 => match u64::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(node.pos, "comments_reported", too_large());
                    None
                }
            },
            Kind::Int(_) => {
                self.error(node.pos, "comments_reported", "must be 0 or more".into());
                None
            }
            // Past u64 the parser reads digits as a float.
            Kind::Float(x) if x.fract() == 0.0 && x >= u64::MAX as f64 => {
                self.error(node.pos, "comments_reported", too_large());
                None
            }
            _ => {
                self.wrong_type(node, "comments_reported", "a whole number");
                None
            }
        }
    }
}
