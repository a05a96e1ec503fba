//! Secret values (client secret, password, access token).
//!
//! `Debug` and `Display` print a redaction so a secret cannot leak through logs or
//! `format!`; the raw value is reachable only through an explicit `.secret()`.
//! `PartialEq` is deliberately not derived (no accidental timing-sensitive compares).

macro_rules! secret_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps a raw value.
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The raw value. Only for putting it on the wire or showing it on explicit request.
            pub fn secret(&self) -> &str {
                &self.0
            }

            /// True when nothing was entered.
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(crate::MASK)
            }
        }
    };
}

pub(crate) use secret_type;

secret_type!(
    /// An OAuth2 client secret (for ORDS, usually 22 base64url characters and `..`).
    ClientSecret
);
secret_type!(
    /// An HTTP Basic password.
    Password
);
secret_type!(
    /// An OAuth2 access token (ORDS issues opaque 22-character tokens).
    AccessToken
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let secret = ClientSecret::new("s3cr3t..");
        assert_eq!(format!("{secret:?}"), "ClientSecret([redacted])");
        assert_eq!(format!("{secret}"), "••••••••");
        assert_eq!(format!("{:?}", Password::new("pw")), "Password([redacted])");
        assert_eq!(format!("{:?}", AccessToken::new("tok")), "AccessToken([redacted])");
        assert_eq!(secret.secret(), "s3cr3t..");
    }
}
