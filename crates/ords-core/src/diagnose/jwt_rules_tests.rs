//! Each rule with a real RS256 token, signed by a key generated for the test run.

use super::jwt_rules::check_jwt;
use super::{Finding, FindingId, Severity};
use crate::jwt_profile::*;
use rsa::pkcs1v15::SigningKey;
use rsa::sha2::Sha256;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::RsaPrivateKey;
use std::sync::OnceLock;

const NOW: i64 = 1_800_000_000;
const ISS: &str = "https://idp.example.com/";
const AUD: &str = "https://ords.example.com/hr";

fn key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("a key"))
}

/// A token signed with RS256 (the header's alg is written as given, to test the rule).
fn sign(header: &serde_json::Value, claims: &serde_json::Value) -> String {
    let enc = |v: &serde_json::Value| URL_SAFE_NO_PAD.encode(v.to_string());
    let input = format!("{}.{}", enc(header), enc(claims));
    let signature = SigningKey::<Sha256>::new(key().clone()).sign(input.as_bytes()).to_vec();
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature))
}

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use serde_json::json;

fn token(claims: serde_json::Value) -> String {
    let mut all =
        json!({ "iss": ISS, "aud": AUD, "scope": "hr.read other", "iat": NOW - 10, "exp": NOW + 300, "sub": "app" });
    for (k, v) in claims.as_object().unwrap() {
        if v.is_null() {
            all.as_object_mut().unwrap().remove(k);
        } else {
            all[k] = v.clone();
        }
    }
    sign(&json!({ "alg": "RS256", "typ": "JWT", "kid": "k1" }), &all)
}

fn profile() -> JwtProfile {
    JwtProfile {
        issuer: ISS.into(),
        audience: AUD.into(),
        jwk_url: "https://idp.example.com/.well-known/jwks.json".into(),
        privilege: "hr.read".into(),
        ..JwtProfile::default()
    }
}

thread_local! {
    /// Every finding the checks below produced in this thread (for the coverage test).
    static SEEN: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

// The profile check, recorded: this name shadows the glob import above.
fn check(token: &str, profile: &JwtProfile, now_s: i64, jwks: &Jwks) -> Vec<Finding> {
    let found = check_jwt(token, profile, now_s, jwks);
    SEEN.with(|s| s.borrow_mut().extend(found.iter().map(|f| f.id.key())));
    found
}

fn ids(token: &str, profile: &JwtProfile, jwks: &Jwks) -> Vec<&'static str> {
    check(token, profile, NOW, jwks).iter().map(|f| f.id.key()).collect()
}

#[test]
fn a_token_that_matches_the_profile_breaks_no_rule() {
    let kids = Jwks::Kids(vec!["k1".into(), "k0".into()]);
    assert_eq!(ids(&token(json!({})), &profile(), &kids), Vec::<&str>::new());
    assert_eq!(ids("eUSBOqI47Pt7jI_hmfJjPQ", &profile(), &kids), Vec::<&str>::new(), "an opaque token is not checked");
}

#[test]
fn the_issuer_must_match_exactly_and_the_difference_is_named() {
    let slash = &check(
        &token(json!({})),
        &JwtProfile { issuer: "https://idp.example.com".into(), ..profile() },
        NOW,
        &Jwks::Unknown,
    )[0];
    assert_eq!(slash.id, FindingId::JwtIssuer);
    assert_eq!(slash.cause, "The token's iss is not the profile's issuer (the token's has a trailing /).");
    assert_eq!(slash.evidence, "iss = \"https://idp.example.com/\"; profile issuer = \"https://idp.example.com\"");
    let case = check(&token(json!({ "iss": "https://IDP.example.com/" })), &profile(), NOW, &Jwks::Unknown);
    assert!(case[0].cause.ends_with("(they differ in letter case)."), "{}", case[0].cause);
}

#[test]
fn the_audience_must_be_one_string_equal_to_the_profile_s() {
    let listed = token(json!({ "aud": [AUD, "https://idp.example.com/userinfo"] }));
    assert_eq!(ids(&listed, &profile(), &Jwks::Unknown), ["jwt-audience-array"]);
    assert_eq!(ids(&token(json!({ "aud": "https://other" })), &profile(), &Jwks::Unknown), ["jwt-audience"]);
    assert_eq!(ids(&token(json!({ "aud": null })), &profile(), &Jwks::Unknown), ["jwt-audience"]);
    assert_eq!(prefill(&listed).unwrap().audience, AUD, "prefill picks the API, not userinfo");
}

