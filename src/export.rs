//! Notes to markdown: front matter, the briefing's title, then each note under the
//! item it is about, quoted, in the briefing's order, with the item's address.
//! `markdown` is pure; `write` adds the one file rule: never overwrite a file that
//! is not one of brief's own exports unless told to.

use std::fmt::Write as _;
use std::path::Path;

use crate::app::{App, item_text, label, listed};
use crate::state::{ItemRef, Note};

/// The notes of `app`'s briefing as a markdown document, stamped `exported_ms`.
pub fn markdown(app: &App, exported_ms: u64) -> String {
    let b = &app.briefing();
    let rows = listed(app);
    let mut out = String::new();
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let source: Vec<&str> = [b.source.author.as_deref(), b.source.publication.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let _ = writeln!(out, "---");
    let _ = writeln!(out, "generator: brief");
    let _ = writeln!(out, "briefing: {}", b.id);
    let _ = writeln!(out, "title: {}", quoted(&b.title));
    if !source.is_empty() {
        let _ = writeln!(out, "source: {}", quoted(&source.join(", ")));
    }
    let _ = writeln!(out, "exported: {}", stamp(exported_ms));
    let _ = writeln!(out, "notes: {}", rows.len());
    let _ = writeln!(out, "---\n");
    let _ = writeln!(out, "# {}\n", escape_line(&b.title));
    let mut section = "";
    let mut group = String::new();
    for &i in &rows {
        let note = &app.notes()[i];
        let live = item_text(b, &note.item).is_some();
        let (this_section, this_group) = headings(app, note, live);
        if this_section != section {
            let _ = writeln!(out, "## {this_section}\n");
            section = this_section;
            group.clear();
        }
        if !this_group.is_empty() && this_group != group {
            let _ = writeln!(out, "### {}\n", escape_line(&this_group));
            group = this_group;
        }
        item_block(&mut out, app, note, live);
    }
    // Ids and excerpts come from the state file, notes from the user, and the
    // export may be printed to a terminal: nothing in it may drive one.
    crate::briefing::clean_owned(out)
}

/// The section and sub-heading a note goes under.
fn headings(app: &App, note: &Note, live: bool) -> (&'static str, String) {
    let b = &app.briefing();
    if !live {
        return ("Notes on items no longer in the briefing", String::new());
    }
    match &note.item {
        ItemRef::Summary(_) => ("Summary", String::new()),
        ItemRef::KeyPoint(_) => ("Key points", String::new()),
        ItemRef::Nation(_) => ("Nations", String::new()),
        ItemRef::Quote(id) => {
            let speaker = b
                .quote_index(id)
                .map(|q| b.quotes[q].speaker.clone())
                .unwrap_or_default();
            ("Quotes", speaker)
        }
        ItemRef::Comment(id) => {
            let thread = b.comment_index(id).map(|mut c| {
                while let Some(p) = b.comments[c].parent {
                    c = p;
                }
                c
            });
            let number = thread.map(|t| b.comments[..=t].iter().filter(|c| c.depth == 0).count());
            ("Comments", format!("Thread {}", number.unwrap_or(0)))
        }
    }
}

fn item_block(out: &mut String, app: &App, note: &Note, live: bool) {
    let b = &app.briefing();
    let text = if live {
        item_text(b, &note.item).unwrap_or_default()
    } else {
        note.excerpt.clone()
    };
    let attribution = match &note.item {
        ItemRef::Quote(id) if live => b.quote_index(id).map(|q| {
            let quote = &b.quotes[q];
            match &quote.role {
                Some(role) => format!("— {}, {role}", quote.speaker),
                None => format!("— {}", quote.speaker),
            }
        }),
        ItemRef::Comment(id) if live => b.comment_index(id).map(|c| {
            let comment = &b.comments[c];
            let author = comment.author.as_deref().unwrap_or("anonymous");
            match comment.depth {
                0 => format!("— {author}, top of the thread"),
                d => format!("— {author}, reply at depth {d}"),
            }
        }),
        _ => None,
    };
    let _ = writeln!(out, "**{}**\n", escape_line(&label(b, &note.item)));
    blockquote(out, &text);
    if let Some(attribution) = attribution {
        let _ = writeln!(out, ">\n> {}", escape_line(&attribution));
    }
    out.push('\n');
    paragraphs(out, &note.text);
    let _ = writeln!(out, "`{}#{}`\n", b.id, note.item.anchor().replace('`', "'"));
}

/// Text as a blockquote, its paragraphs kept.
fn blockquote(out: &mut String, text: &str) {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            // A hard break keeps the author's line breaks inside a paragraph.
            let next_is_text = text
                .lines()
                .nth(i + 1)
                .is_some_and(|l| !l.trim().is_empty());
            let _ = writeln!(
                out,
                "> {}{}",
                escape_line(line),
                if next_is_text { "\\" } else { "" }
            );
        }
    }
}

/// The note's own text: blank lines separate paragraphs, single breaks are kept.
fn paragraphs(out: &mut String, text: &str) {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.is_empty());
        let _ = writeln!(
            out,
            "{}{}",
            escape_line(line),
            if next_is_text { "\\" } else { "" }
        );
    }
    out.push('\n');
}

/// Escapes what markdown would read as markup in one line of text: inline marks
/// everywhere, and block markers (`#`, `>`, `-`, `1.`) at the start.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '!'
                | '&'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Block markers that only matter at the start of a line.
    let starts_block = out.starts_with(['-', '+', '=']) || out.starts_with("    ");
    let ordered = out
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&n| n > 0)
        .filter(|&n| out[n..].starts_with(['.', ')']));
    if let Some(n) = ordered {
        out.insert(n, '\\');
    } else if starts_block {
        out.insert(0, '\\');
    }
    out
}

fn stamp(ms: u64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms))
        .to_string()
}

/// Whether `text` is a notes export that brief wrote for briefing `id`.
pub fn is_own_export(text: &str, id: &str) -> bool {
    let mut lines = text.lines();
    lines.next() == Some("---")
        && lines.next() == Some("generator: brief")
        && lines.next() == Some(&format!("briefing: {id}"))
}

/// Why an export was not written.
#[derive(Debug)]
pub enum Refused {
    /// The file exists and brief did not write it.
    NotOurs,
    /// The file could not be read or written.
    Io(std::io::Error),
}

/// Writes the export to `path` atomically; refuses to replace a file brief did not
/// write unless `force`. Returns how many notes went out.
pub fn write(app: &App, path: &Path, force: bool, now_ms: u64) -> Result<usize, Refused> {
    match std::fs::read_to_string(path) {
        Ok(existing) if !force && !is_own_export(&existing, &app.briefing().id) => {
            return Err(Refused::NotOurs);
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData && !force => {
            return Err(Refused::NotOurs);
        }
        Err(e)
            if !matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::InvalidData
            ) =>
        {
            return Err(Refused::Io(e));
        }
        _ => {}
    }
    let text = markdown(app, now_ms);
    crate::store::write_atomic(path, text.as_bytes()).map_err(Refused::Io)?;
    Ok(listed(app).len())
}
