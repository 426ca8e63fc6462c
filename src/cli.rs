//! The command line, as clap derive types. Parsing only: `main` decides what runs.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit code for a problem with the input: an invalid briefing, nothing found.
pub const INPUT_ERROR: u8 = 1;
/// Exit code for a usage error, as clap uses.
pub const USAGE_ERROR: u8 = 2;

/// A terminal reader for briefings: summary, nations, quotes by speaker, comment tree.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Briefing files to open; with none, the bundled CSpO briefing.
    pub paths: Vec<PathBuf>,

    /// Open on this item: an address from a notes export (`cspo-florence#q2`) or
    /// its part after `#` (a quote or comment id, `summary-2`, `nation-NO`).
    #[arg(long, value_name = "ITEM")]
    pub at: Option<String>,

    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The one-shot commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefing files and folders; print every error and warning.
    Validate {
        /// Files, or folders searched for *.yaml and *.yml.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Replay keys through the reader and print the final screen as text.
    Snapshot {
        /// The briefing to draw.
        path: PathBuf,
        /// Screen size as WIDTHxHEIGHT.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys separated by spaces: `j`, `Tab`, `Enter`, `C-d`, `PageDown`, ...
        #[arg(long, default_value = "")]
        keys: String,
    },
    /// Write a briefing's notes as markdown, to stdout or a file.
    Export {
        /// The briefing whose notes to export.
        path: PathBuf,
        /// Write here instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE even if brief did not write it.
        #[arg(long)]
        force: bool,
    },
    /// Write the note on one item from the command line (empty TEXT deletes it).
    Note {
        /// The briefing.
        path: PathBuf,
        /// The item: a quote or comment id, `summary-2`, `key-point-1`, `nation-NO`,
        /// or a whole address such as `cspo-florence#q2`.
        item: String,
        /// The note; `-` reads it from standard input.
        text: String,
    },
    /// Print matches across briefings as `file:line: context`; exit 1 when none.
    Search {
        /// What to look for: case-insensitive unless it holds a capital letter.
        #[arg(required_unless_present = "nation")]
        query: Option<String>,
        /// Files or folders; by default `./briefings/`, else the bundled briefing.
        paths: Vec<PathBuf>,
        /// Only briefings that list this nation (an ISO code such as `JP`).
        #[arg(long, value_name = "CODE")]
        nation: Option<String>,
    },
    /// Check the config file, or show where it is or a commented default.
    Config {
        /// Print where the config file is read from.
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented config with every option and action.
        #[arg(long)]
        default: bool,
    },
    /// Print the briefing format's JSON Schema.
    Schema,
    /// Make draft briefings from saved web pages or copied article text.
    Import {
        /// Articles: saved pages (.html) or copied text, or `-` for standard input.
        #[arg(required = true, value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// Write the briefing to FILE (one article); without it, to stdout.
        #[arg(short, long, value_name = "FILE", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// Write each briefing to DIR/<id>.yaml, ids made unique.
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// The briefing's id, instead of one made from the title (one article).
        #[arg(long)]
        id: Option<String>,
        /// The headline, instead of the one found (one article).
        #[arg(long)]
        title: Option<String>,
        /// The article's address, for an article read from stdin (one article).
        #[arg(long)]
        url: Option<String>,
        /// Replace files that exist.
        #[arg(long)]
        force: bool,
    },
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(|| {
        format!("`{text}` is not a size; write it as WIDTHxHEIGHT, such as 120x40")
    })?;
    let number = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`{s}` in `{text}` is not a size from 1 to 65535"))
    };
    Ok((number(w)?, number(h)?))
}
