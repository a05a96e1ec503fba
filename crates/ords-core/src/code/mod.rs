//! Generated code: the same calls as curl, fetch, Python and PL/SQL, the ORDS setup SQL, and
//! Postman collections. Everything comes from one plan of the requests, so every snippet
//! carries the same settings; secrets are named placeholders unless asked for.

mod exprs;
mod js;
mod par;
mod plan;
mod plsql;
mod plsql_token;
mod postman;
mod postman_import;
mod python;
mod shell;

pub use plan::Plan;
pub use plsql_token::network_acl_for;
pub use postman::{export_postman, export_postman_environment, import_postman, PostmanImport};

use crate::call::ResourceCall;
use crate::config::Flow;
use crate::settings::{BasicSettings, OAuthSettings, TokenPlacement};

/// What the code is generated from.
#[derive(Clone, Copy, Debug)]
pub struct CodeInput<'a> {
    /// The flow chosen: the code carries its requests only (Compare both: both flows).
    pub flow: Flow,
    pub oauth: &'a OAuthSettings,
    pub basic: &'a BasicSettings,
    pub call: &'a ResourceCall,
    pub placement: &'a TokenPlacement,
    /// Put the real secrets in the code (the person ticked `Include secrets`).
    pub include_secrets: bool,
    /// This page's origin, allowed in the setup SQL.
    pub page_origin: &'a str,
}

/// The code targets, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeTarget {
    Curl,
    Fetch,
    Python,
    PlSql,
    SetupSql,
}

impl CodeTarget {
    pub const ALL: [Self; 5] = [Self::Curl, Self::Fetch, Self::Python, Self::PlSql, Self::SetupSql];

    /// Its name in messages to the page's helper.
    pub fn key(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Fetch => "fetch",
            Self::Python => "python",
            Self::PlSql => "plsql",
            Self::SetupSql => "setup-sql",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::Fetch => "JavaScript fetch",
            Self::Python => "Python requests",
            Self::PlSql => "PL/SQL (APEX)",
            Self::SetupSql => "ORDS setup SQL",
        }
    }
}

/// The code for one target.
pub fn generate(target: CodeTarget, input: &CodeInput<'_>) -> String {
    if input.flow == Flow::Par {
        return par::write(target, input);
    }
    let plan = Plan::new(input);
    match target {
        CodeTarget::Curl => shell::curl(&plan),
        CodeTarget::Fetch => js::fetch(&plan),
        CodeTarget::Python => python::requests(&plan),
        CodeTarget::PlSql => plsql::apex(&plan),
        CodeTarget::SetupSql => plsql::setup(&plan),
    }
}

crate::closed::closed!(labelled CodeTarget);

#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod plsql_tests;
#[cfg(test)]
mod tests;