#[test]
fn only_rsa_signatures() {
    let hs = sign(
        &json!({ "alg": "HS256", "kid": "k1" }),
        &json!({ "iss": ISS, "aud": AUD, "scope": "hr.read", "exp": NOW + 60 }),
    );
    assert_eq!(ids(&hs, &profile(), &Jwks::Unknown), ["jwt-algorithm"]);
    for alg in ["RS384", "RS512"] {
        let t = sign(&json!({ "alg": alg }), &json!({ "iss": ISS, "aud": AUD, "scope": "hr.read" }));
        assert!(ids(&t, &profile(), &Jwks::Unknown).is_empty(), "{alg}");
    }
}

#[test]
fn scope_or_scp_must_name_the_privilege() {
    assert_eq!(ids(&token(json!({ "scope": "hr.write" })), &profile(), &Jwks::Unknown), ["jwt-scope"]);
    assert_eq!(
        ids(&token(json!({ "scope": null, "scp": ["x", "hr.read"] })), &profile(), &Jwks::Unknown),
        Vec::<&str>::new()
    );
    let scp = check(&token(json!({ "scope": null, "scp": "hr.readonly" })), &profile(), NOW, &Jwks::Unknown);
    assert_eq!(scp[0].cause, "The token's scp does not name the ORDS privilege hr.read.");
    // With a role claim (ORDS 25.1+), the roles count, not the scope.
    let roles = JwtProfile { role_claim: "/roles".into(), ..profile() };
    assert_eq!(
        ids(&token(json!({ "scope": null, "roles": ["HR.Reader"] })), &roles, &Jwks::Unknown),
        Vec::<&str>::new()
    );
    assert_eq!(ids(&token(json!({ "scope": null })), &roles, &Jwks::Unknown), ["jwt-role"]);
}

#[test]
fn expiry_with_skew_at_59_60_and_61_seconds() {
    let skew = |s| JwtProfile { allowed_skew_s: Some(s), ..profile() };
    let expired_ago = |ago: i64| token(json!({ "exp": NOW - ago }));
    assert!(ids(&expired_ago(59), &skew(60), &Jwks::Unknown).is_empty());
    assert!(ids(&expired_ago(60), &skew(60), &Jwks::Unknown).is_empty());
    assert_eq!(ids(&expired_ago(61), &skew(60), &Jwks::Unknown), ["jwt-expired"]);
    assert_eq!(ids(&expired_ago(61), &skew(600), &Jwks::Unknown), ["jwt-expired"], "skew is capped at 60 s");
    assert_eq!(ids(&expired_ago(1), &profile(), &Jwks::Unknown), ["jwt-expired"], "no skew by default");
    assert_eq!(ids(&token(json!({ "nbf": NOW + 61 })), &skew(60), &Jwks::Unknown), ["jwt-not-yet"]);
    assert!(ids(&token(json!({ "nbf": NOW + 60 })), &skew(60), &Jwks::Unknown).is_empty());
}

#[test]
fn the_allowed_age_counts_from_iat_whatever_exp_says() {
    let aged = JwtProfile { allowed_age_s: Some(300), ..profile() };
    let old = token(json!({ "iat": NOW - 301, "exp": NOW + 3600 }));
    assert_eq!(ids(&old, &aged, &Jwks::Unknown), ["jwt-too-old"]);
    assert!(ids(&token(json!({ "iat": NOW - 300 })), &aged, &Jwks::Unknown).is_empty());
    assert!(ids(&old, &profile(), &Jwks::Unknown).is_empty(), "no age rule without an allowed age");
}

#[test]
fn the_key_id_must_be_in_the_jwk_set_and_the_set_must_be_https() {
    let t = token(json!({}));
    assert_eq!(ids(&t, &profile(), &Jwks::Kids(vec!["k2".into()])), ["jwt-unknown-kid"]);
    let unfetchable = check(&t, &profile(), NOW, &Jwks::Unfetchable { why: "blocked by CORS".into() });
    assert_eq!(unfetchable[0].severity, Severity::Info);
    assert_eq!(
        unfetchable[0].fix,
        "From the ORDS host, check that it answers: curl -sS 'https://idp.example.com/.well-known/jwks.json'"
    );
    let http = JwtProfile { jwk_url: "http://idp.example.com/keys".into(), ..profile() };
    assert_eq!(ids(&t, &http, &Jwks::Unknown), ["jwt-jwk-url"]);
    assert_eq!(check(&t, &http, NOW, &Jwks::Unknown)[0].severity, Severity::Warning, "ORDS would not have created it");
}

