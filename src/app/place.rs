//! Where a reader is and what they have read: restoring and recording the saved
//! state, read marks, new items, and going to an item by its address. Pure.

use std::collections::HashSet;

use super::{App, Pane};
use crate::search::Spot;
use crate::state::nation_key;
use crate::state::{ItemRef, Saved, VERSION};

fn id_set(list: &[String]) -> HashSet<&str> {
    list.iter().map(String::as_str).collect()
}

impl App {
    /// Restores a saved state onto a freshly loaded briefing. Items that are gone
    /// are dropped from the view quietly; notes on them stay (shown as orphaned).
    /// Returns what the status line should say on opening, if anything.
    pub(super) fn restore(&mut self, saved: Saved) -> Option<String> {
        let b = &self.briefing;
        self.focus = match saved.focus.as_deref() {
            Some("nations") => Pane::Nations,
            Some("quotes") => Pane::Quotes,
            Some("comments") => Pane::Comments,
            _ => Pane::Summary,
        };
        self.summary_scroll = saved.summary_scroll;
        self.summary_place_pending = true;
        self.show_map = saved.show_map;
        if let Some(ItemRef::Nation(key)) = &saved.nation {
            self.nation = b
                .nations
                .iter()
                .position(|n| &nation_key(n) == key)
                .unwrap_or(0);
        }
        if let Some(ItemRef::Quote(id)) = &saved.quote
            && let Some(q) = b.quote_index(id)
        {
            self.quote = self.quote_order.iter().position(|&o| o == q).unwrap_or(0);
        }
        let collapsed: HashSet<&str> = saved.collapsed.iter().map(String::as_str).collect();
        let comments = &self.briefing.comments;
        let collapse: Vec<usize> = (0..comments.len())
            .filter(|&i| collapsed.contains(self.briefing.comment_id(i)))
            .collect();
        self.tree.set_collapsed(comments, &collapse);
        if let Some(ItemRef::Comment(id)) = &saved.comment
            && let Some(c) = self.briefing.comment_index(id)
        {
            self.tree.select_visible(comments, c);
        }
        let b = &self.briefing;
        let (seen_q, seen_c) = (id_set(&saved.seen_quotes), id_set(&saved.seen_comments));
        let (known_q, known_c) = (
            id_set(&saved.known_quotes),
            saved.known_comments.iter().collect::<HashSet<_>>(),
        );
        self.seen_quotes = b
            .quotes
            .iter()
            .map(|q| seen_q.contains(q.id.as_str()))
            .collect();
        self.seen_comments = b.comment_ids.iter().map(|id| seen_c.contains(id)).collect();
        // Only a state that recorded what it knew can say what is new.
        let had_known = !saved.known_quotes.is_empty() || !saved.known_comments.is_empty();
        self.new_quotes = b
            .quotes
            .iter()
            .map(|q| had_known && !known_q.contains(q.id.as_str()))
            .collect();
        self.new_comments = b
            .comment_ids
            .iter()
            .map(|id| had_known && !known_c.contains(id))
            .collect();
        // Notes come from a file too: one edited by hand must not drive the terminal.
        self.notes = saved.notes;
        for note in &mut self.notes {
            note.text = crate::briefing::clean_owned(std::mem::take(&mut note.text));
            note.excerpt = crate::briefing::clean_owned(std::mem::take(&mut note.excerpt));
        }
        self.unknown = saved.unknown;
        let count = |flags: &[bool]| flags.iter().filter(|f| **f).count();
        let (new_q, new_c) = (count(&self.new_quotes), count(&self.new_comments));
        let plural =
            |n: usize, word: &str| format!("{n} new {word}{}", if n == 1 { "" } else { "s" });
        match (new_q, new_c) {
            (0, 0) => None,
            (0, c) => Some(plural(c, "comment")),
            (q, 0) => Some(plural(q, "quote")),
            (q, c) => Some(format!(
                "{} and {}",
                plural(q, "quote"),
                plural(c, "comment")
            )),
        }
    }

    /// The state to write: positions and marks by item identity, and every note.
    pub fn to_saved(&self) -> Saved {
        let b = &self.briefing;
        let ids = |flags: &[bool], id: &dyn Fn(usize) -> String| {
            flags
                .iter()
                .enumerate()
                .filter(|(_, f)| **f)
                .map(|(i, _)| id(i))
                .collect::<Vec<_>>()
        };
        let quote_id = |i: usize| b.quotes[i].id.clone();
        let comment_id = |i: usize| b.comment_id(i).to_owned();
        Saved {
            version: VERSION,
            id: b.id.clone(),
            last_opened_ms: self.now_ms,
            focus: Some(self.focus.title().to_lowercase()),
            summary_scroll: self.summary_scroll,
            nation: b
                .nations
                .get(self.nation)
                .map(|n| ItemRef::Nation(nation_key(n))),
            quote: self.selected_quote().map(|q| ItemRef::Quote(quote_id(q))),
            comment: self
                .tree
                .selected()
                .map(|c| ItemRef::Comment(comment_id(c))),
            show_map: self.show_map,
            collapsed: (0..b.comments.len())
                .filter(|&i| self.tree.is_collapsed(i))
                .map(comment_id)
                .collect(),
            seen_quotes: ids(&self.seen_quotes, &quote_id),
            seen_comments: ids(&self.seen_comments, &comment_id),
            known_quotes: b.quotes.iter().map(|q| q.id.clone()).collect(),
            known_comments: b.comment_ids.clone(),
            notes: self.notes.clone(),
            unknown: self.unknown.clone(),
        }
    }

