//! Sizes from the last frame drawn, handed to `update` as `Action::Measured`:
//! how much fits on a page, how long the summary and the full view wrap, and
//! where long texts' lines start, so paging never guesses.

use std::sync::Arc;

use super::{App, Pane, selected_item_in};

/// Sizes from the last frame drawn: the one thing views hand back, for paging.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metrics {
    /// The summary's layout at the width it was drawn.
    pub summary: Option<SummaryLayout>,
    /// Per pane in Tab order: items (lines, for Summary) that fit on one screen.
    pub page: [usize; 4],
    /// The help overlay's length and visible height, in lines.
    pub help: (usize, usize),
    /// The full view's length and visible height, in lines, and what it measured.
    pub read: ReadLength,
}

/// A wrapped text's length and where every 64th line starts, counted once per
/// width (by `ui::text::line_marks`): a window far down a 10 MB text wraps from
/// the nearest mark instead of from the top, so its end costs a screenful.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineMarks {
    /// How many lines the text wraps to.
    pub lines: usize,
    /// The byte where line 0, 64, 128, ... starts.
    pub marks: Vec<usize>,
}

/// The full view's length at the width it was drawn, so a long item is counted
/// once rather than every frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadLength {
    /// The item measured: its pane, its index there and its text's length in bytes.
    pub item: Option<(Pane, usize, usize)>,
    /// The width it was wrapped to.
    pub width: usize,
    /// Its length in lines.
    pub total: usize,
    /// Each part's wrapped length and marks, in the order the view lists them.
    pub parts: Arc<Vec<LineMarks>>,
    /// The lines the view shows at once.
    pub height: usize,
}

impl ReadLength {
    /// What the full view shows for `pane`: its pane, index and text length.
    pub fn item_of(app: &App, pane: Pane) -> (Pane, usize, usize) {
        let b = app.briefing();
        let (index, len) = match pane {
            Pane::Summary => (0, 0),
            Pane::Nations => (
                app.nation(),
                b.nations.get(app.nation()).map_or(0, |n| n.name.len()),
            ),
            Pane::Quotes => {
                let i = app.selected_quote().unwrap_or(0);
                (i, b.quotes.get(i).map_or(0, |q| q.text.len()))
            }
            Pane::Comments => {
                let i = app.tree().selected().unwrap_or(0);
                (i, b.comment_texts.get(i).map_or(0, str::len))
            }
        };
        let note = selected_item_in(app, pane)
            .and_then(|item| app.note_on(&item))
            .map_or(0, |n| n.text.len());
        (pane, index, len + note)
    }

    /// Whether this length was measured for `item` at `width`.
    pub fn is_for(&self, item: (Pane, usize, usize), width: usize) -> bool {
        self.item == Some(item) && self.width == width
    }
}

/// Where the summary's pieces start at one width, worked out once per width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummaryLayout {
    /// The width the lines were wrapped to.
    pub width: usize,
    /// The first line of each block of the summary.
    pub blocks: Arc<Vec<usize>>,
    /// The first line of each paragraph, then each key point.
    pub items: Arc<Vec<usize>>,
    /// The summary's length in lines.
    pub total: usize,
    /// The marks of each block longer than 64 lines, by block, in order.
    pub long: Arc<Vec<(usize, LineMarks)>>,
}

impl SummaryLayout {
    /// The marks of block `n`, if it is a long one.
    pub fn long_block(&self, n: usize) -> Option<&LineMarks> {
        let at = self.long.binary_search_by_key(&n, |(b, _)| *b).ok()?;
        Some(&self.long[at].1)
    }
}

impl Metrics {
    /// Where each paragraph, then each key point, starts; empty before the first frame.
    pub fn summary_starts(&self) -> &[usize] {
        self.summary.as_ref().map_or(&[], |s| s.items.as_slice())
    }

    /// The summary's length in lines; 0 before the first frame.
    pub fn summary_lines(&self) -> usize {
        self.summary.as_ref().map_or(0, |s| s.total)
    }
}
