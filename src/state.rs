//! The page's state as signals: what the person typed (`Form`), what came back (`Results`).
//! The form reads and writes the core's `PlaygroundConfig`, so every non-secret setting has one
//! text form (links, storage, history) and the round trip is tested natively.

use leptos::prelude::*;
use ords_core::helper::CodeJob;
use ords_core::jwt_profile::JwtProfile;
use ords_core::{
    parse_header_lines, AccessToken, BasicSettings, ClientAuth, ClientSecret, ExtraParam, Field, FieldError, Flow,
    HeldToken, Method, OAuthSettings, Password, PlaygroundConfig, PostmanImport, Provider, ResourceCall, Section,
    Target, Theme, TokenPlacement,
};

/// Where a setting's value came from: the question before credentials go somewhere names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The page's own defaults (the demo).
    Default,
    /// The person typed or chose it here.
    Typed,
    /// The link the page was opened with.
    Link,
    /// What this browser kept from an earlier visit.
    Stored,
    /// A Postman collection the person imported.
    Import,
    /// A history entry that was re-run.
    History,
    /// A link in the last response (pagination).
    ResponseLink,
    /// An endpoint listed by the API's catalog (Browse endpoints).
    Catalog,
}

impl Source {
    /// How the question before sending says where an address came from.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Default => "the page's demo settings",
            Self::Typed => "what you typed",
            Self::Link => "the link this page was opened with",
            Self::Stored => "settings this browser kept from an earlier visit",
            Self::Import => "the Postman collection you imported",
            Self::History => "a history entry you re-ran",
            Self::ResponseLink => "a link in the last response",
            Self::Catalog => "the API's catalog (Browse endpoints), which any server can fill",
        }
    }
}

/// What the person typed. Secrets live only in these signals (memory), never in storage
/// unless the person opts in.
#[derive(Clone, Copy)]
pub struct Form {
    pub target: RwSignal<Target>,
    /// Who chose the target; a target the page chose gives way when the person types a server.
    pub target_source: RwSignal<Source>,
    pub flow: RwSignal<Flow>,
    pub token_url: RwSignal<String>,
    pub token_url_source: RwSignal<Source>,
    pub client_id: RwSignal<String>,
    pub client_secret: RwSignal<String>,
    pub client_auth: RwSignal<ClientAuth>,
    pub resource_url: RwSignal<String>,
    pub resource_url_source: RwSignal<Source>,
    pub username: RwSignal<String>,
    pub password: RwSignal<String>,
    /// Form-encode id and secret before Base64 (RFC 6749 §2.3.1).
    pub encode_credentials: RwSignal<bool>,
    pub scope: RwSignal<String>,
    pub extra: RwSignal<Vec<ExtraParam>>,
    /// `Use my own token`: skip the token request and send this one.
    pub own_token_on: RwSignal<bool>,
    pub own_token: RwSignal<String>,
    /// Keep the secrets in this tab's sessionStorage across reloads (opt-in).
    pub remember_secrets: RwSignal<bool>,
    /// Token placement: in a query parameter instead of a header.
    pub token_in_query: RwSignal<bool>,
    /// The header (or query parameter) name, and the header's prefix.
    pub token_name: RwSignal<String>,
    pub token_prefix: RwSignal<String>,
    /// Re-fetch the token when it expired, or once after a 401 (then retry the call).
    pub refetch: RwSignal<bool>,
    pub method: RwSignal<Method>,
    /// Extra request headers, one `Name: value` per line.
    pub headers: RwSignal<String>,
    pub body: RwSignal<String>,
    /// The compact layout for an iframe, and the sections it shows (set by the page's link).
    pub embed: RwSignal<bool>,
    pub sections: RwSignal<Vec<Section>>,
    pub theme: RwSignal<Theme>,
    /// The in-page simulator's workshop scenario (empty: healthy).
    pub scenario: RwSignal<String>,
    /// The lesson open in `Lessons` (empty: none).
    pub lesson: RwSignal<String>,
    /// The projector view.
    pub present: RwSignal<bool>,
    /// Where tokens come from (a preset), and the JWT profile their tokens are checked against;
    /// skew and age as typed (numbers of seconds, or empty).
    pub provider: RwSignal<Provider>,
    pub jwt_issuer: RwSignal<String>,
    pub jwt_audience: RwSignal<String>,
    pub jwt_jwk_url: RwSignal<String>,
    pub jwt_skew: RwSignal<String>,
    pub jwt_age: RwSignal<String>,
    pub jwt_role_claim: RwSignal<String>,
    pub jwt_privilege: RwSignal<String>,
}

