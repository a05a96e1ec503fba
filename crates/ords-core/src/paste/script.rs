//! A `fetch(…)` (JavaScript) or `requests.…(…)` (Python) snippet: the calls, their URL,
//! method, headers, body and `auth=`, from literals, their `+` concatenation, variables given a
//! literal earlier, and the helpers Code writes (`formEncode`/`form_encode`, `base64`/`b64`,
//! `btoa`, `URLSearchParams`, `JSON.stringify`, `HTTPBasicAuth`). Anything else stays as
//! written and is said so.

use super::script_lex::{tokens, Tok};
use super::{Note, Sent};
use crate::encode::form_encode;
use base64::{engine::general_purpose::STANDARD, Engine as _};
use std::collections::HashMap;

/// A value of the snippet.
#[derive(Clone, Debug)]
enum V {
    /// Text; `unknown` names what is left as written (shown as `$name`).
    Text {
        text: String,
        unknown: Vec<String>,
    },
    /// An object or dict, or `URLSearchParams` of one.
    Obj(Vec<(String, V)>),
    /// `JSON.stringify(…)`, `json=`: its JSON text.
    Json(String),
    Tuple(Vec<V>),
}

impl V {
    fn text(text: impl Into<String>) -> Self {
        Self::Text { text: text.into(), unknown: Vec::new() }
    }

    fn as_text(&self) -> String {
        match self {
            Self::Text { text, .. } | Self::Json(text) => text.clone(),
            Self::Obj(pairs) => form(pairs),
            Self::Tuple(items) => items.iter().map(V::as_text).collect::<Vec<_>>().join(","),
        }
    }

    fn get(&self, key: &str) -> Option<&V> {
        match self {
            Self::Obj(pairs) => pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v),
            _ => None,
        }
    }

    fn unknown(&self) -> Vec<String> {
        match self {
            Self::Text { unknown, .. } => unknown.clone(),
            Self::Obj(pairs) => pairs.iter().flat_map(|(_, v)| v.unknown()).collect(),
            Self::Tuple(items) => items.iter().flat_map(V::unknown).collect(),
            Self::Json(_) => Vec::new(),
        }
    }
}

