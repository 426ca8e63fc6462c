//! `brief search`: matches from the whole library as `file:line: context` lines,
//! for grep-like use in scripts. Lines are the file's own: every line whose
//! text matches is printed, numbered as `grep -n` numbers it, from the title,
//! tags and source to the last reply; a match a folded line breaks in two is
//! printed at its item's first line, and a note at its item's.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::briefing::Briefing;
use crate::catalog::{Catalog, Library};
use crate::library::{Entry, Origin};
use crate::search::{self, Query, Spot};
use crate::state::Note;

/// `brief search [QUERY] [PATH...] [--nation CODE] [--ranked]`: the library of
/// `paths` (by default `./briefings/` and the config's folders) searched, with
/// the notes kept for each briefing. The catalog names the files that may
/// match, so only those are read; without one (no cache directory, or another
/// `brief` is bringing it up to date) every file is.
pub fn search_command(
    mut query: Option<String>,
    mut paths: Vec<PathBuf>,
    nation: Option<String>,
    ranked: bool,
) -> std::io::Result<ExitCode> {
    // `brief search --nation JP briefings/`: with --nation, a first word that
    // names a file or folder is a path, not a query.
    if nation.is_some() && query.as_deref().is_some_and(|q| Path::new(q).exists()) {
        paths.insert(0, PathBuf::from(query.take().unwrap_or_default()));
    }
    let paths = if paths.is_empty() {
        crate::library::default_folders(&[])
    } else {
        paths
    };
    let store = crate::store::Store::from_env();
    let (files, entries) = crate::library::files(&paths);
    let bundled = files.is_empty() && entries.is_empty();
    let catalog = catalog_of(&files, store.as_ref());
    if ranked {
        return super::ranked::print_ranked(
            catalog.as_ref(),
            query.as_deref().unwrap_or_default(),
            store.as_ref(),
        );
    }
    let wanted = query.as_deref().or(nation.as_deref()).unwrap_or_default();
    let candidates = catalog.as_ref().and_then(|c| c.candidates(wanted));
    let notes_of = |id: &str| {
        store
            .as_ref()
            .and_then(|s| s.peek(id))
            .map(|saved| saved.notes)
            .unwrap_or_default()
    };
    let (out, err) = (&mut std::io::stdout().lock(), &mut std::io::stderr());
    let typed = query.as_deref().map(Query::typed);
    let mut found = 0;
    let each = |entry: &Entry, out: &mut std::io::StdoutLock, err: &mut std::io::Stderr| {
        search_entry(
            entry,
            typed.as_ref(),
            nation.as_deref(),
            &notes_of,
            out,
            err,
        )
    };
    for entry in &entries {
        found += each(entry, out, err)?;
    }
    // Without a catalog every file is parsed; with one, a refused file is (to
    // print why) and a file it holds as valid, searched for one word, needs no
    // parsing unless a note or an escape may hold the word.
    let quick = nation.is_none() && typed.is_some();
    let read: Vec<(PathBuf, bool)> = files
        .into_iter()
        .filter_map(|file| match &candidates {
            None => Some((file, false)),
            Some((_, refused)) if refused.contains(&file) => Some((file, false)),
            Some((may_match, _)) if may_match.contains(&file) => Some((file, quick)),
            Some(_) => None,
        })
        .collect();
    for batch in read.chunks(BATCH) {
        // Read and matched on every core, printed in the files' order.
        let lines = crate::cores::on_every_core(batch, |(file, quick)| {
            quick_lines(file, typed.as_ref().filter(|_| *quick)?, &notes_of)
        });
        for ((file, _), lines) in batch.iter().zip(lines) {
            found += match lines {
                Some(lines) => print_lines(out, &file_name(&Origin::File(file.clone())), &lines)?,
                None => each(&crate::library::entry(file.clone()), out, err)?,
            };
        }
    }
    if bundled {
        let entry = crate::library::bundled();
        found += each(&entry, out, err)?;
    }
    Ok(exit_for(found))
}

/// How many files are read at once: their lines are held until printed.
const BATCH: usize = 256;

