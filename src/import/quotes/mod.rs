//! Quotations in an article's body and who said them. Attribution patterns, the
//! most precise first:
//!
//! 1. a sentence ending in a colon, then a paragraph that is only a quotation;
//! 2. `“…,” said NAME, ROLE.` and `“…,” NAME said.`;
//! 3. `NAME, ROLE, said: “…”`;
//! 4. a quotation paragraph right after an attributed one: the same speaker;
//! 5. `he added`, `she said`: the person named last; a surname alone
//!    (`Krüger said`, `Mr Krüger said`): the full name given earlier.
//!
//! A quotation whose speaker is not found is not guessed: it stays in the summary
//! and goes to the review list. Quotations of fewer than 8 words are text.

mod shapes;

use shapes::{
    appositive, intro_then_quotation, last_sentence, opening, pure_quotation,
    quotation_then_attribution, sayer, trim_article, word_count,
};

use super::Quote;

/// The fewest words a quotation needs to be a quote rather than a phrase.
const MIN_WORDS: usize = 8;

/// Verbs of saying, as they follow or precede a speaker.
const SAYING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "explained",
    "noted",
    "stressed",
    "warned",
    "argued",
    "continued",
    "concluded",
    "remarked",
    "commented",
    "insisted",
    "observed",
];

/// The body with quotations moved out, and the quotes.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) summary: Vec<String>,
    pub(super) quotes: Vec<Quote>,
}

/// A person the article names, with the apposition at first mention.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: Option<String>,
}

/// Finds the quotes of `paragraphs`; what was resolved by a guess goes to `review`.
pub(super) fn find(paragraphs: &[String], review: &mut Vec<String>) -> Found {
    let mut found = Found::default();
    let mut people: Vec<Person> = Vec::new();
    // Who the paragraph before was attributed to, when it was a moved quotation.
    let mut previous_speaker: Option<usize> = None;
    // The person named last, for "he added".
    let mut last_named: Option<usize> = None;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        for sentence in super::sentences(paragraph) {
            // Only the words before a quotation can introduce a person.
            let sentence = sentence.split(['“', '"']).next().unwrap_or_default();
            if let Some((name, role)) = appositive(sentence) {
                last_named = Some(meet(&mut people, &name, role));
            } else if let Some(name) = sayer(sentence) {
                last_named = Some(meet(&mut people, &name, None));
            }
        }
        if let Some(words) = pure_quotation(paragraph) {
            let before = i.checked_sub(1).map(|p| paragraphs[p].as_str());
            let intro = before.filter(|b| b.trim_end().ends_with(':'));
            let speaker = match (intro, previous_speaker) {
                (Some(intro), _) => {
                    let sentence = last_sentence(intro);
                    introduced(sentence, &mut people, last_named, review, words)
                        .map(|p| (p, Some(sentence.trim_end_matches(':').to_owned())))
                }
                (None, Some(p)) => Some((p, None)),
                (None, None) => None,
            };
            if let Some((p, context)) = speaker.filter(|_| word_count(words) >= MIN_WORDS) {
                found.quotes.push(quote(&people[p], context, words));
                previous_speaker = Some(p);
                last_named = Some(p);
                continue;
            }
            if word_count(words) >= MIN_WORDS {
                review.push(format!(
                    "a quotation with no speaker found stays in the summary: “{}”",
                    opening(words)
                ));
            }
        } else if let Some((words, tail, more)) = quotation_then_attribution(paragraph)
            && word_count(words) >= MIN_WORDS
            && let Some(p) = attributed(tail, &mut people, last_named, review, words)
        {
            found.quotes.push(quote(&people[p], None, words));
            // `“…,” said NAME. “…”`: the quotation goes on after its attribution.
            if let Some(more) = more.filter(|m| word_count(m) >= MIN_WORDS) {
                found.quotes.push(quote(&people[p], None, more));
            }
            previous_speaker = Some(p);
            last_named = Some(p);
            continue;
        } else if let Some((intro, words)) = intro_then_quotation(paragraph)
            && word_count(words) >= MIN_WORDS
            && let Some(p) = introduced(intro, &mut people, last_named, review, words)
        {
            // The paragraph also says who spoke, so it stays in the summary.
            found
                .quotes
                .push(quote(&people[p], Some(intro.to_owned()), words));
            previous_speaker = Some(p);
            last_named = Some(p);
            found.summary.push(paragraph.clone());
            continue;
        }
        previous_speaker = None;
        found.summary.push(paragraph.clone());
    }
    found
}

