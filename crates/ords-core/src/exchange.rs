//! One request/response pair as it happened, and why a request got no response at all.

use crate::http::HttpResponse;
use crate::request::PreparedRequest;

/// Which step of a flow an exchange belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Token,
    Resource,
}

impl Step {
    /// The setting that holds this step's URL.
    pub fn url_field(self) -> crate::field::Field {
        match self {
            Self::Token => crate::field::Field::TokenUrl,
            Self::Resource => crate::field::Field::ResourceUrl,
        }
    }
}

/// What came back, with timing measured by the transport.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    pub response: HttpResponse,
    /// From sending to the whole body being read.
    pub elapsed_ms: f64,
    /// Where `elapsed_ms` came from.
    pub timed_by: TimedBy,
    /// Milliseconds since the epoch when the response arrived (for token expiry).
    pub received_at_ms: f64,
}

/// The clock behind an elapsed time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimedBy {
    /// The browser's Resource Timing entry (request start to response end, no page overhead).
    ResourceTiming,
    /// The page's own clock around fetch (includes the page's work; used when no entry exists).
    PageClock,
    /// The simulated latency of the in-page ORDS.
    Simulated,
}

impl TimedBy {
    /// A short note for a tooltip beside the time.
    pub fn note(self) -> &'static str {
        match self {
            Self::ResourceTiming => "Measured by the browser (Resource Timing API)",
            Self::PageClock => "Measured around fetch by the page (no Resource Timing entry)",
            Self::Simulated => "Simulated latency (no network)",
        }
    }
}

/// Why no HTTP response could be read. Named by where it came from: the transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    /// The browser's fetch rejected with a network error. Browsers hide the reason on
    /// purpose: a CORS refusal, an unreachable server, DNS and mixed content all look alike.
    FetchFailed { detail: String },
    /// The person pressed Cancel.
    Cancelled,
    /// No response within the time limit.
    TimedOut { after_ms: u32 },
    /// The browser refused to build the request (e.g. a character not allowed in a header).
    Refused { detail: String },
    /// The person answered Cancel when asked to send a credential to this origin.
    NotSent { origin: String },
    /// The in-page simulator (in the page's helper) could not answer: its code did not load.
    Simulator { detail: String },
    /// The server answered with a redirect (3xx), which the page does not follow: a request that
    /// carries a credential is never re-sent where a redirect points. The browser hides the
    /// `Location`; `target` is where a GET without credentials ended up, when it could be read.
    /// `preflight`: the browser's preflight was redirected (browsers refuse that), so the request
    /// failed before it was sent, and a GET without credentials found the redirect.
    Redirected { target: Option<String>, preflight: bool },
}

impl std::fmt::Display for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::FetchFailed { .. } => f.write_str(
                "The request failed before any response could be read, and the browser does not say why. \
                 Most likely the server did not allow this page's origin (CORS), or it is unreachable \
                 (wrong host or port, server down, or an http/https mix-up).",
            ),
            Self::Cancelled => f.write_str("Cancelled. Nothing was received; press the button again to retry."),
            Self::TimedOut { after_ms } => write!(
                f,
                "No response after {} seconds; the server may be down or very slow. Cancelled the request.",
                after_ms / 1000
            ),
            Self::Refused { detail } => write!(f, "The browser refused to send this request: {detail}"),
            Self::Simulator { detail } => write!(
                f,
                "The in-page simulator could not answer: {detail} Nothing left this browser. Reload the page \
                 to try again."
            ),
            Self::Redirected { target, preflight: false } => {
                f.write_str(
                    "The server answered with a redirect (3xx), and this page did not follow it: nothing was re-sent, \
                     so your credentials went only to the address you chose. ",
                )?;
                Self::lead(f, target.as_deref())
            }
            Self::Redirected { target, preflight: true } => {
                f.write_str(
                    "The server answers this URL with a redirect (3xx): the browser's preflight (OPTIONS) was \
                     redirected, which browsers refuse, so the request was never sent, and a request without \
                     credentials to the same URL was redirected too. ",
                )?;
                Self::lead(f, target.as_deref())
            }
            Self::NotSent { origin } => write!(
                f,
                "Not sent: you chose not to send your credentials to {origin}. Nothing left this page; \
                 check the URL, then press the button again to be asked again."
            ),
        }
    }
}

impl TransportError {
    /// Where a redirect leads, as the sentence ends.
    fn lead(f: &mut std::fmt::Formatter<'_>, target: Option<&str>) -> std::fmt::Result {
        match target {
            Some(target) => write!(f, "It leads to {target} (found by a request without credentials)."),
            None => f.write_str("The browser does not let the page see where it leads."),
        }
    }
}

/// A request as sent (and as shown), and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    pub step: Step,
    pub request: PreparedRequest,
    pub result: Result<Received, TransportError>,
}

impl Exchange {
    /// The HTTP response, if one was read.
    pub fn response(&self) -> Option<&HttpResponse> {
        self.result.as_ref().ok().map(|r| &r.response)
    }

    /// True when the transport failed in the way that usually means CORS or an unreachable host.
    pub fn failed_to_fetch(&self) -> bool {
        matches!(self.result, Err(TransportError::FetchFailed { .. }))
    }

    /// True when the in-page simulator answered (nothing left the browser).
    pub fn simulated(&self) -> bool {
        matches!(&self.result, Ok(r) if r.timed_by == TimedBy::Simulated)
    }

    /// Every secret the exchange holds: the credentials its request carried on the wire and the
    /// token it handed out, to be masked in whatever of it is shown.
    pub fn secrets(&self) -> Vec<String> {
        let mut secrets = crate::mask::secrets_sent(&self.request.wire);
        secrets.extend(self.issued_token());
        secrets
    }

    /// The outcome in a few words: `200 OK`, `redirected (not followed)` or `no response`.
    pub fn outcome(&self) -> String {
        match &self.result {
            Ok(r) => format!("{} {}", r.response.status, r.response.reason),
            Err(TransportError::Redirected { .. }) => "redirected (not followed)".to_owned(),
            Err(_) => "no response".to_owned(),
        }
    }

    /// The access token a token exchange handed out, to be masked wherever the exchange shows.
    pub fn issued_token(&self) -> Option<String> {
        let response = self.response().filter(|_| self.step == Step::Token)?;
        crate::response::raw_access_token(&response.body)
    }
}
