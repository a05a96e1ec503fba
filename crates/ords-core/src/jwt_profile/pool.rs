//! Pool-level JWT profiles (ORDS 25.2 and later): the profile as the pool's settings
//! (`security.jwt.profile.*`), set with `ords --config <dir> config --db-pool <pool> set …`;
//! the mode in which the pool ignores schema-level profiles; and `security.jwks.allowed.urls`,
//! which can stop ORDS from fetching the signing keys. Sources and certainty marks:
//! docs/ords-behaviour.md, "JWT profiles at the pool level".

use super::JwtProfile;
use crate::quote::shell;

/// Where ORDS keeps a JWT profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProfileLevel {
    /// `ORDS_SECURITY.CREATE_JWT_PROFILE`, one per REST-enabled schema.
    #[default]
    Schema,
    /// The pool's `security.jwt.profile.*` settings (ORDS 25.2 and later).
    Pool,
}

impl ProfileLevel {
    pub const ALL: [Self; 2] = [Self::Schema, Self::Pool];

    pub fn key(self) -> &'static str {
        match self {
            Self::Schema => "schema",
            Self::Pool => "pool",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Schema => "Schema (CREATE_JWT_PROFILE)",
            Self::Pool => "Pool (security.jwt.profile.*, 25.2+)",
        }
    }
}

crate::closed::closed!(labelled ProfileLevel);

/// Whether ORDS may fetch the JWK set at `jwk_url` under `security.jwks.allowed.urls`
/// (`allowed`, comma-separated; empty: not set, so any). Read as a list of URL prefixes
/// (inferred: ORDS documents the setting, not how it matches).
pub fn jwks_allowed(allowed: &str, jwk_url: &str) -> bool {
    let mut list = allowed.split(',').map(str::trim).filter(|a| !a.is_empty()).peekable();
    list.peek().is_none() || list.any(|prefix| jwk_url.trim().starts_with(prefix))
}

/// The profile as `ords config` lines for `pool`, each value quoted for the shell.
pub fn pool_config_lines(profile: &JwtProfile, pool: &str) -> String {
    let set = |key: &str, value: &str| {
        format!("ords --config \"$ORDS_CONFIG\" config --db-pool {} set {key} {}\n", shell(pool), shell(value))
    };
    let mut out = String::from(
        "# A pool-level JWT profile (ORDS 25.2 and later): the pool's settings, then restart ORDS.\n\
         # ORDS_CONFIG is the configuration directory ORDS was started with.\n",
    );
    out += &set("security.jwt.profile.enabled", "true");
    if profile.pool_mode {
        out += "# POOL: the pool ignores schema-level profiles (ORDS_SECURITY.CREATE_JWT_PROFILE).\n";
        out += &set("security.jwt.profile.mode", "POOL");
    }
    out += &set("security.jwt.profile.issuer", &profile.issuer);
    out += &set("security.jwt.profile.audience", &profile.audience);
    out += &set("security.jwt.profile.jwk.url", &profile.jwk_url);
    let role_claim = profile.role_claim.trim();
    if role_claim.is_empty() {
        if !profile.privilege.is_empty() {
            out += &set("security.jwt.profile.allowed.scopes", &profile.privilege);
        }
    } else {
        out += &set("security.jwt.profile.role.claim.name", role_claim);
        if !profile.privilege.is_empty() {
            out += &set("security.jwt.profile.allowed.roles", &profile.privilege);
        }
    }
    if let Some(skew) = profile.allowed_skew_s {
        out += &set("security.jwt.allowed.skew", &skew.to_string());
    }
    if let Some(age) = profile.allowed_age_s {
        out += &set("security.jwt.allowed.age", &age.to_string());
    }
    if !profile.jwks_allowed.trim().is_empty() {
        out += "# ORDS fetches signing keys only from these URLs: the JWK set URL must be one of them.\n";
        out += &set("security.jwks.allowed.urls", profile.jwks_allowed.trim());
    }
    out
}
