//! Wire encodings: HTTP Basic credentials (RFC 7617) and form bodies
//! (`application/x-www-form-urlencoded`, as RFC 6749 appendix B uses it).

use base64::{engine::general_purpose::STANDARD, Engine as _};

/// `Basic base64(utf8(user ":" password))`. Only the first `:` separates user from
/// password on the server side, so a password may contain `:`; a user name may not.
pub fn basic_authorization(user: &str, password: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
}

/// Decodes a `Basic` credential into (user, password), splitting at the first `:`.
pub fn decode_basic(header_value: &str) -> Option<(String, String)> {
    let (scheme, b64) = header_value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let bytes = STANDARD.decode(b64.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// Percent-encodes one form component: unreserved bytes stay, space becomes `+`.
pub fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Joins key/value pairs into a form body, encoding both sides.
pub fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v))).collect::<Vec<_>>().join("&")
}

/// Parses a form body into decoded pairs; `None` if a `%` escape or UTF-8 is invalid.
pub fn parse_form(body: &str) -> Option<Vec<(String, String)>> {
    body.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            Some((form_decode(k)?, form_decode(v)?))
        })
        .collect()
}

pub(crate) fn form_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut iter = text.bytes();
    while let Some(b) = iter.next() {
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hi = (iter.next()? as char).to_digit(16)?;
                let lo = (iter.next()? as char).to_digit(16)?;
                bytes.push((hi * 16 + lo) as u8);
            }
            _ => bytes.push(b),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_header_of_an_ords_client() {
        assert_eq!(
            basic_authorization("Te8yn-qGmBoX6jzpPhnUXA..", "s3cr3t.."),
            "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOnMzY3IzdC4u"
        );
    }

    #[test]
    fn basic_header_keeps_colons_and_utf8_in_the_password() {
        // "ana:pä:ss" -> UTF-8 bytes 61 6e 61 3a 70 c3 a4 3a 73 73
        assert_eq!(basic_authorization("ana", "pä:ss"), "Basic YW5hOnDDpDpzcw==");
        assert_eq!(decode_basic("Basic YW5hOnDDpDpzcw=="), Some(("ana".into(), "pä:ss".into())));
        assert_eq!(decode_basic("Bearer abc"), None);
        assert_eq!(decode_basic("Basic !!!"), None);
    }

    #[test]
    fn form_encoding_round_trips() {
        assert_eq!(form_encode("aaa/;& é"), "aaa%2F%3B%26+%C3%A9");
        assert_eq!(
            form_body(&[("grant_type", "client_credentials"), ("client_id", "Te8yn..")]),
            "grant_type=client_credentials&client_id=Te8yn.."
        );
        assert_eq!(
            parse_form("a=1&b=x+y%26z&c"),
            Some(vec![("a".into(), "1".into()), ("b".into(), "x y&z".into()), ("c".into(), String::new())])
        );
        assert_eq!(parse_form("a=%zz"), None);
    }
}
