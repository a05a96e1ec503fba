//! If a bug panics anyway, the page says so instead of going silently dead. The notice is
//! plain DOM written from the panic hook (the Rust side is gone after it), with no script.

/// What the notice says.
pub const CRASH_NOTICE: &str =
    "The page hit a bug and must be reloaded (press the browser's reload button); your settings are kept.";

/// Installs the panic hook: console_error_panic_hook writes the message and the stack to the
/// console, then the notice goes on the page.
pub fn install_crash_notice() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
}

/// Puts the notice at the top of the page (once).
pub fn show_crash_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("crash-notice").is_some() {
        return;
    }
    let (Ok(notice), Some(body)) = (document.create_element("div"), document.body()) else { return };
    notice.set_id("crash-notice");
    notice.set_class_name("crash");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(CRASH_NOTICE));
    let _ = body.prepend_with_node_1(&notice);
}
