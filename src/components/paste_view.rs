//! `Paste a command`: a curl or HTTPie command, an `APEX_WEB_SERVICE` block or a
//! `USER_ORDS_CLIENTS` row, read by the helper (`ords_core::read_paste`), shown line by line
//! with its mistakes, and put into the form only when the person presses `Fill the form`.
//! Nothing is sent until a run's button is pressed.

use super::diagnosis_panel::FindingList;
use crate::browser;
use crate::state::{Form, SectionTab, View};
use leptos::prelude::*;
use ords_core::helper::{Job, Reply};
use ords_core::{PasteNote, Pasted};

/// Has the helper read `text`.
async fn read(text: String) -> Result<Pasted, String> {
    browser::ask_helper(Job::ReadPaste { text }).await.and_then(Reply::pasted).map(|p| *p)
}

#[component]
pub fn PasteView() -> impl IntoView {
    let form = expect_context::<Form>();
    let view_state = expect_context::<View>();
    let text = view_state.paste_text;
    let reading = Action::new_local(move |text: &String| read(text.clone()));
    // A command pasted into a URL field is read at once.
    Effect::new(move || {
        if view_state.paste_asked.get() > 0 {
            reading.dispatch(text.get_untracked());
        }
    });
    let filled = RwSignal::new(None::<String>);
    let fill = move |_| {
        let Some(Ok(pasted)) = reading.value().get_untracked() else { return };
        let database = pasted.fill.open_database;
        form.apply_paste(pasted.fill);
        filled.set(Some(if database {
            "Filled. From the database (APEX) is open below the answers: press Try as APEX_WEB_SERVICE would.".into()
        } else {
            "Filled. Nothing was sent: press Get token or Call API when ready.".into()
        }));
        if database {
            view_state.open_tab(SectionTab::Database);
        }
    };
    let result = move || {
        filled.set(None);
        reading.value().get().map(|answer| match answer {
            Err(why) => view! { <p class="problem" role="status">{format!("The paste could not be read: {why}")}</p> }
                .into_any(),
            Ok(pasted) => view! { <Understood pasted /> }.into_any(),
        })
    };
    let can_fill = move || reading.value().with(|v| matches!(v, Some(Ok(p)) if p.problem.is_none()));
    view! {
        <section class="panel paste" aria-label="Paste a command">
            <label class="field" for="paste-text">"Paste a command: curl, HTTPie, fetch, Python requests, \
                APEX_WEB_SERVICE PL/SQL, or a USER_ORDS_CLIENTS row"</label>
            <textarea id="paste-text" rows="6" spellcheck="false" prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="block-head">
                <button type="button" class="small" disabled=move || reading.pending().get()
                    on:click=move |_| { reading.dispatch(text.get_untracked()); }>"Read"</button>
                <button type="button" class="small" on:click=move |_| view_state.paste_open.set(false)>"Close"</button>
            </div>
            {result}
            <div hidden=move || !can_fill()>
                <p class="hint">{move || reading.value().with(|v| match v {
                    Some(Ok(p)) => replaced(&form.replaced_by(&p.fill)),
                    _ => String::new(),
                })}</p>
                <button type="button" class="primary" on:click=fill>"Fill the form"</button>
            </div>
            {move || filled.get().map(|said| view! { <p class="ok" role="status">{said}</p> })}
        </section>
    }
}

fn replaced(fields: &[&str]) -> String {
    if fields.is_empty() {
        "Nothing you typed is replaced.".into()
    } else {
        format!("Replaces what you typed in {}.", fields.join(", "))
    }
}

/// What the paste was read as, each line's notes, and its mistakes.
#[component]
fn Understood(pasted: Pasted) -> impl IntoView {
    let heading = match (pasted.kind, &pasted.problem) {
        (_, Some(problem)) => problem.clone(),
        (Some(kind), None) => format!("Read as {}. Nothing is sent until you press a button.", kind.label()),
        (None, None) => String::new(),
    };
    let note = |n: PasteNote| {
        let mark = if n.taken { "Taken" } else { "Left out" };
        view! { <li class:taken=n.taken class:left=!n.taken>{format!("Line {}: {mark}: {}", n.line, n.said)}</li> }
    };
    let findings = pasted.findings;
    view! {
        <p class=if pasted.problem.is_some() { "problem" } else { "hint" } role="status">{heading}</p>
        <ol class="paste-notes" aria-label="What it understood">{pasted.notes.into_iter().map(note).collect_view()}</ol>
        {(!findings.is_empty()).then(|| view! { <FindingList findings /> })}
    }
}

crate::later::split_point!(
    paste,
    preload_paste,
    /// `Paste a command`'s panel, fetched when it is first opened.
    pub(super) fn paste_view() -> AnyView {
        view! { <PasteView /> }.into_any()
    }
);
