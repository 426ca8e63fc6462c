//! The speaker index: every speaker across the library, their roles, and their
//! quotes from every briefing. Speakers are matched by exact name; the config's
//! aliases join variants. Built when it is first shown, from who said each
//! quote of each briefing (read from the catalog, or the files, at the edge).
//! Pure.

use std::collections::BTreeMap;

use crate::library::card::Said;

/// One speaker across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name quotes are listed under (an alias's canonical name where one applies).
    pub name: String,
    /// Every role given, in order of first appearance.
    pub roles: Vec<String>,
    /// `(listing, quote)` for each quote, in library and file order.
    pub quotes: Vec<(usize, usize)>,
    /// How many briefings quote this speaker.
    pub briefings: usize,
}

/// Speakers by name from who said each quote of each listing (`(listing,
/// said)`, in library order), with aliases applied: `aliases` maps a variant
/// to the name it stands for.
pub fn index(said: &[(usize, Vec<Said>)], aliases: &BTreeMap<String, String>) -> Vec<Speaker> {
    let mut by_name: BTreeMap<String, Speaker> = BTreeMap::new();
    for &(s, ref quotes) in said {
        for (q, quote) in quotes.iter().enumerate() {
            let name = aliases
                .get(&quote.speaker)
                .cloned()
                .unwrap_or_else(|| quote.speaker.clone());
            let entry = by_name.entry(name.clone()).or_insert_with(|| Speaker {
                name,
                roles: Vec::new(),
                quotes: Vec::new(),
                briefings: 0,
            });
            if let Some(role) = &quote.role
                && !entry.roles.contains(role)
            {
                entry.roles.push(role.clone());
            }
            if entry.quotes.last().is_none_or(|&(last, _)| last != s) {
                entry.briefings += 1;
            }
            entry.quotes.push((s, q));
        }
    }
    by_name.into_values().collect()
}

/// The quotes of the speaker whose list is open, as far as they have been read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quoted {
    /// The speaker.
    pub speaker: String,
    /// For each of the speaker's quotes: not read yet (`None`), gone from its
    /// file (`Some(None)`), or its words.
    pub texts: Vec<Option<Option<String>>>,
}
