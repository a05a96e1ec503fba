//! The checks ORDS makes of an external identity provider's token against a JWT profile, each
//! failure as a finding with the claim and the profile value side by side. ORDS itself answers
//! every failure with the same `401 invalid_token`; these checks say which rule it was. The
//! signature is not verified here (the page has no reason to trust a key it fetched); what can
//! be checked about keys is that the token's `kid` is in the JWK set. The rules follow
//! `docs/ords-behaviour.md` (JWT profiles).

use super::{Finding, FindingId, Severity};
use crate::jwt_profile::{jwks_allowed, Audience, Jwks, JwtProfile, ProfileLevel, TokenFacts, MAX_SKEW_S};

fn problem(id: FindingId, cause: String, evidence: String) -> Finding {
    Finding::new(id, Severity::Problem, cause, evidence)
}

/// Every rule the token breaks, in the order ORDS is most likely to trip on them (the first
/// is the one to fix first). `now_s`: seconds since the epoch.
pub fn check_jwt(token: &str, profile: &JwtProfile, now_s: i64, jwks: &Jwks) -> Vec<Finding> {
    let Some(t) = TokenFacts::read(token) else { return Vec::new() };
    let mut out = profile_rules(profile);
    let url = profile.jwk_url.trim();
    if !url.is_empty() && !url.starts_with("https://") {
        // A warning: ORDS refuses to create such a profile, so it describes no real one (a
        // local simulator's key set is served over http).
        out.push(
            Finding::new(
                FindingId::JwtJwkUrl,
                Severity::Warning,
                "The JWK set URL is not https: ORDS only accepts https.",
                format!("JWK set URL: {url}"),
            )
            .fix("Use the identity provider's https JWKS address."),
        );
    }
    if !matches!(t.alg.as_str(), "RS256" | "RS384" | "RS512") {
        out.push(
            problem(
                FindingId::JwtAlgorithm,
                format!("The token is signed with {}; ORDS accepts RS256, RS384 and RS512.", t.alg),
                format!("header alg = {}", t.alg),
            )
            .fix("Have the identity provider sign access tokens with RSA (RS256)."),
        );
    }
    let iss = t.iss.clone().unwrap_or_default();
    if iss != profile.issuer {
        out.push(
            problem(
                FindingId::JwtIssuer,
                format!("The token's iss is not the profile's issuer ({}).", difference(&iss, &profile.issuer)),
                format!("iss = \"{iss}\"; profile issuer = \"{}\"", profile.issuer),
            )
            .fix(
                "The profile's issuer must be the iss claim exactly, character for character (a trailing / included).",
            ),
        );
    }
    match &t.aud {
        Audience::Many(list) => out.push(
            problem(
                FindingId::JwtAudienceArray,
                "The token's aud is a list; ORDS compares it with the profile's audience as one string.".into(),
                format!("aud = {list:?}; profile audience = \"{}\"", profile.audience),
            )
            .fix(
                "Ask the provider for a token with one audience (Auth0: do not request the openid scope for this API).",
            ),
        ),
        Audience::One(aud) if *aud != profile.audience => out.push(
            problem(
                FindingId::JwtAudience,
                format!("The token's aud is not the profile's audience ({}).", difference(aud, &profile.audience)),
                format!("aud = \"{aud}\"; profile audience = \"{}\"", profile.audience),
            )
            .fix(
                "Request the token for the audience in the profile (Auth0: the audience parameter; Entra ID: \
                    scope=api://<app>/.default), or set the profile's audience to it.",
            ),
        ),
        Audience::Missing => out.push(
            problem(
                FindingId::JwtAudience,
                "The token has no aud claim.".into(),
                format!("profile audience = \"{}\"", profile.audience),
            )
            .fix(
                "Request the token for an audience (Auth0: the audience parameter); without one some providers issue \
                    an opaque token.",
            ),
        ),
        Audience::One(_) => {}
    }
    out.extend(authorization(&t, profile));
    out.extend(times(&t, profile, now_s));
    out.extend(keys(&t, jwks, url));
    out
}

