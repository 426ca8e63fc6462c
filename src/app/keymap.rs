//! The one keymap: a table of (context, key, action, help). Key resolution, the `?`
//! overlay and the status-line hints all read this table, so help cannot drift from
//! behaviour (yazi's `keymap-default.toml` and television's `keymap.rs` do the same).

use super::{Action, Key};

use super::bindings::bind;
pub use super::bindings::{BINDINGS, Binding, Context};
use Context::Global;

/// The keymap in force: the defaults, with the user's keys added in front.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

/// The keys `config.yaml` gives one action, each with the place it was written
/// (`file:line:col`) for messages; no keys at all unbinds the action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyChoice {
    /// The action's name, as `brief config --default` lists it.
    pub action: String,
    /// Where the list of keys was written.
    pub at: String,
    /// The keys, each with where it was written.
    pub keys: Vec<(String, String)>,
}

impl Keymap {
    /// The defaults, with `unbind` (key names, each with where it was written)
    /// taken away and the user's `choices` put in front; every problem and every
    /// clash, each with the place in the file that caused it. A user's key wins
    /// wherever it would clash with a default: in its own context and, for a key
    /// that works everywhere, in every context.
    pub fn with_overrides(
        choices: &[KeyChoice],
        unbind: &[(String, String)],
    ) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        let mut defaults: Vec<Binding> = BINDINGS.to_vec();
        for (name, at) in unbind {
            match Key::parse(name) {
                Ok(key) => defaults.retain(|b| b.key != key),
                Err(e) => problems.push(format!("{at}: unbind: {e}")),
            }
        }
        let mut added: Vec<(Binding, &str)> = Vec::new();
        for choice in choices {
            let name = choice.action.as_str();
            let own: Vec<Binding> = BINDINGS
                .iter()
                .filter(|b| b.action.name() == Some(name))
                .cloned()
                .collect();
            let Some(action) = own.first().map(|b| b.action.clone()) else {
                problems.push(format!(
                    "{}: keys.{name}: no such action; `brief config --default` lists them",
                    choice.at
                ));
                continue;
            };
            if choice.keys.is_empty() {
                defaults.retain(|b| b.action != action);
                continue;
            }
            let mut contexts: Vec<Context> = own.iter().map(|b| b.context).collect();
            contexts.dedup();
            for (key_name, at) in &choice.keys {
                let key = match Key::parse(key_name) {
                    Ok(key) => key,
                    Err(e) => {
                        problems.push(format!("{at}: keys.{name}: {e}"));
                        continue;
                    }
                };
                for &context in &contexts {
                    let help = own
                        .iter()
                        .find(|b| b.context == context)
                        .map_or("", |b| b.help);
                    added.push((bind(context, key, action.clone(), help), at));
                }
            }
        }
        for (b, at) in &added {
            let name = b.action.name().unwrap_or_default();
            // Taken over: a default this key would otherwise lose to, or beat.
            let shadowed = |o: &Binding| {
                o.key == b.key
                    && o.action != b.action
                    && (o.context == b.context || b.context == Global)
            };
            let mut lost: Vec<String> = defaults
                .iter()
                .filter(|o| shadowed(o))
                .map(|o| {
                    format!(
                        "{} ({})",
                        o.action.name().unwrap_or_default(),
                        where_(o.context)
                    )
                })
                .collect();
            lost.dedup();
            if !lost.is_empty() {
                problems.push(format!(
                    "{at}: keys.{name}: {} did {}; it now does {name}",
                    b.key,
                    lost.join(", ")
                ));
            }
            defaults.retain(|o| !shadowed(o));
            // Still in force elsewhere: a key everywhere else that this one hides here.
            if let Some(o) = defaults.iter().find(|o| {
                o.key == b.key && o.context == Global && b.context != Global && o.action != b.action
            }) {
                problems.push(format!(
                    "{at}: keys.{name}: {} does {name} in {}, and {} everywhere else",
                    b.key,
                    where_(b.context),
                    o.action.name().unwrap_or_default()
                ));
            }
            for (o, _) in &added {
                if o.key == b.key && o.context == b.context && o.action != b.action {
                    problems.push(format!(
                        "{at}: keys.{name}: {} is also given to {}; the first in the file wins",
                        b.key,
                        o.action.name().unwrap_or_default()
                    ));
                    break;
                }
            }
        }
        problems.dedup();
        let mut bindings: Vec<Binding> = added.into_iter().map(|(b, _)| b).collect();
        bindings.extend(defaults);
        (Keymap { bindings }, problems)
    }

    /// Every binding in force.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action `key` stands for in `context`, falling back to the global bindings.
    /// Where keys are typed (the editor, the search prompt, the help filter) only
    /// the global keys with Ctrl or Alt apply, so `q` is a letter there.
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        let find = |ctx: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.key == key)
                .map(|b| b.action.clone())
        };
        let typed = context.is_typed() && key.mods.is_empty();
        find(context).or_else(|| if typed { None } else { find(Global) })
    }

    /// The first key bound to `action` in `context`, for hints.
    pub fn key_for(&self, context: Context, action: &Action) -> Option<Key> {
        self.bindings
            .iter()
            .filter(|b| !context.is_typed() || b.context == context || !b.key.mods.is_empty())
            .find(|b| (b.context == context || b.context == Global) && &b.action == action)
            .map(|b| b.key)
    }

    /// The help for one context, keys joined per action, in table order.
    pub fn help_lines(&self, context: Context) -> Vec<HelpLine> {
        let mut lines: Vec<(Action, HelpLine)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            match lines
                .iter_mut()
                .find(|(a, l)| *a == b.action && l.help == b.help)
            {
                Some((_, line)) => {
                    line.keys.push(' ');
                    line.keys.push_str(&b.key.to_string());
                }
                None => lines.push((
                    b.action.clone(),
                    HelpLine {
                        keys: b.key.to_string(),
                        help: b.help,
                        action: b.action.name().unwrap_or_default(),
                    },
                )),
            }
        }
        lines.into_iter().map(|(_, l)| l).collect()
    }
}

