//! Moving the keyboard focus where the page sends the person: a section tab's panel, an
//! answer, or (on a narrow screen, after a run) the status line that links to the answers.

use wasm_bindgen::JsCast;

/// Below this width the page is one column (style/main.css uses the same figure).
const WIDE_PX: f64 = 1100.0;

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(id)?.dyn_into().ok()
}

/// Focuses the element once the page has drawn the change that shows it (a tab opening);
/// `to_top` first scrolls its top into view (an answer taller than the screen would otherwise
/// only be scrolled to its nearest edge).
pub fn focus_when_shown(id: &str, to_top: bool) {
    let id = id.to_owned();
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = element(&id) {
            if to_top {
                el.scroll_into_view();
            }
            let _ = el.focus();
        }
    });
}

/// True when the page is one column: the answers are below the form, out of view.
fn is_narrow() -> bool {
    let width = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64());
    width.is_some_and(|w| w < WIDE_PX)
}

/// After a run on a narrow screen: the status line takes the focus from the button that ran
/// it, so its links to each answer are next. Focus the person moved elsewhere stays there.
pub fn focus_status_after_run(id: &str) {
    if !is_narrow() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let on_button = document.active_element().is_none_or(|el| el.closest(".actions").ok().flatten().is_some())
        || document.active_element() == document.body().map(Into::into);
    if on_button {
        focus_when_shown(id, false);
    }
}
