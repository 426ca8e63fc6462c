//! The one-shot commands that work with files, reading state and the config:
//! `brief import`, `brief export`, `brief note` and `brief config`. Each prints what a script
//! needs and returns an exit code; none draws a screen.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::sync::Arc;

use crate::app::{Action, App, Effect, Keymap, Opening, update};
use crate::briefing::{self, Briefing};
use crate::cli::{INPUT_ERROR, USAGE_ERROR};
use crate::config::{self, Config};
use crate::effects::{Runner, now_ms};
use crate::export::{self, Refused};
use crate::import;
use crate::say::{line, out, say};

use crate::store::Store;

/// The user's config and what is wrong with it, from the config directory.
pub fn user_config() -> (Config, Vec<String>) {
    match Store::from_env() {
        Some(store) => config::load(&config::path(store.dir())),
        None => (Config::default(), Vec::new()),
    }
}

/// `brief config`: check the file, or print its path or a commented default.
pub fn config_command(path: bool, default: bool) -> ExitCode {
    if default {
        print!("{}", config::default_text());
        return ExitCode::SUCCESS;
    }
    let Some(store) = Store::from_env() else {
        say("no config directory on this system");
        return ExitCode::from(INPUT_ERROR);
    };
    let file = config::path(store.dir());
    if path {
        out(format_args!("{}", file.display()));
        return ExitCode::SUCCESS;
    }
    let (config, mut problems) = config::load(&file);
    problems.extend(Keymap::with_overrides(&config.keys).1);
    if problems.is_empty() {
        let state = if file.exists() {
            "is valid"
        } else {
            "does not exist; the defaults apply"
        };
        out(format_args!("{} {state}", file.display()));
        return ExitCode::SUCCESS;
    }
    problems.iter().for_each(line);
    ExitCode::from(INPUT_ERROR)
}

/// `brief export`: the notes of one briefing as markdown.
pub fn export_notes(path: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let mut opening = Opening {
        now_ms: now,
        ..Opening::default()
    };
    if let Some(store) = Store::from_env() {
        let loaded = store.load(&briefing.id, now);
        if let Some(warning) = loaded.warning {
            say(format_args!("{warning}"));
        }
        opening.saved = loaded.saved;
    }
    let app = App::opened(Arc::new(briefing), Arc::default(), false, opening);
    let Some(output) = output else {
        print!("{}", export::markdown(&app, now));
        return ExitCode::SUCCESS;
    };
    match export::write(&app, output, force, now) {
        Ok(count) => {
            line(format_args!(
                "wrote {} ({count} note{})",
                output.display(),
                if count == 1 { "" } else { "s" }
            ));
            ExitCode::SUCCESS
        }
        Err(Refused::NotOurs) => {
            line(format_args!(
                "{}: exists and was not written by brief; --force overwrites it",
                output.display()
            ));
            ExitCode::from(INPUT_ERROR)
        }
        Err(Refused::Io(e)) => {
            line(format_args!("{}: cannot write: {e}", output.display()));
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// `brief note`: the same road as `a` in the reader, without a screen: the
/// briefing opens as it was left, on the item, and the note is kept and saved.
pub fn write_note(path: &Path, item: &str, text: &str) -> ExitCode {
    let text = if text == "-" {
        let mut input = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut input) {
            say(format_args!(
                "cannot read the note from standard input: {e}"
            ));
            return ExitCode::from(INPUT_ERROR);
        }
        input
    } else {
        text.to_owned()
    };
    let Some(briefing) = open(path) else {
        return ExitCode::from(INPUT_ERROR);
    };
    let briefing = Arc::new(briefing);
    if let Err(message) = App::new(Arc::clone(&briefing)).spot_at(item) {
        say(format_args!("{message}"));
        return ExitCode::from(INPUT_ERROR);
    }
    let Some(store) = Store::from_env() else {
        say("no config directory to keep notes in");
        return ExitCode::from(INPUT_ERROR);
    };
    let now = now_ms();
    let loaded = store.load(&briefing.id, now);
    if let Some(warning) = &loaded.warning {
        say(format_args!("{warning}"));
    }
    let opening = Opening {
        saved: loaded.saved,
        at: Some(item.to_owned()),
        now_ms: now,
        session: std::process::id(),
        ..Opening::default()
    };
    // Only the note is saved: the reader's place stays where it was left.
    let mut app = App::opened(briefing, Arc::default(), false, opening);
    let runner = Runner::once(Some(store), PathBuf::from("."));
    let mut effects = Vec::new();
    for action in [Action::EditNote, Action::WriteNote(text), Action::SaveNote] {
        effects.extend(update(&mut app, action));
    }
    for effect in effects {
        if let Effect::Save(saved) = effect
            && let Some(result) = runner.save(&saved)
        {
            update(&mut app, result);
        }
    }
    match app.unsaved() {
        Some(reason) => {
            say(format_args!("the note was not saved: {reason}"));
            ExitCode::from(INPUT_ERROR)
        }
        None => ExitCode::SUCCESS,
    }
}

/// Loads a briefing, printing its diagnostics on failure.
pub fn open(path: &Path) -> Option<Briefing> {
    match briefing::load(path) {
        Ok(loaded) => Some(loaded.briefing),
        Err(diagnostics) => {
            diagnostics.iter().for_each(line);
            None
        }
    }
}

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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