#[test]
fn prefill_takes_issuer_audience_and_well_known_key_sets() {
    let entra = token(json!({ "iss": "https://login.microsoftonline.com/7f1c/v2.0", "aud": "api://hr" }));
    let p = prefill(&entra).unwrap();
    assert_eq!((p.issuer.as_str(), p.audience.as_str()), ("https://login.microsoftonline.com/7f1c/v2.0", "api://hr"));
    assert_eq!(p.jwk_url, "https://login.microsoftonline.com/7f1c/discovery/v2.0/keys");
    let auth0 = prefill(&token(json!({ "iss": "https://acme.eu.auth0.com/" }))).unwrap();
    assert_eq!(auth0.jwk_url, "https://acme.eu.auth0.com/.well-known/jwks.json");
    let keycloak = prefill(&token(json!({ "iss": "https://kc.example/realms/hr" }))).unwrap();
    assert_eq!(keycloak.jwk_url, "https://kc.example/realms/hr/protocol/openid-connect/certs");
    assert_eq!(prefill(&token(json!({}))).unwrap().jwk_url, "", "unknown providers: not guessed");
    assert_eq!(prefill("opaque"), None);
}

#[test]
fn the_sql_quotes_every_value_and_labels_the_older_form() {
    let p = JwtProfile { issuer: "https://idp/x'y".into(), allowed_skew_s: Some(30), ..profile() };
    let sql = jwt_profile_sql(&p, "/hr/*");
    assert!(sql.contains("p_issuer       => 'https://idp/x''y',"), "{sql}");
    assert!(sql.contains("p_allowed_skew => 30,\n    p_allowed_age  => NULL);"), "{sql}");
    assert!(sql.contains("ORDS.CREATE_PRIVILEGE_MAPPING(p_privilege_name => 'hr.read', p_pattern => '/hr/*');"));
    assert!(sql.contains("-- ORDS 23.3 to 24.2 only"));
    let roles = jwt_profile_sql(&JwtProfile { role_claim: "/roles".into(), ..profile() }, "/hr/*");
    assert!(roles.contains(",\n    p_role_claim_name => '/roles');"), "{roles}");
}

#[test]
fn pool_level_profiles_the_mode_that_ignores_schema_profiles_and_the_allowed_key_urls() {
    let t = token(json!({}));
    let ignored = JwtProfile { pool_mode: true, ..profile() };
    assert_eq!(ids(&t, &ignored, &Jwks::Unknown), ["jwt-schema-ignored"]);
    let pool = JwtProfile { level: ProfileLevel::Pool, pool_mode: true, ..profile() };
    assert_eq!(ids(&t, &pool, &Jwks::Unknown), Vec::<&str>::new(), "the pool's own profile counts");
    let listed =
        JwtProfile { jwks_allowed: "https://other.example/, https://idp.example.com/.well-known/".into(), ..profile() };
    assert_eq!(ids(&t, &listed, &Jwks::Unknown), Vec::<&str>::new());
    let refused = JwtProfile { jwks_allowed: "https://other.example/".into(), ..profile() };
    let found = check(&t, &refused, NOW, &Jwks::Unknown);
    assert_eq!(found[0].id, FindingId::JwtJwksNotAllowed);
    assert_eq!(
        found[0].fix,
        "Add the JWK set URL to the list: ords --config \"$ORDS_CONFIG\" config --db-pool <pool> set \
         security.jwks.allowed.urls 'https://other.example/,https://idp.example.com/.well-known/jwks.json'"
    );
    // At the pool level, any one of the allowed scopes (or roles) will do.
    let scopes = JwtProfile { level: ProfileLevel::Pool, privilege: "hr.write, hr.read".into(), ..profile() };
    assert_eq!(ids(&t, &scopes, &Jwks::Unknown), Vec::<&str>::new());
    let none = check(&token(json!({ "scope": "x" })), &scopes, NOW, &Jwks::Unknown);
    assert_eq!(none[0].cause, "The token's scope does not name any of the pool's allowed scopes hr.write, hr.read.");
    let roles = JwtProfile { role_claim: "/roles".into(), privilege: "HR.Writer".into(), ..scopes };
    let reader = token(json!({ "roles": ["HR.Reader"] }));
    let wrong = check(&reader, &roles, NOW, &Jwks::Unknown);
    assert_eq!(
        wrong[0].cause,
        "The token has no role names at /roles, the profile's role claim (the pool's allowed roles: HR.Writer)."
    );
    assert_eq!(ids(&token(json!({ "roles": ["HR.Writer"] })), &roles, &Jwks::Unknown), Vec::<&str>::new());
}

