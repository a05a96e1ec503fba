//! The discovery hops: the challenge's `resource_metadata`, the protected-resource metadata
//! (RFC 9728) and the authorization server's metadata (RFC 8414, then OpenID discovery). URLs
//! read from a server are taken only as `http(s)` URLs; documents only within size and depth.

use super::{MAX_DEPTH, MAX_DOCUMENT};
use crate::url::HttpUrl;
use serde_json::Value;

/// Why a discovery document could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetadataError {
    TooLarge(usize),
    TooDeep,
    NotJson(String),
    Missing(&'static str),
    NotAUrl { field: &'static str, value: String },
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge(n) => write!(f, "The document is {n} bytes, more than the {} KB read.", MAX_DOCUMENT / 1024),
            Self::TooDeep => write!(f, "The document nests deeper than {MAX_DEPTH} levels: it is not read."),
            Self::NotJson(why) => write!(f, "The document is not JSON ({why})."),
            Self::Missing(field) => write!(f, "The document has no {field}."),
            Self::NotAUrl { field, value } => {
                let shown: String = value.chars().take(80).collect();
                write!(f, "Its {field} is not an http(s) URL ({shown}): the page does not follow it.")
            }
        }
    }
}

/// What the protected resource says of itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceMetadata {
    pub resource: String,
    /// The first authorization server listed (the one a client uses).
    pub authorization_server: String,
    pub scopes: Vec<String>,
}

/// What the authorization server says of itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthServer {
    pub issuer: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub grant_types: Vec<String>,
}

/// The `resource_metadata` URL of a `WWW-Authenticate: Bearer …` challenge, if it names one.
pub fn challenge_metadata_url(challenge: &str) -> Option<String> {
    let at = challenge.find("resource_metadata=")? + "resource_metadata=".len();
    let rest = &challenge[at..];
    let value = match rest.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => rest.split([',', ' ']).next()?,
    };
    HttpUrl::parse(value).ok().map(|_| value.to_owned())
}

/// Where the authorization server's metadata may be, in the order a client tries them: RFC
/// 8414's path insertion, then OpenID discovery (inserted, then appended).
pub fn auth_server_metadata_urls(issuer: &str) -> Vec<String> {
    let Ok(url) = HttpUrl::parse(issuer.trim()) else { return Vec::new() };
    let origin = url.origin();
    let path = url.path.trim_end_matches('/');
    let mut out = vec![format!("{origin}/.well-known/oauth-authorization-server{path}")];
    if !path.is_empty() {
        out.push(format!("{origin}/.well-known/openid-configuration{path}"));
    }
    out.push(format!("{origin}{path}/.well-known/openid-configuration"));
    out
}

/// A JSON document within the limits.
pub(super) fn document(text: &str) -> Result<Value, MetadataError> {
    if text.len() > MAX_DOCUMENT {
        return Err(MetadataError::TooLarge(text.len()));
    }
    if nesting(text) > MAX_DEPTH {
        return Err(MetadataError::TooDeep);
    }
    serde_json::from_str(text).map_err(|e| MetadataError::NotJson(e.to_string()))
}

/// The deepest bracket nesting outside strings.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `value` when it is an http(s) URL (never `javascript:`, `data:` or a relative path).
fn checked(field: &'static str, value: &str) -> Result<String, MetadataError> {
    let value = value.trim();
    HttpUrl::parse(value).map(|_| value.to_owned()).map_err(|_| MetadataError::NotAUrl { field, value: value.into() })
}

fn url_field(v: &Value, field: &'static str) -> Result<String, MetadataError> {
    checked(field, v.get(field).and_then(Value::as_str).ok_or(MetadataError::Missing(field))?)
}

fn strings(v: &Value, field: &str) -> Vec<String> {
    let list = v.get(field).and_then(Value::as_array);
    list.map(|l| l.iter().filter_map(Value::as_str).take(100).map(str::to_owned).collect()).unwrap_or_default()
}

/// Reads `/.well-known/oauth-protected-resource/mcp`.
pub fn read_resource_metadata(text: &str) -> Result<ResourceMetadata, MetadataError> {
    let v = document(text)?;
    let servers = v.get("authorization_servers").and_then(Value::as_array);
    let first = servers
        .and_then(|s| s.first())
        .and_then(Value::as_str)
        .ok_or(MetadataError::Missing("authorization_servers"))?;
    let authorization_server = checked("authorization_servers", first)?;
    Ok(ResourceMetadata {
        resource: v.get("resource").and_then(Value::as_str).unwrap_or_default().chars().take(2000).collect(),
        authorization_server,
        scopes: strings(&v, "scopes_supported"),
    })
}

/// Reads the authorization server's metadata (RFC 8414 or OpenID discovery).
pub fn read_auth_server(text: &str) -> Result<AuthServer, MetadataError> {
    let v = document(text)?;
    Ok(AuthServer {
        issuer: v.get("issuer").and_then(Value::as_str).ok_or(MetadataError::Missing("issuer"))?.to_owned(),
        token_endpoint: url_field(&v, "token_endpoint")?,
        jwks_uri: url_field(&v, "jwks_uri").unwrap_or_default(),
        grant_types: strings(&v, "grant_types_supported"),
    })
}
