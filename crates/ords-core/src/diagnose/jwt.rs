//! A JWT that ORDS refused: ORDS only says `401 invalid_token`, so the token is checked against
//! the profile the person described (or, with none, the one its own claims imply) and the first
//! broken rule is named, with the SQL for a profile that would accept it.

use super::{Finding, FindingId, Inputs, Severity};
use crate::exchange::Exchange;
use crate::jwt_profile::{self, jwt_profile_sql, JwtProfile, TokenFacts};

/// The bearer token the exchange sent in `Authorization`, if any.
fn bearer(e: &Exchange) -> Option<&str> {
    let value = e.request.wire.header("authorization")?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token.trim())
}

pub(super) fn sent_a_jwt(e: &Exchange) -> bool {
    bearer(e).and_then(TokenFacts::read).is_some()
}

pub(super) fn refused(i: &Inputs, e: &Exchange) -> Vec<Finding> {
    let Some(token) = bearer(e) else { return Vec::new() };
    let implied = jwt_profile::prefill(token).unwrap_or_default();
    let described = &i.jwt_profile;
    let profile = if described.issuer.is_empty() && described.audience.is_empty() {
        JwtProfile {
            privilege: described.privilege.clone(),
            role_claim: described.role_claim.clone(),
            level: described.level,
            pool_mode: described.pool_mode,
            jwks_allowed: described.jwks_allowed.clone(),
            ..implied.clone()
        }
    } else {
        described.clone()
    };
    let now = e.result.as_ref().map_or(0.0, |r| r.received_at_ms) / 1000.0;
    let mut found = super::jwt_rules::check_jwt(token, &profile, now as i64, &i.jwks);
    // The profile that would accept this token: what the person described, with the issuer
    // and audience the token carries.
    let accepting = JwtProfile { issuer: implied.issuer, audience: implied.audience, ..profile };
    let sql = jwt_profile_sql(&accepting, &jwt_profile::privilege_pattern(&i.resource_url));
    match found.iter().position(|f| f.severity == Severity::Problem) {
        Some(first) => {
            let f = &mut found[first];
            f.cause = format!("ORDS refused the JWT (401 invalid_token); most likely: {}", f.cause);
            f.sql = Some(sql);
            found
        }
        None => {
            let evidence = format!("{} answered 401 invalid_token to a JWT", e.request.shown.url);
            let mut all =
                vec![Finding::new(
                FindingId::JwtPasses,
                Severity::Problem,
                "ORDS refused the JWT (401 invalid_token), yet it passes every check this page can make.",
                evidence,
            )
            .fix("Check what only the ORDS host sees: that the schema has a JWT profile with exactly these values (SQL \
                below), that ORDS can fetch the JWK set from its host, and that the key that signed the token is in \
                it.")
            .sql(sql)];
            all.extend(found);
            all
        }
    }
}

/// The token held or pasted, against the JWT profile the person described (nothing while no
/// profile is described or the token is not a JWT).
pub(super) fn held(i: &Inputs) -> Vec<Finding> {
    let p = &i.jwt_profile;
    let described = !(p.issuer.is_empty() && p.audience.is_empty() && p.privilege.is_empty());
    let token = i.token.secret();
    if TokenFacts::read(token).is_none() {
        // No JWT yet: what the profile alone makes ORDS refuse is said before any token.
        return super::jwt_rules::profile_rules(p);
    }
    if !described {
        return Vec::new();
    }
    super::jwt_rules::check_jwt(token, p, i.now_s, &i.jwks)
}
