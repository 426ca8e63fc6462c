//! The comment tree as the reader sees it: which comments are collapsed, which rows
//! are visible, and which comment is selected.
//!
//! Comments are flat pre-order rows (`Briefing::comments`), so a subtree is a range
//! (gitui's `filetreelist` keeps its tree the same way), and collapsing one hides
//! a range of rows: `visible.rs` counts, for every row, the collapsed comments
//! hiding it, so a collapse, an expand, the k-th visible row and the selection's
//! place among them each cost a path down a tree, whatever the number of rows.

use super::visible::Rows;
use crate::briefing::Comment;

/// Collapse state and selection over a briefing's comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    collapsed: Vec<bool>,
    visible: Rows,
    selected: Option<usize>,
}

impl Tree {
    /// Everything expanded, the first comment selected.
    pub fn new(comments: &[Comment]) -> Self {
        let mut tree = Tree {
            collapsed: vec![false; comments.len()],
            visible: Rows::default(),
            selected: (!comments.is_empty()).then_some(0),
        };
        tree.rebuild(comments);
        tree
    }

    /// Every comment index shown, in order (for tests and tools: it walks them all).
    pub fn visible(&self) -> Vec<usize> {
        self.visible_from(0).collect()
    }

    /// How many comments are shown.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The comment shown `k`-th, from 0.
    pub fn visible_row(&self, k: usize) -> Option<usize> {
        self.visible.nth(k)
    }

    /// The comments shown from the `k`-th on, in order.
    pub fn visible_from(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        (k..).map_while(|k| self.visible.nth(k))
    }

    /// The selected comment's index.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Whether the comment at `index` hides its replies.
    pub fn is_collapsed(&self, index: usize) -> bool {
        self.collapsed.get(index).copied().unwrap_or(false)
    }

    /// The selection's place among the visible rows.
    pub fn position(&self) -> Option<usize> {
        match self.visible.rank(self.selected?) {
            (at, true) => Some(at),
            (_, false) => None,
        }
    }

    /// Counts again, for every row, the collapsed comments above it: one pass
    /// in pre-order, as a parent comes before its replies.
    fn rebuild(&mut self, comments: &[Comment]) {
        let mut hidden_by = vec![0u32; comments.len()];
        for (i, c) in comments.iter().enumerate() {
            if let Some(p) = c.parent {
                hidden_by[i] = hidden_by[p] + u32::from(self.collapsed[p]);
            }
        }
        self.visible = Rows::new(&hidden_by);
        self.reveal_selection(comments);
    }

    /// If the selection was hidden by a collapse, move it to the ancestor that hides it.
    fn reveal_selection(&mut self, comments: &[Comment]) {
        let Some(mut at) = self.selected else { return };
        let mut hider = None;
        let mut up = comments[at].parent;
        while let Some(p) = up {
            if self.collapsed[p] {
                hider = Some(p);
            }
            up = comments[p].parent;
        }
        if let Some(p) = hider {
            at = p;
        }
        self.selected = Some(at);
    }

    /// Collapse exactly the comments in `indexes` that have replies.
    pub fn set_collapsed(&mut self, comments: &[Comment], indexes: &[usize]) {
        self.collapsed.fill(false);
        for &i in indexes {
            if i < comments.len() && comments[i].descendants(i) > 0 {
                self.collapsed[i] = true;
            }
        }
        self.rebuild(comments);
    }

    /// Select the comment at `index`, or the collapsed ancestor that hides it.
    pub fn select_visible(&mut self, comments: &[Comment], index: usize) {
        if index < comments.len() {
            self.selected = Some(index);
            self.reveal_selection(comments);
        }
    }

    /// Select the comment at `index`, expanding whatever hides it; returns the
    /// comments it expanded, for `close_again`. Each expand is a path down the
    /// rows' tree, so a hit deep in a collapsed thread costs its depth, not a
    /// rebuild of every row.
    pub fn select(&mut self, comments: &[Comment], index: usize) -> Vec<usize> {
        if index >= comments.len() {
            return Vec::new();
        }
        let mut opened = Vec::new();
        let mut up = comments[index].parent;
        while let Some(p) = up {
            if std::mem::replace(&mut self.collapsed[p], false) {
                self.visible.change(p + 1..comments[p].subtree_end, false);
                opened.push(p);
            }
            up = comments[p].parent;
        }
        self.selected = Some(index);
        opened
    }

    /// Collapse again the comments `select` expanded and select `selected`:
    /// the tree as it was before, without keeping a copy of it.
    pub fn close_again(&mut self, comments: &[Comment], opened: &[usize], selected: Option<usize>) {
        for &p in opened {
            if p < comments.len() && !std::mem::replace(&mut self.collapsed[p], true) {
                self.visible.change(p + 1..comments[p].subtree_end, true);
            }
        }
        self.selected = selected.filter(|&s| s < comments.len());
    }