/// What makes ORDS refuse every token, whatever it holds: a schema profile the pool ignores,
/// keys ORDS may not fetch, a role claim that is not a JSON Pointer (ORDS 25.2).
pub(super) fn profile_rules(profile: &JwtProfile) -> Vec<Finding> {
    let mut out = Vec::new();
    if profile.level == ProfileLevel::Schema && profile.pool_mode {
        out.push(
            problem(
                FindingId::JwtSchemaIgnored,
                "The pool's security.jwt.profile.mode is POOL, so ORDS ignores schema-level JWT profiles: this \
                    schema's profile is never consulted and every token gets 401 invalid_token."
                    .into(),
                "profile level: schema; pool security.jwt.profile.mode = POOL".into(),
            )
            .fix(
                "Set the profile on the pool (security.jwt.profile.*, JWT profile level: Pool shows the ords config \
                    lines), or set the pool's mode back so schema profiles count.",
            ),
        );
    }
    let url = profile.jwk_url.trim();
    if !url.is_empty() && !jwks_allowed(&profile.jwks_allowed, url) {
        out.push(
            problem(
                FindingId::JwtJwksNotAllowed,
                "The JWK set URL is not in the pool's security.jwks.allowed.urls: ORDS will not fetch the signing \
                    keys, so every token gets 401 invalid_token (inferred: ORDS documents the setting, not how it \
                    matches)."
                    .into(),
                format!("JWK set URL: {url}; security.jwks.allowed.urls = {}", profile.jwks_allowed.trim()),
            )
            .fix(format!(
                "Add the JWK set URL to the list: ords --config \"$ORDS_CONFIG\" config --db-pool <pool> set \
                    security.jwks.allowed.urls {}",
                crate::quote::shell(&format!("{},{url}", profile.jwks_allowed.trim().trim_end_matches(',')))
            )),
        );
    }
    let claim = profile.role_claim.trim();
    if !claim.is_empty() && !claim.starts_with('/') {
        out.push(
            problem(
                FindingId::JwtRolePointer,
                format!(
                    "The role claim {claim} is not a JSON Pointer: ORDS 25.2 and later require one that starts with /."
                ),
                format!("role claim = \"{claim}\""),
            )
            .fix(format!("Write it as /{claim} (a claim inside an object: /realm_access/roles).")),
        );
    }
    out
}

/// The scope (or role claim) that must name the privilege; at the pool level, one of the
/// allowed scopes (or roles).
fn authorization(t: &TokenFacts, profile: &JwtProfile) -> Option<Finding> {
    let pool = profile.level == ProfileLevel::Pool;
    let allowed: Vec<&str> = if pool {
        profile.privilege.split([',', ' ']).filter(|a| !a.is_empty()).collect()
    } else {
        vec![profile.privilege.as_str()].into_iter().filter(|p| !p.is_empty()).collect()
    };
    let pointer = profile.role_claim.trim();
    if !pointer.is_empty() {
        // A pointer without its / is profile_rules' finding: nothing can be read at it.
        if !pointer.starts_with('/') {
            return None;
        }
        let roles = t.at_pointer(pointer).unwrap_or_default();
        let held = if pool && !allowed.is_empty() {
            roles.iter().any(|r| allowed.contains(&r.as_str()))
        } else {
            !roles.is_empty()
        };
        return (!held).then(|| {
            let wanted = if pool && !allowed.is_empty() {
                format!(" (the pool's allowed roles: {})", allowed.join(", "))
            } else {
                String::new()
            };
            problem(
                FindingId::JwtRole,
                format!("The token has no role names at {pointer}, the profile's role claim{wanted}."),
                format!("claims at {pointer}: {roles:?}"),
            )
            .fix(
                "Assign the client an application role in the provider (Entra ID: App roles, granted to the \
                    client), then map that role name to an ORDS role holding the privilege.",
            )
        });
    }
    if allowed.is_empty() || allowed.iter().any(|a| t.scopes.iter().any(|s| s == a)) {
        return None;
    }
    let claim = t.scope_claim.as_deref().unwrap_or("scope");
    let (what, name) = if pool {
        ("any of the pool's allowed scopes", allowed.join(", "))
    } else {
        ("the ORDS privilege", profile.privilege.clone())
    };
    Some(
        problem(
            FindingId::JwtScope,
            format!("The token's {claim} does not name {what} {name}."),
            format!("{claim} = {:?}; {} = \"{name}\"", t.scopes, if pool { "allowed scopes" } else { "privilege" }),
        )
        .fix(
            "Create a scope with the privilege's exact name in the provider and request it, or (ORDS 25.1+) use a role \
                claim.",
        ),
    )
}

