//! A curl command, read as curl reads its options: the request it sends, and a note for each
//! option (taken, or why it has no meaning in a browser).

use super::shell::{Command, Word};
use super::{Note, Sent};
use crate::encode::form_encode;

/// Options that take a value (short letter, long name), and what the page makes of them.
const WITH_VALUE: [(char, &str); 12] = [
    ('X', "request"),
    ('H', "header"),
    ('d', "data"),
    ('u', "user"),
    ('F', "form"),
    ('o', "output"),
    ('A', "user-agent"),
    ('e', "referer"),
    ('b', "cookie"),
    ('m', "max-time"),
    ('x', "proxy"),
    ('w', "write-out"),
];

/// Long options with a value that have no short form.
const LONG_WITH_VALUE: [&str; 11] = [
    "data-raw",
    "data-binary",
    "data-ascii",
    "data-urlencode",
    "url",
    "json",
    "oauth2-bearer",
    "connect-timeout",
    "cacert",
    "retry",
    "resolve",
];

/// Why a switch changes nothing here.
fn switch_note(name: &str) -> Option<&'static str> {
    Some(match name {
        "i" | "include" => "the page shows the response headers anyway",
        "s" | "silent" | "S" | "show-error" | "v" | "verbose" | "f" | "fail" | "fail-with-body" => {
            "how curl reports, no meaning here"
        }
        "k" | "insecure" => "the browser always checks certificates; this cannot be turned off from a page",
        "L" | "location" => "the page never follows a redirect with credentials: it shows where the redirect leads",
        "compressed" => "the browser asks for compression itself",
        "g" | "globoff" => "the page sends the URL as typed",
        "basic" => "Basic is what --user sends anyway",
        "G" | "get" => "taken: the data goes in the query string",
        _ => return None,
    })
}

/// The request a curl command sends, or None when `cmd` is not curl.
pub(crate) fn read(cmd: &Command, notes: &mut Vec<Note>) -> Option<Sent> {
    let program = cmd.words.first()?.text.rsplit(['/', '\\']).next()?.to_ascii_lowercase();
    if program != "curl" && program != "curl.exe" {
        return None;
    }
    let line = cmd.line;
    let unknown = cmd.words.iter().flat_map(|w| w.unknown.iter().cloned()).collect();
    let mut sent = Sent { line, unknown, ..Sent::default() };
    let mut data: Vec<String> = Vec::new();
    let mut get = false;
    let mut args = cmd.words[1..].iter();
    while let Some(word) = args.next() {
        let text = word.text.as_str();
        let Some((name, inline)) = option(text) else {
            if sent.url.is_empty() {
                sent.url = text.to_owned();
                left_as_written(word, "the URL", line, notes);
            } else {
                notes.push(Note::ignored(line, format!("A second URL ({text}): only the first is taken.")));
            }
            continue;
        };
        // Short switches may be bunched (`-sSi`, `-sXPOST`): the first with a value takes the rest.
        let mut names = vec![name.clone()];
        let mut value = inline;
        if !text.starts_with("--") && value.is_none() && name.chars().count() > 1 {
            names.clear();
            for (at, c) in name.char_indices() {
                names.push(c.to_string());
                if takes_value(&c.to_string()) {
                    let rest = &name[at + c.len_utf8()..];
                    value = (!rest.is_empty()).then(|| rest.to_owned());
                    break;
                }
            }
        }
        let last = names.pop().unwrap_or_default();
        for switch in names {
            note_switch(&switch, line, notes, &mut get);
        }
        if !takes_value(&last) {
            note_switch(&last, line, notes, &mut get);
            continue;
        }
        let value_word = match value {
            Some(v) => Word { text: v, ..word.clone() },
            None => match args.next() {
                Some(w) => w.clone(),
                None => {
                    notes.push(Note::ignored(line, format!("{} with no value after it.", dashes(&last))));
                    continue;
                }
            },
        };
        take(&last, &value_word, &mut sent, &mut data, line, notes);
    }
    if !data.is_empty() {
        let joined = data.join("&");
        if get {
            let sep = if sent.url.contains('?') { '&' } else { '?' };
            sent.url = format!("{}{sep}{joined}", sent.url);
        } else {
            sent.body = Some(joined);
        }
    }
    if !sent.url.is_empty() && !sent.url.contains("://") {
        notes.push(Note::taken(line, format!("{}: no scheme; curl takes http://, and so does the page.", sent.url)));
        sent.url = format!("http://{}", sent.url);
    }
    if get && sent.method.is_none() {
        sent.method = Some("GET".into());
    }
    Some(sent)
}

