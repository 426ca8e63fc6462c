//! `brief`, a terminal reader for briefings.
//!
//! The binary in `main.rs` is a thin shell; everything it runs lives here so
//! tests can reach it: the briefing model and loader, the reader's state and
//! keymap, the views, and the one-shot commands.

pub mod app;
pub mod briefing;
pub mod cli;
pub mod commands;
pub mod config;
pub mod effects;
pub mod export;
pub mod find;
pub mod generate;
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
pub mod validate;
