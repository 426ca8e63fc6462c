//! The reader's jumps: to the next quote or speaker from any pane (wrapping, and
//! saying so), and the comment tree's moves (collapse, parent, siblings). Part
//! of the reader's `update`.

use super::{Action, App, Pane};

pub(super) fn step_quote(app: &mut App, forward: bool) {
    app.focus = Pane::Quotes;
    let len = app.quote_order.len();
    if len == 0 {
        app.status = Some("this briefing has no quotes".into());
        return;
    }
    app.quote = match (forward, app.quote) {
        (true, at) if at + 1 >= len => {
            app.status = Some("wrapped to the first quote".into());
            0
        }
        (true, at) => at + 1,
        (false, 0) => {
            app.status = Some("wrapped to the last quote".into());
            len - 1
        }
        (false, at) => at - 1,
    };
}

pub(super) fn step_speaker(app: &mut App, forward: bool) {
    app.focus = Pane::Quotes;
    let speakers = &app.briefing.speakers;
    let Some(current) = app
        .selected_quote()
        .map(|q| app.briefing.quotes[q].speaker_index)
    else {
        app.status = Some("this briefing has no quotes".into());
        return;
    };
    let count = speakers.len();
    let target = if forward {
        (current + 1) % count
    } else {
        (current + count - 1) % count
    };
    let wrapped = if forward {
        target <= current
    } else {
        target >= current
    };
    if wrapped {
        app.status = Some(format!(
            "wrapped to the {} speaker",
            if forward { "first" } else { "last" }
        ));
    }
    // The Quotes pane lists speakers in order, so a speaker's first quote sits after
    // all the quotes of the speakers before it.
    app.quote = speakers[..target].iter().map(|s| s.quotes.len()).sum();
}

pub(super) fn comments(app: &mut App, action: Action) {
    if app.focus != Pane::Comments {
        app.status = Some("that key works in Comments (press 4)".into());
        return;
    }
    let rows = &app.briefing.comments;
    if rows.is_empty() {
        app.status = Some("this briefing has no comments".into());
        return;
    }
    let tree = &mut app.tree;
    let refused = match action {
        Action::ToggleCollapse => (!tree.toggle(rows)).then_some("this comment has no replies"),
        Action::CollapseOrParent => {
            tree.collapse_or_parent(rows);
            None
        }
        Action::ExpandOrChild => {
            tree.expand_or_child(rows);
            None
        }
        Action::GoToParent => (!tree.parent(rows)).then_some("a top-level comment has no parent"),
        Action::NextSibling => {
            (!tree.sibling(rows, true)).then_some("no later reply at this depth")
        }
        Action::PrevSibling => {
            (!tree.sibling(rows, false)).then_some("no earlier reply at this depth")
        }
        Action::CollapseAll => {
            tree.collapse_all(rows);
            None
        }
        Action::ExpandAll => {
            tree.expand_all(rows);
            None
        }
        _ => None,
    };
    if let Some(message) = refused {
        app.status = Some(message.into());
    }
}
