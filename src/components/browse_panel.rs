//! `Browse endpoints`, beside `Resource URL`: the schema's endpoints from its own catalog;
//! choosing one (and filling its path parameters) sets `Resource URL` and `Method`. Drawn with
//! a select and plain text fields: few closures, so little code in the first load.

use super::diagnosis_panel::FindingList;
use crate::actions::Page;
use crate::browse::{self, Browsed};
use crate::state::Source;
use leptos::prelude::*;
use ords_core::catalog::{fill_path, ords_base};
use ords_core::FormSection;
use ords_core::Method;

#[component]
pub fn BrowseEndpoints() -> impl IntoView {
    let page = expect_context::<Page>();
    let form = page.form;
    let found = RwSignal::new(Browsed::default());
    let picked = RwSignal::new(usize::MAX);
    let values = RwSignal::new(Vec::<String>::new());
    let said = RwSignal::new(String::new());
    let start = move |_| {
        let Some(base) =
            ords_base(&form.resource_url.get_untracked()).or_else(|| ords_base(&form.token_url.get_untracked()))
        else {
            return said.set("Type a Resource URL or Token URL on the ORDS schema first (…/ords/<alias>/…).".into());
        };
        said.set(format!("Reading {base}metadata-catalog/…"));
        leptos::task::spawn_local(async move {
            let result = browse::browse(page, base).await;
            said.set(format!("{} endpoints found.", result.endpoints.len()));
            picked.set(usize::MAX);
            found.set(result);
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
        // The URL came from a response: on another origin, credentials go there only after the
        // question (as with a collection's links), which names the catalog as its source.
        if ords_core::origin_of(&url) != form.resource_url.with_untracked(|u| ords_core::origin_of(u)) {
            form.resource_url_source.set(Source::Catalog);
        }
        form.resource_url.set(url.clone());
        if let Some(m) = Method::parse(&e.method) {
            form.method.set(m);
        }
        said.set(format!("Resource URL set to {url} ({}).", e.method));
    };
    let options = move || {
        found.with(|f| {
            f.endpoints
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let auth = match e.auth {
                        Some(true) => " (needs authentication)",
                        Some(false) => " (open)",
                        None => "",
                    };
                    view! { <option value=i.to_string()>{format!("{} {}{auth}", e.method, e.url)}</option> }
                })
                .collect_view()
        })
    };
    let params = move || {
        let names = found.with(|f| f.endpoints.get(picked.get()).map(|e| e.params.clone()).unwrap_or_default());
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                view! {
                    <label class="field">{name}
                        <input type="text" on:input=move |ev| values.update(|v| if let Some(s) = v.get_mut(i) { *s =
                            event_target_value(&ev); }) />
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <details class="options browse">
            <summary>{FormSection::BrowseEndpoints.label()}</summary>
            <p class="hint">"The schema's own catalog (metadata-catalog and each module's OpenAPI document), read with \
                this flow's credentials."</p>
            <button type="button" class="small" on:click=start>"Read the catalog"</button>
            <p class="hint" role="status">{move || said.get()}</p>
            {move || found.with(|f| f.problem.clone()).map(|p| view! { <p class="problem">{p}</p> })}
            {move || found.with(|f| (!f.findings.is_empty()).then(|| view! { <FindingList findings=f.findings.clone()
                /> }))}
            <label class="field" for="endpoint">"Endpoint"</label>
            <select id="endpoint" on:change=choose>
                <option value="">"Choose an endpoint"</option>
                {options}
            </select>
            {params}
            <button type="button" class="small" on:click=apply>"Use this endpoint"</button>
        </details>
    }
}
