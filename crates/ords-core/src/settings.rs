//! What the person entered, typed, and checked before anything is sent.

use crate::secret::{AccessToken, ClientSecret, Password};
use crate::url::HttpUrl;

/// How the OAuth2 client proves its identity at the token endpoint (RFC 6749 §2.3.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClientAuth {
    /// `Authorization: Basic base64(client_id:client_secret)`: what ORDS documents.
    #[default]
    BasicHeader,
    /// `client_id` and `client_secret` as form fields in the body.
    RequestBody,
}

impl ClientAuth {
    /// The visible label of the option.
    pub fn label(self) -> &'static str {
        match self {
            Self::BasicHeader => "Basic auth header",
            Self::RequestBody => "Request body",
        }
    }

    /// The value of the `client_auth` URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            Self::BasicHeader => "header",
            Self::RequestBody => "body",
        }
    }
}

/// Settings of the OAuth2 `client_credentials` flow.
#[derive(Clone, Debug, Default)]
pub struct OAuthSettings {
    pub token_url: String,
    pub client_id: String,
    pub client_secret: ClientSecret,
    pub client_auth: ClientAuth,
    /// Form-encode id and secret before Base64 (RFC 6749 §2.3.1; some servers break on it).
    pub encode_credentials: bool,
    /// Optional `scope`, sent in the body when not empty.
    pub scope: String,
    pub extra: Vec<crate::options::ExtraParam>,
}

/// Settings of HTTP Basic authentication on the resource.
#[derive(Clone, Debug, Default)]
pub struct BasicSettings {
    pub username: String,
    pub password: Password,
}

/// A form field, named by its visible label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    TokenUrl,
    ClientId,
    ClientSecret,
    ResourceUrl,
    Username,
    Password,
    ExtraParams,
    TokenPlacement,
    Method,
    Headers,
    Body,
    OwnToken,
}

impl Field {
    /// The visible label, as docs and tests refer to it.
    pub fn label(self) -> &'static str {
        match self {
            Self::TokenUrl => "Token URL",
            Self::ClientId => "Client ID",
            Self::ClientSecret => "Client secret",
            Self::ResourceUrl => "Resource URL",
            Self::Username => "Username",
            Self::Password => "Password",
            Self::ExtraParams => "Extra parameters",
            Self::TokenPlacement => "Token placement",
            Self::Method => "Method",
            Self::Headers => "Headers",
            Self::Body => "Body",
            Self::OwnToken => "Access token",
        }
    }
}

/// An input refused before sending, with the sentence shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: Field, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// Checks a URL field; the parsed URL on success.
pub fn check_url(field: Field, value: &str) -> Result<HttpUrl, FieldError> {
    HttpUrl::parse(value).map_err(|e| FieldError::new(field, e.to_string()))
}

impl OAuthSettings {
    /// Every problem that would make the token request pointless.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if let Err(e) = check_url(Field::TokenUrl, &self.token_url) {
            out.push(e);
        }
        if self.client_id.trim().is_empty() {
            out.push(FieldError::new(Field::ClientId, "Enter the client ID (ORDS shows it in USER_ORDS_CLIENTS)."));
        } else if self.client_id.contains(':')
            && self.client_auth == ClientAuth::BasicHeader
            && !self.encode_credentials
        {
            out.push(FieldError::new(
                Field::ClientId,
                "A client ID with \":\" cannot be sent in a Basic header; choose Request body or form-encoding.",
            ));
        }
        if self.client_secret.is_empty() {
            out.push(FieldError::new(Field::ClientSecret, "Enter the client secret."));
        }
        out.extend(crate::options::extra_param_problems(&self.extra));
        out
    }
}

impl BasicSettings {
    /// Every problem that would make the Basic request pointless.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if self.username.is_empty() {
            out.push(FieldError::new(Field::Username, "Enter a user name."));
        } else if self.username.contains(':') {
            out.push(FieldError::new(
                Field::Username,
                "A user name cannot contain \":\" in HTTP Basic (the first \":\" ends the name).",
            ));
        }
        out
    }
}

/// Problems with the resource URL (shared by both flows).
pub fn resource_problems(resource_url: &str) -> Vec<FieldError> {
    check_url(Field::ResourceUrl, resource_url).err().into_iter().collect()
}

/// A token the page holds, with when it arrived, so expiry can be counted down.
#[derive(Clone, Debug)]
pub struct HeldToken {
    pub access_token: AccessToken,
    pub token_type: String,
    pub expires_in: Option<u64>,
    /// Milliseconds since the epoch when the response arrived.
    pub received_at_ms: f64,
}

impl HeldToken {
    /// A token received at `received_at_ms`; without `expires_in`, a JWT's `exp` gives the lifetime.
    pub fn new(access_token: AccessToken, token_type: String, expires_in: Option<u64>, received_at_ms: f64) -> Self {
        let from_exp = || {
            let exp = crate::jwt::decode_jwt(access_token.secret())?.exp?;
            u64::try_from(exp - (received_at_ms / 1000.0).floor() as i64).ok()
        };
        let expires_in = expires_in.or_else(from_exp);
        Self { access_token, token_type, expires_in, received_at_ms }
    }

    /// Whole seconds left at `now_ms`, or `None` when the server gave no lifetime. Never more
    /// than the lifetime, even if `now_ms` comes from a clock read before the response arrived.
    pub fn seconds_left(&self, now_ms: f64) -> Option<i64> {
        let lifetime = self.expires_in?;
        let left = ((self.received_at_ms + lifetime as f64 * 1000.0 - now_ms) / 1000.0).ceil() as i64;
        Some(left.min(lifetime as i64))
    }

    /// True when the lifetime is known and has run out.
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.seconds_left(now_ms).is_some_and(|s| s <= 0)
    }
}

/// `1h 02m 05s` style, for the countdown; `expired` at zero or below.
pub fn format_countdown(seconds: i64) -> String {
    if seconds <= 0 {
        return "expired".to_owned();
    }
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

#[cfg(test)]
mod tests;
