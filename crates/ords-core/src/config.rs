//! Every non-secret setting of the page as one value, and its one text form: form-encoded
//! `key=value` pairs. Links carry it in the URL fragment (older links in the query), the
//! browser keeps it in storage, and history keeps one per run. Secrets are never part of it,
//! and URLs lose any `user:password@` on the way out.

mod codec;
mod keys;

pub use codec::{Decoded, Ignored, Key, MAX_EXTRAS};
pub use keys::FormSection;

use crate::call::Method;
use crate::settings::{ClientAuth, ExtraParam, TokenPlacement};
use crate::{demo, url::strip_user_info};

/// Where requests go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The browser's own fetch, to the URLs entered.
    Network,
    /// The ORDS model compiled into the page; nothing leaves the browser.
    Simulated,
}

impl Target {
    pub const ALL: [Self; 2] = [Self::Network, Self::Simulated];

    /// The visible label of the option.
    pub fn label(self) -> &'static str {
        match self {
            Self::Network => "Network (this browser's fetch)",
            Self::Simulated => "Simulated ORDS (in this page)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Simulated => "simulated",
        }
    }
}

/// Which flow the form runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flow {
    #[default]
    OAuth2,
    Basic,
    /// Both against the same Resource URL, run together.
    Compare,
    /// A pre-authenticated URL (ORDS_PAR): the call with no credentials at all.
    Par,
}

impl Flow {
    pub const ALL: [Self; 4] = [Self::OAuth2, Self::Basic, Self::Compare, Self::Par];

    pub fn key(self) -> &'static str {
        match self {
            Self::OAuth2 => "oauth2",
            Self::Basic => "basic",
            Self::Compare => "compare",
            Self::Par => "par",
        }
    }

    /// The visible label of the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::OAuth2 => "OAuth2 client credentials",
            Self::Basic => "Basic",
            Self::Compare => "Compare both",
            Self::Par => "Pre-authenticated URL",
        }
    }

    pub fn uses_oauth(self) -> bool {
        matches!(self, Self::OAuth2 | Self::Compare)
    }

    pub fn uses_basic(self) -> bool {
        matches!(self, Self::Basic | Self::Compare)
    }
}

/// The page's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the system's light or dark preference.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Self; 3] = [Self::Auto, Self::Light, Self::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Auto => "Auto (system)",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// The sections below the two result panels, which an embed shows only when listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Lessons,
    Diagnosis,
    Timeline,
    Code,
    History,
    Database,
    /// ORDS's MCP server and its OAuth chain (ORDS 26.2).
    Mcp,
}

impl Section {
    pub const ALL: [Self; 7] =
        [Self::Lessons, Self::Diagnosis, Self::Timeline, Self::Code, Self::History, Self::Database, Self::Mcp];

    pub fn key(self) -> &'static str {
        match self {
            Self::Lessons => "lessons",
            Self::Diagnosis => "diagnosis",
            Self::Timeline => "timeline",
            Self::Code => "code",
            Self::History => "history",
            Self::Database => "database",
            Self::Mcp => "mcp",
        }
    }

    /// The section's heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::Lessons => "Lessons",
            Self::Diagnosis => "Diagnosis",
            Self::Timeline => "Timeline",
            Self::Code => "Code",
            Self::History => "History",
            Self::Database => "From the database (APEX)",
            Self::Mcp => "MCP server",
        }
    }
}

/// The page's non-secret settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaygroundConfig {
    /// Where requests go, when chosen (by the person or a link); `None` lets the page decide.
    pub target: Option<Target>,
    pub flow: Flow,
    pub token_url: String,
    pub client_id: String,
    pub client_auth: ClientAuth,
    pub resource_url: String,
    pub username: String,
    /// Form-encode id and secret before Base64 (RFC 6749 §2.3.1).
    pub encode_credentials: bool,
    pub scope: String,
    pub extra: Vec<ExtraParam>,
    /// The token goes in a query parameter instead of a header.
    pub token_in_query: bool,
    /// The header (or query parameter) name, and the header's prefix.
    pub token_name: String,
    pub token_prefix: String,
    /// Re-fetch the token when it expired, or once after a 401.
    pub refetch: bool,
    pub method: Method,
    /// The compact layout for an iframe in someone's documentation.
    pub embed: bool,
    /// In an embed, the sections shown below the two panels (none by default).
    pub sections: Vec<Section>,
    pub theme: Theme,
    /// The in-page simulator's workshop scenario (as `ords-sim --scenario`); empty: healthy.
    pub scenario: String,
    /// The lesson open in `Lessons`; empty: none.
    pub lesson: String,
    /// The projector view: large request, response and lesson text, nothing else.
    pub present: bool,
    /// Where tokens come from: ORDS itself or an external identity provider.
    pub provider: crate::provider::Provider,
    /// The ORDS JWT profile a provider's tokens are checked against.
    pub jwt: crate::jwt_profile::JwtProfile,
    /// The origin of the page around an embed that may talk to it (`postMessage`); empty: none.
    pub host_origin: String,
}

