//! `Form`: what the person typed, as signals. The settings that `PlaygroundConfig` holds one to
//! one are listed once, in `form!` below, which writes the struct's fields and the copies both
//! ways (a setting missing from the list does not compile); adding one is a line here plus its
//! control. The rest (the target and
//! where each URL came from, secrets, the call's headers and body, the JWT profile as typed)
//! are the form's own, read and written by hand in `new`, `config` and `apply`.

use super::Source;
use leptos::prelude::*;
use ords_core::helper::CodeJob;
use ords_core::jwt_profile::JwtProfile;
use ords_core::{
    parse_header_lines, AccessToken, BasicSettings, ClientAuth, ClientSecret, ExtraParam, Field, FieldError, Flow,
    HeldToken, Method, OAuthSettings, Password, PlaygroundConfig, PostmanImport, Provider, ResourceCall, Section,
    Target, Theme, TokenPlacement,
};

/// `Form`, from two lists: `settings` (a field of `PlaygroundConfig` of the same name and type)
/// and `own` (the form's alone, with its starting value).
macro_rules! form {
    (
        settings { $($(#[$sdoc:meta])* $s:ident: $st:ty,)* }
        own { $($(#[$odoc:meta])* $o:ident: $ot:ty = $init:expr,)* }
    ) => {
        /// What the person typed. Secrets live only in these signals (memory), never in storage
        /// unless the person opts in.
        #[derive(Clone, Copy)]
        pub struct Form {
            $($(#[$sdoc])* pub $s: RwSignal<$st>,)*
            $($(#[$odoc])* pub $o: RwSignal<$ot>,)*
        }

        impl Form {
            fn blank() -> Self {
                Self { $($s: RwSignal::new(<$st>::default()),)* $($o: RwSignal::new($init),)* }
            }

            /// The settings, with the two the form holds otherwise (tracked).
            fn settings_with(&self, target: Option<Target>, jwt: JwtProfile) -> PlaygroundConfig {
                PlaygroundConfig { target, jwt, $($s: self.$s.get(),)* }
            }

            fn set_settings_from(&self, config: &PlaygroundConfig) {
                $(self.$s.set(config.$s.clone());)*
            }
        }
    };
}

form! {
    settings {
        flow: Flow,
        token_url: String,
        client_id: String,
        client_auth: ClientAuth,
        resource_url: String,
        username: String,
        /// Form-encode id and secret before Base64 (RFC 6749 §2.3.1).
        encode_credentials: bool,
        scope: String,
        extra: Vec<ExtraParam>,
        /// Token placement: in a query parameter instead of a header.
        token_in_query: bool,
        /// The header (or query parameter) name, and the header's prefix.
        token_name: String,
        token_prefix: String,
        /// Re-fetch the token when it expired, or once after a 401 (then retry the call).
        refetch: bool,
        method: Method,
        /// The compact layout for an iframe, and the sections it shows (set by the page's link).
        embed: bool,
        sections: Vec<Section>,
        theme: Theme,
        /// The in-page simulator's workshop scenario (empty: healthy).
        scenario: String,
        /// The lesson open in `Lessons` (empty: none).
        lesson: String,
        /// The projector view.
        present: bool,
        /// Where tokens come from (a preset).
        provider: Provider,
        /// The page around an embed that may talk to it (set by the page's link).
        host_origin: String,
    }
    own {
        target: Target = Target::Network,
        /// Who chose the target; a target the page chose gives way when the person types a server.
        target_source: Source = Source::Default,
        token_url_source: Source = Source::Default,
        resource_url_source: Source = Source::Default,
        client_secret: String = String::new(),
        password: String = String::new(),
        /// `Use my own token`: skip the token request and send this one.
        own_token_on: bool = false,
        own_token: String = String::new(),
        /// A pre-authenticated URL (ORDS_PAR): its token is a credential, so the URL is a secret.
        par_url: String = String::new(),
        /// Keep the secrets in this tab's sessionStorage across reloads (opt-in).
        remember_secrets: bool = false,
        /// Extra request headers, one `Name: value` per line.
        headers: String = String::new(),
        body: String = String::new(),
        /// The JWT profile tokens are checked against; skew and age as typed (seconds, or empty).
        jwt_issuer: String = String::new(),
        jwt_audience: String = String::new(),
        jwt_jwk_url: String = String::new(),
        jwt_skew: String = String::new(),
        jwt_age: String = String::new(),
        jwt_role_claim: String = String::new(),
        jwt_privilege: String = String::new(),
        /// Where ORDS keeps the profile, the pool's mode, and the key URLs the pool allows.
        /// Profile level Pool (else Schema): a bool, as the form's other choices of two.
        jwt_pool_level: bool = false,
        jwt_pool_mode: bool = false,
        jwt_jwks_allowed: String = String::new(),
    }
}

impl Form {
    /// The form for these settings, with the demo's public secrets where they point at the demo.
    pub fn new(config: &PlaygroundConfig, source: Source) -> Self {
        let form = Self::blank();
        let (secret, password) = config.demo_secrets();
        form.client_secret.set(secret.unwrap_or_default().to_owned());
        form.password.set(password.unwrap_or_default().to_owned());
        if password.is_some() {
            // The demo's pre-authenticated URL is public too.
            form.par_url.set(ords_core::demo::par_url());
        }
        form.apply(config, source);
        form
    }

    /// Every non-secret setting (tracked, so storage and links follow edits).
    pub fn config(&self) -> PlaygroundConfig {
        let target = (self.target_source.get() != Source::Default).then(|| self.target.get());
        self.settings_with(target, self.jwt_profile())
    }

    /// Sets every non-secret setting from `config`, which came from `source`; secrets are left
    /// as typed. A URL whose origin does not change keeps its source.
    pub fn apply(&self, config: &PlaygroundConfig, source: Source) {
        untrack(|| {
            if let Some(target) = config.target {
                self.target.set(target);
                self.target_source.set(source);
            }
            let moved = |before: &str, after: &str| ords_core::origin_of(before) != ords_core::origin_of(after);
            if moved(&self.token_url.get(), &config.token_url) || self.token_url.with(String::is_empty) {
                self.token_url_source.set(source);
            }
            if moved(&self.resource_url.get(), &config.resource_url) || self.resource_url.with(String::is_empty) {
                self.resource_url_source.set(source);
            }
            self.set_settings_from(config);
            let (j, seconds) = (&config.jwt, |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default());
            self.jwt_issuer.set(j.issuer.clone());
            self.jwt_audience.set(j.audience.clone());
            self.jwt_jwk_url.set(j.jwk_url.clone());
            self.jwt_skew.set(seconds(j.allowed_skew_s));
            self.jwt_age.set(seconds(j.allowed_age_s));
            self.jwt_role_claim.set(j.role_claim.clone());
            self.jwt_privilege.set(j.privilege.clone());
            self.jwt_pool_level.set(j.level == ords_core::jwt_profile::ProfileLevel::Pool);
            self.jwt_pool_mode.set(j.pool_mode);
            self.jwt_jwks_allowed.set(j.jwks_allowed.clone());
        });
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
            level: if self.jwt_pool_level.get() {
                ords_core::jwt_profile::ProfileLevel::Pool
            } else {
                ords_core::jwt_profile::ProfileLevel::Schema
            },
            pool_mode: self.jwt_pool_mode.get(),
            jwks_allowed: self.jwt_jwks_allowed.get(),
        }
    }

    /// True when the page shows this section (always, unless an embed leaves it out).
    pub fn shows(&self, section: Section) -> bool {
        !self.embed.get() || self.sections.with(|s| s.contains(&section))
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

    /// The protected call (through the pre-authenticated URL in that flow), or the refusal of
    /// its header lines.
    pub fn call(&self) -> Result<ResourceCall, FieldError> {
        let url = if self.flow.get() == Flow::Par { self.par_url.get() } else { self.resource_url.get() };
        Ok(ResourceCall {
            url,
            method: self.method.get(),
            headers: parse_header_lines(&self.headers.get())?,
            body: self.body.get(),
        })
    }

    /// The link's pre-authenticated URL while it is the one in the form (tracked).
    pub fn linked_par(&self) -> Option<ords_core::SharedPar> {
        let typed = self.par_url.get();
        crate::browser::linked_par().filter(|par| self.flow.get() == Flow::Par && par.url.url() == typed.trim())
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
        let mut config = self.config();
        if config.flow == Flow::Par {
            // The helper writes the code from the URL; its token crosses only when it is to be in it.
            let par = ords_core::ParUrl::parse(&self.par_url.get());
            config.resource_url =
                par.map(|p| if include_secrets { p.url() } else { p.written("TOKEN") }).unwrap_or_default();
        }
        CodeJob {
            config,
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

mod paste;
#[cfg(test)]
mod tests;