fn quote(person: &Person, context: Option<String>, words: &str) -> Quote {
    Quote {
        speaker: person.name.clone(),
        role: person.role.clone(),
        context,
        text: words.to_owned(),
    }
}

/// Registers a person (or finds them again); their index.
fn meet(people: &mut Vec<Person>, name: &str, role: Option<String>) -> usize {
    if let Some(at) = people.iter().position(|p| p.name == name) {
        if people[at].role.is_none() {
            people[at].role = role;
        }
        return at;
    }
    people.push(Person {
        name: name.to_owned(),
        role,
    });
    people.len() - 1
}

/// The speaker of an introducing sentence such as `NAME, ROLE, echoed …:` or
/// `He added:`.
fn introduced(
    sentence: &str,
    people: &mut Vec<Person>,
    last_named: Option<usize>,
    review: &mut Vec<String>,
    words: &str,
) -> Option<usize> {
    let sentence = sentence.trim().trim_end_matches(':').trim();
    if let Some((name, role)) = appositive(sentence) {
        return Some(meet(people, &name, role));
    }
    let first = sentence.split_whitespace().next().unwrap_or_default();
    if matches!(first, "He" | "She") {
        return by_pronoun(first, last_named, people, review, words);
    }
    let before_verb: Vec<&str> = sentence
        .split_whitespace()
        .take_while(|w| !SAYING.contains(w))
        .collect();
    by_name(&before_verb.join(" "), people, review, words)
}

/// The speaker of an attribution after a quotation: `said NAME, ROLE`, `NAME
/// said`, `he added`, `said Mr Krüger`.
fn attributed(
    tail: &str,
    people: &mut Vec<Person>,
    last_named: Option<usize>,
    review: &mut Vec<String>,
    words: &str,
) -> Option<usize> {
    let tail = tail.trim().trim_end_matches('.').trim();
    let mut parts = tail.splitn(2, ' ');
    let (first, rest) = (parts.next()?, parts.next().unwrap_or_default());
    if SAYING.contains(&first) {
        // `said NAME, ROLE`
        let mut segments = rest.split(", ");
        let name = segments.next()?.trim();
        let role: Vec<&str> = segments.collect();
        if is_person(name) {
            let role = (!role.is_empty()).then(|| trim_article(&role.join(", ")));
            return Some(meet(people, name, role));
        }
        return by_name(name, people, review, words);
    }
    // `NAME said`, `NAME told reporters`: who comes before the verb.
    let parts: Vec<&str> = tail.split(' ').collect();
    let verb = parts
        .iter()
        .position(|w| SAYING.contains(w))
        .filter(|&k| k > 0)?;
    let who = parts[..verb].join(" ");
    let who = who.as_str();
    match who {
        "he" | "she" | "He" | "She" => by_pronoun(who, last_named, people, review, words),
        who if is_person(who) => Some(meet(people, who, None)),
        who => by_name(who, people, review, words),
    }
}

fn by_pronoun(
    pronoun: &str,
    last_named: Option<usize>,
    people: &[Person],
    review: &mut Vec<String>,
    words: &str,
) -> Option<usize> {
    let p = last_named?;
    review.push(format!(
        "the speaker of “{}” was taken from “{}” to be {}",
        opening(words),
        pronoun.to_lowercase(),
        people[p].name
    ));
    Some(p)
}

