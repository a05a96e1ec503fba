//! `Share`: a link carrying every non-secret setting in its fragment, and an iframe snippet
//! for documentation (with the few lines of host script that size the frame). Secrets are
//! never in either.

use super::controls::CopyButton;
use crate::browser;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::PlaygroundConfig;

/// The host script that sizes a playground frame to its content.
pub const HOST_SCRIPT: &str = "<script>\naddEventListener(\"message\", (e) => {\n  if (e.data?.type !== \"ords-playground:height\" || typeof e.data.height !== \"number\") return;\n  for (const f of document.querySelectorAll(\"iframe\")) {\n    if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  }\n});\n</script>";

/// The link to these settings on the page at `address`.
pub fn link(address: &str, config: &PlaygroundConfig) -> String {
    let fragment = config.to_fragment();
    if fragment.is_empty() {
        address.to_owned()
    } else {
        format!("{address}#{fragment}")
    }
}

/// An iframe showing these settings in the embed layout, and the host script.
pub fn snippet(address: &str, config: &PlaygroundConfig) -> String {
    let embedded = PlaygroundConfig { embed: true, ..config.clone() };
    // The link is the only attribute that holds settings; it is escaped for HTML.
    let src = link(address, &embedded).replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"ORDS Auth Playground\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border: 0\"></iframe>\n{HOST_SCRIPT}\n"
    )
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let open = RwSignal::new(false);
    let address = browser::page_address();
    let shown_link = {
        let address = address.clone();
        Memo::new(move |_| link(&address, &form.config().full_page()))
    };
    let shown_snippet = Memo::new(move |_| snippet(&address, &form.config().full_page()));
    view! {
        <button type="button" class="small" aria-expanded=move || open.get().to_string() aria-controls="share"
            on:click=move |_| open.update(|o| *o = !*o)>"Share"</button>
        <Show when=move || open.get()>
            <section id="share" class="share panel" aria-label="Share">
                <p class="hint">"Secrets are never in the link or the snippet: whoever opens it types their own."</p>
                <label class="field" for="share-link">"Link to these settings"</label>
                <textarea id="share-link" rows="2" readonly prop:value=move || shown_link.get()></textarea>
                <CopyButton label="Copy link" text=Callback::new(move |()| shown_link.get_untracked()) />
                <label class="field" for="share-snippet">"Embed in a page (iframe and the script that sizes it)"</label>
                <textarea id="share-snippet" rows="6" readonly prop:value=move || shown_snippet.get()></textarea>
                <CopyButton label="Copy snippet" text=Callback::new(move |()| shown_snippet.get_untracked()) />
            </section>
        </Show>
    }
}
