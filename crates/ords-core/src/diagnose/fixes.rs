//! The SQL and configuration that let a browser page call ORDS (the ORDS CORS note).

use crate::quote::sql;
use crate::url::{ords_alias_and_module, HttpUrl};

/// Fixes for this page's origin, the alias and the module guessed from the URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorsFixes {
    pub origin: String,
    pub alias: Option<String>,
    /// The module's base path segment from the Resource URL (e.g. `hr`).
    pub module: Option<String>,
    /// `ORDS.SET_MODULE_ORIGINS_ALLOWED` for the module, when the URL shows one.
    pub module_sql: Option<String>,
    /// `OAUTH.UPDATE_CLIENT` with this origin (ORDS before 24.3; desupported from 25.3).
    pub client_sql: String,
    /// The same for ORDS 24.3 and later.
    pub client_newer: String,
}

pub fn cors_fixes(page_origin: &str, resource_url: &str, client_id: &str) -> CorsFixes {
    let parts = HttpUrl::parse(resource_url).ok().as_ref().and_then(ords_alias_and_module);
    let (alias, module) = parts.map_or((None, None), |(a, m)| (Some(a), m));
    let origin = sql(page_origin);
    let module_sql = module.as_ref().map(|m| module_origins_sql(m, page_origin));
    let client_sql = format!(
        "SET DEFINE OFF\n\
         -- UPDATE_CLIENT sets every field: copy the current values first.\n\
         SELECT name, description, redirect_uri, support_email, support_uri\n  \
         FROM user_ords_clients WHERE client_id = {};\n\
         BEGIN\n  OAUTH.UPDATE_CLIENT(\n    p_name            => '<name from the query>',\n    \
         p_description     => '<description from the query>',\n    \
         p_origins_allowed => {origin},\n    \
         p_redirect_uri    => NULL,\n    \
         p_support_email   => '<support_email from the query>',\n    \
         p_support_uri     => NULL,\n    \
         p_privilege_names => '<the client''s privileges, comma-separated>');\n  COMMIT;\nEND;\n/",
        sql(client_id)
    );
    let client_newer = format!(
        "ORDS 24.3 and later (OAUTH is deprecated there and desupported from 25.3): add {page_origin} to the \
         client's allowed origins in Database Actions (REST > Security > OAuth Clients), or with the ORDS REST \
         API: PUT …/rest/clients/{{id}} with \"allowed_origins\": {} (plus the required \"name\" \
         and \"privilege_names\").",
        crate::quote::js(page_origin)
    );
    CorsFixes { origin: page_origin.to_owned(), alias, module, module_sql, client_sql, client_newer }
}

/// `ORDS.SET_MODULE_ORIGINS_ALLOWED` for the module served at `/<module>/`, for this origin.
pub(crate) fn module_origins_sql(module: &str, page_origin: &str) -> String {
    format!(
        "SET DEFINE OFF\n\
         -- The module served at /{module}/ (its name may differ from the path):\n\
         -- SELECT name FROM user_ords_modules WHERE uri_prefix = {};\n\
         BEGIN\n  ORDS.SET_MODULE_ORIGINS_ALLOWED(\n    p_module_name     => {},\n    \
         p_origins_allowed => {});\n  COMMIT;\nEND;\n/",
        sql(&format!("/{module}/")),
        sql(module),
        sql(page_origin)
    )
}