#[test]
fn a_role_claim_without_its_slash_is_named_by_the_25_2_rule() {
    let bare = JwtProfile { role_claim: "roles".into(), ..profile() };
    let found = check(&token(json!({ "roles": ["HR.Reader"] })), &bare, NOW, &Jwks::Unknown);
    assert_eq!(found.iter().map(|f| f.id.key()).collect::<Vec<_>>(), ["jwt-role-pointer"], "and not jwt-role too");
    assert_eq!(found[0].fix, "Write it as /roles (a claim inside an object: /realm_access/roles).");
}

#[test]
fn the_pool_profile_is_written_as_ords_config_lines_each_value_quoted() {
    let p = JwtProfile {
        level: ProfileLevel::Pool,
        pool_mode: true,
        issuer: "https://idp/x'y".into(),
        role_claim: "/roles".into(),
        privilege: "HR.Reader".into(),
        allowed_skew_s: Some(30),
        jwks_allowed: "https://idp.example.com/".into(),
        ..profile()
    };
    let lines = pool_config_lines(&p, "default");
    let set = |k: &str, v: &str| format!("ords --config \"$ORDS_CONFIG\" config --db-pool 'default' set {k} '{v}'\n");
    for (k, v) in [
        ("security.jwt.profile.enabled", "true"),
        ("security.jwt.profile.mode", "POOL"),
        ("security.jwt.profile.issuer", "https://idp/x'\\''y"),
        ("security.jwt.profile.role.claim.name", "/roles"),
        ("security.jwt.profile.allowed.roles", "HR.Reader"),
        ("security.jwt.allowed.skew", "30"),
        ("security.jwks.allowed.urls", "https://idp.example.com/"),
    ] {
        assert!(lines.contains(&set(k, v)), "{k} {v}:\n{lines}");
    }
    assert!(!lines.contains("allowed.scopes") && !lines.contains("allowed.age"), "{lines}");
    let hostile = pool_config_lines(&JwtProfile { issuer: "$(touch x)`y`\n;".into(), ..p }, "a b");
    assert!(hostile.contains("--db-pool 'a b' set"), "{hostile}");
    assert!(hostile.contains("security.jwt.profile.issuer '$(touch x)`y`\n;'\n"), "one quoted word: {hostile}");
}

/// Every finding of the profile check (`jwt-…`; jwt-passes is the diagnosis's) is produced by at
/// least one case of this file.
#[test]
fn every_jwt_finding_is_produced_by_some_case() {
    a_token_that_matches_the_profile_breaks_no_rule();
    the_issuer_must_match_exactly_and_the_difference_is_named();
    the_audience_must_be_one_string_equal_to_the_profile_s();
    only_rsa_signatures();
    scope_or_scp_must_name_the_privilege();
    expiry_with_skew_at_59_60_and_61_seconds();
    the_allowed_age_counts_from_iat_whatever_exp_says();
    the_key_id_must_be_in_the_jwk_set_and_the_set_must_be_https();
    prefill_takes_issuer_audience_and_well_known_key_sets();
    the_sql_quotes_every_value_and_labels_the_older_form();
    pool_level_profiles_the_mode_that_ignores_schema_profiles_and_the_allowed_key_urls();
    a_role_claim_without_its_slash_is_named_by_the_25_2_rule();
    let seen = SEEN.with(|s| s.borrow().clone());
    let jwt = FindingId::ALL.iter().map(|id| id.key()).filter(|k| k.starts_with("jwt-") && *k != "jwt-passes");
    let missing: Vec<&str> = jwt.filter(|k| !seen.contains(k)).collect();
    assert!(missing.is_empty(), "no case produces {missing:?}");
}