/// `(name, inline value)` of an option word, without its dashes; None for a plain argument.
fn option(text: &str) -> Option<(String, Option<String>)> {
    if let Some(long) = text.strip_prefix("--") {
        if long.is_empty() {
            return None;
        }
        return Some(match long.split_once('=') {
            Some((name, value)) if takes_value(name) => (name.to_owned(), Some(value.to_owned())),
            _ => (long.to_owned(), None),
        });
    }
    let short = text.strip_prefix('-').filter(|s| !s.is_empty())?;
    Some((short.to_owned(), None))
}

fn takes_value(name: &str) -> bool {
    WITH_VALUE.iter().any(|(c, long)| name == *long || name.len() == c.len_utf8() && name.starts_with(*c))
        || LONG_WITH_VALUE.contains(&name)
}

/// The long name of a short option (`X` → `request`).
fn long_name(name: &str) -> &str {
    WITH_VALUE.iter().find(|(c, _)| name.len() == 1 && name.starts_with(*c)).map_or(name, |(_, long)| long)
}

fn dashes(name: &str) -> String {
    if name.chars().count() == 1 {
        format!("-{name}")
    } else {
        format!("--{name}")
    }
}

fn note_switch(name: &str, line: usize, notes: &mut Vec<Note>, get: &mut bool) {
    if matches!(name, "G" | "get") {
        *get = true;
    }
    let why = switch_note(name).unwrap_or("not something the page does");
    let note = format!("{}: {why}.", dashes(name));
    notes.push(if *get && matches!(name, "G" | "get") { Note::taken(line, note) } else { Note::ignored(line, note) });
}

fn take(name: &str, value: &Word, sent: &mut Sent, data: &mut Vec<String>, line: usize, notes: &mut Vec<Note>) {
    let v = value.text.clone();
    match long_name(name) {
        "request" => sent.method = Some(v.to_ascii_uppercase()),
        "url" => sent.url = v,
        "header" => match v.split_once(':') {
            Some((n, val)) => sent.headers.push((n.trim().to_owned(), val.trim().to_owned())),
            None => notes.push(Note::ignored(line, format!("-H {v}: not a Name: value header."))),
        },
        "user" => {
            sent.user = Some(match v.split_once(':') {
                Some((id, secret)) => (id.to_owned(), Some(secret.to_owned())),
                None => (v, None),
            });
        }
        "oauth2-bearer" => sent.headers.push(("Authorization".into(), format!("Bearer {v}"))),
        "data" | "data-ascii" | "data-binary" | "data-raw" | "json" => {
            if name == "json" {
                sent.json = true;
            }
            if v.starts_with('@') && name != "data-raw" {
                let file = &v[1..];
                notes.push(Note::ignored(
                    line,
                    format!(
                        "{} @{file}: the page cannot read a file from a paste; type the body in the form.",
                        dashes(name)
                    ),
                ));
            } else {
                // `-d` drops line ends as curl does; `--data-raw` and `--json` keep them.
                data.push(if name == "data-raw" || name == "json" { v } else { v.replace(['\n', '\r'], "") });
            }
        }
        "data-urlencode" => data.push(match v.split_once('=') {
            Some((field, raw)) if !field.contains('@') => format!("{field}={}", form_encode(raw)),
            None if v.starts_with('=') => form_encode(&v[1..]),
            _ if v.contains('@') => {
                notes.push(Note::ignored(
                    line,
                    format!("--data-urlencode {v}: the page cannot read a file from a paste."),
                ));
                return;
            }
            _ => form_encode(&v),
        }),
        "form" => notes.push(Note::ignored(
            line,
            format!("-F {v}: a multipart form; ORDS's token endpoint takes only a form-encoded body."),
        )),
        _ => notes.push(Note::ignored(line, format!("{} {v}: not something the page does.", dashes(name)))),
    }
    left_as_written(value, &dashes(name), line, notes);
}

/// Says which variables of a word the paste does not set (they stay as written).
fn left_as_written(word: &Word, what: &str, line: usize, notes: &mut Vec<Note>) {
    for name in &word.unknown {
        notes.push(Note::ignored(line, format!("${name} in {what}: not set in the paste, left as written.")));
    }
    if word.substituted {
        notes.push(Note::ignored(line, format!("A $(…) or backtick command in {what}: never run, left as written.")));
    }
}
