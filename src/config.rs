//! The optional `config.yaml` in the config directory: library folders, theme
//! colours, the mouse, extra keys and speaker aliases. A bad file gives located
//! messages and the defaults, never silence and never a refusal to start.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::app::keymap::{BINDINGS, KeyChoice};

/// The configuration in force.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Folders of briefings for the library, besides `./briefings/`.
    pub library: Vec<PathBuf>,
    /// Capture the mouse from the start.
    pub mouse: bool,
    /// Colours by role, named ANSI colours only.
    pub theme: Palette,
    /// Keys for actions, each with where it was written; an empty list unbinds.
    pub keys: Vec<KeyChoice>,
    /// Keys taken away from whatever they do, each with where it was written.
    pub unbind: Vec<(String, String)>,
    /// Speaker aliases: a variant to the name it stands for.
    pub aliases: BTreeMap<String, String>,
}

/// The colours the reader uses, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The focused pane's border and the title bar.
    pub focus: Color,
    /// Section and speaker headings.
    pub heading: Color,
    /// Marks: codes, collapsed counts, unread and note marks.
    pub accent: Color,
    /// The background of search matches.
    pub found: Color,
}

impl Palette {
    /// The colours brief uses unless told otherwise.
    pub const DEFAULT: Palette = Palette {
        focus: Color::Cyan,
        heading: Color::Yellow,
        accent: Color::Magenta,
        found: Color::Yellow,
    };
}

impl Default for Palette {
    fn default() -> Palette {
        Palette::DEFAULT
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    library: Vec<String>,
    mouse: bool,
    theme: ThemeFile,
    keys: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    unbind: Vec<Spanned<String>>,
    speakers: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ThemeFile {
    focus: Option<Spanned<String>>,
    heading: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    found: Option<Spanned<String>>,
}

/// The named ANSI colours, which every terminal maps through its own palette.
const COLORS: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
    ("default", Color::Reset),
];

/// Where the config file lives.
pub fn path(config_dir: &Path) -> PathBuf {
    config_dir.join("config.yaml")
}

/// Reads the config at `path`: the defaults where the file is missing, and each
/// problem as `file:line:col: key: what is wrong` beside what could be used.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        // No file, or no config folder to hold one: the defaults, silently.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            (Config::default(), Vec::new())
        }
        Err(e) => (
            Config::default(),
            vec![format!(
                "{}: cannot read: {e}; using the defaults",
                path.display()
            )],
        ),
    }
}

/// Parses config text; `name` stands for the file in messages.
pub fn parse(text: &str, name: &str) -> (Config, Vec<String>) {
    if text.trim().is_empty() {
        return (Config::default(), Vec::new());
    }
    let file: File = match serde_saphyr::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let at = e
                .location()
                .map(|l| format!(":{}:{}", l.line(), l.column()))
                .unwrap_or_default();
            let message = e.to_string();
            let message = message.lines().next().unwrap_or_default();
            let message = message.split(" at line ").next().unwrap_or(message);
            let message = message.strip_prefix("error: ").unwrap_or(message);
            // The parser repeats the place in its own words; the prefix says it already.
            let message = match message.split_once(": ") {
                Some((place, rest)) if place.starts_with("line ") => rest,
                _ => message,
            };
            return (
                Config::default(),
                vec![format!("{name}{at}: {message}; using the defaults")],
            );
        }
    };
    let mut problems = Vec::new();
    let mut theme = Palette::default();
    let t = &file.theme;
    let roles = [
        ("focus", &t.focus, &mut theme.focus),
        ("heading", &t.heading, &mut theme.heading),
        ("accent", &t.accent, &mut theme.accent),
        ("found", &t.found, &mut theme.found),
    ];
    for (role, given, slot) in roles {
        let Some(color) = given else { continue };
        match COLORS
            .iter()
            .find(|(n, _)| *n == color.value.to_lowercase())
        {
            Some(&(_, value)) => *slot = value,
            None => {
                let names: Vec<&str> = COLORS.iter().map(|(n, _)| *n).collect();
                problems.push(format!(
                    "{name}:{}:{}: theme.{role}: `{}` is not a named colour; use one of {}",
                    color.referenced.line(),
                    color.referenced.column(),
                    color.value,
                    names.join(", ")
                ));
            }
        }
    }
    let mut aliases = BTreeMap::new();
    for (name, variants) in &file.speakers {
        for variant in variants {
            aliases.insert(variant.clone(), name.clone());
        }
    }
    let at = |s: &serde_saphyr::Location| format!("{name}:{}:{}", s.line(), s.column());
    let keys = file
        .keys
        .iter()
        .map(|(action, list)| KeyChoice {
            action: action.clone(),
            at: at(&list.referenced),
            keys: list
                .value
                .iter()
                .map(|k| (k.value.clone(), at(&k.referenced)))
                .collect(),
        })
        .collect();
    let unbind = file
        .unbind
        .iter()
        .map(|k| (k.value.clone(), at(&k.referenced)))
        .collect();
    let config = Config {
        library: file.library.iter().map(|f| expand_home(f)).collect(),
        mouse: file.mouse,
        theme,
        keys,
        unbind,
        aliases,
    };
    (config, problems)
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(base)) => base.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

