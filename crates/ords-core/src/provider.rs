//! Identity provider presets: where a client_credentials token comes from for each provider,
//! what the request needs, where to find each value, and what is known about a browser making
//! that request. Where the sources say nothing, the preset says it is unknown and how to find
//! out; it never guesses. Sources: `docs/ords-behaviour.md` (identity providers).

use crate::settings::{ExtraParam, ParamPlace};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Provider {
    #[default]
    Ords,
    OciIam,
    Entra,
    Okta,
    Auth0,
    Keycloak,
    Other,
}

/// What a browser can do with the provider's token endpoint for client_credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserToken {
    /// It works once the provider allows the page's origin.
    Allowed(&'static str),
    /// The provider refuses it: the token must come from outside the browser.
    Blocked(&'static str),
    /// Not known: what to try.
    Unknown(&'static str),
}

impl Provider {
    pub const ALL: [Self; 7] =
        [Self::Ords, Self::OciIam, Self::Entra, Self::Okta, Self::Auth0, Self::Keycloak, Self::Other];

    pub fn key(self) -> &'static str {
        match self {
            Self::Ords => "ords",
            Self::OciIam => "oci-iam",
            Self::Entra => "entra",
            Self::Okta => "okta",
            Self::Auth0 => "auth0",
            Self::Keycloak => "keycloak",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Ords => "ORDS",
            Self::OciIam => "OCI IAM",
            Self::Entra => "Microsoft Entra ID",
            Self::Okta => "Okta",
            Self::Auth0 => "Auth0",
            Self::Keycloak => "Keycloak",
            Self::Other => "Other",
        }
    }

    /// The token URL with `<placeholders>` for the values to fill in; empty for ORDS and Other
    /// (the form's own URL stays).
    pub fn token_url(self) -> &'static str {
        match self {
            Self::Ords | Self::Other => "",
            Self::OciIam => "https://<identity-domain>/oauth2/v1/token",
            Self::Entra => "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
            Self::Okta => "https://<org>.okta.com/oauth2/<authorization-server-id>/v1/token",
            Self::Auth0 => "https://<tenant>.auth0.com/oauth/token",
            Self::Keycloak => "https://<host>/realms/<realm>/protocol/openid-connect/token",
        }
    }

    /// The parameters the token request needs beside grant_type.
    pub fn params(self) -> Vec<ExtraParam> {
        let body =
            |name: &str, value: &str| ExtraParam { name: name.into(), value: value.into(), place: ParamPlace::Body };
        match self {
            Self::OciIam => vec![body("scope", "<primary-audience><scope>")],
            Self::Entra => vec![body("scope", "api://<application-id>/.default")],
            Self::Okta => vec![body("scope", "<custom-scope>")],
            Self::Auth0 => vec![body("audience", "<api-identifier>")],
            Self::Ords | Self::Keycloak | Self::Other => Vec::new(),
        }
    }

    /// Where each value is found.
    pub fn where_to_find(self) -> &'static str {
        match self {
            Self::Ords => {
                "ORDS issues its own tokens: the client id and secret are in USER_ORDS_CLIENTS; no JWT \
                profile is involved."
            }
            Self::OciIam => {
                "Identity domain → Integrated applications → your confidential application: client id and \
                secret; the primary audience and scope are under Resource server configuration. Turn on \"Configure \
                client access\" so ORDS can fetch the signing keys. Issuer https://identity.oraclecloud.com/; JWK set \
                https://<identity-domain>/admin/v1/SigningCert/jwk."
            }
            Self::Entra => {
                "App registrations → your client app: Application (client) ID, a client secret under \
                Certificates & secrets; the API's Application ID URI for the scope. Tokens for client_credentials \
                carry the API's app roles in roles, not scp: use a role claim (ORDS 25.1+). Issuer \
                https://login.microsoftonline.com/<tenant>/v2.0 (v2 tokens; v1 tokens say \
                https://sts.windows.net/<tenant>/)."
            }
            Self::Okta => {
                "Security → API → Authorization Servers: a custom server's issuer and its scopes (the org \
                server wants private_key_jwt). The client's id and secret are under Applications. JWK set \
                <issuer>/v1/keys."
            }
            Self::Auth0 => {
                "Applications → your machine-to-machine application: client id and secret, authorized for \
                the API whose identifier is the audience. Without audience the token is opaque. Issuer \
                https://<tenant>.auth0.com/ (with the trailing /); JWK set <issuer>.well-known/jwks.json."
            }
            Self::Keycloak => {
                "Clients → your client with Client authentication and Service accounts on: the secret \
                under Credentials. Issuer https://<host>/realms/<realm>; JWK set \
                <issuer>/protocol/openid-connect/certs."
            }
            Self::Other => {
                "Use the provider's token endpoint and the parameters it documents for client_credentials; \
                its issuer and jwks_uri are in <issuer>/.well-known/openid-configuration."
            }
        }
    }

    /// True where the sources say the provider refuses a browser's client_credentials request
    /// (what `browser` explains); the page acts on it before anything is sent.
    pub fn refuses_browsers(self) -> bool {
        matches!(self, Self::Entra | Self::Okta)
    }

    /// What is known about requesting a token from a browser page.
    pub fn browser(self) -> BrowserToken {
        match self {
            Self::Ords => BrowserToken::Allowed(
                "ORDS answers the browser once the OAuth client allows this page's \
                origin (see the ORDS CORS note).",
            ),
            Self::Entra => BrowserToken::Blocked(
                "Microsoft Entra ID refuses a client_credentials token request sent \
                with an Origin header (AADSTS9002326: cross-origin token redemption is only for single-page-app \
                clients).",
            ),
            Self::Okta => BrowserToken::Blocked(
                "Okta requires PKCE on any token request sent from a browser (with an \
                Origin header), which client_credentials does not have.",
            ),
            Self::Keycloak => BrowserToken::Unknown(
                "Recent Keycloak versions answer 403 to an Origin the client does \
                not list in Web origins, even for client_credentials. Add this page's origin to the client's Web \
                origins, then try Get token.",
            ),
            Self::OciIam => BrowserToken::Unknown(
                "Not documented. Try Get token: a failure without a response here, \
                where curl works, means the identity domain does not allow this origin.",
            ),
            Self::Auth0 => BrowserToken::Unknown(
                "Auth0 has per-application Allowed Origins (CORS); whether they apply \
                to client_credentials is not documented. Add this page's origin there and try Get token; if it fails \
                without a response, use curl.",
            ),
            Self::Other => BrowserToken::Unknown(
                "Unknown. Try Get token: if it fails without a response while curl \
                works, the provider refuses browsers; get the token with curl and paste it.",
            ),
        }
    }
}

crate::closed::closed!(labelled Provider);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::closed::Closed;

    #[test]
    fn keys_round_trip_and_only_sourced_blocks_are_claimed() {
        for p in Provider::ALL {
            assert_eq!(Provider::from_key(p.key()), Some(p));
            assert!(!p.where_to_find().is_empty());
        }
        let blocked: Vec<Provider> =
            Provider::ALL.into_iter().filter(|p| matches!(p.browser(), BrowserToken::Blocked(_))).collect();
        assert_eq!(blocked, [Provider::Entra, Provider::Okta], "the two the sources document");
        assert!(Provider::ALL.iter().all(|p| p.refuses_browsers() == blocked.contains(p)));
        assert_eq!(Provider::Entra.params()[0].value, "api://<application-id>/.default");
        assert_eq!(Provider::Auth0.params()[0].name, "audience");
    }
}
