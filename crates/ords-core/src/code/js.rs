//! JavaScript fetch, for Node 18+ (as an ES module) and browsers, with UTF-8-safe Base64.

use super::c_like as lit;
use super::plan::{Plan, SecretRef};
use crate::options::TokenPlacement;

fn assign(var: &str, s: &SecretRef) -> String {
    match &s.value {
        Some(v) => format!("const {var} = {};", lit(v)),
        None => format!("const {var} = globalThis.process?.env.{} ?? {};", s.env, lit(s.placeholder)),
    }
}

fn header_lines(headers: &[(String, String)], first: Option<String>) -> String {
    let mut lines: Vec<String> = first.into_iter().collect();
    lines.extend(headers.iter().map(|(k, v)| format!("{}: {}", lit(k), lit(v))));
    lines.iter().map(|l| format!("    {l},\n")).collect()
}

pub(super) fn fetch(p: &Plan) -> String {
    let mut out = String::from(
        "// OAuth2 client credentials against ORDS, the protected call, then the same call with HTTP Basic.\n\
         // Node 18+ (save as an .mjs file) or a browser console.\n",
    );
    out.push_str(&format!("{}\n{}\n", assign("clientSecret", &p.client_secret), assign("password", &p.password)));
    out.push_str("// Base64 of the UTF-8 bytes: btoa alone throws on characters outside Latin-1.\n");
    out.push_str("const base64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));\n");
    let form_encoding = p.encode_credentials || p.secret_in_body;
    if form_encoding {
        out.push_str("const formEncode = (text) => new URLSearchParams({ v: text }).toString().slice(2);\n");
    }
    let auth = (!p.secret_in_body).then(|| {
        let secret = if p.encode_credentials { "formEncode(clientSecret)" } else { "clientSecret" };
        format!("\"Authorization\": \"Basic \" + base64({} + \":\" + {secret})", lit(&p.client_id_for_basic))
    });
    let body = if p.secret_in_body {
        format!("{} + \"&client_secret=\" + formEncode(clientSecret)", lit(&p.token_body))
    } else {
        lit(&p.token_body)
    };
    out.push_str(&format!(
        "\n// 1. Token request\nconst tokenResponse = await fetch({}, {{\n  method: \"POST\",\n  headers: {{\n{}  }},\n  body: {body},\n}});\nconst {{ access_token: token }} = await tokenResponse.json();\n",
        lit(&p.token_url),
        header_lines(&p.token_headers, auth)
    ));
    let (url, token_header) = match &p.placement {
        TokenPlacement::Header { name, prefix } => {
            let lead = if prefix.is_empty() { String::new() } else { format!("{prefix} ") };
            (lit(&p.resource_url), Some(format!("{}: {} + token", lit(name), lit(&lead))))
        }
        TokenPlacement::Query { name } => {
            let sep = if p.resource_url.contains('?') { '&' } else { '?' };
            let head = format!("{}{sep}{}=", p.resource_url, crate::encode::form_encode(name));
            (format!("{} + encodeURIComponent(token)", lit(&head)), None)
        }
    };
    out.push_str("\n// 2. The protected call with the token\n");
    out.push_str(&call(p, "response", &url, token_header));
    out.push_str("\n// 3. The same call with HTTP Basic\n");
    let basic = format!("\"Authorization\": \"Basic \" + base64({} + \":\" + password)", lit(&p.username));
    out.push_str(&call(p, "basicResponse", &lit(&p.resource_url), Some(basic)));
    out
}

fn call(p: &Plan, var: &str, url: &str, auth: Option<String>) -> String {
    let body = if p.call_body.is_empty() { String::new() } else { format!("  body: {},\n", lit(&p.call_body)) };
    format!(
        "const {var} = await fetch({url}, {{\n  method: {},\n  headers: {{\n{}  }},\n{body}}});\nconsole.log({var}.status, await {var}.text());\n",
        lit(&p.method),
        header_lines(&p.call_headers, auth)
    )
}
