use leptos::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::state::use_editor;

/// The real documents bundled under `examples/` (converted from the seeds).
pub struct Example {
    pub file: &'static str,
    pub title: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        file: "payakumbuh-dinsos-2023-2028.json",
        title: "Dinas Sosial Kota Payakumbuh 2023–2028",
        id: "Pohon kinerja Renstra dengan crosscutting",
        en: "Five-year (Renstra) tree with crosscutting agencies",
    },
    Example {
        file: "sumbar-dinsos-iku-2023.json",
        title: "Dinas Sosial Provinsi Sumatera Barat 2023",
        id: "Tabel IKU dengan baseline dan penanggung jawab",
        en: "Key indicator (IKU) table with baselines",
    },
    Example {
        file: "dinsos-2024.json",
        title: "Dinas Sosial 2024",
        id: "Bagan sampai program, kegiatan dan sub kegiatan",
        en: "Chart down to programs, activities and sub-activities",
    },
    Example {
        file: "bengkulu-selatan-dinsos-2024.json",
        title: "Dinas Sosial Kabupaten Bengkulu Selatan 2024",
        id: "Pohon kinerja dengan lajur Bidang Rutin",
        en: "Tree with a secretariat (Bidang Rutin) lane",
    },
    Example {
        file: "tapin-dinsos-iku-2020.json",
        title: "Dinas Sosial Kabupaten Tapin 2020",
        id: "Tabel IKU dengan rumus perhitungan",
        en: "Key indicator table with formulas",
    },
];

/// "Contoh": a list of the bundled examples; choosing one opens it.
#[component]
pub fn ExamplesGallery() -> impl IntoView {
    let editor = use_editor();
    let lang = editor.lang;
    let open = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    // A click elsewhere closes the list, as menus do.
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = root
            .get_untracked()
            .zip(ev.target())
            .is_some_and(|(r, t)| r.contains(wasm_bindgen::JsCast::dyn_ref::<web_sys::Node>(&t)));
        if !inside && open.get_untracked() {
            open.set(false);
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            open.set(false);
            if let Some(button) = root.get_untracked().and_then(|r| r.query_selector("button").ok().flatten()) {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
            }
        }
    };
    let items = EXAMPLES
        .iter()
        .map(|ex| {
            let url = format!("examples/{}", ex.file);
            let choose = move |_| {
                open.set(false);
                editor.open_url(url.clone(), true);
            };
            view! {
                <li>
                    <button class="example" on:click=choose>
                        <strong>{ex.title}</strong>
                        <span>{if lang == Lang::Id { ex.id } else { ex.en }}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="gallery" node_ref=root on:keydown=on_key>
            <button
                class="tool"
                aria-expanded=move || open.get().to_string()
                aria-controls="examples-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {t(lang, Key::Examples)}
            </button>
            <div id="examples-list" class="gallery-list" role="region" aria-label=t(lang, Key::ExamplesList) hidden=move || !open.get()>
                <ul>{items}</ul>
            </div>
        </div>
    }
}
