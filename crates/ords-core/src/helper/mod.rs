//! The protocol between the page and its helper (a web worker with what the first screen does
//! not need): one [`Job`] per message and one [`Reply`] per job, as typed values on both sides
//! and JSON text between them (`wire` for messages and jobs, `reply_wire` for replies; `kind`
//! names the jobs, `info` holds what the helper tells of lessons, scenarios and providers). The
//! helper matches on `Job`; the page builds `Job`s and reads a `Reply` with the accessor for the
//! answer it expects, so a wrong or malformed answer is an error, never a default.

mod info;
mod kind;
mod reply_wire;
mod wire;

#[cfg(test)]
mod tests;

use crate::catalog::{CatalogEntry, Endpoint};
use crate::code::{CodeTarget, PostmanImport};
use crate::collection::CollectionPage;
use crate::config::PlaygroundConfig;
use crate::diagnose::{CorsFixes, Finding, Inputs, RunFacts};
use crate::flow::TimelineEntry;
use crate::http::{HttpRequest, HttpResponse};
use crate::jwt_profile::{Jwks, JwtProfile};
use crate::secret::{ClientSecret, Password};

pub use info::{LessonInfo, ProviderNotes, ScenarioInfo, StepInfo};
pub use kind::JobKind;
pub use wire::{answer_message, job_message, job_parts, read_answer, read_job, read_job_parts, FromHelper, READY};

/// One thing the page asks of its helper.
#[derive(Clone, Debug)]
pub enum Job {
    /// A request to the in-page ORDS, answered as a browser on `origin` would see it.
    Sim {
        request: HttpRequest,
        origin: String,
        scenario: String,
    },
    /// A fresh in-page ORDS, in a workshop scenario (empty or `healthy`: the demo).
    SimReset {
        origin: String,
        scenario: String,
    },
    Scenarios,
    Lessons,
    /// Which marks of a lesson's step a run's evidence shows.
    LessonCheck {
        lesson: String,
        step: String,
        evidence: String,
    },
    DiagnoseInputs(Inputs),
    /// A finished run; bodies are cut at `diagnosis_wire::MAX_BODY` on the way.
    DiagnoseRun {
        inputs: Inputs,
        timeline: Vec<TimelineEntry>,
        facts: RunFacts,
    },
    CorsFixes {
        origin: String,
        resource_url: String,
        client_id: String,
    },
    JwtCheck {
        token: String,
        profile: JwtProfile,
        jwks: Jwks,
    },
    JwtPrefill {
        token: String,
    },
    JwtSql {
        profile: JwtProfile,
        pattern: String,
    },
    Providers,
    CatalogEntries {
        text: String,
    },
    OpenapiEndpoints {
        text: String,
    },
    Code {
        target: CodeTarget,
        from: CodeJob,
    },
    PostmanExport(CodeJob),
    PostmanEnvironment(CodeJob),
    PostmanImport {
        text: String,
    },
    CollectionPage {
        text: String,
    },
    /// `Paste a command`: a command, a block or a row read into settings.
    ReadPaste {
        text: String,
    },
    Ping,
}

impl Job {
    /// The job's long text, if it has one, taken out (an empty text left).
    fn take_text(&mut self) -> Option<String> {
        self.text_mut().map(std::mem::take)
    }

    fn put_text(&mut self, text: String) {
        if let Some(slot) = self.text_mut() {
            *slot = text;
        }
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            Self::CatalogEntries { text }
            | Self::OpenapiEndpoints { text }
            | Self::PostmanImport { text }
            | Self::CollectionPage { text }
            | Self::ReadPaste { text } => Some(text),
            _ => None,
        }
    }
}

/// What code is written from: the settings, the protected call as it would be sent, and the
/// secrets only when the person ticked `Include secrets`.
#[derive(Clone, Debug, Default)]
pub struct CodeJob {
    pub config: PlaygroundConfig,
    pub secrets: Option<(ClientSecret, Password)>,
    pub page_origin: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// The helper's answer to one job.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Done, nothing to say (a reset, a ping).
    Done,
    /// The in-page ORDS's answer, or why the browser would not have let the page read one.
    Sim(Result<HttpResponse, String>),
    /// The in-page ORDS answered with a redirect, which the page does not follow; where a GET
    /// without credentials ended up, when the browser would have let the page read it. (A GET
    /// job is answered so when the URL redirects: the page's check after a failed request.)
    SimRedirected(Option<String>),
    Scenarios(Vec<ScenarioInfo>),
    Lessons(Vec<LessonInfo>),
    Marks(Vec<bool>),
    Findings(Vec<Finding>),
    CorsFixes(CorsFixes),
    Profile(Option<JwtProfile>),
    Text(String),
    Providers(Vec<ProviderNotes>),
    CatalogEntries(Vec<CatalogEntry>),
    Endpoints(Vec<Endpoint>),
    Imported(Box<PostmanImport>),
    CollectionPage(Option<CollectionPage>),
    Pasted(Box<crate::paste::Pasted>),
}

/// `Reply::$name(self)`: the answer of the variant a job expects, or an error naming the job.
macro_rules! expect {
    ($($name:ident: $variant:ident($t:ty)),* $(,)?) => {
        impl Reply {$(
            pub fn $name(self) -> Result<$t, String> {
                match self {
                    Self::$variant(x) => Ok(x),
                    _ => Err(OTHER_ANSWER.to_owned()),
                }
            }
        )*}
    };
}

/// A reply of another kind than the job's (a page and a helper of different versions).
pub const OTHER_ANSWER: &str = "The page's helper answered something else than was asked (a page and helper of \
    different versions?); reload the page.";

expect!(
    sim: Sim(Result<HttpResponse, String>),
    scenarios: Scenarios(Vec<ScenarioInfo>),
    lessons: Lessons(Vec<LessonInfo>),
    marks: Marks(Vec<bool>),
    findings: Findings(Vec<Finding>),
    cors_fixes: CorsFixes(CorsFixes),
    profile: Profile(Option<JwtProfile>),
    text: Text(String),
    providers: Providers(Vec<ProviderNotes>),
    catalog_entries: CatalogEntries(Vec<CatalogEntry>),
    endpoints: Endpoints(Vec<Endpoint>),
    imported: Imported(Box<PostmanImport>),
    collection_page: CollectionPage(Option<CollectionPage>),
    pasted: Pasted(Box<crate::paste::Pasted>),
);

impl Reply {
    pub fn done(self) -> Result<(), String> {
        match self {
            Self::Done => Ok(()),
            _ => Err(OTHER_ANSWER.to_owned()),
        }
    }
}
