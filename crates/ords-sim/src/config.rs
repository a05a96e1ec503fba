//! What the simulated ORDS knows: one REST-enabled schema alias, its OAuth clients, Basic
//! users, the origins allowed to call it, and switches for behaviour ORDS leaves uncertain.

/// An OAuth client registered with `OAUTH.CREATE_CLIENT` / `ORDS_SECURITY.REGISTER_CLIENT`.
#[derive(Clone, Debug)]
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
}

/// A user accepted by HTTP Basic (an ORDS file-based user, `ords config user add`).
#[derive(Clone, Debug)]
pub struct UserConfig {
    pub name: String,
    pub password: String,
    pub roles: Vec<String>,
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

/// Behaviour switches; defaults follow the research's recommendations.
#[derive(Clone, Debug)]
pub struct Switches {
    /// Accept `client_id`/`client_secret` in the token request body (undocumented for ORDS).
    pub body_client_auth: bool,
    pub token_error_dialect: TokenErrorDialect,
    /// Error responses carry CORS headers (without them the browser hides the real status).
    pub errors_carry_cors: bool,
    /// The token endpoint answers CORS preflights for allowed origins.
    pub token_preflight: bool,
}

impl Default for Switches {
    fn default() -> Self {
        Self {
            body_client_auth: false,
            token_error_dialect: TokenErrorDialect::default(),
            errors_carry_cors: true,
            token_preflight: true,
        }
    }
}

/// The whole simulated ORDS.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// The schema alias in `/ords/<alias>/…`.
    pub alias: String,
    pub clients: Vec<ClientConfig>,
    pub users: Vec<UserConfig>,
    /// Origins allowed on the `hr` module (`ORDS.SET_MODULE_ORIGINS_ALLOWED`).
    pub module_origins: Vec<String>,
    pub switches: Switches,
    /// Items per page of the employees collection (ORDS default 25).
    pub page_size: usize,
}

/// The role the `hr` module's privilege requires.
pub const HR_ROLE: &str = "HR Reader";
/// The demo client's id, in ORDS's shape (22 base64url characters and `..`).
pub const DEMO_CLIENT_ID: &str = "Te8yn-qGmBoX6jzpPhnUXA..";
/// The demo client's secret.
pub const DEMO_CLIENT_SECRET: &str = "m2Qx7dVbUaE4kR9pLwT1sA..";
/// The demo Basic user and password.
pub const DEMO_USER: (&str, &str) = ("hr_user", "Welcome_1");
/// Page origins allowed by default: where `cargo xtask serve` serves the page.
pub const DEMO_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];

impl SimConfig {
    /// The demo: alias `demo`, one client and one user holding the `HR Reader` role.
    pub fn demo() -> Self {
        let origins: Vec<String> = DEMO_ORIGINS.iter().map(|o| o.to_string()).collect();
        Self {
            alias: "demo".into(),
            clients: vec![ClientConfig {
                name: "playground".into(),
                client_id: DEMO_CLIENT_ID.into(),
                secrets: vec![DEMO_CLIENT_SECRET.into()],
                roles: vec![HR_ROLE.into()],
                allowed_origins: origins.clone(),
                token_lifetime_s: 3600,
            }],
            users: vec![UserConfig {
                name: DEMO_USER.0.into(),
                password: DEMO_USER.1.into(),
                roles: vec![HR_ROLE.into()],
            }],
            module_origins: origins,
            switches: Switches::default(),
            page_size: 25,
        }
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
        });
    }

    /// Adds a Basic user holding the `HR Reader` role.
    pub fn add_user(&mut self, name: &str, password: &str) {
        self.users.push(UserConfig { name: name.into(), password: password.into(), roles: vec![HR_ROLE.into()] });
    }

    /// Replaces the allowed origins of the module and of every client.
    pub fn set_origins(&mut self, origins: &[String]) {
        self.module_origins = origins.to_vec();
        for client in &mut self.clients {
            client.allowed_origins = origins.to_vec();
        }
    }
}
