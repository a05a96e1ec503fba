//! One masking function for every form a secret takes in text a server or a person hands back:
//! as typed, escaped inside a JSON string, form- or percent-encoded by any of the usual encoders
//! (browsers, `UTL_URL.ESCAPE`, Python, curl), and inside a Base64 blob such as the
//! `Authorization: Basic` value an echo server returns (base64 of `id:secret`, whatever the id).
//! A text cut short (a body cut for the helper, a 64 KB paste) also has a secret's beginning
//! masked where the cut fell inside it.

use crate::http::HttpRequest;
use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

/// Base64 as echo servers write it back: padded or not, any trailing bits.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Bytes that stay as they are, per encoder; every other byte is `%XX`.
const FORM: &[u8] = b"-._*"; // application/x-www-form-urlencoded (URLSearchParams, this page)
const COMPONENT: &[u8] = b"-_.!~*'()"; // encodeURIComponent
const RFC3986: &[u8] = b"-._~"; // RFC 3986 unreserved (Python's quote, UTL_URL.ESCAPE)
const URI: &[u8] = b";,/?:@&=+$-_.!~*'()#"; // encodeURI (a whole URL: reserved characters stay)

/// Base64 runs shorter than this are not decoded: `id:secret` is longer than 8 characters.
const MIN_BASE64: usize = 8;
/// A cut text's last characters are masked when they begin a secret and are at least this long
/// (or the whole secret but one character).
const MIN_CUT_PREFIX: usize = 3;

