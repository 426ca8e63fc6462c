//! `brief search --ranked`: the best briefings of the library for a query, best
//! first, one line each with the item that matched and its address for `--at`.

use std::io::Write;
use std::process::ExitCode;

use crate::catalog::Library;

/// `--ranked`: the best briefings for `typed`, best first, each with the item
/// that matched, its address and what it says.
pub(super) fn print_ranked(
    library: Option<&Library>,
    typed: &str,
    store: Option<&crate::store::Store>,
) -> std::io::Result<ExitCode> {
    let Some(library) = library else {
        crate::say::say(
            "--ranked needs the catalog in the cache directory, and none could be opened or brought up to date; search without --ranked reads every file",
        );
        return Ok(ExitCode::from(1));
    };
    let (hits, _) = crate::catalog::hits(library, store, typed, RANKED);
    let mut out = std::io::stdout().lock();
    let mut printed = 0;
    // A file that no longer loads has no id: nothing to point `--at` to.
    for hit in hits.iter().filter(|h| !h.id.is_empty()) {
        let (address, what) = match &hit.at {
            Some(at) => (
                format!("{}#{at}", hit.id),
                format!("{}: {}", hit.kind, hit.snippet),
            ),
            None => (hit.id.clone(), String::new()),
        };
        let line = format!("{}: {} · {address} · {what}", hit.origin.name(), hit.title);
        writeln!(
            out,
            "{}",
            crate::briefing::clean(line.trim_end_matches([' ', '·']))
        )?;
        printed += 1;
    }
    Ok(super::search::exit_for(printed))
}

/// How many briefings `--ranked` prints.
const RANKED: usize = 20;
