//! The simulated identity provider and the schema's JWT profile: `/idp/token` issues RS256
//! JWTs by client_credentials, `/idp/jwks` publishes the key that signs them, and protected
//! resources accept such a token when it passes the profile's rules (`ords_core::jwt_profile`,
//! the same rules the page explains) and names the privilege in its scope. The RSA parts need
//! the `jwt` feature (native only); without it JWTs are refused and `/idp/*` is not served.

use crate::config::{JwtSetup, Privilege};
use ords_core::jwt_profile::{Jwks, JwtProfile, TokenFacts};

/// The identity provider's client (public demo values, like the ORDS demo client's).
pub const IDP_CLIENT_ID: &str = "sim-idp-client";
pub const IDP_CLIENT_SECRET: &str = "sim-idp-secret";
/// The key the JWK set publishes; `sim-2` signs only in the `jwt-unknown-kid` scenario.
pub use crate::config::PUBLISHED_KID;

/// Whether a JWT opens resources guarded by `guards`: a valid signature by the published key,
/// and every profile rule met, with each guard's privilege named in the scope (or, with a role
/// claim, one of its roles among the claim's).
pub fn accepts(setup: &JwtSetup, token: &str, guards: &[&Privilege], now_ms: u64) -> bool {
    if TokenFacts::read(token).is_none() || !signature_ok(token) {
        return false;
    }
    let now_s = (now_ms / 1000) as i64;
    let kids = Jwks::Kids(vec![PUBLISHED_KID.to_owned()]);
    guards.iter().all(|guard| {
        let profile = JwtProfile { jwk_url: String::new(), privilege: guard.name.clone(), ..setup.profile.clone() };
        let broken = ords_core::check_jwt(token, &profile, now_s, &kids);
        let role_ok = profile.role_claim.trim().is_empty()
            || TokenFacts::read(token)
                .and_then(|t| t.at_pointer(profile.role_claim.trim()))
                .is_some_and(|roles| roles.iter().any(|r| guard.roles.contains(r)));
        role_ok && !broken.iter().any(|f| f.severity == ords_core::Severity::Problem)
    })
}

/// The identity provider's issuer as this server's clients see it (`<origin>/idp`): what its
/// metadata and MCP tokens name.
pub fn served_issuer(request: &ords_core::HttpRequest) -> String {
    format!("{}/idp", ords_core::origin_of(&request.url).unwrap_or_default())
}

/// Whether a JWT passes `profile` (the MCP server's global profile): a valid signature by the
/// published key and no broken rule.
pub fn accepts_profile(profile: &JwtProfile, token: &str, now_ms: u64) -> bool {
    if TokenFacts::read(token).is_none() || !signature_ok(token) {
        return false;
    }
    let kids = Jwks::Kids(vec![PUBLISHED_KID.to_owned()]);
    let broken = ords_core::check_jwt(token, profile, (now_ms / 1000) as i64, &kids);
    !broken.iter().any(|f| f.severity == ords_core::Severity::Problem)
}

#[cfg(feature = "jwt")]
fn signature_ok(token: &str) -> bool {
    crate::idp_keys::verify(token)
}

#[cfg(not(feature = "jwt"))]
fn signature_ok(_token: &str) -> bool {
    false // no RSA here: the in-page simulator has no identity provider
}

