//! The page around an embed, by `postMessage`: messages in from the one origin allowed to talk
//! to the embed (and from its parent window only), messages out to that origin only (the
//! browser drops them if the parent is anyone else). Everything else is counted and dropped.

use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

thread_local! {
    static ALLOWED: RefCell<Option<String>> = const { RefCell::new(None) };
    static IGNORED: Cell<u32> = const { Cell::new(0) };
    // Origins of messages that came before the API's code: the first load only notes them.
    static EARLY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// From the first load on: notes the origin of each message from another window until the
/// API's listener takes over (a framing page may send at once, before its code arrived).
pub fn note_early_messages() {
    let Some(window) = web_sys::window() else { return };
    let note = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        EARLY.with(|e| {
            let mut e = e.borrow_mut();
            if e.len() < 100 {
                e.push(event.origin());
            }
        });
    });
    let _ = window.add_event_listener_with_callback("message", note.as_ref().unchecked_ref());
    note.forget();
}

/// The origins noted before the API's listener, taken once (each counted as ignored).
pub fn early_message_origins() -> Vec<String> {
    let early = EARLY.with(|e| std::mem::take(&mut *e.borrow_mut()));
    IGNORED.with(|n| n.set(n.get().saturating_add(early.len() as u32)));
    early
}

/// The origin allowed to talk to the embed, if any.
pub fn host_origin() -> Option<String> {
    ALLOWED.with(|a| a.borrow().clone())
}

/// Messages ignored so far (another sender, malformed, sent before `ready`).
pub fn ignored_messages() -> u32 {
    IGNORED.with(Cell::get)
}

/// Counts one more ignored message.
pub fn ignore_message() {
    IGNORED.with(|n| n.set(n.get().saturating_add(1)));
}

/// The origin of the page that framed this one, as the browser told it (`document.referrer`);
/// none when the host sends no referrer.
pub fn referrer_origin() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    ords_core::origin_of(&referrer)
}

/// Posts `json` (an object's JSON text) to the allowed origin's window, if one is allowed.
pub fn post_to_host(json: &str) {
    let Some(origin) = host_origin() else { return };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    if let Ok(value) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&value, &origin);
    }
}

/// From now on `origin` may talk to the embed: its messages reach `on_message` (as the JSON text
/// of their data), and `ready` goes to it.
pub fn allow_host(origin: &str, ready: &str) {
    ALLOWED.with(|a| *a.borrow_mut() = Some(origin.to_owned()));
    post_to_host(ready);
}

/// Listens to messages from the parent window. `on_message(origin, json)` is called for each;
/// a message from another window is counted and dropped here.
pub fn listen_to_parent(on_message: impl Fn(String, String) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let parent: Option<JsValue> = window.parent().ok().flatten().map(Into::into);
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let from_parent = match (event.source(), &parent) {
            (Some(source), Some(parent)) => JsValue::from(source) == *parent,
            _ => false,
        };
        if !from_parent {
            return ignore_message();
        }
        let data = event.data();
        // A string is read as it is; anything else as JSON (a cycle or a BigInt fails: ignored).
        let text: Option<js_sys::JsString> = match data.dyn_into::<js_sys::JsString>() {
            Ok(text) => Some(text),
            Err(data) => js_sys::JSON::stringify(&data).ok(),
        };
        // A text too long to be a message is not even copied out of JavaScript.
        match text.filter(|t| t.length() as usize <= ords_core::host_api::MAX_MESSAGE) {
            Some(text) => on_message(event.origin(), String::from(text)),
            None => ignore_message(),
        }
    });
    let _ = window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget(); // for the page's life
}
