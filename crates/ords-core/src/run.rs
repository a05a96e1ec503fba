//! One run of a button, orchestrated: which flow, which token, the Compare join (its table is
//! `compare::comparison_of` the timeline), the timeline and what the panels must say. The page
//! only gathers the inputs and shows the outcome.

use crate::call::ResourceCall;
use crate::config::Flow;
use crate::exchange::Exchange;
use crate::field::FieldError;
use crate::flow::{call_with_basic, call_with_oauth, get_token, Purpose, Sender, TimelineEntry, TokenStep};
use crate::held_token::HeldToken;
use crate::settings::{BasicSettings, OAuthSettings, TokenPlacement};
use std::future::Future;

/// The page's two buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    GetToken,
    CallApi,
}

impl Button {
    /// The visible label of the button.
    pub fn label(self) -> &'static str {
        match self {
            Self::GetToken => "Get token",
            Self::CallApi => "Call API",
        }
    }

    /// Its name in stored history.
    pub fn key(self) -> &'static str {
        match self {
            Self::GetToken => "get_token",
            Self::CallApi => "call_api",
        }
    }

    /// Reads a stored name (older histories stored the label).
    pub fn parse(text: &str) -> Option<Self> {
        [Self::GetToken, Self::CallApi].into_iter().find(|a| a.key() == text || a.label() == text)
    }
}

/// Where the token for a protected call comes from.
#[derive(Clone, Debug)]
pub enum TokenSource {
    /// The token the page holds (if any): used while valid, re-fetched as settings allow.
    Held(Option<HeldToken>),
    /// `Use my own token`: sent as is, never re-fetched (the token request would be someone else's).
    Pasted(HeldToken),
}

/// Everything a run reads, gathered once when the button is pressed.
#[derive(Clone, Debug)]
pub struct RunInputs {
    pub action: Button,
    pub flow: Flow,
    pub oauth: OAuthSettings,
    pub basic: BasicSettings,
    pub call: ResourceCall,
    pub placement: TokenPlacement,
    pub token: TokenSource,
    /// Re-fetch the token when it expired, or once after a 401.
    pub refetch: bool,
    pub now_ms: f64,
}

/// What a run produced.
#[derive(Clone, Debug, Default)]
pub struct RunOutcome {
    /// The last token step, when a token was requested.
    pub token: Option<TokenStep>,
    /// The last protected call (the OAuth2 one in Compare), absent when none was made.
    pub resource: Option<Exchange>,
    /// Every exchange, in order.
    pub timeline: Vec<TimelineEntry>,
    /// Why the resource panel has no exchange, when that needs saying.
    pub resource_note: Option<&'static str>,
    /// A held token whose countdown had reached zero was sent anyway (re-fetch off).
    pub sent_expired_token: bool,
}

/// The note when a token request failed and so no protected call was made.
pub const NO_CALL_NOTE: &str = "No resource call was made: the token request failed (see Token response).";

/// Runs the action. `on_token` hears of each token step as soon as it is done.
pub async fn run(
    inputs: &RunInputs,
    send: &impl Sender,
    on_token: &dyn Fn(&TokenStep),
) -> Result<RunOutcome, Vec<FieldError>> {
    if inputs.flow == Flow::Par {
        if inputs.action == Button::GetToken {
            let message = "A pre-authenticated URL needs no token: press Call API.".to_owned();
            return Err(vec![FieldError { field: crate::field::Field::ParUrl, message }]);
        }
        let exchange = crate::flow::call_with_par(&inputs.call, send).await?;
        let timeline = vec![TimelineEntry { purpose: Purpose::Resource, exchange: exchange.clone() }];
        return Ok(RunOutcome { resource: Some(exchange), timeline, ..Default::default() });
    }
    if inputs.action == Button::GetToken {
        let step = get_token(&inputs.oauth, send).await?;
        on_token(&step);
        let timeline = vec![TimelineEntry { purpose: Purpose::Token, exchange: step.exchange.clone() }];
        return Ok(RunOutcome { token: Some(step), timeline, ..Default::default() });
    }
    let (held, refetch) = match &inputs.token {
        TokenSource::Held(held) => (held.as_ref(), inputs.refetch),
        TokenSource::Pasted(pasted) => (Some(pasted), false),
    };
    let sent_expired_token = !refetch && held.is_some_and(|h| h.is_expired(inputs.now_ms));
    let oauth =
        call_with_oauth(&inputs.oauth, &inputs.call, &inputs.placement, held, inputs.now_ms, refetch, send, on_token);
    let mut outcome = match inputs.flow {
        Flow::Basic => {
            let exchange = call_with_basic(&inputs.basic, &inputs.call, send).await?;
            let timeline = vec![TimelineEntry { purpose: Purpose::Resource, exchange: exchange.clone() }];
            RunOutcome { resource: Some(exchange), timeline, ..Default::default() }
        }
        Flow::OAuth2 | Flow::Par => {
            let run = oauth.await?;
            RunOutcome { token: run.token, resource: run.resource, timeline: run.timeline, ..Default::default() }
        }
        Flow::Compare => {
            let basic = call_with_basic(&inputs.basic, &inputs.call, send);
            let (basic, run) = match futures_join(basic, oauth).await {
                (Ok(basic), Ok(run)) => (basic, run),
                (Err(mut a), Err(b)) => {
                    a.extend(b);
                    return Err(a);
                }
                (Err(problems), _) | (_, Err(problems)) => return Err(problems),
            };
            // Compare's table is made from the timeline where it is shown (`compare::comparison_of`).
            let mut timeline = run.timeline;
            timeline.push(TimelineEntry { purpose: Purpose::BasicCall, exchange: basic });
            RunOutcome { token: run.token, resource: run.resource, timeline, ..Default::default() }
        }
    };
    if outcome.token.is_some() && outcome.resource.is_none() {
        outcome.resource_note = Some(NO_CALL_NOTE);
    }
    outcome.sent_expired_token = sent_expired_token;
    Ok(outcome)
}

/// Both futures, polled together (Compare sends its two calls at the same time).
async fn futures_join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    use std::task::Poll;
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}
