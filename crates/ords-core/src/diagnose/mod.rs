//! Diagnosis: from the inputs and a run's exchanges, the most likely causes of a failure,
//! each with the evidence it rests on and a fix to run or change. Deterministic and pure.

mod answers;
mod fixes;
mod inputs;
mod jwt;
pub mod jwt_rules;
crate::closed::closed!(FindingId);

#[cfg(test)]
mod jwt_rules_tests;
mod redirect;
mod url_pair;
pub mod wire;

use crate::call::Method;
use crate::config::Flow;
use crate::flow::TimelineEntry;
use crate::secret::ClientSecret;
use crate::settings::ClientAuth;

pub(crate) use fixes::module_origins_sql;
pub use fixes::{cors_fixes, CorsFixes};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The call failed or will fail because of this.
    Problem,
    /// Likely to cause trouble, or worth knowing before sending.
    Warning,
    /// Explains what will happen (e.g. a preflight).
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Self::Problem => "Problem",
            Self::Warning => "Warning",
            Self::Info => "Note",
        }
    }
}

/// What a finding is about: a closed set, each with a stable key (for tests, links and the
/// page's `data-finding` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingId {
    AccountLocked,
    AliasMismatch,
    BadPaging,
    Basic401,
    Cancelled,
    CatalogNotFound,
    CatalogProtected,
    DroppedDots,
    Expired,
    ForbiddenOrigin,
    HandlerError,
    HostMismatch,
    HtmlErrors,
    JwtAlgorithm,
    JwtAudience,
    JwtAudienceArray,
    JwtExpired,
    JwtIssuer,
    JwtJwkUrl,
    JwtJwks,
    JwtNotYet,
    JwtPasses,
    JwtRole,
    JwtScope,
    JwtTooOld,
    JwtUnknownKid,
    JwtRolePointer,
    JwtSchemaIgnored,
    JwtJwksNotAllowed,
    LocalNetwork,
    MethodNotAllowed,
    MixedContent,
    NoOrdsContext,
    NoRole,
    NotACollection,
    NotModified,
    NotSent,
    PasteBearerOnToken,
    PasteCorsHeader,
    PasteEmptySecret,
    PasteGrantType,
    PasteJsonToken,
    PastePlsqlHeaders,
    PasteSchemaUser,
    ParRefused,
    PortMismatch,
    PreflightResource,
    PreflightToken,
    Redirected,
    Refused,
    ResourceCors,
    ResourceOutsideSchema,
    SchemeMismatch,
    SecretInId,
    SimulatorUnavailable,
    Timeout,
    Token400,
    Token401,
    Token404,
    TokenCors,
    TokenNotJson,
    TokenPath,
    TokenPathCors,
    Unreachable,
    Whitespace,
}

