//! The two flows, written once against any sender: `Fn(HttpRequest) -> Future<Result<Received, _>>`.
//! The page passes browser fetch (or the in-page simulator); tests pass a closure.

use crate::exchange::{Exchange, Received, Step, TransportError};
use crate::http::HttpRequest;
use crate::options::{ResourceCall, TokenPlacement};
use crate::request::{basic_request, bearer_request, token_request, PreparedRequest};
use crate::response::{parse_token_grant, TokenGrant, TokenParseError};
use crate::settings::{BasicSettings, FieldError, HeldToken, OAuthSettings};
use std::future::Future;

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
        Some(HeldToken {
            access_token: grant.access_token.clone(),
            token_type: grant.token_type.clone(),
            expires_in: grant.expires_in,
            received_at_ms: received.received_at_ms,
        })
    }
}

/// The outcome of `Call API` in the OAuth2 flow.
#[derive(Clone, Debug)]
pub struct OAuthCall {
    /// Present when a token had to be obtained first.
    pub token: Option<TokenStep>,
    /// Absent when the token step failed, so no resource call was made.
    pub resource: Option<Exchange>,
}

async fn exchange<S, F>(step: Step, request: PreparedRequest, send: &S) -> Exchange
where
    S: Fn(HttpRequest) -> F,
    F: Future<Output = Result<Received, TransportError>>,
{
    let result = send(request.wire.clone()).await;
    Exchange { step, request, result }
}

/// `POST <Token URL>`; the grant is read when the status is 2xx.
pub async fn get_token<S, F>(settings: &OAuthSettings, send: &S) -> Result<TokenStep, Vec<FieldError>>
where
    S: Fn(HttpRequest) -> F,
    F: Future<Output = Result<Received, TransportError>>,
{
    let request = token_request(settings)?;
    let exchange = exchange(Step::Token, request, send).await;
    let grant = exchange.response().filter(|r| (200..300).contains(&r.status)).map(parse_token_grant);
    Ok(TokenStep { exchange, grant })
}

/// The protected call with the held token, obtaining one first if none is held or it expired.
pub async fn call_with_oauth<S, F>(
    settings: &OAuthSettings,
    call: &ResourceCall,
    placement: &TokenPlacement,
    held: Option<&HeldToken>,
    now_ms: f64,
    send: &S,
) -> Result<OAuthCall, Vec<FieldError>>
where
    S: Fn(HttpRequest) -> F,
    F: Future<Output = Result<Received, TransportError>>,
{
    let usable = held.filter(|t| !t.is_expired(now_ms)).cloned();
    let mut problems = call.problems();
    problems.extend(placement.problems());
    if usable.is_none() {
        problems.extend(settings.problems());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (token_step, token) = match usable {
        Some(token) => (None, token),
        None => {
            let step = get_token(settings, send).await?;
            match step.held() {
                Some(token) => (Some(step), token),
                None => return Ok(OAuthCall { token: Some(step), resource: None }),
            }
        }
    };
    let request = bearer_request(call, &token.access_token, placement)?;
    let resource = exchange(Step::Resource, request, send).await;
    Ok(OAuthCall { token: token_step, resource: Some(resource) })
}

/// The protected call with HTTP Basic credentials.
pub async fn call_with_basic<S, F>(
    settings: &BasicSettings,
    call: &ResourceCall,
    send: &S,
) -> Result<Exchange, Vec<FieldError>>
where
    S: Fn(HttpRequest) -> F,
    F: Future<Output = Result<Received, TransportError>>,
{
    let request = basic_request(call, settings)?;
    Ok(exchange(Step::Resource, request, send).await)
}
