//! What a JWT says about itself, read for the profile checks: header `alg` and `kid`, and the
//! claims ORDS looks at. Nothing is verified here.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use serde_json::Value;

/// The `aud` claim: one string, a list, or none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Missing,
    One(String),
    Many(Vec<String>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TokenFacts {
    pub alg: String,
    pub kid: Option<String>,
    pub iss: Option<String>,
    pub aud: Audience,
    /// `scope` or `scp` (space-separated text or a list), split into names.
    pub scopes: Vec<String>,
    /// Which claim held them.
    pub scope_claim: Option<String>,
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub iat: Option<i64>,
    claims: Value,
}

fn part(text: &str) -> Option<Value> {
    let bytes = URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    value.is_object().then_some(value)
}

/// A number of seconds: an integer, or a number with a fraction (cut), as providers write it.
fn seconds(v: Option<&Value>) -> Option<i64> {
    let v = v?;
    v.as_i64().or_else(|| v.as_f64().filter(|f| f.is_finite() && f.abs() < 1e15).map(|f| f as i64))
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s.split_whitespace().map(str::to_owned).collect(),
        Value::Array(list) => list.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

impl TokenFacts {
    /// `header.claims.signature`; None for anything that is not a JWT (an opaque ORDS token).
    pub fn read(token: &str) -> Option<Self> {
        let mut parts = token.trim().split('.');
        let (header, claims, _signature) = (part(parts.next()?)?, part(parts.next()?)?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        let aud = match claims.get("aud") {
            Some(Value::String(a)) => Audience::One(a.clone()),
            Some(Value::Array(list)) => {
                Audience::Many(list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            }
            _ => Audience::Missing,
        };
        let (scope_claim, scopes) = ["scope", "scp"]
            .iter()
            .find_map(|k| claims.get(*k).map(|v| (Some((*k).to_owned()), strings(v))))
            .unwrap_or((None, Vec::new()));
        Some(Self {
            alg: text(&header, "alg").unwrap_or_default(),
            kid: text(&header, "kid"),
            iss: text(&claims, "iss"),
            aud,
            scopes,
            scope_claim,
            exp: seconds(claims.get("exp")),
            nbf: seconds(claims.get("nbf")),
            iat: seconds(claims.get("iat")),
            claims,
        })
    }

    /// The names at a JSON Pointer (`/roles`, `/realm_access/roles`), as a role claim holds them.
    pub fn at_pointer(&self, pointer: &str) -> Option<Vec<String>> {
        self.claims.pointer(pointer).map(strings)
    }
}
