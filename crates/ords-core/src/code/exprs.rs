//! The expressions JavaScript and Python build the same way, in C-like string syntax:
//! the token request's Basic header and body, where the token goes, and the Basic call.
//! Their string literals are the same in both languages (`quote::js` equals `quote::python`).

use super::plan::Plan;
use crate::quote::js as lit;
use crate::settings::TokenPlacement;

/// What a language calls its helpers and variables.
pub(super) struct Names {
    /// `base64(text)` of the UTF-8 bytes.
    pub base64: &'static str,
    /// `application/x-www-form-urlencoded` encoding of one value.
    pub form_encode: &'static str,
    pub client_secret: &'static str,
    pub password: &'static str,
    /// An expression percent-encoding `token` for a query string.
    pub url_encoded_token: &'static str,
}

/// `"Authorization": "Basic " + base64(id + ":" + secret)`, unless the secret goes in the body.
pub(super) fn token_auth(p: &Plan, n: &Names) -> Option<String> {
    (!p.secret_in_body).then(|| {
        let secret = if p.encode_credentials {
            format!("{}({})", n.form_encode, n.client_secret)
        } else {
            n.client_secret.into()
        };
        format!("\"Authorization\": \"Basic \" + {}({} + \":\" + {secret})", n.base64, lit(&p.client_id_for_basic))
    })
}

/// The token request's form body, with the secret appended when it goes in the body.
pub(super) fn token_body(p: &Plan, n: &Names) -> String {
    if p.secret_in_body {
        format!("{} + \"&client_secret=\" + {}({})", lit(&p.token_body), n.form_encode, n.client_secret)
    } else {
        lit(&p.token_body)
    }
}

/// The resource URL expression, and the token header when the token goes in a header.
pub(super) fn token_target(p: &Plan, n: &Names) -> (String, Option<String>) {
    match &p.placement {
        TokenPlacement::Header { name, prefix } => {
            let lead = if prefix.is_empty() { String::new() } else { format!("{prefix} ") };
            (lit(&p.resource_url), Some(format!("{}: {} + token", lit(name), lit(&lead))))
        }
        TokenPlacement::Query { name } => {
            let head = crate::url::query_lead(&p.resource_url, name);
            (format!("{} + {}", lit(&head), n.url_encoded_token), None)
        }
    }
}

/// `"Authorization": "Basic " + base64(username + ":" + password)`.
pub(super) fn basic_auth(p: &Plan, n: &Names) -> String {
    format!("\"Authorization\": \"Basic \" + {}({} + \":\" + {})", n.base64, lit(&p.username), n.password)
}
