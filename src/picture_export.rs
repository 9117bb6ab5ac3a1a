//! Pictures of the tree: the core's SVG, and PNG drawn from it by the
//! browser (an image on a canvas), downloaded or copied to the clipboard.

use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::picture::{svg, Labels, Picture, Region};
use crate::i18n::{level_label, t, Key};
use crate::state::Editor;

/// Largest PNG side and area the export makes: beyond them browsers give a
/// blank canvas, or a modest laptop runs out of memory.
pub const MAX_SIDE: f64 = 16_384.0;
pub const MAX_AREA: f64 = 64.0 * 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PngError {
    #[error("{width} × {height} px is too large")]
    TooLarge { width: f64, height: f64 },
    #[error("{0}")]
    Browser(String),
}

/// `region` of the tree as the editor shows it (arrangement, details, year).
pub fn picture(editor: Editor, region: Region) -> Option<Picture> {
    let lang = editor.lang;
    let band = move |n: &crate::core::model::Node| {
        let label = level_label(lang, n);
        if n.lane.is_empty() {
            label
        } else {
            format!("{label} · {}", n.lane)
        }
    };
    let labels = Labels { band: &band, empty: t(lang, Key::KondisiEmpty) };
    let opts = editor.derived.card_options.get_untracked();
    editor.derived.tree.with_untracked(|tree| {
        let tree = tree.as_ref()?;
        editor.derived.layout.with_untracked(|layout| {
            editor.fonts.with_untracked(|fonts| {
                editor.store.doc.with_untracked(|doc| Some(svg(doc, tree, layout, fonts, opts, &labels, region)))
            })
        })
    })
}

/// The PNG size of `p` at `scale`, or why it cannot be made.
pub fn png_size(p: &Picture, scale: f64) -> Result<(f64, f64), PngError> {
    let (width, height) = ((p.width * scale).ceil(), (p.height * scale).ceil());
    if width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_AREA {
        return Err(PngError::TooLarge { width, height });
    }
    Ok((width, height))
}

/// `p` drawn at `scale` into a PNG.
pub async fn png(p: &Picture, scale: f64) -> Result<web_sys::Blob, PngError> {
    let (width, height) = png_size(p, scale)?;
    let js = |e: JsValue| PngError::Browser(crate::storage::js_message(&e));
    let parts = Array::of1(&JsValue::from_str(&p.svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let image = web_sys::HtmlImageElement::new().map_err(js)?;
    let loaded = Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result.map_err(|_| PngError::Browser("the picture could not be drawn".into()))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(PngError::Browser("no document".into()))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(js)?.unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(js)?.ok_or(PngError::Browser("no canvas".into()))?.unchecked_into();
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height).map_err(js)?;
    canvas_png(&canvas).await.map_err(|()| PngError::TooLarge { width, height })
}

/// A canvas as PNG; `Err` when the browser cannot make one (too large).
pub async fn canvas_png(canvas: &web_sys::HtmlCanvasElement) -> Result<web_sys::Blob, ()> {
    let made = Promise::new(&mut |resolve, reject| {
        let refuse = reject.clone();
        // A canvas the browser cannot allocate gives no blob (null).
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() { reject.call0(&JsValue::NULL) } else { resolve.call1(&JsValue::NULL, &blob) };
        });
        if canvas.to_blob(done.unchecked_ref()).is_err() {
            let _ = refuse.call0(&JsValue::NULL);
        }
    });
    let blob = JsFuture::from(made).await.map_err(|_| ())?;
    Ok(blob.unchecked_into())
}

/// Puts a PNG on the clipboard (to paste into a document or a chat).
pub async fn copy_png(blob: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    let data = Object::new();
    Reflect::set(&data, &JsValue::from_str("image/png"), blob).map_err(|e| crate::storage::js_message(&e))?;
    let item = ClipboardItem::new(&data).map_err(|e| crate::storage::js_message(&e))?;
    let write: js_sys::Function = Reflect::get(&clipboard, &JsValue::from_str("write"))
        .map_err(|e| crate::storage::js_message(&e))?
        .dyn_into()
        .map_err(|_| "no clipboard".to_owned())?;
    let promise: Promise =
        write.call1(&clipboard, &Array::of1(&item)).map_err(|e| crate::storage::js_message(&e))?.unchecked_into();
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| crate::storage::js_message(&e))
}

// web-sys has ClipboardItem only behind `--cfg web_sys_unstable_apis`.
#[wasm_bindgen]
extern "C" {
    type ClipboardItem;
    #[wasm_bindgen(catch, constructor)]
    fn new(items: &Object) -> Result<ClipboardItem, JsValue>;
}