impl Default for PlaygroundConfig {
    /// The demo: every URL on the simulator that `cargo xtask serve` starts.
    fn default() -> Self {
        Self {
            target: None,
            flow: Flow::OAuth2,
            token_url: demo::token_url(),
            client_id: demo::CLIENT_ID.into(),
            client_auth: ClientAuth::BasicHeader,
            resource_url: demo::resource_url(),
            username: demo::USERNAME.into(),
            encode_credentials: false,
            scope: String::new(),
            extra: Vec::new(),
            token_in_query: false,
            token_name: "Authorization".into(),
            token_prefix: "Bearer".into(),
            refetch: true,
            method: Method::Get,
            embed: false,
            sections: Vec::new(),
            theme: Theme::Auto,
            scenario: String::new(),
            lesson: String::new(),
            present: false,
            provider: crate::provider::Provider::Ords,
            jwt: crate::jwt_profile::JwtProfile::default(),
            host_origin: String::new(),
        }
    }
}

impl PlaygroundConfig {
    /// Where the token goes on the protected call.
    pub fn placement(&self) -> TokenPlacement {
        let name = self.token_name.clone();
        if self.token_in_query {
            TokenPlacement::Query { name }
        } else {
            TokenPlacement::Header { name, prefix: self.token_prefix.clone() }
        }
    }

    /// The demo's public secret and password, for the settings that point at the demo with its
    /// own id and user; nothing for any other server.
    pub fn demo_secrets(&self) -> (Option<&'static str>, Option<&'static str>) {
        let on_demo = demo::is_demo_url(&self.token_url) && demo::is_demo_url(&self.resource_url);
        (
            (on_demo && self.client_id == demo::CLIENT_ID).then_some(demo::CLIENT_SECRET),
            (on_demo && self.username == demo::USERNAME).then_some(demo::PASSWORD),
        )
    }

    /// The same settings as they may leave memory: URLs without user info.
    pub fn shareable(&self) -> Self {
        let mut out = self.clone();
        out.token_url = strip_user_info(&self.token_url);
        out.resource_url = strip_user_info(&self.resource_url);
        // A pre-authenticated URL typed as Resource URL: its token never leaves memory.
        if let Ok(par) = crate::par::ParUrl::parse(&out.resource_url) {
            out.resource_url = par.written("TOKEN");
        }
        out
    }

    /// True when the page shows this section: always in the full page, in an embed only if listed.
    pub fn shows(&self, section: Section) -> bool {
        !self.embed || self.sections.contains(&section)
    }

    /// The same settings for the full page (what `Open in full playground` opens).
    pub fn full_page(&self) -> Self {
        Self { embed: false, sections: Vec::new(), host_origin: String::new(), ..self.clone() }
    }

    /// The embed card's one line: the flow, the call, and who receives the credentials.
    pub fn summary(&self, target: Target) -> String {
        let shown = self.shareable();
        if self.flow == Flow::Par {
            let to = match target {
                Target::Simulated => "answered by the simulated ORDS in this page",
                Target::Network => "the URL, typed here and never in a link, is the credential",
            };
            return format!("{} · {} · {to}", self.flow.label(), self.method.as_str());
        }
        let to = match (target, shown.credential_hosts()) {
            (Target::Simulated, _) => "answered by the simulated ORDS in this page".to_owned(),
            (Target::Network, hosts) if hosts.is_empty() => "no valid URL yet".to_owned(),
            (Target::Network, hosts) => format!("credentials go to {}", hosts.join(", ")),
        };
        format!("{} · {} {} · {to}", self.flow.label(), self.method.as_str(), shown.resource_url)
    }

    /// The origins that will receive credentials with these settings.
    pub fn credential_hosts(&self) -> Vec<String> {
        // A pre-authenticated URL is never in the settings: only the person types it.
        if self.flow == Flow::Par {
            return Vec::new();
        }
        let mut urls = vec![&self.resource_url];
        if self.flow.uses_oauth() {
            urls.insert(0, &self.token_url);
        }
        let mut out: Vec<String> = Vec::new();
        for origin in urls.into_iter().filter_map(|u| crate::url::origin_of(u)) {
            if !out.contains(&origin) {
                out.push(origin);
            }
        }
        out
    }
}

crate::closed::closed!(labelled Target, Flow, Theme, Section);

#[cfg(test)]
mod tests;
