//! The question an embed asks when the page that framed it wants to talk to it and its link
//! named no page: who asks, what it could do, and what it never gets.

use crate::host_api::HostApi;
use leptos::prelude::*;

#[component]
fn HostPrompt() -> impl IntoView {
    let host = expect_context::<HostApi>();
    let origin = move || host.asking.get().unwrap_or_default();
    view! {
        <section class="host-prompt" aria-labelledby="host-prompt-title">
            <h2 id="host-prompt-title">"The page around this embed asks to control it"</h2>
            <p>
                <code>{origin}</code>
                " could change these settings (as a link can: you are asked before credentials go to a server \
                you did not type) and press Get token or Call API. It would hear each run's statuses and main \
                finding, never a secret, a token or a body."
            </p>
            <button type="button" class="small" on:click=move |_| host.allow()>"Allow"</button>
            " "
            <button type="button" class="small" on:click=move |_| host.decline()>"Ignore"</button>
        </section>
    }
}

crate::later::split_point!(
    host_api,
    preload_host_prompt,
    /// The question, fetched only when a page around the embed asks.
    pub(super) fn host_prompt_view() -> AnyView {
        view! { <HostPrompt /> }.into_any()
    }
);
