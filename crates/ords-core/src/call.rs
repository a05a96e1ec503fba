//! The protected call: method, URL, extra headers and a JSON body.

use crate::field::{check_url, Field, FieldError};

/// The methods the protected call can use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    #[default]
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const ALL: [Self; 5] = [Self::Get, Self::Post, Self::Put, Self::Patch, Self::Delete];

    /// The method as sent on the wire, also its visible label and its settings key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Its settings key (`Closed`): the method as sent.
    pub fn key(self) -> &'static str {
        self.as_str()
    }

    /// The method named (upper or lower case), if it is one of ours.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str().eq_ignore_ascii_case(text))
    }

    /// True for the methods a browser sends without a preflight when nothing else forces one.
    pub fn is_cors_safelisted(self) -> bool {
        matches!(self, Self::Get | Self::Post)
    }
}

/// The protected call: method, URL, extra headers and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceCall {
    pub url: String,
    pub method: Method,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl ResourceCall {
    /// `GET <url>` with nothing else.
    pub fn get(url: &str) -> Self {
        Self { url: url.to_owned(), method: Method::Get, headers: Vec::new(), body: String::new() }
    }

    /// True when the body will be sent as JSON (no explicit Content-Type, or a JSON one).
    pub fn body_is_json(&self) -> bool {
        let content_type = self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-type"));
        content_type.is_none_or(|(_, v)| v.to_ascii_lowercase().contains("json"))
    }

    /// Every problem that would make the call pointless, named by field.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out: Vec<FieldError> = check_url(Field::ResourceUrl, &self.url).err().into_iter().collect();
        if let Some(bad) = self.headers.iter().map(|(k, _)| k).find(|k| !crate::field::is_token(k)) {
            out.push(FieldError::new(Field::Headers, format!("\"{bad}\" is not a valid header name.")));
        }
        if let Some((name, why)) =
            self.headers.iter().find_map(|(k, v)| crate::field::header_value_problem(v).map(|why| (k, why)))
        {
            out.push(FieldError::new(Field::Headers, format!("The value of {name} {why}.")));
        }
        if self.body.contains('\0') {
            out.push(FieldError::new(Field::Body, "The body contains a NUL character, which cannot be sent."));
        } else if !self.body.trim().is_empty() && self.body_is_json() {
            if let Err(e) = body_lines::check_json(&self.body) {
                out.push(FieldError::new(Field::Body, format!("The body is not valid JSON: {e}.")));
            }
        }
        out
    }
}

crate::closed::closed!(Method);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_call_checks_headers_and_json_body() {
        let mut call = ResourceCall::get("https://h/ords/a/hr/notes/");
        assert!(call.problems().is_empty());
        call.method = Method::Post;
        call.body = "{\"text\": ".into();
        assert_eq!(call.problems()[0].field, Field::Body);
        call.headers.push(("Content-Type".into(), "text/plain".into()));
        assert!(call.problems().is_empty(), "a non-JSON content type is not validated as JSON");
        call.headers.push(("Bad Header".into(), "x".into()));
        assert_eq!(call.problems()[0].message, "\"Bad Header\" is not a valid header name.");
        call.headers = vec![("X-A".into(), "a\nb".into())];
        assert_eq!(call.problems()[0].message, "The value of X-A contains a line break.");
    }

    #[test]
    fn methods_know_their_names() {
        assert_eq!(Method::parse("delete"), Some(Method::Delete));
        assert_eq!(Method::parse("TRACE"), None);
        assert_eq!(Method::ALL.map(Method::as_str), ["GET", "POST", "PUT", "PATCH", "DELETE"]);
    }
}
