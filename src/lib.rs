//! The ORDS Auth Playground page: thin Leptos components over `ords-core`.
//!
//! Where things go, each layer using only those below it (no module cycles): `browser` (every
//! browser facility, the helper among them); `state` (the signals: the form and the results),
//! `consent` (the question before credentials go somewhere new), `workshop` (scenarios,
//! lessons and progress); `actions` (what the buttons do, wiring the form to
//! `ords_core::run`), `persist`, `history`, `diagnosis` (glue to storage and the core's
//! diagnosis), `browse` (Browse endpoints); `later` (split points: code fetched after the
//! first screen) under all of them but `browser`; `components` (the views).

mod actions;
mod browse;
pub mod browser;
mod components;
mod consent;
mod diagnosis;
mod history;
mod host_api;
mod host_report;
mod later;
mod persist;
pub mod state;
mod workshop;

pub use components::app::App;
pub use components::exchange_view::ExchangeView;
