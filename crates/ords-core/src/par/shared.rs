//! A pre-authenticated URL a page's author put in a share link or embed on purpose (Share's
//! `Include the pre-authenticated URL`), with the expiry they gave: readers then call the handler
//! with nothing to type. Its own keys (`par`, `par_expires`), read only from a link, never from
//! storage or from the page around an embed, and never written by the settings' text form.

use super::{ParUrl, ParUrlError};
use crate::format::{format_countdown, utc_text};

/// The link key holding the URL.
pub const PAR_KEY: &str = "par";
/// The link key holding when it expires, in seconds since 1970 (UTC).
pub const PAR_EXPIRES_KEY: &str = "par_expires";
/// A PAR lives at most this long here (ORDS takes any `p_duration`; ten years is past any docs page).
pub const MAX_PAR_SECONDS: u64 = 10 * 365 * 24 * 3600;

/// The URL and, when its author said, when it expires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedPar {
    pub url: ParUrl,
    pub expires_at_s: Option<u64>,
}

/// How long a shared PAR has left, as far as the page knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParLife {
    /// The link did not say.
    Unknown,
    Left {
        seconds: u64,
        at_s: u64,
    },
    Expired {
        at_s: u64,
    },
}

impl SharedPar {
    /// The link's pairs, in this order: the URL, then the expiry.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![(PAR_KEY, self.url.url())];
        if let Some(at) = self.expires_at_s {
            out.push((PAR_EXPIRES_KEY, at.to_string()));
        }
        out
    }

    /// The embed card's one line: what it calls, whose URL it is, how long it has.
    pub fn card_line(&self, method: &str, now_s: u64) -> String {
        let life = match self.life(now_s) {
            ParLife::Unknown => "time left not given".to_owned(),
            ParLife::Left { seconds, .. } => {
                format!("{} left", format_countdown(i64::try_from(seconds).unwrap_or(i64::MAX)))
            }
            ParLife::Expired { .. } => "expired: ask the page's author for a fresh link".to_owned(),
        };
        format!(
            "Pre-authenticated URL · {method} {} · the page's author included it, no credentials of yours · {life}",
            self.url.path
        )
    }

    /// What a refusal of it means to a reader, who cannot fix it: a sentence for 401, 403 and 404.
    pub fn refusal(&self, status: u16, now_s: u64) -> Option<String> {
        if !matches!(status, 401 | 403 | 404) {
            return None;
        }
        let why = match self.life(now_s) {
            ParLife::Expired { .. } => "it has expired",
            _ => "it has expired or been revoked, or pre-authenticated URLs are off on that server",
        };
        Some(format!(
            "ORDS refused the pre-authenticated URL this page's author included (HTTP {status}): {why}. Ask the \
             page's author for a fresh link."
        ))
    }

    pub fn life(&self, now_s: u64) -> ParLife {
        match self.expires_at_s {
            None => ParLife::Unknown,
            Some(at) if at > now_s => ParLife::Left { seconds: at - now_s, at_s: at },
            Some(at) => ParLife::Expired { at_s: at },
        }
    }
}

impl ParLife {
    /// The time-left line of the token panel and the embed's card.
    pub fn sentence(self) -> String {
        match self {
            Self::Unknown => {
                "Not given by the link's author: ORDS refuses the URL once it expires or is revoked.".into()
            }
            Self::Left { seconds, at_s } => format!(
                "{} (until {}, as the link's author set it; a revoked URL stops sooner)",
                format_countdown(i64::try_from(seconds).unwrap_or(i64::MAX)),
                utc_text(at_s),
            ),
            Self::Expired { at_s } => format!(
                "This pre-authenticated URL expired on {}: ask the page's author for a fresh link.",
                utc_text(at_s)
            ),
        }
    }

    pub fn expired(self) -> bool {
        matches!(self, Self::Expired { .. })
    }
}

/// Why Share cannot take the seconds typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParExpiryError {
    NotSeconds,
    TooLong,
}

impl std::fmt::Display for ParExpiryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotSeconds => f.write_str(
                "Type the seconds the URL has left: a whole number, as p_duration or ORDS_PAR.PAR_EXPIRATION_BY_ALIAS \
                 gives it (or leave it empty).",
            ),
            Self::TooLong => f.write_str("More than ten years: check the number (it is in seconds)."),
        }
    }
}

/// The expiry (seconds since 1970) of a PAR with `seconds` left at `now_s`; `None` when left empty.
pub fn expiry_after(now_s: u64, seconds: &str) -> Result<Option<u64>, ParExpiryError> {
    let seconds = seconds.trim().replace(['_', ','], "");
    if seconds.is_empty() {
        return Ok(None);
    }
    let n: u64 = seconds.parse().map_err(|_| ParExpiryError::NotSeconds)?;
    if n > MAX_PAR_SECONDS {
        return Err(ParExpiryError::TooLong);
    }
    now_s.checked_add(n).map(Some).ok_or(ParExpiryError::TooLong)
}

/// Reads the link's `par` value.
pub(crate) fn read_par(value: &str) -> Result<ParUrl, String> {
    ParUrl::parse(value).map_err(|e: ParUrlError| e.to_string())
}

/// Reads the link's `par_expires` value.
pub(crate) fn read_expiry(value: &str) -> Result<u64, String> {
    value.parse().ok().filter(|at: &u64| *at <= 4_102_444_800).ok_or_else(|| "not a time (seconds since 1970)".into())
}
