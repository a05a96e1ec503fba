//! The clipboard.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The text of a paste event (None when it holds no text).
pub fn pasted_text(ev: &web_sys::ClipboardEvent) -> Option<String> {
    ev.clipboard_data()?.get_data("text/plain").ok().filter(|t| !t.is_empty())
}

/// Copies text to the clipboard; false if the browser refused (or has no clipboard here).
pub async fn copy_text(text: &str) -> bool {
    match clipboard_write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
