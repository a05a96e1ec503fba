//! The page's deferred part, a second wasm module imported after the form is usable, so none of
//! its code is in the first load: `Lessons` (the workshop path; the page stages and checks),
//! `Browse endpoints` (a schema's catalog, read by the page),
//! `Share` (the link and the embed snippet), `Code` (the code and Postman collections, written
//! by the page's helper). The page's
//! `browser::load_deferred` imports it and calls `mount`; the two modules share no memory (see
//! `host`).

#[cfg(target_arch = "wasm32")]
mod browse;
#[cfg(target_arch = "wasm32")]
mod code;
#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod lessons;
#[cfg(target_arch = "wasm32")]
mod share;

#[cfg(target_arch = "wasm32")]
mod part {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Mounts each view into its slot (`#share-part`, `#browse-part`, `#code-part`,
    /// `#lessons-part`), where the page has one.
    /// A slot is emptied first: a retried load may find an earlier mount.
    #[wasm_bindgen]
    pub fn mount() {
        // A bug here says so on the page, as one in the page does (this module is dead after it).
        ords_playground::browser::install_crash_notice();
        // The last run is followed before anything mounts (mounting would start the executor).
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let settings = crate::host::settings();
        let slot = |id: &str| {
            let element = web_sys::window()?.document()?.get_element_by_id(id)?;
            element.set_inner_html("");
            element.dyn_into::<web_sys::HtmlElement>().ok()
        };
        if let Some(element) = slot("share-part") {
            mount_to(element, move || view! { <crate::share::ShareView settings /> }).forget();
        }
        if let Some(element) = slot("browse-part") {
            mount_to(element, crate::browse::BrowseView).forget();
        }
        if let Some(element) = slot("code-part") {
            mount_to(element, move || view! { <crate::code::CodeView /> }).forget();
        }
        if let Some(element) = slot("lessons-part") {
            mount_to(element, crate::lessons::LessonsView).forget();
        }
    }
}

fn main() {}
