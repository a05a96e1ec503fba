use super::exchange_view::ExchangeView;
use super::SimulatedBadge;
use crate::state::Results;
use leptos::prelude::*;

/// The `Protected resource` panel: the last call to the Resource URL.
#[component]
pub fn ResourcePanel() -> impl IntoView {
    let results = expect_context::<Results>();
    view! {
        <section class="panel" aria-label="Protected resource">
            <h2>"Protected resource"</h2>
            {move || results.resource_note.get().map(|note| view! { <p class="problem" role="alert">{note}</p> })}
            {move || match results.resource.get() {
                Some(exchange) => view! {
                    <SimulatedBadge via=results.resource_via />
                    <ExchangeView exchange=exchange />
                }.into_any(),
                None if results.resource_note.with(Option::is_none) => view! {
                    <p class="empty">"Nothing called yet. Press Call API."</p>
                }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
}
