//! Reads responses: the token grant, ORDS and RFC 6749 error bodies, and a display form of
//! any body (pretty JSON that keeps the server's key order and number spelling, or text).

use crate::http::HttpResponse;
use crate::secret::AccessToken;
use serde::Deserialize;

/// A successful token response (RFC 6749 §5.1; ORDS: lower-case `bearer`, numeric `expires_in`).
#[derive(Clone, Debug)]
pub struct TokenGrant {
    pub access_token: AccessToken,
    pub token_type: String,
    pub expires_in: Option<u64>,
    pub has_refresh_token: bool,
}

/// Why a 200 from the token endpoint could not be used, kept with what was received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenParseError {
    /// The body is not JSON (for example an HTML page from a proxy or login screen).
    NotJson { media_type: Option<String> },
    /// JSON, but without a string `access_token`.
    NoAccessToken,
}

impl std::fmt::Display for TokenParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson { media_type } => write!(
                f,
                "The token endpoint answered 200 but the body is not JSON ({}); check that the Token URL \
                 ends in /oauth/token and is not a sign-in page.",
                media_type.as_deref().unwrap_or("no Content-Type")
            ),
            Self::NoAccessToken => f.write_str(
                "The token endpoint answered 200 but the JSON has no access_token; it is not an OAuth2 token response.",
            ),
        }
    }
}

#[derive(Deserialize)]
struct RawGrant {
    access_token: Option<serde_json::Value>,
    #[serde(default)]
    token_type: Option<String>,
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
    #[serde(default)]
    refresh_token: Option<serde_json::Value>,
}

/// Reads the grant out of a token response body.
pub fn parse_token_grant(response: &HttpResponse) -> Result<TokenGrant, TokenParseError> {
    let raw: RawGrant = serde_json::from_str(&response.body)
        .map_err(|_| TokenParseError::NotJson { media_type: response.media_type() })?;
    let Some(serde_json::Value::String(token)) = raw.access_token else {
        return Err(TokenParseError::NoAccessToken);
    };
    // Some servers send expires_in as a string ("3600"); accept both, ORDS sends a number.
    let expires_in = match raw.expires_in {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.parse().ok(),
        _ => None,
    };
    Ok(TokenGrant {
        access_token: AccessToken::new(token),
        token_type: raw.token_type.unwrap_or_default(),
        expires_in,
        has_refresh_token: raw.refresh_token.is_some(),
    })
}

/// An error body in one of the dialects ORDS and OAuth2 servers use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorBody {
    /// ORDS problem JSON: `code`, `message`, `type`, `instance`.
    OrdsProblem { code: String, message: String },
    /// RFC 6749 §5.2: `error`, `error_description`.
    OAuth { error: String, description: Option<String> },
}

/// Recognises an error body, if it is one of the known JSON dialects.
pub fn parse_error_body(body: &str) -> Option<ErrorBody> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    if let (Some(code), Some(message)) = (text("code"), text("message")) {
        return Some(ErrorBody::OrdsProblem { code, message });
    }
    text("error").map(|error| ErrorBody::OAuth { error, description: text("error_description") })
}

/// How a body is shown: nothing, indented JSON, or plain (escaped) text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyView {
    Empty,
    Json(String),
    Text(String),
}

/// Chooses the display of a body. JSON is recognised by parsing, not by `Content-Type`,
/// because proxies and older ORDS versions mislabel both ways.
pub fn body_view(body: &str) -> BodyView {
    if body.trim().is_empty() {
        BodyView::Empty
    } else if is_json(body) {
        BodyView::Json(indent_json(body))
    } else {
        BodyView::Text(body.to_owned())
    }
}

/// True when the body parses as JSON (whatever its `Content-Type` says).
pub fn is_json(body: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok()
}

/// Re-indents valid JSON by two spaces without re-serialising it, so key order, duplicate
/// keys and number spelling stay exactly as the server sent them.
pub fn indent_json(json: &str) -> String {
    crate::BodyLines::json(json).into_text()
}

#[cfg(test)]
mod tests;
