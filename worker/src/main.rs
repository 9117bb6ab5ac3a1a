//! The Web Worker's entry: messages `{request, bytes?}` in, `{reply,
//! bytes?}` out, in order. It says "ready" first: a message posted before
//! its wasm has started would be lost.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker = RefCell::new(pohon_worker::Worker::default());
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let request = field("request").as_string().unwrap_or_default();
        let bytes = field("bytes").dyn_into::<js_sys::Uint8Array>().ok().map(|b| b.to_vec());
        let (reply, bytes) = worker.borrow_mut().handle(&request, bytes);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"reply".into(), &reply.into());
        let transfer = js_sys::Array::new();
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            transfer.push(&array.buffer());
            let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
        }
        let _ = reply_to.post_message_with_transfer(&message, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Natively there is no worker; the work is tested through the library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
