//! Pre-authenticated requests (ORDS 24.4 and later, `ORDS_PAR`): a URL that calls one handler
//! with no credentials until it expires,
//! `https://host/ords/<alias>/_/par/<token>/<module base path><pattern>`. The token is a bearer
//! credential inside the URL path: a [`ParToken`], masked wherever the URL is written.
//! Sources and certainty: docs/ords-behaviour.md, "Pre-authenticated requests".

mod shared;

pub use shared::{expiry_after, ParExpiryError, ParLife, SharedPar, PAR_EXPIRES_KEY, PAR_KEY};
pub(crate) use shared::{read_expiry, read_par};

use crate::quote::sql as lit;
use crate::url::HttpUrl;

crate::secret::secret_type!(
    /// The token of a pre-authenticated URL: whoever has it can call the handler until it expires.
    ParToken
);

/// A pre-authenticated URL, read into its parts.
#[derive(Clone, Debug)]
pub struct ParUrl {
    /// Everything before the token: `https://host/ords/<alias>/_/par/`.
    pub prefix: String,
    pub alias: String,
    pub token: ParToken,
    /// The handler's path below the token (module base path and pattern), without the query.
    pub path: String,
    pub query: Option<String>,
}

impl PartialEq for ParUrl {
    fn eq(&self, other: &Self) -> bool {
        self.url() == other.url()
    }
}

impl Eq for ParUrl {}

/// Why a URL is not a pre-authenticated one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParUrlError {
    NotAUrl(String),
    NoParSegment,
    NoAlias,
    NoToken,
    BadToken(char),
    NoHandler,
}

impl std::fmt::Display for ParUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAUrl(why) => write!(f, "This is not a URL ({why})."),
            Self::NoParSegment => f.write_str(
                "This is not a pre-authenticated URL: it has no /_/par/ after the schema alias (ORDS_PAR.\
                 DEFINE_FOR_HANDLER returns one as its uri).",
            ),
            Self::NoAlias => f.write_str("The URL has no schema alias before /_/par/ (…/ords/<alias>/_/par/…)."),
            Self::NoToken => f.write_str("The URL has no token after /_/par/."),
            Self::BadToken(c) => write!(f, "The token holds '{c}', which ORDS's tokens never do: check the copy."),
            Self::NoHandler => {
                f.write_str("The URL ends after its token: the module's base path and the handler's pattern follow it.")
            }
        }
    }
}

impl ParUrl {
    pub fn parse(url: &str) -> Result<Self, ParUrlError> {
        let parsed = HttpUrl::parse(url.trim()).map_err(|e| ParUrlError::NotAUrl(e.to_string()))?;
        let path = parsed.path.as_str();
        let at = path.find("/_/par/").ok_or(ParUrlError::NoParSegment)?;
        let alias = path[..at].rsplit('/').next().filter(|a| !a.is_empty()).ok_or(ParUrlError::NoAlias)?;
        let after = &path[at + "/_/par/".len()..];
        let (token, handler) = after.split_once('/').unwrap_or((after, ""));
        if token.is_empty() {
            return Err(ParUrlError::NoToken);
        }
        if let Some(c) = token.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))) {
            return Err(ParUrlError::BadToken(c));
        }
        if handler.is_empty() {
            return Err(ParUrlError::NoHandler);
        }
        Ok(Self {
            prefix: format!("{}{}/_/par/", parsed.origin(), &path[..at]),
            alias: alias.to_owned(),
            token: ParToken::new(token),
            path: handler.to_owned(),
            query: parsed.query.clone(),
        })
    }

    /// Built from its parts as `DEFINE_FOR_HANDLER` joins them: the schema's URL
    /// (`https://host/ords/hr/`), the module's base path, the handler's pattern and the token.
    pub fn build(schema_url: &str, module_base: &str, pattern: &str, token: &str) -> Result<Self, ParUrlError> {
        let schema = schema_url.trim().trim_end_matches('/');
        let base = module_base.trim().trim_matches('/');
        let pattern = pattern.trim().trim_start_matches('/');
        let handler = if base.is_empty() { pattern.to_owned() } else { format!("{base}/{pattern}") };
        Self::parse(&format!("{schema}/_/par/{}/{handler}", token.trim()))
    }

    /// The URL as sent.
    pub fn url(&self) -> String {
        self.written(self.token.secret())
    }

    /// The URL with its token masked: what any text the page writes shows.
    pub fn masked(&self) -> String {
        self.written(crate::MASK)
    }

    /// The URL with `token` in place of its own (a placeholder where the token must not go).
    pub fn written(&self, token: &str) -> String {
        let query = self.query.as_deref().map(|q| format!("?{q}")).unwrap_or_default();
        format!("{}{token}/{}{query}", self.prefix, self.path)
    }
}

/// A pre-authenticated URL's parts, guessed from an ORDS Resource URL for the form to start
/// from: the schema's URL (`https://host/ords/hr/`), the module's base path (its first segment)
/// and the handler's pattern (the rest, without the query).
pub fn par_parts_from(resource_url: &str) -> Option<(String, String, String)> {
    let url = HttpUrl::parse(resource_url.trim()).ok()?;
    let segments = url.segments();
    crate::url::ords_alias_and_module(&url)?;
    let at = match segments.as_slice() {
        ["pls", "apex", ..] => 2,
        _ => segments.iter().position(|s| *s == "ords")? + 1,
    };
    let schema = format!("{}/{}/", url.origin(), segments[..=at].join("/"));
    let module = segments.get(at + 1).map(|m| format!("{m}/")).unwrap_or_default();
    let rest = segments.get(at + 2..).map(|r| r.join("/")).unwrap_or_default();
    let slash = if !rest.is_empty() && url.path.ends_with('/') { "/" } else { "" };
    Some((schema, module, format!("{rest}{slash}")))
}

/// The setup, as SQL for the schema that owns the module (ORDS 24.4 and later): the PAR for one
/// handler, printed, and how to end it early. `seconds` is `p_duration`.
pub fn par_setup_sql(module: &str, pattern: &str, method: &str, seconds: u64) -> String {
    format!(
        "SET DEFINE OFF\nSET SERVEROUTPUT ON\n\
         -- A pre-authenticated URL for one handler (ORDS 24.4 and later), as the schema that owns the module.\n\
         -- Anyone holding the URL can call the handler, with no credentials, until it expires.\n\
         DECLARE\n  l_par CLOB;\nBEGIN\n  l_par := ords_par.define_for_handler(\n    p_module_name => {},\n    \
         p_pattern     => {},\n    p_method      => {},\n    p_duration    => {seconds});\n  \
         dbms_output.put_line(l_par);  -- JSON: token, alias and uri (<alias>/_/par/<token>/<base><pattern>)\n\
         END;\n/\n\n\
         -- To end it before it expires (ORDS may take up to 30 seconds to stop honouring it):\n\
         -- EXEC ords_par.revoke_par(p_token => '<token>');\n\
         -- ORDS 25.2 and later: ORDS_PAR.PAR_EXPIRATION_BY_ALIAS gives the seconds a PAR has left, and\n\
         -- Database Actions lists the schema's PARs.\n",
        lit(module),
        lit(pattern),
        lit(method),
    )
}

#[cfg(test)]
mod tests;
