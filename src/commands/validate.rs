//! `brief validate`: check files and folders of briefings, print every diagnostic.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::briefing::{self, Diagnostic};

/// Checks every briefing under `paths`; exit 0 when all load (warnings allowed), 1 otherwise.
pub fn validate(
    paths: &[PathBuf],
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let (mut valid, mut invalid, mut warnings) = (0usize, 0usize, 0usize);
    for path in paths {
        let files = match briefing::briefing_files(path) {
            Ok(files) if files.is_empty() => {
                writeln!(
                    err,
                    "{}: no briefings here; a briefing is a *.yaml or *.yml file",
                    briefing::clean(&path.display().to_string())
                )?;
                invalid += 1;
                continue;
            }
            Ok(files) => files,
            Err(e) => {
                writeln!(
                    err,
                    "{}: cannot read the folder: {e}",
                    briefing::clean(&path.display().to_string())
                )?;
                invalid += 1;
                continue;
            }
        };
        for file in files {
            let diagnostics: Vec<Diagnostic> = match briefing::load(&file) {
                Ok(loaded) => {
                    valid += 1;
                    loaded.warnings
                }
                Err(diagnostics) => {
                    invalid += 1;
                    diagnostics
                }
            };
            warnings += diagnostics.iter().map(Diagnostic::warnings).sum::<usize>();
            for d in &diagnostics {
                writeln!(err, "{}", briefing::clean(&d.to_string()))?;
            }
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{} valid, {} invalid, {}",
        plural(valid, "briefing"),
        invalid,
        plural(warnings, "warning")
    )?;
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
