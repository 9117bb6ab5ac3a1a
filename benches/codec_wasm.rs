//! Import/export speed in WebAssembly in headless Chromium, beside the
//! browser's own JSON.parse / JSON.stringify of the same text:
//! `cargo bench --target wasm32-unknown-unknown --bench codec_wasm -- --nocapture`
//! (or `scripts/bench codec`).
#![cfg_attr(not(target_arch = "wasm32"), allow(unused))]

#[cfg(target_arch = "wasm32")]
mod wasm {
    use pohon_kinerja::core::codec::{export, import};
    use pohon_kinerja::core::synth;
    use std::hint::black_box;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn now() -> f64 {
        web_sys::window().unwrap().performance().unwrap().now()
    }

    fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
        f();
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = now();
                f();
                now() - t
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    }

    #[wasm_bindgen_test]
    fn codec_in_the_browser() {
        console_log!("codec, wasm in Chromium (median ms)");
        console_log!(
            "{:>8} {:>9} {:>10} {:>10} {:>12} {:>16}",
            "nodes",
            "MB",
            "import",
            "export",
            "JSON.parse",
            "JSON.stringify"
        );
        for n in [1_000, 10_000, 100_000] {
            let doc = synth::document(n, 42);
            let text = export(&doc);
            let runs = if n >= 100_000 { 5 } else { 21 };
            let import_ms = median_ms(runs, || {
                black_box(import(black_box(text.as_bytes())).unwrap());
            });
            let export_ms = median_ms(runs, || {
                black_box(export(black_box(&doc)));
            });
            // The peer gets a JS string, as it would from a file read.
            let js_text = js_sys::JsString::from(text.as_str());
            let parsed = js_sys::JSON::parse(&String::from(&js_text)).unwrap();
            let parse_ms = median_ms(runs, || {
                black_box(js_sys::JSON::parse(&String::from(&js_text)).unwrap());
            });
            let indent = wasm_bindgen::JsValue::from(2);
            let stringify_ms = median_ms(runs, || {
                black_box(
                    js_sys::JSON::stringify_with_replacer_and_space(&parsed, &wasm_bindgen::JsValue::NULL, &indent)
                        .unwrap(),
                );
            });
            console_log!(
                "{n:>8} {:>9.2} {import_ms:>10.2} {export_ms:>10.2} {parse_ms:>12.2} {stringify_ms:>16.2}",
                text.len() as f64 / 1e6
            );
        }
    }
}

fn main() {}
