//! One masking function for every form a secret takes in text a server or a person hands back:
//! as typed, escaped inside a JSON string, form- or percent-encoded by any of the usual encoders
//! (browsers, `UTL_URL.ESCAPE`, Python, curl), and inside a Base64 blob such as the
//! `Authorization: Basic` value an echo server returns (base64 of `id:secret`, whatever the id).
//! A text cut short (a body cut for the helper, a 64 KB paste) also has a secret's beginning
//! masked where the cut fell inside it.

use crate::http::HttpRequest;
use std::cell::RefCell;
use std::rc::Rc;

/// Bytes that stay as they are, per encoder; every other byte is `%XX`.
const FORM: &[u8] = b"-._*"; // application/x-www-form-urlencoded (URLSearchParams, this page)
const COMPONENT: &[u8] = b"-_.!~*'()"; // encodeURIComponent
const RFC3986: &[u8] = b"-._~"; // RFC 3986 unreserved (Python's quote, UTL_URL.ESCAPE)
const URI: &[u8] = b";,/?:@&=+$-_.!~*'()#"; // encodeURI (a whole URL: reserved characters stay)

/// A cut text's last characters are masked when they begin a secret and are at least this long
/// (or the whole secret but one character).
const MIN_CUT_PREFIX: usize = 3;

fn percent(value: &str, keep: &[u8], space_as_plus: bool, lower: bool) -> String {
    let digits: &[u8; 16] = if lower { b"0123456789abcdef" } else { b"0123456789ABCDEF" };
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(byte as char),
            b' ' if space_as_plus => out.push('+'),
            _ if keep.contains(&byte) => out.push(byte as char),
            _ => {
                out.push('%');
                out.push(digits[usize::from(byte >> 4)] as char);
                out.push(digits[usize::from(byte & 15)] as char);
            }
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

/// Secrets and the needles made for them.
type Made = (Vec<String>, Rc<Vec<Needle>>);

thread_local! {
    /// The needles of the last secrets asked about: a view masks its body and each header with
    /// the same secrets, so their forms are written once.
    static LAST: RefCell<Option<Made>> = const { RefCell::new(None) };
}

fn needles(secrets: &[String]) -> Rc<Vec<Needle>> {
    if let Some(hit) = LAST.with_borrow(|last| last.as_ref().filter(|(s, _)| s == secrets).map(|(_, n)| n.clone())) {
        return hit;
    }
    let anchor_of =
        |s: &str| s.split(|c: char| !c.is_ascii_alphanumeric()).max_by_key(|run| run.len()).unwrap_or("").to_owned();
    let made: Vec<Needle> = secrets
        .iter()
        .filter(|s| !s.is_empty())
        .map(|secret| {
            let anchor = anchor_of(secret);
            let forms = forms_of(secret).into_iter().map(|f| (f.find(&anchor).unwrap_or(0), f)).map(|(at, f)| (f, at));
            let forms = forms.collect();
            Needle { anchor, forms }
        })
        .collect();
    let made = Rc::new(made);
    LAST.with_borrow_mut(|last| *last = Some((secrets.to_vec(), made.clone())));
    made
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

/// Where the text shows a secret, as sorted, merged byte ranges.
fn ranges(text: &str, secrets: &[String], cut: bool) -> Vec<(usize, usize)> {
    let needles = needles(secrets);
    if needles.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for needle in needles.iter() {
        find_forms(text, needle, false, &mut found);
    }
    let forms = all_forms(&needles);
    basic::base64_ranges(text, &forms, &mut found);
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
    for needle in needles.iter() {
        find_forms(text, needle, true, &mut found);
        if !found.is_empty() {
            return true;
        }
    }
    basic::base64_ranges(text, &all_forms(&needles), &mut found);
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
    // A pre-authenticated URL carries its token in the path.
    if let Ok(par) = crate::par::ParUrl::parse(&request.url) {
        out.push(par.token.secret().to_owned());
    }
    out.retain(|s| !s.is_empty());
    out
}

mod basic;
#[cfg(test)]
mod tests;
