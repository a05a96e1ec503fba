use super::*;
use crate::config::Flow;
use crate::diagnose::{FindingId, Probe, Severity};
use crate::exchange::{Exchange, Received, Step, TimedBy};
use crate::flow::Purpose;
use crate::provider::Provider;
use crate::request::PreparedRequest;
use serde_json::{json, Value};

fn inputs() -> Inputs {
    Inputs {
        page_origin: "https://docs.example".into(),
        flow: Flow::OAuth2,
        token_url: "https://h/ords/hr/oauth/token".into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: ClientSecret::new("m2Qx.."),
        now_s: 1_800_000_000,
        ..Inputs::default()
    }
}

fn timeline() -> Vec<TimelineEntry> {
    let request = HttpRequest::new("GET", "https://h/ords/hr/employees/");
    let received = Received {
        response: HttpResponse { status: 401, reason: "Unauthorized".into(), headers: vec![], body: "x".into() },
        elapsed_ms: 12.5,
        timed_by: TimedBy::PageClock,
        received_at_ms: 1.8e12,
    };
    let prepared = PreparedRequest { wire: request.clone(), shown: request, credential: None };
    vec![TimelineEntry {
        purpose: Purpose::Resource,
        exchange: Exchange { step: Step::Resource, request: prepared, result: Ok(received) },
    }]
}

fn code_job(with_secrets: bool) -> CodeJob {
    CodeJob {
        config: PlaygroundConfig { client_id: "abc..".into(), ..Default::default() },
        secrets: with_secrets.then(|| (ClientSecret::new("s3"), Password::new("p&w"))),
        page_origin: "http://127.0.0.1:8080".into(),
        headers: vec![("Accept".into(), "application/json".into())],
        body: "{\"a\":1}".into(),
    }
}

/// One job of each kind (the match fails to compile when a kind is added without a sample).
fn sample(kind: JobKind) -> Job {
    let text = "t\u{0}\"'".to_owned();
    match kind {
        JobKind::Sim => Job::Sim {
            request: HttpRequest {
                headers: vec![("Origin".into(), "null".into())],
                ..HttpRequest::new("GET", "http://h/x")
            },
            origin: "http://127.0.0.1:8080".into(),
            scenario: "rotated-secret".into(),
        },
        JobKind::SimReset => Job::SimReset { origin: "o".into(), scenario: String::new() },
        JobKind::Scenarios => Job::Scenarios,
        JobKind::Lessons => Job::Lessons,
        JobKind::LessonCheck => Job::LessonCheck { lesson: "first-token".into(), step: "s".into(), evidence: text },
        JobKind::DiagnoseInputs => Job::DiagnoseInputs(inputs()),
        JobKind::DiagnoseRun => Job::DiagnoseRun {
            inputs: inputs(),
            timeline: timeline(),
            facts: RunFacts { probe: Probe::ReachableWithoutCors, token_expired: true },
        },
        JobKind::CorsFixes => Job::CorsFixes { origin: "o".into(), resource_url: "u".into(), client_id: "c".into() },
        JobKind::JwtCheck => Job::JwtCheck {
            token: text,
            profile: JwtProfile { issuer: "https://i/".into(), allowed_skew_s: Some(30), ..Default::default() },
            jwks: Jwks::Kids(vec!["k1".into()]),
        },
        JobKind::JwtPrefill => Job::JwtPrefill { token: text },
        JobKind::JwtSql => Job::JwtSql { profile: JwtProfile::default(), pattern: "/hr/*".into() },
        JobKind::Providers => Job::Providers,
        JobKind::CatalogEntries => Job::CatalogEntries { text },
        JobKind::OpenapiEndpoints => Job::OpenapiEndpoints { text },
        JobKind::Code => Job::Code { target: CodeTarget::SetupSql, from: code_job(true) },
        JobKind::PostmanExport => Job::PostmanExport(code_job(false)),
        JobKind::PostmanEnvironment => Job::PostmanEnvironment(code_job(true)),
        JobKind::PostmanImport => Job::PostmanImport { text },
        JobKind::CollectionPage => Job::CollectionPage { text },
        JobKind::ReadPaste => Job::ReadPaste { text },
        JobKind::Ping => Job::Ping,
    }
}

fn round_trip_job(job: &Job) -> Job {
    let (id, back) = read_job(&job_message(7, job));
    assert_eq!(id, Some(7));
    back.unwrap_or_else(|why| panic!("{:?}: {why}", job.kind()))
}

