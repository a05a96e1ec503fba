//! The question before credentials go to an origin the person did not type or confirm:
//! a modal dialog naming the origin, with `Send to <origin>` and `Cancel`. Escape cancels.

use crate::consent::Consent;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
fn ConsentDialog() -> impl IntoView {
    let consent = expect_context::<Consent>();
    let dialog = NodeRef::<Dialog>::new();
    let question = Memo::new(move |_| consent.asking.with(|q| q.first().cloned()));
    Effect::new(move || {
        let Some(el) = dialog.get() else { return };
        match (question.get().is_some(), el.open()) {
            (true, false) => {
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });
    view! {
        <dialog class="consent" node_ref=dialog aria-labelledby="consent-title"
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); consent.answer(false) }>
            {move || question.get().map(|q| {
                let send = format!("Send to {}", q.origin);
                view! {
                    <h2 id="consent-title">{format!("Send {} to {}?", q.what, q.origin)}</h2>
                    <p>{q.why}</p>
                    <p>"Nothing has been sent yet. Your answer holds until this page is reloaded; it is never \
                        stored."</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| consent.answer(true)>{send}</button>
                        <button type="button" on:click=move |_| consent.answer(false)>"Cancel"</button>
                    </div>
                }
            })}
        </dialog>
    }
}

crate::later::split_point!(
    answers,
    preload_consent,
    /// The dialog, with the run's code (only a run asks).
    pub(super) fn consent_view() -> AnyView {
        view! { <ConsentDialog /> }.into_any()
    }
);
