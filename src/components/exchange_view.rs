//! One exchange: the request as sent (secrets masked until revealed), then the response or
//! why there was none. Server data is always rendered as text, never as HTML.

use super::body_viewer::BodyViewer;
use super::controls::RevealToggle;
use crate::browser;
use crate::state::{Form, Source};
use leptos::prelude::*;
use ords_core::{
    contains_secret, cors_note, format_size, mask_secrets, origin_of, status_meaning_for, Exchange, HttpRequest,
    Received, Step, TransportError,
};

/// The request and its outcome. `secrets` (the run's tokens, the form's secrets), the
/// credentials this request carried and the token this exchange handed out are masked in the
/// response too, in every encoding, until Show secrets.
#[component]
pub fn ExchangeView(exchange: Exchange, #[prop(optional)] secrets: Vec<String>) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let mut secrets = secrets;
    secrets.extend(exchange.secrets());
    let shown = exchange.request.shown.to_text();
    let wire = exchange.request.wire.to_text();
    let body_has_secret = exchange.response().is_some_and(|r| {
        contains_secret(&r.body, &secrets) || r.headers.iter().any(|(_, v)| contains_secret(v, &secrets))
    });
    let has_secret = shown != wire || body_has_secret;
    let url = exchange.request.shown.url.clone();
    view! {
        <div class="exchange">
            <div class="block-head">
                <h3>"Request sent"</h3>
                {has_secret.then(|| view! { <RevealToggle revealed show="Show secrets" hide="Hide secrets" /> })}
            </div>
            <pre class="wire request" data-testid="request" tabindex="0">
                {move || if revealed.get() { wire.clone() } else { shown.clone() }}
            </pre>
            <p class="hint">"The browser adds its own headers too (Origin, User-Agent, Accept-Language…)."</p>
            {match exchange.result {
                Ok(received) => view! {
                    <ResponseView received=received request=exchange.request.wire.clone() secrets=secrets
                        revealed=revealed />
                    }.into_any(),
                Err(error) => view! { <FailureView error=error url=url step=exchange.step secrets=secrets /> }
                    .into_any(),
            }}
        </div>
    }
}

#[component]
fn ResponseView(
    received: Received,
    request: HttpRequest,
    secrets: Vec<String>,
    revealed: RwSignal<bool>,
) -> impl IntoView {
    let r = received.response;
    let class = format!("status-code s{}xx", r.status / 100);
    let headers = r.headers.clone();
    let header_count = headers.len();
    let header_secrets = secrets.clone();
    let is_html = r.media_type().is_some_and(|m| m.contains("html")) || r.body.trim_start().starts_with('<');
    let timing = ords_core::format_ms(received.elapsed_ms);
    view! {
        <h3>"Response"</h3>
        <p class="status" data-testid="status">
            <span class=class>{format!("{} {}", r.status, r.reason)}</span>
            <span class="timing" title=received.timed_by.note()>{timing}</span>
            <span class="size">{format_size(r.body.len())}</span>
        </p>
        <p class="meaning">{status_meaning_for(r.status, &request)}</p>
        <details class="headers">
            <summary>{format!("Response headers visible to this page ({header_count})")}</summary>
            <dl>
                {headers.into_iter().map(|(k, v)| {
                    let masked = mask_secrets(&v, &header_secrets);
                    view! { <dt>{k}</dt><dd>{move || if revealed.get() { v.clone() } else { masked.clone() }}</dd> }
                }).collect_view()}
            </dl>
            <p class="hint">"The server may send more: a page only sees the headers listed in \
                Access-Control-Expose-Headers."</p>
        </details>
        <BodyViewer body=r.body secrets=secrets revealed=revealed is_html=is_html />
    }
}

#[component]
fn FailureView(error: TransportError, url: String, step: Step, secrets: Vec<String>) -> impl IntoView {
    // What the browser said may quote the request's URL, which may carry a query token.
    let detail = match &error {
        TransportError::FetchFailed { detail } | TransportError::Refused { detail } => {
            Some(mask_secrets(detail, &secrets))
        }
        _ => None,
    };
    let note = matches!(error, TransportError::FetchFailed { .. }).then(|| cors_note(&browser::page_origin(), &url));
    let target = match &error {
        TransportError::Redirected { target: Some(target), .. } => Some(target.clone()),
        _ => None,
    };
    view! {
        <div class="failure" role="alert">
            <h3>"No response"</h3>
            <p class="cause">{error.to_string()}</p>
            {detail.map(|d| view! { <p class="evidence">"Browser said: " <code>{d}</code></p> })}
            {target.map(|target| view! { <UseRedirectTarget target step /> })}
            {note.map(|note| view! {
                <div class="cors-note">
                    <h4>"ORDS note: CORS or unreachable?"</h4>
                    <p>{note.text}</p>
                    {note.sql.map(|sql| view! { <p>"Allow this page on the module:"</p><pre class="sql">{sql}</pre> })}
                </div>
            })}
        </div>
    }
}

/// `Use this address`: the redirect's target in the URL field it came from. Its origin counts
/// as not typed, so the next request carrying a credential there asks first.
#[component]
fn UseRedirectTarget(target: String, step: Step) -> impl IntoView {
    let form = use_context::<Form>()?;
    let (field, source) = match step {
        Step::Token => (form.token_url, form.token_url_source),
        Step::Resource => (form.resource_url, form.resource_url_source),
    };
    let label = step.url_field().label();
    let used = RwSignal::new(false);
    let chosen = target.clone();
    let on_click = move |_| {
        if origin_of(&chosen) != origin_of(&field.get_untracked()) {
            source.set(Source::Redirect);
        }
        field.set(chosen.clone());
        used.set(true);
    };
    Some(view! {
        <p class="redirect-target">
            <button type="button" on:click=on_click>"Use this address"</button>
            " puts " <code>{target}</code> {format!(" in {label}")}
            {move || used.get().then_some(
                ". Done: press the button again; you will be asked before your credentials go to a new address.",
            )}
        </p>
    })
}