impl Form {
    /// The form for these settings, with the demo's public secrets where they point at the demo.
    pub fn new(config: &PlaygroundConfig, source: Source) -> Self {
        let (secret, password) = config.demo_secrets();
        let form = Self {
            target: RwSignal::new(config.target.unwrap_or(Target::Network)),
            target_source: RwSignal::new(Source::Default),
            flow: RwSignal::new(config.flow),
            token_url: RwSignal::new(String::new()),
            token_url_source: RwSignal::new(source),
            client_id: RwSignal::new(String::new()),
            client_secret: RwSignal::new(secret.unwrap_or_default().to_owned()),
            client_auth: RwSignal::new(config.client_auth),
            resource_url: RwSignal::new(String::new()),
            resource_url_source: RwSignal::new(source),
            username: RwSignal::new(String::new()),
            password: RwSignal::new(password.unwrap_or_default().to_owned()),
            encode_credentials: RwSignal::new(false),
            scope: RwSignal::new(String::new()),
            extra: RwSignal::new(Vec::new()),
            own_token_on: RwSignal::new(false),
            own_token: RwSignal::new(String::new()),
            remember_secrets: RwSignal::new(false),
            token_in_query: RwSignal::new(false),
            token_name: RwSignal::new(String::new()),
            token_prefix: RwSignal::new(String::new()),
            refetch: RwSignal::new(true),
            method: RwSignal::new(Method::Get),
            headers: RwSignal::new(String::new()),
            body: RwSignal::new(String::new()),
            embed: RwSignal::new(false),
            sections: RwSignal::new(Vec::new()),
            theme: RwSignal::new(Theme::Auto),
            scenario: RwSignal::new(String::new()),
            lesson: RwSignal::new(String::new()),
            present: RwSignal::new(false),
            provider: RwSignal::new(Provider::Ords),
            jwt_issuer: RwSignal::new(String::new()),
            jwt_audience: RwSignal::new(String::new()),
            jwt_jwk_url: RwSignal::new(String::new()),
            jwt_skew: RwSignal::new(String::new()),
            jwt_age: RwSignal::new(String::new()),
            jwt_role_claim: RwSignal::new(String::new()),
            jwt_privilege: RwSignal::new(String::new()),
        };
        form.apply(config, source);
        form
    }

    /// Every non-secret setting (tracked, so storage and links follow edits).
    pub fn config(&self) -> PlaygroundConfig {
        PlaygroundConfig {
            target: (self.target_source.get() != Source::Default).then(|| self.target.get()),
            flow: self.flow.get(),
            token_url: self.token_url.get(),
            client_id: self.client_id.get(),
            client_auth: self.client_auth.get(),
            resource_url: self.resource_url.get(),
            username: self.username.get(),
            encode_credentials: self.encode_credentials.get(),
            scope: self.scope.get(),
            extra: self.extra.get(),
            token_in_query: self.token_in_query.get(),
            token_name: self.token_name.get(),
            token_prefix: self.token_prefix.get(),
            refetch: self.refetch.get(),
            method: self.method.get(),
            embed: self.embed.get(),
            sections: self.sections.get(),
            theme: self.theme.get(),
            scenario: self.scenario.get(),
            lesson: self.lesson.get(),
            present: self.present.get(),
            provider: self.provider.get(),
            jwt: self.jwt_profile(),
        }
    }

    /// The JWT profile as typed (tracked); a skew or age that is not a number counts as none.
    pub fn jwt_profile(&self) -> JwtProfile {
        JwtProfile {
            issuer: self.jwt_issuer.get(),
            audience: self.jwt_audience.get(),
            jwk_url: self.jwt_jwk_url.get(),
            allowed_skew_s: self.jwt_skew.with(|s| s.trim().parse().ok()),
            allowed_age_s: self.jwt_age.with(|s| s.trim().parse().ok()),
            role_claim: self.jwt_role_claim.get(),
            privilege: self.jwt_privilege.get(),
        }
    }

    /// True when the page shows this section (always, unless an embed leaves it out).
    pub fn shows(&self, section: Section) -> bool {
        !self.embed.get() || self.sections.with(|s| s.contains(&section))
    }

    /// Sets every non-secret setting from `config`, which came from `source`; secrets are left
    /// as typed. A URL whose origin does not change keeps its source.
    pub fn apply(&self, config: &PlaygroundConfig, source: Source) {
        untrack(|| {
            if let Some(target) = config.target {
                self.target.set(target);
                self.target_source.set(source);
            }
            self.flow.set(config.flow);
            let moved = |before: &str, after: &str| ords_core::origin_of(before) != ords_core::origin_of(after);
            if moved(&self.token_url.get(), &config.token_url) || self.token_url.with(String::is_empty) {
                self.token_url_source.set(source);
            }
            if moved(&self.resource_url.get(), &config.resource_url) || self.resource_url.with(String::is_empty) {
                self.resource_url_source.set(source);
            }
            self.token_url.set(config.token_url.clone());
            self.client_id.set(config.client_id.clone());
            self.client_auth.set(config.client_auth);
            self.resource_url.set(config.resource_url.clone());
            self.username.set(config.username.clone());
            self.encode_credentials.set(config.encode_credentials);
            self.scope.set(config.scope.clone());
            self.extra.set(config.extra.clone());
            self.token_in_query.set(config.token_in_query);
            self.token_name.set(config.token_name.clone());
            self.token_prefix.set(config.token_prefix.clone());
            self.refetch.set(config.refetch);
            self.method.set(config.method);
            self.embed.set(config.embed);
            self.sections.set(config.sections.clone());
            self.theme.set(config.theme);
            self.scenario.set(config.scenario.clone());
            self.lesson.set(config.lesson.clone());
            self.present.set(config.present);
            self.provider.set(config.provider);
            let (j, seconds) = (&config.jwt, |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default());
            self.jwt_issuer.set(j.issuer.clone());
            self.jwt_audience.set(j.audience.clone());
            self.jwt_jwk_url.set(j.jwk_url.clone());
            self.jwt_skew.set(seconds(j.allowed_skew_s));
            self.jwt_age.set(seconds(j.allowed_age_s));
            self.jwt_role_claim.set(j.role_claim.clone());
            self.jwt_privilege.set(j.privilege.clone());
        });
    }

