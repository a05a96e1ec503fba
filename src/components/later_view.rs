//! A view whose code comes after the first load (`crate::later`): "Loading…" while its chunk
//! is on its way, then the view; a chunk that could not be fetched leaves a sentence and
//! `Retry`. Each view's split point lives beside the view (`form.rs`, `token_panel.rs`,
//! `resource_panel.rs`, `section_tabs.rs`), which hands its loader here: this file names none
//! of them.

use crate::later::{arrived, started, track_arrivals, SplitLoaderError, LOADING, NOT_LOADED};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Waiting,
    Done,
    Failed,
}

/// What `Later` calls: a split point, boxed so that one copy of `Later`'s code serves them all.
type Load =
    std::sync::Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>> + Send + Sync>;

/// `load` is a view's split point; `blank`: nothing shows while it loads (the answers, empty
/// before a run anyway).
#[component]
pub fn Later<L, F>(load: L, #[prop(optional)] blank: bool) -> impl IntoView
where
    L: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    later(std::sync::Arc::new(move || Box::pin(load())), blank)
}

fn later(load: Load, blank: bool) -> AnyView {
    let state = RwSignal::new(Loading::Waiting);
    let attempt = RwSignal::new(0u32);
    let retry = move || {
        state.set(Loading::Waiting);
        attempt.update(|a| *a = a.wrapping_add(1));
    };
    // Once any chunk arrives (the network is back), a view whose chunk failed tries again.
    Effect::new(move || {
        track_arrivals();
        if state.get_untracked() == Loading::Failed {
            retry();
        }
    });
    let content = move || {
        attempt.track();
        let load = load.clone();
        started().then(|| {
            Suspend::new(async move {
                let shown = load().await;
                state.set(if shown.is_ok() { Loading::Done } else { Loading::Failed });
                if shown.is_ok() {
                    arrived();
                }
                shown.ok()
            })
        })
    };
    view! {
        {(!blank).then(|| view! {
            <p class="hint later-loading" role="status" hidden=move || state.get() != Loading::Waiting>{LOADING}</p>
        })}
        <p class="notice" role="alert" hidden=move || state.get() != Loading::Failed>
            {NOT_LOADED}" "<button type="button" class="small" on:click=move |_| retry()>"Retry"</button>
        </p>
        {content}
    }
    .into_any()
}
