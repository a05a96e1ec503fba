//! Replies as JSON: `{variant: value}`, one key naming the variant. The page reads its own
//! helper's answers: an unknown variant is an error, an item it cannot read is left out.

use super::{LessonInfo, ProviderNotes, Reply, ScenarioInfo, StepInfo};
use crate::catalog::{CatalogEntry, Endpoint};
use crate::closed::Closed;
use crate::code::PostmanImport;
use crate::collection::CollectionPage;
use crate::config::PlaygroundConfig;
use crate::diagnose::wire::{self as dw, flag, pairs, text};
use crate::http::HttpResponse;
use crate::provider::Provider;
use crate::secret::{ClientSecret, Password};
use serde_json::{json, Map, Value};

pub(super) fn reply_json(reply: &Reply) -> Value {
    let (tag, value) = match reply {
        Reply::Done => ("done", Value::Null),
        Reply::Sim(Ok(r)) => {
            ("response", json!({ "status": r.status, "reason": r.reason, "headers": r.headers, "body": r.body }))
        }
        Reply::Sim(Err(why)) => ("refused", json!(why)),
        Reply::SimRedirected(target) => ("redirected", json!(target)),
        Reply::Scenarios(list) => ("scenarios", list.iter().map(|s| json!([s.name, s.failure, s.try_it])).collect()),
        Reply::Lessons(list) => ("lessons", list.iter().map(lesson_json).collect()),
        Reply::Marks(marks) => ("marks", json!(marks)),
        Reply::Findings(f) => ("findings", dw::findings_to_json(f)),
        Reply::CorsFixes(c) => ("cors_fixes", dw::cors_fixes_to_json(c)),
        Reply::Profile(p) => ("profile", p.as_ref().map_or(Value::Null, dw::profile_to_json)),
        Reply::Text(t) => ("text", json!(t)),
        Reply::Providers(list) => ("providers", list.iter().map(provider_json).collect()),
        Reply::CatalogEntries(list) => ("catalog_entries", list.iter().map(|e| json!([e.name, e.openapi])).collect()),
        Reply::Endpoints(list) => ("endpoints", list.iter().map(endpoint_json).collect()),
        Reply::Imported(found) => (
            "imported",
            json!({
                "config": found.config.as_ref().map(PlaygroundConfig::to_fragment),
                "client_secret": found.client_secret.as_ref().map(ClientSecret::secret),
                "password": found.password.as_ref().map(Password::secret),
            }),
        ),
        Reply::CollectionPage(p) => ("collection_page", p.as_ref().map_or(Value::Null, CollectionPage::to_json)),
        Reply::Pasted(p) => ("pasted", crate::paste::wire::to_json(p)),
    };
    Value::Object(Map::from_iter([(tag.to_owned(), value)]))
}

fn lesson_json(l: &LessonInfo) -> Value {
    let steps: Vec<Value> = l
        .steps
        .iter()
        .map(|s| {
            json!({ "id": s.id, "title": s.title, "goal": s.goal, "hints": s.hints, "marks": s.marks, "shows":
            s.shows })
        })
        .collect();
    json!({
        "id": l.id, "title": l.title, "scenario": l.scenario, "stage": l.stage, "intro": l.intro,
        "minutes": l.minutes, "steps": steps,
    })
}

fn provider_json(p: &ProviderNotes) -> Value {
    json!({ "key": p.provider.key(), "where": p.where_to_find, "blocked": p.blocked, "says": p.says })
}

fn endpoint_json(e: &Endpoint) -> Value {
    json!({ "method": e.method, "url": e.url, "params": e.params, "auth": e.needs_auth, "summary": e.summary })
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    let list = v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    list.iter().filter_map(Value::as_str).map(str::to_owned).collect()
}

/// The page reads its own helper's answers: an item it cannot read is left out.
fn list<T>(v: &Value, item: impl Fn(&Value) -> Option<T>) -> Result<Vec<T>, String> {
    Ok(v.as_array().ok_or("The helper's answer is not a list.")?.iter().filter_map(item).collect())
}

