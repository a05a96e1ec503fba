//! The ORDS Auth Playground page: thin Leptos components over `ords-core`.

mod actions;
mod components;
mod diagnosis;
mod form_params;
mod history;
mod persist;
pub mod state;
pub mod transport;

pub use components::app::App;
pub use components::exchange_view::ExchangeView;
