//! The protocol as JSON text. A message to the helper is `{"id": n, "job": {"do": kind, …}}`,
//! or that and a job's long text side by side (`[json, text]`, see [`job_parts`]);
//! its answer `{"id": n, "ok": {variant: …}}` or `{"id": n, "error": "…"}`; the helper says
//! [`READY`] once when it can take messages. Jobs are read strictly (a missing or mistyped
//! field is an error answer); what nests inside them goes through the diagnosis's codec.

use super::reply_wire::{reply_from, reply_json};
use super::{CodeJob, Job, JobKind, Reply};
use crate::closed::Closed;
use crate::code::CodeTarget;
use crate::config::PlaygroundConfig;
use crate::diagnose::wire as dw;
use crate::secret::{ClientSecret, Password};
use serde_json::{json, Value};

/// What the helper sends once its code has loaded: messages sent before would be lost.
pub const READY: &str = r#"{"ready":true}"#;

/// A message from the helper.
#[derive(Debug)]
pub enum FromHelper {
    Ready,
    Answer { id: u64, answer: Result<Reply, String> },
}

/// The message that asks job number `id`.
pub fn job_message(id: u64, job: &Job) -> String {
    // Not `Value::to_string`: its Display path links the io::Error texts into the page.
    serde_json::to_string(&json!({ "id": id, "job": job_json(job) })).unwrap_or_default()
}

/// The message that asks job number `id`, with the long text some jobs carry (a response body,
/// a pasted collection) apart from its JSON: the page hands that text to the helper as it is,
/// where escaping a 10 MB body into JSON held the page's thread for over 100 ms.
pub fn job_parts(id: u64, mut job: Job) -> (String, Option<String>) {
    let text = job.take_text();
    (job_message(id, &job), text)
}

/// [`read_job`] of a message from [`job_parts`]: the text that came apart is put back (a job
/// without a text ignores it).
pub fn read_job_parts(message: &str, text: Option<String>) -> (Option<u64>, Result<Job, String>) {
    let (id, mut job) = read_job(message);
    if let (Ok(job), Some(text)) = (&mut job, text) {
        job.put_text(text);
    }
    (id, job)
}

/// The job in a message, and its number if it has one (an answer carries it back).
pub fn read_job(message: &str) -> (Option<u64>, Result<Job, String>) {
    let Ok(parsed) = serde_json::from_str::<Value>(message) else {
        return (None, Err("The message is not JSON.".into()));
    };
    (parsed.get("id").and_then(Value::as_u64), parsed.get("job").ok_or_else(|| "No job.".into()).and_then(job_from))
}

/// The answer to job number `id`.
pub fn answer_message(id: Option<u64>, answer: &Result<Reply, String>) -> String {
    let message = match answer {
        Ok(reply) => json!({ "id": id, "ok": reply_json(reply) }),
        Err(why) => json!({ "id": id, "error": why }),
    };
    serde_json::to_string(&message).unwrap_or_default()
}

/// A message from the helper; None for anything else (nothing the page asked).
pub fn read_answer(message: &str) -> Option<FromHelper> {
    let parsed: Value = serde_json::from_str(message).ok()?;
    if parsed.get("ready").is_some() {
        return Some(FromHelper::Ready);
    }
    let id = parsed.get("id")?.as_u64()?;
    let answer = match (parsed.get("ok"), parsed.get("error").and_then(Value::as_str)) {
        (_, Some(why)) => Err(why.to_owned()),
        (Some(ok), None) => reply_from(ok),
        (None, None) => Err("The helper's answer has neither a result nor an error.".into()),
    };
    Some(FromHelper::Answer { id, answer })
}

fn job_json(job: &Job) -> Value {
    let mut out = match job {
        Job::Sim { request, origin, scenario } => {
            let mut v = dw::request_with_body(request, &request.body);
            v["origin"] = json!(origin);
            v["scenario"] = json!(scenario);
            v
        }
        Job::SimReset { origin, scenario } => json!({ "origin": origin, "scenario": scenario }),
        Job::Scenarios | Job::Lessons | Job::Providers | Job::Ping => json!({}),
        Job::LessonCheck { lesson, step, evidence } => json!({ "lesson": lesson, "step": step, "evidence": evidence }),
        Job::DiagnoseInputs(inputs) => json!({ "inputs": dw::inputs_to_json(inputs) }),
        Job::DiagnoseRun { inputs, timeline, facts } => json!({
            "inputs": dw::inputs_to_json(inputs), "timeline": dw::timeline_to_json(timeline),
            "facts": dw::facts_to_json(*facts),
        }),
        Job::CorsFixes { origin, resource_url, client_id } => {
            json!({ "origin": origin, "resource_url": resource_url, "client_id": client_id })
        }
        Job::JwtCheck { token, profile, jwks } => {
            json!({ "token": token, "profile": dw::profile_to_json(profile), "jwks": dw::jwks_to_json(jwks) })
        }
        Job::JwtPrefill { token } => json!({ "token": token }),
        Job::JwtSql { profile, pattern } => json!({ "profile": dw::profile_to_json(profile), "pattern": pattern }),
        Job::CatalogEntries { text }
        | Job::OpenapiEndpoints { text }
        | Job::PostmanImport { text }
        | Job::CollectionPage { text }
        | Job::ReadPaste { text } => json!({ "text": text }),
        Job::Code { target, from } => {
            let mut v = code_json(from);
            v["target"] = json!(target.key());
            v
        }
        Job::PostmanExport(from) | Job::PostmanEnvironment(from) => code_json(from),
    };
    out["do"] = json!(job.kind().key());
    out
}

