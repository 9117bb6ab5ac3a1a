//! DOM glue, in headless Chromium: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use pohon_kinerja::chart::{draw_indicator, ChartLabels};
use pohon_kinerja::core::chart::indicator_series;
use pohon_kinerja::core::model::{Baseline, Indikator, Periode};
use pohon_kinerja::ui::App;
use pohon_kinerja::web::query_param;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn set_search(search: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(search)).unwrap();
}

/// Mounts the app in a fresh, screen-sized container, so tests do not see each
/// other's DOM, and waits until the canvas knows its size (cards in view mount).
async fn mount() -> (web_sys::HtmlElement, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", "width: 1280px; height: 800px; display: flex; flex-direction: column").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    for _ in 0..50 {
        next_frame().await;
        if host.query_selector_all("[role=treeitem]").unwrap().length() > 0 {
            break;
        }
    }
    (host, handle)
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn reads_query_parameters() {
    set_search("?lang=en&src=examples%2Fa.json");
    assert_eq!(query_param("lang").as_deref(), Some("en"));
    assert_eq!(query_param("src").as_deref(), Some("examples/a.json"));
    assert_eq!(query_param("missing"), None);
    set_search("?");
}

#[wasm_bindgen_test]
async fn renders_the_sample_as_an_accessible_tree() {
    set_search("?");
    let (host, _handle) = mount().await;
    let tree = host.query_selector("[role=tree]").unwrap().expect("a tree");
    let items = tree.query_selector_all("[role=treeitem]").unwrap();
    assert_eq!(items.length(), 8);
    let first: web_sys::Element = items.get(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("aria-level").as_deref(), Some("1"));
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("Terwujudnya Pembangunan Manusia yang Berkualitas, Tujuan Daerah")
    );
    let title = host.query_selector(".doc-title").unwrap().unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Contoh Pohon Kinerja Dinas Sosial"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("id"));
}

#[wasm_bindgen_test]
async fn clicking_a_card_selects_it_and_shows_its_details() {
    set_search("?lang=en");
    let (host, _handle) = mount().await;
    let card: web_sys::Element = host
        .query_selector("[role=treeitem][aria-label^='Meningkatnya akurasi data kemiskinan']")
        .unwrap()
        .expect("card");
    assert_eq!(card.get_attribute("aria-selected").as_deref(), Some("false"));
    // As a real click: it bubbles (the tree handles its cards' clicks).
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    card.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(card.get_attribute("aria-selected").as_deref(), Some("true"));
    let panel = host.query_selector("aside").unwrap().unwrap();
    let text = panel.text_content().unwrap();
    assert!(text.contains("Prsentase data kemiskinan yang terverivali"), "{text}");
    assert!(text.contains("Crosscutting agencies"), "{text}");
    assert!(text.contains("DISDUKCAPIL, BPS"), "{text}");
    set_search("?");
}

/// A canvas of 900 × 500 in the page, with `ind`'s chart for 2024–2028 drawn on it.
fn chart(ind: &Indikator, english: bool) -> web_sys::HtmlCanvasElement {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(900);
    canvas.set_height(500);
    document().body().unwrap().append_child(&canvas).unwrap();
    let periode = Periode { awal: 2024, akhir: 2028, extra: Default::default() };
    let labels =
        ChartLabels { target: "Target", realisasi: "Realisasi", baseline: "Baseline", capaian: "Capaian", english };
    draw_indicator(&canvas, &indicator_series(ind, Some(&periode)), &labels).unwrap();
    canvas
}

/// How many of the canvas' pixels (RGBA) `like` accepts.
fn pixels(canvas: &web_sys::HtmlCanvasElement, like: impl Fn(&[u8]) -> bool) -> usize {
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = context.get_image_data(0.0, 0.0, canvas.width().into(), canvas.height().into()).unwrap().data();
    data.chunks(4).filter(|p| like(p)).count()
}

#[wasm_bindgen_test]
fn draws_an_indicator_chart() {
    let mut ind =
        Indikator { nama: "Persentase PMKS yang tertangani".into(), satuan: "%".into(), ..Default::default() };
    for (year, target, realisasi) in [(2024, "70", "65,5"), (2025, "75", "80"), (2026, "80", "")] {
        ind.target.insert(year, target.into());
        ind.realisasi.insert(year, realisasi.into());
    }
    ind.baseline = Some(Baseline { nilai: "60".into(), tahun: Some(2023), extra: Default::default() });
    let canvas = chart(&ind, false);
    let ink = pixels(&canvas, |p| p[..3].iter().any(|&c| c < 200));
    // The target's blue and the realisasi's vermillion.
    let (target, realisasi) =
        (pixels(&canvas, |p| p[2] > 150 && p[0] < 60), pixels(&canvas, |p| p[0] > 180 && p[2] < 60));
    assert!(ink > 900 * 500 / 50, "{ink} pixels drawn");
    // Lines, markers and legend samples in both colours.
    assert!(target > 400 && realisasi > 400, "target {target}, realisasi {realisasi}");
    canvas.remove();

    // Without years only the title and legend: still no error.
    let canvas = chart(&Indikator::default(), true);
    assert!(pixels(&canvas, |p| p[0] > 180 && p[2] < 60) > 0);
    canvas.remove();
}
