//! The jobs' names on the wire: a closed set, so a name is read back or refused, never guessed.

use super::Job;

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
    Code,
    PostmanExport,
    PostmanEnvironment,
    PostmanImport,
    CollectionPage,
    ReadPaste,
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
        Self::Code,
        Self::PostmanExport,
        Self::PostmanEnvironment,
        Self::PostmanImport,
        Self::CollectionPage,
        Self::ReadPaste,
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
            Self::Code => "code",
            Self::PostmanExport => "postman_export",
            Self::PostmanEnvironment => "postman_environment",
            Self::PostmanImport => "postman_import",
            Self::CollectionPage => "collection_page",
            Self::ReadPaste => "read_paste",
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
            Self::Code { .. } => JobKind::Code,
            Self::PostmanExport(_) => JobKind::PostmanExport,
            Self::PostmanEnvironment(_) => JobKind::PostmanEnvironment,
            Self::PostmanImport { .. } => JobKind::PostmanImport,
            Self::CollectionPage { .. } => JobKind::CollectionPage,
            Self::ReadPaste { .. } => JobKind::ReadPaste,
            Self::Ping => JobKind::Ping,
        }
    }
}
