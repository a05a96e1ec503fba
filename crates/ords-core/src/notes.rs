//! Sentences for people: what a status means, and the ORDS CORS note.

use crate::http::HttpRequest;
use crate::url::{ords_alias_and_module, HttpUrl};

/// One line on what a status means for an ORDS API.
pub fn status_meaning(status: u16) -> &'static str {
    match status {
        200 => "OK: the request succeeded.",
        201 => "Created: the resource was created.",
        204 => "No Content: succeeded, nothing to show.",
        304 => "Not Modified (no body).",
        400 => "Bad Request: the server could not accept the request as sent.",
        401 => {
            "Unauthorized: credentials missing, wrong or expired (ORDS also answers 401 when the client lacks the \
                role)."
        }
        403 => "Forbidden: for ORDS this usually means the page's origin is not allowed.",
        404 => "Not Found: check the path and the ORDS alias in the URL.",
        405 => "Method Not Allowed: no handler for this method on this template.",
        413 => "Content Too Large: the request body is over the server's limit.",
        431 => "Request Header Fields Too Large: the headers are over the server's limit.",
        500 => "Internal Server Error: the server failed; see its log.",
        502..=504 => "A proxy or gateway in front of ORDS could not get an answer from it.",
        555 => "ORDS: the handler's SQL or PL/SQL raised an error (User Defined Resource Error).",
        570 => "ORDS: the database account behind the schema is locked.",
        _ => match status / 100 {
            1 => "Informational.",
            2 => "Success.",
            3 => "Redirect: fetch follows these itself, so the URL may be outdated.",
            4 => "Client error: the request was refused.",
            _ => "Server error.",
        },
    }
}

/// [`status_meaning`], with a 304 said for the request that got it.
pub fn status_meaning_for(status: u16, request: &HttpRequest) -> &'static str {
    if status == 304 {
        crate::http::Validator::of(request).meaning()
    } else {
        status_meaning(status)
    }
}

/// The short ORDS note shown when a fetch fails without a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorsNote {
    pub text: String,
    /// SQL to run in the REST-enabled schema, when the URL shows an ORDS module.
    pub sql: Option<String>,
}

/// Builds the note for this page's origin and the URL that failed.
pub fn cors_note(page_origin: &str, failed_url: &str) -> CorsNote {
    let target = HttpUrl::parse(failed_url).ok();
    let target_origin = target.as_ref().map(HttpUrl::origin).unwrap_or_default();
    let text = format!(
        "ORDS answers a browser only if this page's origin ({page_origin}) is allowed: for resources with \
            ORDS.SET_MODULE_ORIGINS_ALLOWED on the module, for the token URL in the OAuth client's allowed origins \
            (p_origins_allowed of OAUTH.CREATE_CLIENT / OAUTH.UPDATE_CLIENT). If curl reaches {target_origin} but this \
            page cannot, it is CORS; if curl cannot either, the server is unreachable."
    );
    let sql = target
        .as_ref()
        .and_then(ords_alias_and_module)
        .and_then(|(_, module)| Some(crate::diagnose::module_origins_sql(&module?, page_origin)));
    CorsNote { text, sql }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_note_names_the_origin_and_the_module() {
        let note = cors_note("http://127.0.0.1:8080", "http://127.0.0.1:8181/ords/demo/hr/employees/");
        assert!(note.text.starts_with("ORDS answers a browser only if this page's origin (http://127.0.0.1:8080)"));
        assert!(note.text.contains("ORDS.SET_MODULE_ORIGINS_ALLOWED"));
        assert!(note.text.contains("allowed origins"));
        assert_eq!(
            note.sql.as_deref(),
            Some(
                "SET DEFINE OFF\n-- The module served at /hr/ (its name may differ from the path):\n\
                 -- SELECT name FROM user_ords_modules WHERE uri_prefix = '/hr/';\n\
                 BEGIN\n  ORDS.SET_MODULE_ORIGINS_ALLOWED(\n    p_module_name     => 'hr',\n    p_origins_allowed => \
                 'http://127.0.0.1:8080');\n  COMMIT;\nEND;\n/"
            )
        );
        assert_eq!(cors_note("o", "http://h/ords/a/oauth/token").sql, None);
    }

    #[test]
    fn statuses_have_meanings() {
        assert!(status_meaning(555).starts_with("ORDS: the handler"));
        assert!(status_meaning(401).starts_with("Unauthorized"));
        assert_eq!(status_meaning(418), "Client error: the request was refused.");
    }
}