    /// Opens the reader on the item an address names: `id#anchor` or the anchor
    /// alone, as notes exports print them (`cspo-florence#knighton-competition`).
    pub(super) fn go_to(&mut self, address: &str) -> Result<(), String> {
        let spot = self.spot_at(address)?;
        self.show(spot);
        Ok(())
    }

    /// The item an address names (`id#anchor` or the anchor alone), or why it
    /// names none: what `--at` is checked with before the reader opens.
    pub fn spot_at(&self, address: &str) -> Result<Spot, String> {
        let anchor = match address.split_once('#') {
            Some((id, anchor)) if id == self.briefing.id || id.is_empty() => anchor,
            Some((id, _)) => {
                return Err(format!(
                    "`{address}` is an address in briefing `{id}`, not `{}`",
                    self.briefing.id
                ));
            }
            None => address,
        };
        self.resolve(anchor).ok_or_else(|| {
            format!(
                "`{anchor}` names no quote, comment, nation or summary item in `{}`",
                self.briefing.id
            )
        })
    }

    /// The item an anchor names: a quote or comment id, `summary-N`, `key-point-N`,
    /// `quote-N` (by place in the file), `nation-XX`.
    fn resolve(&self, anchor: &str) -> Option<Spot> {
        let b = &self.briefing;
        if let Some(q) = b.quote_index(anchor) {
            return self
                .quote_order
                .iter()
                .position(|&o| o == q)
                .map(Spot::Quote);
        }
        if let Some(c) = b.comment_index(anchor) {
            return Some(Spot::Comment(c));
        }
        let number = |prefix: &str, len: usize| {
            anchor
                .strip_prefix(prefix)
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=len).contains(n))
        };
        if let Some(n) = number("summary-", b.summary.len()) {
            return Some(Spot::Summary(n - 1));
        }
        if let Some(n) = number("key-point-", b.key_points.len()) {
            return Some(Spot::KeyPoint(n - 1));
        }
        if let Some(n) = number("quote-", b.quotes.len()) {
            return self
                .quote_order
                .iter()
                .position(|&o| o == n - 1)
                .map(Spot::Quote);
        }
        let key = anchor.strip_prefix("nation-")?;
        b.nations
            .iter()
            .position(|n| nation_key(n) == key)
            .map(Spot::Nation)
    }

    /// Focuses the pane of the item at `spot` and selects it, revealing a hidden
    /// comment. A summary item is scrolled to once the pane has been measured.
    /// Returns the comments expanded to reveal it (see `Tree::select`).
    pub(super) fn show(&mut self, spot: Spot) -> Vec<usize> {
        let opened = match spot {
            Spot::Summary(_) | Spot::KeyPoint(_) => {
                self.focus = Pane::Summary;
                let index = match spot {
                    Spot::KeyPoint(i) => self.briefing.summary.len() + i,
                    Spot::Summary(i) | Spot::Nation(i) | Spot::Quote(i) | Spot::Comment(i) => i,
                };
                self.summary_scroll = self
                    .metrics
                    .summary_starts()
                    .get(index)
                    .copied()
                    .unwrap_or(0);
                self.summary_target = Some(index);
                self.summary_item = index;
                self.summary_place_pending = false;
                Vec::new()
            }
            Spot::Nation(i) => {
                self.focus = Pane::Nations;
                self.nation = i;
                Vec::new()
            }
            Spot::Quote(place) => {
                self.focus = Pane::Quotes;
                self.quote = place;
                Vec::new()
            }
            Spot::Comment(c) => {
                self.focus = Pane::Comments;
                self.tree.select(&self.briefing.comments, c)
            }
        };
        self.mark_seen();
        opened
    }

    /// A selected quote or comment in a focused pane counts as read.
    pub(super) fn mark_seen(&mut self) {
        match self.focus {
            Pane::Quotes => {
                if let Some(q) = self.selected_quote() {
                    self.seen_quotes[q] = true;
                }
            }
            Pane::Comments => {
                if let Some(c) = self.tree.selected() {
                    self.seen_comments[c] = true;
                }
            }
            Pane::Summary | Pane::Nations => {}
        }
    }

    /// How many comments under `index` (at any depth) are unread.
    pub fn unread_below(&self, index: usize) -> usize {
        let end = self.briefing.comments[index].subtree_end;
        self.seen_comments[index + 1..end]
            .iter()
            .filter(|s| !**s)
            .count()
    }

    /// `u`: the next unread quote or comment after the selection, in the focused
    /// pane first, then the other; wraps around.
    pub(super) fn next_unread(&mut self) {
        let places = self.quote_order.len();
        let from = match self.focus {
            Pane::Quotes => self.quote + 1,
            _ => 0,
        };
        let quote = (0..places)
            .map(|k| (from + k) % places)
            .find(|&p| !self.seen_quotes[self.quote_order[p]])
            .map(Spot::Quote);
        let rows = self.briefing.comments.len();
        let from = match (self.focus, self.tree.selected()) {
            (Pane::Comments, Some(c)) => c + 1,
            _ => 0,
        };
        let comment = (0..rows)
            .map(|k| (from + k) % rows)
            .find(|&c| !self.seen_comments[c])
            .map(Spot::Comment);
        let next = if self.focus == Pane::Comments {
            comment.or(quote)
        } else {
            quote.or(comment)
        };
        match next {
            Some(spot) => {
                self.show(spot);
            }
            None => self.status = Some("every quote and comment has been read".into()),
        }
    }
}
