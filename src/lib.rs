//! `brief`, a terminal reader for briefings.
//!
//! The binary in `main.rs` parses the arguments; everything it runs lives here
//! so tests can reach it. A key travels terminal -> app -> effects -> ui:
//! `terminal` reads it, `app` (the one model and its `update`) decides, the
//! `effects` runner carries out what needs the disk, and `ui` draws the model.
//! Around them: the briefing format and loader (`briefing`), making briefings
//! (`import`, `nations`), the library's files (`library`), search, the state
//! store, and the commands (`commands`).

pub mod app;
pub mod briefing;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod cores;
pub mod effects;
pub mod export;
pub mod import;
pub mod library;
pub mod nations;
pub mod say;
pub mod search;
pub mod snapshot;
pub mod state;
pub mod store;
pub mod terminal;
pub mod ui;

/// Generated briefings for the unit tests; shared with the integration tests
/// and benchmarks, and not shipped.
#[cfg(test)]
#[path = "../tests/common/generate.rs"]
#[allow(dead_code, reason = "the integration tests use more of it")]
mod generate;
