//! What the simulated ORDS knows: one REST-enabled schema alias, its OAuth clients, Basic
//! users, the origins allowed to call it, and switches for behaviour ORDS leaves uncertain.

/// An OAuth client registered with `OAUTH.CREATE_CLIENT` / `ORDS_SECURITY.REGISTER_CLIENT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientConfig {
    pub name: String,
    pub client_id: String,
    /// Up to two active secrets (ORDS secret slots 1 and 2), so rotation can be shown.
    pub secrets: Vec<String>,
    pub roles: Vec<String>,
    /// URL prefixes allowed to call the token endpoint from a browser (`p_origins_allowed`).
    pub allowed_origins: Vec<String>,
    /// Token lifetime in seconds (`p_token_duration`, instance default 3600).
    pub token_lifetime_s: u64,
    /// The schema alias the client belongs to: its tokens work only there.
    pub alias: String,
}

/// An ORDS privilege: who (roles) may reach what (URL patterns relative to the alias, and
/// whole modules by base path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Privilege {
    pub name: String,
    pub roles: Vec<String>,
    /// `ORDS.CREATE_PRIVILEGE_MAPPING` patterns, e.g. `/hr/employees/*` (`*` matches anything).
    pub patterns: Vec<String>,
    /// Protected modules, by base path segment (`hr`).
    pub modules: Vec<String>,
}

/// A user accepted by HTTP Basic (an ORDS file-based user, `ords config user add`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserConfig {
    pub name: String,
    pub password: String,
    pub roles: Vec<String>,
}

/// The key id the JWK set publishes (`sim-2` signs too, but is not published).
pub const PUBLISHED_KID: &str = "sim-1";

/// What the identity provider puts in its tokens, and the schema's JWT profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwtSetup {
    pub issuer: String,
    pub audience: String,
    pub scope: String,
    pub lifetime_s: u64,
    /// Tokens are dated this many seconds in the past (`jwt-expired`).
    pub backdate_s: u64,
    /// The key that signs (`sim-1`, or `sim-2`, which the JWK set does not hold).
    pub kid: String,
    /// `ORDS_SECURITY.CREATE_JWT_PROFILE`'s values (the JWK URL is this server's `/idp/jwks`).
    pub profile: ords_core::jwt_profile::JwtProfile,
}

impl JwtSetup {
    pub fn demo() -> Self {
        let issuer = "https://ords-sim.example/idp".to_owned();
        let audience = "ords-sim-hr".to_owned();
        Self {
            profile: ords_core::jwt_profile::JwtProfile {
                issuer: issuer.clone(),
                audience: audience.clone(),
                allowed_skew_s: Some(30),
                ..Default::default()
            },
            issuer,
            audience,
            scope: "hr.read".into(),
            lifetime_s: 300,
            backdate_s: 0,
            kid: PUBLISHED_KID.into(),
        }
    }
}

/// The MCP server's settings and the identity provider's part in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McpSetup {
    /// The global MCP JWT profile's audience.
    pub audience: String,
    /// The audience the identity provider writes into a token asked for with the MCP scope.
    pub idp_audience: String,
    /// The identity provider grants the MCP scope when asked (off: it grants its usual scope).
    pub idp_grants_scope: bool,
    /// The pool opted in (`mcp.scope`): off, `database_list` lists no database.
    pub pool_opted_in: bool,
    /// `/.well-known/oauth-protected-resource/mcp` is served.
    pub metadata: bool,
    /// The metadata documents carry CORS for the module's origins.
    pub well_known_cors: bool,
    /// `/mcp` answers a browser's preflight (undocumented).
    pub preflight: bool,
    /// Answers are server-sent events when the client accepts them (undocumented); else JSON.
    pub sse: bool,
    /// The authorization server the metadata names (`--mcp-auth-server`); None: this server's `/idp`.
    pub auth_server: Option<String>,
    /// Role mode (`--mcp-role`): the profile wants this role at `/roles`, not the MCP scope, and
    /// the identity provider assigns it to its client in every token.
    pub role: Option<String>,
}

impl McpSetup {
    pub fn demo() -> Self {
        Self {
            audience: "ords-sim-mcp".into(),
            idp_audience: "ords-sim-mcp".into(),
            idp_grants_scope: true,
            pool_opted_in: true,
            metadata: true,
            well_known_cors: true,
            preflight: true,
            sse: true,
            auth_server: None,
            role: None,
        }
    }
}

/// How token-endpoint errors are written (ORDS does not document it: a switch).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TokenErrorDialect {
    /// ORDS problem JSON, like every other ORDS error since 20.4.
    #[default]
    OrdsProblemJson,
    /// RFC 6749 §5.2 `{"error":"invalid_client"}`.
    Rfc6749,
    /// An HTML error page, as older ORDS or `error.responseFormat=html`.
    Html,
}