impl FindingId {
    pub const ALL: [Self; 65] = [
        Self::AccountLocked,
        Self::AliasMismatch,
        Self::BadPaging,
        Self::Basic401,
        Self::Cancelled,
        Self::CatalogNotFound,
        Self::CatalogProtected,
        Self::DroppedDots,
        Self::Expired,
        Self::ForbiddenOrigin,
        Self::HandlerError,
        Self::HostMismatch,
        Self::HtmlErrors,
        Self::JwtAlgorithm,
        Self::JwtAudience,
        Self::JwtAudienceArray,
        Self::JwtExpired,
        Self::JwtIssuer,
        Self::JwtJwkUrl,
        Self::JwtJwks,
        Self::JwtNotYet,
        Self::JwtPasses,
        Self::JwtRole,
        Self::JwtScope,
        Self::JwtTooOld,
        Self::JwtUnknownKid,
        Self::JwtRolePointer,
        Self::JwtSchemaIgnored,
        Self::JwtJwksNotAllowed,
        Self::LocalNetwork,
        Self::MethodNotAllowed,
        Self::MixedContent,
        Self::NoOrdsContext,
        Self::NoRole,
        Self::NotACollection,
        Self::NotModified,
        Self::NotSent,
        Self::PasteBearerOnToken,
        Self::PasteCorsHeader,
        Self::PasteEmptySecret,
        Self::PasteGrantType,
        Self::PasteJsonToken,
        Self::PastePlsqlHeaders,
        Self::PasteSchemaUser,
        Self::ParRefused,
        Self::PortMismatch,
        Self::PreflightResource,
        Self::PreflightToken,
        Self::Redirected,
        Self::Refused,
        Self::ResourceCors,
        Self::ResourceOutsideSchema,
        Self::SchemeMismatch,
        Self::SecretInId,
        Self::SimulatorUnavailable,
        Self::Timeout,
        Self::Token400,
        Self::Token401,
        Self::Token404,
        Self::TokenCors,
        Self::TokenNotJson,
        Self::TokenPath,
        Self::TokenPathCors,
        Self::Unreachable,
        Self::Whitespace,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::AccountLocked => "account-locked",
            Self::AliasMismatch => "alias-mismatch",
            Self::BadPaging => "bad-paging",
            Self::Basic401 => "basic-401",
            Self::Cancelled => "cancelled",
            Self::CatalogNotFound => "catalog-not-found",
            Self::CatalogProtected => "catalog-protected",
            Self::DroppedDots => "dropped-dots",
            Self::Expired => "expired",
            Self::ForbiddenOrigin => "forbidden-origin",
            Self::HandlerError => "handler-error",
            Self::HostMismatch => "host-mismatch",
            Self::HtmlErrors => "html-errors",
            Self::JwtAlgorithm => "jwt-algorithm",
            Self::JwtAudience => "jwt-audience",
            Self::JwtAudienceArray => "jwt-audience-array",
            Self::JwtExpired => "jwt-expired",
            Self::JwtIssuer => "jwt-issuer",
            Self::JwtJwkUrl => "jwt-jwk-url",
            Self::JwtJwks => "jwt-jwks",
            Self::JwtNotYet => "jwt-not-yet",
            Self::JwtPasses => "jwt-passes",
            Self::JwtRole => "jwt-role",
            Self::JwtScope => "jwt-scope",
            Self::JwtTooOld => "jwt-too-old",
            Self::JwtUnknownKid => "jwt-unknown-kid",
            Self::JwtRolePointer => "jwt-role-pointer",
            Self::JwtSchemaIgnored => "jwt-schema-ignored",
            Self::JwtJwksNotAllowed => "jwt-jwks-not-allowed",
            Self::LocalNetwork => "local-network",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::MixedContent => "mixed-content",
            Self::NoOrdsContext => "no-ords-context",
            Self::NoRole => "no-role",
            Self::NotACollection => "not-a-collection",
            Self::NotModified => "not-modified",
            Self::NotSent => "not-sent",
            Self::PasteBearerOnToken => "paste-bearer-on-token",
            Self::PasteCorsHeader => "paste-cors-header",
            Self::PasteEmptySecret => "paste-empty-secret",
            Self::PasteGrantType => "paste-grant-type",
            Self::PasteJsonToken => "paste-json-token",
            Self::PastePlsqlHeaders => "paste-plsql-headers",
            Self::PasteSchemaUser => "paste-schema-user",
            Self::ParRefused => "par-refused",
            Self::PortMismatch => "port-mismatch",
            Self::PreflightResource => "preflight-resource",
            Self::PreflightToken => "preflight-token",
            Self::Redirected => "redirected",
            Self::Refused => "refused",
            Self::ResourceCors => "resource-cors",
            Self::ResourceOutsideSchema => "resource-outside-schema",
            Self::SchemeMismatch => "scheme-mismatch",
            Self::SecretInId => "secret-in-id",
            Self::SimulatorUnavailable => "simulator-unavailable",
            Self::Timeout => "timeout",
            Self::Token400 => "token-400",
            Self::Token401 => "token-401",
            Self::Token404 => "token-404",
            Self::TokenCors => "token-cors",
            Self::TokenNotJson => "token-not-json",
            Self::TokenPath => "token-path",
            Self::TokenPathCors => "token-path-cors",
            Self::Unreachable => "unreachable",
            Self::Whitespace => "whitespace",
        }
    }
}

