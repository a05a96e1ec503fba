//! What a lesson step is checked against: one finished run, reduced to what it proves (the
//! flow, each exchange's purpose and status, what the diagnosis named). No URL, header, body
//! or secret is kept, so it can cross to the page's helper and be stored as progress.

use crate::closed::Closed;
use crate::config::Flow;
use crate::diagnose::{Finding, FindingId};
use crate::encode::{form_body, parse_form};
use crate::flow::{Purpose, TimelineEntry};
use crate::mcp::{Hop, McpRun};

/// One finished run, as lesson checks see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunEvidence {
    pub flow: Flow,
    /// Each exchange in order: why it was sent, and its status (None: no response).
    pub exchanges: Vec<(Purpose, Option<u16>)>,
    /// What the diagnosis named, before sending and after the run.
    pub findings: Vec<FindingId>,
    /// An MCP walk's hops in order, each passed or failed (empty for a run of the form).
    pub mcp: Vec<(Hop, bool)>,
}

/// More exchanges than a run ever has are not read.
const MAX_EXCHANGES: usize = 16;

impl RunEvidence {
    pub fn from_run(flow: Flow, timeline: &[TimelineEntry], findings: &[Finding]) -> Self {
        let exchanges =
            timeline.iter().take(MAX_EXCHANGES).map(|e| (e.purpose, e.exchange.response().map(|r| r.status))).collect();
        let mut ids: Vec<FindingId> = Vec::new();
        for f in findings {
            if !ids.contains(&f.id) {
                ids.push(f.id);
            }
        }
        Self { flow, exchanges, findings: ids, mcp: Vec::new() }
    }

    /// An MCP walk: its hops, nothing sent or answered.
    pub fn from_mcp(run: &McpRun) -> Self {
        let mcp = run.hops.iter().take(Hop::ALL.len()).map(|h| (h.hop, h.ok)).collect();
        Self { mcp, ..Self::default() }
    }

    /// `flow=oauth2&x=token:200&x=resource:-&f=expired&m=challenge:1` (form-encoded).
    pub fn to_text(&self) -> String {
        let mut pairs = vec![("flow".to_owned(), self.flow.key().to_owned())];
        for (purpose, status) in &self.exchanges {
            let status = status.map_or_else(|| "-".to_owned(), |s| s.to_string());
            pairs.push(("x".into(), format!("{}:{status}", purpose.key())));
        }
        pairs.extend(self.findings.iter().map(|f| ("f".to_owned(), f.key().to_owned())));
        pairs.extend(self.mcp.iter().map(|(h, ok)| ("m".to_owned(), format!("{}:{}", h.key(), u8::from(*ok)))));
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        form_body(&borrowed)
    }

    /// Reads [`to_text`](Self::to_text); unknown parts are skipped.
    pub fn from_text(text: &str) -> Self {
        let mut out = Self::default();
        for (key, value) in parse_form(text).unwrap_or_default() {
            match key.as_str() {
                "flow" => out.flow = Flow::from_key(&value).unwrap_or_default(),
                "x" if out.exchanges.len() < MAX_EXCHANGES => {
                    let Some((purpose, status)) = value.split_once(':') else { continue };
                    let Some(purpose) = Purpose::from_key(purpose) else { continue };
                    out.exchanges.push((purpose, status.parse().ok()));
                }
                "f" => out.findings.extend(FindingId::from_key(&value)),
                "m" if out.mcp.len() < Hop::ALL.len() => {
                    let Some((hop, ok)) = value.split_once(':') else { continue };
                    let Some(hop) = Hop::from_key(hop) else { continue };
                    out.mcp.push((hop, ok == "1"));
                }
                _ => {}
            }
        }
        out
    }

    /// Statuses of the exchanges with this purpose.
    pub fn statuses<'a>(&'a self, wanted: impl Fn(Purpose) -> bool + 'a) -> impl Iterator<Item = Option<u16>> + 'a {
        self.exchanges.iter().filter(move |(p, _)| wanted(*p)).map(|(_, s)| *s)
    }

    pub fn named(&self, finding: FindingId) -> bool {
        self.findings.contains(&finding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn travels_as_text_and_back() {
        let run = RunEvidence {
            flow: Flow::Compare,
            exchanges: vec![(Purpose::Token, Some(200)), (Purpose::Resource, None), (Purpose::BasicCall, Some(401))],
            findings: vec![FindingId::ResourceCors, FindingId::Basic401],
            mcp: Vec::new(),
        };
        let text = run.to_text();
        assert_eq!(text, "flow=compare&x=token%3A200&x=resource%3A-&x=basic-call%3A401&f=resource-cors&f=basic-401");
        assert_eq!(RunEvidence::from_text(&text), run);
        assert_eq!(RunEvidence::from_text("x=nonsense&f=nope&flow=%FF&m=nope:1&m=token"), RunEvidence::default());
    }

    #[test]
    fn an_mcp_walk_travels_as_its_hops() {
        let walk = RunEvidence { mcp: vec![(Hop::Challenge, true), (Hop::TokenCheck, false)], ..Default::default() };
        let text = walk.to_text();
        assert_eq!(text, "flow=oauth2&m=challenge%3A1&m=token-check%3A0");
        assert_eq!(RunEvidence::from_text(&text), walk);
        let many = "m=challenge%3A1&".repeat(50);
        assert_eq!(RunEvidence::from_text(&many).mcp.len(), Hop::ALL.len(), "no more hops than a walk has");
    }
}
