//! The `Code` section: the settings as curl, fetch, Python, PL/SQL and ORDS setup SQL, and as a
//! Postman collection (export here, import in `postman_import.rs`). The helper writes the text
//! from the form, with the secrets only when `Include secrets` is ticked; it is asked only while
//! the tab is open, again whenever what the code is written from changes.

use super::controls::CopyButton;
use super::postman_import::PostmanImport;
use crate::browser;
use crate::state::{Form, SectionTab, View};
use leptos::prelude::*;
use ords_core::helper::{CodeJob, Job, Reply};
use ords_core::CodeTarget;

/// A language's tab, or the Postman collection's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeTab {
    Code(CodeTarget),
    Postman,
}

impl CodeTab {
    pub fn label(self) -> &'static str {
        match self {
            Self::Code(target) => target.label(),
            Self::Postman => "Postman collection",
        }
    }

    /// Every tab, the languages first.
    pub fn all() -> impl Iterator<Item = Self> {
        CodeTarget::ALL.iter().map(|t| Self::Code(*t)).chain([Self::Postman])
    }
}

/// What the helper wrote: the code (or the collection) and, with the collection, its
/// environment (the secrets' variables).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    pub code: String,
    pub environment: String,
}

/// Has the helper write `tab` from `from`. Without the environment (the helper failed on it)
/// the collection stands.
pub async fn write(tab: CodeTab, from: CodeJob) -> Result<Written, String> {
    let ask = |job| async { browser::ask_helper(job).await.and_then(Reply::text) };
    match tab {
        CodeTab::Code(target) => {
            Ok(Written { code: ask(Job::Code { target, from }).await?, environment: String::new() })
        }
        CodeTab::Postman => {
            let environment = ask(Job::PostmanEnvironment(from.clone())).await.unwrap_or_default();
            Ok(Written { code: ask(Job::PostmanExport(from)).await?, environment })
        }
    }
}

#[component]
pub fn CodeView() -> impl IntoView {
    let form = expect_context::<Form>();
    let view_state = expect_context::<View>();
    let tab = RwSignal::new(CodeTab::Code(CodeTarget::Curl));
    let include = RwSignal::new(false);
    // Follows the form only while the tab is open: closed, it reads nothing and asks nothing.
    let written = LocalResource::new(move || {
        let from =
            view_state.is_open(&form, SectionTab::Code).then(|| form.code_job(include.get(), browser::page_origin()));
        let tab = tab.get();
        async move { Some(write(tab, from?).await) }
    });
    let text = move || match written.get().flatten() {
        Some(Ok(w)) => w.code,
        Some(Err(why)) => format!("(The code could not be written: {why})"),
        None => String::from("Writing the code…"),
    };
    let environment = move || written.get().flatten().and_then(Result::ok).map(|w| w.environment).unwrap_or_default();
    let tabs = CodeTab::all()
        .map(|t| {
            view! {
                <button type="button" role="tab" class="small" aria-selected=move || (tab.get() == t).to_string()
                    on:click=move |_| tab.set(t)>{t.label()}</button>
            }
        })
        .collect_view();
    let not_postman = move || tab.get() != CodeTab::Postman;
    view! {
        <section class="panel code" aria-label="Code">
            <div class="block-head">
                <h2>"Code"</h2>
                <label class="check">
                    <input type="checkbox" prop:checked=move || include.get() on:change=move |ev|
                        include.set(event_target_checked(&ev)) />
                    "Include secrets"
                </label>
            </div>
            <div class="tabs" role="tablist" aria-label="Language">{tabs}</div>
            <p class="hint">{move || if include.get() {
                "The secrets are in the code: do not share or commit it."
            } else {
                "Secrets are placeholders (environment variables where the language has them); tick Include secrets to \
                    put them in."
            }}</p>
            <div class="block-head">
                <CopyButton label="Copy code" text=Callback::new(move |()| untrack(text)) />
                <span hidden=not_postman>
                    <a class="small button" download="ords-playground.postman_collection.json"
                        href=move || browser::data_url("application/json", &text())>"Download collection"</a>
                    <a class="small button" download="ords-playground.postman_environment.json"
                        href=move || browser::data_url("application/json", &environment())>"Download environment"</a>
                </span>
            </div>
            <pre class="wire code-text" data-testid="code" tabindex="0">{text}</pre>
            <div hidden=not_postman><PostmanImport /></div>
        </section>
    }
}

crate::later::split_point!(
    sections,
    preload_code,
    /// The Code tab's view (its code comes with the section tabs').
    pub(super) fn code_view() -> AnyView {
        view! { <CodeView /> }.into_any()
    }
);
