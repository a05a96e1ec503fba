//! `Share`: a link carrying every non-secret setting in its fragment, and an iframe snippet
//! for documentation (with the host script that sizes the frame), both built by the core from
//! the page's settings as they are now. Secrets are never in either, and the panel says so.

use leptos::prelude::*;
use ords_core::{embed_snippet, share_link, PlaygroundConfig, Section};
use ords_playground::browser;
use ords_playground::CopyButton;

#[component]
pub fn ShareView(settings: Signal<PlaygroundConfig>) -> impl IntoView {
    // Which sections the embed shows below its two panels.
    let sections = RwSignal::new(Vec::<Section>::new());
    let address = browser::page_address();
    let shown_link = {
        let address = address.clone();
        Memo::new(move |_| share_link(&address, &settings.get().full_page()))
    };
    let shown_snippet = Memo::new(move |_| embed_snippet(&address, &settings.get().full_page(), &sections.get()));
    let section_box = move |section: Section| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || sections.with(|s| s.contains(&section))
                    on:change=move |_| sections.update(|s| {
                        let was = s.contains(&section);
                        let keep = |x: &Section| if *x == section { !was } else { s.contains(x) };
                        *s = Section::ALL.into_iter().filter(keep).collect();
                    }) />
                {section.label()}
            </label>
        }
    };
    view! {
        <p class="hint">"Secrets are never in the link or the snippet: whoever opens it types their own."</p>
        <label class="field" for="share-link">"Link to these settings"</label>
        <textarea id="share-link" rows="2" readonly prop:value=move || shown_link.get()></textarea>
        <CopyButton label="Copy link" text=Callback::new(move |()| shown_link.get_untracked()) />
        <fieldset class="sections">
            <legend>"Sections the embed shows below its two panels"</legend>
            {Section::ALL.map(section_box)}
        </fieldset>
        <label class="field" for="share-snippet">"Embed in a page (iframe and the script that sizes it)"</label>
        <textarea id="share-snippet" rows="8" readonly prop:value=move || shown_snippet.get()></textarea>
        <CopyButton label="Copy snippet" text=Callback::new(move |()| shown_snippet.get_untracked()) />
    }
}
