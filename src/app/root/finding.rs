//! Searching the library's text (`F`): typing asks the catalog (or, while it
//! is being built, has the files scanned), the answers fill the list,
//! and `Enter` opens a briefing at the item found. Part of `Root::update`.

use super::{LIST_PAGE, Root, Screen};
use crate::app::update::edit_text;
use crate::app::{Action, Cataloging, Effect, Finding, LibraryHit, list};

impl Root {
    /// `F` in the library: the search prompt, holding the last query.
    pub(super) fn start_finding(&mut self) -> Vec<Effect> {
        self.screen = Screen::Found;
        self.finding.typing = true;
        Vec::new()
    }

    pub(super) fn finding_update(&mut self, action: Action) -> Vec<Effect> {
        if self.finding.typing {
            match action {
                Action::Type(key) => {
                    edit_text(&mut self.finding.query, key);
                    return self.ask();
                }
                Action::Paste(text) => {
                    self.finding.query.push_str(&crate::briefing::clean(&text));
                    return self.ask();
                }
                Action::ConfirmSearch => self.finding.typing = false,
                Action::CancelSearch => {
                    self.finding.typing = false;
                    if self.finding.query.trim().is_empty() {
                        self.screen = Screen::Library;
                    }
                }
                _ => {}
            }
            return Vec::new();
        }
        let f = &mut self.finding;
        if let Some(to) = list::moved(&action, f.selected, f.hits.len(), LIST_PAGE) {
            f.selected = to;
            return Vec::new();
        }
        match action {
            Action::StartSearch | Action::SearchLibrary => f.typing = true,
            Action::Close | Action::Back => self.screen = Screen::Library,
            Action::Open | Action::ToggleCollapse => return self.open_hit(),
            _ => {}
        }
        Vec::new()
    }

    /// The query changed: ask the catalog, or scan while there is none ready.
    fn ask(&mut self) -> Vec<Effect> {
        let f = &mut self.finding;
        f.selected = 0;
        f.asked += 1;
        if f.query.trim().is_empty() {
            f.hits.clear();
            f.total = 0;
            return Vec::new();
        }
        // Asked by scanning, the question is asked again of the catalog once
        // it is ready.
        f.scanned = self.cataloging != Cataloging::Ready;
        if !f.scanned {
            return vec![Effect::SearchLibrary {
                query: f.query.clone(),
                asked: f.asked,
            }];
        }
        vec![Effect::ScanLibrary {
            query: f.query.clone(),
            asked: f.asked,
            origins: self.origins(),
        }]
    }

    /// The catalog's (or a scan's) answer; one to a query since changed is dropped.
    pub(super) fn found(&mut self, asked: u64, hits: Vec<LibraryHit>, total: usize, scanned: bool) {
        let f = &mut self.finding;
        if asked == f.asked {
            f.total = total.max(hits.len());
            f.hits = hits;
            f.scanned = scanned;
            // A scan answers as it goes: the selection stays where it was.
            f.selected = f.selected.min(f.hits.len().saturating_sub(1));
        }
    }

    /// The catalog came further; once it is ready, hits found by scanning are
    /// asked for again, ranked.
    pub(super) fn cataloged(&mut self, state: Cataloging) -> Vec<Effect> {
        self.cataloging = state;
        if state == Cataloging::Ready && self.screen == Screen::Found && self.finding.scanned {
            return self.ask();
        }
        Vec::new()
    }

    fn open_hit(&mut self) -> Vec<Effect> {
        let Some(hit) = self.finding.hits.get(self.finding.selected).cloned() else {
            return Vec::new();
        };
        match self.listings.iter().position(|l| l.origin == hit.origin) {
            Some(listing) if self.listings[listing].card.is_ok() => {
                // The briefing opens searching for the word, so `n` goes on to
                // its other matches.
                self.search_on_open = crate::catalog::longest(&self.finding.query);
                self.switch_to(listing, hit.at)
            }
            Some(_) | None => {
                self.status = Some(format!("{} is no longer in the library", hit.origin.name()));
                Vec::new()
            }
        }
    }

    /// The search of the library's text.
    pub fn finding(&self) -> &Finding {
        &self.finding
    }

    /// How far the library's catalog has come.
    pub fn cataloging(&self) -> Cataloging {
        self.cataloging
    }
}
