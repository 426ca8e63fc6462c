//! The Summary pane: paragraphs reflowed to the width, then key points, tags and
//! source. The selected paragraph or key point (what `a` and `y` take) is drawn
//! in the selection's style; one with a note carries `✎`.
//!
//! The summary is a list of blocks (a paragraph, a heading, a key point...). Where
//! each block starts is worked out once per width and handed back with the
//! frame's sizes; a frame then wraps only the blocks on screen, so scrolling a
//! summary of two thousand paragraphs costs what scrolling ten does.

use std::borrow::Cow;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{line_marks, window_from, wrap_window};
use super::{PaneView, Theme};
use crate::app::{App, LineMarks, SummaryLayout};
use crate::state::ItemRef;

/// One piece of the summary, drawn as a unit.
#[derive(Debug, Clone, Copy)]
enum Block {
    Subtitle,
    Gap,
    Paragraph(usize),
    Heading(&'static str),
    KeyPoint(usize),
    Tags,
    Fact(&'static str),
    Bio,
}

/// The summary's blocks, found by number without listing them all: a frame
/// draws only the few on screen, and a summary may have thousands of paragraphs.
/// In order: `head` (the subtitle), the paragraphs with a gap between each two,
/// `middle` (the key points' heading), the key points, then `tail`.
struct Blocks {
    head: Vec<Block>,
    paragraphs: usize,
    middle: Vec<Block>,
    key_points: usize,
    tail: Vec<Block>,
}

impl Blocks {
    fn of(app: &App) -> Blocks {
        let b = &app.briefing();
        let head = if b.subtitle.is_some() {
            vec![Block::Subtitle, Block::Gap]
        } else {
            Vec::new()
        };
        let middle = if b.key_points.is_empty() {
            Vec::new()
        } else {
            vec![Block::Gap, Block::Heading("Key points")]
        };
        let mut tail = Vec::new();
        if !b.tags.is_empty() {
            tail.extend([Block::Gap, Block::Heading("Tags"), Block::Tags]);
        }
        let s = &b.source;
        let facts = [
            ("Author", &s.author),
            ("Publication", &s.publication),
            ("Published", &s.published),
            ("Address", &s.url),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .map(|(label, _)| Block::Fact(label));
        let bio = s.author_bio.is_some().then_some(Block::Bio);
        let source: Vec<Block> = facts.chain(bio).collect();
        if !source.is_empty() {
            tail.extend([Block::Gap, Block::Heading("Source")]);
            tail.extend(source);
        }
        Blocks {
            head,
            paragraphs: b.summary.len(),
            middle,
            key_points: b.key_points.len(),
            tail,
        }
    }

    /// The paragraphs and the gaps between them.
    fn body(&self) -> usize {
        (2 * self.paragraphs).saturating_sub(1)
    }

    fn len(&self) -> usize {
        self.head.len() + self.body() + self.middle.len() + self.key_points + self.tail.len()
    }

    fn get(&self, k: usize) -> Option<Block> {
        let k = match k.checked_sub(self.head.len()) {
            None => return self.head.get(k).copied(),
            Some(k) => k,
        };
        let k = match k.checked_sub(self.body()) {
            None if k % 2 == 0 => return Some(Block::Paragraph(k / 2)),
            None => return Some(Block::Gap),
            Some(k) => k,
        };
        let k = match k.checked_sub(self.middle.len()) {
            None => return self.middle.get(k).copied(),
            Some(k) => k,
        };
        match k.checked_sub(self.key_points) {
            None => Some(Block::KeyPoint(k)),
            Some(k) => self.tail.get(k).copied(),
        }
    }

    /// The blocks from the `first` on.
    fn from(&self, first: usize) -> impl Iterator<Item = Block> + '_ {
        (first..self.len()).map_while(|k| self.get(k))
    }
}

/// What a block shows: one line as it is, or text to wrap with its indents.
enum Content<'a> {
    Line(Line<'static>),
    Wrapped {
        text: Cow<'a, str>,
        first: &'static str,
        rest: &'static str,
        style: Style,
    },
}

fn content(app: &App, block: Block, theme: Theme) -> Content<'_> {
    let b = &app.briefing();
    let wrapped = |text, first, rest, style| Content::Wrapped {
        text: Cow::Borrowed(text),
        first,
        rest,
        style,
    };
    match block {
        Block::Subtitle => wrapped(b.subtitle.as_deref().unwrap_or(""), "", "", theme.heading()),
        Block::Gap => Content::Line(Line::default()),
        Block::Paragraph(i) => {
            // A two-column gutter for the note mark, so a note never moves the text.
            let mark = if app.note_on(&ItemRef::Summary(i + 1)).is_some() {
                "✎ "
            } else {
                "  "
            };
            wrapped(&b.summary[i], mark, "  ", Style::new())
        }
        Block::Heading(text) => Content::Line(Line::from(Span::styled(text, theme.heading()))),
        Block::KeyPoint(i) => {
            let mark = if app.note_on(&ItemRef::KeyPoint(i + 1)).is_some() {
                "✎ "
            } else {
                "• "
            };
            wrapped(&b.key_points[i], mark, "  ", Style::new())
        }
        Block::Tags => Content::Wrapped {
            text: Cow::Owned(b.tags.join(" · ")),
            first: "",
            rest: "",
            style: theme.accent(),
        },
        Block::Fact(label) => {
            let s = &b.source;
            let value = match label {
                "Author" => &s.author,
                "Publication" => &s.publication,
                "Published" => &s.published,
                _ => &s.url,
            };
            Content::Wrapped {
                text: Cow::Owned(format!("{label}: {}", value.as_deref().unwrap_or(""))),
                first: "",
                rest: "  ",
                style: Style::new(),
            }
        }
        Block::Bio => wrapped(
            b.source.author_bio.as_deref().unwrap_or(""),
            "",
            "",
            theme.dim(),
        ),
    }
}

/// Lines `skip..skip + take` of one block, wrapping no further than the last
/// (and, in a long block, from the nearest of its `marks`).
fn block_lines(
    app: &App,
    (n, block): (usize, Block),
    layout: &SummaryLayout,
    theme: Theme,
    skip: usize,
    take: usize,
) -> Vec<Line<'static>> {
    match content(app, block, theme) {
        Content::Line(line) => std::iter::once(line).skip(skip).take(take).collect(),
        Content::Wrapped {
            text,
            first,
            rest,
            style,
        } => match layout.long_block(n) {
            Some(marks) => window_from(marks, &text, layout.width, (first, rest), skip, take),
            None => wrap_window(&text, layout.width, first, rest, skip, take),
        }
        .into_iter()
        .map(|line| Line::from(Span::styled(line, style)))
        .collect(),
    }
}

