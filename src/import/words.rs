//! Words of an article as a briefing needs them: its sentences, a title from
//! the first one, and an id (`cspo-partners-meet-in-florence`) from a title.

/// The sentences of a paragraph, split after `.`, `!` or `?` and a space.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let cut = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
            .find(|&i| bytes.get(i + 1) == Some(&b' '))
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(cut);
        rest = tail.trim_start();
        Some(sentence)
    })
}

/// The first sentence of a paragraph, cut at a word to at most 80 characters.
pub(super) fn first_sentence(paragraph: &str) -> String {
    let sentence = sentences(paragraph).next().unwrap_or(paragraph).trim();
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence);
    if sentence.chars().count() <= 80 {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > 79 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let cut = out.trim_end_matches([',', ';', ':', ' ']).len();
    out.truncate(cut);
    out.push('…');
    out
}

/// An id made from a title: lowercase letters and digits joined by `-`, at most
/// 64 characters, cut at a word.
pub fn slug(title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() && !matches!(c, '\'' | '’') {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut id = String::new();
    for word in words {
        if id.len() + word.len() + 1 > 64 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    if id.is_empty() { "briefing".into() } else { id }
}

/// The letter without its accent, for the common Latin ones.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

/// The `n`th id made from `base` when `base` is taken: `base-2`, `base-3`, kept
/// within 64 characters.
pub fn unique_id(base: &str, n: usize) -> String {
    let suffix = format!("-{n}");
    let keep = base.len().min(64 - suffix.len());
    format!("{}{suffix}", base[..keep].trim_end_matches('-'))
}
