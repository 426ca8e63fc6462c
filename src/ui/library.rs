//! The library: every briefing with its source, place, date, counts and reading
//! progress; refused files listed with their located error.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Theme, text, window};
use crate::app::{Listing, Root};

/// Draws the library list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, root: &Root, theme: Theme) {
    let rows = root.rows();
    let loading = if root.is_loading() {
        format!(
            " · reading {} of {}…",
            root.listings().len(),
            root.expected()
        )
    } else {
        String::new()
    };
    let title = format!(
        " Library · {} of {}{loading} · sorted by {}{} ",
        rows.len(),
        root.listings().len(),
        root.sort().name(),
        if root.filter().is_empty() {
            String::new()
        } else {
            format!(" · filter: {}", root.filter())
        }
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border_focused());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() {
        let message = if root.is_loading() {
            "Reading the briefings…"
        } else if root.listings().is_empty() {
            "No briefings found: put *.yaml files in ./briefings/ or name a folder: brief FOLDER"
        } else {
            "Nothing matches the filter; Esc clears it."
        };
        frame.render_widget(Paragraph::new(message).style(theme.dim()), inner);
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let at = rows.iter().position(|&r| r == root.selected()).unwrap_or(0);
    let first = window::first_item(at, rows.len(), height, |_| 3);
    let mut lines = Vec::new();
    for (k, &i) in rows.iter().enumerate().skip(first) {
        if lines.len() >= height {
            break;
        }
        let selected = k == at;
        lines.extend(entry(&root.listings()[i], selected, width, theme));
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn entry(listing: &Listing, selected: bool, width: usize, theme: Theme) -> [Line<'static>; 2] {
    let head_style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let b = match &listing.briefing {
        Ok(b) => b,
        Err(error) => {
            return [
                Line::styled(
                    text::truncate(&format!("✗ {}", listing.origin.name()), width),
                    head_style,
                ),
                Line::styled(
                    format!("  {}", text::truncate(error, width.saturating_sub(2))),
                    theme.warning(),
                ),
            ];
        }
    };
    let mut facts: Vec<String> = Vec::new();
    let source: Vec<&str> = [b.source.publication.as_deref(), b.source.author.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !source.is_empty() {
        facts.push(source.join(", "));
    }
    facts.extend(b.location.clone());
    facts.extend(b.source.published.clone());
    let head = match facts.is_empty() {
        true => b.title.clone(),
        false => format!("{} · {}", b.title, facts.join(" · ")),
    };
    let p = &listing.progress;
    let comments = match b.comments_reported {
        Some(r) if r > b.comments.len() as u64 => format!("{} of {r} comments", b.comments.len()),
        _ => plural(b.comments.len(), "comment"),
    };
    let mut counts = vec![Span::styled(
        format!(
            "  {} · {comments} · {}",
            plural(b.quotes.len(), "quote"),
            plural(p.notes, "note")
        ),
        theme.dim(),
    )];
    if p.total > 0 {
        counts.push(Span::styled(
            format!(" · {}% read", p.percent()),
            theme.accent(),
        ));
    }
    if p.new > 0 {
        counts.push(Span::styled(format!(" · {} new", p.new), theme.accent()));
    }
    if p.last_opened_ms == 0 {
        counts.push(Span::styled(" · never opened", theme.dim()));
    }
    [
        Line::styled(text::truncate(&head, width), head_style),
        Line::from(counts),
    ]
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
