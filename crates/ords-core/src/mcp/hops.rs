//! What an MCP walk starts from and what it finds: the inputs, how ORDS's MCP profile
//! authorizes a token, the hops in order, and each hop's verdict.

use super::{ToolList, MCP_SCOPE};
use crate::exchange::Exchange;
use crate::jwt_profile::JwtProfile;
use crate::settings::OAuthSettings;
use crate::AccessToken;

/// What the walk starts from.
#[derive(Clone, Debug)]
pub struct McpInputs {
    /// `https://host/mcp`.
    pub mcp_url: String,
    /// The client at the identity provider (its token URL comes from discovery).
    pub oauth: OAuthSettings,
    /// A token to use instead of asking for one.
    pub own_token: Option<AccessToken>,
    /// The MCP JWT profile's audience, as ORDS is set up (empty: the metadata's resource).
    pub audience: String,
    /// How the profile authorizes a token: the MCP scope, or a role.
    pub access: McpAccess,
    /// When the walk starts (seconds since 1970); the token is checked at its arrival.
    pub now_s: i64,
}

/// How ORDS's global MCP profile authorizes a token: by the MCP scope, or in role mode by a role
/// name in the claim a JSON Pointer names (the identity provider assigns the role to the client).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum McpAccess {
    #[default]
    Scope,
    Role {
        claim: String,
        role: String,
    },
}

impl McpAccess {
    /// The scope the token request asks for: the MCP scope, or in role mode the form's own.
    pub(super) fn scope(&self, typed: &str) -> String {
        match self {
            Self::Scope => MCP_SCOPE.to_owned(),
            Self::Role { .. } => typed.trim().to_owned(),
        }
    }

    /// The profile's authorization as the JWT check reads it: at the pool level a list of
    /// allowed roles, so the claim must hold this one.
    pub fn apply(&self, profile: &mut JwtProfile) {
        match self {
            Self::Scope => profile.privilege = MCP_SCOPE.to_owned(),
            Self::Role { claim, role } => {
                profile.role_claim = claim.clone();
                profile.privilege = role.clone();
                profile.level = crate::jwt_profile::ProfileLevel::Pool;
            }
        }
    }
}

/// The hops, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hop {
    Challenge,
    ResourceMetadata,
    AuthServerMetadata,
    Token,
    TokenCheck,
    Initialize,
    Initialized,
    ToolsList,
    Databases,
}

impl Hop {
    pub const ALL: [Self; 9] = [
        Self::Challenge,
        Self::ResourceMetadata,
        Self::AuthServerMetadata,
        Self::Token,
        Self::TokenCheck,
        Self::Initialize,
        Self::Initialized,
        Self::ToolsList,
        Self::Databases,
    ];

    /// What lesson evidence carries.
    pub fn key(self) -> &'static str {
        match self {
            Self::Challenge => "challenge",
            Self::ResourceMetadata => "resource-metadata",
            Self::AuthServerMetadata => "auth-server-metadata",
            Self::Token => "token",
            Self::TokenCheck => "token-check",
            Self::Initialize => "initialize",
            Self::Initialized => "initialized",
            Self::ToolsList => "tools-list",
            Self::Databases => "databases",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Challenge => "The first call and its challenge",
            Self::ResourceMetadata => "Protected-resource metadata",
            Self::AuthServerMetadata => "Authorization server metadata",
            Self::Token => "Token (client credentials)",
            Self::TokenCheck => "The token against the MCP profile",
            Self::Initialize => "initialize",
            Self::Initialized => "notifications/initialized",
            Self::ToolsList => "tools/list",
            Self::Databases => "database_list",
        }
    }
}

crate::closed::closed!(labelled Hop);

/// A hop's outcome: what happened, and when it failed, what to change.
#[derive(Clone, Debug)]
pub struct HopResult {
    pub hop: Hop,
    pub exchanges: Vec<Exchange>,
    pub ok: bool,
    pub said: String,
    pub fix: Option<String>,
}

/// The walk: every hop made, and the tools when the list was read.
#[derive(Clone, Debug, Default)]
pub struct McpRun {
    pub hops: Vec<HopResult>,
    pub tools: Option<ToolList>,
    /// The token endpoint the client credentials went to and were answered by (after the
    /// person's consent when nobody typed its host): what generated code may trust.
    pub token_url: Option<String>,
}

impl McpRun {
    pub(super) fn pass(&mut self, hop: Hop, exchanges: Vec<Exchange>, said: String) {
        self.hops.push(HopResult { hop, exchanges, ok: true, said, fix: None });
    }

    pub(super) fn fail(mut self, hop: Hop, exchanges: Vec<Exchange>, said: String, fix: &str) -> Self {
        self.hops.push(HopResult { hop, exchanges, ok: false, said, fix: Some(fix.to_owned()) });
        self
    }
}

impl HopResult {
    /// The URL of this hop's request whose answer the browser would not let the page read (CORS,
    /// or no answer at all): what a no-cors probe tells apart.
    pub fn unread_url(&self) -> Option<&str> {
        self.exchanges.iter().find(|e| e.failed_to_fetch()).map(|e| e.request.wire.url.as_str())
    }
}

/// What a no-cors request to `url` showed after the page could not read its answer, as for a
/// REST call: the host is up and refused this page's origin, or nothing answers there.
pub fn probe_said(probe: crate::Probe, url: &str) -> Option<String> {
    let origin = crate::origin_of(url).unwrap_or_else(|| url.chars().take(200).collect());
    match probe {
        crate::Probe::ReachableWithoutCors => Some(format!(
            "{origin} answered a request this page may not read (no-cors): the host is up and refused this page's \
             origin. Allow it there (Access-Control-Allow-Origin on this path, and on the preflight if one is sent)."
        )),
        crate::Probe::Unreachable => Some(format!(
            "Nothing answered at {origin}, even a request without CORS: the host is down, unreachable from this \
             browser, or the address is wrong."
        )),
        crate::Probe::NotProbed => None,
    }
}