pub(super) fn reply_from(v: &Value) -> Result<Reply, String> {
    let (tag, x) = v.as_object().and_then(|o| o.iter().next()).ok_or("The helper's answer is empty.")?;
    Ok(match tag.as_str() {
        "done" => Reply::Done,
        "response" => Reply::Sim(Ok(HttpResponse {
            status: x.get("status").and_then(Value::as_u64).and_then(|n| u16::try_from(n).ok()).unwrap_or(0),
            reason: text(x, "reason"),
            headers: pairs(x, "headers"),
            body: text(x, "body"),
        })),
        "refused" => Reply::Sim(Err(x.as_str().unwrap_or_default().to_owned())),
        "redirected" => Reply::SimRedirected(x.as_str().map(str::to_owned)),
        "scenarios" => Reply::Scenarios(list(x, |s| {
            let at = |i: usize| s.get(i).and_then(Value::as_str).map(str::to_owned);
            Some(ScenarioInfo { name: at(0)?, failure: at(1)?, try_it: at(2)? })
        })?),
        "lessons" => Reply::Lessons(list(x, lesson_from)?),
        "marks" => Reply::Marks(list(x, Value::as_bool)?),
        "findings" => Reply::Findings(dw::findings_from_json(x)),
        "cors_fixes" => Reply::CorsFixes(dw::cors_fixes_from_json(x)),
        "profile" => Reply::Profile((!x.is_null()).then(|| dw::profile_from_json(x))),
        "text" => Reply::Text(x.as_str().ok_or("The helper's text is not text.")?.to_owned()),
        "providers" => Reply::Providers(list(x, |p| {
            Some(ProviderNotes {
                provider: Provider::from_key(p.get("key")?.as_str()?)?,
                where_to_find: text(p, "where"),
                blocked: flag(p, "blocked"),
                says: text(p, "says"),
            })
        })?),
        "catalog_entries" => Reply::CatalogEntries(list(x, |e| {
            Some(CatalogEntry { name: e.get(0)?.as_str()?.to_owned(), openapi: e.get(1)?.as_str().map(str::to_owned) })
        })?),
        "endpoints" => Reply::Endpoints(list(x, |e| {
            Some(Endpoint {
                method: text(e, "method"),
                url: text(e, "url"),
                params: texts(e, "params"),
                needs_auth: e.get("auth").and_then(Value::as_bool),
                summary: text(e, "summary"),
            })
        })?),
        "imported" => Reply::Imported(Box::new(PostmanImport {
            config: x.get("config").and_then(Value::as_str).map(|c| PlaygroundConfig::from_fragment(c).config),
            client_secret: x.get("client_secret").and_then(Value::as_str).map(ClientSecret::new),
            password: x.get("password").and_then(Value::as_str).map(Password::new),
        })),
        "collection_page" => Reply::CollectionPage(CollectionPage::from_json(x)),
        "pasted" => Reply::Pasted(Box::new(crate::paste::wire::from_json(x))),
        other => return Err(format!("The helper answered {:?}, which this page does not know.", at_most(other))),
    })
}

fn at_most(text: &str) -> String {
    text.chars().take(40).collect()
}

fn lesson_from(l: &Value) -> Option<LessonInfo> {
    let steps = l.get("steps")?.as_array()?;
    Some(LessonInfo {
        id: text(l, "id"),
        title: text(l, "title"),
        scenario: text(l, "scenario"),
        stage: text(l, "stage"),
        intro: text(l, "intro"),
        minutes: l.get("minutes").and_then(Value::as_u64).and_then(|n| u8::try_from(n).ok()).unwrap_or(0),
        steps: steps
            .iter()
            .map(|s| StepInfo {
                id: text(s, "id"),
                title: text(s, "title"),
                goal: text(s, "goal"),
                hints: texts(s, "hints"),
                marks: texts(s, "marks"),
                shows: s.get("shows").and_then(Value::as_str).map(str::to_owned),
            })
            .collect(),
    })
}