/// One cause, with its evidence and fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    /// One line: what most likely happened.
    pub cause: String,
    /// What it rests on: which request, which status or header.
    pub evidence: String,
    /// What to do.
    pub fix: String,
    /// SQL (or configuration) to run, when one applies.
    pub sql: Option<String>,
    /// True when CORS is a likely part of it (the page then opens the ORDS CORS note).
    pub cors: bool,
}

impl Finding {
    pub(crate) fn new(
        id: FindingId,
        severity: Severity,
        cause: impl Into<String>,
        evidence: impl Into<String>,
    ) -> Self {
        Self {
            id,
            severity,
            cause: cause.into(),
            evidence: evidence.into(),
            fix: String::new(),
            sql: None,
            cors: false,
        }
    }

    pub(crate) fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }

    pub(crate) fn sql(mut self, sql: impl Into<String>) -> Self {
        self.sql = Some(sql.into());
        self
    }

    fn cors(mut self) -> Self {
        self.cors = true;
        self
    }
}

/// What the form says, read once. Secrets are only inspected (never copied into findings).
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub page_origin: String,
    pub flow: Flow,
    pub token_url: String,
    pub resource_url: String,
    pub client_id: String,
    pub client_secret: ClientSecret,
    pub client_auth: ClientAuth,
    pub method: Method,
    /// The call sends a body with a non-safelisted content type (JSON).
    pub sends_json: bool,
    /// An extra header (or a token header other than Authorization) is sent.
    pub extra_headers: bool,
    /// The JWT profile the person described (empty: taken from the token itself).
    pub jwt_profile: crate::jwt_profile::JwtProfile,
    /// What the browser learned of the profile's JWK set.
    pub jwks: crate::jwt_profile::Jwks,
    /// The token the next call would send (held or pasted); empty when none.
    pub token: crate::secret::AccessToken,
    /// When the inputs were read (seconds since the epoch), for the token's times.
    pub now_s: i64,
}

/// What the page learned after a fetch failed without a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// No probe was made (no fetch failed, or probing was not possible).
    NotProbed,
    /// A `no-cors` request to the same URL failed too: nothing answers there.
    Unreachable,
    /// A `no-cors` request got an (opaque) answer: the server is up but refused this origin.
    ReachableWithoutCors,
}

/// What else is known about a run.
#[derive(Clone, Copy, Debug)]
pub struct RunFacts {
    pub probe: Probe,
    /// The held token's countdown had reached zero before the resource call.
    pub token_expired: bool,
}

/// Findings from the inputs alone, before anything is sent.
pub fn diagnose_inputs(inputs: &Inputs) -> Vec<Finding> {
    let mut found = inputs::check(inputs);
    found.extend(jwt::held(inputs));
    found
}

/// Findings from a run: its exchanges in order, and what the probe found.
pub fn diagnose_run(inputs: &Inputs, timeline: &[TimelineEntry], facts: RunFacts) -> Vec<Finding> {
    let mut found = answers::check(inputs, timeline, facts);
    // Evidence quotes what servers answered: an echo of a credential is masked there too.
    let mut secrets = vec![inputs.client_secret.secret().to_owned(), inputs.token.secret().to_owned()];
    secrets.extend(timeline.iter().flat_map(|entry| entry.exchange.secrets()));
    for finding in &mut found {
        finding.evidence = crate::mask_secrets(&finding.evidence, &secrets);
    }
    // Problems first, order kept within a severity: an insertion sort, as there are only a
    // few findings and the standard stable sort would add its code to the page.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && found[j - 1].severity > found[j].severity {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found
}

#[cfg(test)]
mod tests;
