//! The ORDS Auth Playground page: thin Leptos components over `ords-core`.
//!
//! Where things go: `state` (the signals: the form and the results), `actions` (what the
//! buttons do, wiring the form to `ords_core::run`), `consent` (the question before credentials
//! go somewhere new), `persist`, `history`, `diagnosis` (glue to storage and the core's
//! diagnosis), `database` (the host of the deferred part, From the database), `workshop` (scenarios, lessons and
//! progress), `browser` (every browser facility), `components` (the views).

mod actions;
mod browse;
pub mod browser;
mod components;
mod consent;
mod database;
mod diagnosis;
mod history;
mod persist;
pub mod state;
mod workshop;

pub use components::app::App;
pub use components::controls::CopyButton;
pub use components::exchange_view::ExchangeView;
