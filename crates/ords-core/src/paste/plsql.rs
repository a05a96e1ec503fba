//! An `APEX_WEB_SERVICE` block: `OAUTH_AUTHENTICATE` (what the database sends for it: a Basic
//! header, `grant_type` and `scope`, nothing else), `OAUTH_AUTHENTICATE_CREDENTIAL` (its web
//! credential named, asked for), `MAKE_REST_REQUEST` and the `g_request_headers` in force at
//! each call. Values are computed as in `plsql_expr` (literals, `||`, the block's variables, the
//! functions a hand-made token request uses); anything else stays as written.

use super::plsql_expr::{expr, Toks, Val};
use super::plsql_lex::{tokens, Tok};
use super::{Note, Sent};
use crate::diagnose::{Finding, FindingId, Severity};
use crate::encode::form_encode;
use std::collections::HashMap;

/// What a block asks the database to send.
#[derive(Default)]
pub(super) struct Read {
    pub sent: Vec<Sent>,
    pub notes: Vec<Note>,
    pub findings: Vec<Finding>,
}

pub(super) fn looks_like(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["apex_web_service", "oauth_authenticate", "make_rest_request"].iter().any(|w| lower.contains(w))
}

pub(super) fn read(text: &str) -> Read {
    let toks = tokens(text);
    let mut read = Read::default();
    let mut vars: HashMap<String, Val> = HashMap::new();
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut named: HashMap<u32, (String, String)> = HashMap::new();
    for stmt in toks.split(|(t, _)| *t == Tok::Sym(";")) {
        // A block's keywords before its first statement (`DECLARE`, `BEGIN`) are not part of it.
        let skip = stmt
            .iter()
            .take_while(|(t, _)| matches!(t, Tok::Ident(k) if matches!(k.as_str(), "declare" | "begin")))
            .count();
        let stmt = &stmt[skip..];
        let Some((_, line)) = stmt.first() else { continue };
        let line = *line;
        if let Some((n, field, value)) = header_assignment(stmt, &vars) {
            let slot = named.entry(n).or_default();
            if field == "name" {
                slot.0 = value.text;
            } else {
                slot.1 = if value.token { format!("{}<token>", value.text) } else { value.text };
            }
            headers = sorted(&named);
            continue;
        }
        if is_ident_seq(stmt, &["apex_web_service", ".", "g_request_headers", ".", "delete"]) {
            named.clear();
            headers.clear();
            continue;
        }
        if let Some((name, args)) = call(stmt) {
            let arg = |at: usize, name: &str| value_of(&args, at, name, &vars);
            match name.as_str() {
                "oauth_authenticate" | "oauth_authenticate_credential" => {
                    let credential = name == "oauth_authenticate_credential";
                    let url = arg(0, "p_token_url").unwrap_or_default();
                    let (id, secret) = if credential {
                        let static_id = arg(1, "p_credential_static_id").unwrap_or_default().text;
                        read.notes.push(Note::ignored(
                            line,
                            format!(
                                "Web credential {static_id}: its client id and \
                            secret are in the database; type them in Client ID and Client secret."
                            ),
                        ));
                        (None, None)
                    } else {
                        (arg(1, "p_client_id"), arg(2, "p_client_secret"))
                    };
                    let scope = arg(9, "p_scope").filter(|s| !s.text.is_empty());
                    let mut body = String::from("grant_type=client_credentials");
                    if let Some(scope) = &scope {
                        body.push_str(&format!("&scope={}", form_encode(&scope.text)));
                    }
                    note_unknown(&[&Some(url.clone()), &id, &secret], line, &mut read.notes);
                    if url.text != url.text.trim() {
                        read.findings.push(whitespace(line, &url.text));
                    }
                    if !headers.is_empty() {
                        read.findings.push(headers_not_sent(line, &headers));
                    }
                    read.sent.push(Sent {
                        line,
                        method: Some("POST".into()),
                        url: url.text.trim().to_owned(),
                        headers: headers.clone(),
                        user: id.map(|id| (id.text, secret.filter(|s| s.unknown.is_empty()).map(|s| s.text))),
                        body: Some(body),
                        by_database: true,
                        ..Sent::default()
                    });
                }
                "make_rest_request" | "make_rest_request_b" | "make_request" => {
                    let url = arg(0, "p_url").unwrap_or_default();
                    let method =
                        arg(1, "p_http_method").map_or_else(|| "GET".to_owned(), |m| m.text.to_ascii_uppercase());
                    let user = arg(2, "p_username").filter(|u| !u.text.is_empty());
                    let password = arg(3, "p_password");
                    if let Some(id) = arg(usize::MAX, "p_credential_static_id") {
                        read.notes.push(Note::ignored(
                            line,
                            format!(
                                "Web credential {}: its credentials are in the database; type them in the form.",
                                id.text
                            ),
                        ));
                    }
                    let mut sent = Sent {
                        line,
                        method: Some(method.clone()),
                        url: url.text.trim().to_owned(),
                        headers: headers.clone(),
                        ..Sent::default()
                    };
                    sent.user = user.map(|u| (u.text, password.map(|p| p.text)));
                    let names = list_of(&args, "p_parm_name", &vars);
                    let values = list_of(&args, "p_parm_value", &vars);
                    let parms: Vec<String> = names
                        .iter()
                        .zip(values.iter().chain(std::iter::repeat(&String::new())))
                        .map(|(n, v)| format!("{}={}", form_encode(n), form_encode(v)))
                        .collect();
                    sent.body = arg(7, "p_body").filter(|b| !b.text.is_empty()).map(|b| b.text);
                    if !parms.is_empty() {
                        if method == "GET" {
                            let sep = if sent.url.contains('?') { '&' } else { '?' };
                            sent.url = format!("{}{sep}{}", sent.url, parms.join("&"));
                        } else {
                            sent.body = Some(parms.join("&"));
                        }
                    }
                    note_unknown(&[&Some(url)], line, &mut read.notes);
                    read.sent.push(sent);
                }
                "oauth_get_last_token" | "oauth_set_token" => {}
                other => read.notes.push(Note::ignored(line, format!("{other}: not a request, left out."))),
            }
            continue;
        }
        if let Some((name, value)) = variable(stmt, &vars) {
            vars.insert(name, value);
        }
    }
    read
}

