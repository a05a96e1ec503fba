//! Reads responses: the token grant, and ORDS and RFC 6749 error bodies.

use crate::http::HttpResponse;
use crate::secret::AccessToken;
use serde::Deserialize;

/// A successful token response (RFC 6749 §5.1; ORDS: lower-case `bearer`, numeric `expires_in`).
#[derive(Clone, Debug)]
pub struct TokenGrant {
    pub access_token: AccessToken,
    pub token_type: String,
    pub expires_in: Option<u64>,
}

/// Why a 200 from the token endpoint could not be used, kept with what was received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenParseError {
    /// The body is not JSON (for example an HTML page from a proxy or login screen).
    NotJson { media_type: Option<String> },
    /// JSON, but without a string `access_token`.
    NoAccessToken,
    /// An access token that no request could carry (empty, or with a line break or a
    /// character a header cannot hold).
    UnusableToken { why: String },
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
            Self::UnusableToken { why } => write!(
                f,
                "The token endpoint answered 200 but its access_token {why}, so no request can carry it; \
                 the server is not sending a usable token."
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
}

/// Reads the grant out of a token response body.
pub fn parse_token_grant(response: &HttpResponse) -> Result<TokenGrant, TokenParseError> {
    let raw: RawGrant = serde_json::from_str(&response.body)
        .map_err(|_| TokenParseError::NotJson { media_type: response.media_type() })?;
    let Some(serde_json::Value::String(token)) = raw.access_token else {
        return Err(TokenParseError::NoAccessToken);
    };
    let why = if token.is_empty() { Some("is empty".to_owned()) } else { crate::field::header_value_problem(&token) };
    if let Some(why) = why {
        return Err(TokenParseError::UnusableToken { why });
    }
    // Some servers send expires_in as a string ("3600"); accept both, ORDS sends a number.
    let expires_in = match raw.expires_in {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.parse().ok(),
        _ => None,
    };
    Ok(TokenGrant { access_token: AccessToken::new(token), token_type: raw.token_type.unwrap_or_default(), expires_in })
}

/// The `error` of an RFC 6749 §5.2 error response. Open: servers send others too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OAuthErrorCode {
    /// A parameter is missing, repeated, unsupported or malformed.
    InvalidRequest,
    /// The client could not be authenticated (unknown client, wrong secret, wrong method).
    InvalidClient,
    /// The grant (or refresh token) is invalid, expired or revoked.
    InvalidGrant,
    /// This client may not use this grant type.
    UnauthorizedClient,
    /// The server does not support this grant type.
    UnsupportedGrantType,
    /// A requested scope is unknown, malformed or beyond what the client was granted.
    InvalidScope,
    /// Any other code, as sent.
    Other(String),
}

impl OAuthErrorCode {
    pub fn parse(code: &str) -> Self {
        match code {
            "invalid_request" => Self::InvalidRequest,
            "invalid_client" => Self::InvalidClient,
            "invalid_grant" => Self::InvalidGrant,
            "unauthorized_client" => Self::UnauthorizedClient,
            "unsupported_grant_type" => Self::UnsupportedGrantType,
            "invalid_scope" => Self::InvalidScope,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The code as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidClient => "invalid_client",
            Self::InvalidGrant => "invalid_grant",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::UnsupportedGrantType => "unsupported_grant_type",
            Self::InvalidScope => "invalid_scope",
            Self::Other(code) => code,
        }
    }
}

/// The `access_token` text of a token response body, usable or not: what must be masked
/// wherever that body is shown.
pub fn raw_access_token(body: &str) -> Option<String> {
    let raw: RawGrant = serde_json::from_str(body).ok()?;
    match raw.access_token? {
        serde_json::Value::String(token) if !token.is_empty() => Some(token),
        _ => None,
    }
}

/// An error body in one of the dialects ORDS and OAuth2 servers use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorBody {
    /// ORDS problem JSON: `code`, `message`, `type`, `instance`.
    OrdsProblem { code: String, message: String },
    /// RFC 6749 §5.2: `error`, `error_description`.
    OAuth { error: OAuthErrorCode, description: Option<String> },
}

/// Recognises an error body, if it is one of the known JSON dialects.
pub fn parse_error_body(body: &str) -> Option<ErrorBody> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    if let (Some(code), Some(message)) = (text("code"), text("message")) {
        return Some(ErrorBody::OrdsProblem { code, message });
    }
    text("error")
        .map(|error| ErrorBody::OAuth { error: OAuthErrorCode::parse(&error), description: text("error_description") })
}

/// True when the body is JSON this page lays out (whatever its `Content-Type` says): strictly
/// checked, nested at most `body_lines::MAX_DEPTH` levels.
pub fn is_json(body: &str) -> bool {
    body_lines::check_json(body).is_ok()
}

/// Re-indents valid JSON by two spaces without re-serialising it, so key order, duplicate
/// keys and number spelling stay exactly as the server sent them.
pub fn indent_json(json: &str) -> String {
    crate::BodyLines::json(json).to_text()
}

#[cfg(test)]
mod tests;
