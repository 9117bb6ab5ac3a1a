//! Import/export speed in WebAssembly in headless Chromium, beside the
//! browser's own JSON.parse / JSON.stringify of the same text:
//! `cargo bench --target wasm32-unknown-unknown --bench codec_wasm -- --nocapture`
//! (or `scripts/bench codec`).
#![cfg_attr(not(target_arch = "wasm32"), allow(unused))]

#[cfg(target_arch = "wasm32")]
#[path = "support/codec_runs.rs"]
mod codec_runs;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::codec_runs::{median_ms, ours, SIZES};
    use std::hint::black_box;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn codec_in_the_browser() {
        let performance = web_sys::window().unwrap().performance().unwrap();
        let now_ms = || performance.now();
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
        for n in SIZES {
            let o = ours(&now_ms, n);
            // The peer gets a JS string, as it would from a file read.
            let js_text = js_sys::JsString::from(o.text.as_str());
            let parsed = js_sys::JSON::parse(&String::from(&js_text)).unwrap();
            let parse_ms = median_ms(&now_ms, o.runs, || {
                black_box(js_sys::JSON::parse(&String::from(&js_text)).unwrap());
            });
            let indent = wasm_bindgen::JsValue::from(2);
            let stringify_ms = median_ms(&now_ms, o.runs, || {
                black_box(
                    js_sys::JSON::stringify_with_replacer_and_space(&parsed, &wasm_bindgen::JsValue::NULL, &indent)
                        .unwrap(),
                );
            });
            console_log!(
                "{n:>8} {:>9.2} {:>10.2} {:>10.2} {parse_ms:>12.2} {stringify_ms:>16.2}",
                o.text.len() as f64 / 1e6,
                o.import_ms,
                o.export_ms
            );
        }
    }
}

fn main() {}
