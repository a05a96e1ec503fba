//! What the page hands its deferred part after `Try as APEX_WEB_SERVICE would`: both token
//! exchanges, in the diagnosis's wire form (the two are separate wasm modules). The settings
//! the verdict reads come from the page's settings fragment, read when the button was pressed.
//! Malformed input is an error, never a guess.

use crate::config::PlaygroundConfig;
use crate::diagnose::wire::{timeline_from_json, timeline_to_json};
use crate::exchange::Exchange;
use crate::flow::{Purpose, TimelineEntry};
use crate::settings::OAuthSettings;

/// Both requests as sent and answered, and the settings they came from (the secret is not in
/// the settings: the page hands it over beside them, for masking).
#[derive(Clone, Debug)]
pub struct Tried {
    pub yours: Exchange,
    pub database: Exchange,
    pub oauth: OAuthSettings,
}

/// The two exchanges, yours first.
pub fn tried_to_json(yours: Exchange, database: Exchange) -> String {
    let entries = [yours, database].map(|exchange| TimelineEntry { purpose: Purpose::Token, exchange });
    timeline_to_json(&entries).to_string()
}

pub fn tried_from_json(text: &str, settings: &PlaygroundConfig) -> Result<Tried, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("unreadable answer: {e}"))?;
    let entries = timeline_from_json(&v);
    let [yours, database] = <[TimelineEntry; 2]>::try_from(entries).map_err(|_| "not the two exchanges")?;
    Ok(Tried { yours: yours.exchange, database: database.exchange, oauth: oauth_settings(settings) })
}

/// The token request's settings in a settings fragment (the secret is never in one).
pub fn oauth_settings(c: &PlaygroundConfig) -> OAuthSettings {
    OAuthSettings {
        token_url: c.token_url.clone(),
        client_id: c.client_id.clone(),
        client_auth: c.client_auth,
        encode_credentials: c.encode_credentials,
        scope: c.scope.clone(),
        extra: c.extra.clone(),
        ..Default::default()
    }
}