fn times(t: &TokenFacts, profile: &JwtProfile, now: i64) -> Vec<Finding> {
    let skew = i64::from(profile.allowed_skew_s.unwrap_or(0).min(MAX_SKEW_S));
    let mut out = Vec::new();
    if let Some(exp) = t.exp.filter(|exp| now > exp.saturating_add(skew)) {
        out.push(
            problem(
                FindingId::JwtExpired,
                format!("The token expired {} s ago (allowed skew {skew} s).", now.saturating_sub(exp)),
                format!("exp = {exp}; now = {now}"),
            )
            .fix("Get a new token: client_credentials has no refresh token."),
        );
    }
    if let Some(nbf) = t.nbf.filter(|nbf| now < nbf.saturating_sub(skew)) {
        out.push(
            problem(
                FindingId::JwtNotYet,
                format!(
                    "The token is not valid for another {} s (nbf, allowed skew {skew} s).",
                    nbf.saturating_sub(now)
                ),
                format!("nbf = {nbf}; now = {now}"),
            )
            .fix(
                "Check the clocks of the identity provider and the ORDS host, or allow some skew in the profile (at \
                    most 60 s).",
            ),
        );
    }
    if let (Some(age), Some(iat)) = (profile.allowed_age_s, t.iat) {
        if now.saturating_sub(iat) > i64::from(age) {
            out.push(
                problem(
                    FindingId::JwtTooOld,
                    format!(
                        "The token was issued {} s ago, more than the profile's allowed age of {age} s.",
                        now.saturating_sub(iat)
                    ),
                    format!("iat = {iat}; now = {now}"),
                )
                .fix("Get a fresh token: ORDS counts the allowed age from iat, whatever exp says."),
            );
        }
    }
    out
}

fn keys(t: &TokenFacts, jwks: &Jwks, url: &str) -> Option<Finding> {
    match jwks {
        Jwks::Unknown => None,
        Jwks::Kids(kids) => match &t.kid {
            Some(kid) if !kids.contains(kid) => Some(
                problem(
                    FindingId::JwtUnknownKid,
                    "The token's kid is not in the profile's JWK set: ORDS cannot find the key that signed it."
                        .into(),
                    format!("kid = \"{kid}\"; the set holds {kids:?}"),
                )
                .fix(
                    "Point the profile at the JWK set of the provider that issued the token (the issuer's own \
                        jwks_uri), or wait for the provider's key rotation to reach it.",
                ),
            ),
            _ => None,
        },
        Jwks::Unfetchable { why } => Some(
            Finding::new(
                FindingId::JwtJwks,
                Severity::Info,
                "This browser could not fetch the JWK set, so the key id was not checked. ORDS fetches it itself, from \
                    the ORDS host."
                    .to_owned(),
                format!("{url}: {why}"),
            )
            .fix(format!("From the ORDS host, check that it answers: curl -sS {}", crate::quote::shell(url))),
        ),
    }
}

/// What separates two strings, said briefly: the usual traps first.
fn difference(token: &str, profile: &str) -> String {
    if token.trim_end_matches('/') == profile.trim_end_matches('/') {
        if token.ends_with('/') { "the token's has a trailing /" } else { "the profile's has a trailing /" }.into()
    } else if token.eq_ignore_ascii_case(profile) {
        "they differ in letter case".into()
    } else if token.is_empty() {
        "the token has none".into()
    } else {
        "they differ".into()
    }
}
