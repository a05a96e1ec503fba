//! A JWT profile's key set, fetched by the browser (no credentials) to see which key ids it
//! holds. When the browser cannot read it (usually CORS), that is said: ORDS fetches it itself,
//! from its own host, so it may still work there.

use ords_core::jwt_profile::Jwks;
use ords_core::HttpRequest;
use serde_json::Value;

pub async fn jwk_set(url: &str) -> Jwks {
    match super::fetch::send(HttpRequest::new("GET", url), super::fetch::Redirects::Follow, false).await {
        Ok(r) if r.response.status == 200 => match serde_json::from_str::<Value>(&r.response.body) {
            Ok(set) => Jwks::from_key_set(&set),
            Err(_) => Jwks::Unfetchable { why: "the answer is not a JSON key set".into() },
        },
        Ok(r) => Jwks::Unfetchable { why: format!("it answered {} {}", r.response.status, r.response.reason) },
        Err(_) => Jwks::Unfetchable { why: "this browser could not read it (CORS, or the host did not answer)".into() },
    }
}
