//! The page's own address: its origin, and the settings a link put in it.

/// This page's origin, e.g. `http://127.0.0.1:8080`.
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The settings a link carries: the URL fragment (never sent to the server that hosts the
/// page), or for older links the query string.
pub fn page_settings_text() -> String {
    let location = web_sys::window().map(|w| w.location());
    let read = |hash: bool| {
        location.as_ref().and_then(|l| if hash { l.hash().ok() } else { l.search().ok() }).unwrap_or_default()
    };
    let fragment = read(true);
    let text = if fragment.len() > 1 { fragment } else { read(false) };
    text.trim_start_matches(['#', '?']).to_owned()
}

/// True when the page itself is served from this machine (then a local ords-sim may be running).
pub fn page_is_local() -> bool {
    let origin = page_origin();
    ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"].iter().any(|p| origin.starts_with(p))
}

/// A link with new settings opened in this tab only changes the fragment, which does not load
/// the page again: reload it, so the link's settings are read (and shown in the banner) as if
/// the page had been opened from it.
pub fn reload_when_the_fragment_changes() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", reload.as_ref().unchecked_ref());
    reload.forget(); // for the page's life
}

thread_local! {
    // The link is fixed for the page's life (a new fragment reloads the page).
    static LINKED_PAR: std::cell::OnceCell<Option<ords_core::SharedPar>> = const { std::cell::OnceCell::new() };
}

/// The pre-authenticated URL the page's link included on purpose (Share's own tick), if any.
pub fn linked_par() -> Option<ords_core::SharedPar> {
    LINKED_PAR.with(|p| p.get_or_init(|| ords_core::PlaygroundConfig::from_fragment(&page_settings_text()).par).clone())
}