fn sorted(named: &HashMap<u32, (String, String)>) -> Vec<(String, String)> {
    let mut all: Vec<(&u32, &(String, String))> = named.iter().collect();
    all.sort_by_key(|(n, _)| **n);
    all.into_iter().map(|(_, h)| h.clone()).filter(|(n, _)| !n.is_empty()).collect()
}

fn is_ident_seq(stmt: Toks<'_>, words: &[&str]) -> bool {
    stmt.len() >= words.len()
        && stmt.iter().zip(words).all(|((t, _), w)| match t {
            Tok::Ident(i) => i == w,
            Tok::Sym(s) => s == w,
            _ => false,
        })
}

/// `apex_web_service.g_request_headers(n).name|value := expr`.
fn header_assignment(stmt: Toks<'_>, vars: &HashMap<String, Val>) -> Option<(u32, String, Val)> {
    if !is_ident_seq(stmt, &["apex_web_service", ".", "g_request_headers", "("]) {
        return None;
    }
    let Tok::Num(n) = &stmt.get(4)?.0 else { return None };
    let n: u32 = n.parse().ok().filter(|n| *n <= 1000)?;
    if stmt.get(5)?.0 != Tok::Sym(")") || stmt.get(6)?.0 != Tok::Sym(".") {
        return None;
    }
    let Tok::Ident(field) = &stmt.get(7)?.0 else { return None };
    if stmt.get(8)?.0 != Tok::Sym(":=") || !matches!(field.as_str(), "name" | "value") {
        return None;
    }
    Some((n, field.clone(), expr(&stmt[9..], vars)))
}

/// `[x :=] apex_web_service.<name>(args)`: the name and the tokens of each argument.
fn call(stmt: Toks<'_>) -> Option<(String, Vec<Toks<'_>>)> {
    let at =
        stmt.windows(3).position(|w| w[0].0 == Tok::Ident("apex_web_service".into()) && w[1].0 == Tok::Sym("."))?;
    let Tok::Ident(name) = &stmt.get(at + 2)?.0 else { return None };
    if name.starts_with("g_") {
        return None;
    }
    let rest = &stmt[at + 3..];
    let args = match rest.first() {
        Some((Tok::Sym("("), _)) => split_args(&rest[1..]),
        _ => Vec::new(),
    };
    Some((name.clone(), args))
}

