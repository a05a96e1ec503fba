//! The page's deferred part: a second wasm module (`crates/ords-later`) with views the first
//! screen does not need (Lessons, Browse endpoints, Share, and the section Code), imported after
//! the form is usable so its code is not part of the first load. It mounts into the page's
//! `[data-part]` slots, reads `main[data-settings]` (the share-link fragment: never a secret),
//! the lesson progress (`data-lesson…`) and a count of changes (`data-code`), and asks the page
//! by events (`crate::part_host`). The two modules share no memory.
//!
//! Each slot shows "Loading…" until the part is in, and a sentence with a retry when it could
//! not load; which one shows is the slot's `data-state`, set here, styled by CSS.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// A dynamic import is the only way to load a module after the page's own (CSP: 'self'). A
// retry imports a new URL: the browser remembers a module that failed. Relative to the page,
// not to this snippet, so the page works under any path prefix.
#[wasm_bindgen(inline_js = "let attempt = 0, loading = false;
export function load_deferred() {
  const slots = document.querySelectorAll('[data-part]');
  if (loading || !slots.length || slots[0].dataset.state === 'ready') return;
  loading = true;
  // Every slot at the time: a section's slot may be drawn while the part loads.
  const mark = (state) => document.querySelectorAll('[data-part]').forEach((s) => { s.dataset.state = state; });
  mark('loading');
  const url = new URL('ords-later.js' + (attempt++ ? '?attempt=' + attempt : ''), document.baseURI);
  const stalled = setTimeout(() => { loading = false; mark('failed'); }, 30000);
  // Mounted when the page is idle, so it never lands in the middle of a person's first run.
  const idle = () => new Promise((go) => (self.requestIdleCallback ?? setTimeout)(go, { timeout: 2000 }));
  idle().then(() => import(url.href)).then(async (m) => { await m.default(); await idle(); m.mount(); mark('ready'); })
    .catch(() => mark('failed'))
    .finally(() => { clearTimeout(stalled); loading = false; });
}")]
extern "C" {
    /// Loads the deferred part into its slots, unless it is loading or in.
    pub fn load_deferred();
}

/// The deferred part's way back for one request: `[resolve, reject]`, the detail of its event.
pub struct PartReply(js_sys::Array);

impl PartReply {
    pub fn of(event: &web_sys::Event) -> Option<Self> {
        let detail = js_sys::Reflect::get(event, &"detail".into()).ok()?;
        detail.dyn_into::<js_sys::Array>().ok().map(Self)
    }

    /// Answers with the texts, as an array.
    pub fn resolve(&self, texts: impl IntoIterator<Item = String>) {
        let all: js_sys::Array = texts.into_iter().map(|t| JsValue::from_str(&t)).collect();
        self.call(0, &all);
    }

    /// The text after `[resolve, reject]` at `at` (0: the first), empty if none.
    pub fn arg(&self, at: u32) -> String {
        self.0.get(at + 2).as_string().unwrap_or_default()
    }

    /// Refuses with a sentence.
    pub fn reject(&self, why: &str) {
        self.call(1, &JsValue::from_str(why));
    }

    fn call(&self, at: u32, value: &JsValue) {
        if let Ok(f) = self.0.get(at).dyn_into::<js_sys::Function>() {
            let _ = f.call1(&JsValue::NULL, value);
        }
    }
}
