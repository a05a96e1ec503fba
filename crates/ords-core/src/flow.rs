//! The two flows, written once against any [`Sender`]. The page passes browser fetch (or the
//! in-page simulator), behind its question about where credentials go; tests pass a closure.

use crate::call::ResourceCall;
use crate::exchange::{Exchange, Received, Step, TransportError};
use crate::field::FieldError;
use crate::held_token::HeldToken;
use crate::request::{basic_request, bearer_request, token_request, PreparedRequest};
use crate::response::{parse_token_grant, TokenGrant, TokenParseError};
use crate::settings::{BasicSettings, OAuthSettings, TokenPlacement};
use std::future::Future;

/// Whatever sends a request and reads the answer: any `Fn(PreparedRequest) -> impl Future`.
pub trait Sender {
    fn send(&self, request: PreparedRequest) -> impl Future<Output = Result<Received, TransportError>>;
}

impl<S, F> Sender for S
where
    S: Fn(PreparedRequest) -> F,
    F: Future<Output = Result<Received, TransportError>>,
{
    fn send(&self, request: PreparedRequest) -> impl Future<Output = Result<Received, TransportError>> {
        self(request)
    }
}

/// The outcome of asking the token endpoint.
#[derive(Clone, Debug)]
pub struct TokenStep {
    pub exchange: Exchange,
    /// Present when the endpoint answered 2xx: the grant, or why it could not be read.
    pub grant: Option<Result<TokenGrant, TokenParseError>>,
}

impl TokenStep {
    /// The token to hold, when the step succeeded.
    pub fn held(&self) -> Option<HeldToken> {
        let received = self.exchange.result.as_ref().ok()?;
        let grant = self.grant.as_ref()?.as_ref().ok()?;
        let held = HeldToken::new(
            grant.access_token.clone(),
            grant.token_type.clone(),
            grant.expires_in,
            received.received_at_ms,
        );
        Some(held.issued_by(crate::url::origin_of(&self.exchange.request.wire.url)))
    }
}

/// Why an exchange of a run happened, as the timeline names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Token,
    /// The held token's countdown had reached zero.
    TokenAfterExpiry,
    /// The resource refused the held token with 401 (client_credentials has no refresh token).
    TokenAfter401,
    Resource,
    /// The resource call again, with the re-fetched token.
    ResourceRetry,
    /// Compare mode's Basic call, sent beside the OAuth2 run.
    BasicCall,
}

impl Purpose {
    pub const ALL: [Self; 6] = [
        Self::Token,
        Self::TokenAfterExpiry,
        Self::TokenAfter401,
        Self::Resource,
        Self::ResourceRetry,
        Self::BasicCall,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::TokenAfterExpiry => "token-after-expiry",
            Self::TokenAfter401 => "token-after-401",
            Self::Resource => "resource",
            Self::ResourceRetry => "resource-retry",
            Self::BasicCall => "basic-call",
        }
    }

    /// A request for a token (first or re-fetched).
    pub fn is_token(self) -> bool {
        matches!(self, Self::Token | Self::TokenAfterExpiry | Self::TokenAfter401)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Token => "Token request",
            Self::TokenAfterExpiry => "Token re-fetch (the held token had expired)",
            Self::TokenAfter401 => "Token re-fetch (the resource answered 401)",
            Self::Resource => "Resource call",
            Self::ResourceRetry => "Resource call again, with the new token",
            Self::BasicCall => "Basic call (compare)",
        }
    }
}

/// One exchange of a run, in order.
#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub purpose: Purpose,
    pub exchange: Exchange,
}

/// The outcome of `Call API` in the OAuth2 flow.
#[derive(Clone, Debug)]
pub struct OAuthCall {
    /// The last token step, when a token had to be obtained.
    pub token: Option<TokenStep>,
    /// The last resource exchange; absent when the token step failed, so no call was made.
    pub resource: Option<Exchange>,
    /// Every exchange of the run, in order.
    pub timeline: Vec<TimelineEntry>,
}

pub(crate) async fn exchange(step: Step, request: PreparedRequest, send: &impl Sender) -> Exchange {
    let result = send.send(request.clone()).await;
    Exchange { step, request, result }
}

