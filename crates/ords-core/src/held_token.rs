//! A token the page holds: where it came from and when it runs out.

use crate::secret::AccessToken;

/// A token the page holds, with when it arrived, so expiry can be counted down.
#[derive(Clone, Debug)]
pub struct HeldToken {
    pub access_token: AccessToken,
    pub token_type: String,
    pub expires_in: Option<u64>,
    /// Milliseconds since the epoch when the response arrived.
    pub received_at_ms: f64,
    /// The origin of the token URL that issued it; `None` for a token the person pasted.
    pub issuer: Option<String>,
}

impl HeldToken {
    /// A token received at `received_at_ms`; without `expires_in`, a JWT's `exp` gives the lifetime.
    pub fn new(access_token: AccessToken, token_type: String, expires_in: Option<u64>, received_at_ms: f64) -> Self {
        let from_exp = || {
            let exp = crate::jwt::decode_jwt(access_token.secret())?.exp?;
            let now_s = (received_at_ms / 1000.0).floor() as i64; // float to int saturates
            u64::try_from(exp.checked_sub(now_s)?).ok()
        };
        let expires_in = expires_in.or_else(from_exp);
        Self { access_token, token_type, expires_in, received_at_ms, issuer: None }
    }

    /// The same token, issued by `origin`.
    pub fn issued_by(mut self, origin: Option<String>) -> Self {
        self.issuer = origin;
        self
    }

    /// Whole seconds left at `now_ms`, or `None` when the server gave no lifetime. Never more
    /// than the lifetime, even if `now_ms` comes from a clock read before the response arrived.
    pub fn seconds_left(&self, now_ms: f64) -> Option<i64> {
        let lifetime = self.expires_in?;
        // In floats: a lifetime from a response may be any u64; casts back saturate.
        let left = ((self.received_at_ms + lifetime as f64 * 1000.0 - now_ms) / 1000.0).ceil() as i64;
        Some(left.min(i64::try_from(lifetime).unwrap_or(i64::MAX)))
    }

    /// True when the lifetime is known and has run out.
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.seconds_left(now_ms).is_some_and(|s| s <= 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_from_expires_in() {
        let t = HeldToken::new(AccessToken::new("t"), "bearer".into(), Some(3600), 1_000_000.0);
        assert_eq!(t.seconds_left(1_000_000.0), Some(3600));
        assert_eq!(t.seconds_left(999_000.0), Some(3600), "a stale clock never shows more than the lifetime");
        assert_eq!(t.seconds_left(1_000_000.0 + 3_599_500.0), Some(1));
        assert!(!t.is_expired(1_000_000.0 + 3_599_500.0));
        assert!(t.is_expired(1_000_000.0 + 3_600_000.0));
    }

    #[test]
    fn a_jwt_exp_gives_the_lifetime_when_expires_in_is_missing() {
        // claims {"sub":"app","scope":"hr.read","exp":1800000600}
        let jwt =
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcHAiLCJzY29wZSI6ImhyLnJlYWQiLCJleHAiOjE4MDAwMDA2MDB9.c2l\
                n";
        let t = HeldToken::new(AccessToken::new(jwt), "bearer".into(), None, 1_800_000_000_000.0);
        assert_eq!(t.expires_in, Some(600));
        let given = HeldToken::new(AccessToken::new(jwt), "bearer".into(), Some(60), 1_800_000_000_000.0);
        assert_eq!(given.expires_in, Some(60), "expires_in wins over exp");
        let opaque = HeldToken::new(AccessToken::new("eUSBOqI47Pt7jI_hmfJjPQ"), "bearer".into(), None, 0.0);
        assert_eq!(opaque.expires_in, None);
    }

    #[test]
    fn absurd_lifetimes_saturate_instead_of_overflowing() {
        let huge = HeldToken::new(AccessToken::new("t"), String::new(), Some(u64::MAX), 0.0);
        assert_eq!(huge.seconds_left(0.0), Some(i64::MAX));
        // {"alg":"none"} . {"exp":-9223372036854775808}
        let past = HeldToken::new(
            AccessToken::new("eyJhbGciOiJub25lIn0.eyJleHAiOi05MjIzMzcyMDM2ODU0Nzc1ODA4fQ.x"),
            String::new(),
            None,
            1e15,
        );
        assert_eq!(past.expires_in, None);
    }
}
