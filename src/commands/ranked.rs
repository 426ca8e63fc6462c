//! `brief search --ranked`: the best briefings of the library for a query, best
//! first, one line each with the item that matched and its address for `--at`.

use std::io::Write;
use std::process::ExitCode;

use crate::catalog::Library;
use crate::search;

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
    let (found, _) = library.search(typed, RANKED).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let mut printed = 0;
    for (file, _) in &found {
        let Ok(loaded) = crate::briefing::load(file) else {
            continue;
        };
        let b = loaded.briefing;
        let notes = store
            .and_then(|s| s.peek(&b.id))
            .map(|s| s.notes)
            .unwrap_or_default();
        let (address, what) =
            match search::best_item(&b, &notes, &crate::catalog::looked_for(typed)) {
                Some((item, kind, context)) => (
                    format!("{}#{}", b.id, item.anchor()),
                    format!("{kind}: {context}"),
                ),
                None => (b.id.clone(), String::new()),
            };
        let line = format!("{}: {} · {address} · {what}", file.display(), b.title);
        writeln!(
            out,
            "{}",
            crate::briefing::clean(line.trim_end_matches([' ', '·']))
        )?;
        printed += 1;
    }
    Ok(if printed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// How many briefings `--ranked` prints.
const RANKED: usize = 20;
