//! What `y`, `Y` and `o` hand to the edge: the selected item as text to paste
//! into a report, its address, and the source's web address, which opens only
//! when it is an `http` or `https` one. Pure.

use super::notes::selected_item_in;
use super::{App, Effect, Pane};
use crate::briefing::{Briefing, clean};
use crate::state::{ItemRef, nation_key};

/// `y`: the selected item of `pane` on the clipboard, or why nothing is.
pub(super) fn copy(app: &App, pane: Pane) -> Result<Effect, String> {
    let b = app.briefing();
    let item = selected_item_in(app, pane).ok_or_else(|| format!("{} is empty", pane.title()))?;
    let (text, what) = text_of(b, &item).ok_or("that item is no longer in the briefing")?;
    Ok(Effect::Copy {
        text: clean(&text).into_owned(),
        what: what.to_owned(),
    })
}

/// `Y`: the selected item's address, as notes exports print it and `--at` reads it.
pub(super) fn copy_address(app: &App, pane: Pane) -> Result<Effect, String> {
    let item = selected_item_in(app, pane).ok_or_else(|| format!("{} is empty", pane.title()))?;
    Ok(Effect::Copy {
        text: clean(&format!("{}#{}", app.briefing().id, item.anchor())).into_owned(),
        what: "the address".to_owned(),
    })
}

/// `o`: the source's address, if it is one a browser may be given.
pub(super) fn open_source(app: &App) -> Result<Effect, String> {
    let url = app
        .briefing()
        .source
        .url
        .as_deref()
        .map(str::trim)
        .ok_or("this briefing names no source address (source.url)")?;
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(format!(
            "only http and https addresses open; source.url is `{}`",
            crate::briefing::echo(url)
        ));
    }
    Ok(Effect::OpenUrl(url.to_owned()))
}

/// An item as it reads pasted into a report, and what it is: a quote with its
/// speaker and role, a comment's or a paragraph's text, a nation's name.
fn text_of(b: &Briefing, item: &ItemRef) -> Option<(String, &'static str)> {
    Some(match item {
        ItemRef::Quote(id) => {
            let q = &b.quotes[b.quote_index(id)?];
            let by = match &q.role {
                Some(role) => format!("{}, {role}", q.speaker),
                None => q.speaker.clone(),
            };
            (format!("“{}” — {by}", q.text), "the quote")
        }
        ItemRef::Comment(id) => (
            b.comment_text(b.comment_index(id)?).to_owned(),
            "the comment",
        ),
        ItemRef::Summary(n) => (b.summary.get(n.checked_sub(1)?)?.clone(), "the paragraph"),
        ItemRef::KeyPoint(n) => (
            b.key_points.get(n.checked_sub(1)?)?.clone(),
            "the key point",
        ),
        ItemRef::Nation(key) => (
            b.nations
                .iter()
                .find(|n| &nation_key(n) == key)?
                .name
                .clone(),
            "the nation",
        ),
    })
}
