//! Which comment rows are visible, as a segment tree over the rows counting how
//! many collapsed comments hide each one (a row is visible when none does).
//! Collapsing or expanding a comment adds one to or takes one from the range of
//! its replies, and finding the k-th visible row or a row's place among them
//! walks one path down: every operation is logarithmic in the rows, so a collapse
//! costs the same on a hundred thousand comments as on ten (a list of the
//! visible rows moved up to 800 KB a collapse on the big briefing).
//!
//! The tree keeps, for each node, the least count in its range (with the
//! additions pending for its children) and how many rows have it; the rows
//! hidden by nothing are those whose count is zero (the "minimum and its count"
//! segment tree, as for the length of a union of intervals).

use std::ops::Range;

/// The visible rows of `len` comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Rows in all.
    len: usize,
    /// Leaves in the tree (a power of two at least `len`).
    leaves: usize,
    /// The least count in each node's range, additions at the node included
    /// (signed: an expand after a rebuild takes from a node what was counted in
    /// its leaves).
    least: Vec<i32>,
    /// How many rows of each node's range have the least count.
    count: Vec<u32>,
    /// Additions made to each node's whole range, not yet given to its children.
    pending: Vec<i32>,
}

/// A count no row reaches: the padding after the last row is never visible.
const PADDING: i32 = i32::MAX / 2;

impl Rows {
    /// The rows, each hidden by `hidden_by[row]` collapsed comments.
    pub fn new(hidden_by: &[u32]) -> Rows {
        let len = hidden_by.len();
        let leaves = len.next_power_of_two().max(1);
        let mut rows = Rows {
            len,
            leaves,
            least: vec![PADDING; 2 * leaves],
            count: vec![1; 2 * leaves],
            pending: vec![0; 2 * leaves],
        };
        for (leaf, &count) in rows.least[leaves..].iter_mut().zip(hidden_by) {
            *leaf = i32::try_from(count).unwrap_or(PADDING);
        }
        for node in (1..leaves).rev() {
            rows.pull(node);
        }
        rows
    }

    /// Recomputes a node from its children.
    fn pull(&mut self, node: usize) {
        let (l, r) = (2 * node, 2 * node + 1);
        let least = self.least[l].min(self.least[r]);
        let count = u32::from(self.least[l] == least) * self.count[l]
            + u32::from(self.least[r] == least) * self.count[r];
        self.least[node] = least.saturating_add(self.pending[node]);
        self.count[node] = count;
    }

    /// How many rows are visible.
    pub fn len(&self) -> usize {
        self.visible_in(1, 0)
    }

    /// The visible rows of `node`, given the additions above it.
    fn visible_in(&self, node: usize, above: i32) -> usize {
        if self.least[node].saturating_add(above) == 0 {
            self.count[node] as usize
        } else {
            0
        }
    }

    /// Adds `by` to (or, with `hide == false`, takes it from) the count of every
    /// row in `rows`: a comment collapsed or expanded over its replies.
    pub fn change(&mut self, rows: Range<usize>, hide: bool) {
        let end = rows.end.min(self.len);
        if rows.start < end {
            self.change_in(1, 0, self.leaves, rows.start, end, hide);
        }
    }

    fn change_in(
        &mut self,
        node: usize,
        from: usize,
        to: usize,
        start: usize,
        end: usize,
        hide: bool,
    ) {
        if end <= from || to <= start {
            return;
        }
        if start <= from && to <= end {
            if hide {
                self.least[node] += 1;
                self.pending[node] += 1;
            } else {
                self.least[node] -= 1;
                self.pending[node] -= 1;
            }
            return;
        }
        let mid = from.midpoint(to);
        self.change_in(2 * node, from, mid, start, end, hide);
        self.change_in(2 * node + 1, mid, to, start, end, hide);
        self.pull(node);
    }

    /// The `k`-th visible row, from 0.
    pub fn nth(&self, mut k: usize) -> Option<usize> {
        if k >= self.len() {
            return None;
        }
        let (mut node, mut above) = (1, 0i32);
        while node < self.leaves {
            above += self.pending[node];
            let left = self.visible_in(2 * node, above);
            node = if k < left {
                2 * node
            } else {
                k -= left;
                2 * node + 1
            };
        }
        Some(node - self.leaves)
    }

    /// How many visible rows come before `row`, and whether `row` is one.
    pub fn rank(&self, row: usize) -> (usize, bool) {
        if row >= self.len {
            return (self.len(), false);
        }
        let (mut node, mut from, mut to) = (1, 0usize, self.leaves);
        let (mut above, mut before) = (0i32, 0usize);
        while node < self.leaves {
            above += self.pending[node];
            let mid = from.midpoint(to);
            if row < mid {
                node *= 2;
                to = mid;
            } else {
                before += self.visible_in(2 * node, above);
                node = 2 * node + 1;
                from = mid;
            }
        }
        (before, self.visible_in(node, above) == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The visible rows the slow way.
    fn visible(counts: &[u32]) -> Vec<usize> {
        (0..counts.len()).filter(|&r| counts[r] == 0).collect()
    }

    #[test]
    fn nth_and_rank_agree_with_counting_through_every_change() {
        let mut counts = vec![0u32; 37];
        let mut rows = Rows::new(&counts);
        let mut seed = 7u64;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for step in 0..400 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let start = usize::try_from(seed >> 40).unwrap() % counts.len();
            let end = start + usize::try_from(seed >> 20).unwrap() % (counts.len() - start) + 1;
            // Hide a new range, or show one hidden before (as expanding does).
            if step % 3 == 2 && !ranges.is_empty() {
                let r = ranges.swap_remove(usize::try_from(seed >> 8).unwrap() % ranges.len());
                counts[r.clone()].iter_mut().for_each(|c| *c -= 1);
                rows.change(r, false);
            } else {
                counts[start..end].iter_mut().for_each(|c| *c += 1);
                rows.change(start..end, true);
                ranges.push(start..end);
            }
            let expected = visible(&counts);
            assert_eq!(rows.len(), expected.len(), "step {step}");
            for (k, &row) in expected.iter().enumerate() {
                assert_eq!(rows.nth(k), Some(row), "step {step}, k {k}");
                assert_eq!(rows.rank(row), (k, true), "step {step}, row {row}");
            }
            assert_eq!(rows.nth(expected.len()), None);
            for r in (0..counts.len()).filter(|&r| counts[r] > 0) {
                let before = expected.partition_point(|&v| v < r);
                assert_eq!(rows.rank(r), (before, false), "step {step}, hidden {r}");
            }
        }
    }

    #[test]
    fn built_from_counts_it_is_the_same_as_built_by_changes() {
        let counts = [0, 1, 1, 0, 2, 0, 0, 1];
        let rows = Rows::new(&counts);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            (0..4).map(|k| rows.nth(k).unwrap()).collect::<Vec<_>>(),
            [0, 3, 5, 6]
        );
        // Expanding after a rebuild takes from what the leaves counted.
        let mut rebuilt = Rows::new(&[0, 1, 1, 2, 1]);
        rebuilt.change(1..5, false);
        assert_eq!(
            (0..4).map(|k| rebuilt.nth(k).unwrap()).collect::<Vec<_>>(),
            [0, 1, 2, 4]
        );
        assert_eq!(rebuilt.rank(3), (3, false));
        assert_eq!(Rows::new(&[]).len(), 0);
        assert_eq!(Rows::new(&[]).nth(0), None);
    }
}
