//! The embed's API for the page around it (`postMessage`). In: `settings` (the keys of a link,
//! read by the link's reader, so a secret is never taken and the banner and consent rules are
//! the link's), `run` (`token` or `call`), `reset`, `theme`. Out: `ready`, then `ran` after each
//! run (the flow, both statuses, the main finding, the time taken, how many messages were
//! ignored): never a secret, a token, a request or a body. The page posts only to the origin
//! its link names (`origin=`), or the one the person allowed, and ignores every other sender.

use crate::config::{Decoded, PlaygroundConfig, Theme};
use crate::run::Button;
pub use crate::url::parse_origin;
use crate::Closed;
use serde_json::{json, Map, Value};

/// Every message's `type` starts with this.
pub const PREFIX: &str = "ords-playground:";

/// A message larger than this (as JSON) is not read.
pub const MAX_MESSAGE: usize = 64 * 1024;

/// Keys a message may not set: they shape the embed its link made, name who may talk to it, or
/// carry a pre-authenticated URL (only its author's link may).
const LINK_ONLY: [&str; 5] = ["embed", "sections", "origin", crate::par::PAR_KEY, crate::par::PAR_EXPIRES_KEY];

/// What the page around the embed asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum FromHost {
    /// Settings as a link's text (`key=value&…`, form-encoded), read on top of the embed's link.
    Settings(String),
    Run(Button),
    Reset,
    Theme(Theme),
}

/// Why a message was ignored (counted, never thrown, never answered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    TooLarge,
    NotJson,
    NotOurs,
    UnknownType(String),
    BadValue(&'static str),
}

/// Reads one message, given as the JSON text of its `data`.
pub fn read_message(json_text: &str) -> Result<FromHost, Ignored> {
    if json_text.len() > MAX_MESSAGE {
        return Err(Ignored::TooLarge);
    }
    let value: Value = serde_json::from_str(json_text).map_err(|_| Ignored::NotJson)?;
    let kind = value.get("type").and_then(Value::as_str).ok_or(Ignored::NotOurs)?;
    let kind = kind.strip_prefix(PREFIX).ok_or(Ignored::NotOurs)?;
    match kind {
        "settings" => settings_text(value.get("settings")).map(FromHost::Settings),
        "run" => match value.get("run").and_then(Value::as_str) {
            Some("token") => Ok(FromHost::Run(Button::GetToken)),
            Some("call") => Ok(FromHost::Run(Button::CallApi)),
            _ => Err(Ignored::BadValue("run is \"token\" or \"call\"")),
        },
        "reset" => Ok(FromHost::Reset),
        "theme" => value
            .get("theme")
            .and_then(Value::as_str)
            .and_then(Theme::from_key)
            .map(FromHost::Theme)
            .ok_or(Ignored::BadValue("theme is auto, light or dark")),
        other => Err(Ignored::UnknownType(other.chars().take(40).collect())),
    }
}

/// `settings` as an object of keys (strings, numbers or booleans; a list for `extra`) or as a
/// link's text; the link-only keys are dropped here.
fn settings_text(settings: Option<&Value>) -> Result<String, Ignored> {
    let text = match settings {
        Some(Value::String(text)) => text.trim_start_matches('#').to_owned(),
        Some(Value::Object(map)) => object_text(map)?,
        _ => return Err(Ignored::BadValue("settings is an object or a link's text")),
    };
    // Keys compared decoded: `orig%69n` is `origin` to the reader.
    let link_only = |part: &str| {
        let key = crate::encode::form_decode(part.split('=').next().unwrap_or_default());
        key.is_none_or(|k| LINK_ONLY.contains(&k.as_str()))
    };
    let kept: Vec<&str> = text.split('&').filter(|p| !p.is_empty() && !link_only(p)).collect();
    Ok(kept.join("&"))
}

fn object_text(map: &Map<String, Value>) -> Result<String, Ignored> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in map {
        match value {
            Value::Array(items) => {
                for item in items {
                    pairs.push((key.clone(), scalar(item).ok_or(Ignored::BadValue("a setting is a string"))?));
                }
            }
            other => pairs.push((key.clone(), scalar(other).ok_or(Ignored::BadValue("a setting is a string"))?)),
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(crate::encode::form_body(&borrowed))
}

/// The embed's settings after a `settings` message: its link's, then the message's on top.
pub fn settings_after(link_text: &str, message_text: &str) -> Decoded {
    let link = link_text.trim_start_matches(['#', '?']);
    let joined = if link.is_empty() { message_text.to_owned() } else { format!("{link}&{message_text}") };
    // Extra parameters from the message replace the link's instead of adding to them.
    let joined = if message_text.split('&').any(|p| p.starts_with("extra=")) {
        let (from_link, rest) = joined.split_at(link.len().min(joined.len()));
        let kept: Vec<&str> = from_link.split('&').filter(|p| !p.starts_with("extra=")).collect();
        format!("{}{rest}", kept.join("&"))
    } else {
        joined
    };
    PlaygroundConfig::from_fragment(&joined)
}

/// `ready`: the embed listens to the page around it from now on (a constant: it is sent by the
/// first load, which carries no JSON writer for it).
pub const READY: &str = r#"{"type":"ords-playground:ready","version":1}"#;

/// What `ran` tells the page around the embed about a finished run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ran {
    pub flow: &'static str,
    pub button: &'static str,
    pub token_status: Option<u16>,
    pub resource_status: Option<u16>,
    /// The main finding: its id and sentence (already masked by the page).
    pub finding: Option<(&'static str, String)>,
    pub ms: u64,
    pub ignored: u32,
}

pub fn ran_message(ran: &Ran) -> String {
    let finding = ran.finding.as_ref().map(|(id, said)| json!({ "id": id, "sentence": said }));
    json!({
        "type": format!("{PREFIX}ran"),
        "flow": ran.flow,
        "run": ran.button,
        "token_status": ran.token_status,
        "resource_status": ran.resource_status,
        "finding": finding,
        "ms": ran.ms,
        "ignored": ran.ignored,
    })
    .to_string()
}

#[cfg(test)]
mod tests;
