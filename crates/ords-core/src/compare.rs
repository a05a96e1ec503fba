//! Compare mode: the same resource called with Basic and with OAuth2, and what differed.

use crate::exchange::{Exchange, Step};
use crate::flow::{Purpose, TimelineEntry};
use crate::format::format_size;
use crate::response::is_json;

/// One aspect of the two calls, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    pub aspect: &'static str,
    pub basic: String,
    pub oauth: String,
    /// Called out when false.
    pub same: bool,
}

/// The OAuth2 side of a comparison: its resource call, and the whole run's exchanges.
pub struct OAuthSide<'a> {
    pub resource: &'a Exchange,
    pub exchanges: &'a [Exchange],
}

/// Compare mode's table, from a run's timeline: the Basic call beside the OAuth2 side (every
/// other exchange, its last resource call the one compared). `None` unless both calls were made.
pub fn comparison_of(timeline: &[TimelineEntry]) -> Option<Vec<CompareRow>> {
    let basic = timeline.iter().find(|e| e.purpose == Purpose::BasicCall)?;
    let exchanges: Vec<Exchange> =
        timeline.iter().filter(|e| e.purpose != Purpose::BasicCall).map(|e| e.exchange.clone()).collect();
    let resource = exchanges.iter().rev().find(|x| x.step == Step::Resource)?;
    Some(compare_calls(&basic.exchange, OAuthSide { resource, exchanges: &exchanges }))
}

/// Status, headers sent, exchanges, time and body of the two calls.
pub fn compare_calls(basic: &Exchange, oauth: OAuthSide<'_>) -> Vec<CompareRow> {
    let row = |aspect, basic: String, oauth: String| {
        let same = basic == oauth;
        CompareRow { aspect, basic, oauth, same }
    };
    let basic_ms = elapsed(basic);
    let oauth_ms: f64 = oauth.exchanges.iter().map(elapsed).sum();
    let (b_body, o_body) = (body(basic), body(oauth.resource));
    let body_same = match (b_body, o_body) {
        (Some(a), Some(b)) => a == b || same_json(a, b),
        _ => false,
    };
    let size = |b: Option<&str>| b.map_or("no response".to_owned(), |b| format_size(b.len()));
    vec![
        row("Status", status(basic), status(oauth.resource)),
        row("Headers sent", headers_sent(basic), headers_sent(oauth.resource)),
        row("Exchanges", count(1), count(oauth.exchanges.len())),
        CompareRow {
            aspect: "Time",
            basic: crate::format_ms(basic_ms),
            oauth: format!("{} ({})", crate::format_ms(oauth_ms), time_note(oauth_ms - basic_ms)),
            same: true, // times always differ a little; the note says by how much
        },
        CompareRow {
            aspect: "Body",
            basic: size(b_body),
            oauth: format!("{}, {}", size(o_body), if body_same { "same content" } else { "different content" }),
            same: body_same,
        },
    ]
}

/// The aspects that differ, as a sentence (empty when none do).
pub fn differences(rows: &[CompareRow]) -> String {
    let differing: Vec<String> = rows.iter().filter(|r| !r.same).map(|r| r.aspect.to_ascii_lowercase()).collect();
    if differing.is_empty() {
        "Same status, headers and body: both methods give this client the same access.".to_owned()
    } else {
        format!("Different: {}.", differing.join(", "))
    }
}

fn elapsed(e: &Exchange) -> f64 {
    e.result.as_ref().map_or(0.0, |r| r.elapsed_ms)
}

fn body(e: &Exchange) -> Option<&str> {
    e.response().map(|r| r.body.as_str())
}

fn status(e: &Exchange) -> String {
    e.response().map_or("no response".to_owned(), |r| format!("{} {}", r.status, r.reason))
}

fn count(n: usize) -> String {
    format!("{n} request{}", if n == 1 { "" } else { "s" })
}

fn time_note(more_ms: f64) -> String {
    if more_ms >= 0.0 {
        format!("{} more", crate::format_ms(more_ms))
    } else {
        format!("{} less", crate::format_ms(-more_ms))
    }
}

/// Header names as sent, with the Authorization scheme but never its credentials.
fn headers_sent(e: &Exchange) -> String {
    let names: Vec<String> = e
        .request
        .wire
        .headers
        .iter()
        .map(|(name, value)| match value.split_once(' ') {
            Some((scheme, _)) if name.eq_ignore_ascii_case("authorization") => format!("{name} ({scheme})"),
            _ => name.clone(),
        })
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// Equal JSON values, whatever the spacing or key order.
fn same_json(a: &str, b: &str) -> bool {
    is_json(a) && is_json(b) && serde_json::from_str::<serde_json::Value>(a).ok() == serde_json::from_str(b).ok()
}

#[cfg(test)]
mod tests;
