use super::answered_by;
use super::controls::{CopyButton, RevealToggle};
use super::exchange_view::ExchangeView;
use super::later_view::Later;
use crate::state::Results;
use leptos::prelude::*;
use ords_core::{decode_jwt, format_countdown, HeldToken, TokenStep, MASK};

/// The `Token response` panel: the token held, then the exchange that produced it (drawn by
/// [`TokenAnswer`], whose code comes after the first load).
#[component]
pub fn TokenPanel() -> impl IntoView {
    let results = expect_context::<Results>();
    let form = expect_context::<crate::state::Form>();
    let par = move || form.flow.get() == ords_core::Flow::Par;
    let empty = move || !par() && results.token_step.with(Option::is_none) && results.held.with(Option::is_none);
    view! {
        <section class="panel answer" id="token-response" tabindex="-1" aria-label="Token response">
            <h2>"Token response"</h2>
            <p class="empty" hidden=move || !empty()>
                "No token yet. Press Get token, or Call API to get one and use it."
            </p>
            <Later load=token_answer_view blank=true />
        </section>
    }
}

/// The token held and the exchange that produced it, or the token pasted; through a
/// pre-authenticated URL, what the URL grants instead.
#[component]
pub fn TokenAnswer() -> impl IntoView {
    let results = expect_context::<Results>();
    let form = expect_context::<crate::state::Form>();
    move || match results.token_step.get() {
        _ if form.flow.get() == ords_core::Flow::Par => view! { <ParGrant /> }.into_any(),
        None if results.held.with(Option::is_some) => view! {
            <p class="hint">"Using the token you pasted; no token request was made."</p>
            <GrantSummary step=None />
        }
        .into_any(),
        None => ().into_any(),
        Some(step) => view! {
            {answered_by(&step.exchange)}
            <GrantSummary step=Some(step.clone()) />
            <ExchangeView exchange=step.exchange />
        }
        .into_any(),
    }
}

/// What a pre-authenticated URL grants, read from the URL (its token stays masked), and how long
/// it has where that is known: the link's author said, or it is the simulator's demo URL.
#[component]
fn ParGrant() -> impl IntoView {
    let form = expect_context::<crate::state::Form>();
    let results = expect_context::<Results>();
    let life = move || {
        let now_s = (results.now_ms.get() / 1000.0) as u64;
        let demo = form.target.get() == ords_core::Target::Simulated
            && form.par_url.with(|u| u.contains(ords_core::demo::PAR_TOKEN));
        match form.linked_par() {
            Some(par) => (par.life(now_s).sentence(), par.life(now_s).expired()),
            None if demo && form.scenario.with(|s| s == "par-expired") => {
                ("Expired: the simulated ORDS's par-expired scenario stages a URL past its time.".into(), true)
            }
            None if demo => {
                ("Never, in the simulated ORDS (its par-expired scenario shows one that has).".into(), false)
            }
            None => (
                "Not in the URL: ORDS_PAR.PAR_EXPIRATION_BY_ALIAS (ORDS 25.2 and later) gives it, and Database \
                 Actions lists the schema's PARs. Once it expires (or is revoked: up to 30 s) ORDS refuses it."
                    .into(),
                false,
            ),
        }
    };
    move || match ords_core::ParUrl::parse(&form.par_url.get()) {
        Ok(par) => view! {
            <p class="hint">"No token: a pre-authenticated URL carries its own credential, in its path."</p>
            <dl class="grant">
                <dt>"Grants"</dt>
                <dd>{format!("{} {} on schema alias {}", form.method.get().as_str(), par.path, par.alias)}</dd>
                <dt>"URL"</dt>
                <dd><code>{par.masked()}</code></dd>
                <dt>"Time left"</dt>
                <dd data-testid="par-time-left" class:problem=move || life().1
                    role=move || life().1.then_some("alert")>{move || life().0}</dd>
            </dl>
        }
        .into_any(),
        Err(problem) => view! { <p class="hint">{problem.to_string()}</p> }.into_any(),
    }
}

#[component]
fn GrantSummary(step: Option<TokenStep>) -> impl IntoView {
    let results = expect_context::<Results>();
    let granted = step.as_ref().is_some_and(|s| s.held().is_some());
    let unreadable = step.and_then(|s| s.grant?.err()).map(|e| e.to_string());
    view! {
        {unreadable.map(|message| view! { <p class="problem" role="alert">{message}</p> })}
        {move || match results.held.get() {
            Some(held) => view! { <HeldTokenView held=held /> }.into_any(),
            None if granted => view! {
                <p class="hint" role="status">"Token discarded: the next Call API asks for a new one."</p>
            }.into_any(),
            None => ().into_any(),
        }}
    }
}

#[component]
fn HeldTokenView(held: HeldToken) -> impl IntoView {
    let results = expect_context::<Results>();
    let revealed = RwSignal::new(false);
    let token = held.access_token.secret().to_owned();
    let jwt = decode_jwt(&token);
    let shown_token = token.clone();
    let token_type = held.token_type.clone();
    let copy = Callback::new(move |()| token.clone());
    let countdown = move || match held.seconds_left(results.now_ms.get()) {
        Some(seconds) => format_countdown(seconds),
        None => "unknown (the server sent no expires_in)".to_owned(),
    };
    view! {
        <dl class="grant">
            <dt>"Access token"</dt>
            <dd class="token">
                <code data-testid="access-token">{move || if revealed.get() { shown_token.clone() } else {
                    MASK.to_owned() }}</code>
                <RevealToggle revealed show="Show token" hide="Hide token" />
                <button type="button" class="small" on:click=move |_| results.held.set(None)>"Discard token"</button>
                <CopyButton label="Copy token" text=copy />
            </dd>
            <dt>"Token type"</dt>
            <dd data-testid="token-type">{token_type}</dd>
            <dt>"Expires in"</dt>
            <dd data-testid="expires-in">{countdown}</dd>
            <dt>"Format"</dt>
            <dd>{if jwt.is_some() { "JWT (decoded below, signature not verified)." } else { "Opaque (not a JWT), as \
                ORDS issues them." }}</dd>
        </dl>
        {jwt.map(|jwt| view! {
            <details class="jwt" open>
                <summary>"Decoded JWT"</summary>
                <h4>"Header"</h4>
                <pre class="wire" data-testid="jwt-header" tabindex="0">{jwt.header}</pre>
                <h4>"Claims"</h4>
                <pre class="wire" data-testid="jwt-claims" tabindex="0">{jwt.claims}</pre>
            </details>
        })}
    }
}

// One chunk with the run (`crate::actions::run_later`): what a run fills in.
crate::later::split_point!(
    answers,
    preload_token_answer,
    fn token_answer_view() -> AnyView {
        view! { <TokenAnswer /> }.into_any()
    }
);