/// One line of help: every key for an action in a context, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, as shown and as the config names them: `j Down`.
    pub keys: String,
    /// What they do.
    pub help: &'static str,
    /// The action's name, as the config file's `keys:` uses it.
    pub action: &'static str,
}

/// A context as a sentence names it.
fn where_(context: Context) -> &'static str {
    match context {
        Context::Global => "everywhere",
        Context::Panes => "the panes",
        Context::Help => "help",
        Context::Read => "the full view",
        Context::Edit => "the note editor",
        Context::Notes => "the notes list",
        Context::Confirm => "a question",
        Context::Search => "a search",
        Context::Library => "the library",
        Context::Speakers => "the speaker index",
        Context::Found => "the library search",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.context == b.context && a.key == b.key),
                    "{} bound twice in {:?}",
                    a.key,
                    a.context
                );
            }
        }
    }

    #[test]
    fn global_keys_work_in_every_context_but_where_keys_are_typed() {
        let keymap = Keymap::default();
        for ctx in [
            Context::Panes,
            Context::Help,
            Context::Read,
            Context::Library,
        ] {
            assert_eq!(keymap.resolve(ctx, Key::ctrl('c')), Some(Action::Quit));
        }
        assert_eq!(
            keymap.resolve(Context::Help, Key::ch('?')),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            keymap.resolve(Context::Read, Key::ch('j')),
            Some(Action::MoveDown)
        );
        assert_eq!(
            keymap.resolve(Context::Edit, Key::ch('q')),
            None,
            "q is typed into a note"
        );
    }

    #[test]
    fn overrides_add_keys_and_report_clashes_with_their_place() {
        let choice = |action: &str, keys: &[&str]| KeyChoice {
            action: action.to_owned(),
            at: format!("c.yaml:{}:3", action.len()),
            keys: keys
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    (
                        (*k).to_owned(),
                        format!("c.yaml:{}:{}", action.len(), 10 + n),
                    )
                })
                .collect(),
        };
        let (keymap, problems) = Keymap::with_overrides(
            &[
                choice("next_quote", &["C-n", "X"]),
                choice("no_such_thing", &["z"]),
                choice("quit", &["j"]),
                choice("collapse_all", &[]),
            ],
            &[("E".to_owned(), "c.yaml:9:9".to_owned())],
        );
        let resolve = |context, key| keymap.resolve(context, key);
        assert_eq!(
            resolve(Context::Panes, Key::ctrl('n')),
            Some(Action::NextQuote)
        );
        assert_eq!(
            resolve(Context::Panes, Key::ch(']')),
            Some(Action::NextQuote),
            "defaults stay"
        );
        assert_eq!(
            resolve(Context::Panes, Key::ch('X')),
            Some(Action::NextQuote)
        );
        assert_eq!(
            resolve(Context::Panes, Key::ch('j')),
            Some(Action::Quit),
            "the user's key wins"
        );
        assert_eq!(resolve(Context::Library, Key::ch('j')), Some(Action::Quit));
        assert_eq!(
            resolve(Context::Panes, Key::ch('C')),
            None,
            "collapse_all: [] unbinds it"
        );
        assert_eq!(resolve(Context::Panes, Key::ch('E')), None, "unbind: [E]");
        assert_eq!(
            keymap.key_for(Context::Panes, &Action::Quit),
            Some(Key::ch('j'))
        );
        assert_eq!(
            problems,
            [
                "c.yaml:13:3: keys.no_such_thing: no such action; `brief config --default` lists them",
                "c.yaml:10:11: keys.next_quote: X did export_notes (the panes); it now does next_quote",
                "c.yaml:4:10: keys.quit: j did move_down (the panes), move_down (the full view), move_down (the notes list), move_down (the library), move_down (the speaker index), move_down (the library search); it now does quit",
            ]
        );
    }

    #[test]
    fn every_bound_action_has_one_snake_case_name_of_its_own() {
        assert_eq!(Action::Focus(Pane::Quotes).name(), Some("focus_quotes"));
        let mut names: Vec<(&str, &Action)> = Vec::new();
        for b in BINDINGS {
            let name = b
                .action
                .name()
                .unwrap_or_else(|| panic!("{:?} has no name", b.action));
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            match names.iter().find(|(n, _)| *n == name) {
                Some((_, action)) => assert_eq!(*action, &b.action, "{name} names two actions"),
                None => names.push((name, &b.action)),
            }
        }
        assert_eq!(Action::Type(crate::app::Key::ch('x')).name(), None);
    }

    #[test]
    fn help_joins_the_keys_of_one_action() {
        let lines = Keymap::default().help_lines(Context::Panes);
        let down = lines
            .iter()
            .find(|l| l.help.starts_with("move down"))
            .expect("move down");
        assert_eq!(down.keys, "j Down");
    }
}
