//! `From the database (APEX)`: the token request as APEX_WEB_SERVICE sends it beside yours, the
//! verdict, and a pasted database error explained. Server data and pasted text are text only.

use leptos::prelude::*;
use ords_core::database::{explain, rows, verdict, Explained, Tried, MAX_PASTE};
use ords_core::PlaygroundConfig;
use ords_playground::ExchangeView;

#[component]
pub fn DatabaseSection(settings: Signal<PlaygroundConfig>) -> impl IntoView {
    let tried: RwSignal<Option<Tried>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // Which of its two requests the page is waiting for (the page's status, on `main`).
    let waiting = crate::host::follow("data-busy");
    let pasted = RwSignal::new(String::new());
    let try_it = move |_| {
        let read = settings.get_untracked();
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            match crate::host::try_as_database(&read).await {
                Ok(t) => tried.set(Some(t)),
                Err(why) => problem.set(Some(why)),
            }
            busy.set(false);
        });
    };
    let said = move || tried.with(|t| t.as_ref().map(|t| verdict(&t.database, &t.yours, &t.oauth)));
    let explained = move || {
        let s = settings.get();
        pasted.with(|text| explain(text, &[&s.token_url, &s.resource_url], said().as_deref()))
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
            <button type="button" class="primary" disabled=move || busy.get() on:click=try_it>
                "Try as APEX_WEB_SERVICE would"
            </button>
            <button type="button" class="cancel" hidden=move || !busy.get() on:click=move |_| crate::host::cancel_try()>
                "Cancel"
            </button>
            <p class="hint" role="status">{move || busy.get().then(|| waiting.get())}</p>
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
                    Err(why) if pasted.with(|p| p.trim().is_empty()) => { let _ = why; ().into_any() }
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
