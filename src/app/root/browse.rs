//! The library list and the speaker index: moving, sorting, filtering, and
//! opening a briefing from either. Part of `Root::update`.

use super::{LIST_PAGE, Root, Screen, SpeakerIndex};
use crate::app::Cataloging;
use crate::app::listing::Listing;
use crate::app::speakers::{Quoted, Speaker};
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
            Action::ShowSpeakers => return self.show_speakers(),
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

    /// The speaker index, asked for if it is not in step with the library.
    pub(super) fn show_speakers(&mut self) -> Vec<Effect> {
        self.screen = Screen::Speakers(None);
        if self.speaker_index == SpeakerIndex::Fresh {
            self.no_speakers_said();
        }
        self.want_speakers()
    }

    fn no_speakers_said(&mut self) {
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
                    // By its place in the file: the index keeps no quote ids.
                    return self.switch_to(listing, Some(format!("quote-{}", q + 1)));
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
    pub(super) fn arrived(&mut self, listing: Listing) -> Vec<Effect> {
        self.generation += 1;
        let listings = &self.listings;
        let by_origin = self.by_origin.get_or_insert_with(|| {
            listings
                .iter()
                .enumerate()
                .map(|(i, l)| (l.origin.clone(), i))
                .collect()
        });
        if let Some(&at) = by_origin.get(&listing.origin) {
            self.listings[at] = listing;
        } else {
            let first = self.listings.is_empty();
            by_origin.insert(listing.origin.clone(), self.listings.len());
            self.listings.push(listing);
            self.expected = self.expected.max(self.listings.len());
            if first {
                self.selected = 0;
            }
        }
        if self.is_loading() {
            return Vec::new();
        }
        self.speakers_changed()
    }

    /// The library changed: the speaker index is asked for again now if it is
    /// on screen, else when it is next shown.
    pub(super) fn speakers_changed(&mut self) -> Vec<Effect> {
        self.speaker_index = match self.speaker_index {
            SpeakerIndex::Asked { .. } => SpeakerIndex::Asked { stale: true },
            SpeakerIndex::Stale | SpeakerIndex::Fresh => SpeakerIndex::Stale,
        };
        self.want_speakers()
    }

    /// The effect that indexes the speakers, when they are on screen and not in
    /// step (and not already being indexed).
    fn want_speakers(&mut self) -> Vec<Effect> {
        if !matches!(self.screen, Screen::Speakers(_)) || self.speaker_index != SpeakerIndex::Stale
        {
            return Vec::new();
        }
        self.speaker_index = SpeakerIndex::Asked { stale: false };
        vec![Effect::IndexSpeakers {
            origins: self.origins(),
            ready: self.cataloging == Cataloging::Ready,
            aliases: self.aliases.clone(),
        }]
    }

    /// The speakers, indexed; asked for again if the library changed meanwhile.
    pub(super) fn speakers_indexed(&mut self, speakers: Vec<Speaker>) -> Vec<Effect> {
        self.speakers = speakers;
        self.speaker = self.speaker.min(self.speakers.len().saturating_sub(1));
        self.speaker_index = match self.speaker_index {
            SpeakerIndex::Asked { stale: true } => SpeakerIndex::Stale,
            _ => SpeakerIndex::Fresh,
        };
        if self.speaker_index == SpeakerIndex::Fresh && self.screen == Screen::Speakers(None) {
            self.no_speakers_said();
        }
        self.want_speakers()
    }
}
