//! What `brief` says to a person on standard error. Every message passes through
//! here, cleaned as it goes out: a file name, an argument (`--at`, an item, a
//! path) or a config value inside it never reaches the terminal as control.

use std::fmt::Display;

use crate::briefing::clean;

/// Prints `brief: MESSAGE` on standard error.
pub fn say(message: impl Display) {
    line(format_args!("brief: {message}"));
}

/// Prints a line that names its own place (`file:line:col: ...`) on standard error.
pub fn line(text: impl Display) {
    eprintln!("{}", clean(&text.to_string()));
}

/// Text for standard output, cleaned the same way.
pub fn out(text: impl Display) {
    println!("{}", clean(&text.to_string()));
}
