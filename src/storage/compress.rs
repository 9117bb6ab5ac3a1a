//! deflate-raw by the browser (`CompressionStream`), so no compressor is
//! compiled into the wasm. Decompression counts bytes as they arrive and
//! cancels at a cap: a few KB of deflate can expand to gigabytes.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, Response, WritableStream,
    WritableStreamDefaultWriter,
};

use super::js_message;

// web-sys has these only behind `--cfg web_sys_unstable_apis`; declared here
// instead, so no build needs the flag.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(catch, constructor)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(catch, constructor)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

const FORMAT: &str = "deflate-raw";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InflateError {
    #[error("decompressed data passes {max} bytes")]
    TooLarge { max: usize },
    /// Damaged data, or no `DecompressionStream` in this browser.
    #[error("{0}")]
    Js(String),
}

/// `bytes` compressed with deflate-raw, a piece per turn of the event loop
/// (see [`Deflater::write`]).
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let deflater = Deflater::new()?;
    deflater.write(bytes).await?;
    deflater.finish().await
}

/// deflate-raw fed piece by piece, so a caller can make a big text a piece
/// at a time and compress each as it comes.
pub struct Deflater {
    writer: WritableStreamDefaultWriter,
    /// All the output, read by the browser itself as it is made.
    output: JsFuture,
}

impl Deflater {
    pub fn new() -> Result<Deflater, String> {
        let js = |e: JsValue| js_message(&e);
        let transform = CompressionStream::new(FORMAT).map_err(js)?;
        let writable: WritableStream =
            Reflect::get(&transform, &JsValue::from_str("writable")).map_err(js)?.unchecked_into();
        let readable: ReadableStream =
            Reflect::get(&transform, &JsValue::from_str("readable")).map_err(js)?.unchecked_into();
        let writer = writable.get_writer().map_err(js)?;
        let output = JsFuture::from(
            Response::new_with_opt_readable_stream(Some(&readable)).map_err(js)?.array_buffer().map_err(js)?,
        );
        Ok(Deflater { writer, output })
    }

    /// Compresses `bytes` in chunks, with a turn of the event loop after
    /// each: the browser compresses on the page's thread, and 4 MB in one
    /// piece would block it for 150 ms.
    pub async fn write(&self, bytes: &[u8]) -> Result<(), String> {
        for chunk in bytes.chunks(CHUNK) {
            JsFuture::from(self.writer.write_with_chunk(&Uint8Array::from(chunk))).await.map_err(|e| js_message(&e))?;
            next_task().await;
        }
        Ok(())
    }

    /// Everything written, compressed.
    pub async fn finish(self) -> Result<Vec<u8>, String> {
        let js = |e: JsValue| js_message(&e);
        JsFuture::from(self.writer.close()).await.map_err(js)?;
        Ok(Uint8Array::new(&self.output.await.map_err(js)?).to_vec())
    }
}

/// Bytes compressed per turn of the event loop (a few ms each).
const CHUNK: usize = 128 * 1024;

/// Resolves in a later task (not a microtask), letting the page paint and
/// handle input between chunks.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reverses [`deflate`], giving up as soon as more than `max` bytes come out.
pub async fn inflate(bytes: &[u8], max: usize) -> Result<Vec<u8>, InflateError> {
    let js = |e: JsValue| InflateError::Js(js_message(&e));
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).map_err(js)?;
    let transform = DecompressionStream::new(FORMAT).map_err(js)?;
    let stream = blob.stream().pipe_through(transform.unchecked_ref::<ReadableWritablePair>());
    read_all(&stream, max).await
}

async fn read_all(stream: &ReadableStream, max: usize) -> Result<Vec<u8>, InflateError> {
    let js = |e: JsValue| InflateError::Js(js_message(&e));
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let result = JsFuture::from(reader.read()).await.map_err(js)?;
        if Reflect::get(&result, &JsValue::from_str("done")).map_err(js)?.as_bool() != Some(false) {
            return Ok(out);
        }
        let chunk: Uint8Array = Reflect::get(&result, &JsValue::from_str("value")).map_err(js)?.unchecked_into();
        let start = out.len();
        if chunk.length() as usize > max - start {
            // Stops the decompressor; what it would still produce is never made.
            let _ = JsFuture::from(reader.cancel()).await;
            return Err(InflateError::TooLarge { max });
        }
        out.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut out[start..]);
    }
}
