//! The value of a PL/SQL expression in a pasted block: string literals joined by `||`,
//! variables given a value in the block, and the few functions a hand-made token request uses
//! (`UTL_URL.ESCAPE`, Base64 through `UTL_ENCODE`/`UTL_RAW`/`UTL_I18N`, `REPLACE`, `CHR`, `UPPER`,
//! `LOWER`, `TRIM`). The token read back (`OAUTH_GET_LAST_TOKEN`, `APEX_JSON.GET_VARCHAR2(
//! 'access_token')`) is marked; any other call or name stays as written, named in `unknown`.

use super::plsql_lex::Tok;
use base64::{engine::general_purpose::STANDARD, Engine as _};
use std::collections::HashMap;

/// A value: its text, the names it uses that the block does not set, and whether it holds the
/// token of the block's token request.
#[derive(Clone, Debug, Default)]
pub(super) struct Val {
    pub text: String,
    pub unknown: Vec<String>,
    pub token: bool,
}

pub(super) type Toks<'a> = &'a [(Tok, usize)];

/// Calls nest at most this deep (a paste is not a program).
const MAX_DEPTH: usize = 32;

pub(super) fn expr(toks: Toks<'_>, vars: &HashMap<String, Val>) -> Val {
    let mut p = Parser { toks, at: 0, vars };
    let mut val = p.concat(0);
    // Tokens the grammar does not take (a stray operator) are skipped; what follows still joins.
    while p.at < toks.len() {
        p.at += 1;
        let more = p.concat(0);
        join(&mut val, more);
    }
    val
}

struct Parser<'a, 'v> {
    toks: Toks<'a>,
    at: usize,
    vars: &'v HashMap<String, Val>,
}

fn join(into: &mut Val, part: Val) {
    into.text.push_str(&part.text);
    into.unknown.extend(part.unknown);
    into.token |= part.token;
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|(t, _)| t)
    }

    /// `term ('||' term)*`
    fn concat(&mut self, depth: usize) -> Val {
        let mut val = self.term(depth);
        while self.peek() == Some(&Tok::Sym("||")) {
            self.at += 1;
            let next = self.term(depth);
            join(&mut val, next);
        }
        val
    }

    fn term(&mut self, depth: usize) -> Val {
        let Some(tok) = self.peek().cloned() else { return Val::default() };
        self.at += 1;
        match tok {
            Tok::Str(s) | Tok::Num(s) => Val { text: s, ..Val::default() },
            Tok::Sym("(") if depth < MAX_DEPTH => {
                let inner = self.concat(depth + 1);
                if self.peek() == Some(&Tok::Sym(")")) {
                    self.at += 1;
                }
                inner
            }
            Tok::Ident(first) => {
                let mut name = first;
                while let (Some(Tok::Sym(".")), Some((Tok::Ident(next), _))) = (self.peek(), self.toks.get(self.at + 1))
                {
                    name = format!("{name}.{next}");
                    self.at += 2;
                }
                if self.peek() == Some(&Tok::Sym("(")) && depth < MAX_DEPTH {
                    self.at += 1;
                    let args = self.args(depth + 1);
                    return apply(&name, args);
                }
                if name == "apex_web_service.oauth_get_last_token" {
                    return Val { token: true, ..Val::default() };
                }
                self.vars.get(&name).cloned().unwrap_or_else(|| Val { unknown: vec![name], ..Val::default() })
            }
            _ => Val::default(),
        }
    }

    /// Arguments up to the closing parenthesis (named ones by their value).
    fn args(&mut self, depth: usize) -> Vec<Val> {
        let mut out = Vec::new();
        loop {
            if let (Some(Tok::Ident(_)), Some((Tok::Sym("=>"), _))) = (self.peek(), self.toks.get(self.at + 1)) {
                self.at += 2;
            }
            out.push(self.concat(depth));
            match self.peek() {
                Some(Tok::Sym(",")) => self.at += 1,
                Some(Tok::Sym(")")) => {
                    self.at += 1;
                    return out;
                }
                None => return out,
                // Anything else in an argument (an operator the grammar lacks) ends the call.
                Some(_) => {
                    while !matches!(self.peek(), None | Some(Tok::Sym(")"))) {
                        self.at += 1;
                    }
                    self.at = (self.at + 1).min(self.toks.len());
                    return out;
                }
            }
        }
    }
}

/// A function of the block, by what the database would compute; unknown ones stay as written.
fn apply(name: &str, mut args: Vec<Val>) -> Val {
    let first = if args.is_empty() { Val::default() } else { args.remove(0) };
    let text = |f: fn(&str) -> String, v: Val| Val { text: f(&v.text), ..v };
    match name {
        "utl_url.escape" => text(escape, first),
        "utl_encode.base64_encode" => text(|t| STANDARD.encode(t), first),
        "utl_i18n.string_to_raw" | "utl_raw.cast_to_varchar2" | "utl_raw.cast_to_raw" | "to_char" => first,
        "upper" => text(str::to_uppercase, first),
        "lower" => text(str::to_lowercase, first),
        "trim" => text(|t| t.trim().to_owned(), first),
        "chr" => Val {
            text: first.text.trim().parse::<u32>().ok().and_then(char::from_u32).map(String::from).unwrap_or_default(),
            ..first
        },
        "replace" => {
            let from = args.first().map(|a| a.text.clone()).unwrap_or_default();
            let to = args.get(1).map(|a| a.text.clone()).unwrap_or_default();
            let mut out = first;
            if !from.is_empty() {
                out.text = out.text.replace(&from, &to);
            }
            out
        }
        "apex_json.get_varchar2" if first.text.eq_ignore_ascii_case("access_token") => {
            Val { token: true, ..Val::default() }
        }
        "apex_web_service.oauth_get_last_token" => Val { token: true, ..Val::default() },
        other => Val { unknown: vec![format!("{other}(…)")], ..Val::default() },
    }
}

/// `UTL_URL.ESCAPE(text, TRUE)`: every byte but the unreserved ones percent-encoded.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'!' | b'*' | b'\'' | b'(' | b')' => {
                out.push(byte as char);
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paste::plsql_lex::tokens;

    fn eval(text: &str) -> Val {
        expr(&tokens(text), &HashMap::new())
    }

    #[test]
    fn the_hand_made_basic_header_is_computed() {
        let v = eval(
            "'Basic ' || replace(replace(utl_raw.cast_to_varchar2(utl_encode.base64_encode(\
             utl_i18n.string_to_raw('id..' || ':' || 'a b', 'AL32UTF8'))), CHR(13)), CHR(10))",
        );
        assert_eq!(v.text, "Basic aWQuLjphIGI=");
        assert!(v.unknown.is_empty());
        let v = eval("'x=' || utl_url.escape('a b&c''d', TRUE, 'AL32UTF8')");
        assert_eq!(v.text, "x=a%20b%26c'd");
    }

    #[test]
    fn unknown_calls_and_names_stay_as_written_and_the_token_is_marked() {
        let v = eval("'Bearer ' || get_token(p_id => 'a') || l_x");
        assert_eq!((v.text.as_str(), v.unknown.clone()), ("Bearer ", vec!["get_token(…)".into(), "l_x".into()]));
        assert!(eval("apex_json.get_varchar2(p_path => 'access_token')").token);
        assert!(eval("apex_web_service.oauth_get_last_token").token);
        let deep = format!("{}'x'{}", "upper(".repeat(10_000), ")".repeat(10_000));
        assert!(eval(&deep).text.len() <= 1);
    }
}
