use super::answered_by;
use super::exchange_view::ExchangeView;
use super::later_view::Later;
use crate::actions::{self, Page};
use crate::state::Results;
use leptos::prelude::*;
use ords_core::CollectionPage;

/// The `Protected resource` panel: the last call to the Resource URL (drawn by
/// [`ResourceAnswer`], whose code comes after the first load).
#[component]
pub fn ResourcePanel() -> impl IntoView {
    let results = expect_context::<Results>();
    let empty = move || results.resource.with(Option::is_none) && results.resource_note.with(Option::is_none);
    view! {
        <section class="panel answer" id="protected-resource" tabindex="-1" aria-label="Protected resource">
            <h2>"Protected resource"</h2>
            <p class="empty" hidden=move || !empty()>"Nothing called yet. Press Call API."</p>
            <Later load=resource_answer_view blank=true />
        </section>
    }
}

/// The note on the last call, and its exchange.
#[component]
pub fn ResourceAnswer() -> impl IntoView {
    let results = expect_context::<Results>();
    let form = expect_context::<crate::state::Form>();
    // A reader of a docs page cannot fix a refused PAR its author included: say who can.
    let par_refused = move || {
        let status = results.resource.with(|r| r.as_ref().and_then(|e| e.response().map(|r| r.status)))?;
        form.linked_par()?.refusal(status, (results.now_ms.get_untracked() / 1000.0) as u64)
    };
    view! {
        {move || par_refused().map(|text| view! {
            <p class="problem" role="alert" data-testid="par-refused">{text}</p>
        })}
        {move || results.resource_note.get().map(|note| view! { <p class="problem" role="alert">{note}</p> })}
        {move || results.resource.get().map(|exchange| view! {
            {answered_by(&exchange)}
            <Paging />
            <ExchangeView exchange=exchange />
        })}
    }
}

/// The pager, when the body is an ORDS collection: read by the page's helper (off the main
/// thread, and its JSON reader is not part of the first load), so the response shows first.
#[component]
fn Paging() -> impl IntoView {
    let results = expect_context::<Results>();
    // Asked in a task of its own: copying a 10 MB body and handing it to the helper is not
    // added to the task that shows the response.
    let page = LocalResource::new(move || async move {
        crate::browser::next_task().await;
        let body = results.resource.with_untracked(|e| {
            e.as_ref()?.response().filter(|r| r.body.trim_start().starts_with('{')).map(|r| r.body.clone())
        })?;
        let job = ords_core::helper::Job::CollectionPage { text: body };
        crate::browser::ask_helper(job).await.and_then(ords_core::helper::Reply::collection_page).ok().flatten()
    });
    move || page.get().flatten().map(|page: CollectionPage| view! { <Pager page=page /> })
}

#[component]
fn Pager(page: CollectionPage) -> impl IntoView {
    let context = expect_context::<Page>();
    let results = expect_context::<Results>();
    let buttons = [("first", "First page"), ("prev", "Previous page"), ("next", "Next page")].map(|(rel, label)| {
        let href = page.link(rel).map(str::to_owned);
        let missing = href.is_none();
        let title = href.clone().unwrap_or_else(|| format!("The response has no {rel} link"));
        view! {
            <button type="button" class="small" title=title
                disabled=move || missing || results.busy.get().is_some()
                on:click=move |_| {
                    if let Some(href) = href.as_deref() {
                        actions::follow(context, href);
                    }
                }>
                {label}
            </button>
        }
    });
    view! {
        <nav class="pager" aria-label="Collection pages">
            {buttons}
            <span data-testid="page-indicator">{page.indicator()}</span>
        </nav>
    }
}

crate::later::split_point!(
    answers,
    preload_resource_answer,
    fn resource_answer_view() -> AnyView {
        view! { <ResourceAnswer /> }.into_any()
    }
);
