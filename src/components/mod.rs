pub mod app;
pub mod exchange_view;
mod fields;
mod form;
mod resource_panel;
mod token_panel;
