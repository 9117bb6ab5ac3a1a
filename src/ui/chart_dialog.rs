use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::Dialog;
use super::file_menu::file_name;
use crate::achievement::use_achievement;
use crate::chart::{draw_indicator, ChartLabels};
use crate::core::chart::indicator_series;
use crate::i18n::{t, Key, Lang};
use crate::picture_export::canvas_png;
use crate::state::use_editor;
use crate::web::download_blob;

/// Chart size in CSS pixels: wide enough to read across a room.
const CHART_W: f64 = 880.0;
const CHART_H: f64 = 460.0;

/// "Grafik": the selected box's indicators, one chart each (target and
/// realisasi over the plan years, capaian per year, the baseline), drawn
/// at the screen's pixel density, each downloadable as PNG.
#[component]
pub fn ChartDialog() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let open = use_achievement().chart_open;
    // Follows the selection while open (presentation steps move it).
    let series = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let id = editor.selected.get();
        editor.store.doc.with(|d| {
            let periode = d.meta.periode.as_ref();
            id.and_then(|id| d.nodes.get(&id))
                .map(|n| n.indikator.iter().map(|ind| indicator_series(ind, periode)).collect())
                .unwrap_or_default()
        })
    });
    let title = move || {
        let id = editor.selected.get()?;
        editor.store.doc.with(|d| d.nodes.get(&id).map(|n| n.kondisi.clone()))
    };
    let labels = ChartLabels {
        target: t(lang, Key::Target),
        realisasi: t(lang, Key::Realisasi),
        baseline: "Baseline",
        capaian: t(lang, Key::CapaianSection),
        english: lang == Lang::En,
    };
    let charts = move || {
        series
            .get()
            .into_iter()
            .enumerate()
            .map(|(k, s)| {
                let canvas = NodeRef::<leptos::html::Canvas>::new();
                let name = s.nama.clone();
                let drawn = s.clone();
                // Drawn once the canvas is in the page, at the screen's density.
                Effect::new(move |_| {
                    let Some(c) = canvas.get() else { return };
                    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
                    c.set_width((CHART_W * dpr) as u32);
                    c.set_height((CHART_H * dpr) as u32);
                    let c: &web_sys::HtmlCanvasElement = c.unchecked_ref();
                    if let Err(why) = draw_indicator(c, &drawn, &labels) {
                        editor.alert.set(Some(format!("{}: {why}", t(lang, Key::ChartFailed))));
                    }
                });
                let save = move |_| {
                    let Some(c) = canvas.get_untracked() else { return };
                    let file = editor
                        .store
                        .doc
                        .with_untracked(|d| file_name(&format!("{} grafik {}", d.meta.judul, k + 1), "png"));
                    leptos::task::spawn_local(async move {
                        let c: web_sys::HtmlCanvasElement = c.unchecked_into();
                        let saved = match canvas_png(&c).await {
                            Ok(blob) => download_blob(&file, &blob),
                            Err(()) => Err(String::new()),
                        };
                        if let Err(why) = saved {
                            editor.alert.set(Some(format!("{}: {why}", t(lang, Key::ChartFailed))));
                        }
                    });
                };
                view! {
                    <figure class="chart">
                        <canvas node_ref=canvas role="img" aria-label=t(lang, Key::ChartOf).replace("{name}", &name)
                            style:width=format!("{CHART_W}px") style:height=format!("{CHART_H}px")></canvas>
                        <figcaption>
                            <button class="tool" on:click=save>{t(lang, Key::ChartPng)}</button>
                        </figcaption>
                    </figure>
                }
            })
            .collect_view()
    };
    view! {
        <Dialog open=open title=t(lang, Key::ChartTitle) class="chart-dialog" light_dismiss=true>
            <p class="dialog-sub">{title}</p>
            <div class="charts">
                {move || if series.with(Vec::is_empty) {
                    view! { <p class="dialog-note">{t(lang, Key::ChartNone)}</p> }.into_any()
                } else {
                    charts().into_any()
                }}
            </div>
        </Dialog>
    }
}
