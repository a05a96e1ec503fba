//! `Scenario`: which workshop failure the in-page simulated ORDS stages (the list is the
//! simulator's own, as `ords-sim --list-scenarios` prints it).

use crate::state::Form;
use crate::workshop::Workshop;
use leptos::prelude::*;

#[component]
pub fn ScenarioField() -> impl IntoView {
    let form = expect_context::<Form>();
    let workshop = expect_context::<Workshop>();
    let options = move || {
        workshop.scenarios.with(|all| {
            all.iter()
                .map(|s| {
                    let name = s.name.clone();
                    view! { <option value=name.clone() selected=move || form.scenario.with(|c| *c ==
                    name)>{s.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let explained = move || {
        let chosen = form.scenario.get();
        if chosen.is_empty() {
            return "Healthy: the demo ORDS as configured; everything works.".to_owned();
        }
        workshop
            .scenarios
            .with(|all| all.iter().find(|s| s.name == chosen).map(|s| s.failure.clone()))
            .unwrap_or_default()
    };
    view! {
        <label for="scenario">"Scenario"</label>
        <select id="scenario" on:change=move |ev| form.scenario.set(event_target_value(&ev))>
            <option value="" selected=move || form.scenario.with(String::is_empty)>"Healthy"</option>
            {options}
        </select>
        <p class="hint">{explained}</p>
    }
}
