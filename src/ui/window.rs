//! Which items of a list of varying heights fit on screen around the selection.
//!
//! Pure arithmetic over item heights, and only over the items near the selection,
//! so the cost follows the screen, not the list.

/// The first item to draw so that `selected` is on screen.
///
/// The list starts at the top while the selection fits there; past that the
/// selection sits a third of the way down, so the reader sees what came before,
/// or lower near the end, so the screen stays full.
pub fn first_item(
    selected: usize,
    count: usize,
    height: usize,
    item_height: impl Fn(usize) -> usize,
) -> usize {
    if height == 0 {
        return selected;
    }
    let mut used = 0;
    for i in 0..=selected {
        used += item_height(i);
        if used > height {
            break;
        }
    }
    if used <= height {
        return 0;
    }
    let mut below = 0;
    for i in selected..count {
        below += item_height(i);
        if below >= height {
            break;
        }
    }
    let mut first = selected;
    let mut above = 0;
    let context = (height / 3).max(height.saturating_sub(below));
    while first > 0 {
        let h = item_height(first - 1);
        if above + h > context || above + h + item_height(selected) > height {
            break;
        }
        above += h;
        first -= 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::first_item;

    #[test]
    fn starts_at_the_top_while_the_selection_fits() {
        assert_eq!(first_item(4, 50, 10, |_| 2), 0);
    }

    #[test]
    fn keeps_a_third_of_the_screen_above_a_far_selection() {
        assert_eq!(first_item(20, 50, 9, |_| 1), 17);
    }

    #[test]
    fn a_selection_taller_than_the_screen_comes_first() {
        assert_eq!(first_item(5, 50, 4, |i| if i == 5 { 10 } else { 1 }), 5);
    }

    #[test]
    fn fills_the_screen_when_the_selection_is_near_the_end() {
        assert_eq!(first_item(49, 50, 9, |_| 1), 41);
    }

    #[test]
    fn looks_only_near_the_selection() {
        let calls = std::cell::Cell::new(0);
        first_item(1_000_000, 2_000_000, 30, |_| {
            calls.set(calls.get() + 1);
            1
        });
        assert!(calls.get() < 100, "{} height calls", calls.get());
    }
}