#[test]
fn a_job_s_long_text_travels_apart_from_its_json_and_is_put_back() {
    for kind in JobKind::ALL {
        let job = sample(kind);
        let (json, text) = job_parts(7, job.clone());
        let (id, back) = read_job_parts(&json, text.clone());
        assert_eq!(id, Some(7));
        assert_eq!(job_message(7, &back.unwrap()), job_message(7, &job), "{kind:?}");
        let carries = matches!(
            kind,
            JobKind::CatalogEntries
                | JobKind::OpenapiEndpoints
                | JobKind::PostmanImport
                | JobKind::CollectionPage
                | JobKind::ReadPaste
        );
        assert_eq!(text.is_some(), carries, "{kind:?}");
        if carries {
            assert!(!json.contains("\\u0000"), "the text is not in the JSON: {json}");
        }
    }
    // A big body is not in the JSON at all.
    let body = format!("{{\"items\":[{}]}}", "\"x\",".repeat(100_000));
    let (json, text) = job_parts(1, Job::CollectionPage { text: body.clone() });
    assert!(json.len() < 100, "{json}");
    assert_eq!(text.as_deref(), Some(body.as_str()));
    // A text sent beside a job that has none changes nothing.
    let (json, _) = job_parts(2, Job::Ping);
    assert_eq!(read_job_parts(&json, Some("stray".into())).1.map(|j| j.kind()), Ok(JobKind::Ping));
}

#[test]
fn every_job_reads_back_as_written() {
    for kind in JobKind::ALL {
        let job = sample(kind);
        assert_eq!(job.kind(), kind);
        let back = round_trip_job(&job);
        assert_eq!(job_message(7, &back), job_message(7, &job), "{kind:?}");
    }
    // Spot checks that the values, not only the texts, survive.
    let Job::Code { target, from } = round_trip_job(&sample(JobKind::Code)) else { panic!() };
    assert_eq!(target, CodeTarget::SetupSql);
    assert_eq!(
        from.secrets.map(|(s, p)| (s.secret().to_owned(), p.secret().to_owned())),
        Some(("s3".into(), "p&w".into()))
    );
    assert_eq!(from.config.client_id, "abc..");
    let Job::PostmanExport(from) = round_trip_job(&sample(JobKind::PostmanExport)) else { panic!() };
    assert!(from.secrets.is_none(), "no secrets unless asked for");
    // A pre-authenticated URL's token travels only with the secrets.
    for include in [true, false] {
        let mut job = code_job(include);
        job.config.flow = Flow::Par;
        job.config.resource_url = crate::demo::par_url().replace(crate::demo::PAR_TOKEN, "Real-tok_1");
        let message = job_message(1, &Job::Code { target: CodeTarget::Curl, from: job });
        assert_eq!(message.contains("Real-tok_1"), include, "{message}");
        let Job::Code { from, .. } = read_job(&message).1.unwrap() else { panic!() };
        let token = if include { "Real-tok_1" } else { "TOKEN" };
        assert!(from.config.resource_url.contains(&format!("/_/par/{token}/")), "{}", from.config.resource_url);
    }
    let Job::DiagnoseRun { inputs, timeline, facts } = round_trip_job(&sample(JobKind::DiagnoseRun)) else { panic!() };
    assert_eq!((inputs.client_secret.secret(), inputs.now_s), ("m2Qx..", 1_800_000_000));
    assert_eq!(timeline[0].exchange, tests::timeline()[0].exchange);
    assert_eq!((facts.probe, facts.token_expired), (Probe::ReachableWithoutCors, true));
}

#[test]
fn unknown_or_malformed_jobs_are_errors_never_another_job() {
    let read = |job: Value| read_job(&json!({ "id": 1, "job": job }).to_string()).1.map(|j| j.kind());
    assert_eq!(read(json!({ "do": "nothing" })), Err("unknown job \"nothing\"".into()));
    assert_eq!(read(json!({ "do": 7 })), Err("The job has no name.".into()));
    for name in ["javascript", "setup_sql", "postman"] {
        let mut job = job_message(1, &sample(JobKind::Code));
        job = job.replace("\"setup-sql\"", &format!("{name:?}"));
        assert_eq!(read_job(&job).1.map(|j| j.kind()), Err(format!("unknown code target {name:?}")));
    }
    assert_eq!(read(json!({ "do": "sim", "method": "GET" })), Err("The job has no \"url\".".into()));
    let headers =
        json!({ "do": "sim", "method": "GET", "url": "u", "headers": "x", "body": "", "origin": "", "scenario": "" });
    assert_eq!(read(headers), Err("The job's \"headers\" is not a list.".into()));
    assert_eq!(
        read(json!({ "do": "catalog_refusal", "status": 404, "url": "u" })),
        Err("unknown job \"catalog_refusal\"".into())
    );
    let (id, job) = read_job("not json");
    assert_eq!((id, job.unwrap_err()), (None, "The message is not JSON.".to_owned()));
    assert_eq!(read_job("{\"id\":2}").0, Some(2));
}

