//! Decoding a JWT access token for display. Nothing is verified: the page has no key, and
//! ORDS's own tokens are opaque; this only shows what a JWT says about itself.

use crate::response::indent_json;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};

/// A JWT's decoded parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jwt {
    /// The JOSE header, indented.
    pub header: String,
    /// The claims, indented.
    pub claims: String,
    /// The `exp` claim (seconds since the epoch), if present.
    pub exp: Option<i64>,
}

fn segment(part: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.is_object().then(|| indent_json(&text))
}

/// Decodes `header.claims.signature`; `None` for anything else (e.g. an opaque ORDS token).
pub fn decode_jwt(token: &str) -> Option<Jwt> {
    let mut parts = token.trim().split('.');
    let (header, claims, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (header, claims) = (segment(header)?, segment(claims)?);
    let exp = serde_json::from_str::<serde_json::Value>(&claims).ok()?.get("exp").and_then(serde_json::Value::as_i64);
    Some(Jwt { header, claims, exp })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_header_claims_and_exp() {
        // {"alg":"RS256","typ":"JWT"} . {"sub":"app","scope":"hr.read","exp":1800000600}
        let token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.\
                     eyJzdWIiOiJhcHAiLCJzY29wZSI6ImhyLnJlYWQiLCJleHAiOjE4MDAwMDA2MDB9.c2ln";
        let jwt = decode_jwt(token).unwrap();
        assert_eq!(jwt.header, "{\n  \"alg\": \"RS256\",\n  \"typ\": \"JWT\"\n}");
        assert_eq!(jwt.claims, "{\n  \"sub\": \"app\",\n  \"scope\": \"hr.read\",\n  \"exp\": 1800000600\n}");
        assert_eq!(jwt.exp, Some(1_800_000_600));
    }

    #[test]
    fn opaque_ords_tokens_are_not_jwts() {
        assert_eq!(decode_jwt("eUSBOqI47Pt7jI_hmfJjPQ"), None);
        assert_eq!(decode_jwt("a.b.c"), None);
        assert_eq!(decode_jwt("e30.e30.x.y"), None, "four parts");
    }
}
