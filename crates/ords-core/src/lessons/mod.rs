//! The workshop's lesson path, as data: each lesson stages a scenario of the simulated ORDS
//! and the form, and each of its steps is done only when a real run shows its marks (a
//! status seen, a finding named). The page renders it thin; the checks run here.

mod data;
mod evidence;

pub use data::LESSONS;
pub use evidence::RunEvidence;

use crate::config::{Flow, Section};
use crate::diagnose::FindingId;
use crate::flow::Purpose;
use crate::mcp::Hop;

/// Something a single run shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A token request (first or re-fetched) answered 200.
    TokenOk,
    /// An OAuth2 run whose protected call answered 2xx.
    BearerOk,
    /// A Basic call answered 2xx (the Basic flow, or Compare's Basic side).
    BasicOk,
    /// A Compare run where both calls answered 2xx.
    ComparedOk,
    /// The page re-fetched a token (after expiry or a 401) and the call then succeeded.
    RefetchedOk,
    /// A call through a pre-authenticated URL answered 2xx.
    ParOk,
    /// The diagnosis named one of these.
    Named(&'static [FindingId]),
    /// An MCP walk passed this hop (and every hop before it).
    McpPassed(Hop),
    /// An MCP walk stopped at this hop.
    McpStopped(Hop),
}

fn ok(status: Option<u16>) -> bool {
    status.is_some_and(|s| (200..300).contains(&s))
}

impl Mark {
    pub fn met_by(self, run: &RunEvidence) -> bool {
        let resource = |p: Purpose| matches!(p, Purpose::Resource | Purpose::ResourceRetry);
        match self {
            Self::TokenOk => run.statuses(Purpose::is_token).any(|s| s == Some(200)),
            Self::BearerOk => run.flow.uses_oauth() && run.statuses(resource).last().is_some_and(ok),
            Self::BasicOk => match run.flow {
                Flow::Basic => run.statuses(resource).last().is_some_and(ok),
                Flow::Compare => run.statuses(|p| p == Purpose::BasicCall).last().is_some_and(ok),
                Flow::OAuth2 | Flow::Par => false,
            },
            Self::ParOk => run.flow == Flow::Par && run.statuses(resource).last().is_some_and(ok),
            Self::ComparedOk => run.flow == Flow::Compare && Self::BearerOk.met_by(run) && Self::BasicOk.met_by(run),
            Self::RefetchedOk => {
                let refetch = run.exchanges.iter().position(|(p, s)| {
                    matches!(p, Purpose::TokenAfterExpiry | Purpose::TokenAfter401) && *s == Some(200)
                });
                refetch.is_some_and(|at| run.exchanges[at..].iter().any(|(p, s)| resource(*p) && ok(*s)))
            }
            Self::Named(ids) => ids.iter().any(|id| run.named(*id)),
            Self::McpPassed(hop) => run.mcp.iter().any(|(h, ok)| *h == hop && *ok),
            Self::McpStopped(hop) => run.mcp.last() == Some(&(hop, false)),
        }
    }

    /// What the step waits for, as the page lists it.
    pub fn describe(self) -> String {
        match self {
            Self::TokenOk => "a token request answered 200".into(),
            Self::BearerOk => "the protected call with the token answered 200".into(),
            Self::BasicOk => "the call with Basic answered 200".into(),
            Self::ComparedOk => "Compare both: both calls answered 200".into(),
            Self::RefetchedOk => "the page fetched a new token by itself and the call then answered 200".into(),
            Self::ParOk => "the call through the pre-authenticated URL answered 200".into(),
            Self::Named(ids) => {
                let keys: Vec<&str> = ids.iter().map(|id| id.key()).collect();
                format!("the diagnosis named the cause ({})", keys.join(" or "))
            }
            Self::McpPassed(hop) => format!("a walk of the MCP chain passed {}", hop.label()),
            Self::McpStopped(hop) => format!("a walk of the MCP chain stopped at {}", hop.label()),
        }
    }
}

/// One step: a goal, hints opened one at a time, and the marks that prove it.
#[derive(Debug)]
pub struct Step {
    pub id: &'static str,
    pub title: &'static str,
    pub goal: &'static str,
    pub hints: &'static [&'static str],
    /// Every mark must be shown, each by some run since the step began.
    pub marks: &'static [Mark],
    /// The section to look at for this step, when it is not the two result panels.
    pub shows: Option<Section>,
}

/// One lesson of the path.
#[derive(Debug)]
pub struct Lesson {
    pub id: &'static str,
    pub title: &'static str,
    /// The simulated ORDS's scenario (as `ords-sim --scenario`); None is the healthy demo.
    pub scenario: Option<&'static str>,
    /// Settings over the demo's that the lesson starts from (the settings' text form).
    pub stage: &'static str,
    pub intro: &'static str,
    /// A first-timer's time for the lesson, in minutes.
    pub minutes: u8,
    pub steps: &'static [Step],
}

/// The lesson with this id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

impl Step {
    /// Which of this step's marks the run shows.
    pub fn marks_met(&self, run: &RunEvidence) -> Vec<bool> {
        self.marks.iter().map(|m| m.met_by(run)).collect()
    }
}

#[cfg(test)]
mod tests;
