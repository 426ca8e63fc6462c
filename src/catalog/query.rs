//! What a user types, as a tantivy query. The syntax is the one search boxes
//! teach: words (all must match), `"a phrase"`, `-word` to leave out, and
//! `speaker:knighton`, `nation:JP` or `nation:Japan`, `author:`, `tag:`,
//! `title:`, `quote:`, `comment:`, `note:` for one field. The last word may be
//! unfinished (`knigh` finds Knighton), so results follow the typing.

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;

use super::fields::{Fields, analyzer};

/// How much more a match of the loose words in their order counts.
const NEAR: f32 = 4.0;

/// The shortest unfinished word matched as a prefix.
const MIN_PREFIX: usize = 3;

/// How many words an unfinished one stands for, at most: the first of them in
/// the dictionary's order (a longer prefix narrows them).
const EXPANSIONS: u32 = 64;

/// One part of what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    /// Left out (`-word`).
    negated: bool,
    /// The field it names (`speaker:`), if any.
    field: Option<String>,
    /// The words, lower-cased.
    words: Vec<String>,
    /// Quoted: the words in this order, and the last one whole.
    phrase: bool,
}

/// `typed` split into its parts.
fn parts(typed: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = typed.trim_start();
    while !rest.is_empty() {
        let negated = rest.starts_with('-');
        if negated {
            rest = &rest[1..];
        }
        let mut field = None;
        if let Some((name, after)) = rest.split_once(':')
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphabetic())
            && !after.starts_with(' ')
        {
            field = Some(name.to_ascii_lowercase());
            rest = after;
        }
        let (value, phrase, next) = match rest.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((inside, after)) => (inside, true, after),
                None => (quoted, true, ""),
            },
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], false, &rest[end..])
            }
        };
        let words = words(value);
        if !words.is_empty() {
            out.push(Part {
                negated,
                field,
                words,
                phrase,
            });
        }
        rest = next.trim_start();
    }
    out
}

