//! Every setting a link, storage or history can carry: its key in the text form, the label of
//! the control it sets, and the closed section holding that control.

use crate::field::Field;

/// A documented setting key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Target,
    Flow,
    TokenUrl,
    ClientId,
    ClientAuth,
    ResourceUrl,
    Username,
    Encode,
    Scope,
    Extra,
    TokenInQuery,
    TokenName,
    TokenPrefix,
    Refetch,
    Method,
    Embed,
    Sections,
    Theme,
    Scenario,
    Lesson,
    Present,
    Provider,
    JwtIssuer,
    JwtAudience,
    JwtJwkUrl,
    JwtSkew,
    JwtAge,
    JwtRoleClaim,
    JwtPrivilege,
    JwtLevel,
    JwtPoolMode,
    JwtJwksAllowed,
    Origin,
}

impl Key {
    pub const ALL: [Self; 33] = [
        Self::Target,
        Self::Flow,
        Self::TokenUrl,
        Self::ClientId,
        Self::ClientAuth,
        Self::ResourceUrl,
        Self::Username,
        Self::Encode,
        Self::Scope,
        Self::Extra,
        Self::TokenInQuery,
        Self::TokenName,
        Self::TokenPrefix,
        Self::Refetch,
        Self::Method,
        Self::Embed,
        Self::Sections,
        Self::Theme,
        Self::Scenario,
        Self::Lesson,
        Self::Present,
        Self::Provider,
        Self::JwtIssuer,
        Self::JwtAudience,
        Self::JwtJwkUrl,
        Self::JwtSkew,
        Self::JwtAge,
        Self::JwtRoleClaim,
        Self::JwtPrivilege,
        Self::JwtLevel,
        Self::JwtPoolMode,
        Self::JwtJwksAllowed,
        Self::Origin,
    ];

    /// The key as written in links and storage.
    pub fn name(self) -> &'static str {
        match self {
            Self::Target => "target",
            Self::Flow => "flow",
            Self::TokenUrl => "token_url",
            Self::ClientId => "client_id",
            Self::ClientAuth => "client_auth",
            Self::ResourceUrl => "resource_url",
            Self::Username => "username",
            Self::Encode => "encode",
            Self::Scope => "scope",
            Self::Extra => "extra",
            Self::TokenInQuery => "token_in_query",
            Self::TokenName => "token_name",
            Self::TokenPrefix => "token_prefix",
            Self::Refetch => "refetch",
            Self::Method => "method",
            Self::Embed => "embed",
            Self::Sections => "sections",
            Self::Theme => "theme",
            Self::Scenario => "scenario",
            Self::Lesson => "lesson",
            Self::Present => "present",
            Self::Provider => "provider",
            Self::JwtIssuer => "jwt_issuer",
            Self::JwtAudience => "jwt_audience",
            Self::JwtJwkUrl => "jwt_jwk_url",
            Self::JwtSkew => "jwt_skew",
            Self::JwtAge => "jwt_age",
            Self::JwtRoleClaim => "jwt_role_claim",
            Self::JwtPrivilege => "jwt_privilege",
            Self::JwtLevel => "jwt_level",
            Self::JwtPoolMode => "jwt_pool_mode",
            Self::JwtJwksAllowed => "jwt_jwks_allowed",
            Self::Origin => "origin",
        }
    }

    /// The visible label of the control it sets.
    pub fn label(self) -> &'static str {
        match self {
            Self::Target => "Send requests to",
            Self::Flow => "Authentication",
            Self::TokenUrl => Field::TokenUrl.label(),
            Self::ClientId => Field::ClientId.label(),
            Self::ClientAuth => "Client authentication",
            Self::ResourceUrl => Field::ResourceUrl.label(),
            Self::Username => Field::Username.label(),
            Self::Encode => "Form-encode the credentials",
            Self::Scope => "Scope",
            Self::Extra => Field::ExtraParams.label(),
            Self::TokenInQuery => Field::TokenPlacement.label(),
            Self::TokenName => "Token name",
            Self::TokenPrefix => "Token prefix",
            Self::Refetch => "Re-fetch the token",
            Self::Method => Field::Method.label(),
            Self::Embed => "Embed layout",
            Self::Sections => "Sections shown in the embed",
            Self::Theme => "Theme",
            Self::Scenario => "Scenario",
            Self::Lesson => "Lesson",
            Self::Present => "Presentation",
            Self::Provider => "Provider",
            Self::JwtIssuer => "Issuer",
            Self::JwtAudience => "Audience",
            Self::JwtJwkUrl => "JWK set URL",
            Self::JwtSkew => "Allowed skew",
            Self::JwtAge => "Allowed age",
            Self::JwtRoleClaim => "Role claim",
            Self::JwtPrivilege => "Privilege",
            Self::JwtLevel => "Profile level",
            Self::JwtPoolMode => "The pool ignores schema profiles (security.jwt.profile.mode POOL)",
            Self::JwtJwksAllowed => "Key URLs the pool allows (security.jwks.allowed.urls)",
            Self::Origin => "Page allowed to control this embed",
        }
    }

    /// The collapsed section that holds the control, if it is not on the form itself.
    pub fn section(self) -> Option<FormSection> {
        match self {
            Self::Encode | Self::Scope | Self::Extra => Some(FormSection::TokenRequest),
            Self::TokenInQuery | Self::TokenName | Self::TokenPrefix | Self::Refetch => Some(FormSection::TokenUse),
            Self::Method => Some(FormSection::Request),
            Self::JwtIssuer
            | Self::JwtAudience
            | Self::JwtJwkUrl
            | Self::JwtSkew
            | Self::JwtAge
            | Self::JwtRoleClaim
            | Self::JwtPrivilege
            | Self::JwtLevel
            | Self::JwtPoolMode
            | Self::JwtJwksAllowed => Some(FormSection::JwtProfile),
            _ => None,
        }
    }

    pub(super) fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The form's collapsed sections: each heading written once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormSection {
    TokenRequest,
    TokenUse,
    JwtProfile,
    BrowseEndpoints,
    Request,
}

impl FormSection {
    pub const ALL: [Self; 5] =
        [Self::TokenRequest, Self::TokenUse, Self::JwtProfile, Self::BrowseEndpoints, Self::Request];

    /// The section's `<summary>`.
    pub fn label(self) -> &'static str {
        match self {
            Self::TokenRequest => "Token request options",
            Self::TokenUse => "Token use",
            Self::JwtProfile => "JWT profile",
            Self::BrowseEndpoints => "Browse endpoints",
            Self::Request => "Request options",
        }
    }
}