/// `error.responseFormat`: how non-token errors are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorFormat {
    /// Problem JSON (`application/problem+json`).
    #[default]
    Json,
    /// An HTML page (`text/html`), as ORDS before 20.4.
    Html,
    /// HTML when the request's `Accept` prefers `text/html` (a browser navigation), else JSON.
    Auto,
}

/// `cors.mode`: how origins are checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CorsMode {
    /// Module origins for resources, client `allowed_origins` (URL prefixes) for the token URL.
    #[default]
    AllowList,
    /// Every origin is echoed back (what a 2018 ORDS capture shows with nothing configured).
    EchoAll,
    /// No CORS support at all: browsers on other origins are always blocked.
    Off,
}

/// Behaviour switches; defaults follow the research's recommendations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switches {
    /// `security.par.enabled`: pre-authenticated URLs are honoured (off: `/_/par/` is 404).
    pub par_enabled: bool,
    /// The demo's public PAR (`ords_core::demo::PAR_TOKEN`) has expired.
    pub demo_par_expired: bool,
    /// The demo's PAR was revoked (ORDS_PAR.REVOKE_PAR), long enough ago to have taken effect.
    pub demo_par_revoked: bool,
    /// The demo's PAR was defined for POST, so a GET through it is another method's.
    pub demo_par_post_only: bool,
    /// Seconds before a revoked PAR stops working (ORDS: "may take up to 30 seconds").
    pub par_revoke_delay_s: u64,
    /// The status for an expired, revoked or unknown PAR, or another method (undocumented).
    pub par_refused_status: u16,
    /// Accept `client_id`/`client_secret` in the token request body (undocumented for ORDS).
    pub body_client_auth: bool,
    pub token_error_dialect: TokenErrorDialect,
    /// Error responses carry CORS headers (without them the browser hides the real status).
    pub errors_carry_cors: bool,
    /// The token endpoint answers CORS preflights for allowed origins.
    pub token_preflight: bool,
    pub error_format: ErrorFormat,
    pub cors_mode: CorsMode,
    /// Status for valid credentials lacking the role: ORDS captures show 401; 403 is the other guess.
    pub no_role_status: u16,
    /// `WWW-Authenticate: Basic realm=…` on Basic failures (off: it makes browsers pop a dialog).
    pub basic_challenge: bool,
    /// `Cache-Control: no-store` on token responses (RFC 6749 asks for it; ORDS captures lack it).
    pub cache_no_store: bool,
    /// `Access-Control-Max-Age` on preflight answers.
    pub preflight_max_age: Option<u32>,
    /// A `prev` link in collections when `offset > 0` (unconfirmed for ORDS).
    pub prev_link: bool,
    /// The database account behind the schema is locked: every handler answers 570.
    pub account_locked: bool,
    /// The employees handler's SQL raises: it answers 555.
    pub handler_error: bool,
    /// With `error.responseFormat=auto`, a browser's form POST (with `Origin`, as the token
    /// request is) gets its error as HTML: only a draft ORDS guide says so, hence off.
    pub auto_html_form_posts: bool,
    /// The token endpoint refuses client credentials in a Basic header and takes them only in
    /// the body (many identity providers' clients are set up so; not ORDS's own default).
    pub body_credentials_only: bool,
    /// The token endpoint refuses a request without the `posserial` header (a point-of-sale
    /// identity provider's rule), 400 `invalid_request`.
    pub token_header_required: bool,
    /// A proxy in front of ORDS redirects `http` to `https`, or adds a missing trailing slash.
    pub proxy_redirect: crate::proxy::ProxyRedirect,
}

impl Default for Switches {
    fn default() -> Self {
        Self {
            par_enabled: true,
            demo_par_expired: false,
            demo_par_revoked: false,
            demo_par_post_only: false,
            par_revoke_delay_s: 30,
            par_refused_status: 401,
            body_client_auth: false,
            token_error_dialect: TokenErrorDialect::default(),
            errors_carry_cors: true,
            token_preflight: true,
            error_format: ErrorFormat::default(),
            cors_mode: CorsMode::default(),
            no_role_status: 401,
            basic_challenge: false,
            cache_no_store: false,
            preflight_max_age: None,
            prev_link: false,
            account_locked: false,
            handler_error: false,
            auto_html_form_posts: false,
            body_credentials_only: false,
            token_header_required: false,
            proxy_redirect: crate::proxy::ProxyRedirect::Off,
        }
    }
}

