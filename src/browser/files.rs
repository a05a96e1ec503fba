//! Files the person chooses, and files the page offers for download.

use wasm_bindgen::JsCast;

/// Files larger than this are not read (a collection is a few KB).
const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The text of the file chosen in a file input's change event.
pub async fn read_chosen_file(event: &web_sys::Event) -> Result<String, String> {
    let input: web_sys::HtmlInputElement = event.target().and_then(|t| t.dyn_into().ok()).ok_or("No file input.")?;
    let file = input.files().and_then(|f| f.get(0)).ok_or("No file was chosen.")?;
    if file.size() > MAX_FILE_BYTES {
        return Err("The file is larger than 5 MB; a Postman collection is far smaller.".into());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "The file could not be read.")?;
    text.as_string().ok_or_else(|| "The file is not text.".into())
}

/// A `data:` URL holding the text, for a download link.
pub fn data_url(media_type: &str, text: &str) -> String {
    format!("data:{media_type};charset=utf-8,{}", js_sys::encode_uri_component(text))
}