fn code_json(c: &CodeJob) -> Value {
    json!({
        "config": c.config.to_fragment(),
        "secrets": c.secrets.as_ref().map(|(s, p)| [s.secret(), p.secret()]),
        // The text form never holds a pre-authenticated URL's token: it travels here, and only
        // when the code is to include secrets.
        "par_url": (c.config.flow == crate::config::Flow::Par && c.secrets.is_some()).then_some(&c.config.resource_url),
        "page_origin": c.page_origin, "headers": c.headers, "body": c.body,
    })
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("The job has no {key:?}."))
}

fn string(v: &Value, key: &str) -> Result<String, String> {
    field(v, key)?.as_str().map(str::to_owned).ok_or_else(|| format!("The job's {key:?} is not text."))
}

fn string_pairs(v: &Value, key: &str) -> Result<Vec<(String, String)>, String> {
    let list = field(v, key)?.as_array().ok_or_else(|| format!("The job's {key:?} is not a list."))?;
    let pair = |p: &Value| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned()));
    list.iter().map(|p| pair(p).ok_or_else(|| format!("The job's {key:?} holds something other than pairs."))).collect()
}

fn job_from(v: &Value) -> Result<Job, String> {
    let name = v.get("do").and_then(Value::as_str).ok_or("The job has no name.")?;
    let kind = JobKind::from_key(name)
        .ok_or_else(|| format!("unknown job {:?}", name.chars().take(40).collect::<String>()))?;
    let s = |key: &str| string(v, key);
    Ok(match kind {
        JobKind::Sim => Job::Sim {
            request: crate::http::HttpRequest {
                method: s("method")?,
                url: s("url")?,
                headers: string_pairs(v, "headers")?,
                body: s("body")?,
            },
            origin: s("origin")?,
            scenario: s("scenario")?,
        },
        JobKind::SimReset => Job::SimReset { origin: s("origin")?, scenario: s("scenario")? },
        JobKind::Scenarios => Job::Scenarios,
        JobKind::Lessons => Job::Lessons,
        JobKind::Providers => Job::Providers,
        JobKind::Ping => Job::Ping,
        JobKind::LessonCheck => Job::LessonCheck { lesson: s("lesson")?, step: s("step")?, evidence: s("evidence")? },
        JobKind::DiagnoseInputs => Job::DiagnoseInputs(dw::inputs_from_json(field(v, "inputs")?)),
        JobKind::DiagnoseRun => Job::DiagnoseRun {
            inputs: dw::inputs_from_json(field(v, "inputs")?),
            timeline: dw::timeline_from_json(field(v, "timeline")?),
            facts: dw::facts_from_json(field(v, "facts")?),
        },
        JobKind::CorsFixes => {
            Job::CorsFixes { origin: s("origin")?, resource_url: s("resource_url")?, client_id: s("client_id")? }
        }
        JobKind::JwtCheck => Job::JwtCheck {
            token: s("token")?,
            profile: dw::profile_from_json(field(v, "profile")?),
            jwks: dw::jwks_from_json(field(v, "jwks")?),
        },
        JobKind::JwtPrefill => Job::JwtPrefill { token: s("token")? },
        JobKind::JwtSql => Job::JwtSql { profile: dw::profile_from_json(field(v, "profile")?), pattern: s("pattern")? },
        JobKind::CatalogEntries => Job::CatalogEntries { text: s("text")? },
        JobKind::OpenapiEndpoints => Job::OpenapiEndpoints { text: s("text")? },
        JobKind::PostmanImport => Job::PostmanImport { text: s("text")? },
        JobKind::CollectionPage => Job::CollectionPage { text: s("text")? },
        JobKind::ReadPaste => Job::ReadPaste { text: s("text")? },
        JobKind::Code => {
            let named = s("target")?;
            let target = CodeTarget::from_key(&named)
                .ok_or_else(|| format!("unknown code target {:?}", named.chars().take(40).collect::<String>()))?;
            Job::Code { target, from: code_from(v)? }
        }
        JobKind::PostmanExport => Job::PostmanExport(code_from(v)?),
        JobKind::PostmanEnvironment => Job::PostmanEnvironment(code_from(v)?),
    })
}

fn code_from(v: &Value) -> Result<CodeJob, String> {
    let secrets = match field(v, "secrets")? {
        Value::Null => None,
        pair => {
            let one = |i: usize| pair.get(i).and_then(Value::as_str).ok_or("The secrets are not two texts.");
            Some((ClientSecret::new(one(0)?), Password::new(one(1)?)))
        }
    };
    let mut config = PlaygroundConfig::from_fragment(&string(v, "config")?).config;
    if let Some(url) = v.get("par_url").and_then(Value::as_str).filter(|_| secrets.is_some()) {
        config.resource_url = url.to_owned();
    }
    Ok(CodeJob {
        config,
        secrets,
        page_origin: string(v, "page_origin")?,
        headers: string_pairs(v, "headers")?,
        body: string(v, "body")?,
    })
}
