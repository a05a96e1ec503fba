//! The helper's jobs, as plain functions from a JSON message to a JSON answer, so they are
//! tested natively: `sim` (a request to the in-page ORDS, seen as a browser on the page's
//! origin would), `sim_reset` (optionally into a workshop scenario), `scenarios`, `lessons`,
//! `lesson_check` (a run's evidence against a step), `diagnose_inputs`, `diagnose_run` and
//! `cors_fixes` (the diagnosis, see `ords_core::diagnosis_wire`), `jwt_check`, `jwt_prefill`,
//! `jwt_sql` and `providers` (JWT profiles and identity providers), `catalog_entries`,
//! `openapi_endpoints` and `catalog_refusal` (Browse endpoints), `code`, `postman_export`,
//! `postman_environment` and `postman_import`.

use ords_core::diagnosis_wire as wire;
use ords_core::lessons::{self, RunEvidence, LESSONS};
use ords_core::{
    catalog, cors_fixes, diagnose_inputs, diagnose_run, jwt_profile, BrowserToken, CollectionPage, Provider,
};
use ords_core::{
    export_postman, export_postman_environment, generate, import_postman, BasicSettings, ClientSecret, CodeInput,
    CodeTarget, HttpRequest, OAuthSettings, Password, Plan, PlaygroundConfig, ResourceCall,
};
use ords_sim::{browser::fetch_as_browser, scenarios, Sim, SimConfig};
use serde_json::{json, Value};
use std::cell::RefCell;

thread_local! {
    static SIM: RefCell<Option<Sim>> = const { RefCell::new(None) };
}

/// The scenario a job names, if it is one (an empty name or `healthy` is the demo).
fn scenario_of(job: &Value) -> Result<Option<&'static scenarios::Scenario>, String> {
    match text(job, "scenario") {
        "" | "healthy" => Ok(None),
        name => scenarios::find(name).map(Some).ok_or_else(|| format!("unknown scenario {name:?}")),
    }
}

/// Answers one message (`now_ms` and `random` come from the worker's clock and `Math.random`).
pub fn answer(message: &str, now_ms: f64, random: f64) -> String {
    let parsed: Value = serde_json::from_str(message).unwrap_or(Value::Null);
    let id = parsed.get("id").cloned().unwrap_or(Value::Null);
    let job = parsed.get("job").cloned().unwrap_or(Value::Null);
    match run(&job, now_ms, random) {
        Ok(ok) => json!({ "id": id, "ok": ok }),
        Err(error) => json!({ "id": id, "error": error }),
    }
    .to_string()
}

fn text<'a>(job: &'a Value, key: &str) -> &'a str {
    job.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn pairs(value: Option<&Value>) -> Vec<(String, String)> {
    let list = value.and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter().filter_map(|p| Some((p.get(0)?.as_str()?.to_owned(), p.get(1)?.as_str()?.to_owned()))).collect()
}

