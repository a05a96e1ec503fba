pub mod app;
mod body_rows;
mod body_viewer;
mod code_panel;
mod compare_panel;
mod diagnosis_panel;
pub mod exchange_view;
mod fields;
mod form;
mod history_panel;
mod options;
mod resource_panel;
mod timeline;
mod token_panel;

use crate::transport::Target;
use leptos::prelude::*;

/// Says, wherever results show, that they came from the in-page simulator.
#[component]
fn SimulatedBadge(via: RwSignal<Target>) -> impl IntoView {
    move || {
        (via.get() == Target::Simulated).then(|| {
            view! { <p class="sim-badge">"Simulated ORDS (in this page): no request left this browser."</p> }
        })
    }
}
