//! Workshop scenarios: one flag (`--scenario NAME`) that makes the simulator produce one
//! classic ORDS failure, so an instructor can let a room meet it and fix it.

use crate::config::{ErrorFormat, SimConfig, TokenErrorDialect};

/// A named failure preset.
pub struct Scenario {
    pub name: &'static str,
    /// What goes wrong, as the attendee will see it.
    pub failure: &'static str,
    /// What to do in the playground to meet it.
    pub try_it: &'static str,
    /// It needs the identity provider (`jwt` feature: ords-sim, not the in-page simulator).
    pub jwt: bool,
    apply: fn(&mut SimConfig),
}

impl Scenario {
    /// Changes the configuration to produce the failure.
    pub fn apply(&self, config: &mut SimConfig) {
        (self.apply)(config);
    }
}

/// The secret the `rotated-secret` scenario rotates to.
pub const ROTATED_SECRET: &str = "Vt3kQ9zLmP2wXc8RbN5yHg..";

pub const SCENARIOS: [Scenario; 28] = [
    Scenario {
        name: "rotated-secret",
        failure:
            "The client secret was rotated and the old one revoked: the demo secret now gets 401 at the token URL.",
        try_it: "Get token with the old secret (401), then with the new one printed above (200).",
        jwt: false,
        apply: |c| c.clients.iter_mut().for_each(|client| client.secrets = vec![ROTATED_SECRET.into()]),
    },
    Scenario {
        name: "dropped-dots",
        failure: "ORDS client ids and secrets end in \"..\"; an id copied without them gets 401 at the token URL.",
        try_it: "Get token with Client ID Te8yn-qGmBoX6jzpPhnUXA (no trailing ..): 401. Put the dots back: 200.",
        jwt: false,
        apply: |_| {},
    },
    Scenario {
        name: "expired-token",
        failure: "Tokens live 30 seconds: after the countdown reaches zero the held token gets 401 on the resource.",
        try_it: "Get token, wait for the countdown, then Call API.",
        jwt: false,
        apply: |c| c.clients.iter_mut().for_each(|client| client.token_lifetime_s = 30),
    },
    Scenario {
        name: "no-role",
        failure: "The client was never granted the HR Reader role: the token is issued, the employees call gets 401.",
        try_it:
            "Call API: the token request succeeds and the resource answers 401 (OAUTH.GRANT_CLIENT_ROLE is missing).",
        jwt: false,
        apply: |c| c.clients.iter_mut().for_each(|client| client.roles.clear()),
    },
    Scenario {
        name: "origin-not-allowed",
        failure: "No page origin is allowed (CORS): every browser call is blocked, while curl still works.",
        try_it: "Call API from the playground (blocked), then the same with curl (works).",
        jwt: false,
        apply: |c| c.set_origins(&[]),
    },
    Scenario {
        name: "html-errors",
        failure: "error.responseFormat=html: errors come back as HTML pages where a client expects JSON.",
        try_it: "Get token with a wrong secret, or Call API without a token: the body is an HTML page.",
        jwt: false,
        apply: |c| {
            c.switches.error_format = ErrorFormat::Html;
            c.switches.token_error_dialect = TokenErrorDialect::Html;
        },
    },
    Scenario {
        name: "token-no-cors",
        failure: "The token endpoint does not answer CORS preflights: Get token fails in the browser, Basic works.",
        try_it: "Get token (no response: CORS), then the Basic flow against the same resource (200).",
        jwt: false,
        apply: |c| c.switches.token_preflight = false,
    },
    Scenario {
        name: "handler-error",
        failure: "The employees handler's SQL raises ORA-01476: ORDS answers 555 User Defined Resource Error.",
        try_it: "Call API: the token works, the resource answers 555.",
        jwt: false,
        apply: |c| c.switches.handler_error = true,
    },
    Scenario {
        name: "account-locked",
        failure: "The database account behind the schema is locked (ORA-28000): every resource answers 570.",
        try_it: "Call API: the token works, the resource answers 570.",
        jwt: false,
        apply: |c| c.switches.account_locked = true,
    },
    Scenario {
        name: "body-credentials-only",
        failure: "The token endpoint takes the client id and secret only in the request body (as many identity \
            providers' clients are set up): a Basic header gets 401 invalid_client, as OAUTH_AUTHENTICATE's would.",
        try_it: "Get token (401 invalid_client), then Client authentication: Request body (200); Code > PL/SQL (APEX) \
            requests the token by hand.",
        jwt: false,
        apply: |c| {
            c.switches.body_client_auth = true;
            c.switches.body_credentials_only = true;
            c.switches.token_error_dialect = TokenErrorDialect::Rfc6749;
        },
    },
    Scenario {
        name: "token-needs-header",
        failure: "The token endpoint requires a posserial header on the token request (a point-of-sale provider's \
            rule): without it, 400 invalid_request, as from OAUTH_AUTHENTICATE, which cannot send headers.",
        try_it: "Get token (400 invalid_request), then add posserial under Token request options > Extra parameters \
            (Header): 200.",
        jwt: false,
        apply: |c| {
            c.switches.token_header_required = true;
            c.switches.token_error_dialect = TokenErrorDialect::Rfc6749;
        },
    },
    Scenario {
        name: "https-redirect",
        failure: "ORDS sits behind a proxy that redirects http to https (301): a request to an http:// URL is \
            answered with a redirect, which the playground does not follow with your credentials.",
        try_it: "Call API: the answer is a redirect, and the browser hides where it leads (another origin); Diagnosis \
            points at the http:// in the URLs. Change both to https:// (the in-page simulator answers there): 200.",
        jwt: false,
        apply: |c| c.switches.proxy_redirect = crate::proxy::ProxyRedirect::Https,
    },
    Scenario {
        name: "missing-slash",
        failure: "The web server in front of ORDS redirects a path without its trailing slash to the path with it \
            (301): …/hr/employees is answered with a redirect to …/hr/employees/.",
        try_it: "Remove the trailing / from Resource URL and Call API: a redirect, named in Diagnosis with the URL it \
            leads to. Put the slash back: 200.",
        jwt: false,
        apply: |c| c.switches.proxy_redirect = crate::proxy::ProxyRedirect::Slash,
    },
    Scenario {
        name: "jwt-wrong-audience",
        failure: "The identity provider issues tokens for another API (aud https://other-api.example): ORDS answers \
            401 invalid_token.",
        try_it: "Get a token at /idp/token, Call API with it, and read which JWT profile rule it breaks.",
        jwt: true,
        apply: |c| c.jwt.audience = "https://other-api.example".into(),
    },
    Scenario {
        name: "jwt-missing-scope",
        failure: "The identity provider's tokens carry scope \"openid profile\", not the ORDS privilege hr.read: 401 \
            invalid_token.",
        try_it: "Get a token at /idp/token, Call API: the scope does not name the privilege.",
        jwt: true,
        apply: |c| c.jwt.scope = "openid profile".into(),
    },
    Scenario {
        name: "jwt-expired",
        failure: "The identity provider's clock is behind: its tokens are issued already expired. 401 invalid_token.",
        try_it: "Get a token at /idp/token, Call API: exp is in the past, beyond the profile's 30 s of skew.",
        jwt: true,
        apply: |c| c.jwt.backdate_s = c.jwt.lifetime_s.saturating_add(120),
    },
    Scenario {
        name: "jwt-unknown-kid",
        failure: "The identity provider signs with a key (kid sim-2) that its JWK set does not publish: 401 \
            invalid_token.",
        try_it: "Get a token at /idp/token, Call API, with the profile's JWK set URL filled in: the kid is not in the \
            set.",
        jwt: true,
        apply: |c| c.jwt.kid = "sim-2".into(),
    },
    Scenario {
        name: "jwt-issuer-slash",
        failure: "The identity provider writes its issuer with a trailing / that the JWT profile lacks: 401 \
            invalid_token.",
        try_it: "Get a token at /idp/token, Call API: iss and the profile's issuer differ by one character.",
        jwt: true,
        apply: |c| c.jwt.issuer = format!("{}/", c.jwt.profile.issuer),
    },
    Scenario {
        name: "par-expired",
        failure: "The pre-authenticated URL expired (its p_duration ran out): the call through it gets 401.",
        try_it: "Authentication: Pre-authenticated URL, then Call API (401); ask for a new one \
            (ORDS_PAR.DEFINE_FOR_HANDLER).",
        jwt: false,
        apply: |c| c.switches.demo_par_expired = true,
    },
    Scenario {
        name: "par-off",
        failure: "The pool has pre-authenticated requests off (security.par.enabled=false): every PAR URL gets 404.",
        try_it: "Authentication: Pre-authenticated URL, then Call API (404), while OAuth2 still works.",
        jwt: false,
        apply: |c| c.switches.par_enabled = false,
    },
    Scenario {
        name: "par-revoked",
        failure: "The pre-authenticated URL was revoked (ORDS_PAR.REVOKE_PAR) and the up-to-30 s window has passed: \
            the call through it gets 401.",
        try_it: "Authentication: Pre-authenticated URL, then Call API (401): the answer does not say revoked.",
        jwt: false,
        apply: |c| c.switches.demo_par_revoked = true,
    },
    Scenario {
        name: "par-wrong-method",
        failure: "The pre-authenticated URL was defined for POST: a GET through it gets 401 (a PAR is for one method).",
        try_it: "Authentication: Pre-authenticated URL, then Call API with GET (401): the URL is for another \
            method, so only a new one for GET (DEFINE_FOR_HANDLER with p_method => 'GET') fixes it.",
        jwt: false,
        apply: |c| c.switches.demo_par_post_only = true,
    },
    Scenario {
        name: "mcp-no-metadata",
        failure: "The MCP server's 401 points at protected-resource metadata that is not served: a client cannot \
            discover where to get a token.",
        try_it: "Walk the MCP chain from /mcp: the metadata hop gets 404.",
        jwt: true,
        apply: |c| c.mcp.metadata = false,
    },
    Scenario {
        name: "mcp-well-known-no-cors",
        failure: "The metadata documents carry no CORS headers (a proxy serves them): a browser cannot read them.",
        try_it: "Walk the MCP chain from the page: the metadata hop fails in the browser, while curl reads it.",
        jwt: true,
        apply: |c| c.mcp.well_known_cors = false,
    },
    Scenario {
        name: "mcp-wrong-audience",
        failure: "The identity provider writes the HR API's audience into MCP tokens, not the MCP profile's: 401 \
            invalid_token.",
        try_it: "Walk the MCP chain: the token check names aud.",
        jwt: true,
        apply: |c| c.mcp.idp_audience = "ords-sim-hr".into(),
    },
    Scenario {
        name: "mcp-missing-scope",
        failure: "The identity provider does not grant urn:oracle:dbtools:ords:mcpserver:all: 401 invalid_token.",
        try_it: "Walk the MCP chain: the token check names the scope.",
        jwt: true,
        apply: |c| c.mcp.idp_grants_scope = false,
    },
    Scenario {
        name: "mcp-expired-token",
        failure: "The identity provider's clock is behind: MCP tokens are issued already expired. 401 invalid_token.",
        try_it: "Walk the MCP chain: the token check names exp.",
        jwt: true,
        apply: |c| c.jwt.backdate_s = c.jwt.lifetime_s.saturating_add(120),
    },
    Scenario {
        name: "mcp-pool-not-opted-in",
        failure: "No pool opted in to the MCP server (mcp.scope or mcp.role): the chain works, database_list is empty.",
        try_it: "Walk the MCP chain to its end: database_list lists nothing.",
        jwt: true,
        apply: |c| c.mcp.pool_opted_in = false,
    },
];
/// The scenario with this name.
pub fn find(name: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.name == name)
}

/// The text of `ords-sim --list-scenarios`.
pub fn listing() -> String {
    let mut out = String::from("Workshop scenarios (start one with --scenario NAME):\n");
    for s in &SCENARIOS {
        out.push_str(&format!("\n  {}\n    {}\n    Try: {}\n", s.name, s.failure, s.try_it));
    }
    out
}
