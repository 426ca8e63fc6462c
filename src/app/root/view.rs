//! What the views, the edge and the tests read of the root model: every field
//! through an accessor, none writable from outside `app`.

use std::path::Path;

use super::{Help, Root, Screen};
use crate::app::App;
use crate::app::keymap::Keymap;
use crate::app::listing::{Listing, Sort, order};
use crate::app::speakers::{Quoted, Speaker};
use crate::library::Origin;

impl Root {
    /// Every briefing found, loaded or refused.
    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// The open briefing, on screen or behind the speaker index.
    pub fn reader(&self) -> Option<&App> {
        self.open.as_ref().map(|o| &o.app)
    }

    /// The library row the open briefing came from.
    pub fn open_listing(&self) -> Option<usize> {
        self.open.as_ref().map(|o| o.listing)
    }

    /// The file to watch for changes: the open briefing's, while it is on screen.
    pub fn watched_file(&self) -> Option<&Path> {
        if self.screen != Screen::Reader {
            return None;
        }
        match &self.listings.get(self.open_listing()?)?.origin {
            Origin::File(path) => Some(path),
            Origin::Bundled => None,
        }
    }

    /// What is on screen.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The library's order.
    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// The library's filter, as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether keys are going into the library's filter.
    pub fn filtering(&self) -> bool {
        self.filtering
    }

    /// The library's selected row, as an index into `listings`.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Every speaker in the library.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// Whether the speaker index is being built.
    pub fn indexing_speakers(&self) -> bool {
        matches!(self.speaker_index, super::SpeakerIndex::Asked { .. })
    }

    /// The words of the open speaker's quotes, as far as they have been read.
    pub fn quoted(&self) -> &Quoted {
        &self.quoted
    }

    /// The speakers the index shows, as indexes into `speakers`: those whose
    /// name or a role holds the filter.
    pub fn speaker_list(&self) -> Vec<usize> {
        let query = crate::search::Query::typed(&self.speaker_filter);
        (0..self.speakers.len())
            .filter(|&i| {
                let s = &self.speakers[i];
                query.is_empty()
                    || query.matches(&s.name)
                    || s.roles.iter().any(|r| query.matches(r))
            })
            .collect()
    }

    /// The speaker index's filter, as typed.
    pub fn speaker_filter(&self) -> &str {
        &self.speaker_filter
    }

    /// The selected speaker in the index, and the selected quote in their list.
    pub fn speaker_rows(&self) -> (usize, usize) {
        (self.speaker, self.speaker_quote)
    }

    /// The help overlay, when it is open.
    pub fn help(&self) -> Option<&Help> {
        self.help.as_ref()
    }

    /// The library's message for the status line, until the next key.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether there is a library to go back to.
    pub fn has_library(&self) -> bool {
        self.has_library
    }

    /// The keys in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The time now, as the edge last said; 0 before it has.
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// How many briefings the library holds once every file is read.
    pub fn expected(&self) -> usize {
        self.expected
    }

    /// Whether briefings are still being read.
    pub fn is_loading(&self) -> bool {
        self.listings.len() < self.expected
    }

    /// The library's files, in library order (what a scan or the speaker
    /// index reads when it goes to the files).
    pub(super) fn origins(&self) -> Vec<Origin> {
        self.listings.iter().map(|l| l.origin.clone()).collect()
    }

    /// The library rows, filtered and ordered: ordered again only when the
    /// listings, the sort or the filter changed since.
    pub fn rows(&self) -> Vec<usize> {
        let mut kept = self.order.borrow_mut();
        if let Some(o) = &*kept
            && o.generation == self.generation
            && o.sort == self.sort
            && o.filter == self.filter
        {
            return o.rows.clone();
        }
        let rows = order(&self.listings, self.sort, &self.filter);
        *kept = Some(super::Ordered {
            generation: self.generation,
            sort: self.sort,
            filter: self.filter.clone(),
            rows: rows.clone(),
        });
        rows
    }

    /// The open briefing, when it is on screen.
    pub fn on_screen(&self) -> Option<&App> {
        (self.screen == Screen::Reader)
            .then(|| self.reader())
            .flatten()
    }

    /// Whether the terminal should report the mouse: while a briefing that asked
    /// for it is on screen.
    pub fn wants_mouse(&self) -> bool {
        self.on_screen().is_some_and(App::mouse)
    }
}
