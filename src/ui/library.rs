//! The library: every briefing with its source, place, date, counts and reading
//! progress; refused files listed with their located error.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, text, window};
use crate::app::{Cataloging, Listing, Root};
use unicode_width::UnicodeWidthStr;

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
    let loading = match root.cataloging() {
        Cataloging::Building { done, total } if total > 0 => {
            format!(
                "{loading} · indexing {} of {}…",
                thousands(done),
                thousands(total)
            )
        }
        _ => loading,
    };
    let refused = root.listings().iter().filter(|l| l.card.is_err()).count();
    let refused = match refused {
        0 => String::new(),
        n => format!(" · {n} refused"),
    };
    let title = format!(
        " Library · {} of {}{refused}{loading} · sorted by {}{} ",
        rows.len(),
        root.listings().len(),
        root.sort().name(),
        if root.filter().is_empty() {
            String::new()
        } else {
            format!(" · filter: {}", root.filter())
        }
    );
    let block = super::bordered(title, area).border_style(theme.border_focused());
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
        lines.extend(entry(
            &root.listings()[i],
            selected,
            width,
            root.now_ms(),
            theme,
        ));
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn entry(
    listing: &Listing,
    selected: bool,
    width: usize,
    now_ms: u64,
    theme: Theme,
) -> [Line<'static>; 2] {
    let head_style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let b = match &listing.card {
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
    let source: Vec<&str> = [b.publication.as_deref(), b.author.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !source.is_empty() {
        facts.push(source.join(", "));
    }
    facts.extend(b.location.clone());
    let head = match facts.is_empty() {
        true => b.title.clone(),
        false => format!("{} · {}", b.title, facts.join(" · ")),
    };
    // The date stays in sight on a narrow screen: the title and source are cut.
    let head = match &b.published {
        Some(date) => {
            let date = format!(" · {date}");
            let room = width.saturating_sub(date.width());
            format!("{}{date}", text::truncate(&head, room))
        }
        None => text::truncate(&head, width),
    };
    let p = &listing.progress;
    let comments = match b.comments_reported {
        Some(r) if r > b.comments as u64 => format!("{} of {r} comments", b.comments),
        _ => plural(b.comments, "comment"),
    };
    let mut counts = vec![Span::styled(
        format!(
            "  {} · {comments} · {}",
            plural(b.quotes, "quote"),
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
    counts.push(Span::styled(
        format!(" · {}", opened(p.last_opened_ms, now_ms)),
        theme.dim(),
    ));
    [Line::styled(head, head_style), Line::from(counts)]
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// When a briefing was last opened, as a person says it: `opened 2 days ago`.
fn opened(last_ms: u64, now_ms: u64) -> String {
    if last_ms == 0 {
        return "never opened".into();
    }
    if now_ms == 0 {
        // No clock yet (`brief snapshot` has none): opened, but not when.
        return "opened".into();
    }
    let minutes = now_ms.saturating_sub(last_ms) / 60_000;
    let (n, unit) = match minutes {
        0 => return "opened just now".into(),
        1..60 => (minutes, "minute"),
        60..1440 => (minutes / 60, "hour"),
        1440..43_200 => (minutes / 1440, "day"),
        43_200..525_600 => (minutes / 43_200, "month"),
        _ => (minutes / 525_600, "year"),
    };
    format!(
        "opened {}",
        plural(usize::try_from(n).unwrap_or(usize::MAX), unit)
    ) + " ago"
}

/// `40312` as `40,312`.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::opened;

    #[test]
    fn last_opened_reads_as_a_person_says_it() {
        let day = 86_400_000;
        assert_eq!(opened(0, 5 * day), "never opened");
        assert_eq!(opened(day, day + 30_000), "opened just now");
        assert_eq!(opened(day, day + 60_000), "opened 1 minute ago");
        assert_eq!(opened(day, day + 3 * 3_600_000), "opened 3 hours ago");
        assert_eq!(opened(day, 3 * day), "opened 2 days ago");
        assert_eq!(opened(day, 400 * day), "opened 1 year ago");
        assert_eq!(opened(2 * day, day), "opened just now", "a clock set back");
        assert_eq!(opened(day, 0), "opened", "no clock yet");
    }
}
