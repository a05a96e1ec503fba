//! An HTTPie command (`http`, `https`, `xh`): `-a id:secret`, `-f`/`--form`, an optional
//! method, the URL, then items: `Name:value` headers, `field=value` data, `field:=json`,
//! `name==value` query parameters.

use super::shell::Command;
use super::{Note, Sent};
use crate::encode::form_encode;

pub(crate) fn read(cmd: &Command, notes: &mut Vec<Note>) -> Option<Sent> {
    let program = cmd.words.first()?.text.rsplit(['/', '\\']).next()?.to_ascii_lowercase();
    if !matches!(program.as_str(), "http" | "https" | "xh" | "xhs") {
        return None;
    }
    let line = cmd.line;
    let unknown = cmd.words.iter().flat_map(|w| w.unknown.iter().cloned()).collect();
    let mut sent = Sent { line, json: true, unknown, ..Sent::default() };
    let (mut fields, mut json_fields, mut query) = (Vec::new(), Vec::new(), Vec::new());
    let mut args = cmd.words[1..].iter().map(|w| w.text.as_str());
    while let Some(arg) = args.next() {
        match arg {
            "-a" | "--auth" => {
                let Some(pair) = args.next() else { break };
                sent.user = Some(match pair.split_once(':') {
                    Some((id, secret)) => (id.to_owned(), Some(secret.to_owned())),
                    None => (pair.to_owned(), None),
                });
            }
            "-f" | "--form" => sent.json = false,
            "-j" | "--json" => sent.json = true,
            a if a.starts_with('-') => notes.push(Note::ignored(line, format!("{a}: not something the page does."))),
            a if sent.url.is_empty() && sent.method.is_none() && a.chars().all(|c| c.is_ascii_uppercase()) => {
                sent.method = Some(a.to_owned());
            }
            a if sent.url.is_empty() => {
                // `:8181/path` is localhost's; a URL without a scheme gets the program's.
                let scheme = if program.starts_with("https") || program == "xhs" { "https" } else { "http" };
                sent.url = if a.starts_with(':') {
                    format!("{scheme}://localhost{a}")
                } else if !a.contains("://") {
                    format!("{scheme}://{a}")
                } else {
                    a.to_owned()
                };
            }
            a => {
                if let Some((n, v)) = a.split_once("==") {
                    query.push(format!("{}={}", form_encode(n), form_encode(v)));
                } else if let Some((n, v)) = a.split_once(":=") {
                    json_fields.push(format!("{}:{v}", serde_json::Value::from(n)));
                } else if let Some((n, v)) = split_item(a) {
                    fields.push((n.to_owned(), v.to_owned()));
                } else if let Some((n, v)) = a.split_once(':') {
                    sent.headers.push((n.to_owned(), v.to_owned()));
                } else {
                    notes.push(Note::ignored(line, format!("{a}: not an HTTPie item the page reads.")));
                }
            }
        }
    }
    if !query.is_empty() {
        let sep = if sent.url.contains('?') { '&' } else { '?' };
        sent.url = format!("{}{sep}{}", sent.url, query.join("&"));
    }
    if !fields.is_empty() || !json_fields.is_empty() {
        sent.body = Some(if sent.json {
            let strings = fields.iter().map(|(n, v)| {
                format!("{}:{}", serde_json::Value::from(n.as_str()), serde_json::Value::from(v.as_str()))
            });
            format!("{{{}}}", strings.chain(json_fields).collect::<Vec<_>>().join(","))
        } else {
            fields.iter().map(|(n, v)| format!("{}={}", form_encode(n), form_encode(v))).collect::<Vec<_>>().join("&")
        });
    } else {
        sent.json = false;
    }
    Some(sent)
}

/// `field=value` when `=` comes before any `:` (else it is a header `Name:value`).
fn split_item(item: &str) -> Option<(&str, &str)> {
    let eq = item.find('=')?;
    item.find(':').is_none_or(|colon| eq < colon).then(|| (&item[..eq], &item[eq + 1..]))
}
