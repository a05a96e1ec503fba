//! The settings of the two flows, as typed, and what each refuses before anything is sent.

use crate::field::{check_url, has_control, header_value_problem, is_token, Field, FieldError};
use crate::secret::{ClientSecret, Password};

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
    pub const ALL: [Self; 2] = [Self::BasicHeader, Self::RequestBody];

    /// The visible label of the option.
    pub fn label(self) -> &'static str {
        match self {
            Self::BasicHeader => "Basic auth header",
            Self::RequestBody => "Request body",
        }
    }

    /// The value of the `client_auth` setting.
    pub fn key(self) -> &'static str {
        match self {
            Self::BasicHeader => "header",
            Self::RequestBody => "body",
        }
    }

    /// The other choice (what diagnosis suggests trying).
    pub fn other(self) -> Self {
        match self {
            Self::BasicHeader => Self::RequestBody,
            Self::RequestBody => Self::BasicHeader,
        }
    }
}

/// Where an extra token-request parameter is sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParamPlace {
    #[default]
    Body,
    Query,
    Header,
}

impl ParamPlace {
    pub const ALL: [Self; 3] = [Self::Body, Self::Query, Self::Header];

    pub fn label(self) -> &'static str {
        match self {
            Self::Body => "Body",
            Self::Query => "Query string",
            Self::Header => "Header",
        }
    }

    /// Its name in the settings' text form.
    pub fn key(self) -> &'static str {
        match self {
            Self::Body => "body",
            Self::Query => "query",
            Self::Header => "header",
        }
    }
}

/// An extra parameter of the token request (`audience`, `resource`, anything a server needs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraParam {
    pub name: String,
    pub value: String,
    pub place: ParamPlace,
}

/// How the access token is attached to the protected call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenPlacement {
    /// `<name>: <prefix> <token>` (ORDS: `Authorization: Bearer …`; an empty prefix sends the token alone).
    Header { name: String, prefix: String },
    /// `?<name>=<token>` (some gateways; ORDS does not read it).
    Query { name: String },
}

impl Default for TokenPlacement {
    fn default() -> Self {
        Self::Header { name: "Authorization".into(), prefix: "Bearer".into() }
    }
}

impl TokenPlacement {
    /// A placement with an unusable name or prefix.
    pub fn problems(&self) -> Vec<FieldError> {
        let (Self::Header { name, .. } | Self::Query { name }) = self;
        let mut out = Vec::new();
        if !is_token(name) {
            out.push(FieldError::new(Field::TokenPlacement, "Enter a valid header or parameter name for the token."));
        }
        if let Self::Header { prefix, .. } = self {
            if let Some(why) = header_value_problem(prefix) {
                out.push(FieldError::new(Field::TokenPlacement, format!("The token prefix {why}.")));
            }
        }
        out
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
    pub extra: Vec<ExtraParam>,
}

/// Settings of HTTP Basic authentication on the resource.
#[derive(Clone, Debug, Default)]
pub struct BasicSettings {
    pub username: String,
    pub password: Password,
}

fn nul(field: Field, text: &str, out: &mut Vec<FieldError>) {
    if text.contains('\0') {
        out.push(FieldError::new(
            field,
            format!("The {} contains a NUL character, which cannot be sent.", field.label()),
        ));
    }
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
        } else if has_control(&self.client_id) {
            out.push(FieldError::new(
                Field::ClientId,
                "The Client ID contains a line break or control character; copy the id alone.",
            ));
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
        nul(Field::ClientSecret, self.client_secret.secret(), &mut out);
        out.extend(extra_param_problems(&self.extra));
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
        } else if has_control(&self.username) {
            out.push(FieldError::new(Field::Username, "The user name contains a line break or control character."));
        }
        nul(Field::Password, self.password.secret(), &mut out);
        out
    }
}

/// Problems of the extra token-request parameters.
pub fn extra_param_problems(extra: &[ExtraParam]) -> Vec<FieldError> {
    let mut out = Vec::new();
    for p in extra {
        if p.name.is_empty() {
            out.push(FieldError::new(Field::ExtraParams, "Every extra parameter needs a name."));
        } else if p.place == ParamPlace::Header && !is_token(&p.name) {
            out.push(FieldError::new(Field::ExtraParams, format!("\"{}\" is not a valid header name.", p.name)));
        } else if let Some(why) = header_value_problem(&p.value).filter(|_| p.place == ParamPlace::Header) {
            out.push(FieldError::new(Field::ExtraParams, format!("The value of header {} {why}.", p.name)));
        } else if p.name.contains('\0') || p.value.contains('\0') {
            out.push(FieldError::new(Field::ExtraParams, "An extra parameter contains a NUL character."));
        }
    }
    out
}

crate::closed::closed!(labelled ClientAuth, ParamPlace);

#[cfg(test)]
mod tests;
