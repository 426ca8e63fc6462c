//! The library list and the speaker index: moving, sorting, filtering, and
//! opening a briefing from either. Part of `Root::update`.

use super::{LIST_PAGE, Root, Screen};
use crate::app::listing::Listing;
use crate::app::speakers::Quoted;
use crate::app::speakers::index;
use crate::app::update::edit_text;
use crate::app::{Action, Effect, list};

impl Root {
    pub(super) fn library_update(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.rows();
        let at = rows.iter().position(|&r| r == self.selected).unwrap_or(0);
        if !self.filtering
            && let Some(to) = list::moved(&action, at, rows.len(), LIST_PAGE)
        {
            self.selected = rows.get(to).copied().unwrap_or(self.selected);
            return Vec::new();
        }
        match action {
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.status = Some(format!("sorted by {}", self.sort.name()));
                return vec![Effect::SaveSort(self.sort)];
            }
            Action::StartSearch => self.filtering = true,
            Action::Type(key) => {
                edit_text(&mut self.filter, key);
                if let Some(&first) = self.rows().first() {
                    self.selected = first;
                }
            }
            Action::ConfirmSearch => self.filtering = false,
            Action::CancelSearch | Action::Close => {
                self.filtering = false;
                self.filter.clear();
            }
            Action::ShowSpeakers => self.show_speakers(),
            Action::SearchLibrary => return self.start_finding(),
            Action::Open | Action::ToggleCollapse => {
                match self.listings.get(self.selected).map(|l| &l.card) {
                    Some(Ok(_)) if rows.contains(&self.selected) => {
                        return self.switch_to(self.selected, None);
                    }
                    Some(Err(e)) => self.status = Some(format!("cannot open: {e}")),
                    _ => {}
                }
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn show_speakers(&mut self) {
        self.screen = Screen::Speakers(None);
        self.fresh_speakers();
        if self.speakers.is_empty() {
            self.status = Some("no quotes in the library, so no speakers".into());
        }
    }

    pub(super) fn speakers_update(&mut self, action: Action, open: Option<usize>) -> Vec<Effect> {
        if open.is_none() {
            let rows = self.speaker_list();
            let at = rows.iter().position(|&r| r == self.speaker).unwrap_or(0);
            if !self.speaker_filtering
                && let Some(to) = list::moved(&action, at, rows.len(), LIST_PAGE)
            {
                self.speaker = rows.get(to).copied().unwrap_or(self.speaker);
                return Vec::new();
            }
            match action {
                Action::StartSearch => {
                    self.speaker_filtering = true;
                    return Vec::new();
                }
                Action::Type(key) => {
                    edit_text(&mut self.speaker_filter, key);
                    self.speaker = self.speaker_list().first().copied().unwrap_or(0);
                    return Vec::new();
                }
                Action::ConfirmSearch => {
                    self.speaker_filtering = false;
                    return Vec::new();
                }
                Action::CancelSearch | Action::Close
                    if self.speaker_filtering || !self.speaker_filter.is_empty() =>
                {
                    self.speaker_filtering = false;
                    self.speaker_filter.clear();
                    return Vec::new();
                }
                Action::Open | Action::ToggleCollapse if !rows.contains(&self.speaker) => {
                    return Vec::new();
                }
                _ => {}
            }
        }
        let len = match open {
            None => self.speakers.len(),
            Some(s) => self.speakers.get(s).map_or(0, |sp| sp.quotes.len()),
        };
        if open.is_some()
            && let Some(to) = list::moved(&action, self.speaker_quote, len, LIST_PAGE)
        {
            self.speaker_quote = to;
            return Vec::new();
        }
        match action {
            Action::Open | Action::ToggleCollapse => match open {
                None if len > 0 => {
                    self.screen = Screen::Speakers(Some(self.speaker));
                    self.speaker_quote = 0;
                    return self.read_quotes();
                }
                None => {}
                Some(s) => {
                    let Some(&(listing, q)) = self
                        .speakers
                        .get(s)
                        .and_then(|sp| sp.quotes.get(self.speaker_quote))
                    else {
                        return Vec::new();
                    };
                    let id = self.listings[listing]
                        .card
                        .as_ref()
                        .ok()
                        .and_then(|c| Some(c.said.get(q)?.quote_id(q)));
                    return self.switch_to(listing, id);
                }
            },
            Action::Close | Action::Back | Action::ShowSpeakers => {
                self.screen = match (open, &self.open) {
                    (Some(_), _) => Screen::Speakers(None),
                    (None, Some(_)) => Screen::Reader,
                    (None, None) => Screen::Library,
                };
            }
            _ => {}
        }
        Vec::new()
    }

    /// The effect that reads the open speaker's quotes from their briefings.
    fn read_quotes(&mut self) -> Vec<Effect> {
        let Some(speaker) = self.speakers.get(self.speaker) else {
            return Vec::new();
        };
        self.quoted = Quoted {
            speaker: speaker.name.clone(),
            texts: vec![None; speaker.quotes.len()],
        };
        let quotes = speaker
            .quotes
            .iter()
            .map(|&(listing, q)| (self.listings[listing].origin.clone(), q))
            .collect();
        vec![Effect::ReadQuotes {
            speaker: speaker.name.clone(),
            quotes,
        }]
    }

    /// Some of a speaker's quotes, read; for a speaker no longer open, dropped.
    pub(super) fn quotes_read(&mut self, speaker: &str, from: usize, quotes: Vec<Option<String>>) {
        if self.quoted.speaker != speaker {
            return;
        }
        for (slot, quote) in self.quoted.texts.iter_mut().skip(from).zip(quotes) {
            *slot = Some(quote);
        }
    }

    /// A briefing read in the background joins the library, or takes the place
    /// of its file's row (a file indexed again); the speaker index follows
    /// once the last one has arrived.
    pub(super) fn arrived(&mut self, listing: Listing) {
        if let Some(&at) = self.by_origin.get(&listing.origin) {
            self.listings[at] = listing;
        } else {
            let first = self.listings.is_empty();
            self.by_origin
                .insert(listing.origin.clone(), self.listings.len());
            self.listings.push(listing);
            self.expected = self.expected.max(self.listings.len());
            if first {
                self.selected = 0;
            }
        }
        if !self.is_loading() {
            self.speakers_changed();
        }
    }

    /// The cards changed: the speaker index is built again now if it is on
    /// screen, else when it is next shown.
    pub(super) fn speakers_changed(&mut self) {
        self.speakers_stale = true;
        if matches!(self.screen, Screen::Speakers(_)) {
            self.fresh_speakers();
        }
    }

    fn fresh_speakers(&mut self) {
        if self.speakers_stale {
            self.speakers = index(&self.listings, &self.aliases);
            self.speakers_stale = false;
        }
    }
}
