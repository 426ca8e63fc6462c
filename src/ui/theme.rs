//! Styles. Named ANSI colours only, so the terminal's own palette decides what they
//! look like; with `NO_COLOR` set, emphasis comes from bold, reverse and dim alone.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Palette;

/// The reader's styles, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
    /// The colours by role, from the config.
    pub palette: Palette,
}

impl Theme {
    /// `palette`, unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env(palette: Palette) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            palette,
        }
    }

    /// The default colours.
    pub const fn colored() -> Theme {
        Theme {
            color: true,
            palette: Palette::DEFAULT,
        }
    }

    /// No colours at all, as under `NO_COLOR`.
    pub const fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::DEFAULT,
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The title bar.
    pub fn title(self) -> Style {
        self.fg(self.palette.focus).add_modifier(Modifier::BOLD)
    }

    /// A pane's border when it has focus.
    pub fn border_focused(self) -> Style {
        self.fg(self.palette.focus).add_modifier(Modifier::BOLD)
    }

    /// A pane's border without focus: as quiet as secondary text.
    pub fn border(self) -> Style {
        self.dim()
    }

    /// Section and speaker headings.
    pub fn heading(self) -> Style {
        self.fg(self.palette.heading).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: roles, notes, guides.
    pub fn dim(self) -> Style {
        if self.color {
            self.fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Marks that carry meaning: collapsed counts, codes, map points.
    pub fn accent(self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    /// The selected row in the focused pane.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row in a pane without focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The status line.
    pub fn status(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Text that the search matches.
    pub fn found(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.found)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    /// A warning that lasts: notes not being saved.
    pub fn warning(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    /// A transient message in the status line.
    pub fn message(self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }
}
