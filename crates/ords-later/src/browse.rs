//! `Browse endpoints`, beside `Resource URL`: the schema's endpoints from its own catalog;
//! choosing one (and filling its path parameters) sets `Resource URL` and `Method`. The page
//! reads the catalog with this flow's credentials (Call API's own run, past the question about
//! credentials) and sets the endpoint chosen; this view lists and explains.

use crate::host::{self, Found};
use leptos::prelude::*;
use ords_core::catalog::{catalog_refusal, fill_path, ords_base, Endpoint};
use ords_playground::FindingList;

#[component]
pub fn BrowseView() -> impl IntoView {
    let settings = host::settings();
    let found = RwSignal::new(Found::default());
    let picked = RwSignal::new(usize::MAX);
    let values = RwSignal::new(Vec::<String>::new());
    let said = RwSignal::new(String::new());
    let start = move |_| {
        let (resource, token) = settings.with_untracked(|c| (c.resource_url.clone(), c.token_url.clone()));
        let Some(base) = ords_base(&resource).or_else(|| ords_base(&token)) else {
            return said.set("Type a Resource URL or Token URL on the ORDS schema first (…/ords/<alias>/…).".into());
        };
        said.set(format!("Reading {base}metadata-catalog/…"));
        leptos::task::spawn_local(async move {
            match host::browse(&base).await {
                Ok(result) => {
                    said.set(format!("{} endpoints found.", result.endpoints.len()));
                    picked.set(usize::MAX);
                    found.set(result);
                }
                Err(why) => said.set(why),
            }
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        let i = event_target_value(&ev).parse().unwrap_or(usize::MAX);
        picked.set(i);
        let n = found.with_untracked(|f| f.endpoints.get(i).map_or(0, |e| e.params.len()));
        values.set(vec![String::new(); n]);
    };
    let apply = move |_| {
        let Some(e) = found.with_untracked(|f| f.endpoints.get(picked.get_untracked()).cloned()) else { return };
        let vals: Vec<(String, String)> = e.params.iter().cloned().zip(values.get_untracked()).collect();
        let url = fill_path(&e.url, &vals);
        leptos::task::spawn_local(async move {
            said.set(host::use_endpoint(&url, &e.method).await.unwrap_or_else(|why| why));
        });
    };
    let options = move || {
        found.with(|f| {
            f.endpoints
                .iter()
                .enumerate()
                .map(|(i, e)| view! { <option value=i.to_string()>{label(e)}</option> })
                .collect_view()
        })
    };
    let params = move || {
        let names = found.with(|f| f.endpoints.get(picked.get()).map(|e| e.params.clone()).unwrap_or_default());
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
    let refusal = move || found.with(|f| f.refused.as_ref().and_then(|(status, url)| catalog_refusal(*status, url)));
    view! {
        <p class="hint">"The schema's own catalog (metadata-catalog and each module's OpenAPI document), read with \
            this flow's credentials."</p>
        <button type="button" class="small" on:click=start>"Read the catalog"</button>
        <p class="hint" role="status">{move || said.get()}</p>
        {move || found.with(|f| f.problem.clone()).map(|p| view! { <p class="problem">{p}</p> })}
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
