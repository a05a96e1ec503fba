//! Where a credential may go. A credential (client secret, password, access token) belongs to
//! the origins the person typed or confirmed: before a request would carry one anywhere else
//! (an origin from a link, an import, a history entry, a response's links), the page asks.
//! The demo's public values belong to no one and never need asking.

use crate::url::origin_of;

/// The secret a request carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    ClientSecret,
    Password,
    /// An access token, with the origin that issued it (`None` when the person pasted it).
    AccessToken {
        issuer: Option<String>,
    },
    /// A pre-authenticated URL: its token is in the URL itself.
    ParUrl,
}

impl Credential {
    /// What the dialog calls it.
    pub fn label(&self) -> &'static str {
        match self {
            Self::ClientSecret => "your client secret",
            Self::Password => "your password",
            Self::AccessToken { issuer: Some(_) } => "the access token",
            Self::AccessToken { issuer: None } => "the access token you pasted",
            Self::ParUrl => "the pre-authenticated URL",
        }
    }
}

/// Origins that may receive credentials, for the page's life (never stored).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trust {
    origins: Vec<String>,
}

/// More origins than anyone types in a session; beyond it the oldest is forgotten (and asked again).
const MAX_TRUSTED: usize = 64;

/// A request that must wait for the person's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ask {
    pub origin: String,
    pub credential: Credential,
}

impl Trust {
    /// Trusts the page's own origin: whoever serves the page already sees everything typed in it.
    pub fn new(page_origin: &str) -> Self {
        let mut trust = Self::default();
        trust.add(page_origin);
        trust
    }

    /// Trusts an origin (typed by the person, or confirmed in the dialog).
    pub fn add(&mut self, origin: &str) {
        let origin = origin.to_ascii_lowercase();
        if origin.is_empty() || self.origins.contains(&origin) {
            return;
        }
        if self.origins.len() == MAX_TRUSTED {
            self.origins.remove(1); // keep the page's own origin
        }
        self.origins.push(origin);
    }

    pub fn trusts(&self, origin: &str) -> bool {
        self.origins.iter().any(|o| o.eq_ignore_ascii_case(origin))
    }

    /// Trusts the origin of a URL the person typed or pasted, when the edit changed the origin
    /// (so editing the path of a URL that came from a link does not make its host chosen).
    pub fn typed(&mut self, before: &str, after: &str) {
        if let Some(origin) = origin_of(after) {
            if origin_of(before).as_deref() != Some(origin.as_str()) {
                self.add(&origin);
            }
        }
    }

    /// What to ask before a request to `url` carrying `credential` is sent, if anything.
    pub fn ask_before(&self, url: &str, credential: Option<&Credential>) -> Option<Ask> {
        let credential = credential?.clone();
        let origin = origin_of(url)?;
        let back_to_issuer =
            matches!(&credential, Credential::AccessToken { issuer: Some(i) } if i.eq_ignore_ascii_case(&origin));
        (!back_to_issuer && !self.trusts(&origin)).then_some(Ask { origin, credential })
    }
}

#[cfg(test)]
mod tests;
