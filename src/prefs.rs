//! How the user arranged the window (side panel shown and its width, the
//! minimap), remembered in localStorage across reloads and documents.
//! Losing them is harmless, so a storage that refuses is ignored.

use leptos::prelude::*;

const KEY: &str = "pk.prefs";
/// Below this window width the side panel is a drawer over the canvas.
pub const NARROW: f64 = 1000.0;
pub const PANEL_MIN: f64 = 260.0;
pub const PANEL_MAX: f64 = 640.0;
const PANEL_DEFAULT: f64 = 360.0;

/// Stored as three words: "1 360 1" (panel shown, its width, minimap shown).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Stored {
    panel: bool,
    panel_width: f64,
    minimap: bool,
}

impl Default for Stored {
    fn default() -> Self {
        Stored { panel: true, panel_width: PANEL_DEFAULT, minimap: true }
    }
}

/// The window arrangement, provided once by `App`.
#[derive(Clone, Copy)]
pub struct Prefs {
    /// The side panel (inspector) is shown.
    pub panel: RwSignal<bool>,
    /// Its width in CSS pixels (wide windows; a drawer takes what fits).
    pub panel_width: RwSignal<f64>,
    pub minimap: RwSignal<bool>,
}

impl Stored {
    fn read(text: &str) -> Stored {
        let mut words = text.split(' ');
        let panel = words.next() != Some("0");
        let panel_width = words.next().and_then(|w| w.parse().ok()).unwrap_or(PANEL_DEFAULT);
        let minimap = words.next() != Some("0");
        Stored { panel, panel_width, minimap }
    }

    fn write(&self) -> String {
        format!("{} {:.0} {}", u8::from(self.panel), self.panel_width, u8::from(self.minimap))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn provide_prefs() -> Prefs {
    let stored = storage().and_then(|s| s.get_item(KEY).ok()?).map_or_else(Stored::default, |t| Stored::read(&t));
    // A drawer would cover the tree: on a narrow window it starts closed.
    let narrow =
        web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(NARROW) < NARROW;
    let prefs = Prefs {
        panel: RwSignal::new(stored.panel && !narrow),
        panel_width: RwSignal::new(clamp_width(stored.panel_width)),
        minimap: RwSignal::new(stored.minimap),
    };
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let now =
            Stored { panel: prefs.panel.get(), panel_width: prefs.panel_width.get(), minimap: prefs.minimap.get() };
        // The drawer closed at start on a narrow window is not a choice to keep.
        if first.get_value() {
            first.set_value(false);
            return;
        }
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, &now.write());
        }
    });
    provide_context(prefs);
    prefs
}

pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

pub fn clamp_width(w: f64) -> f64 {
    if w.is_finite() {
        w.clamp(PANEL_MIN, PANEL_MAX)
    } else {
        PANEL_DEFAULT
    }
}
