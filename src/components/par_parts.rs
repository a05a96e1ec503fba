//! `Build it from its parts`: a pre-authenticated URL joined as ORDS joins it, from the schema's
//! URL, the module's base path, the handler's pattern and the token DEFINE_FOR_HANDLER returned
//! (a secret: typed masked, kept only in the Pre-authenticated URL it builds).

use super::controls::RevealToggle;
use super::options::Line;
use crate::state::Form;
use leptos::prelude::*;
use ords_core::{par_parts_from, ParUrl};

#[component]
pub fn ParParts() -> impl IntoView {
    let form = expect_context::<Form>();
    let (schema, module, pattern) = par_parts_from(&form.resource_url.get_untracked()).unwrap_or_default();
    let (schema, module, pattern) = (RwSignal::new(schema), RwSignal::new(module), RwSignal::new(pattern));
    let token = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let build = move |_| match ParUrl::build(&schema.get(), &module.get(), &pattern.get(), &token.get()) {
        Ok(par) => {
            form.par_url.set(par.url());
            token.set(String::new());
            problem.set(None);
        }
        Err(why) => problem.set(Some(why.to_string())),
    };
    view! {
        <div class="par-parts">
            <p class="hint">"As ORDS joins them: …/ords/<alias>/_/par/<token>/<module base path><pattern>."</p>
            <Line label="Schema URL" id="par-schema" value=schema />
            <Line label="Module base path" id="par-module" value=module />
            <Line label="Handler pattern" id="par-pattern" value=pattern />
            <label class="field" for="par-token">"Token (from DEFINE_FOR_HANDLER's answer)"</label>
            <div class="secret">
                <input id="par-token" type=move || if revealed.get() { "text" } else { "password" } spellcheck="false"
                    autocomplete="off" prop:value=move || token.get()
                    on:input=move |ev| token.set(event_target_value(&ev)) />
                <RevealToggle revealed show="Show" hide="Hide" controls="par-token" class="reveal" />
            </div>
            <button type="button" class="small" on:click=build>"Build the URL"</button>
            {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
        </div>
    }
}

crate::later::split_point!(
    par_parts,
    preload_par_parts,
    /// The parts of a pre-authenticated URL, fetched when first opened.
    pub(super) fn par_parts_view() -> AnyView {
        view! { <ParParts /> }.into_any()
    }
);
