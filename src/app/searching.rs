//! Search in the reader: `/` as you type, `n` and `N` across panes, the nations
//! lens. Part of `update`: pure.

use super::{App, Key, Mode, Pane, notes};
use crate::search::{self, Query, Spot};

/// A search in force: what it looks for, the items that match, and which one the
/// reader is on.
#[derive(Debug, Clone)]
pub struct Search {
    /// What is looked for.
    pub query: Query,
    /// Where the matching items sit, in the briefing's order.
    pub hits: Vec<Spot>,
    /// The hit the reader is on.
    pub current: Option<usize>,
    /// How many times the query matches in the hits' texts (at least once a
    /// hit), when that was counted.
    pub matches: Option<usize>,
    /// Where the reader was when the search began, for Esc.
    origin: Option<Origin>,
}

#[derive(Debug, Clone)]
struct Origin {
    focus: Pane,
    summary_scroll: usize,
    summary_item: usize,
    nation: usize,
    quote: usize,
    /// The selected comment, and the comments the search has expanded since it
    /// began, to be collapsed again (rather than a copy of the whole tree).
    comment: Option<usize>,
    opened: Vec<usize>,
}

impl App {
    /// `/`: open the prompt, remembering where the reader is.
    pub(super) fn start_search(&mut self) {
        let origin = Origin {
            focus: self.focus,
            summary_scroll: self.summary_scroll,
            summary_item: self.summary_item,
            nation: self.nation,
            quote: self.quote,
            comment: self.tree.selected(),
            opened: Vec::new(),
        };
        self.search = Some(Search {
            query: Query::typed(""),
            hits: Vec::new(),
            current: None,
            matches: Some(0),
            origin: Some(origin),
        });
        self.mode = Mode::Search;
    }

    /// A key typed at the prompt: the query grows or shrinks and the view follows.
    pub(super) fn type_search(&mut self, key: Key) {
        let Some(search) = &self.search else { return };
        let mut text = search.query.label.clone();
        super::update::edit_text(&mut text, key);
        self.run_search(Query::typed(&text));
    }

    /// A query recalled from the history, in place of what was typed.
    pub(super) fn set_query(&mut self, text: &str) {
        if self.search.is_some() {
            self.run_search(Query::typed(text));
        }
    }

    /// Enter: keep the search and its place.
    pub(super) fn confirm_search(&mut self) {
        self.mode = Mode::Panes;
        if let Some(search) = &mut self.search {
            search.origin = None;
            if search.query.is_empty() {
                self.search = None;
            }
        }
        self.status = self.search_status();
    }

    /// Esc: drop the search and go back to where it began.
    pub(super) fn cancel_search(&mut self) {
        self.mode = Mode::Panes;
        if let Some(origin) = self.search.take().and_then(|s| s.origin) {
            self.focus = origin.focus;
            self.summary_scroll = origin.summary_scroll;
            self.summary_item = origin.summary_item;
            self.summary_target = None;
            self.nation = origin.nation;
            self.quote = origin.quote;
            self.tree
                .close_again(&self.briefing.comments, &origin.opened, origin.comment);
        }
    }

