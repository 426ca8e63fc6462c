//! Every word of a segment of the catalog, its ten searchable fields' in one
//! sorted list, kept beside the index as `<segment>.words`. `brief search`
//! matches inside words (`orbit` finds `orbital`): finding the words that hold
//! what was typed is one pass of `memmem` over this list, where an automaton
//! (`.*orbit.*`) walked each field's dictionary, node by node, for most of the
//! command's time. A segment never changes, so its list never goes stale; a
//! list of a segment the index no longer has is removed once a new one is made.
//!
//! The list is `brief-words 2 LENGTH\n` and then the words, each between two
//! newlines, followed by a tab and three bytes that say which fields hold it
//! (four bits each, from `0x10`). The tokenizer makes no word with a newline
//! or a tab in it, and a typed word (letters and digits) holds none of these
//! bytes, so a match is always inside a word. A list whose header or length
//! is wrong is made again, never trusted.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::schema::Field;
use tantivy::{Index, Searcher, SegmentReader};

/// The first word of a list's header.
const HEADER: &str = "brief-words 2";

/// The lists of the catalog in `dir`.
pub struct Words {
    dir: PathBuf,
    files: MmapDirectory,
    /// Whether a list was made (so older ones may be removed).
    made: bool,
}

impl Words {
    /// The lists kept in `dir` (the catalog's folder).
    pub fn in_dir(dir: &Path) -> tantivy::Result<Words> {
        Ok(Words {
            dir: dir.to_path_buf(),
            files: MmapDirectory::open(dir)?,
            made: false,
        })
    }

    /// The words of `fields` in `segment`: its list, read in place, or made
    /// from the segment's dictionaries (and kept, when the folder takes it).
    pub fn of(&mut self, segment: &SegmentReader, fields: &[Field]) -> tantivy::Result<OwnedBytes> {
        let name = file_name(&segment.segment_id().uuid_string());
        if let Some(kept) = self.read(&name) {
            return Ok(kept);
        }
        let list = made(segment, fields)?;
        // A folder that takes no list costs the next search the same again.
        if self.files.atomic_write(&name, &list).is_ok() {
            self.made = true;
        }
        // A list just made is whole.
        Ok(body(OwnedBytes::new(list)).unwrap_or_else(OwnedBytes::empty))
    }

    /// The list in `name` when it is whole: its body.
    fn read(&self, name: &Path) -> Option<OwnedBytes> {
        body(self.files.open_read(name).ok()?.read_bytes().ok()?)
    }

    /// Removes the lists of segments that neither `searcher` nor the newest
    /// commit of `index` has, when a list was made (a segment came or went
    /// since the last search).
    pub fn forget_stale(&self, searcher: &Searcher, index: &Index) -> tantivy::Result<()> {
        if !self.made {
            return Ok(());
        }
        let mut live: HashSet<String> = index
            .searchable_segment_ids()?
            .iter()
            .map(tantivy::index::SegmentId::uuid_string)
            .collect();
        live.extend(
            searcher
                .segment_readers()
                .iter()
                .map(|s| s.segment_id().uuid_string()),
        );
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let stale = path.extension().is_some_and(|e| e == "words")
                && path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|id| !live.contains(id));
            if stale {
                // Another search may have removed it first.
                let _ = std::fs::remove_file(path);
            }
        }
        Ok(())
    }
}

/// The file of a segment's list.
fn file_name(segment: &str) -> PathBuf {
    PathBuf::from(format!("{segment}.words"))
}

/// The words of a list, between newlines, when its header says this version
/// and the body's length.
fn body(list: OwnedBytes) -> Option<OwnedBytes> {
    let line = memchr::memchr(b'\n', &list)?;
    let header = std::str::from_utf8(&list[..line]).ok()?;
    let len: usize = header.strip_prefix(HEADER)?.trim().parse().ok()?;
    (list.len() == line + 1 + len).then(|| list.slice(line + 1..list.len()))
}

