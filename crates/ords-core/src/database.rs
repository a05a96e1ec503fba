//! From the database: the token request as `APEX_WEB_SERVICE.OAUTH_AUTHENTICATE` sends it, set
//! beside the one the settings make (what Postman and this page send), and a verdict on why one
//! works and the other does not. What the package sends is documented in part and inferred in
//! part (docs/ords-behaviour.md §8): the Basic header with the id and secret as typed,
//! `grant_type=client_credentials` and the scope, nothing else.

mod ora;
#[cfg(test)]
mod tests;

pub use ora::{explain, Explained, OraCode, OraError, MAX_PASTE};

use crate::encode::parse_form;
use crate::exchange::Exchange;
use crate::http::find_header;
use crate::response::{parse_error_body, raw_access_token, ErrorBody};
use crate::settings::{ClientAuth, OAuthSettings, ParamPlace};

/// Both token requests of `Try as APEX_WEB_SERVICE would`, as sent and answered, and the
/// settings they came from.
#[derive(Clone, Debug)]
pub struct Tried {
    pub yours: Exchange,
    pub database: Exchange,
    pub oauth: OAuthSettings,
}

/// The settings as `OAUTH_AUTHENTICATE` would use them: the same URL, id, secret and scope,
/// the credentials in a Basic header as typed, no extra parameters or headers.
pub fn as_database(oauth: &OAuthSettings) -> OAuthSettings {
    OAuthSettings {
        client_auth: ClientAuth::BasicHeader,
        encode_credentials: false,
        extra: Vec::new(),
        ..oauth.clone()
    }
}

/// What the settings add that `OAUTH_AUTHENTICATE` cannot send, as phrases for the verdict.
pub fn cannot_send(oauth: &OAuthSettings) -> Vec<String> {
    let mut out = Vec::new();
    if oauth.client_auth == ClientAuth::RequestBody {
        out.push("the client credentials in the request body".to_owned());
    } else if oauth.encode_credentials {
        out.push("the client id and secret form-encoded before Base64".to_owned());
    }
    for (place, what) in [
        (ParamPlace::Body, "the token parameter"),
        (ParamPlace::Query, "the query parameter"),
        (ParamPlace::Header, "the request header"),
    ] {
        let names: Vec<&str> = oauth.extra.iter().filter(|p| p.place == place).map(|p| p.name.as_str()).collect();
        match names.as_slice() {
            [] => {}
            [one] => out.push(format!("{what} {one}")),
            many => out.push(format!("{what}s {}", many.join(", "))),
        }
    }
    out
}

/// How the token endpoint treated one of the two requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx with an `access_token`: what `OAUTH_AUTHENTICATE` needs.
    Token,
    /// Anything else the endpoint answered (`OAUTH_AUTHENTICATE` raises ORA-20001).
    Refused(String),
    /// No answer at all (the database would see a network error, not ORA-20001).
    NoAnswer(String),
}

impl Outcome {
    pub fn of(exchange: &Exchange) -> Self {
        let response = match &exchange.result {
            Ok(received) => &received.response,
            Err(error) => return Self::NoAnswer(error.to_string()),
        };
        let ok = (200..300).contains(&response.status);
        if ok && raw_access_token(&response.body).is_some() {
            return Self::Token;
        }
        let mut said = response.status.to_string();
        match parse_error_body(&response.body) {
            Some(ErrorBody::OAuth { error, .. }) => said = format!("{said} {}", error.as_str()),
            Some(ErrorBody::OrdsProblem { code, .. }) => said = format!("{said} {code}"),
            None if ok => said.push_str(" without an access_token"),
            None => {}
        }
        Self::Refused(said)
    }

    fn said(&self) -> String {
        match self {
            Self::Token => "a token".to_owned(),
            Self::Refused(said) => said.clone(),
            Self::NoAnswer(why) => format!("no answer ({why})"),
        }
    }
}