    /// `n` / `N`: the next or previous matching item, focusing its pane and opening
    /// the comments that hide it; wraps around with a message.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            self.status = Some("no search: / starts one".into());
            return;
        };
        let count = search.hits.len();
        if count == 0 {
            self.status = Some(format!("no match for {}", search.query.label));
            return;
        }
        let (next, wrapped) = match (search.current, forward) {
            (None, true) => (0, false),
            (None, false) => (count - 1, false),
            (Some(at), true) => ((at + 1) % count, at + 1 == count),
            (Some(at), false) => ((at + count - 1) % count, at == 0),
        };
        self.go_to_hit(next);
        self.status = self.search_status();
        if wrapped {
            let end = if forward { "top" } else { "bottom" };
            self.status = self
                .status
                .take()
                .map(|s| format!("{s} (wrapped to the {end})"));
        }
    }

    /// Enter in Nations: mark every mention of the selected nation (name, code,
    /// demonyms) across summary, quotes and comments, and go to the first.
    pub(super) fn nation_lens(&mut self) {
        let Some(nation) = self.briefing.nations.get(self.nation) else {
            self.status = Some("no nation to look for".into());
            return;
        };
        let mut phrases = vec![nation.name.as_str()];
        // Pushed one by one: each `&'static str` shortens to the name's lifetime.
        for other in crate::nations::other_names(nation.code.as_deref().unwrap_or("")) {
            phrases.push(other);
        }
        let words: Vec<&str> = nation.code.as_deref().into_iter().collect();
        let query = Query::any_of(&nation.name, &phrases, &words);
        let hits: Vec<Spot> =
            search::search(&self.briefing, &self.quote_order, &self.notes, &query)
                .into_iter()
                .map(|f| f.spot)
                .filter(|spot| !matches!(spot, Spot::Nation(_)))
                .collect();
        let matches = self.occurrences(&query, &hits);
        self.search = Some(Search {
            query,
            hits,
            current: None,
            matches,
            origin: None,
        });
        self.step_match(true);
        if self.search.as_ref().is_some_and(|s| s.hits.is_empty()) {
            let name = self.briefing.nations[self.nation].name.clone();
            self.status = Some(format!("{name} is not mentioned outside Nations"));
        }
    }

    fn run_search(&mut self, query: Query) {
        // The last keystroke's hits go before this one's are found: on a big
        // briefing each list can hold every comment.
        let mut origin = self.search.take().and_then(|s| s.origin);
        let (hits, matches) = self.hits(&query);
        // As you type, the view goes to the first match at or after where the search began.
        let start = origin.as_ref().map(|o| self.origin_spot(o));
        let first = start
            .map(|start| hits.partition_point(|&h| h < start))
            .filter(|&at| at < hits.len())
            .or((!hits.is_empty()).then_some(0));
        if let Some(o) = &mut origin {
            let opened = std::mem::take(&mut o.opened);
            self.tree
                .close_again(&self.briefing.comments, &opened, o.comment);
        }
        self.search = Some(Search {
            query,
            hits,
            current: None,
            matches,
            origin,
        });
        if let Some(first) = first {
            self.go_to_hit(first);
        }
    }

    /// The items `query` matches, in the briefing's order: from the folded index
    /// where it can answer, notes added; else by looking at every item.
    ///
    /// With them, how many times the query matches there (see `occurrences`).
    fn hits(&mut self, query: &Query) -> (Vec<Spot>, Option<usize>) {
        if query.is_empty() {
            return (Vec::new(), Some(0));
        }
        let index = self.search_index.get_or_insert_with(|| {
            std::sync::Arc::new(search::Index::build(&self.briefing, &self.quote_order))
        });
        let Some((mut hits, count)) = index.find_counting(&self.briefing, query) else {
            let hits: Vec<Spot> =
                search::search(&self.briefing, &self.quote_order, &self.notes, query)
                    .into_iter()
                    .map(|f| f.spot)
                    .collect();
            let count = self.occurrences(query, &hits);
            return (hits, count);
        };
        let in_notes: usize = self
            .notes
            .iter()
            .filter(|n| !n.deleted)
            .map(|n| query.find(&n.text).len())
            .sum();
        let count = count.map(|c| c + in_notes);
        let noted: Vec<Spot> = self
            .notes
            .iter()
            .filter(|n| !n.deleted && query.matches(&n.text))
            .filter_map(|n| notes::spot_of(self, &n.item))
            .collect();
        if !noted.is_empty() {
            hits.extend(noted);
            hits.sort_unstable();
            hits.dedup();
        }
        (hits, count)
    }

    /// How many times `query` matches in the texts of `hits` and their notes (a
    /// hit found only in a name, a speaker's or an author's, counts once), where
    /// the folded index cannot count them in its scan (a cased query, the
    /// nation lens): by folding the texts, which past `COUNT_BUDGET` bytes
    /// would cost more than the search, so `None`, and the prompt counts items.
    fn occurrences(&self, query: &Query, hits: &[Spot]) -> Option<usize> {
        let b = &self.briefing;
        let text = |spot: &Spot| -> &str {
            match *spot {
                Spot::Summary(i) => &b.summary[i],
                Spot::KeyPoint(i) => &b.key_points[i],
                Spot::Nation(i) => &b.nations[i].name,
                Spot::Quote(place) => &b.quotes[self.quote_order[place]].text,
                Spot::Comment(i) => b.comment_text(i),
            }
        };
        let bytes: usize = hits.iter().map(|h| text(h).len()).sum();
        if bytes > COUNT_BUDGET {
            return None;
        }
        let noted = |spot: &Spot| {
            if self.notes.is_empty() {
                return 0;
            }
            spot.item(b, &self.quote_order)
                .and_then(|item| self.note_on(&item))
                .map_or(0, |n| query.find(&n.text).len())
        };
        Some(
            hits.iter()
                .map(|h| (query.find(text(h)).len() + noted(h)).max(1))
                .sum(),
        )
    }

    /// Where the search began, as a place in the briefing's order.
    fn origin_spot(&self, origin: &Origin) -> Spot {
        match origin.focus {
            Pane::Summary => Spot::Summary(0),
            Pane::Nations => Spot::Nation(origin.nation),
            Pane::Quotes => Spot::Quote(origin.quote),
            Pane::Comments => Spot::Comment(origin.comment.unwrap_or(0)),
        }
    }

    fn go_to_hit(&mut self, index: usize) {
        let Some(&spot) = self.search.as_ref().and_then(|s| s.hits.get(index)) else {
            return;
        };
        let opened = self.show(spot);
        if let Some(search) = &mut self.search {
            search.current = Some(index);
            if let Some(origin) = &mut search.origin {
                origin.opened.extend(opened);
            }
        }
    }

    /// `match 3/12 for "space"`, or why there is none.
    fn search_status(&self) -> Option<String> {
        let search = self.search.as_ref()?;
        let label = &search.query.label;
        Some(match (search.current, search.hits.len()) {
            (_, 0) => format!("no match for {label}"),
            (Some(at), n) => format!("match {}/{n} for {label}", at + 1),
            (None, n) => format!("{n} matches for {label}"),
        })
    }

    /// The prompt line while typing: the query, how many matches and in how
    /// many items (`3 matches in 2 comments`).
    pub fn search_prompt(&self) -> Option<String> {
        let search = self.search.as_ref()?;
        let count = match search.hits.len() {
            0 if search.query.is_empty() => String::new(),
            0 => "  no match".into(),
            items => match search.matches {
                Some(n) => format!(
                    "  {} in {}",
                    plural(n, "match", "matches"),
                    self.kinds(&search.hits, items)
                ),
                None => format!("  in {}", self.kinds(&search.hits, items)),
            },
        };
        Some(format!("/{}{count}", search.query.label))
    }

    /// `2 comments` when every hit is of one kind, else `5 items`.
    fn kinds(&self, hits: &[Spot], items: usize) -> String {
        let kind = |spot: &Spot| match spot {
            Spot::Summary(_) => ("paragraph", "paragraphs"),
            Spot::KeyPoint(_) => ("key point", "key points"),
            Spot::Nation(_) => ("nation", "nations"),
            Spot::Quote(_) => ("quote", "quotes"),
            Spot::Comment(_) => ("comment", "comments"),
        };
        let first = kind(&hits[0]);
        let (one, many) = if hits.iter().all(|h| kind(h) == first) {
            first
        } else {
            ("item", "items")
        };
        plural(items, one, many)
    }
}

/// The most text the prompt counts matches in, per keystroke: 256 KB, a
/// fraction of a millisecond, and a few megabytes at most for the folded copy
/// counting needs.
const COUNT_BUDGET: usize = 256 << 10;

/// `1 match`, `3 matches`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
