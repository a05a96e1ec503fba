//! The page's helper, a web worker loaded after the form is usable, so its code is not part of
//! the first load: the in-page simulated ORDS, the diagnosis, code, lessons and catalog reading.
//! It answers one message per job (`ords_core::helper::Job`, done in `jobs`); the page's
//! `browser::helper` sends them.

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // natively, only its tests run it
mod jobs;

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Installs the message handler: one answer per message (`ords_core::helper`'s protocol).
    #[wasm_bindgen(start)]
    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // A job, or a job and its long text apart: `[json, text]`.
            let data = event.data();
            let (message, text) = match data.dyn_ref::<js_sys::Array>() {
                Some(parts) => (parts.get(0).as_string().unwrap_or_default(), parts.get(1).as_string()),
                None => (data.as_string().unwrap_or_default(), None),
            };
            let answer = crate::jobs::answer(&message, text, js_sys::Date::now(), js_sys::Math::random());
            let _ = reply_to.post_message(&JsValue::from_str(&answer));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget(); // for the worker's life
                             // Messages that arrive while the module is still loading find no handler and are lost:
                             // the page waits for this before it sends any.
        let _ = scope.post_message(&JsValue::from_str(ords_core::helper::READY));
    }
}

fn main() {}