/// `POST <Token URL>`; the grant is read when the status is 2xx.
pub async fn get_token(settings: &OAuthSettings, send: &impl Sender) -> Result<TokenStep, Vec<FieldError>> {
    let request = token_request(settings)?;
    let exchange = exchange(Step::Token, request, send).await;
    let grant = exchange.response().filter(|r| (200..300).contains(&r.status)).map(parse_token_grant);
    Ok(TokenStep { exchange, grant })
}

/// The protected call with the held token. With `refetch`, a token is obtained first when
/// none is held or it expired, and once more after a 401 (then the call is retried once);
/// without it, a held token is sent even if expired, so the server's answer can be seen.
/// `on_token` hears of each token step as soon as it is done, so a page can show the token
/// while the protected call is still on its way.
#[allow(clippy::too_many_arguments)] // each is one independent knob of the call
pub async fn call_with_oauth(
    settings: &OAuthSettings,
    call: &ResourceCall,
    placement: &TokenPlacement,
    held: Option<&HeldToken>,
    now_ms: f64,
    refetch: bool,
    send: &impl Sender,
    on_token: &dyn Fn(&TokenStep),
) -> Result<OAuthCall, Vec<FieldError>> {
    let expired = held.is_some_and(|t| t.is_expired(now_ms));
    let usable = held.filter(|_| !expired || !refetch).cloned();
    let mut problems = call.problems();
    problems.extend(placement.problems());
    if usable.is_none() {
        problems.extend(settings.problems());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut run = OAuthCall { token: None, resource: None, timeline: Vec::new() };
    let token = match usable {
        Some(token) => token,
        None => {
            let purpose = if expired { Purpose::TokenAfterExpiry } else { Purpose::Token };
            match run.fetch_token(settings, purpose, send, on_token).await? {
                Some(token) => token,
                None => return Ok(run),
            }
        }
    };
    let first = run.call(call, &token, placement, Purpose::Resource, send).await?;
    let refused = first.response().is_some_and(|r| r.status == 401);
    if refused && refetch && run.token.is_none() && settings.problems().is_empty() {
        if let Some(token) = run.fetch_token(settings, Purpose::TokenAfter401, send, on_token).await? {
            run.call(call, &token, placement, Purpose::ResourceRetry, send).await?;
        }
    }
    Ok(run)
}

impl OAuthCall {
    async fn fetch_token(
        &mut self,
        settings: &OAuthSettings,
        purpose: Purpose,
        send: &impl Sender,
        on_token: &dyn Fn(&TokenStep),
    ) -> Result<Option<HeldToken>, Vec<FieldError>> {
        let step = get_token(settings, send).await?;
        self.timeline.push(TimelineEntry { purpose, exchange: step.exchange.clone() });
        let token = step.held();
        on_token(&step);
        self.token = Some(step);
        Ok(token)
    }

    async fn call(
        &mut self,
        call: &ResourceCall,
        token: &HeldToken,
        placement: &TokenPlacement,
        purpose: Purpose,
        send: &impl Sender,
    ) -> Result<Exchange, Vec<FieldError>> {
        let request = bearer_request(call, token, placement)?;
        let done = exchange(Step::Resource, request, send).await;
        self.timeline.push(TimelineEntry { purpose, exchange: done.clone() });
        self.resource = Some(done.clone());
        Ok(done)
    }
}

/// The protected call with HTTP Basic credentials.
pub async fn call_with_basic(
    settings: &BasicSettings,
    call: &ResourceCall,
    send: &impl Sender,
) -> Result<Exchange, Vec<FieldError>> {
    let request = basic_request(call, settings)?;
    Ok(exchange(Step::Resource, request, send).await)
}

/// The call through a pre-authenticated URL (no credentials).
pub async fn call_with_par(call: &ResourceCall, send: &impl Sender) -> Result<Exchange, Vec<FieldError>> {
    let request = crate::request::par_request(call)?;
    Ok(exchange(Step::Resource, request, send).await)
}

crate::closed::closed!(labelled Purpose);
