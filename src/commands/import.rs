//! `brief import`: articles to draft briefings, on stdout, in a file or in a
//! folder, with one line a briefing and a reason for each article refused.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::plural;
use crate::briefing;
use crate::cli::{INPUT_ERROR, USAGE_ERROR};
use crate::import;
use crate::say::{line, out, say};

/// What `brief import` was asked to do.
#[derive(Debug, Default)]
pub struct ImportRequest {
    /// The articles: files, or `-` for standard input.
    pub articles: Vec<PathBuf>,
    /// `-o FILE`.
    pub output: Option<PathBuf>,
    /// `--into DIR`.
    pub into: Option<PathBuf>,
    /// `--id`, `--title`, `--url`.
    pub overrides: import::Overrides,
    /// `--force`.
    pub force: bool,
}

/// `brief import`: each article to a draft briefing, on stdout, in a file or in a
/// folder; exit 1 when any input is not an article, 2 for a usage error.
pub fn import_articles(request: &ImportRequest) -> ExitCode {
    if let Some(problem) = import_usage(request) {
        say(problem);
        return ExitCode::from(USAGE_ERROR);
    }
    let total = request.articles.len();
    let progress = total > 3 && std::io::stderr().is_terminal();
    let mut used: Vec<String> = Vec::new();
    let (mut written, mut refused) = (0usize, 0usize);
    for (n, article) in request.articles.iter().enumerate() {
        if progress {
            eprint!("\rimporting {} of {total}…", n + 1);
        }
        let name = if article.as_os_str() == "-" {
            "standard input".to_owned()
        } else {
            article.display().to_string()
        };
        let done = read_article(article)
            .map_err(|e| format!("{name}: cannot read: {e}"))
            .and_then(|bytes| {
                import::import(&bytes, &name, &request.overrides)
                    .map_err(|import::NotAnArticle(why)| format!("{name}: not an article: {why}"))
            })
            .and_then(|draft| file_draft(request, draft, &mut used));
        if progress {
            eprint!("\r\x1b[K");
        }
        match done {
            Ok(Some(report)) => {
                out(report);
                written += 1;
            }
            Ok(None) => written += 1,
            Err(message) => {
                line(message);
                refused += 1;
            }
        }
    }
    if request.into.is_some() && total > 1 {
        out(format_args!(
            "{written} briefing{} written, {refused} refused",
            if written == 1 { "" } else { "s" }
        ));
    }
    if refused > 0 {
        ExitCode::from(INPUT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

/// What is wrong with how `brief import` was called, if anything.
fn import_usage(request: &ImportRequest) -> Option<String> {
    let many = request.articles.len() > 1;
    let o = &request.overrides;
    if many && request.into.is_none() {
        return Some("several articles need --into DIR: each becomes DIR/<id>.yaml".into());
    }
    if many && (o.id.is_some() || o.title.is_some() || o.url.is_some()) {
        return Some(
            "--id, --title and --url name one article's briefing; import them one at a time".into(),
        );
    }
    if request
        .articles
        .iter()
        .filter(|a| a.as_os_str() == "-")
        .count()
        > 1
    {
        return Some("standard input (`-`) can be read once".into());
    }
    if let Some(id) = &o.id
        && !briefing::is_briefing_id(id)
    {
        return Some(format!(
            "--id: `{}` is not a valid id: lowercase letters, digits and `-`, at most 64 characters",
            briefing::echo(id)
        ));
    }
    None
}

fn read_article(article: &Path) -> std::io::Result<Vec<u8>> {
    let limit = u64::try_from(import::MAX_BYTES).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    if article.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(article)?
            .take(limit)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Writes a draft where the request says; the line to report, if any.
fn file_draft(
    request: &ImportRequest,
    mut draft: import::Draft,
    used: &mut Vec<String>,
) -> Result<Option<String>, String> {
    let counts = |d: &import::Draft| {
        let comments: usize = d.comments.iter().map(import::Comment::count).sum();
        format!(
            "{} quote{}, {} nation{}, {} comment{}",
            d.quotes.len(),
            plural(d.quotes.len()),
            d.nations.len(),
            plural(d.nations.len()),
            comments,
            plural(comments)
        )
    };
    let target = match (&request.output, &request.into) {
        (Some(file), _) => {
            if file.exists() && !request.force {
                return Err(format!("{}: exists; --force replaces it", file.display()));
            }
            Some(file.clone())
        }
        (None, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{}: cannot make the folder: {e}", dir.display()))?;
            let base = draft.id.clone();
            let mut n = 1;
            while used.contains(&draft.id)
                || (!request.force && dir.join(format!("{}.yaml", draft.id)).exists())
            {
                n += 1;
                draft.id = import::unique_id(&base, n);
            }
            used.push(draft.id.clone());
            Some(dir.join(format!("{}.yaml", draft.id)))
        }
        (None, None) => None,
    };
    let yaml = import::to_yaml(&draft);
    // The promise: whatever imports, loads. A draft that does not is a bug here.
    if let Err(diagnostics) = briefing::parse(&yaml, &draft.id) {
        let first = diagnostics
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        return Err(format!(
            "{}: the draft does not load ({first}); this is a bug in brief import, please report it",
            draft.origin
        ));
    }
    let Some(path) = target else {
        print!("{yaml}");
        return Ok(None);
    };
    crate::store::write_atomic(&path, yaml.as_bytes())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(Some(format!(
        "wrote {}: {}",
        path.display(),
        counts(&draft)
    )))
}
