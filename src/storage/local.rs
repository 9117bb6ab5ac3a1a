//! localStorage with every failure typed: unavailable storage is an error
//! rather than a panic (gloo's `LocalStorage::raw()` panics there), a full one
//! is [`StorageError::QuotaExceeded`], and values are raw strings (gloo would
//! store them JSON-quoted, escaping every `"` of a file envelope).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{js_message, StorageError, Usage, QUOTA_BYTES};
use crate::core::drafts::PREFIX;

#[wasm_bindgen]
extern "C" {
    /// `Storage`, for a `getItem` that leaves the value in JS: only its length is needed.
    type JsStorage;
    #[wasm_bindgen(catch, method, js_name = getItem)]
    fn get_item(this: &JsStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;
    /// A `setItem` of a string made in JS: a draft's megabytes are never
    /// copied out of wasm in one piece.
    #[wasm_bindgen(catch, method, js_name = setItem)]
    fn set_item(this: &JsStorage, key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
}

pub(crate) struct Local {
    storage: web_sys::Storage,
}

impl Local {
    /// The origin's localStorage; `Unavailable` where the browser denies it
    /// (private modes, blocked site data, sandboxed frames).
    pub fn open() -> Result<Local, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Local { storage }),
            _ => Err(StorageError::Unavailable),
        }
    }

    pub fn storage(&self) -> &web_sys::Storage {
        &self.storage
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| StorageError::Js(js_message(&e)))
    }

    /// The value up to its first line break (included), or all of it
    /// without one: a record's header, without copying its body out of JS.
    pub fn head(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value =
            self.storage.unchecked_ref::<JsStorage>().get_item(key).map_err(|e| StorageError::Js(js_message(&e)))?;
        Ok(value.map(|v| match v.index_of("\n", 0) {
            -1 => String::from(v),
            at => String::from(v.slice(0, at as u32 + 1)),
        }))
    }

    /// Writes `value`; a full storage leaves the old value in place.
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| self.set_error(key, value.encode_utf16().count(), &e))
    }

    /// [`Local::set`] of a string already in JS.
    pub fn set_js(&self, key: &str, value: &js_sys::JsString) -> Result<(), StorageError> {
        self.storage
            .unchecked_ref::<JsStorage>()
            .set_item(key, value)
            .map_err(|e| self.set_error(key, value.length() as usize, &e))
    }

    fn set_error(&self, key: &str, units: usize, e: &JsValue) -> StorageError {
        if is_quota(e) {
            let old = self.chars(key);
            let needed = 2 * (key.encode_utf16().count() + units).saturating_sub(old) as u64;
            let Usage { used, quota } = self.usage();
            StorageError::QuotaExceeded { needed, used, quota }
        } else {
            StorageError::Js(js_message(e))
        }
    }

    pub fn remove(&self, key: &str) {
        // Removing cannot fail for quota; anything else leaves a stray key at worst.
        let _ = self.storage.remove_item(key);
    }

    pub fn has(&self, key: &str) -> bool {
        matches!(self.storage.unchecked_ref::<JsStorage>().get_item(key), Ok(Some(_)))
    }

    /// Every key of this app (under `pk:`).
    pub fn keys(&self) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n).filter_map(|i| self.storage.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect()
    }

    /// UTF-16 units of key and value, 0 when absent.
    pub fn chars(&self, key: &str) -> usize {
        match self.storage.unchecked_ref::<JsStorage>().get_item(key) {
            Ok(Some(value)) => key.encode_utf16().count() + value.length() as usize,
            _ => 0,
        }
    }

    /// Bytes our keys take, counted as browsers count them (UTF-16: 2 per
    /// unit, keys included), against the usual 5 MiB per origin.
    pub fn usage(&self) -> Usage {
        let used = self.keys().iter().map(|k| 2 * self.chars(k) as u64).sum();
        Usage { used, quota: QUOTA_BYTES }
    }
}

/// The quota error, by name: `QuotaExceededError` everywhere now, Firefox's
/// own name in older versions.
fn is_quota(e: &JsValue) -> bool {
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    if matches!(name.as_deref(), Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")) {
        return true;
    }
    // Old WebKit: a DOMException with code 22 and another name.
    e.dyn_ref::<js_sys::Object>()
        .and_then(|o| js_sys::Reflect::get(o, &JsValue::from_str("code")).ok())
        .and_then(|c| c.as_f64())
        == Some(22.0)
}