/// The matches of `query` in `file` from its lines alone, when they are all
/// there are: one word (a folded line breaks at spaces, never inside a word),
/// no escapes in the file (`\u00e9` is `é` only once parsed), and no note of
/// its briefing that holds it. `None` when the briefing must be parsed.
fn quick_lines(
    file: &Path,
    query: &Query,
    notes_of: &(dyn Fn(&str) -> Vec<Note> + Sync),
) -> Option<Vec<(u32, &'static str, String)>> {
    if query.label.contains(char::is_whitespace) {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    if text.contains('\\') {
        return None;
    }
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("id:"))?
        .trim()
        .trim_matches(['"', '\'']);
    if notes_of(id)
        .iter()
        .any(|n| !n.deleted && query.matches(&n.text))
    {
        return None;
    }
    Some(line_matches(&text, query))
}

/// Prints `lines` of `file`; how many.
fn print_lines(
    out: &mut impl Write,
    file: &str,
    lines: &[(u32, &'static str, String)],
) -> std::io::Result<usize> {
    for (line, kind, context) in lines {
        writeln!(
            out,
            "{file}:{line}: {kind}{}",
            crate::briefing::clean(context)
        )?;
    }
    Ok(lines.len())
}

/// 0 when something was found, 1 when nothing was.
pub(super) fn exit_for(found: usize) -> ExitCode {
    if found > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A file's name as printed: the path as the user gave it; the bundled
/// briefing, which is no file here, as `<bundled>`.
fn file_name(origin: &Origin) -> String {
    match origin {
        Origin::Bundled => "<bundled>".to_owned(),
        file => file.name(),
    }
}

/// The catalog brought up to date with `files`, or `None` when there is none to
/// be had or it cannot be brought up to date (then every file is read).
fn catalog_of(files: &[PathBuf], store: Option<&crate::store::Store>) -> Option<Library> {
    let catalog = Catalog::open(&Catalog::from_env()?).ok()?;
    let library = Library::new(catalog, files);
    library.sync(&[], store, &mut |_| {}).ok()?;
    Some(library)
}

/// Prints every match of `query` in one entry (or, with only `nation`, the
/// entry if it lists that nation; a refused file's first error goes to `err`);
/// how many lines were printed.
fn search_entry(
    entry: &Entry,
    query: Option<&Query>,
    nation: Option<&str>,
    notes_of: &dyn Fn(&str) -> Vec<Note>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<usize> {
    let file = file_name(&entry.origin);
    let b = match &entry.loaded {
        Ok(b) => b,
        Err(diagnostics) => {
            for d in diagnostics.iter().filter(|d| d.is_error()).take(1) {
                writeln!(err, "{}", crate::briefing::clean(&d.to_string()))?;
            }
            return Ok(0);
        }
    };
    let listed = nation.map(|code| b.nations.iter().find(|n| n.code.as_deref() == Some(code)));
    let nation_line = match listed {
        Some(None) => return Ok(0),
        Some(Some(n)) => Some((
            n.line,
            format!("{} ({})", n.name, n.code.as_deref().unwrap_or("")),
        )),
        None => None,
    };
    let Some(query) = query else {
        let Some((line, what)) = nation_line else {
            return Ok(0);
        };
        writeln!(
            out,
            "{file}:{line}: {}",
            crate::briefing::clean(&format!("{what} · {}", b.title))
        )?;
        return Ok(1);
    };
    let text = match &entry.origin {
        Origin::File(path) => std::fs::read_to_string(path).unwrap_or_default(),
        Origin::Bundled => crate::briefing::BUNDLED.to_owned(),
    };
    print_lines(out, &file, &matches(b, &text, &notes_of(&b.id), query))
}

/// Prints every match of `query` in `entries` (or, with only `nation`, every
/// briefing listing that nation); exit 0 when something was found, 1 when
/// nothing was.
pub fn search(
    entries: &[Entry],
    query: Option<&str>,
    nation: Option<&str>,
    notes_of: &dyn Fn(&str) -> Vec<Note>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let query = query.map(Query::typed);
    let mut found = 0;
    for entry in entries {
        found += search_entry(entry, query.as_ref(), nation, notes_of, out, err)?;
    }
    Ok(exit_for(found))
}

/// Every match of `query` in one briefing: `(line, kind, context)`, in file order.
fn matches(
    b: &Briefing,
    text: &str,
    notes: &[Note],
    query: &Query,
) -> Vec<(u32, &'static str, String)> {
    let mut found = line_matches(text, query);
    // What no single line holds: a phrase a folded line breaks, and the notes.
    let order = b.quote_order();
    let starts = item_starts(b);
    // The lines found so far are in file order: each item's are found by halving.
    let by_line = found.len();
    for hit in search::search(b, &order, notes, query) {
        let end = starts
            .get(starts.partition_point(|&s| s <= hit.line))
            .copied()
            .unwrap_or(u32::MAX);
        let first = found[..by_line].partition_point(|&(l, _, _)| l < hit.line);
        if found[..by_line]
            .get(first)
            .is_some_and(|&(l, _, _)| l < end)
        {
            continue;
        }
        let kind = match hit.spot {
            Spot::Summary(_) => "",
            Spot::KeyPoint(_) => "key point: ",
            Spot::Nation(_) => "nation: ",
            Spot::Quote(_) => "quote: ",
            Spot::Comment(_) => "comment: ",
        };
        // Neither on a line nor across lines of the item: in its note.
        let in_item = hit
            .spot
            .item(b, &order)
            .and_then(|item| crate::app::item_text(b, &item))
            .is_some_and(|t| query.matches(&t));
        let kind = if in_item { kind } else { "note: " };
        found.push((hit.line, kind, hit.context.replace('\n', " ")));
    }
    found.sort_by_key(|&(line, _, _)| line);
    found
}

/// Every line of `text` whose value matches `query`: `(line, kind, context)`,
/// in file order.
fn line_matches(text: &str, query: &Query) -> Vec<(u32, &'static str, String)> {
    let mut found: Vec<(u32, &'static str, String)> = Vec::new();
    let mut block = "";
    let mut holding = query.lines_holding(text).into_iter().peekable();
    for (n, raw) in text.lines().enumerate() {
        let line = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if !raw.starts_with([' ', '-', '#']) && !raw.trim().is_empty() {
            block = raw.split(':').next().unwrap_or_default();
        }
        // Only a line that holds what is looked for is looked at closely.
        while holding.next_if(|&h| h < n).is_some() {}
        if holding.peek() != Some(&n) {
            continue;
        }
        let Some(kind) = kind_of(block) else { continue };
        let Some(value) = value_of(raw) else { continue };
        // Found once, and shown around where it was found.
        if let Some(first) = query.find(value).first() {
            found.push((line, kind, search::context_around(value, first)));
        }
    }
    found
}

/// What a top-level key's lines are, for the output; `None` for keys that hold
/// no text to search (`format`, `id`, `comments_reported`).
fn kind_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "summary" => "",
        "title" => "title: ",
        "subtitle" => "subtitle: ",
        "location" => "location: ",
        "tags" => "tag: ",
        "source" => "source: ",
        "key_points" => "key point: ",
        "nations" => "nation: ",
        "quotes" => "quote: ",
        "comments" => "comment: ",
        _ => return None,
    })
}

/// A line's text without its YAML: indentation, `- `, a `key:`, quotes and block
/// markers; `None` for a line with no text, or an id's.
fn value_of(raw: &str) -> Option<&str> {
    let mut rest = raw.trim_start();
    if rest.starts_with('#') {
        return None;
    }
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start();
    }
    if let Some((key, value)) = rest.split_once(':')
        && !key.is_empty()
        && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && (value.is_empty() || value.starts_with(' '))
    {
        if key == "id" || key == "format" || key == "comments_reported" {
            return None;
        }
        rest = value.trim_start();
    }
    let rest = rest.trim_end();
    let rest = rest
        .strip_prefix(['|', '>'])
        .map_or(rest, |r| r.trim_start_matches(['-', '+']));
    let rest = rest.trim_matches(['"', '\'']);
    (!rest.trim().is_empty()).then_some(rest)
}

/// The first line of every item, sorted: where one item's lines end.
fn item_starts(b: &Briefing) -> Vec<u32> {
    let mut starts: Vec<u32> = [b.lines.title]
        .into_iter()
        .chain(b.lines.summary.iter().copied())
        .chain(b.lines.key_points.iter().copied())
        .chain(b.nations.iter().map(|n| n.line))
        .chain(b.quotes.iter().map(|q| q.line))
        .chain(b.comments.iter().map(|c| c.line))
        .collect();
    starts.sort_unstable();
    starts
}
