//! The open briefing's keys as the root sees them: going back to where it was
//! opened from, the speaker index, and the search history the prompt recalls
//! with `Up` and `Down`; everything else goes to the briefing's own `update`.
//! Part of `Root::update`.

use ratatui::crossterm::event::KeyCode;

use super::{HISTORY, Root};
use crate::app::{Action, App, Effect, Mode};

impl Root {
    pub(super) fn reader_update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Back if self.has_library => {
                let effects = self.close().into_iter().collect();
                self.screen = self.back_to;
                effects
            }
            Action::Back => {
                self.forward(Action::Report(
                    "opened from a file: run brief with a folder for the library".into(),
                ));
                Vec::new()
            }
            Action::ShowSpeakers => self.show_speakers(),
            Action::Type(key) if self.searching() => match key.code {
                KeyCode::Up | KeyCode::Down => self.recall(key.code == KeyCode::Up),
                _ => {
                    self.recalled = None;
                    self.forward(action)
                }
            },
            Action::ConfirmSearch if self.searching() => {
                let mut effects = self.forward(action);
                self.recalled = None;
                let query = self
                    .reader()
                    .and_then(App::search)
                    .map(|s| s.query.label.clone())
                    .filter(|q| !q.trim().is_empty());
                if let Some(query) = query {
                    self.history.retain(|q| *q != query);
                    self.history.push(query);
                    let over = self.history.len().saturating_sub(HISTORY);
                    self.history.drain(..over);
                    effects.push(Effect::SaveHistory(self.history.clone()));
                }
                effects
            }
            action => self.forward(action),
        }
    }

    /// Whether the open briefing's search prompt is open.
    fn searching(&self) -> bool {
        self.on_screen().is_some_and(|a| a.mode() == Mode::Search)
    }

    /// `Up` (older) or `Down` (newer) at the search prompt: a query from the
    /// history; nothing at either end, and never an empty search.
    fn recall(&mut self, older: bool) -> Vec<Effect> {
        let last = self.history.len();
        let at = match (self.recalled, older) {
            (None, true) if last > 0 => last - 1,
            (Some(at), true) if at > 0 => at - 1,
            (Some(at), false) if at + 1 < last => at + 1,
            _ => return Vec::new(),
        };
        self.recalled = Some(at);
        let query = self.history[at].clone();
        self.forward(Action::SetQuery(query))
    }
}
