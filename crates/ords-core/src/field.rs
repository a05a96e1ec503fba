//! Checks of what the person typed, each refusal named by the field it belongs to.

use crate::url::HttpUrl;

/// A form field, named by its visible label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    TokenUrl,
    ClientId,
    ClientSecret,
    ResourceUrl,
    Username,
    Password,
    ExtraParams,
    TokenPlacement,
    Method,
    Headers,
    Body,
    OwnToken,
    ParUrl,
}

impl Field {
    /// The visible label, as docs and tests refer to it.
    pub fn label(self) -> &'static str {
        match self {
            Self::TokenUrl => "Token URL",
            Self::ClientId => "Client ID",
            Self::ClientSecret => "Client secret",
            Self::ResourceUrl => "Resource URL",
            Self::Username => "Username",
            Self::Password => "Password",
            Self::ExtraParams => "Extra parameters",
            Self::TokenPlacement => "Token placement",
            Self::Method => "Method",
            Self::Headers => "Headers",
            Self::Body => "Body",
            Self::OwnToken => "Access token",
            Self::ParUrl => "Pre-authenticated URL",
        }
    }
}

/// An input refused before sending, with the sentence shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: Field, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// Checks a URL field; the parsed URL on success.
pub fn check_url(field: Field, value: &str) -> Result<HttpUrl, FieldError> {
    HttpUrl::parse(value).map_err(|e| FieldError::new(field, e.to_string()))
}

/// RFC 9110 token characters: what a header or parameter name may contain.
pub fn is_token(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Why a browser would refuse this text as a header value, if it would. Fetch takes header
/// values as byte strings: nothing above U+00FF, and no NUL, CR or LF.
pub fn header_value_problem(value: &str) -> Option<String> {
    let bad = value.chars().find(|c| matches!(c, '\0' | '\r' | '\n') || u32::from(*c) > 0xFF)?;
    Some(match bad {
        '\n' | '\r' => "contains a line break".to_owned(),
        '\0' => "contains a NUL character".to_owned(),
        other => format!("contains \"{other}\", which a header cannot carry (only Latin-1 text)"),
    })
}

/// True when the text contains a control character (other than tab), which no URL, id or
/// command line can carry as typed.
pub fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\t')
}

/// Reads extra headers typed one per line as `Name: value` (blank lines ignored).
pub fn parse_header_lines(text: &str) -> Result<Vec<(String, String)>, FieldError> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| match line.split_once(':') {
            Some((name, value)) if is_token(name.trim()) => {
                let value = value.trim();
                match header_value_problem(value) {
                    Some(why) => Err(FieldError::new(Field::Headers, format!("The value of {} {why}.", name.trim()))),
                    None => Ok((name.trim().to_owned(), value.to_owned())),
                }
            }
            _ => Err(FieldError::new(
                Field::Headers,
                format!("Write each header as Name: value (not \"{}\").", line.trim()),
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        let parsed = parse_header_lines("X-Trace: 1\n\n If-None-Match : \"abc\" \n").unwrap();
        assert_eq!(parsed, vec![("X-Trace".into(), "1".into()), ("If-None-Match".into(), "\"abc\"".into())]);
        assert_eq!(parse_header_lines("oops").unwrap_err().message, "Write each header as Name: value (not \"oops\").");
        assert_eq!(
            parse_header_lines("X-Name: 東京").unwrap_err().message,
            "The value of X-Name contains \"東\", which a header cannot carry (only Latin-1 text)."
        );
    }

    #[test]
    fn header_values_a_browser_refuses() {
        assert_eq!(header_value_problem("abc\ndef").as_deref(), Some("contains a line break"));
        assert_eq!(header_value_problem("a\0").as_deref(), Some("contains a NUL character"));
        assert_eq!(header_value_problem("Grüße"), None, "Latin-1 is fine");
        assert!(header_value_problem("🙂").is_some());
        assert!(has_control("a\u{7}") && !has_control("a\tb"));
    }
}