fn form(pairs: &[(String, V)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", form_encode(k), form_encode(&v.as_text()))).collect::<Vec<_>>().join("&")
}

fn json_of(v: &V) -> String {
    match v {
        V::Obj(pairs) => {
            let map: serde_json::Map<String, serde_json::Value> =
                pairs.iter().map(|(k, v)| (k.clone(), serde_json::Value::from(v.as_text()))).collect();
            serde_json::Value::Object(map).to_string()
        }
        other => other.as_text(),
    }
}

/// `fetch` or `requests` when the snippet calls either.
pub(super) fn looks_like(text: &str) -> Option<super::PasteKind> {
    if text.contains("fetch(") {
        Some(super::PasteKind::Fetch)
    } else if text.contains("requests.") {
        Some(super::PasteKind::Python)
    } else {
        None
    }
}

struct Reader {
    toks: Vec<(Tok, usize)>,
    vars: HashMap<String, V>,
}

pub(super) fn read(text: &str, notes: &mut Vec<Note>) -> Vec<Sent> {
    let mut r = Reader { toks: tokens(text), vars: HashMap::new() };
    let mut sent = Vec::new();
    let mut i = 0;
    while i < r.toks.len() {
        let line = r.toks[i].1;
        if r.ident(i, "fetch") && r.sym(i + 1, '(') {
            let (args, end) = r.args(i + 2);
            sent.push(fetch(&args, line, notes));
            i = end;
        } else if r.ident(i, "requests") && r.sym(i + 1, '.') && r.sym(i + 3, '(') {
            let method = match &r.toks[i + 2].0 {
                Tok::Ident(m) => m.to_ascii_uppercase(),
                _ => String::new(),
            };
            let (args, end) = r.args(i + 4);
            sent.push(requests(&method, &args, line, notes));
            i = end;
        } else if let (Tok::Ident(name), true, false) = (&r.toks[i].0, r.sym(i + 1, '='), r.sym(i + 2, '=')) {
            let after_dot = i > 0 && r.sym(i - 1, '.');
            let name = name.clone();
            let (value, end) = r.expr(i + 2);
            // A request's result is not text: the call itself is read next.
            if r.calls_out(i + 2, end) {
                i += 2;
                continue;
            }
            if !after_dot {
                r.vars.insert(name, value);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    sent
}

impl Reader {
    fn ident(&self, i: usize, name: &str) -> bool {
        matches!(self.toks.get(i), Some((Tok::Ident(n), _)) if n == name)
    }

    fn sym(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i), Some((Tok::Sym(s), _)) if *s == c)
    }

    /// True when tokens `from..to` hold a request call (its value is a response, not text).
    fn calls_out(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.toks.len())).any(|i| self.ident(i, "fetch") || self.ident(i, "requests"))
    }

    /// Arguments from `at` up to the closing parenthesis: `(keyword, value)`; where it ends.
    fn args(&self, mut at: usize) -> (Vec<(Option<String>, V)>, usize) {
        let mut out = Vec::new();
        while at < self.toks.len() && !self.sym(at, ')') {
            let keyword = match (&self.toks[at].0, self.sym(at + 1, '='), self.sym(at + 2, '=')) {
                (Tok::Ident(k), true, false) => Some(k.clone()),
                _ => None,
            };
            let (value, end) = self.expr(if keyword.is_some() { at + 2 } else { at });
            out.push((keyword, value));
            at = end;
            if self.sym(at, ',') {
                at += 1;
            } else if !self.sym(at, ')') {
                at += 1; // something not read: skip it rather than stall
            }
        }
        (out, at + 1)
    }

    /// An expression from `at`: terms joined by `+`; where it ends.
    fn expr(&self, at: usize) -> (V, usize) {
        let (mut value, mut at) = self.term(at);
        while self.sym(at, '+') {
            let (next, end) = self.term(at + 1);
            let (V::Text { text, unknown }, V::Text { text: t2, unknown: u2 }) = (&mut value, next.clone()) else {
                value = V::text(value.as_text() + &next.as_text());
                at = end;
                continue;
            };
            text.push_str(&t2);
            unknown.extend(u2);
            at = end;
        }
        (value, at)
    }

    fn term(&self, at: usize) -> (V, usize) {
        let Some((tok, _)) = self.toks.get(at) else { return (V::text(""), at) };
        let (value, mut end) = match tok {
            Tok::Str(s) | Tok::Num(s) => (V::text(s.clone()), at + 1),
            Tok::Sym('{') => self.object(at + 1),
            Tok::Sym('(') => {
                let (items, end) = self.args(at + 1);
                let mut values: Vec<V> = items.into_iter().map(|(_, v)| v).collect();
                (if values.len() == 1 { values.remove(0) } else { V::Tuple(values) }, end)
            }
            Tok::Ident(word) if word == "new" => self.term(at + 1),
            Tok::Ident(word) => self.name(word, at),
            Tok::Sym(_) => (V::text(""), at + 1),
        };
        // A subscript (`os.environ["SECRET"]`) is not read: what it gives stays unknown.
        while self.sym(end, '[') {
            let mut depth = 0usize;
            while let Some((t, _)) = self.toks.get(end) {
                end += 1;
                match t {
                    Tok::Sym('[') => depth += 1,
                    Tok::Sym(']') if depth <= 1 => break,
                    Tok::Sym(']') => depth -= 1,
                    _ => {}
                }
            }
        }
        // `.encode("utf-8")`, `.toString()` and the like change nothing read here.
        while self.sym(end, '.') && matches!(self.toks.get(end + 1), Some((Tok::Ident(_), _))) && self.sym(end + 2, '(')
        {
            end = self.args(end + 3).1;
        }
        (value, end)
    }

    /// A name: a helper called, a variable, or something left as written.
    fn name(&self, word: &str, at: usize) -> (V, usize) {
        // A dotted name (`urllib.parse.quote_plus`, `JSON.stringify`) is read by its last part.
        let mut last = at;
        while self.sym(last + 1, '.') && matches!(self.toks.get(last + 2), Some((Tok::Ident(_), _))) {
            last += 2;
        }
        let name = match &self.toks[last].0 {
            Tok::Ident(n) => n.clone(),
            _ => word.to_owned(),
        };
        if self.sym(last + 1, '(') {
            let (args, end) = self.args(last + 2);
            let first = args.into_iter().map(|(_, v)| v).collect::<Vec<_>>();
            let arg = first.first().cloned().unwrap_or_else(|| V::text(""));
            let known = arg.unknown().is_empty();
            let value = match name.as_str() {
                "URLSearchParams" | "dict" => arg,
                "stringify" | "dumps" => V::Json(json_of(&arg)),
                "HTTPBasicAuth" => V::Tuple(first),
                "formEncode" | "form_encode" | "encodeURIComponent" | "quote_plus" | "quote" if known => {
                    V::text(form_encode(&arg.as_text()))
                }
                "base64" | "b64" | "btoa" | "b64encode" if known => V::text(STANDARD.encode(arg.as_text())),
                // What is not known cannot be encoded: it stays a name, never a wrong value.
                _ if !known => V::Text { text: format!("${name}"), unknown: arg.unknown() },
                _ => V::Text { text: format!("${name}"), unknown: vec![format!("{name}(…)")] },
            };
            return (value, end);
        }
        let written: Vec<String> = (at..=last)
            .step_by(2)
            .filter_map(|i| match &self.toks[i].0 {
                Tok::Ident(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        let written = written.join(".");
        match self.vars.get(&written) {
            Some(v) => (v.clone(), last + 1),
            None if matches!(written.as_str(), "None" | "null" | "undefined") => (V::text(""), last + 1),
            None => (V::Text { text: format!("${written}"), unknown: vec![written] }, last + 1),
        }
    }

    /// `{ key: value, … }` from after the brace; where it ends.
    fn object(&self, mut at: usize) -> (V, usize) {
        let mut pairs = Vec::new();
        while at < self.toks.len() && !self.sym(at, '}') {
            let key = match &self.toks[at].0 {
                Tok::Str(k) | Tok::Ident(k) | Tok::Num(k) => k.clone(),
                Tok::Sym(_) => {
                    at += 1;
                    continue;
                }
            };
            if !self.sym(at + 1, ':') {
                // `{ body }` shorthand: the variable of that name.
                pairs.push((key.clone(), self.vars.get(&key).cloned().unwrap_or_else(|| V::text(""))));
                at += 1;
            } else {
                let (value, end) = self.expr(at + 2);
                pairs.push((key, value));
                at = end;
            }
            if self.sym(at, ',') {
                at += 1;
            }
        }
        (V::Obj(pairs), at + 1)
    }
}

fn headers_of(v: Option<&V>) -> Vec<(String, String)> {
    match v {
        Some(V::Obj(pairs)) => pairs.iter().map(|(k, v)| (k.clone(), v.as_text())).collect(),
        _ => Vec::new(),
    }
}

fn say_unknown(v: &V, what: &str, line: usize, notes: &mut Vec<Note>) {
    for name in v.unknown() {
        notes.push(Note::ignored(line, format!("{name} in {what}: not a literal of the snippet, left as written.")));
    }
}

/// Every name the call's arguments use but the snippet does not set.
fn unknown_of(args: &[(Option<String>, V)]) -> Vec<String> {
    args.iter().flat_map(|(_, v)| v.unknown()).collect()
}

fn fetch(args: &[(Option<String>, V)], line: usize, notes: &mut Vec<Note>) -> Sent {
    let url = args.first().map(|(_, v)| v.clone()).unwrap_or_else(|| V::text(""));
    say_unknown(&url, "the URL", line, notes);
    let options = args.get(1).map(|(_, v)| v.clone()).unwrap_or(V::Obj(Vec::new()));
    let headers = headers_of(options.get("headers"));
    let body = options.get("body");
    let json = matches!(body, Some(V::Json(_)));
    Sent {
        line,
        method: options.get("method").map(|m| m.as_text().to_ascii_uppercase()),
        url: url.as_text(),
        headers,
        body: body.map(V::as_text),
        json,
        unknown: unknown_of(args),
        ..Sent::default()
    }
}

fn requests(method: &str, args: &[(Option<String>, V)], line: usize, notes: &mut Vec<Note>) -> Sent {
    let positional: Vec<&V> = args.iter().filter(|(k, _)| k.is_none()).map(|(_, v)| v).collect();
    let keyword = |name: &str| args.iter().find(|(k, _)| k.as_deref() == Some(name)).map(|(_, v)| v);
    let (method, url) = if method == "REQUEST" {
        (positional.first().map(|m| m.as_text().to_ascii_uppercase()), positional.get(1).copied().or(keyword("url")))
    } else {
        (Some(method.to_owned()), positional.first().copied().or(keyword("url")))
    };
    let url_text = url.map(V::as_text).unwrap_or_default();
    if let Some(u) = url {
        say_unknown(u, "the URL", line, notes);
    }
    let headers = headers_of(keyword("headers"));
    let mut sent = Sent { line, method, url: url_text, headers, unknown: unknown_of(args), ..Sent::default() };
    if let Some(V::Obj(params)) = keyword("params") {
        let sep = if sent.url.contains('?') { '&' } else { '?' };
        sent.url = format!("{}{sep}{}", sent.url, form(params));
    }
    match (keyword("data"), keyword("json")) {
        (Some(data), _) if !matches!(data, V::Text { text, .. } if text.is_empty()) => sent.body = Some(data.as_text()),
        (_, Some(json)) => {
            sent.body = Some(json_of(json));
            sent.json = true;
        }
        _ => {}
    }
    if let Some(V::Tuple(pair)) = keyword("auth") {
        let text = |i: usize| pair.get(i).map(V::as_text);
        sent.user = text(0).map(|user| (user, text(1)));
    }
    sent
}
