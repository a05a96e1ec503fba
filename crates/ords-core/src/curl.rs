//! One request as a curl command line, for "copy as curl". Callers pass the shown (masked)
//! request, so no secret reaches generated code unless the person revealed it.

use crate::http::HttpRequest;
use crate::quote::{shell as shell_quote, shell_header};

/// `curl -i -g [-X METHOD] 'url' -H '…' --data-raw '…'`, one option per line. `-g` turns off
/// curl's URL globbing, so `{…}` and `[…]` (ORDS filter queries) are sent as written.
pub fn curl_command(request: &HttpRequest) -> String {
    let mut parts = vec!["curl -i -g".to_owned()];
    let implied = if request.body.is_empty() { "GET" } else { "POST" };
    if request.method != implied {
        parts[0].push_str(&format!(" -X {}", request.method));
    }
    parts[0].push_str(&format!(" {}", shell_quote(&request.url)));
    for (name, value) in &request.headers {
        parts.push(format!("-H {}", shell_header(&format!("{name}: {value}"))));
    }
    if !request.body.is_empty() {
        parts.push(format!("--data-raw {}", shell_quote(&request.body)));
    }
    parts.join(" \\\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_request_as_curl() {
        let r = HttpRequest::new("POST", "https://h/ords/a/oauth/token")
            .with_header("Authorization", "Basic base64(id..:••••••••)")
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_body("grant_type=client_credentials");
        assert_eq!(
            curl_command(&r),
            "curl -i -g 'https://h/ords/a/oauth/token' \\\n  -H 'Authorization: Basic base64(id..:••••••••)' \\\n  -H \
                'Content-Type: application/x-www-form-urlencoded' \\\n  --data-raw 'grant_type=client_credentials'"
        );
    }

    #[test]
    fn methods_and_quotes() {
        let get = HttpRequest::new("GET", "https://h/x?a=1&b='2'");
        assert_eq!(curl_command(&get), r"curl -i -g 'https://h/x?a=1&b='\''2'\'''");
        let delete = HttpRequest::new("DELETE", "https://h/n/1");
        assert_eq!(curl_command(&delete), "curl -i -g -X DELETE 'https://h/n/1'");
        let put = HttpRequest::new("PUT", "https://h/n/1").with_body("{}");
        assert!(curl_command(&put).starts_with("curl -i -g -X PUT 'https://h/n/1'"));
    }
}
