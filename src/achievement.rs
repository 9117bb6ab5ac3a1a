//! Capaian on the tree (issue 12): whether it is shown, for which year, how
//! it is rolled up, and each box's roll-up, derived from the document (and
//! recomputed only while shown).

use leptos::prelude::*;
use std::collections::BTreeSet;

use crate::core::capaian::{self, Band, Options};
use crate::core::model::Tahun;
use crate::state::{plan_year, Editor};

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
    /// The summary and settings dialogs are open.
    pub summary_open: RwSignal<bool>,
    pub settings_open: RwSignal<bool>,
    /// The selected box's indicator charts are open.
    pub chart_open: RwSignal<bool>,
}

/// The settings, remembered: "150 100 75 50 0 0" (cap, the three band
/// thresholds, weighted, with children).
const KEY: &str = "pk.capaian";

fn read_options(text: &str) -> Options {
    let n: Vec<f64> = text.split(' ').filter_map(|w| w.parse().ok()).collect();
    let d = Options::default();
    match n[..] {
        [cap, sangat_baik, baik, cukup, weighted, with_children] => Options {
            cap,
            bands: capaian::Bands { sangat_baik, baik, cukup },
            weighted: weighted != 0.0,
            with_children: with_children != 0.0,
        },
        _ => d,
    }
}

fn write_options(o: &Options) -> String {
    let b = o.bands;
    let flag = |f: bool| u8::from(f);
    format!("{} {} {} {} {} {}", o.cap, b.sangat_baik, b.baik, b.cukup, flag(o.weighted), flag(o.with_children))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn provide_achievement(editor: Editor) -> Achievement {
    let shown = RwSignal::new(false);
    let chosen = RwSignal::new(None);
    let stored = storage().and_then(|s| s.get_item(KEY).ok()?).map(|t| read_options(&t));
    let options = RwSignal::new(stored.unwrap_or_default());
    Effect::new(move |prev: Option<()>| {
        let text = options.with(write_options);
        // Not written at start: only a change is a choice to keep.
        if prev.is_some() {
            if let Some(s) = storage() {
                let _ = s.set_item(KEY, &text);
            }
        }
    });
    let doc = editor.store.doc;
    let years = Memo::new(move |_| {
        // A set: a 10k-box tree has a hundred thousand yearly values, of a few years.
        doc.with(|d| {
            let mut years: BTreeSet<Tahun> = d.meta.periode.as_ref().map(|p| p.years().collect()).unwrap_or_default();
            for ind in d.nodes.values().flat_map(|n| &n.indikator) {
                years.extend(ind.target.keys().chain(ind.realisasi.keys()).chain(ind.realisasi_triwulan.keys()));
            }
            years.into_iter().collect()
        })
    });
    let year = Memo::new(move |_| {
        chosen.get().or_else(|| {
            doc.with(|d| {
                let inds = || d.nodes.values().flat_map(|n| &n.indikator);
                let latest = inds().flat_map(|i| i.realisasi.keys().chain(i.realisasi_triwulan.keys())).max().copied();
                latest.or(Some(plan_year(d, editor.year)))
            })
        })
    });
    let rollup = Memo::new(move |_| {
        if !shown.get() {
            return Vec::new();
        }
        let Some(year) = year.get() else { return Vec::new() };
        let opts = options.get();
        editor
            .derived
            .tree
            .with(|t| t.as_ref().map_or_else(Vec::new, |t| doc.with(|d| capaian::rollup(d, t, year, &opts))))
    });
    // Cards show the targets of the year whose capaian they show.
    Effect::new(move |_| editor.target_year.set(if shown.get() { year.get() } else { None }));
    let achievement = Achievement {
        shown,
        colour: RwSignal::new(true),
        chosen,
        options,
        years,
        year,
        rollup,
        summary_open: RwSignal::new(false),
        settings_open: RwSignal::new(false),
        chart_open: RwSignal::new(false),
    };
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
