//! The identity provider's RSA keys (public demo values, like every credential of the
//! simulator: never use them for anything real), RS256 signing, verification, and the JWK set.
//! Built on the RustCrypto `rsa` crate (no hand-written big-number maths).

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::sha2::Sha256;
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use std::sync::OnceLock;

use crate::config::PUBLISHED_KID;

const PEMS: [(&str, &str); 2] = [("sim-1", include_str!("idp/sim-1.pem")), ("sim-2", include_str!("idp/sim-2.pem"))];

fn keys() -> &'static [(&'static str, RsaPrivateKey)] {
    static KEYS: OnceLock<Vec<(&'static str, RsaPrivateKey)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        PEMS.iter().filter_map(|(kid, pem)| Some((*kid, RsaPrivateKey::from_pkcs8_pem(pem).ok()?))).collect()
    })
}

fn key(kid: &str) -> Option<&'static RsaPrivateKey> {
    keys().iter().find(|(k, _)| *k == kid).map(|(_, key)| key)
}

/// A JWT with these claims, signed RS256 by `kid`.
pub fn sign(kid: &str, claims: &str) -> Option<String> {
    let header = serde_json::json!({ "alg": "RS256", "typ": "JWT", "kid": kid }).to_string();
    let input = format!("{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(claims));
    let signature = SigningKey::<Sha256>::new(key(kid)?.clone()).sign(input.as_bytes()).to_vec();
    Some(format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature)))
}

/// True when the token is RS256-signed by the published key (the only one ORDS can fetch).
pub fn verify(token: &str) -> bool {
    let Some((input, signature)) = token.rsplit_once('.') else { return false };
    let header = input.split('.').next().and_then(|h| URL_SAFE_NO_PAD.decode(h).ok());
    let header: Option<serde_json::Value> = header.and_then(|h| serde_json::from_slice(&h).ok());
    let named = |k: &str| header.as_ref().and_then(|h| h.get(k)).and_then(serde_json::Value::as_str).map(str::to_owned);
    if named("alg").as_deref() != Some("RS256") || named("kid").as_deref() != Some(PUBLISHED_KID) {
        return false;
    }
    let (Some(key), Ok(bytes)) = (key(PUBLISHED_KID), URL_SAFE_NO_PAD.decode(signature)) else {
        return false;
    };
    let Ok(signature) = Signature::try_from(bytes.as_slice()) else { return false };
    VerifyingKey::<Sha256>::new(key.to_public_key()).verify(input.as_bytes(), &signature).is_ok()
}

/// The JWK set: the published key only.
pub fn jwks_json() -> String {
    let keys: Vec<serde_json::Value> = keys()
        .iter()
        .filter(|(kid, _)| *kid == PUBLISHED_KID)
        .map(|(kid, key)| {
            let public = key.to_public_key();
            serde_json::json!({
                "kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
                "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
                "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
            })
        })
        .collect();
    serde_json::json!({ "keys": keys }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_verifies_and_publishes_only_the_first_key() {
        let claims = r#"{"iss":"x"}"#;
        let good = sign("sim-1", claims).unwrap();
        assert!(verify(&good));
        assert!(!verify(&sign("sim-2", claims).unwrap()), "sim-2 is not published");
        let parts: Vec<&str> = good.split('.').collect();
        let forged = format!("{}.{}.{}", parts[0], URL_SAFE_NO_PAD.encode(r#"{"iss":"y"}"#), parts[2]);
        assert!(!verify(&forged), "the claims changed, the signature no longer holds");
        let set: serde_json::Value = serde_json::from_str(&jwks_json()).unwrap();
        assert_eq!(set["keys"].as_array().unwrap().len(), 1);
        assert_eq!(set["keys"][0]["kid"], "sim-1");
        assert_eq!(set["keys"][0]["e"], "AQAB");
    }
}
