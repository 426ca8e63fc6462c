//! Where the map's labels go: each nation's code beside its capital, never over
//! another label and never touching one; a numbered marker where no label fits;
//! the selected nation first, so it always keeps its label. Pure arithmetic on
//! cells, tested without a terminal.

/// The markers a crowded nation gets, in order.
const MARKERS: &str = "123456789abcdefghijklmnopqrstuvwxyz";

/// A nation to put on the map: its index in the briefing, its code and the cell of its capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot<'a> {
    /// Index in the briefing's nations.
    pub index: usize,
    /// The code drawn as its label.
    pub code: &'a str,
    /// The capital's cell, from the map's top left.
    pub cell: (u16, u16),
}

/// How one nation is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Its code, from `at`; `dot` marks the capital when the code does not cover it.
    Label {
        at: (u16, u16),
        dot: Option<(u16, u16)>,
    },
    /// A numbered marker at `at`, named in the legend.
    Marker { at: (u16, u16), mark: char },
    /// No room at all; the legend names it.
    Hidden,
}

/// Decides where every nation's label goes on a map of `width` by `height`
/// cells, the selected one first; the result is in the order of `spots`.
pub fn place(spots: &[Spot], width: u16, height: u16, selected: usize) -> Vec<Shown> {
    let mut taken = Taken::new(width, height);
    let mut shown = vec![Shown::Hidden; spots.len()];
    let order = spots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.index == selected)
        .chain(
            spots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.index != selected),
        );
    let mut markers = MARKERS.chars();
    for (i, spot) in order {
        shown[i] = match label(&mut taken, spot) {
            Some(label) => label,
            None => marker(&mut taken, spot.cell, &mut markers).unwrap_or(Shown::Hidden),
        };
    }
    shown
}

/// The first place beside the capital where the code fits, taken.
fn label(taken: &mut Taken, spot: &Spot) -> Option<Shown> {
    let (x, y) = (i32::from(spot.cell.0), i32::from(spot.cell.1));
    let len = i32::try_from(spot.code.chars().count()).unwrap_or(i32::MAX);
    // On the capital, ending on it, then beside, above and below it with a dot on it.
    let tries = [
        (x, y, false),
        (x - len + 1, y, false),
        (x + 1, y, true),
        (x - len, y, true),
        (x, y - 1, true),
        (x - len + 1, y - 1, true),
        (x, y + 1, true),
        (x - len + 1, y + 1, true),
    ];
    tries.into_iter().find_map(|(lx, ly, dotted)| {
        let dot = dotted.then_some((x, y));
        if !taken.fits(lx, ly, len) || dot.is_some_and(|(dx, dy)| !taken.fits(dx, dy, 1)) {
            return None;
        }
        taken.take(lx, ly, len);
        if let Some((dx, dy)) = dot {
            taken.take(dx, dy, 1);
        }
        Some(Shown::Label {
            at: cell(lx, ly),
            dot: dot.map(|(dx, dy)| cell(dx, dy)),
        })
    })
}

/// A numbered marker on the capital or the nearest free cell around it.
fn marker(
    taken: &mut Taken,
    at: (u16, u16),
    marks: &mut impl Iterator<Item = char>,
) -> Option<Shown> {
    let (x, y) = (i32::from(at.0), i32::from(at.1));
    let around = [
        (0, 0),
        (1, 0),
        (-1, 0),
        (0, -1),
        (0, 1),
        (1, -1),
        (-1, -1),
        (1, 1),
        (-1, 1),
    ];
    let (mx, my) = around
        .into_iter()
        .map(|(dx, dy)| (x + dx, y + dy))
        .find(|&(mx, my)| taken.fits(mx, my, 1))?;
    let mark = marks.next()?;
    taken.take(mx, my, 1);
    Some(Shown::Marker {
        at: cell(mx, my),
        mark,
    })
}

fn cell(x: i32, y: i32) -> (u16, u16) {
    (
        u16::try_from(x).unwrap_or_default(),
        u16::try_from(y).unwrap_or_default(),
    )
}

/// The cells labels and markers hold.
struct Taken {
    width: i32,
    height: i32,
    cells: Vec<bool>,
}

impl Taken {
    fn new(width: u16, height: u16) -> Self {
        Taken {
            width: i32::from(width),
            height: i32::from(height),
            cells: vec![false; usize::from(width) * usize::from(height)],
        }
    }

    fn is_taken(&self, x: i32, y: i32) -> bool {
        (0..self.width).contains(&x)
            && (0..self.height).contains(&y)
            && self.cells[usize::try_from(y * self.width + x).unwrap_or_default()]
    }

    /// `len` cells from `(x, y)` are on the map and free, with a free cell on either
    /// side so two labels never run together (`GBIT`).
    fn fits(&self, x: i32, y: i32, len: i32) -> bool {
        x >= 0
            && y >= 0
            && x + len <= self.width
            && y < self.height
            && (x - 1..=x + len).all(|cx| !self.is_taken(cx, y))
    }

