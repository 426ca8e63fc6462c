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

impl Keymap {
    /// The defaults plus `extra` (action name to key names, as the config file
    /// gives them); each problem found, by action name, for the status line.
    pub fn with_overrides(
        extra: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        let mut added = Vec::new();
        for (name, keys) in extra {
            let defaults: Vec<&Binding> = BINDINGS
                .iter()
                .filter(|b| b.action.name() == Some(name.as_str()))
                .collect();
            if defaults.is_empty() {
                problems.push(format!(
                    "keys.{name}: no such action; `brief config --default` lists them"
                ));
                continue;
            }
            for key_name in keys {
                let key = match Key::parse(key_name) {
                    Ok(key) => key,
                    Err(e) => {
                        problems.push(format!("keys.{name}: {e}"));
                        continue;
                    }
                };
                let mut contexts: Vec<Context> = defaults.iter().map(|b| b.context).collect();
                contexts.dedup();
                for context in contexts {
                    let help = defaults
                        .iter()
                        .find(|b| b.context == context)
                        .map_or("", |b| b.help);
                    added.push(bind(context, key, defaults[0].action.clone(), help));
                }
            }
        }
        // The user's keys come first, so they win where they clash with a default.
        for b in &added {
            let clash = added
                .iter()
                .chain(BINDINGS)
                .find(|o| o.context == b.context && o.key == b.key && o.action != b.action);
            if let Some(other) = clash {
                problems.push(format!(
                    "{} is bound to both {} and {} ({:?}); {} wins",
                    b.key,
                    b.action.name().unwrap_or_default(),
                    other.action.name().unwrap_or_default(),
                    b.context,
                    b.action.name().unwrap_or_default()
                ));
            }
        }
        added.extend(BINDINGS.iter().cloned());
        (Keymap { bindings: added }, problems)
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
    fn overrides_add_keys_and_report_clashes_by_action_name() {
        let extra = std::collections::BTreeMap::from([
            (
                "next_quote".to_owned(),
                vec!["C-n".to_owned(), "X".to_owned()],
            ),
            ("no_such_thing".to_owned(), vec!["z".to_owned()]),
        ]);
        let (keymap, problems) = Keymap::with_overrides(&extra);
        assert_eq!(
            keymap.resolve(Context::Panes, Key::ctrl('n')),
            Some(Action::NextQuote)
        );
        assert_eq!(
            keymap.resolve(Context::Panes, Key::ch(']')),
            Some(Action::NextQuote),
            "defaults stay"
        );
        assert_eq!(
            keymap.resolve(Context::Panes, Key::ch('X')),
            Some(Action::NextQuote)
        );
        assert_eq!(
            problems,
            [
                "keys.no_such_thing: no such action; `brief config --default` lists them",
                "X is bound to both next_quote and export_notes (Panes); next_quote wins",
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
