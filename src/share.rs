//! Share links: the whole document in the URL's fragment (`#pk1.…`), which
//! browsers never send to a server. The payload is the core's
//! (`codec::link`); deflate and inflate are the browser's own streams.

use crate::core::codec::link::{self, LinkError, LinkView, MAX_PAYLOAD};
use crate::core::model::Document;
use crate::core::tree::Tree;
use crate::storage::{deflate, inflate, InflateError};

/// Above this many characters a link may be cut short by some chat and mail
/// programs: the dialog then recommends sending the file.
pub const SAFE_LENGTH: usize = 4000;

/// The page's address (without query or fragment) with `doc` in the fragment.
pub async fn make_link(doc: &Document, view: &LinkView) -> Result<String, String> {
    let deflated = deflate(&link::encode(doc, view)).await?;
    let location = web_sys::window().ok_or("no window")?.location();
    let page = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    Ok(format!("{page}#{}", link::to_fragment(&deflated)))
}

/// The link in the address bar, if the page was opened with one (anything
/// starting `#pk`, so a damaged or newer link still says what is wrong).
pub fn link_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.starts_with("#pk").then_some(hash)
}

/// Reads a link's document; a damaged, cut or foreign link is an error,
/// and a deflate bomb stops at `MAX_PAYLOAD`.
pub async fn open_link(fragment: &str) -> Result<(Document, LinkView), LinkError> {
    let deflated = link::from_fragment(fragment)?;
    let payload = inflate(&deflated, MAX_PAYLOAD).await.map_err(|e| match e {
        InflateError::TooLarge { max } => LinkError::TooLarge { max },
        InflateError::Js(_) => LinkError::Damaged,
    })?;
    let (doc, view) = link::decode(&payload)?;
    // What the file import refuses, a link may not bring in either.
    Tree::build(&doc).map_err(|_| LinkError::Malformed { what: "tree" })?;
    Ok((doc, view))
}

/// Takes the link out of the address bar (after it became a draft), so a
/// reload opens the draft.
pub fn forget_link_in_address() {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    url.set_hash("");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