    fn take(&mut self, x: i32, y: i32, len: i32) {
        for cx in x..x + len {
            if let Ok(i) = usize::try_from(y * self.width + cx) {
                self.cells[i] = true;
            }
        }
    }
}

/// The cell of a capital at `lat`, `lon` on a map of `width` by `height` cells,
/// where the Braille map draws its dot (two by four dots a cell).
pub fn capital_cell(lat: f64, lon: f64, width: u16, height: u16) -> (u16, u16) {
    let dots = |value: f64, span: f64, cells: u16, per: u16| {
        let count = f64::from(cells) * f64::from(per);
        let dot = (value / span * (count - 1.0))
            .round()
            .clamp(0.0, count - 1.0);
        // The clamp keeps the dot on the map, so the cell fits in u16.
        (dot as u16) / per
    };
    (
        dots(lon + 180.0, 360.0, width, 2),
        dots(90.0 - lat, 180.0, height, 4),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(index: usize, code: &str, cell: (u16, u16)) -> Spot<'_> {
        Spot { index, code, cell }
    }

    /// The runs of cells each nation's label, dot or marker covers: `(nation, row, from, to)`.
    fn runs(spots: &[Spot], shown: &[Shown]) -> Vec<(usize, u16, u16, u16)> {
        let mut out = Vec::new();
        for (spot, how) in spots.iter().zip(shown) {
            match how {
                Shown::Label { at, dot } => {
                    let len = u16::try_from(spot.code.len()).unwrap();
                    out.push((spot.index, at.1, at.0, at.0 + len));
                    out.extend(dot.map(|d| (spot.index, d.1, d.0, d.0 + 1)));
                }
                Shown::Marker { at, .. } => out.push((spot.index, at.1, at.0, at.0 + 1)),
                Shown::Hidden => {}
            }
        }
        out
    }

    #[test]
    fn labels_in_a_crowd_never_share_a_cell_and_never_touch() {
        // Europe at pane size: five capitals within a few cells.
        let spots = [
            spot(0, "GB", (29, 3)),
            spot(1, "FR", (30, 4)),
            spot(2, "DE", (31, 3)),
            spot(3, "IT", (31, 5)),
            spot(4, "NO", (31, 2)),
        ];
        for selected in 0..spots.len() {
            let shown = place(&spots, 60, 14, selected);
            let runs = runs(&spots, &shown);
            for a in &runs {
                for b in &runs {
                    if a.0 != b.0 && a.1 == b.1 {
                        // A free cell between any two nations' runs on a row.
                        assert!(a.3 < b.2 || b.3 < a.2, "{a:?} touches {b:?}: {shown:?}");
                    }
                }
            }
            assert!(!shown.contains(&Shown::Hidden), "{shown:?}");
            assert!(
                matches!(shown[selected], Shown::Label { .. }),
                "the selected keeps its label: {shown:?}"
            );
        }
    }

    #[test]
    fn the_selected_nation_keeps_its_label_on_its_capital() {
        let spots = [spot(0, "US", (10, 4)), spot(1, "CA", (10, 4))];
        let first = place(&spots, 60, 14, 0);
        assert_eq!(
            first[0],
            Shown::Label {
                at: (10, 4),
                dot: None
            }
        );
        let second = place(&spots, 60, 14, 1);
        assert_eq!(
            second[1],
            Shown::Label {
                at: (10, 4),
                dot: None
            }
        );
        assert_ne!(
            second[0],
            Shown::Label {
                at: (10, 4),
                dot: None
            }
        );
    }

    #[test]
    fn a_label_at_the_right_edge_ends_on_its_capital() {
        let shown = place(&[spot(0, "NZ", (59, 10))], 60, 14, 0);
        assert_eq!(
            shown[0],
            Shown::Label {
                at: (58, 10),
                dot: None
            }
        );
    }

    #[test]
    fn a_crowded_nation_gets_a_numbered_marker_then_no_room() {
        // A 3 by 1 map: one label fills it, the rest cannot fit.
        let spots = [
            spot(0, "IT", (0, 0)),
            spot(1, "FR", (1, 0)),
            spot(2, "DE", (2, 0)),
        ];
        let shown = place(&spots, 3, 1, 0);
        assert_eq!(
            shown[0],
            Shown::Label {
                at: (0, 0),
                dot: None
            }
        );
        assert_eq!(shown[1], Shown::Hidden);
        let roomy = place(&spots, 5, 1, 0);
        assert_eq!(roomy[1], Shown::Hidden);
        assert_eq!(
            roomy[2],
            Shown::Marker {
                at: (3, 0),
                mark: '1'
            }
        );
    }

    #[test]
    fn capitals_land_where_the_braille_map_draws_them() {
        // The map's corners and centre.
        assert_eq!(capital_cell(90.0, -180.0, 60, 14), (0, 0));
        assert_eq!(capital_cell(-90.0, 180.0, 60, 14), (59, 13));
        assert_eq!(capital_cell(0.0, 0.0, 60, 14), (30, 7));
    }
}
