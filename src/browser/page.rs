//! The document itself: its colour theme and projector view, its address without settings (for links), and, in
//! an iframe, its content height reported to the host page.

use ords_core::Theme;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

fn set_root_attribute(name: &str, value: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute(name, value);
    }
}

/// Sets `data-theme` on `<html>` (`auto` follows `prefers-color-scheme` in the stylesheet).
pub fn apply_theme(theme: Theme) {
    set_root_attribute("data-theme", theme.key());
}

/// Sets `data-present` on `<html>`: the stylesheet's projector view.
pub fn apply_presentation(on: bool) {
    set_root_attribute("data-present", if on { "1" } else { "0" });
}

/// The page's address without fragment or query, e.g. `https://docs.example/playground/`.
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// True when the page runs inside a frame of another page.
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else { return false };
    window.parent().ok().flatten().is_some_and(|parent| parent != window)
}

fn post_height(last: &std::cell::Cell<i32>) {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    // The body's own height, not the document's: that is never less than the frame, so it
    // could grow but never shrink. The body has no margin (style/main.css).
    let height = body.scroll_height().max(body.get_bounding_client_rect().height().ceil() as i32);
    if height == last.get() {
        return;
    }
    last.set(height);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"ords-playground:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    if let Ok(Some(parent)) = window.parent() {
        // Only a number, so any host may read it.
        let _ = parent.post_message(&message, "*");
    }
}

thread_local! {
    static OBSERVER: std::cell::RefCell<Option<web_sys::ResizeObserver>> = const { std::cell::RefCell::new(None) };
}

/// In a frame: tells the host page the content height now and whenever it changes, as
/// `{ "type": "ords-playground:height", "height": <px> }` and nothing else.
pub fn report_height_to_host() {
    if !in_frame() {
        return;
    }
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let last = std::rc::Rc::new(std::cell::Cell::new(-1));
    let on_resize = Closure::<dyn Fn()>::new(move || post_height(&last));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        OBSERVER.with(|kept| *kept.borrow_mut() = Some(observer)); // for the page's life
    }
    on_resize.forget();
}
