//! The finer knobs of both flows: extra token parameters, where the token goes, and the
//! protected call itself (method, headers, JSON body).

use crate::settings::{check_url, Field, FieldError};

/// Where an extra token-request parameter is sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParamPlace {
    #[default]
    Body,
    Query,
    Header,
}

impl ParamPlace {
    pub fn label(self) -> &'static str {
        match self {
            Self::Body => "Body",
            Self::Query => "Query string",
            Self::Header => "Header",
        }
    }
}

/// An extra parameter of the token request (`audience`, `resource`, anything a server needs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraParam {
    pub name: String,
    pub value: String,
    pub place: ParamPlace,
}

/// How the access token is attached to the protected call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenPlacement {
    /// `<name>: <prefix> <token>` (ORDS: `Authorization: Bearer …`; an empty prefix sends the token alone).
    Header { name: String, prefix: String },
    /// `?<name>=<token>` (some gateways; ORDS does not read it).
    Query { name: String },
}

impl Default for TokenPlacement {
    fn default() -> Self {
        Self::Header { name: "Authorization".into(), prefix: "Bearer".into() }
    }
}

/// The protected call: method, URL, extra headers and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceCall {
    pub url: String,
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl ResourceCall {
    /// `GET <url>` with nothing else.
    pub fn get(url: &str) -> Self {
        Self { url: url.to_owned(), method: "GET".into(), headers: Vec::new(), body: String::new() }
    }

    /// True when the body will be sent as JSON (no explicit Content-Type, or a JSON one).
    pub fn body_is_json(&self) -> bool {
        let content_type = self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-type"));
        content_type.is_none_or(|(_, v)| v.to_ascii_lowercase().contains("json"))
    }

    /// Every problem that would make the call pointless, named by field.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out: Vec<FieldError> = check_url(Field::ResourceUrl, &self.url).err().into_iter().collect();
        if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&self.method.as_str()) {
            out.push(FieldError::new(
                Field::Method,
                format!("{} is not one of GET, POST, PUT, PATCH, DELETE.", self.method),
            ));
        }
        if let Some(bad) = self.headers.iter().map(|(k, _)| k).find(|k| !is_token(k)) {
            out.push(FieldError::new(Field::Headers, format!("\"{bad}\" is not a valid header name.")));
        }
        if !self.body.trim().is_empty() && self.body_is_json() {
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&self.body) {
                out.push(FieldError::new(Field::Body, format!("The body is not valid JSON: {e}.")));
            }
        }
        out
    }
}

/// RFC 9110 token characters: what a header or parameter name may contain.
pub fn is_token(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Problems of the extra token-request parameters.
pub fn extra_param_problems(extra: &[ExtraParam]) -> Vec<FieldError> {
    let mut out = Vec::new();
    for p in extra {
        if p.name.is_empty() {
            out.push(FieldError::new(Field::ExtraParams, "Every extra parameter needs a name."));
        } else if p.place == ParamPlace::Header && !is_token(&p.name) {
            out.push(FieldError::new(Field::ExtraParams, format!("\"{}\" is not a valid header name.", p.name)));
        }
    }
    out
}

impl TokenPlacement {
    /// A placement with an unusable name.
    pub fn problems(&self) -> Vec<FieldError> {
        let (Self::Header { name, .. } | Self::Query { name }) = self;
        if is_token(name) {
            Vec::new()
        } else {
            vec![FieldError::new(Field::TokenPlacement, "Enter a valid header or parameter name for the token.")]
        }
    }
}

/// Appends form-encoded pairs to a URL's query string (before any fragment).
pub fn with_query(url: &str, pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return url.to_owned();
    }
    let (base, fragment) = url.split_once('#').map(|(b, f)| (b, Some(f))).unwrap_or((url, None));
    let separator = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{separator}{}", crate::encode::form_body(pairs));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_pairs_are_appended_and_encoded() {
        assert_eq!(with_query("https://h/t", &[("audience", "a b")]), "https://h/t?audience=a+b");
        assert_eq!(with_query("https://h/t?x=1#f", &[("r", "é")]), "https://h/t?x=1&r=%C3%A9#f");
        assert_eq!(with_query("https://h/t", &[]), "https://h/t");
    }

    #[test]
    fn resource_call_checks_method_headers_and_json_body() {
        let mut call = ResourceCall::get("https://h/ords/a/hr/notes/");
        assert!(call.problems().is_empty());
        call.method = "POST".into();
        call.body = "{\"text\": ".into();
        assert_eq!(call.problems()[0].field, Field::Body);
        call.headers.push(("Content-Type".into(), "text/plain".into()));
        assert!(call.problems().is_empty(), "a non-JSON content type is not validated as JSON");
        call.headers.push(("Bad Header".into(), "x".into()));
        assert_eq!(call.problems()[0].message, "\"Bad Header\" is not a valid header name.");
        call.method = "TRACE".into();
        assert_eq!(call.problems()[0].field, Field::Method);
    }

    #[test]
    fn extras_need_names_and_placement_a_valid_name() {
        let extra = [ExtraParam { name: String::new(), value: "x".into(), place: ParamPlace::Body }];
        assert_eq!(extra_param_problems(&extra)[0].field, Field::ExtraParams);
        let query = TokenPlacement::Query { name: "access token".into() };
        assert_eq!(query.problems()[0].field, Field::TokenPlacement);
        assert!(TokenPlacement::default().problems().is_empty());
    }
}

/// Reads extra headers typed one per line as `Name: value` (blank lines ignored).
pub fn parse_header_lines(text: &str) -> Result<Vec<(String, String)>, FieldError> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| match line.split_once(':') {
            Some((name, value)) if is_token(name.trim()) => Ok((name.trim().to_owned(), value.trim().to_owned())),
            _ => Err(FieldError::new(
                Field::Headers,
                format!("Write each header as Name: value (not \"{}\").", line.trim()),
            )),
        })
        .collect()
}

#[cfg(test)]
mod header_line_tests {
    use super::*;

    #[test]
    fn header_lines() {
        let parsed = parse_header_lines("X-Trace: 1\n\n If-None-Match : \"abc\" \n").unwrap();
        assert_eq!(parsed, vec![("X-Trace".into(), "1".into()), ("If-None-Match".into(), "\"abc\"".into())]);
        assert_eq!(parse_header_lines("oops").unwrap_err().message, "Write each header as Name: value (not \"oops\").");
    }
}
