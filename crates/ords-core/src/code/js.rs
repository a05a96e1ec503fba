//! JavaScript fetch, for Node 18+ (as an ES module) and browsers, with UTF-8-safe Base64.

use super::exprs::{self, Names};
use super::plan::{Plan, SecretRef};
use crate::quote::js as lit;

const NAMES: Names = Names {
    base64: "base64",
    form_encode: "formEncode",
    client_secret: "clientSecret",
    password: "password",
    url_encoded_token: "encodeURIComponent(token)",
};

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
    let [token_title, bearer_title, basic_title] = p.titles();
    let mut out = format!("// {}\n// Node 18+ (save as an .mjs file) or a browser console.\n", p.intro());
    if token_title.is_some() {
        out.push_str(&format!("{}\n", assign("clientSecret", &p.client_secret)));
    }
    if basic_title.is_some() {
        out.push_str(&format!("{}\n", assign("password", &p.password)));
    }
    out.push_str("// Base64 of the UTF-8 bytes: btoa alone throws on characters outside Latin-1.\n");
    out.push_str("const base64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));\n");
    if let Some(title) = token_title {
        if p.encode_credentials || p.secret_in_body {
            out.push_str("const formEncode = (text) => new URLSearchParams({ v: text }).toString().slice(2);\n");
        }
        let (auth, body) = (exprs::token_auth(p, &NAMES), exprs::token_body(p, &NAMES));
        out.push_str(&format!(
            "\n// {title}\nconst tokenResponse = await fetch({}, {{\n  method: \"POST\",\n  headers: \
                {{\n{}  }},\n  body: {body},\n}});\nconst {{ access_token: token }} = await tokenResponse.json();\n",
            lit(&p.token_url),
            header_lines(&p.token_headers, auth)
        ));
    }
    if let Some(title) = bearer_title {
        let (url, token_header) = exprs::token_target(p, &NAMES);
        out.push_str(&format!("\n// {title}\n"));
        out.push_str(&call(p, "response", &url, token_header));
    }
    if let Some(title) = basic_title {
        out.push_str(&format!("\n// {title}\n"));
        out.push_str(&call(p, "basicResponse", &lit(&p.resource_url), Some(exprs::basic_auth(p, &NAMES))));
    }
    out
}

fn call(p: &Plan, var: &str, url: &str, auth: Option<String>) -> String {
    let body = if p.call_body.is_empty() { String::new() } else { format!("  body: {},\n", lit(&p.call_body)) };
    format!(
        "const {var} = await fetch({url}, {{\n  method: {},\n  headers: \
            {{\n{}  }},\n{body}}});\nconsole.log({var}.status, await {var}.text());\n",
        lit(p.method.as_str()),
        header_lines(&p.call_headers, auth)
    )
}
