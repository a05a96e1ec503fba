//! `From the database (APEX)`: the token request as APEX_WEB_SERVICE sends it beside yours, the
//! verdict, and a pasted database error explained. The two requests go through the run's own
//! sender (past the same question about credentials), each under its own busy state (the status
//! line and this view say which one it waits for; Cancel stops it). Server data and pasted text
//! are text only.

use super::exchange_view::ExchangeView;
use crate::actions::{cancel, sender, Page};
use crate::state::Busy;
use leptos::prelude::*;
use ords_core::database::{as_database, explain, rows, verdict, Explained, Tried, MAX_PASTE};
use ords_core::{get_token, TransportError};

/// Sends the token request as the settings make it, then as OAUTH_AUTHENTICATE would; stops
/// when one is cancelled (nothing more is sent).
async fn try_as_database(page: Page) -> Result<Tried, String> {
    let busy = page.results.busy;
    if busy.get_untracked().is_some() {
        return Err("A run is under way: wait for it, or press Cancel, then try again.".to_owned());
    }
    let yours = untrack(|| page.form.oauth());
    let send = sender(page, page.form.target.get_untracked());
    let mut sent = Vec::new();
    for (oauth, step) in [(yours.clone(), Busy::TryYours), (as_database(&yours), Busy::TryAsDatabase)] {
        busy.set(Some(step));
        let result = get_token(&oauth, &send).await;
        busy.set(None);
        match result {
            Ok(step) if matches!(step.exchange.result, Err(TransportError::Cancelled)) => {
                return Err(format!("{} Nothing more was sent.", TransportError::Cancelled));
            }
            Ok(step) => sent.push(step.exchange),
            Err(problems) => return Err(problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join(" ")),
        }
    }
    let (database, yours_sent) = (sent.pop(), sent.pop());
    match (yours_sent, database) {
        (Some(yours_sent), Some(database)) => Ok(Tried { yours: yours_sent, database, oauth: yours }),
        _ => Err("Nothing was sent.".to_owned()),
    }
}

#[component]
pub fn DatabaseView() -> impl IntoView {
    let page = expect_context::<Page>();
    let form = page.form;
    let tried: RwSignal<Option<Tried>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let trying = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let try_it = move |_| {
        trying.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match try_as_database(page).await {
                Ok(t) => tried.set(Some(t)),
                Err(why) => problem.set(Some(why)),
            }
            trying.set(false);
        });
    };
    let waiting = move || trying.get().then(|| page.results.busy.get().map(Busy::label)).flatten();
    let said = move || tried.with(|t| t.as_ref().map(|t| verdict(&t.database, &t.yours, &t.oauth)));
    let explained = move || {
        let urls = [form.token_url.get(), form.resource_url.get()];
        pasted.with(|text| explain(text, &[&urls[0], &urls[1]], said().as_deref()))
    };
    view! {
        <section class="panel database" aria-label="From the database (APEX)">
            <h2>"From the database (APEX)"</h2>
            <p class="hint">
                "APEX_WEB_SERVICE.OAUTH_AUTHENTICATE sends the token request its own way: the client ID and secret \
                 in a \
                 Basic header as typed, grant_type=client_credentials and the scope (APEX 20.1 and later), and nothing \
                 else: no credentials in the body, no other parameters, no headers. (Oracle documents the Basic header \
                 and grant type; that nothing else is sent is inferred.) Try it to see whether this server accepts \
                 that."
            </p>
            <button type="button" class="primary" disabled=move || trying.get() on:click=try_it>
                "Try as APEX_WEB_SERVICE would"
            </button>
            <button type="button" class="cancel" hidden=move || !trying.get() on:click=move |_| cancel(page)>
                "Cancel"
            </button>
            <p class="hint" role="status">{waiting}</p>
            <p class="notice" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
            <p class="verdict" role="status">{said}</p>
            {move || tried.get().map(comparison)}
            <h4><label for="database-error">"Database error"</label></h4>
            <p class="hint" id="database-error-hint">
                {format!("Paste what the database said (the ORA- lines, up to {} KB): each code is explained with its \
                          cause, what to check and the fix.", MAX_PASTE / 1024)}
            </p>
            <textarea id="database-error" rows="4" maxlength=MAX_PASTE.to_string() spellcheck="false"
                aria-describedby="database-error-hint" placeholder="ORA-20001: Authentication failed"
                prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="explained" aria-live="polite">
                {move || match explained() {
                    Ok(list) => list.into_iter().map(explanation).collect_view().into_any(),
                    Err(_) if pasted.with(|p| p.trim().is_empty()) => ().into_any(),
                    Err(why) => view! { <p class="hint">{why.to_string()}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}
fn comparison(t: Tried) -> impl IntoView {
    let table = rows(&t.database, &t.yours);
    let secret = vec![t.oauth.client_secret.secret().to_owned()];
    view! {
        <table class="compare-table">
            <thead>
                <tr>
                    <th scope="col">""</th>
                    <th scope="col">"As the database sends it"</th>
                    <th scope="col">"As you send it"</th>
                </tr>
            </thead>
            <tbody>
                {table.into_iter().map(|r| {
                    let differs = !r.same();
                    view! {
                    <tr class:differs=differs>
                        <th scope="row">{r.aspect}</th><td>{r.database}</td><td>{r.yours}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
        <div class="pair">
            <section aria-label="As the database sends it">
                <h4>"As the database sends it"</h4>
                <ExchangeView exchange=t.database secrets=secret.clone() />
            </section>
            <section aria-label="As you send it">
                <h4>"As you send it (this page, Postman)"</h4>
                <ExchangeView exchange=t.yours secrets=secret />
            </section>
        </div>
    }
}

fn explanation(e: Explained) -> impl IntoView {
    let label = e.code.clone();
    view! {
        <article class="ora" aria-label=label>
            <h5>{e.code}</h5>
            <p><strong>"Cause: "</strong>{e.cause}</p>
            <p><strong>"Check: "</strong>{e.check}</p>
            <p><strong>"Fix: "</strong>{e.fix}</p>
            {e.sql.map(|sql| view! { <pre class="code" tabindex="0">{sql}</pre> })}
            {e.tied.map(|tied| view! { <p class="tied">{tied}</p> })}
        </article>
    }
}

crate::later::split_point!(
    sections,
    preload_database,
    /// The From the database tab's view (its code comes with the section tabs').
    pub(super) fn database_view() -> AnyView {
        view! { <DatabaseView /> }.into_any()
    }
);