/// One reply of each variant.
fn replies() -> Vec<Reply> {
    let all = vec![
        Reply::Done,
        Reply::Sim(Ok(HttpResponse {
            status: 200,
            reason: "OK".into(),
            headers: vec![("a".into(), "b".into())],
            body: "{}".into(),
        })),
        Reply::Sim(Err("no Access-Control-Allow-Origin".into())),
        Reply::SimRedirected(Some("https://h/ords/demo/hr/employees/".into())),
        Reply::SimRedirected(None),
        Reply::Scenarios(vec![ScenarioInfo { name: "n".into(), failure: "f".into(), try_it: "t".into() }]),
        Reply::Lessons(vec![LessonInfo {
            id: "first-token".into(),
            title: "T".into(),
            scenario: String::new(),
            stage: "flow=oauth2".into(),
            intro: "i".into(),
            minutes: 5,
            steps: vec![StepInfo {
                id: "s".into(),
                title: "t".into(),
                goal: "g".into(),
                hints: vec!["h".into()],
                marks: vec!["m".into()],
                shows: Some("code".into()),
            }],
        }]),
        Reply::Marks(vec![true, false]),
        Reply::Findings(vec![Finding::new(FindingId::TokenPath, Severity::Problem, "c", "e").fix("f")]),
        Reply::CorsFixes(CorsFixes {
            origin: "o".into(),
            alias: Some("hr".into()),
            module: None,
            module_sql: None,
            client_sql: "s".into(),
            client_newer: "n".into(),
        }),
        Reply::Profile(Some(JwtProfile { audience: "api".into(), ..Default::default() })),
        Reply::Profile(None),
        Reply::Text("curl …".into()),
        Reply::Providers(vec![ProviderNotes {
            provider: Provider::ALL[2],
            where_to_find: "w".into(),
            blocked: true,
            says: "s".into(),
        }]),
        Reply::CatalogEntries(vec![CatalogEntry { name: "hr".into(), openapi: None }]),
        Reply::Endpoints(vec![Endpoint {
            method: "GET".into(),
            url: "u".into(),
            params: vec!["id".into()],
            needs_auth: Some(true),
            summary: "s".into(),
        }]),
        Reply::Imported(Box::new(PostmanImport {
            config: None,
            client_secret: Some(ClientSecret::new("s")),
            password: None,
        })),
        Reply::CollectionPage(Some(CollectionPage { offset: 0, limit: 25, count: 25, has_more: true, links: vec![] })),
        Reply::CollectionPage(None),
        Reply::Pasted(Box::new(crate::paste::read_paste(
            "curl -H 'X-A: 1' --user id..:s3 -d grant_type=client_credentials https://h.example/ords/hr/oauth/token",
        ))),
    ];
    // Fails to compile when a variant is added without a sample above.
    for reply in &all {
        match reply {
            Reply::Done
            | Reply::Sim(_)
            | Reply::SimRedirected(_)
            | Reply::Scenarios(_)
            | Reply::Lessons(_)
            | Reply::Marks(_)
            | Reply::Findings(_)
            | Reply::CorsFixes(_)
            | Reply::Profile(_)
            | Reply::Text(_)
            | Reply::Providers(_)
            | Reply::CatalogEntries(_)
            | Reply::Endpoints(_)
            | Reply::Imported(_)
            | Reply::CollectionPage(_)
            | Reply::Pasted(_) => {}
        }
    }
    all
}

fn round_trip_reply(reply: Result<Reply, String>) -> (String, Result<Reply, String>) {
    let text = answer_message(Some(9), &reply);
    match read_answer(&text) {
        Some(FromHelper::Answer { id: 9, answer }) => (text, answer),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn every_reply_reads_back_as_written() {
    for reply in replies() {
        let (text, back) = round_trip_reply(Ok(reply));
        assert_eq!(answer_message(Some(9), &back), text);
    }
    let (_, error) = round_trip_reply(Err("unknown job \"x\"".into()));
    assert_eq!(error.unwrap_err(), "unknown job \"x\"");
    assert!(matches!(read_answer(READY), Some(FromHelper::Ready)));
    assert!(read_answer("{\"id\":\"x\",\"ok\":{}}").is_none(), "not a number: nothing the page asked");
    let Some(FromHelper::Answer { answer, .. }) = read_answer("{\"id\":1,\"ok\":{\"surprise\":1}}") else { panic!() };
    assert_eq!(answer.unwrap_err(), "The helper answered \"surprise\", which this page does not know.");
}

#[test]
fn an_answer_of_another_kind_is_an_error_not_a_default() {
    assert_eq!(Reply::Text("x".into()).text(), Ok("x".to_owned()));
    assert_eq!(Reply::Done.findings().unwrap_err(), OTHER_ANSWER);
    assert!(Reply::Marks(vec![]).done().is_err());
    let Some(FromHelper::Answer { answer, .. }) = read_answer("{\"id\":1,\"ok\":{\"marks\":[true,1]}}") else {
        panic!()
    };
    assert_eq!(answer.and_then(Reply::marks), Ok(vec![true]), "an item the page cannot read is left out");
    let Some(FromHelper::Answer { answer, .. }) = read_answer("{\"id\":1,\"ok\":{\"marks\":7}}") else { panic!() };
    assert_eq!(answer.unwrap_err(), "The helper's answer is not a list.");
}