    /// The token request settings (tracked, so a preview can follow them).
    pub fn oauth(&self) -> OAuthSettings {
        OAuthSettings {
            token_url: self.token_url.get(),
            client_id: self.client_id.get(),
            client_secret: ClientSecret::new(self.client_secret.get()),
            client_auth: self.client_auth.get(),
            encode_credentials: self.encode_credentials.get(),
            scope: self.scope.get(),
            extra: self.extra.get(),
        }
    }

    /// The protected call, or the refusal of its header lines.
    pub fn call(&self) -> Result<ResourceCall, FieldError> {
        Ok(ResourceCall {
            url: self.resource_url.get(),
            method: self.method.get(),
            headers: parse_header_lines(&self.headers.get())?,
            body: self.body.get(),
        })
    }

    pub fn placement(&self) -> TokenPlacement {
        let name = self.token_name.get();
        if self.token_in_query.get() {
            TokenPlacement::Query { name }
        } else {
            TokenPlacement::Header { name, prefix: self.token_prefix.get() }
        }
    }

    /// The pasted token, held with no known lifetime, when `Use my own token` is ticked.
    pub fn own_token(&self, now_ms: f64) -> Option<Result<HeldToken, FieldError>> {
        if !self.own_token_on.get() {
            return None;
        }
        let token = self.own_token.get().trim().to_owned();
        let problem = if token.is_empty() {
            Some("Paste the access token to use.".to_owned())
        } else {
            ords_core::header_value_problem(&token).map(|why| format!("The token {why}; paste the token alone."))
        };
        Some(match problem {
            Some(message) => Err(FieldError { field: Field::OwnToken, message }),
            None => Ok(HeldToken::new(AccessToken::new(token), "(pasted)".into(), None, now_ms)),
        })
    }

    pub fn basic(&self) -> BasicSettings {
        BasicSettings { username: self.username.get(), password: Password::new(self.password.get()) }
    }

    /// A provider's preset: its token URL and parameters, and `Use my own token` ticked when
    /// it refuses browsers (the token then comes from outside).
    pub fn choose_provider(&self, provider: Provider) {
        self.provider.set(provider);
        if !provider.token_url().is_empty() {
            self.token_url_source.set(Source::Typed);
            self.token_url.set(provider.token_url().to_owned());
            self.extra.set(provider.params());
        }
        if provider.refuses_browsers() {
            self.own_token_on.set(true);
        }
    }

    /// What the code generators write from (tracked); the secrets only when `include_secrets`.
    pub fn code_job(&self, include_secrets: bool, page_origin: String) -> CodeJob {
        let call = self.call().ok();
        CodeJob {
            config: self.config(),
            secrets: include_secrets
                .then(|| (ClientSecret::new(self.client_secret.get()), Password::new(self.password.get()))),
            page_origin,
            headers: call.as_ref().map(|c| c.headers.clone()).unwrap_or_default(),
            body: call.map(|c| c.body).unwrap_or_default(),
        }
    }

    /// What a Postman collection or environment held: its settings (true when it had some)
    /// and its secrets.
    pub fn apply_import(&self, found: PostmanImport) -> bool {
        if let Some(config) = &found.config {
            self.apply(config, Source::Import);
        }
        if let Some(secret) = found.client_secret {
            self.client_secret.set(secret.secret().to_owned());
        }
        if let Some(password) = found.password {
            self.password.set(password.secret().to_owned());
        }
        found.config.is_some()
    }

    /// Fills the JWT profile's empty fields from what a token's own claims imply.
    pub fn fill_empty_jwt_profile(&self, implied: JwtProfile) {
        let fill = |slot: RwSignal<String>, value: String| {
            if slot.with_untracked(String::is_empty) {
                slot.set(value);
            }
        };
        fill(self.jwt_issuer, implied.issuer);
        fill(self.jwt_audience, implied.audience);
        fill(self.jwt_jwk_url, implied.jwk_url);
    }
}

/// The token the next call would send (tracked): the pasted one when `Use my own token` is
/// ticked, else the one held.
pub fn next_call_token(form: &Form, results: &Results) -> Option<String> {
    if form.own_token_on.get() {
        Some(form.own_token.get().trim().to_owned()).filter(|t| !t.is_empty())
    } else {
        results.held.with(|h| h.as_ref().map(|h| h.access_token.secret().to_owned()))
    }
}

mod results;
mod view;
pub use results::{Busy, Results};
pub use view::{SectionTab, View, STATUS_ID};