fn percent(value: &str, keep: &[u8], space_as_plus: bool, lower: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(byte as char),
            b' ' if space_as_plus => out.push('+'),
            _ if keep.contains(&byte) => out.push(byte as char),
            _ if lower => out.push_str(&format!("%{byte:02x}")),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Every form of one secret, without repeats.
fn forms_of(secret: &str) -> Vec<String> {
    let json = crate::quote::js(secret);
    let mut forms = vec![secret.to_owned(), json[1..json.len() - 1].to_owned()];
    for keep in [FORM, COMPONENT, RFC3986, URI] {
        for (plus, lower) in [(true, false), (false, false), (true, true), (false, true)] {
            forms.push(percent(secret, keep, plus, lower));
        }
    }
    let mut unique: Vec<String> = Vec::new();
    for form in forms {
        if !unique.contains(&form) {
            unique.push(form);
        }
    }
    unique
}

/// One secret's forms, found through the longest run of letters and digits they all share (no
/// encoder changes those): one scan of the text for each secret however many forms it has, so a
/// 10 MB body is searched about as fast as for the secret alone.
struct Needle {
    anchor: String,
    /// Each form, with where the anchor first stands in it.
    forms: Vec<(String, usize)>,
}

fn needles(secrets: &[String]) -> Vec<Needle> {
    let anchor_of =
        |s: &str| s.split(|c: char| !c.is_ascii_alphanumeric()).max_by_key(|run| run.len()).unwrap_or("").to_owned();
    secrets
        .iter()
        .filter(|s| !s.is_empty())
        .map(|secret| {
            let anchor = anchor_of(secret);
            let forms = forms_of(secret).into_iter().map(|f| (f.find(&anchor).unwrap_or(0), f)).map(|(at, f)| (f, at));
            let forms = forms.collect();
            Needle { anchor, forms }
        })
        .collect()
}

/// Where a needle's forms stand in the text; stops at the first when `first_only`.
fn find_forms(text: &str, needle: &Needle, first_only: bool, out: &mut Vec<(usize, usize)>) {
    if needle.anchor.is_empty() {
        for (form, _) in &needle.forms {
            out.extend(text.match_indices(form.as_str()).map(|(at, f)| (at, at + f.len())));
            if first_only && !out.is_empty() {
                return;
            }
        }
        return;
    }
    let bytes = text.as_bytes();
    for (hit, _) in text.match_indices(needle.anchor.as_str()) {
        for (form, offset) in &needle.forms {
            let Some(start) = hit.checked_sub(*offset) else { continue };
            // A form's first byte never continues a character: a match starts one.
            if bytes[start..].starts_with(form.as_bytes()) {
                out.push((start, start + form.len()));
                if first_only {
                    return;
                }
            }
        }
    }
}

/// Every form of every secret (matched inside decoded Base64 and at a cut text's end), longest
/// first, so a long form wins over its parts.
fn all_forms(needles: &[Needle]) -> Vec<&str> {
    let mut forms: Vec<&str> = needles.iter().flat_map(|n| n.forms.iter().map(|(f, _)| f.as_str())).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    forms.dedup();
    forms
}

fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

/// Where Base64 credentials begin: after `Basic` (any case) and a space (as typed, `+` or
/// `%20`), as an echoed `Authorization` header has them.
fn after_basic(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    for word in ["asic", "ASIC"] {
        for (at, _) in text.match_indices(word) {
            if at == 0 || !bytes[at - 1].eq_ignore_ascii_case(&b'b') {
                continue;
            }
            let mut next = at + word.len();
            let spaced = next;
            loop {
                match bytes.get(next..) {
                    Some([b' ' | b'+', ..]) => next += 1,
                    Some([b'%', b'2', b'0', ..]) => next += 3,
                    _ => break,
                }
            }
            if next > spaced {
                starts.push(next);
            }
        }
    }
    starts
}

/// Byte ranges of Base64 credentials (standard or URL-safe, padded or not) whose decoded text
/// holds a secret in any form.
fn base64_ranges(text: &str, forms: &[&str], out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    for start in after_basic(text) {
        let mut at = start;
        while at < bytes.len() && is_base64_byte(bytes[at]) {
            at += 1;
        }
        let mut end = at;
        while end < bytes.len() && end - at < 2 && bytes[end] == b'=' {
            end += 1;
        }
        if at - start < MIN_BASE64 {
            continue;
        }
        let run: String = text[start..at]
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        // The whole run, or its whole 4-character blocks when text follows it directly.
        let blocks = run.len() / 4 * 4;
        let holds = |candidate: &str| {
            LENIENT.decode(candidate).is_ok_and(|decoded| {
                let decoded = String::from_utf8_lossy(&decoded);
                forms.iter().any(|f| decoded.contains(f))
            })
        };
        if holds(&run) || (blocks != run.len() && holds(&run[..blocks])) {
            out.push((start, end));
        }
    }
}

/// Where the text shows a secret, as sorted, merged byte ranges.
fn ranges(text: &str, secrets: &[String], cut: bool) -> Vec<(usize, usize)> {
    let needles = needles(secrets);
    if needles.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for needle in &needles {
        find_forms(text, needle, false, &mut found);
    }
    let forms = all_forms(&needles);
    base64_ranges(text, &forms, &mut found);
    if cut {
        found.extend(cut_prefix(text, &forms));
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (start, end) in found {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The end of a cut text, when it is the beginning of a secret's form.
fn cut_prefix(text: &str, forms: &[&str]) -> Option<(usize, usize)> {
    forms.iter().find_map(|form| {
        let longest = form.len().saturating_sub(1).min(text.len());
        (1..=longest).rev().find_map(|n| {
            let start = text.len() - n;
            let enough = n >= MIN_CUT_PREFIX || n + 1 == form.len();
            let fits = text.is_char_boundary(start) && form.is_char_boundary(n);
            (enough && fits && form.as_bytes()[..n] == text.as_bytes()[start..]).then_some((start, text.len()))
        })
    })
}

fn masked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(start, end) in ranges {
        out.push_str(&text[at..start]);
        out.push_str(crate::MASK);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// True when any non-empty secret occurs in the text in any of its forms. A search that stops
/// at the first find: a 10 MB body is not masked to be compared.
pub fn contains_secret(text: &str, secrets: &[String]) -> bool {
    let needles = needles(secrets);
    let mut found = Vec::new();
    for needle in &needles {
        find_forms(text, needle, true, &mut found);
        if !found.is_empty() {
            return true;
        }
    }
    base64_ranges(text, &all_forms(&needles), &mut found);
    !found.is_empty()
}

/// The text with every form of each non-empty secret replaced by the mask, for display.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    masked(text, &ranges(text, secrets, false))
}

/// [`mask_secrets`] for a text that was cut short: a secret's beginning at the very end is
/// masked too, since the rest of it was cut away.
pub fn mask_cut_text(text: &str, secrets: &[String]) -> String {
    masked(text, &ranges(text, secrets, true))
}

/// Form fields and query parameters whose values are credentials.
const SECRET_FIELDS: [&str; 5] = ["client_secret", "password", "access_token", "client_assertion", "token"];

/// The credentials a request carried on the wire (the Basic password, the bearer token, the
/// client secret or password in a form body or query), so whatever the server echoes of them
/// is masked with the rest.
pub fn secrets_sent(request: &HttpRequest) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(value) = request.header("Authorization") {
        match crate::decode_basic(value) {
            Some((_, password)) => out.push(password),
            None => out.extend(value.trim().split_once(' ').map(|(_, v)| v.trim().to_owned())),
        }
    }
    let query = request.url.split_once('?').map(|(_, q)| q.split('#').next().unwrap_or(q));
    for fields in [query, Some(request.body.as_str())].into_iter().flatten() {
        for (name, value) in crate::parse_form(fields).unwrap_or_default() {
            if SECRET_FIELDS.contains(&name.to_ascii_lowercase().as_str()) {
                out.push(value);
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests;
