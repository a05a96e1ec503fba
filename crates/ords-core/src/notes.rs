//! Sentences for people: what a status means, and the ORDS CORS note.

use crate::url::{ords_alias_and_module, HttpUrl};

/// One line on what a status means for an ORDS API.
pub fn status_meaning(status: u16) -> &'static str {
    match status {
        200 => "OK: the request succeeded.",
        201 => "Created: the resource was created.",
        204 => "No Content: succeeded, nothing to show.",
        304 => "Not modified (no body): the copy you have is current (the request's If-None-Match matched the ETag).",
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

/// Each secret as it can appear in a body: as is, and escaped inside a JSON string (a token
/// with a quote or a line break is written escaped in the JSON that carries it).
fn forms(secrets: &[String]) -> impl Iterator<Item = String> + '_ {
    secrets.iter().filter(|s| !s.is_empty()).flat_map(|s| {
        let json = crate::quote::js(s);
        let escaped = json[1..json.len() - 1].to_owned();
        let extra = (escaped != *s).then_some(escaped);
        std::iter::once(s.clone()).chain(extra)
    })
}

/// True when any non-empty secret occurs in the text: a search, where masking a 10 MB body
/// and comparing would copy it twice.
pub fn contains_secret(text: &str, secrets: &[String]) -> bool {
    forms(secrets).any(|s| text.contains(s.as_str()))
}

/// Replaces every occurrence of each non-empty secret with the mask, for display.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    forms(secrets).fold(text.to_owned(), |acc, secret| acc.replace(secret.as_str(), crate::MASK))
}

#[cfg(test)]
mod mask_tests {
    #[test]
    fn masks_every_occurrence_and_ignores_empty_secrets() {
        let body = r#"{"access_token":"abc123","echo":"abc123"}"#;
        assert_eq!(
            super::mask_secrets(body, &["abc123".into(), String::new()]),
            r#"{"access_token":"••••••••","echo":"••••••••"}"#
        );
    }

    #[test]
    fn a_secret_escaped_in_json_is_masked_too() {
        let body = r#"{"access_token":"abc\ndef"}"#;
        let secrets = ["abc\ndef".to_owned()];
        assert!(super::contains_secret(body, &secrets));
        assert_eq!(super::mask_secrets(body, &secrets), r#"{"access_token":"••••••••"}"#);
    }

    #[test]
    fn contains_secret_ignores_empty_secrets() {
        let secrets = ["abc123".to_owned(), String::new()];
        assert!(super::contains_secret(r#"{"access_token":"abc123"}"#, &secrets));
        assert!(!super::contains_secret(r#"{"items":[]}"#, &secrets));
        assert!(!super::contains_secret("anything", &[String::new()]));
    }
}
