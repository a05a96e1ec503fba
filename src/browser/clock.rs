//! Time: the wall clock, the monotonic clock, and yielding to the browser.

/// Wall-clock milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `performance.now()`: milliseconds that never go back.
pub(crate) fn monotonic_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(now_ms)
}

/// Resolves after `ms` milliseconds (in a later task).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a later task, letting the browser render and handle input in between.
pub async fn next_task() {
    sleep(0).await;
}

/// Local wall-clock time as HH:MM:SS. Built from the Date getters because
/// `toLocaleTimeString` costs tens of milliseconds on its first call (Intl set-up).
pub fn local_time(at_ms: f64) -> String {
    let date = js_sys::Date::new(&at_ms.into());
    format!("{:02}:{:02}:{:02}", date.get_hours(), date.get_minutes(), date.get_seconds())
}
