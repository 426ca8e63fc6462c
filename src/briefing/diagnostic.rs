//! A located message about a briefing file: an error that refuses it, or a warning.
//!
//! Its one job is the line a person reads: `file:line:col: key.path: what is wrong`.

use std::fmt;

use super::node::Pos;

/// Whether a diagnostic refuses the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The file cannot be read as a briefing.
    Error,
    /// Worth knowing; the file still loads.
    Warning,
}

/// One message about one place in a briefing file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// Where in the file, when the problem has a place.
    pub pos: Option<Pos>,
    /// The key path, such as `quotes[2].speaker`; empty for the whole document.
    pub path: String,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
    /// For the line that stands for warnings past the listed ones: how many it counts.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unlisted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Diagnostic {
    /// A diagnostic of `severity` about `file`, at `pos` and `path`.
    pub fn new(
        severity: Severity,
        file: &str,
        pos: Option<Pos>,
        path: &str,
        message: String,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            file: file.to_owned(),
            pos,
            path: path.to_owned(),
            message,
            unlisted: 0,
        }
    }

    /// True for a diagnostic that refuses the file.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// How many warnings this line reports: one, or the count it stands for.
    pub fn warnings(&self) -> usize {
        match (self.severity, self.unlisted) {
            (Severity::Error, _) => 0,
            (Severity::Warning, 0) => 1,
            (Severity::Warning, n) => n,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", super::clean(&self.file))?;
        if let Some(pos) = self.pos {
            write!(f, ":{}:{}", pos.line, pos.col)?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}