/// The verdict, in sentences: each request's answer, then why.
pub fn verdict(database: &Exchange, yours: &Exchange, oauth: &OAuthSettings) -> String {
    let (db, you) = (Outcome::of(database), Outcome::of(yours));
    let head = format!("As the database sends it: {}. As you send it: {}. ", db.said(), you.said());
    let extras = cannot_send(oauth);
    let listed = join_and(&extras);
    let why = match (&db, &you) {
        (Outcome::NoAnswer(_), _) | (_, Outcome::NoAnswer(_)) => {
            "Nothing to compare until both get an answer: see the failure above.".to_owned()
        }
        (Outcome::Token, Outcome::Token) if extras.is_empty() => {
            "The token endpoint accepts the request OAUTH_AUTHENTICATE sends, so the token endpoint is not the \
             problem: from the database, look at the network next (the ACL for the host, the wallet for https). \
             Paste the database's error below."
                .to_owned()
        }
        (Outcome::Token, Outcome::Token) => format!(
            "Both are accepted: the server does not need {listed}. OAUTH_AUTHENTICATE should get a token, so look at \
             the database side next (the ACL for the host, the wallet for https). Paste the database's error below."
        ),
        (Outcome::Refused(_), Outcome::Token) if extras.is_empty() => {
            "The two requests are the same, yet only one got a token: the server may answer differently by time or \
             by client; try again and compare the two answers above."
                .to_owned()
        }
        (Outcome::Refused(_), Outcome::Token) => {
            let web_credential = if oauth.client_auth == ClientAuth::RequestBody {
                " (a web credential can send body credentials from APEX 26.1)"
            } else {
                ""
            };
            format!(
                "This server wants {listed}, which OAUTH_AUTHENTICATE cannot send{web_credential}: from the database \
                 it raises ORA-20001. The PL/SQL (APEX) code requests the token itself with MAKE_REST_REQUEST."
            )
        }
        (Outcome::Token, Outcome::Refused(_)) => format!(
            "The request OAUTH_AUTHENTICATE sends works here: the server refuses what these settings add{}. From the \
             database, OAUTH_AUTHENTICATE with this id and secret should get a token.",
            if extras.is_empty() { String::new() } else { format!(" ({listed})") }
        ),
        (Outcome::Refused(_), Outcome::Refused(_)) => {
            "Both are refused: the client id, the secret or the token URL is wrong for this server however they are \
             sent. Fix that first (see Diagnosis); the database will fail the same way, with ORA-20001."
                .to_owned()
        }
    };
    let scope = if oauth.scope.trim().is_empty() { "" } else { " The scope goes as p_scope (APEX 20.1 and later)." };
    format!("{head}{why}{scope}")
}

/// One aspect of the two requests, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub aspect: &'static str,
    pub database: String,
    pub yours: String,
}

impl Row {
    pub fn same(&self) -> bool {
        self.database == self.yours
    }
}

/// What each request carried and what came back, from the requests as sent.
pub fn rows(database: &Exchange, yours: &Exchange) -> Vec<Row> {
    let row = |aspect, f: &dyn Fn(&Exchange) -> String| Row { aspect, database: f(database), yours: f(yours) };
    vec![
        row("Answer", &|x| Outcome::of(x).said()),
        row("URL", &|x| x.request.shown.url.clone()),
        row("Client credentials", &|x| credentials(x).to_owned()),
        row("Body parameters", &|x| body_names(x)),
        row("Headers", &|x| x.request.wire.headers.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ")),
    ]
}

fn credentials(x: &Exchange) -> &'static str {
    let basic = find_header(&x.request.wire.headers, "authorization").is_some_and(|v| v.starts_with("Basic "));
    let in_body = parse_form(&x.request.wire.body).is_some_and(|p| p.iter().any(|(k, _)| k == "client_secret"));
    match (basic, in_body) {
        (true, true) => "Basic header and request body",
        (true, false) => "Basic header",
        (false, true) => "request body",
        (false, false) => "none",
    }
}

fn body_names(x: &Exchange) -> String {
    let pairs = parse_form(&x.request.wire.body).unwrap_or_default();
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
