//! Small helpers over the browser APIs.

use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;

use crate::core::raster::Pixels;

/// A query parameter of the page's URL (`?lang=en` → `query_param("lang")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The page's URL with parameter `name` set to `value`.
pub fn url_with_param(name: &str, value: &str) -> Option<String> {
    let url = web_sys::Url::new(&web_sys::window()?.location().href().ok()?).ok()?;
    url.search_params().set(name, value);
    Some(url.href())
}

/// Sets (or with `None` removes) a query parameter without reloading, so the
/// address bar always points at what is on screen and can be shared.
pub fn replace_query_param(name: &str, value: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    let Ok(url) = window.location().href().and_then(|h| web_sys::Url::new(&h)) else { return };
    match value {
        Some(v) => url.search_params().set(name, v),
        None => url.search_params().delete(name),
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// Sets a query parameter as a new browser history entry (Back returns to
/// the one before).
pub fn push_query_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(url) = window.location().href().and_then(|h| web_sys::Url::new(&h)) else { return };
    if url.search_params().get(name).as_deref() == Some(value) {
        return;
    }
    url.search_params().set(name, value);
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// Notes in the current history entry which draft it shows, for Back and Forward.
pub fn mark_history_entry(draft: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.replace_state(&wasm_bindgen::JsValue::from_str(draft), "");
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No answer could be read: offline, no such host, or another site that
    /// does not allow this page to read its files (CORS, `other_site`).
    #[error("{url}: {message}")]
    Network { url: String, message: String, other_site: bool },
    #[error("{url}: HTTP {status}")]
    Status { url: String, status: u16 },
}

/// Fetches `url` (relative to the page) as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let other_site = web_sys::window()
        .and_then(|w| Some((w.location().origin().ok()?, w.location().href().ok()?)))
        .and_then(|(origin, page)| web_sys::Url::new_with_base(url, &page).ok().map(|u| u.origin() != origin))
        .unwrap_or(false);
    let network = |e: wasm_bindgen::JsValue| FetchError::Network {
        url: url.to_owned(),
        message: e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default(),
        other_site,
    };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(network)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status { url: url.to_owned(), status: response.status() });
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a file the user picked, as bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `text` to the user as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    download_blob(file_name, &blob)
}

/// Offers `bytes` to the user as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` to the user as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}

/// The calendar year now, for "this year's target".
pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}

/// Measures the card fonts as the browser draws them (see `style/main.css`),
/// so card text wraps exactly within its card; `None` without a canvas.
pub fn measure_card_fonts() -> Option<crate::core::card::CardFonts> {
    use crate::core::card::CardFonts;
    use crate::core::text::CharWidths;
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let family = web_sys::window()?.get_computed_style(&body).ok()??.get_property_value("font-family").ok()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.unchecked_into();
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
    let measure = |font: String| {
        ctx.set_font(&font);
        let mut buf = [0u8; 4];
        CharWidths::from_fn(|c| ctx.measure_text(c.encode_utf8(&mut buf)).map_or(0.0, |m| m.width()))
    };
    Some(CardFonts {
        kondisi: measure(format!("600 {}px {family}", CardFonts::KONDISI_PX)),
        detail: measure(format!("{}px {family}", CardFonts::DETAIL_PX)),
    })
}

/// A User Timing mark (visible in the browser's performance tools and read
/// by the benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Measures from "pk:data-ready" to the first frame painted after it, as
/// "pk:first-paint": the frame after the next one has the new DOM on screen.
pub fn measure_first_paint() {
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::request_animation_frame(|| {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                let _ = p.measure_with_start_mark("pk:first-paint", "pk:data-ready");
            }
        })
    });
}

/// Records the User Timing measure `name` from mark `start` to now (for
/// work that awaits, where [`timed`] cannot wrap it).
pub fn measure_from(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// Runs `f` and records its duration as the User Timing measure `name`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else { return f() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = p.mark(&start);
    let out = f();
    let _ = p.mark(&end);
    let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    out
}

/// Puts `pixels` on a canvas at its top-left corner, in device pixels.
pub fn put_pixels(ctx: &web_sys::CanvasRenderingContext2d, pixels: &Pixels) {
    let (w, h) = (pixels.width() as u32, pixels.height() as u32);
    if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(pixels.data()), w, h) {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}

/// Puts `text` on the system clipboard (copying from a button, outside a
/// copy event); a refusal is silent, as the browser shows none either.
pub fn clipboard_write(text: String) {
    if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
        let _ = clipboard.write_text(&text);
    }
}

/// The clipboard's text, if the browser lets the page read it.
pub async fn clipboard_read() -> Option<String> {
    let clipboard = web_sys::window()?.navigator().clipboard();
    JsFuture::from(clipboard.read_text()).await.ok()?.as_string()
}

/// Focus options that do not scroll the element into view: the canvas
/// places what it focuses itself, and scrolling would make the browser lay
/// the page out at once, in the middle of an edit.
pub fn quiet_focus() -> web_sys::FocusOptions {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    options
}
