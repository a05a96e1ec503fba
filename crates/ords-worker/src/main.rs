//! The page's helper, a web worker loaded after the form is usable, so its code is not part of
//! the first load: the in-page simulated ORDS and the generated code. It answers one JSON
//! message per job (see `jobs`); the page's `browser::helper` sends them.

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // natively, only its tests run it
mod jobs;

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Installs the message handler: each message is `{"id": n, "job": …}`, each answer
    /// `{"id": n, "ok": …}` or `{"id": n, "error": "…"}`.
    #[wasm_bindgen(start)]
    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let answer = crate::jobs::answer(&text, js_sys::Date::now(), js_sys::Math::random());
            let _ = reply_to.post_message(&JsValue::from_str(&answer));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget(); // for the worker's life
                             // Messages that arrive while the module is still loading find no handler and are lost:
                             // the page waits for this before it sends any.
        let _ = scope.post_message(&JsValue::from_str(r#"{"ready":true}"#));
    }
}

fn main() {}
