//! Capaian on the tree (issue 12): whether it is shown, for which year, how
//! it is rolled up, and each box's roll-up, derived from the document (and
//! recomputed only while shown).

use leptos::prelude::*;

use crate::core::capaian::{self, Band, Options};
use crate::core::model::Tahun;
use crate::state::Editor;

#[derive(Clone, Copy)]
pub struct Achievement {
    pub shown: RwSignal<bool>,
    /// Cards tinted by their band (the badge still says the number).
    pub colour: RwSignal<bool>,
    /// The year chosen; `None` follows the latest year with any realisasi.
    pub chosen: RwSignal<Option<Tahun>>,
    pub options: RwSignal<Options>,
    /// The plan's years, and the year in force.
    pub years: Memo<Vec<Tahun>>,
    pub year: Memo<Option<Tahun>>,
    /// Each box's roll-up for the year (indexed like the document), while shown.
    pub rollup: Memo<Vec<Option<f64>>>,
}

pub fn provide_achievement(editor: Editor) -> Achievement {
    let shown = RwSignal::new(false);
    let chosen = RwSignal::new(None);
    let options = RwSignal::new(Options::default());
    let doc = editor.store.doc;
    let years = Memo::new(move |_| {
        doc.with(|d| {
            let mut years: Vec<Tahun> = d.meta.periode.as_ref().map(|p| p.years().collect()).unwrap_or_default();
            for ind in d.nodes.values().flat_map(|n| &n.indikator) {
                years.extend(ind.target.keys().chain(ind.realisasi.keys()).chain(ind.realisasi_triwulan.keys()));
            }
            years.sort_unstable();
            years.dedup();
            years
        })
    });
    let year = Memo::new(move |_| {
        chosen.get().or_else(|| {
            doc.with(|d| {
                let inds = || d.nodes.values().flat_map(|n| &n.indikator);
                let latest = inds().flat_map(|i| i.realisasi.keys().chain(i.realisasi_triwulan.keys())).max().copied();
                latest.or_else(|| editor.card_options.with(|o| o.year))
            })
        })
    });
    let rollup = Memo::new(move |_| {
        if !shown.get() {
            return Vec::new();
        }
        let Some(year) = year.get() else { return Vec::new() };
        let opts = options.get();
        editor.tree.with(|t| t.as_ref().map_or_else(Vec::new, |t| doc.with(|d| capaian::rollup(d, t, year, &opts))))
    });
    let achievement = Achievement { shown, colour: RwSignal::new(true), chosen, options, years, year, rollup };
    provide_context(achievement);
    achievement
}

pub fn use_achievement() -> Achievement {
    expect_context::<Achievement>()
}

impl Achievement {
    /// Box `i`'s roll-up and band, while capaian is shown.
    pub fn of(&self, i: usize) -> Option<(f64, Band)> {
        let value = self.rollup.with(|r| r.get(i).copied().flatten())?;
        Some((value, capaian::band(value, &self.options.with(|o| o.bands))))
    }
}

/// "87 %", "101,5 %": Indonesian decimals, no more than one.
pub fn percent(value: f64, english: bool) -> String {
    let text = if (value - value.round()).abs() < 0.05 { format!("{value:.0}") } else { format!("{value:.1}") };
    let text = if english { text } else { text.replace('.', ",") };
    format!("{text} %")
}
