//! Small controls used across the page: a copy button with its status, and a show/hide toggle.

use crate::browser;
use leptos::prelude::*;

/// A button that copies `text()` to the clipboard and says whether it worked.
#[component]
pub fn CopyButton(
    label: &'static str,
    #[prop(into)] text: Callback<(), String>,
    /// Said after a successful copy (default `Copied`).
    #[prop(optional)]
    copied: Option<&'static str>,
) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = text.run(());
        leptos::task::spawn_local(async move { status.set(Some(browser::copy_text(&text).await)) });
    };
    view! {
        <button type="button" class="small" on:click=copy>{label}</button>
        <span class="copied" role="status">
            {move || match status.get() {
                Some(true) => copied.unwrap_or("Copied"),
                Some(false) => "Copy failed: the browser refused",
                None => "",
            }}
        </span>
    }
}

/// A button that shows or hides something secret; pressed while shown.
#[component]
pub fn RevealToggle(
    revealed: RwSignal<bool>,
    show: &'static str,
    hide: &'static str,
    #[prop(optional, into)] controls: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    view! {
        <button type="button" class=class.unwrap_or("small") aria-controls=controls
            aria-pressed=move || revealed.get().to_string()
            on:click=move |_| revealed.update(|r| *r = !*r)>
            {move || if revealed.get() { hide } else { show }}
        </button>
    }
}