/// The whole simulated ORDS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimConfig {
    /// The schema alias in `/ords/<alias>/…` (the demo client belongs to it).
    pub alias: String,
    /// Other REST-enabled schemas with the same modules, whose tokens are not valid here.
    pub other_aliases: Vec<String>,
    pub privileges: Vec<Privilege>,
    pub clients: Vec<ClientConfig>,
    pub users: Vec<UserConfig>,
    /// Origins allowed on the `hr` module (`ORDS.SET_MODULE_ORIGINS_ALLOWED`).
    pub module_origins: Vec<String>,
    pub switches: Switches,
    /// Items per page of the employees collection (ORDS default 25).
    pub page_size: usize,
    /// The data behind `hr/employees/` and the AutoREST `employees/` object.
    pub employees: Vec<crate::hr::Employee>,
    /// The simulated identity provider and the schema's JWT profile.
    pub jwt: JwtSetup,
    /// ORDS's MCP server (26.2) and the identity provider's part in it.
    pub mcp: McpSetup,
}

/// The role the `hr` module's privilege requires.
pub const HR_ROLE: &str = "HR Reader";
/// The demo client's id, in ORDS's shape (22 base64url characters and `..`).
pub const DEMO_CLIENT_ID: &str = ords_core::demo::CLIENT_ID;
/// The demo client's secret (public: the page may send it anywhere).
pub const DEMO_CLIENT_SECRET: &str = ords_core::demo::CLIENT_SECRET;
/// The demo Basic user and password.
pub const DEMO_USER: (&str, &str) = (ords_core::demo::USERNAME, ords_core::demo::PASSWORD);
/// Page origins allowed by default: where `cargo xtask serve` serves the page.
pub const DEMO_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];

impl SimConfig {
    /// The demo: alias `demo`, one client and one user holding the `HR Reader` role.
    pub fn demo() -> Self {
        let origins: Vec<String> = DEMO_ORIGINS.iter().map(|o| o.to_string()).collect();
        Self {
            alias: "demo".into(),
            other_aliases: vec!["sales".into()],
            privileges: vec![Privilege {
                name: "hr.read".into(),
                roles: vec![HR_ROLE.into()],
                patterns: vec!["/hr/employees/*".into(), "/hr/notes/*".into(), "/employees/*".into()],
                modules: Vec::new(),
            }],
            clients: vec![ClientConfig {
                name: "playground".into(),
                client_id: DEMO_CLIENT_ID.into(),
                secrets: vec![DEMO_CLIENT_SECRET.into()],
                roles: vec![HR_ROLE.into()],
                allowed_origins: origins.clone(),
                token_lifetime_s: 3600,
                alias: "demo".into(),
            }],
            users: vec![UserConfig {
                name: DEMO_USER.0.into(),
                password: DEMO_USER.1.into(),
                roles: vec![HR_ROLE.into()],
            }],
            module_origins: origins,
            switches: Switches::default(),
            page_size: 25,
            employees: crate::hr::demo_employees(),
            jwt: JwtSetup::demo(),
            mcp: McpSetup::demo(),
        }
    }

    /// Protects the catalogs with the schema's AutoREST role (`p_auto_rest_auth => TRUE`).
    pub fn protect_catalog(&mut self) {
        self.privileges.push(Privilege {
            name: format!("oracle.dbtools.autorest.privilege.{}", self.alias.to_ascii_uppercase()),
            roles: vec![format!("oracle.dbtools.role.autorest.{}", self.alias.to_ascii_uppercase())],
            patterns: vec!["/metadata-catalog/*".into(), "/open-api-catalog/*".into()],
            modules: Vec::new(),
        });
    }

    /// Adds a client holding the `HR Reader` role, allowed from the module's origins.
    pub fn add_client(&mut self, client_id: &str, secret: &str) {
        let n = self.clients.len() + 1;
        self.clients.push(ClientConfig {
            name: format!("client{n}"),
            client_id: client_id.into(),
            secrets: vec![secret.into()],
            roles: vec![HR_ROLE.into()],
            allowed_origins: self.module_origins.clone(),
            token_lifetime_s: 3600,
            alias: self.alias.clone(),
        });
    }

    /// Adds a Basic user holding the `HR Reader` role.
    pub fn add_user(&mut self, name: &str, password: &str) {
        self.users.push(UserConfig { name: name.into(), password: password.into(), roles: vec![HR_ROLE.into()] });
    }

    /// Replaces the employees with `n` generated rows (for large-payload tests and demos).
    pub fn generate_employees(&mut self, n: usize) {
        self.employees = crate::hr::generated_employees(n);
    }

    /// Changes the alias, moving the clients that belonged to the old one.
    pub fn set_alias(&mut self, alias: &str) {
        for client in &mut self.clients {
            if client.alias == self.alias {
                client.alias = alias.into();
            }
        }
        self.other_aliases.retain(|a| a != alias);
        self.alias = alias.into();
    }

    /// True for any alias this instance serves.
    pub fn serves_alias(&self, alias: &str) -> bool {
        self.alias == alias || self.other_aliases.iter().any(|a| a == alias)
    }

    /// Replaces the allowed origins of the module and of every client.
    pub fn set_origins(&mut self, origins: &[String]) {
        self.module_origins = origins.to_vec();
        for client in &mut self.clients {
            client.allowed_origins = origins.to_vec();
        }
    }
}
