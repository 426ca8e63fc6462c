//! The one table of nations the whole program reads: ISO 3166-1 alpha-2 codes,
//! English short names, the other names and demonyms articles use, and where the
//! capital lies. `brief import` finds mentions with it, the search lens widens a
//! nation's name with it, the map places capitals from it and `brief validate`
//! checks codes against it. Data only, and the finder over it; nothing here
//! reads files or draws.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

mod table;

pub use table::NATIONS;

/// One nation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nation {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// The English short name, as a briefing lists it.
    pub name: &'static str,
    /// Other names that mean the nation: `UK`, `Britain`, `Holland`, `Türkiye`'s `Turkey`.
    pub aliases: &'static [&'static str],
    /// What its people and things are called: `British`, `Norwegian`.
    pub demonyms: &'static [&'static str],
    /// The capital's latitude and longitude, in degrees, rounded.
    pub capital: (f64, f64),
    /// Names that mean something else too (Georgia the state, Jordan the person,
    /// Chad, Niger, Turkey, Guinea): they count only beside a country's context.
    pub ambiguous: &'static [&'static str],
}

/// Names built on a nation's name or demonym that name no nation: seas, gulfs,
/// deltas, provinces. Found as one phrase, so the nation inside is not.
const NOT_NATIONS: &[&str] = &[
    "Gulf of Guinea",
    "Niger Delta",
    "Niger River",
    "Norwegian Sea",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Irish Sea",
    "Arabian Sea",
    "Gulf of Mexico",
    "New Mexico",
    "British Columbia",
    "Indian Ocean",
    "Jordan River",
    "Latin America",
    "South Australia",
    "Western Australia",
    "Northern Ireland",
    "Korean Peninsula",
    "South America",
    "North America",
    "Central America",
    "the Americas",
    "Dominican Order",
];

/// The nation with this code.
pub fn by_code(code: &str) -> Option<&'static Nation> {
    NATIONS.iter().find(|n| n.code == code)
}

/// The nation with this name, alias or demonym, matched exactly or ignoring case
/// (`nation:Japan`, `nation:japan`).
pub fn by_name(name: &str) -> Option<&'static Nation> {
    NATIONS.iter().find(|n| {
        std::iter::once(&n.name)
            .chain(n.aliases)
            .chain(n.demonyms)
            .any(|term| term.eq_ignore_ascii_case(name) || *term == name)
    })
}

/// What else an article may call the nation with `code`: its aliases, then its demonyms.
pub fn other_names(code: &str) -> impl Iterator<Item = &'static str> + use<> {
    by_code(code)
        .into_iter()
        .flat_map(|n| n.aliases.iter().chain(n.demonyms).copied())
}

/// One mention of a nation in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The nation's code.
    pub code: &'static str,
    /// Where the words stand in the text, in bytes.
    pub start: usize,
    /// Where they end.
    pub end: usize,
    /// Whether the words also mean something else (see `Nation::ambiguous`).
    pub ambiguous: bool,
}

/// What each pattern of the finder stands for.
enum Term {
    Nation(&'static Nation, bool),
    NotANation,
}

struct Finder {
    automaton: AhoCorasick,
    terms: Vec<Term>,
}

fn finder() -> &'static Finder {
    static FINDER: OnceLock<Finder> = OnceLock::new();
    FINDER.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut terms = Vec::new();
        for n in NATIONS {
            for term in std::iter::once(&n.name).chain(n.aliases).chain(n.demonyms) {
                patterns.push(*term);
                terms.push(Term::Nation(n, false));
            }
            for term in n.ambiguous {
                // The ambiguous names are the nation's name or alias too; the
                // flag, not a second pattern, marks them.
                match patterns.iter().position(|p| p == term) {
                    Some(at) => terms[at] = Term::Nation(n, true),
                    None => {
                        patterns.push(*term);
                        terms.push(Term::Nation(n, true));
                    }
                }
            }
        }
        for phrase in NOT_NATIONS {
            patterns.push(*phrase);
            terms.push(Term::NotANation);
        }
        // The table is fixed: building its automaton cannot fail.
        #[allow(clippy::expect_used, reason = "a constant table of short patterns")]
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the nation table builds an automaton");
        Finder { automaton, terms }
    })
}

/// Every mention of a nation in `text`, in order: whole words only (`UK` in
/// `the UK’s`, never in `AUKUS`; `US` but never `us`), the longest name where
/// names overlap (`Equatorial Guinea`, not `Guinea`), and never inside a name
/// that is no nation (`the Gulf of Guinea`).
pub fn mentions(text: &str) -> Vec<Mention> {
    let finder = finder();
    finder
        .automaton
        .find_iter(text)
        .filter(|m| is_whole_word(text, m.start(), m.end()))
        .filter_map(|m| match finder.terms[m.pattern().as_usize()] {
            Term::Nation(n, ambiguous) => Some(Mention {
                code: n.code,
                start: m.start(),
                end: m.end(),
                ambiguous,
            }),
            Term::NotANation => None,
        })
        .collect()
}

/// Whether `text[start..end]` stands alone: no letter or digit touches it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_unique_well_formed_and_its_capital_on_the_globe() {
        let mut codes: Vec<_> = NATIONS.iter().map(|n| n.code).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len(), "a code appears twice");
        for n in NATIONS {
            assert!(crate::briefing::is_nation_code(n.code), "{}", n.code);
            let (lat, lon) = n.capital;
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{}",
                n.code
            );
        }
    }

    #[test]
    fn every_name_alias_and_demonym_resolves_to_its_own_nation() {
        for n in NATIONS {
            for term in std::iter::once(&n.name).chain(n.aliases).chain(n.demonyms) {
                let found = mentions(&format!("In {term} today."));
                assert_eq!(
                    found.iter().map(|m| m.code).collect::<Vec<_>>(),
                    [n.code],
                    "{term}"
                );
                assert_eq!(by_name(term).map(|b| b.code), Some(n.code), "{term}");
            }
        }
    }

    #[test]
    fn organisations_pronouns_and_geography_name_no_nation() {
        for text in [
            "a covert AUKUS Pillar II initiative",
            "let us go",
            "NATO and ESA met",
            "patrols in the Gulf of Guinea",
            "oil from the Niger Delta",
            "the Norwegian Sea",
            "navies in Latin America and North America",
        ] {
            assert!(mentions(text).is_empty(), "{text}: {:?}", mentions(text));
        }
    }

    #[test]
    fn possessives_demonyms_and_the_longest_name_count() {
        let codes = |t: &str| mentions(t).iter().map(|m| m.code).collect::<Vec<_>>();
        assert_eq!(codes("the UK’s Chief of the Air Staff"), ["GB"]);
        assert_eq!(codes("the U.S.'s allies"), ["US"]);
        assert_eq!(codes("British officials"), ["GB"]);
        assert_eq!(
            codes("Equatorial Guinea and Papua New Guinea"),
            ["GQ", "PG"]
        );
        assert_eq!(codes("Türkiye, or Turkey"), ["TR", "TR"]);
        assert!(mentions("Georgia").iter().all(|m| m.ambiguous));
    }
}