fn run(job: &Value, now_ms: f64, random: f64) -> Result<Value, String> {
    match text(job, "do") {
        "sim" => Ok(sim(job, now_ms, random)),
        "sim_reset" => {
            let scenario = scenario_of(job)?;
            SIM.with(|cell| *cell.borrow_mut() = Some(fresh(text(job, "origin"), scenario, now_ms, random)));
            Ok(Value::Null)
        }
        // The JWT scenarios need the identity provider, which only ords-sim has.
        "scenarios" => Ok(scenarios::SCENARIOS
            .iter()
            .filter(|s| !s.jwt)
            .map(|s| json!({ "name": s.name, "failure": s.failure, "try": s.try_it }))
            .collect()),
        "lessons" => Ok(LESSONS.iter().map(lesson_json).collect()),
        "lesson_check" => lesson_check(job),
        "diagnose_inputs" => {
            let inputs = wire::inputs_from_json(job.get("inputs").unwrap_or(&Value::Null));
            Ok(wire::findings_to_json(&diagnose_inputs(&inputs)))
        }
        "diagnose_run" => {
            let inputs = wire::inputs_from_json(job.get("inputs").unwrap_or(&Value::Null));
            let timeline = wire::timeline_from_json(job.get("timeline").unwrap_or(&Value::Null));
            let facts = wire::facts_from_json(job.get("facts").unwrap_or(&Value::Null));
            Ok(wire::findings_to_json(&diagnose_run(&inputs, &timeline, facts)))
        }
        "jwt_check" => {
            let profile = wire::profile_from_json(job.get("profile").unwrap_or(&Value::Null));
            let jwks = wire::jwks_from_json(job.get("jwks").unwrap_or(&Value::Null));
            let now_s = (now_ms / 1000.0) as i64;
            Ok(wire::findings_to_json(&jwt_profile::check(text(job, "token"), &profile, now_s, &jwks)))
        }
        "jwt_prefill" => {
            Ok(jwt_profile::prefill(text(job, "token")).map_or(Value::Null, |p| wire::profile_to_json(&p)))
        }
        "jwt_sql" => {
            let profile = wire::profile_from_json(job.get("profile").unwrap_or(&Value::Null));
            Ok(Value::from(jwt_profile::jwt_profile_sql(&profile, text(job, "pattern"))))
        }
        "providers" => Ok(Provider::ALL.iter().map(|p| provider_json(*p)).collect()),
        "catalog_entries" => catalog::parse_metadata_catalog(text(job, "text"))
            .map(|list| list.iter().map(|e| json!({ "name": e.name, "openapi": e.openapi })).collect()),
        "openapi_endpoints" => catalog::parse_openapi(text(job, "text")).map(|list| {
            list.iter()
                .map(|e| json!({ "method": e.method, "url": e.url, "params": e.params, "auth": e.needs_auth, "summary": e.summary }))
                .collect()
        }),
        "catalog_refusal" => {
            let status = job.get("status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()).unwrap_or(0);
            Ok(wire::findings_to_json(&catalog::catalog_refusal(status, text(job, "url")).into_iter().collect::<Vec<_>>()))
        }
        "cors_fixes" => Ok(wire::cors_fixes_to_json(&cors_fixes(
            text(job, "origin"),
            text(job, "resource_url"),
            text(job, "client_id"),
        ))),
        "code" | "postman_export" | "postman_environment" => code(job).map(Value::from),
        "postman_import" => postman_import(text(job, "text")),
        "collection_page" => Ok(CollectionPage::parse(text(job, "text")).map_or(Value::Null, |p| p.to_json())),
        "ping" => Ok(Value::Null),
        other => Err(format!("unknown job {other:?}")),
    }
}

/// The demo ORDS, allowing the page's origin (as an instructor would configure it), then
/// changed by the scenario (which may take that origin away again).
fn fresh(origin: &str, scenario: Option<&scenarios::Scenario>, now_ms: f64, random: f64) -> Sim {
    let mut config = SimConfig::demo();
    config.set_origins(&[origin.to_owned()]);
    if let Some(scenario) = scenario {
        scenario.apply(&mut config);
    }
    let seed = (random * 9_007_199_254_740_992.0) as u64 ^ now_ms as u64;
    Sim::new(config, seed)
}

fn sim(job: &Value, now_ms: f64, random: f64) -> Value {
    let request = HttpRequest {
        method: text(job, "method").to_owned(),
        url: text(job, "url").to_owned(),
        headers: pairs(job.get("headers")),
        body: text(job, "body").to_owned(),
    };
    let origin = text(job, "origin");
    let answer = SIM.with(|cell| {
        let mut slot = cell.borrow_mut();
        let sim = slot.get_or_insert_with(|| fresh(origin, scenario_of(job).ok().flatten(), now_ms, random));
        fetch_as_browser(sim, &request, origin, now_ms as u64)
    });
    match answer {
        Ok(r) => json!({ "status": r.status, "reason": r.reason, "headers": r.headers, "body": r.body }),
        Err(why) => json!({ "refused": why }),
    }
}

fn provider_json(p: Provider) -> Value {
    let (browser, says) = match p.browser() {
        BrowserToken::Allowed(s) => ("allowed", s),
        BrowserToken::Blocked(s) => ("blocked", s),
        BrowserToken::Unknown(s) => ("unknown", s),
    };
    let params: Vec<Value> = p.params().iter().map(|x| json!([x.name, x.value, x.place.key()])).collect();
    json!({
        "key": p.key(), "label": p.label(), "token_url": p.token_url(), "params": params,
        "where": p.where_to_find(), "browser": browser, "says": says,
    })
}

fn lesson_json(lesson: &lessons::Lesson) -> Value {
    let steps: Vec<Value> = lesson
        .steps
        .iter()
        .map(|step| {
            json!({
                "id": step.id, "title": step.title, "goal": step.goal, "hints": step.hints,
                "marks": step.marks.iter().map(|m| m.describe()).collect::<Vec<_>>(),
                "shows": step.shows.map(|s| s.key()),
            })
        })
        .collect();
    json!({
        "id": lesson.id, "title": lesson.title, "scenario": lesson.scenario, "stage": lesson.stage,
        "intro": lesson.intro, "minutes": lesson.minutes, "steps": steps,
    })
}

/// Which of a step's marks one run shows.
fn lesson_check(job: &Value) -> Result<Value, String> {
    let lesson = lessons::lesson(text(job, "lesson")).ok_or("unknown lesson")?;
    let step = lesson.steps.iter().find(|s| s.id == text(job, "step")).ok_or("unknown step")?;
    Ok(json!(step.marks_met(&RunEvidence::from_text(text(job, "evidence")))))
}

/// The code for a target the page names; an unknown target is an error, never another one.
fn code(job: &Value) -> Result<String, String> {
    let config = PlaygroundConfig::from_fragment(text(job, "config")).config;
    let oauth = OAuthSettings {
        token_url: config.token_url.clone(),
        client_id: config.client_id.clone(),
        client_secret: ClientSecret::new(text(job, "client_secret")),
        client_auth: config.client_auth,
        encode_credentials: config.encode_credentials,
        scope: config.scope.clone(),
        extra: config.extra.clone(),
    };
    let basic = BasicSettings { username: config.username.clone(), password: Password::new(text(job, "password")) };
    let call = ResourceCall {
        url: config.resource_url.clone(),
        method: config.method,
        headers: pairs(job.get("headers")),
        body: text(job, "body").to_owned(),
    };
    let placement = config.placement();
    let input = CodeInput {
        flow: config.flow,
        oauth: &oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: job.get("include").and_then(Value::as_bool).unwrap_or(false),
        page_origin: text(job, "page_origin"),
    };
    match text(job, "do") {
        "postman_export" => return Ok(export_postman(&Plan::new(&input))),
        "postman_environment" => return Ok(export_postman_environment(&Plan::new(&input))),
        _ => {}
    }
    let named = text(job, "target");
    let target = CodeTarget::ALL
        .into_iter()
        .find(|t| t.key() == named)
        .ok_or_else(|| format!("unknown code target {:?}", named.chars().take(40).collect::<String>()))?;
    let mut out = generate(target, &input);
    // With a JWT profile described, the setup also creates it.
    if target == CodeTarget::SetupSql && !config.jwt.issuer.is_empty() {
        let pattern = jwt_profile::privilege_pattern(&config.resource_url);
        out.push('\n');
        out.push_str(&jwt_profile::jwt_profile_sql(&config.jwt, &pattern));
    }
    Ok(out)
}

fn postman_import(text: &str) -> Result<Value, String> {
    let found = import_postman(text)?;
    Ok(json!({
        "config": found.config.map(|c| c.to_fragment()),
        "client_secret": found.client_secret.map(|s| s.secret().to_owned()),
        "password": found.password.map(|p| p.secret().to_owned()),
    }))
}

#[cfg(test)]
mod hostile_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(job: Value) -> Value {
        serde_json::from_str(&answer(&json!({ "id": 3, "job": job }).to_string(), 1.8e12, 0.5)).unwrap()
    }

    #[test]
    fn the_simulator_answers_as_a_browser_on_the_page_would_see_it() {
        let origin = "http://127.0.0.1:8080";
        let token = ask(json!({
            "do": "sim", "method": "POST", "url": "http://127.0.0.1:8181/ords/demo/oauth/token", "origin": origin,
            "headers": [["Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg=="],
                        ["Content-Type", "application/x-www-form-urlencoded"]],
            "body": "grant_type=client_credentials",
        }));
        assert_eq!(token["id"], 3);
        assert_eq!(token["ok"]["status"], 200);
        assert!(token["ok"]["body"].as_str().unwrap().contains("\"token_type\":\"bearer\""));
        let refused = ask(json!({ "do": "sim", "method": "GET", "url": "https://elsewhere/x", "origin": origin }));
        assert!(refused["ok"]["refused"].as_str().unwrap().contains("no Access-Control-Allow-Origin"), "{refused}");
        assert_eq!(ask(json!({ "do": "sim_reset", "origin": origin }))["ok"], Value::Null);
    }

    #[test]
    fn scenarios_and_lessons_come_from_their_crates_and_reset_the_simulator() {
        let origin = "http://127.0.0.1:8080";
        let names: Vec<String> =
            ask(json!({ "do": "scenarios" }))["ok"].as_array().unwrap().iter().map(|s| s["name"].to_string()).collect();
        assert_eq!(
            names.len(),
            scenarios::SCENARIOS.iter().filter(|s| !s.jwt).count(),
            "no JWT scenario: no identity provider here"
        );
        let token = || {
            ask(json!({
                "do": "sim", "method": "POST", "url": "http://127.0.0.1:8181/ords/demo/oauth/token", "origin": origin,
                "headers": [["Authorization", "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg=="],
                            ["Content-Type", "application/x-www-form-urlencoded"]],
                "body": "grant_type=client_credentials",
            }))["ok"]["status"]
                .clone()
        };
        assert_eq!(
            ask(json!({ "do": "sim_reset", "origin": origin, "scenario": "rotated-secret" }))["ok"],
            Value::Null
        );
        assert_eq!(token(), 401, "the demo secret was rotated away");
        assert_eq!(ask(json!({ "do": "sim_reset", "origin": origin, "scenario": "healthy" }))["ok"], Value::Null);
        assert_eq!(token(), 200);
        assert!(ask(json!({ "do": "sim_reset", "origin": origin, "scenario": "nope" }))["error"].is_string());
        // Every lesson's scenario is one the simulator has.
        let lessons = ask(json!({ "do": "lessons" }))["ok"].clone();
        for lesson in lessons.as_array().unwrap() {
            if let Some(name) = lesson["scenario"].as_str() {
                assert!(scenarios::find(name).is_some(), "{name}");
            }
            assert!(!lesson["steps"][0]["marks"][0].as_str().unwrap().is_empty());
        }
        let rotated = ords_core::lessons::lesson("rotated-secret").unwrap();
        assert!(
            rotated.steps[1].hints.iter().any(|h| h.contains(scenarios::ROTATED_SECRET)),
            "the hint gives the new secret"
        );
        let met = |evidence: &str| {
            ask(json!({ "do": "lesson_check", "lesson": "first-token", "step": "get-token", "evidence": evidence }))
                ["ok"]
                .clone()
        };
        assert_eq!(met("flow=oauth2&x=token%3A200"), json!([true]));
        assert_eq!(met("flow=oauth2&x=token%3A401&f=token-401"), json!([false]));
        assert!(ask(json!({ "do": "lesson_check", "lesson": "nope", "step": "x" }))["error"].is_string());
    }

    #[test]
    fn jwt_jobs_check_prefill_and_write_sql() {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
        let claims = r#"{"iss":"https://acme.auth0.com/","aud":["api","https://acme.auth0.com/userinfo"],"scope":"hr.read","exp":1800000300}"#;
        let token = format!("{}.{}.c2ln", URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#), URL_SAFE_NO_PAD.encode(claims));
        let profile = ask(json!({ "do": "jwt_prefill", "token": token }))["ok"].clone();
        assert_eq!(profile["audience"], "api");
        assert_eq!(profile["jwk_url"], "https://acme.auth0.com/.well-known/jwks.json");
        let found = ask(json!({ "do": "jwt_check", "token": token, "profile": profile }))["ok"].clone();
        assert_eq!(found[0]["id"], "jwt-audience-array");
        let sql =
            ask(json!({ "do": "jwt_sql", "profile": profile, "pattern": "/hr/*" }))["ok"].as_str().unwrap().to_owned();
        assert!(sql.contains("ORDS_SECURITY.CREATE_JWT_PROFILE("), "{sql}");
        let providers = ask(json!({ "do": "providers" }))["ok"].clone();
        assert_eq!(providers[2]["key"], "entra");
        assert_eq!(providers[2]["browser"], "blocked");
    }

    #[test]
    fn code_is_written_from_the_settings_text_and_the_secrets() {
        let config = PlaygroundConfig { client_id: "abc..".into(), ..Default::default() }.to_fragment();
        let curl =
            ask(json!({ "do": "code", "target": "curl", "config": config, "client_secret": "s3", "include": true }));
        let text = curl["ok"].as_str().unwrap();
        assert!(text.contains("CLIENT_SECRET='s3'") && text.contains("--user 'abc..:'"), "{text}");
        let hidden =
            ask(json!({ "do": "code", "target": "curl", "config": config, "client_secret": "s3", "include": false }));
        assert!(!hidden["ok"].as_str().unwrap().contains("s3'"));
        let collection = ask(json!({ "do": "postman_export", "config": config }))["ok"].as_str().unwrap().to_owned();
        let back = ask(json!({ "do": "postman_import", "text": collection }));
        assert_eq!(PlaygroundConfig::from_fragment(back["ok"]["config"].as_str().unwrap()).config.client_id, "abc..");
        assert!(ask(json!({ "do": "postman_import", "text": "nope" }))["error"]
            .as_str()
            .unwrap()
            .starts_with("Not JSON"));
        assert!(ask(json!({ "do": "nothing" }))["error"].is_string());
    }
}
