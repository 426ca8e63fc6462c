//! Moving in a list and scrolling a text: the one place `j`, `k`, `g`, `G` and
//! the paging keys are turned into a row or a line, for every list and overlay.

use super::Action;

/// The row `action` moves to in a list of `len` rows at `at`, `page` rows on a
/// screen; `None` when the action does not move in lists. Stops at either end.
pub fn moved(action: &Action, at: usize, len: usize, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let to = |delta: isize| Some(at.saturating_add_signed(delta).min(last));
    match action {
        Action::MoveDown => to(1),
        Action::MoveUp => to(-1),
        Action::First => Some(0),
        Action::Last => Some(last),
        Action::HalfPageDown => to(signed(page / 2).max(1)),
        Action::HalfPageUp => to(-signed(page / 2).max(1)),
        Action::PageDown => to(signed(page)),
        Action::PageUp => to(-signed(page)),
        Action::Scroll { rows, .. } => to(isize::from(*rows)),
        _ => None,
    }
}

/// The line `action` scrolls a text of `len` lines to, `height` of them on
/// screen, from `scroll`: the last screenful is as far as it goes.
pub fn scrolled(action: &Action, scroll: usize, len: usize, height: usize) -> Option<usize> {
    // A text scrolls like a list whose rows are its possible first lines.
    let first_lines = len.saturating_sub(height) + 1;
    moved(action, scroll, first_lines, height)
}

/// `n` as a signed step.
pub fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stop_at_both_ends() {
        assert_eq!(moved(&Action::MoveUp, 0, 5, 3), Some(0));
        assert_eq!(moved(&Action::MoveDown, 4, 5, 3), Some(4));
        assert_eq!(moved(&Action::PageDown, 1, 5, 3), Some(4));
        assert_eq!(moved(&Action::Last, 0, 5, 3), Some(4));
        assert_eq!(moved(&Action::Last, 0, 0, 3), Some(0));
        assert_eq!(moved(&Action::Quit, 2, 5, 3), None);
    }

    #[test]
    fn a_text_scrolls_no_further_than_its_last_screen() {
        assert_eq!(scrolled(&Action::Last, 0, 50, 20), Some(30));
        assert_eq!(scrolled(&Action::PageDown, 25, 50, 20), Some(30));
        assert_eq!(scrolled(&Action::MoveDown, 0, 10, 20), Some(0));
        assert_eq!(scrolled(&Action::HalfPageUp, 30, 50, 20), Some(20));
    }
}