/// Answers `/idp/token` and `/idp/jwks` (CORS as the module's origins allow), or None for
/// any other path. Without the `jwt` feature both answer 404, saying why.
pub fn answer(
    config: &crate::config::SimConfig,
    request: &ords_core::HttpRequest,
    path: &str,
    now_ms: u64,
) -> Option<ords_core::HttpResponse> {
    use crate::cors::{self, Cors};
    use crate::problem::{problem, respond};
    let methods = match path {
        "/idp/token" => "POST",
        "/idp/jwks" => "GET",
        _ => return None,
    };
    let decision = cors::decide(request, &config.module_origins);
    if cors::is_preflight(request) {
        return Some(match &decision {
            Cors::Allowed(origin) => cors::preflight_ok(request, origin, &format!("{methods}, OPTIONS")),
            _ => problem(403, "Forbidden", "The request origin is not authorized", "idp"),
        });
    }
    let mut response = if !cfg!(feature = "jwt") {
        problem(404, "NotFound", "This simulator has no identity provider (run ords-sim for JWTs)", "idp")
    } else if request.method != methods {
        let mut r = problem(405, "MethodNotAllowed", "Method Not Allowed", "idp");
        r.headers.push(("Allow".into(), methods.into()));
        r
    } else if methods == "GET" {
        respond(200, "application/json", jwks())
    } else {
        issue(config, request, now_ms)
    };
    if let Cors::Allowed(origin) = &decision {
        cors::add_actual_headers(&mut response, origin);
    }
    Some(response)
}

/// A client_credentials token request to the identity provider: its client by Basic auth.
fn issue(config: &crate::config::SimConfig, request: &ords_core::HttpRequest, now_ms: u64) -> ords_core::HttpResponse {
    use crate::problem::respond;
    let client = request.header("Authorization").and_then(ords_core::decode_basic);
    let grant = ords_core::parse_form(&request.body)
        .is_some_and(|pairs| pairs.iter().any(|(k, v)| k == "grant_type" && v == "client_credentials"));
    let error =
        |status: u16, code: &str| respond(status, "application/json", serde_json::json!({ "error": code }).to_string());
    if client.as_ref().is_none_or(|(id, secret)| id != IDP_CLIENT_ID || secret != IDP_CLIENT_SECRET) {
        return error(401, "invalid_client");
    }
    if !grant {
        return error(400, "unsupported_grant_type");
    }
    let setup = &config.jwt;
    let asked = ords_core::parse_form(&request.body).unwrap_or_default();
    // In role mode the provider's client is set up for ORDS's MCP API whatever it asks for.
    let mcp = config.mcp.role.is_some()
        || asked.iter().any(|(k, v)| k == "scope" && v.split(' ').any(|s| s == ords_core::mcp::MCP_SCOPE));
    let mut claims = claims(setup, now_ms / 1000);
    if mcp {
        // As an identity provider set up for ORDS's MCP server: its issuer as served here, the
        // MCP API's audience, and the scope when it grants it.
        claims["iss"] = served_issuer(request).into();
        claims["aud"] = config.mcp.idp_audience.clone().into();
        if config.mcp.idp_grants_scope && config.mcp.role.is_none() {
            claims["scope"] = ords_core::mcp::MCP_SCOPE.into();
        }
        if let Some(role) = &config.mcp.role {
            claims["roles"] = serde_json::json!([role]);
        }
    }
    match sign(&setup.kid, &claims.to_string()) {
        Some(token) => respond(
            200,
            "application/json",
            serde_json::json!({ "access_token": token, "token_type": "Bearer", "expires_in": setup.lifetime_s })
                .to_string(),
        ),
        None => error(500, "server_error"),
    }
}

#[cfg(feature = "jwt")]
fn sign(kid: &str, claims: &str) -> Option<String> {
    crate::idp_keys::sign(kid, claims)
}

#[cfg(not(feature = "jwt"))]
fn sign(_kid: &str, _claims: &str) -> Option<String> {
    None
}

#[cfg(feature = "jwt")]
fn jwks() -> String {
    crate::idp_keys::jwks_json()
}

#[cfg(not(feature = "jwt"))]
fn jwks() -> String {
    String::new()
}

/// The claims of a token issued at `now_s`.
fn claims(setup: &JwtSetup, now_s: u64) -> serde_json::Value {
    let iat = now_s.saturating_sub(setup.backdate_s);
    serde_json::json!({
        "iss": setup.issuer, "aud": setup.audience, "sub": IDP_CLIENT_ID, "scope": setup.scope,
        "iat": iat, "nbf": iat, "exp": iat.saturating_add(setup.lifetime_s),
    })
}
