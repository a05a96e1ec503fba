//! An ORDS JWT profile (ORDS 23.3+): the profile and what is known of its key set, a token's
//! claims (`facts`), the profile a token implies (`prefill`) and the SQL that creates one. The
//! checks of a token against a profile are the diagnosis's (`diagnose::jwt_rules`).

mod facts;
mod pool;
mod sql;

pub use facts::{Audience, TokenFacts};
pub use pool::{jwks_allowed, pool_config_lines, ProfileLevel};
pub use sql::jwt_profile_sql;

/// The most skew ORDS allows, whatever the profile says.
pub const MAX_SKEW_S: u32 = 60;

/// A JWT profile as `ORDS_SECURITY.CREATE_JWT_PROFILE` takes it, plus the ORDS privilege that
/// protects the resource.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JwtProfile {
    pub issuer: String,
    pub audience: String,
    pub jwk_url: String,
    /// Seconds of clock skew allowed on `exp` and `nbf` (capped at 60); None: ORDS's global
    /// `security.jwt.allowed.skew`, taken here as none.
    pub allowed_skew_s: Option<u32>,
    /// The oldest a token may be, counted from `iat`; None: not checked.
    pub allowed_age_s: Option<u32>,
    /// A JSON Pointer (`/roles`) to a claim of role names (ORDS 25.1+); empty: scopes are used.
    pub role_claim: String,
    /// The ORDS privilege protecting the resource: the scope the token must carry (at the pool
    /// level, `security.jwt.profile.allowed.scopes`).
    pub privilege: String,
    /// Where ORDS keeps the profile: the schema (PL/SQL) or, from 25.2, the pool's settings.
    pub level: ProfileLevel,
    /// The pool's `security.jwt.profile.mode` is `POOL`: schema-level profiles are ignored.
    pub pool_mode: bool,
    /// The pool's `security.jwks.allowed.urls` (comma-separated); empty: not set.
    pub jwks_allowed: String,
}

/// What the page knows of the profile's JWK set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Jwks {
    /// Not fetched (no URL, or not asked).
    #[default]
    Unknown,
    /// Fetched by the browser: the key ids it holds.
    Kids(Vec<String>),
    /// The browser could not fetch it (usually CORS): ORDS fetches it server-side anyway.
    Unfetchable { why: String },
}

impl Jwks {
    /// The key ids of a JWK set document (`{"keys":[{"kid":…},…]}`); a document that is not
    /// one is said to be so.
    pub fn from_key_set(set: &serde_json::Value) -> Self {
        match set.get("keys").and_then(serde_json::Value::as_array) {
            Some(keys) => Self::Kids(keys.iter().filter_map(|k| k.get("kid")?.as_str().map(str::to_owned)).collect()),
            None => Self::Unfetchable { why: "the answer is not a JSON key set".into() },
        }
    }
}

/// The privilege pattern for a resource: its module's, e.g. `/hr/*`.
pub fn privilege_pattern(resource_url: &str) -> String {
    let url = crate::url::HttpUrl::parse(resource_url).ok();
    let module = url.as_ref().and_then(crate::url::ords_alias_and_module).and_then(|(_, m)| m);
    format!("/{}/*", module.unwrap_or_else(|| "<module>".into()))
}

/// The profile as a person would mean it for this token: issuer and audience from its claims
/// (one audience when it holds several: the first that is not a userinfo endpoint), the JWK
/// set URL where the issuer's provider is recognised.
pub fn prefill(token: &str) -> Option<JwtProfile> {
    let t = TokenFacts::read(token)?;
    let issuer = t.iss.clone().unwrap_or_default();
    let audience = match &t.aud {
        Audience::One(a) => a.clone(),
        Audience::Many(list) => list.iter().find(|a| !a.contains("userinfo")).cloned().unwrap_or_default(),
        Audience::Missing => String::new(),
    };
    Some(JwtProfile { jwk_url: jwks_for_issuer(&issuer), issuer, audience, ..JwtProfile::default() })
}

/// The JWKS address of well-known providers, from the issuer; empty where unknown.
fn jwks_for_issuer(iss: &str) -> String {
    let base = iss.trim_end_matches('/');
    if let Some(tenant) = iss.strip_prefix("https://login.microsoftonline.com/").and_then(|r| r.split('/').next()) {
        format!("https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys")
    } else if iss.contains("/realms/") {
        format!("{base}/protocol/openid-connect/certs") // Keycloak
    } else if iss.contains(".okta.com/oauth2/") {
        format!("{base}/v1/keys")
    } else if iss.contains(".auth0.com") {
        format!("{base}/.well-known/jwks.json")
    } else {
        String::new()
    }
}