/// A surname (with or without `Mr`, `Ms`, `Dr`) resolved to the full name given
/// earlier; a full name that was not met before is met now.
fn by_name(
    name: &str,
    people: &mut Vec<Person>,
    review: &mut Vec<String>,
    words: &str,
) -> Option<usize> {
    let name = name.trim();
    if is_person(name) && people.iter().all(|p| p.name != name) && name.split(' ').count() > 1 {
        let bare = strip_honorific(name);
        if bare.split(' ').count() > 1 {
            return Some(meet(people, name, None));
        }
    }
    let surname = strip_honorific(name);
    if surname.is_empty() || !surname.starts_with(char::is_uppercase) {
        return None;
    }
    let matches: Vec<usize> = (0..people.len())
        .filter(|&p| people[p].name == name || people[p].name.ends_with(&format!(" {surname}")))
        .collect();
    let [p] = matches.as_slice() else {
        return None;
    };
    if people[*p].name != name {
        review.push(format!(
            "the speaker of “{}” was taken from “{name}” to be {}",
            opening(words),
            people[*p].name
        ));
    }
    Some(*p)
}

fn strip_honorific(name: &str) -> &str {
    for title in [
        "Mr ",
        "Mrs ",
        "Ms ",
        "Dr ",
        "Mr. ",
        "Mrs. ",
        "Ms. ",
        "Dr. ",
        "Prof ",
        "Professor ",
    ] {
        if let Some(rest) = name.strip_prefix(title) {
            return rest;
        }
    }
    name
}

/// A person's name: two to eight words, each capitalised (particles and
/// honorifics allowed), no digits, brackets or organisation words.
fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && !matches!(
            words[0],
            "The" | "A" | "An" | "In" | "On" | "At" | "This" | "That"
        )
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " .-’'".contains(c))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "van" | "von" | "der" | "da" | "di" | "al" | "bin" | "le" | "la"
                )
        })
        && crate::nations::mentions(name).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(paragraphs: &[&str]) -> (Vec<Quote>, Vec<String>, Vec<String>) {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
        let mut review = Vec::new();
        let found = find(&paragraphs, &mut review);
        (found.quotes, found.summary, review)
    }

    #[test]
    fn a_colon_then_a_quotation_paragraph() {
        let (quotes, summary, review) = quotes_of(&[
            "Avril Jolliffe, Director General of Industry, Trade and Economic Security, echoed the need for collective action:",
            "“No nation can do this alone – space is truly a global endeavour for all of us.”",
        ]);
        assert_eq!(quotes.len(), 1, "{review:?}");
        assert_eq!(quotes[0].speaker, "Avril Jolliffe");
        assert_eq!(
            quotes[0].role.as_deref(),
            Some("Director General of Industry, Trade and Economic Security")
        );
        assert_eq!(summary.len(), 1, "the introduction stays");
        assert!(quotes[0].text.starts_with("No nation"));
    }

    #[test]
    fn said_name_role_and_name_said_and_he_added() {
        let (quotes, _, review) = quotes_of(&[
            "“We will keep the satellites safe from every kind of harm,” said Dr Anna Krüger, head of the agency.",
            "“Our partners share the burden and the benefits of this work,” Krüger said.",
            "“Nobody can do this alone, and nobody should try to,” she added.",
        ]);
        let speakers: Vec<&str> = quotes.iter().map(|q| q.speaker.as_str()).collect();
        assert_eq!(speakers, ["Dr Anna Krüger"; 3]);
        assert_eq!(quotes[0].role.as_deref(), Some("head of the agency"));
        assert_eq!(
            quotes[0].text,
            "We will keep the satellites safe from every kind of harm"
        );
        assert_eq!(review.len(), 2, "{review:?}");
    }

    #[test]
    fn scare_quotes_short_phrases_and_unattributed_quotations_stay_text() {
        let (quotes, summary, review) = quotes_of(&[
            "The so-called “rules-based order” was mentioned.",
            "“Short and sweet.”",
            "“A quotation of many words that nobody is said to have said here.”",
        ]);
        assert!(quotes.is_empty());
        assert_eq!(summary.len(), 3);
        assert_eq!(review.len(), 1, "{review:?}");
    }
}