/// The arguments up to the closing parenthesis, split at top-level commas.
fn split_args(toks: Toks<'_>) -> Vec<Toks<'_>> {
    let (mut depth, mut start, mut out) = (0usize, 0usize, Vec::new());
    for (i, (t, _)) in toks.iter().enumerate() {
        match t {
            Tok::Sym("(") => depth += 1,
            Tok::Sym(")") if depth == 0 => {
                out.push(&toks[start..i]);
                return out.into_iter().filter(|a| !a.is_empty()).collect();
            }
            Tok::Sym(")") => depth -= 1,
            Tok::Sym(",") if depth == 0 => {
                out.push(&toks[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&toks[start..]);
    out.into_iter().filter(|a| !a.is_empty()).collect()
}

/// The argument named `name`, or else the one at position `at` when arguments are positional.
fn value_of(args: &[Toks<'_>], at: usize, name: &str, vars: &HashMap<String, Val>) -> Option<Val> {
    for a in args {
        if let [(Tok::Ident(n), _), (Tok::Sym("=>"), _), rest @ ..] = a {
            if n == name {
                return Some(expr(rest, vars));
            }
        }
    }
    let positional = args.get(at)?;
    (!matches!(positional.get(1), Some((Tok::Sym("=>"), _)))).then(|| expr(positional, vars))
}

/// `p_parm_name => apex_util.string_to_table('a:b')` (or `apex_string.…`, or one literal).
fn list_of(args: &[Toks<'_>], name: &str, vars: &HashMap<String, Val>) -> Vec<String> {
    let Some(arg) = args.iter().find_map(|a| match a {
        [(Tok::Ident(n), _), (Tok::Sym("=>"), _), rest @ ..] if n == name => Some(rest),
        _ => None,
    }) else {
        return Vec::new();
    };
    let Some(open) = arg.iter().position(|(t, _)| *t == Tok::Sym("(")) else {
        return vec![expr(arg, vars).text];
    };
    let inner = split_args(&arg[open + 1..]);
    let text = inner.first().map(|a| expr(a, vars).text).unwrap_or_default();
    let sep = inner.get(1).map(|a| expr(a, vars).text).filter(|s| !s.is_empty()).unwrap_or_else(|| ":".into());
    text.split(sep.as_str()).map(str::to_owned).collect()
}

/// `name [type…] := expr` (a declaration or an assignment).
fn variable(stmt: Toks<'_>, vars: &HashMap<String, Val>) -> Option<(String, Val)> {
    let assign = stmt.iter().position(|(t, _)| *t == Tok::Sym(":="))?;
    match &stmt.first()?.0 {
        Tok::Ident(name) if name != "apex_web_service" => Some((name.clone(), expr(&stmt[assign + 1..], vars))),
        _ => None,
    }
}

fn note_unknown(vals: &[&Option<Val>], line: usize, notes: &mut Vec<Note>) {
    for name in vals.iter().filter_map(|v| v.as_ref()).flat_map(|v| v.unknown.iter()) {
        notes.push(Note::ignored(line, format!("{name}: not a literal of the block, left as written.")));
    }
}

fn whitespace(line: usize, url: &str) -> Finding {
    Finding::new(
        FindingId::Whitespace,
        Severity::Problem,
        "p_token_url has a space at an end: the database sends it in the URL, and the token endpoint answers 404 or \
            401.",
        format!("line {line}: '{url}'"),
    )
    .fix("Remove the space from the literal; the form holds the URL without it.")
}

fn headers_not_sent(line: usize, headers: &[(String, String)]) -> Finding {
    let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    Finding::new(
        FindingId::PastePlsqlHeaders,
        Severity::Problem,
        format!(
            "g_request_headers ({}) are set before OAUTH_AUTHENTICATE, which does not send them: they are for \
                MAKE_REST_REQUEST.",
            names.join(", ")
        ),
        format!("line {line}: apex_web_service.oauth_authenticate"),
    )
    .fix(
        "Request the token with MAKE_REST_REQUEST instead (Code, PL/SQL (APEX) writes it with these headers, which \
        the form now holds as token request headers).",
    )
}