/// A commented config with every option at its default, and every action with
/// its default keys: what `brief config --default` prints.
pub fn default_text() -> String {
    let mut out = String::from(
        "# brief's configuration: copy to the path `brief config --path` prints.\n\
         # Everything is optional; what is left out keeps its default.\n\n\
         # Folders of briefings for the library, besides ./briefings/.\n\
         library: []\n\
         #  - ~/briefings\n\n\
         # Capture the mouse from the start (M toggles it). Off keeps your\n\
         # terminal's own text selection.\n\
         mouse: false\n\n\
         # Colours by role: named ANSI colours only, so your terminal's palette\n\
         # decides what they look like. NO_COLOR turns colour off whatever this says.\n\
         theme:\n  focus: cyan\n  heading: yellow\n  accent: magenta\n  found: yellow\n\n\
         # Speakers quoted under several names, joined in the speaker index.\n\
         speakers: {}\n\
         #  Air Chief Marshal Sir Richard Knighton: [ACM Sir Richard Knighton]\n\n\
         # Keys for actions, added to the defaults below; a key a default\n\
         # already uses does what you say instead (`brief config` reports it).\n\
         # An empty list takes the action's default keys away.\n\
         # Keys are named as ? shows them: j, C-n, M-x, Tab, PageDown, ...\n\
         keys: {}\n\
         #  next_quote: [C-n]\n\
         #  collapse_all: []\n\n\
         # Keys to take away from whatever they do by default.\n\
         unbind: []\n\
         #  - C\n\
         #\n\
         # The actions and their default keys:\n",
    );
    let mut seen: Vec<&str> = Vec::new();
    for b in BINDINGS {
        let Some(name) = b.action.name().filter(|name| !seen.contains(name)) else {
            continue;
        };
        seen.push(name);
        let keys: Vec<String> = BINDINGS
            .iter()
            .filter(|o| o.action == b.action && o.context == b.context)
            .map(|o| o.key.to_string())
            .collect();
        let _ = writeln!(out, "#   {name}: {} ({})", keys.join(" "), b.help);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_is_read() {
        let (config, problems) = parse(
            "library: [/tmp/briefings]\nmouse: true\ntheme: {accent: lightblue, found: Green}\nkeys: {next_quote: [C-n]}\nunbind: [X]\nspeakers:\n  Air Chief Marshal Sir Richard Knighton: [ACM Sir Richard Knighton]\n",
            "config.yaml",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.library, [PathBuf::from("/tmp/briefings")]);
        assert!(config.mouse);
        assert_eq!(
            (config.theme.accent, config.theme.found),
            (Color::LightBlue, Color::Green)
        );
        assert_eq!(
            config.keys,
            [KeyChoice {
                action: "next_quote".into(),
                at: "config.yaml:4:20".into(),
                keys: vec![("C-n".into(), "config.yaml:4:21".into())],
            }]
        );
        assert_eq!(config.unbind, [("X".into(), "config.yaml:5:10".into())]);
        assert_eq!(
            config.aliases["ACM Sir Richard Knighton"],
            "Air Chief Marshal Sir Richard Knighton"
        );
    }

    #[test]
    fn bad_values_are_located_and_the_rest_still_applies() {
        let (config, problems) = parse(
            "mouse: true\ntheme:\n  accent: '#ff0000'\n  heading: red\n",
            "c.yaml",
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("c.yaml:3:11: theme.accent: `#ff0000` is not a named colour"),
            "{problems:?}"
        );
        assert!(config.mouse);
        assert_eq!(config.theme.heading, Color::Red);
        assert_eq!(config.theme.accent, Palette::default().accent);
    }

    #[test]
    fn an_unreadable_config_gives_the_defaults_and_says_where() {
        let (config, problems) = parse("mouse: [\n", "c.yaml");
        assert_eq!(config, Config::default());
        assert!(problems[0].starts_with("c.yaml:"), "{problems:?}");
        assert!(problems[0].ends_with("using the defaults"));
        let (_, problems) = parse("colour: blue\n", "c.yaml");
        assert!(
            problems[0].contains("colour"),
            "unknown keys are named: {problems:?}"
        );
    }

    #[test]
    fn the_default_text_is_a_valid_config_that_names_every_action() {
        let text = default_text();
        let (config, problems) = parse(&text, "default");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
        for b in BINDINGS {
            assert!(
                text.contains(&format!("#   {}:", b.action.name().unwrap_or("?"))),
                "{:?} missing",
                b.action
            );
        }
    }
}
