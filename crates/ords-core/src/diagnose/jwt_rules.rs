//! The checks ORDS makes of an external identity provider's token against a JWT profile, each
//! failure as a finding with the claim and the profile value side by side. ORDS itself answers
//! every failure with the same `401 invalid_token`; these checks say which rule it was. The
//! signature is not verified here (the page has no reason to trust a key it fetched); what can
//! be checked about keys is that the token's `kid` is in the JWK set. The rules follow
//! `docs/ords-behaviour.md` (JWT profiles).

use super::{Finding, FindingId, Severity};
use crate::jwt_profile::{Audience, Jwks, JwtProfile, TokenFacts, MAX_SKEW_S};

fn problem(id: FindingId, cause: String, evidence: String) -> Finding {
    Finding::new(id, Severity::Problem, cause, evidence)
}

/// Every rule the token breaks, in the order ORDS is most likely to trip on them (the first
/// is the one to fix first). `now_s`: seconds since the epoch.
pub fn check_jwt(token: &str, profile: &JwtProfile, now_s: i64, jwks: &Jwks) -> Vec<Finding> {
    let Some(t) = TokenFacts::read(token) else { return Vec::new() };
    let mut out = Vec::new();
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

/// The scope (or role claim) that must name the privilege.
fn authorization(t: &TokenFacts, profile: &JwtProfile) -> Option<Finding> {
    if !profile.role_claim.trim().is_empty() {
        let pointer = profile.role_claim.trim();
        return match t.at_pointer(pointer) {
            Some(roles) if !roles.is_empty() => None,
            _ => Some(
                problem(
                    FindingId::JwtRole,
                    format!("The token has no role names at {pointer}, the profile's role claim."),
                    format!("claims at {pointer}: none"),
                )
                .fix(
                    "Assign the client an application role in the provider (Entra ID: App roles, granted to the \
                        client), then map that role name to an ORDS role holding the privilege.",
                ),
            ),
        };
    }
    if profile.privilege.is_empty() || t.scopes.contains(&profile.privilege) {
        return None;
    }
    let claim = t.scope_claim.as_deref().unwrap_or("scope");
    Some(
        problem(
            FindingId::JwtScope,
            format!("The token's {claim} does not name the ORDS privilege {}.", profile.privilege),
            format!("{claim} = {:?}; privilege = \"{}\"", t.scopes, profile.privilege),
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
