//! The embedded font: Liberation Serif (SIL OFL 1.1, Times New Roman's
//! metrics, every Vietnamese letter), in its four styles, and text measuring.

use std::sync::OnceLock;

use commplan_core::AppError;
use printpdf::ParsedFont;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    pub fn index(self) -> usize {
        match self {
            Style::Regular => 0,
            Style::Bold => 1,
            Style::Italic => 2,
            Style::BoldItalic => 3,
        }
    }
}

pub struct Fonts {
    pub parsed: Vec<ParsedFont>,
    units_per_em: Vec<f32>,
    /// Advances of the characters Vietnamese text uses (U+0000–U+02FF and
    /// U+1E00–U+1EFF), per style, looked up once: measuring is the layout's
    /// hot path.
    advances: Vec<Vec<u16>>,
    /// For the same characters: whether every style has a glyph.
    covered: Vec<bool>,
}

const LOW: u32 = 0x300;
const VIET: std::ops::Range<u32> = 0x1E00..0x1F00;

fn slot(c: u32) -> Option<usize> {
    if c < LOW {
        usize::try_from(c).ok()
    } else if VIET.contains(&c) {
        usize::try_from(LOW + c - VIET.start).ok()
    } else {
        None
    }
}

/// The four styles, parsed on first use and kept for the life of the
/// process: the editor asks for the header's lines after every save, and
/// parsing the fonts is most of that call's cost.
static SHARED: OnceLock<Option<Fonts>> = OnceLock::new();

impl Fonts {
    /// The four styles parsed once per process (see [`Fonts::load`]); the
    /// renderers and the header preview use these.
    pub fn shared() -> Result<&'static Fonts, AppError> {
        SHARED
            .get_or_init(Fonts::load)
            .as_ref()
            .ok_or_else(|| AppError::internal("Phông chữ nhúng bị hỏng."))
    }

    /// Parses the four styles; `None` only if the embedded files were damaged at build time.
    pub fn load() -> Option<Fonts> {
        let mut parsed = Vec::with_capacity(4);
        let mut units_per_em = Vec::with_capacity(4);
        let mut advances = Vec::with_capacity(4);
        for bytes in [REGULAR, BOLD, ITALIC, BOLD_ITALIC] {
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
            units_per_em.push(f32::from(font.font_metrics.units_per_em.max(1)));
            let advance = |c: u32| {
                let gid = font.lookup_glyph_index(c).unwrap_or(0);
                font.get_horizontal_advance(gid)
            };
            advances.push((0..LOW).chain(VIET).map(advance).collect());
            parsed.push(font);
        }
        let covered = (0..LOW)
            .chain(VIET)
            .map(|c| {
                parsed
                    .iter()
                    .all(|f| f.lookup_glyph_index(c).is_some_and(|g| g != 0))
            })
            .collect();
        Some(Fonts {
            parsed,
            units_per_em,
            advances,
            covered,
        })
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let font = &self.parsed[style.index()];
        let table = &self.advances[style.index()];
        let upem = self.units_per_em[style.index()];
        let units: u32 = text
            .chars()
            .map(|c| {
                let advance = match slot(u32::from(c)) {
                    Some(i) => table[i],
                    None => font
                        .get_horizontal_advance(font.lookup_glyph_index(u32::from(c)).unwrap_or(0)),
                };
                u32::from(advance)
            })
            .sum();
        units as f32 * size / upem
    }

    /// Whether every style has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        if c.is_whitespace() {
            return true;
        }
        match slot(u32::from(c)) {
            Some(i) => self.covered[i],
            None => self
                .parsed
                .iter()
                .all(|f| f.lookup_glyph_index(u32::from(c)).is_some_and(|g| g != 0)),
        }
    }
}
