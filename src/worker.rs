//! The app's side of the Web Worker (import and spreadsheet export): started
//! on first use, so neither its wasm nor the Excel code weighs on the first
//! load; requests are answered in the order sent.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::import::{Problem, Reply, Request};

/// Trunk's loader for the worker built from `worker/` (see index.html).
const LOADER: &str = "./worker_loader.js";

struct Client {
    worker: web_sys::Worker,
    /// Resolves once the worker's wasm has started (messages before are lost).
    ready: Promise,
    /// Each waiting request's `resolve`, oldest first.
    waiting: Rc<RefCell<VecDeque<Function>>>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

fn start() -> Result<Rc<Client>, JsValue> {
    if let Some(client) = CLIENT.with(|c| c.borrow().clone()) {
        return Ok(client);
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(LOADER, &options)?;
    let waiting: Rc<RefCell<VecDeque<Function>>> = Rc::default();
    // The ready promise's resolve and reject, used once.
    let ready_slot: Rc<RefCell<Option<(Function, Function)>>> = Rc::default();
    let ready = {
        let slot = ready_slot.clone();
        Promise::new(&mut |resolve, reject| *slot.borrow_mut() = Some((resolve, reject)))
    };
    let ready_resolve = ready_slot.clone();
    let queue = waiting.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let resolve = if data.as_string().as_deref() == Some("ready") {
            ready_resolve.borrow_mut().take().map(|(resolve, _)| resolve)
        } else {
            queue.borrow_mut().pop_front()
        };
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The worker failed to load or crashed: every waiting request fails.
    let queue = waiting.clone();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        CLIENT.with(|c| c.borrow_mut().take());
        if let Some((_, reject)) = ready_slot.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the worker did not load"));
        }
        for resolve in queue.borrow_mut().drain(..) {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let client = Rc::new(Client { worker, ready, waiting });
    CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
    Ok(client)
}

/// Sends `request` (and `bytes`) to the worker and waits for its reply and
/// the bytes sent with it. The worker not loading (offline before its
/// first use, a blocked script) is a [`Problem::Internal`].
pub async fn call(request: &Request, bytes: Option<&[u8]>) -> (Reply, Option<Vec<u8>>) {
    match exchange(request, bytes).await {
        Ok(answer) => answer,
        Err(detail) => (Reply::Failed { problem: Problem::Internal { detail } }, None),
    }
}

async fn exchange(request: &Request, bytes: Option<&[u8]>) -> Result<(Reply, Option<Vec<u8>>), String> {
    let fail = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let client = start().map_err(fail)?;
    JsFuture::from(client.ready.clone()).await.map_err(fail)?;
    let message = js_sys::Object::new();
    let text = serde_json::to_string(request).map_err(|e| e.to_string())?;
    Reflect::set(&message, &"request".into(), &text.into()).map_err(fail)?;
    if let Some(bytes) = bytes {
        Reflect::set(&message, &"bytes".into(), &Uint8Array::from(bytes)).map_err(fail)?;
    }
    let waiting = client.waiting.clone();
    let answer = Promise::new(&mut |resolve, _| waiting.borrow_mut().push_back(resolve));
    client.worker.post_message(&message).map_err(fail)?;
    let data = JsFuture::from(answer).await.map_err(fail)?;
    if data.is_undefined() {
        return Err("worker stopped".into());
    }
    let reply = Reflect::get(&data, &"reply".into()).ok().and_then(|r| r.as_string()).ok_or("no reply")?;
    let reply: Reply = serde_json::from_str(&reply).map_err(|e| e.to_string())?;
    let bytes =
        Reflect::get(&data, &"bytes".into()).ok().and_then(|b| b.dyn_into::<Uint8Array>().ok()).map(|b| b.to_vec());
    Ok((reply, bytes))
}

/// The worker was asked for before (its first start shows a longer wait).
pub fn started() -> bool {
    CLIENT.with(|c| c.borrow().is_some())
}