/// A block's height, and its marks when it is long enough to want them.
fn block_height(app: &App, block: Block, width: usize) -> (usize, Option<LineMarks>) {
    match content(app, block, Theme::plain()) {
        Content::Line(_) => (1, None),
        Content::Wrapped {
            text, first, rest, ..
        } => {
            let marks = line_marks(&text, width, first, rest);
            (marks.lines, Some(marks).filter(|m| m.marks.len() > 1))
        }
    }
}

/// Where each block starts at `width`, and where each paragraph and key point starts.
pub fn layout(app: &App, width: usize) -> SummaryLayout {
    let width = width.max(1);
    let mut blocks_at = Vec::new();
    let mut items = Vec::new();
    let mut line = 0;
    let mut long = Vec::new();
    for (n, block) in Blocks::of(app).from(0).enumerate() {
        blocks_at.push(line);
        if matches!(block, Block::Paragraph(_) | Block::KeyPoint(_)) {
            items.push(line);
        }
        let (height, marks) = block_height(app, block, width);
        long.extend(marks.map(|m| (n, m)));
        line += height;
    }
    SummaryLayout {
        width,
        blocks: Arc::new(blocks_at),
        items: Arc::new(items),
        total: line,
        long: Arc::new(long),
    }
}

/// Draws the summary scrolled by `scroll` lines; returns its layout and the height shown.
pub fn draw(frame: &mut Frame, view: &PaneView, scroll: usize) -> (SummaryLayout, usize) {
    let width = usize::from(view.area.width).max(1);
    let layout = match &view.app.metrics().summary {
        Some(known) if known.width == width => known.clone(),
        _ => layout(view.app, width),
    };
    let height = usize::from(view.area.height);
    // Marked while the pane has the focus, where `a` and `y` act on it.
    let selected = view
        .focused
        .then(|| (view.app.summary_item(), view.selected_style()));
    let mut shown = lines_between(view.app, &layout, scroll, height, view.theme, selected);
    view.mark(&mut shown);
    frame.render_widget(Paragraph::new(shown), view.area);
    (layout, height)
}

/// The lines from `first` for `count`, wrapping only the blocks they touch;
/// with `selected`, that summary item (paragraphs, then key points) drawn in its
/// style.
fn lines_between(
    app: &App,
    layout: &SummaryLayout,
    first: usize,
    count: usize,
    theme: Theme,
    selected: Option<(usize, Style)>,
) -> Vec<Line<'static>> {
    let paragraphs = app.briefing().summary.len();
    let start = layout
        .blocks
        .partition_point(|&at| at <= first)
        .saturating_sub(1);
    let mut out = Vec::with_capacity(count);
    let mut skip = first.saturating_sub(layout.blocks.get(start).copied().unwrap_or(0));
    for numbered in (start..).zip(Blocks::of(app).from(start)) {
        if out.len() >= count {
            break;
        }
        let take = count - out.len();
        let item = match numbered.1 {
            Block::Paragraph(i) => Some(i),
            Block::KeyPoint(i) => Some(paragraphs + i),
            _ => None,
        };
        let mut lines = block_lines(app, numbered, layout, theme, skip, take);
        if let (Some(item), Some((at, style))) = (item, selected)
            && item == at
        {
            for line in &mut lines {
                *line = std::mem::take(line).patch_style(style);
            }
        }
        out.extend(lines);
        skip = 0;
    }
    out
}

/// The summary's lines from `first` for `count` at `width`, for the full view;
/// and how many lines it has at that width.
pub fn window(
    app: &App,
    width: usize,
    first: usize,
    count: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, usize) {
    let width = width.max(1);
    let layout = match &app.metrics().summary {
        Some(known) if known.width == width => known.clone(),
        _ => layout(app, width),
    };
    (
        lines_between(app, &layout, first, count, theme, None),
        layout.total,
    )
}
