//! `Share`: a link carrying every non-secret setting in its fragment, and an iframe snippet for
//! documentation (with the host script that sizes the frame), both built by the core from the
//! form as it is now. Secrets are never in either; a pre-authenticated URL only when the person
//! ticks `Include the pre-authenticated URL`, and then the text areas show its token masked.

use super::controls::{CopyButton, RevealToggle};
use crate::browser;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::{embed_snippet, expiry_after, share_link, ParUrl, Section, SharedPar, MASK};

/// `sections` with `section` added, or taken out when it was in; in `Section::ALL`'s order.
pub fn toggled(sections: &[Section], section: Section) -> Vec<Section> {
    let was = sections.contains(&section);
    Section::ALL.into_iter().filter(|s| if *s == section { !was } else { sections.contains(s) }).collect()
}

/// `text` with the PAR's token masked, unless it is to be shown.
fn shown(text: String, par: Option<&SharedPar>, revealed: bool) -> String {
    match par {
        Some(par) if !revealed => text.replace(par.url.token.secret(), MASK),
        _ => text,
    }
}

fn now_s() -> u64 {
    (browser::now_ms() / 1000.0) as u64
}

#[component]
pub fn ShareView() -> impl IntoView {
    let form = expect_context::<Form>();
    // Which sections the embed shows below its two panels.
    let sections = RwSignal::new(Vec::<Section>::new());
    let include_par = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    // The seconds the URL has left, as typed, and the expiry they make (read when typed).
    let seconds = RwSignal::new(String::new());
    let expiry = RwSignal::new(Ok::<Option<u64>, ords_core::ParExpiryError>(None));
    let offered = Memo::new(move |_| {
        (form.flow.get() == ords_core::Flow::Par).then(|| ParUrl::parse(&form.par_url.get()).ok()).flatten()
    });
    let par = Memo::new(move |_| {
        let url = offered.get().filter(|_| include_par.get())?;
        Some(SharedPar { url, expires_at_s: expiry.get().ok().flatten() })
    });
    let address = browser::page_address();
    let link = {
        let address = address.clone();
        Memo::new(move |_| share_link(&address, &form.config().full_page(), par.get().as_ref()))
    };
    let snippet =
        Memo::new(move |_| embed_snippet(&address, &form.config().full_page(), &sections.get(), par.get().as_ref()));
    let section_box = move |section: Section| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || sections.with(|s| s.contains(&section))
                    on:change=move |_| sections.update(|s| *s = toggled(s, section)) />
                {section.label()}
            </label>
        }
    };
    let par_choice = move || {
        offered.get().map(|url| {
            let method = form.method.get();
            view! {
                <fieldset class="share-par">
                    <legend>"Pre-authenticated URL"</legend>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || include_par.get()
                            on:change=move |ev| include_par.set(event_target_checked(&ev)) />
                        "Include the pre-authenticated URL"
                    </label>
                    <p class="hint" class:warning=move || include_par.get()>{format!(
                        "Anyone with the link, or with a page that embeds it, can then call {} {} with no \
                         credentials until the URL expires or is revoked (ORDS_PAR.REVOKE_PAR).",
                        method.as_str(), url.path)}</p>
                    <div hidden=move || !include_par.get()>
                        <label class="field" for="share-par-seconds">"Seconds it has left"</label>
                        <input id="share-par-seconds" type="text" inputmode="numeric" autocomplete="off"
                            placeholder="p_duration, or what PAR_EXPIRATION_BY_ALIAS gives"
                            prop:value=move || seconds.get()
                            on:input=move |ev| {
                                let typed = event_target_value(&ev);
                                expiry.set(expiry_after(now_s(), &typed));
                                seconds.set(typed);
                            } />
                        <p class="hint" role="status">{move || match expiry.get() {
                            Ok(Some(at)) => format!("The embed counts down to {} and says plainly once it has \
                                expired.", ords_core::utc_text(at)),
                            Ok(None) => "Without it the embed cannot say how long the URL has left.".to_owned(),
                            Err(problem) => problem.to_string(),
                        }}</p>
                        <RevealToggle revealed show="Show the URL's token" hide="Hide the URL's token" />
                    </div>
                </fieldset>
            }
        })
    };
    view! {
        <p class="hint">{move || if par.with(Option::is_some) {
            "The link and the snippet hold the pre-authenticated URL: share them only as far as you would the URL."
        } else {
            "Secrets are never in the link or the snippet: whoever opens it types their own."
        }}</p>
        {par_choice}
        <label class="field" for="share-link">"Link to these settings"</label>
        <textarea id="share-link" rows="2" readonly
            prop:value=move || shown(link.get(), par.get().as_ref(), revealed.get())></textarea>
        <CopyButton label="Copy link" text=Callback::new(move |()| link.get_untracked()) />
        <fieldset class="sections">
            <legend>"Sections the embed shows below its two panels"</legend>
            {Section::ALL.map(section_box)}
        </fieldset>
        <label class="field" for="share-snippet">"Embed in a page (iframe and the script that sizes it)"</label>
        <textarea id="share-snippet" rows="8" readonly
            prop:value=move || shown(snippet.get(), par.get().as_ref(), revealed.get())></textarea>
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

    #[test]
    fn the_text_areas_mask_the_included_token_until_shown() {
        let url = ParUrl::parse("https://h/ords/a/_/par/SeCrEt-tok/x/").unwrap();
        let par = SharedPar { url, expires_at_s: None };
        let text = "https://p/#par=https%3A%2F%2Fh%2Fords%2Fa%2F_%2Fpar%2FSeCrEt-tok%2Fx%2F".to_owned();
        assert!(!shown(text.clone(), Some(&par), false).contains("SeCrEt-tok"));
        assert!(shown(text.clone(), Some(&par), true).contains("SeCrEt-tok"));
        assert_eq!(shown(text.clone(), None, false), text);
    }
}
