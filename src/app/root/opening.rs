//! Opening and closing briefings: the effects that read them (the file and the
//! saved state) and save their state, and the reader built once both have been
//! read, or again when its file changes. Part of `Root::update`.

use std::sync::Arc;

use super::{Open, Root, Screen};
use crate::app::listing::{Card, Progress};
use crate::app::{Action, App, Effect, Opening};
use crate::briefing::Briefing;

impl Root {
    /// Closes what is open and asks for `listing`'s saved state, to open it on `at`;
    /// `b` comes back to the screen it was opened from.
    pub(super) fn switch_to(&mut self, listing: usize, at: Option<String>) -> Vec<Effect> {
        self.back_to = self.screen;
        let mut effects: Vec<Effect> = self.close().into_iter().collect();
        effects.extend(self.load(listing, at));
        effects
    }

    /// The effect that reads `listing`'s briefing and saved state, so it can be
    /// opened.
    pub(super) fn load(&self, listing: usize, at: Option<String>) -> Option<Effect> {
        let row = self.listings.get(listing).filter(|l| l.card.is_ok())?;
        Some(Effect::Load {
            listing,
            origin: row.origin.clone(),
            at,
        })
    }

    /// Closes the open briefing, noting its progress in the library; the effect
    /// that saves it.
    pub(super) fn close(&mut self) -> Option<Effect> {
        let open = self.open.take()?;
        self.screen = Screen::Library;
        let effect = open.app.save();
        if let Some(listing) = self.listing_mut(open.listing) {
            let mut progress = Progress::of(open.app.briefing(), Some(&open.app.to_saved()));
            progress.new = 0;
            listing.progress = progress;
        }
        Some(effect)
    }

    /// Opens a listing on its briefing and saved state, now read, its row made
    /// anew from what the file holds now; saves (behind the first frame) so an
    /// unwritable config folder shows from the start.
    pub(super) fn opened(&mut self, opening: Opening) -> Vec<Effect> {
        let listing = opening.listing;
        let mouse = self.mouse_at_start;
        let Some(row) = self.listing_mut(listing) else {
            return Vec::new();
        };
        row.card = Ok(Box::new(Card::of(&opening.briefing)));
        row.progress = Progress::of(&opening.briefing, opening.saved.as_ref());
        let app = App::opened(opening, mouse);
        let (save, index) = (app.save_place(), app.index_effect());
        self.open = Some(Open { listing, app });
        self.selected = listing;
        self.screen = Screen::Reader;
        let mut effects = vec![save, index];
        if let Some(query) = self.search_on_open.take() {
            for action in [
                Action::StartSearch,
                Action::SetQuery(query),
                Action::ConfirmSearch,
            ] {
                effects.extend(self.forward(action));
            }
        }
        effects
    }

    /// A listing's briefing no longer reads: its row says why, and so does the
    /// status line.
    pub(super) fn load_failed(&mut self, listing: usize, why: String) {
        if let Some(row) = self.listing_mut(listing) {
            row.card = Err(why.clone());
            self.status = Some(format!("cannot open: {why}"));
        }
    }

    /// The open briefing's file changed and loaded again: the reader's state and
    /// notes carry over by identity, and the status line says what changed.
    pub(super) fn reloaded(&mut self, briefing: Arc<Briefing>) -> Vec<Effect> {
        let Some(Open { listing, app: old }) = self.open.take() else {
            return Vec::new();
        };
        if let Some(row) = self.listing_mut(listing) {
            row.card = Ok(Box::new(Card::of(&briefing)));
        }
        let app = old.reloaded(briefing);
        let index = app.index_effect();
        self.open = Some(Open { listing, app });
        vec![index]
    }
}
