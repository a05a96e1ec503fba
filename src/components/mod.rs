pub mod app;
mod body_rows;
mod body_viewer;
mod browse_view;
mod code_view;
mod compare_view;
mod consent_dialog;
pub(crate) mod controls;
mod database_view;
pub(crate) mod diagnosis_panel;
pub mod exchange_view;
mod fields;
mod form;
mod history_view;
mod host_prompt;
mod jwt_profile;
mod later_view;
mod lessons_view;
mod link_banner;
mod mcp_code;
mod mcp_view;
mod options;
mod par_parts;
mod paste_view;
mod postman_import;
mod resource_panel;
mod scenario_field;
mod section_tabs;
mod share_view;
mod status_line;
mod timeline_view;
mod token_panel;

use leptos::prelude::*;
use ords_core::Exchange;

/// Says, wherever results show, who answered: the in-page simulator or a server over the network.
/// A function of a borrowed exchange, not a component: a component would take a copy of a
/// 10 MB body to read one flag.
fn answered_by(exchange: &Exchange) -> AnyView {
    if exchange.simulated() {
        view! { <p class="sim-badge">"Simulated ORDS (in this page): no request left this browser."</p> }.into_any()
    } else if exchange.result.is_ok() {
        let origin = ords_core::origin_of(&exchange.request.wire.url).unwrap_or_default();
        view! { <p class="net-badge">{format!("Answered over the network by {origin}.")}</p> }.into_any()
    } else if let Err(ords_core::TransportError::Redirected { .. }) = &exchange.result {
        let origin = ords_core::origin_of(&exchange.request.wire.url).unwrap_or_default();
        view! { <p class="net-badge">{format!("Redirected by {origin}: not followed, nothing re-sent.")}</p> }
            .into_any()
    } else {
        ().into_any()
    }
}