/// The words of `text` as the catalog's tokenizer makes them.
fn words(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// What `typed` looks for in the text, for finding the matching item in a
/// briefing the catalog found: its phrases and words that are not left out,
/// all of them together first, then each, longest first.
pub fn looked_for(typed: &str) -> Vec<String> {
    let mut each: Vec<String> = parts(typed)
        .into_iter()
        .filter(|p| !p.negated)
        .map(|p| p.words.join(" "))
        .collect();
    let all = each.join(" ");
    each.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    std::iter::once(all)
        .chain(each)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The longest phrase or word `typed` looks for (the rest is syntax): what the
/// hits mark and the briefing opened from them searches for.
pub fn longest(typed: &str) -> Option<String> {
    // After all of them together come the parts, longest first.
    looked_for(typed).into_iter().nth(1)
}

/// The ranked query for `typed`; `None` when nothing was typed to look for.
pub fn ranked(f: &Fields, typed: &str) -> Option<Box<dyn Query>> {
    let parts = parts(typed);
    if parts.is_empty() {
        return None;
    }
    let last_open = !typed.ends_with([' ', '"']);
    let count = parts.len();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // Words typed one after another, loose, rank higher where they stand in
    // that order: a phrase remembered without its quotes finds its briefing.
    let loose: Vec<String> = parts
        .iter()
        .filter(|p| p.field.is_none() && !p.negated && !p.phrase)
        .flat_map(|p| p.words.clone())
        .collect();
    if loose.len() > 1 {
        let near: Vec<(Occur, Box<dyn Query>)> = f
            .weighted()
            .iter()
            .map(|&(field, weight)| {
                let terms = loose
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect();
                let mut phrase = PhraseQuery::new(terms);
                phrase.set_slop(1);
                let boosted: Box<dyn Query> =
                    Box::new(BoostQuery::new(Box::new(phrase), weight * NEAR));
                (Occur::Should, boosted)
            })
            .collect();
        clauses.push((Occur::Should, Box::new(BooleanQuery::new(near))));
    }
    for (i, part) in parts.into_iter().enumerate() {
        // The word being typed is a prefix until a space ends it, once it is
        // long enough to narrow the search (`k` would match every k-word).
        let prefix = last_open
            && i + 1 == count
            && !part.phrase
            && !part.negated
            && part
                .words
                .last()
                .is_some_and(|w| w.chars().count() >= MIN_PREFIX);
        let fields: Vec<(Field, f32)> = match part.field.as_deref().map(|n| f.named(n)) {
            Some(Some(field)) => vec![(field, 1.0)],
            // An unknown `name:` is searched as text.
            Some(None) | None => f.weighted().to_vec(),
        };
        let words = match part.field.as_deref() {
            Some("nation" | "nations") => nation_words(&part.words),
            _ => part.words,
        };
        let each: Vec<(Occur, Box<dyn Query>)> = fields
            .iter()
            .map(|&(field, weight)| {
                let q = words_query(field, &words, prefix);
                let boosted: Box<dyn Query> = Box::new(BoostQuery::new(q, weight));
                (Occur::Should, boosted)
            })
            .collect();
        let occur = if part.negated {
            Occur::MustNot
        } else {
            Occur::Must
        };
        clauses.push((occur, Box::new(BooleanQuery::new(each))));
    }
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        // Only exclusions: everything else.
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// `nation:Japan` as the code the catalog holds (`jp`), so a name, a code or a
/// demonym finds the same briefings.
fn nation_words(words: &[String]) -> Vec<String> {
    let joined = words.join(" ");
    crate::nations::by_name(&joined)
        .or_else(|| crate::nations::by_code(&joined.to_uppercase()))
        .map_or_else(|| words.to_vec(), |n| vec![n.code.to_lowercase()])
}

/// The words in `field`: one term, a phrase of several, the last a prefix when asked.
fn words_query(field: Field, words: &[String], prefix: bool) -> Box<dyn Query> {
    let term = |w: &str| Term::from_field_text(field, w);
    match words {
        // The first words of the dictionary that start so, as search boxes
        // expand an unfinished word: a range of the terms, not an automaton
        // run over all of them.
        [one] if prefix => {
            let mut q = PhrasePrefixQuery::new(vec![term(one)]);
            q.set_max_expansions(EXPANSIONS);
            Box::new(q)
        }
        [one] => Box::new(TermQuery::new(term(one), IndexRecordOption::WithFreqs)),
        many => Box::new(PhraseQuery::new(many.iter().map(|w| term(w)).collect())),
    }
}

/// How many terms holding a typed word are looked up one by one.
const FEW: usize = 64;

/// Every file that may hold `typed` anywhere, even inside a word, as `brief
/// search` matches: each of its words inside some indexed word of some field,
/// the indexed words that hold it found in `lists` (each segment's, see
/// `words`). `None` when it has no word (only punctuation), so every file must
/// be read.
pub fn substrings(f: &Fields, typed: &str, lists: &[impl AsRef<[u8]>]) -> Option<Box<dyn Query>> {
    let words: Vec<String> = typed
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    let fields = f.searched();
    let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in &words {
        // Each indexed word that holds it, in each field that holds that word.
        let mut terms: Vec<Term> = lists
            .iter()
            .flat_map(|list| super::words::holding(list.as_ref(), word.as_bytes()))
            .filter_map(|(held, mask)| Some((std::str::from_utf8(held).ok()?, mask)))
            .flat_map(|(held, mask)| {
                fields
                    .iter()
                    .enumerate()
                    .filter(move |(i, _)| mask & (1 << i) != 0)
                    .map(move |(_, &field)| Term::from_field_text(field, held))
            })
            .collect();
        if terms.is_empty() {
            // No indexed word holds it: no file does.
            return Some(Box::new(EmptyQuery));
        }
        terms.sort_unstable();
        terms.dedup();
        // A few terms are looked up one by one; many as one set, which costs
        // an automaton built for each field.
        let any: Box<dyn Query> = if terms.len() <= FEW {
            let each = terms.into_iter().map(|t| -> (Occur, Box<dyn Query>) {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
                )
            });
            Box::new(BooleanQuery::new(each.collect()))
        } else {
            Box::new(TermSetQuery::new(terms))
        };
        all.push((Occur::Must, any));
    }
    Some(Box::new(BooleanQuery::new(all)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(negated: bool, field: Option<&str>, words: &[&str], phrase: bool) -> Part {
        Part {
            negated,
            field: field.map(str::to_owned),
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            phrase,
        }
    }

    #[test]
    fn typing_splits_into_words_phrases_exclusions_and_fields() {
        assert_eq!(
            parts(r#"Space "shared Interests" -russia speaker:Knighton nation:"New Zealand""#),
            [
                part(false, None, &["space"], false),
                part(false, None, &["shared", "interests"], true),
                part(true, None, &["russia"], false),
                part(false, Some("speaker"), &["knighton"], false),
                part(false, Some("nation"), &["new", "zealand"], true),
            ]
        );
        assert_eq!(parts("   "), []);
        assert_eq!(
            parts("\"unclosed phrase"),
            [part(false, None, &["unclosed", "phrase"], true)]
        );
        // A colon inside a word is no field.
        assert_eq!(parts("10:30"), [part(false, None, &["10", "30"], false)]);
    }

    #[test]
    fn a_nation_is_looked_up_by_name_code_or_demonym() {
        let code = |w: &str| nation_words(&words(w));
        assert_eq!(code("Japan"), ["jp"]);
        assert_eq!(code("JP"), ["jp"]);
        assert_eq!(code("japanese"), ["jp"]);
        assert_eq!(code("new zealand"), ["nz"]);
        assert_eq!(code("atlantis"), ["atlantis"]);
    }
}
