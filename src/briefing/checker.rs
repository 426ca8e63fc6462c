//! The careful road's machinery: a `Checker` collects diagnostics while it reads
//! nodes, with the checks every key of a briefing shares (a map and its known
//! keys, required keys, strings and lists), each failure located and named by
//! its key path. The format's own rules are in `rules.rs`, applied by `check.rs`.

use std::collections::HashMap;

use super::node::{Kind, Node, Pos};
use super::text::echo;
use super::{Diagnostic, Severity, clean};

/// A map's entries by key, after unknown keys have been reported.
pub(super) struct Fields<'a> {
    pub(super) pos: Pos,
    pub(super) path: String,
    entries: Vec<(&'a str, &'a Node)>,
}

impl<'a> Fields<'a> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, v)| *k == key && !matches!(v.kind, Kind::Null))
            .map(|(_, v)| *v)
    }

    pub(super) fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// How many warnings one file reports before the rest are only counted: 100,000
/// unknown keys make a short list and a count, not 21 MB of messages.
pub(super) const MAX_WARNINGS: usize = 20;

pub(super) struct Checker<'f> {
    pub(super) file: &'f str,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Warnings past `MAX_WARNINGS`, counted instead of kept.
    pub(super) unlisted_warnings: usize,
    listed_warnings: usize,
}

/// Where an id was first seen, for duplicate reports.
pub(super) type Seen = HashMap<String, (String, Pos)>;

impl<'f> Checker<'f> {
    pub(super) fn new(file: &'f str) -> Checker<'f> {
        Checker {
            file,
            diagnostics: Vec::new(),
            unlisted_warnings: 0,
            listed_warnings: 0,
        }
    }

    pub(super) fn error(&mut self, pos: Pos, path: &str, message: String) {
        self.diagnostics.push(Diagnostic::new(
            Severity::Error,
            self.file,
            Some(pos),
            path,
            message,
        ));
    }

    pub(super) fn warn(&mut self, pos: Pos, path: &str, message: String) {
        if self.listed_warnings == MAX_WARNINGS {
            self.unlisted_warnings += 1;
            return;
        }
        self.listed_warnings += 1;
        self.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            self.file,
            Some(pos),
            path,
            message,
        ));
    }

    pub(super) fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
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

    pub(super) fn fields<'a>(
        &mut self,
        node: &'a Node,
        path: &str,
        known: &[&str],
    ) -> Option<Fields<'a>> {
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
                let shown = echo(name);
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

    pub(super) fn required<'a>(
        &mut self,
        fields: &Fields<'a>,
        key: &str,
        what: &str,
    ) -> Option<&'a Node> {
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

    pub(super) fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.kind {
            Kind::Str(s) => Some(clean(s).into_owned()),
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    pub(super) fn opt_string(&mut self, fields: &Fields, key: &str) -> Option<String> {
        let node = fields.get(key)?;
        self.string(node, &fields.child(key))
    }

    pub(super) fn req_string(&mut self, fields: &Fields, key: &str, what: &str) -> Option<String> {
        let node = self.required(fields, key, what)?;
        self.string(node, &fields.child(key))
    }

    pub(super) fn list<'a>(&mut self, node: &'a Node, path: &str, expected: &str) -> &'a [Node] {
        match &node.kind {
            Kind::Seq(items) => items,
            _ => {
                self.wrong_type(node, path, expected);
                &[]
            }
        }
    }

    pub(super) fn strings(&mut self, fields: &Fields, key: &str) -> Vec<String> {
        self.strings_at(fields, key)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// A list of strings, each with the line it starts on.
    pub(super) fn strings_at(&mut self, fields: &Fields, key: &str) -> Vec<(String, u32)> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        let path = fields.child(key);
        let items = self.list(node, &path, "a list of strings");
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                Some((self.string(item, &format!("{path}[{i}]"))?, item.pos.line))
            })
            .collect()
    }
}
