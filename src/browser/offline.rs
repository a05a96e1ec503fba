//! Offline once loaded: the release build's service worker (`sw.js`, written by the build with
//! its file list) keeps the page's files; when a newer build is waiting, the page is told so it
//! can offer `Reload to update`. API responses are never kept (the worker answers only for the
//! page's own files).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// `navigator.serviceWorker`, absent outside secure contexts (plain http to a remote host).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// Registers the service worker (release builds only: a development page must show every
/// rebuild) and calls `on_update` once a newer build is installed and waiting.
pub fn keep_offline_copy(on_update: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(container.register("./sw.js")).await else { return };
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else { return };
        // Only a page already run by an older build has something to update.
        let waiting_update = {
            let (registration, container, on_update) = (registration.clone(), container.clone(), on_update.clone());
            move || {
                if registration.waiting().is_some() && container.controller().is_some() {
                    on_update();
                }
            }
        };
        waiting_update();
        let on_found = {
            let registration = registration.clone();
            let check = Rc::new(waiting_update);
            Closure::<dyn Fn()>::new(move || {
                let Some(installing) = registration.installing() else { return };
                let (check, worker) = (check.clone(), installing.clone());
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if worker.state() == ServiceWorkerState::Installed {
                        check();
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            })
        };
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// `Reload to update`: lets the waiting build take over, then reloads into it.
pub fn apply_update() {
    let reload = || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let (Some(waiting), Some(container)) = (waiting, container()) else { return reload() };
    let on_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    if waiting.post_message(&JsValue::from_str("ords-playground:update")).is_err() {
        reload();
    }
}
