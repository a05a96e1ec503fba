//! ORDS error responses: problem JSON (`error.responseFormat=json`, ORDS 20.4+) or HTML.

use crate::json::{object, string};
use ords_core::{reason_phrase, HttpResponse};

/// A response with a body and its content type.
pub fn respond(status: u16, content_type: &str, body: String) -> HttpResponse {
    HttpResponse {
        status,
        reason: reason_phrase(status).to_owned(),
        headers: vec![("Content-Type".into(), content_type.into())],
        body,
    }
}

/// ORDS problem JSON: `code`, `message`, `type` `tag:oracle.com,2020:error/<Code>`, `instance`.
pub fn problem(status: u16, code: &str, message: &str, ecid: &str) -> HttpResponse {
    let body = object(&[
        ("code", string(code)),
        ("message", string(message)),
        ("type", string(&format!("tag:oracle.com,2020:error/{code}"))),
        ("instance", string(&format!("tag:oracle.com,2020:ecid/{ecid}"))),
    ]);
    respond(status, "application/problem+json", body)
}

/// ORDS's own 400 for a request it refuses before any handler runs (a `limit` that is not a
/// number): problem JSON with a `title` as well.
pub fn bad_request(message: &str, ecid: &str) -> HttpResponse {
    let body = object(&[
        ("code", string("BadRequest")),
        ("title", string("Bad Request")),
        ("message", string(message)),
        ("type", string("tag:oracle.com,2020:error/BadRequest")),
        ("instance", string(&format!("tag:oracle.com,2020:ecid/{ecid}"))),
    ]);
    respond(400, "application/problem+json", body)
}

/// The HTML error page older ORDS (or `error.responseFormat=html`) sends.
pub fn html_page(status: u16, message: &str) -> HttpResponse {
    let title = format!("{status} {}", reason_phrase(status));
    let sign_in = if status == 401 { "<p><a href=\"sign-in/\">Sign in</a></p>" } else { "" };
    let body = format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{message}</p>{sign_in}\
         <p>Oracle REST Data Services</p></body></html>"
    );
    respond(status, "text/html", body)
}

/// RFC 6749 §5.2 error body.
pub fn oauth_error(status: u16, error: &str, description: &str) -> HttpResponse {
    let body = object(&[("error", string(error)), ("error_description", string(description))]);
    respond(status, "application/json", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_json_is_the_ords_shape() {
        let r = problem(401, "Unauthorized", "Unauthorized", "abc123");
        assert_eq!(r.reason, "Unauthorized");
        assert_eq!(r.headers, vec![("Content-Type".to_owned(), "application/problem+json".to_owned())]);
        assert_eq!(
            r.body,
            concat!(
                r#"{"code":"Unauthorized","message":"Unauthorized","type":"tag:oracle.com,2020:error/Unauthorized","#,
                r#""instance":"tag:oracle.com,2020:ecid/abc123"}"#
            )
        );
    }

    #[test]
    fn html_401_offers_a_sign_in_link() {
        let r = html_page(401, "Unauthorized");
        assert_eq!(r.header("content-type"), Some("text/html"));
        assert!(r.body.starts_with("<!DOCTYPE html>"));
        assert!(r.body.contains("<h1>401 Unauthorized</h1>"));
        assert!(r.body.contains("Sign in"));
    }
}
