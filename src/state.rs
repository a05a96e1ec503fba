//! The page's state as signals: what the person typed (`Form`), what came back (`Results`).
//! The form reads and writes the core's `PlaygroundConfig`, so every non-secret setting has one
//! text form (links, storage, history) and the round trip is tested natively.

use leptos::prelude::*;

/// Where a setting's value came from: the question before credentials go somewhere names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The page's own defaults (the demo).
    Default,
    /// The person typed or chose it here.
    Typed,
    /// The link the page was opened with.
    Link,
    /// What this browser kept from an earlier visit.
    Stored,
    /// A Postman collection the person imported.
    Import,
    /// A history entry that was re-run.
    History,
    /// A link in the last response (pagination).
    ResponseLink,
    /// An endpoint listed by the API's catalog (Browse endpoints).
    Catalog,
    /// Where a redirect led (`Use this address`).
    Redirect,
    /// A command the person pasted (`Paste a command`).
    Paste,
}

impl Source {
    /// How the question before sending says where an address came from.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Default => "the page's demo settings",
            Self::Typed => "what you typed",
            Self::Link => "the link this page was opened with",
            Self::Stored => "settings this browser kept from an earlier visit",
            Self::Import => "the Postman collection you imported",
            Self::History => "a history entry you re-ran",
            Self::ResponseLink => "a link in the last response",
            Self::Catalog => "the API's catalog (Browse endpoints), which any server can fill",
            Self::Redirect => "a redirect the server answered with, which can point anywhere",
            Self::Paste => "the command you pasted",
        }
    }
}

/// The token the next call would send (tracked): the pasted one when `Use my own token` is
/// ticked, else the one held.
pub fn next_call_token(form: &Form, results: &Results) -> Option<String> {
    if form.own_token_on.get() {
        Some(form.own_token.get().trim().to_owned()).filter(|t| !t.is_empty())
    } else {
        results.held.with(|h| h.as_ref().map(|h| h.access_token.secret().to_owned()))
    }
}

mod form;
mod results;
mod view;
pub use form::Form;
pub use results::{Busy, Results};
pub use view::{SectionTab, View, STATUS_ID};