    /// Move the selection by `delta` visible rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        let Some(pos) = self.position() else { return };
        let last = self.visible.len().saturating_sub(1);
        let to = pos.saturating_add_signed(delta).min(last);
        self.selected = self.visible.nth(to).or(self.selected);
    }

    /// Select the first visible row.
    pub fn first(&mut self) {
        self.selected = self.visible.nth(0);
    }

    /// Select the last visible row.
    pub fn last(&mut self) {
        self.selected = self
            .visible
            .len()
            .checked_sub(1)
            .and_then(|k| self.visible.nth(k));
    }

    /// Collapse or expand the selected comment; false when it has no replies.
    pub fn toggle(&mut self, comments: &[Comment]) -> bool {
        let Some(at) = self.selected else {
            return false;
        };
        if comments[at].descendants(at) == 0 {
            return false;
        }
        if self.collapsed[at] {
            self.expand(comments, at);
        } else {
            self.collapse(comments, at);
        }
        true
    }

    /// Hides the replies of `at`: one more collapsed comment over their rows.
    fn collapse(&mut self, comments: &[Comment], at: usize) {
        if !std::mem::replace(&mut self.collapsed[at], true) {
            self.visible.change(at + 1..comments[at].subtree_end, true);
        }
        self.reveal_selection(comments);
    }

    /// Shows the replies of `at`, leaving collapsed ones closed: one collapsed
    /// comment fewer over their rows.
    fn expand(&mut self, comments: &[Comment], at: usize) {
        if std::mem::replace(&mut self.collapsed[at], false) {
            self.visible.change(at + 1..comments[at].subtree_end, false);
        }
        self.reveal_selection(comments);
    }

    /// `h`: collapse an expanded comment with replies, else go to the parent.
    pub fn collapse_or_parent(&mut self, comments: &[Comment]) {
        let Some(at) = self.selected else { return };
        if comments[at].descendants(at) > 0 && !self.collapsed[at] {
            self.collapse(comments, at);
        } else {
            self.parent(comments);
        }
    }

    /// `l`: expand a collapsed comment, else go to its first reply.
    pub fn expand_or_child(&mut self, comments: &[Comment]) {
        let Some(at) = self.selected else { return };
        if comments[at].descendants(at) == 0 {
            return;
        }
        if self.collapsed[at] {
            self.expand(comments, at);
        } else {
            self.selected = Some(at + 1);
        }
    }

    /// Select the comment this one replies to; false at the top level.
    pub fn parent(&mut self, comments: &[Comment]) -> bool {
        match self.selected.and_then(|at| comments[at].parent) {
            Some(p) => {
                self.selected = Some(p);
                true
            }
            None => false,
        }
    }

    /// Select the next (`forward`) or previous comment with the same parent.
    pub fn sibling(&mut self, comments: &[Comment], forward: bool) -> bool {
        let Some(at) = self.selected else {
            return false;
        };
        let parent = comments[at].parent;
        let target = if forward {
            let next = comments[at].subtree_end;
            (next < comments.len() && comments[next].parent == parent).then_some(next)
        } else {
            let first = parent.map_or(0, |p| p + 1);
            // Walk the siblings from the first; the one whose subtree ends at `at` is the previous.
            let mut i = first;
            let mut prev = None;
            while i < at {
                prev = Some(i);
                i = comments[i].subtree_end;
            }
            prev
        };
        if let Some(t) = target {
            self.selected = Some(t);
        }
        target.is_some()
    }

    /// Collapse every comment with replies; the selection moves to its top-level thread.
    pub fn collapse_all(&mut self, comments: &[Comment]) {
        for (i, c) in comments.iter().enumerate() {
            self.collapsed[i] = c.descendants(i) > 0;
        }
        self.rebuild(comments);
    }

    /// Expand every comment; the selection stays.
    pub fn expand_all(&mut self, comments: &[Comment]) {
        self.collapsed.fill(false);
        self.rebuild(comments);
    }
}

#[cfg(test)]
mod tests {
    use super::Tree;
    use crate::generate::{Shape, briefing};

    #[test]
    fn collapsing_and_expanding_one_at_a_time_matches_a_full_rebuild() {
        let shape = Shape {
            comments: 600,
            max_depth: 12,
            ..Shape::small(5)
        };
        let comments = crate::briefing::parse(&briefing(shape), "t")
            .expect("loads")
            .briefing
            .comments;
        let mut tree = Tree::new(&comments);
        let mut seed: usize = 7;
        for _ in 0..400 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let visible = tree.visible_len();
            tree.selected = tree.visible_row((seed >> 33) % visible);
            // Now and then any comment, as a search or a note selects one.
            if seed.is_multiple_of(5) {
                tree.select_visible(&comments, (seed >> 17) % comments.len());
            }
            tree.toggle(&comments);
            let mut fresh = tree.clone();
            fresh.rebuild(&comments);
            assert_eq!(
                tree.visible(),
                fresh.visible(),
                "incremental rows drifted from the tree"
            );
            assert_eq!(tree.position(), fresh.position());
        }
    }
}
