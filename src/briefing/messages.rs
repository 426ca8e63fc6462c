//! What the loader says when the YAML parser or the file system refuses a file:
//! the project's words, never the parser's, with the limit that refused it named
//! and its number. It builds messages; it reads nothing.

use super::node::Pos;
use super::parse::Limits;
use super::{Diagnostic, Severity, echo};

/// A parser error as the one located diagnostic a person reads.
pub(super) fn yaml_error(e: &serde_saphyr::Error, file: &str, limits: Limits) -> Vec<Diagnostic> {
    let pos = e.location().map(|at| Pos {
        line: u32::try_from(at.line()).unwrap_or(u32::MAX),
        col: u32::try_from(at.column()).unwrap_or(u32::MAX),
    });
    vec![Diagnostic::new(
        Severity::Error,
        file,
        pos.filter(|p| p.line > 0),
        "",
        yaml_message(e, limits),
    )]
}

/// The parser's message in the project's words, without its own location prefix
/// (the diagnostic has the place): a limit is named with its number, and nothing
/// of the parser's own vocabulary (its types, options or functions) shows.
fn yaml_message(e: &serde_saphyr::Error, limits: Limits) -> String {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let mut inner = e;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let too_deep = || {
        format!(
            "nested too deep: a briefing may nest {} levels of lists and maps, enough for {} levels of comment replies; flatten the thread",
            limits.max_depth(),
            limits.max_reply_depth
        )
    };
    let aliases = || {
        format!(
            "too many YAML aliases: a briefing may repeat at most {} values through `*alias` (a guard against \"alias bombs\"); write the text out instead",
            limits.max_alias_events
        )
    };
    let too_many = || {
        format!(
            "more than {} YAML values; split the briefing into several files",
            limits.max_nodes
        )
    };
    match inner {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => too_deep(),
            B::Nodes { .. } | B::Events { .. } => too_many(),
            B::ScalarBytes { .. } => format!(
                "more than {} MiB of text in values; split the briefing into several files",
                limits.max_bytes / (1024 * 1024)
            ),
            B::Documents { .. } => one_document(),
            B::Aliases { .. }
            | B::Anchors { .. }
            | B::AliasAnchorRatio { .. }
            | B::RecordedAnchorEvents { .. }
            | B::RecordedAnchorBytes { .. } => aliases(),
            _ => "too large to read safely; split the briefing into several files".into(),
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => aliases(),
        E::MultipleDocuments { .. } => one_document(),
        E::InvalidBinaryBase64 { .. }
        | E::BinaryNotUtf8 { .. }
        | E::BytesNotSupportedMissingBinaryTag { .. } => {
            "a `!!binary` value where text belongs; write the text itself".into()
        }
        E::DuplicateMappingKey { key, .. } => format!(
            "the key `{}` appears twice in one map; keep one",
            echo(key.as_deref().unwrap_or_default())
        ),
        _ => {
            let text = inner.to_string();
            if text.contains("recursion limit exceeded") {
                return too_deep();
            }
            let text = text.lines().next().unwrap_or_default();
            let text = match text.split_once(": ") {
                Some((head, rest)) if head.starts_with("line ") || head.starts_with("error") => {
                    rest
                }
                _ => text,
            };
            let text = text.split(" at line ").next().unwrap_or(text);
            format!("not valid YAML: {}", echo_long(text))
        }
    }
}

/// A file with a second YAML document in it.
fn one_document() -> String {
    "the file holds more than one YAML document (a `---` or `...` line inside it); a briefing is one document".into()
}

/// The parser's own words, cleaned and kept to a readable length.
fn echo_long(text: &str) -> String {
    const MAX: usize = 160;
    let cleaned = super::clean(text);
    match cleaned.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &cleaned[..cut]),
        None => cleaned.into_owned(),
    }
}

/// The message for a file past `Limits::max_bytes`: in MiB to one decimal where
/// that tells the sizes apart, else in bytes (64 MiB and one byte is not "64 MiB").
pub(super) fn too_big(size: u64, limits: Limits) -> String {
    let mib = |n: u64| format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0));
    let limit = limits.max_bytes / (1024 * 1024);
    if mib(size) == mib(limits.max_bytes) {
        format!(
            "the file is {size} bytes; briefings are limited to {limit} MiB ({} bytes)",
            limits.max_bytes
        )
    } else {
        format!(
            "the file is {}; briefings are limited to {limit} MiB",
            mib(size)
        )
    }
}

pub(super) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
