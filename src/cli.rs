//! The command line, as clap derive types, and what is generated from them
//! (completion scripts, the manual page). Parsing only: `main` decides what runs.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit code for a problem with the input: an invalid briefing, nothing found.
pub const INPUT_ERROR: u8 = 1;
/// Exit code for a usage error, as clap uses.
pub const USAGE_ERROR: u8 = 2;

/// A terminal reader for briefings: summary, nations, quotes by speaker, comment tree.
///
/// A bare `brief` opens the library of ./briefings/ and the config's folders
/// (else the bundled CSpO briefing); `brief FILE` opens one briefing, `brief
/// FOLDER...` the library of those folders. `?` in the reader lists every key.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A briefing file to read, or folders and files for the library; with
    /// none, the library of ./briefings/ and the config's folders, else the
    /// bundled briefing.
    pub paths: Vec<PathBuf>,

    /// Open on this item: an address from a notes export (`cspo-florence#q2`) or
    /// its part after `#` (a quote or comment id, `summary-2`, `quote-3`, `nation-NO`).
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
        /// The best briefings first (ranked by the catalog), each with the item
        /// that matched and its address for `--at`, instead of every line.
        #[arg(long, conflicts_with = "nation")]
        ranked: bool,
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
    /// Print a completion script for a shell, to source or install.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man folder.
    Man,
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

/// The completion script for `shell`, generated from the command line itself.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(
        shell,
        &mut <Cli as clap::CommandFactory>::command(),
        "brief",
        &mut out,
    );
    out
}

/// The manual page in roff: the command, then a section for each subcommand
/// with every flag.
pub fn man() -> std::io::Result<Vec<u8>> {
    let command = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands() {
        let sub = sub
            .clone()
            .bin_name(format!("brief {}", sub.get_name()))
            .version(env!("CARGO_PKG_VERSION"));
        let page = clap_mangen::Man::new(sub.clone()).title(format!("brief-{}", sub.get_name()));
        out.extend_from_slice(b"\n");
        page.render_title(&mut out)?;
        page.render_name_section(&mut out)?;
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
    }
    Ok(out)
}
