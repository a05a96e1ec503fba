//! Text work the browser already knows how to do: Unicode lower case (the wasm would otherwise
//! carry Unicode's case tables, about 8 KB gzip).

pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
