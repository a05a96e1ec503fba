//! The protocol between the page and its helper (a web worker with what the first screen does
//! not need): one [`Job`] per message and one [`Reply`] per job, as typed values on both sides
//! and JSON text between them (`wire`). The helper matches on `Job`; the page builds `Job`s and
//! reads a `Reply` with the accessor for the answer it expects, so a wrong or malformed answer
//! is an error, never a default.

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
use crate::provider::Provider;
use crate::secret::{ClientSecret, Password};

pub use wire::{answer_message, job_message, read_answer, read_job, FromHelper, READY};

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
    CatalogRefusal {
        status: u16,
        url: String,
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
    Ping,
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

/// The names of the jobs on the wire, listed once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Sim,
    SimReset,
    Scenarios,
    Lessons,
    LessonCheck,
    DiagnoseInputs,
    DiagnoseRun,
    CorsFixes,
    JwtCheck,
    JwtPrefill,
    JwtSql,
    Providers,
    CatalogEntries,
    OpenapiEndpoints,
    CatalogRefusal,
    Code,
    PostmanExport,
    PostmanEnvironment,
    PostmanImport,
    CollectionPage,
    Ping,
}

impl JobKind {
    pub const ALL: [JobKind; 21] = [
        Self::Sim,
        Self::SimReset,
        Self::Scenarios,
        Self::Lessons,
        Self::LessonCheck,
        Self::DiagnoseInputs,
        Self::DiagnoseRun,
        Self::CorsFixes,
        Self::JwtCheck,
        Self::JwtPrefill,
        Self::JwtSql,
        Self::Providers,
        Self::CatalogEntries,
        Self::OpenapiEndpoints,
        Self::CatalogRefusal,
        Self::Code,
        Self::PostmanExport,
        Self::PostmanEnvironment,
        Self::PostmanImport,
        Self::CollectionPage,
        Self::Ping,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Sim => "sim",
            Self::SimReset => "sim_reset",
            Self::Scenarios => "scenarios",
            Self::Lessons => "lessons",
            Self::LessonCheck => "lesson_check",
            Self::DiagnoseInputs => "diagnose_inputs",
            Self::DiagnoseRun => "diagnose_run",
            Self::CorsFixes => "cors_fixes",
            Self::JwtCheck => "jwt_check",
            Self::JwtPrefill => "jwt_prefill",
            Self::JwtSql => "jwt_sql",
            Self::Providers => "providers",
            Self::CatalogEntries => "catalog_entries",
            Self::OpenapiEndpoints => "openapi_endpoints",
            Self::CatalogRefusal => "catalog_refusal",
            Self::Code => "code",
            Self::PostmanExport => "postman_export",
            Self::PostmanEnvironment => "postman_environment",
            Self::PostmanImport => "postman_import",
            Self::CollectionPage => "collection_page",
            Self::Ping => "ping",
        }
    }
}

crate::closed::closed!(JobKind);

impl Job {
    pub fn kind(&self) -> JobKind {
        match self {
            Self::Sim { .. } => JobKind::Sim,
            Self::SimReset { .. } => JobKind::SimReset,
            Self::Scenarios => JobKind::Scenarios,
            Self::Lessons => JobKind::Lessons,
            Self::LessonCheck { .. } => JobKind::LessonCheck,
            Self::DiagnoseInputs(_) => JobKind::DiagnoseInputs,
            Self::DiagnoseRun { .. } => JobKind::DiagnoseRun,
            Self::CorsFixes { .. } => JobKind::CorsFixes,
            Self::JwtCheck { .. } => JobKind::JwtCheck,
            Self::JwtPrefill { .. } => JobKind::JwtPrefill,
            Self::JwtSql { .. } => JobKind::JwtSql,
            Self::Providers => JobKind::Providers,
            Self::CatalogEntries { .. } => JobKind::CatalogEntries,
            Self::OpenapiEndpoints { .. } => JobKind::OpenapiEndpoints,
            Self::CatalogRefusal { .. } => JobKind::CatalogRefusal,
            Self::Code { .. } => JobKind::Code,
            Self::PostmanExport(_) => JobKind::PostmanExport,
            Self::PostmanEnvironment(_) => JobKind::PostmanEnvironment,
            Self::PostmanImport { .. } => JobKind::PostmanImport,
            Self::CollectionPage { .. } => JobKind::CollectionPage,
            Self::Ping => JobKind::Ping,
        }
    }
}

/// A workshop scenario of the in-page ORDS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioInfo {
    pub name: String,
    pub failure: String,
    pub try_it: String,
}

/// A lesson of the workshop path, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonInfo {
    pub id: String,
    pub title: String,
    pub scenario: String,
    /// Settings over the demo's, in the settings' text form.
    pub stage: String,
    pub intro: String,
    pub minutes: u8,
    pub steps: Vec<StepInfo>,
}

impl LessonInfo {
    /// A lesson of the path as the page shows it (its marks said for people).
    pub fn of(lesson: &crate::lessons::Lesson) -> Self {
        let step = |step: &crate::lessons::Step| StepInfo {
            id: step.id.into(),
            title: step.title.into(),
            goal: step.goal.into(),
            hints: step.hints.iter().map(|h| (*h).to_owned()).collect(),
            marks: step.marks.iter().map(|m| m.describe()).collect(),
            shows: step.shows.map(|s| s.key().to_owned()),
        };
        Self {
            id: lesson.id.into(),
            title: lesson.title.into(),
            scenario: lesson.scenario.unwrap_or_default().into(),
            stage: lesson.stage.into(),
            intro: lesson.intro.into(),
            minutes: lesson.minutes,
            steps: lesson.steps.iter().map(step).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepInfo {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub hints: Vec<String>,
    /// What a run must show, said for people.
    pub marks: Vec<String>,
    /// The section tab the step points at, by key.
    pub shows: Option<String>,
}

/// What the page shows beside an identity provider's preset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderNotes {
    pub provider: Provider,
    pub where_to_find: String,
    /// The provider refuses client_credentials from a browser.
    pub blocked: bool,
    pub says: String,
}

/// The helper's answer to one job.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Done, nothing to say (a reset, a ping).
    Done,
    /// The in-page ORDS's answer, or why the browser would not have let the page read one.
    Sim(Result<HttpResponse, String>),
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
);

impl Reply {
    pub fn done(self) -> Result<(), String> {
        match self {
            Self::Done => Ok(()),
            _ => Err(OTHER_ANSWER.to_owned()),
        }
    }
}
