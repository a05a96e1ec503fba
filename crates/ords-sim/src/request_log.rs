//! `ords-sim --log-requests`: one line per request received (method, path, headers, form body)
//! with every secret masked, so a person can see exactly what their client (a database's
//! `APEX_WEB_SERVICE`, Postman, the page) sends. What is logged is hostile input too: control
//! characters are escaped and every value is cut at 200 characters.

use base64::Engine as _;
use ords_core::HttpRequest;

const MASK: &str = "••••";
const MAX_VALUE: usize = 200;

/// A value as printable text: control characters escaped (`\u{1b}`, `\r`), cut at
/// `MAX_VALUE` characters.
fn shown(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars().take(MAX_VALUE) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if value.chars().count() > MAX_VALUE {
        out.push('…');
    }
    out
}

/// Header names whose values are secrets (matched case-insensitively, as parts of the name).
fn secret_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["secret", "password", "token", "key", "cookie"].iter().any(|s| name.contains(s))
}

/// `Basic` shows the decoded id before the colon; every other scheme shows only its name.
fn authorization(value: &str) -> String {
    let (scheme, rest) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("basic") {
        return format!("{} {MASK}", shown(scheme));
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(rest.trim()).ok();
    match decoded.as_deref().map(String::from_utf8_lossy).as_deref().and_then(|d| d.split_once(':')) {
        Some((id, _)) => format!("Basic {}:{MASK} (decoded)", shown(id)),
        None => format!("Basic {MASK} (not base64 of id:secret)"),
    }
}

/// Form fields whose values are secrets.
fn secret_field(name: &str) -> bool {
    matches!(
        name,
        "client_secret" | "password" | "access_token" | "refresh_token" | "token" | "assertion" | "client_assertion"
    )
}

fn form(body: &str) -> String {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            // Decoded where the escapes are valid, else shown as written.
            let raw = || {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (k.to_owned(), v.to_owned())
            };
            let (name, value) = ords_core::parse_form(pair).and_then(|p| p.into_iter().next()).unwrap_or_else(raw);
            let value = if secret_field(&name) { MASK.to_owned() } else { value };
            format!("{}={}", shown(&name), shown(&value))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A pre-authenticated URL's path with its token (a credential) masked.
fn par_masked(path: &str) -> String {
    match path.split_once("/_/par/") {
        Some((before, after)) => {
            let rest = after.split_once('/').map(|(_, r)| format!("/{r}")).unwrap_or_default();
            format!("{before}/_/par/{MASK}{rest}")
        }
        None => path.to_owned(),
    }
}

/// The line for one request.
pub fn line(request: &HttpRequest) -> String {
    let target =
        request.url.find("://").and_then(|i| request.url[i + 3..].find('/').map(|j| &request.url[i + 3 + j..]));
    let path = target.unwrap_or(&request.url);
    let path = path.split('?').next().unwrap_or(path);
    let mut parts = vec![format!("{} {}", shown(&request.method), shown(&par_masked(path)))];
    if let Some((_, query)) = request.url.split_once('?') {
        parts.push(format!("query {}", form(query)));
    }
    for (name, value) in &request.headers {
        let value = if name.eq_ignore_ascii_case("authorization") {
            authorization(value)
        } else if secret_header(name) {
            MASK.to_owned()
        } else {
            shown(value)
        };
        parts.push(format!("{}: {value}", shown(name)));
    }
    if !request.body.is_empty() {
        let is_form =
            request.header("Content-Type").is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
        parts.push(if is_form {
            format!("body {}", form(&request.body))
        } else {
            format!("body ({} bytes)", request.body.len())
        });
    }
    parts.join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_request_is_shown_with_every_secret_masked() {
        let request = HttpRequest::new("POST", "http://127.0.0.1:8181/ords/demo/oauth/token?audience=a+b")
            .with_header("Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==")
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_header("presharedkey", "s3cr3t")
            .with_header("posserial", "A1");
        let request = HttpRequest {
            body: "grant_type=client_credentials&client_id=x&client_secret=m2Qx7dVbUaE4kR9pLwT1sA..".into(),
            ..request
        };
        assert_eq!(
            line(&request),
            "POST /ords/demo/oauth/token | query audience=a b | Authorization: Basic Te8yn-qGmBoX6jzpPhnUXA..:•••• \
                (decoded) | Content-Type: application/x-www-form-urlencoded | presharedkey: •••• | posserial: A1 | \
                body grant_type=client_credentials&client_id=x&client_secret=••••"
        );
    }

    #[test]
    fn tokens_passwords_and_control_characters_never_reach_the_terminal() {
        let request = HttpRequest::new("GET", "http://h/ords/demo/hr/employees/?access_token=abc")
            .with_header("Authorization", "Bearer eyJhbGciOi.secret.sig")
            .with_header("X-Note", "a\u{1b}[31mred\r\nInjected: yes");
        let shown = line(&request);
        assert_eq!(
            shown,
            "GET /ords/demo/hr/employees/ | query access_token=•••• | Authorization: Bearer •••• | X-Note: \
                a\\u{1b}[31mred\\r\\nInjected: yes"
        );
        assert!(!shown.contains("abc") && !shown.contains("secret"));
        let long = HttpRequest::new("POST", "http://h/x").with_header("X-Big", "a".repeat(10_000));
        assert!(line(&long).len() < 300);
        let odd = HttpRequest::new("GET", "http://h/x").with_header("Authorization", "Basic !!notbase64");
        assert_eq!(line(&odd), "GET /x | Authorization: Basic •••• (not base64 of id:secret)");
    }

    #[test]
    fn a_pre_authenticated_urls_token_is_masked() {
        let request = HttpRequest::new("GET", "http://127.0.0.1:8181/ords/demo/_/par/Zq9-x_Y/hr/employees/?limit=2");
        assert_eq!(line(&request), "GET /ords/demo/_/par/••••/hr/employees/ | query limit=2");
        assert_eq!(par_masked("/ords/demo/_/par/only"), "/ords/demo/_/par/••••");
    }
}
