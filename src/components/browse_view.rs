//! `Browse endpoints`, beside `Resource URL`: the schema's endpoints from its own catalog
//! (`crate::browse`, read with this flow's credentials, past the question about credentials);
//! choosing one and filling its path parameters sets `Resource URL` and `Method`.

use super::diagnosis_panel::FindingList;
use crate::actions::Page;
use crate::browse::{browse, use_endpoint, Browsed};
use leptos::prelude::*;
use ords_core::catalog::{catalog_refusal, fill_path, ords_base, Endpoint};

#[component]
pub fn BrowseView() -> impl IntoView {
    let page = expect_context::<Page>();
    let form = page.form;
    let picked = RwSignal::new(None::<usize>);
    let values = RwSignal::new(Vec::<String>::new());
    let said = RwSignal::new(String::new());
    // The base read last: the catalog's URL in a refusal.
    let base = RwSignal::new(String::new());
    let read = Action::new_local(move |at: &String| {
        let at = at.clone();
        async move { browse(page, at).await }
    });
    let found = move || read.value().get().unwrap_or_default();
    Effect::new(move || {
        if let Some(result) = read.value().get() {
            said.set(format!("{} endpoints found.", result.endpoints.len()));
            picked.set(None);
        }
    });
    let start = move |_| {
        let (resource, token) = (form.resource_url.get_untracked(), form.token_url.get_untracked());
        let Some(at) = ords_base(&resource).or_else(|| ords_base(&token)) else {
            return said.set("Type a Resource URL or Token URL on the ORDS schema first (…/ords/<alias>/…).".into());
        };
        said.set(format!("Reading {at}metadata-catalog/…"));
        base.set(at.clone());
        read.dispatch(at);
    };
    let choose = move |ev: leptos::ev::Event| {
        let i = event_target_value(&ev).parse().ok();
        picked.set(i);
        let n = read.value().with_untracked(|f| {
            f.as_ref().and_then(|f| i.and_then(|i| f.endpoints.get(i))).map_or(0, |e| e.params.len())
        });
        values.set(vec![String::new(); n]);
    };
    let apply = move |_| {
        let chosen = picked.get_untracked().and_then(|i| found().endpoints.get(i).cloned());
        let Some(e) = chosen else { return said.set("Choose an endpoint first.".into()) };
        let filled: Vec<(String, String)> = e.params.iter().cloned().zip(values.get_untracked()).collect();
        said.set(use_endpoint(form, &fill_path(&e.url, &filled), &e.method));
    };
    let options = move || {
        found()
            .endpoints
            .iter()
            .enumerate()
            .map(|(i, e)| view! { <option value=i.to_string()>{label(e)}</option> })
            .collect_view()
    };
    let params = move || {
        let names = picked.get().and_then(|i| found().endpoints.get(i).map(|e| e.params.clone())).unwrap_or_default();
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let typed =
                    move |ev| values.update(|v| v.get_mut(i).into_iter().for_each(|s| *s = event_target_value(&ev)));
                view! { <label class="field">{name}<input type="text" on:input=typed /></label> }
            })
            .collect_view()
    };
    // Why the catalog refused, said from the status it answered.
    let refusal = move || {
        let Browsed { refused, .. } = found();
        refused.and_then(|status| catalog_refusal(status, &format!("{}metadata-catalog/", base.get())))
    };
    view! {
        <p class="hint">"The schema's own catalog (metadata-catalog and each module's OpenAPI document), read with \
            this flow's credentials."</p>
        <button type="button" class="small" disabled=move || read.pending().get() on:click=start>"Read the \
            catalog"</button>
        <p class="hint" role="status">{move || said.get()}</p>
        {move || found().problem.map(|p| view! { <p class="problem">{p}</p> })}
        {move || refusal().map(|f| view! { <FindingList findings=vec![f] /> })}
        <label class="field" for="endpoint">"Endpoint"</label>
        <select id="endpoint" on:change=choose>
            <option value="">"Choose an endpoint"</option>
            {options}
        </select>
        {params}
        <button type="button" class="small" on:click=apply>"Use this endpoint"</button>
    }
}

fn label(e: &Endpoint) -> String {
    let auth = match e.needs_auth {
        Some(true) => " (needs authentication)",
        Some(false) => " (open)",
        None => "",
    };
    format!("{} {}{auth}", e.method, e.url)
}

crate::later::split_point!(
    settings,
    preload_browse,
    /// Browse endpoints' view (its code comes with the finer settings').
    pub(super) fn browse_view() -> AnyView {
        view! { <BrowseView /> }.into_any()
    }
);
