//! `Import a Postman collection`, in Code: a collection or environment, pasted or from a file,
//! read by the helper and applied to the form. The collection's URLs count as imported, so
//! credentials go there only after the question.

use crate::browser;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::helper::{Job, Reply};

/// Reads `text` and applies it to `form`; the sentence to show.
pub async fn import(form: Form, text: String) -> Result<&'static str, String> {
    let found = browser::ask_helper(Job::PostmanImport { text }).await.and_then(Reply::imported)?;
    Ok(if form.apply_import(*found) { "Imported into the form above." } else { "Imported the environment's secrets." })
}

/// Where an import comes from.
#[derive(Clone)]
enum From {
    Pasted(String),
    File(leptos::ev::Event),
}

#[component]
pub fn PostmanImport() -> impl IntoView {
    let form = expect_context::<Form>();
    let pasted = RwSignal::new(String::new());
    // One action for both ways in: the newest press speaks.
    let import_from = Action::new_local(move |from: &From| {
        let from = from.clone();
        async move {
            let text = match from {
                From::Pasted(text) => text,
                From::File(ev) => browser::read_chosen_file(&ev).await?,
            };
            import(form, text).await
        }
    });
    let message = import_from.value();
    view! {
        <div class="import">
            <h3>"Import a Postman collection"</h3>
            <label class="field">"Collection JSON"
                <textarea rows="4" prop:value=move || pasted.get() on:input=move |ev|
                    pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="block-head">
                <button type="button" class="small"
                    on:click=move |_| { import_from.dispatch(From::Pasted(pasted.get_untracked())); }>
                    "Import"</button>
                <label class="small">"or from a file " <input type="file" accept=".json,application/json"
                    on:change=move |ev| { import_from.dispatch(From::File(ev)); } /></label>
            </div>
            {move || message.get().map(|said| match said {
                Ok(text) => view! { <p class="hint" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="problem" role="status">{text}</p> }.into_any(),
            })}
        </div>
    }
}
