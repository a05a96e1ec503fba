//! A paste, read, as JSON: the helper reads it, the page shows and applies it. The secrets
//! cross (as a Postman import's do): the page puts them only into its secret fields.

use super::{Fill, Note, PasteKind, Pasted};
use crate::call::Method;
use crate::closed::Closed;
use crate::config::Flow;
use crate::diagnose::wire::{findings_from_json, findings_to_json};
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};
use serde_json::{json, Value};

pub fn to_json(p: &Pasted) -> Value {
    let f = &p.fill;
    let extra = f.extra.as_ref().map(|e| e.iter().map(|x| json!([x.name, x.value, x.place.key()])).collect::<Vec<_>>());
    json!({
        "kind": p.kind.map(PasteKind::key),
        "problem": p.problem,
        "notes": p.notes.iter().map(|n| json!([n.line, n.taken, n.said])).collect::<Vec<_>>(),
        "findings": findings_to_json(&p.findings),
        "fill": {
            "flow": f.flow.map(Flow::key),
            "token_url": f.token_url,
            "client_id": f.client_id,
            "client_secret": f.client_secret.as_ref().map(ClientSecret::secret),
            "client_auth": f.client_auth.map(ClientAuth::key),
            "scope": f.scope,
            "extra": extra,
            "resource_url": f.resource_url,
            "method": f.method.map(Method::as_str),
            "headers": f.headers,
            "body": f.body,
            "username": f.username,
            "password": f.password.as_ref().map(Password::secret),
            "own_token": f.own_token.as_ref().map(AccessToken::secret),
            "par_url": f.par_url.as_ref().map(crate::par::ParUrl::url),
            "open_database": f.open_database,
        },
    })
}

pub fn from_json(v: &Value) -> Pasted {
    let f = v.get("fill").unwrap_or(&Value::Null);
    let s = |k: &str| f.get(k).and_then(Value::as_str).map(str::to_owned);
    let extra = f.get("extra").and_then(Value::as_array).map(|list| {
        list.iter()
            .filter_map(|x| {
                Some(ExtraParam {
                    name: x.get(0)?.as_str()?.to_owned(),
                    value: x.get(1)?.as_str()?.to_owned(),
                    place: ParamPlace::from_key(x.get(2)?.as_str()?)?,
                })
            })
            .collect()
    });
    let notes = v.get("notes").and_then(Value::as_array).into_iter().flatten().filter_map(|n| {
        Some(Note {
            line: usize::try_from(n.get(0)?.as_u64()?).ok()?,
            taken: n.get(1)?.as_bool()?,
            said: n.get(2)?.as_str()?.to_owned(),
        })
    });
    Pasted {
        kind: v.get("kind").and_then(Value::as_str).and_then(PasteKind::from_key),
        problem: v.get("problem").and_then(Value::as_str).map(str::to_owned),
        notes: notes.collect(),
        findings: v.get("findings").map(findings_from_json).unwrap_or_default(),
        fill: Fill {
            flow: s("flow").and_then(|k| Flow::from_key(&k)),
            token_url: s("token_url"),
            client_id: s("client_id"),
            client_secret: s("client_secret").map(ClientSecret::new),
            client_auth: s("client_auth").and_then(|k| ClientAuth::from_key(&k)),
            scope: s("scope"),
            extra,
            resource_url: s("resource_url"),
            method: s("method").and_then(|m| Method::parse(&m)),
            headers: s("headers"),
            body: s("body"),
            username: s("username"),
            password: s("password").map(Password::new),
            own_token: s("own_token").map(AccessToken::new),
            par_url: s("par_url").and_then(|u| crate::par::ParUrl::parse(&u).ok()),
            open_database: f.get("open_database").and_then(Value::as_bool).unwrap_or(false),
        },
    }
}