/// A segment's list: the words of every field in `fields` (at most twelve),
/// sorted, each once with the fields that hold it.
fn made(segment: &SegmentReader, fields: &[Field]) -> tantivy::Result<Vec<u8>> {
    let (mut arena, mut spans) = (Vec::new(), Vec::new());
    for (i, &field) in fields.iter().enumerate() {
        let index = segment.inverted_index(field)?;
        let mut stream = index.terms().stream()?;
        while stream.advance() {
            let start = arena.len();
            arena.extend_from_slice(stream.key());
            spans.push((start..arena.len(), 1u16 << i));
        }
    }
    let word = |span: &std::ops::Range<usize>| &arena[span.clone()];
    spans.sort_unstable_by(|a, b| word(&a.0).cmp(word(&b.0)));
    let mut body = vec![b'\n'];
    let mut spans = spans.into_iter().peekable();
    while let Some((span, mut mask)) = spans.next() {
        while let Some((_, more)) = spans.next_if(|(next, _)| word(next) == word(&span)) {
            mask |= more;
        }
        body.extend_from_slice(word(&span));
        body.push(b'\t');
        // Bytes of four bits: never a letter, a digit, a tab or a newline.
        body.extend((0..3).map(|i| MASK | ((mask >> (4 * i)) & 15) as u8));
        body.push(b'\n');
    }
    let mut list = format!("{HEADER} {}\n", body.len()).into_bytes();
    list.append(&mut body);
    Ok(list)
}

/// The base of a byte of fields.
const MASK: u8 = 0x10;

/// Every word of `list` (a body, as `Words::of` gives it) that holds `part`,
/// each once, in the list's order, with the fields that hold it (bit `i` for
/// the `i`-th field the list was made of).
pub fn holding<'a>(list: &'a [u8], part: &'a [u8]) -> impl Iterator<Item = (&'a [u8], u16)> + 'a {
    // Nothing typed finds nothing (and every place would hold it).
    let finder = (!part.is_empty()).then(|| memchr::memmem::Finder::new(part));
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.as_ref()?.find(&list[from..])?;
        let start = memchr::memrchr(b'\n', &list[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &list[at..]).map_or(list.len(), |n| at + n);
        from = end;
        let line = &list[start..end];
        let tab = memchr::memchr(b'\t', line).unwrap_or(line.len());
        let fields = (0..3).fold(0, |mask, i| {
            let bits = line.get(tab + 1 + i).map_or(0, |b| b & !MASK);
            mask | u16::from(bits) << (4 * i)
        });
        Some((&line[..tab], fields))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_holding_a_part_are_found_whole_and_once_with_their_fields() {
        let list = b"\norbit\t\x13\x10\x10\norbital\t\x10\x12\x12\nspace\t\x11\x10\x10\n";
        let found: Vec<(&[u8], u16)> = holding(list, b"orbit").collect();
        assert_eq!(found, [(&b"orbit"[..], 0b11), (b"orbital", 0b10_0010_0000)]);
        // Twice in one word, it is still one word.
        let found: Vec<(&[u8], u16)> = holding(b"\nabab\t\x11\x10\x10\n", b"ab").collect();
        assert_eq!(found, [(&b"abab"[..], 1)]);
        assert_eq!(holding(list, b"moon").count(), 0);
        assert_eq!(holding(list, b"").count(), 0);
    }

    #[test]
    fn a_list_cut_short_or_of_another_version_is_not_read() {
        let whole = b"brief-words 2 7\n\nspace\n".to_vec();
        assert_eq!(
            body(OwnedBytes::new(whole.clone())).as_deref(),
            Some(&b"\nspace\n"[..])
        );
        let cut = whole[..whole.len() - 1].to_vec();
        assert!(body(OwnedBytes::new(cut)).is_none());
        let other = b"brief-words 1 7\n\nspace\n".to_vec();
        assert!(body(OwnedBytes::new(other)).is_none());
    }
}
