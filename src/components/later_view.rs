//! The views whose code comes after the first load (`crate::later`): each shows "Loading…"
//! while its chunk is on its way, then itself; a chunk that could not be fetched leaves a
//! sentence and `Retry`.

use super::token_panel::TokenAnswer;
use super::{form::FinerSettings, resource_panel::ResourceAnswer, section_tabs::SectionTabs};
use crate::later::{arrived, split_point, started, track_arrivals, SplitLoaderError, LOADING, NOT_LOADED};
use leptos::prelude::*;

split_point!(
    settings,
    preload_settings,
    fn settings_view() -> AnyView {
        view! { <FinerSettings /> }.into_any()
    }
);

split_point!(
    sections,
    preload_sections,
    fn sections_view() -> AnyView {
        view! { <SectionTabs /> }.into_any()
    }
);

// One chunk with the run (`crate::actions::run_later`): what a run fills in.
split_point!(
    answers,
    preload_token_answer,
    fn token_answer_view() -> AnyView {
        view! { <TokenAnswer /> }.into_any()
    }
);

split_point!(
    answers,
    preload_resource_answer,
    fn resource_answer_view() -> AnyView {
        view! { <ResourceAnswer /> }.into_any()
    }
);

/// A view that comes later.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The settings under the buttons (provider, client authentication, token request, token
    /// use, JWT profile, Browse endpoints, request options, remembering secrets).
    Settings,
    /// Diagnosis and the other sections under the answers, as tabs.
    Sections,
    /// What fills `Token response` after a run.
    TokenAnswer,
    /// What fills `Protected resource` after a run.
    ResourceAnswer,
}

impl Part {
    async fn view(self) -> Result<AnyView, SplitLoaderError> {
        match self {
            Part::Settings => settings_view().await,
            Part::Sections => sections_view().await,
            Part::TokenAnswer => token_answer_view().await,
            Part::ResourceAnswer => resource_answer_view().await,
        }
    }

    /// The answers stay blank while they load: before a run there is nothing in them.
    fn says_loading(self) -> bool {
        !matches!(self, Part::TokenAnswer | Part::ResourceAnswer)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Waiting,
    Done,
    Failed,
}

#[component]
pub fn Later(part: Part) -> impl IntoView {
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
        started().then(|| {
            Suspend::new(async move {
                let shown = part.view().await;
                state.set(if shown.is_ok() { Loading::Done } else { Loading::Failed });
                if shown.is_ok() {
                    arrived();
                }
                shown.ok()
            })
        })
    };
    view! {
        {part.says_loading().then(|| view! {
            <p class="hint later-loading" role="status" hidden=move || state.get() != Loading::Waiting>{LOADING}</p>
        })}
        <p class="notice" role="alert" hidden=move || state.get() != Loading::Failed>
            {NOT_LOADED}" "<button type="button" class="small" on:click=move |_| retry()>"Retry"</button>
        </p>
        {content}
    }
}
