//! bash + curl: the flow chosen: the token request (the token captured with sed) and the call,
//! the call with Basic, or both.

use super::plan::{Plan, SecretRef};
use crate::quote::{shell as shell_quote, shell_header};
use crate::settings::TokenPlacement;

/// `NAME="${ENV:?…}"`, or `NAME='value'` when the secret is included.
fn assign(var: &str, s: &SecretRef) -> String {
    match &s.value {
        Some(v) => format!("{var}={}", shell_quote(v)),
        None => format!("{var}=\"${{{}?export {}='{}' first}}\"", s.env, s.env, s.placeholder),
    }
}

fn headers(out: &mut Vec<String>, headers: &[(String, String)]) {
    out.extend(headers.iter().map(|(k, v)| format!("-H {}", shell_header(&format!("{k}: {v}")))));
}

const FORM_ENCODE: &str = "# RFC 6749 §2.3.1: form-encode id and secret before Base64, byte by byte\n\
form_encode() {\n  local LC_ALL=C s=\"$1\" i c out=\"\"\n  for ((i = 0; i < ${#s}; i++)); do\n    c=\"${s:i:1}\"\n    \
case \"$c\" in\n      [A-Za-z0-9*._-]) out+=\"$c\" ;;\n      ' ') out+='+' ;;\n      *) out+=$(printf '%%%02X' \
\"'$c\") ;;\n    \
esac\n  done\n  printf '%s' \"$out\"\n}\n";

pub(super) fn curl(p: &Plan) -> String {
    let [token_title, bearer_title, basic_title] = p.titles();
    let mut out = format!("#!/usr/bin/env bash\n# {}\nset -euo pipefail\n", p.intro());
    // Only the secrets this flow sends: `set -u` stops at an unset one.
    if token_title.is_some() {
        out.push_str(&assign("CLIENT_SECRET", &p.client_secret));
        out.push('\n');
    }
    if basic_title.is_some() {
        out.push_str(&assign("PASSWORD", &p.password));
        out.push('\n');
    }
    if let Some(title) = token_title {
        if p.encode_credentials && !p.secret_in_body {
            out.push_str(FORM_ENCODE);
        }
        let mut token = vec![format!("TOKEN=$(curl -sS -g -X POST {}", shell_quote(&p.token_url))];
        if !p.secret_in_body {
            let secret = if p.encode_credentials { "$(form_encode \"$CLIENT_SECRET\")" } else { "$CLIENT_SECRET" };
            token.push(basic_auth(&p.client_id_for_basic, secret, p.encode_credentials));
        }
        headers(&mut token, &p.token_headers);
        token.push(format!("--data-raw {}", shell_quote(&p.token_body)));
        if p.secret_in_body {
            token.push("--data-urlencode \"client_secret=$CLIENT_SECRET\"".into());
        }
        token.push("| sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')".into());
        out.push_str(&format!("\n# {title}; the token is read from the JSON with sed (no jq needed)\n"));
        out.push_str(&token.join(" \\\n  "));
        out.push('\n');
    }
    if let Some(title) = bearer_title {
        out.push_str(&format!("\n# {title}\n"));
        let (url, token_header) = match &p.placement {
            TokenPlacement::Header { name, prefix } => {
                let lead = if prefix.is_empty() { format!("{name}: ") } else { format!("{name}: {prefix} ") };
                (shell_quote(&p.resource_url), Some(format!("-H {}\"$TOKEN\"", shell_quote(&lead))))
            }
            TokenPlacement::Query { name } => {
                (format!("{}\"$TOKEN\"", shell_quote(&crate::url::query_lead(&p.resource_url, name))), None)
            }
        };
        out.push_str(&call(p, &url, token_header));
        out.push('\n');
    }
    if let Some(title) = basic_title {
        out.push_str(&format!("\n# {title}\n"));
        out.push_str(&call(p, &shell_quote(&p.resource_url), Some(basic_auth(&p.username, "$PASSWORD", false))));
        out.push('\n');
    }
    out
}

/// `--user 'name:'"$SECRET"` (curl splits at the first colon, so only for names without one
/// and without encoding), else the header built in the shell.
fn basic_auth(name: &str, secret: &str, encoded: bool) -> String {
    if !encoded && !name.contains(':') {
        format!("--user {}\"{secret}\"", shell_quote(&format!("{name}:")))
    } else {
        format!(
            "-H \"Authorization: Basic $(printf '%s:%s' {} \"{secret}\" | base64 | tr -d '\\n')\"",
            shell_quote(name)
        )
    }
}

fn call(p: &Plan, url: &str, auth: Option<String>) -> String {
    let mut parts = vec![format!("curl -i -g -X {} {url}", p.method.as_str())];
    parts.extend(auth);
    headers(&mut parts, &p.call_headers);
    if !p.call_body.is_empty() {
        parts.push(format!("--data-raw {}", shell_quote(&p.call_body)));
    }
    parts.join(" \\\n  ")
}
