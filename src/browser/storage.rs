//! The browser's two key/value stores. Storage may be missing (a sandboxed iframe, a privacy
//! mode): reads then find nothing and writes do nothing.

/// Which store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// `localStorage`: kept across visits (non-secret settings only).
    Local,
    /// `sessionStorage`: this tab only (secrets, when the person opts in).
    Session,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match store {
        Store::Local => window.local_storage().ok().flatten(),
        Store::Session => window.session_storage().ok().flatten(),
    }
}

/// The stored text, if any.
pub fn store_get(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Stores text; quietly does nothing where storage is unavailable or full.
pub fn store_set(store: Store, key: &str, value: &str) {
    if let Some(s) = storage(store) {
        let _ = s.set_item(key, value);
    }
}

pub fn store_remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}
