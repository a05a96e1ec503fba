//! `Share`: a link carrying every non-secret setting in its fragment, and an iframe snippet for
//! documentation (with the host script that sizes the frame), both built by the core from the
//! form as it is now. Secrets are never in either, and the panel says so.

use super::controls::CopyButton;
use crate::browser;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::{embed_snippet, share_link, Section};

/// `sections` with `section` added, or taken out when it was in; in `Section::ALL`'s order.
pub fn toggled(sections: &[Section], section: Section) -> Vec<Section> {
    let was = sections.contains(&section);
    Section::ALL.into_iter().filter(|s| if *s == section { !was } else { sections.contains(s) }).collect()
}

#[component]
pub fn ShareView() -> impl IntoView {
    let form = expect_context::<Form>();
    // Which sections the embed shows below its two panels.
    let sections = RwSignal::new(Vec::<Section>::new());
    let address = browser::page_address();
    let link = {
        let address = address.clone();
        Memo::new(move |_| share_link(&address, &form.config().full_page()))
    };
    let snippet = Memo::new(move |_| embed_snippet(&address, &form.config().full_page(), &sections.get()));
    let section_box = move |section: Section| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || sections.with(|s| s.contains(&section))
                    on:change=move |_| sections.update(|s| *s = toggled(s, section)) />
                {section.label()}
            </label>
        }
    };
    view! {
        <p class="hint">"Secrets are never in the link or the snippet: whoever opens it types their own."</p>
        <label class="field" for="share-link">"Link to these settings"</label>
        <textarea id="share-link" rows="2" readonly prop:value=move || link.get()></textarea>
        <CopyButton label="Copy link" text=Callback::new(move |()| link.get_untracked()) />
        <fieldset class="sections">
            <legend>"Sections the embed shows below its two panels"</legend>
            {Section::ALL.map(section_box)}
        </fieldset>
        <label class="field" for="share-snippet">"Embed in a page (iframe and the script that sizes it)"</label>
        <textarea id="share-snippet" rows="8" readonly prop:value=move || snippet.get()></textarea>
        <CopyButton label="Copy snippet" text=Callback::new(move |()| snippet.get_untracked()) />
    }
}

crate::later::split_point!(
    share,
    preload_share,
    /// The Share panel's view, fetched on the full page (an embed has no Share).
    pub(super) fn share_view() -> AnyView {
        view! { <ShareView /> }.into_any()
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_a_section_adds_it_in_order_and_unticking_takes_it_out() {
        let s = toggled(&[], Section::Code);
        assert_eq!(s, [Section::Code]);
        let s = toggled(&s, Section::Diagnosis);
        assert_eq!(s, [Section::Diagnosis, Section::Code]);
        assert_eq!(toggled(&s, Section::Code), [Section::Diagnosis]);
    }
}
