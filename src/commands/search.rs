//! `brief search`: matches from the whole library as `file:line: context` lines,
//! for grep-like use in scripts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::library::Entry;
use crate::search::{self, Query, Spot};
use crate::state::Note;

/// `brief search [QUERY] [PATH...] [--nation CODE]`: the library of `paths`
/// (by default `./briefings/` and the config's folders) searched, with the
/// notes kept for each briefing.
pub fn search_command(
    mut query: Option<String>,
    mut paths: Vec<PathBuf>,
    nation: Option<String>,
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
    let entries = crate::library::load(&paths, true);
    let store = crate::store::Store::from_env();
    let notes_of = |id: &str| {
        store
            .as_ref()
            .and_then(|s| s.peek(id))
            .map(|saved| saved.notes)
            .unwrap_or_default()
    };
    search(
        &entries,
        query.as_deref(),
        nation.as_deref(),
        &notes_of,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    )
}

/// Prints every match of `query` (or, with only `nation`, every briefing listing
/// that nation); exit 0 when something was found, 1 when nothing was.
pub fn search(
    entries: &[Entry],
    query: Option<&str>,
    nation: Option<&str>,
    notes_of: &dyn Fn(&str) -> Vec<Note>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let query = query.map(Query::typed);
    let mut found = 0usize;
    for entry in entries {
        let file = entry.origin.name();
        let b = match &entry.loaded {
            Ok(b) => b,
            Err(diagnostics) => {
                for d in diagnostics.iter().filter(|d| d.is_error()).take(1) {
                    writeln!(err, "{}", crate::briefing::clean(&d.to_string()))?;
                }
                continue;
            }
        };
        let listed = nation.map(|code| b.nations.iter().find(|n| n.code.as_deref() == Some(code)));
        let nation_line = match listed {
            Some(None) => continue,
            Some(Some(n)) => Some((
                n.line,
                format!("{} ({})", n.name, n.code.as_deref().unwrap_or("")),
            )),
            None => None,
        };
        let Some(query) = &query else {
            if let Some((line, what)) = nation_line {
                writeln!(
                    out,
                    "{file}:{line}: {}",
                    crate::briefing::clean(&format!("{what} · {}", b.title))
                )?;
                found += 1;
            }
            continue;
        };
        let order = b.quote_order();
        let notes = notes_of(&b.id);
        for hit in search::search(b, &order, &notes, query) {
            let kind = match hit.spot {
                Spot::Summary(_) | Spot::KeyPoint(_) => "",
                Spot::Nation(_) => "nation: ",
                Spot::Quote(_) => "quote: ",
                Spot::Comment(_) => "comment: ",
            };
            writeln!(
                out,
                "{file}:{}: {kind}{}",
                hit.line,
                crate::briefing::clean(&hit.context.replace('\n', " "))
            )?;
            found += 1;
        }
    }
    Ok(if found > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
